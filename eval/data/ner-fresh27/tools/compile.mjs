// ner-fresh27: compiles the hand annotation (ann/<slug>.ann, anchored by text) into gold.jsonl ({id, half, spans}), with
// the format and rules of ner-news (eval/data/ner-news/tools/compile.mjs: `TYPE<TAB>surface[<TAB>#k,…]`, every occurrence
// at word boundaries, longest first, type O blocks).
//   node eval/data/ner-fresh27/tools/compile.mjs [--check]     writes gold.jsonl (--check: only verifies it is current)
// Prints counts by type per half only (no names): half B is unseen, lead-only.
import { readFileSync, existsSync } from 'node:fs';
import { compileDoc, writeGold } from '../../ner-news/tools/compile.mjs';

export const DIR = 'eval/data/ner-fresh27';
export const readDocs = () => readFileSync(`${DIR}/docs.jsonl`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
export { TYPES } from '../../ner-news/tools/compile.mjs';

/** Every document's gold spans, in docs.jsonl order: [{id, half, spans}]. */
export function compileAll() {
  return readDocs().map((d) => {
    const file = `${DIR}/ann/${d.slug}.ann`;
    if (!existsSync(file)) throw new Error(`${d.id}: no annotation file ${file}`);
    return { id: d.id, half: d.half, spans: compileDoc(d.text, readFileSync(file, 'utf8'), file) };
  });
}

/** Counts by type per half: {A: {PERSON: n, …}, B: {…}}. */
export function countsByHalf(gold) {
  const out = {};
  for (const g of gold) for (const s of g.spans) { const h = (out[g.half] ??= {}); h[s.type] = (h[s.type] ?? 0) + 1; }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const gold = compileAll();
  writeGold(DIR, gold, process.argv.includes('--check'));
  for (const [half, by] of Object.entries(countsByHalf(gold)).sort()) {
    console.log(`half ${half}: ${gold.filter((g) => g.half === half).length} documents, ${Object.values(by).reduce((a, b) => a + b, 0)} names: ${Object.entries(by).map(([t, n]) => `${t} ${n}`).join(', ')}`);
  }
}
