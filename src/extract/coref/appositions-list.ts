/**
 * A name, a comma and a noun phrase open a list as often as an apposition (issue 23, eighteenth session, corefdesc):
 * "has there been any follow-up from Tom Cruise, his lawyer, or representatives", "Higuchi, her mother and her sister
 * abandoned their house". When a coordinator goes on from the phrase to another one, the phrase is one of the list's
 * members, not a second name for the first: it is no mention of that entity. A coordinated noun inside the
 * apposition ("Alexander Zhukov, the deputy prime minister and head of the committee", "Maya Cummings, his wife and the
 * current chairwoman of the party") is no list: no comma before the coordinator, and no name, number or the phrase's
 * own possessive after it.
 */
import type { Token } from '../../doc.js';
import { defineRule } from '../../rules/registry.js';
import { lw } from './mentions.js';

export const appositionListRule = defineRule({
  id: 'coref.apposition-in-list',
  stage: 'coref',
  action: 'veto',
  summary: 'a phrase after a name and a comma that a coordinator carries on to another phrase ("Tom Cruise, his lawyer, or representatives", "Higuchi, her mother and her sister") is a member of a list, not an apposition: no mention of the name\'s entity (a coordinated noun inside the apposition, "the deputy minister and head of …", is no list)',
  fires: ['There was no word from Tom Cruise, his lawyer, or representatives.', 'In 1893, Ana Ruiz, her mother and her sister left the city.'],
  spares: ['Police spoke to Ana Ruiz, her lawyer, on Friday.', 'Pedro Ruiz, the deputy minister and head of the committee, spoke.', 'In a statement, Ana Ruiz, his wife and the chairwoman of the party, thanked the nurses.'],
  source: 'src/extract/coref/appositions-list.ts',
});

const COORDINATORS = new Set(['and', 'or', 'nor']);

/**
 * The phrase from `open` to its last word at h is followed by a coordinator that opens another phrase: after a comma
 * ("…, his lawyer, or representatives"), or right after it when a name or a number starts the next phrase, or the
 * possessive the phrase opened with ("her mother and her sister").
 */
export function listGoesOn(toks: readonly Token[], open: number, h: number): boolean {
  const s = toks[h]?.sentence;
  let k = h + 1;
  const comma = toks[k]?.text === ',';
  if (comma) k++;
  const cc = toks[k];
  if (!cc || cc.sentence !== s || !COORDINATORS.has(lw(cc))) return false;
  if (comma) return true;
  const next = toks[k + 1];
  if (!next || next.sentence !== s) return false;
  // "Maya Cummings, his wife and the current chairwoman of the party": a second description of the same person, so a
  // determiner alone opens no new member; the apposed phrase's own possessive again does ("her mother and her sister")
  return next.upos === 'PROPN' || next.upos === 'NUM' || (next.xpos === 'PRP$' && lw(next) === lw(toks[open]));
}

/**
 * The phrase ending at `end` closes with a comma and another phrase of the same series follows, itself carried on by a
 * coordinator before any verb: "the Gothenburg Museum of Art, the city's theatre, the city library as well as the
 * concert hall". (A comma then a verb is the clause going on: "Joe Biden, the party's nominee, announced …".)
 */
export function seriesGoesOn(toks: readonly Token[], end: number): boolean {
  const s = toks[end]?.sentence;
  if (toks[end + 1]?.text !== ',' || toks[end + 2]?.upos !== 'DET') return false;
  for (let k = end + 3; k < toks.length && k <= end + 12 && toks[k].sentence === s; k++) {
    const t = toks[k];
    if (t.upos === 'VERB' || t.upos === 'AUX') return false;
    if (COORDINATORS.has(lw(t)) || (lw(t) === 'as' && lw(toks[k + 1]) === 'well' && lw(toks[k + 2]) === 'as')) return true;
  }
  return false;
}

