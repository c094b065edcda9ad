// Writes hand judgments into a drawn sample: node judge.mjs SAMPLE.jsonl JUDGMENTS.txt
// JUDGMENTS.txt: one line per WRONG prediction, "k error-class [note…]"; every other row of the sample is judged right.
import { readFileSync, writeFileSync } from 'node:fs';

const [sampleFile, judgmentsFile] = process.argv.slice(2);
if (!sampleFile || !judgmentsFile) throw new Error('usage: node judge.mjs SAMPLE.jsonl JUDGMENTS.txt');
const wrong = new Map();
for (const [i, line] of readFileSync(judgmentsFile, 'utf8').split('\n').entries()) {
  if (!line.trim() || line.startsWith('#')) continue;
  const m = /^(\d+)\s+(\S+)(?:\s+(.*))?$/.exec(line.trim());
  if (!m) throw new Error(`${judgmentsFile} line ${i + 1}: "k error-class [note]"`);
  wrong.set(Number(m[1]), { error: m[2], note: m[3] });
}
const rows = readFileSync(sampleFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
for (const k of wrong.keys()) if (!rows.some((r) => r.k === k)) throw new Error(`${judgmentsFile}: no row ${k} in ${sampleFile}`);
const out = rows.map((r) => {
  const w = wrong.get(r.k);
  const { judgment, error, note, ...rest } = r;
  return w ? { ...rest, judgment: 'wrong', error: w.error, ...(w.note ? { note: w.note } : {}) } : { ...rest, judgment: 'right' };
});
writeFileSync(sampleFile, out.map((r) => JSON.stringify(r)).join('\n') + '\n');
process.stdout.write(`${sampleFile}: ${out.length} rows, ${wrong.size} judged wrong\n`);
