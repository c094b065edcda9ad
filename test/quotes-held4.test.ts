import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadGold } from '../eval/quotes-gold.js';
import { inScope } from '../eval/quotes.js';
import { assertUnseen, assertWellFormed } from './support/quote-sets.js';

/** held4 (fresh14): fresh Wikinews articles from AMALGUM's extra news folder, annotated before Chronicle ran on them. */
const all = loadGold();
const held4 = all.filter((d) => d.split === 'held4');
const sha = (s: string) => createHash('sha1').update(s).digest('hex');
const HALF_A = 10;
const HALF_B = 11;

test('held4: fresh Wikinews articles from amalgum_extra with source, licence and a half fixed by the hash of the id', () => {
  assert.equal(held4.length, HALF_A + HALF_B);
  for (const d of held4) {
    assert.equal(d.origin, 'wikinews', d.slug);
    assert.equal(d.licence, 'CC BY 2.5', d.slug);
    assert.match(d.url ?? '', /^https:\/\/en\.wikinews\.org\/wiki\/\S+$/, d.slug);
    assert.match(d.attribution, /amalgum_extra\/news\/xml\/AMALGUM_news_\w+\.xml/, d.slug);
    assert.match(d.id, /^amalgum:AMALGUM_news_[a-z]+$/, d.slug);
    assert.match(d.slug, /^h4-/);
    assert.equal(d.half, parseInt(sha(`held4-half:${d.id}`)[0], 16) < 8 ? 'A' : 'B', d.slug);
  }
  assert.equal(held4.filter((d) => d.half === 'A').length, HALF_A);
  assert.equal(held4.filter((d) => d.half === 'B').length, HALF_B);
});

test('held4: every attribution points at the words it quotes, with a speaker, and every document has some', () => {
  const n = assertWellFormed(held4, { lostOpeningMark: true });
  assert.ok(n >= 10 * held4.length, `${n} attributions`);
});

/** Every file under a folder, as text (the other annotation sets: coref-fresh, events, times, places). */
function textsUnder(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) out.push(...textsUnder(p));
    else if (/\.(jsonl|json|txt|tsv|ann)$/.test(f)) out.push(readFileSync(p, 'utf8'));
  }
  return out;
}

test('held4 is unseen: no other quote split, annotation set or unlabelled Wikinews article shares its titles, URLs or opening words', () => {
  assertUnseen(held4, all.filter((d) => d.split !== 'held4'));
  const sets = ['coref-fresh', 'events', 'times', 'places'].flatMap((s) => textsUnder(join(process.cwd(), 'eval/data', s))).join('\n');
  for (const d of held4) {
    // 200 characters: 60 can be shared by two stories ("A research team from the Massachusetts Institute of Technolo…")
    assert.ok(!sets.includes(d.title) && !sets.includes(d.text.slice(0, 200)) && !sets.includes(d.id.replace(/^amalgum:/, '')), `${d.slug}: in another annotation set`);
  }
});

test('held4 stays out of every other figure: scored only when --held4 asks for it', () => {
  const none = { blind: false, held3: false, held4: false };
  assert.ok(held4.length > 0);
  for (const d of held4) {
    assert.equal(inScope(d, none), false, d.slug);
    assert.equal(inScope(d, { ...none, held3: true, blind: true }), false, d.slug);
    assert.equal(inScope(d, { ...none, held4: true }), true, d.slug);
  }
  // asking for held4 adds held4 and nothing else
  const dev = all.filter((d) => inScope(d, none)).map((d) => d.id);
  const withHeld4 = all.filter((d) => inScope(d, { ...none, held4: true })).map((d) => d.id);
  assert.deepEqual(withHeld4.filter((id) => !dev.includes(id)).sort(), held4.map((d) => d.id).sort());
  assert.ok(dev.every((id) => withHeld4.includes(id)));
});
