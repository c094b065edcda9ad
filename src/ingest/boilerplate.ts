/**
 * Boilerplate in article text: credits ("Contributing: X"), bylines ("By X Staff"), calls to
 * action ("Subscribe …"), related-link lists and "READ MORE:" pop-ups, image captions and
 * credits, and headlines of other stories standing alone between paragraphs. HTML ingestion
 * drops much of this by markup (src/ingest/html.ts); what reaches us as text — plain text,
 * JSON, feeds, pages whose markup hid it — is marked here, line by line, so no stage reads it
 * as prose. The marks are a Doc layer (`doc.notes`, read with `boilerplateOf`); the text and its
 * offsets are left as they are, so every fact still points at the characters it came from.
 *
 * The phrases are data: lexicon/en/boilerplate.json.
 */
import { lexiconDir } from '../lexicon/index.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Doc } from '../doc.js';
import type { Stage } from '../pipeline.js';

export type BoilerplateKind = 'credit' | 'byline' | 'call-to-action' | 'related' | 'caption' | 'headline';

export interface BoilerplateSpan {
  start: number;
  end: number;
  kind: BoilerplateKind;
}

interface PhraseFile {
  credit_openers: string[];
  credit_closers: string[];
  byline_openers: string[];
  calls_to_action: string[];
  related_heads: string[];
  caption_openers: string[];
  photo_agencies: string[];
}

interface Patterns {
  creditOpen: RegExp;
  creditClose: RegExp;
  byline: RegExp;
  callToAction: RegExp;
  relatedHead: RegExp;
  relatedInline: RegExp;
  captionOpen: RegExp;
  photoCredit: RegExp;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
/** Longest first, so "related news" is tried before "related". */
const alternation = (words: string[]) => [...words].sort((a, b) => b.length - a.length).map(escape).join('|');

function compile(f: PhraseFile): Patterns {
  const agencies = alternation(f.photo_agencies);
  return {
    // "Contributing: Kristine Phillips", "Additional reporting by …", "(Editing by …)"
    creditOpen: new RegExp(`^\\(?(?:${alternation(f.credit_openers)})(?:\\s+by\\b|\\s*:)`, 'i'),
    // "… contributed to this report."
    creditClose: new RegExp(`\\b(?:${alternation(f.credit_closers)})\\b[^.]{0,40}[.)]*$`, 'i'),
    // "By World Israel News Staff", "By Jane Doe and John Roe, Reuters"
    byline: new RegExp(`^(?:${alternation(f.byline_openers)})\\s*:?\\s+[\\p{Lu}\\p{Lt}]`, 'iu'),
    callToAction: new RegExp(`^(?:${alternation(f.calls_to_action)})\\b`, 'i'),
    relatedHead: new RegExp(`^(?:${alternation(f.related_heads)})\\s*[:.…»>|-]*$`, 'i'),
    // "READ MORE: Trump assails …", "RELATED | Ceasefire talks stall"
    relatedInline: new RegExp(`^(?:${alternation(f.related_heads)})\\s*[:|»>—–-]\\s*\\S`, 'i'),
    // "Photo: …", "(Image: …)", "FILE PHOTO - …"
    captionOpen: new RegExp(`^[([]?(?:${alternation(f.caption_openers)})\\s*(?:[:|—–]|-\\s|\\(|/)`, 'i'),
    // "(Photo: Jane Doe/Getty Images)", "AP Photo/Jane Doe", "REUTERS/Jane Doe", "… | AFP"
    photoCredit: new RegExp(
      `(?:\\b(?:photo|image|picture|credit|pictured|photograph)\\b[^.!?]{0,80}\\b(?:${agencies})\\b[^.!?]{0,40}$)|` +
        `(?:\\b(?:${agencies})\\s*(?:photo\\s*)?/\\s*[\\p{Lu}][\\p{L}.' -]{1,40}\\)?\\.?$)|` +
        `(?:[/|]\\s*(?:${agencies})(?:\\s+via\\s+(?:${agencies}))?\\s*\\)?\\.?$)`,
      'iu',
    ),
  };
}

/** lexicon/en/boilerplate.json, beside the lexicon's word lists. */
function dataPath(): string {
  const file = join(lexiconDir(), 'boilerplate.json');
  if (!existsSync(file)) throw new Error(`boilerplate: ${file} not found`);
  return file;
}

let shared: Patterns | null = null;
function patterns(): Patterns {
  shared ??= compile(JSON.parse(readFileSync(dataPath(), 'utf8')) as PhraseFile);
  return shared;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const LOWER_FUNCTION = /^(?:a|an|the|and|or|but|of|in|on|at|to|for|by|with|as|from|into|over|after|vs?|is|are|was|be)$/i;

function words(line: string): string[] {
  return line.match(WORD) ?? [];
}

/** A line that ends like a sentence of prose. */
function endsLikeProse(line: string): boolean {
  return /[.!?…]["”’)\]]*$/.test(line);
}

/** Title case or capitals: most words other than short function words start with a capital. */
function titleLike(line: string): boolean {
  const ws = words(line).filter((w) => !LOWER_FUNCTION.test(w));
  if (ws.length < 2) return false;
  const caps = ws.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
  return caps / ws.length >= 0.8;
}

interface Line {
  start: number;
  end: number;
  text: string;
  words: number;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) out.push({ start: pos + lead, end: pos + lead + body.length, text: body, words: words(body).length });
    pos += raw.length + 1;
  }
  return out;
}

/** The kind of furniture one line is by itself, or null. */
function lineKind(p: Patterns, line: Line, byline: string | null): BoilerplateKind | null {
  const t = line.text.replace(/^[•·*▪►▶→»>\-–—]\s*/, '');
  const w = line.words;
  if (w === 0) return null;
  if (w <= 40 && (p.creditOpen.test(t) || p.creditClose.test(t))) return 'credit';
  if (w <= 14 && p.byline.test(t) && !endsLikeProse(t.replace(/\b(?:Jr|Sr|Inc|Ltd|Co)\.$/, ''))) return 'byline';
  if (byline && t.toLowerCase() === byline.toLowerCase()) return 'byline';
  if (w <= 40 && p.callToAction.test(t)) return 'call-to-action';
  if (w <= 30 && p.relatedInline.test(t)) return 'related';
  if (w <= 60 && (p.captionOpen.test(t) || p.photoCredit.test(t))) return 'caption';
  return null;
}

/**
 * Boilerplate spans of an article's text. The first line is never taken for another story's
 * headline: it is the document's own. `byline`: the page's byline, when ingestion read one.
 */
export function findBoilerplate(text: string, options: { byline?: string | null } = {}): BoilerplateSpan[] {
  const p = patterns();
  const lines = linesOf(text);
  const kinds: (BoilerplateKind | null)[] = lines.map((l) => lineKind(p, l, options.byline ?? null));
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k];
    // a "Related" / "Read more" / "Sources" heading: it and the run of short, unpunctuated
    // lines (headlines, link titles) after it
    if (l.words <= 6 && p.relatedHead.test(l.text)) {
      kinds[k] = 'related';
      for (let j = k + 1; j < lines.length; j++) {
        const n = lines[j];
        if (kinds[j] && kinds[j] !== 'headline') continue;
        if (n.words > 25 || (endsLikeProse(n.text) && n.words > 12)) break;
        kinds[j] = 'related';
      }
      continue;
    }
    // another story's headline standing alone between paragraphs: short, title case, no final
    // punctuation (not the document's own headline, the first line)
    // (a dash opening the line attributes a pull quote; a year makes it a date line: neither is another story)
    if (k > 0 && !kinds[k] && l.words >= 3 && l.words <= 16 && !endsLikeProse(l.text) && !/[:;,]$/.test(l.text) && !/^[—–-]/.test(l.text) && !/\b\d{4}\b/.test(l.text) && titleLike(l.text)) {
      const prev = lines[k - 1];
      const next = lines[k + 1];
      const prose = (x: Line | undefined) => x !== undefined && x.words >= 12 && endsLikeProse(x.text);
      if ((prose(prev) || kinds[k - 1] !== null) && (next === undefined || prose(next) || kinds[k + 1] !== null)) kinds[k] = 'headline';
    }
  }
  const out: BoilerplateSpan[] = [];
  lines.forEach((l, k) => {
    const kind = kinds[k];
    if (!kind) return;
    const last = out[out.length - 1];
    // one span for a run of lines of one kind
    if (last && last.kind === kind && /^\s*$/.test(text.slice(last.end, l.start))) last.end = l.end;
    else out.push({ start: l.start, end: l.end, kind });
  });
  return out;
}

const NOTE = 'boilerplate';

/** The boilerplate layer of a Doc (computed on first use when the stage did not run). */
export function boilerplateOf(doc: Doc): BoilerplateSpan[] {
  let spans = doc.notes.get(NOTE) as BoilerplateSpan[] | undefined;
  if (!spans) {
    spans = findBoilerplate(doc.text, { byline: doc.meta?.byline ?? null });
    doc.notes.set(NOTE, spans);
  }
  return spans;
}

/** Characters [start, end) lie inside boilerplate. */
export function inBoilerplate(doc: Doc, start: number, end: number): boolean {
  for (const s of boilerplateOf(doc)) if (s.start <= start && end <= s.end) return true;
  return false;
}

/** One flag per sentence: 1 when the sentence lies inside boilerplate. */
export function boilerplateSentences(doc: Doc): Uint8Array {
  const flags = new Uint8Array(doc.sentences.length);
  const spans = boilerplateOf(doc);
  if (!spans.length) return flags;
  let j = 0;
  for (let s = 0; s < doc.sentences.length; s++) {
    const sent = doc.sentences[s];
    while (j < spans.length && spans[j].end <= sent.start) j++;
    if (j < spans.length && spans[j].start <= sent.start && sent.end <= spans[j].end) flags[s] = 1;
  }
  return flags;
}

/** Pipeline stage 'boilerplate': marks the layer so later stages can skip what is not prose. */
export const boilerplateStage: Stage = {
  name: 'boilerplate',
  requires: ['tokens', 'sentences'],
  provides: ['boilerplate'],
  run(doc: Doc): void {
    doc.notes.delete(NOTE);
    boilerplateOf(doc);
  },
};
