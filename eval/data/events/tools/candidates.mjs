// Writes an annotation template (ann/<id>.ann) for each document in docs.jsonl that has none yet
// (run from the repository root):  node eval/data/events/tools/candidates.mjs
// The candidates are every VERB the pipeline tags (`chronicle extract --tokens`) and every noun whose
// lemma is in tools/event-nouns.txt. Each line: trigger[@n] TAB lemma TAB V|N TAB label ("?" to fill).
import { readFileSync, writeFileSync, existsSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const here = 'eval/data/events';
const nouns = new Set(readFileSync(join(here, 'tools/event-nouns.txt'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));
const annName = (id) => id.replace(/[^A-Za-z0-9_.-]+/g, '_') + '.ann';
const docs = readFileSync(join(here, 'docs.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const todo = docs.filter((d) => !existsSync(join(here, 'ann', annName(d.id))));
if (!todo.length) { console.error('nothing to do'); process.exit(0); }
const dir = mkdtempSync(join(tmpdir(), 'events-data-'));
const input = join(dir, 'in.jsonl');
writeFileSync(input, todo.map((d) => JSON.stringify({ id: d.id, text: d.text, published: d.published ?? undefined })).join('\n') + '\n');
const out = execFileSync('./bin/chronicle', ['extract', '--tokens', input], { maxBuffer: 1 << 28 }).toString('utf8');
for (const line of out.trim().split('\n')) {
  const r = JSON.parse(line);
  const doc = todo.find((d) => d.id === r.id);
  if (r.text !== doc.text) throw new Error(`${doc.id}: the pipeline changed the text`);
  const lines = [`# doc ${doc.id}`, `# ${doc.title}`,
    '# label: "- reason [# note]" or "TYPE[.mode] [cameo] | a=actor | r=recipient | loc=place | f=factuality [# note]"'];
  for (const [si, s] of r.sentences.entries()) {
    const stext = doc.text.slice(s.start, s.end);
    lines.push(`## s${si} ${s.start}-${s.end} ${stext.replace(/\n/g, ' ')}`);
    const toks = r.tokens.filter((t) => t.start >= s.start && t.end <= s.end);
    const seen = new Map();
    for (const t of toks) {
      const n = (seen.get(t.text) ?? 0) + 1;
      seen.set(t.text, n);
      const isVerb = t.upos === 'VERB';
      const isNoun = (t.upos === 'NOUN' || t.upos === 'PROPN') && (nouns.has(t.lemma.toLowerCase()) || nouns.has(t.text.toLowerCase()));
      if (!isVerb && !isNoun) continue;
      const total = toks.filter((u) => u.text === t.text).length;
      lines.push(`${t.text}${total > 1 ? '@' + n : ''}\t${t.lemma.toLowerCase()}\t${isVerb ? 'V' : 'N'}\t?`);
    }
  }
  writeFileSync(join(here, 'ann', annName(doc.id)), lines.join('\n') + '\n');
  console.error(`${doc.id}: ${lines.filter((l) => l.endsWith('\t?')).length} candidates`);
}
