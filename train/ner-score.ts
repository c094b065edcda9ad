/**
 * Scoring for the named-entity recogniser: exact-span precision/recall/F1 per type and on the
 * coarse PER / ORG / LOC classes (GPE, LOC and FAC → LOC), both on gold tokens (used while
 * training) and on raw text through any recogniser that returns character spans.
 */
import { Doc } from '../src/doc.js';
import { tokenizeStage } from '../src/nlp/sentences.js';
import { nameMentions, recogniseDoc } from '../src/extract/ner.js';
import type { NerModel } from '../src/extract/ner-model.js';
import { alignWords, type LabeledSentence } from './ner-data.js';

export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  p: number;
  r: number;
  f1: number;
}

export interface Scores {
  all: PRF;
  coarse: PRF;
  byType: Record<string, PRF>;
  byCoarse: Record<string, PRF>;
}

export interface Span {
  start: number;
  end: number;
  type: string;
}

export function coarseType(type: string): string | null {
  if (type === 'PERSON' || type === 'PER') return 'PER';
  if (type === 'ORG') return 'ORG';
  if (type === 'GPE' || type === 'LOC' || type === 'FAC') return 'LOC';
  return null;
}

function prf(tp: number, fp: number, fn: number): PRF {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { tp, fp, fn, p: round(p), r: round(r), f1: round(f1) };
}

class Tally {
  private readonly counts = new Map<string, [number, number, number]>();
  add(key: string, i: 0 | 1 | 2): void {
    const c = this.counts.get(key) ?? [0, 0, 0];
    c[i]++;
    this.counts.set(key, c);
  }
  total(): PRF {
    let tp = 0, fp = 0, fn = 0;
    for (const c of this.counts.values()) {
      tp += c[0];
      fp += c[1];
      fn += c[2];
    }
    return prf(tp, fp, fn);
  }
  byKey(): Record<string, PRF> {
    const out: Record<string, PRF> = {};
    for (const k of [...this.counts.keys()].sort()) {
      const c = this.counts.get(k)!;
      out[k] = prf(c[0], c[1], c[2]);
    }
    return out;
  }
}

/** Exact-match scoring of predicted against gold spans (any unit: tokens or characters). */
export class SpanScorer {
  private readonly fine = new Tally();
  private readonly coarse = new Tally();

  add(gold: Span[], pred: Span[], fineTypes = true): void {
    if (fineTypes) this.match(gold, pred, (t) => t, this.fine);
    this.match(gold, pred, coarseType, this.coarse);
  }

  private match(gold: Span[], pred: Span[], map: (t: string) => string | null, tally: Tally): void {
    const key = (s: Span, t: string) => `${s.start}:${s.end}:${t}`;
    const g = new Map<string, string>();
    for (const s of gold) {
      const t = map(s.type);
      if (t) g.set(key(s, t), t);
    }
    const seen = new Set<string>();
    for (const s of pred) {
      const t = map(s.type);
      if (!t) continue;
      const k = key(s, t);
      if (seen.has(k)) continue;
      seen.add(k);
      if (g.has(k)) tally.add(t, 0);
      else tally.add(t, 1);
    }
    for (const [k, t] of g) if (!seen.has(k)) tally.add(t, 2);
  }

  scores(): Scores {
    return { all: this.fine.total(), coarse: this.coarse.total(), byType: this.fine.byKey(), byCoarse: this.coarse.byKey() };
  }
}

export function tagSpans(tags: string[]): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < tags.length; i++) {
    if (!tags[i].startsWith('B-')) continue;
    const type = tags[i].slice(2);
    let j = i + 1;
    while (j < tags.length && tags[j] === 'I-' + type) j++;
    out.push({ start: i, end: j, type });
  }
  return out;
}

/** Score the model on gold-tokenised documents (token spans; names made consistent per document). */
export function evaluateNer(model: NerModel, docs: LabeledSentence[][], scorer = new SpanScorer()): Scores {
  for (const doc of docs) {
    const pred = recogniseDoc(model, doc.map((s) => s.words));
    doc.forEach((s, k) => scorer.add(tagSpans(s.tags), pred[k]));
  }
  return scorer.scores();
}

/**
 * Score the model end to end: each document's raw text through our tokenizer and the model's
 * document pass, character spans against the gold ones (as `npm run eval:entities` does with
 * the shipped model).
 */
export function evaluateNerText(model: NerModel, docs: TextDoc[], scorer = new SpanScorer()): Scores {
  for (const d of docs) {
    const doc = new Doc({ text: d.text });
    tokenizeStage.run(doc);
    scorer.add(d.gold, nameMentions(model, doc).map((m) => ({ start: m.start, end: m.end, type: m.type })));
  }
  return scorer.scores();
}

/** A document rebuilt as raw text, with gold names as character spans. */
export interface TextDoc {
  id: string;
  text: string;
  gold: Span[];
}

/**
 * Join labelled sentences into one text (blank line between paragraphs, a space between
 * sentences; `linePerSentence` puts each sentence on its own line) and turn gold token
 * spans into character spans.
 */
export function toTextDoc(id: string, sentences: LabeledSentence[], linePerSentence = false): TextDoc {
  let text = '';
  const gold: Span[] = [];
  sentences.forEach((s, k) => {
    if (k > 0) text += linePerSentence ? '\n' : s.newPar ? '\n\n' : ' ';
    const base = text.length;
    const offs = alignWords(s.text, s.words);
    for (const span of tagSpans(s.tags)) {
      const a = offs[span.start];
      const b = offs[span.end - 1];
      if (a < 0 || b < 0) continue;
      gold.push({ start: base + a, end: base + b + s.words[span.end - 1].length, type: span.type });
    }
    text += s.text;
  });
  return { id, text, gold };
}

export function formatPRF(name: string, s: PRF): string {
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
  return `${name.padEnd(12)} P ${pct(s.p)}  R ${pct(s.r)}  F1 ${pct(s.f1)}   (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
}

export function formatScores(s: Scores, fine = true): string {
  const lines: string[] = [];
  if (fine) {
    for (const [t, v] of Object.entries(s.byType)) lines.push('  ' + formatPRF(t, v));
    lines.push('  ' + formatPRF('ALL', s.all));
  }
  for (const [t, v] of Object.entries(s.byCoarse)) lines.push('  ' + formatPRF('coarse ' + t, v));
  lines.push('  ' + formatPRF('COARSE', s.coarse));
  return lines.join('\n');
}
