// ner-fresh22 (issue 13): a NEW unseen news NER set — English Wikinews articles and interview parts (CC BY 2.5) from
// AMALGUM (gucorpling/amalgum, `amalgum/news/xml` and `amalgum/interview/xml`; only the words are used, not AMALGUM's
// machine annotations), annotated by hand like ner-news before Chronicle is run on any of them. The whole set is unseen:
// lead-only, summary lines only.
//
// This file was committed BEFORE any candidate was probed or read. The rule:
//   CANDIDATE WORDS (fixed, content-blind; no Wikinews text is read to make them): the forms tagged NOUN or PROPN in
//   UD English-EWT train (../shared/data/ud-ewt/en_ewt-ud-train.conllu, CC BY-SA 4.0; web text, not Wikinews), lowercased,
//   letters only, at least 4 letters, FIRST LETTER n–z (a–m is left to fresh22, the coreference annotator this session),
//   ranked by frequency (ties alphabetical), the first CANDIDATES words. `candidates` writes them to candidates.txt.
//   IDS: each word gives two ids, AMALGUM_news_<w> and AMALGUM_interview_<w>.
//   LESS every id an earlier set or file could have used or listed: every word that occurs in any earlier selector or
//   selection file (eval/data/*/tools/*.{mjs,json,txt,sh} outside this set; held3–held7, fresh13, fresh16, fresh19,
//   ner-news and the events set: over-inclusive on purpose, it drops any word such a file names, listed or not), every
//   AMALGUM id named anywhere in eval/, test/, docs/, examples/, src/, lexicon/, and GUM's document names (fresh19's
//   GUM_NAMES). The exclusion is computed once and frozen into candidates.txt (column 3).
//   ORDER: SHA-1("ner-fresh22:" + id), both genres in one order. Probed in that order (find_files, exact path
//   amalgum/<genre>/xml/AMALGUM_<genre>_<w>.xml); an id the index does not hold is dropped; the others are taken in
//   that order (never a later one before an earlier one) until TAKEN documents or the list's end, skipping mechanically
//   (recorded in SKIPPED with the rule, after reading):
//     - files over 20,000 characters of XML (about 1,000 words); "Wikinews Shorts" digests and list pages;
//     - fewer than 150 words of prose once title, dateline, captions and "Sources" are left out;
//     - a part of an interview whose Wikinews page this set already took (one part per page);
//     - a document whose title or Wikinews URL is already in ../shared/data/unlabelled, any eval/data/*/docs.jsonl,
//       examples/, test/fixtures, or is a GUM document (`check` compares mechanically and prints only the set it
//       collides with). Run on each file's title and URL as soon as it is read, BEFORE it is annotated.
//   If time runs short, the set is the first k taken documents (a prefix of the order), never a choice by content.
//
// AMENDED (10:05 UTC, after 27 probes, all absent, BEFORE any file was read): the EWT source is abandoned. AMALGUM
// names a file by a RARE word of its title (e.g. `stingray` for "Stingray kills head diver of Underwater World
// Singapore", `mercenary` for "'Bang bang': UK mercenary charged with ..."), so frequent common nouns almost never name
// a file: 0 of 27. Its words and probes stay in candidates-ewt.txt and PROBED_EWT. The candidate words are now:
//   the words (letters only after stripping accents, at least 4 letters, FIRST LETTER n–z) of the English names of every
//   ISO 3166 region code AA–ZZ that Node's Intl.DisplayNames knows (CLDR, ICU 78.2 in Node here; fixed, content-blind,
//   no Wikinews text read), lowercased, deduplicated, alphabetical — frozen into candidates.txt (`candidates`), less the
//   same exclusions. Same ids (two genres a word), same SHA-1 order and salt, same skips. (Country words name a file
//   more often: a place is often the rarest word of a news title.)
// Texts rebuilt by hand from the token lines (paragraphs at <p>; title, dateline, captions, galleries, pull-quote boxes,
// "Have your say", section headings, "Related" and "Sources" lists left out), as for ner-news.
// Usage (repository root):
//   node eval/data/ner-fresh22/tools/select.mjs candidates   writes candidates.txt (rank, word, excluded-by)
//   node eval/data/ner-fresh22/tools/select.mjs order        the ids in probe order, with probe result and status
//   node eval/data/ner-fresh22/tools/select.mjs add FILE...  append rebuilt texts (line 1 title, 2 URL, 3 date, 4 AMALGUM
//                                                            file commit, then one paragraph a line) to docs.jsonl
//   node eval/data/ner-fresh22/tools/select.mjs check [TITLE URL]   duplicate check (docs.jsonl, or one title + URL)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { GUM_NAMES } from '../../coref-fresh19/tools/select.mjs';
import { addDocs, checkDocs, probedPrefix, takenOf, printOrder } from '../../ner-news/tools/amalgum-set.mjs';

const sha = (s) => createHash('sha1').update(s).digest('hex');
export const SALT = 'ner-fresh22:';
export const CANDIDATES = 250;
export const TAKEN = 16;
const DIR = 'eval/data/ner-fresh22';
const EWT = '../shared/data/ud-ewt/en_ewt-ud-train.conllu';

function walk(dir, fn) {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir)) { const p = join(dir, e); statSync(p).isDirectory() ? walk(p, fn) : fn(p); }
}

/** Words an earlier set or file could have used: see the header. Returns word -> where. */
function excluded() {
  const out = new Map();
  for (const set of readdirSync('eval/data')) {
    if (set === 'ner-fresh22' || set === 'coref-fresh22') continue;
    walk(join('eval/data', set, 'tools'), (p) => {
      if (!/\.(mjs|json|txt|sh)$/.test(p)) return;
      for (const w of readFileSync(p, 'utf8').toLowerCase().match(/[a-z0-9]+/g) ?? []) if (!out.has(w)) out.set(w, `word in ${p}`);
    });
  }
  for (const dir of ['eval', 'test', 'docs', 'examples', 'src', 'lexicon']) walk(dir, (p) => {
    if (p.startsWith(DIR) || !/\.(mjs|ts|js|json|jsonl|md|txt|tsv)$/.test(p)) return;
    for (const m of readFileSync(p, 'utf8').matchAll(/AMALGUM_(?:news|interview)_([a-z0-9]+)/g)) if (!out.has(m[1])) out.set(m[1], `id in ${p}`);
  });
  for (const n of GUM_NAMES) if (!out.has(n)) out.set(n, 'GUM document name');
  return out;
}

/** The abandoned first source (EWT nouns), kept to reproduce candidates-ewt.txt. */
function candidatesEwt() {
  const freq = new Map();
  for (const line of readFileSync(EWT, 'utf8').split('\n')) {
    const f = line.split('\t');
    if (f.length !== 10 || !/^\d+$/.test(f[0]) || (f[3] !== 'NOUN' && f[3] !== 'PROPN')) continue;
    const w = f[1].toLowerCase();
    if (/^[n-z][a-z]{3,}$/.test(w)) freq.set(w, (freq.get(w) ?? 0) + 1);
  }
  const ranked = [...freq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, CANDIDATES);
  const ex = excluded();
  const lines = ranked.map(([w, n], i) => `${i + 1}\t${w}\t${ex.get(w) ?? '-'}\t${n}`);
  writeFileSync(`${DIR}/candidates-ewt.txt`, '# rank\tword\texcluded-by\tEWT-train count\n' + lines.join('\n') + '\n');
}

/** The words of CLDR's English region names (see the amendment in the header). */
function candidates() {
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const from = new Map();
  for (const a of A) for (const b of A) {
    const name = names.of(a + b);
    if (!name || name === a + b) continue;
    const ws = name.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^a-z]+/g, ' ').split(' ');
    for (const w of ws) if (/^[n-z][a-z]{3,}$/.test(w) && !from.has(w)) from.set(w, `${a}${b} ${name}`);
  }
  const ws = [...from.keys()].sort();
  const ex = excluded();
  const lines = ws.map((w, i) => `${i + 1}\t${w}\t${ex.get(w) ?? '-'}\t${from.get(w)}`);
  writeFileSync(`${DIR}/candidates.txt`, `# rank\tword\texcluded-by\tfirst region name (Node ${process.versions.node}, ICU ${process.versions.icu})\n` + lines.join('\n') + '\n');
  console.log(`${ws.length} words, ${ws.filter((w) => ex.has(w)).length} excluded`);
}

export const idOf = (genre, name) => `AMALGUM_${genre}_${name}`;
export const pathOf = (genre, name) => `amalgum/${genre}/xml/${idOf(genre, name)}.xml`;
/** The frozen candidate words less the excluded ones. */
export const words = () => readFileSync(`${DIR}/candidates.txt`, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'))
  .map((l) => l.split('\t')).filter((f) => f[2] === '-').map((f) => f[1]);
/** Both genres in one order by SHA-1(SALT + id). */
export const order = () => words().flatMap((w) => ['news', 'interview'].map((g) => idOf(g, w)))
  .sort((a, b) => (sha(SALT + a) < sha(SALT + b) ? -1 : 1));
/** Probes of the abandoned EWT source, in probe order (all absent). */
export const PROBED_EWT = Object.fromEntries(`interview_points interview_parties news_street news_percentage interview_september
news_reports interview_plans interview_obsf news_plan interview_plants news_road news_region news_unit interview_nail
interview_options interview_pilot interview_surgery interview_water interview_wolves interview_tire interview_south news_press
news_weeks news_step news_wolves news_version news_posada`.split(/\s+/).map((x) => [`AMALGUM_${x}`, false]));
/** Probe results of the region-name source (find_files, exact path), the first 160 ids of the order, probed in order
 *  on 7 Dec 2026 until 19 files were found: HELD are the ids the index holds, the rest of that prefix is absent. */
const PROBED_PREFIX = 160;
const HELD = `interview_qatar news_oman news_serbia news_portugal interview_taiwan news_tonga news_pakistan news_zimbabwe
news_sweden news_slovakia news_somalia news_uruguay news_togo news_romania news_uzbekistan news_yemen
interview_zealand interview_republic news_palestinian`.split(/\s+/).map((x) => `AMALGUM_${x}`);
/** id -> true (the index holds the file) / false, for every probed id. */
export const PROBED = probedPrefix(order(), PROBED_PREFIX, HELD);
/** Ids skipped on the way, mechanically, with the rule that skipped them (recorded after reading). */
export const SKIPPED = {
  AMALGUM_news_serbia: '24,156 characters of XML (a World Cup match report)',
  AMALGUM_news_tonga: '20,026 characters of XML (a Rugby World Cup match report with team sheets)',
  AMALGUM_news_sweden: '20,470 characters of XML (a World Cup match report)',
};
/** What the rule took: probed ids that exist, in order, less the skips, up to TAKEN. */
export const taken = () => takenOf(order(), PROBED, SKIPPED, TAKEN);

if (import.meta.url === `file://${process.argv[1]}`) {
  const [cmd, ...args] = process.argv.slice(2);
  if (cmd === 'candidates') candidates();
  else if (cmd === 'candidates-ewt') candidatesEwt();
  else if (cmd === 'order') printOrder(order(), PROBED, SKIPPED, taken(), (id) => sha(SALT + id));
  else if (cmd === 'add') addDocs(DIR, args, { taken, split: 'ner-fresh22', slugPrefix: 'nf-', pathOf });
  else if (cmd === 'check') checkDocs(DIR, args);
  else { console.error('usage: select.mjs candidates | order | add FILE... | check [TITLE URL]'); process.exit(1); }
}
