import type { Doc, Token } from '../doc.js';
import type { Stage } from '../pipeline.js';
import { set } from '../lexicon/index.js';
import { ABBREVIATIONS, tokenize, type RawToken } from './tokenizer.js';
import { packedMap } from '../packed.js';

const TERMINAL = /^(?:[.!?]+|…|\.\.\.+)$/;
const CLOSING = new Set(['"', '”', '’', "'", ')', ']', '»']);
/** Abbreviations that usually precede a name or number, so never end a sentence. */
const TITLE_ABBR = set('abbreviations', { before: 'yes' });

/** Words that start sentences often enough to break after an ambiguous abbreviation ("in the U.S. The …"). */
const SENTENCE_STARTERS = set('sentence-starters');

function startsUpper(t: RawToken | undefined): boolean {
  if (!t) return true;
  return /^[\p{Lu}\p{N}"“‘'(\[«¿¡]/u.test(t.text);
}

function endsWithAbbreviation(t: RawToken): boolean {
  return t.text.length > 1 && t.text.endsWith('.');
}

const DASHES = new Set(['—', '–', '--', '-', '―']);

/**
 * A wire dateline opening a line — "BAMAKO —", "KYIV, Ukraine (Reuters) -", "GAZA CITY --" — is
 * not part of the first sentence: parsed with it, the place becomes the verb's subject. Returns
 * the index of the dash ending the dateline, or -1.
 */
function datelineEnd(tokens: RawToken[], from: number): number {
  const first = tokens[from];
  if (!first) return -1;
  let agency = false;
  for (let k = from; k < Math.min(tokens.length - 1, from + 10); k++) {
    const w = tokens[k].text;
    if (DASHES.has(w)) {
      const allCaps = /^\p{Lu}[\p{Lu}.'’-]+$/u.test(first.text);
      return k > from && (allCaps || agency) && /^[\p{L}\p{N}"“‘']/u.test(tokens[k + 1].text) ? k : -1;
    }
    if (w === ')' && k >= from + 2 && tokens[k - 2].text === '(') agency = true;
    else if (!/^(?:\p{Lu}[\p{L}.'’-]*|[,.()]|\d{1,2})$/u.test(w)) return -1; // "(AP)", "Ukraine", "D.C.", "Aug. 5"
  }
  return -1;
}

/**
 * Sentence boundaries over a token list: terminal punctuation (with any closing quotes or
 * brackets) followed by a capitalised or quoted token, and hard breaks at newlines.
 * Returns the index of the first token of each sentence.
 */
export function sentenceStarts(text: string, tokens: RawToken[]): number[] {
  const starts: number[] = [];
  if (tokens.length === 0) return starts;
  starts.push(0);
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    const gap = text.slice(t.end, next.start);
    if (i === starts[starts.length - 1] && (i === 0 || text.slice(tokens[i - 1].end, t.start).includes('\n'))) {
      const dash = datelineEnd(tokens, i);
      if (dash >= 0) {
        starts.push(dash + 1);
        i = dash;
        continue;
      }
    }
    // a line break ends a sentence (headlines, bylines, paragraphs)
    if (gap.includes('\n')) {
      starts.push(i + 1);
      continue;
    }
    // very long run without punctuation: force a break so later stages stay bounded
    if (i + 1 - starts[starts.length - 1] >= 400) {
      starts.push(i + 1);
      continue;
    }
    if (TERMINAL.test(t.text)) {
      // absorb closing quotes / brackets that follow
      let j = i + 1;
      while (j < tokens.length && CLOSING.has(tokens[j].text) && tokens[j].start === tokens[j - 1].end) j++;
      if (j >= tokens.length) break;
      const after = tokens[j];
      const prevWord = tokens[i - 1]?.text ?? '';
      if (startsUpper(after) || text.slice(tokens[j - 1].end, after.start).includes('\n')) {
        starts.push(j);
      } else if (t.text !== '.' && /^[\p{Ll}]/u.test(after.text)) {
        // "?"/"!" then a lower-case word: informal text starts sentences in lower case
        starts.push(j);
      } else if (t.text === '.' && /^\p{Ll}{2,}$/u.test(prevWord) && /^\p{Ll}{2,}/u.test(after.text) && t.start === tokens[i - 1].end && text.slice(t.end, after.start).length > 0) {
        // "…real. i think…": a full stop after a lower-case word, then a lower-case word
        starts.push(j);
      }
      i = j - 1;
      continue;
    }
    // an abbreviation that closes a sentence: "in the U.S. The …"
    if (endsWithAbbreviation(t) && gap.length > 0) {
      const bare = t.text.slice(0, -1).toLowerCase();
      if (!TITLE_ABBR.has(bare) && (ABBREVIATIONS.has(bare) || /\./.test(bare)) && SENTENCE_STARTERS.has(next.text.toLowerCase()) && /^\p{Lu}/u.test(next.text)) {
        starts.push(i + 1);
      }
    }
  }
  return starts;
}

/** Tokenizes the text and splits it into sentences and paragraphs (blank-line separated). */
export const tokenizeStage: Stage = {
  name: 'tokenize',
  requires: [], provides: ['tokens', 'sentences'],
  run(doc: Doc) {
    const raw = tokenize(doc.text);
    const starts = sentenceStarts(doc.text, raw);
    // packedMap, not raw.map(): the tokens array keeps one elements kind whether or not this stage is optimised.
    // The parse stage's fields are made here, empty and in the order it writes them, so a token keeps one
    // hidden class with every field inside the object (written later, they went to a separate backing
    // store: one allocation or two per token and an extra load on every read of upos, lemma, head, deprel)
    const tokens: Token[] = packedMap(raw, (r, i) => ({ i, start: r.start, end: r.end, text: r.text, spaceAfter: r.spaceAfter, sentence: 0, upos: undefined, xpos: undefined, lemma: undefined, head: undefined, deprel: undefined }));
    let paragraph = 0;
    for (let s = 0; s < starts.length; s++) {
      const a = starts[s];
      const b = s + 1 < starts.length ? starts[s + 1] : tokens.length;
      if (s > 0) {
        const gap = doc.text.slice(tokens[a - 1].end, tokens[a].start);
        if (/\n\s*\n/.test(gap)) paragraph++;
      }
      for (let k = a; k < b; k++) tokens[k].sentence = s;
      doc.sentences.push({ start: tokens[a].start, end: tokens[b - 1].end, tokenStart: a, tokenEnd: b, paragraph });
    }
    doc.tokens = tokens;
  },
};
