// ner-news: compiles the hand annotation (ann/<name>.ann, anchored by text) into gold.jsonl (character offsets).
// An .ann file has one line per name: `TYPE<TAB>surface` marks every occurrence of the surface in the document at word
// boundaries; `TYPE<TAB>surface<TAB>#2,#5` only those occurrences (counted over every occurrence of the surface in the
// text, left to right); TYPE `O` marks occurrences that are no name (they block the shorter surfaces inside them).
// Longer surfaces are placed first; a shorter one never lands inside or across a placed span. Every line must match.
//   node eval/data/ner-news/tools/compile.mjs [--check]     writes gold.jsonl (--check: only verifies it is current)
import { readFileSync, writeFileSync, existsSync } from 'node:fs';

export const TYPES = ['PERSON', 'ORG', 'GPE', 'LOC', 'FAC', 'NORP', 'EVENT', 'PRODUCT', 'WORK_OF_ART', 'LAW', 'LANGUAGE', 'O'];
const DIR = 'eval/data/ner-news';
const isWord = (c) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Every occurrence of `s` in `text` that starts and ends at a word boundary. */
export function occurrences(text, s) {
  const out = [];
  for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) {
    const a = i, b = i + s.length;
    if (isWord(s[0]) && isWord(text[a - 1])) continue;
    if (isWord(s[s.length - 1]) && isWord(text[b])) continue;
    out.push([a, b]);
  }
  return out;
}

export function compileDoc(text, ann, where = 'ann') {
  const lines = ann.split('\n').map((l, k) => [l, k + 1]).filter(([l]) => l.trim() && !l.startsWith('//'));
  const entries = lines.map(([l, n]) => {
    const [type, surface, which] = l.split('\t');
    if (!TYPES.includes(type) || !surface) throw new Error(`${where}:${n}: expected TYPE<TAB>surface[<TAB>#k,…], got ${JSON.stringify(l)}`);
    const picks = which ? which.split(',').map((x) => Number(x.replace('#', ''))) : null;
    if (picks && picks.some((x) => !Number.isInteger(x) || x < 1)) throw new Error(`${where}:${n}: bad occurrence list ${which}`);
    return { type, surface, picks, n };
  });
  // longest first; explicit occurrence picks before blanket lines of the same length
  entries.sort((a, b) => b.surface.length - a.surface.length || (b.picks ? 1 : 0) - (a.picks ? 1 : 0));
  const taken = [];
  const free = (a, b) => taken.every((t) => b <= t.start || a >= t.end);
  for (const e of entries) {
    const occ = occurrences(text, e.surface);
    const chosen = e.picks ? e.picks.map((k) => {
      if (!occ[k - 1]) throw new Error(`${where}:${e.n}: "${e.surface}" has ${occ.length} occurrences, not ${k}`);
      return occ[k - 1];
    }) : occ;
    let placed = 0;
    for (const [a, b] of chosen) if (free(a, b)) { taken.push({ start: a, end: b, text: text.slice(a, b), type: e.type }); placed++; }
    if (!placed) throw new Error(`${where}:${e.n}: "${e.surface}" matches nothing (${occ.length} occurrences, all inside longer spans)`);
  }
  return taken.filter((t) => t.type !== 'O').sort((x, y) => x.start - y.start);
}

export function readDocs() {
  return readFileSync(`${DIR}/docs.jsonl`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}
export const nameOfId = (id) => id.replace(/^.*_/, '');

export function compileAll() {
  return readDocs().filter((d) => existsSync(`${DIR}/ann/${nameOfId(d.id)}.ann`)).map((d) => {
    const file = `${DIR}/ann/${nameOfId(d.id)}.ann`;
    return { id: d.id, half: d.half, spans: compileDoc(d.text, readFileSync(file, 'utf8'), file) };
  });
}

/** Writes `dir`/gold.jsonl from the compiled gold, or with `check` only verifies that it is current (exit 1 if not). */
export function writeGold(dir, gold, check) {
  const out = gold.map((g) => JSON.stringify(g)).join('\n') + '\n';
  if (check) {
    if (readFileSync(`${dir}/gold.jsonl`, 'utf8') !== out) { console.error('gold.jsonl is not the compiled annotation: run compile.mjs'); process.exit(1); }
  } else writeFileSync(`${dir}/gold.jsonl`, out);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const gold = compileAll();
  writeGold(DIR, gold, process.argv.includes('--check'));
  for (const g of gold) {
    const by = {};
    for (const s of g.spans) by[s.type] = (by[s.type] ?? 0) + 1;
    console.log(`${g.id}\t${g.half}\t${g.spans.length} names\t${Object.entries(by).map(([t, n]) => `${t} ${n}`).join(', ')}`);
  }
}
