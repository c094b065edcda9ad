/**
 * Stage 'ner': the trained named-entity recogniser. For each sentence it tags tokens with
 * BIO labels (structured perceptron + Viterbi, see ner-model.ts) and pushes one Mention per
 * name into doc.mentions with kind 'name', an OntoNotes type and source 'model'. It builds
 * no entities: the entity and coreference stages combine these mentions with their own.
 *
 * Two models, trained alike: the recogniser (BIO tags for every type) and its organisation
 * companion (ORG tagged BILOU), whose ORG names replace the recogniser's (withCompanionOrgs;
 * CHRONICLE_WITHOUT=ner.org-model runs the recogniser alone).
 *
 * The models (models/ner/, trained by `npm run train:ner`) load lazily once per process.
 * The stage never throws: a missing or broken model leaves a note in doc.notes ('ner.error').
 */
import { fileURLToPath } from 'node:url';
import { ENTITY_TYPES, type Doc, type EntityType, type Mention } from '../doc.js';
import type { Stage } from '../pipeline.js';
import { emptyList, packedMap } from '../packed.js';
import { DATE_WORDS, FAC_TRIGGERS, LOC_TRIGGERS, ORG_OPENERS, ORG_TRIGGERS, PERSON_TITLES, docCaps, sentenceView, type DocCaps } from './ner-features.js';
import { emissions, loadNerModel, sentenceKeysOf, tagsToSpans, viterbi, type NerModel } from './ner-model.js';
import { readerSet, roleOf, set } from '../lexicon/index.js';
import { shortFormSpan } from './aliases.js';
import { defineRule, type Rule, type RuleExample, type RuleText } from '../rules/registry.js';
import { gazetteer as nameGazetteer, nameKey } from './gazetteer.js';
import { R_GAZETTEER_OFFICE, R_HONORIFIC_PERSON, R_OFFICE_COMPLEMENT, R_PLACE_LED_NAMES, R_NATIONALITY_LED_NAMES, R_PERSON_LED_NAMES, cutGazetteerOffices, cutOfficeComplements, honorificPersons, joinLedNames, joinPlaceLedNames } from './name-spans.js';
import { R_KIND_NAMES, kindNames } from './name-kinds.js';
import { R_CAMEL_CASE_ORGS, camelCaseOrgs } from './name-shapes.js';
import { contextKey, corpusContexts, corpusRoles, countSentenceContexts, countSentenceRoles, forEachCapitalisedRun, runKey, type ContextCounts, type RoleCounts } from './name-contexts.js';

export interface NameSpan {
  /** token range [start, end) within the sentence */
  start: number;
  end: number;
  type: EntityType;
}

const PUNCT = /^[\p{P}\p{S}]+$/u;

/** Lower-case words that tie a title to its complement: never the first word of a person's name. */
const TITLE_LINKS = set('function-words', { uses: 'ner-title-link' });

/*
 * The span and type rules around the model, each registered (CHRONICLE_WITHOUT=ner.x switches
 * one off) so that `npm run ablate:names` measures it cross-validated; docs/entities-ner.md
 * keeps the table. A rule that changes the spans of a sentence records a firing.
 */
const nerRule = (id: string, action: 'label' | 'retype' | 'split' | 'extend' | 'veto', summary: string, fires: RuleText[]): Rule =>
  defineRule({ id: `ner.${id}`, stage: 'ner', action, summary, fires, spares: [], source: 'src/extract/ner.ts' });
const R_TITLE_STRIP = nerRule("title-strip", "split", "titles and their linking words leave a person name (\"Sheikh Mohammed bin Abdulrahman Al Thani\" → \"Mohammed bin Abdulrahman Al Thani\")", ["Qatar's Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani said the next exchange would take place on Thursday."]);
const R_OFFICE_AFTER_ORG = nerRule("office-after-org", "split", "a title after a known organisation or place ends the organisation (\"the UN High Commissioner for Human Rights\")", [
  { text: "Volker Turk, the UN High Commissioner for Human Rights, said the releases were not enough.", decoded: ["Volker Turk/PERSON", "UN High Commissioner for Human Rights/ORG"], names: ["Volker Turk/PERSON", "UN/ORG"] },
]);
const R_DISCIPLINE_TYPE = nerRule("discipline-type", "retype", "head words overrule the model where a person or place reading is impossible (\"Sheba Hospital\", \"Kibbutz Nir Oz\", \"World Cup\")", [
  { text: "They watched the Tallert Cup final.", decoded: ["Tallert Cup/ORG"], companion: ["Tallert Cup/EVENT"], names: ["Tallert Cup/EVENT"] },
]);
const R_EXTEND_TO_GAZETTEER = nerRule("extend-to-gazetteer", "extend", "a span cut short inside a longer capitalised gazetteer name grows to it (\"Islamic\" → \"Islamic Jihad\")", ["Alexander Trufanov was abducted by Islamic Jihad militants from Kibbutz Nir Oz."]);
const R_PARTICLE_NAMES = nerRule("particle-names", "label", "names joined by particles or ending on an \"al-\" word are one person (\"Pieter van der Berg\")", [
  { text: "Pieter van der Berg, 44, and Jan de Vries, 39, were seized by Houthi fighters near Sanaa.", decoded: ["Jan de Vries/PERSON", "Houthi/NORP", "Sanaa/GPE"], companion: ["Berg/GPE", "Jan de Vries/PERSON", "Houthi/NORP", "Sanaa/GPE"], names: ["Pieter van der Berg/PERSON", "Jan de Vries/PERSON", "Houthi/NORP", "Sanaa/GPE"] },
]);
const R_KIN_NAMES = nerRule("kin-names", "label", "capitalised words in apposition to a kinship noun are a person (\"his father, Vitaly,\")", [
  { text: "His father, Vitaly, was not home.", decoded: [], companion: ["Vitaly/PERSON"], names: ["Vitaly/PERSON"] },
]);
const R_SPLIT_PLACE_PERSON = nerRule("split-place-person", "split", "a span opening with a known country before a title or a person is split (\"President of Russia Vladimir Putin\")", ["In 2007, Paris left the ship after a confrontation with the ship's management."]);
const R_ACRONYMS = nerRule("acronyms", "label", "initials before a bracketed acronym name it; a bracketed expansion after an acronym names it", [
  { text: "Deputies of Movimento 5 Stelle (M5S) met the Democratic Forces for the Liberation of Rwanda (FDLR).", decoded: ["Movimento/ORG", "Democratic Forces/ORG", "Liberation of Rwanda/ORG", "FDLR/ORG"], companion: ["Deputies of Movimento/ORG", "Democratic Forces for the Liberation of Rwanda/ORG", "FDLR/ORG"], names: ["Movimento 5 Stelle/ORG", "Democratic Forces for the Liberation of Rwanda/ORG", "FDLR/ORG"] },
]);
const R_LAW_NAMES = nerRule("law-names", "retype", "an organisation or person name of two words or more whose head word (the last, or the one before \"of\"/\"for\") is a law word (lexicon ner-words, ner-law-head) is a law: \"Universal Declaration of Human Rights\", \"Digital Millennium Copyright Act\"", [
  { text: "The ruling cited the Universal Declaration of Human Rights in full.", decoded: ["Universal Declaration of Human Rights/ORG"], companion: ["Universal Declaration of Human Rights/ORG"], names: ["Universal Declaration of Human Rights/LAW"] },
]);
const R_THING_CONTEXTS = nerRule("thing-contexts", "retype", "an organisation whose last word the contexts call a thing — a product, a disease, a system (\"Linux kernel\", \"COVID-19\", \"version of X\"; lexicon name-contexts), counted in the unlabelled Wikipedia text (models/ner/name-contexts.tsv.gz) and in the article — at least eight times and four times as often as an agent (\"X said\", \"X's spokesperson\") is a product (not when the last word heads organisations: org-heads, or five gazetteer organisations), and so is an acronym it defines: \"Red Hat Enterprise Linux (RHEL)\"", [
  { text: "Users of Red Hat Enterprise Linux (RHEL) pay for support.", decoded: ["Red Hat/ORG"], companion: [], names: ["Red Hat Enterprise Linux/PRODUCT", "RHEL/PRODUCT"] },
  { text: "COVID-19 cases rose again. Hospitals treat more COVID-19 patients. The COVID-19 vaccine came late and the COVID-19 pandemic goes on. It is not so with COVID, that is my main problem now.", decoded: [], companion: ["COVID/ORG"], names: ["COVID/PRODUCT"] },
]);
const R_ORG_CONTEXTS = nerRule("org-contexts", "label", "a capitalised run both models leave — written capitalised inside a sentence somewhere in the article, no gazetteer place, nationality or person, no part of a longer name, no thing by ner.thing-contexts' counts — whose contexts, counted per run in the unlabelled Wikipedia text (models/ner/name-contexts.tsv.gz) and in the article — both must hold at least one — are an organisation's (\"X employees\", \"X's headquarters\", \"shares of X\", \"analyst at X\"; lexicon name-contexts, kind org) at least twice and, smoothed, three times as often as a person's (\"X's wife\", \"Mr X\") or a place's (\"X's population\", \"near X\"), is an organisation in every mention the models left; a one-word acronym needs one such context in the article (its corpus counts pool all it stands for)", [
  { text: "Compaq employees walked out on Monday. Shares of Compaq fell by a third, and Compaq said it would talk.", decoded: [], companion: [], names: ["Compaq/ORG", "Compaq/ORG", "Compaq/ORG"] },
]);
const R_ORG_SHORT_FORM = nerRule("org-short-form", "label", "an organisation of the article named with trailing head words (lexicon org-heads, uses short-form: \"SoftBank Group Corp.\", \"Smithsonian Institution\", \"Mozilla Foundation\") is the same organisation where the article writes its name without them (\"SoftBank\", \"the Smithsonian\", \"Mozilla\"): untagged there, or typed a person; not a name the article types a place or another kind, not a gazetteer place, nationality or person, a date word, a title, a word mostly written in lower case, a word of a person named in full, a thing by ner.thing-contexts' counts (\"CentOS\" of \"CentOS Board\"), nor a numbered thing (\"CentOS 8\"), a town before \", State\" (\"Hiram College (Hiram, OH)\"), inside a longer capitalised run or before a possessive that goes on as one (\"New People's Party\")", [
  { text: "Zentrix Group Corp. agreed to take control of the company. The deal gives Zentrix about 80 percent.", decoded: ["Zentrix Group Corp./ORG"], companion: ["Zentrix Group Corp./ORG"], names: ["Zentrix Group Corp./ORG", "Zentrix/ORG"] },
  { text: "The Mozilla Foundation hired him, and he said Mozilla would grow.", decoded: ["Mozilla Foundation/ORG", "Mozilla/PERSON"], companion: ["Mozilla Foundation/ORG"], names: ["Mozilla Foundation/ORG", "Mozilla/ORG"] },
]);
const R_CLASS_NAMED = nerRule("class-named", "label", "names after a noun naming a kind of organisation are organisations (\"the militant group Al-Shabaab\")", ["The band I started in 1993, Spoken Motion, received a lot of recognition."]);
const R_TITLE_OFFICES = nerRule("title-offices", "veto", "a title over \"of\" is an office, not an organisation (\"the Secretary of State\")", [
  { text: "The Minister of Health announced the plan.", decoded: ["Minister of Health/ORG"], names: [] },
]);
const R_PLACE_BEFORE_REGION = nerRule("place-before-region", "label", "capitalised words before \", State/Country\" closing the phrase are a place (\"from Irving, Texas,\")", ["Ahmed Mohamed, a 14-year-old boy from Irving, Texas, was arrested at his school."]);
const R_REGION_CODES = nerRule("region-codes", "retype", "a state or province postal code after \"City,\" that closes the phrase (\"Salem, OR\", \"Kent, OH\"; lexicon region-codes) is a place, and so are the capitalised words before the comma, whatever the model read there; so is a code alone in brackets (\"Manor College (PA)\")", [
  { text: "Willamette University (Salem, OR) will admit displaced students.", decoded: ["Willamette University/ORG", "Salem/PERSON", "OR/ORG"], names: ["Willamette University/ORG", "Salem/GPE", "OR/GPE"] },
]);
const R_FILL_LISTS = nerRule("fill-lists", "label", "the items of a list of three or more names are alike", ["Armed clashes broke out in several northern Iraqi cities on Wednesday, leaving some 22 persons dead in Mosul, Baiji, and Tuz."]);
const R_PLACE_BEFORE_TITLE = nerRule("place-before-title", "label", "a known place before a title or a party word is tagged (\"Pennsylvania Senator\", \"a Massachusetts Democrat\")", ["Elizabeth Warren, a Massachusetts Democrat, spoke."]);
const R_ORDINAL_NAMES = nerRule("ordinal-names", "label", "an ordinal in figures followed by capitalised words ending in a facility head or an organisation head is one name of that kind (\"38th Street\", \"7th Avenue\", \"the US Navy's 5th Fleet\", \"the 3rd Infantry Division\"); the model reads a name as opening with a capital", ["The restaurant is located on 38th Street and 7th Avenue.", "The 3rd Infantry Division crossed the river."]);
const R_KNOWN_PLACES = nerRule("known-places", "label", "a gazetteer place after a place preposition, and an unknown word closing a place phrase after \"in\", are places", ["He had been held in a detention centre in Taganrog."]);
const R_KNOWN_ORGANISATIONS = nerRule("known-organisations", "label", "known hyphenated or multi-word organisations the model left are tagged (\"Al-Shabaab\", \"an al-Qaeda affiliate\")", ["He had been held by an al-Qaeda affiliate in Mali."]);
const R_NICKNAMES = nerRule("nicknames", "extend", "a quoted nickname sits inside a name (Joaquín \"El Chapo\" Guzmán)", ["Joaquín \"El Chapo\" Guzmán was flown to New York."]);
const R_AFFILIATION_ACRONYMS = nerRule("affiliation-acronyms", "label", "acronyms that speak or belong are organisations (\"the RSF said\", \"Leung Kwok-hung of LSD\")", ["The soldiers were handed over in Darfur, the RSF said in a statement."]);
const R_AFFILIATION_NAMES = nerRule("affiliation-names", "label", "a capitalised name tied to a person by \"of\" after the person or a possessive before, and known as no place, nationality or person, is the body the person belongs to (\"Nathan Law of Demosisto\", \"Civic Passion's Wong Yeung-tat\")", [
  { text: "Pan-democrat Lam Cheuk-ting and localist group Youngspiration's Baggio Leung were elected, as was Nathan Law of Demosisto.", decoded: ["Lam Cheuk-ting/PERSON", "Baggio Leung/PERSON", "Nathan Law/PERSON"], names: ["Lam Cheuk-ting/PERSON", "Youngspiration/ORG", "Baggio Leung/PERSON", "Nathan Law/PERSON", "Demosisto/ORG"] },
  { text: "Localist group Civic Passion's Wong Yeung-tat was defeated.", decoded: ["Civic Passion/PERSON", "Wong Yeung-tat/PERSON"], names: ["Civic Passion/ORG", "Wong Yeung-tat/PERSON"] },
]);
const R_HEADED_NAMES = nerRule("headed-names", "label", "a capitalised run ending in an organisation head is one organisation, also before \"for/of\" (\"The Hostages and Missing Families Forum\")", ["The Hostages and Missing Families Forum thanked the envoy on Sunday."]);
const R_ORG_COMPLEMENT = nerRule("org-complement", "extend", "an organisation ending in its head word continues over \"for\"/\"on\" (\"Council on Foreign Relations\")", [
  { text: "She joined the Tallert Foundation for the Arts in 2001.", decoded: ["Tallert Foundation/ORG"], names: ["Tallert Foundation for the Arts/ORG"] },
]);
const R_COORDINATED_HEAD = nerRule("coordinated-head", "extend", "capitalised words ending in a common noun, then \"and\" or \"&\", then an organisation ending in its head word, are one organisation (\"United Restaurant and Tavern Owners Association\"); not when the first part is a name of its own (ends in a head word, is a known name, or ends in a word mostly capitalised: \"Orbis Labs and Tarrow Bank\", \"Sony and Universal Music Group\"); a common word the gazetteer lists only as a given name is no known name (\"Law and Justice Party\")", [
  { text: "The Bakery and Pastry Workers Union called a strike.", decoded: ["Bakery/ORG", "Pastry Workers Union/ORG"], names: ["Bakery and Pastry Workers Union/ORG"] },
  { text: "He leads the Hope and Renewal Party in the north.", decoded: ["Renewal Party/ORG"], names: ["Hope and Renewal Party/ORG"] },
]);
const R_ARTICLE_OPENER = nerRule("article-opener", "split", "a sentence-opening \"A\" or \"An\" before a name of two words or more is the article, not part of the name (\"A Pew Research Center study\")", [
  { text: "A Tallert Research Center study found the opposite.", decoded: ["A Tallert Research Center/ORG"], names: ["Tallert Research Center/ORG"] },
]);
const R_MERGE_ADJACENT = nerRule("merge-adjacent", "extend", "touching spans of one type are one name (\"Washington\" + \"D.C.\")", ["They moved to St. Louis Missouri last year."]);
const R_CAPITAL_THE = nerRule("capital-the", "label", "a mid-sentence capitalised \"The\" opens a name, and every \"The X\" of the article is that name (\"writes for The Onion\")", ["At school they always called me The Poet because of the verses that I wrote."]);
const R_LONE_PLACE_PERSON = nerRule("lone-place-person", "retype", "a lone \"person\" the gazetteer knows as a country or city, in no full name of the article, is the place (\"for Georgia's bid\")", ["The talks helped Georgia's bid to join the union."]);
const R_ORG_MODEL = nerRule("org-model", "label", "the organisation companion model (ORG tagged BILOU) names the organisations: its ORG names replace the BIO model's, and any name of the BIO model they overlap (\"for WeWork\", \"Fans of Real Madrid\", which the BIO model leaves)", [
  { text: "She worked for Zenwork and later for SoftBank in Tokyo.", decoded: ["SoftBank/ORG", "Tokyo/GPE"], companion: ["Zenwork/ORG", "SoftBank/ORG", "Tokyo/GPE"], names: ["Zenwork/ORG", "SoftBank/ORG", "Tokyo/GPE"] },
  { text: "Fans of Real Madrid gathered outside the stadium.", decoded: [], companion: ["Real Madrid/ORG"], names: ["Real Madrid/ORG"] },
]);
const R_ORG_MODEL_CROSSING = nerRule("org-model-crossing", "veto", "a companion organisation that crosses the edge of a BIO model's name yields to it (\"Deputies of Movimento\" across \"Movimento 5 Stelle\")", [
  { text: "Deputies of Movimento 5 Stelle (M5S) met the ministers.", decoded: ["Movimento/ORG"], companion: ["Deputies of Movimento/ORG"], names: ["Movimento 5 Stelle/ORG"] },
]);
const R_ORG_MODEL_LOWER_EDGE = nerRule("org-model-lower-edge", "veto", "a companion organisation that begins or ends on a word with no capital or digit yields to the BIO model's names (\"Tbilisi City Court of\")", [
  { text: "Melia was convicted by the Tbilisi City Court of organising mass unrest.", decoded: ["Tbilisi City Court/ORG"], companion: ["Tbilisi City Court of/ORG", "mass/ORG"], names: ["Tbilisi City Court/ORG"] },
]);
const R_ORG_MODEL_NARROWER = nerRule("org-model-narrower", "veto", "a companion organisation inside a longer organisation of the BIO model, longer by name words only, yields to it (\"Ansar\" of \"Ansar al-Din\")", [
  { text: "The militant group Ansar al-Din later released a video.", decoded: ["Ansar/ORG"], companion: [], names: ["Ansar al-Din/ORG"] },
]);
const R_ORG_MODEL_OTHER_TYPE = nerRule("org-model-other-type", "label", "a BIO organisation that the companion names as a work, product, event, law, group or language stays (only the companion's organisations are used, so the name would be lost: \"The Kingdom of Elbonia\")", [
  { text: "The Kingdom of Elbonia announced a complete withdrawal from the border zone.", decoded: ["Kingdom of Elbonia/ORG"], companion: ["Kingdom of Elbonia/WORK_OF_ART"], names: ["Kingdom of Elbonia/ORG"] },
]);
const R_NAME_GAZETTEER_PLACES = nerRule("name-gazetteer-places", "retype", "the rules read a phrase the model's gazetteer lists as a person and the name gazetteer as a place as a place: countries whose Phoenix codes are all dated and their cities (\"Kuwait\", \"Kirkuk\", \"Juba\"), which the model's gazetteer, fixed with its weights, still lists as people", ["Kuwait will raise its oil output next month, the state news agency reported."]);
const R_STORM_NAMES = nerRule("storm-names", "retype", "a capitalised word after a storm word (\"Hurricane Lorenzo\", \"Tropical Storm Humberto\", \"Typhoon Haiyan\"; lexicon event-heads, uses ner-before) names an event, and so does that word alone anywhere in the article: a storm is no person", [
  { text: "Hurricane Lorenzo reached the Azores on Wednesday. Forecasters said Lorenzo would weaken over cold water.", decoded: ["Hurricane Lorenzo/PERSON", "Azores/GPE", "Lorenzo/PERSON"], names: ["Hurricane Lorenzo/EVENT", "Azores/GPE", "Lorenzo/EVENT"] },
]);
const R_DOC_PERSON_PARTS = nerRule("doc-person-parts", "label", "once a person is named in full, a later word of the name is that person", ["Dan Savage wrote the column Savage Love. Savage said he was sorry."]);
const R_DATE_TAIL = nerRule("date-tail", "split", "a name ends before a date: a closing word (\"on\", \"in\") followed by a month or weekday, or a month or weekday ending a longer name before a number or a comma, is no part of it (\"Kennedy Space Center on April 12\", \"Aner Shalev Wednesday, September 19\")", [
  { text: "The launch from Kennedy Space Center on April 12 was delayed.", decoded: ["Kennedy Space Center on April/ORG"], names: ["Kennedy Space Center/ORG"] },
  { text: "Wikinews interviews Israeli mathematician Aner Shalev Wednesday, September 19, 2007.", decoded: ["Israeli/NORP", "Aner Shalev Wednesday/PERSON"], names: ["Israeli/NORP", "Aner Shalev/PERSON"] },
]);

/** A cheap fingerprint of a sentence's spans, to tell whether a rule changed them. */
function spanPrint(spans: readonly NameSpan[]): number {
  let h = spans.length;
  for (const s of spans) h = (Math.imul(h, 31) + s.start * 977 + s.end * 131 + s.type.length * 7 + s.type.charCodeAt(0)) | 0;
  return h;
}

/** Character range of the sentence being recognised, when the caller knows it (firings point at it). */
let sentenceRange: readonly [number, number] | undefined;

/** True while the organisation companion runs: its rules' firings are not the document's (ner.org-model records what it changes). */
let quiet = false;

function fire(rule: Rule): void {
  if (quiet) return;
  if (sentenceRange) rule.fired(sentenceRange[0], sentenceRange[1]);
  else rule.fired();
}

/** Run one registered span rule over a sentence's spans (unless switched off), noting when it changed them. */
function applyRule(rule: Rule, spans: NameSpan[], f: () => void): void {
  if (!rule.enabled) return;
  const before = spanPrint(spans);
  f();
  if (spanPrint(spans) !== before) fire(rule);
}

/**
 * Titles left off a person's name: the feature list, and "Chair" ("Fed Chair Jerome Powell"),
 * which as a feature class cost cross-validated F1 (the common noun "chair" shares it).
 */

function isTitle(word: string): boolean {
  const l = word.toLowerCase();
  return PERSON_TITLES.has(l) || l === 'chair' || l === 'chairperson';
}

/**
 * Tag one sentence (its token texts) and return the name spans, after light clean-up that
 * keeps type discipline: person names lose leading titles ("President Putin" → "Putin"),
 * spans made only of day/month words are dropped (dates are the times stage's job), and
 * punctuation is trimmed from the edges.
 */
export function recognise(model: NerModel, words: readonly string[], doc?: DocCaps, em?: Float32Array): NameSpan[] {
  if (words.length === 0) return [];
  em ??= emissions(model, words, doc ?? docCaps([words]));
  return spansAfterRules(model, words, decodedSpans(model, words, em));
}

/** The model's own names in a sentence: its best tag sequence as spans, split at lower-case words. */
function decodedSpans(model: NerModel, words: readonly string[], em: Float32Array): NameSpan[] {
  if (words.length === 0) return [];
  const w = model.weights;
  return splitAtLowerCase(words, tagsToSpans(viterbi(em, words.length, w.trans, w.start, w.tags), w.tags));
}

/**
 * The sentence's names after the clean-up and span rules. What they read besides the decoded
 * spans (the words, the gazetteer, the lexicon) the organisation companion shares with the
 * recogniser, so equal decoded spans give equal names (recogniseDocIn reuses them).
 */
function spansAfterRules(model: NerModel, words: readonly string[], decoded: readonly NameSpan[]): NameSpan[] {
  if (words.length === 0) return [];
  const out: NameSpan[] = [];
  for (const s of decoded) {
    let { start, end } = s;
    while (start < end && PUNCT.test(words[start])) start++;
    while (end > start && PUNCT.test(words[end - 1]) && !/\.$/.test(words[end - 1])) end--;
    if (s.type === 'PERSON' && R_TITLE_STRIP.enabled) {
      // titles and the prepositions of a title's complement ("Prime Minister of Israel …") are not the name
      const was = start;
      while (end - start > 1 && (isTitle(words[start]) || TITLE_LINKS.has(words[start]))) start++;
      if (start !== was) fire(R_TITLE_STRIP);
      if (end - start === 1 && isTitle(words[start])) {
        fire(R_TITLE_STRIP);
        continue;
      }
    }
    if (s.type === 'ORG' && R_OFFICE_AFTER_ORG.enabled) {
      const cut = endBeforeOffice(model, words, start, end);
      if (cut !== end) {
        end = cut;
        fire(R_OFFICE_AFTER_ORG);
      }
    }
    if (end <= start) continue;
    let allDate = true;
    for (let i = start; i < end; i++) if (!DATE_WORDS.has(words[i].toLowerCase())) allDate = false;
    if (allDate) continue;
    const type = R_DISCIPLINE_TYPE.enabled ? disciplineType(words, start, end, s.type) : s.type;
    if (type !== s.type) fire(R_DISCIPLINE_TYPE);
    out.push({ start, end, type });
  }
  applyRule(R_DATE_TAIL, out, () => cutDateTails(words, out));
  let grown: NameSpan[] = [];
  applyRule(R_EXTEND_TO_GAZETTEER, out, () => (grown = extendToGazetteer(model, words, out)));
  applyRule(R_GAZETTEER_OFFICE, out, () => cutGazetteerOffices(grown, (a, b) => endBeforeOffice(model, words, a, b)));
  applyRule(R_PARTICLE_NAMES, out, () => addParticleNames(model, words, out));
  applyRule(R_KIN_NAMES, out, () => addKinNames(words, out));
  applyRule(R_SPLIT_PLACE_PERSON, out, () => splitPlaceAndPerson(model, words, out));
  applyRule(R_LAW_NAMES, out, () => typeLawNames(words, out));
  applyRule(R_ACRONYMS, out, () => addAcronyms(words, out));
  applyRule(R_CLASS_NAMED, out, () => addClassNamed(words, out));
  applyRule(R_TITLE_OFFICES, out, () => dropTitleOffices(out, words));
  applyRule(R_REGION_CODES, out, () => addRegionCodes(words, out));
  applyRule(R_PLACE_BEFORE_REGION, out, () => addPlaceBeforeRegion(model, words, out));
  applyRule(R_FILL_LISTS, out, () => fillLists(model, words, out));
  applyRule(R_PLACE_BEFORE_TITLE, out, () => addPlaceBeforeTitle(model, words, out));
  applyRule(R_KNOWN_PLACES, out, () => addKnownPlaces(model, words, out));
  applyRule(R_ORDINAL_NAMES, out, () => addOrdinalNames(words, out, (l) => (FAC_TRIGGERS.has(l) ? 'FAC' : isOrgHead(l) || ORDINAL_UNITS.has(l) ? 'ORG' : null)));
  applyRule(R_KNOWN_ORGANISATIONS, out, () => addKnownOrganisations(model, words, out));
  applyRule(R_NICKNAMES, out, () => joinNicknames(words, out));
  applyRule(R_AFFILIATION_ACRONYMS, out, () => addAffiliationAcronyms(model, words, out));
  applyRule(R_AFFILIATION_NAMES, out, () => addAffiliationNames(model, words, out));
  applyRule(R_HEADED_NAMES, out, () => addHeadedNames(words, out));
  const headType = (l: string) => (isOrgHead(l) ? 'ORG' : FAC_TRIGGERS.has(l) ? 'FAC' : null);
  applyRule(R_PLACE_LED_NAMES, out, () => joinPlaceLedNames(words, out, headType));
  // (a common word is mostly written in lower case: the capitalisation lexicon's share below one half)
  const common = (l: string) => (model.lexicon.get(l) ?? 1) < 0.5;
  const otherKind = (a: number, b: number) => ruleCats(model, words.slice(a, b).map((w) => w.toLowerCase())).some((c) => c === 'GPE' || c === 'LOC' || c === 'PER');
  applyRule(R_NATIONALITY_LED_NAMES, out, () => joinLedNames(words, out, 'NORP', headType, common, otherKind));
  applyRule(R_PERSON_LED_NAMES, out, () => joinLedNames(words, out, 'PERSON', headType, common, otherKind));
  applyRule(R_OFFICE_COMPLEMENT, out, () => cutOfficeComplements(words, out, isTitle));
  applyRule(R_HONORIFIC_PERSON, out, () => honorificPersons(words, out));
  applyRule(R_ORG_COMPLEMENT, out, () => extendOrgComplement(words, out));
  applyRule(R_COORDINATED_HEAD, out, () => joinCoordinatedHeads(model, words, out));
  applyRule(R_ARTICLE_OPENER, out, () => {
    // (only at the sentence's start, or after an opening quote or bracket: "A" capitalised there says nothing)
    for (const s of out) if ((s.start === 0 || /^[“"‘'(]$/.test(words[s.start - 1])) && /^(?:A|An)$/.test(words[s.start]) && s.end - s.start >= 3 && /^\p{Lu}\p{Ll}/u.test(words[s.start + 1])) s.start++;
  });
  out.sort((a, b) => a.start - b.start);
  if (!R_MERGE_ADJACENT.enabled) return out;
  const merged = mergeAdjacent(out, words);
  if (merged.length !== out.length) fire(R_MERGE_ADJACENT);
  return merged;
}

/** A capitalised month or weekday ("April", "Wednesday"). */
function isDateWord(w: string): boolean {
  return /^\p{Lu}/u.test(w) && DATE_WORDS.has(w.toLowerCase());
}

/**
 * "Kennedy Space Center on April 12", "Aner Shalev Wednesday, September 19": the decoder ran a
 * name on into the date after it. A word that closes a name phrase ("on", "in", "at"; the
 * function-words list ner-phrase-closer) followed by a month or weekday ends the name before it,
 * and a month or weekday ending a name of two words or more, before a number or a comma, leaves
 * it (a shorter name keeps it: "Theresa May", "Good Friday").
 */
function cutDateTails(words: readonly string[], spans: NameSpan[]): void {
  for (let j = spans.length - 1; j >= 0; j--) {
    const s = spans[j];
    let end = s.end;
    for (let k = s.start + 1; k < end - 1; k++) {
      if (PHRASE_CLOSERS.has(words[k]) && isDateWord(words[k + 1])) {
        end = k;
        break;
      }
    }
    if (end === s.end && end - s.start >= 3 && isDateWord(words[end - 1]) && end < words.length && /^(?:\d|,$)/.test(words[end])) end--;
    if (end === s.end) continue;
    let capital = false;
    for (let k = s.start; k < end; k++) if (/^\p{Lu}/u.test(words[k])) capital = true;
    if (capital) s.end = end;
    else spans.splice(j, 1);
  }
}

/** Lower-case particles inside personal names ("Pieter van der Berg", "Osama bin Laden"). */
const NAME_PARTICLES = readerSet('name-particles', 'ner');

/** Lower-case words names are made with ("Bank of America", "Osama bin Laden", "Leonardo da Vinci"). */
const NAME_INNER = readerSet('name-particles', 'ner-inner');

/**
 * "NTU Hospital Station or Shandao Station", "Junius Ho defeating Lee Cheuk-yan": a lower-case
 * "or", or any lower-case word names are not made with, inside a span joins two names (names
 * almost never contain them, unlike "and": "Bosnia and Herzegovina"), so the span splits there.
 */
function splitAtLowerCase(words: readonly string[], spans: NameSpan[]): NameSpan[] {
  const out: NameSpan[] = [];
  for (const s of spans) {
    let a = s.start;
    for (let i = s.start + 1; i < s.end - 1; i++) {
      const w = words[i];
      const splits = /^\p{Ll}+$/u.test(w) && !NAME_INNER.has(w); // ("or" among them)
      if (!splits) continue;
      if (i > a) out.push({ start: a, end: i, type: s.type });
      a = i + 1;
    }
    out.push(a === s.start ? s : { start: a, end: s.end, type: s.type });
  }
  return out;
}

/** First words that make a name a settlement ("Kibbutz Nir Oz", "Moshav Ein Yahav"). */
const SETTLEMENT_WORDS = set('place-nouns', { uses: 'ner-settlement' });

/**
 * Head words overrule the model where a person reading is impossible: "Sheba Hospital" is a
 * facility or organisation, "Kibbutz Nir Oz" a place, never a person.
 */
function disciplineType(words: readonly string[], start: number, end: number, type: EntityType): EntityType {
  if (type === 'NORP' || type === 'EVENT') return type;
  const first = words[start].toLowerCase();
  const last = words[end - 1].toLowerCase();
  // "Winter Olympics", "Paralympic Games", "Vietnam War", "World Cup": events, not people,
  // organisations or places
  if (EVENT_HEADS.has(last) && (end - start > 1 || last === 'olympics' || last === 'paralympics')) return 'EVENT';
  // "Brooklyn Paper", "Kabul Bank": a place name ending in an organisation word is the organisation
  if ((type === 'GPE' || type === 'LOC') && end - start > 1 && ORG_TRIGGERS.has(last) && !FAC_TRIGGERS.has(last) && !LOC_TRIGGERS.has(last)) return 'ORG';
  if (type !== 'PERSON' && type !== 'ORG') return type;
  if (type === 'PERSON') {
    if (end - start > 1 && SETTLEMENT_WORDS.has(first)) return 'GPE';
    // "Instituto Gonzaga", "University Hospital": a name opened by an institution word
    if (end - start > 1 && ORG_OPENERS.has(first)) return 'ORG';
    if (ORG_TRIGGERS.has(last)) return 'ORG';
    if (FAC_TRIGGERS.has(last) && end - start > 1) return 'FAC';
  }
  return type;
}


const ARABIC_ARTICLE_NAME = /^(?:al|el|ad|ash|as)-\p{Lu}/u;

/**
 * "Pieter van der Berg", "Abdul-Malik al-Houthi": capitalised words joined by name particles or
 * ending on an "al-" word are one person's name, whatever pieces the model tagged, unless the
 * gazetteer knows the whole as a place or an organisation ("Rio de Janeiro").
 */
function addParticleNames(model: NerModel, words: readonly string[], spans: NameSpan[]): void {
  for (let i = 0; i < words.length; i++) {
    if (!nameWordAt(words, i) || ARABIC_ARTICLE_NAME.test(words[i])) continue;
    let j = i + 1;
    while (j < words.length && nameWordAt(words, j) && !ARABIC_ARTICLE_NAME.test(words[j])) j++;
    // particles, then the surname
    let k = j;
    let particles = 0;
    while (k < words.length && NAME_PARTICLES.has(words[k])) k++, particles++;
    let end = -1;
    if (particles > 0 && nameWordAt(words, k)) end = k + 1;
    else if (particles === 0 && k < words.length && ARABIC_ARTICLE_NAME.test(words[k])) end = k + 1;
    if (end < 0 || end - i > 6) continue;
    const cats = gazCats(model, words, i, end);
    if (cats.some((c) => c === 'GPE' || c === 'ORG' || c === 'LOC')) continue;
    // a place, organisation or title word inside makes it something else ("Institute of al-Azhar")
    if (words.slice(i, end).some((w) => { const l = w.toLowerCase(); return ORG_TRIGGERS.has(l) || FAC_TRIGGERS.has(l) || LOC_TRIGGERS.has(l) || PERSON_TITLES.has(l); })) continue;
    // the pieces the model tagged inside give way, unless one is an organisation or place reaching out
    const inside = spans.filter((o) => o.start < end && o.end > i);
    if (inside.some((o) => o.start < i || o.end > end)) continue;
    for (const o of inside) spans.splice(spans.indexOf(o), 1);
    spans.push({ start: i, end, type: 'PERSON' });
    i = end - 1;
  }
  spans.sort((a, b) => a.start - b.start);
}

const KINSHIP = set('roles', { uses: 'ner-kin' });

const EVENT_HEADS = set('event-heads', { uses: 'ner' });

const GAZ_TYPES: Record<string, EntityType> = { ORG: 'ORG', GPE: 'GPE', PER: 'PERSON', LOC: 'LOC' };

/**
 * extendToGazetteer's per-word tables, reused from sentence to sentence (only [0, words) is read, and
 * filled first): two typed arrays per sentence cost more to allocate and collect than to fill.
 */
let takenScratch = new Int32Array(64);
let joinsScratch = new Int8Array(64);

/**
 * A name the model cut short inside a longer gazetteer name ("Islamic" of "Islamic Jihad")
 * grows to the whole gazetteer name, taking its type, when the added words are capitalised
 * and untagged.
 */
/** Grows spans to the gazetteer names they sit in; returns the spans it grew. */
function extendToGazetteer(model: NerModel, words: readonly string[], spans: NameSpan[]): NameSpan[] {
  const grown: NameSpan[] = [];
  if (spans.length === 0) return grown;
  const n = words.length;
  if (takenScratch.length < n) {
    takenScratch = new Int32Array(2 * n);
    joinsScratch = new Int8Array(2 * n);
  }
  const taken = takenScratch.fill(-1, 0, n);
  spans.forEach((s, k) => {
    for (let i = s.start; i < s.end; i++) taken[i] = k;
  });
  // whether word i may join a name (capitalised, not "The"): asked of the few words around each span, each once
  const joins = joinsScratch.fill(-1, 0, n);
  const mayJoin = (i: number): boolean => {
    if (joins[i] < 0) joins[i] = /^\p{Lu}/u.test(words[i]) && words[i] !== 'The' ? 1 : 0;
    return joins[i] === 1;
  };
  spans.forEach((s, k) => {
    let best: { a: number; b: number; type: EntityType } | null = null;
    for (let a = Math.max(0, s.start - 3); a <= s.start; a++) {
      for (let b = Math.min(words.length, s.end + 3); b >= s.end; b--) {
        if (b - a <= s.end - s.start || (best && b - a <= best.b - best.a)) continue;
        let ok = true;
        for (let i = a; i < b; i++) {
          if (i >= s.start && i < s.end) continue;
          if (taken[i] >= 0 || !mayJoin(i)) ok = false;
        }
        if (!ok) continue;
        const cats = ruleCats(model, packedMap(words.slice(a, b), (w) => w.toLowerCase()));
        const cat = cats.find((c) => c in GAZ_TYPES);
        if (cat) best = { a, b, type: GAZ_TYPES[cat] };
      }
    }
    if (best) {
      for (let i = best.a; i < best.b; i++) taken[i] = k;
      s.start = best.a;
      s.end = best.b;
      s.type = best.type;
      grown.push(s);
    }
  });
  return grown;
}

/**
 * "the UN High Commissioner for Human Rights": a title after a known organisation or place (or an acronym) begins an
 * office, not part of the organisation's name. The office may open with capitalised modifiers ("High Commissioner",
 * "Deputy Secretary"): the longest known organisation or place before the first title is the name. Returns the
 * organisation span's end before the office, or `end` when there is none (ner.office-after-org, ner.gazetteer-office).
 */
function endBeforeOffice(model: NerModel, words: readonly string[], start: number, end: number): number {
  for (let k = start + 1; k < end; k++) {
    if (!isTitle(words[k]) && roleOf(words[k])?.cls !== 'position') continue;
    for (let o = k; o > start; o--) {
      const before = gazCats(model, words, start, o);
      if (before.includes('ORG') || before.includes('GPE') || (o === start + 1 && CAPS_ACRONYM.test(words[start]))) return o;
    }
    return end;
  }
  return end;
}

/**
 * "his father, Vitaly," / "her sister Maya": capitalised words in apposition to a kinship noun
 * name a person, even where the model saw too little to tag them.
 */
function addKinNames(words: readonly string[], spans: NameSpan[]): void {
  // the tokens the spans cover, as they were before this rule: marked at the first kinship noun (most sentences have none)
  let tagged: Uint8Array | null = null;
  for (let k = 1; k < words.length; k++) {
    if (!KINSHIP.has(words[k].toLowerCase())) continue;
    if (tagged === null) {
      tagged = new Uint8Array(words.length + 1);
      for (const s of spans) for (let i = s.start; i < s.end; i++) tagged[i] = 1;
    }
    const a = words[k + 1] === ',' ? k + 2 : k + 1;
    let b = a;
    while (b < words.length && b - a < 3 && !tagged[b] && nameWordAt(words, b)) b++;
    if (b > a) spans.push({ start: a, end: b, type: 'PERSON' });
  }
}

/** A capitalised word that could continue a name (not a title, date word or sentence opener). */
function nameWordAt(words: readonly string[], i: number): boolean {
  const w = words[i];
  if (!w || !/^\p{Lu}\p{Ll}/u.test(w)) return false;
  const l = w.toLowerCase();
  return !PERSON_TITLES.has(l) && !DATE_WORDS.has(l);
}

function gazCats(model: NerModel, words: readonly string[], a: number, b: number): string[] {
  return ruleCats(model, packedMap(words.slice(a, b), (w) => w.toLowerCase()));
}

/** A phrase in no gazetteer: one list of the kind the categories have (src/packed.ts says why); never added to. */
const NO_CATS: string[] = emptyList<string>();

/**
 * The gazetteer categories the rules read for a phrase (lower case): the model's gazetteer, except that
 * a phrase it lists as a person and not a place, and the name gazetteer (models/gazetteer) as a place, is
 * a place. The model's gazetteer is a feature file, fixed with the weights trained on it; it still lists
 * Kuwait, Kirkuk, Juba (countries whose Phoenix codes are all dated, and their cities) as people.
 */
function ruleCats(model: NerModel, lower: readonly string[]): string[] {
  const cats = model.gazetteer.lookup(lower as string[]) ?? NO_CATS;
  if (!cats.includes('PER') || cats.includes('GPE') || !R_NAME_GAZETTEER_PLACES.enabled) return cats;
  if (nameGazetteer().names.get(nameKey(lower as string[])) !== 'GPE') return cats;
  fire(R_NAME_GAZETTEER_PLACES);
  return [...cats.filter((c) => c !== 'PER' && c !== 'FIRST'), 'GPE'];
}

/**
 * Boundary discipline: "(President of) Russia Vladimir Putin" is a place followed by a person,
 * not one name. A span that starts with a gazetteer country/city and continues with a known
 * person or given name is split in two. And a lone "place" that is only known as a given name
 * ("His father, Vitaly, …") is a person.
 */
function splitPlaceAndPerson(model: NerModel, words: readonly string[], spans: NameSpan[]): void {
  const extra: NameSpan[] = [];
  for (const s of spans) {
    // "Sweden won", "Pennsylvania Senator": a country or city acting as a team or a government is
    // tagged as written, a place (the training data follows the same rule: train/ner-data.ts)
    if (s.type === 'ORG') {
      const cats = gazCats(model, words, s.start, s.end);
      if (cats.includes('GPE') && !cats.includes('ORG')) s.type = 'GPE';
    }
    if (s.type === 'PERSON') {
      // "Kremlin spokesperson Dmitry Peskov": a known organisation or place is not a person
      const cats = gazCats(model, words, s.start, s.end);
      if (!cats.includes('PER') && !cats.includes('FIRST')) {
        if (cats.includes('ORG')) s.type = 'ORG';
        else if (cats.includes('GPE')) s.type = 'GPE';
      }
      // "(Prime Minister of) Israel Benjamin Netanyahu": a leading country is not part of the name
      for (let k = s.start + 1; s.type === 'PERSON' && k < s.end; k++) {
        const head = gazCats(model, words, s.start, k);
        if (!head.includes('GPE') || head.includes('PER')) continue;
        const restIsPerson = gazCats(model, words, k, s.end).includes('PER');
        // "Israel Katz" is a person: a country that is also a given name needs a full name after it
        // …but "Israel Anatoly Viktorov" is a country before a full name (given name + surname)
        const fullNameAfter = gazCats(model, words, k, k + 1).includes('FIRST') && s.end - k >= 2;
        if (head.includes('FIRST') ? (restIsPerson && s.end - k >= 2) || fullNameAfter : restIsPerson || fullNameAfter) {
          extra.push({ start: s.start, end: k, type: 'GPE' });
          s.start = k;
          break;
        }
      }
      continue;
    }
    if (s.end - s.start === 1 && (s.type === 'GPE' || s.type === 'LOC' || s.type === 'FAC')) {
      const cats = gazCats(model, words, s.start, s.end);
      if (cats.includes('FIRST') && !cats.some((c) => c === 'GPE' || c === 'LOC' || c === 'ORG' || c === 'NORP')) s.type = 'PERSON';
      // "his father, Vitaly," / "her sister Maya": a name in apposition to a kinship noun is a person
      const before = words[s.start - 1] === ',' ? words[s.start - 2] : words[s.start - 1];
      if (before && KINSHIP.has(before.toLowerCase()) && !cats.includes('GPE')) s.type = 'PERSON';
      continue;
    }
    if (s.end - s.start < 2) continue; // (person spans were handled above)
    // "(former) Pennsylvania Senator", "German Chancellor": a title after a known place or
    // nationality is not part of a name; "Massachusetts Democrat": a party word after a place is
    // its own (NORP) name
    const lastWord = words[s.end - 1].toLowerCase();
    const lastCats = gazCats(model, words, s.end - 1, s.end);
    const isTitle = PERSON_TITLES.has(lastWord) && lastWord !== 'general' && lastWord !== 'justice';
    if (isTitle || (lastCats.includes('NORP') && !lastCats.includes('GPE'))) {
      const cats = gazCats(model, words, s.start, s.end - 1);
      const type: EntityType | null = cats.includes('GPE') ? 'GPE' : cats.includes('LOC') ? 'LOC' : cats.includes('NORP') ? 'NORP' : null;
      if (type) {
        if (!isTitle) extra.push({ start: s.end - 1, end: s.end, type: 'NORP' });
        s.end--;
        s.type = type;
        continue;
      }
    }
    // "Washington State University Simon Ličen": an organisation's head word, then a given name
    // and a surname, is the organisation followed by a person
    if (s.type === 'ORG' || s.type === 'GPE') {
      let split = false;
      for (let k = Math.max(s.start + 1, s.end - 3); k + 1 < s.end; k++) {
        if (!ORG_TRIGGERS.has(words[k - 1].toLowerCase()) || !gazCats(model, words, k, k + 1).includes('FIRST')) continue;
        if (words.slice(k, s.end).some((w) => !/^\p{Lu}\p{Ll}/u.test(w) || ORG_TRIGGERS.has(w.toLowerCase()))) continue;
        extra.push({ start: k, end: s.end, type: 'PERSON' });
        s.end = k;
        s.type = 'ORG';
        split = true;
        break;
      }
      if (split) continue;
    }
    // "U.S. Supreme Court": a name ending in an organisation's or facility's head word is not a
    // place followed by a person, whatever the words between ("Supreme" may be a given name)
    const headWord = words[s.end - 1].toLowerCase();
    const endsInHead = ORG_TRIGGERS.has(headWord) || FAC_TRIGGERS.has(headWord);
    for (let k = s.start + 1; !endsInHead && k < s.end; k++) {
      const head = gazCats(model, words, s.start, k);
      if (!head.includes('GPE')) continue;
      const rest = gazCats(model, words, k, s.end);
      const given = gazCats(model, words, k, k + 1);
      if (rest.includes('PER') || (given.includes('FIRST') && s.end - k >= 2) || titledPersonAfterPlace(model, words, s.start, k, s.end)) {
        extra.push({ start: k, end: s.end, type: 'PERSON' });
        s.end = k;
        s.type = 'GPE';
        break;
      }
    }
  }
  spans.push(...extra);
  // the model may split in the wrong place: "Russia Vladimir" (place) + "Putin" (person)
  spans.sort((a, b) => a.start - b.start);
  for (let j = 0; j + 1 < spans.length; j++) {
    const a = spans[j];
    const b = spans[j + 1];
    if (a.end !== b.start || b.type !== 'PERSON' || (a.type !== 'GPE' && a.type !== 'LOC')) continue;
    for (let k = a.start + 1; k < a.end; k++) {
      if (!gazCats(model, words, a.start, k).includes('GPE')) continue;
      if (gazCats(model, words, k, b.end).includes('PER') || gazCats(model, words, k, k + 1).includes('FIRST')) {
        a.end = k;
        b.start = k;
        break;
      }
    }
  }
}

/**
 * "Ambassador to the United States Hamdullah Mohib", "President of Kenya William Ruto": after a
 * title that names a place ("… to/of [the] PLACE"), two or three further capitalised words that
 * are no known name and hold no organisation, facility or place word are the office holder.
 */
function titledPersonAfterPlace(model: NerModel, words: readonly string[], start: number, k: number, end: number): boolean {
  if (end - k < 2 || end - k > 3) return false;
  let t = start - 1;
  if (words[t]?.toLowerCase() === 'the') t--;
  if (!['of', 'to', 'for'].includes(words[t]?.toLowerCase() ?? '')) return false;
  if (!PERSON_TITLES.has(words[t - 1]?.toLowerCase() ?? '')) return false;
  for (let i = k; i < end; i++) {
    const l = words[i].toLowerCase();
    if (!/^\p{Lu}\p{Ll}/u.test(words[i]) || ORG_TRIGGERS.has(l) || FAC_TRIGGERS.has(l) || LOC_TRIGGERS.has(l)) return false;
    if (gazCats(model, words, i, i + 1).some((c) => c === 'GPE' || c === 'ORG' || c === 'LOC' || c === 'NORP')) return false;
  }
  return true;
}

const ACRONYM_WORD = /^\p{Lu}[\p{Lu}\d&.]{1,9}$/u;
/** Small words an acronym leaves out ("Council on American-Islamic Relations" → CAIR). */
const ACRONYM_SKIP = set('function-words', { uses: 'ner-acronym' });

/** Head words of named laws ("Copyright Act", "Treaty of Rome", "Declaration of Independence"). */
const LAW_HEADS = set('ner-words', { uses: 'ner-law-head' });

/** The head word of a name (lower case): the word before its first "of"/"for"/"on" ("Declaration of Human Rights"), else its last. */
function headWordOf(words: readonly string[], start: number, end: number): string {
  for (let k = start + 1; k < end - 1; k++) if (words[k] === 'of' || words[k] === 'for' || words[k] === 'on') return words[k - 1].toLowerCase();
  return words[end - 1].toLowerCase();
}

/** "the Digital Millennium Copyright Act", "Universal Declaration of Human Rights": a name headed by a law word is a law. */
function typeLawNames(words: readonly string[], spans: NameSpan[]): void {
  // not in the companion's own pass: its organisations are taken, then typed after both models (otherNames)
  if (quiet) return;
  for (const s of spans) {
    if ((s.type !== 'ORG' && s.type !== 'PERSON') || s.end - s.start < 2) continue;
    if (LAW_HEADS.has(headWordOf(words, s.start, s.end))) s.type = 'LAW';
  }
}

/** Per gazetteer: how many of its organisation phrases of two words or more end in each word. */
const orgLastWords = new WeakMap<object, Map<string, number>>();

function orgPhrasesEndingIn(model: NerModel, word: string): number {
  let counts = orgLastWords.get(model.gazetteer);
  if (!counts) {
    counts = new Map();
    for (const [phrase, cats] of model.gazetteer.phrases()) {
      if (!cats.includes('ORG')) continue;
      const sp = phrase.lastIndexOf(' ');
      if (sp < 0) continue;
      const last = phrase.slice(sp + 1);
      counts.set(last, (counts.get(last) ?? 0) + 1);
    }
    orgLastWords.set(model.gazetteer, counts);
  }
  return counts.get(word) ?? 0;
}

/**
 * "Italian Episcopal Conference ( CEI )": the bracketed acronym is the same kind of name.
 * "CEI ( Italian Episcopal Conference )": a bracketed run of capitalised words whose initials
 * spell the acronym before it is that acronym's name (an organisation unless one was typed).
 */
function addAcronyms(words: readonly string[], spans: NameSpan[]): void {
  const extra: NameSpan[] = [];
  const coveredBy = (i: number) => spans.find((o) => o.start <= i && o.end > i);
  for (const s of spans) {
    const i = s.end;
    if (words[i] === '(' && words[i + 2] === ')' && ACRONYM_WORD.test(words[i + 1] ?? '')) {
      if (!coveredBy(i + 1)) extra.push({ start: i + 1, end: i + 2, type: s.type });
    }
  }
  // "Movimento 5 Stelle ( M5S )", "Democratic Forces for the Liberation of Rwanda ( FDLR )": the
  // words before the bracket whose initials spell the acronym are its name, tagged or not
  for (let i = 2; i + 1 < words.length; i++) {
    if (words[i - 1] !== '(' || words[i + 1] !== ')' || !ACRONYM_WORD.test(words[i]) || coveredBy(i) || extra.some((o) => o.start === i)) continue;
    const want = words[i].replace(/\./g, '');
    let letters = '';
    let a = i - 1;
    for (let k = i - 2; k >= 0 && i - 1 - k <= 10 && letters.length < want.length; k--) {
      // an Arabic article gives the next letter: "Nusrat al-Islam wal-Muslimin" → N, I, M
      const w = words[k].replace(/^(?:al|el|wal|wa|ad|as|an|ar|at|ash)-(?=\p{Lu})/u, '');
      if (ACRONYM_SKIP.has(w.toLowerCase())) continue;
      if (!/^[\p{Lu}\d]/u.test(w)) break;
      letters = w[0] + letters;
      a = k;
    }
    if (letters !== want || a === i - 1) continue;
    const inside = spans.filter((o) => o.start < i - 1 && o.end > a);
    if (inside.some((o) => o.start < a || o.end > i - 1)) continue;
    for (const o of inside) spans.splice(spans.indexOf(o), 1);
    const type = inside.length === 1 && inside[0].start === a && inside[0].end === i - 1 ? inside[0].type : 'ORG';
    extra.push({ start: a, end: i - 1, type }, { start: i, end: i + 1, type });
  }
  for (let i = 0; i + 3 < words.length; i++) {
    if (!ACRONYM_WORD.test(words[i]) || words[i + 1] !== '(') continue;
    const close = words.indexOf(')', i + 2);
    if (close < 0 || close - (i + 2) < 2 || close - (i + 2) > 8) continue;
    let letters = '';
    let ok = true;
    for (let k = i + 2; k < close && ok; k++) {
      const w = words[k];
      if (ACRONYM_SKIP.has(w.toLowerCase())) continue;
      if (/^\p{Lu}/u.test(w)) letters += w[0];
      else ok = false;
    }
    if (!ok || letters !== words[i].replace(/\./g, '')) continue;
    const acr = coveredBy(i);
    const inside = spans.filter((o) => o.start < close && o.end > i + 2);
    if (inside.some((o) => o.start < i + 2 || o.end > close)) continue;
    for (const o of inside) spans.splice(spans.indexOf(o), 1);
    const type = acr?.type ?? inside[0]?.type ?? 'ORG';
    extra.push({ start: i + 2, end: close, type });
    if (!acr) extra.push({ start: i, end: i + 1, type });
  }
  spans.push(...extra);
}

/** Nouns that say what the name right after them is: "the magazine MicroMega", "the militia Wagner". */
export const ORG_CLASS_NOUNS = set('org-nouns', { uses: 'ner-class' });

/**
 * "the secularist magazine MicroMega", "the militant group Al-Shabaab": capitalised words right
 * after a determiner (and adjectives) and a noun naming a kind of organisation are that
 * organisation's name, whatever the model thought of them alone.
 */
function addClassNamed(words: readonly string[], spans: NameSpan[]): void {
  const classNoun = (w: string) => ORG_CLASS_NOUNS.has(w) || (w.endsWith('s') && ORG_CLASS_NOUNS.has(w.slice(0, -1))) || (w.endsWith('ies') && ORG_CLASS_NOUNS.has(w.slice(0, -3) + 'y'));
  for (let k = 1; k + 1 < words.length; k++) {
    if (!classNoun(words[k]) || !/^\p{Lu}/u.test(words[k + 1])) continue;
    let d = k - 1;
    // adjectives, or a place or nationality ("the Gothenburg daily X", "the Kenyan newspaper X")
    const modifier = (i: number) => /^\p{Ll}+$/u.test(words[i]) || spans.some((o) => o.start <= i && o.end > i && (o.type === 'GPE' || o.type === 'NORP'));
    while (d > 0 && modifier(d) && !CLASS_DETERMINERS.has(words[d]) && k - d < 4) d--;
    if (!CLASS_DETERMINERS.has(words[d].toLowerCase())) continue;
    // the name, and after a plural noun the names coordinated with it ("the schools X and Y")
    const plural = !ORG_CLASS_NOUNS.has(words[k]);
    for (let i = k + 1; i < words.length && /^\p{Lu}/u.test(words[i]); ) {
      const at = spans.find((o) => o.start <= i && o.end > i);
      let e: number;
      if (at) {
        if (at.start === i && (at.type === 'PERSON' || at.type === 'GPE' || at.type === 'ORG')) at.type = 'ORG';
        // "the militant group Ansar al-Din": an "al-" word closes the name
        if (at.type === 'ORG' && ARABIC_ARTICLE_NAME.test(words[at.end] ?? '') && !covers(spans, at.end)) at.end++;
        e = at.end;
      } else {
        e = i + 1;
        while (e < words.length && e - i < 4 && /^\p{Lu}/u.test(words[e]) && !spans.some((o) => o.start === e)) e++;
        if (!DATE_WORDS.has(words[i].toLowerCase())) spans.push({ start: i, end: e, type: 'ORG' });
      }
      if (!plural || !(words[e] === 'and' || words[e] === ',')) break;
      i = e + 1;
      if (words[i] === 'and') i++;
    }
  }
}

/**
 * "Andy Warhol Foundation for the Visual Arts", "Council on Foreign Relations", "Institute for
 * the Study of War": an organisation that ends in its head word continues over "for" / "on"
 * (and "the") when capitalised words follow, with "and" / "of" between them.
 */
function extendOrgComplement(words: readonly string[], spans: NameSpan[]): void {
  for (const s of spans) {
    if (s.type !== 'ORG' || !isOrgHead(words[s.end - 1].toLowerCase())) continue;
    const prep = words[s.end];
    if (prep !== 'for' && prep !== 'on') continue;
    let k = s.end + 1;
    if (words[k] === 'the') k++;
    // "Kennedy Space Center on April 12": a date is no complement (ner.date-tail)
    if (R_DATE_TAIL.enabled && k < words.length && isDateWord(words[k])) continue;
    let e = k;
    while (e < words.length && (/^\p{Lu}/u.test(words[e]) || ((words[e] === 'and' || words[e] === 'of' || words[e] === 'the') && /^\p{Lu}/u.test(words[e + 1] ?? '')))) e++;
    // names the model found inside the complement are part of it ("Democratic Forces for the Liberation of Rwanda")
    if (e === k || !/^\p{Lu}/u.test(words[e - 1]) || spans.some((o) => o !== s && o.start < e && o.end > s.end && (o.start < k || o.end > e))) continue;
    for (let j = spans.length - 1; j >= 0; j--) if (spans[j] !== s && spans[j].start >= s.end && spans[j].end <= e) spans.splice(j, 1);
    s.end = e;
  }
}

/** "the Secretary of State", "Chief of Staff": a title over "of" is an office, not an organisation. */
function dropTitleOffices(spans: NameSpan[], words: readonly string[]): void {
  for (let j = spans.length - 1; j >= 0; j--) {
    const s = spans[j];
    if (s.type !== 'ORG' || s.end - s.start < 3) continue;
    const first = words[s.start].toLowerCase();
    if (!PERSON_TITLES.has(first) || first === 'general' || words[s.start + 1] !== 'of') continue;
    if (words.slice(s.start, s.end).some((w) => ORG_TRIGGERS.has(w.toLowerCase()) || FAC_TRIGGERS.has(w.toLowerCase()))) continue;
    spans.splice(j, 1);
  }
}

/**
 * "Irving, Texas", "Preston, Victoria, Australia", "Gao, Mali": capitalised words right before a
 * comma and a known state or country name a place in it, even where the model saw no name.
 */
function addPlaceBeforeRegion(model: NerModel, words: readonly string[], spans: NameSpan[]): void {
  const extra: NameSpan[] = [];
  const sorted = [...spans].sort((a, b) => b.start - a.start);
  for (const s of sorted) {
    if (s.type !== 'GPE' || words[s.start - 1] !== ',' || !gazCats(model, words, s.start, s.end).includes('GPE')) continue;
    // the region closes the phrase: "Irving, Texas, was", not "Mohib, Afghanistan's envoy"
    if (s.end < words.length && !/^[,.;:)—–]$/.test(words[s.end])) continue;
    const e = s.start - 1;
    let a = e;
    while (a > 0 && e - a < 3 && nameWordAt(words, a - 1) && !covers(spans, a - 1) && !covers(extra, a - 1)) a--;
    if (a === e) {
      // the word before the comma was tagged: a person or organisation there is a place in this pattern
      const prev = spans.find((o) => o.end === e);
      // (a given name only after a place preposition: "a boy from Irving, Texas")
      const locative = /^(?:in|from|at|near|outside|to)$/.test(words[e - 2] ?? '');
      const known = prev ? gazCats(model, words, prev.start, prev.end) : [];
      if (prev && prev.type !== 'GPE' && prev.type !== 'LOC' && prev.end - prev.start === 1 && !known.some((c) => c === 'PER' || c === 'ORG' || (c === 'FIRST' && !locative))) prev.type = 'GPE';
      continue;
    }
    // a sentence-initial word is a place only in a dateline ("Preston, Victoria, Australia —")
    if (a === 0 && !words.slice(s.end).some((w) => w === '—' || w === '–' || w === '-')) continue;
    extra.push({ start: a, end: e, type: 'GPE' });
  }
  spans.push(...extra);
}

/** Postal codes of states and provinces ("OR", "OH", "NS"; lexicon/en/region-codes.tsv, case-sensitive). */
const REGION_CODES = set('region-codes');

/**
 * "Willamette University (Salem, OR)", "Kent, OH,": a state or province postal code after one to three capitalised words
 * and a comma, closing the phrase, is a place, and so are the words before the comma — a city, though the model reads
 * a person in "Salem" or "Sherman" and an organisation in "PA". Spans there of another type give way; a span reaching
 * outside the city words (a longer name) leaves the city alone. A code alone in brackets ("Manor College (PA)") is a
 * place too.
 */
function addRegionCodes(words: readonly string[], spans: NameSpan[]): void {
  for (let c = 1; c < words.length; c++) {
    if (!REGION_CODES.has(words[c])) continue;
    // "Manor College (PA)": a code alone in brackets says where
    if (words[c - 1] === '(' && words[c + 1] === ')') {
      if (spans.some((s) => s.start <= c && s.end > c && (s.start < c || s.end > c + 1))) continue;
      for (let j = spans.length - 1; j >= 0; j--) if (spans[j].start === c) spans.splice(j, 1);
      spans.push({ start: c, end: c + 1, type: 'GPE' });
      continue;
    }
    if (c < 2 || words[c - 1] !== ',' || (c + 1 < words.length && !/^[,.;:)\]—–-]$/.test(words[c + 1]))) continue;
    const e = c - 1;
    let a = e;
    while (a > 0 && e - a < 3 && (nameWordAt(words, a - 1) || /^\p{Lu}\p{Ll}*\.$/u.test(words[a - 1]))) a--;
    if (a === e || (a > 0 && /^\p{Lu}/u.test(words[a - 1]) && a - 1 > 0)) continue;
    const crossing = spans.some((s) => (s.start < e && s.end > a && (s.start < a || s.end > e)) || (s.start <= c && s.end > c && (s.start < c || s.end > c + 1)));
    if (crossing) continue;
    for (let j = spans.length - 1; j >= 0; j--) if ((spans[j].start >= a && spans[j].end <= e) || spans[j].start === c) spans.splice(j, 1);
    spans.push({ start: a, end: e, type: 'GPE' }, { start: c, end: c + 1, type: 'GPE' });
  }
  spans.sort((x, y) => x.start - y.start);
}

/**
 * "The Brooklyn Paper, The New York Times, Jezebel, Metro.us and Instinct Magazine": the items
 * of a list of three or more capitalised names are alike, so an untagged item takes the type
 * its tagged neighbours share (when they share one).
 */
function fillLists(model: NerModel, words: readonly string[], spans: NameSpan[]): void {
  const n = words.length;
  let i = 0;
  while (i < n) {
    // (a list starts with a capitalised word: the rest are passed without making anything)
    if (!/^\p{Lu}/u.test(words[i])) {
      i++;
      continue;
    }
    // items: capitalised runs (with "of"/"on"/"the"/"&" inside) separated by "," / ", and" / "and"
    const items: [number, number][] = [];
    let k = i;
    for (;;) {
      if (!/^\p{Lu}/u.test(words[k] ?? '')) break;
      let e = k + 1;
      const glue = (j: number): boolean => /^(?:of|on|the|&)$/.test(words[j] ?? '') && (/^\p{Lu}/u.test(words[j + 1] ?? '') || glue(j + 1));
      while (e < n && (/^\p{Lu}/u.test(words[e]) || glue(e))) e++;
      items.push([k, e]);
      if (words[e] === ',' && (words[e + 1] === 'and' || words[e + 1] === 'or')) k = e + 2;
      else if (words[e] === ',' || words[e] === 'and' || words[e] === 'or') k = e + 1;
      else break;
    }
    if (items.length >= 3) {
      const counts = new Map<EntityType, number>();
      const untagged: [number, number][] = [];
      const tagged: NameSpan[] = [];
      for (const [a, b] of items) {
        const exact = spans.find((o) => (o.start === a || (words[a] === 'The' && o.start === a + 1)) && o.end === b);
        if (exact) {
          counts.set(exact.type, (counts.get(exact.type) ?? 0) + 1);
          tagged.push(exact);
        } else if (!spans.some((o) => o.start < b && o.end > a)) untagged.push([a, b]);
      }
      // the type most items have: at least two of them, more than all other types together,
      // and no fewer than the untagged items
      const ranked = [...counts].sort((x, y) => y[1] - x[1]);
      const best = ranked[0];
      const others = ranked.slice(1).reduce((sum, [, c]) => sum + c, 0);
      if (best && best[1] >= 2 && best[1] > others && untagged.length > 0 && untagged.length <= best[1]) {
        const type = best[0];
        for (const [a, b] of untagged) {
          if (DATE_WORDS.has(words[a].toLowerCase())) continue;
          spans.push({ start: words[a] === 'The' && b - a > 1 ? a + 1 : a, end: b, type });
        }
      }
      // a lone odd one out among three or more alike, which no gazetteer knows, is alike too
      if (best && best[1] >= 3 && others === 1) {
        for (const o of tagged) {
          if (o.type !== best[0] && o.end - o.start === 1 && gazCats(model, words, o.start, o.end).length === 0) o.type = best[0];
        }
      }
    }
    i = Math.max(i + 1, k);
  }
  spans.sort((a, b) => a.start - b.start);
}

/**
 * "former Pennsylvania Senator Rick Santorum", "the Texas Governor": a known place right before a
 * capitalised title is the place the office belongs to, tagged even where the model left it.
 */
function addPlaceBeforeTitle(model: NerModel, words: readonly string[], spans: NameSpan[]): void {
  for (let k = 1; k < words.length; k++) {
    // (capitalised first: it rules out most words, and the tests have no effects)
    if (!/^\p{Lu}/u.test(words[k])) continue;
    // a title, or a party word ("a Massachusetts Democrat")
    const partyWord = spans.some((o) => o.start === k && o.end === k + 1 && o.type === 'NORP');
    if (!(PERSON_TITLES.has(words[k].toLowerCase()) || partyWord) || covers(spans, k - 1)) continue;
    for (let a = Math.max(0, k - 3); a < k; a++) {
      if (!/^\p{Lu}/u.test(words[a]) || (a > 0 && covers(spans, a - 1) && spans.some((o) => o.end === a))) continue;
      let ok = true;
      for (let i = a; i < k; i++) if (covers(spans, i)) ok = false;
      if (ok && gazCats(model, words, a, k).includes('GPE')) {
        spans.push({ start: a, end: k, type: 'GPE' });
        break;
      }
    }
  }
  spans.sort((x, y) => x.start - y.start);
}

/**
 * "in Jerusalem", "from Moscow": a capitalised name the gazetteer knows only as a place, right
 * after a place preposition, is that place, tagged even where the model left it; and after
 * "near" / "outside" a lone name the model took for a person is a place ("near Gao").
 */
/**
 * "Al-Shabaab militants stormed …": a hyphenated or multi-word capitalised name the gazetteer
 * knows only as an organisation is one, tagged even where the model left it.
 */
function addKnownOrganisations(model: NerModel, words: readonly string[], spans: NameSpan[]): void {
  for (let k = 0; k < words.length; k++) {
    // (not an office the dictionaries list as a body: "Secretary of State")
    if (!(/^\p{Lu}/u.test(words[k]) || ARABIC_ARTICLE_NAME.test(words[k])) || covers(spans, k) || PERSON_TITLES.has(words[k].toLowerCase())) continue;
    // (no gazetteer phrase starts with this word: nothing to look up)
    if (!model.gazetteer.firstNode(words[k].toLowerCase())) continue;
    for (let e = Math.min(words.length, k + 5); e > k; e--) {
      if (e - k === 1 && !/\p{L}-\p{L}/u.test(words[k])) continue;
      let ok = true;
      const capitalised = (w: string) => /^\p{Lu}/u.test(w) || ARABIC_ARTICLE_NAME.test(w);
      for (let i = k; i < e; i++) if (covers(spans, i) || !(capitalised(words[i]) || NAME_INNER.has(words[i]))) ok = false;
      if (!ok || !capitalised(words[e - 1])) continue;
      const cats = gazCats(model, words, k, e);
      // (a "first name" entry means nothing for an "al-" word: "al-qaeda" opens some person entries)
      const firstOk = e - k === 1 && ARABIC_ARTICLE_NAME.test(words[k]);
      if (cats.includes('ORG') && !cats.some((c) => c === 'PER' || (c === 'FIRST' && !firstOk) || c === 'GPE' || c === 'NORP')) {
        spans.push({ start: k, end: e, type: 'ORG' });
        k = e - 1;
        break;
      }
    }
  }
  spans.sort((x, y) => x.start - y.start);
}

/** Words that may follow a place phrase ("in Gao on Sunday", "in Kidal last week"). */
const PHRASE_CLOSERS = set('function-words', { uses: 'ner-phrase-closer' });
/** Determiners before an organisation class noun ("the Kenyan newspaper X"); lexicon/en/function-words.tsv. */
const CLASS_DETERMINERS = set('function-words', { uses: 'ner-class-det' });
/** Prepositions after which a lone capitalised word may be a place ("held in Taganrog"). */
const PLACE_PREPOSITIONS = set('function-words', { uses: 'ner-place-prep' });

/**
 * "38th Street", "the US Navy's 5th Fleet": an ordinal in figures, then one to three capitalised words
 * (nothing covers them) ending in a head word that the words after do not continue, is a name of the head's kind.
 * A span the model made over the capitalised words alone grows to the ordinal.
 */
function addOrdinalNames(words: readonly string[], spans: NameSpan[], headType: (lower: string) => EntityType | null): void {
  let added = false;
  for (let k = 0; k + 1 < words.length; k++) {
    if (!/^\d+(?:st|nd|rd|th)$/.test(words[k]) || covers(spans, k)) continue;
    let e = k + 1;
    while (e < words.length && e - k <= 3 && /^\p{Lu}\p{Ll}/u.test(words[e])) e++;
    if (e === k + 1 || (e < words.length && /^\p{Lu}/u.test(words[e]))) continue;
    const type = headType(words[e - 1].toLowerCase());
    if (!type) continue;
    const over = spans.filter((s) => s.start < e && s.end > k + 1);
    if (over.length > 1 || (over.length === 1 && (over[0].start !== k + 1 || over[0].end !== e))) continue;
    if (over.length === 1) over[0].start = k;
    else spans.push({ start: k, end: e, type });
    added = true;
    k = e - 1;
  }
  if (added) spans.sort((x, y) => x.start - y.start);
}

function addKnownPlaces(model: NerModel, words: readonly string[], spans: NameSpan[]): void {
  // "abducted near Gao": after "near" / "outside" a lone capitalised name is a place
  for (const s of spans) {
    if (s.type !== 'PERSON' || s.end - s.start !== 1 || !/^(?:near|outside)$/.test(words[s.start - 1] ?? '')) continue;
    if (/^['’]s$/.test(words[s.end] ?? '') || gazCats(model, words, s.start, s.end).includes('PER')) continue;
    s.type = 'GPE';
  }
  for (let k = 1; k < words.length; k++) {
    if (!PLACE_PREPOSITIONS.has(words[k - 1]) || !/^\p{Lu}\p{Ll}/u.test(words[k]) || covers(spans, k)) continue;
    // "held in Taganrog.": after "in"/"near"/"outside", a lone capitalised word our lexicon has
    // never seen, closing the phrase, is a place too
    if (/^(?:in|near|outside)$/.test(words[k - 1]) && !model.lexicon.has(words[k].toLowerCase()) && gazCats(model, words, k, k + 1).length === 0
      && (k + 1 === words.length || /^[.,;)]$/.test(words[k + 1]) || PHRASE_CLOSERS.has(words[k + 1]))) {
      spans.push({ start: k, end: k + 1, type: 'GPE' });
      continue;
    }
    if (!model.gazetteer.firstNode(words[k].toLowerCase())) continue;
    for (let e = Math.min(words.length, k + 3); e > k; e--) {
      let free = true;
      for (let i = k; i < e; i++) if (covers(spans, i) || !/^\p{Lu}/u.test(words[i])) free = false;
      if (!free) continue;
      if (e < words.length && /^\p{Lu}/u.test(words[e])) continue; // part of a longer name
      const cats = gazCats(model, words, k, e);
      if (cats.includes('GPE') && !cats.some((c) => c === 'PER' || c === 'FIRST' || c === 'ORG')) {
        spans.push({ start: k, end: e, type: 'GPE' });
        break;
      }
    }
  }
  spans.sort((x, y) => x.start - y.start);
}

const OPEN_QUOTE = /^[“"‘']$/;
const CLOSE_QUOTE = /^[”"’']$/;

/**
 * 'Alexander "Sasha" Trufanov', 'Joaquín "El Chapo" Guzmán': a nickname in quotes between a
 * given name and a surname is inside one person's name.
 */
function joinNicknames(words: readonly string[], spans: NameSpan[]): void {
  // the model took the quoted nickname alone: 'Joaquín ["El Chapo"] [Guzmán]' → one name
  // (whatever type it was given: a quoted nickname between a given name and a surname is a person's)
  for (let j = spans.length - 1; j >= 0; j--) {
    const s = spans[j];
    if (s.start < 2 || !OPEN_QUOTE.test(words[s.start - 1]) || !CLOSE_QUOTE.test(words[s.end] ?? '')) continue;
    if (!nameWordAt(words, s.start - 2) || spans.some((o) => o.start <= s.start - 2 && o.end > s.start - 2 && o.type !== 'PERSON')) continue;
    const next = spans.find((o) => o.start === s.end + 1);
    if (next ? next.type !== 'PERSON' : !nameWordAt(words, s.end + 1) || covers(spans, s.end + 1)) continue;
    const before = spans.find((o) => o.end === s.start - 1 && o.type === 'PERSON');
    if (s.type !== 'PERSON' && !before && !next) continue;
    s.start = before ? before.start : s.start - 2;
    s.end = next ? next.end : s.end + 2;
    s.type = 'PERSON';
    for (let k = spans.length - 1; k >= 0; k--) if (spans[k] === before || spans[k] === next) spans.splice(k, 1);
  }
  // 'Alexander [“Sasha] ” [Trufanov]': a person span that opens a quote it does not close runs
  // over the closing quote to the surname after it
  for (let j = spans.length - 1; j >= 0; j--) {
    const s = spans[j];
    if (s.type !== 'PERSON' || !CLOSE_QUOTE.test(words[s.end] ?? '')) continue;
    let open = -1;
    for (let i = s.start + 1; i < s.end; i++) if (OPEN_QUOTE.test(words[i])) open = i;
    if (open < 0 || !/^\p{Lu}/u.test(words[open + 1] ?? '')) continue;
    const next = spans.find((o) => o.start === s.end + 1);
    if (next ? next.type !== 'PERSON' : !nameWordAt(words, s.end + 1) || covers(spans, s.end + 1)) continue;
    s.end = next ? next.end : s.end + 2;
    if (next) spans.splice(spans.indexOf(next), 1);
  }
  for (const s of spans) {
    // the model took nickname and surname but left the given name: 'Joaquín ["El Chapo" Guzmán]'
    if (s.type !== 'PERSON' || s.start < 2 || !OPEN_QUOTE.test(words[s.start - 1])) continue;
    let inner = false;
    for (let i = s.start + 1; i < s.end - 1; i++) if (CLOSE_QUOTE.test(words[i])) inner = true;
    if (inner && nameWordAt(words, s.start - 2) && !covers(spans, s.start - 2)) s.start -= 2;
  }
  for (let j = 0; j < spans.length; j++) {
    const s = spans[j];
    if (s.type !== 'PERSON' || !OPEN_QUOTE.test(words[s.end] ?? '')) continue;
    let q = s.end + 1;
    while (q < words.length && q - s.end <= 3 && /^\p{Lu}/u.test(words[q])) q++;
    if (q === s.end + 1 || !CLOSE_QUOTE.test(words[q] ?? '') || !nameWordAt(words, q + 1)) continue;
    // the surname: a person span starting there, or one capitalised word
    const next = spans.find((o) => o.start === q + 1);
    if (next && next.type !== 'PERSON') continue;
    if (spans.some((o) => o !== next && o.start > s.end && o.start <= q)) continue;
    const end = next ? next.end : q + 2;
    if (next) spans.splice(spans.indexOf(next), 1);
    s.end = end;
  }
}

const CAPS_ACRONYM = /^\p{Lu}[\p{Lu}\d&]{1,6}$/u;
/** Verbs of saying and of the acts news reports bodies doing. */
const ACTING_VERBS = set('ner-words', { uses: 'ner-acting-verbs' });

/**
 * "Leung Kwok-hung of LSD", "Wong Kwok-kin of the FTU", "DAB's Ben Chan": an acronym tied to a
 * person by "of" or a possessive is the organisation the person belongs to, and "the RSF said":
 * one that speaks or acts is a body too (a known place acronym — "US", "UK" — stays a place).
 */
function addAffiliationAcronyms(model: NerModel, words: readonly string[], spans: NameSpan[]): void {
  const personEndingAt = (i: number) => spans.some((o) => o.type === 'PERSON' && o.end === i);
  const personStartingAt = (i: number) => spans.some((o) => o.type === 'PERSON' && o.start === i);
  for (let k = 0; k < words.length; k++) {
    if (!CAPS_ACRONYM.test(words[k]) || covers(spans, k) || gazCats(model, words, k, k + 1).some((c) => c === 'GPE' || c === 'LOC' || c === 'NORP')) continue;
    const ofPerson = (words[k - 1] === 'of' && personEndingAt(k - 1)) || (words[k - 1] === 'the' && words[k - 2] === 'of' && personEndingAt(k - 2));
    const possessor = /^['’]s$/.test(words[k + 1] ?? '') && personStartingAt(k + 2);
    // "the RSF said", "the IDF denied": an acronym with "the" that speaks or acts is a body
    const actor = /^the$/i.test(words[k - 1] ?? '') && ACTING_VERBS.has(words[k + 1] ?? '') && !PERSON_TITLES.has(words[k].toLowerCase());
    if (ofPerson || possessor || actor) spans.push({ start: k, end: k + 1, type: 'ORG' });
  }
  spans.sort((x, y) => x.start - y.start);
}

/**
 * "Nathan Law of Demosisto", "Youngspiration's Baggio Leung", "Cheng Chung-tai of Civic Passion": a run of
 * capitalised words tied to a person by "of (the)" after the person, or by a possessive right before the
 * person, is the body the person belongs to, as for acronyms above. Such names carry no cue word, so the
 * model leaves them, or types a two-word one a person. Not when a gazetteer knows the run as a place, a
 * nationality or a person ("Smith of Texas", "Kenya's William Ruto", "Obama's Joe Biden"), nor a run that
 * goes on as a longer name ("of New People's Party", "of the University of …", "of Studio 54": other rules' work),
 * nor one word mostly written in lower case.
 */
function addAffiliationNames(model: NerModel, words: readonly string[], spans: NameSpan[]): void {
  const n = words.length;
  const person = (f: (o: NameSpan) => boolean) => spans.some((o) => o.type === 'PERSON' && f(o));
  const nameWord = (i: number) => i >= 0 && i < n && /^\p{Lu}/u.test(words[i]) && !PERSON_TITLES.has(words[i].toLowerCase()) && !DATE_WORDS.has(words[i].toLowerCase());
  const claim = (a: number, b: number) => {
    if (b - a > 4) return;
    const lower = words.slice(a, b).map((w) => w.toLowerCase());
    // one word mostly written in lower case is no name ("It's Warhol", "of the Architectural, …")
    if (b - a === 1 && (model.lexicon.get(lower[0]) ?? 1) < 0.5) return;
    if (ruleCats(model, lower).some((c) => c === 'GPE' || c === 'LOC' || c === 'NORP' || c === 'PER')) return;
    const known = nameGazetteer().names.get(nameKey(lower));
    if (known && known !== 'ORG') return;
    const over = spans.filter((o) => o.start < b && o.end > a);
    if (over.length === 0) spans.push({ start: a, end: b, type: 'ORG' });
    // a two-word "person" that opens on no given name: "Civic Passion"
    else if (over.length === 1 && over[0].start === a && over[0].end === b && over[0].type === 'PERSON' && b - a >= 2 && !ruleCats(model, [lower[0]]).includes('FIRST')) over[0].type = 'ORG';
  };
  for (let k = 1; k < n; k++) {
    if (/^['’]s$/.test(words[k]) && nameWord(k - 1) && person((o) => o.start === k + 1)) {
      let a = k - 1;
      while (nameWord(a - 1)) a--;
      claim(a, k);
    } else if (words[k] === 'of' && person((o) => o.end === k)) {
      const j = words[k + 1] === 'the' ? k + 2 : k + 1;
      let b = j;
      while (nameWord(b)) b++;
      if (b > j && !/^(?:['’]s?|of|for|\d.*)$/.test(words[b] ?? '')) claim(j, b);
    }
  }
  spans.sort((x, y) => x.start - y.start);
}

/**
 * "The Hostages and Missing Families Forum thanked …": an untagged run of capitalised words
 * (with "of", "for", "and", "the", "&" between them) that ends in an organisation's or a
 * facility's head word is that organisation or facility, wherever the model saw nothing.
 */
/**
 * Organisation head words the rules know beyond the feature list (added after the model was
 * trained; the feature list stays as trained).
 */
const RULE_ORG_HEADS = readerSet('org-heads', 'ner-rules');
const COMPANY_HEADS = readerSet('org-heads', 'ner-company');
const R_COMPANY_HEADS = nerRule('company-heads', 'retype', 'the last words of company names (lexicon org-heads, uses ner-company: "Productions", "Energy", "Futures", "Holdings", "Motorsports" …) head organisations for the rules that read organisation heads, as the trained head words do ("J Donovan Productions", "El Paso Energy")', ['He was the manager of Tallert Orbis Productions until 2019.']);
const isOrgHead = (l: string) => ORG_TRIGGERS.has(l) || RULE_ORG_HEADS.has(l) || (R_COMPANY_HEADS.enabled && COMPANY_HEADS.has(l) && (fire(R_COMPANY_HEADS), true));

function addHeadedNames(words: readonly string[], spans: NameSpan[]): void {
  const n = words.length;
  let i = 0;
  while (i < n) {
    if (!/^\p{Lu}\p{Ll}/u.test(words[i]) || covers(spans, i)) {
      i++;
      continue;
    }
    let e = i + 1;
    for (;;) {
      if (e < n && /^\p{Lu}/u.test(words[e]) && !covers(spans, e)) e++;
      else if (e + 1 < n && /^(?:of|for|and|the|&)$/.test(words[e]) && /^\p{Lu}/u.test(words[e + 1]) && !covers(spans, e + 1)) e += 2;
      // a plural possessive inside the name: "Young Lawyers' Association", "Workers' Party"
      else if (e + 1 < n && /^['’]$/.test(words[e]) && /s$/.test(words[e - 1]) && /^\p{Lu}/u.test(words[e + 1]) && !covers(spans, e + 1)) e += 2;
      else break;
    }
    let a = i;
    if (words[a] === 'The') a++;
    const inside = packedMap(words.slice(a, e), (w) => w.toLowerCase());
    // the head may come before "for/of …": "Coordination Headquarters for the Treatment of …"
    let head = e - 1;
    for (let j = a + 1; j < e; j++) if ((words[j] === 'for' || words[j] === 'of') && isOrgHead(words[j - 1].toLowerCase())) { head = j - 1; break; }
    const headWord = words[head].toLowerCase();
    if (e - a >= 2 && (isOrgHead(headWord) || FAC_TRIGGERS.has(headWord)) && !inside.some((w) => DATE_WORDS.has(w) || PERSON_TITLES.has(w))) {
      // a nationality right before the name opens it: "the Georgian Young Lawyers' Association"
      const norp = a === i ? spans.findIndex((o) => o.end === a && o.end - o.start === 1 && o.type === 'NORP') : -1;
      const start = norp >= 0 ? spans[norp].start : a;
      if (norp >= 0) spans.splice(norp, 1);
      spans.push({ start, end: e, type: isOrgHead(headWord) ? 'ORG' : 'FAC' });
    }
    i = e;
  }
  spans.sort((x, y) => x.start - y.start);
}

/**
 * "the President of United Restaurant and Tavern Owners Association": the model reads two
 * organisations, "United Restaurant" and "Tavern Owners Association". A first part that ends in a
 * common noun ("restaurant": mostly written in lower case, in the capitalisation lexicon) cannot
 * stand alone as a name, so it modifies the head word after "and" with the rest: one organisation
 * ("Food and Drug Administration", "Fish and Wildlife Service"). A first part that is a name of its
 * own (ends in an organisation head, is known to the gazetteer, or ends in a word mostly written
 * capitalised: "Orbis Labs and Tarrow Bank", "Sony and Universal Music Group") stays apart. The
 * first part is a span of the model (organisation or person) or untagged capitalised words, at
 * most three.
 */
function joinCoordinatedHeads(model: NerModel, words: readonly string[], spans: NameSpan[]): void {
  spans.sort((x, y) => x.start - y.start);
  for (let k = 0; k < spans.length; k++) {
    const right = spans[k];
    const and = right.start - 1;
    if (right.type !== 'ORG' || and < 1 || (words[and] !== 'and' && words[and] !== '&')) continue;
    if (right.end - right.start < 2 || !isOrgHead(words[right.end - 1].toLowerCase())) continue;
    const leftSpan = k > 0 && spans[k - 1].end === and ? spans[k - 1] : undefined;
    if (leftSpan && leftSpan.type !== 'ORG' && leftSpan.type !== 'PERSON') continue;
    let from = and;
    if (leftSpan) from = leftSpan.start;
    else while (from > 0 && and - from < 3 && /^\p{Lu}\p{Ll}/u.test(words[from - 1]) && !/^(?:The|A|An)$/.test(words[from - 1]) && !covers(spans, from - 1)) from--;
    if (from === and) continue;
    const last = words[and - 1].toLowerCase();
    if (!/^\p{Lu}\p{Ll}+$/u.test(words[and - 1]) || isOrgHead(last) || (model.lexicon.get(last) ?? 1) >= 0.5) continue;
    // (a given name alone is no name of its own here: "Law" of "Law and Justice Party" is a common word the gazetteer also lists as a first name)
    if (gazCats(model, words, from, and).some((c) => c !== 'FIRST')) continue;
    if (leftSpan) spans.splice(k - 1, 1);
    right.start = from;
    right.type = 'ORG';
    k = -1;
  }
}

function covers(spans: NameSpan[], i: number): boolean {
  return spans.some((o) => o.start <= i && o.end > i);
}

/**
 * Tag every sentence of a document, then make names consistent across it, as a reader does:
 * once "Dan Savage" is a person, a later capitalised "Savage" is the same person (even where
 * the sentence alone looked like a place), and a multi-word name seen with one type keeps that
 * type when it recurs untagged. With an organisation companion (model.org), its organisations
 * then replace the model's (withCompanionOrgs).
 */
export function recogniseDoc(model: NerModel, sentences: readonly (readonly string[])[], ranges?: readonly (readonly [number, number])[], given?: GivenDecoding): NameSpan[][] {
  try {
    const org = model.org && R_ORG_MODEL.enabled ? model.org : null;
    let ems: Float32Array[] | undefined;
    let orgEms: Float32Array[] | undefined;
    const caps = docCaps(sentences);
    if (given) {
      const pass: FirstPass = { decoded: [], sentenceNames: [] };
      const out = recogniseDocIn(model, sentences, ranges, undefined, caps, pass, given.model);
      withCompanionOrgs(model, sentences, out, ranges, undefined, caps, pass, given.companion);
      otherNames(model, sentences, out, ranges);
      return out;
    }
    if (org && org.cache === model.cache) {
      // one feature pass for both models: the companion shares the word cache (its scores in slot 1) and each sentence's keys
      ems = [];
      orgEms = [];
      // each model's scores for the whole document in one array, a view per sentence (not two arrays per sentence)
      let tokens = 0;
      for (const words of sentences) tokens += words.length;
      const T = model.weights.tags.n;
      const orgT = org.weights.tags.n;
      const all = new Float32Array(tokens * T);
      const orgAll = new Float32Array(tokens * orgT);
      let at = 0;
      for (const words of sentences) {
        const n = words.length;
        if (n === 0) {
          ems.push(new Float32Array(0));
          orgEms.push(new Float32Array(0));
          continue;
        }
        const v = sentenceView(words, model.cache, model, caps);
        const keys = sentenceKeysOf(v);
        ems.push(model.weights.emissionsFor(v, model.cache, model.frozen, keys, all.subarray(at * T, (at + n) * T)));
        orgEms.push(org.weights.emissionsFor(v, org.cache, org.frozen, keys, orgAll.subarray(at * orgT, (at + n) * orgT)));
        at += n;
      }
    }
    const pass: FirstPass = { decoded: [], sentenceNames: [] };
    const out = recogniseDocIn(model, sentences, ranges, ems, caps, pass);
    withCompanionOrgs(model, sentences, out, ranges, orgEms, caps, pass);
    otherNames(model, sentences, out, ranges);
    return out;
  } finally {
    sentenceRange = undefined;
  }
}

/** `given`: the sentences' emission scores when already computed (recogniseDoc, for both models at once); `caps`: the document's capitalisation, when known. */
function recogniseDocIn(model: NerModel, sentences: readonly (readonly string[])[], ranges?: readonly (readonly [number, number])[], given?: Float32Array[], caps: DocCaps = docCaps(sentences), pass?: FirstPass, givenSpans?: readonly (readonly NameSpan[])[]): NameSpan[][] {
  const decoded = givenSpans
    ? sentences.map((words, k) => splitAtLowerCase(words, copySpans(givenSpans[k] ?? [])))
    : decodeAll(model, sentences, given ?? sentences.map((words) => (words.length ? emissions(model, words, caps) : new Float32Array(0))));
  const reuse = pass?.names ? pass : undefined;
  if (reuse && decoded.every((d, k) => sameSpans(d, reuse.decoded[k]))) return reuse.names!.map(copySpans);
  const out = sentences.map((words, k) => {
    sentenceRange = ranges?.[k];
    if (reuse && sameSpans(decoded[k], reuse.decoded[k])) return copySpans(reuse.sentenceNames[k]);
    return spansAfterRules(model, words, decoded[k]);
  });
  sentenceRange = undefined;
  if (pass && !reuse) {
    pass.decoded = decoded;
    pass.sentenceNames = out.map(copySpans);
  }
  documentNames(model, sentences, out, ranges);
  if (pass && !reuse) pass.names = out.map(copySpans);
  return out;
}

/**
 * The recogniser's decoded spans and names, for the organisation companion: where the two models
 * decode a sentence alike, the rules give the same names (spansAfterRules), and where they decode
 * the whole document alike, so do the document rules (documentNames), so the companion takes
 * copies instead of running the rules again.
 */
interface FirstPass {
  decoded: NameSpan[][];
  /** each sentence's names after the sentence rules */
  sentenceNames: NameSpan[][];
  /** the names after the document rules (absent until the recogniser's pass has run) */
  names?: NameSpan[][];
}

function decodeAll(model: NerModel, sentences: readonly (readonly string[])[], ems: readonly Float32Array[]): NameSpan[][] {
  return sentences.map((words, k) => decodedSpans(model, words, ems[k]));
}

/**
 * Names taken as the models' decoding instead of what the weights decode (per sentence, before
 * the rules): a rule's examples are tested on the names they were written against, so that a
 * retrain, which moves the decoding as a new shuffle seed does, does not move the rule's test
 * (docs/entities-ner.md, "The retrain wall"). `companion` defaults to the recogniser's names.
 */
export interface GivenDecoding {
  model: readonly (readonly NameSpan[])[];
  companion: readonly (readonly NameSpan[])[];
}

/** Given names as written in rule examples: "Real Madrid/GPE", the phrase and its type. */
export type GivenNames = Pick<RuleExample, 'decoded' | 'companion'>;

let givenNames: GivenNames | null = null;

/** Run `fn` (a pipeline run) with the models' decoding given as names of its text (rule examples; see GivenDecoding). */
export function withDecodedNames<T>(given: GivenNames, fn: () => T): T {
  const outer = givenNames;
  givenNames = given;
  try {
    return fn();
  } finally {
    givenNames = outer;
  }
}

/**
 * Each "phrase/TYPE" as a token span of its sentence: the phrase's first place in the text, on
 * token edges of one sentence, that no earlier name of the list took.
 */
function givenSpansOf(text: string, sentTokens: readonly (readonly { start: number; end: number }[])[], names: readonly string[]): NameSpan[][] {
  const out: NameSpan[][] = sentTokens.map(() => []);
  const taken: [number, number][] = [];
  for (const item of names) {
    const slash = item.lastIndexOf('/');
    const phrase = item.slice(0, slash);
    const type = item.slice(slash + 1) as EntityType;
    if (slash <= 0 || !ENTITY_TYPES.includes(type)) throw new Error(`given name '${item}': write it "phrase/TYPE" with a known type`);
    let found: { at: number; k: number; first: number; last: number } | null = null;
    for (let at = text.indexOf(phrase); at >= 0 && !found; at = text.indexOf(phrase, at + 1)) {
      const end = at + phrase.length;
      if (taken.some(([a, b]) => at < b && a < end)) continue;
      const k = sentTokens.findIndex((toks) => toks.some((t) => t.start === at));
      const first = k < 0 ? -1 : sentTokens[k].findIndex((t) => t.start === at);
      const last = k < 0 ? -1 : sentTokens[k].findIndex((t) => t.end === end);
      if (first >= 0 && last >= first) found = { at, k, first, last };
    }
    if (!found) throw new Error(`given name '${item}' is not in the text as whole tokens of one sentence (or every such place is taken)`);
    taken.push([found.at, found.at + phrase.length]);
    out[found.k].push({ start: found.first, end: found.last + 1, type });
  }
  for (const spans of out) spans.sort((a, b) => a.start - b.start);
  return out;
}

function sameSpans(a: readonly NameSpan[], b: readonly NameSpan[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].start !== b[i].start || a[i].end !== b[i].end || a[i].type !== b[i].type) return false;
  return true;
}

function copySpans(spans: readonly NameSpan[]): NameSpan[] {
  return packedMap(spans, (s) => ({ ...s }));
}

/** The document rules over each sentence's names (in place): capitalised "The", lone places, known parts of persons' names. */
function documentNames(model: NerModel, sentences: readonly (readonly string[])[], out: NameSpan[][], ranges?: readonly (readonly [number, number])[]): NameSpan[][] {
  if (R_CAPITAL_THE.enabled) addCapitalTheNames(model, sentences, out, ranges);
  if (R_STORM_NAMES.enabled) stormNames(sentences, out, ranges);
  const personParts = new Set<string>();
  const surnames = new Set<string>();
  const otherMulti = new Set<string>();
  // (a multi-word name or acronym seen once with a type was also carried to its untagged
  // recurrences: in cross-validation that rule ("ner.doc-phrases") cost ORG 0.4 F1, and was removed)
  sentences.forEach((words, k) => {
    for (const s of out[k]) {
      if (s.end - s.start < 2) continue;
      const ws = words.slice(s.start, s.end);
      if (s.type === 'PERSON') {
        // a function word is no part of a name to carry ("The" of a ship the model typed a person would make every "The" one)
        for (const w of ws) if (/^\p{Lu}\p{Ll}/u.test(w) && !NAME_GLUE.has(w.toLowerCase()) && !PERSON_PART_STOPS.has(w.toLowerCase())) personParts.add(w);
        surnames.add(ws[ws.length - 1]);
      } else {
        for (const w of ws) otherMulti.add(w);
      }
    }
  });
  for (const w of otherMulti) personParts.delete(w);
  // a given name that is also a place ("Israel" of "Israel Katz") names the person only with
  // the surname: alone it stays the place
  for (const w of personParts) {
    if (!surnames.has(w) && ruleCats(model, [w.toLowerCase()]).includes('GPE')) personParts.delete(w);
  }
  // "for Georgia's bid": a lone "person" the gazetteer knows as a country or city, and that no
  // full name of the article contains, is the place (a given name that is also a country —
  // Georgia, Israel, Jordan — is a person only beside a surname)
  sentences.forEach((words, k) => {
    sentenceRange = ranges?.[k];
    for (const s of out[k]) {
      if (s.type !== 'PERSON' || s.end - s.start !== 1 || personParts.has(words[s.start])) continue;
      const cats = ruleCats(model, [words[s.start].toLowerCase()]);
      if (cats.includes('GPE') && !cats.includes('PER') && R_LONE_PLACE_PERSON.enabled) {
        s.type = 'GPE';
        fire(R_LONE_PLACE_PERSON);
      }
    }
  });
  if (!R_DOC_PERSON_PARTS.enabled || personParts.size === 0) return out;
  sentences.forEach((words, k) => {
    sentenceRange = ranges?.[k];
    const spans = out[k];
    const covered = new Int32Array(words.length).fill(-1);
    spans.forEach((s, j) => {
      for (let i = s.start; i < s.end; i++) covered[i] = j;
    });
    // retype single-token spans that are known parts of a person's name
    for (const s of spans) {
      if (s.end - s.start === 1 && s.type !== 'PERSON' && personParts.has(words[s.start])) {
        s.type = 'PERSON';
        fire(R_DOC_PERSON_PARTS);
      }
    }
    const added: NameSpan[] = [];
    for (let i = 0; i < words.length; i++) {
      if (covered[i] >= 0) continue;
      const w = words[i];
      if (personParts.has(w) && !DATE_WORDS.has(w.toLowerCase())) {
        // extend over adjacent known parts ("Dan Savage" later written in full without a tag)
        let j = i + 1;
        while (j < words.length && covered[j] < 0 && personParts.has(words[j])) j++;
        // not a piece of a longer untagged name ("World Israel News" once "Israel Katz" is known)
        const wedged = i > 1 && covered[i - 1] < 0 && covered[j] < 0 && nameWordAt(words, i - 1) && nameWordAt(words, j);
        if (!wedged) {
          added.push({ start: i, end: j, type: 'PERSON' });
          fire(R_DOC_PERSON_PARTS);
        }
        i = j - 1;
      }
    }
    if (added.length) out[k] = mergeAdjacent([...spans, ...added].sort((a, b) => a.start - b.start), words);
  });
  return out;
}

/** Words that open a named storm ("Hurricane", "Tropical Storm", "Typhoon"; lexicon/en/event-heads.tsv, uses ner-before). */
const STORM_WORDS = set('event-heads', { uses: 'ner-before' });

/**
 * "Hurricane Lorenzo", "Tropical Storm Humberto", "Typhoon Haiyan": a run of capitalised storm words that opens a
 * phrase (no capitalised word before it but another storm word: "National Hurricane Center", "Operation Desert Storm"
 * are other names) and one capitalised word after it that ends the phrase ("Hurricane Katrina Relief Fund" is an
 * organisation) name an event; the word is the storm's name, so wherever it stands alone as a name in the article it
 * is the same event ("Lorenzo weakened"), not the person the model reads in a given name. The model's names inside
 * the phrase give way to it.
 */
function stormNames(sentences: readonly (readonly string[])[], out: NameSpan[][], ranges?: readonly (readonly [number, number])[]): void {
  const storms = new Set<string>();
  const isStormWord = (w: string | undefined) => !!w && /^\p{Lu}/u.test(w) && STORM_WORDS.has(w.toLowerCase());
  sentences.forEach((words, k) => {
    sentenceRange = ranges?.[k];
    for (let a = 0; a < words.length; a++) {
      if (!isStormWord(words[a]) || (a > 0 && /^\p{Lu}/u.test(words[a - 1]) && a - 1 > 0)) continue;
      let b = a;
      while (b < words.length && isStormWord(words[b])) b++;
      const name = words[b];
      const next = words[b + 1];
      const l = name?.toLowerCase() ?? '';
      if (!name || !/^\p{Lu}\p{Ll}+$/u.test(name) || ORG_TRIGGERS.has(l) || FAC_TRIGGERS.has(l) || LOC_TRIGGERS.has(l) || DATE_WORDS.has(l) || (next !== undefined && /^\p{Lu}/u.test(next))) {
        a = b;
        continue;
      }
      const spans = out[k];
      // (a name of the model reaching outside the phrase is another name: leave it)
      if (spans.some((s) => s.start < b + 1 && s.end > a && (s.start < a || s.end > b + 1))) {
        a = b;
        continue;
      }
      storms.add(name);
      const kept = spans.filter((s) => s.end <= a || s.start >= b + 1);
      if (kept.length !== spans.length || !spans.some((s) => s.start === a && s.end === b + 1 && s.type === 'EVENT')) {
        out[k] = [...kept, { start: a, end: b + 1, type: 'EVENT' as EntityType }].sort((x, y) => x.start - y.start);
        fire(R_STORM_NAMES);
      }
      a = b;
    }
  });
  if (storms.size === 0) return;
  sentences.forEach((words, k) => {
    sentenceRange = ranges?.[k];
    for (const s of out[k]) {
      if (s.end - s.start !== 1 || s.type === 'EVENT' || !storms.has(words[s.start])) continue;
      s.type = 'EVENT';
      fire(R_STORM_NAMES);
    }
  });
  sentenceRange = undefined;
}

const OPENER = /^[“”"‘’'(:—–-]$/;

/**
 * "writes for The Onion", "told The Brooklyn Paper": mid-sentence, a capitalised "The" belongs
 * to the name after it, the way publications, bands and titles are written. Such an untagged
 * run is an organisation (or the place the gazetteer knows: "The Hague"), and every other
 * "The X" of the document, sentence starts and headlines included, is the same name. Skipped in
 * title-case lines, where every word is capitalised anyway.
 */
function addCapitalTheNames(model: NerModel, sentences: readonly (readonly string[])[], out: NameSpan[][], ranges?: readonly (readonly [number, number])[]): void {
  const found = new Map<string, EntityType>();
  const titleCase = (words: readonly string[]) => {
    let cap = 0;
    let alpha = 0;
    for (const w of words) {
      if (!/^\p{L}/u.test(w)) continue;
      alpha++;
      if (/^\p{Lu}/u.test(w)) cap++;
    }
    return cap * 2 >= alpha;
  };
  const runAfter = (words: readonly string[], spans: NameSpan[], i: number): number => {
    let e = i + 1;
    while (e < words.length && e - i <= 3 && /^\p{Lu}\p{Ll}/u.test(words[e]) && !spans.some((o) => o.start <= e && o.end > e)) e++;
    return e;
  };
  sentences.forEach((words, k) => {
    // (a title-case sentence is left alone: asked only once a mid-sentence "The" is found, as most sentences have none)
    let titleChecked = false;
    for (let i = 1; i + 1 < words.length; i++) {
      if (words[i] !== 'The' || OPENER.test(words[i - 1]) || /[.!?]$/.test(words[i - 1])) continue;
      if (!titleChecked) {
        if (titleCase(words)) return;
        titleChecked = true;
      }
      const e = runAfter(words, out[k], i);
      if (e === i + 1) continue;
      const run = words.slice(i + 1, e);
      const lower = run.map((w) => w.toLowerCase());
      if (lower.some((w) => DATE_WORDS.has(w) || PERSON_TITLES.has(w))) continue;
      const cats = ruleCats(model, lower);
      found.set(run.join(' '), cats.includes('GPE') ? 'GPE' : cats.includes('LOC') ? 'LOC' : 'ORG');
    }
  });
  if (found.size === 0) return;
  sentences.forEach((words, k) => {
    for (let i = 0; i + 1 < words.length; i++) {
      if (words[i] !== 'The') continue;
      const e = runAfter(words, out[k], i);
      // the longest known run from here
      for (let j = e; j > i + 1; j--) {
        const type = found.get(words.slice(i + 1, j).join(' '));
        if (type) {
          sentenceRange = ranges?.[k];
          fire(R_CAPITAL_THE);
          out[k].push({ start: i + 1, end: j, type });
          out[k].sort((a, b) => a.start - b.start);
          break;
        }
      }
    }
  });
}

/**
 * Join spans of one type that touch ("Washington" + "D.C.", "Tom" + "Cruise"): two distinct
 * names of the same type are almost never written side by side without a comma or "and".
 * A person span never absorbs a preceding place ("US" + "President Trump" stays apart since
 * the types differ).
 */
export function mergeAdjacent(spans: NameSpan[], words: readonly string[]): NameSpan[] {
  const out: NameSpan[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (prev && prev.end === s.start && prev.type === s.type && !PUNCT.test(words[s.start])) prev.end = s.end;
    else out.push({ ...s });
  }
  return out;
}

/** Lower-case particles inside names that say nothing about who is meant. */
const NAME_GLUE = set('name-particles', { uses: 'ner-glue' });
const PERSON_PART_STOPS = set('function-words', { uses: 'ner-features' });

let cached: NerModel | null = null;
let loadError: string | null = null;

/** Directory of the shipped model: <repo>/models/ner (this file is dist/src/extract/ner.js). */
export function defaultModelDir(): string {
  return process.env.CHRONICLE_NER_MODEL || fileURLToPath(new URL('../../../models/ner/', import.meta.url));
}

let override: NerModel | null = null;

/**
 * Run the ner stage with `model` instead of the shipped one in this process (cross-validation
 * scores the whole pipeline with each fold's model); null goes back to the shipped model.
 */
export function useNerModel(model: NerModel | null): void {
  override = model;
}

/** The model, loaded on first use; null (with the reason in nerModelError()) when unavailable. */
export function getNerModel(): NerModel | null {
  if (override) return override;
  if (cached || loadError) return cached;
  try {
    cached = loadNerModel(defaultModelDir());
  } catch (err) {
    loadError = `NER model could not be loaded from ${defaultModelDir()}: ${err instanceof Error ? err.message : String(err)}`;
    // said once per process, on stderr: without the model every name is lost, and a note in doc.notes alone went unseen
    process.emitWarning(`${loadError}; names come from the gazetteer and rules only`, { code: 'CHRONICLE_NER_MODEL' });
  }
  return cached;
}

export function nerModelError(): string | null {
  return loadError;
}

/**
 * Two models, one recogniser: the BIO model names everything, then the organisation companion
 * (model.org, trained the same way with ORG tagged BILOU) runs the same way over the same
 * sentences, and its ORG names replace the BIO model's ORG names and any BIO name they overlap.
 * BILOU tags type organisations better (a name's last word and one-word names get their own
 * tags), but cost persons and places in a single model; cross-validated, the pair gains ORG
 * +1.6 and F1 +0.5 over the BIO model alone (docs/entities-ner.md). Spans per sentence, in place.
 */
function withCompanionOrgs(model: NerModel, sentences: readonly (readonly string[])[], spans: NameSpan[][], ranges?: readonly (readonly [number, number])[], orgEms?: Float32Array[], caps?: DocCaps, first?: FirstPass, given?: readonly (readonly NameSpan[])[]): void {
  if (!model.org || !R_ORG_MODEL.enabled) return;
  let orgSpans: NameSpan[][];
  // the rules read the gazetteer and the lexicon besides the decoded spans: reuse needs the same ones
  const shared = model.org.gazetteer === model.gazetteer && model.org.lexicon === model.lexicon;
  quiet = true;
  try {
    orgSpans = recogniseDocIn(model.org, sentences, ranges, orgEms, caps, shared ? first : undefined, given);
  } finally {
    quiet = false;
  }
  spans.forEach((own, k) => {
    const companion = orgSpans[k].filter((o) => o.type === 'ORG');
    if (companion.length === 0 && !own.some((s) => s.type === 'ORG')) return;
    sentenceRange = ranges?.[k];
    const words = sentences[k];
    const overlap = (a: NameSpan, b: NameSpan) => a.start < b.end && b.start < a.end;
    const yielded: NameSpan[] = [];
    const orgs = companion.filter((o) => {
      if (!yieldsToOwn(o, own, words)) return true;
      yielded.push(o);
      return false;
    });
    const kept = own.filter((s) => {
      if (orgs.some((o) => overlap(o, s))) return false;
      if (s.type !== 'ORG' || yielded.some((o) => overlap(o, s))) return true;
      // a name both models found, the companion with another type: the BIO organisation stays (else it is lost)
      if (R_ORG_MODEL_OTHER_TYPE.enabled && !companion.some((o) => overlap(o, s)) && orgSpans[k].some((o) => !PER_OR_PLACE.has(o.type) && o.type !== 'ORG' && overlap(o, s))) {
        fire(R_ORG_MODEL_OTHER_TYPE);
        return true;
      }
      return false;
    });
    const merged = [...kept, ...orgs].sort((a, b) => a.start - b.start || b.end - a.end);
    if (spanPrint(merged) !== spanPrint(own)) fire(R_ORG_MODEL);
    spans[k] = merged;
  });
  sentenceRange = undefined;
}

/**
 * Thing contexts a word needs, corpus and article together (and four times its agent contexts): fewer
 * are noise ("power" 0 / 5 in the corpus lost "People Power", a party, in cross-validation).
 */
const THING_MIN = 8;

/** The corpus half of the name contexts: read from the shipped model directory (built from Wikipedia, no fold's data). */
const SHIPPED_NER_DIR = fileURLToPath(new URL('../../../models/ner/', import.meta.url));

/**
 * The article's organisations that are no organisation, after both models: laws by their head word
 * (ner.law-names; the companion's organisations are typed here, its own pass leaves them), products by
 * their contexts (ner.thing-contexts); then every organisation of the article spelled as an acronym
 * such a name defines ("Digital Millennium Copyright Act (DMCA)", "Red Hat Enterprise Linux (RHEL)")
 * takes its type.
 */
function otherNames(model: NerModel, sentences: readonly (readonly string[])[], out: NameSpan[][], ranges?: readonly (readonly [number, number])[]): void {
  if (R_LAW_NAMES.enabled) {
    sentences.forEach((words, k) => {
      sentenceRange = ranges?.[k];
      applyRule(R_LAW_NAMES, out[k], () => typeLawNames(words, out[k]));
    });
    sentenceRange = undefined;
  }
  if (R_KIND_NAMES.enabled) {
    kindNames(sentences, out, (k) => {
      sentenceRange = ranges?.[k];
      fire(R_KIND_NAMES);
    });
    sentenceRange = undefined;
  }
  const isThing = thingJudge(sentences);
  if (R_THING_CONTEXTS.enabled) thingContexts(model, sentences, out, isThing, ranges);
  if (R_ORG_SHORT_FORM.enabled) orgShortForms(model, sentences, out, isThing, ranges);
  if (R_ORG_CONTEXTS.enabled) orgContexts(model, sentences, out, isThing, ranges);
  if (R_CAMEL_CASE_ORGS.enabled) {
    const corpus = corpusContexts(SHIPPED_NER_DIR);
    camelCaseOrgs(sentences, out, {
      plain: (words, a, b) => plainRun(model, words, a, b),
      corpus: (key) => corpus?.get(key),
      lowerWord: (w) => (model.lexicon.get(w.toLowerCase()) ?? 1) < 0.5,
      fired: (k) => {
        sentenceRange = ranges?.[k];
        fire(R_CAMEL_CASE_ORGS);
      },
    });
    sentenceRange = undefined;
  }
  const acronyms = new Map<string, EntityType>();
  sentences.forEach((words, k) => {
    for (const s of out[k]) {
      if ((s.type === 'LAW' && R_LAW_NAMES.enabled) || (s.type === 'PRODUCT' && R_THING_CONTEXTS.enabled)) {
        if (s.end - s.start > 1 && words[s.end] === '(' && words[s.end + 2] === ')' && ACRONYM_WORD.test(words[s.end + 1])) acronyms.set(words[s.end + 1], s.type);
      }
    }
  });
  if (acronyms.size === 0) return;
  sentences.forEach((words, k) => {
    for (const s of out[k]) {
      const type = s.type === 'ORG' && s.end - s.start === 1 ? acronyms.get(words[s.start]) : undefined;
      if (!type) continue;
      s.type = type;
      sentenceRange = ranges?.[k];
      fire(type === 'LAW' ? R_LAW_NAMES : R_THING_CONTEXTS);
    }
  });
  sentenceRange = undefined;
}

/**
 * Whether the contexts (src/extract/name-contexts.ts; corpus counts plus the article's own) call a word
 * key a thing: one judge per article for ner.thing-contexts and ner.org-contexts, the article's counts
 * taken in one pass over its words on first use, the verdict memoised per key.
 */
function thingJudge(sentences: readonly (readonly string[])[]): (key: string) => boolean {
  let corpus: ContextCounts | null | undefined;
  let doc: ContextCounts | undefined;
  const verdict = new Map<string, boolean>();
  return (key) => {
    let v = verdict.get(key);
    if (v === undefined) {
      if (!doc) {
        corpus = corpusContexts(SHIPPED_NER_DIR);
        doc = new Map();
        for (const words of sentences) countSentenceContexts(words, doc);
      }
      const a = (corpus?.get(key)?.agent ?? 0) + (doc.get(key)?.agent ?? 0);
      const t = (corpus?.get(key)?.thing ?? 0) + (doc.get(key)?.thing ?? 0);
      v = t >= THING_MIN && t >= 4 * a;
      verdict.set(key, v);
    }
    return v;
  };
}

/**
 * "Red Hat Enterprise Linux (RHEL)", "with COVID": an organisation whose last word the contexts call a
 * thing (`isThing`, thingJudge) is a product.
 */
function thingContexts(model: NerModel, sentences: readonly (readonly string[])[], out: NameSpan[][], isThing: (key: string) => boolean, ranges?: readonly (readonly [number, number])[]): void {
  if (!out.some((spans) => spans.some((s) => s.type === 'ORG'))) return;
  sentences.forEach((words, k) => {
    for (const s of out[k]) {
      if (s.type !== 'ORG') continue;
      const key = contextKey(words[s.end - 1]);
      // an organisation's head word is no thing ("Citizens United", "Sony Taiwan Limited")
      if (isOrgHead(key) || orgPhrasesEndingIn(model, key) >= 5 || !isThing(key)) continue;
      s.type = 'PRODUCT';
      sentenceRange = ranges?.[k];
      fire(R_THING_CONTEXTS);
    }
  });
  sentenceRange = undefined;
}

/** Military units named by an ordinal ("5th Fleet"; lexicon org-heads, uses ordinal). */
const ORDINAL_UNITS = readerSet('org-heads', 'ordinal');

/**
 * "SoftBank Group Corp. … SoftBank said": the article's organisations that end in head words (org-heads: Group, Corp.,
 * Foundation, Institution …) give their names without them; where the article writes such a short form as a name of
 * its own — untagged, or one word the models typed otherwise — it is the organisation (ner.org-short-form). One pass
 * collects the short forms, one scans the words (a short form is looked up by its first word).
 */
function orgShortForms(model: NerModel, sentences: readonly (readonly string[])[], out: NameSpan[][], isThing: (key: string) => boolean, ranges?: readonly (readonly [number, number])[]): void {
  const forms = new Map<string, string[][]>();
  const personWords = new Set<string>();
  const otherTyped = new Set<string>();
  sentences.forEach((words, k) => {
    for (const s of out[k]) if (s.type === 'PERSON' && s.end - s.start >= 2) for (let i = s.start; i < s.end; i++) personWords.add(words[i]);
  });
  sentences.forEach((words, k) => {
    for (const s of out[k]) {
      if (s.type !== 'ORG') continue;
      const span = shortFormSpan(words, s.start, s.end);
      if (!span) continue;
      const [a, e] = span;
      const form = words.slice(a, e);
      if (!form.every((w) => /^[\p{Lu}\d]/u.test(w)) || form.some((w) => personWords.has(w)) || !plainRun(model, words, a, e)) continue;
      // a name the contexts call a thing is a product's ("CentOS" of "CentOS Board")
      if (isThing(contextKey(words[e - 1]))) continue;
      const list = forms.get(form[0]) ?? [];
      if (!list.some((f) => f.join(' ') === form.join(' '))) list.push(form);
      forms.set(form[0], list);
    }
  });
  if (forms.size === 0) return;
  // a short form the article also names with another type is no sure organisation ("Texas" of "Texas Instruments")
  sentences.forEach((words, k) => {
    for (const s of out[k]) if (s.type !== 'ORG' && s.type !== 'PERSON') otherTyped.add(words.slice(s.start, s.end).join(' '));
  });
  const capital = (w: string | undefined) => w !== undefined && /^\p{Lu}/u.test(w);
  sentences.forEach((words, k) => {
    const spans = out[k];
    let changed = false;
    for (let i = 0; i < words.length; i++) {
      const list = forms.get(words[i]);
      if (!list) continue;
      for (const form of list) {
        const e = i + form.length;
        if (e > words.length || form.some((w, j) => words[i + j] !== w) || otherTyped.has(form.join(' '))) continue;
        // not inside a longer capitalised run ("SoftBank Vision Fund", "New Mozilla")
        // nor a numbered thing ("CentOS 8": a product's version)
        if (capital(words[e]) || /^\d/.test(words[e] ?? '') || (/^['’]s?$/.test(words[e] ?? '') && capital(words[e + 1])) || (i > 1 && capital(words[i - 1]) && !SENTENCE_OPENERS.has(words[i - 1]))) continue;
        // "Hiram College (Hiram, OH)": before ", State" it is the town the organisation is named after
        if (words[e] === ',' && e + 1 < words.length && (REGION_CODES.has(words[e + 1]) || ruleCats(model, [words[e + 1].toLowerCase()]).includes('GPE'))) continue;
        const over = spans.filter((s) => s.start < e && s.end > i);
        if (over.length === 0) {
          spans.push({ start: i, end: e, type: 'ORG' });
        } else if (over.length === 1 && over[0].start === i && over[0].end === e && over[0].type === 'PERSON') {
          over[0].type = 'ORG';
        } else continue;
        changed = true;
        sentenceRange = ranges?.[k];
        fire(R_ORG_SHORT_FORM);
        i = e - 1;
        break;
      }
    }
    if (changed) spans.sort((x, y) => x.start - y.start);
  });
  sentenceRange = undefined;
}

/** Organisation contexts a run needs (corpus and article together) before ner.org-contexts names it. */
const ORG_CONTEXTS_MIN = 2;
/** Smoothed odds of organisation against person + place contexts it needs: (org + 1) / (person + place + 1). */
const ORG_CONTEXTS_ODDS = 2;
const UPPER_FIRST = /^\p{Lu}/u;
/** Tokens after which a capital is the sentence's, not the name's. */
const SENTENCE_OPENERS = new Set(['"', '“', '‘', "'", '(', '[', ':', '-', '–', '—', '*', '•']);

/**
 * "Zentrix employees walked out … Shares of Zentrix fell": a run of capitalised words that both models
 * leave, whose contexts (src/extract/name-contexts.ts; corpus counts per run plus the article's own)
 * are an organisation's, is an organisation wherever the models left it (ner.org-contexts). A run
 * the article writes capitalised only where a sentence opens is no evidence of a name ("University
 * exhibits can …", "Yum."). One pass over the article's words for its counts, one over its runs; the
 * verdict is memoised per run key.
 */
function orgContexts(model: NerModel, sentences: readonly (readonly string[])[], out: NameSpan[][], isThing: (key: string) => boolean, ranges?: readonly (readonly [number, number])[]): void {
  const doc: RoleCounts = new Map();
  for (const words of sentences) countSentenceRoles(words, doc);
  const corpus = corpusRoles(SHIPPED_NER_DIR);
  // the article's runs the models left; the keys it writes capitalised inside a sentence, where the capital is the name's
  const runs: { k: number; a: number; b: number; key: string }[] = [];
  const written = new Set<string>();
  sentences.forEach((words, k) => {
    const spans = out[k];
    forEachCapitalisedRun(words, (i, e) => {
      // a sentence-opening run also without its first word ("But Zentrix said")
      const a = i === 0 && e - i >= 2 && (model.lexicon.get(words[0].toLowerCase()) ?? 1) < 0.5 ? 1 : i;
      // (one letter is no name: "plan A, B", "the B star")
      if (e - a > 5 || (e - a === 1 && words[a].length < 2) || spans.some((s) => s.start < e && s.end > a) || partOfLongerName(words, a, e)) return;
      const key = runKey(words, a, e);
      runs.push({ k, a, b: e, key });
      if (a > 0 && !SENTENCE_OPENERS.has(words[a - 1])) written.add(key);
    });
  });
  if (runs.length === 0) return;
  const verdict = new Map<string, boolean>();
  const isOrg = (words: readonly string[], a: number, b: number, key: string): boolean => {
    let v = verdict.get(key);
    if (v === undefined) {
      const c = corpus?.get(key);
      const d = doc.get(key);
      const o = (c?.org ?? 0) + (d?.org ?? 0);
      const other = (c?.person ?? 0) + (c?.place ?? 0) + (d?.person ?? 0) + (d?.place ?? 0);
      // an acronym's corpus counts pool all it stands for ("CPR": a railway and a first aid): it needs the article's own
      const own = b - a === 1 && ACRONYM_WORD.test(words[a]) && !(d && d.org > 0);
      // the corpus and the article must both say organisation: either alone added wrong organisations on unseen news (lead's gate)
      const both = (c?.org ?? 0) > 0 && (d?.org ?? 0) > 0;
      v = !own && both && o >= ORG_CONTEXTS_MIN && o + 1 >= ORG_CONTEXTS_ODDS * (other + 1) && written.has(key) && plainRun(model, words, a, b) && !isThing(contextKey(words[b - 1]));
      verdict.set(key, v);
    }
    return v;
  };
  const touched = new Set<number>();
  for (const { k, a, b, key } of runs) {
    if (!isOrg(sentences[k], a, b, key)) continue;
    out[k].push({ start: a, end: b, type: 'ORG' });
    touched.add(k);
    sentenceRange = ranges?.[k];
    fire(R_ORG_CONTEXTS);
  }
  for (const k of touched) out[k].sort((x, y) => x.start - y.start);
  sentenceRange = undefined;
}

/**
 * A run that goes on as a longer name is only its part: after a capitalised word's possessive
 * ("St. Gregory's University") or after a capitalised word and a number ("Sept. 11 Commission"), before "of"/"for"/"on" and a capitalised word ("University of the Incarnate Word", "the Commission on Presidential Debates").
 */
function partOfLongerName(words: readonly string[], a: number, b: number): boolean {
  if (a >= 2 && /^['’]s?$/.test(words[a - 1]) && UPPER_FIRST.test(words[a - 2])) return true;
  // a number inside a name: "Sept. 11 Commission"
  if (a >= 2 && /^\d/.test(words[a - 1]) && UPPER_FIRST.test(words[a - 2])) return true;
  if (b + 1 < words.length && (words[b] === 'of' || words[b] === 'for' || words[b] === 'on')) {
    const next = words[b + 1] === 'the' ? words[b + 2] : words[b + 1];
    // ("Facebook on Friday" is no longer name)
    if (next !== undefined && UPPER_FIRST.test(next) && !DATE_WORDS.has(next.toLowerCase())) return true;
  }
  return false;
}

/**
 * A run that may be an organisation's name: no date word or title in it, no gazetteer place,
 * nationality or person, and not one word mostly written in lower case ("Its", "Convenience").
 */
function plainRun(model: NerModel, words: readonly string[], a: number, b: number): boolean {
  const lower = words.slice(a, b).map((w) => w.toLowerCase());
  if (lower.some((w) => DATE_WORDS.has(w) || PERSON_TITLES.has(w))) return false;
  if (b - a === 1 && (model.lexicon.get(lower[0]) ?? 1) < 0.5) return false;
  if (ruleCats(model, lower).some((c) => c === 'GPE' || c === 'LOC' || c === 'NORP' || c === 'PER')) return false;
  const known = nameGazetteer().names.get(nameKey(lower));
  return !known || known === 'ORG';
}

/** The types the pair takes from the BIO model: a companion name of one of these over a BIO organisation is a real disagreement. */
const PER_OR_PLACE: ReadonlySet<EntityType> = new Set<EntityType>(['PERSON', 'GPE', 'LOC', 'FAC']);

/** Has the word a capital letter or a digit (a name's edge word has)? */
function hasCapitalOrDigit(w: string): boolean {
  for (const ch of w) if ((ch >= '0' && ch <= '9') || ch !== ch.toLowerCase()) return true;
  return false;
}

/**
 * Where the BIO model's names know better than a companion organisation over them: one that
 * crosses a name's edge ("Deputies of Movimento" across "Movimento 5 Stelle"), one that begins or
 * ends on a word without a capital or digit ("Tbilisi City Court of", "mass"), one inside a longer
 * organisation of the BIO model ("Ansar" of "Ansar al-Din").
 */
function yieldsToOwn(o: NameSpan, own: readonly NameSpan[], words: readonly string[]): boolean {
  if (R_ORG_MODEL_CROSSING.enabled) {
    const crossed = own.some((s) => s.start < o.end && o.start < s.end && !(s.start >= o.start && s.end <= o.end) && !(o.start >= s.start && o.end <= s.end));
    if (crossed) {
      fire(R_ORG_MODEL_CROSSING);
      return true;
    }
  }
  if (R_ORG_MODEL_LOWER_EDGE.enabled && (!hasCapitalOrDigit(words[o.start]) || !hasCapitalOrDigit(words[o.end - 1]))) {
    fire(R_ORG_MODEL_LOWER_EDGE);
    return true;
  }
  // (the longer name goes on with name words only: "Ansar al-Din", not "Kennedy Space Center on April")
  const longer = (s: NameSpan) => s.type === 'ORG' && s.start <= o.start && s.end >= o.end && s.end - s.start > o.end - o.start
    && words.slice(s.start, o.start).concat(words.slice(o.end, s.end)).every(hasCapitalOrDigit);
  if (R_ORG_MODEL_NARROWER.enabled && own.some(longer)) {
    fire(R_ORG_MODEL_NARROWER);
    return true;
  }
  return false;
}

/**
 * What the two models decode in a tokenized Doc before any rule, written as given names
 * ("phrase/TYPE", in text order): the names a rule example is written against (withDecodedNames;
 * `node dist/eval/decoded-names.js TEXT` prints them).
 */
export function decodedNamesOf(model: NerModel, doc: Doc): GivenNames {
  const sentTokens = doc.sentences.map((sent) => doc.tokens.slice(sent.tokenStart, sent.tokenEnd));
  const words = sentTokens.map((toks) => toks.map((t) => t.text));
  const caps = docCaps(words);
  const write = (m: NerModel) => decodeAll(m, words, words.map((w) => (w.length ? emissions(m, w, caps) : new Float32Array(0))))
    .flatMap((spans, k) => spans.map((s) => `${doc.text.slice(sentTokens[k][s.start].start, sentTokens[k][s.end - 1].end)}/${s.type}`));
  const decoded = write(model);
  return model.org ? { decoded, companion: write(model.org) } : { decoded };
}

/** The names `model` finds in a tokenized Doc, as mentions with character offsets. */
export function nameMentions(model: NerModel, doc: Doc): Mention[] {
  const mentions: Mention[] = [];
  // packedMap: the recogniser's many functions read these lists; one elements kind keeps their optimised code
  const sentTokens = packedMap(doc.sentences, (sent) => doc.tokens.slice(sent.tokenStart, sent.tokenEnd));
  const ranges = packedMap(sentTokens, (toks): [number, number] => (toks.length ? [toks[0].start, toks[toks.length - 1].end] : [0, 0]));
  const words = packedMap(sentTokens, (toks) => packedMap(toks, (t) => t.text));
  let given: GivenDecoding | undefined;
  if (givenNames) {
    const decoded = givenSpansOf(doc.text, sentTokens, givenNames.decoded);
    given = { model: decoded, companion: givenNames.companion ? givenSpansOf(doc.text, sentTokens, givenNames.companion) : decoded };
  }
  const spans = recogniseDoc(model, words, ranges, given);
  sentTokens.forEach((toks, k) => {
    for (const span of spans[k]) {
      const start = toks[span.start].start;
      const end = toks[span.end - 1].end;
      mentions.push({ start, end, text: doc.text.slice(start, end), kind: 'name', type: span.type, source: 'model' });
    }
  });
  return mentions;
}

export const nerStage: Stage = {
  name: 'ner',
  requires: ['tokens', 'sentences'], provides: ['mentions.model'],
  run(doc: Doc) {
    const model = getNerModel();
    if (!model) {
      doc.notes.set('ner.error', loadError);
      return;
    }
    try {
      for (const m of nameMentions(model, doc)) doc.mentions.push(m); // (a spread of a 5 MB text's names overflows the stack)
    } catch (err) {
      doc.notes.set('ner.error', err instanceof Error ? err.message : String(err));
    }
  },
};
