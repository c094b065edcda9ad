/**
 * `npm run eval:names`: which recogniser set-up gives the best name mentions, end to end on raw
 * text — the trained model alone, the rules alone, the pipeline's entities (rules and model
 * settled by score, then clustered), and the pipeline without the rule-based names stage. Same K-fold cross-validation as eval:entities (every GUM
 * news + interview and UNER EWT dev document, scored by a model trained without it), so the
 * figures compare directly. Options: --folds K (default 5), --no-brown, --epochs N.
 */
import { resolve } from 'node:path';
import { Doc } from '../src/doc.js';
import { Pipeline, type Stage } from '../src/pipeline.js';
import { tokenizeStage } from '../src/nlp/sentences.js';
import { parseStage } from '../src/nlp/parse-stage.js';
import { nerStage, useNerModel } from '../src/extract/ner.js';
import { namesStage } from '../src/extract/names.js';
import { entitiesStage } from '../src/extract/entities.js';
import { DEFAULT_TRAIN_OPTIONS, crossValidateNer, featuriseCorpus, poolText, readNerCorpus, type NerTrainOptions } from '../train/ner-train.js';
import { PoolScorer, formatReport, scoreDocs, shippedOBias, summarise, type CvReport, type Recogniser } from './entities.js';
import type { Span } from '../train/ner-score.js';

function setup(name: string, stages: Stage[], useEntities: boolean, filter?: (source: string | undefined) => boolean): Recogniser {
  const pipeline = new Pipeline(stages);
  return {
    name,
    run(text: string): Span[] {
      const doc: Doc = pipeline.process({ text });
      if (useEntities) return doc.entities.flatMap((e) => e.mentions.filter((m) => m.kind === 'name').map((m) => ({ start: m.start, end: m.end, type: e.type })));
      return doc.mentions.filter((m) => m.kind === 'name' && (!filter || filter(m.source))).map((m) => ({ start: m.start, end: m.end, type: m.type }));
    },
  };
}

export const SETUPS: Recogniser[] = [
  setup('model alone', [tokenizeStage, nerStage], false, (s) => s === 'model'),
  setup('rules alone', [tokenizeStage, parseStage, namesStage], false, (s) => s === 'rules'),
  setup('pipeline', [tokenizeStage, parseStage, nerStage, namesStage, entitiesStage], true),
  setup('pipeline without names', [tokenizeStage, parseStage, nerStage, entitiesStage], true),
];

export function compare(dataDir: string, folds: number, opts: Partial<NerTrainOptions>): CvReport {
  const log = (m: string) => process.stderr.write(m + '\n');
  const fc = featuriseCorpus(readNerCorpus(dataDir, opts), { ...DEFAULT_TRAIN_OPTIONS, ...opts }, log);
  const train: NerTrainOptions = { ...DEFAULT_TRAIN_OPTIONS, oBias: shippedOBias(), ...opts, log };
  const scorers = SETUPS.map(() => new PoolScorer());
  try {
    crossValidateNer(fc, folds, train, ({ documents, trained }) => {
      useNerModel(trained.model);
      const texts = documents.map(poolText);
      SETUPS.forEach((rec, k) => scoreDocs(texts, rec, scorers[k]));
    });
  } finally {
    useNerModel(null);
  }
  const { log: _omit, ...rest } = train;
  return {
    folds,
    documents: { gum: fc.corpus.gum.filter((d) => d.genre === 'news' || d.genre === 'interview').length, uner: fc.corpus.unerDev.length },
    oBias: train.oBias,
    train: rest,
    recognisers: Object.fromEntries(SETUPS.map((r, k) => [r.name, summarise(scorers[k])])),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  let folds = 5;
  const opts: Partial<NerTrainOptions> = {};
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--folds') folds = Number(args[++i]);
    else if (args[i] === '--no-brown') opts.brown = false;
    else if (args[i] === '--unlabelled-caps') opts.unlabelledCaps = true;
    else if (args[i] === '--no-unlabelled-caps') opts.unlabelledCaps = false;
    else if (args[i] === '--epochs') opts.epochs = Number(args[++i]);
    else throw new Error(`unknown option ${args[i]} (use --folds K, --no-brown, --epochs N)`);
  }
  const data = process.env.CHRONICLE_DATA ?? resolve('..', 'shared', 'data');
  console.log(formatReport(compare(data, folds, opts)));
}
