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
import { writeCandidateFeatures, type ClusterLookup, type FeatureSink } from './features.js';
import { lexiconPath } from './lexicon.js';
import { reducedPloverType, toPlover } from './plover.js';
import { LEMMA_MODES } from './supplement.js';
import { getBrownClusters } from '../../nlp/representations.js';
import { readyModel } from '../../nlp/model-io.js';
import { emptyList, packedMap } from '../../packed.js';

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

/** An unknown word's prefixes: one list of the kind the others have (src/packed.ts says why). */
const NO_CLUSTERS: readonly string[] = emptyList<string>();

/** The shared Brown clusters as a feature lookup: a word's path prefixes, [] for an unknown word; null when the clusters are missing. */
export function brownLookup(): ClusterLookup | null {
  const brown = getBrownClusters();
  if (!brown) return null;
  const memo = new Map<string, readonly string[]>();
  return (word: string) => {
    let hit = memo.get(word);
    if (!hit) {
      const path = brown.path(word);
      hit = path ? packedMap(CLUSTER_PREFIXES.filter((n) => n <= path.length), (n) => path.slice(0, n)) : NO_CLUSTERS;
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
  return softmaxInPlace(out);
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

/**
 * The weight rows keyed by two independent 32-bit hashes of the feature name (64 bits: no two of
 * a model's names share both, and a name the model lacks finds a row with odds of about 1 in 2^64
 * per look-up), so a feature is looked up from its parts without its name being built. Rows are
 * spans of two flat arrays (class indexes, weights) in the model file's order.
 */
export class HashedRows {
  private readonly first: Int32Array;
  private readonly second: Int32Array;
  /** table slot → feature index, -1 when empty */
  private readonly featureAt: Int32Array;
  private readonly shift: number;

  /** h1, h2: each feature's hashes (featureHashes); rowEnds: where each feature's row ends in cls and w */
  constructor(h1: Int32Array, h2: Int32Array, readonly rowEnds: Uint32Array, readonly cls: Uint8Array, readonly w: Float64Array) {
    let bits = 4;
    while (1 << bits < h1.length * 2) bits++;
    this.shift = 32 - bits;
    this.first = new Int32Array(1 << bits);
    this.second = new Int32Array(1 << bits);
    this.featureAt = new Int32Array(1 << bits).fill(-1);
    for (let i = 0; i < h1.length; i++) {
      const at = this.slot(h1[i], h2[i]);
      if (this.featureAt[at] >= 0) throw new Error(`event detector: features ${this.featureAt[at]} and ${i} share a 64-bit hash`);
      this.first[at] = h1[i];
      this.second[at] = h2[i];
      this.featureAt[at] = i;
    }
  }

  /** From named rows (a model read from its JSON). */
  static fromRows(rows: ReadonlyMap<string, PackedRow>): HashedRows {
    const { h1, h2, rowEnds, cls, w } = keyedArrays(rows);
    return new HashedRows(h1, h2, rowEnds, cls, w);
  }

  /** The slot holding (h1, h2), or the empty slot where it would go. */
  private slot(h1: number, h2: number): number {
    const mask = this.featureAt.length - 1;
    let i = Math.imul(h1, 0x9e3779b1) >>> this.shift;
    while (this.featureAt[i] >= 0 && (this.first[i] !== h1 || this.second[i] !== h2)) i = (i + 1) & mask;
    return i;
  }

  /** The feature index of the name hashed to (h1, h2), or -1. */
  feature(h1: number, h2: number): number {
    return this.featureAt[this.slot(h1, h2)];
  }

  get size(): number {
    return this.rowEnds.length;
  }

  /** A named feature's row (tests and tools; the scorer reads the spans directly), undefined when the model lacks it. */
  rowOf(name: string): PackedRow | undefined {
    const key = new FeatureKey();
    key.start();
    key.part(name);
    const i = this.feature(key.h1, key.h2);
    if (i < 0) return undefined;
    const from = i === 0 ? 0 : this.rowEnds[i - 1];
    return { cls: this.cls.subarray(from, this.rowEnds[i]), w: this.w.subarray(from, this.rowEnds[i]) };
  }
}

/** Named rows as HashedRows' arrays: each name's two hashes, and the rows laid end to end in the map's order. */
function keyedArrays(rows: ReadonlyMap<string, PackedRow>): { h1: Int32Array; h2: Int32Array; rowEnds: Uint32Array; cls: Uint8Array; w: Float64Array } {
  const { h1, h2 } = featureHashes([...rows.keys()]);
  const rowEnds = new Uint32Array(rows.size);
  let cells = 0;
  let i = 0;
  for (const row of rows.values()) rowEnds[i++] = cells += row.cls.length;
  const cls = new Uint8Array(cells);
  const w = new Float64Array(cells);
  let at = 0;
  for (const row of rows.values()) { cls.set(row.cls, at); w.set(row.w, at); at += row.cls.length; }
  return { h1, h2, rowEnds, cls, w };
}

/** Each name's two hashes, as HashedRows keys them. */
export function featureHashes(names: readonly string[]): { h1: Int32Array; h2: Int32Array } {
  const h1 = new Int32Array(names.length);
  const h2 = new Int32Array(names.length);
  const key = new FeatureKey();
  names.forEach((name, i) => {
    key.start();
    key.part(name);
    h1[i] = key.h1;
    h2[i] = key.h2;
  });
  return { h1, h2 };
}

/** Two hashes (FNV-1a, and one with another multiplier and a shift) of a feature name fed part by part. */
class FeatureKey {
  h1 = 0;
  h2 = 0;
  start(): void {
    this.h1 = 0x811c9dc5 | 0;
    this.h2 = 0x2545f491;
  }
  part(s: string): void {
    let h1 = this.h1, h2 = this.h2;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    this.h1 = h1;
    this.h2 = h2;
  }
}

/** Adds each feature's weights to `out` as the features come, in their order (as classProbabilities sums them). */
class RowScorer implements FeatureSink {
  out: Float64Array = new Float64Array(0);
  private readonly key = new FeatureKey();
  constructor(private readonly rows: HashedRows) {}
  add(a: string, b?: string, c?: string, d?: string): void {
    const key = this.key;
    key.start();
    key.part(a);
    if (b !== undefined) key.part(b);
    if (c !== undefined) key.part(c);
    if (d !== undefined) key.part(d);
    const rows = this.rows;
    const i = rows.feature(key.h1, key.h2);
    if (i < 0) return;
    const { rowEnds, cls, w } = rows;
    const out = this.out;
    for (let j = i === 0 ? 0 : rowEnds[i - 1], end = rowEnds[i]; j < end; j++) out[cls[j]] += w[j];
  }
}

/** Scores to probabilities, in place. */
function softmaxInPlace(out: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
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

  /** `rows`: the weights already keyed (a load-ready model, whose `model.weights` is then left empty) */
  constructor(readonly model: DetectorModel, private readonly clusters?: ClusterLookup, rows?: HashedRows) {
    this.nouns = new Set(model.nouns);
    this.buffer = new Float64Array(model.classes.length);
    this.scorer = new RowScorer(rows ?? HashedRows.fromRows(packWeights(model.weights)));
    this.scorer.out = this.buffer;
  }

  private readonly scorer: RowScorer;

  read(p: Predicate, ctx: DecisionContext): Reading {
    this.buffer.fill(0);
    writeCandidateFeatures(p, ctx, this.scorer, this.clusters);
    const probs = softmaxInPlace(this.buffer);
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
const READY_VERSION = 'event detector rows 2: keyed by two hashes of each name';

/**
 * The detector model in its load-ready form (models/events/detector.json.ready.bin, built at
 * `npm install` or on first use): the model's small fields as the header; the weights as the two
 * hashes of each feature name (HashedRows) with the ends of their rows, and the rows' class indexes
 * and weights as typed arrays (the JSON's doubles, so the sums are bit-identical). Loading is one
 * read and one pass filling the hash table: no gunzip, no parse of 1.5 MB of JSON, no name strings;
 * null when the model file is missing.
 */
export function readReadyDetector(path = detectorPath()): { model: DetectorModel; rows: HashedRows } | null {
  if (!existsSync(path)) return null;
  const { file } = readyModel(
    path,
    (gz) => {
      const model = JSON.parse(gunzipSync(gz).toString('utf8')) as DetectorModel;
      if (model.format !== 'chronicle-event-detector/1') throw new Error(`events: ${path} is not an event detector model (format ${String(model.format)})`);
      const { weights, ...rest } = model;
      const { h1, h2, rowEnds, cls, w } = keyedArrays(packWeights(weights));
      return { header: { model: rest }, arrays: { h1, h2, rowEnds, cls, w } };
    },
    { version: READY_VERSION },
  );
  const a = file.arrays;
  const rows = new HashedRows(a.h1 as Int32Array, a.h2 as Int32Array, a.rowEnds as Uint32Array, a.cls as Uint8Array, a.w as Float64Array);
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
