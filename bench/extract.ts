/**
 * npm run bench: words/s of `extract` (the whole pipeline) on real news articles — the bundled
 * examples (Wikinews articles rebuilt from GUM, and the seed article) — beside compromise doing
 * people/places/organizations/quotations/dates on the same texts in the same run.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import datesPlugin from 'compromise-dates';
import { extract } from '../src/extract.js';

interface Article { id: string; text: string; published?: string | null }

function corpus(): Article[] {
  const root = join(process.cwd(), 'examples');
  const files = readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith('.json')).sort();
  return files.map((f) => JSON.parse(readFileSync(join(root, f), 'utf8')) as Article);
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function timeIt(label: string, rounds: number, fn: () => void): number {
  fn(); // warm-up: model loading, JIT
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) fn();
  const ms = (performance.now() - t0) / rounds;
  return ms;
}

const docs = corpus();
const totalWords = docs.reduce((n, d) => n + words(d.text), 0);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
console.log(`corpus: ${docs.length} articles, ${totalWords.toLocaleString('en')} words (examples/), ${rounds} rounds after a warm-up`);

const nlpDates = nlp.extend(datesPlugin as Parameters<typeof nlp.extend>[0]);
const tLoad0 = performance.now();
extract({ id: 'warm', text: 'Warm up.', published: '2024-01-01' });
const loadMs = performance.now() - tLoad0;
const totalSentences = docs.reduce((n, d) => n + extract({ id: d.id, text: d.text, published: d.published ?? null }).sentences.length, 0);

const ours = timeIt('chronicle', rounds, () => {
  for (const d of docs) extract({ id: d.id, text: d.text, published: d.published ?? null });
});
const theirs = timeIt('compromise', rounds, () => {
  for (const d of docs) {
    const doc = nlpDates(d.text) as ReturnType<typeof nlp> & { dates?: () => { json: () => unknown } };
    doc.people().json();
    doc.places().json();
    doc.organizations().json();
    doc.quotations().json();
    doc.dates?.().json();
  }
});
const oursWps = totalWords / (ours / 1000);
const theirsWps = totalWords / (theirs / 1000);
console.log(`chronicle extract (all stages):                      ${Math.round(oursWps).toLocaleString('en').padStart(9)} words/s  (${ours.toFixed(0)} ms/round; first call incl. model load ${loadMs.toFixed(0)} ms)`);
console.log(`compromise people/places/orgs/quotations/dates:      ${Math.round(theirsWps).toLocaleString('en').padStart(9)} words/s  (${theirs.toFixed(0)} ms/round)`);
console.log(`chronicle extract: ${totalSentences.toLocaleString('en')} sentences, ${Math.round(totalSentences / (ours / 1000)).toLocaleString('en')} sentences/s`);
console.log(`ratio chronicle / compromise: ${(oursWps / theirsWps).toFixed(2)}`);
const mem = process.memoryUsage();
console.log(`memory: rss ${(mem.rss / 1048576).toFixed(0)} MB, heap ${(mem.heapUsed / 1048576).toFixed(0)} MB`);
