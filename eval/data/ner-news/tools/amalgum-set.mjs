// Shared by the unseen AMALGUM news NER sets (ner-fresh22, ner-fresh23; README in each): appending rebuilt texts to a
// set's docs.jsonl, the duplicate check against every other text we hold, and compiling ann/ into gold.jsonl with
// ner-news's compiler. Each set's own tools/select.mjs and tools/compile.mjs call these with its directory.
import { readFileSync, appendFileSync, existsSync } from 'node:fs';
import { otherSets } from './select.mjs';
import { compileDoc, nameOfId, writeGold } from './compile.mjs';

const slugOf = (prefix, t) => prefix + t.toLowerCase().normalize('NFKD').replace(/[^a-z0-9 ]+/g, ' ').split(/\s+/)
  .filter((w) => w && !/^(a|an|the|of|in|on|to|for|and|at|as|by)$/.test(w)).slice(0, 4).join('-');

/** Appends rebuilt texts (line 1 title, 2 URL, 3 date, 4 AMALGUM file commit, then one paragraph a line) to
 *  `dir`/docs.jsonl; a file must be named after a taken id of the set's rule. */
export function addDocs(dir, files, { taken, split, slugPrefix, pathOf }) {
  for (const f of files) {
    const name = f.replace(/^.*\//, '').replace(/\.txt$/, '');
    const id = taken().find((x) => x.endsWith(`_${name}`));
    if (!id) throw new Error(`${f}: ${name} is not a taken document of the ${split} rule`);
    const genre = id.split('_')[1];
    const [title, url, date, commit, ...rest] = readFileSync(f, 'utf8').split('\n');
    if (!/^[0-9a-f]{40}$/.test(commit)) throw new Error(`${f}: line 4 must be the AMALGUM file's commit`);
    const text = rest.map((p) => p.trim()).filter(Boolean).join('\n\n');
    const rec = { id: `amalgum:${id}`, slug: slugOf(slugPrefix, title), origin: 'wikinews', genre, split, title, date, url,
      licence: 'CC BY 2.5',
      attribution: `Wikinews contributors, English Wikinews (${url}); text from AMALGUM (gucorpling/amalgum @ ${commit}, ${pathOf(genre, name)}), rebuilt by hand from its tokens; paragraphs joined by blank lines`,
      source: { repo: 'gucorpling/amalgum', commit, path: pathOf(genre, name) }, text };
    appendFileSync(`${dir}/docs.jsonl`, JSON.stringify(rec) + '\n');
    console.log(`${rec.slug}\t${text.split(/\s+/).length} words`);
  }
}

/** The duplicate check: `dir`/docs.jsonl, or one [TITLE, URL], against every other text we hold; exit 1 on a hit. */
export function checkDocs(dir, args) {
  const { keys, norm } = otherSets(dir);
  const docs = `${dir}/docs.jsonl`;
  const recs = args.length === 2 ? [{ id: 'candidate', title: args[0], url: args[1] }]
    : existsSync(docs) ? readFileSync(docs, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
  let bad = 0;
  for (const d of recs) {
    const hit = keys.get(norm(d.title)) ?? keys.get(norm(d.url)) ?? keys.get(`gum:${d.id.split('_').pop()}`);
    if (hit) { bad++; console.log(`${d.id}\tDUPLICATE of ${hit}`); } else console.log(`${d.id}\tnew`);
  }
  if (bad) process.exit(1);
}

export const readSetDocs = (dir) => readFileSync(`${dir}/docs.jsonl`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

/** `dir`/ann/<name>.ann compiled against `dir`/docs.jsonl: [{id, spans}]. */
export function compileSet(dir) {
  return readSetDocs(dir).map((d) => {
    const file = `${dir}/ann/${nameOfId(d.id)}.ann`;
    if (!existsSync(file)) throw new Error(`${d.id}: no annotation file ${file}`);
    return { id: d.id, spans: compileDoc(d.text, readFileSync(file, 'utf8'), file) };
  });
}

/** Writes (or with --check verifies) `dir`/gold.jsonl and prints totals by type only: the sets are unseen. */
export function compileSetCli(dir, argv) {
  const gold = compileSet(dir);
  writeGold(dir, gold, argv.includes('--check'));
  const total = {};
  for (const g of gold) for (const s of g.spans) total[s.type] = (total[s.type] ?? 0) + 1;
  console.log(`${gold.length} documents, ${gold.reduce((n, g) => n + g.spans.length, 0)} names: ${Object.entries(total).map(([t, n]) => `${t} ${n}`).join(', ')}`);
}

/** The probe record of a selector: id -> true (the index holds the file) / false, for the first `prefix` ids of `order`. */
export const probedPrefix = (order, prefix, held) => Object.fromEntries(order.slice(0, prefix).map((id) => [id, held.includes(id)]));

/** What a rule took: probed ids that exist, in order, less the skips, up to `max`. */
export const takenOf = (order, probed, skipped, max) => order.filter((id) => probed[id] === true && !(id in skipped)).slice(0, max);

/** Prints a selector's order, one id a line: key (the first 12 hex digits of `keyOf(id)`), id, probe result and status. */
export function printOrder(order, probed, skipped, taken, keyOf) {
  for (const id of order) {
    const status = !(id in probed) ? 'not probed' : !probed[id] ? 'absent' : id in skipped ? `skipped: ${skipped[id]}`
      : taken.includes(id) ? 'taken' : 'exists, not taken';
    console.log(`${keyOf(id).slice(0, 12)}\t${id}\t${status}`);
  }
}
