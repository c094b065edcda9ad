/**
 * Number and animacy for "they": which named things between a body and its "they" compete with it. A body spoken of
 * as "they" is an organisation or a country (a government, a company, a team in the British way); a town, a region, a
 * river or a building named between is no such body and is "it", so it does not stand between the two ("The National
 * Weather Service confirmed that a tornado struck the city. After reviewing the damage, they classified it as EF2").
 */
import type { Doc, Entity } from '../../doc.js';
import { defineRule } from '../../rules/registry.js';
import { placeKinds } from './places.js';

export const theyPastPlaceRule = defineRule({
  id: 'coref.they-topic-past-place',
  stage: 'coref',
  action: 'label',
  summary: 'coref.they-topic-subject passes over a place named between the body and "they" when that place cannot be a body spoken of as "they" (a town, region, river or building: not a country, not an organisation): "they" agrees in number and animacy with the body, not with the place; another organisation or country between still blocks',
  fires: ['The Kestrel Weather Service said a storm struck Lisbon on Friday. After reviewing the damage, they classified it as a tornado.'],
  spares: ['The Kestrel Weather Service said a storm struck Portugal on Friday. After reviewing the damage, they classified it as a tornado.'],
  source: 'src/extract/coref/pronouns-they-agree.ts',
});

/** Entity e is a place that is no body: a town, region, area or facility the gazetteer or the recogniser types so, and not a country. */
export function placeNoBody(e: Entity): boolean {
  if (e.type === 'FAC') return true;
  if (e.type !== 'GPE' && e.type !== 'LOC') return false;
  const kinds = placeKinds(e);
  return kinds.size > 0 && !kinds.has('country');
}

export const itFrontedClassifierRule = defineRule({
  id: 'coref.it-fronted-classifier-name',
  stage: 'coref',
  action: 'label',
  summary: 'coref.it-fronted-cataphora reads a main subject that is a classifying noun right before a name ("In its Sunday edition, British newspaper The Observer had …", "carmaker Orbis") as that name: the noun only says what the named body is; the name must follow the noun at once (after "the" at most) and stand in apposition, flat or compound to it',
  fires: ['In its Sunday edition, British newspaper The Kestrel Observer had a story about the tribe.'],
  spares: ['In its Sunday edition, the newspaper printed a letter from The Kestrel Herald.'],
  source: 'src/extract/coref/pronouns-they-agree.ts',
});

export const subjectClassifierRule = defineRule({
  id: 'coref.subject-classifier-name',
  stage: 'coref',
  action: 'label',
  summary: 'the clause-subject rules for "it", "its" and "they" (coref.group-pronoun-clause, coref.its-clause-subject) read a subject that is a classifying noun right before a name as that name ("The news network Kestrel TV said it would …", "Irish carmaker Orbis Motors raised its prices"), as coref.it-fronted-classifier-name does for a fronted "its"; the same shape: the name right after the noun ("the" at most between), hung on it as appos, flat or compound, an organisation or place',
  fires: ['Violence continued and the news network Kestrel TV withdrew its reporters from the field.'],
  spares: ['Violence continued and the news network withdrew its reporters from Kestrel TV.'],
  source: 'src/extract/coref/pronouns-they-agree.ts',
});

/** Relations a parser gives a name written right after the noun that classes it ("newspaper The Observer"). */
const CLASSIFIED = new Set(['appos', 'flat', 'compound']);

/**
 * For a common noun at k that no entity owns, the token of a name written right after it (after "the" at most) and hung
 * on it, when the name is an organisation or place: "newspaper The Observer" → Observer; else -1.
 */
export function classifiedName(doc: Doc, owners: readonly (Entity | undefined)[], k: number): number {
  const toks = doc.tokens;
  if (owners[k] || toks[k].xpos !== 'NN') return -1;
  let first = k + 1;
  if (first < toks.length && !owners[first] && /^the$/i.test(toks[first].text)) first++;
  const e = owners[first];
  if (!e || !NAMED_BODY_TYPES.has(e.type) || toks[first].sentence !== toks[k].sentence) return -1;
  for (let j = first; j < toks.length && owners[j] === e; j++) if (toks[j].head === k && CLASSIFIED.has((toks[j].deprel ?? '').split(':')[0])) return j;
  return -1;
}

/** Entity types an "it" may stand for as a named body or place. */
const NAMED_BODY_TYPES = new Set(['ORG', 'GPE', 'LOC', 'FAC']);
