/**
 * `npm run ablate:parse`: what each parser feature template of a model buys and costs, on EWT dev
 * (never test). Prints the model's weight look-ups per token (tagger passes, transitions, labels)
 * and, for each template the model uses, dev UAS/LAS when that template alone is left out at parse
 * time (tags fixed, weights as trained: an upper bound of what dropping it and retraining costs,
 * used to rank templates for retraining without them; docs/nlp.md "Round six").
 *
 * Options: --model PATH (default: the default model), --data DIR, --only IDS ("20,25,60-67"),
 * --lookups (look-ups only, no ablation), --json.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readConlluFiles } from '../src/nlp/conllu.js';
import { lexeme, type Lexeme } from '../src/nlp/features.js';
import { defaultModelPath, loadNlpModel } from '../src/nlp/nlp-model.js';
import { Parser, templatesOn } from '../src/nlp/parser.js';
import type { Scorer } from '../src/nlp/perceptron.js';
import { Tagger } from '../src/nlp/tagger.js';
import { WordClusters } from '../src/nlp/clusters.js';

const { values } = parseArgs({
  options: {
    model: { type: 'string' },
    data: { type: 'string' },
    only: { type: 'string' },
    lookups: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const dataDir = resolve(values.data ?? process.env.CHRONICLE_DATA ?? '../shared/data');
const modelPath = values.model ?? defaultModelPath();
const model = loadNlpModel(modelPath);
const dev = await readConlluFiles([join(dataDir, 'ud-ewt', 'en_ewt-ud-dev.conllu')]);
const tokens = dev.reduce((n, s) => n + s.words.length, 0);

/** A scorer that counts the features (weight look-ups) it is asked to score. */
class Counting implements Scorer {
  lookups = 0;
  readonly nClasses: number;
  constructor(readonly inner: Scorer) {
    this.nClasses = inner.nClasses;
  }
  score(feats: Uint32Array, n: number, out: Float64Array): void {
    this.lookups += n;
    this.inner.score(feats, n, out);
  }
}

interface Tagged { lex: Lexeme[]; cl: Int32Array | null; xpos: Int32Array; upos: Int32Array; heads: Int32Array; labels: string[] }

// tag once (the tagger is not ablated), counting its look-ups
const t = model.tagger;
const tx = new Counting(t.model), tu = new Counting(t.uposModel), ts = t.secondModel ? new Counting(t.secondModel) : null;
const tagger = new Tagger(t.data, tx, tu, ts);
const clusters: WordClusters | undefined = t.data.clusters ?? model.parser.data.clusters;
const tagged: Tagged[] = dev.map((s) => {
  const lex = s.words.map((w) => lexeme(w.form));
  const cl = clusters ? clusters.of(lex) : null;
  const xpos = tagger.xposIds(lex, cl);
  return { lex, cl, xpos, upos: tagger.uposIds(lex, xpos), heads: Int32Array.from(s.words, (w) => w.head - 1), labels: s.words.map((w) => w.deprel.split(':')[0]) };
});

const baseWithout = model.parser.data.without ?? [];
const universal = model.parser.data.labels.map((l) => l.split(':')[0]);

/** Dev UAS/LAS (universal labels, punctuation included) and look-ups with `extra` templates also left out. */
function parseDev(extra: readonly number[]): { uas: number; las: number; moves: number; labels: number } {
  const moves = new Counting(model.parser.moves), labeler = new Counting(model.parser.labeler);
  const parser = new Parser({ ...model.parser.data, without: [...baseWithout, ...extra] }, moves, labeler);
  let uas = 0, las = 0;
  for (const s of tagged) {
    const r = parser.parse(s.lex, s.xpos, s.upos, s.cl);
    for (let i = 0; i < s.lex.length; i++) {
      if (r.heads[i] !== s.heads[i]) continue;
      uas++;
      if (universal[r.labels[i]] === s.labels[i]) las++;
    }
  }
  const pct = (x: number) => Math.round((10000 * x) / tokens) / 100;
  return { uas: pct(uas), las: pct(las), moves: moves.lookups / tokens, labels: labeler.lookups / tokens };
}

const base = parseDev([]);
const per = (c: Counting | null) => (c ? c.lookups / tokens : 0);
const lookups = { tagger: per(tx), second: per(ts), upos: per(tu), moves: base.moves, labels: base.labels };
const total = lookups.tagger + lookups.second + lookups.upos + lookups.moves + lookups.labels;
const f1 = (x: number) => x.toFixed(1);
if (!values.json) {
  console.log(`${modelPath}: EWT dev, ${tokens} words; parser leaves out ${baseWithout.length} templates`);
  console.log(`look-ups per token: tagger ${f1(lookups.tagger)} + second pass ${f1(lookups.second)} + UPOS ${f1(lookups.upos)} + transitions ${f1(lookups.moves)} + labels ${f1(lookups.labels)} = ${f1(total)}`);
  console.log(`dev UAS ${base.uas.toFixed(2)} LAS ${base.las.toFixed(2)} (the model's own tags)`);
}

const ablation: Array<{ template: number; uas: number; las: number; dLas: number; lookupsSaved: number }> = [];
if (!values.lookups) {
  const on = templatesOn(baseWithout);
  const only = values.only ? new Set(values.only.split(',').flatMap((p) => {
    const [a, b] = p.split('-').map(Number);
    return Array.from({ length: (b ?? a) - a + 1 }, (_, k) => a + k);
  })) : null;
  for (let id = 1; id < on.length; id++) {
    if (!on[id] || (only && !only.has(id))) continue;
    const r = parseDev([id]);
    // a template the model does not have (an unused id) saves no look-ups: skip it
    const saved = base.moves + base.labels - r.moves - r.labels;
    if (saved <= 0) continue;
    ablation.push({ template: id, uas: r.uas, las: r.las, dLas: Math.round(100 * (r.las - base.las)) / 100, lookupsSaved: Math.round(10 * saved) / 10 });
    if (!values.json) console.log(`without ${String(id).padStart(3)}: UAS ${r.uas.toFixed(2)} LAS ${r.las.toFixed(2)} (${(r.las - base.las >= 0 ? '+' : '') + (r.las - base.las).toFixed(2)}), ${saved.toFixed(1)} look-ups/token fewer`);
  }
}
if (values.json) console.log(JSON.stringify({ model: modelPath, tokens, without: baseWithout, lookups, total, dev: { uas: base.uas, las: base.las }, ablation }, null, 2));


