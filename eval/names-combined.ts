/**
 * `npm run eval:names`: which recogniser set-up gives the best name mentions, end to end on raw
 * text — the trained model alone, the rules alone, and the pipeline's entities (rules and model
 * settled by score, then clustered). Same held-out GUM documents and exact-span scoring as
 * eval:entities, so the figures compare directly.
 */
import { join, resolve } from 'node:path';
import { Doc } from '../src/doc.js';
import { Pipeline, type Stage } from '../src/pipeline.js';
import { tokenizeStage } from '../src/nlp/sentences.js';
import { parseStage } from '../src/nlp/parse-stage.js';
import { nerStage, getNerModel } from '../src/extract/ner.js';
import { namesStage } from '../src/extract/names.js';
import { entitiesStage } from '../src/extract/entities.js';
import { GUM_HELDOUT, readGumDoc } from '../train/ner-data.js';
import { SpanScorer, formatScores, toTextDoc, type Span, type TextDoc } from '../train/ner-score.js';

function spansOf(stages: Stage[], useEntities: boolean, filter?: (source: string | undefined) => boolean) {
  const pipeline = new Pipeline(stages);
  return (text: string): Span[] => {
    const doc: Doc = pipeline.process({ text });
    if (useEntities) return doc.entities.flatMap((e) => e.mentions.filter((m) => m.kind === 'name').map((m) => ({ start: m.start, end: m.end, type: e.type })));
    return doc.mentions.filter((m) => m.kind === 'name' && (!filter || filter(m.source))).map((m) => ({ start: m.start, end: m.end, type: m.type }));
  };
}

export function compare(dataDir: string): Record<string, string> {
  const model = getNerModel();
  if (!model) throw new Error('NER model unavailable');
  const docs: TextDoc[] = GUM_HELDOUT.map((id) => readGumDoc(join(dataDir, 'gum', 'dep', id + '.conllu'), model.gazetteer)).map((d) => toTextDoc(d.id, d.sentences));
  const setups: [string, (text: string) => Span[]][] = [
    ['model alone', spansOf([tokenizeStage, nerStage], false, (s) => s === 'model')],
    ['rules alone', spansOf([tokenizeStage, parseStage, namesStage], false, (s) => s === 'rules')],
    ['pipeline entities (rules + model)', spansOf([tokenizeStage, parseStage, nerStage, namesStage, entitiesStage], true)],
  ];
  const out: Record<string, string> = {};
  for (const [name, run] of setups) {
    const fine = new SpanScorer();
    const coarse = new SpanScorer();
    for (const d of docs) {
      const pred = run(d.text);
      fine.add(d.gold, pred, true);
      coarse.add(d.gold, pred, false);
    }
    out[name] = `${formatScores(coarse.scores(), false)}\n${formatScores(fine.scores(), true)}`;
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const data = process.env.CHRONICLE_DATA ?? resolve('..', 'shared', 'data');
  for (const [name, table] of Object.entries(compare(data))) console.log(`== ${name} (GUM held-out news + interview)\n${table}\n`);
}
