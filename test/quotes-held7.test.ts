import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadGold } from '../eval/quotes-gold.js';
import { inScope } from '../eval/quotes.js';
import { trainingPool } from '../eval/quotes-speaker.js';
import { assertHalvedSwitches, assertUnseenByGum, freshSetTests } from './support/quote-sets.js';
import { evalSet } from './support/coref-fresh-sets.js';

/**
 * held7 (fresh18): the Wikinews articles of AMALGUM's extra news folder that held6 left unread, annotated before Chronicle ever
 * ran on them, in two halves the selector fixed before any file was read (alternating in taken order): half A is a readable
 * development pool of the kind of article held6 holds, half B is unseen. Nothing here runs the extractor on them.
 */
const gold = loadGold();
freshSetTests({ split: 'held7', prefix: 'h7', halves: { A: 7, B: 6 }, halfRule: 'alternate', selector: 'eval/data/quotes/tools/held7.mjs' }, gold, inScope);

const docs = gold.filter((d) => d.split === 'held7');
const name = (id: string) => id.replace(/^amalgum:AMALGUM_news_/, '');
interface Held7Selector { order: () => string[]; taken: () => string[]; halfOfName: (n: string) => 'A' | 'B' | undefined; SKIPPED: Record<string, string>; POOL: string[]; HELD6_LAST: string }
const load = async <T>(p: string) => (await import(pathToFileURL(join(process.cwd(), p)).href)) as T;

test('held7: the pool is what held6 left unread (its order after dakar), in the SHA-1 order of the held7 salt', async () => {
  const sel = await load<Held7Selector>('eval/data/quotes/tools/held7.mjs');
  const h6 = await load<{ order: () => string[] }>('eval/data/quotes/tools/held6.mjs');
  const held6Docs = gold.filter((d) => d.split === 'held6').map((d) => name(d.id));
  const pool = sel.order();
  assert.equal(sel.HELD6_LAST, 'dakar');
  assert.equal(held6Docs[held6Docs.length - 1], 'dakar', 'dakar is the last name held6 took');
  assert.equal(pool.length, 16);
  assert.deepEqual([...pool].sort(), h6.order().slice(h6.order().indexOf('dakar') + 1).sort());
  // every name any other quote or coreference set holds is out of the pool
  const used = [...evalSet('quotes'), ...evalSet('coref-fresh16'), ...evalSet('coref-fresh')].map((d) => d.id).filter((id) => /AMALGUM_news_/.test(id) && !docs.some((x) => x.id === id));
  assert.ok(used.length > 60);
  for (const id of used) assert.ok(!pool.includes(id.replace(/^.*AMALGUM_news_/, '')), `${id} in the pool`);
  // a new order: not held6's
  assert.notDeepEqual(pool, h6.order().filter((n) => pool.includes(n)));
  // the recorded skips are pool names, and every pool name is either taken or skipped
  assert.deepEqual(Object.keys(sel.SKIPPED).sort(), ['afghan', 'jimmie', 'marta']);
  assert.deepEqual(docs.map((d) => name(d.id)), sel.taken());
});

test('held7: the halves are the selector\'s, fixed before reading: taken names alternate A, B, A … in its order', async () => {
  const sel = await load<Held7Selector>('eval/data/quotes/tools/held7.mjs');
  for (const d of docs) assert.equal(d.half, sel.halfOfName(name(d.id)), d.slug);
  assert.deepEqual(sel.taken().map(sel.halfOfName), sel.taken().map((_, i) => (i % 2 === 0 ? 'A' : 'B')));
  for (const n of Object.keys(sel.SKIPPED)) assert.equal(sel.halfOfName(n), undefined, n);
  // a skip recorded later would move the halves of the names after it: the rule depends on the skips only, never on content
  assert.deepEqual(docs.filter((d) => d.half === 'A').map((d) => name(d.id)), ['bahrain', 'camp', 'japan', 'agriculture', 'malaysia', 'democrat', 'labs']);
});

test('held7 is unseen by GUM too: no GUM document shares an id, title, Wikinews page or opening (and the check finds the skipped afghan article)', () => {
  assertUnseenByGum(docs, { id: 'amalgum:AMALGUM_news_afghan', title: "After visa snags, all-girl Afghan team honored for 'courageous achievement' at international robotics competition", url: 'https://en.wikinews.org/wiki/After_visa_snags%2C_all-girl_Afghan_team_honored_for_%27courageous_achievement%27_at_international_robotics_competition', gumId: 'GUM_news_afghan' });
});

test('held7 wiring: --held7 scores it with both halves, --held7-errors alone runs and lists half A only; the speaker ranker never trains on either half', () => {
  // --held7-errors alone runs half A only; with --held7 (the lead's run) both halves
  assertHalvedSwitches('held7', docs, 'held6');
  const pool = trainingPool(gold);
  assert.ok(pool.length > 50);
  // half A is readable, so the speaker ranker learns from it (nineteenth round); half B never
  for (const half of ['A', 'B'] as const) assert.ok(docs.some((d) => d.half === half));
  assert.equal(pool.filter((d) => d.split === 'held7' && d.half === 'A').length, docs.filter((d) => d.half === 'A').length, 'half A is in the training pool');
  assert.ok(pool.every((d) => !(d.split === 'held7' && d.half === 'B')), 'half B is out of the training pool');
});
