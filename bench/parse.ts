/**
 * `npm run bench:parse`: tokens per second on one core for
 *   1. tag + parse on gold-tokenized EWT test sentences (the target: ≥ 50,000/s),
 *   2. the full 'parse' stage path on raw text: tokenize, split, tag, lemmatize, parse,
 *   3. wink-nlp (wink-eng-lite-web-model) POS tagging (with its tokenizer and sentence
 *      splitter, pipe ['sbd', 'pos']) on the same raw text, in the same run,
 * and prints the ratios. Options: --data DIR, --seconds N (per measurement, default 3).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';
import { parseConllu } from '../src/nlp/conllu.js';
import { loadNlpModel } from '../src/nlp/nlp-model.js';
import { Doc } from '../src/doc.js';
import { tokenizeStage } from '../src/nlp/sentences.js';
import { parseDoc } from '../src/nlp/parse-stage.js';

const { values } = parseArgs({ options: { data: { type: 'string' }, seconds: { type: 'string', default: '3' } } });
const dataDir = resolve(values.data ?? process.env.CHRONICLE_DATA ?? '../shared/data');
const seconds = Number(values.seconds);
const sents = parseConllu(readFileSync(join(dataDir, 'ud-ewt', 'en_ewt-ud-test.conllu'), 'utf8'));
const forms = sents.map((s) => s.words.map((w) => w.form));
const goldTokens = forms.reduce((n, f) => n + f.length, 0);
const rawText = sents.map((s) => (s.comments.find((c) => c.startsWith('# text = ')) ?? '').slice(9)).join('\n');

/** Runs `fn` repeatedly for about `seconds` after one warm-up pass; returns passes per second. */
function measure(fn: () => void): number {
  fn();
  let passes = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    fn();
    passes++;
    elapsed = (performance.now() - start) / 1000;
  } while (elapsed < seconds);
  return passes / elapsed;
}

const loadStart = performance.now();
const model = loadNlpModel();
const loadMs = performance.now() - loadStart;

const ours = measure(() => {
  for (const f of forms) model.tagAndParse(f);
});
let pipelineTokens = 0;
const oursRaw = measure(() => {
  const doc = new Doc({ text: rawText });
  tokenizeStage.run(doc);
  parseDoc(doc, model);
  pipelineTokens = doc.tokens.length;
});

const nlp = winkNLP(winkModel, ['sbd', 'pos']);
const its = nlp.its;
let winkTokens = 0;
const wink = measure(() => {
  const d = nlp.readDoc(rawText);
  winkTokens = d.tokens().out(its.pos).length;
});

const fmt = (x: number) => Math.round(x).toLocaleString('en-US').padStart(9);
console.log(`text: UD EWT test, ${sents.length} sentences, ${goldTokens} gold tokens (${rawText.length} characters raw)`);
console.log(`model load                                          ${loadMs.toFixed(0)} ms`);
console.log(`chronicle tag+parse (gold tokens)                   ${fmt(ours * goldTokens)} tokens/s`);
console.log(`chronicle tokenize+tag+lemma+parse (raw text)       ${fmt(oursRaw * pipelineTokens)} tokens/s  (${pipelineTokens} tokens)`);
console.log(`wink-nlp tokenize+sbd+pos (raw text)                ${fmt(wink * winkTokens)} tokens/s  (${winkTokens} tokens)`);
console.log(`ratio chronicle tag+parse / wink-nlp pos            ${((ours * goldTokens) / (wink * winkTokens)).toFixed(2)}×`);
console.log(`ratio chronicle full parse stage / wink-nlp pos     ${((oursRaw * pipelineTokens) / (wink * winkTokens)).toFixed(2)}×`);
