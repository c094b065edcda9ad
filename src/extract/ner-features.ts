/**
 * Features for the named-entity recogniser, shared by training (train/ner.ts) and run time
 * (src/extract/ner.ts) so the two can never drift apart. A token's features are strings
 * ("l=putin", "sh=Xx", "gz=GPE:B"); the model maps them to weight rows.
 */

/** Multi-word gazetteer: lower-cased token sequences → category, matched longest first. */
export interface GazetteerData {
  /** category → phrases (lower-cased, tokens separated by single spaces) */
  [category: string]: string[];
}

interface TrieNode {
  next: Map<string, TrieNode>;
  cats: string[] | null;
}

export class Gazetteer {
  private readonly root: TrieNode = { next: new Map(), cats: null };
  private maxLen = 1;

  constructor(data: GazetteerData) {
    for (const [cat, phrases] of Object.entries(data)) {
      for (const p of phrases) this.add(p.split(' '), cat);
    }
  }

  private add(words: string[], cat: string): void {
    let node = this.root;
    for (const w of words) {
      let n = node.next.get(w);
      if (!n) {
        n = { next: new Map(), cats: null };
        node.next.set(w, n);
      }
      node = n;
    }
    node.cats ??= [];
    if (!node.cats.includes(cat)) node.cats.push(cat);
    this.maxLen = Math.max(this.maxLen, words.length);
  }

  /** Categories of the exact phrase, or null. */
  lookup(words: string[]): string[] | null {
    let node: TrieNode | undefined = this.root;
    for (const w of words) {
      node = node.next.get(w);
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
      let node: TrieNode | undefined = this.root;
      for (let j = i; j < lower.length && j - i < this.maxLen; j++) {
        node = node.next.get(lower[j]);
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
}

/** Closed word classes: cheap, hand-listed cues that generalise beyond the training data. */
export const PERSON_TITLES = new Set([
  'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'prof', 'prof.', 'sir', 'dame', 'lord', 'lady',
  'president', 'vice', 'prime', 'minister', 'chancellor', 'premier', 'governor', 'gov.', 'senator', 'sen.',
  'representative', 'rep.', 'congressman', 'congresswoman', 'mayor', 'ambassador', 'envoy', 'secretary',
  'general', 'gen.', 'colonel', 'col.', 'lieutenant', 'lt.', 'major', 'maj.', 'captain', 'capt.', 'sergeant',
  'sgt.', 'admiral', 'commander', 'officer', 'corporal', 'private', 'king', 'queen', 'prince', 'princess',
  'emperor', 'sheikh', 'pope', 'cardinal', 'bishop', 'archbishop', 'rabbi', 'imam', 'ayatollah', 'father',
  'reverend', 'rev.', 'judge', 'justice', 'chief', 'spokesman', 'spokeswoman', 'spokesperson', 'director',
  'chairman', 'chairwoman', 'ceo', 'coach', 'professor', 'doctor', 'saint', 'st.', 'pastor', 'deputy',
  'sultan', 'emir', 'hon.', 'dept.', 'attorney', 'inspector', 'detective', 'agent', 'nurse', 'mrs', 'miss',
]);

export const ORG_TRIGGERS = new Set([
  'ministry', 'university', 'college', 'school', 'institute', 'institution', 'academy', 'party', 'council',
  'committee', 'commission', 'company', 'corporation', 'corp', 'corp.', 'inc', 'inc.', 'ltd', 'ltd.', 'llc',
  'plc', 'co.', 'group', 'agency', 'association', 'federation', 'foundation', 'fund', 'bank', 'union',
  'league', 'organization', 'organisation', 'army', 'navy', 'force', 'forces', 'police', 'department',
  'office', 'bureau', 'court', 'parliament', 'congress', 'senate', 'assembly', 'government', 'church',
  'society', 'club', 'times', 'news', 'post', 'press', 'network', 'service', 'services', 'authority',
  'board', 'brigades', 'brigade', 'movement', 'front', 'jihad', 'team', 'fc', 'united', 'airlines',
  'airways', 'systems', 'technologies', 'media', 'labs', 'hospital', 'centre', 'center', 'cabinet',
  'administration', 'directorate', 'guard', 'corps', 'network', 'channel', 'tv', 'radio', 'journal',
  // publications
  'paper', 'weekly', 'magazine', 'daily', 'herald', 'tribune', 'gazette', 'review', 'monitor', 'observer',
  'chronicle', 'telegraph', 'examiner', 'inquirer', 'courier', 'mail', 'globe', 'reporter', 'wire', 'today',
]);

export const FAC_TRIGGERS = new Set([
  'airport', 'hospital', 'bridge', 'street', 'st', 'avenue', 'ave', 'road', 'rd', 'boulevard', 'highway',
  'square', 'stadium', 'arena', 'tower', 'towers', 'building', 'palace', 'hall', 'museum', 'station',
  'prison', 'jail', 'cathedral', 'mosque', 'temple', 'synagogue', 'hotel', 'theatre', 'theater', 'library',
  'park', 'gate', 'castle', 'fort', 'base', 'port', 'harbour', 'harbor', 'dam', 'canal', 'tunnel', 'mall',
  'market', 'plaza', 'house', 'church', 'chapel', 'abbey', 'gallery', 'zoo', 'garden', 'gardens', 'pier',
  'crossing', 'checkpoint', 'terminal', 'line', 'lane', 'way', 'drive', 'court', 'embassy', 'consulate',
]);

export const LOC_TRIGGERS = new Set([
  'river', 'lake', 'sea', 'ocean', 'mountain', 'mountains', 'mount', 'mt', 'mt.', 'valley', 'island',
  'islands', 'desert', 'gulf', 'bay', 'strait', 'coast', 'peninsula', 'strip', 'bank', 'hills', 'hill',
  'forest', 'plain', 'plains', 'region', 'basin', 'canyon', 'beach', 'cape', 'channel', 'creek', 'falls',
  'glacier', 'heights', 'range', 'reef', 'volcano', 'delta', 'continent', 'pole', 'sahara', 'alps',
]);

export const DATE_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'jan.', 'feb', 'feb.', 'mar.', 'apr', 'apr.', 'jun.', 'jul.', 'aug',
  'aug.', 'sep', 'sep.', 'sept', 'sept.', 'oct', 'oct.', 'nov', 'nov.', 'dec', 'dec.', 'mon', 'tue', 'wed',
  'thu', 'fri', 'sat', 'sun', 'today', 'yesterday', 'tomorrow', 'tonight',
]);

const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'de', 'la',
  'le', 'von', 'van', 'der', 'del', 'al', 'el', 'bin', 'ibn', 'da', 'di', 'du', '&', "'s", '’s',
]);

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
export type CapLexicon = Map<string, number>;

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

/** Normalise digits so numbers share features. */
function norm(lower: string): string {
  return /\d/.test(lower) ? lower.replace(/\d/g, '0') : lower;
}

export interface FeatureContext {
  gazetteer: Gazetteer;
  lexicon: CapLexicon;
}

/** Padding "words" outside the sentence. */
export const PAD_BEFORE = '<s>';
export const PAD_AFTER = '</s>';
/** Neighbour offsets whose features depend on the neighbour word alone. */
export const OFFSETS = [-2, -1, 1, 2] as const;

/** Features of a word that depend on nothing else (cacheable per word). */
export function selfFeatures(w: string, ctx: FeatureContext): string[] {
  const l = norm(w.toLowerCase());
  const f = ['b', 'w=' + w, 'l=' + l, 'sh=' + shape(w), 'cap=' + capClass(w), 'cb=' + capBucket(ctx.lexicon, l)];
  if (l.length > 3) f.push('p3=' + l.slice(0, 3), 's3=' + l.slice(-3), 's4=' + l.slice(-4), 's2=' + l.slice(-2));
  const c = wordClass(l);
  if (c) f.push('c=' + c);
  return f;
}

/** Features a neighbour word at `offset` contributes (cacheable per word and offset). */
export function neighbourFeatures(w: string, offset: number): string[] {
  const pad = w === PAD_BEFORE || w === PAD_AFTER;
  const l = pad ? w : norm(w.toLowerCase());
  const tag = offset < 0 ? String(offset) : '+' + offset;
  const f = ['l' + tag + '=' + l];
  const c = pad ? w : wordClass(l);
  if (c && offset !== -2) f.push('c' + tag + '=' + c);
  return f;
}

/**
 * How each word is written across the whole document: bit 1 = capitalised somewhere other than
 * a sentence start, bit 2 = lower-case somewhere. Tells "Savage" at a sentence start (a name
 * seen mid-sentence elsewhere) from "Despite" (never seen capitalised mid-sentence).
 */
export type DocCaps = Map<string, number>;

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
      else if (i > 0 && !/^["“‘'(:-]$/.test(words[i - 1])) bits |= 1;
      out.set(l, bits);
    }
  }
  return out;
}

/** Features that depend on position and pairs of words (not cacheable). */
export function contextFeatures(words: readonly string[], ctx: FeatureContext, doc?: DocCaps): string[][] {
  const n = words.length;
  const lower = words.map((w) => norm(w.toLowerCase()));
  const shapes = words.map(shape);
  const caps = words.map(capClass);
  const cb = lower.map((l) => capBucket(ctx.lexicon, l));
  const gaz = ctx.gazetteer.annotate(lower);
  const get = <T>(arr: T[], i: number, pad: T): T => (i >= 0 && i < n ? arr[i] : pad);
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const l = lower[i];
    const f: string[] = [];
    if (i === 0) f.push('first|' + caps[i], 'first|cb=' + cb[i]);
    if (doc) {
      const bits = doc.get(words[i].toLowerCase());
      if (bits !== undefined) f.push('dc=' + bits + '|' + caps[i] + (i === 0 ? '|0' : ''));
    }
    f.push('l-1|l=' + get(lower, i - 1, PAD_BEFORE) + '|' + l, 'l|l+1=' + l + '|' + get(lower, i + 1, PAD_AFTER));
    const sp = get(shapes, i - 1, PAD_BEFORE);
    const sn = get(shapes, i + 1, PAD_AFTER);
    f.push('sh-1=' + sp, 'sh+1=' + sn, 'sh-1|sh|sh+1=' + sp + '|' + shapes[i] + '|' + sn);
    f.push('cb-1|cb=' + get(cb, i - 1, PAD_BEFORE) + '|' + cb[i], 'cb|cb+1=' + cb[i] + '|' + get(cb, i + 1, PAD_AFTER));
    f.push('cap-1|cap=' + get(caps, i - 1, PAD_BEFORE) + '|' + caps[i], 'cap|cap+1=' + caps[i] + '|' + get(caps, i + 1, PAD_AFTER));
    for (const g of gaz[i]) f.push('gz=' + g, 'gz|cap=' + g + '|' + caps[i]);
    if (i > 0) for (const g of gaz[i - 1]) f.push('gz-1=' + g);
    if (i + 1 < n) for (const g of gaz[i + 1]) f.push('gz+1=' + g);
    out.push(f);
  }
  return out;
}

/** Word at position i + offset, or padding. */
export function wordAt(words: readonly string[], i: number): string {
  return i < 0 ? PAD_BEFORE : i >= words.length ? PAD_AFTER : words[i];
}

/** All features for every token of one sentence (training; run time caches the word parts). */
export function sentenceFeatures(words: readonly string[], ctx: FeatureContext, doc?: DocCaps): string[][] {
  const pos = contextFeatures(words, ctx, doc);
  return words.map((w, i) => {
    const f = selfFeatures(w, ctx);
    for (const o of OFFSETS) f.push(...neighbourFeatures(wordAt(words, i + o), o));
    f.push(...pos[i]);
    return f;
  });
}
