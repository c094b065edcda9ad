/**
 * A people named in the plural is "they" only as a whole (coref.people-they). Two shapes of its name are not the whole
 * people: a counted part ("the thirteen Democrats", "two Palestinians") — its "they" is the part, which no name stands
 * for — and a conjunct ("the Palestinians and Israelis … their aspirations") — its "they" is the pair. Both are
 * errors under either convention (GUM's chains and the fresh sets' gold alike give such a "they" no named antecedent),
 * so the people rule stops at them, as it stops at any other plural nearer than the people.
 */
import type { Doc, Entity } from '../../doc.js';
import { defineRule } from '../../rules/registry.js';
import { parseCount } from '../times/grammar.js';
import { set } from '../../lexicon/index.js';

export const peoplePartRule = defineRule({
  id: 'coref.people-they-part',
  stage: 'coref',
  action: 'veto',
  summary: 'a people named by a plural noun is no antecedent of "they" when its name is counted ("the thirteen Democrats", "two Palestinians": the part) or joined to another conjunct ("the Palestinians and Israelis": the pair); coref.people-they stops there, as at any other plural between',
  fires: ['The envoy met the thirteen Palestinians on Monday, but in the end they walked out.', 'The envoy met the Israelis and Palestinians on Monday, but in the end they walked out.'],
  spares: ['The envoy met the Palestinians on Monday, but in the end they walked out.'],
  source: 'src/extract/coref/plural-parts.ts',
});

/** Token k (entity e's) is a counted part or a conjunct of a coordination: the people is not what "they" stands for. */
export function peoplePart(doc: Doc, owners: readonly (Entity | undefined)[], k: number, e: Entity): boolean {
  if (!peoplePartRule.enabled) return shareOf(doc, owners, k, e);
  const toks = doc.tokens;
  // a conjunct, or the first of a coordination ("the Palestinians and Israelis", "Israelis and Palestinians")
  // (of nouns joined by "and"/"or" only: the parse also hangs a clause's subject on the verb before as its conjunct, "…
  // failed and the Germans lost …", and a name on a date before it, "In March 1995, The Dust Brothers began …")
  const nominal = (j: number): boolean => j >= 0 && (toks[j].upos === 'NOUN' || toks[j].upos === 'PROPN');
  const deps = doc.dependents();
  const hasCc = (j: number): boolean => deps[j].some((c) => toks[c].deprel === 'cc');
  // a verb between the two is a coordination of clauses the parse read as one of nouns ("The York Brothers entitled
  // one of their songs … and the Delmore Brothers followed with their song")
  const verbBetween = (a: number, b: number): boolean => {
    for (let j = a + 1; j < b; j++) if (toks[j].upos === 'VERB' || toks[j].upos === 'AUX') return true;
    return false;
  };
  // the other conjunct a name or a plural noun: a pair "they" can stand for ("the Palestinians and Israelis", "the
  // Kurds and Turkey"; not a song title the parse joined to the next clause's subject, "… \"Hillbilly Rose\" and the
  // Delmore Brothers followed with their song")
  const member = (j: number): boolean => owners[j] !== undefined || toks[j].xpos === 'NNS' || toks[j].xpos === 'NNPS';
  const coordination = (h: number): boolean => nominal(h) && deps[h].some((c) => c > h && toks[c].deprel === 'conj' && nominal(c) && hasCc(c) && !verbBetween(h, c) && member(h) && member(c));
  const joined = (toks[k].deprel === 'conj' && coordination(toks[k].head ?? -1)) || coordination(k);
  // a count right before the name ("thirteen Democrats", "2 Kurds"; "a"/"an" and "half" are no count of people)
  let first = k;
  while (first > 0 && owners[first - 1] === e) first--;
  const before = first > 0 ? toks[first - 1] : undefined;
  const w = before?.text.toLowerCase() ?? '';
  const counted = before !== undefined && before.sentence === toks[k].sentence && (before.xpos === 'CD' || (w !== 'a' && w !== 'an' && w !== 'half' && parseCount(w) !== null));
  if (!joined && !counted) return shareOf(doc, owners, k, e);
  peoplePartRule.fired(toks[k].start, toks[k].end);
  return true;
}

export const peopleShareRule = defineRule({
  id: 'coref.people-they-share',
  stage: 'coref',
  action: 'veto',
  summary: 'a people named after "of" on a noun that takes a share or a collection of it ("a bunch of Americans", "a group of Kurds", "thousands of Armenians": a noun with "a"/"an", or a share noun of lexicon/en/event-participant-nouns.tsv) is no antecedent of "they": the "they" is the share, which no name stands for',
  fires: ['The envoy met a bunch of Palestinians on Monday, but in the end they walked out.', 'The envoy met thousands of Palestinians on Monday, but in the end they walked out.'],
  spares: ['The envoy met the leaders of the Palestinians on Monday, but in the end they walked out.'],
  source: 'src/extract/coref/plural-parts.ts',
});

/** Nouns that take a share of a group ("dozens of protesters", "the majority of voters"). */
const SHARE_NOUNS = set('event-participant-nouns', { class: 'share' });

/** Token k (entity e's) hangs by "of" on a noun that takes a share or a collection of the people: "a bunch of Americans", "thousands of Kurds". */
function shareOf(doc: Doc, owners: readonly (Entity | undefined)[], k: number, e: Entity): boolean {
  if (!peopleShareRule.enabled) return false;
  const toks = doc.tokens;
  const h = toks[k].head ?? -1;
  if (h < 0 || h >= k || owners[h] || (toks[h].upos !== 'NOUN' && toks[h].upos !== 'NUM') || !(toks[k].deprel ?? '').startsWith('nmod')) return false;
  const deps = doc.dependents();
  if (!deps[k].some((c) => c < k && toks[c].deprel === 'case' && /^of$/i.test(toks[c].text))) return false;
  // (only "the", "an", a number or nothing between the head and the name: "a bunch of the Kurds", not "a history of … the Kurds")
  for (let j = h + 1; j < k; j++) if (owners[j] !== e && !/^(?:of|the)$/i.test(toks[j].text)) return false;
  const indefinite = deps[h].some((c) => toks[c].deprel === 'det' && /^an?$/i.test(toks[c].text));
  const share = SHARE_NOUNS.has(toks[h].text.toLowerCase()) || SHARE_NOUNS.has((toks[h].lemma ?? '').toLowerCase()) || toks[h].upos === 'NUM';
  if (!indefinite && !share) return false;
  peopleShareRule.fired(toks[k].start, toks[k].end);
  return true;
}
