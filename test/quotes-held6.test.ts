import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadGold } from '../eval/quotes-gold.js';
import { freshFlags, inScope } from '../eval/quotes.js';
import { trainingPool } from '../eval/quotes-speaker.js';
import { assertUnseenByGum, freshSetTests } from './support/quote-sets.js';
import { evalSet } from './support/coref-fresh-sets.js';

/**
 * held6 (fresh17): further Wikinews articles of AMALGUM's extra news folder — the names held4, held5 and fresh16 left unread,
 * in a new hash order — annotated before Chronicle ever ran on them, unseen whole. Nothing here runs the extractor on them:
 * the lead runs `eval:quotes -- --no-gum --held6` once, before and after a round.
 */
const gold = loadGold();
freshSetTests({ split: 'held6', prefix: 'h6', halves: null, selector: 'eval/data/quotes/tools/held6.mjs' }, gold, inScope);

const docs = gold.filter((d) => d.split === 'held6');
const name = (id: string) => id.replace(/^amalgum:AMALGUM_news_/, '');
interface Held6Selector { order: () => string[]; SKIPPED: Record<string, string>; MIN_TAKEN: number; HELD5_TOUCHED: string[]; FRESH16_TOUCHED: string[] }
const load = async <T>(p: string) => (await import(pathToFileURL(join(process.cwd(), p)).href)) as T;

test('held6: the pool is held4\'s listed names less every name held4, held5 and fresh16 read, in the SHA-1 order of the held6 salt', async () => {
  const sel = await load<Held6Selector>('eval/data/quotes/tools/held6.mjs');
  const { LISTED } = await load<{ LISTED: string[] }>('eval/data/quotes/tools/held4.mjs');
  const h5 = await load<{ HELD4_TOUCHED: string[]; order: () => string[] }>('eval/data/quotes/tools/held5.mjs');
  const f16 = await load<{ order: (g: string) => string[]; taken: (g: string) => string[]; SKIPPED: Record<string, string> }>('eval/data/coref-fresh16/tools/select.mjs');
  const pool = sel.order();
  assert.equal(pool.length, 33);
  // fresh16's news: the nine it took and the three it read and skipped are all touched
  for (const n of [...f16.taken('news'), 'salman', 'judge', 'atr']) assert.ok(sel.FRESH16_TOUCHED.includes(n) && !pool.includes(n), n);
  assert.deepEqual(sel.HELD5_TOUCHED, h5.order().slice(0, 23));
  const touched = new Set([...h5.HELD4_TOUCHED, ...sel.HELD5_TOUCHED, ...sel.FRESH16_TOUCHED]);
  assert.equal(touched.size, 32 + 23 + 12);
  assert.deepEqual([...pool].sort(), LISTED.filter((n) => !touched.has(n)).sort());
  // every name any other quote or coreference set holds is out of the pool
  // (held7, fresh18's later set, is drawn from the names this pool leaves after held6's last taken one: none of them was read here)
  const held7 = gold.filter((d) => d.split === 'held7').map((d) => name(d.id));
  const lastRead = Math.max(...docs.map((d) => pool.indexOf(name(d.id))));
  for (const n of held7) assert.ok(pool.indexOf(n) > lastRead, `${n}: held7 takes only what held6 left unread`);
  const used = [...evalSet('quotes'), ...evalSet('coref-fresh16'), ...evalSet('coref-fresh')].map((d) => d.id).filter((id) => /AMALGUM_news_/.test(id) && !docs.some((x) => x.id === id) && !held7.includes(id.replace(/^.*AMALGUM_news_/, '')));
  for (const id of used) assert.ok(!pool.includes(id.replace(/^.*AMALGUM_news_/, '')), `${id} in the pool`);
  // a new order: not held5's
  assert.notDeepEqual(pool, h5.order().filter((n) => pool.includes(n)));
  assert.ok(docs.length >= sel.MIN_TAKEN, `${docs.length} documents`);
  assert.deepEqual(docs.map((d) => name(d.id)), pool.filter((n) => !(n in sel.SKIPPED)).slice(0, docs.length));
});

test('held6 is unseen by GUM too: no GUM document shares an id, title, Wikinews page or opening (and the check finds the skipped ozone article)', () => {
  assertUnseenByGum(docs, { id: 'amalgum:AMALGUM_news_ozone', title: 'Scientists analyse effects of global warming, atmospheric ozone on crops', url: 'https://en.wikinews.org/wiki/Scientists_analyse_effects_of_global_warming%2C_atmospheric_ozone_on_crops', gumId: 'GUM_news_warming' });
});

test('held6 wiring: --held6 scores it whole, with no halves and no error listing; the speaker ranker never trains on it', () => {
  const f = freshFlags(['--held6', '--held6-errors']).find((x) => x.split === 'held6')!;
  assert.deepEqual([f.on, f.halves, f.errors, f.detail], [true, false, false, false]);
  assert.equal(freshFlags(['--held5']).find((x) => x.split === 'held6')!.on, false, '--held5 does not bring held6 in');
  assert.equal(freshFlags(['--held6-detail']).find((x) => x.split === 'held6')!.detail, true);
  assert.ok(trainingPool(gold).every((d) => d.split !== 'held6'));
  assert.ok(docs.every((d) => d.half === undefined));
});
