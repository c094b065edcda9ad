// Checks that every labelled trigger (not added by hand) starts a token the pipeline makes, and that
// every pipeline candidate of a labelled sentence is labelled (run from the repository root):
//   node eval/data/events/tools/check-tokens.mjs [--topup]
// --topup adds each unlabelled candidate to its ann/ file as a "?" line, to be labelled.
// Needs ./bin/chronicle (the built pipeline); not part of npm test because it runs the parser.
import { readFileSync, writeFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const here = 'eval/data/events';
const nouns = new Set(readFileSync(join(here, 'tools/event-nouns.txt'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));
const docs = readFileSync(join(here, 'docs.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const preds = readFileSync(join(here, 'predicates.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const labelled = new Set(docs.map((d) => d.id).filter((id) => preds.some((p) => p.doc === id)));
const dir = mkdtempSync(join(tmpdir(), 'events-data-'));
writeFileSync(join(dir, 'in.jsonl'), docs.filter((d) => labelled.has(d.id)).map((d) => JSON.stringify({ id: d.id, text: d.text })).join('\n') + '\n');
const out = execFileSync('./bin/chronicle', ['extract', '--tokens', join(dir, 'in.jsonl')], { maxBuffer: 1 << 28 }).toString('utf8');
let bad = 0;
let missing = 0;
const topup = process.argv.includes('--topup');
const adds = [];
for (const line of out.trim().split('\n')) {
  const r = JSON.parse(line);
  const starts = new Map(r.tokens.map((t) => [t.start, t]));
  const mine = preds.filter((p) => p.doc === r.id);
  const byStart = new Set(mine.map((p) => p.trigger.start));
  for (const p of mine) {
    const t = starts.get(p.trigger.start);
    if (!p.trigger.added && (!t || t.text !== p.trigger.text)) { bad++; console.log(`${p.id}: "${p.trigger.text}" is not a pipeline token here`); }
  }
  const sentences = new Set(mine.map((p) => p.sentence.start));
  for (const s of r.sentences) {
    if (!sentences.has(s.start) && !mine.some((p) => p.trigger.start >= s.start && p.trigger.end <= s.end)) continue;
    for (const t of r.tokens.filter((u) => u.start >= s.start && u.end <= s.end)) {
      const cand = t.upos === 'VERB' || ((t.upos === 'NOUN' || t.upos === 'PROPN') && (nouns.has(t.lemma.toLowerCase()) || nouns.has(t.text.toLowerCase())));
      if (cand && !byStart.has(t.start)) {
        missing++;
        console.log(`${r.id}@${t.start}: candidate "${t.text}" (${t.upos}) unlabelled`);
        if (topup) {
          const same = r.tokens.filter((u) => u.start >= s.start && u.end <= s.end && u.text === t.text);
          const n = same.findIndex((u) => u.start === t.start) + 1;
          adds.push({ doc: r.id, sentenceStart: s.start, line: `${t.text}${same.length > 1 ? '@' + n : ''}\t${t.lemma.toLowerCase()}\t${t.upos === 'VERB' ? 'V' : 'N'}\t?` });
        }
      }
    }
  }
}
if (topup) {
  for (const f of readdirSync(join(here, 'ann')).filter((f) => f.endsWith('.ann'))) {
    const lines = readFileSync(join(here, 'ann', f), 'utf8').split('\n');
    const doc = /^# doc (.+)$/.exec(lines[0])?.[1];
    const mine = adds.filter((a) => a.doc === doc);
    if (!mine.length) continue;
    for (const a of mine) {
      const h = lines.findIndex((l) => new RegExp(`^## s\\d+ ${a.sentenceStart}-`).test(l));
      if (h < 0) { console.error(`${f}: no sentence at ${a.sentenceStart}`); continue; }
      let at = h + 1;
      while (at < lines.length && lines[at] && !lines[at].startsWith('## ')) at++;
      lines.splice(at, 0, a.line);
    }
    writeFileSync(join(here, 'ann', f), lines.join('\n'));
  }
}
console.error(`${bad} triggers off the pipeline's tokens, ${missing} pipeline candidates unlabelled`);
process.exit(bad ? 1 : 0);
