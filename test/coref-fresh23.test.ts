/**
 * fresh23's coreference set (eval/data/coref-fresh23): the data parse, the documents are the committed selector's (frozen
 * n–z candidates, exclusions re-derived from the repository at 7cf875a, SHA-1 order per tier, recorded probes and skips,
 * halves alternating per genre; 3 documents read in the thirteenth session, 7 more by the same rule in the fourteenth
 * (fresh24) and 7 more again (fresh25)),
 * the set shares no page, title, id or opening with any other text we hold, the eval asks for it by `--fresh23`, and the
 * scorer scores it. Chronicle is never run on it here: the set is unseen whole.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FRESH_SETS, freshRequest, readFreshDocs } from '../eval/coref-fresh.js';
import { loadModule, assertAmalgumDocs, assertCompiled, assertHalfAErrorsOnly, assertHandLinksScored, evalSet, namedCounts, otherTexts, pageKey, sharedWith } from './support/coref-fresh-sets.js';

const docs = readFreshDocs(FRESH_SETS.fresh23.file);
const sha = (s: string) => createHash('sha1').update(s).digest('hex');
type Genre = 'news' | 'interview';
type Tier = 'tier0' | 'tier1' | 'tier2' | 'tier3';
/** eval/data/coref-fresh23/tools/select.mjs: the frozen candidates, what was excluded, probed and skipped, the rule. */
interface Selector {
  BASE: string;
  idOf: (genre: Genre, name: string) => string;
  order: (genre: Genre) => string[];
  taken: (genre: Genre) => string[];
  skipped: (genre: Genre, name: string) => boolean;
  halfOf: (id: string) => string | undefined;
  computeTiers: () => Record<Tier, string[]>;
  computeExcludedWords: () => Set<string>;
  CANDIDATES: Record<Tier, string[]>;
  EXCLUDED: string[];
  TIER_ORDER: Record<Genre, Tier[]>;
  ABSENT: Record<Genre, string[]>;
  PROBED_BEYOND: Record<Genre, string[]>;
  PRESENT_UNREAD: Record<Genre, string[]>;
  FIRST_PRESENT_UNREAD: Record<Genre, string[]>;
  SKIPPED: Record<string, string>;
  NEWS_TAKEN: number;
  INTERVIEWS_TAKEN: number;
  FOLDER: Record<Genre, string>;
}
const selector = () => loadModule<Selector>('eval/data/coref-fresh23/tools/select.mjs');
/** The base commit is in this clone (a shallow clone lacks it: then the frozen lists stand). */
const hasBase = (base: string) => { try { execFileSync('git', ['cat-file', '-e', `${base}^{commit}`], { stdio: 'ignore' }); return true; } catch { return false; } };

test('coref-fresh23: 17 Wikinews documents (11 news, 6 interview parts) with source, licence, commit and AMALGUM file', async () => {
  const s = await selector();
  const byGenre = { news: s.NEWS_TAKEN, interview: s.INTERVIEWS_TAKEN };
  assert.deepEqual(byGenre, { news: 11, interview: 6 }, 'the read prefix: 11 news, 6 interview parts');
  for (const genre of ['news', 'interview'] as const) assert.equal(docs.filter((d) => d.genre === genre).length, byGenre[genre], genre);
  assert.deepEqual(docs.filter((d) => !/^[n-z]/.test(d.slug)), [], 'this set takes names n–z only (nerfresh23 takes a–m)');
  const words = assertAmalgumDocs(docs, s.idOf, (g) => s.FOLDER[g], 3);
  assert.ok(words >= 8000 && words <= 9500, `words: ${words}`);
});

test('coref-fresh23: the candidates are the frozen n–z lexicon and gazetteer words, less every name an earlier set used or listed', async () => {
  const s = await selector();
  const all = [...s.CANDIDATES.tier0, ...s.CANDIDATES.tier1, ...s.CANDIDATES.tier2, ...s.CANDIDATES.tier3];
  assert.ok(all.every((n) => /^[n-z][a-z]+$/.test(n)), 'one lowercase word starting n–z');
  assert.equal(new Set(all).size, all.length, 'a name in one tier only');
  assert.ok(s.CANDIDATES.tier0.length > 150 && s.CANDIDATES.tier2.length > 300 && s.CANDIDATES.tier3.length > 1000);
  // every name an earlier set took is out: the AMALGUM ids of the earlier sets and fresh19's GUM names
  const named = new Set(['quotes', 'coref-fresh', 'coref-fresh16', 'coref-fresh19', 'coref-fresh22', 'ner-news', 'ner-fresh22'].flatMap(evalSet)
    .map((d) => /AMALGUM_(?:news|interview)_([a-z0-9]+)/.exec(d.id)?.[1]).filter((n): n is string => !!n));
  const { GUM_NAMES } = await loadModule<{ GUM_NAMES: string[] }>('eval/data/coref-fresh19/tools/select.mjs');
  assert.ok(named.size > 50);
  for (const n of [...named, ...GUM_NAMES]) assert.ok(!all.includes(n), `${n}: used by an earlier set`);
  // the check can fail: "police" and "president" are tier-0 words an earlier README names
  assert.ok(s.EXCLUDED.includes('police') && s.EXCLUDED.includes('president'));
  if (hasBase(s.BASE)) {
    // the frozen file is the rule's, run on the repository at the base commit
    const tiers = s.computeTiers();
    const ex = s.computeExcludedWords();
    for (const t of ['tier0', 'tier1', 'tier2', 'tier3'] as const) assert.deepEqual(tiers[t].filter((w) => !ex.has(w)), s.CANDIDATES[t], t);
    assert.deepEqual((['tier0', 'tier1', 'tier2', 'tier3'] as const).flatMap((t) => tiers[t].filter((w) => ex.has(w))), s.EXCLUDED);
    // tier 1 is what the gazetteer holds at the base (NORP and LOC, one word, n–z, not in tier 0)
    const gazetteer = JSON.parse(execFileSync('git', ['show', `${s.BASE}:models/gazetteer/gazetteer.json`], { encoding: 'utf8', maxBuffer: 1e9 })) as Record<string, string[]>;
    assert.deepEqual([...new Set([...gazetteer.NORP, ...gazetteer.LOC])].filter((w) => /^[n-z][a-z]+$/.test(w) && !tiers.tier0.includes(w)).sort(), tiers.tier1);
  }
});

test('coref-fresh23: the documents are the selector\'s — each tier by SHA-1, taken in order, every name on the way recorded absent', async () => {
  const s = await selector();
  assert.deepEqual(s.TIER_ORDER, { news: ['tier0', 'tier1', 'tier3', 'tier2'], interview: ['tier2', 'tier0', 'tier1', 'tier3'] });
  for (const genre of ['news', 'interview'] as const) {
    const order = s.order(genre);
    const key = (n: string) => sha(`fresh23:${s.idOf(genre, n)}`);
    let at = 0;
    for (const t of s.TIER_ORDER[genre]) {
      const block = order.slice(at, at + s.CANDIDATES[t].length);
      assert.deepEqual([...block].sort(), [...s.CANDIDATES[t]].sort(), `${genre} ${t}`);
      for (let k = 1; k < block.length; k++) assert.ok(key(block[k - 1]) < key(block[k]), `${genre}: ${block[k - 1]} before ${block[k]}`);
      at += block.length;
    }
    assert.equal(at, order.length);
    const taken = s.taken(genre);
    assert.deepEqual(docs.filter((d) => d.genre === genre).map((d) => d.slug).sort(), [...taken].sort(), genre);
    const last = order.indexOf(taken[taken.length - 1]);
    const skippedHere = (n: string) => `${genre}:${n}` in s.SKIPPED;
    // every name before the last taken was probed absent or read and skipped by a recorded rule, in order
    assert.deepEqual(order.slice(0, last).filter((n) => !taken.includes(n) && !skippedHere(n)), s.ABSENT[genre], `${genre}: no name passed over unrecorded`);
    // a skip was read on the way, or past the last taken among the names probed beyond it (fresh25's sandra)
    for (const n of order.filter(skippedHere)) assert.ok((order.indexOf(n) < last || s.PROBED_BEYOND[genre].includes(n)) && !s.ABSENT[genre].includes(n), `${genre} ${n}: skipped where probed`);
    // what was probed past the last taken follows it in order (absent, or read and skipped); nothing present is left unread
    assert.deepEqual(order.slice(last + 1, last + 1 + s.PROBED_BEYOND[genre].length), s.PROBED_BEYOND[genre], `${genre}: probed beyond, in order`);
    for (const n of s.PROBED_BEYOND[genre]) assert.ok(!s.ABSENT[genre].includes(n) && !taken.includes(n), `${genre} ${n}: probed beyond, not taken`);
    assert.deepEqual(s.PRESENT_UNREAD[genre], [], `${genre}: every file found present was read`);
    // the thirteenth session's present-unread record was followed: each of those files was read, then taken or skipped
    for (const n of s.FIRST_PRESENT_UNREAD[genre]) assert.ok(taken.includes(n) !== skippedHere(n), `${genre} ${n}: taken or skipped`);
    for (const [k, n] of taken.entries()) assert.equal(s.halfOf(s.idOf(genre, n)), k % 2 === 0 ? 'A' : 'B', `${genre} ${n}`);
  }
  assert.deepEqual(Object.keys(s.SKIPPED).sort(), ['interview:ricardo', 'interview:rick', 'interview:sandra', 'interview:steven']);
  for (const d of docs) assert.equal(d.half, s.halfOf(d.id), d.slug);
  assert.deepEqual(docs.filter((d) => d.half === 'A').map((d) => d.slug).sort(), ['olympics', 'stephane', 'swedish', 'tim', 'tommy', 'tornado', 'tribe', 'workers', 'zimbabwean']);
  for (const n of ['rick', 'steven', 'ricardo', 'sandra']) assert.equal(s.halfOf(`amalgum:AMALGUM_interview_${n}`), undefined, `no half for ${n}, read and skipped`);
});

test('coref-fresh23: every mention is well formed, with the annotation\'s counts of mentions that name their entity', () => {
  // counts as annotated (README), x- entities included: a lost or unlinked mention shows here
  assert.deepEqual(namedCounts(docs), COUNTS);
});

test('coref-fresh23: docs.jsonl is exactly the compiled hand annotation (eval/data/coref-fresh23/ann)', async () => {
  await assertCompiled('coref-fresh23', docs, (await selector()).halfOf as (id: string) => string);
});

test('coref-fresh23 is unseen: no unlabelled article, eval set, GUM document or example shares its id, title, Wikinews page or opening', () => {
  const others = otherTexts(['quotes', 'coref-fresh', 'coref-fresh16', 'coref-fresh19', 'coref-fresh22', 'ner-news', 'ner-fresh22', 'ner-fresh23', 'events']);
  for (const d of docs) assert.deepEqual(sharedWith(d, others, 200).map((o) => o.id), [], `${d.slug}: seen elsewhere`);
  assert.equal(new Set(docs.map((d) => pageKey(d.url))).size, docs.length, 'one document per page');
  // the two interview parts skipped for their page (SKIPPED) are skipped for a page another set holds
  const ids = new Set(others.map((o) => o.id));
  for (const id of ['amalgum:AMALGUM_interview_elgersma', 'amalgum:AMALGUM_interview_blogger']) assert.ok(ids.has(id), id);
  // interview sandra is skipped as part 0 of the page this set took as stephane (part 2)
  const stephane = docs.find((d) => d.slug === 'stephane')!;
  assert.equal(pageKey(stephane.url!), pageKey('https://en.wikinews.org/wiki/CanadaVOTES%3A_Liberal_Sandra_Gardiner_running_in_Perth%E2%80%94Wellington'));
  // the check can fail: a document of fresh22 is found by its page
  const crash = evalSet('coref-fresh22').find((d) => d.id === 'amalgum:AMALGUM_news_crash')!;
  assert.deepEqual(sharedWith({ id: 'x', title: 'y', url: crash.url!, text: '' }, others).map((o) => o.id), ['amalgum:AMALGUM_news_crash']);
});

test('coref-fresh23 wiring: --fresh23 asks for this set\'s tables, --fresh23-errors for half A\'s — half B\'s misses are neither listed nor shaped', () => {
  assert.equal(freshRequest(['--fresh23'])?.set.file, join(process.cwd(), 'eval', 'data', 'coref-fresh23', 'docs.jsonl'));
  assert.equal(freshRequest(['--fresh23'])?.errors, false);
  assert.deepEqual(freshRequest(['--fresh23', '--fresh22-errors']), { set: FRESH_SETS.fresh23, errors: false }, 'fresh22\'s error switch lists nothing of fresh23');
  assert.deepEqual(freshRequest(['--fresh23-errors']), { set: FRESH_SETS.fresh23, errors: true });
  assert.equal(freshRequest(['--fresh22'])?.set, FRESH_SETS.fresh22);
  assert.equal(FRESH_SETS.fresh23.halfBShapes, false, 'half B stays unseen: not even its shapes');
  assertHalfAErrorsOnly(docs, FRESH_SETS.fresh23);
  // the README names the set's source and licence
  const readme = readFileSync(join(process.cwd(), 'eval', 'data', 'coref-fresh23', 'README.md'), 'utf8');
  assert.match(readme, /CC BY 2\.5/);
  assert.match(readme, /gucorpling\/amalgum/);
});

test('coref-fresh23 scoring: a hand-made link to the gold entity is right, one on a mention with no named antecedent is wrong', () => {
  assertHandLinksScored(docs, 'he/she');
});

const COUNTS = { heShe: 73, it: 19, they: 10, description: 100, firstSecond: 172, other: 41 };
