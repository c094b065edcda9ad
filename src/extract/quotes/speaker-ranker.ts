/**
 * The learned speaker ranker (fifteenth round, docs/quotes.md): after the structural readers of
 * source.ts have chosen a speaker for every quote, gather a bounded set of candidates — the
 * cascade's answer, the entity behind its source phrase, the previous attribution's speaker, and
 * every entity mention in the cue's sentence, the quote's first sentence and the two sentences
 * before — and score them with an averaged perceptron over features of attribution structure
 * (dependency relation to the cue, cue lemma, distance and direction, quotation marks, mention
 * kind, pronoun, coreference to a name, quote kind, cue position, paragraph). The cascade's own
 * choice is one of the features (stacking): the ranker learns when to overrule it. Trained by
 * `npm run train:quotes-speaker` (eval/quotes-speaker.ts), shipped as models/quotes/speaker-ranker.json.
 * On document-level cross-validation it does not beat the cascade when it overrules it (docs/quotes.md,
 * fifteenth round): `CHRONICLE_QUOTES_SPEAKER=ranker` lets it (A/B); `=fill` keeps every answer the
 * cascade gave and lets it name a speaker only where the cascade found nothing, with the fill's
 * calibrated confidence (sixteenth round); `=rules` keeps the cascade's answers and costs nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelsDir } from '../../nlp/nlp-model.js';
import type { Doc, Quote } from '../../doc.js';
import type { QuoteContext } from './source.js';
import { set } from '../../lexicon/index.js';
import * as rule from './rules.js';

/** Bumped whenever a feature changes: a model trained on other features is refused. */
export const SPEAKER_FEATURE_VERSION = 4;

/** One candidate speaker of a quote: an entity, or the cascade's words when no entity stands for them. */
export interface SpeakerCandidate {
  entity: string | null;
  text?: string;
  /** the cascade's own answer */
  cascade: boolean;
  /** the source phrase to record when this candidate is chosen (the cascade's, or the nearest mention's) */
  source?: { start: number; end: number; text: string };
  features: string[];
}

/** Sentences before the quote's (or cue's) sentence whose mentions are candidates. */
const WINDOW_BEFORE = 2;
/** At most this many entity candidates per quote (the nearest to the anchor): the cost stays linear. */
const MAX_CANDIDATES = 24;

const PRONOUNS = set('function-words', { uses: 'store-pronoun' });
const RELATIVES = set('function-words', { uses: 'quotes-relative' });
/** Clause links along which a cue shares the subject of the verb it hangs on. */
const SHARED = /^(?:conj|xcomp|advcl|ccomp|parataxis|acl|acl:relcl)$/;

const lower = (s: string) => s.toLowerCase();
const bucket = (n: number) => (n <= 0 ? '0' : n <= 1 ? '1' : n <= 3 ? '2-3' : n <= 6 ? '4-6' : n <= 12 ? '7-12' : n <= 25 ? '13-25' : '26+');

/** How token m relates to the cue token c in the parse. */
function relationToCue(doc: Doc, m: number, c: number): string {
  const toks = doc.tokens;
  const t = toks[m];
  const cue = toks[c];
  if (m === c) return 'self';
  if (t.head === c) return t.deprel ?? 'dep';
  const cueRel = cue.deprel ?? '';
  if (cue.head !== undefined && cue.head >= 0 && SHARED.test(cueRel)) {
    if (t.head === cue.head) return `up-${cueRel}-${t.deprel ?? 'dep'}`;
    if (cue.head === m) return `head-${cueRel}`;
  }
  if (t.head !== undefined && t.head >= 0 && toks[t.head].head === c) return `in-${toks[t.head].deprel ?? 'dep'}-${t.deprel ?? 'dep'}`;
  return 'none';
}

/** Rank of relations when an entity has several mentions near the cue: the one most like a speaker's. */
function relationRank(r: string): number {
  if (/^nsubj$|^up-.*-nsubj$|^head-acl/.test(r)) return 0;
  if (/^obl:agent$|^nsubj:pass$/.test(r)) return 1;
  if (/^appos|^in-nsubj/.test(r)) return 2;
  if (r === 'none') return 5;
  return 3;
}

interface Mention { entity: string; from: number; to: number; head: number; kind: string }

/** Mentions (runs of tokens one entity owns) in tokens [a, b). */
function mentionsIn(ctx: QuoteContext, a: number, b: number): Mention[] {
  const out: Mention[] = [];
  for (let i = a; i < b; i++) {
    const e = ctx.owners[i];
    if (!e) continue;
    let j = i;
    while (j + 1 < b && ctx.owners[j + 1] === e && ctx.ownerKind[j + 1] === ctx.ownerKind[i]) j++;
    out.push({ entity: e, from: i, to: j, head: ctx.doc.spanHead(i, j), kind: ctx.ownerKind[i] ?? 'name' });
    i = j;
  }
  return out;
}

/**
 * Candidates for every quote, with their features (computed before any answer changes, so each quote's are independent of the ranking).
 * With `only`, quotes where it is false get none (their features are not needed: fill mode ranks only what the cascade found nothing for).
 */
export function speakerCandidates(ctx: QuoteContext, quotes: readonly Quote[], only?: readonly boolean[]): SpeakerCandidate[][] {
  const doc = ctx.doc;
  const toks = doc.tokens;
  const paragraphOf = (pos: number) => doc.sentences[doc.sentenceAt(pos)].paragraph;
  const out: SpeakerCandidate[][] = [];
  // document-level evidence: how often the cascade gave each entity a quote, and each entity's rank by mentions
  const quoted = new Map<string, number>();
  for (const q of quotes) if (q.speaker) quoted.set(q.speaker, (quoted.get(q.speaker) ?? 0) + 1);
  const salience = new Map<string, number>();
  [...doc.entities].sort((a, b) => b.mentions.length - a.mentions.length || (a.id < b.id ? -1 : 1)).forEach((e, i) => salience.set(e.id, i));
  let prev: { entity: string; paragraph: number } | null = null;
  for (let qi = 0; qi < quotes.length; qi++) {
    const q = quotes[qi];
    const cands: SpeakerCandidate[] = [];
    if (only && !only[qi]) {
      out.push(cands);
      if (q.speaker) prev = { entity: q.speaker, paragraph: paragraphOf(q.start) };
      continue;
    }
    const cueTok = q.cue ? doc.tokenAt(q.cue.start) : -1;
    const anchor = cueTok >= 0 ? cueTok : doc.tokenAt(q.start);
    const qSent = doc.sentenceAt(q.start);
    const aSent = toks[anchor]?.sentence ?? qSent;
    const qPara = paragraphOf(q.start);
    const cuePos = !q.cue ? 'nocue' : q.cue.end <= q.start ? 'before' : q.cue.start >= q.end ? 'after' : 'inside';
    const cueLemma = cueTok >= 0 ? lower(toks[cueTok].lemma ?? toks[cueTok].text) : '-';
    const quoteFeats = [`qk=${q.kind}`, `cp=${cuePos}`, `cue=${cueLemma}`, `qk-cp=${q.kind}|${cuePos}`];
    // the cascade's source phrase: its head, how it relates to the cue, what it is
    let srcHead = -1;
    let srcDesc = 'nosrc';
    if (q.source) {
      const a = doc.tokenAt(q.source.start);
      let b = a;
      while (b + 1 < toks.length && toks[b + 1].end <= q.source.end) b++;
      srcHead = doc.spanHead(a, b);
      const w = lower(toks[srcHead].text);
      srcDesc = PRONOUNS.has(w) || RELATIVES.has(w) ? `pron-${w}` : toks[srcHead].upos === 'PROPN' ? 'propn' : (toks[srcHead].xpos === 'NNS' ? 'plural' : 'noun');
    }
    const srcOwner = srcHead >= 0 ? ctx.owners[srcHead] : undefined;
    const cascade = q.speaker ? 'entity' : q.speaker_text ? 'text' : 'empty';
    const srcRel = srcHead >= 0 && cueTok >= 0 ? relationToCue(doc, srcHead, cueTok) : 'nosrc';
    const srcLemma = srcHead >= 0 ? lower(toks[srcHead].lemma ?? toks[srcHead].text) : '-';
    const common = [...quoteFeats, `cas=${cascade}`, `cas-src=${cascade}|${srcDesc}`, `cas-srcrel=${cascade}|${srcRel}`];
    if (q.speaker_text && !q.speaker) {
      cands.push({ entity: null, text: q.speaker_text, cascade: true, source: q.source, features: ['bias-text', ...common.map((f) => `T:${f}`), `T:src=${srcDesc}`, `T:srch=${srcLemma}`] });
    }
    // entity candidates: mentions in the window
    const firstSent = Math.max(0, Math.min(qSent, aSent) - WINDOW_BEFORE);
    const lastSent = Math.max(qSent, aSent);
    const ms = mentionsIn(ctx, doc.sentences[firstSent].tokenStart, doc.sentences[lastSent].tokenEnd);
    const byEntity = new Map<string, { best: Mention; rel: string; n: number; dist: number }>();
    // salience in the window: an entity that was the subject of a sentence's main verb, and how its latest mention before the anchor served
    const subjectOf = new Map<string, number>();
    const lastDep = new Map<string, string>();
    for (const m of ms) {
      const h = toks[m.head];
      const head = h.head !== undefined && h.head >= 0 ? toks[h.head] : undefined;
      if (/^nsubj/.test(h.deprel ?? '') && head && (head.deprel === 'root' || head.head === undefined || head.head < 0) && !ctx.inside(m.head)) {
        const off = h.sentence - aSent;
        if (!subjectOf.has(m.entity) || off > subjectOf.get(m.entity)!) subjectOf.set(m.entity, off);
      }
      if (m.head < anchor) lastDep.set(m.entity, (h.deprel ?? 'dep').replace(/:.*/, ''));
    }
    for (const m of ms) {
      const rel = cueTok >= 0 && toks[m.head].sentence === toks[cueTok].sentence ? relationToCue(doc, m.head, cueTok) : 'none';
      const dist = Math.abs(m.head - anchor);
      const seen = byEntity.get(m.entity);
      if (!seen) { byEntity.set(m.entity, { best: m, rel, n: 1, dist }); continue; }
      seen.n++;
      if (relationRank(rel) < relationRank(seen.rel) || (relationRank(rel) === relationRank(seen.rel) && dist < seen.dist)) { seen.best = m; seen.rel = rel; seen.dist = dist; }
    }
    const ids = [...byEntity.keys()].sort((x, y) => byEntity.get(x)!.dist - byEntity.get(y)!.dist || (x < y ? -1 : 1)).filter((id) => id !== q.speaker).slice(0, MAX_CANDIDATES);
    // the cascade's answer first: ties (and an untrained model) keep it
    if (q.speaker) ids.unshift(q.speaker);
    if (prev && prev.entity && !ids.includes(prev.entity) && qPara - prev.paragraph <= 1) ids.push(prev.entity);
    for (const id of ids) {
      const e = doc.entityById(id);
      const info = byEntity.get(id);
      const f: string[] = ['bias-entity', ...common];
      const readers: string[] = [];
      if (id === q.speaker) readers.push('cascade');
      if (id === srcOwner) readers.push('phrase');
      if (prev?.entity === id) readers.push(qPara === prev.paragraph ? 'prev-same' : 'prev-next');
      if (info) readers.push('window');
      const rd = readers.join('+') || 'none';
      f.push(`rd=${rd}`, `rd-cas=${rd}|${cascade}`, `rd-qk-cp=${rd}|${q.kind}|${cuePos}`);
      for (const r of readers) f.push(`r=${r}`, `r-src=${r}|${srcDesc}`);
      f.push(`srch-type=${srcLemma}|${e?.type ?? '?'}|${rd}`);
      const type = e?.type ?? '?';
      const hasName = e?.mentions.some((m) => m.kind === 'name') ?? false;
      f.push(`type=${type}`, `named=${hasName}`, `type-cas=${type}|${readers.includes('cascade')}`);
      // (the cascade's own quote counts once less for its answer: what the rest of the document says)
      const others = (quoted.get(id) ?? 0) - (id === q.speaker ? 1 : 0);
      const sal = salience.get(id) ?? 99;
      const salB = sal < 3 ? String(sal) : sal < 6 ? '3-5' : '6+';
      f.push(`quoted=${bucket(others)}`, `quoted-type=${bucket(others)}|${type}`, `quoted-cas=${bucket(others)}|${cascade}|${readers.includes('cascade')}`, `sal=${salB}`, `sal-type=${salB}|${type}`, `sal-srch=${salB}|${srcDesc}`);
      if (info) {
        const m = info.best;
        const mw = lower(toks[m.head].text);
        const kind = m.kind === 'pronoun' ? `pron-${mw}` : m.kind;
        const before = m.head < anchor;
        const sOff = toks[m.head].sentence - aSent;
        const inside = ctx.inside(m.head);
        const inContent = toks[m.head].start >= q.start && toks[m.head].end <= q.end;
        const para = paragraphOf(toks[m.head].start) === qPara;
        const dir = `${before ? 'L' : 'R'}${bucket(info.dist)}`;
        const g = ctx.gender.get(id) ?? '-';
        f.push(`rel=${info.rel}`, `rel-cue=${info.rel}|${cueLemma}`, `rel-kind=${info.rel}|${kind}`, `rel-cas=${info.rel}|${readers.includes('cascade')}`,
          `rel-qk=${info.rel}|${q.kind}|${cuePos}`, `kind=${kind}`, `kind-type=${kind}|${type}`, `dir=${dir}`, `dir-rel=${dir}|${info.rel}`,
          `soff=${sOff}`, `soff-kind=${sOff}|${kind}`, `inside=${inside}`, `incontent=${inContent}`, `inside-rel=${inside}|${info.rel}`,
          `para=${para}`, `n=${bucket(info.n)}`, `gender=${g}|${srcDesc}`, `kind-src=${kind}|${srcDesc}`,
          `type-src=${type}|${srcDesc}|${named(hasName)}`, `cas-rel-kind=${readers.includes('cascade')}|${info.rel}|${kind}`);
        const subj = subjectOf.has(id) ? `s${subjectOf.get(id)}` : 'no';
        const last = lastDep.get(id) ?? 'none';
        f.push(`subj=${subj}`, `subj-src=${subj}|${srcDesc}`, `subj-cas=${subj}|${readers.includes('cascade')}|${cascade}`, `last=${last}`, `last-src=${last}|${srcDesc}`, `last-kind=${last}|${kind}`);
      } else {
        f.push('far', `far-rd=${rd}|${srcDesc}`);
      }
      const mention = info ? info.best : null;
      cands.push({
        entity: id, cascade: id === q.speaker, features: f,
        ...(id === q.speaker && q.source ? { source: q.source } : mention ? { source: { start: toks[mention.from].start, end: toks[mention.to].end, text: doc.text.slice(toks[mention.from].start, toks[mention.to].end) } } : {}),
      });
    }
    out.push(cands);
    if (q.speaker) prev = { entity: q.speaker, paragraph: qPara };
  }
  return out;
}

const named = (b: boolean) => (b ? 'named' : 'unnamed');

export interface SpeakerModelFile {
  featureVersion: number;
  weights: Record<string, number>;
  /** how far another candidate must score above the cascade's answer to overrule it */
  margin: number;
  /** the score a candidate needs to fill a speaker the cascade left empty (an empty speaker beats a wrong one) */
  fill: number;
  /** the out-of-fold precision of fills where the cascade found nothing, smoothed (right + 1) / (fills + 2): a fill's confidence */
  fillPrecision?: number;
}

export class SpeakerRanker {
  constructor(readonly weights: Map<string, number>, readonly margin = 0, readonly fill = -Infinity, readonly fillPrecision?: number) {}

  static fromFile(file: SpeakerModelFile, origin = 'speaker ranker'): SpeakerRanker {
    if (file.featureVersion !== SPEAKER_FEATURE_VERSION) {
      throw new Error(`${origin}: trained on speaker features version ${file.featureVersion}, the code has ${SPEAKER_FEATURE_VERSION} (run \`npm run train:quotes-speaker\`)`);
    }
    return new SpeakerRanker(new Map(Object.entries(file.weights)), file.margin ?? 0, file.fill ?? -Infinity, file.fillPrecision);
  }

  score(features: readonly string[]): number {
    let s = 0;
    for (const f of features) s += this.weights.get(f) ?? 0;
    return s;
  }

  /**
   * The chosen candidate's index: the best-scoring one when it beats the cascade's answer by more
   * than the margin, else the cascade's; where the cascade gave none, the best-scoring one when it
   * reaches the fill score, else −1 (stay empty). Ties go to the earliest.
   */
  best(cands: readonly { features: readonly string[]; cascade: boolean }[]): number {
    let bi = -1;
    let bs = -Infinity;
    let ci = -1;
    let cs = 0;
    cands.forEach((c, i) => {
      const s = this.score(c.features);
      if (s > bs) { bs = s; bi = i; }
      if (c.cascade && ci < 0) { ci = i; cs = s; }
    });
    if (ci < 0) return bs >= this.fill ? bi : -1;
    return bs - cs <= this.margin ? ci : bi;
  }

  toFile(): SpeakerModelFile {
    const weights: Record<string, number> = {};
    for (const [k, v] of [...this.weights].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (Math.abs(v) >= 1e-3) weights[k] = Math.round(v * 1e3) / 1e3;
    return { featureVersion: SPEAKER_FEATURE_VERSION, weights, margin: this.margin, fill: Number.isFinite(this.fill) ? this.fill : -1e9, ...(this.fillPrecision !== undefined ? { fillPrecision: this.fillPrecision } : {}) };
  }
}

/** models/quotes/ of this checkout (beside the NLP model's folder). */
export function quotesModelDir(): string {
  return join(modelsDir(), 'quotes');
}

let override: SpeakerRanker | null | undefined;
let shipped: SpeakerRanker | null | undefined;

/** The ranker the stage uses: one set by `useSpeakerRanker`, else models/quotes/speaker-ranker.json (null if absent), loaded on first use. */
export function speakerRanker(): SpeakerRanker | null {
  if (override !== undefined) return override;
  if (shipped === undefined) {
    const path = join(quotesModelDir(), 'speaker-ranker.json');
    shipped = existsSync(path) ? SpeakerRanker.fromFile(JSON.parse(readFileSync(path, 'utf8')) as SpeakerModelFile, path) : null;
  }
  return shipped;
}

/** Run the pipeline with this ranker (null: the cascade alone); undefined restores the shipped one. */
export function useSpeakerRanker(model: SpeakerRanker | null | undefined): void {
  override = model;
}

/** `fillable[i]`: the cascade found nothing for quote i (`foundNothing`). */
type CandidateSink = (doc: Doc, quotes: readonly Quote[], candidates: SpeakerCandidate[][], fillable: readonly boolean[]) => void;
let sink: CandidateSink | null = null;

/** Training: receive every document's quotes and candidates (before ranking). */
export function onSpeakerCandidates(fn: CandidateSink | null): void {
  sink = fn;
}

/** Which resolver gives the speakers: the rule cascade, the ranker over its candidates, or the cascade with the ranker filling only what it found nothing for. */
export type SpeakerMode = 'rules' | 'ranker' | 'fill';
export const SPEAKER_MODES: readonly SpeakerMode[] = ['rules', 'ranker', 'fill'];
/** The mode when CHRONICLE_QUOTES_SPEAKER is unset. */
export const DEFAULT_SPEAKER_MODE: SpeakerMode = 'fill';

export function speakerMode(): SpeakerMode {
  const v = process.env.CHRONICLE_QUOTES_SPEAKER;
  if (v === undefined || v === '') return DEFAULT_SPEAKER_MODE;
  if ((SPEAKER_MODES as readonly string[]).includes(v)) return v as SpeakerMode;
  throw new Error(`CHRONICLE_QUOTES_SPEAKER=${v}: expected one of ${SPEAKER_MODES.map((m) => `"${m}"`).join(', ')}`);
}

/**
 * The cascade found nothing for this quote: no speaker, no words, no source phrase read, and no rule
 * vetoed one (`vetoed`: the quotes the stage marked, e.g. a cue quotes.short-quote-needs-cue refused). A
 * source phrase the cascade read but did not name — a pronoun out of reach or without an agreeing
 * antecedent, a relative with no antecedent — is a deliberate empty too: a guess there is what the
 * cascade's agreement and reach rules refuse.
 */
export function foundNothing(q: Quote, vetoed: ReadonlySet<Quote>): boolean {
  return !q.speaker && !q.speaker_text && !q.source && !vetoed.has(q);
}

/** The fill's calibrated confidence: the out-of-fold fill precision on the training pool (smoothed), from the model file. */
export function fillConfidence(model: SpeakerRanker | null): number {
  return model?.fillPrecision ?? DEFAULT_FILL_CONFIDENCE;
}
/** A model file with no measured fill precision: an even chance is no claim of sureness. */
const DEFAULT_FILL_CONFIDENCE = 0.5;

/**
 * Under CHRONICLE_QUOTES_SPEAKER=ranker (or a model set by `useSpeakerRanker`), replace each quote's
 * speaker by the ranker's choice; under =fill, keep every answer the cascade gave and let the ranker
 * name a speaker only where the cascade found nothing (`foundNothing`), with the fill's calibrated
 * confidence. Returns the quotes filled.
 */
export function rankSpeakers(ctx: QuoteContext, quotes: Quote[], vetoed: ReadonlySet<Quote> = new Set()): Quote[] {
  const env = speakerMode();
  // (quotes.speaker-fill switched off: the cascade alone, as under =rules)
  const mode = override !== undefined ? 'ranker' : env === 'fill' && !rule.speakerFill.enabled ? 'rules' : env;
  const model = override !== undefined ? override : mode === 'rules' ? null : speakerRanker();
  const filled: Quote[] = [];
  if (!model && !sink) return filled;
  const fillable = quotes.map((q) => foundNothing(q, vetoed));
  // (fill mode with nothing to fill gathers no candidates: the cascade's answers stand, at no cost)
  if (!sink && mode === 'fill' && !fillable.some(Boolean)) return filled;
  const all = speakerCandidates(ctx, quotes, !sink && mode === 'fill' ? fillable : undefined);
  sink?.(ctx.doc, quotes, all, fillable);
  if (!model) return filled;
  quotes.forEach((q, i) => {
    if (mode === 'fill' && !fillable[i]) return;
    const cands = all[i];
    if (!cands.length) return;
    const b = model.best(cands);
    if (b < 0) return;
    const c = cands[b];
    if (c.entity === q.speaker && (c.entity || c.text === q.speaker_text)) return;
    q.speaker = c.entity;
    if (c.entity) delete q.speaker_text;
    else if (c.text) q.speaker_text = c.text;
    if (c.source) q.source = c.source;
    if (mode === 'fill') { filled.push(q); rule.speakerFill.fired(q.start, q.end); }
  });
  return filled;
}

/** After the coreference confidences are set: a filled speaker is a guess, as sure as the fill's calibrated precision (times any link it rests on). */
export function markFilled(filled: readonly Quote[]): void {
  if (!filled.length) return;
  const c = fillConfidence(speakerRanker());
  for (const q of filled) q.confidence = Math.round(c * (q.confidence ?? 1) * 1000) / 1000;
}
