/**
 * What the organisation companion costs (`node dist/eval/ner-speed.js`): `extract` over the
 * bundled examples (the texts `npm run bench` times) with the companion and without it
 * (CHRONICLE_WITHOUT=ner.org-model, switched in this process), rounds in turn, the fastest round
 * of each kept (as bench/extract.ts does, so load on the shared machine falls on both alike);
 * the same for the ner stage alone on tokenized documents. Prints the ratios.
 * Then the time of every stage inside the pipeline, both variants in turn (does the companion make
 * later stages work more?). BENCH_ROUNDS (default 5) sets the rounds.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createPipeline, extract } from '../src/extract.js';
import { Pipeline, type Stage } from '../src/pipeline.js';
import { Doc } from '../src/doc.js';
import { tokenizeStage } from '../src/nlp/sentences.js';
import { getNerModel, nerStage } from '../src/extract/ner.js';
import { withoutRules } from '../src/rules/registry.js';
import { timeInTurn } from '../bench/in-turn.js';

interface Article { id: string; text: string; published?: string | null }

const root = join(process.cwd(), 'examples');
const docs = readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith('.json')).sort()
  .map((f) => JSON.parse(readFileSync(join(root, f), 'utf8')) as Article);
const words = docs.reduce((n, d) => n + d.text.split(/\s+/).filter(Boolean).length, 0);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);

if (!getNerModel()?.org) throw new Error('no organisation companion loaded (models/ner/weights-org.bin.gz)');

const alone = <T>(f: () => T): T => {
  const restore = withoutRules(['ner.org-model']);
  try {
    return f();
  } finally {
    restore();
  }
};

const inTurn = (tasks: Array<() => void>): number[] => timeInTurn(rounds, tasks);

const extractAll = () => {
  for (const d of docs) extract({ id: d.id, text: d.text, published: d.published ?? null });
};
const tokenized = docs.map((d) => {
  const doc = new Doc({ text: d.text });
  tokenizeStage.run(doc);
  return doc;
});
const nerAll = () => {
  for (const doc of tokenized) {
    doc.mentions.length = 0;
    nerStage.run(doc);
  }
};

const [withX, withoutX] = inTurn([extractAll, () => alone(extractAll)]);
const [withN, withoutN] = inTurn([nerAll, () => alone(nerAll)]);
console.log(`${docs.length} articles, ${words.toLocaleString('en')} words (examples/), fastest of ${rounds} rounds in turn`);
console.log(`extract:   with the companion ${withX.toFixed(0)} ms, without ${withoutX.toFixed(0)} ms per round: ratio ${(withX / withoutX).toFixed(3)} (words/s ×${(withoutX / withX).toFixed(3)})`);
console.log(`ner stage: with the companion ${withN.toFixed(0)} ms, without ${withoutN.toFixed(0)} ms per round: ratio ${(withN / withoutN).toFixed(3)}; ner alone is ${(100 * withoutN / withoutX).toFixed(1)}% of extract without it`);

// per stage, inside the whole pipeline, the two variants in turn (each stage's time summed over rounds)
const stageMs = [new Map<string, number>(), new Map<string, number>()];
let current = 0;
const timed = new Pipeline(createPipeline().stages.map((st): Stage => ({
  ...st,
  run(doc) {
    const t = performance.now();
    st.run(doc);
    stageMs[current].set(st.name, (stageMs[current].get(st.name) ?? 0) + performance.now() - t);
  },
})));
const runTimed = () => {
  for (const d of docs) timed.process({ id: d.id, text: d.text, published: d.published ?? null });
};
runTimed();
stageMs[0].clear();
for (let r = 0; r < rounds; r++) {
  current = 0;
  runTimed();
  current = 1;
  alone(runTimed);
}
const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0) / rounds;
console.log(`per stage, mean ms/round with / without the companion (whole pipeline ${total(stageMs[0]).toFixed(0)} / ${total(stageMs[1]).toFixed(0)}):`);
for (const [name, ms] of stageMs[0]) {
  const other = stageMs[1].get(name) ?? 0;
  console.log(`  ${name.padEnd(12)} ${(ms / rounds).toFixed(1).padStart(8)} ${(other / rounds).toFixed(1).padStart(8)}  ${(ms - other >= 0 ? '+' : '') + ((ms - other) / rounds).toFixed(1)}`);
}
