/**
 * Gazetteers for the named-entity recogniser, built from the PETRARCH2 Phoenix actor
 * dictionaries (MIT, © Open Event Data Alliance) plus short hand-made lists (nationalities,
 * religious and political groups, US states, regions).
 *
 * Phoenix format (docs/dictionaries.rst): an entry line "WORDS_JOINED_BY_UNDERSCORES [CODE]",
 * synonyms on following lines (with or without a leading "+"), and codes either inline or on
 * indented "[CODE date-range]" lines that apply to the entries above them. We classify a block:
 *   - a plain three-letter country code ([RUS]; with datedCountries also a dated one, [UKR >911221]) → GPE
 *     (country names, cities, provinces);
 *     single-word synonyms that look like adjectives of the country name (RUSSIAN for RUSSIA,
 *     AFGHAN for AFGHANISTAN) → NORP;
 *   - "# CountryInfo.txt" (leaders lists) or dated codes and no organisation word → PER
 *     (titles such as "PRESIDENT" and nationality words are stripped from the front);
 *   - anything else → ORG.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ORG_TRIGGERS, PERSON_TITLES, type GazetteerData } from '../src/extract/ner-features.js';

/** Nationalities and other demonyms (adjective / singular noun forms). */
const DEMONYMS = `afghan albanian algerian american andorran angolan argentine argentinian armenian australian austrian
azerbaijani azeri bahamian bahraini bangladeshi barbadian belarusian belgian belizean beninese bhutanese bolivian bosnian
botswanan brazilian british briton bruneian bulgarian burkinabe burmese burundian cambodian cameroonian canadian
chadian chilean chinese colombian congolese croatian cuban cypriot czech danish djiboutian dominican dutch ecuadorian
egyptian emirati english equatoguinean eritrean estonian ethiopian fijian filipino finnish french gabonese gambian
georgian german ghanaian greek grenadian guatemalan guinean guyanese haitian honduran hungarian icelandic indian
indonesian iranian iraqi irish israeli italian ivorian jamaican japanese jordanian kazakh kazakhstani kenyan kiribati
korean kosovar kuwaiti kyrgyz laotian latvian lebanese liberian libyan lithuanian luxembourgish macedonian malagasy
malawian malaysian maldivian malian maltese mauritanian mauritian mexican moldovan monegasque mongolian montenegrin
moroccan mozambican namibian nepalese nepali nicaraguan nigerian nigerien norwegian omani pakistani palestinian
panamanian paraguayan persian peruvian polish portuguese qatari romanian russian rwandan salvadoran samoan saudi
scottish senegalese serbian seychellois singaporean slovak slovenian somali somalian sudanese surinamese swazi swedish
swiss syrian taiwanese tajik tanzanian thai togolese tongan trinidadian tunisian turkish turkmen ugandan ukrainian
uruguayan uzbek venezuelan vietnamese welsh yemeni zambian zimbabwean soviet yugoslav european african asian arab
arabian latin hispanic latino latina caribbean scandinavian nordic balkan baltic slavic middle-eastern mideast
kurdish kurd pashtun tamil sinhalese uighur uyghur tibetan chechen dagestani basque catalan flemish walloon
bavarian sicilian texan californian floridian new-yorker londoner parisian muscovite berliner hawaiian alaskan
navajo cherokee maori aboriginal inuit bedouin druze yazidi hutu tutsi zulu xhosa berber tuareg hmong roma
houthi fulani amhara tigrayan oromo baloch rohingya hazara
muslim christian jewish jew catholic protestant orthodox sunni shia shiite shi'ite alawite hindu buddhist sikh
jain mormon evangelical anglican lutheran methodist baptist presbyterian islamic islamist jihadist salafist zionist
democrat democratic republican conservative liberal socialist communist marxist maoist leninist nationalist
libertarian progressive tory whig labourite bolshevik nazi fascist loyalist unionist separatist`;

/** Plural or collective forms that plain "+s" does not give. */
const DEMONYM_EXTRA = `chinese japanese vietnamese portuguese lebanese sudanese swiss british french dutch english
irish welsh scottish spanish spaniard spaniards frenchman frenchmen englishman englishmen britons jews jewry
filipinos argentines brits scots danes swedes finns poles turks greeks thais kazakhs uzbeks kurds arabs
tajiks pashtuns israelis iraqis pakistanis saudis yemenis kuwaitis qataris omanis somalis bangladeshis nepalis
afghans americans russians muslims christians catholics hindus buddhists sikhs shiites sunnis democrats
republicans conservatives liberals socialists communists nazis islamists jihadists loyalists separatists
hispanics latinos africans asians europeans palestinians ukrainians`;

/** US states, regions and major cities ("_" joins multi-word items). */
const GPE_EXTRA = `alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho
illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri
montana nebraska nevada new_hampshire new_jersey new_mexico new_york north_carolina north_dakota ohio oklahoma oregon
pennsylvania rhode_island south_carolina south_dakota tennessee texas utah vermont virginia washington west_virginia
wisconsin wyoming washington_,_d.c. washington_d.c. d.c. new_york_city los_angeles san_francisco las_vegas new_orleans
chicago boston seattle houston dallas miami atlanta philadelphia detroit denver phoenix portland baltimore st._louis
ontario quebec british_columbia alberta manitoba scotland wales england northern_ireland bavaria catalonia
crimea donbas donetsk luhansk kherson zaporizhzhia kharkiv kyiv kiev odesa odessa mariupol bakhmut gaza
jerusalem tel_aviv haifa ramallah khan_younis rafah nablus jenin hebron beirut damascus aleppo idlib baghdad mosul
tehran kabul islamabad karachi lahore delhi new_delhi mumbai beijing shanghai hong_kong taipei tokyo seoul pyongyang
moscow st._petersburg london paris berlin rome madrid brussels vienna geneva zurich amsterdam warsaw prague
budapest ankara istanbul cairo riyadh doha dubai abu_dhabi nairobi lagos johannesburg cape_town mexico_city
rio_de_janeiro sao_paulo buenos_aires sydney melbourne toronto vancouver montreal ottawa`;

const LOC_EXTRA = `europe asia africa antarctica oceania north_america south_america latin_america central_america
middle_east near_east far_east southeast_asia south_asia central_asia east_asia west_africa east_africa north_africa
sub-saharan_africa horn_of_africa western_europe eastern_europe balkans caucasus persian_gulf gaza_strip west_bank
sinai golan golan_heights siberia arctic pacific atlantic mediterranean red_sea black_sea dead_sea himalayas
amazon sahara sahel scandinavia levant mesopotamia`;

/** Well-known news organisations, companies and bodies Phoenix does not list ("_" joins words). */
const ORG_EXTRA = `reuters associated_press ap afp agence_france-presse bloomberg upi xinhua tass ria_novosti interfax
bbc cnn nbc cbs abc fox_news msnbc pbs npr al_jazeera sky_news itv channel_4 cbc rt the_new_york_times new_york_times
the_washington_post washington_post the_wall_street_journal wall_street_journal the_guardian guardian the_times
the_telegraph the_independent financial_times the_economist usa_today los_angeles_times chicago_tribune
the_boston_globe boston_globe time_magazine newsweek politico axios haaretz the_times_of_israel times_of_israel
jerusalem_post the_jerusalem_post ynet kan channel_12 der_spiegel le_monde el_pais wikinews wikipedia wikimedia_foundation
google alphabet facebook meta twitter microsoft apple amazon netflix ibm intel samsung sony toyota volkswagen
tesla spacex boeing airbus exxonmobil shell bp gazprom rosneft aeroflot nasa fbi cia nsa kgb fsb gru mossad
shin_bet idf hamas hezbollah islamic_jihad palestinian_islamic_jihad fatah plo isis isil al-qaeda al_qaeda
taliban wagner_group nato un united_nations eu european_union who unicef unesco red_cross icrc imf world_bank
opec interpol amnesty_international human_rights_watch greenpeace kremlin the_kremlin white_house the_white_house
pentagon the_pentagon congress senate house_of_representatives knesset duma state_duma parliament supreme_court`;

/** Whitespace-separated items; "_" joins the words of a multi-word item. */
function parseList(s: string): string[] {
  return s.split(/\s+/).filter(Boolean).map((w) => w.replace(/_/g, ' ').replace(/^the /, ''));
}

/** Tokenise a dictionary phrase the way our tokenizer would split it. */
export function phraseTokens(raw: string): string[] {
  return raw
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/_/g, ' ')
    .replace(/,/g, ' , ')
    .replace(/'s\b/g, " 's")
    .split(/\s+/)
    .filter(Boolean)
    // names are tagged without a leading article ("the United Nations" → "United Nations")
    .filter((w, i, all) => !(i === 0 && w === 'the' && all.length > 1));
}

function pluralise(w: string): string[] {
  if (/(an|ian|i|ist|ite|ic|er|ot|ek|ab|ai|ard)$/.test(w)) return [w + 's'];
  return [];
}

interface Block {
  phrases: { raw: string; comment: string }[];
  codes: string[];
}

function readBlocks(path: string): Block[] {
  const text = readFileSync(path, 'latin1');
  const blocks: Block[] = [];
  let cur: Block | null = null;
  let codesSeen = false;
  for (let line of text.split('\n')) {
    if (/^\s*#/.test(line) || !line.trim()) {
      continue;
    }
    let comment = '';
    const hash = line.indexOf('#');
    if (hash >= 0) {
      comment = line.slice(hash);
      line = line.slice(0, hash);
    }
    const codes = [...line.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1].trim());
    const phrase = line.replace(/\[[^\]]*\]/g, '').trim().replace(/^\+/, '').trim();
    if (phrase) {
      if (!cur || codesSeen) {
        cur = { phrases: [], codes: [] };
        blocks.push(cur);
        codesSeen = false;
      }
      // a new head entry (no "+") that follows an inline-coded entry starts a new block
      if (!line.startsWith('+') && !/^\s/.test(line) && cur.phrases.length > 0 && cur.codes.length > 0) {
        cur = { phrases: [], codes: [] };
        blocks.push(cur);
      }
      cur.phrases.push({ raw: phrase, comment });
    }
    if (codes.length && cur) {
      cur.codes.push(...codes);
      if (!phrase) codesSeen = true;
    }
  }
  return blocks;
}

/**
 * A block of Phoenix.Countries.actors.txt names a country when one of its codes is a bare country
 * code, with or without a date range: "[RUS]", but also "[UKR >911221]", "[IRQ <20030320]",
 * "[SSD >20110709]" — countries whose every code is dated (Ukraine, Iraq, Kuwait, South Sudan, the
 * former Soviet republics …) are countries too, not office holders. "[UKRGOV 911205-940719]" is not.
 */
export function isCountryBlock(codes: readonly string[]): boolean {
  return codes.some((c) => /^[A-Z]{3}(?:\s|$)/.test(c));
}

const ORG_WORDS = new Set([...ORG_TRIGGERS, 'ministry', 'of', 'forces', 'army', 'front', 'brigade', 'movement', 'battalion', 'battalions', 'regiment', 'division', 'cell']);

const TITLE_EXTRA = new Set(['of', 'the', 'foreign', 'defense', 'defence', 'interior', 'finance', 'former', 'minister',
  'party', 'chief', 'leader', 'opposition', 'state', 'national', 'security', ',']);

/**
 * "RUSSIAN_PRESIDENT_VLADIMIR_PUTIN" → "vladimir putin": titles, nationality words and office
 * words go; a place name goes only when a title follows it ("US PRESIDENT …"), so a given name
 * that is also a town ("Vladimir") stays.
 */
function stripTitles(words: string[], norp: Set<string>, gpe: Set<string>): string[] {
  const titleLike = (w: string | undefined) => w !== undefined && (PERSON_TITLES.has(w) || norp.has(w) || TITLE_EXTRA.has(w));
  let i = 0;
  while (i < words.length - 1 && (titleLike(words[i]) || (gpe.has(words[i]) && titleLike(words[i + 1])))) i++;
  return words.slice(i);
}

/**
 * Place categories from the world gazetteer of the places stage (models/places, GeoNames CC BY 4.0:
 * countries, first-level regions, towns of ≥ 1,000 people, with their alternate names), one per name
 * key: CTRY (a country), AREA (a sea, continent or region in no one country), ADM1 (a first-level
 * region), else the biggest town bearing it by population, TOWN6 (≥ 1 M), TOWN5 (≥ 100 k), TOWN4 (≥ 10 k)
 * or TOWN3. A single word the labelled text mostly writes in lower case ("reading", "mobile", "of")
 * is left out: `lowerWords`. These categories are features only: no rule and no label mapping reads them.
 */
export function placeCategories(placesDir: string, lowerWords: ReadonlySet<string>): Map<string, string> {
  const rows = readFileSync(join(placesDir, 'places.tsv'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).slice(1);
  const catOf = rows.map((line) => {
    const f = line.split('\t');
    const code = f[2];
    const pop = Number(f[7]) || 0;
    if (code === 'PCLI') return 'CTRY';
    if (code === 'CONT' || code === 'OCN' || code === 'SEA' || code === 'RGN') return 'AREA';
    if (code === 'ADM1') return 'ADM1';
    return pop >= 1e6 ? 'TOWN6' : pop >= 1e5 ? 'TOWN5' : pop >= 1e4 ? 'TOWN4' : 'TOWN3';
  });
  const rank = ['CTRY', 'AREA', 'ADM1', 'TOWN6', 'TOWN5', 'TOWN4', 'TOWN3'];
  const out = new Map<string, string>();
  const names = readFileSync(join(placesDir, 'names.tsv'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).slice(1);
  for (const line of names) {
    const tab = line.indexOf('\t');
    const key = line.slice(0, tab);
    if (!key || /\d/.test(key) || (!key.includes(' ') && lowerWords.has(key))) continue;
    let best = '';
    for (const r of line.slice(tab + 1).split(',')) {
      const c = catOf[Number(r)];
      if (c && (!best || rank.indexOf(c) < rank.indexOf(best))) best = c;
    }
    if (best) out.set(key, best);
  }
  return out;
}

/**
 * `datedCountries`: a country block whose codes all carry dates ("[UKR >911221]", "[IRQ <20030320]") is
 * a country too (isCountryBlock), and a spelling of a country's name is no nationality. Off in the
 * shipped recipe: without it Ukraine, Iraq, Kuwait, South Sudan, the former Soviet republics and their
 * cities fall to the office-holder rule and are PER. The switch waits for a retrain that keeps the facts
 * of our own articles (docs/entities-ner.md, "Countries with dated Phoenix codes").
 */
export function buildGazetteer(petrarchDir: string, places?: Map<string, string>, opts: { datedCountries?: boolean } = {}): GazetteerData {
  const isCountry = opts.datedCountries ? isCountryBlock : (codes: readonly string[]) => codes.some((c) => /^[A-Z]{3}$/.test(c));
  const dict = join(petrarchDir, 'dictionaries');
  const gpe = new Set<string>();
  const norp = new Set<string>();
  const per = new Set<string>();
  const org = new Set<string>();
  const loc = new Set<string>();

  for (const w of parseList(DEMONYMS)) {
    norp.add(w);
    for (const p of pluralise(w)) norp.add(p);
  }
  for (const w of parseList(DEMONYM_EXTRA)) norp.add(w);
  for (const w of parseList(GPE_EXTRA)) gpe.add(w);
  for (const w of parseList(LOC_EXTRA)) loc.add(w);
  for (const w of parseList(ORG_EXTRA)) org.add(w);

  const personRaw: string[][] = [];
  const countries = readBlocks(join(dict, 'Phoenix.Countries.actors.txt'));
  for (const b of countries) {
    if (isCountry(b.codes)) {
      const head = phraseTokens(b.phrases[0].raw).join(' ');
      for (const p of b.phrases) {
        const toks = phraseTokens(p.raw);
        const w = toks.join(' ');
        // a spelling of a country name is no adjective ("kazakstan", "afghanestan", "azerbaidjan")
        if (toks.length === 1 && w !== head && /(an|ian|ese|ish|i|ic|ch)$/.test(w) && !(opts.datedCountries && /(stan|jan)$/.test(w)) && w.slice(0, 4) === head.slice(0, 4)) {
          norp.add(w);
          for (const pl of pluralise(w)) norp.add(pl);
        } else gpe.add(w);
      }
      continue;
    }
    const dated = b.codes.some((c) => /\d{6}/.test(c));
    const info = b.phrases.some((p) => p.comment.includes('CountryInfo'));
    for (const p of b.phrases) {
      const toks = phraseTokens(p.raw);
      const hasOrgWord = toks.some((t) => ORG_WORDS.has(t));
      if ((info || dated) && !hasOrgWord) personRaw.push(toks);
      else if (toks.length > 0) org.add(toks.join(' '));
    }
  }
  // undated entries of the group files: organisations, or individuals coded with their group
  // ("OSAMA_BIN_LADEN [IMGMUSALQ]"), told apart below once the given names are known
  const undated: string[][] = [];
  for (const file of ['Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt']) {
    for (const b of readBlocks(join(dict, file))) {
      const dated = b.codes.some((c) => /\d{6}/.test(c));
      for (const p of b.phrases) {
        const toks = phraseTokens(p.raw);
        const hasOrgWord = toks.some((t) => ORG_WORDS.has(t));
        if (dated && !hasOrgWord && toks.length >= 2) personRaw.push(toks);
        else if (!hasOrgWord && toks.length >= 2) undated.push(toks);
        else if (toks.length > 0) org.add(toks.join(' '));
      }
    }
  }
  const first = new Set<string>();
  const addPerson = (toks: string[]) => {
    const name = stripTitles(toks, norp, gpe);
    if (name.length === 0) return;
    per.add(name.join(' '));
    if (name.length >= 2 && name[0].length > 1 && !name[0].endsWith('.')) first.add(name[0]);
  };
  for (const toks of personRaw) addPerson(toks);
  // an undated entry is a person when a patronymic particle joins its names ("osama bin laden",
  // "bin laden") or a known given name precedes the Arabic article ("ayman al zawahiri"); other
  // undated entries are groups ("abu sayyaf", "al shabaab")
  for (const toks of undated) {
    const particle = toks.slice(0, -1).some((t) => t === 'bin' || t === 'ibn');
    // "ayman al zawahiri": a known given name, then the Arabic article
    const givenThenArticle = toks.length >= 3 && (toks[1] === 'al' || toks[1] === 'el') && first.has(toks[0]) && !['al', 'el', 'abu', 'ansar', 'jaish'].includes(toks[0]);
    if (particle || givenThenArticle) addPerson(toks);
    else org.add(toks.join(' '));
  }
  // keep ORG free of entries that are really places or nationality words
  for (const w of org) if (gpe.has(w) || norp.has(w) || w.length < 2) org.delete(w);
  for (const w of per) if (gpe.has(w) || norp.has(w) || org.has(w)) per.delete(w);
  for (const w of gpe) if (norp.has(w)) gpe.delete(w);
  // "al shabaab" is written "Al-Shabaab" as often, which our tokenizer keeps as one word: each
  // phrase with a separate Arabic article also goes in with the article hyphenated
  for (const set of [org, per, gpe, loc]) {
    for (const p of [...set]) {
      const joined = p.replace(/(^| )(al|el|ad|ash) (?=\S)/g, '$1$2-');
      if (joined !== p) set.add(joined);
    }
  }
  const sorted = (s: Iterable<string>) => [...s].filter((w) => w.length > 0).sort();
  const out: GazetteerData = { GPE: sorted(gpe), NORP: sorted(norp), LOC: sorted(loc), PER: sorted(per), FIRST: sorted(first), ORG: sorted(org) };
  if (places) {
    const byCat = new Map<string, string[]>();
    for (const [key, cat] of places) {
      const list = byCat.get(cat) ?? [];
      list.push(key);
      byCat.set(cat, list);
    }
    for (const [cat, keys] of [...byCat].sort((a, b) => (a[0] < b[0] ? -1 : 1))) out[cat] = sorted(keys);
  }
  return out;
}
