/**
 * npm run eval:events — event coding measured three ways:
 *
 * 0. The annotated set (eval/data/events/): the learned detector cross-validated by whole
 *    document (raw text through the real pipeline), precision, recall and type accuracy by PLOVER
 *    type, against the rule coder on the same documents (train/events.ts does the work).
 * 1. PETRARCH2's unit-test records (PETR.UnitTest.records.xml, 284 sentences): each sentence's
 *    text goes through OUR tokenizer and parser (not the records' Penn parses), noun phrases are
 *    actor-coded with the PETR.Validate actor/agent dictionaries (fictional actors), and events
 *    are coded with the PETR.Validate verb dictionary. Agreement with the expected codings is
 *    reported at CAMEO root, PLOVER type (through CAMEO2PLOVER) and full-code level, for the
 *    event alone and for the whole (source, target, event) triple, with precision.
 * 2. Speed of the whole extract pipeline (sentences/s on one core) on the Wikinews examples.
 *
 * usage: npm run eval:events [-- --data DIR] [--set DIR] [--no-cv] [--verbose] [--no-speed]
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { Doc } from '../src/doc.js';
import { tokenizeStage } from '../src/nlp/sentences.js';
import { parseStage } from '../src/nlp/parse-stage.js';
import { createPipeline } from '../src/extract.js';
import { createEventsStage } from '../src/extract/events.js';
import { compileLexicon, prepareLexicon } from '../src/extract/events/lexicon.js';
import { parseActorDictionary, parseAgentDictionary } from '../src/extract/events/petrarch.js';
import { cameoRoot, toPlover } from '../src/extract/events/plover.js';
import { codeActors, indexPhrases } from './petrarch-actors.js';
import { crossValidation, prepare } from '../train/events.js';
import { DEFAULT_SET_DIR } from '../train/events-set.js';

const args = process.argv.slice(2);
const dataDir = args.includes('--data') ? args[args.indexOf('--data') + 1] : '/work/shared/data';
const verbose = args.includes('--verbose');
const petr = join(dataDir, 'petrarch2');

interface Triple { source: string; target: string; code: string }
interface Record { id: string; category: string; date: string; text: string; expected: Triple[]; noevents: boolean; error: boolean }

function readRecords(xml: string): Record[] {
  const out: Record[] = [];
  for (const m of xml.matchAll(/<Sentence\s([^>]*)>([\s\S]*?)<\/Sentence>/g)) {
    const attrs = Object.fromEntries([...m[1].matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
    const body = m[2].replace(/<!--[\s\S]*?-->/g, '');
    const text = (/<Text>([\s\S]*?)<\/Text>/.exec(body)?.[1] ?? '').replace(/\s+/g, ' ').trim();
    const expected: Triple[] = [];
    let noevents = false;
    let error = false;
    for (const c of body.matchAll(/<EventCoding([^>]*)>/g)) {
      const a = Object.fromEntries([...c[1].matchAll(/(\w+)\s*=\s*"([^"]*)"/g)].map((x) => [x[1], x[2]]));
      if (a.noevents) noevents = true;
      else if (a.error) error = true;
      else if (a.eventcode) expected.push({ source: a.sourcecode ?? '', target: a.targetcode ?? '', code: a.eventcode });
    }
    out.push({ id: attrs.id ?? '?', category: attrs.category ?? '', date: attrs.date ?? '', text, expected, noevents, error });
  }
  return out;
}

const lex = prepareLexicon(
  compileLexicon(readFileSync(join(petr, 'dictionaries/PETR.Validate.verbs.txt'), 'utf8'), readFileSync(join(dataDir, 'plover/CAMEO2PLOVER-2021.txt'), 'utf8')),
  false,
);
const actors = indexPhrases(parseActorDictionary(readFileSync(join(petr, 'dictionaries/PETR.Validate.actors.txt'), 'utf8')));
const agents = indexPhrases(parseAgentDictionary(readFileSync(join(petr, 'dictionaries/PETR.Validate.agents.txt'), 'utf8')));
// event-level agreement counts every event; triple-level counts dyads only, as PETRARCH's require_dyad
// as PETRARCH: verbs only (no event nouns), statements coded, the validation dictionary's own codes kept
// the rule coder: the learned detector knows the CAMEO 2.0 dictionary, not the fictional validation one
const events = createEventsStage({ lexicon: lex, keepUnmapped: true, codeStatements: true, nominalEvents: args.includes('--nominals'), detector: null });

/** PLOVER type of a code, or the code's root when PLOVER has none (the validation dictionary uses WEIS-era codes like 903). */
const ploverLabel = (code: string) => toPlover(lex.plover, code)?.type ?? `root:${cameoRoot(code)}`;

if (!args.includes('--no-cv')) {
  const cv = crossValidation(prepare(args.includes('--set') ? args[args.indexOf('--set') + 1] : DEFAULT_SET_DIR));
  console.log(cv.lines.join('\n'));
  console.log('');
}

const records = readRecords(readFileSync(join(petr, 'text/PETR.UnitTest.records.xml'), 'utf8'));
const levels = {
  full: (a: string, b: string) => a === b,
  root: (a: string, b: string) => cameoRoot(a) === cameoRoot(b),
  plover: (a: string, b: string) => ploverLabel(a) === ploverLabel(b),
} as const;
type Level = keyof typeof levels;
const recall = { event: { full: 0, root: 0, plover: 0 }, triple: { full: 0, root: 0, plover: 0 } };
const precise = { event: { full: 0, root: 0, plover: 0 }, triple: { full: 0, root: 0, plover: 0 } };
let expectedN = 0;
let producedN = 0;
let dyadN = 0;
let sentencesWithExpected = 0;
let sentenceAgree = 0;
let nonCameo = 0;
const misses: string[] = [];
const t0 = performance.now();
for (const r of records) {
  if (r.error) continue;
  const doc = new Doc({ id: r.id, text: r.text, published: r.date ? `${r.date.slice(0, 4)}-${r.date.slice(4, 6)}-${r.date.slice(6, 8)}` : null });
  tokenizeStage.run(doc);
  parseStage.run(doc);
  codeActors(doc, actors, agents, r.date ? Number(r.date) : null);
  events.run(doc);
  const codesOf = (id: string) => doc.entityById(id)?.codes?.map((c) => c.code) ?? ['---'];
  const produced: Triple[] = [];
  for (const e of doc.events) {
    if (!e.cameo) continue;
    const sources = e.actor.length ? e.actor.flatMap(codesOf) : [''];
    const targets = e.recipient.length ? e.recipient.flatMap(codesOf) : [''];
    if (!e.recipient.length && sources.length > 1) {
      // PETRARCH codes joint actors without a target against each other ("A and B agree" → A>B, B>A)
      for (const a of sources) for (const b of sources) if (a !== b) produced.push({ source: a, target: b, code: e.cameo });
    } else {
      for (const a of sources) for (const b of targets) produced.push({ source: a, target: b, code: e.cameo });
    }
  }
  const dyads = produced.filter((y) => y.source && y.target);
  expectedN += r.expected.length;
  producedN += produced.length;
  dyadN += dyads.length;
  if (r.expected.length) sentencesWithExpected++;
  for (const x of r.expected) if (!toPlover(lex.plover, x.code)) nonCameo++;
  const dyad = (x: Triple, y: Triple) => x.source === y.source && x.target === y.target;
  for (const level of Object.keys(levels) as Level[]) {
    const eq = levels[level];
    for (const x of r.expected) {
      if (produced.some((y) => eq(x.code, y.code))) recall.event[level]++;
      if (dyads.some((y) => eq(x.code, y.code) && dyad(x, y))) recall.triple[level]++;
    }
    for (const y of produced) if (r.expected.some((x) => eq(x.code, y.code))) precise.event[level]++;
    for (const y of dyads) if (r.expected.some((x) => eq(x.code, y.code) && dyad(x, y))) precise.triple[level]++;
  }
  if (r.expected.length && r.expected.every((x) => produced.some((y) => levels.plover(x.code, y.code)))) sentenceAgree++;
  if (args.includes('--event-misses') && r.expected.some((x) => !produced.some((y) => levels.plover(x.code, y.code)))) {
    console.log(`${r.id} | ${r.text.slice(0, 140)}\n   exp ${r.expected.map((x) => x.code).join(' ')} got ${produced.map((y) => y.code).join(' ') || '-'}\n   ${doc.tokens.map((t) => `${t.text}/${t.upos}/${t.deprel}>${(t.head ?? -1) - doc.sentences[t.sentence].tokenStart + 1}`).join(' ').slice(0, 400)}`);
  }
  const ok = r.expected.every((x) => dyads.some((y) => levels.plover(x.code, y.code) && dyad(x, y))) && (r.expected.length > 0 || produced.length === 0);
  if (!ok) {
    misses.push(`${r.id} [${r.category}] ${r.text}\n   expected ${r.expected.map((x) => `${x.source}>${x.target}:${x.code}`).join(' ') || '(no events)'}\n   produced ${produced.map((x) => `${x.source}>${x.target}:${x.code}`).join(' ') || '(none)'}` +
      (verbose ? `\n   parse ${doc.tokens.map((t) => `${t.text}/${t.upos}/${t.deprel}>${(t.head ?? -1) - doc.sentences[t.sentence].tokenStart + 1}`).join(' ')}` : ''));
  }
}
const elapsed = performance.now() - t0;
const pct = (a: number, b: number) => (b ? (a / b).toFixed(3) : 'n/a');
const coded = records.filter((r) => !r.error).length;
console.log(`PETRARCH2 unit-test records: ${records.length} (${coded} codable, ${sentencesWithExpected} with expected events, ${expectedN} expected triples, ${nonCameo} with codes PLOVER does not map)`);
console.log(`our parser + PETR.Validate dictionaries; ${producedN} coded events (${dyadN} with source and target); ${(coded / (elapsed / 1000)).toFixed(0)} records/s`);
console.log('');
console.log('                       recall(event)  recall(triple)  precision(event)  precision(triple)');
for (const level of ['plover', 'root', 'full'] as Level[]) {
  const name = level === 'plover' ? 'PLOVER type' : level === 'root' ? 'CAMEO root ' : 'CAMEO code ';
  console.log(`  ${name}           ${pct(recall.event[level], expectedN).padEnd(15)}${pct(recall.triple[level], expectedN).padEnd(16)}${pct(precise.event[level], producedN).padEnd(18)}${pct(precise.triple[level], dyadN)}`);
}
console.log(`  sentences whose every expected event has its PLOVER type among ours: ${pct(sentenceAgree, sentencesWithExpected)}`);
if (verbose || args.includes('--misses')) {
  console.log(`\nmisses (${misses.length}):`);
  for (const m of misses) console.log(m);
}

if (!args.includes('--no-speed')) {
  const dir = new URL('../../examples/wikinews/', import.meta.url);
  if (existsSync(dir)) {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    const docs = files.map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')));
    const pipeline = createPipeline().with(createEventsStage());
    pipeline.process(docs[0]); // warm up (model loading)
    let sentences = 0;
    let nEvents = 0;
    const c0 = process.cpuUsage();
    const s0 = performance.now();
    for (let round = 0; round < 2; round++) {
      for (const d of docs) {
        const doc = pipeline.process(d);
        sentences += doc.sentences.length;
        nEvents += doc.events.length;
      }
    }
    const secs = (performance.now() - s0) / 1000;
    const cpu = process.cpuUsage(c0);
    const cpuSecs = (cpu.user + cpu.system) / 1e6;
    // where the time goes: each stage timed on its own
    const perStage = new Map<string, number>();
    for (const d of docs) {
      const doc = new Doc(d);
      for (const stage of pipeline.stages) {
        const a = performance.now();
        stage.run(doc);
        perStage.set(stage.name, (perStage.get(stage.name) ?? 0) + performance.now() - a);
      }
    }
    const ev0 = performance.now();
    let evSentences = 0;
    const evStage = createEventsStage();
    const parsed = docs.map((d) => createPipeline().process(d));
    const ev1 = performance.now();
    for (let round = 0; round < 5; round++) for (const doc of parsed) { evStage.run(doc); evSentences += doc.sentences.length; }
    const evSecs = (performance.now() - ev1) / 1000;
    void ev0;
    console.log(`\nspeed, whole extract pipeline (${pipeline.names().join(' → ')}), ${files.length} Wikinews articles ×2:`);
    console.log(`  ${sentences} sentences in ${secs.toFixed(2)} s = ${(sentences / secs).toFixed(0)} sentences/s wall clock (${nEvents} events)`);
    console.log(`  CPU time ${cpuSecs.toFixed(2)} s = ${(sentences / cpuSecs).toFixed(0)} sentences per CPU-second (one core; less sensitive to other jobs)`);
    console.log(`  events stage alone: ${(evSentences / evSecs).toFixed(0)} sentences/s`);
    const total = [...perStage.values()].reduce((a, b) => a + b, 0);
    console.log(`  share of time per stage: ${[...perStage].map(([n, ms]) => `${n} ${((100 * ms) / total).toFixed(0)}%`).join(', ')}`);
    console.log(`  (load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores while measuring)`);
  }
}
