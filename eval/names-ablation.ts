/**
 * `npm run ablate:names`: what each registered rule of the entity stages is worth, cross-validated.
 *
 * The same K folds as `npm run eval:entities` (every GUM news + interview and UNER EWT dev
 * document, scored by a model trained without it). Each fold's model is trained once (or read
 * from `--models DIR`, where a first run leaves them), each document is tokenized, parsed and
 * time-tagged once, and then the rest of the pipeline (ner → names → entities) runs once per
 * variant: every rule on (the headline), each rule switched off in turn, and the pipeline
 * without the rule-based names stage. A rule's gain is the pooled F1 with it minus without it.
 *
 * Options: --folds K (default 5), --models DIR (fold models: read when there, else trained and
 * written), --rules a,b (only these rules; default every rule of the stages ner, names,
 * entities), --base-without a,b (these rules off in every variant: ablation from a new base),
 * --also a,b (an extra variant with these rules off together; repeatable), --o-bias X (train the
 * fold models with this O bias), --seeds A,B (their shuffle seeds), --no-org (fold models without the
 * organisation companion), --org-only (a companion that tags organisations alone), --[no-]places (fold models with / without the place gazetteer features), --dated-countries (fold models whose gazetteer reads dated Phoenix country codes as countries),
 * --external SRC:W,…, --external-org-only, --external-augment (external training corpora, as in eval:entities),
 * --o-bias-grid A,B and --org-o-bias-grid A,B (variants decoding the same fold models with these O
 * biases, the BIO model's or the companion's: the bias is a decode-time constant), --markdown (print
 * the table as Markdown rows), --json-out FILE, --held-out-external SRC,… (no folds: the shipped model
 * on these external corpora, re3d, wikigold, btc, wnut17, sec, which no model trains on; see ablate).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Doc } from '../src/doc.js';
import '../src/extract.js';
import { tokenizeStage } from '../src/nlp/sentences.js';
import { parseStage } from '../src/nlp/parse-stage.js';
import { timesStage } from '../src/extract/times.js';
import { getNerModel, nerModelError, nerStage, useNerModel } from '../src/extract/ner.js';
import { namesStage } from '../src/extract/names.js';
import { entitiesStage } from '../src/extract/entities.js';
import { MODEL_FILES, loadNerModel, type NerModel } from '../src/extract/ner-model.js';
import { registeredRules, tracing, withoutRules } from '../src/rules/registry.js';
import type { Stage } from '../src/pipeline.js';
import { DEFAULT_TRAIN_OPTIONS, cvFold, cvPool, featuriseCorpus, parseExternal, poolText, readNerCorpus, trainPair, type NerCorpus, type NerTrainOptions } from '../train/ner-train.js';
import { SpanScorer, coarseType, type PRF, type Span, type TextDoc } from '../train/ner-score.js';
import { shippedOBias } from '../train/ner-cv.js';

export interface Variant {
  name: string;
  without: string[];
  stages: Stage[];
  /** a decode-time change to the fold's model (an O bias) for this variant; returns the undo */
  setup?: (model: NerModel) => () => void;
}

/** A variant that decodes with another O bias: the BIO model's, or (`org`) the organisation companion's. */
export function oBiasVariant(oBias: number, org: boolean, base: Omit<Variant, 'name' | 'setup'>): Variant {
  return {
    ...base,
    name: `${org ? 'companion' : 'BIO model'} O bias ${oBias}`,
    setup: (model) => {
      const w = org ? model.org?.weights : model.weights;
      if (!w) throw new Error('no organisation companion in the fold models');
      const was = w.oBias;
      w.oBias = oBias;
      return () => {
        w.oBias = was;
      };
    },
  };
}

const FULL: Stage[] = [nerStage, namesStage, entitiesStage];

/** A fresh copy of a document that has been tokenized, parsed and time-tagged. */
function copyPrepared(doc: Doc): Doc {
  const d = new Doc({ text: doc.text });
  d.tokens = doc.tokens.map((t) => ({ ...t }));
  d.sentences = doc.sentences.map((s) => ({ ...s }));
  d.times = doc.times.map((t) => ({ ...t }));
  d.mentions = doc.mentions.map((m) => ({ ...m }));
  for (const [k, v] of doc.notes) d.notes.set(k, v);
  return d;
}

/** Up to three sentences where each rule fired with every rule on (to read, and for examples). */
export const FIRING_EXAMPLES = new Map<string, string[]>();

function noteExamples(doc: Doc): void {
  for (const f of doc.firings) {
    const list = FIRING_EXAMPLES.get(f.rule) ?? [];
    if (list.length >= 3 || f.start === undefined) continue;
    const s = doc.sentences[doc.sentenceAt(f.start)];
    const text = s ? doc.text.slice(s.start, s.end) : doc.text.slice(f.start, f.end);
    const marked = f.end !== undefined && f.end > f.start ? ` [${doc.text.slice(f.start, f.end)}]` : '';
    if (!list.includes(text + marked)) list.push(text + marked);
    FIRING_EXAMPLES.set(f.rule, list);
  }
}

function runVariant(prepared: Doc, v: Variant, examples = false): { spans: Span[]; fired: Map<string, number> } {
  const doc = copyPrepared(prepared);
  tracing(doc, () => {
    for (const s of v.stages) s.run(doc);
  });
  if (examples) noteExamples(doc);
  const fired = new Map<string, number>();
  for (const f of doc.firings) fired.set(f.rule, (fired.get(f.rule) ?? 0) + 1);
  return { spans: doc.entities.flatMap((e) => e.mentions.filter((m) => m.kind === 'name').map((m) => ({ start: m.start, end: m.end, type: e.type }))), fired };
}

/** Fold k's model: read from `dir/k` when there, else trained (and written there when `dir` is given). */
function foldModels(corpus: NerCorpus, folds: number, dir: string | null, log: (m: string) => void, train: Partial<NerTrainOptions> = {}): NerModel[] {
  const pool = cvPool(corpus);
  const have = dir !== null && [...Array(folds).keys()].every((k) => existsSync(join(dir, String(k), MODEL_FILES.weights)));
  if (have) return [...Array(folds).keys()].map((k) => loadNerModel(join(dir!, String(k))));
  const opts = { ...DEFAULT_TRAIN_OPTIONS, ...train };
  // the capitalisation lexicon does not depend on the fold: the shipped model's is this recipe's (as in
  // test/ner-cv.test.ts), which saves counting 22 M words of unlabelled text
  const shipped = opts.unlabelledCaps === DEFAULT_TRAIN_OPTIONS.unlabelledCaps ? getNerModel()?.lexicon : undefined;
  const fc = featuriseCorpus(corpus, opts, log, shipped ?? undefined);
  const models: NerModel[] = [];
  for (let k = 0; k < folds; k++) {
    const docs = cvFold(pool, k, folds);
    const trained = trainPair(fc, new Set(docs.map((d) => d.id)), { ...opts, oBias: opts.oBias ?? shippedOBias(), log });
    models.push(trained.model);
    if (dir) {
      const out = join(dir, String(k));
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, MODEL_FILES.weights), trained.weightsFile);
      if (trained.org) writeFileSync(join(out, MODEL_FILES.orgWeights), trained.org.weightsFile);
      writeFileSync(join(out, MODEL_FILES.gazetteer), gzipSync(JSON.stringify(corpus.gazData)));
      writeFileSync(join(out, MODEL_FILES.lexicon), gzipSync([...trained.lexicon].map(([w, r]) => `${w}\t${r}`).join('\n') + '\n'));
    }
    log(`fold ${k + 1}/${folds} trained`);
  }
  return models;
}

/**
 * Error kinds of the first variant, counted per coarse class (no sentence is shown: counts say
 * which mechanism to work on without reading the documents the figure is measured on):
 * a gold name missed entirely / found with the right span but another class / overlapped by a
 * prediction with other bounds; a predicted name that is no name at all / another class / a
 * boundary error.
 */
export const ERROR_KINDS = new Map<string, number>();

function countErrors(gold: Span[], pred: Span[]): void {
  const bump = (k: string) => ERROR_KINDS.set(k, (ERROR_KINDS.get(k) ?? 0) + 1);
  const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
  // one side's spans against the other's: right / other class / other bounds / nothing there
  const side = (mine: Span[], theirs: Span[], label: string, other: string, nothing: string) => {
    for (const x of mine) {
      const c = coarseType(x.type);
      if (!c) continue;
      const same = theirs.find((y) => y.start === x.start && y.end === x.end);
      if (same && coarseType(same.type) === c) continue;
      if (same) bump(`${label} ${c}: right span, ${other} ${coarseType(same.type) ?? same.type}`);
      else if (theirs.some((y) => overlaps(x, y))) bump(`${label} ${c}: other bounds`);
      else bump(`${label} ${c}: ${nothing}`);
    }
  };
  side(gold, pred, 'gold', 'typed', 'missed');
  side(pred, gold, 'pred', 'gold', 'no name there');
}

export interface AblationRow {
  variant: string;
  f1: PRF;
  byClass: Record<string, PRF>;
  fired: number;
}

/**
 * `heldOut`: instead of the cross-validation folds, the shipped model on the external corpora of
 * train/data/ner-external (these sources, every document): text no shipped or fold model trains on
 * (the shipped recipe's external is empty), so a rule's gain there is measured on text nobody tuned
 * for. Their sentences are not printed (FIRING_EXAMPLES stays empty), so the sets stay unread.
 */
export function ablate(dataDir: string, folds: number, variants: Variant[], modelDir: string | null, log: (m: string) => void, train: Partial<NerTrainOptions> = {}, heldOut: string[] = []): AblationRow[] {
  const corpus = readNerCorpus(dataDir, heldOut.length ? { ...train, external: Object.fromEntries(heldOut.map((src) => [src, 1])) } : train);
  const shipped = heldOut.length ? getNerModel() : null;
  if (heldOut.length && !shipped) throw new Error(nerModelError() ?? 'no NER model');
  const models = shipped ? [shipped] : foldModels(corpus, folds, modelDir, log, train);
  const pool = cvPool(corpus);
  const scorers = variants.map(() => new SpanScorer());
  const firedCount = variants.map(() => new Map<string, number>());
  if (shipped) folds = 1;
  try {
    for (let k = 0; k < folds; k++) {
      useNerModel(models[k]);
      const texts: TextDoc[] = shipped ? corpus.external.map(poolText) : cvFold(pool, k, folds).map(poolText);
      const t0 = Date.now();
      for (const t of texts) {
        const prepared = new Doc({ text: t.text });
        for (const s of [tokenizeStage, parseStage, timesStage]) s.run(prepared);
        variants.forEach((v, i) => {
          const restore = withoutRules(v.without);
          const undo = v.setup?.(models[k]);
          try {
            const { spans, fired } = runVariant(prepared, v, i === 0 && !shipped);
            scorers[i].add(t.gold, spans, !t.id.startsWith('uner-'));
            if (i === 0) countErrors(t.gold, spans);
            for (const [r, n] of fired) firedCount[i].set(r, (firedCount[i].get(r) ?? 0) + n);
          } finally {
            undo?.();
            restore();
          }
        });
      }
      log(`fold ${k + 1}/${folds}: ${texts.length} documents × ${variants.length} variants [${((Date.now() - t0) / 1000).toFixed(0)} s]`);
    }
  } finally {
    useNerModel(null);
  }
  return variants.map((v, i) => {
    const s = scorers[i].scores();
    // how often the rule fired with every rule on
    const own = v.without.filter((id) => !variants[0].without.includes(id));
    const fired = own.length === 1 ? firedCount[0].get(own[0]) ?? 0 : 0;
    return { variant: v.name, f1: s.coarse, byClass: s.byCoarse, fired };
  });
}

export function formatAblation(rows: AblationRow[], markdown: boolean): string {
  const base = rows[0];
  const pct = (x: PRF | undefined) => (x ? (100 * x.f1).toFixed(1) : '–');
  const gain = (a: PRF | undefined, b: PRF | undefined) => {
    const d = 100 * ((a?.f1 ?? 0) - (b?.f1 ?? 0));
    return (d >= 0 ? '+' : '') + d.toFixed(1);
  };
  const out: string[] = [];
  if (markdown) {
    out.push('| rule (switched off) | fires (all on) | F1 without | gain F1 | gain PER | gain ORG | gain place | tp / fp / fn without |');
    out.push('|---|---|---|---|---|---|---|---|');
  } else out.push(`${'variant'.padEnd(40)} fired    F1   gain   PER    ORG    place   tp/fp/fn`);
  for (const r of rows) {
    const g = r === base ? ['', '', '', ''] : [gain(base.f1, r.f1), gain(base.byClass.PER, r.byClass.PER), gain(base.byClass.ORG, r.byClass.ORG), gain(base.byClass.LOC, r.byClass.LOC)];
    const counts = `${r.f1.tp}/${r.f1.fp}/${r.f1.fn}`;
    if (markdown) out.push(`| ${r.variant} | ${r.fired} | ${pct(r.f1)} | ${g[0]} | ${g[1]} | ${g[2]} | ${g[3]} | ${counts} |`);
    else if (r === base) out.push(`${r.variant.padEnd(40)} ${''.padStart(5)} ${pct(r.f1).padStart(5)}         PER ${pct(r.byClass.PER)} ORG ${pct(r.byClass.ORG)} place ${pct(r.byClass.LOC)}  ${counts}`);
    else out.push(`${r.variant.padEnd(40)} ${String(r.fired).padStart(5)} ${pct(r.f1).padStart(5)} ${g[0].padStart(6)} ${g[1].padStart(6)} ${g[2].padStart(6)} ${g[3].padStart(6)}  ${counts}`);
  }
  out.push('');
  out.push('gain = pooled F1 with every rule on minus F1 with the rule switched off (positive: the rule pays).');
  return out.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  let folds = 5;
  let models: string | null = null;
  let only: string[] | null = null;
  let markdown = false;
  let jsonOut: string | null = null;
  // rules off in every variant (the headline included): a second round of ablation from a new base
  let baseWithout: string[] = [];
  // extra variants: several rules off at once
  const also: string[][] = [];
  // training options of the fold models (when they are trained here)
  const train: Partial<NerTrainOptions> = {};
  // decode-time O biases to try on the same fold models (the BIO model's, the companion's)
  let oBiasGrid: number[] = [];
  let orgOBiasGrid: number[] = [];
  let heldOut: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--folds') folds = Number(args[++i]);
    else if (args[i] === '--models') models = resolve(args[++i]);
    else if (args[i] === '--rules') only = args[++i].split(',');
    else if (args[i] === '--markdown') markdown = true;
    else if (args[i] === '--json-out') jsonOut = args[++i];
    else if (args[i] === '--base-without') baseWithout = args[++i].split(',');
    else if (args[i] === '--also') also.push(args[++i].split(','));
    else if (args[i] === '--o-bias') train.oBias = Number(args[++i]);
    else if (args[i] === '--seeds') train.seeds = args[++i].split(',').map(Number);
    else if (args[i] === '--no-org') train.org = null;
    else if (args[i] === '--org-only') train.org = { ...DEFAULT_TRAIN_OPTIONS.org!, types: ['ORG'] };
    else if (args[i] === '--no-places') train.places = false;
    else if (args[i] === '--places') train.places = true;
    else if (args[i] === '--dated-countries') train.datedCountries = true;
    else if (args[i] === '--external') train.external = parseExternal(args[++i]);
    else if (args[i] === '--external-org-only') train.externalOrgOnly = true;
    else if (args[i] === '--external-augment') train.externalAugment = true;
    else if (args[i] === '--o-bias-grid') oBiasGrid = args[++i].split(',').map(Number);
    else if (args[i] === '--org-o-bias-grid') orgOBiasGrid = args[++i].split(',').map(Number);
    else if (args[i] === '--held-out-external') heldOut = args[++i].split(',');
    else throw new Error(`unknown option ${args[i]} (use --folds K, --models DIR, --rules a,b, --base-without a,b, --also a,b, --o-bias X, --seeds A,B, --no-org, --org-only, --[no-]places, --dated-countries, --external SRC:W,…, --external-org-only, --external-augment, --o-bias-grid A,B, --org-o-bias-grid A,B, --markdown, --json-out FILE, --held-out-external SRC,…)`);
  }
  const stages = new Set(['ner', 'names', 'entities']);
  const rules = registeredRules().filter((r) => stages.has(r.stage) && (!only || only.includes(r.id)));
  const variants: Variant[] = [
    { name: baseWithout.length ? `base (without ${baseWithout.join(', ')})` : 'every rule on (headline)', without: baseWithout, stages: FULL },
    { name: 'without the names stage', without: baseWithout, stages: [nerStage, entitiesStage] },
    ...also.map((ids) => ({ name: ids.join(' + '), without: [...baseWithout, ...ids], stages: FULL })),
    ...oBiasGrid.map((x) => oBiasVariant(x, false, { without: baseWithout, stages: FULL })),
    ...orgOBiasGrid.map((x) => oBiasVariant(x, true, { without: baseWithout, stages: FULL })),
    ...rules.filter((r) => !baseWithout.includes(r.id)).map((r) => ({ name: r.id, without: [...baseWithout, r.id], stages: FULL })),
  ];
  const data = process.env.CHRONICLE_DATA ?? resolve('..', 'shared', 'data');
  const rows = ablate(data, folds, variants, models, (m) => process.stderr.write(m + '\n'), train, heldOut);
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(rows, null, 2) + '\n');
  console.log(formatAblation(rows, markdown));
  console.log('\nerrors of the first variant, by kind:');
  for (const [k, n] of [...ERROR_KINDS].sort()) console.log(`  ${k.padEnd(40)} ${n}`);
  console.log('\nwhere each rule fired (up to three sentences, every rule on):');
  for (const [rule, list] of [...FIRING_EXAMPLES].sort()) for (const t of list) console.log(`  ${rule}: ${t.replace(/\s+/g, ' ').slice(0, 300)}`);
}
