/**
 * `npm run eval:parse`: runs the committed model on UD English EWT dev and test with gold
 * tokenization (through the same CoNLL-U path as `chronicle parse --conllu`) and prints UPOS,
 * XPOS, lemma accuracy, UAS and LAS the CoNLL 2018 way (punctuation included), for the default
 * model, the accurate one (models/nlp-en-accurate.bin.gz) and the beam-search one (models/nlp-en-beam.bin.gz), or
 * only the model given.
 * Options: --data DIR (default ../shared/data or $CHRONICLE_DATA), --model PATH (or $CHRONICLE_NLP_MODEL),
 * --write DIR (also write the predicted CoNLL-U files there), --json (machine-readable), --beam K (decode
 * with a beam of K states over the model's weights; docs/nlp.md "Round nine"), --dev-only.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseConllu, writeConllu } from '../src/nlp/conllu.js';
import { ACCURATE_MODEL_FILE, BEAM_MODEL_FILE, loadNlpModel, MODEL_FILE, modelsDir, NlpModel } from '../src/nlp/nlp-model.js';
import { BeamParser } from '../src/nlp/beam.js';
import { scoreConllu, formatScores, type Scores } from '../src/nlp/evaluate.js';
import { annotateConllu } from '../src/cli/commands/parse.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    model: { type: 'string' },
    write: { type: 'string' },
    json: { type: 'boolean', default: false },
    // decode with a beam of this width over the model's weights (beam.ts; a beam-trained model has its own width)
    beam: { type: 'string' },
    // EWT dev only (experiments)
    'dev-only': { type: 'boolean', default: false },
  },
});
const dataDir = resolve(values.data ?? process.env.CHRONICLE_DATA ?? '../shared/data');
const given = values.model ?? process.env.CHRONICLE_NLP_MODEL;
const models = given ? [{ name: '', path: given }] : [
  { name: 'default', path: join(modelsDir(), MODEL_FILE) }, { name: 'accurate', path: join(modelsDir(), ACCURATE_MODEL_FILE) }, { name: 'beam', path: join(modelsDir(), BEAM_MODEL_FILE) },
].filter((m) => existsSync(m.path));
const report: Record<string, unknown> = {};
for (const { name, path } of models) {
  const t0 = performance.now();
  const loaded = loadNlpModel(path);
  const { data, moves, labeler } = loaded.parser;
  const model = values.beam === undefined ? loaded : new NlpModel(loaded.tagger, loaded.lemmatizer, new BeamParser({ ...data, beam: Number(values.beam) }, moves, labeler), loaded.meta);
  const loadMs = performance.now() - t0;
  const results: Record<string, Scores> = {};
  for (const split of values['dev-only'] ? ['dev'] : ['dev', 'test']) {
    const file = join(dataDir, 'ud-ewt', `en_ewt-ud-${split}.conllu`);
    const text = await readFile(file, 'utf8');
    const gold = parseConllu(text);
    const system = parseConllu(text);
    for (const s of system) annotateConllu(model, s);
    const written = writeConllu(system);
    if (values.write) {
      await mkdir(values.write, { recursive: true });
      await writeFile(join(values.write, `en_ewt-ud-${split}${name ? `.${name}` : ''}.pred.conllu`), written);
    }
    results[split] = scoreConllu(gold, parseConllu(written));
    if (!values.json) console.log(formatScores(`${name ? `${name.padEnd(9)}` : ''}EWT ${split}`, results[split]));
  }
  if (name) report[name] = { loadMs: Math.round(loadMs), ...results };
  else Object.assign(report, { loadMs: Math.round(loadMs), ...results });
  if (!values.json) console.log(`${name ? `${name} ` : ''}model loaded in ${loadMs.toFixed(0)} ms`);
}
if (values.json) console.log(JSON.stringify(report, null, 2));
