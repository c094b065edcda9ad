/**
 * Features for the named-entity recogniser, shared by training (train/ner.ts) and run time
 * (src/extract/ner.ts) so the two can never drift apart. Features are 32-bit integer keys
 * mixed from a template id and per-word hashes (src/nlp/features.ts), as the tagger's are:
 * strings are hashed once per word type (WordInfo, cached), never per token.
 */
import { f1, f2, f3, hashString } from '../nlp/features.js';
import type { BrownClusters } from '../nlp/representations.js';
import { lineStarts, type SortedTable } from '../nlp/model-io.js';
import { parseSelector, set } from '../lexicon/index.js';

/** Id of a gazetteer feature such as "GPE:U" (category and position in the phrase). */
function gazId(feature: string): number {
  return hashString(feature);
}

/** Multi-word gazetteer: lower-cased token sequences → category, matched longest first. */
export interface GazetteerData {
  /** category → phrases (lower-cased, tokens separated by single spaces) */
  [category: string]: string[];
}

/** A prefix of gazetteer phrases (a node of the phrase trie). */
export interface TrieNode {
  /** the node one word further, or null when no phrase continues with `word` */
  child(word: string): TrieNode | null;
  /** categories of the phrase that ends here, or null */
  readonly cats: string[] | null;
  /** feature ids of this phrase's categories by position: single word, begin, inside, last */
  readonly ids: { U: number[]; B: number[]; I: number[]; L: number[] } | null;
}

/**
 * The gazetteer in the form it is read: its phrases sorted, one line each ("phrase\tCAT,CAT\n",
 * categories in the order the data gives them), and the longest phrase's length in words.
 * Built once from the data (`compactGazetteer`) and kept beside gazetteer.json.gz as
 * gazetteer.json.ready.bin; loading it is one read and one scan for line starts.
 */
export interface CompactGazetteer {
  lines: string;
  maxLen: number;
}

export function compactGazetteer(data: GazetteerData): CompactGazetteer {
  const cats = new Map<string, string[]>();
  let maxLen = 1;
  for (const [cat, phrases] of Object.entries(data)) {
    if (/[\t\n,]/.test(cat)) throw new Error(`gazetteer category with a tab, line break or comma: ${JSON.stringify(cat)}`);
    for (const p of phrases) {
      if (/[\t\n]/.test(p)) throw new Error(`gazetteer phrase with a tab or line break: ${JSON.stringify(p)}`);
      const list = cats.get(p);
      if (!list) cats.set(p, [cat]);
      else if (!list.includes(cat)) list.push(cat);
      maxLen = Math.max(maxLen, p.split(' ').length);
    }
  }
  const phrases = [...cats.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { lines: phrases.map((p) => `${p}\t${cats.get(p)!.join(',')}\n`).join(''), maxLen };
}

/**
 * Compares `word` with the word of `text` that starts at `at` (ended by a space or the tab
 * before the categories): < 0, 0 or > 0 as the word sorts before, equals or sorts after it.
 * Consistent with the lines' order because a space and a tab sort before every word character.
 */
function compareWord(word: string, text: string, at: number): number {
  for (let k = 0; ; k++) {
    const c = text.charCodeAt(at + k);
    const end = c === 32 || c === 9;
    if (k === word.length) return end ? 0 : -1;
    if (end) return 1;
    const d = word.charCodeAt(k) - c;
    if (d !== 0) return d;
  }
}

class GazNode implements TrieNode {
  private children: Map<string, GazNode | null> | null = null;

  constructor(
    private readonly g: Gazetteer,
    /** lines [lo, hi) hold the phrases that continue this prefix by one more word */
    private readonly lo: number,
    private readonly hi: number,
    /** characters of the prefix, its trailing space included */
    private readonly at: number,
    readonly cats: string[] | null,
    readonly ids: TrieNode['ids'],
  ) {}

  child(word: string): GazNode | null {
    const hit = this.children?.get(word);
    if (hit !== undefined) return hit;
    const node = this.g.extend(this.lo, this.hi, this.at, word);
    (this.children ??= new Map()).set(word, node);
    return node;
  }
}

export class Gazetteer {
  private readonly text: string;
  private readonly starts: Uint32Array;
  private readonly maxLen: number;
  private readonly root: GazNode;
  /** feature ids by category list: the same few lists recur on thousands of phrases */
  private readonly idsByCats = new Map<string, NonNullable<TrieNode['ids']>>();

  constructor(data: GazetteerData | CompactGazetteer) {
    const c = typeof (data as CompactGazetteer).lines === 'string' && typeof (data as CompactGazetteer).maxLen === 'number' ? data as CompactGazetteer : compactGazetteer(data as GazetteerData);
    this.text = c.lines;
    this.maxLen = c.maxLen;
    this.starts = lineStarts(this.text);
    this.root = new GazNode(this, 0, this.starts.length - 1, 0, null, null);
  }

  /** First line in [lo, hi) whose word at `at` is not before `word` (with `orAfter`: after it). */
  private bound(lo: number, hi: number, at: number, word: string, orAfter: boolean): number {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareWord(word, this.text, this.starts[mid] + at);
      if (orAfter ? c >= 0 : c > 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The node for the prefix (lines [lo, hi) at `at`) one word further, or null. */
  extend(lo: number, hi: number, at: number, word: string): GazNode | null {
    if (word.length === 0 || /[\t\n]/.test(word)) return null;
    const a = this.bound(lo, hi, at, word, false);
    const b = this.bound(a, hi, at, word, true);
    if (a === b) return null;
    // the phrase that ends with this word sorts first (a tab before the categories)
    const end = this.starts[a] + at + word.length;
    let cats: string[] | null = null;
    let ids: TrieNode['ids'] = null;
    let from = a;
    if (this.text.charCodeAt(end) === 9) {
      const key = this.text.slice(end + 1, this.starts[a + 1] - 1);
      cats = key.split(',');
      ids = this.idsOf(key, cats);
      from = a + 1;
    }
    return new GazNode(this, from, b, at + word.length + 1, cats, ids);
  }

  private idsOf(key: string, cats: string[]): NonNullable<TrieNode['ids']> {
    let ids = this.idsByCats.get(key);
    if (!ids) {
      ids = { U: cats.map((c) => gazId(c + ':U')), B: cats.map((c) => gazId(c + ':B')), I: cats.map((c) => gazId(c + ':I')), L: cats.map((c) => gazId(c + ':L')) };
      this.idsByCats.set(key, ids);
    }
    return ids;
  }

  /** Every phrase (lower case, words joined by spaces) with its categories, in the file's order. */
  *phrases(): Generator<[string, string[]]> {
    for (let i = 0; i + 1 < this.starts.length; i++) {
      const line = this.text.slice(this.starts[i], this.starts[i + 1] - 1);
      const tab = line.indexOf('\t');
      if (tab > 0) yield [line.slice(0, tab), line.slice(tab + 1).split(',')];
    }
  }

  /** The trie node of phrases starting with `word` (lower-cased), or null. */
  firstNode(word: string): TrieNode | null {
    return this.root.child(word);
  }

  /** Categories of the exact phrase, or null. */
  lookup(words: string[]): string[] | null {
    let node: TrieNode | null = this.root;
    for (const w of words) {
      node = node.child(w);
      if (!node) return null;
    }
    return node.cats;
  }

  /**
   * For each token, the gazetteer features of every phrase that covers it, position-marked
   * (B/I/L for multi-word phrases, U for single words): "GPE:U", "PER:B", ...
   */
  annotate(lower: string[]): string[][] {
    const out: string[][] = lower.map(() => []);
    for (let i = 0; i < lower.length; i++) {
      let node: TrieNode | null = this.root;
      for (let j = i; j < lower.length && j - i < this.maxLen; j++) {
        node = node.child(lower[j]);
        if (!node) break;
        if (node.cats) {
          for (const c of node.cats) {
            if (j === i) out[i].push(c + ':U');
            else {
              out[i].push(c + ':B');
              for (let k = i + 1; k < j; k++) out[k].push(c + ':I');
              out[j].push(c + ':L');
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * annotate() as feature ids (the features' hashes), for run time: no strings built, and
   * tokens without any gazetteer phrase share one empty list.
   */
  annotateIds(lower: readonly string[], firstNodes?: readonly (TrieNode | null)[]): number[][] {
    const n = lower.length;
    const out = new Array<number[]>(n).fill(NO_IDS);
    const push = (i: number, ids: number[]) => {
      if (out[i] === NO_IDS) out[i] = ids.slice();
      else for (const x of ids) out[i].push(x);
    };
    for (let i = 0; i < n; i++) {
      let node: TrieNode | null = firstNodes ? firstNodes[i] : this.root.child(lower[i]);
      for (let j = i; node; ) {
        const ids = node.ids;
        if (ids) {
          if (j === i) push(i, ids.U);
          else {
            push(i, ids.B);
            for (let k = i + 1; k < j; k++) push(k, ids.I);
            push(j, ids.L);
          }
        }
        if (++j >= n || j - i >= this.maxLen) break;
        node = node.child(lower[j]);
      }
    }
    return out;
  }
}

const NO_IDS: number[] = [];

/**
 * Closed word classes: cheap, hand-listed cues that generalise beyond the training data. They are
 * lexicon lists (lexicon/en/*.tsv, each one reader's subset of a shared list).
 * A trained model's manifest records their checksums (`lexicon`): train/ner.ts refuses to train
 * on changed lists unless run with --relist, and test/lexicon.test.ts fails when a list drifts
 * from the shipped model's record. The sets below are read through these selectors, so the
 * manifest names exactly what the features see.
 */
export const NER_LEXICON_LISTS = {
  PERSON_TITLES: 'titles[uses=ner]',
  ORG_OPENERS: 'org-heads[class=opener]',
  ORG_TRIGGERS: 'org-heads[uses=ner]',
  FAC_TRIGGERS: 'place-nouns[uses=ner-fac]',
  LOC_TRIGGERS: 'place-nouns[uses=ner-loc]',
  DATE_WORDS: 'ner-words[uses=ner-date]',
  FUNCTION_WORDS: 'function-words[uses=ner-features]',
  RUN_GLUE: 'name-particles[uses=ner-features]',
} as const;

/** The cached set of lower-case words one of the frozen selectors yields. */
function frozenList(key: keyof typeof NER_LEXICON_LISTS): ReadonlySet<string> {
  const { name, where } = parseSelector(NER_LEXICON_LISTS[key]);
  return set(name, where);
}

/** Titles before a person's name ("mr.", "gen.", "ambassador"). */
export const PERSON_TITLES = frozenList('PERSON_TITLES');

/**
 * Words that open an organisation's name ("University of …", "Instituto Gonzaga", "Jaish
 * al-Adl"), English and as written in the languages of much international news. A name that
 * starts with one is no person.
 */
export const ORG_OPENERS = frozenList('ORG_OPENERS');
/** Words that make a name ending in them an organisation (openers included, publications too). */
export const ORG_TRIGGERS = frozenList('ORG_TRIGGERS');
/** Facility heads ("airport", "checkpoint"). */
export const FAC_TRIGGERS = frozenList('FAC_TRIGGERS');
/** Heads of geographic features ("river", "strip"). */
export const LOC_TRIGGERS = frozenList('LOC_TRIGGERS');
/** Weekdays, months and their abbreviations, "today". */
export const DATE_WORDS = frozenList('DATE_WORDS');
const FUNCTION_WORDS = frozenList('FUNCTION_WORDS');

/** Word class cue of one lower-cased word (or '' when none). */
function wordClass(lower: string): string {
  if (DATE_WORDS.has(lower)) return 'DATE';
  if (PERSON_TITLES.has(lower)) return 'TITLE';
  if (ORG_TRIGGERS.has(lower)) return FAC_TRIGGERS.has(lower) ? 'ORGFAC' : 'ORGT';
  if (FAC_TRIGGERS.has(lower)) return 'FACT';
  if (LOC_TRIGGERS.has(lower)) return 'LOCT';
  if (FUNCTION_WORDS.has(lower)) return 'FN';
  return '';
}

/** Word shape with runs collapsed: "Putin" → "Xx", "U.S." → "X.X.", "2025" → "d", "iPhone" → "xXx". */
export function shape(word: string): string {
  let out = '';
  let last = '';
  for (let k = 0; k < word.length; k++) {
    const code = word.charCodeAt(k);
    let c: string;
    if (code >= 65 && code <= 90) c = 'X';
    else if (code >= 97 && code <= 122) c = 'x';
    else if (code >= 48 && code <= 57) c = 'd';
    else if (code < 128) c = word[k];
    else {
      const ch = word[k];
      c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    }
    if (c !== last) out += c;
    last = c;
    if (out.length > 6) break;
  }
  return out;
}

/** Coarse capitalisation class. */
function capClass(word: string): string {
  // (run once per word type: WordInfo caches it)
  if (/^\p{Lu}[\p{Ll}’'.-]*$/u.test(word)) return 'Init';
  if (/^\p{Lu}+$/u.test(word)) return word.length === 1 ? 'One' : 'All';
  if (/^[\p{Lu}.]+$/u.test(word) && word.includes('.')) return 'Abbr';
  if (/^\p{Ll}+$/u.test(word)) return 'low';
  if (/\p{Lu}/u.test(word) && /\p{Ll}/u.test(word)) return 'Mix';
  if (/\p{N}/u.test(word)) return 'num';
  if (/^\p{P}+$/u.test(word)) return 'punct';
  return 'oth';
}

/**
 * Lexicon statistics from unlabelled text: how often a word type is written capitalised
 * when not sentence-initial. A cheap stand-in for word clusters: "saturday" and "russia"
 * are always capitalised, "president" usually not, "the" never.
 */
export interface CapLexicon extends Iterable<[string, number]> {
  get(word: string): number | undefined;
  has(word: string): boolean;
}

/**
 * The capitalisation lexicon in its load-ready form: "word\tratio" lines sorted by word, looked
 * up in place (a map of its 56,000 words was a third of the recogniser's load time).
 */
export class CapTable implements CapLexicon {
  constructor(private readonly table: SortedTable) {}

  get(word: string): number | undefined {
    const v = this.table.get(word);
    return v === undefined ? undefined : Number(v);
  }

  has(word: string): boolean {
    return this.table.get(word) !== undefined;
  }

  get size(): number {
    return this.table.size;
  }

  *[Symbol.iterator](): Iterator<[string, number]> {
    for (const line of this.table.text.split('\n')) {
      const tab = line.indexOf('\t');
      if (tab > 0) yield [line.slice(0, tab), Number(line.slice(tab + 1))];
    }
  }
}

/** Bucket of a capitalisation ratio (0..1) stored in the lexicon. */
export function capBucket(lex: CapLexicon, lower: string): string {
  const r = lex.get(lower);
  if (r === undefined) return 'unk';
  if (r < 0.05) return '0';
  if (r < 0.3) return '1';
  if (r < 0.7) return '2';
  if (r < 0.95) return '3';
  return '4';
}

/**
 * Corpus type profiles (train/ner-types.ts, models/ner/types.tsv.gz): of a word's capitalised
 * non-initial occurrences in unlabelled prose, the share the recogniser put inside a person,
 * organisation, place or other name. "softbank" is an organisation in most of the sentences that
 * name it, so it is one in the sentence with no cue word.
 */
export interface TypeProfiles {
  /** "n\tper\torg\tplace\tother" (percentages) of a lower-cased word, or undefined */
  get(word: string): string | undefined;
  readonly sha256: string;
}

/** A word enters the type profiles when seen capitalised (not sentence-initial) this often. */
export const TYPES_MIN_COUNT = 5;

/** The profile class of a name type: 1 person, 2 organisation, 3 place, 4 any other name. */
export function typeClassOf(t: string): number {
  return t === 'PERSON' ? 1 : t === 'ORG' ? 2 : t === 'GPE' || t === 'LOC' || t === 'FAC' ? 3 : 4;
}

/** Share bucket of a percentage: < 5, < 20, < 50, < 80, ≥ 80. */
function shareBucket(p: number): number {
  return p < 5 ? 0 : p < 20 ? 1 : p < 50 ? 2 : p < 80 ? 3 : 4;
}

/**
 * A word's profile packed as one number (0: no profile): the dominant class (0 none of the names
 * reaches 20 %) and its share bucket, each class's share bucket, the count bucket.
 */
function typeCode(types: TypeProfiles, plainLower: string): number {
  const v = types.get(plainLower);
  if (v === undefined) return 0;
  const f = v.split('\t').map(Number);
  let dom = 0;
  let best = 19;
  for (let k = 1; k <= 4; k++) if (f[k] > best) (best = f[k]), (dom = k);
  const nb = f[0] < 20 ? 0 : f[0] < 200 ? 1 : 2;
  // 5 × 5 × 5 × 5 × 5 × 3 < 2^14
  return 1 + ((((((dom * 5 + shareBucket(best)) * 5 + shareBucket(f[1])) * 5 + shareBucket(f[2])) * 5 + shareBucket(f[3])) * 5 + shareBucket(f[4])) * 3 + nb);
}

/** Normalise digits so numbers share features. */
function norm(lower: string): string {
  return /\d/.test(lower) ? lower.replace(/\d/g, '0') : lower;
}

export interface FeatureContext {
  gazetteer: Gazetteer;
  lexicon: CapLexicon;
  /** Brown clusters (src/nlp/representations.ts), when the model uses them */
  brown?: BrownClusters | null;
  /** clusters of skip-gram word vectors (same form as Brown's), when the model uses them */
  vectors?: BrownClusters | null;
  /** corpus type profiles (train/ner-types.ts), when the model uses them */
  types?: TypeProfiles | null;
}

/** Everything the features need to know about one word type, hashed once. */
export interface WordInfo {
  /** lower-cased, digits → 0 */
  lower: string;
  /** lower-cased as written (the DocCaps key) */
  plainLower: string;
  hLower: number;
  hExact: number;
  hShape: number;
  cap: number;
  cb: number;
  cls: number;
  /** prefix/suffix hashes (0 when the word is 3 characters or shorter) */
  p3: number; s2: number; s3: number; s4: number;
  /** Brown cluster path prefixes of 4, 6, 10 and 20 bits (0: unknown word, or no clusters) */
  b4: number; b6: number; b10: number; b20: number;
  /** word-vector cluster path prefixes of 4, 6, 10 and 20 bits (0: unknown word, or no vector clusters) */
  v4: number; v6: number; v10: number; v20: number;
  /** corpus type profile, packed (typeCode; 0: none, or no profiles) */
  tc: number;
  /** its dominant class and share bucket (0: none) */
  tcDom: number;
  /**
   * run time only: offset in the cache's slot-0 score pool (WordCache.vecPools) of the summed
   * scores of the word-only features (self, then one block per OFFSETS entry); -1 not yet scored
   */
  vecAt: number;
  /** the same for the second weights sharing this cache (the organisation companion, NerWeights.slot 1) */
  vecAt2: number;
  /** the gazetteer trie node of phrases starting with this word (null: none; undefined: not looked up) */
  gaz?: TrieNode | null;
}

// The feature values' names (kept in code, count-wordlists counts both: they name the feature
// template's own classes and are no words of the language).
const CAP_CLASSES = ['Init', 'One', 'All', 'Abbr', 'low', 'Mix', 'num', 'punct', 'oth'];
const CB_BUCKETS = ['unk', '0', '1', '2', '3', '4'];
const WORD_CLASSES = ['', 'DATE', 'TITLE', 'ORGFAC', 'ORGT', 'FACT', 'LOCT', 'FN'];

function makeInfo(w: string, lex: CapLexicon | null, brown: BrownClusters | null, vectors: BrownClusters | null = null, types: TypeProfiles | null = null): WordInfo {
  const pad = w === PAD_BEFORE || w === PAD_AFTER;
  const l = pad ? w : norm(w.toLowerCase());
  const long = !pad && l.length > 3;
  const c = brown && !pad ? brown.clusterOf(w) : -1;
  const vc = vectors && !pad ? vectors.clusterOf(w) : -1;
  const plainLower = w.toLowerCase();
  const tc = pad || !types ? 0 : typeCode(types, plainLower);
  return {
    lower: l,
    plainLower,
    hLower: hashString(l),
    hExact: hashString(w),
    hShape: pad ? hashString(w) : hashString(shape(w)),
    cap: pad ? 9 : CAP_CLASSES.indexOf(capClass(w)),
    cb: pad || !lex ? 6 : CB_BUCKETS.indexOf(capBucket(lex, l)),
    cls: pad ? 8 : WORD_CLASSES.indexOf(wordClass(l)),
    p3: long ? hashString(l.slice(0, 3)) : 0,
    s2: long ? hashString(l.slice(-2)) : 0,
    s3: long ? hashString(l.slice(-3)) : 0,
    s4: long ? hashString(l.slice(-4)) : 0,
    b4: brown ? brown.prefix(c, 0) : 0,
    b6: brown ? brown.prefix(c, 1) : 0,
    b10: brown ? brown.prefix(c, 2) : 0,
    b20: brown ? brown.prefix(c, 3) : 0,
    v4: vectors ? vectors.prefix(vc, 0) : 0,
    v6: vectors ? vectors.prefix(vc, 1) : 0,
    v10: vectors ? vectors.prefix(vc, 2) : 0,
    v20: vectors ? vectors.prefix(vc, 3) : 0,
    tc,
    tcDom: tc ? 1 + Math.floor((tc - 1) / (5 * 5 * 5 * 5 * 3)) : 0,
    vecAt: -1,
    vecAt2: -1,
    gaz: undefined,
  };
}

/** Padding "words" outside the sentence. */
export const PAD_BEFORE = '<s>';
export const PAD_AFTER = '</s>';
/** Neighbour offsets whose features depend on the neighbour word alone. */
export const OFFSETS = [-2, -1, 1, 2] as const;

/**
 * Per-model cache of WordInfo by word (news vocabulary is Zipfian, so nearly every token is
 * a hit). Bounded: cleared when it grows past `limit` entries (at run time each entry carries
 * ~0.6 KB of cached scores, so 50,000 words ≈ 30 MB at most).
 */
export class WordCache {
  private readonly map = new Map<string, WordInfo>();
  readonly padBefore: WordInfo;
  readonly padAfter: WordInfo;
  /**
   * Run time: the per-word score vectors of the (up to two) models sharing this cache, by slot,
   * as rows of one growing pool each (WordInfo.vecAt / vecAt2 are offsets) rather than a typed
   * array per word: one object per pool instead of two per word and model, so a worker warming up
   * allocates and promotes far fewer objects.
   */
  readonly vecPools: Float32Array[] = [new Float32Array(0), new Float32Array(0)];
  /** floats of each pool in use */
  readonly vecUsed: number[] = [0, 0];
  constructor(private readonly ctx: FeatureContext, private readonly limit = 50_000) {
    this.padBefore = makeInfo(PAD_BEFORE, null, null);
    this.padAfter = makeInfo(PAD_AFTER, null, null);
  }
  get(w: string): WordInfo {
    let info = this.map.get(w);
    if (!info) {
      if (this.map.size >= this.limit) this.clear();
      info = makeInfo(w, this.ctx.lexicon, this.ctx.brown ?? null, this.ctx.vectors ?? null, this.ctx.types ?? null);
      this.map.set(w, info);
    }
    return info;
  }

  /** Forget every word and empty the score pools (infos still held by a sentence view score again). */
  private clear(): void {
    for (const info of this.map.values()) info.vecAt = info.vecAt2 = -1;
    this.padBefore.vecAt = this.padBefore.vecAt2 = this.padAfter.vecAt = this.padAfter.vecAt2 = -1;
    this.map.clear();
    this.vecUsed[0] = this.vecUsed[1] = 0;
  }
}

// template ids
const T = {
  bias: 1, exact: 2, lower: 3, shape: 4, cap: 5, cb: 6, p3: 7, s3: 8, s4: 9, s2: 10, cls: 11,
  nLower: 12, nCls: 16, nShape: 20,
  firstCap: 30, firstCb: 31, docCaps: 32, bigramL: 33, bigramR: 34, shape3: 35, cbL: 36, cbR: 37,
  capL: 38, capR: 39, gaz: 40, gazCap: 41, gazL: 42, gazR: 43,
  prevCap: 44, nextCap: 45, runEnd: 46, runEndCls: 47, runBefore: 48, runPos: 49,
  b4: 50, b6: 51, b10: 52, b20: 53, nB4: 54, nB6: 58, nB10: 62,
  v4: 66, v6: 67, v10: 68, v20: 69, nV4: 70, nV6: 74, nV10: 78, vCap: 82,
  tc: 83, tcDom: 84, tcDomCap: 85, tcPer: 86, tcOrg: 87, tcPlace: 88, tcOther: 89, nTcDom: 90,
} as const;

/** Most keys one token can have (self + neighbours + context, with a generous gazetteer share). */
export const MAX_KEYS = 160;

/** Keys of the word-only features of `w` (cacheable per word). Returns the new count. */
export function selfKeys(w: WordInfo, out: Uint32Array, n: number): number {
  out[n++] = f1(T.bias, 0);
  out[n++] = f1(T.exact, w.hExact);
  out[n++] = f1(T.lower, w.hLower);
  out[n++] = f1(T.shape, w.hShape);
  out[n++] = f1(T.cap, w.cap);
  out[n++] = f1(T.cb, w.cb);
  if (w.p3) {
    out[n++] = f1(T.p3, w.p3);
    out[n++] = f1(T.s3, w.s3);
    out[n++] = f1(T.s4, w.s4);
    out[n++] = f1(T.s2, w.s2);
  }
  if (w.cls) out[n++] = f1(T.cls, w.cls);
  if (w.b4) {
    // Brown cluster path prefixes (Ratinov & Roth 2009): words the unlabelled text uses alike
    out[n++] = f1(T.b4, w.b4);
    out[n++] = f1(T.b6, w.b6);
    out[n++] = f1(T.b10, w.b10);
    out[n++] = f1(T.b20, w.b20);
  }
  if (w.v4) {
    // word-vector cluster path prefixes: words used in like contexts (±5 words) of the unlabelled text
    out[n++] = f1(T.v4, w.v4);
    out[n++] = f1(T.v6, w.v6);
    out[n++] = f1(T.v10, w.v10);
    out[n++] = f1(T.v20, w.v20);
    out[n++] = f2(T.vCap, w.v10, w.cap);
  }
  if (w.tc) {
    // corpus type profile: the whole profile, its dominant class (also with the capitalisation), each class's share
    const c = w.tc - 1;
    out[n++] = f1(T.tc, w.tc);
    out[n++] = f1(T.tcDom, w.tcDom);
    out[n++] = f2(T.tcDomCap, w.tcDom, w.cap);
    out[n++] = f1(T.tcPer, Math.floor(c / (5 * 5 * 5 * 3)) % 5);
    out[n++] = f1(T.tcOrg, Math.floor(c / (5 * 5 * 3)) % 5);
    out[n++] = f1(T.tcPlace, Math.floor(c / (5 * 3)) % 5);
    out[n++] = f1(T.tcOther, Math.floor(c / 3) % 5);
  }
  return n;
}

/** Keys a neighbour word at OFFSETS[k] contributes (cacheable per word and offset). */
export function neighbourKeys(w: WordInfo, k: number, out: Uint32Array, n: number): number {
  out[n++] = f1(T.nLower + k, w.hLower);
  if (w.cls && OFFSETS[k] !== -2) out[n++] = f1(T.nCls + k, w.cls);
  if (OFFSETS[k] === -1 || OFFSETS[k] === 1) out[n++] = f1(T.nShape + k, w.hShape);
  if (w.b4) {
    out[n++] = f1(T.nB4 + k, w.b4);
    out[n++] = f1(T.nB6 + k, w.b6);
    out[n++] = f1(T.nB10 + k, w.b10);
  }
  if (w.v4) {
    out[n++] = f1(T.nV4 + k, w.v4);
    out[n++] = f1(T.nV6 + k, w.v6);
    out[n++] = f1(T.nV10 + k, w.v10);
  }
  if (w.tcDom && (OFFSETS[k] === -1 || OFFSETS[k] === 1)) out[n++] = f1(T.nTcDom + k, w.tcDom);
  return n;
}

/**
 * How each word is written across the whole document: bit 1 = capitalised somewhere other than
 * a sentence start, bit 2 = lower-case somewhere. Tells "Savage" at a sentence start (a name
 * seen mid-sentence elsewhere) from "Despite" (never seen capitalised mid-sentence).
 */
export type DocCaps = Map<string, number>;

const OPENERS = new Set(['"', '“', '‘', "'", '(', ':', '-']);

export function docCaps(sentences: readonly (readonly string[])[]): DocCaps {
  const out: DocCaps = new Map();
  for (const words of sentences) {
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      const c = w.charCodeAt(0);
      const isUpper = (c >= 65 && c <= 90) || (c > 127 && /^\p{Lu}/u.test(w));
      const isLower = (c >= 97 && c <= 122) || (c > 127 && /^\p{Ll}/u.test(w));
      if (!isUpper && !isLower) continue;
      const l = w.toLowerCase();
      let bits = out.get(l) ?? 0;
      if (isLower) bits |= 2;
      else if (i > 0 && !OPENERS.has(words[i - 1])) bits |= 1;
      out.set(l, bits);
    }
  }
  return out;
}

/** Sentence-level data the context keys read: word infos, gazetteer ids, document caps. */
export interface SentenceView {
  infos: WordInfo[];
  gaz: number[][];
  /** document capitalisation bits per token (-1 when unknown) */
  dc: Int32Array;
  /** capitalised run of each token: [runStart, runEnd) (-1 outside runs) */
  runStart: Int32Array;
  runEnd: Int32Array;
}

/** Capitalisation classes that make a token part of a capitalised run (Init, One, All, Abbr, Mix). */
function isCapClass(cap: number): boolean {
  return cap <= 3 || cap === 5;
}
const RUN_GLUE = frozenList('RUN_GLUE');

/**
 * Capitalised runs ("New People Party", "Bank of America"): names span them, and a run's last
 * word and the word before it say much about the type of every word inside.
 */
function capitalisedRuns(infos: WordInfo[], runStart: Int32Array, runEnd: Int32Array): void {
  const n = infos.length;
  let i = 0;
  while (i < n) {
    if (!isCapClass(infos[i].cap)) {
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      if (j < n && isCapClass(infos[j].cap)) j++;
      else if (j + 1 < n && RUN_GLUE.has(infos[j].lower) && isCapClass(infos[j + 1].cap)) j += 2;
      else break;
    }
    for (let k = i; k < j; k++) {
      runStart[k] = i;
      runEnd[k] = j;
    }
    i = j;
  }
}

export function sentenceView(words: readonly string[], cache: WordCache, ctx: FeatureContext, doc?: DocCaps): SentenceView {
  const n = words.length;
  const infos = new Array<WordInfo>(n);
  const lower = new Array<string>(n);
  const dc = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    infos[i] = cache.get(words[i]);
    lower[i] = infos[i].lower;
    if (doc) {
      const bits = doc.get(infos[i].plainLower);
      if (bits !== undefined) dc[i] = bits;
    }
  }
  const first = new Array<TrieNode | null>(n);
  for (let i = 0; i < n; i++) {
    // `gaz` is null for the many words that start no phrase: test for undefined, not with ??=, or
    // every such word would ask the trie's root map again on every occurrence
    const known = infos[i].gaz;
    first[i] = known !== undefined ? known : (infos[i].gaz = ctx.gazetteer.firstNode(lower[i]));
  }
  const gaz = ctx.gazetteer.annotateIds(lower, first);
  const runStart = new Int32Array(n).fill(-1);
  const runEnd = new Int32Array(n).fill(-1);
  capitalisedRuns(infos, runStart, runEnd);
  return { infos, gaz, dc, runStart, runEnd };
}

/**
 * The values the plain small-domain keys depend on (first position, capitalisation classes
 * and lexicon buckets of the word and its neighbours, document caps), packed into one
 * number: a model can keep the summed scores of those keys per combination (few thousand
 * occur) instead of looking each key up.
 */
export function plainComboKey(v: SentenceView, i: number): number {
  const infos = v.infos;
  const len = infos.length;
  const w = infos[i];
  const pcap = i > 0 ? infos[i - 1].cap : 9;
  const ncap = i + 1 < len ? infos[i + 1].cap : 10;
  const pcb = i > 0 ? infos[i - 1].cb : 7;
  const ncb = i + 1 < len ? infos[i + 1].cb : 8;
  // each field < 16; dc + 1 < 8
  return (((((((i === 0 ? 1 : 0) * 16 + pcap) * 16 + w.cap) * 16 + ncap) * 16 + pcb) * 16 + w.cb) * 16 + ncb) * 8 + (v.dc[i] + 1) + 1;
}

/** Plain small-domain keys: capitalisation classes, lexicon buckets, document caps. */
export function plainSmallKeys(v: SentenceView, i: number, out: Uint32Array, n: number): number {
  const { infos, dc } = v;
  const len = infos.length;
  const w = infos[i];
  const prev = i > 0 ? infos[i - 1] : null;
  const next = i + 1 < len ? infos[i + 1] : null;
  const pcap = prev ? prev.cap : 9;
  const ncap = next ? next.cap : 10;
  const pcb = prev ? prev.cb : 7;
  const ncb = next ? next.cb : 8;
  if (i === 0) {
    out[n++] = f1(T.firstCap, w.cap);
    out[n++] = f1(T.firstCb, w.cb);
  }
  if (dc[i] >= 0) out[n++] = f3(T.docCaps, dc[i], w.cap, i === 0 ? 1 : 0);
  out[n++] = f2(T.cbL, pcb, w.cb);
  out[n++] = f2(T.cbR, w.cb, ncb);
  out[n++] = f2(T.capL, pcap, w.cap);
  out[n++] = f2(T.capR, w.cap, ncap);
  return n;
}

/** Small-domain keys of gazetteer marks and capitalised runs (present on few tokens). */
export function markKeys(v: SentenceView, i: number, out: Uint32Array, n: number): number {
  const { infos, gaz } = v;
  const len = infos.length;
  const w = infos[i];
  const limit = MAX_KEYS - 4;
  for (const g of gaz[i]) {
    if (n >= limit) break;
    out[n++] = f1(T.gaz, g);
    out[n++] = f2(T.gazCap, g, w.cap);
  }
  if (i > 0) for (const g of gaz[i - 1]) if (n < limit) out[n++] = f1(T.gazL, g);
  if (i + 1 < len) for (const g of gaz[i + 1]) if (n < limit) out[n++] = f1(T.gazR, g);
  const rs = v.runStart[i];
  if (rs >= 0) {
    const re = v.runEnd[i];
    // position in the run (single / first / inside / last) × the class of its last word
    const pos = re - rs === 1 ? 0 : i === rs ? 1 : i === re - 1 ? 3 : 2;
    out[n++] = f2(T.runPos, pos, Math.min(re - rs, 5));
    out[n++] = f2(T.runEndCls, infos[re - 1].cls, pos);
  }
  return n;
}

/** All small-domain context keys (training uses them one by one). */
export function smallContextKeys(v: SentenceView, i: number, out: Uint32Array, n: number): number {
  return markKeys(v, i, out, plainSmallKeys(v, i, out, n));
}

/** Context keys over word pairs and triples (open-ended: looked up in the model's table). */
export function wideContextKeys(v: SentenceView, i: number, out: Uint32Array, n: number): number {
  const { infos } = v;
  const len = infos.length;
  const w = infos[i];
  const prev = i > 0 ? infos[i - 1] : null;
  const next = i + 1 < len ? infos[i + 1] : null;
  out[n++] = f2(T.bigramL, prev ? prev.hLower : 1, w.hLower);
  out[n++] = f2(T.bigramR, w.hLower, next ? next.hLower : 2);
  out[n++] = f3(T.shape3, prev ? prev.hShape : 1, w.hShape, next ? next.hShape : 2);
  const rs = v.runStart[i];
  if (rs >= 0) {
    // a capitalised word: the words around it with its capitalisation ("of X", "X 's"), and
    // its run's last word and the word before the run ("the … Office", "at … University")
    const re = v.runEnd[i];
    out[n++] = f2(T.prevCap, prev ? prev.hLower : 1, w.cap);
    out[n++] = f2(T.nextCap, next ? next.hLower : 2, w.cap);
    if (re - rs > 1) out[n++] = f2(T.runEnd, infos[re - 1].hLower, i === re - 1 ? 1 : 0);
    out[n++] = f2(T.runBefore, rs > 0 ? infos[rs - 1].hLower : 1, i === rs ? 1 : 0);
  }
  return n;
}

/** All keys that depend on position and pairs of words (not cacheable per word). */
export function contextKeys(v: SentenceView, i: number, out: Uint32Array, n: number): number {
  return wideContextKeys(v, i, out, smallContextKeys(v, i, out, n));
}

/** Word at position i + offset as an info, or padding. */
export function infoAt(v: SentenceView, cache: WordCache, i: number): WordInfo {
  return i < 0 ? cache.padBefore : i >= v.infos.length ? cache.padAfter : v.infos[i];
}

/** All keys for every token of one sentence (training): flat keys with per-token offsets. */
export function sentenceKeys(words: readonly string[], cache: WordCache, ctx: FeatureContext, doc?: DocCaps): { keys: Uint32Array; offs: Int32Array } {
  const v = sentenceView(words, cache, ctx, doc);
  const n = words.length;
  const buf = new Uint32Array(MAX_KEYS);
  const all: number[] = [];
  const offs = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    offs[i] = all.length;
    let k = selfKeys(v.infos[i], buf, 0);
    for (let o = 0; o < OFFSETS.length; o++) k = neighbourKeys(infoAt(v, cache, i + OFFSETS[o]), o, buf, k);
    k = contextKeys(v, i, buf, k);
    for (let j = 0; j < k; j++) all.push(buf[j]);
  }
  offs[n] = all.length;
  return { keys: Uint32Array.from(all), offs };
}

