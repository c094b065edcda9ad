/**
 * Learns which verbs take an object from the UD treebanks (EWT train + GUM train documents) and
 * writes models/events/transitive-verbs.json. The events coder reads it to see a headline's
 * "Aid worker freed after eight months" as a passive — the worker was freed — while "Minister
 * resigned after vote" stays active: only a verb that usually takes an object, written with no
 * object, reads as a passive there.
 * usage: npm run build:transitivity [-- DATA_DIR]   (default /work/shared/data)
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { parseConllu } from '../src/nlp/conllu.js';

const dataDir = process.argv[2] ?? '/work/shared/data';
/** a verb needs this many uses to be judged, and this share of them with an object or in the passive */
const MIN_USES = 2;
const MIN_SHARE = 0.6;

const files = [join(dataDir, 'ud-ewt/en_ewt-ud-train.conllu')];
const gumDir = join(dataDir, 'gum/dep');
// GUM's dev/test documents stay unseen, as for the other models (splits.md lists them)
const splits = readFileSync(join(dataDir, 'gum/splits.md'), 'utf8');
const heldOut = new Set([...splits.matchAll(/GUM_[a-z]+_[A-Za-z0-9_]+/g)].map((m) => m[0]).filter((d) => {
  const at = splits.indexOf(d);
  return /(dev|test)/i.test(splits.slice(Math.max(0, splits.lastIndexOf('#', at)), at));
}));
for (const f of readdirSync(gumDir).filter((f) => f.endsWith('.conllu')).sort()) if (!heldOut.has(f.replace(/\.conllu$/, ''))) files.push(join(gumDir, f));

const uses = new Map<string, number>();
const withObject = new Map<string, number>();
for (const file of files) {
  for (const s of parseConllu(readFileSync(file, 'utf8'))) {
    const kids = new Map<number, string[]>();
    for (const w of s.words) {
      const list = kids.get(w.head) ?? [];
      list.push(w.deprel);
      kids.set(w.head, list);
    }
    for (const w of s.words) {
      if (w.upos !== 'VERB') continue;
      const lemma = w.lemma.toLowerCase();
      const rels = kids.get(w.id) ?? [];
      uses.set(lemma, (uses.get(lemma) ?? 0) + 1);
      const passive = rels.some((r) => r === 'aux:pass' || r === 'nsubj:pass') || ((w.deprel === 'acl' || w.deprel === 'amod') && w.xpos === 'VBN');
      if (passive || rels.includes('obj')) withObject.set(lemma, (withObject.get(lemma) ?? 0) + 1);
    }
  }
}
/** lemma → share of its uses with an object or in the passive (two decimals) */
const shares = new Map<string, number>();
for (const [l, n] of uses) if (n >= MIN_USES) shares.set(l, (withObject.get(l) ?? 0) / n);
// a verb the treebanks barely use takes the habit of its CAMEO synonyms: FREE sits with
// LIBERATE and RELEASE in one block of the PETRARCH2 verb dictionary (models/events/cameo-lexicon.json)
const lexicon = JSON.parse(readFileSync(new URL('../../models/events/cameo-lexicon.json', import.meta.url), 'utf8')) as { verbs: { verbs: Record<string, { block: number }[]> } };
const members = new Map<number, string[]>();
for (const [verb, entries] of Object.entries(lexicon.verbs.verbs)) {
  for (const e of entries) members.set(e.block, [...(members.get(e.block) ?? []), verb.toLowerCase()]);
}
let borrowed = 0;
for (const list of members.values()) {
  const known = list.filter((v) => (uses.get(v) ?? 0) >= 3).map((v) => shares.get(v)!);
  if (!known.length) continue;
  const blockShare = Math.max(...known);
  for (const v of list) {
    if (v.includes(' ') || (uses.get(v) ?? 0) >= 3) continue;
    if (!shares.has(v) || shares.get(v)! < blockShare) { shares.set(v, blockShare); borrowed++; }
  }
}
const transitive: Record<string, number> = {};
for (const [l, share] of [...shares].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (share >= MIN_SHARE) transitive[l] = Math.round(share * 100) / 100;
const out = new URL('../../models/events/transitive-verbs.json', import.meta.url);
const body = JSON.stringify({
  about: 'Verb lemmas with the share of their uses that have an object or are passive, for verbs with that share at least 0.6 over 2+ uses in UD EWT train and GUM train documents (a verb with fewer than 3 uses takes the highest share among its PETRARCH2 CAMEO synonyms); built by train/transitivity.ts (npm run build:transitivity). Derived from UD English EWT (CC BY-SA 4.0) and GUM (CC BY 4.0 annotations).',
  files: files.length,
  verbs: uses.size,
  transitive,
});
writeFileSync(out, body + '\n');
console.log(`${borrowed} verbs took their CAMEO synonyms' share`);
console.log(`${Object.keys(transitive).length} transitive verbs of ${uses.size} (from ${files.length} files); sha256 ${createHash('sha256').update(body + '\n').digest('hex').slice(0, 16)}`);
