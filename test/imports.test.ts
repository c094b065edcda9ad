/**
 * The import graph: no cycles between modules, and no import from a lower layer to a higher
 * one. Layers follow the data (docs/rules.md): the lexicon and rule registry under everything,
 * then readers (ingest) → nlp → extract → output → store → the batch runner and exports → server → cli;
 * train/ may use src/ but not eval/; src/ uses neither.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = normalize(join(dirname(fileURLToPath(import.meta.url)), '../..'));

/**
 * The batch runner reads inputs, runs the pipeline and stores results, so it sits above the store;
 * it still lives in src/ingest/ beside the readers (issue 18: move it to its own folder once the
 * ingest work in flight has landed).
 */
const RUNNER = new Set(['batch', 'queue', 'pool', 'extract-worker', 'journal', 'progress'].map((f) => `src/ingest/${f}.ts`));

/** Layer of a file, lowest first; files of one layer may import each other. */
function layerOf(file: string): number {
  if (RUNNER.has(file)) return 7;
  const order: [RegExp, number][] = [
    [/^src\/(lexicon|rules)\//, 0],
    // small helpers over sorted data, for every stage
    [/^src\/sorted\.ts$/, 0],
    // packed arrays for the lists every stage reads (nlp and extract)
    [/^src\/packed\.ts$/, 0],
    [/^src\/(doc|pipeline)\.ts$/, 1],
    [/^src\/match\//, 1],
    [/^src\/ingest\//, 2],
    [/^src\/nlp\//, 3],
    [/^src\/extract\//, 4],
    // the default pipeline and its versioned result (src/extract.ts) sit beside output
    [/^src\/(output\/|extract\.ts$)/, 5],
    [/^src\/store\//, 6],
    // exports read the store and write files for other tools, as the batch runner writes to it
    [/^src\/export\//, 7],
    [/^src\/server\//, 8],
    [/^src\/(cli\/|index\.ts$)/, 9],
    [/^train\//, 10],
    [/^(eval|bench)\//, 11],
  ];
  for (const [re, l] of order) if (re.test(file)) return l;
  throw new Error(`no layer for ${file}: add it to test/imports.test.ts`);
}
const LAYER_NAMES = ['lexicon/rules', 'doc/pipeline/match', 'ingest (readers)', 'nlp', 'extract', 'output/extract.ts', 'store', 'batch runner/export', 'server', 'cli', 'train', 'eval/bench'];

interface Edge { from: string; to: string; typeOnly: boolean }

function sources(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(join(ROOT, d))) {
      const p = `${d}/${f}`;
      if (statSync(join(ROOT, p)).isDirectory()) walk(p);
      else if (f.endsWith('.ts') && !f.endsWith('.d.ts')) out.push(p);
    }
  };
  for (const d of ['src', 'train', 'eval', 'bench']) walk(d);
  return out;
}

function edges(files: string[]): Edge[] {
  const known = new Set(files);
  const out: Edge[] = [];
  for (const from of files) {
    const code = readFileSync(join(ROOT, from), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    for (const m of code.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.[^'"]+)['"]/gm)) {
      const to = relative(ROOT, join(ROOT, dirname(from), m[3])).replace(/\.js$/, '.ts');
      if (!known.has(to)) continue;
      out.push({ from, to, typeOnly: Boolean(m[2]) });
    }
  }
  return out;
}

test('no module imports from a higher layer', () => {
  const files = sources();
  const problems = edges(files)
    .filter((e) => layerOf(e.to) > layerOf(e.from))
    .map((e) => `${e.from} (${LAYER_NAMES[layerOf(e.from)]}) imports ${e.to} (${LAYER_NAMES[layerOf(e.to)]})`);
  assert.deepEqual(problems, []);
});

/** Cycles known and owned, each to be removed by its owner (the test fails when one is gone, so the list only shrinks). */
const KNOWN_CYCLES: string[][] = [];

test('no import cycles (type-only imports aside)', () => {
  const files = sources();
  const next = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const e of edges(files)) if (!e.typeOnly) next.get(e.from)!.push(e.to);
  // Tarjan's strongly connected components: any component of more than one file is a cycle
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v)!) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1) cycles.push(comp.sort());
    }
  };
  for (const f of files) if (!idx.has(f)) visit(f);
  const known = (c: string[]) => KNOWN_CYCLES.some((k) => k.join() === c.join());
  assert.deepEqual(cycles.filter((c) => !known(c)), []);
  for (const k of KNOWN_CYCLES) assert.ok(cycles.some((c) => c.join() === k.join()), `the cycle ${k.join(' ↔ ')} is gone: remove it from KNOWN_CYCLES`);
});

test('the import scanner sees imports, re-exports and type-only imports', () => {
  const files = sources();
  const all = edges(files);
  assert.ok(all.some((e) => e.from === 'src/extract.ts' && e.to === 'src/pipeline.ts' && !e.typeOnly));
  assert.ok(all.some((e) => e.from === 'src/index.ts' && e.to === 'src/pipeline.ts'), 'export … from');
  assert.ok(all.some((e) => e.typeOnly));
  assert.equal(layerOf('src/ingest/batch.ts') > layerOf('src/store/store.ts'), true);
});
