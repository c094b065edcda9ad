/**
 * npm run bench: words/s of `extract` (the whole pipeline) on real news articles — the bundled
 * examples (Wikinews articles rebuilt from GUM, and the seed article) — beside compromise doing
 * people/places/organizations/quotations/dates on the same texts in the same run.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import datesPlugin from 'compromise-dates';
import { createPipeline, extract } from '../src/extract.js';
import { contractProblems, Pipeline, type Stage } from '../src/pipeline.js';
import { startupReport } from './startup.js';
import { timeInTurn } from './in-turn.js';

interface Article { id: string; text: string; published?: string | null }

function corpus(): Article[] {
  const root = join(process.cwd(), 'examples');
  const files = readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith('.json')).sort();
  return files.map((f) => JSON.parse(readFileSync(join(root, f), 'utf8')) as Article);
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

const docs = corpus();
const totalWords = docs.reduce((n, d) => n + words(d.text), 0);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
console.log(`corpus: ${docs.length} articles, ${totalWords.toLocaleString('en')} words (examples/), fastest of ${rounds} alternating rounds after a warm-up`);

const nlpDates = nlp.extend(datesPlugin as Parameters<typeof nlp.extend>[0]);
const tLoad0 = performance.now();
extract({ id: 'warm', text: 'Warm up.', published: '2024-01-01' });
const loadMs = performance.now() - tLoad0;
const totalSentences = docs.reduce((n, d) => n + extract({ id: d.id, text: d.text, published: d.published ?? null }).sentences.length, 0);

const [ours, theirs] = timeInTurn(rounds, [
  () => {
    for (const d of docs) extract({ id: d.id, text: d.text, published: d.published ?? null });
  },
  () => {
    for (const d of docs) {
      const doc = nlpDates(d.text) as ReturnType<typeof nlp> & { dates?: () => { json: () => unknown } };
      doc.people().json();
      doc.places().json();
      doc.organizations().json();
      doc.quotations().json();
      doc.dates?.().json();
    }
  },
]);
const oursWps = totalWords / (ours / 1000);
const theirsWps = totalWords / (theirs / 1000);
console.log(`chronicle extract (all stages):                      ${Math.round(oursWps).toLocaleString('en').padStart(9)} words/s  (${ours.toFixed(0)} ms/round, fastest; first call incl. model load ${loadMs.toFixed(0)} ms)`);
console.log(`compromise people/places/orgs/quotations/dates:      ${Math.round(theirsWps).toLocaleString('en').padStart(9)} words/s  (${theirs.toFixed(0)} ms/round, fastest)`);
console.log(`chronicle extract: ${totalSentences.toLocaleString('en')} sentences, ${Math.round(totalSentences / (ours / 1000)).toLocaleString('en')} sentences/s`);
console.log(`ratio chronicle / compromise: ${(oursWps / theirsWps).toFixed(2)}`);
const mem = process.memoryUsage();
console.log(`memory: rss ${(mem.rss / 1048576).toFixed(0)} MB, heap ${(mem.heapUsed / 1048576).toFixed(0)} MB`);

/**
 * The cost of the who's-who stages (issue 4 target: "NER + coreference + relations add at most
 * 30% to the time of extract"). Two measurements of the real pipeline:
 *  - per stage, inside the full pipeline: each stage's run() is timed as it runs with everything
 *    else, so quotes and events do their real work (they read entities: quote speakers, event
 *    actors). "adds X%" = time of ner+names+entities+actors+relations ÷ time of all other stages.
 *    This is the headline: it charges the who's-who stages exactly their own time.
 *  - the pipeline without those five stages, timed as a whole, as a cross-check. It is not the
 *    headline because without entities the downstream stages do different (less or more) work:
 *    quotes find no named speakers, events no actors, so the difference mixes NER cost with
 *    changes in the quotes/events stages.
 */
const WHO_STAGES = ['ner', 'names', 'entities', 'actors', 'relations'];
const stageMs = new Map<string, number>();
const timed = new Pipeline(createPipeline().stages.map((s): Stage => ({
  ...s,
  run(doc) {
    const t = performance.now();
    s.run(doc);
    stageMs.set(s.name, (stageMs.get(s.name) ?? 0) + performance.now() - t);
  },
})));
/** The pipeline without `names` and every stage that needs what they provide (coreference needs entities). */
function withoutStages(names: string[]): Pipeline {
  const drop = new Set(names);
  for (;;) {
    const kept = createPipeline().stages.filter((s) => !drop.has(s.name));
    const needy = kept.filter((s) => contractProblems(kept).some((p) => p.startsWith(`stage '${s.name}' requires`)));
    if (needy.length === 0) return new Pipeline(kept);
    for (const s of needy) drop.add(s.name);
  }
}
const without = withoutStages(WHO_STAGES);
const alsoDropped = createPipeline().names().filter((n) => !without.names().includes(n) && !WHO_STAGES.includes(n));
const runAll = (p: Pipeline) => () => {
  for (const d of docs) p.process({ id: d.id, text: d.text, published: d.published ?? null });
};
// interleave the two so machine noise hits both alike
let withMs = 0;
let withoutMs = 0;
runAll(timed)();
runAll(without)();
stageMs.clear();
for (let r = 0; r < rounds; r++) {
  let t = performance.now();
  runAll(timed)();
  withMs += (performance.now() - t) / rounds;
  t = performance.now();
  runAll(without)();
  withoutMs += (performance.now() - t) / rounds;
}
const perStage = [...stageMs].map(([name, ms]) => [name, ms / rounds] as const);
const whoMs = perStage.filter(([n]) => WHO_STAGES.includes(n)).reduce((a, [, ms]) => a + ms, 0);
const allMs = perStage.reduce((a, [, ms]) => a + ms, 0);
console.log('\nper stage (ms/round inside the full pipeline):');
for (const [name, ms] of perStage) console.log(`  ${name.padEnd(10)} ${ms.toFixed(1).padStart(8)} ms  ${(100 * ms / allMs).toFixed(1).padStart(5)}%${WHO_STAGES.includes(name) ? '  *' : ''}`);
console.log(`NER + coreference + relations add ${(100 * whoMs / (allMs - whoMs)).toFixed(1)}% to extract (stages marked *: ${whoMs.toFixed(0)} ms of ${allMs.toFixed(0)} ms per round)`);
console.log(`cross-check, whole pipeline with vs without those stages${alsoDropped.length ? ` (and ${alsoDropped.join(', ')}, which need them)` : ''}: ${withMs.toFixed(0)} ms vs ${withoutMs.toFixed(0)} ms per round (+${(100 * (withMs - withoutMs) / withoutMs).toFixed(1)}%; quotes/events work differently without entities)`);

// whole-process start-up on a tiny document, beside compromise and wink, in the same run (issue 20)
if (process.env.BENCH_STARTUP !== '0') for (const line of startupReport(Number(process.env.BENCH_STARTUP_ROUNDS ?? 3))) console.log(line);
