/**
 * Verb coding: find a verb's dictionary entries and the most specific PETRARCH pattern its
 * clause satisfies. Pattern words are matched in order (gaps allowed, `_` = adjacent) against
 * the words of the verb's clause before and after it, by surface form or lemma, as TABARI and
 * PETRARCH match their patterns against the verb phrase.
 */
import type { EventLexicon } from './lexicon.js';
import type { PatternItem, VerbEntry, VerbPattern } from './petrarch.js';
import type { ParseView } from './syntax.js';
import { REPORTING_VERBS } from './context.js';
import { set } from '../../lexicon/index.js';

export interface VerbCoding {
  code: string | null;
  /** the matched pattern's words (their tokens are used up: not nominal events of their own) */
  used: number[];
  /** preposition introducing the target when the pattern marks it, e.g. (WITH +) */
  targetPrep?: string;
  /** tokens of a multi-word verb besides the verb itself ("met with": "with") */
  particles: number[];
  block: string;
}

function deinflect(w: string): string[] {
  const out: string[] = [];
  if (w.endsWith('IES')) out.push(w.slice(0, -3) + 'Y');
  if (w.endsWith('ES')) out.push(w.slice(0, -2));
  if (w.endsWith('S')) out.push(w.slice(0, -1));
  if (w.endsWith('ED')) out.push(w.slice(0, -2), w.slice(0, -1));
  if (w.endsWith('ING')) out.push(w.slice(0, -3), w.slice(0, -3) + 'E');
  return out;
}

/** The dictionary entries for token i, or null when its word is not a coded verb. */
export function verbEntries(lex: EventLexicon, view: ParseView, i: number): { lemma: string; entries: VerbEntry[] } | null {
  const v = lex.verbs;
  const lemma = view.lemmaUpper[i];
  if (v.verbs[lemma]) return { lemma, entries: v.verbs[lemma] };
  const form = view.upper[i];
  const viaForm = v.forms[form];
  if (viaForm && v.verbs[viaForm]) return { lemma: viaForm, entries: v.verbs[viaForm] };
  for (const d of deinflect(form)) if (v.verbs[d]) return { lemma: d, entries: v.verbs[d] };
  return null;
}

function wordIs(view: ParseView, k: number, w: string): boolean {
  // the spelling first: nearly every test fails there, before the time checks are asked
  if (!spelledAs(view, k, w)) return false;
  if (view.inTime[k]) return false; // a date's words are no pattern nouns ("held since March" is no march)
  return !(view.rel(k) === 'case' && view.inTime[view.head(k)]); // nor their preposition ("fighting … since April")
}

/** Token k is written w, its lemma is w, or it is w's plural. */
function spelledAs(view: ParseView, k: number, w: string): boolean {
  const up = view.upper[k];
  if (up === w || view.lemmaUpper[k] === w) return true;
  const n = w.length;
  if (up.length > n + 3 || up.length <= n) return false;
  // up is w + "S", w + "ES", or w less its "Y" + "IES", compared in place (no strings built)
  if (up.length === n + 1) return up.charCodeAt(n) === 83 && up.startsWith(w);
  if (up.length === n + 2) {
    if (up.endsWith('ES') && up.startsWith(w)) return true;
    return w.charCodeAt(n - 1) === 89 && up.endsWith('IES') && samePrefix(up, w, n - 1);
  }
  return false;
}

/** The first n code units of a and b are equal. */
function samePrefix(a: string, b: string, n: number): boolean {
  for (let i = 0; i < n; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}

/**
 * The tokens the running matchItems call has matched so far, reused from call to call: the coder
 * tries hundreds of patterns per verb and nearly all fail, so a failure must allocate nothing.
 */
const matched: number[] = [];

/**
 * What an empty side of a pattern matches (read only). It has the shape of matchItems' answers and a
 * list of their kind: a frozen object and list differ from them to V8, and codeVerb, optimised on the
 * one, deoptimised on meeting the other and was compiled again (0.3–0.4 s of a compiler thread).
 */
const NOTHING: { readonly used: readonly number[]; readonly targetPrep?: string } = { used: [], targetPrep: undefined };

/** Match items in order against seq (token indices); returns the tokens used or null. */
function matchItems(lex: EventLexicon, view: ParseView, items: PatternItem[], seq: number[], anchoredStart: boolean, ownCode = false): { used: number[]; targetPrep?: string } | null {
  const used = matched;
  if (used.length !== 0) used.length = 0;
  let pos = 0;
  let targetPrep: string | undefined;
  let first = true;
  // the index of the last word item, found on the first hit (nearly every attempt fails before one)
  let lastWord = -2;
  for (let j = 0; j < items.length; j++) {
    const it = items[j];
    if ('mark' in it) {
      if (it.mark === '+' && it.prep) targetPrep = it.prep.toLowerCase();
      continue;
    }
    const mustBeAt = it.adj && !first ? pos : -1;
    let found = -1;
    let len = 1;
    for (let k = mustBeAt >= 0 ? mustBeAt : pos; k < seq.length; k++) {
      let hitLen = 0;
      if ('w' in it) {
        if (wordIs(view, seq[k], it.w)) hitLen = 1;
      } else {
        const words = lex.synsetWords[it.syn];
        if (words && (words.has(view.upper[seq[k]]) || words.has(view.lemmaUpper[seq[k]]))) hitLen = 1;
        else {
          const phrases = lex.verbs.synsets[it.syn];
          if (phrases) for (const p of phrases) {
            if (p.length < 2 || k + p.length > seq.length) continue;
            let x = 0;
            while (x < p.length && wordIs(view, seq[k + x], p[x])) x++;
            if (x === p.length) { hitLen = p.length; break; }
          }
        }
      }
      // the pattern's last noun names the thing acted on, not a modifier of another noun: "freed
      // an aid worker" is no aid (CAMEO's "* AID")
      // nor, for a verb with a code of its own, the place of the act, unless the pattern names the
      // preposition: "arrested at the airport" seizes no airport (the block's "* AIRPORT", written
      // for "seize"), while "held in prison" is a detention (HOLD has no code but its patterns)
      if (hitLen && lastWord === -2) lastWord = lastWordItem(items);
      if (hitLen && !(j === lastWord && (isNounModifier(view, seq[k + hitLen - 1]) || (ownCode && placePhrase(view, seq[k], used))))) { found = k; len = hitLen; break; }
      if (mustBeAt >= 0) break;
    }
    if (found < 0) return null;
    for (let j = 0; j < len; j++) used.push(seq[found + j]);
    pos = found + len;
    first = false;
  }
  return { used: used.slice(), targetPrep };
}

function lastWordItem(items: readonly PatternItem[]): number {
  let last = -1;
  for (let j = 0; j < items.length; j++) if (!('mark' in items[j])) last = j;
  return last;
}

const PLACE_PREPS = set('event-words', {uses: 'events-match-place-preps'});

/** Token k heads a phrase of place or time whose preposition the pattern did not match. */
function placePhrase(view: ParseView, k: number, used: readonly number[]): boolean {
  return view.kids(k, ['case']).some((c) => PLACE_PREPS.has(view.lemma(c)) && !used.includes(c));
}

/** Heads naming people or bodies of people (besides the -ist, -ian, -man words). */
const PERSON_HEADS = set('event-words', {uses: 'events-person-heads'});

/**
 * A noun modifying a noun for people after it ("aid" in "aid worker", "hostage" in "hostage
 * negotiator"): it says what the person does, not what the verb acts on. A modifier of a thing
 * still counts ("artillery shells", "aid convoy").
 */
function isNounModifier(view: ParseView, k: number): boolean {
  const h = view.head(k);
  if (view.rel(k) !== 'compound' || h <= k || view.tokens[h].upos !== 'NOUN') return false;
  const head = view.lemma(h);
  return PERSON_HEADS.has(head) || PERSON_HEADS.has(head.replace(/s$/, '')) || /(?:ist|ian|man|men|woman|women|person)s?$/.test(head);
}

/** Tokens [from, to) of "…, according to X" after verb i, or of "…, X said" when the verb i is the clause that X's reporting verb (after i) reports; else [Infinity, Infinity). */
function attributionSpan(view: ParseView, i: number): [number, number] {
  // "…, according to a person familiar with the talks": the source phrase to the end of the sentence
  const sent = view.tokens[i].sentence;
  for (let k = i + 1; k + 1 < view.tokens.length && view.tokens[k + 1].sentence === sent; k++) {
    // (the length first: only a word of nine characters lower-cases to "according")
    const w = view.tokens[k].text;
    if (w.length === 9 && w.toLowerCase() === 'according' && view.tokens[k + 1].text.toLowerCase() === 'to' && view.tokens[k - 1].text === ',') {
      let end = k + 1;
      while (end < view.tokens.length && view.tokens[end].sentence === sent) end++;
      return [k - 1, end];
    }
  }
  const h = view.head(i);
  if (h <= i || !REPORTING_VERBS.has(view.lemma(h))) return [Infinity, Infinity];
  for (let k = h - 1; k > i; k--) if (view.tokens[k].text === ',') return [k, h + 1];
  return [Infinity, Infinity];
}

function adjacentWords(view: ParseView, i: number, words: string[], dir: 1 | -1): number[] | null {
  const out: number[] = [];
  const sent = view.tokens[i].sentence;
  for (let j = 0; j < words.length; j++) {
    const k = dir === 1 ? i + 1 + j : i - words.length + j;
    if (k < 0 || k >= view.tokens.length || view.tokens[k].sentence !== sent) return null;
    if (!wordIs(view, k, words[j])) return null;
    out.push(k);
  }
  return out;
}

/** Every word of `words` is spelt (spelledAs) by some token of seq: a pattern needs all its words in the clause. */
function allSpelt(view: ParseView, seq: readonly number[], words: readonly string[]): boolean {
  outer: for (let i = 0; i < words.length; i++) {
    for (let k = 0; k < seq.length; k++) if (spelledAs(view, seq[k], words[i])) continue outer;
    return false;
  }
  return true;
}

/**
 * Each pattern's literal words, before and after the verb, and which patterns may match the words
 * that follow the verb in its sentence (specific, coded, nothing before the verb): per block, made
 * on first use.
 */
interface BlockLiterals {
  pre: string[][];
  post: string[][];
  linear: number[];
  /** each pattern's weight, read without touching the pattern objects (hundreds per block, nearly all skipped) */
  weight: Float64Array;
  /** spellingSignature bits of pattern pi's literal words of three letters or more: preBits[preAt[pi] .. preAt[pi + 1]) */
  preBits: Uint8Array;
  preAt: Int32Array;
  postBits: Uint8Array;
  postAt: Int32Array;
}

/** The signature bits of each pattern's literal words of three letters or more, flat with per-pattern offsets. */
function literalBits(words: readonly string[][]): { bits: Uint8Array; at: Int32Array } {
  const at = new Int32Array(words.length + 1);
  const bits: number[] = [];
  words.forEach((ws, pi) => {
    at[pi] = bits.length;
    for (const w of ws) if (w.length >= 3) bits.push(signatureBit(w));
  });
  at[words.length] = bits.length;
  return { bits: Uint8Array.from(bits), at };
}

/**
 * A 256-bit signature of seq's spellings: one bit per token's form and one per its lemma (upper
 * case), chosen by their first two letters. Every spelling spelledAs accepts for a word of three
 * letters or more (the word itself, its lemma, the word + S, ES, or less its Y + IES) begins with
 * the word's first two letters, so a clear bit proves that no token of seq spells the word.
 */
function spellingSignature(view: ParseView, seq: readonly number[], sig: Int32Array): Int32Array {
  sig.fill(0);
  for (let k = 0; k < seq.length; k++) {
    let b = signatureBit(view.upper[seq[k]]);
    sig[b >>> 5] |= 1 << (b & 31);
    b = signatureBit(view.lemmaUpper[seq[k]]);
    sig[b >>> 5] |= 1 << (b & 31);
  }
  return sig;
}

/** (a spelling shorter than two letters gives NaN there, which `& 255` makes 0: any bit will do for it) */
function signatureBit(w: string): number {
  return (w.charCodeAt(0) * 31 + w.charCodeAt(1)) & 255;
}

/** Every bit of pattern pi's literal words is set in sig (a necessary condition of allSpelt). */
function mayBeSpelt(bits: Uint8Array, at: Int32Array, pi: number, sig: Int32Array): boolean {
  for (let q = at[pi], end = at[pi + 1]; q < end; q++) {
    const b = bits[q];
    if ((sig[b >>> 5] & (1 << (b & 31))) === 0) return false;
  }
  return true;
}

const preSignature = new Int32Array(8);
const postSignature = new Int32Array(8);
const linearSignature = new Int32Array(8);

const literalWords = new WeakMap<readonly VerbPattern[], BlockLiterals>();

function literalsOf(patterns: readonly VerbPattern[]): BlockLiterals {
  let hit = literalWords.get(patterns);
  if (!hit) {
    const words = (items: readonly PatternItem[]) => items.flatMap((it) => ('w' in it ? [it.w] : []));
    const linear: number[] = [];
    patterns.forEach((p, i) => {
      if (p.weight >= 3 && p.pre.length === 0 && p.code !== null) linear.push(i);
    });
    const pre = patterns.map((p) => words(p.pre));
    const post = patterns.map((p) => words(p.post));
    const preBits = literalBits(pre);
    const postBits = literalBits(post);
    hit = {
      pre, post, linear, weight: Float64Array.from(patterns, (p) => p.weight),
      preBits: preBits.bits, preAt: preBits.at, postBits: postBits.bits, postAt: postBits.at,
    };
    literalWords.set(patterns, hit);
  }
  return hit;
}

/** Code the verb at token i: the best pattern of its blocks, else its own or its block's code. */
export function codeVerb(lex: EventLexicon, view: ParseView, i: number): VerbCoding | null {
  const found = verbEntries(lex, view, i);
  if (!found) return null;
  // multi-word verbs whose extra words are present come first
  const fitting: { entry: VerbEntry; particles: number[] }[] = [];
  const plain: { entry: VerbEntry; particles: number[] }[] = [];
  for (const entry of found.entries) {
    if (!entry.before && !entry.after) { plain.push({ entry, particles: [] }); continue; }
    const before = entry.before ? adjacentWords(view, i, entry.before, -1) : [];
    const after = entry.after ? adjacentWords(view, i, entry.after, 1) : [];
    if (before && after) fitting.push({ entry, particles: [...before, ...after] });
  }
  const candidates = [...fitting, ...plain];
  if (candidates.length === 0) return null;

  // a trailing attribution the parse hung inside the clause (", the Prisoners' Society said") is no pattern material
  const [attrFrom, attrTo] = attributionSpan(view, i);
  const win = view.window(i).filter((k) => view.tokens[k].upos !== 'PUNCT' && (k < attrFrom || k >= attrTo));
  const pre = win.filter((k) => k < i);
  const particles = new Set(candidates[0].particles);
  const post = win.filter((k) => k > i && !particles.has(k));
  const preSig = spellingSignature(view, pre, preSignature);
  const postSig = spellingSignature(view, post, postSignature);

  let best: { code: string | null; weight: number; used: number[]; targetPrep?: string; block: string } | null = null;
  const seen = new Set<number>();
  for (const { entry } of candidates) {
    if (seen.has(entry.block)) continue;
    seen.add(entry.block);
    const block = lex.verbs.blocks[entry.block];
    const ownCode = entry.code !== undefined && entry.code !== null;
    const literals = literalsOf(block.patterns);
    const { weight, preBits, preAt, postBits, postAt } = literals;
    for (let pi = 0; pi < block.patterns.length; pi++) {
      if (best && weight[pi] <= best.weight) break; // sorted by weight: nothing better in this block
      // a pattern whose words are not all in the clause cannot match (nearly all of them): the
      // signature bits first, then the words
      if (!mayBeSpelt(preBits, preAt, pi, preSig) || !mayBeSpelt(postBits, postAt, pi, postSig)) continue;
      if (!allSpelt(view, pre, literals.pre[pi]) || !allSpelt(view, post, literals.post[pi])) continue;
      const p = block.patterns[pi];
      const a = p.pre.length ? matchItems(lex, view, p.pre, pre, false, ownCode) : NOTHING;
      if (!a) continue;
      const b = p.post.length ? matchItems(lex, view, p.post, post, true, ownCode) : NOTHING;
      if (!b) continue;
      best = { code: p.code, weight: p.weight, used: [...a.used, ...b.used], targetPrep: b.targetPrep, block: block.name };
      break;
    }
  }
  if (!best || best.code === null && best.weight < 2) {
    // the parse may have hung a phrase on the wrong word ("classify X – the group which held Y – as
    // terror organizations"): specific patterns (three words or more) may also match the words that
    // follow the verb in its sentence, as TABARI's shallow matching did
    const sent = view.tokens[i].sentence;
    const linear: number[] = [];
    for (let k = i + 1; k < view.tokens.length && view.tokens[k].sentence === sent; k++) {
      // not into the clause above ("… detained 15 Palestinians, the Prisoners' Society said")
      if ((!view.dominates(i, k) && view.head(i) >= 0 && view.dominates(view.head(i), k)) || k >= attrFrom) break;
      if (view.tokens[k].upos !== 'PUNCT' && !particles.has(k)) linear.push(k);
    }
    const linearSig = spellingSignature(view, linear, linearSignature);
    const seenLinear = new Set<number>();
    for (const { entry } of candidates) {
      if (seenLinear.has(entry.block)) continue;
      seenLinear.add(entry.block);
      const block = lex.verbs.blocks[entry.block];
      const literals = literalsOf(block.patterns);
      for (const pi of literals.linear) {
        if (best && literals.weight[pi] <= best.weight) break;
        if (!mayBeSpelt(literals.postBits, literals.postAt, pi, linearSig) || !allSpelt(view, linear, literals.post[pi])) continue;
        const p = block.patterns[pi];
        const b = matchItems(lex, view, p.post, linear, true);
        if (!b) continue;
        best = { code: p.code, weight: p.weight, used: b.used, targetPrep: b.targetPrep, block: block.name };
        break;
      }
    }
  }
  if (best) {
    return { code: best.code, used: best.used, particles: candidates[0].particles, block: best.block, ...(best.targetPrep ? { targetPrep: best.targetPrep } : {}) };
  }
  for (const { entry, particles: parts } of candidates) {
    const block = lex.verbs.blocks[entry.block];
    const code = entry.code !== undefined ? entry.code : block.code;
    if (code) return { code, used: [], particles: parts, block: block.name };
  }
  return { code: null, used: [], particles: [], block: lex.verbs.blocks[candidates[0].entry.block].name };
}
