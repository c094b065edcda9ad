/**
 * The places stage's registered rules (docs/rules.md): each kind of evidence for a place's choice
 * is one rule, so an ablation measures what it is worth (`npm run eval:places -- --without id`).
 * A rule fires when its evidence counted for the entry chosen.
 */
import { defineRule } from '../../rules/registry.js';

const source = 'src/extract/places/resolve.ts';

/** Population and feature class as the prior: a country before a region, a capital before a village. */
export const priorRule = defineRule({
  id: 'places.prior',
  stage: 'places',
  action: 'label',
  summary: 'the gazetteer prior: a name is the most populous, highest-ranked entry bearing it (countries, capitals and regions first) unless the article says otherwise',
  fires: ['Officials in Nairobi said the talks would resume on Monday.'],
  spares: ['The talks resumed on Monday after a week of delays.'],
  source,
});

/** "TRIPOLI, Lebanon —": the dateline's place, and its country for the whole article. */
export const datelineRule = defineRule({
  id: 'places.dateline',
  stage: 'places',
  action: 'label',
  summary: 'a wire dateline ("TRIPOLI, Lebanon —") fixes its own place and makes its country likelier for every other place in the article',
  fires: ['TRIPOLI, Lebanon — Gunmen fired on a convoy near the port on Tuesday, officials said.'],
  spares: ['Gunmen fired on a convoy near the port of Tripoli on Tuesday, officials in Lebanon said.'],
  source,
});

/** "Paris, Texas": a place followed by the region or country it lies in. */
export const appositionRule = defineRule({
  id: 'places.apposition',
  stage: 'places',
  action: 'label',
  summary: 'a place name followed by a comma and the region or country holding it ("Paris, Texas", "Hyderabad, Pakistan") picks the entry inside it; a small place the gazetteer lacks there ("Orléans, Ontario") is placed at that region',
  fires: ['The festival was held in Paris, Texas, last weekend and drew thousands of visitors.'],
  spares: ['The festival was held in Paris last weekend and drew thousands of visitors.'],
  source,
});

/** The countries of the article's other places. */
export const articleCountriesRule = defineRule({
  id: 'places.article-countries',
  stage: 'places',
  action: 'label',
  summary: "the countries of the article's other, unambiguous places make an ambiguous name's entry in those countries likelier",
  fires: ['Protesters gathered in Tripoli on Friday. Police in Beirut and Sidon said the marches in Lebanon were peaceful.'],
  spares: ['Protesters gathered in Tripoli on Friday and said the marches were peaceful.'],
  source,
});

/** Nationality words near the place ("Lebanese troops"). */
export const nationalityRule = defineRule({
  id: 'places.nationality',
  stage: 'places',
  action: 'label',
  summary: 'nationality words in the article ("Lebanese", "Pakistani") make entries in their countries likelier (lexicon gazetteer-extra, column country)',
  fires: ['Lebanese soldiers were deployed in Tripoli after the clashes, a Lebanese army statement said.'],
  spares: ['Soldiers were deployed in Tripoli after the clashes, an army statement said.'],
  source,
});

/** The actor codes of the article's people and organisations. */
export const actorCodesRule = defineRule({
  id: 'places.actor-codes',
  stage: 'places',
  action: 'label',
  summary: "the countries in the actor codes of the article's people and organisations (LBNGOV, PAKMIL) make entries in those countries likelier",
  fires: ['The Hezbollah commander was killed in an air strike on Tripoli, the Lebanese Army said.'],
  spares: ['The commander was killed in an air strike on Tripoli, the statement said.'],
  source,
});

/** "east Jerusalem", "southwest France": a part of a place lies in that place. */
export const partOfRule = defineRule({
  id: 'places.part-of',
  stage: 'places',
  action: 'extend',
  summary: 'a name opening with a lower-case compass point the gazetteer lacks ("east Jerusalem", "southwest France"; lexicon place-modifiers) is placed at the place it is a part of: its own entity (entities.compass-place-apart), the bare place\'s coordinates and country',
  fires: ['Settlers moved into east Jerusalem while envoys met in Jerusalem.'],
  spares: ['Settlers moved into East Jerusalem while envoys met in Jerusalem.'],
});

/** "Kabul airport", "the Kherson region": a facility or region named after a place lies in that place. */
export const headRule = defineRule({
  id: 'places.head-word',
  stage: 'places',
  action: 'extend',
  summary: 'a name ending in a place noun the gazetteer lacks ("Kandahar airport", "Kherson region") is placed at the place it is named after',
  fires: ['Flights were suspended at Kandahar Airport after the attack on Sunday.'],
  spares: ['Flights were suspended at Kandahar after the attack on Sunday.'],
  source,
});

/** An event whose sentence names no place happened where the dateline says. */
export const eventDatelineRule = defineRule({
  id: 'places.event-dateline',
  stage: 'places',
  action: 'label',
  summary: "an event whose sentence names no place is placed at the article's dateline (place_source 'dateline')",
  fires: ['KABUL, Afghanistan — Gunmen kidnapped two aid workers on Monday, police said.'],
  spares: ['Gunmen kidnapped two aid workers in Kabul on Monday, police said.'],
  source: 'src/extract/places/index.ts',
});

/** An event the events stage gave no place takes a place its clause governs by a locative preposition. */
export const sentenceLocativeRule = defineRule({
  id: 'places.sentence-locative',
  stage: 'places',
  action: 'label',
  summary: 'an event with no place from the events stage takes a resolved place attached to its trigger by a locative preposition ("the arrest of the journalist in Mosul"), not one inside a subject phrase or a clause of its own ("officials in Mosul said", "a doctor based in Mosul")',
  fires: ['The arrest of the journalist in Mosul led to angry protests.'],
  spares: ['Officials in Mosul said on Monday that gunmen had abducted two engineers.', 'A judge sentenced a doctor based in Mosul to ten years in prison.'],
  source: 'src/extract/places/index.ts',
});

/** "Kibbutz Nahal Oz, near the Gaza border": a place the gazetteer lacks, placed at the place the text puts it near. */
export const nearPlaceRule = defineRule({
  id: 'places.near-place',
  stage: 'places',
  action: 'label',
  summary: 'a place the gazetteer lacks, followed by a comma, a locative preposition and a resolved place within three words ("Kibbutz Nahal Oz, near the Gaza border"), is placed at that place; in its country only when the preposition says it lies inside ("in", not "near")',
  fires: ['Rockets hit Kibbutz Nahal Oz, near the Gaza border, on Saturday morning.'],
  spares: ['Rockets hit Kibbutz Nahal Oz on Saturday morning, the army in Gaza said.'],
  source: 'src/extract/places/resolve.ts',
});
