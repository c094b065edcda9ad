/**
 * Person descriptions by learned head-noun compatibility (issue 23, coref33): "the pitcher", "the inventor", "the
 * drummer" — nouns the role lexicon does not hold — are titles when prose pairs them almost only with people
 * (src/extract/coref/description-heads.ts, models/coref/description-heads.tsv.gz, learned from Wikipedia appositions,
 * copulas and class nouns typed by the pipeline's own recogniser). A noun so learned becomes a person's title where the
 * text writes it right before the name or apposes it with "a" (coref.ts), and "the pitcher" then follows the role
 * search (rules.ts) as a lexicon title does. Measured and dropped (docs/coref.md, thirteenth session): organisations
 * by the learned pairings — "the band" for the organisation in reach, "the airline" for a name holding "Airways".
 */
import type { Doc, Entity, Mention, Token } from '../../doc.js';
import { defineRule } from '../../rules/registry.js';
import { learnedPersonNoun } from './description-heads.js';
import { lw, mentionHead } from './mentions.js';

export const learnedPersonTitleRule = defineRule({
  id: 'coref.description-learned-person-title',
  stage: 'coref',
  action: 'label',
  summary: '"pitcher Daisuke Matsuzaka", "Ana Ruiz, a guitarist,": a noun written right before a person\'s name, or apposed to it with "a", that the role lexicon does not know but prose pairs almost only with people (models/coref/description-heads.tsv.gz: 80% of at least 15 names the recogniser calls people) is the person\'s title, so that "the pitcher" later is that person, as for the lexicon\'s titles',
  fires: ['Veteran pitcher Tomas Kerr signed with the club on Monday. The pitcher said he was happy.'],
  spares: ['Tomas Kerr signed with the club on Monday. The pitcher said he was happy.'],
  source: 'src/extract/coref/descriptions-learned.ts',
});

/** The token is a noun prose pairs almost only with people (coref.description-learned-person-title on). */
export function learnedPersonTitle(t: Token | undefined): boolean {
  return t !== undefined && learnedPersonTitleRule.enabled && t.upos === 'NOUN' && learnedPersonNoun(lw(t));
}

/**
 * The noun at k, right before the person's name m, is the name's title by the pairings ("pitcher Tomas Kerr", "the
 * drummer Ginger Baker"): a learned person noun that opens no phrase of its own before the name's clause — no
 * preposition on it ("During the speech Trump claimed") and no clause on it whose subject the name is ("not the
 * candidate Jorgensen backed"). (The parse alone cannot tell: it reads "pitcher" in "Veteran pitcher Tomas Kerr
 * signed" as the verb's object.)
 */
export function learnedTitleBeforeName(doc: Doc, k: number, m: Mention): boolean {
  const toks = doc.tokens;
  if (!learnedPersonTitle(toks[k])) return false;
  const sent = doc.sentences[toks[k].sentence];
  for (let j = sent.tokenStart; j < sent.tokenEnd; j++) if (toks[j].head === k && toks[j].deprel === 'case') return false;
  const h = mentionHead(doc, m);
  const verb = h >= 0 && /^nsubj/.test(toks[h].deprel ?? '') ? toks[h].head ?? -1 : -1;
  return !(verb >= 0 && toks[verb].head === k);
}

/**
 * The description's noun at h introduces a name or is no single referent: a name follows it ("the candidate
 * Jorgensen", "the winner, Kramnik": the parse cannot tell an apposed name from a relative clause's subject, "not the
 * candidate Jorgensen backed"), or it is plural ("the brothers").
 */
export function introducesName(toks: readonly Token[], owners: readonly (Entity | undefined)[], h: number): boolean {
  if (toks[h].xpos === 'NNS' || toks[h].xpos === 'NNPS') return true;
  const name = (k: number) => k < toks.length && toks[k].sentence === toks[h].sentence && (owners[k] !== undefined || /^\p{Lu}/u.test(toks[k].text));
  return name(h + 1) || (toks[h + 1]?.text === ',' && name(h + 2));
}
