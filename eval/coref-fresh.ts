/**
 * fresh13's coreference set (issue 23): 12 English Wikinews documents — 8 news articles and 4 interview parts, texts
 * from AMALGUM (gucorpling/amalgum; Wikinews, CC BY 2.5) — picked by hash before they were read and annotated by hand
 * before Chronicle was run on them (eval/data/coref-fresh/README.md). Every third-person pronoun, every first- or
 * second-person pronoun inside a quotation or an interview turn, every definite description that refers to a named
 * entity, and other nominals that do ("his mother", appositions), each with its entity or none.
 *
 * The documents load as GoldDocs, so `npm run eval:coref -- --fresh` scores them with GUM's scorer
 * (train/coref-score.ts): the same kinds, accuracy (right / gold) and link precision (right / links made).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GoldDoc, GoldKind, GoldMention } from '../train/coref-data.js';

export const FRESH_FILE = join(process.cwd(), 'eval', 'data', 'coref-fresh', 'docs.jsonl');

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
  /** A or B, fixed by SHA-1("fresh13-half:" + id) */
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
