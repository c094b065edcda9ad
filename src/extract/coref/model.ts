/**
 * The coreference ranker: a log-linear model over an anaphor's candidates and the "no antecedent"
 * option (softmax of summed feature weights), trained by `npm run train:coref` on GUM and shipped
 * as models/coref/model.json with its manifest. A link is written only when the chosen candidate's
 * probability reaches its kind's threshold (chosen on cross-validation for precision).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEATURE_VERSION } from './features.js';
import { corefModelDir } from './files.js';

/** Output kinds, as scored: he/she, it, they, description. */
export type LinkKind = 'he/she' | 'it' | 'they' | 'description';

/** Which resolver links each kind: the ranker, or the hand-written rules (src/extract/coref/rules.ts). */
export type LinkSource = 'model' | 'rules';

/** The kinds where the ranker pays on cross-validation (docs/coref.md); the rules keep the others. */
export const DEFAULT_SOURCES: Readonly<Record<LinkKind, LinkSource>> = { 'he/she': 'model', it: 'rules', they: 'model', description: 'rules' };

/**
 * How the ranker's choice for an anaphor stands to what the hand-written rules would link it to: the same entity, another
 * one, or nothing. On Wikinews the ranker's links against the rules are mostly wrong even when it is sure (docs/coref.md,
 * fifteenth session), so each relation may have a threshold of its own.
 */
export type RulesRelation = 'agree' | 'against' | 'alone';
export const RULES_RELATIONS: readonly RulesRelation[] = ['agree', 'against', 'alone'];

export interface CorefModelFile {
  featureVersion: number;
  weights: Record<string, number>;
  /** minimum probability for a link to be written, by kind */
  thresholds: Record<LinkKind, number>;
  /** the minimum for a link by kind and relation to the rules ("he/she|against"); absent: the kind's threshold */
  relationThresholds?: Record<string, number>;
  /** which resolver links each kind (absent: DEFAULT_SOURCES) */
  sources?: Record<LinkKind, LinkSource>;
}

export class CorefModel {
  constructor(readonly weights: Map<string, number>, readonly thresholds: Record<LinkKind, number>, readonly sources: Record<LinkKind, LinkSource> = { ...DEFAULT_SOURCES }, readonly relationThresholds: Record<string, number> = {}) {}

  static fromFile(file: CorefModelFile, origin = 'coref model'): CorefModel {
    if (file.featureVersion !== FEATURE_VERSION) {
      throw new Error(`${origin}: trained on coreference features version ${file.featureVersion}, the code has ${FEATURE_VERSION} (run \`npm run train:coref\`)`);
    }
    return new CorefModel(new Map(Object.entries(file.weights)), file.thresholds, file.sources ?? { ...DEFAULT_SOURCES }, file.relationThresholds ?? {});
  }

  /** The probability a link of this kind needs, given how it stands to the rules' choice. */
  threshold(kind: LinkKind, relation: RulesRelation): number {
    return this.relationThresholds[`${kind}|${relation}`] ?? this.thresholds[kind];
  }

  score(features: readonly string[]): number {
    let s = 0;
    for (const f of features) s += this.weights.get(f) ?? 0;
    return s;
  }

  toFile(): CorefModelFile {
    const weights: Record<string, number> = {};
    for (const [k, v] of [...this.weights].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (Math.abs(v) >= 1e-4) weights[k] = Math.round(v * 1e4) / 1e4;
    return { featureVersion: FEATURE_VERSION, weights, thresholds: this.thresholds, ...(Object.keys(this.relationThresholds).length ? { relationThresholds: this.relationThresholds } : {}), sources: this.sources };
  }
}

let relationSink: Map<number, RulesRelation> | null = null;

/** Run fn, collecting each ranker link's relation to the rules by the link's start (for the threshold tables of train/). */
export function traceRelations<T>(fn: () => T): { result: T; relations: Map<number, RulesRelation> } {
  const outer = relationSink;
  const relations = new Map<number, RulesRelation>();
  relationSink = relations;
  try {
    return { result: fn(), relations };
  } finally {
    relationSink = outer;
  }
}

/** A ranker link starting at `start` stands so to the rules' choice (recorded only inside traceRelations). */
export function noteRelation(start: number, relation: RulesRelation): void {
  relationSink?.set(start, relation);
}

/** Softmax over scores; returns probabilities in the same order. */
export function softmax(scores: readonly number[]): number[] {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  const e = scores.map((s) => Math.exp(s - max));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / z);
}

let override: CorefModel | null | undefined;
let shipped: CorefModel | null | undefined;

/** The model the coreference stage uses: one set by `useCorefModel`, else models/coref/model.json (null if absent). */
export function corefModel(): CorefModel | null {
  if (override !== undefined) return override;
  if (shipped === undefined) {
    const path = join(corefModelDir(), 'model.json');
    shipped = existsSync(path) ? CorefModel.fromFile(JSON.parse(readFileSync(path, 'utf8')) as CorefModelFile, path) : null;
  }
  return shipped;
}

/** A model was set by `useCorefModel` (cross-validation, tests). */
export function hasCorefOverride(): boolean {
  return override !== undefined;
}

/** Run the pipeline with this model (cross-validation, tests); undefined restores the shipped one. */
export function useCorefModel(model: CorefModel | null | undefined): void {
  override = model;
}
