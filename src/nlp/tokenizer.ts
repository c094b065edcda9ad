/**
 * Rule-based tokenizer producing UD/Penn-style tokens with exact character offsets:
 * clitics split ("Trufanov’s" → "Trufanov" "’s", "don't" → "do" "n't"), punctuation split,
 * while abbreviations (Dr., U.S., Jan.), initials, numbers (1,200 / 3.5), URLs, e-mail
 * addresses and hyphenated words stay whole.
 */

import { set } from '../lexicon/index.js';

export interface RawToken {
  start: number;
  end: number;
  text: string;
  spaceAfter: boolean;
}

/** Abbreviations that keep their final period (lower-cased, without the period): lexicon/en/abbreviations.tsv. */
export const ABBREVIATIONS = set('abbreviations');

/** Words that never end with an abbreviation period when followed by a capital: handled by sentence split. */

const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '{', '«', '‹', '„', '‚', '¿', '¡', '*', '<']);
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '}', '»', '›', ',', ';', ':', '!', '?', '.', '…', '*', '>']);

const PLAIN_WORD = /^[A-Za-z]+$/;
const URL_RE = /^(?:(?:https?|ftp):\/\/|www\.)[^\s<>"“”]+$/i;
const EMAIL_RE = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/;
const NUMBER_RE = /^[-+]?[$€£¥]?\d+(?:[.,:/]\d+)*(?:%|[a-z]{1,2})?$/i;
const INITIALS_RE = /^(?:\p{L}\.){1,}\p{L}?\.?$/u; // U.S. / J.R.R. / e.g. / a.m.
const APOS = "'’";
/** clitics split off the end of a word (compared in lower case), longest first */
const CLITICS = ["n't", "'s", "'re", "'ve", "'ll", "'d", "'m"];

function isLetter(ch: string): boolean {
  return /\p{L}/u.test(ch);
}

function isAbbreviation(word: string, next: string | undefined): boolean {
  // word includes its final period
  const bare = word.slice(0, -1);
  if (bare.length === 0) return false;
  const lower = bare.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return true;
  if (INITIALS_RE.test(word)) return true;
  // single capital initial: "John F. Kennedy"
  if (/^\p{Lu}$/u.test(bare)) return true;
  void next;
  return false;
}

/**
 * Split one whitespace-delimited chunk [start, end) of `text` into tokens.
 * Pushes to `out`; `spaceAfter` is set for the last token by the caller.
 */
function splitChunk(text: string, start: number, end: number, out: RawToken[]): void {
  const whole = text.slice(start, end);
  // fast path: most chunks are plain words (before anything else is allocated)
  if (PLAIN_WORD.test(whole)) {
    out.push({ start, end, text: whole, spaceAfter: false });
    return;
  }
  const prefix: RawToken[] = [];
  const suffix: RawToken[] = [];
  let s = start;
  let e = end;
  const push = (arr: RawToken[], a: number, b: number) => arr.push({ start: a, end: b, text: text.slice(a, b), spaceAfter: false });

  // Whole-chunk protections.
  if (URL_RE.test(whole) || EMAIL_RE.test(whole)) {
    // strip trailing sentence punctuation from URLs
    while (e > s && /[.,;:!?)\]”"’']/.test(text[e - 1])) e--;
    push(out, s, e);
    for (let k = e; k < end; k++) push(out, k, k + 1);
    return;
  }

  // Leading punctuation.
  while (s < e) {
    const ch = text[s];
    if (OPENERS.has(ch) && e - s > 1) {
      // keep 'em / '90s style elisions whole
      if ((ch === "'" || ch === '’') && /^['’](?:em|tis|twas|\d0s|\d\d)\b/i.test(text.slice(s, e))) break;
      push(prefix, s, s + 1);
      s++;
    } else break;
  }

  // Trailing punctuation, keeping abbreviation periods and ellipses together.
  while (e > s) {
    const ch = text[e - 1];
    if (ch === '.' && e - s >= 3 && text[e - 2] === '.' && text[e - 3] === '.') {
      let k = e - 3;
      while (k > s && text[k - 1] === '.') k--;
      suffix.unshift({ start: k, end: e, text: text.slice(k, e), spaceAfter: false });
      e = k;
      continue;
    }
    if (ch === '.') {
      const word = text.slice(s, e);
      if (e - s > 1 && isAbbreviation(word, undefined)) break;
      if (e - s === 1) break;
      suffix.unshift({ start: e - 1, end: e, text: '.', spaceAfter: false });
      e--;
      continue;
    }
    if ((ch === '!' || ch === '?') && e - s > 1) {
      // "!!!" and "?!" stay one token, as in UD
      let k = e - 1;
      while (k > s + 1 && (text[k - 1] === '!' || text[k - 1] === '?')) k--;
      suffix.unshift({ start: k, end: e, text: text.slice(k, e), spaceAfter: false });
      e = k;
      continue;
    }
    if (CLOSERS.has(ch) && e - s > 1) {
      // a trailing apostrophe after s is a possessive ("parents'"), keep as its own token anyway (UD does)
      suffix.unshift({ start: e - 1, end: e, text: ch, spaceAfter: false });
      e--;
      continue;
    }
    break;
  }

  out.push(...prefix);
  splitInner(text, s, e, out);
  out.push(...suffix);
}

/** Split the core of a chunk on dashes, inner punctuation and clitics. */
function splitInner(text: string, s: number, e: number, out: RawToken[]): void {
  if (s >= e) return;
  const core = text.slice(s, e);
  if (URL_RE.test(core) || EMAIL_RE.test(core) || NUMBER_RE.test(core)) {
    out.push({ start: s, end: e, text: core, spaceAfter: false });
    return;
  }
  // Dashes and a few separators always split: "group–which", "2023—2024", "a/b" stays.
  const m = /(—|–|--+|\.\.\.+|…|[“”"()[\]{}!?;]|,(?!\d{3}\b)|:(?!\d))/u.exec(core);
  if (m && !(m[0] === ',' && /^\d/.test(core.slice(m.index + 1)) && /\d$/.test(core.slice(0, m.index)))) {
    const a = s + m.index;
    const b = a + m[0].length;
    if (a > s) splitChunk(text, s, a, out);
    out.push({ start: a, end: b, text: m[0], spaceAfter: false });
    if (b < e) splitChunk(text, b, e, out);
    return;
  }
  // Clitics.
  const lower = core.toLowerCase().replace(/’/g, "'");
  for (const c of CLITICS) {
    const cl = c.toLowerCase();
    if (lower.length > cl.length && lower.endsWith(cl)) {
      const cut = e - cl.length;
      // "n't" must follow a letter; "'s" etc must follow a letter or digit
      if (cl === "n't" && !isLetter(text[cut - 1])) continue;
      out.push({ start: s, end: cut, text: text.slice(s, cut), spaceAfter: false });
      out.push({ start: cut, end: e, text: text.slice(cut, e), spaceAfter: false });
      return;
    }
  }
  // Special: cannot → can not
  if (lower === 'cannot') {
    out.push({ start: s, end: s + 3, text: text.slice(s, s + 3), spaceAfter: false });
    out.push({ start: s + 3, end: e, text: text.slice(s + 3, e), spaceAfter: false });
    return;
  }
  // Inner apostrophe clitic followed by more letters is a name (O'Brien): keep.
  out.push({ start: s, end: e, text: core, spaceAfter: false });
  void APOS;
}

const SPACE_RE = /[\s\u200b\u200c\u200d\u2060\ufeff]/;
function isSpace(c: number): boolean {
  if (c === 32 || c === 10 || c === 9 || c === 13) return true;
  if (c < 128) return c === 11 || c === 12;
  return SPACE_RE.test(String.fromCharCode(c));
}

/** Tokenize `text` (or the range [from, to)) into raw tokens with exact offsets. */
export function tokenize(text: string, from = 0, to = text.length): RawToken[] {
  const out: RawToken[] = [];
  let i = from;
  while (i < to) {
    // skip whitespace (including zero-width and BOM)
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    if (i >= to) break;
    let j = i;
    while (j < to && !isSpace(text.charCodeAt(j))) j++;
    // bound pathological chunks (e.g. 1 MB without spaces) so later stages stay linear
    if (j - i > 256) {
      let k = i;
      while (k < j) {
        let kEnd = Math.min(j, k + 256);
        // never split a surrogate pair
        if (kEnd < j && /[\ud800-\udbff]/.test(text[kEnd - 1])) kEnd--;
        out.push({ start: k, end: kEnd, text: text.slice(k, kEnd), spaceAfter: false });
        k = kEnd;
      }
    } else {
      splitChunk(text, i, j, out);
    }
    if (out.length) out[out.length - 1].spaceAfter = j < to;
    i = j;
  }
  return out.filter((t) => t.end > t.start);
}
