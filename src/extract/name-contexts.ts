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
const ROLE_KINDS = ['org', 'person', 'place'] as const;
/** The role a capitalised run plays: an organisation, a person, a place (ner.org-contexts). */
export type Role = (typeof ROLE_KINDS)[number];
/** After a name, a noun naming a kind of organisation is an organisation context too ("the Metro newspaper"; lexicon org-nouns, role-after). */
const ORG_NOUNS_AFTER = set('org-nouns', { uses: 'role-after' });
const ROLE_AFTER = ROLE_KINDS.map((kind) => (kind === 'org' ? new Set([...set('name-contexts', { side: 'after', kind }), ...ORG_NOUNS_AFTER]) : set('name-contexts', { side: 'after', kind })));
const ROLE_BEFORE = ROLE_KINDS.map((kind) => set('name-contexts', { side: 'before', kind }));
const ROLE_OF = ROLE_KINDS.map((kind) => set('name-contexts', { side: 'of', kind }));

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

/** Counts of organisation, person and place contexts per capitalised run key (lower case, words joined by one space). */
export type RoleCounts = Map<string, { org: number; person: number; place: number }>;

/** Words a role cue of side "of" reads over: "employees of the X", "analyst at X". */
const ROLE_LINKS = new Set(['of', 'for', 'at', 'with']);
const UPPER_START = /^\p{Lu}/u;

/** The key a capitalised run counts under: "Environment Canada" → "environment canada". */
export function runKey(words: readonly string[], start: number, end: number): string {
  return words.slice(start, end).join(' ').toLowerCase();
}

/** The role cues around the run [start, end) of a sentence: indexes into ROLE_KINDS, after then before (-1: none). */
function roleCues(words: readonly string[], start: number, end: number): [number, number] {
  let j = end;
  if (j < words.length && POSSESSIVE.test(words[j])) j++;
  const next = j < words.length ? words[j].toLowerCase() : '';
  let after = -1;
  for (let r = 0; r < ROLE_KINDS.length && after < 0; r++) if (ROLE_AFTER[r].has(next)) after = r;
  let p = start - 1;
  if (p >= 0 && words[p] === 'the') p--;
  let before = -1;
  if (p >= 0) {
    const w = words[p].toLowerCase();
    for (let r = 0; r < ROLE_KINDS.length && before < 0; r++) if (ROLE_BEFORE[r].has(w)) before = r;
    if (before < 0 && ROLE_LINKS.has(w) && p > 0) {
      const v = words[p - 1].toLowerCase();
      for (let r = 0; r < ROLE_KINDS.length && before < 0; r++) if (ROLE_OF[r].has(v)) before = r;
    }
  }
  return [after, before];
}

/**
 * Adds the role contexts of every capitalised run of one sentence (up to five capitalised words; a
 * sentence-opening run also without its first word: "But Zentrix said"; so a run opened by a capitalised
 * cue: "Mr Hollis") to `counts`. One pass, linear.
 */
export function countSentenceRoles(words: readonly string[], counts: RoleCounts): void {
  forEachCapitalisedRun(words, (i, e) => {
    if (e - i > 5) return;
    bumpRoles(words, i, e, counts);
    // the run without its first word: a sentence's opener ("But Zentrix said"), or a cue written
    // with a capital ("Mr Hollis", "Dr Hollis")
    if (e - i >= 2 && (i === 0 || isRoleCueBefore(words[i].toLowerCase()))) bumpRoles(words, i + 1, e, counts);
  });
}

/** Calls `visit(start, end)` for every maximal run of words that open with a capital letter, in order. */
export function forEachCapitalisedRun(words: readonly string[], visit: (start: number, end: number) => void): void {
  for (let i = 0; i < words.length; ) {
    if (!UPPER_START.test(words[i])) {
      i++;
      continue;
    }
    let e = i + 1;
    while (e < words.length && UPPER_START.test(words[e])) e++;
    visit(i, e);
    i = e;
  }
}

function isRoleCueBefore(w: string): boolean {
  return ROLE_BEFORE.some((cues) => cues.has(w));
}

function bumpRoles(words: readonly string[], start: number, end: number, counts: RoleCounts): void {
  const [after, before] = roleCues(words, start, end);
  if (after < 0 && before < 0) return;
  const key = runKey(words, start, end);
  let c = counts.get(key);
  if (!c) counts.set(key, (c = { org: 0, person: 0, place: 0 }));
  if (after >= 0) c[ROLE_KINDS[after]]++;
  if (before >= 0) c[ROLE_KINDS[before]]++;
}

/**
 * The corpus counts file (train/name-contexts.ts): `key<TAB>agent<TAB>thing[<TAB>org<TAB>person<TAB>place]`
 * lines; agent / thing per word (0 0 where only the run's roles were counted), roles per capitalised run.
 */
export const CORPUS_CONTEXTS_FILE = 'name-contexts.tsv.gz';

export function parseContextCounts(text: string): ContextCounts {
  return parseCorpusCounts(text).contexts;
}

interface CorpusCounts {
  contexts: ContextCounts;
  roles: RoleCounts;
}

function parseCorpusCounts(text: string): CorpusCounts {
  const contexts: ContextCounts = new Map();
  const roles: RoleCounts = new Map();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [w, a, t, o, p, l] = line.split('\t');
    if (a !== '0' || t !== '0') contexts.set(w, { agent: Number(a), thing: Number(t) });
    if (o !== undefined) roles.set(w, { org: Number(o), person: Number(p), place: Number(l) });
  }
  return { contexts, roles };
}

const loaded = new Map<string, CorpusCounts | null>();

function corpusCounts(dir: string): CorpusCounts | null {
  let c = loaded.get(dir);
  if (c === undefined) {
    const path = join(dir, CORPUS_CONTEXTS_FILE);
    c = existsSync(path) ? parseCorpusCounts(gunzipSync(readFileSync(path)).toString('utf8')) : null;
    loaded.set(dir, c);
  }
  return c;
}

/** The corpus counts of a model directory, or null when the file is absent (loaded once per directory). */
export function corpusContexts(dir: string): ContextCounts | null {
  return corpusCounts(dir)?.contexts ?? null;
}

/** The corpus role counts per capitalised run of a model directory, or null when the file is absent. */
export function corpusRoles(dir: string): RoleCounts | null {
  return corpusCounts(dir)?.roles ?? null;
}
