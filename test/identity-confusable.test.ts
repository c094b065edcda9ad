/**
 * Cross-document identity on articles written to confuse it (test/fixtures/identity: written
 * for these tests, not real reports): two countries' Supreme Courts, three Karls, two
 * Mohammeds, two Browns, Zelensky/Zelenskyy. Raw text through the real pipeline and store.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { identityReport, type IdentityReport } from '../eval/identity.js';

const DIR = join(process.cwd(), 'test/fixtures/identity');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort().map((f) => join(DIR, f));
const texts = files.map((f) => (JSON.parse(readFileSync(f, 'utf8')) as { text: string }).text).join('\n');

let report: IdentityReport;
test.before(async () => {
  report = await identityReport(files);
});

interface Found { identity: number; documents: Set<string> }

/** The identity of the entity named `name` (exactly, case-insensitive) in document `doc`, with the documents it spans. */
function identityOf(doc: string, name: string, type?: string): Found {
  const all = report.groups.flatMap((g) => g.names.map((n) => ({ ...n, identity: g.identity, type: g.type })));
  const hit = all.find((n) => n.document === `identity-${doc}` && n.name.toLowerCase() === name.toLowerCase() && (!type || n.type === type));
  if (!hit) return { identity: -1, documents: new Set([`identity-${doc}`]) };
  return { identity: hit.identity, documents: new Set(all.filter((n) => n.identity === hit.identity).map((n) => n.document.replace(/^identity-/, ''))) };
}

const docsOf = (doc: string, name: string, type?: string) => [...identityOf(doc, name, type).documents].map((d) => d.replace(/^identity-/, '')).sort();

test('two countries\' Supreme Courts stay apart; one country\'s Supreme Court joins across its articles', () => {
  assert.deepEqual(docsOf('court-pakistan-2', 'Supreme Court of Pakistan'), ['court-pakistan', 'court-pakistan-2']);
  // the U.S. court and the Indian one (no country written, the article is about India) join nothing
  assert.deepEqual(docsOf('court-us', 'Supreme Court'), ['court-us']);
  for (const g of report.groups) {
    const docs = new Set(g.names.map((n) => n.document));
    if (g.type === 'ORG' && g.names.some((n) => /supreme court/i.test(n.name))) {
      assert.ok(!docs.has('identity-court-india') && !docs.has('identity-court-us'), `a Supreme Court merged across countries: ${JSON.stringify(g.names)}`);
    }
  }
  // the U.S. court is either named with its country ("U.S. Supreme Court", then no other court's
  // name is a candidate) or, named "Supreme Court", refused with the countries as the reason
  const refusal = report.refused.find((r) => r.document === 'identity-court-us' && r.name === 'Supreme Court');
  const usCourts = report.named.filter((n) => n.document === 'identity-court-us' && /supreme court/i.test(n.name));
  assert.ok(usCourts.length > 0, 'the U.S. court is found');
  const namedWithCountry = new Set(usCourts.filter((c) => /^(the )?U\.S\. Supreme Court$/i.test(c.name)).map((c) => c.identity));
  for (const court of usCourts) {
    if (namedWithCountry.has(court.identity)) continue;
    assert.ok(refusal && /U\.S\./.test(refusal.evidence) && /Pakistan/.test(refusal.evidence), `the refusal says which countries: ${JSON.stringify(refusal)}`);
  }
});

test('never on a first name alone: three Karls and two Mohammeds stay apart', () => {
  for (const g of report.groups) {
    if (g.type !== 'PERSON') continue;
    const docs = new Set(g.names.map((n) => n.document.replace(/^identity-/, '')));
    for (const [a, b] of [['karl-marx', 'karl-lagerfeld'], ['karl-marx', 'karl-farmer'], ['karl-lagerfeld', 'karl-farmer'], ['mohammed-morsi', 'mohammed-salman'], ['mohammed-morsi', 'mohammed-salman-2']]) {
      assert.ok(!(docs.has(a) && docs.has(b)), `${a} and ${b} merged: ${JSON.stringify(g.names)}`);
    }
  }
});

test('spellings of one name join: Mohammed/Muhammad bin Salman, Zelensky/Zelenskyy (and the lone surname with a title)', () => {
  assert.deepEqual(docsOf('mohammed-salman', 'Mohammed bin Salman'), ['mohammed-salman', 'mohammed-salman-2']);
  assert.deepEqual(docsOf('zelensky', 'Volodymyr Zelensky'), ['zelensky', 'zelenskyy', 'zelenskyy-2']);
});

test('a surname that is also a common word joins only with agreeing context: Senator Brown is Sherrod Brown, not Gordon Brown', () => {
  assert.deepEqual(docsOf('brown-gordon', 'Gordon Brown'), ['brown-gordon']);
  assert.deepEqual(docsOf('brown-sherrod', 'Sherrod Brown'), ['brown-senator', 'brown-sherrod']);
  const link = report.merges.find((m) => m.name === 'Sherrod Brown' || (m.document === 'identity-brown-senator' && m.name === 'Brown'));
  assert.ok(link && /senator/i.test(link.evidence), `the evidence names the title: ${JSON.stringify(link)}`);
});

test('every merge keeps a confidence and evidence in words from the articles, never an internal key', () => {
  assert.ok(report.merges.length >= 5);
  for (const m of report.merges) {
    assert.ok(m.confidence > 0 && m.confidence <= 1, JSON.stringify(m));
    assert.ok(m.evidence.length > 10, JSON.stringify(m));
    // every quoted name in the evidence is written in one of the articles (no phonetic keys such as “zelenski”)
    for (const [, q] of m.evidence.matchAll(/“([^”]+)”/g)) {
      assert.ok(texts.toLowerCase().includes(q.toLowerCase()), `“${q}” in evidence is not in the articles: ${m.evidence}`);
    }
  }
});
