/**
 * Name contexts (issue 13, names24): what the words around a capitalised word say it names, an
 * agent (an organisation or a person that speaks, acts, employs: "Boeing said", "Twitter
 * spokesperson") or a thing (a product, a disease, a system: "Linux kernel", "COVID-19", "version
 * of CentOS"). A bare number after the word is no cue: "Boeing 747", "Channel 4", "Microsoft Windows 95"
 * would make their companies things (Wikipedia: boeing 6 agent / 79 thing contexts with it). The context words are data (lexicon/en/name-contexts.tsv); the counts come
 * from the unlabelled Wikipedia text, computed offline (train/name-contexts.ts →
 * models/ner/name-contexts.tsv.gz), and from the article itself at run time (ner.thing-contexts).
 * One counting function serves both, so the two agree.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { set } from '../lexicon/index.js';

const AGENT_AFTER = set('name-contexts', { side: 'after', kind: 'agent' });
const THING_AFTER = set('name-contexts', { side: 'after', kind: 'thing' });
const THING_BEFORE = set('name-contexts', { side: 'before', kind: 'thing' });

/** Counts of agent and thing contexts per word key (lower case, a trailing "-<digits>" cut off). */
export type ContextCounts = Map<string, { agent: number; thing: number }>;

const NUMBERED = /^(.+?)-\d+$/;
const POSSESSIVE = /^['’]s$/;

/** The key a capitalised word counts under: "COVID-19" → "covid", "Linux" → "linux". */
export function contextKey(word: string): string {
  const m = NUMBERED.exec(word);
  return (m ? m[1] : word).toLowerCase();
}

function bump(counts: ContextCounts, key: string, kind: 'agent' | 'thing'): void {
  let c = counts.get(key);
  if (!c) counts.set(key, (c = { agent: 0, thing: 0 }));
  c[kind]++;
}

/** Adds the contexts of every capitalised word of one sentence's tokens to `counts`. One pass, linear. */
export function countSentenceContexts(words: readonly string[], counts: ContextCounts): void {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const c0 = w.charCodeAt(0);
    if (!(c0 >= 65 && c0 <= 90) && !/^\p{Lu}/u.test(w)) continue;
    const key = contextKey(w);
    if (key.length < 2) continue;
    if (NUMBERED.test(w)) bump(counts, key, 'thing');
    let j = i + 1;
    if (j < words.length && POSSESSIVE.test(words[j])) j++;
    const next = j < words.length ? words[j].toLowerCase() : '';
    if (AGENT_AFTER.has(next)) bump(counts, key, 'agent');
    else if (j === i + 1 && THING_AFTER.has(next)) bump(counts, key, 'thing');
    let p = i - 1;
    if (p > 0 && (words[p] === 'of' || words[p] === 'for' || words[p] === 'on')) p--;
    if (p >= 0 && THING_BEFORE.has(words[p].toLowerCase())) bump(counts, key, 'thing');
  }
}

/** The corpus counts file: `word<TAB>agent<TAB>thing` lines (train/name-contexts.ts). */
export const CORPUS_CONTEXTS_FILE = 'name-contexts.tsv.gz';

export function parseContextCounts(text: string): ContextCounts {
  const counts: ContextCounts = new Map();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [w, a, t] = line.split('\t');
    counts.set(w, { agent: Number(a), thing: Number(t) });
  }
  return counts;
}

const loaded = new Map<string, ContextCounts | null>();

/** The corpus counts of a model directory, or null when the file is absent (loaded once per directory). */
export function corpusContexts(dir: string): ContextCounts | null {
  let c = loaded.get(dir);
  if (c === undefined) {
    const path = join(dir, CORPUS_CONTEXTS_FILE);
    c = existsSync(path) ? parseContextCounts(gunzipSync(readFileSync(path)).toString('utf8')) : null;
    loaded.set(dir, c);
  }
  return c;
}
