/**
 * npm run train:description-heads — which named things a description's head noun fits, learned from the
 * Wikipedia part of the unlabelled prose (../shared/data/unlabelled/news-en.jsonl.gz, CC BY-SA 3.0; its Wikinews part
 * is left out so that news stays unseen) through the pipeline's own recogniser (models/ner).
 *
 * Prose pairs a name with a description in a few fixed shapes:
 *  - apposition after the name: "Afriqiyah Airways, the Libyan state airline," / "TF1, a French television channel."
 *  - copula: "Mizuho is a Japanese bank", "Ana Ruiz was the ambassador to …"
 *  - apposition before the name: "the ambassador, Anatoly Viktorov," / "the broadcaster, TF1,"
 *  - a class noun right before the name: "the airline Afriqiyah Airways", "the French channel TF1"
 * The name is a span the recogniser found right at the pattern's edge; the head is the description's last lower-case
 * word before a boundary (a comma, "of", "in", "that", …). Each (head, name) pair counts once.
 *
 * Output: models/coref/description-heads.tsv.gz, one row a head:
 *   `type\tHEAD\tn\tPERSON\tORG\tGPE\tLOC\tFAC\tother` — names the head was paired with, by recogniser type.
 * Heads paired with fewer than MIN_HEAD names are left out. (A second table, the words of the paired names by head —
 * "airways" with "airline" — was measured for organisations and dropped: docs/coref.md, thirteenth session.)
 *
 *   node dist/train/description-heads.js [--limit-docs N]
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { getNerModel, recogniseDoc } from '../src/extract/ner.js';
import { wikipediaPages } from './unlabelled-pages.js';
import { DESCRIPTION_HEAD_TYPES, descriptionHeadType } from '../src/extract/coref/description-heads.js';

const SOURCE = join(process.cwd(), '..', 'shared', 'data', 'unlabelled', 'news-en.jsonl.gz');
const OUT_DIR = join(process.cwd(), 'models', 'coref');
const MIN_HEAD = 10;
/** lower-case modifiers between the article and the head, at most */
const MAX_MODIFIERS = 4;

const args = process.argv.slice(2);
const limit = args.includes('--limit-docs') ? Number(args[args.indexOf('--limit-docs') + 1]) : Infinity;

const LOWER = /^\p{Ll}[\p{Ll}-]*$/u;
const ARTICLE = new Set(['the', 'a', 'an']);
const COPULA = new Set(['is', 'was', 'are', 'were', 'remains', 'became', 'becomes']);
/** words that end a description's noun phrase: its head is the word before */
const BOUNDARY = new Set([',', '.', ';', ':', '(', ')', 'of', 'in', 'on', 'at', 'for', 'from', 'with', 'by', 'and', 'or', 'that', 'which', 'who', 'whose', 'where', 'based', 'founded', 'located', 'headquartered', 'owned', 'to', 'since', 'until', 'during', 'known', 'called', 'named']);

/** The head of the description opened by the article at k (in ws): the last lower-case word before a boundary, with its end index; or null. */
function headAfter(ws: readonly string[], k: number): { head: string; end: number } | null {
  let last = -1;
  for (let j = k + 1; j < ws.length && j <= k + 1 + MAX_MODIFIERS; j++) {
    const w = ws[j];
    if (BOUNDARY.has(w) || BOUNDARY.has(w.toLowerCase())) return last >= 0 && LOWER.test(ws[last]) ? { head: ws[last], end: j } : null;
    // modifiers: lower-case words, a possessive ("the country's largest bank"), a capitalised adjective ("a Japanese company"), a number
    if (!(LOWER.test(w) || w === "'s" || w === '’s' || /^\p{Lu}[\p{Ll}-]+$/u.test(w) || /^\d+$/.test(w))) return null;
    last = j;
  }
  return null;
}

/** "the (modifiers) NOUN NAME": the head is the word right before the name, every word between a modifier. */
function headBefore(ws: readonly string[], k: number, nameStart: number): { head: string; end: number } | null {
  for (let j = k + 1; j < nameStart; j++) if (!(LOWER.test(ws[j]) && !BOUNDARY.has(ws[j])) && !(j < nameStart - 1 && /^\p{Lu}[\p{Ll}-]+$/u.test(ws[j]))) return null;
  return nameStart - 1 > k ? { head: ws[nameStart - 1], end: nameStart } : null;
}

function main(): void {
  const model = getNerModel();
  if (!model) throw new Error('the NER model could not be loaded (models/ner)');
  const raw = readFileSync(SOURCE);
  const text = gunzipSync(raw).toString('utf8');
  const types = new Map<string, Float64Array>();
  const seen = new Set<string>();
  const count = (head: string, type: string, name: readonly string[]) => {
    const key = `${head}\t${name.join(' ')}`;
    if (seen.has(key)) return;
    seen.add(key);
    let t = types.get(head);
    if (!t) types.set(head, (t = new Float64Array(1 + DESCRIPTION_HEAD_TYPES.length)));
    t[0]++;
    t[1 + DESCRIPTION_HEAD_TYPES.indexOf(descriptionHeadType(type))]++;
  };
  let docs = 0;
  let words = 0;
  let tagged = 0;
  const t0 = Date.now();
  for (const page of wikipediaPages(text, limit)) {
    docs++;
    words += page.tokens;
    // only sentences with a pairing shape go through the recogniser
    const picked = page.sentences.filter((ws) => ws.some((w, i) => ((w === ',' || COPULA.has(w)) && ARTICLE.has((ws[i + 1] ?? '').toLowerCase())) || (i > 0 && LOWER.test(ws[i - 1]) && (w === ',' ? /^\p{Lu}/u.test(ws[i + 1] ?? '') : /^\p{Lu}/u.test(w)))));
    if (!picked.length) continue;
    tagged += picked.length;
    const spans = recogniseDoc(model, picked);
    picked.forEach((ws, s) => {
      for (const sp of spans[s]) {
        const name = ws.slice(sp.start, sp.end);
        const after = ws[sp.end];
        const next = (ws[sp.end + 1] ?? '').toLowerCase();
        // "NAME, the Libyan airline," / "NAME is a Japanese bank"
        if ((after === ',' || COPULA.has(after)) && ARTICLE.has(next)) {
          const h = headAfter(ws, sp.end + 1);
          if (h) count(h.head, sp.type, name);
        }
        // "the ambassador, NAME," / "the airline Afriqiyah Airways": the article opens a phrase whose last word ends right
        // before the name, or before a comma right before it
        const gap = sp.start >= 1 && ws[sp.start - 1] === ',' ? 1 : 0;
        if (sp.start >= 2 + gap && LOWER.test(ws[sp.start - 1 - gap])) {
          for (let k = sp.start - 2 - gap; k >= 0 && k >= sp.start - 2 - gap - MAX_MODIFIERS; k--) {
            if (!ARTICLE.has(ws[k].toLowerCase())) continue;
            const h = gap ? headAfter(ws, k) : headBefore(ws, k, sp.start);
            if (h && h.end === sp.start - gap) count(h.head, sp.type, name);
            break;
          }
        }
      }
    });
    if (docs % 500 === 0) console.error(`${docs} pages, ${(words / 1e6).toFixed(1)} M tokens, ${tagged} sentences tagged, ${types.size} heads [${((Date.now() - t0) / 1000).toFixed(0)} s]`);
  }
  const rows: string[] = [`# description heads: ${docs} Wikipedia pages, ${seen.size} (head, name) pairs`];
  const heads = [...types].filter(([, t]) => t[0] >= MIN_HEAD).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  for (const [h, t] of heads) rows.push(['type', h, ...[...t].map((x) => String(x))].join('\t'));
  const gz = gzipSync(Buffer.from(rows.join('\n') + '\n', 'utf8'), { level: 9 });
  const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const manifest = {
    file: 'description-heads.tsv.gz',
    sha256: sha256(gz),
    what: 'description head noun → the recogniser types of the names prose pairs it with ("NAME, the NOUN", "NAME is a NOUN", "the NOUN, NAME,", "the NOUN NAME"), for coreference of definite descriptions',
    built_by: `npm run train:description-heads (train/description-heads.ts)${Number.isFinite(limit) ? ` --limit-docs ${limit}` : ''}`,
    data: [
      { name: 'unlabelled prose, its English Wikipedia pages only (../shared/data/unlabelled/news-en.jsonl.gz; the Wikinews part left out)', source_sha256: sha256(raw), documents: docs, licence: 'CC BY-SA 3.0 (Wikipedia contributors)' },
      { name: 'the pipeline\'s own recogniser (models/ner, see models/ner manifest)', licence: 'see models/manifest.json' },
    ],
    licence: 'CC BY-SA 3.0 (derived from Wikipedia text)',
    min_head: MIN_HEAD,
    heads: heads.length,
  };
  mkdirSync(OUT_DIR, { recursive: true });
  for (const [file, body] of [[manifest.file, gz], ['description-heads.manifest.json', Buffer.from(JSON.stringify(manifest, null, 2) + '\n')]] as const) writeFileSync(join(OUT_DIR, file), body);
  console.error(`${heads.length} heads from ${docs} pages (${tagged} sentences tagged) → models/coref/description-heads.tsv.gz (${gz.length} bytes) [${((Date.now() - t0) / 1000).toFixed(0)} s]`);
}

main();
