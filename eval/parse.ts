/**
 * `npm run eval:parse`: runs the committed model on UD English EWT dev and test with gold
 * tokenization (through the same CoNLL-U path as `chronicle parse --conllu`) and prints UPOS,
 * XPOS, lemma accuracy, UAS and LAS the CoNLL 2018 way (punctuation included).
 * Options: --data DIR (default ../shared/data or $CHRONICLE_DATA), --model PATH,
 * --write DIR (also write the predicted CoNLL-U files there), --json (machine-readable).
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseConllu, writeConllu } from '../src/nlp/conllu.js';
import { loadNlpModel } from '../src/nlp/nlp-model.js';
import { scoreConllu, formatScores, type Scores } from '../src/nlp/evaluate.js';
import { annotateConllu } from '../src/cli/commands/parse.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    model: { type: 'string' },
    write: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const dataDir = resolve(values.data ?? process.env.CHRONICLE_DATA ?? '../shared/data');
const t0 = performance.now();
const model = loadNlpModel(values.model);
const loadMs = performance.now() - t0;
const results: Record<string, Scores> = {};
for (const split of ['dev', 'test']) {
  const file = join(dataDir, 'ud-ewt', `en_ewt-ud-${split}.conllu`);
  const text = await readFile(file, 'utf8');
  const gold = parseConllu(text);
  const system = parseConllu(text);
  for (const s of system) annotateConllu(model, s);
  const written = writeConllu(system);
  if (values.write) {
    await mkdir(values.write, { recursive: true });
    await writeFile(join(values.write, `en_ewt-ud-${split}.pred.conllu`), written);
  }
  results[split] = scoreConllu(gold, parseConllu(written));
  if (!values.json) console.log(formatScores(`EWT ${split}`, results[split]));
}
if (values.json) console.log(JSON.stringify({ loadMs: Math.round(loadMs), ...results }, null, 2));
else console.log(`model loaded in ${loadMs.toFixed(0)} ms`);
