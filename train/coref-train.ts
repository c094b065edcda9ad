/**
 * Training the coreference ranker on GUM's coreference layer (training documents only).
 *
 * Each document runs through the real pipeline up to the entities stage and the apposition rules
 * (raw text, our tokens, parse and names); the resolver then walks its markables with an oracle
 * that records, for every pronoun and definite description, its candidates' features and which of
 * them belong to the anaphor's gold entity (GUM group, aligned by head word), and joins the nearest
 * right one — so later anaphors see the clusters a perfect resolver would have built.
 *
 * The model is a log-linear ranker: p(candidate) ∝ exp(w·φ), "no antecedent" among the candidates,
 * trained by AdaGrad on the log of the probability of the right set (any right candidate counts).
 */
import type { Doc } from '../src/doc.js';
import { Pipeline } from '../src/pipeline.js';
import { resolveNominals } from '../src/extract/coref.js';
import { buildMarkables, docView, type Markable } from '../src/extract/coref/markables.js';
import { resolveMarkables, type RankingInstance } from '../src/extract/coref/resolver.js';
import { CorefModel, DEFAULT_SOURCES, traceRelations, useCorefModel, type LinkKind, type LinkSource } from '../src/extract/coref/model.js';
import { createPipeline, extractDoc } from '../src/extract.js';
import { rng } from '../src/nlp/tagger.js';
import type { GoldDoc } from './coref-data.js';
import { addClusterCounts, documentClusterCounts, emptyClusterCounts, systemMentions, type ClusterCounts, type SystemMention } from './coref-metrics.js';
import { GoldIndex, addScores, documentRecords, emptyScores, entityGroups, tally, type LinkRecord, type Scores } from './coref-score.js';

/** A document run up to coreference, with its gold. */
export interface PreparedDoc {
  gold: GoldDoc;
  doc: Doc;
  fold: number;
}

/** The default pipeline's stages before coreference. */
export function prefixPipeline(): Pipeline {
  const stages = createPipeline().stages;
  return new Pipeline(stages.slice(0, stages.findIndex((s) => s.name === 'coref')));
}

/** Folds by document: every K-th document of each genre, in name order. */
export function assignFolds(golds: GoldDoc[], k: number): number[] {
  const seen = new Map<string, number>();
  return golds.map((g) => {
    const n = seen.get(g.genre) ?? 0;
    seen.set(g.genre, n + 1);
    return n % k;
  });
}

export function prepare(golds: GoldDoc[], k: number): PreparedDoc[] {
  const pipeline = prefixPipeline();
  const folds = assignFolds(golds, k);
  return golds.map((gold, i) => {
    const doc = pipeline.process({ id: gold.id, text: gold.text, published: null });
    resolveNominals(doc);
    return { gold, doc, fold: folds[i] };
  });
}

/** One anaphor's training instance: feature lists (null option first) and which options are right. */
export interface Instance {
  features: string[][];
  right: boolean[];
  kind: LinkKind;
}

function linkKindOf(a: Markable): LinkKind {
  if (a.kind !== 'pronoun') return 'description';
  return a.pronoun === 'he' || a.pronoun === 'she' ? 'he/she' : a.pronoun === 'they' ? 'they' : 'it';
}

/** The oracle walk over one prepared document: its training instances. */
export function instancesOf(p: PreparedDoc): Instance[] {
  const view = docView(p.doc);
  const markables = buildMarkables(view);
  const index = new GoldIndex(p.gold.mentions);
  const entityGroup = entityGroups(p.doc, index);
  const toks = p.doc.tokens;
  const groupOfMarkable = (m: Markable): string | undefined => {
    if (m.entity) return entityGroup.get(m.entity.id);
    const g = index.align(toks[m.head].start, toks[m.head].end);
    return g?.group;
  };
  const out: Instance[] = [];
  resolveMarkables(view, markables, (inst: RankingInstance) => {
    const group = groupOfMarkable(inst.anaphor);
    const right = inst.candidates.map((c) => group !== undefined && c.group === group);
    const first = right.indexOf(true);
    out.push({ features: [inst.nullFeatures, ...inst.features], right: [first < 0, ...right], kind: linkKindOf(inst.anaphor) });
    return { choice: first, probability: 1 };
  }, (c, m) => { c.group = groupOfMarkable(m); });
  return out;
}

export interface TrainOptions {
  epochs: number;
  rate: number;
  l2: number;
  seed: number;
}

export const DEFAULT_TRAIN: TrainOptions = { epochs: 12, rate: 0.2, l2: 1e-5, seed: 1 };

/** AdaGrad on the log-probability of the right options; the weights averaged over all steps. */
export function trainRanker(instances: Instance[], options: TrainOptions = DEFAULT_TRAIN): CorefModel {
  const ids = new Map<string, number>();
  const encoded = instances.map((inst) => ({
    options: inst.features.map((fs) => Int32Array.from(fs, (f) => {
      let id = ids.get(f);
      if (id === undefined) ids.set(f, (id = ids.size));
      return id;
    })),
    right: inst.right,
  })).filter((x) => x.right.some(Boolean));
  const n = ids.size;
  const w = new Float64Array(n);
  const g2 = new Float64Array(n).fill(1e-8);
  // averaging: sum of weights over steps, kept lazily through the step each weight last changed
  const total = new Float64Array(n);
  const stamp = new Float64Array(n);
  let step = 0;
  const random = rng(options.seed);
  const order = encoded.map((_, k) => k);
  const update = (f: number, grad: number) => {
    total[f] += (step - stamp[f]) * w[f];
    stamp[f] = step;
    g2[f] += grad * grad;
    w[f] -= (options.rate / Math.sqrt(g2[f])) * (grad + options.l2 * w[f]);
  };
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [order[k], order[j]] = [order[j], order[k]];
    }
    for (const k of order) {
      const x = encoded[k];
      const scores = x.options.map((fs) => {
        let s = 0;
        for (const f of fs) s += w[f];
        return s;
      });
      let max = -Infinity;
      for (const s of scores) if (s > max) max = s;
      const e = scores.map((s) => Math.exp(s - max));
      const z = e.reduce((a, b) => a + b, 0);
      const zRight = e.reduce((a, b, i) => a + (x.right[i] ? b : 0), 0);
      step++;
      // gradient of -log(sum over right p): p_i - q_i, where q is p restricted to the right options
      const grad = new Map<number, number>();
      x.options.forEach((fs, i) => {
        const g = e[i] / z - (x.right[i] ? e[i] / zRight : 0);
        if (Math.abs(g) < 1e-9) return;
        for (const f of fs) grad.set(f, (grad.get(f) ?? 0) + g);
      });
      for (const [f, g] of grad) update(f, g);
    }
  }
  const weights = new Map<string, number>();
  for (const [name, f] of ids) {
    const avg = (total[f] + (step - stamp[f]) * w[f]) / Math.max(1, step);
    if (Math.abs(avg) >= 1e-4) weights.set(name, avg);
  }
  return new CorefModel(weights, { 'he/she': 0, it: 0, they: 0, description: 0 });
}

/** Held-out decisions of cross-validation: each fold's documents through the real pipeline with a model trained on the others. */
export interface CvRecord {
  doc: string;
  genre: string;
  fold: number;
  record: LinkRecord;
}

/** A held-out document's output: its mentions, for the cluster metrics. */
export interface CvOutput {
  gold: GoldDoc;
  fold: number;
  mentions: SystemMention[];
}

export interface CvResult {
  records: CvRecord[];
  outputs: CvOutput[];
}

/** "he/she=model,description=rules" → sources (the others keep DEFAULT_SOURCES). */
export function parseSources(spec: string | undefined): Record<LinkKind, LinkSource> {
  const out = { ...DEFAULT_SOURCES };
  for (const part of (spec ?? '').split(',').filter(Boolean)) {
    const [kind, source] = part.split('=');
    if (!(LINK_KINDS as string[]).includes(kind) || (source !== 'model' && source !== 'rules')) throw new Error(`--sources: "${part}" is not KIND=model|rules (kinds: ${LINK_KINDS.join(', ')})`);
    out[kind as LinkKind] = source;
  }
  return out;
}

export function crossValidate(prepared: PreparedDoc[], k: number, options: TrainOptions = DEFAULT_TRAIN, log: (s: string) => void = () => {}, sources: Record<LinkKind, LinkSource> = { ...DEFAULT_SOURCES }): CvResult {
  const instances = prepared.map((p) => instancesOf(p));
  const out: CvRecord[] = [];
  const outputs: CvOutput[] = [];
  for (let fold = 0; fold < k; fold++) {
    const train = instances.filter((_, i) => prepared[i].fold !== fold).flat();
    const trained = trainRanker(train, options);
    const model = new CorefModel(trained.weights, trained.thresholds, sources);
    useCorefModel(model);
    try {
      for (const p of prepared) {
        if (p.fold !== fold) continue;
        const { result: doc, relations } = traceRelations(() => extractDoc({ id: p.gold.id, text: p.gold.text, published: null }));
        for (const record of documentRecords(doc, p.gold, relations)) out.push({ doc: p.gold.id, genre: p.gold.genre, fold, record });
        outputs.push({ gold: p.gold, fold, mentions: systemMentions(doc) });
      }
    } finally {
      useCorefModel(undefined);
    }
    log(`fold ${fold + 1}/${k}: ${train.length} training anaphors, ${model.weights.size} weights`);
  }
  return { records: out, outputs };
}

export const LINK_KINDS: LinkKind[] = ['he/she', 'it', 'they', 'description'];

/**
 * Per kind, the threshold that links the most right anaphors while the links made keep
 * `precision` (none reaching it: 1.01, never link).
 */
export function chooseThresholds(records: readonly LinkRecord[], precision: number): Record<LinkKind, number> {
  const out = {} as Record<LinkKind, number>;
  for (const kind of LINK_KINDS) {
    const links = records.filter((r) => r.what === 'link' && r.kind === kind && r.score !== undefined).sort((a, b) => b.score! - a.score!);
    let right = 0;
    let best = 1.01;
    let bestRight = 0;
    // rule links of this kind (no score) always stay: they count in precision at every threshold
    const fixed = records.filter((r) => r.what === 'link' && r.kind === kind && r.score === undefined);
    const fixedRight = fixed.filter((r) => r.right).length;
    for (let i = 0; i < links.length; i++) {
      if (links[i].right) right++;
      if (i + 1 < links.length && links[i + 1].score === links[i].score) continue;
      const p = (right + fixedRight) / (i + 1 + fixed.length);
      if (p >= precision && right > bestRight) {
        bestRight = right;
        best = links[i].score!;
      }
    }
    out[kind] = best;
  }
  return out;
}

/** Each fold's thresholds: what the other folds' held-out links choose. */
export function foldThresholds(cv: readonly CvRecord[], k: number, precision: number): Record<LinkKind, number>[] {
  return Array.from({ length: k }, (_, fold) => chooseThresholds(cv.filter((r) => r.fold !== fold).map((r) => r.record), precision));
}

/** MUC, B³ and CEAF-e counts of the held-out outputs, each fold thresholded by the other folds' links. */
export function heldOutClusterCounts(cv: CvResult, k: number, precision: number, filter: (g: GoldDoc) => boolean = () => true): ClusterCounts {
  const thresholds = foldThresholds(cv.records, k, precision);
  const total = emptyClusterCounts();
  for (const o of cv.outputs) if (filter(o.gold)) addClusterCounts(total, documentClusterCounts(o.mentions, o.gold, thresholds[o.fold]));
  return total;
}

/** Scores of held-out records, each fold thresholded by what the other folds' records choose. */
export function heldOutScores(cv: readonly CvRecord[], k: number, precision: number, filter: (r: CvRecord) => boolean = () => true): Scores {
  const s = emptyScores();
  const thresholds = foldThresholds(cv, k, precision);
  for (let fold = 0; fold < k; fold++) addScores(s, tally(cv.filter((r) => r.fold === fold && filter(r)).map((r) => r.record), thresholds[fold]));
  return s;
}
