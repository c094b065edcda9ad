/**
 * The fresh coreference sets (issue 23), English Wikinews documents from AMALGUM (gucorpling/amalgum; Wikinews, CC BY
 * 2.5), picked by hash before they were read and annotated by hand before Chronicle was run on them:
 *  - fresh13 (eval/data/coref-fresh): 12 documents, 8 news articles and 4 interview parts; halves A/B, A's errors readable;
 *  - fresh16 (eval/data/coref-fresh16): 14 documents, 9 news articles and 5 interview parts; unseen whole (the lead runs it);
 *  - fresh19 (eval/data/coref-fresh19): 16 documents, 10 news articles and 6 interview parts; half A readable, half B unseen.
 *  - fresh22 (eval/data/coref-fresh22): 13 documents, 9 news articles and 4 interview parts; unseen whole (the lead runs it).
 *  - fresh23 (eval/data/coref-fresh23): 17 documents, 11 news articles and 6 interview parts (3 read before the search
 *    budget ran out, 7 more by the same rule a session later, 7 more again the same session); unseen whole (the lead runs it).
 * Every third-person pronoun, every first- or second-person pronoun inside a quotation or an interview turn, every
 * definite description that refers to a named entity, and other nominals that do ("his mother", appositions), each with
 * its entity or none.
 *
 * The documents load as GoldDocs, so `npm run eval:coref -- --fresh` (or `--fresh16`) scores them with GUM's scorer
 * (train/coref-score.ts): the same kinds, accuracy (right / gold) and link precision (right / links made).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GoldDoc, GoldKind, GoldMention } from './coref-data.js';

/**
 * A set in the fresh format: where it is, the name its tables carry, whether its half A errors may be listed, and
 * whether half B's misses may show as shapes (kind and kind of miss, never the words) beside them.
 */
export interface FreshSet {
  file: string;
  label: string;
  errors: boolean;
  halfBShapes: boolean;
}

const setFile = (dir: string) => join(process.cwd(), 'eval', 'data', dir, 'docs.jsonl');
export const FRESH_SETS = {
  fresh13: { file: setFile('coref-fresh'), label: 'fresh13 coreference set (eval/data/coref-fresh)', errors: true, halfBShapes: true },
  // half A released for reading (coref17); half B unseen: not even its shapes, only its summary table
  fresh16: { file: setFile('coref-fresh16'), label: 'fresh16 coreference set (eval/data/coref-fresh16)', errors: true, halfBShapes: false },
  // like fresh16: half A's errors listed on request (--fresh19-errors), half B unseen (not even its shapes)
  fresh19: { file: setFile('coref-fresh19'), label: 'fresh19 coreference set (eval/data/coref-fresh19)', errors: true, halfBShapes: false },
  // like fresh19's wiring (--fresh22-errors: half A's table and misses only, nothing of half B); unseen whole until the lead
  // releases half A
  fresh22: { file: setFile('coref-fresh22'), label: 'fresh22 coreference set (eval/data/coref-fresh22)', errors: true, halfBShapes: false },
  // wired like fresh22 (--fresh23-errors: half A's table and misses only, nothing of half B); half A released by the lead
  // in the eighteenth session, half B unseen
  fresh23: { file: setFile('coref-fresh23'), label: 'fresh23 coreference set (eval/data/coref-fresh23)', errors: true, halfBShapes: false },
} satisfies Record<string, FreshSet>;
export const FRESH_FILE = FRESH_SETS.fresh13.file;

/**
 * The set a command line asks for, or null: `--fresh` / `--fresh-errors` fresh13, `--fresh16` fresh16 (tables only),
 * `--fresh16-errors` fresh16's half A table and half A's misses (nothing of half B), `--fresh19` / `--fresh19-errors`
 * `--fresh22` / `--fresh22-errors` and `--fresh23` / `--fresh23-errors` the same for fresh19, fresh22 and fresh23, `--fresh-file PATH` any file in the format (a small gold file of one's own, to check the wiring
 * without running an unseen set).
 */
export function freshRequest(args: string[]): { set: FreshSet; errors: boolean } | null {
  const at = args.indexOf('--fresh-file');
  if (at >= 0) {
    const file = args[at + 1];
    if (!file || file.startsWith('--')) throw new Error('--fresh-file needs a path to a docs.jsonl in the fresh format');
    // --errors: the file's half A alone, its table and misses (a half B in the file is neither scored nor read)
    const errors = args.includes('--errors');
    return { set: { file, label: `fresh-format file ${file}`, errors, halfBShapes: false }, errors };
  }
  if (args.includes('--fresh23-errors')) return { set: FRESH_SETS.fresh23, errors: true };
  if (args.includes('--fresh23')) return { set: FRESH_SETS.fresh23, errors: false };
  if (args.includes('--fresh22-errors')) return { set: FRESH_SETS.fresh22, errors: true };
  if (args.includes('--fresh22')) return { set: FRESH_SETS.fresh22, errors: false };
  if (args.includes('--fresh19-errors')) return { set: FRESH_SETS.fresh19, errors: true };
  if (args.includes('--fresh19')) return { set: FRESH_SETS.fresh19, errors: false };
  if (args.includes('--fresh16-errors')) return { set: FRESH_SETS.fresh16, errors: true };
  if (args.includes('--fresh16')) return { set: FRESH_SETS.fresh16, errors: false };
  if (args.includes('--fresh') || args.includes('--fresh-errors')) return { set: FRESH_SETS.fresh13, errors: args.includes('--fresh-errors') };
  return null;
}

/** One annotated mention as stored: `entity` null for a mention with no named antecedent. */
export interface FreshMention {
  start: number;
  end: number;
  headStart: number;
  headEnd: number;
  text: string;
  kind: GoldKind;
  entity: string | null;
}

export interface FreshDoc {
  id: string;
  slug: string;
  genre: 'news' | 'interview';
  /** A or B, fixed by the set's selector: SHA-1 of its half salt and the id ("fresh13-half:", "fresh16-half:"; fresh19 balances each genre; fresh22 alternates in taken order within each genre) */
  half: 'A' | 'B';
  title: string;
  date: string;
  url: string;
  licence: string;
  attribution: string;
  text: string;
  mentions: FreshMention[];
}

export function readFreshDocs(path = FRESH_FILE): FreshDoc[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as FreshDoc);
}

/**
 * A fresh document as GUM's gold: entity ids are the groups, a mention without an entity is a group of its own; an
 * entity is named (scored for accuracy) when one of its mentions is a name and its id does not start with `x-` (an
 * event, a work, an object).
 */
export function freshGold(doc: FreshDoc): GoldDoc {
  const named = new Set<string>();
  const mentions: GoldMention[] = doc.mentions.map((m, k) => {
    const group = m.entity ?? `none:${k}`;
    if (m.kind === 'name' && m.entity && !m.entity.startsWith('x-')) named.add(m.entity);
    return { start: m.start, end: m.end, headStart: m.headStart, headEnd: m.headEnd, group, etype: 'entity', kind: m.kind, text: m.text, inSpeech: m.kind === 'first/second' };
  });
  return { id: doc.id, genre: doc.genre, text: doc.text, mentions, named };
}

const FIRST = /^(?:i|me|my|mine|myself|we|us|our|ours|ourselves)$/i;
/** First person (I, we …) apart from second (you …) among the first/second kind. */
export function person(text: string): 'first' | 'second' {
  return FIRST.test(text) ? 'first' : 'second';
}

/** What the error listing needs of one scored mention (train/coref-score.ts's record). */
export interface FreshErrorRecord {
  what: string;
  kind: string;
  start: number;
  text: string;
  right: boolean;
  linked: string | null;
  gold: string | null;
  basis?: string;
}

/**
 * The error listing of a fresh set: every wrong link and every missed gold of half A, with the words around it; half B's
 * as shapes only when the set allows (fresh13), otherwise nothing of half B at all (fresh16: its half B stays unseen).
 */
export function freshErrorLines(set: FreshSet, outputs: { d: FreshDoc; records: FreshErrorRecord[] }[]): string[] {
  const lines: string[] = [];
  if (!set.errors) return lines;
  for (const { d, records } of outputs) {
    if (d.half !== 'A' && !set.halfBShapes) continue;
    for (const r of records) {
      if (r.right || !(r.what === 'link' || r.linked === null)) continue;
      const words = d.half === 'A'
        ? `${JSON.stringify(r.text)}\t${JSON.stringify(d.text.slice(Math.max(0, r.start - 60), r.start + r.text.length + 30).replace(/\s+/g, ' '))}\t→ ${r.linked ?? '∅'}\tgold ${r.gold ?? '∅'}`
        : `(half B)\t${r.linked === null ? 'missed' : r.gold === null ? 'link where gold has no named entity' : 'linked to another entity'}`;
      lines.push(`${d.slug}\t${d.half}\t${r.what}\t${r.kind}\t${r.basis ?? ''}\t${words}`);
    }
  }
  return lines;
}
