// fresh22 (issue 23): a fourth fresh coreference set, English Wikinews news articles and interview parts taken from
// AMALGUM (gucorpling/amalgum, `amalgum/news/xml` and `amalgum/interview/xml`; Wikinews texts, CC BY 2.5; AMALGUM's
// machine annotations are not used, only the words, rebuilt by hand from the token lines, one file read at a time).
// Earlier sets drew from the first 100 names of each folder's listing (the listing tool gives no more) and from the
// names in lgessler/conllu-rest's sample list (ner-news). This set draws names past them, found without reading anything:
//   CANDIDATES (fixed, content-blind; tools/candidates.txt, frozen from models/gazetteer/gazetteer.json at main 1d76ed8,
//   sha256 a3db0443…): tier 1, the gazetteer's NORP and LOC entries that are one lowercase word starting a–m
//   ("afghan", "balkans", "kenyan"); tier 2, its given names that are one lowercase word starting a–m, less tier 1.
//   Only names starting a–m: the other annotator of this session (nerfresh22) takes n–z.
//   AMENDED (10:05 UTC, after probing, before anything was read): the first 20 names of tier 1's news order (british …
//   burmese, PROBED_ABSENT) were all absent from the index — AMALGUM's names are words of the title, and few titles
//   carry a demonym. Tier 0 now comes first: the first column of lexicon/en/{event-cue-words,event-heads,
//   event-participant-nouns,roles,org-kinds}.tsv at main 1d76ed8 (news words: "bomb", "earthquake", "minister"),
//   entries that are one lowercase word starting a–m, less tier 1; excluded by the same rule (EXCLUDED0). Content-blind:
//   the amendment saw only absences.
//   AMENDED again (10:20 UTC, interviews only, before any interview was read): the first 50 names of tier 0's interview
//   order gave one file (congressman). Interview names are often given names (17 of the 100 names fresh13 listed:
//   adam, alanna, amanda, andrea, bob, brian …), so the interview order goes on with tier 2 (given names) right after
//   those 50 probed names, then the rest of tier 0, then tier 1 (INTERVIEW_TIER0_PROBED).
//   LESS every name an earlier set or file of this repository used or listed, as of main 1d76ed8 (EXCLUDED below,
//   computed mechanically then and frozen): a candidate that is a lowercase word of any eval/data/*/tools/*.mjs or
//   eval/data/*/README.md or eval/data/quotes/*.md (the held3–held7, fresh13, fresh16, fresh19 and ner-news selectors
//   with their listings, samples, takes and skips), or the name in any `AMALGUM_news_…` / `AMALGUM_interview_…` id in
//   eval/, test/, examples/, docs/, or a GUM news or interview document's name (../shared/data/gum splits.md and dep/).
// ORDER: each genre by SHA-1("fresh22:" + document id, as `AMALGUM_news_kenyan`); all of tier 0 first, then tier 1,
// then (only if they do not give enough) tier 2, each tier in its own SHA-1 order. Taken in that order, news until NEWS_TAKEN, interviews
// until INTERVIEWS_TAKEN (or fewer if time runs out: then the first ones), skipping mechanically, each skip recorded in
// SKIPPED with its rule:
//   - a name the index does not hold at amalgum/<genre>/xml/AMALGUM_<genre>_<name>.xml (probed by exact path);
//   - files over 16,000 characters of XML (fresh13's and fresh19's rule), "Wikinews Shorts" digests and list pages;
//   - a part of an interview whose Wikinews page an earlier set used or this set already took (one part per page);
//   - a document whose id, title, Wikinews page or opening is in ../shared/data/unlabelled, an eval/data set,
//     examples/wikinews or GUM (title, URL, name).
// HALVES, fixed here before reading: within each genre the taken documents alternate in taken order — 1st A, 2nd B,
// 3rd A … — so both halves have both genres and neither is chosen by content. The set is unseen WHOLE (lead only).
//   node eval/data/coref-fresh22/tools/select.mjs      prints each genre's order: genre, name, status, half, file
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const sha = (s) => createHash('sha1').update(s).digest('hex');
export const SALT = 'fresh22';
export const NEWS_TAKEN = 9;
/** Planned 5; the order gave 4 usable interview parts in 272 names probed (most candidates are no file name), so 4. */
export const INTERVIEWS_TAKEN = 4;
const candidatesFile = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'candidates.txt'), 'utf8');
const tierOf = (name) => candidatesFile.split(`[${name}]\n`)[1].split(/\n\[/)[0].split(/\s+/).filter(Boolean);
export const CANDIDATES = { tier0: tierOf('tier0'), tier1: tierOf('tier1'), tier2: tierOf('tier2') };
/** Candidates an earlier set or file had used or listed (the rule above, run at main 1d76ed8). */
export const EXCLUDED = `afghan asia australian brazilian buddhist canadian catholic congolese democrat`.split(/\s+/);
/** Tier 0 candidates an earlier set or file had used or listed (the same rule, run at main 1d76ed8 for the amendment). */
export const EXCLUDED0 = `accident activist actor add administration agency aide airlines all alliance allies ambassador appeal army athlete
attacker author authorities ballots bank be believe blogger brother cabinet call can candidate candidates carry catch
change chronicle church close collapse colleagues come command commission commit company conference correspondent
could country court crane cyclone day deputy director do dozen earthquake editor election elections embassy end
engineer executive expect expo face fail family father fear fill found free get give government governor group gunman
hand have head help hold issue judge labs lead leader leaders learn leave likely look majority make man many match may
member militants militia minister ministry most mother must`.split(/\s+/);
/** The tier-1 news names probed before the amendment, none in the index (news order of the first commit, 897c6b7). */
export const PROBED_ABSENT = `british moldovan argentine filipino baloch irish kosovar mongolian burundian kyrgyz malian french austrian donbas
egyptians latvian canadians gabonese indian burmese`.split(/\s+/);
export const FOLDER = { news: 'amalgum/news/xml', interview: 'amalgum/interview/xml' };
export const idOf = (genre, name) => `AMALGUM_${genre}_${name}`;
export const pathOf = (genre, name) => `${FOLDER[genre]}/${idOf(genre, name)}.xml`;
const bySha = (genre) => (a, b) => (sha(`${SALT}:${idOf(genre, a)}`) < sha(`${SALT}:${idOf(genre, b)}`) ? -1 : 1);
/**
 * Tier 2 candidates an earlier set or file had used or listed (the same rule, run at main 1d76ed8 at 10:25 UTC: it had
 * been left out of the second amendment; none of these had been probed).
 */
export const EXCLUDED2 = `adam alberto aleksander alex ali allen alpha ambassador amir amy andrea andrew ann baba barbara barry bin blaise bob
brian dolores ed joe jong judge kate mark marta mubarak`.split(/\s+/);
/** Interviews: how many of tier 0's names were probed before the second amendment. */
export const INTERVIEW_TIER0_PROBED = 50;
// a name in two tiers counts in the first (tier 2's given names include a few of tier 0's words: "dean", "judge")
const earlier = { tier0: [], tier1: ['tier0'], tier2: ['tier0', 'tier1'] };
const tier = (genre, t) => CANDIDATES[t]
  .filter((n) => !EXCLUDED.includes(n) && !EXCLUDED0.includes(n) && !EXCLUDED2.includes(n) && !(genre === 'news' && PROBED_ABSENT.includes(n)))
  .filter((n) => !earlier[t].some((e) => CANDIDATES[e].includes(n))).sort(bySha(genre));
/**
 * A genre's order, less EXCLUDED and EXCLUDED0 (news: less PROBED_ABSENT), each tier by SHA-1 — news: tier 0, tier 1,
 * tier 2; interviews: tier 0's first INTERVIEW_TIER0_PROBED names, tier 2, the rest of tier 0, tier 1.
 */
export const order = (genre) => genre === 'news'
  ? ['tier0', 'tier1', 'tier2'].flatMap((t) => tier(genre, t))
  : [...tier(genre, 'tier0').slice(0, INTERVIEW_TIER0_PROBED), ...tier(genre, 'tier2'), ...tier(genre, 'tier0').slice(INTERVIEW_TIER0_PROBED), ...tier(genre, 'tier1')];
/** Names of each order, up to the last one taken, that the index does not hold (probed by exact path, 7 Dec 2026). */
export const ABSENT = {
  news: `militias favor agent bishop fly ballot grandpa cadre employees inmates assailants crisis celebrate imam businesswoman
monarch congresswoman confirm announce brigades bloc bureau deem monitor compel fall lawmaker dare expand militant
agree medic care jihadists encourage grandson clerk corporation academic mediator doctors avalanche consul lightning
drowning awards daughter guard compatriot anchor manager marine inquirer die heatwave magazine chairman cell defender
child brigade invite countrywoman guerrilla abductee counterparts admiral captain artist allow buy due emir banker
carpenter fiancee engineers cousin hundred firefighter club delegation globe lawyer dean intelligence intifada farmers
guards monk media captor bring gunmen abductor cancer forces corps aunt granny insurgents commanders general employee
dozens dub ask department grandparent clan mechanic congressman investor earn extremists mommy dissident disease
herald detainees derailment llc authority daddy decide clinic hostage girlfriend emancipate migrant corp ensure
electrician hospital kidnapper force inc captives fishermen broadcaster manufacturer hurricane lieutenant children
airways`.split(/\s+/),
  interview: `liberate brigade awards crisis force chairperson mama daily citizens kidnappers dean doctor demonstrators buy disease
courier massacre grandson confirm grandchild grandma dancer businesswoman agent final bandit delegate mom envoy
footballer airline evacuate associate gain aim deem instruct captain game carrier incident emir hundreds families
jihadists merchant architect clashes captive hamed hani majid aristides hoang frederic boubacar ana henry franklin
milan luigi lucy ernesto molly galo chong adama mamadi lucio alfonso angie haji fritz francesco manuela charles ghazi
fatou bernard daouda abdullahi isabelle gheorghe armando herbert artur maris armen husayn brigitte hashim hasan ludwig
gilles miguel crown andrey jorge gennadiy ivan kyaw evangelos louis labour lebohang mario aboubacar faisal david dave
alvin mahmud gordon alexis marcelo hilary modibo maxwell chea jaak fidel klaus kay moshe chu flavio abdulrahman hubert
ange ibrahim hosein antonio adolphe heather khristos karen ferenc mahendra jeffrey michelle anwar laurent melchior
mahamat abduvohid konstantin austin juli efrain kurt chun georgi lin cecil aleksandr jan junius freddy erna herman
konstandinos hector abdelaziz fernando alejandro alessandro don igor augustine lucia helen anders maria kokou leo
christine absalom dominique denis gilbert karel leonardo adolfo gaston muhammed hong cheryl aleksey mahinda jigme
alhaji marek ioannis clayton erin andrzej mikhail edouard fidelis michel hassan elvira marino fatime mart abbas martin
ernie lado faysal emile marcelino giorgi mukhtar cheikh edith kristin agnes esperanza khin elvin laura desmond chris
hugo isa kim gevorg barstool andrei jesus gray lena jacques knut moise leszek clifford jacob helmut janos julian
dorothy chung luc emil konstantinos fausto james jerry hojatolislam clotilde aden khalil arnaldo keith jerzy carlo
monique liam jafar josep murph lee enele carlos mohammed`.split(/\s+/),
};
/** Files skipped on the way, `<genre>:<name>`, with the rule that skipped them (recorded after reading). */
export const SKIPPED = {
  'news:cup': '27,839 characters of XML',
  'interview:congressman': 'part 3 of "Wikinews interviews Indiana State Senator Mike Delph", whose part 10 (amendment) coref-fresh19 took',
  'news:fighter': '22,119 characters of XML',
  'news:championship': '23,922 characters of XML',
};
export const skipped = (genre, name) => `${genre}:${name}` in SKIPPED || ABSENT[genre].includes(name);
/** What the rule took: each genre's order less the skips, up to NEWS_TAKEN / INTERVIEWS_TAKEN. */
export const taken = (genre) => order(genre).filter((n) => !skipped(genre, n)).slice(0, genre === 'news' ? NEWS_TAKEN : INTERVIEWS_TAKEN);
/** A for a genre's 1st, 3rd … taken document, B for its 2nd, 4th …; undefined for any other id. */
export function halfOf(id) {
  const m = /^(?:amalgum:)?AMALGUM_(news|interview)_([a-z]+)$/.exec(id);
  if (!m) return undefined;
  const i = taken(m[1]).indexOf(m[2]);
  return i < 0 ? undefined : i % 2 === 0 ? 'A' : 'B';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const genre of ['news', 'interview']) {
    const last = order(genre).indexOf(taken(genre).at(-1));
    for (const n of order(genre).slice(0, Math.max(last + 1, 40))) {
      const status = ABSENT[genre].includes(n) ? 'not in the index' : skipped(genre, n) ? `skipped: ${SKIPPED[`${genre}:${n}`]}` : taken(genre).includes(n) ? 'taken' : '-';
      console.log(`${genre}\t${n}\t${status}\t${halfOf(idOf(genre, n)) ?? '-'}\t${pathOf(genre, n)}`);
    }
  }
}
