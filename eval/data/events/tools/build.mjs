// Builds predicates.jsonl from the annotation files ann/*.ann and docs.jsonl (run from the
// repository root):  node eval/data/events/tools/build.mjs [--partial]
// Annotation lines (see docs/events-annotation.md and the README here):
//   ## s<i> <start>-<end> <sentence text>                      a sentence (character span in the doc text)
//   <trigger>[@n] TAB <lemma> TAB V|N|V+|N+ TAB <label>            a candidate: the n-th occurrence of the word in the sentence
//   label: "- <reason> [# note]"  or  "TYPE[.mode] [cameo] [| a=…] [| r=…] [| loc=…] [| f=…] [| a_ref=…] [| r_ref=…] [# note]"
// Participant texts are found in the sentence (the n-th occurrence with "text@n"); *_ref texts in the
// whole document. With --partial, candidates still labelled "?" are skipped instead of failing.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const here = 'eval/data/events';
const partial = process.argv.includes('--partial');
const docs = new Map(readFileSync(join(here, 'docs.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).map((d) => [d.id, d]));
const TYPES = new Set(['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT']);
const REASONS = new Set(['ordinary', 'statement', 'accident', 'outcome', 'figurative', 'modifier', 'name', 'boilerplate', 'light', 'same-event', 'background', 'generic', 'crime', 'not-predicate']);
const FACT = new Set(['asserted', 'negated', 'future', 'hypothetical', 'threatened', 'alleged', 'attempted', 'denied']);

/** The category a PLOVER coder outputs for the label (manual: future cooperation is AGREE, an
 *  announced retreat is CONCEDE, an act threatened is THREATEN); null for non-events. */
const ploverType = (r) => {
  if (!r.event) return null;
  if (r.factuality === 'threatened') return 'THREATEN';
  if (r.factuality === 'future' && ['CONSULT', 'SUPPORT', 'COOPERATE', 'AID'].includes(r.type)) return 'AGREE';
  if (r.factuality === 'future' && r.type === 'RETREAT') return 'CONCEDE';
  return r.type;
};
const isWord = (c) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
/** n-th occurrence of `needle` in text[from, to) that does not start or end inside a word. */
function find(text, needle, n, from, to) {
  let at = from;
  let seen = 0;
  for (;;) {
    const i = text.indexOf(needle, at);
    if (i < 0 || i + needle.length > to) return -1;
    const okStart = !isWord(needle[0]) || !isWord(text[i - 1]);
    const okEnd = !isWord(needle[needle.length - 1]) || !isWord(text[i + needle.length]) || /^n['’]t\b/.test(text.slice(i + needle.length)); // have|n't
    if (okStart && okEnd && ++seen === n) return i;
    at = i + 1;
  }
}
const splitAt = (s) => { const m = /^(.*?)@(\d+)$/.exec(s); return m ? [m[1], Number(m[2])] : [s, 1]; };

const out = [];
const errors = [];
let pending = 0;
for (const file of readdirSync(join(here, 'ann')).filter((f) => f.endsWith('.ann')).sort()) {
  const lines = readFileSync(join(here, 'ann', file), 'utf8').split('\n');
  const docId = /^# doc (.+)$/.exec(lines[0])?.[1];
  const doc = docs.get(docId);
  if (!doc) { errors.push(`${file}: unknown document ${docId}`); continue; }
  const text = doc.text;
  let sent = null;
  const span = (value, from, to, where) => {
    const [needle, n] = splitAt(value.trim());
    const i = find(text, needle, n, from, to);
    if (i < 0) throw new Error(`${where}: "${value}" not found`);
    return { start: i, end: i + needle.length, text: needle };
  };
  for (const [ln, line] of lines.entries()) {
    const where = `${file}:${ln + 1}`;
    if (!line.trim() || (line.startsWith('#') && !line.startsWith('## '))) continue;
    try {
      if (line.startsWith('## ')) {
        const m = /^## s(\d+) (\d+)-(\d+)/.exec(line);
        if (!m) throw new Error('bad sentence line');
        sent = { index: Number(m[1]), start: Number(m[2]), end: Number(m[3]) };
        continue;
      }
      const [trig, lemma, pos, labelRaw = ''] = line.split('\t');
      if (!sent || pos === undefined) throw new Error('candidate line outside a sentence or without columns');
      let label = labelRaw.trim();
      if (label === '?' || label === '') { pending++; if (partial) continue; throw new Error('unlabelled'); }
      let note = null;
      const hash = label.indexOf('#');
      if (hash >= 0) { note = label.slice(hash + 1).trim() || null; label = label.slice(0, hash).trim(); }
      const t = span(trig, sent.start, sent.end, where);
      const rec = {
        doc: docId, sentence: sent, trigger: { ...t, lemma, pos: pos.startsWith('V') ? 'VERB' : 'NOUN', ...(pos.endsWith('+') ? { added: true } : {}) },
        event: false, reason: null, type: null, mode: null, cameo: null, actor: null, recipient: null, location: null, factuality: null,
      };
      if (label.startsWith('-')) {
        const reason = label.slice(1).trim();
        if (!REASONS.has(reason)) throw new Error(`unknown reason "${reason}"`);
        rec.reason = reason;
      } else {
        const [head, ...fields] = label.split('|').map((x) => x.trim());
        const [tm, cameo] = head.split(/\s+/);
        const [type, mode] = tm.split('.');
        if (!TYPES.has(type)) throw new Error(`unknown type "${type}"`);
        rec.event = true; rec.type = type; rec.mode = mode ?? null; rec.factuality = 'asserted';
        if (cameo) { if (!/^\d{2,4}$/.test(cameo)) throw new Error(`bad cameo ${cameo}`); rec.cameo = cameo; }
        for (const f of fields) {
          const eq = f.indexOf('=');
          const key = f.slice(0, eq).trim();
          const val = f.slice(eq + 1).trim();
          if (key === 'a') rec.actor = span(val, sent.start, sent.end, where);
          else if (key === 'r') rec.recipient = span(val, sent.start, sent.end, where);
          else if (key === 'loc') rec.location = span(val, sent.start, sent.end, where);
          else if (key === 'a_ref') rec.actor_ref = span(val, 0, text.length, where);
          else if (key === 'r_ref') rec.recipient_ref = span(val, 0, text.length, where);
          else if (key === 'f') { if (!FACT.has(val)) throw new Error(`unknown factuality "${val}"`); rec.factuality = val; }
          else throw new Error(`unknown field "${key}"`);
        }
      }
      rec.plover_type = ploverType(rec);
      if (note) rec.note = note;
      out.push(rec);
    } catch (e) {
      errors.push(`${where}: ${e.message}`);
    }
  }
}
if (errors.length) { console.error(errors.slice(0, 50).join('\n')); console.error(`${errors.length} errors`); process.exit(1); }
out.forEach((r) => { r.id = `${r.doc}@${r.trigger.start}`; });
writeFileSync(join(here, 'predicates.jsonl'), out.map(({ id, ...r }) => JSON.stringify({ id, ...r })).join('\n') + '\n');
const events = out.filter((r) => r.event).length;
console.error(`${out.length} predicates (${events} events, ${out.length - events} non-events)${pending ? `, ${pending} unlabelled` : ''}`);
