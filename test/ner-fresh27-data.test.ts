/**
 * The news NER set eval/data/ner-fresh27 (issue 13): English Wikinews articles of ../shared/data/unlabelled/news-en.jsonl.gz
 * that no eval/data set held, every name annotated by hand before Chronicle ran on any of them, in two halves the selector
 * fixed before any article was read (alternating in taken order): half A readable, half B unseen (lead-only). The records
 * are the file's texts; the selection reproduces; the overlap checks hold and can fail; every gold span is anchored and
 * gold.jsonl is the compiled annotation; the eval reads the halves apart. Chronicle is not run on the set here, and no
 * name of it is printed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { readNewsSet, formatErrors, NER_FRESH27_DIR } from '../eval/ner-news.js';
import { coarseType } from '../train/ner-score.js';
import { loadTool as load } from './helpers/unseen-news-set.js';

interface Walked { id: string; hash: string; half?: 'A' | 'B'; skip?: string; chars: number; caps: number }
interface Selector {
  RULE: { base: string; salt: string; take: number; minChars: number; maxChars: number; minCapitals: number };
  walk: () => { walked: Walked[]; taken: { id: string }[] };
  capitalsPer1000: (text: string) => number;
  halfOf: (ids: string[], id: string) => string | undefined;
}
interface Compiler {
  compileAll: () => { id: string; half: string; spans: { start: number; end: number; text: string; type: string }[] }[];
  TYPES: string[];
}
interface Gum { gumCheck: () => (a: { id: string; title: string; url?: string }) => string | undefined }
interface Rec { id: string; slug: string; split: string; half: string; title: string; date: string | null; url: string; licence: string; attribution: string; source: { file: string; sha256: string }; text: string }

const dir = 'eval/data/ner-fresh27/';
const UNLABELLED = '../shared/data/unlabelled/news-en.jsonl.gz';
const records = readFileSync(dir + 'docs.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Rec);
const hasCommit = (c: string) => { try { execFileSync('git', ['cat-file', '-e', `${c}^{commit}`], { stdio: 'ignore' }); return true; } catch { return false; } };
const words = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^a-z0-9]+/).filter(Boolean);

test('ner-fresh27: every record is an unlabelled Wikinews article as the file gives it, CC BY 2.5, with its half', () => {
  assert.equal(records.length, 16);
  const raw = readFileSync(UNLABELLED);
  const sha256 = createHash('sha256').update(raw).digest('hex');
  const byId = new Map<string, { title: string; text: string; url?: string }>();
  for (const l of gunzipSync(raw).toString('utf8').split('\n')) if (l.includes('"wikinews:')) { const d = JSON.parse(l) as { id: string; title: string; text: string; url?: string }; byId.set(d.id, d); }
  for (const r of records) {
    for (const k of ['id', 'slug', 'title', 'url', 'attribution', 'text'] as const) assert.equal(typeof r[k], 'string', `${r.id}: ${k}`);
    assert.equal(r.licence, 'CC BY 2.5');
    assert.equal(r.split, 'ner-fresh27');
    assert.match(r.half, /^[AB]$/);
    assert.match(r.id, /^wikinews:/);
    assert.match(r.slug, /^f27-[a-z0-9-]+$/);
    assert.equal(r.source.sha256, sha256, `${r.id}: the unlabelled file is the one the set was drawn from`);
    const src = byId.get(r.id);
    assert.ok(src, `${r.id} is in the unlabelled file`);
    assert.equal(r.title, src.title);
    assert.equal(r.text, src.text.split('\n').map((p) => p.trim()).filter(Boolean).join('\n\n'), `${r.id}: text as the file gives it`);
  }
  for (const k of ['id', 'url', 'title', 'slug'] as const) assert.equal(new Set(records.map((r) => r[k])).size, records.length, `one document per ${k}`);
});

test('ner-fresh27: the selection reproduces — the first 16 of the salted SHA-1 walk less mechanical skips, halves alternating', async (t) => {
  const sel = await load<Selector>(dir + 'tools/select.mjs');
  const rule = sel.RULE;
  if (!hasCommit(rule.base)) { t.skip(`the selection reads the repository at ${rule.base.slice(0, 7)}, absent from this clone`); return; }
  const { walked, taken } = sel.walk();
  assert.equal(rule.salt, 'ner-fresh27:');
  assert.equal(rule.take, 16);
  assert.equal(taken.length, 16);
  assert.deepEqual(walked.map((r) => r.hash), [...walked.map((r) => r.hash)].sort(), 'walked in the order of the salted hash');
  assert.ok(walked[walked.length - 1].half, 'the walk ends on a taken article');
  assert.deepEqual(records.map((r) => r.id), taken.map((a) => a.id));
  const ids = taken.map((a) => a.id);
  assert.deepEqual(records.map((r) => r.half), records.map((_, i) => (i % 2 === 0 ? 'A' : 'B')));
  for (const r of records) assert.equal(sel.halfOf(ids, r.id), r.half);
  for (const r of walked.filter((x) => x.skip)) assert.match(r.skip!, /^(held|quoted|gum|copy|form|length|few): /, r.id);
  for (const r of walked.filter((x) => x.half)) {
    assert.ok(r.chars >= rule.minChars && r.chars <= rule.maxChars, r.id);
    assert.ok(r.caps >= rule.minCapitals, r.id);
  }
  // the held check can fail: held8's articles (drawn from the same file) that the walk met were skipped as held
  const held8 = new Set(readFileSync('eval/data/quotes/docs.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; split: string }).filter((d) => d.split === 'held8').map((d) => d.id));
  const met = walked.filter((r) => held8.has(r.id));
  assert.ok(met.length >= 1, 'the walk meets held8 articles');
  for (const r of met) assert.match(r.skip ?? '', /^held: eval\/data\/quotes/, r.id);
  assert.ok(walked.some((r) => r.skip?.startsWith('held: eval/data/events')) && walked.some((r) => r.skip?.startsWith('length: ')), 'other sets and the length filter skip too');
});

test('ner-fresh27: the capital count skips sentence and paragraph openers and "I"', async () => {
  const sel = await load<Selector>(dir + 'tools/select.mjs');
  // "Smith", "Paris" and "Acme" count; "The", "He" (sentence openers), "I" and "I'm" do not: 3 in 50 characters
  const text = 'The man met Smith in Paris. He said: I work\nI\'m at "Acme" now.';
  assert.equal(sel.capitalsPer1000(text), (1000 * 3) / text.length);
  assert.equal(sel.capitalsPer1000('no names here at all, none'), 0);
});

/** The files of eval/data that hold one of `recs` — its Wikinews page, its title or 10 running words of a paragraph —
 *  less the sets in `skipSets` (the name-precision sample holds judged snippets, not articles: held8's rule). */
function holders(recs: readonly { id: string; url: string; title: string; text: string }[], skipSets: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (d: string) => { for (const e of readdirSync(d, { withFileTypes: true })) { const p = `${d}/${e.name}`; if (e.isDirectory()) walk(p); else files.push(p); } };
  for (const e of readdirSync('eval/data', { withFileTypes: true })) if (e.isDirectory() && !skipSets.includes(e.name)) walk(`eval/data/${e.name}`);
  const page = (u: string) => { const p = u.replace(/^.*\/wiki\//, '').replace(/^wikinews:/, ''); try { return decodeURIComponent(p).replace(/[_\s]+/g, ' ').toLowerCase(); } catch { return p.toLowerCase(); } };
  const windows = new Set<string>();
  for (const r of recs) for (const para of r.text.split(/\n+/)) { const w = words(para); for (let i = 0; i + 10 <= w.length; i++) windows.add(w.slice(i, i + 10).join(' ')); }
  const keys = new Set(recs.flatMap((r) => [page(r.id), page(r.url)]));
  const out: string[] = [];
  for (const f of files.filter((p) => /\.(jsonl|json|txt|tsv|ann|md|mjs)$/.test(p))) {
    const text = readFileSync(f, 'utf8');
    const lower = text.toLowerCase();
    const w = words(text);
    const held = [...text.matchAll(/(?:wikinews\.org\/wiki\/|wikinews:)([^\s"'<>|)\]}]+)/g)].some((m) => keys.has(page(m[1])))
      || recs.some((r) => lower.includes(r.title.toLowerCase()))
      || w.some((_, i) => i + 10 <= w.length && windows.has(w.slice(i, i + 10).join(' ')));
    if (held) out.push(f);
  }
  return out;
}

test('ner-fresh27: no other set holds a document — pages, titles, 10 running words — and GUM holds none', async () => {
  assert.deepEqual(holders(records, ['ner-fresh27', 'ner-precision-sample']), []);
  // the check can fail: a held8 article is found in the quote set
  const held8 = readFileSync('eval/data/quotes/docs.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; split: string; url: string; title: string; text: string }).filter((d) => d.split === 'held8');
  assert.ok(holders(held8.slice(0, 1), ['ner-fresh27', 'ner-precision-sample']).includes('eval/data/quotes/docs.jsonl'));
  const gum = (await load<Gum>('eval/data/quotes/tools/held8.mjs')).gumCheck();
  for (const r of records) assert.equal(gum(r), undefined, `${r.id} is a GUM document`);
});

test('ner-fresh27: gold spans are anchored, do not overlap, carry no determiner, and gold.jsonl is the compiled annotation', async () => {
  const c = await load<Compiler>(dir + 'tools/compile.mjs');
  const compiled = c.compileAll();
  const stored = readFileSync(dir + 'gold.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown);
  assert.deepEqual(stored, JSON.parse(JSON.stringify(compiled)));
  for (const r of records) assert.ok(existsSync(`${dir}ann/${r.slug}.ann`), `${r.id} has its annotation file`);
  const set = readNewsSet(NER_FRESH27_DIR);
  assert.equal(set.length, 16);
  const scored: Record<string, number> = { A: 0, B: 0 };
  for (const d of set) {
    const spans = [...d.gold].sort((a, b) => a.start - b.start);
    assert.ok(spans.length > 0, `${d.id} has names`);
    for (const [k, s] of spans.entries()) {
      assert.equal(d.text.slice(s.start, s.end), s.text);
      assert.ok(c.TYPES.includes(s.type) && s.type !== 'O', `${d.id}: type ${s.type}`);
      assert.doesNotMatch(s.text, /^(the|The)\s/, `${d.id}: a span starts with a determiner`);
      if (k > 0) assert.ok(spans[k - 1].end <= s.start, `${d.id}: spans overlap`);
      if (coarseType(s.type)) scored[d.half]++;
    }
  }
  assert.ok(scored.A >= 150 && scored.B >= 150, `PER/ORG/place names: A ${scored.A}, B ${scored.B}`);
});

test('ner-fresh27 is read in halves: 8 + 8, half B refused by the error listing and by the eval flags', () => {
  const set = readNewsSet(NER_FRESH27_DIR);
  assert.equal(set.filter((d) => d.half === 'A').length, 8);
  assert.equal(set.filter((d) => d.half === 'B').length, 8);
  assert.throws(() => formatErrors(set.filter((d) => d.half === 'B').slice(0, 1), [[]]), /half A only/);
  assert.throws(() => readNewsSet(NER_FRESH27_DIR, true), /no halves/);
  // the eval refuses a B error listing or ablation before it reads a document
  for (const flags of [['--half', 'B', '--errors'], ['--half', 'all', '--ablate']]) {
    assert.throws(() => execFileSync(process.execPath, ['dist/eval/ner-news.js', '--set', 'fresh27', ...flags], { stdio: 'pipe' }), /half A only/);
  }
});
