/** Checks shared by the fresh quote sets (held3 … held8): well-formed attributions and texts no other set holds. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transcriptAnswer, validateDoc, type GoldQuoteDoc } from '../../eval/quotes-gold.js';
import { freshFlags, scoredInRun, type FreshSplit } from '../../eval/quotes.js';
import { gumDocuments, sharedWith } from './coref-fresh-sets.js';

const sha = (s: string) => createHash('sha1').update(s).digest('hex');
const key = (s: string) => decodeURIComponent(s).replace(/[_\s]+/g, ' ').toLowerCase();

/**
 * Every attribution points at the words it quotes and names a speaker; a direct content sits inside its marks (right
 * after an opening mark or a paragraph break, or — `lostOpeningMark` — right before a closing mark, or an interview answer
 * right after the speaker label opening its paragraph, `transcriptAnswer`); a mixed content
 * holds quoted words; source and cue do not overlap. Returns the number of attributions.
 */
export function assertWellFormed(docs: GoldQuoteDoc[], opts: { lostOpeningMark: boolean }): number {
  let n = 0;
  for (const d of docs) {
    assert.deepEqual(validateDoc(d), [], d.slug);
    assert.ok(d.attributions.length >= 2, `${d.slug}: at least two attributions`);
    for (const a of d.attributions) {
      n++;
      for (const s of [a.content, a.source, a.cue]) if (s) assert.equal(d.text.slice(s.start, s.end), s.text, a.id);
      assert.ok(a.content.text.trim().length > 0, a.id);
      assert.ok(a.speaker, `${a.id}: every speaker is given`);
      if (a.kind === 'direct') {
        assert.ok(!/^["“”]|["“”]$/.test(a.content.text), `${a.id}: content without its marks`);
        const before = d.text.slice(Math.max(0, a.content.start - 2), a.content.start);
        const opens = /["“]\s?$/.test(before) || /(^|\n)$/.test(d.text.slice(0, a.content.start));
        const closes = opts.lostOpeningMark && /^,?["”]/.test(d.text.slice(a.content.end, a.content.end + 2));
        assert.ok(opens || closes || transcriptAnswer(d.text, a), `${a.id}: a direct content sits next to its quotation marks`);
      }
      if (a.kind === 'mixed') assert.match(a.content.text, /["“”]/, `${a.id}: a mixed content holds quoted words`);
      if (a.source && a.cue) assert.ok(a.source.end <= a.cue.start || a.source.start >= a.cue.end, `${a.id}: source and cue do not overlap`);
    }
    for (const q of d.nonQuotes) assert.equal(d.text.slice(q.start, q.end), q.text, d.slug);
  }
  return n;
}

/**
 * No other quote document and no unlabelled Wikinews article shares a title, URL or opening words with `docs`; for a set drawn
 * from the unlabelled file itself (held8), no article other than each document's own record does.
 */
export function assertUnseen(docs: GoldQuoteDoc[], others: GoldQuoteDoc[]): void {
  const own = new Set(docs.map((d) => d.id));
  // (paragraph breaks as one newline: the unlabelled file has one, docs.jsonl two)
  const opening = (t: string) => t.replace(/\n+/g, '\n').slice(0, 60);
  const unlabelled = gunzipSync(readFileSync(join(process.cwd(), '../shared/data/unlabelled/news-en.jsonl.gz'))).toString('utf8')
    .split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; title: string; url?: string; text: string }).filter((d) => d.id.startsWith('wikinews:'))
    .filter((d) => !own.has(d.id));
  const seenTitles = new Set([...others, ...unlabelled].map((d) => d.title.toLowerCase()));
  const seenUrls = new Set([...others.map((d) => d.url), ...unlabelled.map((d) => d.url)].filter(Boolean).map((u) => key(u!.replace(/^.*\/wiki\//, ''))));
  const openings = new Set([...others, ...unlabelled].map((d) => opening(d.text)));
  assert.ok(unlabelled.length > 300, 'the unlabelled Wikinews articles are read');
  for (const d of docs) {
    assert.ok(!seenTitles.has(d.title.toLowerCase()), `${d.slug}: title seen elsewhere`);
    assert.ok(!seenUrls.has(key(d.url!.replace(/^.*\/wiki\//, ''))), `${d.slug}: URL seen elsewhere`);
    assert.ok(!openings.has(opening(d.text)), `${d.slug}: opening seen elsewhere`);
  }
}

/**
 * No GUM document shares an id, title, Wikinews page or opening with `docs`; and the same check finds `known`, an article the
 * set skipped because GUM holds it (so the check can fail).
 */
export function assertUnseenByGum(docs: GoldQuoteDoc[], known: { id: string; title: string; url: string; gumId: string }): void {
  const gum = gumDocuments();
  assert.ok(gum.length > 50);
  for (const d of docs) assert.deepEqual(sharedWith({ id: d.id, title: d.title, url: d.url ?? '', text: d.text }, gum, 200).map((o) => o.id), [], d.slug);
  assert.deepEqual(sharedWith({ id: known.id, title: known.title, url: known.url, text: '' }, gum).map((o) => o.id), [known.gumId]);
}

/**
 * The switches of a set with halves (held7, held8): `--X` scores both halves, `--X-errors` alone runs and lists half A only (half
 * B not even extracted), with `--X` both; `--X-detail` adds the tables; no switch, and `--other`, leave the set out.
 */
export function assertHalvedSwitches(split: FreshSplit, docs: GoldQuoteDoc[], other: FreshSplit): void {
  const on = (argv: string[]) => freshFlags(argv).find((x) => x.split === split)!;
  const f = on([`--${split}`]);
  assert.deepEqual([f.on, f.halves, f.errors, f.detail], [true, true, false, false]);
  const e = on([`--${split}-errors`]);
  assert.deepEqual([e.on, e.errors, e.halfAOnly], [true, true, true]);
  const errorsOnly = freshFlags([`--${split}-errors`]), both = freshFlags([`--${split}`, `--${split}-errors`]);
  assert.equal(on([`--${split}`, `--${split}-errors`]).halfAOnly, false);
  for (const half of ['A', 'B'] as const) assert.ok(docs.some((d) => d.half === half), `${split} has a half ${half}`);
  for (const d of docs) {
    assert.equal(scoredInRun(d, errorsOnly, false), d.half === 'A', d.slug);
    assert.equal(scoredInRun(d, both, false), true, d.slug);
    assert.equal(scoredInRun(d, freshFlags([]), false), false, d.slug);
    assert.equal(scoredInRun(d, freshFlags([`--${other}`, `--${other}-errors`]), true), false, `${d.slug}: --${other} brings ${split} in`);
  }
  assert.equal(on([`--${other}`]).on, false, `--${other} does not bring ${split} in`);
  assert.equal(on([`--${split}-detail`]).detail, true);
}

/** Every file under a folder, as text (the other annotation sets: coref-fresh, coref-fresh16, events, times, places). */
function textsUnder(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) out.push(...textsUnder(p));
    else if (/\.(jsonl|json|txt|tsv|ann)$/.test(f)) out.push(readFileSync(p, 'utf8'));
  }
  return out;
}

/** A fresh set drawn from AMALGUM's extra news folder (held4 … held7) or the unlabelled file (held8): its split, slug prefix, size and halves. */
export interface FreshSetSpec {
  split: 'held4' | 'held5' | 'held6' | 'held7' | 'held8';
  /** where the texts come from: AMALGUM's extra news folder (the default) or ../shared/data/unlabelled/news-en.jsonl.gz (held8) */
  source?: 'amalgum' | 'unlabelled';
  prefix: string;
  /** documents in each half (held4, held7), or null for a set unseen whole (held5, held6) */
  halves: { A: number; B: number } | null;
  /** how the halves are fixed: by the hash of the id (held4, the default), or alternating in taken order, 1st A, 2nd B … (held7) */
  halfRule?: 'hash' | 'alternate';
  /** the selector module (eval/data/quotes/tools), whose `order` and `SKIPPED` fix which documents the set holds */
  selector?: string;
}

/** What a selector module exports (eval/data/quotes/tools/held5.mjs). */
interface Selector { order: () => string[]; SKIPPED: Record<string, string> }

/** Malformed copies of a document, one fault each: the well-formedness check must reject every one. */
function malformed(d: GoldQuoteDoc): [string, GoldQuoteDoc][] {
  const copy = (): GoldQuoteDoc => structuredClone(d);
  const direct = d.attributions.findIndex((a) => a.kind === 'direct');
  const shifted = copy(); shifted.attributions[0].content.start += 1;
  const noSpeaker = copy(); noSpeaker.attributions[0].speaker = null;
  const withMarks = copy();
  if (direct >= 0) { const c = withMarks.attributions[direct].content; c.start -= 1; c.text = withMarks.text.slice(c.start, c.end); }
  const overlap = copy(); const o = overlap.attributions.find((a) => a.source && a.cue)!; o.source = { ...o.cue! };
  return [['a content offset one off', shifted], ['no speaker', noSpeaker], ['a direct content with its quote mark', withMarks], ['source over the cue', overlap]];
}

/** The checks every fresh set passes: source and licence, selection, well-formed attributions, unseen texts, gated scoring. */
export function freshSetTests(spec: FreshSetSpec, all: GoldQuoteDoc[], inScope: (d: GoldQuoteDoc, want: Partial<Record<string, boolean>>) => boolean): void {
  const docs = all.filter((d) => d.split === spec.split);
  const total = spec.halves ? spec.halves.A + spec.halves.B : undefined;
  const name = (d: GoldQuoteDoc) => d.id.replace(/^amalgum:AMALGUM_news_/, '');

  test(`${spec.split}: fresh Wikinews articles from ${spec.source === 'unlabelled' ? 'the unlabelled file' : 'amalgum_extra'} with source and licence${!spec.halves ? ', unseen whole (no halves)' : spec.halfRule === 'alternate' ? ', and a half fixed by alternation in taken order' : ', and a half fixed by the hash of the id'}`, () => {
    if (total !== undefined) assert.equal(docs.length, total);
    assert.ok(docs.length >= 10, `${docs.length} documents`);
    for (const d of docs) {
      assert.equal(d.origin, 'wikinews', d.slug);
      assert.equal(d.licence, 'CC BY 2.5', d.slug);
      assert.match(d.url ?? '', /^https:\/\/en\.wikinews\.org\/wiki\/\S+$/, d.slug);
      if (spec.source === 'unlabelled') {
        assert.match(d.attribution, /\.\.\/shared\/data\/unlabelled\/news-en\.jsonl\.gz/, d.slug);
        assert.match(d.id, /^wikinews:\S+$/, d.slug);
      } else {
        assert.match(d.attribution, /amalgum_extra\/news\/xml\/AMALGUM_news_\w+\.xml/, d.slug);
        assert.match(d.id, /^amalgum:AMALGUM_news_[a-z]+$/, d.slug);
      }
      assert.ok(d.slug.startsWith(`${spec.prefix}-`), d.slug);
      if (spec.halves && spec.halfRule !== 'alternate') assert.equal(d.half, parseInt(sha(`${spec.split}-half:${d.id}`)[0], 16) < 8 ? 'A' : 'B', d.slug);
      else if (!spec.halves) assert.equal(d.half, undefined, d.slug);
    }
    // alternating halves: the documents, in the order they were taken (docs.jsonl keeps it; the selector test checks that order), go A, B, A …
    if (spec.halves && spec.halfRule === 'alternate') assert.deepEqual(docs.map((d) => d.half), docs.map((_, i) => (i % 2 === 0 ? 'A' : 'B')));
    if (spec.halves) {
      assert.equal(docs.filter((d) => d.half === 'A').length, spec.halves.A);
      assert.equal(docs.filter((d) => d.half === 'B').length, spec.halves.B);
    }
  });

  if (spec.selector) {
    const selector = spec.selector;
    test(`${spec.split}: the documents are the selector's first names in its fixed order, less the mechanical skips`, async () => {
      const sel = (await import(pathToFileURL(join(process.cwd(), selector)).href)) as Selector;
      const order = sel.order();
      const last = Math.max(...docs.map((d) => order.indexOf(name(d))));
      assert.ok(docs.every((d) => order.includes(name(d))), 'every document is in the selector\'s pool');
      const taken = order.slice(0, last + 1).filter((n) => !(n in sel.SKIPPED));
      assert.deepEqual(docs.map(name), taken, 'in order, every name up to the last used is annotated or skipped');
      assert.ok(Object.keys(sel.SKIPPED).every((n) => order.indexOf(n) < last), 'skips only before the last used');
    });
  }

  test(`${spec.split}: every attribution points at the words it quotes, with a speaker, and every document has some`, () => {
    const n = assertWellFormed(docs, { lostOpeningMark: true });
    assert.ok(n >= 10 * docs.length, `${n} attributions`);
  });

  test(`${spec.split}: the format check rejects a malformed file`, () => {
    const d = docs.find((x) => x.attributions.some((a) => a.kind === 'direct') && x.attributions.some((a) => a.source && a.cue))!;
    assert.ok(d);
    for (const [fault, bad] of malformed(d)) assert.throws(() => assertWellFormed([bad], { lostOpeningMark: true }), assert.AssertionError, fault);
  });

  test(`${spec.split} is unseen: no other quote split, annotation set or unlabelled Wikinews article shares its titles, URLs or opening words`, () => {
    assertUnseen(docs, all.filter((d) => d.split !== spec.split));
    const sets = ['coref-fresh', 'coref-fresh16', 'events', 'times', 'places'].flatMap((s) => textsUnder(join(process.cwd(), 'eval/data', s))).join('\n');
    for (const d of docs) {
      // 200 characters: 60 can be shared by two stories ("A research team from the Massachusetts Institute of Technolo…")
      assert.ok(!sets.includes(d.title) && !sets.includes(d.text.slice(0, 200)) && !sets.includes(d.id.replace(/^amalgum:/, '')), `${d.slug}: in another annotation set`);
    }
  });

  test(`${spec.split} stays out of every other figure: scored only when --${spec.split} asks for it`, () => {
    const others = Object.fromEntries(['blind', 'held3', 'held4', 'held5', 'held6', 'held7', 'held8'].filter((s) => s !== spec.split).map((s) => [s, true]));
    assert.ok(docs.length > 0);
    for (const d of docs) {
      assert.equal(inScope(d, {}), false, d.slug);
      assert.equal(inScope(d, others), false, d.slug);
      assert.equal(inScope(d, { [spec.split]: true }), true, d.slug);
    }
    // asking for the set adds the set and nothing else
    const dev = all.filter((d) => inScope(d, {})).map((d) => d.id);
    const withSet = all.filter((d) => inScope(d, { [spec.split]: true })).map((d) => d.id);
    assert.deepEqual(withSet.filter((id) => !dev.includes(id)).sort(), docs.map((d) => d.id).sort());
    assert.ok(dev.every((id) => withSet.includes(id)));
  });
}
