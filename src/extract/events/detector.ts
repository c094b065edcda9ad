/**
 * The learned event detector and classifier: a multinomial logistic regression over candidate
 * predicates (coder.ts) that says whether a predicate reports a political, violent or legal act
 * between actors, and which PLOVER type — classes NONE plus the sixteen types. The CAMEO
 * dictionaries stay the source of candidates and codes: a predicate whose dictionary type the
 * model confirms keeps the dictionary's code and mode; otherwise it takes the type's usual code.
 * Confidence is P(event) × P(type | event), calibrated on cross-validation (isotonic).
 *
 * Trained by `npm run train:events` (train/events.ts) on the annotated set in eval/data/events/;
 * shipped as models/events/detector.json.gz with a manifest.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Decider, DecisionContext, Predicate, Verdict } from './coder.js';
import { refineCode, roleCounts, ruleVerdict } from './coder.js';
import { VETO_RULES } from './rules.js';
import { candidateFeatures, type ClusterLookup } from './features.js';
import { lexiconPath } from './lexicon.js';
import { reducedPloverType, toPlover } from './plover.js';
import { LEMMA_MODES } from './supplement.js';
import { getBrownClusters } from '../../nlp/representations.js';
import { readyModel } from '../../nlp/model-io.js';

export const NONE = 'NONE';

export interface DetectorModel {
  format: 'chronicle-event-detector/1';
  classes: string[];
  /** feature name → row of weights, sparse: [class index, weight] pairs */
  weights: Record<string, [number, number][]>;
  /** P(event) needed to report an event with a participant the entity layer knows, and one without */
  threshold: number;
  noParticipantThreshold: number;
  /** P(event) enough for a candidate the rule coder keeps (its dictionary code, no veto, a participant) */
  ruleFloor: number;
  /** the same for a rule verdict with both an actor and a recipient (absent in older models: ruleFloor) */
  dyadRuleFloor?: number;
  /** CAMEO code for a type the dictionary did not give (the type's most frequent code in training) */
  typeCodes: Record<string, string>;
  /** nouns read as candidates besides nominals.ts (the annotated set's candidate nouns) */
  nouns: string[];
  /** isotonic calibration of the raw score: knots (x ascending) and their calibrated values */
  calibration: { x: number[]; y: number[] };
  /** a rule's veto bars the dictionary's type (barVetoedType) */
  hardVetoes?: boolean;
  /** sha256 of the Brown cluster file the features used (models/representations/), null when none */
  clusters: string | null;
}

/** Cluster path prefixes the features use (of the shared Brown clusters, src/nlp/representations.ts). */
const CLUSTER_PREFIXES = [4, 6, 10];

/** The shared Brown clusters as a feature lookup: a word's path prefixes, [] for an unknown word; null when the clusters are missing. */
export function brownLookup(): ClusterLookup | null {
  const brown = getBrownClusters();
  if (!brown) return null;
  const memo = new Map<string, readonly string[]>();
  return (word: string) => {
    let hit = memo.get(word);
    if (!hit) {
      const path = brown.path(word);
      hit = path ? CLUSTER_PREFIXES.filter((n) => n <= path.length).map((n) => path.slice(0, n)) : [];
      if (memo.size > 100_000) memo.clear();
      memo.set(word, hit);
    }
    return hit;
  };
}

/** Softmax scores of one feature list. */
export function classProbabilities(model: Pick<DetectorModel, "classes" | "weights">, features: readonly string[], out: Float64Array<ArrayBuffer> = new Float64Array(model.classes.length)): Float64Array<ArrayBuffer> {
  out.fill(0);
  for (const f of features) {
    const row = model.weights[f];
    if (!row) continue;
    for (const [c, w] of row) out[c] += w;
  }
  let max = -Infinity;
  for (const v of out) if (v > max) max = v;
  let z = 0;
  for (let c = 0; c < out.length; c++) { out[c] = Math.exp(out[c] - max); z += out[c]; }
  for (let c = 0; c < out.length; c++) out[c] /= z;
  return out;
}

/** A weight row packed at load: class indexes and weights in the model file's order. */
export interface PackedRow { cls: Uint8Array; w: Float64Array }

/**
 * The sparse weights as a Map from feature to typed-array row (a plain object of ~10⁵ string keys
 * is a slow dictionary; pairs of pairs cost an iterator and a destructuring per weight). The sums
 * run in the same order as classProbabilities, so the probabilities are bit-identical.
 */
export function packWeights(weights: DetectorModel['weights']): Map<string, PackedRow> {
  const packed = new Map<string, PackedRow>();
  for (const f of Object.keys(weights)) {
    const row = weights[f];
    const cls = new Uint8Array(row.length);
    const w = new Float64Array(row.length);
    for (let j = 0; j < row.length; j++) { cls[j] = row[j][0]; w[j] = row[j][1]; }
    packed.set(f, { cls, w });
  }
  return packed;
}

/** classProbabilities over packed rows. */
export function packedProbabilities(rows: ReadonlyMap<string, PackedRow>, features: readonly string[], out: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  out.fill(0);
  for (let i = 0; i < features.length; i++) {
    const row = rows.get(features[i]);
    if (row === undefined) continue;
    const { cls, w } = row;
    for (let j = 0; j < cls.length; j++) out[cls[j]] += w[j];
  }
  let max = -Infinity;
  for (let c = 0; c < out.length; c++) if (out[c] > max) max = out[c];
  let z = 0;
  for (let c = 0; c < out.length; c++) { out[c] = Math.exp(out[c] - max); z += out[c]; }
  for (let c = 0; c < out.length; c++) out[c] /= z;
  return out;
}

/** Piecewise-linear interpolation through isotonic knots. */
export function calibrate(cal: DetectorModel['calibration'], x: number): number {
  const { x: xs, y: ys } = cal;
  if (!xs.length) return x;
  if (x <= xs[0]) return ys[0];
  if (x >= xs[xs.length - 1]) return ys[ys.length - 1];
  let lo = 0, hi = xs.length - 1;
  while (hi - lo > 1) { const mid = (lo + hi) >> 1; if (xs[mid] <= x) lo = mid; else hi = mid; }
  const t = xs[hi] === xs[lo] ? 0 : (x - xs[lo]) / (xs[hi] - xs[lo]);
  return ys[lo] + t * (ys[hi] - ys[lo]);
}

/** What the model says of one candidate, before any threshold. */
export interface Reading {
  pEvent: number;
  type: string;
  pType: number;
  /** the raw score calibrated: how likely the event is real and of this type */
  confidence: number;
  /** P(type) of every class (NONE first) */
  probs: Float64Array;
}

/**
 * A rule's veto bars the type the dictionary gave ("called the verdict a setback" is no REQUEST,
 * "execute the sentence" no killing): that class's probability goes to nothing, so the candidate
 * is an event only if the model sees another type in it (a condemning name is an accusation).
 */
export function barVetoedType(p: Predicate, ctx: DecisionContext, classes: readonly string[], probs: Float64Array): void {
  if (p.veto === null || !p.code || !(VETO_RULES as readonly string[]).includes(p.veto)) return;
  const k = classes.indexOf(toPlover(ctx.lex.plover, p.code)?.type ?? '');
  if (k > 0) probs[k] = 0;
}

export class EventDetector implements Decider {
  readonly nouns: ReadonlySet<string>;
  private readonly buffer: Float64Array<ArrayBuffer>;

  /** `rows`: the weights already packed (a load-ready model, whose `model.weights` is then left empty) */
  constructor(readonly model: DetectorModel, private readonly clusters?: ClusterLookup, rows?: Map<string, PackedRow>) {
    this.nouns = new Set(model.nouns);
    this.buffer = new Float64Array(model.classes.length);
    this.rows = rows ?? packWeights(model.weights);
  }

  private readonly rows: Map<string, PackedRow>;

  read(p: Predicate, ctx: DecisionContext): Reading {
    const probs = packedProbabilities(this.rows, candidateFeatures(p, ctx, this.clusters), this.buffer);
    if (this.model.hardVetoes) barVetoedType(p, ctx, this.model.classes, probs);
    const pEvent = 1 - probs[0];
    let best = 1;
    for (let c = 2; c < probs.length; c++) if (probs[c] > probs[best]) best = c;
    const pType = pEvent > 0 ? probs[best] / pEvent : 0;
    return { pEvent, type: this.model.classes[best], pType, confidence: calibrate(this.model.calibration, pEvent * pType), probs };
  }

  decide(p: Predicate, ctx: DecisionContext): Verdict | null {
    const r = this.read(p, ctx);
    const { actors, recipients } = roleCounts(ctx);
    if (r.pEvent >= (actors + recipients ? this.model.threshold : this.model.noParticipantThreshold)) return verdictFor(p, ctx, r.type, r.confidence, this.model.typeCodes);
    // what the dictionaries and rules code, the model may let pass on weaker evidence
    const rule = ruleVerdict(p, ctx);
    if (!rule || r.pEvent < (actors && recipients ? this.model.dyadRuleFloor ?? this.model.ruleFloor : this.model.ruleFloor)) return null;
    const k = this.model.classes.indexOf(rule.type);
    return { ...rule, confidence: calibrate(this.model.calibration, k > 0 ? r.probs[k] : 0) };
  }
}

/**
 * The PLOVER category reported for a candidate the model judged an act of `type`: a seizure whose
 * captor the coder recognised is an abduction (armed group) or an arrest (state forces) whatever
 * the model's pick between ASSAULT and COERCE; then the manual's reductions by factuality.
 */
export function reportedType(p: Predicate, ctx: DecisionContext, type: string): string {
  return reducedPloverType(ownType(p, ctx, type), ctx.factuality);
}

function ownType(p: Predicate, ctx: DecisionContext, type: string): string {
  if (p.recode === 'captor' && p.code && (type === 'ASSAULT' || type === 'COERCE')) return toPlover(ctx.lex.plover, p.code)?.type ?? type;
  return type;
}

/**
 * Code and mode for a predicate judged an event of `type` (its own act): the dictionary's code and
 * mode when they name that act, else the act's usual code; reported as the PLOVER category after
 * the manual's reductions by factuality ("will meet" is AGREE, a promised release CONCEDE).
 */
export function verdictFor(p: Predicate, ctx: DecisionContext, type: string, confidence: number, typeCodes: Record<string, string>): Verdict {
  const own = ownType(p, ctx, type);
  const plover = reducedPloverType(own, ctx.factuality);
  if (p.code) {
    const code = refineCode(p.code, ctx.view, ctx.ents, p.recipientTokens, ctx.recipient, p.lemma);
    const coded = toPlover(ctx.lex.plover, code);
    if (coded?.type === own || coded?.type === plover) return { type: plover, code, mode: coded.mode ?? LEMMA_MODES[own]?.[p.lemma] ?? null, confidence };
  }
  return { type: plover, code: typeCodes[plover] ?? '', mode: LEMMA_MODES[own]?.[p.lemma] ?? LEMMA_MODES[plover]?.[p.lemma] ?? null, confidence };
}

/** models/events/detector.json.gz beside the CAMEO lexicon, or null when it is not there. */
export function detectorPath(): string {
  return join(dirname(lexiconPath()), 'detector.json.gz');
}

export function readDetectorModel(path = detectorPath()): DetectorModel | null {
  if (!existsSync(path)) return null;
  const model = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as DetectorModel;
  if (model.format !== 'chronicle-event-detector/1') throw new Error(`events: ${path} is not an event detector model (format ${String(model.format)})`);
  return model;
}

/** What the load-ready detector holds (src/nlp/model-io.ts readyModel): a change of layout rebuilds it. */
const READY_VERSION = 'event detector rows 1';

/**
 * The detector model in its load-ready form (models/events/detector.json.ready.bin, built at
 * `npm install` or on first use): the model's small fields as the header; the weights as one text
 * of the feature names with their ends, and the rows' class indexes and weights as typed arrays
 * (the JSON's doubles, so the sums are bit-identical). Loading is one read, no gunzip and no parse
 * of 1.5 MB of JSON; null when the model file is missing.
 */
export function readReadyDetector(path = detectorPath()): { model: DetectorModel; rows: Map<string, PackedRow> } | null {
  if (!existsSync(path)) return null;
  const { file } = readyModel(
    path,
    (gz) => {
      const model = JSON.parse(gunzipSync(gz).toString('utf8')) as DetectorModel;
      if (model.format !== 'chronicle-event-detector/1') throw new Error(`events: ${path} is not an event detector model (format ${String(model.format)})`);
      const { weights, ...rest } = model;
      const features = Object.keys(weights);
      const keyEnds = new Uint32Array(features.length);
      const rowEnds = new Uint32Array(features.length);
      let chars = 0;
      let cells = 0;
      features.forEach((f, i) => {
        keyEnds[i] = chars += f.length;
        rowEnds[i] = cells += weights[f].length;
      });
      const cls = new Uint8Array(cells);
      const w = new Float64Array(cells);
      let at = 0;
      for (const f of features) for (const [c, v] of weights[f]) { cls[at] = c; w[at++] = v; }
      return { header: { model: rest }, arrays: { keys: Buffer.from(features.join(''), 'utf8'), keyEnds, rowEnds, cls, w } };
    },
    { version: READY_VERSION },
  );
  const a = file.arrays;
  const keyBytes = a.keys as Uint8Array;
  const keys = Buffer.from(keyBytes.buffer, keyBytes.byteOffset, keyBytes.byteLength).toString('utf8');
  const keyEnds = a.keyEnds as Uint32Array;
  const rowEnds = a.rowEnds as Uint32Array;
  const cls = a.cls as Uint8Array;
  const w = a.w as Float64Array;
  const rows = new Map<string, PackedRow>();
  for (let i = 0, k = 0, r = 0; i < keyEnds.length; k = keyEnds[i], r = rowEnds[i], i++) {
    rows.set(keys.slice(k, keyEnds[i]), { cls: cls.subarray(r, rowEnds[i]), w: w.subarray(r, rowEnds[i]) });
  }
  return { model: { ...(file.header.model as Omit<DetectorModel, 'weights'>), weights: {} }, rows };
}

let shared: EventDetector | null | undefined;

/** The shipped detector, loaded once from its load-ready form (null when the model file is missing: the rule coder runs alone). */
export function defaultDetector(): EventDetector | null {
  if (shared === undefined) {
    const ready = readReadyDetector();
    shared = ready ? new EventDetector(ready.model, ready.model.clusters ? brownLookup() ?? undefined : undefined, ready.rows) : null;
  }
  return shared;
}
