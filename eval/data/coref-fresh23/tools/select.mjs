// fresh23 (issue 23): a fifth fresh coreference set, English Wikinews news articles and interview parts taken from
// AMALGUM (gucorpling/amalgum, `amalgum/news/xml` and `amalgum/interview/xml`; Wikinews texts, CC BY 2.5; AMALGUM's
// machine annotations are not used, only the words, rebuilt from the token lines, one file read at a time).
// This file is committed BEFORE any candidate is probed or read. The rule:
//   CANDIDATES (fixed, content-blind; no Wikinews text read to make them), frozen by `freeze` into tools/candidates.txt
//   from files of this repository at main 7cf875a, one lowercase word (letters a–z only) whose FIRST LETTER is n–z
//   (nerfresh23, the other annotator of this session, takes a–m):
//     tier 0: the first column of lexicon/en/{event-cue-words,event-heads,event-participant-nouns,roles,org-kinds}.tsv
//             (news words: "official", "president", "soldier") — fresh22's tier 0 gave most of its news files;
//     tier 1: models/gazetteer/gazetteer.json's NORP and LOC entries, less tier 0;
//     tier 2: its `given` entries (given names: interview files are often named by the interviewee), less tiers 0–1;
//     tier 3: its GPE entries (places: a place is often the rarest word of a news title), less tiers 0–2.
//   LESS every name an earlier set or file of this repository used, listed or could have listed, as of main 7cf875a
//   (over-inclusive on purpose; computed by `freeze` and frozen into candidates.txt's [excluded] block): any lowercase
//   word of any file under eval/data/*/tools/, of eval/data/*/README.md, eval/data/*/*.txt and eval/data/quotes/*.md
//   (the held3–held7, fresh13, fresh16, fresh19, fresh22, ner-news, ner-fresh22 and events selectors with their
//   candidate lists, listings, probes, takes and skips), the name in any `AMALGUM_news_…` / `AMALGUM_interview_…` id in
//   eval/, test/, examples/, docs/, src/, lexicon/, and every GUM document's name (../shared/data/gum splits.md, dep/,
//   fresh19's GUM_NAMES).
// ORDER: each tier by SHA-1("fresh23:" + document id, as `AMALGUM_news_soldier`), tiers in a fixed order per genre —
//   news: tier 0, tier 1, tier 3, tier 2; interviews: tier 2, tier 0, tier 1, tier 3 (fresh22 found its interviews
//   among given names: 3 of its 4). Probed in that order with the index's `find_files` by exact path
//   amalgum/<genre>/xml/AMALGUM_<genre>_<name>.xml; every probe recorded (ABSENT). Taken in order, news until
//   NEWS_TAKEN, interviews until INTERVIEWS_TAKEN (or fewer if time runs out: then the first ones, a prefix of each
//   order, never a choice by content), skipping mechanically, each skip recorded in SKIPPED with its rule:
//   - a name the index does not hold at that path;
//   - files over 16,000 characters of XML (fresh13's, fresh19's and fresh22's rule), "Wikinews Shorts" digests, list pages;
//   - a part of an interview whose Wikinews page an earlier set used or this set already took (one part per page);
//   - a document whose id, title, Wikinews page or opening is in ../shared/data/unlabelled, an eval/data set,
//     examples/wikinews or GUM.
// HALVES, fixed here before reading: within each genre the taken documents alternate in taken order — 1st A, 2nd B,
// 3rd A … — so both halves hold both genres, balanced per genre, and neither is chosen by content. Unseen WHOLE (lead only).
//   node eval/data/coref-fresh23/tools/select.mjs freeze   writes tools/candidates.txt (run once, at main 7cf875a)
//   node eval/data/coref-fresh23/tools/select.mjs          prints each genre's order: genre, name, status, half, file
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { takeRule, alternatingHalves } from '../../coref-fresh/tools/take.mjs';

const sha = (s) => createHash('sha1').update(s).digest('hex');
export const SALT = 'fresh23';
/** The commit the candidates and exclusions are computed at (this set's branch point). */
export const BASE = '7cf875a';
/**
 * Planned 9 news and 5 interview parts. At 12:31 UTC, after 212 probes (one a check on a known file) and 3 file reads, the search tool answered
 * "the search budget for this session is used up" (final: a budget shared by this session, not this set's), and
 * AMALGUM (710 MB) is over what `fetch` may bring here (500 MB), so no further file could be read. The set is the
 * rule's prefix that had been read: each genre's first taken documents (the rule's "fewer if time runs out").
 * EXTENDED (fourteenth session, 7 Dec 2026, 15:02–15:09 UTC, by fresh24) by the same rule, in the same order, nothing
 * amended: the files recorded present but unread (FIRST_PRESENT_UNREAD) read one at a time, in order, and checked as
 * read (news workers, rebels taken; interviews rick, steven, ricardo skipped, ruth, stephane taken); then the order
 * probed on from where the thirteenth session stopped (news past rebels, interviews past shaikh) until news tornado,
 * nun and interview ray were found, read and taken. The rule's prefix is now 6 news and 4 interview parts.
 * EXTENDED AGAIN (fourteenth session, 7 Dec 2026, 15:20–15:37 UTC, by fresh25) by the same rule, in the same order,
 * nothing amended: probed on from where fresh24 stopped (news after worker, interviews after ray), every probe recorded,
 * each file found present read one at a time and checked for duplicates as soon as it was read: interviews tommy, paulo
 * taken, sandra skipped (part 0 of the page this set took as stephane; it lies past paulo, so it is in PROBED_BEYOND);
 * news tribe, poll, zimbabwean, syrian, swedish taken. 183 look-ups (175 probes, 8 file reads; see the README). The rule's
 * prefix is now 11 news and 6 interview parts.
 */
export const NEWS_TAKEN = 11;
export const INTERVIEWS_TAKEN = 6;
export const FOLDER = { news: 'amalgum/news/xml', interview: 'amalgum/interview/xml' };
export const idOf = (genre, name) => `AMALGUM_${genre}_${name}`;
export const pathOf = (genre, name) => `${FOLDER[genre]}/${idOf(genre, name)}.xml`;
const here = dirname(fileURLToPath(import.meta.url));
const CANDIDATES_FILE = join(here, 'candidates.txt');
const ONE_WORD = /^[n-z][a-z]+$/;

const git = (args) => execFileSync('git', args, { encoding: 'utf8', maxBuffer: 1e9 });
const atBase = (path) => git(['show', `${BASE}:${path}`]);
const filesAtBase = (dir) => git(['ls-tree', '-r', '--name-only', BASE, dir]).split('\n').filter(Boolean);

/** The four tiers, computed from the files at BASE (before exclusion). */
export function computeTiers() {
  const lex = ['event-cue-words', 'event-heads', 'event-participant-nouns', 'roles', 'org-kinds']
    .flatMap((f) => atBase(`lexicon/en/${f}.tsv`).split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')[0].trim()));
  const gaz = JSON.parse(atBase('models/gazetteer/gazetteer.json'));
  const words = (xs) => [...new Set(xs.filter((w) => ONE_WORD.test(w)))].sort();
  const tier0 = words(lex);
  const tier1 = words([...gaz.NORP, ...gaz.LOC]).filter((w) => !tier0.includes(w));
  const tier2 = words(gaz.given).filter((w) => !tier0.includes(w) && !tier1.includes(w));
  const tier3 = words(gaz.GPE).filter((w) => !tier0.includes(w) && !tier1.includes(w) && !tier2.includes(w));
  return { tier0, tier1, tier2, tier3 };
}

/** Every name an earlier set or file used, listed or could have listed, at BASE (the rule above). */
export function computeExcludedWords() {
  const out = new Set();
  const selection = filesAtBase('eval/data').filter((f) => /^eval\/data\/[^/]+\/tools\/|^eval\/data\/[^/]+\/README\.md$|^eval\/data\/[^/]+\/[^/]+\.txt$|^eval\/data\/quotes\/[^/]+\.md$/.test(f));
  for (const f of selection) for (const m of atBase(f).matchAll(/\b[a-z]+\b/g)) out.add(m[0]);
  for (const dir of ['eval', 'test', 'examples', 'docs', 'src', 'lexicon']) {
    for (const f of filesAtBase(dir)) {
      if (/\.(gz|png|jpg|bin|sqlite)$/.test(f)) continue;
      for (const m of atBase(f).matchAll(/AMALGUM_(?:news|interview)_([a-z0-9]+)/g)) out.add(m[1]);
    }
  }
  const gum = '../shared/data/gum';
  for (const m of readFileSync(join(gum, 'splits.md'), 'utf8').matchAll(/GUM_[a-z]+_([a-z0-9]+)/g)) out.add(m[1]);
  for (const f of execFileSync('ls', [join(gum, 'dep')], { encoding: 'utf8' }).split('\n')) { const m = /GUM_[a-z]+_([a-z0-9]+)/.exec(f); if (m) out.add(m[1]); }
  for (const m of atBase('eval/data/coref-fresh19/tools/select.mjs').split('export const GUM_NAMES = `')[1].split('`')[0].matchAll(/[a-z0-9]+/g)) out.add(m[0]);
  return out;
}

function freeze() {
  const tiers = computeTiers();
  const ex = computeExcludedWords();
  const lines = [
    `# fresh23 candidate names, frozen by \`select.mjs freeze\` from this repository at main ${BASE}: one lowercase word starting n-z.`,
    '# tier 0: first column of lexicon/en/{event-cue-words,event-heads,event-participant-nouns,roles,org-kinds}.tsv; tier 1: gazetteer NORP+LOC;',
    '# tier 2: gazetteer given names; tier 3: gazetteer GPE (each less the tiers before). [excluded]: the candidates the exclusion rule drops.',
  ];
  const excluded = [];
  for (const [t, ws] of Object.entries(tiers)) {
    lines.push(`[${t}]`, ...wrap(ws.filter((w) => !ex.has(w))));
    excluded.push(...ws.filter((w) => ex.has(w)));
  }
  lines.push('[excluded]', ...wrap(excluded));
  writeFileSync(CANDIDATES_FILE, lines.join('\n') + '\n');
}
const wrap = (ws) => { const out = []; for (let i = 0; i < ws.length; i += 16) out.push(ws.slice(i, i + 16).join(' ')); return out; };

const candidatesFile = existsSync(CANDIDATES_FILE) ? readFileSync(CANDIDATES_FILE, 'utf8') : '';
const block = (name) => (candidatesFile.split(`[${name}]\n`)[1] ?? '').split(/\n\[/)[0].split(/\s+/).filter(Boolean);
/** The frozen candidates, less the exclusions, and the excluded ones. */
export const CANDIDATES = { tier0: block('tier0'), tier1: block('tier1'), tier2: block('tier2'), tier3: block('tier3') };
export const EXCLUDED = block('excluded');
export const TIER_ORDER = { news: ['tier0', 'tier1', 'tier3', 'tier2'], interview: ['tier2', 'tier0', 'tier1', 'tier3'] };
const bySha = (genre) => (a, b) => (sha(`${SALT}:${idOf(genre, a)}`) < sha(`${SALT}:${idOf(genre, b)}`) ? -1 : 1);
/** A genre's order: its tiers in TIER_ORDER, each by SHA-1. */
export const order = (genre) => TIER_ORDER[genre].flatMap((t) => [...CANDIDATES[t]].sort(bySha(genre)));
/** Names of each order, up to the last one taken, that the index does not hold (probed by exact path, 7 Dec 2026). */
export const ABSENT = {
  news: `stepchildren surgeon understand wing observer pledge transport ombudsman tribunal paramilitary trounce volunteers
tycoon post navy tabloid widower politician premier repatriate pupils sister nurses seats seat teachers permit staffer
stepfather volunteer photographer writer soldier supporter terrorists prisoner princess swap senate omit pilgrim
spouse nationals stepmother professor plumber students outlet policeman need outbreak sailors parent survivors
researcher villager pupil rumour onslaught tropical residents son rush survivor perpetrator undersecretary stepbrother
physician papa warship stepchild runoff negotiator revolution regiment serve radio peacekeepers separatist nephew stepson
rebel primary unseat partner servicemen niece treasurer rector voter polls tourist welcome student sheikh quake native
teacher prosecutor stepdaughter servicewoman rapporteur patient pirates poet
representatives worker prisoners tell sultan secure undertake retire negotiators tv separatists startup representative
widow rabbi rout reservist pope secretariat overdose operative obtain trooper senator regain telegraph officers
seafarer transfer teenager relatives oust villagers patriarch negotiate serviceman voters pensioner super policewoman
stepsister nurse tournament shall weekly rumor newspaper paramedic parole opponent wreck trader retiree plc victim
prize sailor typhoon veteran pilgrims suppose paralympics programmer sibling peacekeeper ought resident olympiad
shopkeeper tribune refugee pow unshackle tourists pirate neglect priest want retailer uncle regent servicewomen
persuade recruit queen topple pedestrian sahel syrians soviet senegalese turkmen tibetan namibian republican qatari
omani portuguese uruguayan togolese ugandan norwegian uighur sinai ukrainians yemeni persian nigerien saudis swiss`.split(/\s+/),
  interview: `patty olga ovidio santa serhiy ruy patrick vera somsak norodom youssouf ryszard ong salam yeoryios salih sandor rudolf
zacharie yuriy octavio reinhold qasim roger tori yero salah salim truong romain rogelio rustam rosa stefan plamen umar
oscar yusuf soren phan pavel ronnie neal rita theodore ratu vaclav sisowath smutney robin tony sharon nur rachid paula
walter saad zbigniew victor nikolay tsai yussuf shih robert raul sven sergey st rosalia ramon sonia zacarias nguyen nikolai
teodoro ramiro nicole narendra nestor qolam roy nikos rudolph zhang valentina tobias samdech zurab sir simon rosario
virgilio olivier oswaldo valery stanislav teofilo timothy ralph stacey willy trevor salomon oumar pier purna nikoloz
samuel nasser tariq stanley pedro stella sylvain nicholas shankar valeska vernon tang todd rafael omar wilson shaikh pavlo
tom norbert yukio shahid susana nicolas petr talal seyyed simeon vasil nurlan yadira renaud vartan nelson willie
romeo yun noureddine petar ulla patricia yau thierno wolfgang sebastiao taieb pavol tarek renate ross youssef neven nathalie silas theophile`.split(/\s+/),
};
/**
 * Probed past the last name taken, in order (7 Dec 2026, fifteenth extension by fresh25): every name here is absent but
 * interview sandra, present, read and skipped (SKIPPED); nothing past these was probed. The next extension starts after
 * the last name of each list (news russians, interview wallace).
 */
export const PROBED_BEYOND = {
  news: `russians`.split(/\s+/),
  interview: `te rashid soe pak wilfred sadeq sheila sein winston paulette sun prakash rhonda petras philemon sandra rashad serik
roberto yazid pilar renee park ursula nayef nuri noel wong roosevelt sheng ousmane simone neil thein yang ravshan nasim
orlando remigijus wallace`.split(/\s+/),
};
/**
 * The thirteenth session's record of files probed present but not read when its look-ups ran out (12:22–12:31 UTC),
 * each now read by the fourteenth session and either taken or skipped by the rule: PRESENT_UNREAD is empty.
 */
export const FIRST_PRESENT_UNREAD = { news: ['workers', 'rebels'], interview: ['rick', 'steven', 'ruth', 'ricardo', 'stephane'] };
export const PRESENT_UNREAD = { news: [], interview: [] };
/** Files skipped on the way, `<genre>:<name>`, with the rule that skipped them (recorded after reading). */
export const SKIPPED = {
  'interview:rick': 'over 16,000 characters of XML (16,928)',
  'interview:steven': 'a part of a Wikinews page an earlier set used (ner-news: AMALGUM_interview_elgersma, "CanadaVOTES: CHP candidate Steven Elgersma running in Haldimand—Norfolk")',
  'interview:ricardo': 'a part of a Wikinews page an earlier set used (fresh13: AMALGUM_interview_blogger, "Interview with Brazilian blogger Ricardo Serran Lobo")',
  'interview:sandra': 'a part of a Wikinews page this set already took (stephane, part 2 of "CanadaVOTES: Liberal Sandra Gardiner running in Perth — Wellington"; sandra is part 0)',
};
export const skipped = (genre, name) => `${genre}:${name}` in SKIPPED || ABSENT[genre].includes(name);
/** What the rule took: each genre's order less the skips, up to NEWS_TAKEN / INTERVIEWS_TAKEN. */
export const taken = takeRule(order, skipped, { news: NEWS_TAKEN, interview: INTERVIEWS_TAKEN });
/** A for a genre's 1st, 3rd … taken document, B for its 2nd, 4th …; undefined for any other id. */
export const halfOf = alternatingHalves(taken);

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv[2] === 'freeze') freeze();
  else {
    const n = Number(process.argv[3] ?? 40);
    for (const genre of process.argv[2] === 'interview' ? ['interview'] : process.argv[2] === 'news' ? ['news'] : ['news', 'interview']) {
      const last = order(genre).indexOf(taken(genre).at(-1));
      for (const name of order(genre).slice(0, Math.max(last + 1, n))) {
        const status = ABSENT[genre].includes(name) ? 'not in the index' : skipped(genre, name) ? `skipped: ${SKIPPED[`${genre}:${name}`]}` : taken(genre).includes(name) ? 'taken' : '-';
        console.log(`${genre}\t${name}\t${status}\t${halfOf(idOf(genre, name)) ?? '-'}\t${pathOf(genre, name)}`);
      }
    }
  }
}
