// Fills the label column of an annotation file from a list of labels written in reading order
// (run from the repository root):  node eval/data/events/tools/fill.mjs ann/FILE.ann LABELS.txt
// LABELS.txt: one line per candidate, "<trigger>[@n] <label>", in the order of the candidates;
// "<trigger>{lemma}" corrects the lemma; "s<i>" lines mark sentence starts (checked); "+<trigger>[@n]/<lemma>[/V] <label>" adds a noun (or verb) candidate
// the list missed at that point. Blank lines and "//" comments are skipped.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [annArg, labelsPath] = process.argv.slice(2);
const annPath = annArg.includes('/') ? annArg : join('eval/data/events/ann', annArg);
const ann = readFileSync(annPath, 'utf8').split('\n');
const labels = readFileSync(labelsPath, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('//'));
const out = [];
let li = 0;
const fail = (msg) => { console.error(`${annPath}: ${msg}`); process.exit(1); };
const takeAdds = () => {
  while (li < labels.length && labels[li].startsWith('+')) {
    const m = /^\+(\S+?)\/([^\s/]+)(\/V)?\s+(.+)$/.exec(labels[li]);
    if (!m) fail(`bad added line: ${labels[li]}`);
    out.push(`${m[1]}\t${m[2]}\t${m[3] ? 'V+' : 'N+'}\t${m[4]}`);
    li++;
  }
};
for (const line of ann) {
  if (line.startsWith('## ')) {
    takeAdds();
    const idx = /^## (s\d+)/.exec(line)[1];
    if (labels[li] === idx) li++;
    else if (/^s\d+$/.test(labels[li] ?? '')) fail(`labels say ${labels[li]} where the file has ${idx}`);
    out.push(line);
    continue;
  }
  const cols = line.split('\t');
  if (cols.length < 4) { out.push(line); continue; }
  if (cols[2].endsWith('+')) continue;
  takeAdds();
  const lab = labels[li++];
  if (lab === undefined) fail(`labels ran out at ${cols[0]}`);
  const sp = lab.indexOf(' ');
  let trig = sp < 0 ? lab : lab.slice(0, sp);
  const lm = /^(.+)\{(.+)\}$/.exec(trig);
  if (lm) { trig = lm[1]; cols[1] = lm[2]; }
  if (trig !== cols[0]) fail(`label for "${trig}" where the file has "${cols[0]}" (label line ${li})`);
  out.push([cols[0], cols[1], cols[2], sp < 0 ? '?' : lab.slice(sp + 1).trim()].join('\t'));
}
takeAdds();
if (li < labels.length) fail(`${labels.length - li} labels left over, first: ${labels[li]}`);
writeFileSync(annPath, out.join('\n'));
console.error(`${annPath}: filled`);
