/**
 * `npm run eval:ner-precision`: name precision by inspection on news nobody tuned for (issue 13).
 *
 * The pool (eval/data/ner-precision-sample/pool.txt, written once by `pool`) is every English Wikinews
 * article of ../shared/data/unlabelled/news-en.jsonl.gz whose id, URL or title no file of eval/, test/,
 * examples/, bench/ or train/ names, and no GUM document's title: text no rule was written from and no
 * set scores. The pipeline of `chronicle extract` runs on the pool; its PERSON and ORG name mentions are
 * the predictions, and a seeded random sample of them is judged by hand (right type and exact span, or
 * wrong, with a class of error). The judged sample then scores any later code: a sampled prediction
 * the code no longer makes counts as removed, right or wrong.
 *
 *   pool                             write pool.txt (the ids; run once, before any sample is drawn)
 *   sample --seed N [--per 150] [--org 100] --out FILE
 *                                    run the pipeline on the pool, draw the sample, write it unjudged,
 *                                    with its context, the ner stage's reading of the span and the
 *                                    mention's source
 *   score FILE [FILE…] [--wrong]     precision of the judged sample(s) as judged, and under the code
 *                                    as it is now (sampled predictions kept / removed, right / wrong);
 *                                    --wrong lists the wrong predictions the code still makes, by class
 *   diff --models DIR [--contexts]   the same, for the model pair in DIR against the shipped pair (a retrain)
 *   diff --rules a,b [--contexts]    every PERSON / ORG name mention of the pool the code makes with the rules on and not
 *                                    without them, or the other way, grouped by text (what the rules change on the pool); --contexts prints each change in its sentence
 *   attribute FILE                   for each wrong row: the ner stage's reading, and every registered rule of
 *                                    the ner / names / entities / coref-speech stages whose switching off
 *                                    removes the wrong prediction (its documents only)
 * Rules can be switched off for a whole run: CHRONICLE_WITHOUT=rule.id.
 */
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { createPipeline } from '../src/extract.js';
import { seededRandom } from '../src/nlp/random.js';
import { chronicleNer } from '../train/ner-cv.js';
import { useNerModel } from '../src/extract/ner.js';
import { loadNerModel } from '../src/extract/ner-model.js';
import { registeredRules, withoutRules } from '../src/rules/registry.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PRECISION_DIR = join(ROOT, 'eval/data/ner-precision-sample/');
const UNLABELLED = join(ROOT, '../shared/data/unlabelled/news-en.jsonl.gz');
const GUM_DIR = join(ROOT, '../shared/data/gum/dep');

interface PoolDoc {
  id: string;
  title: string;
  url: string;
  text: string;
}

/** One PERSON or ORG name mention of the pipeline on a pool document. */
interface Prediction {
  doc: string;
  start: number;
  end: number;
  text: string;
  type: 'PERSON' | 'ORG';
  /** the mention's source in the pipeline ('model', 'gazetteer', 'pattern', …) */
  source: string;
}

export interface SampleRow extends Prediction {
  k: number;
  /** the ner stage's name at exactly this span, its type; or 'none' / 'overlap:TYPE:text' */
  ner: string;
  context: string;
  /** 'right' (type and exact span) or 'wrong'; null until judged */
  judgment: 'right' | 'wrong' | null;
  /** for a wrong one: the class of error (see README) */
  error?: string;
  note?: string;
}

function readUnlabelledWikinews(): PoolDoc[] {
  return gunzipSync(readFileSync(UNLABELLED))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as PoolDoc & { source?: string })
    .filter((d) => d.id.startsWith('wikinews:'));
}

function filesUnder(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) filesUnder(p, out);
    else if (st.size < 50_000_000) out.push(p);
  }
}

/** Every Wikinews article of the unlabelled file that no eval/test/example/bench/train file and no GUM title names. */
function buildPool(): { pool: string[]; excluded: number } {
  const files: string[] = [];
  for (const d of ['eval', 'test', 'examples', 'bench', 'train']) filesUnder(join(ROOT, d), files);
  const hay = files
    .filter((f) => !f.includes('ner-precision-sample'))
    .map((f) => readFileSync(f).toString('utf8'))
    .join('\n')
    .toLowerCase();
  const gumTitles = readdirSync(GUM_DIR)
    .filter((f) => f.endsWith('.conllu'))
    .map((f) => (/# meta::title = (.*)/.exec(readFileSync(join(GUM_DIR, f), 'utf8'))?.[1] ?? '').toLowerCase().trim())
    .filter(Boolean);
  const pool: string[] = [];
  let excluded = 0;
  for (const d of readUnlabelledWikinews()) {
    const slug = d.id.slice('wikinews:'.length).toLowerCase();
    const keys = [slug, d.url.toLowerCase(), d.title.toLowerCase(), decodeURIComponent(d.url).toLowerCase(), slug.replace(/_/g, ' ')];
    if (keys.some((k) => k && hay.includes(k)) || gumTitles.includes(d.title.toLowerCase().trim())) excluded++;
    else pool.push(d.id);
  }
  return { pool, excluded };
}

function readPool(): PoolDoc[] {
  const ids = new Set(readFileSync(PRECISION_DIR + 'pool.txt', 'utf8').split('\n').filter((l) => l && !l.startsWith('#')));
  const docs = readUnlabelledWikinews().filter((d) => ids.has(d.id));
  if (docs.length !== ids.size) throw new Error(`ner-precision: pool.txt names ${ids.size} documents, the unlabelled file holds ${docs.length} of them`);
  return docs;
}


function predictions(docs: readonly PoolDoc[], firings?: Map<string, { rule: string; start?: number; end?: number }[]>): Map<string, Prediction[]> {
  const pipeline = createPipeline();
  const out = new Map<string, Prediction[]>();
  for (const d of docs) {
    const doc = pipeline.process({ text: d.text });
    firings?.set(d.id, doc.firings);
    const preds: Prediction[] = [];
    for (const e of doc.entities) {
      if (e.type !== 'PERSON' && e.type !== 'ORG') continue;
      for (const m of e.mentions) if (m.kind === 'name') preds.push({ doc: d.id, start: m.start, end: m.end, text: d.text.slice(m.start, m.end), type: e.type, source: m.source ?? '' });
    }
    preds.sort((a, b) => a.start - b.start || a.end - b.end);
    out.set(d.id, preds);
  }
  return out;
}

function nerReading(text: string, start: number, end: number): string {
  const spans = chronicleNer.run(text);
  const same = spans.find((s) => s.start === start && s.end === end);
  if (same) return same.type;
  const over = spans.filter((s) => s.start < end && start < s.end);
  return over.length ? over.map((s) => `overlap:${s.type}:${text.slice(s.start, s.end)}`).join(' | ') : 'none';
}

function sample(seed: number, nPer: number, nOrg: number, outFile: string): void {
  const docs = readPool();
  const byId = new Map(docs.map((d) => [d.id, d]));
  const all = [...predictions(docs).values()].flat();
  const rand = seededRandom(seed);
  const draw = (type: 'PERSON' | 'ORG', n: number): Prediction[] => {
    const items = all.filter((p) => p.type === type);
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items.slice(0, n);
  };
  const picked = [...draw('PERSON', nPer), ...draw('ORG', nOrg)];
  const nerCache = new Map<string, string>();
  const rows: SampleRow[] = picked.map((p, k) => {
    const text = byId.get(p.doc)!.text;
    const key = `${p.doc}\t${p.start}\t${p.end}`;
    if (!nerCache.has(key)) nerCache.set(key, nerReading(text, p.start, p.end));
    const ctx = `${text.slice(Math.max(0, p.start - 120), p.start)}[[${p.text}]]${text.slice(p.end, Math.min(text.length, p.end + 120))}`.replace(/\s+/g, ' ');
    return { k, doc: p.doc, start: p.start, end: p.end, text: p.text, type: p.type, source: p.source, ner: nerCache.get(key)!, context: ctx, judgment: null };
  });
  writeFileSync(outFile, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const n = (t: string) => all.filter((p) => p.type === t).length;
  process.stdout.write(`ner-precision: ${docs.length} pool documents; ${n('PERSON')} PERSON and ${n('ORG')} ORG name mentions; sample (seed ${seed}) of ${rows.length} written to ${outFile}\n`);
}

export function readSample(file: string): SampleRow[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l, i) => {
      const r = JSON.parse(l) as SampleRow;
      if (r.judgment !== 'right' && r.judgment !== 'wrong') throw new Error(`${file} line ${i + 1}: judgment must be "right" or "wrong"`);
      if (r.judgment === 'wrong' && !r.error) throw new Error(`${file} line ${i + 1}: a wrong prediction needs its error class`);
      return r;
    });
}

function score(files: string[], listWrong = false): void {
  const rows = files.flatMap((f) => readSample(f).map((r) => ({ ...r, file: f })));
  const docs = readPool().filter((d) => rows.some((r) => r.doc === d.id));
  const now = predictions(docs);
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '–');
  for (const type of ['PERSON', 'ORG'] as const) {
    const rs = rows.filter((r) => r.type === type);
    const right = rs.filter((r) => r.judgment === 'right').length;
    const kept = rs.filter((r) => (now.get(r.doc) ?? []).some((p) => p.start === r.start && p.end === r.end && p.type === r.type));
    const keptRight = kept.filter((r) => r.judgment === 'right').length;
    process.stdout.write(
      `${type.padEnd(6)} sample ${rs.length}: judged precision ${pct(right, rs.length)} (${right} right, ${rs.length - right} wrong); ` +
        `code now keeps ${kept.length}: precision ${pct(keptRight, kept.length)} (removed ${rs.length - right - (kept.length - keptRight)} wrong, ${right - keptRight} right)\n`,
    );
    const classes = new Map<string, { n: number; removed: number }>();
    for (const r of rs.filter((x) => x.judgment === 'wrong')) {
      const c = classes.get(r.error!) ?? { n: 0, removed: 0 };
      c.n++;
      if (!kept.includes(r)) c.removed++;
      classes.set(r.error!, c);
    }
    for (const [c, v] of [...classes].sort((a, b) => b[1].n - a[1].n)) process.stdout.write(`    ${c.padEnd(28)} ${String(v.n).padStart(3)} wrong, ${v.removed} no longer predicted\n`);
    if (listWrong)
      for (const r of kept.filter((x) => x.judgment === 'wrong').sort((a, b) => a.error!.localeCompare(b.error!)))
        process.stdout.write(`      kept wrong ${r.error!.padEnd(26)} ${JSON.stringify(r.text).padEnd(32)} ${r.doc}  … ${r.context.replace(/\s+/g, ' ')} …\n`);
  }
}

function attribute(file: string): void {
  const wrong = readSample(file).filter((r) => r.judgment === 'wrong');
  const docs = readPool().filter((d) => wrong.some((r) => r.doc === d.id));
  const has = (preds: Map<string, Prediction[]>, r: SampleRow) => (preds.get(r.doc) ?? []).some((p) => p.start === r.start && p.end === r.end && p.type === r.type);
  const stages = new Set(['ner', 'names', 'entities', 'coref-speech']);
  const ids = new Set(registeredRules().filter((x) => stages.has(x.stage)).map((x) => x.id));
  const firings = new Map<string, { rule: string; start?: number; end?: number }[]>();
  predictions(docs, firings);
  const causes = new Map<number, string[]>();
  // candidates: the rules that fired on the document at a range holding the name (or at no range); each switched off, that document alone
  for (const d of docs) {
    const rows = wrong.filter((r) => r.doc === d.id);
    const fired = firings.get(d.id) ?? [];
    const candidates = new Set(fired.filter((f) => ids.has(f.rule) && rows.some((r) => f.start === undefined || (f.start <= r.end && (f.end ?? f.start) >= r.start))).map((f) => f.rule));
    for (const rule of candidates) {
      const restore = withoutRules([rule]);
      try {
        const preds = predictions([d]);
        for (const r of rows) if (!has(preds, r)) causes.set(r.k, [...(causes.get(r.k) ?? []), rule]);
      } finally {
        restore();
      }
    }
  }
  for (const r of wrong) process.stdout.write(`${String(r.k).padStart(4)} ${r.type.padEnd(6)} ${r.error!.padEnd(26)} ${JSON.stringify(r.text).padEnd(30)} source ${r.source.padEnd(12)} ner ${r.ner.padEnd(10)} rules ${(causes.get(r.k) ?? ['none']).join(', ')}\n`);
}

function diff(rules: string[], contexts = false, models?: string): void {
  const docs = readPool();
  let on: Map<string, Prediction[]>;
  let off: Map<string, Prediction[]>;
  if (models) {
    // the model pair in `models` against the shipped pair, the same code: what a retrain changes on the pool
    off = predictions(docs);
    useNerModel(loadNerModel(models));
    try {
      on = predictions(docs);
    } finally {
      useNerModel(null);
    }
  } else {
    on = predictions(docs);
    const restore = withoutRules(rules);
    try {
      off = predictions(docs);
    } finally {
      restore();
    }
  }
  const key = (p: Prediction) => `${p.start}:${p.end}:${p.type}`;
  const groups = new Map<string, { n: number; docs: Set<string> }>();
  const note = (what: string, p: Prediction) => {
    const g = groups.get(`${what} ${p.type} ${JSON.stringify(p.text)}`) ?? { n: 0, docs: new Set<string>() };
    g.n++;
    g.docs.add(p.doc);
    groups.set(`${what} ${p.type} ${JSON.stringify(p.text)}`, g);
  };
  const lines: string[] = [];
  const line = (what: string, p: Prediction, text: string) => {
    if (contexts) lines.push(`    ${what} ${p.type} ${p.doc} ${p.start}: …${text.slice(Math.max(0, p.start - 70), p.start).replace(/\s+/g, ' ')}[${p.text}]${text.slice(p.end, p.end + 50).replace(/\s+/g, ' ')}…`);
  };
  for (const d of docs) {
    const a = new Set((on.get(d.id) ?? []).map(key));
    const b = new Set((off.get(d.id) ?? []).map(key));
    for (const p of off.get(d.id) ?? []) if (!a.has(key(p))) (note('removed', p), line('removed', p, d.text));
    for (const p of on.get(d.id) ?? []) if (!b.has(key(p))) (note('added', p), line('added', p, d.text));
  }
  const total = (what: string, type: string) => [...groups].filter(([k]) => k.startsWith(`${what} ${type} `)).reduce((n, [, g]) => n + g.n, 0);
  process.stdout.write(`${models ? `models ${models} (against the shipped pair)` : `rules ${rules.join(', ')}`} on the pool (${docs.length} documents): PERSON removed ${total('removed', 'PERSON')}, added ${total('added', 'PERSON')}; ORG removed ${total('removed', 'ORG')}, added ${total('added', 'ORG')}\n`);
  for (const [k, g] of [...groups].sort((x, y) => y[1].n - x[1].n)) process.stdout.write(`  ${k}  ×${g.n} in ${g.docs.size} documents\n`);
  if (contexts) process.stdout.write(lines.join('\n') + '\n');
}

function main(): void {
  const [cmd, ...args] = process.argv.slice(2);
  const opt = (name: string, dflt?: string): string => {
    const i = args.indexOf(name);
    if (i >= 0 && args[i + 1]) return args[i + 1];
    if (dflt === undefined) throw new Error(`ner-precision ${cmd}: needs ${name}`);
    return dflt;
  };
  if (cmd === 'pool') {
    const { pool, excluded } = buildPool();
    writeFileSync(PRECISION_DIR + 'pool.txt', `# Wikinews articles of ../shared/data/unlabelled/news-en.jsonl.gz in no eval/test/examples/bench/train file and no GUM title (eval/ner-precision.ts pool); ${excluded} excluded\n` + pool.join('\n') + '\n');
    process.stdout.write(`ner-precision pool: ${pool.length} documents (${excluded} excluded)\n`);
  } else if (cmd === 'sample') {
    sample(Number(opt('--seed')), Number(opt('--per', '150')), Number(opt('--org', '100')), opt('--out'));
  } else if (cmd === 'score') {
    const files = args.filter((a) => a !== '--wrong');
    if (!files.length) throw new Error('ner-precision score: needs judged sample files');
    score(files, args.includes('--wrong'));
  } else if (cmd === 'diff') {
    const models = args.includes('--models') ? opt('--models') : undefined;
    diff(models ? [] : opt('--rules').split(','), args.includes('--contexts'), models);
  } else if (cmd === 'attribute') {
    if (!args[0]) throw new Error('ner-precision attribute: needs a judged sample file');
    attribute(args[0]);
  } else throw new Error('usage: ner-precision pool | sample --seed N [--per 150] [--org 100] --out FILE | score FILE…');
}

if ((process.argv[1] ?? '').endsWith('/eval/ner-precision.js')) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`ner-precision: ${(err as Error).message}\n`);
    process.exit(1);
  }
}
