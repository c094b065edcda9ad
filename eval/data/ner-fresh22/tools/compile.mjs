// ner-fresh22: compiles the hand annotation (ann/<name>.ann, anchored by text) into gold.jsonl (character offsets), with
// the same format and rules as ner-news (eval/data/ner-news/tools/compile.mjs, whose compileDoc this reuses).
//   node eval/data/ner-fresh22/tools/compile.mjs [--check]     writes gold.jsonl (--check: only verifies it is current)
// Prints per document only the number of names (no names): the set is unseen, lead-only.
import { readFileSync, existsSync } from 'node:fs';
import { compileDoc, nameOfId, writeGold } from '../../ner-news/tools/compile.mjs';

const DIR = 'eval/data/ner-fresh22';

export function readDocs() {
  return readFileSync(`${DIR}/docs.jsonl`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

export function compileAll() {
  return readDocs().map((d) => {
    const file = `${DIR}/ann/${nameOfId(d.id)}.ann`;
    if (!existsSync(file)) throw new Error(`${d.id}: no annotation file ${file}`);
    return { id: d.id, spans: compileDoc(d.text, readFileSync(file, 'utf8'), file) };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const gold = compileAll();
  writeGold(DIR, gold, process.argv.includes('--check'));
  const total = {};
  for (const g of gold) for (const s of g.spans) total[s.type] = (total[s.type] ?? 0) + 1;
  console.log(`${gold.length} documents, ${gold.reduce((n, g) => n + g.spans.length, 0)} names: ${Object.entries(total).map(([t, n]) => `${t} ${n}`).join(', ')}`);
}
