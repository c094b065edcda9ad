/**
 * A person's title in one more shape (issue 23, coref30), so that "the prime minister", "the ambassador" later find
 * the person (rules.ts's description search reads a name mention's `roles` and the title words before it): a title with
 * its "of"/"to" place right before the name, "the Prime Minister of Canada Stephen Harper", "Ambassador to Israel
 * Anatoly Viktorov".
 */
import type { Doc, Entity, Mention, Token } from '../../doc.js';
import { defineRule } from '../../rules/registry.js';
import { lookup } from '../../lexicon/index.js';
import { ROLE_NOUNS } from '../gazetteer-lists.js';
import { lw } from './mentions.js';
import { titleNoun } from './words.js';

export const titleOfPlaceRule = defineRule({
  id: 'coref.title-of-place-before-name',
  stage: 'coref',
  action: 'label',
  summary: 'a title with its place between it and the name ("the Prime Minister of Canada Stephen Harper", "Ambassador to Israel Anatoly Viktorov") is the person\'s title, so that "the prime minister" later is that person',
  fires: ['A letter was sent to the Prime Minister of Portugal Tom Berg on Monday. Critics said the prime minister ignored it.'],
  spares: ['A letter was sent to the people of Portugal, Tom Berg said on Monday. Critics said the prime minister ignored it.'],
  source: 'src/extract/coref/descriptions-titles.ts',
});

const isTitle = (w: string) => ROLE_NOUNS.has(w) || titleNoun(w);

/**
 * For a person's name whose first token is `first`: the title noun of "TITLE of|to [the] PLACE NAME" right before it
 * (the title's head, the token before "of"), or -1.
 */
export function titleOfPlaceBefore(toks: readonly Token[], owners: readonly (Entity | undefined)[], first: number): number {
  const place = owners[first - 1];
  if (!place || (place.type !== 'GPE' && place.type !== 'LOC' && place.type !== 'ORG')) return -1;
  let k = first - 1;
  while (k > 0 && owners[k - 1] === place && toks[k - 1].sentence === toks[first].sentence) k--;
  if (k > 0 && lw(toks[k - 1]) === 'the') k--;
  const prep = toks[k - 1];
  if (!prep || (lw(prep) !== 'of' && lw(prep) !== 'to') || prep.sentence !== toks[first].sentence) return -1;
  const t = k - 2;
  return t >= 0 && !owners[t] && toks[t].sentence === toks[first].sentence && isTitle(lw(toks[t])) ? t : -1;
}

/** Record a title noun on a name mention (once). */
export function noteRole(m: Mention, noun: string): void {
  if (!(m.roles ??= []).includes(noun)) m.roles.push(noun);
}

/** The title-of-place shape on every person's name mention: the title noun joins the mention's roles. */
export function noteTitleShapes(doc: Doc, owners: readonly (Entity | undefined)[]): void {
  if (!titleOfPlaceRule.enabled) return;
  const toks = doc.tokens;
  for (const e of doc.entities) {
    if (e.type !== 'PERSON') continue;
    for (const m of e.mentions) {
      if (m.kind !== 'name') continue;
      const t = titleOfPlaceBefore(toks, owners, doc.tokenAt(m.start));
      if (t < 0) continue;
      noteRole(m, lw(toks[t]));
      titleOfPlaceRule.fired(toks[t].start, m.end);
    }
  }
}

export const roleKindOfRule = defineRule({
  id: 'coref.description-role-kind-of',
  stage: 'coref',
  action: 'label',
  summary: '"Foreign Minister Sergei Lavrov … The minister said": a longer role that lexicon/en/roles.tsv marks as a kind of the description\'s noun (column kind-of: foreign minister → minister, major general → general) is no other office, so coref.description-role-other-office does not pass its holder over; "Vice President Mike Pence" and "Attorney General William Barr" still are',
  fires: ['Foreign Minister Sergei Lavrov met reporters on Monday. The minister said talks would go on.'],
  spares: ['Prime Minister Tom Berg met reporters on Monday. The minister said talks would go on.'],
  source: 'src/extract/coref/descriptions-titles.ts',
});

/** The longer role `phrase` ("foreign minister") is a kind of `noun` ("minister"): its holder is also called that. */
export function roleKindOf(phrase: string, noun: string): boolean {
  return roleKindOfRule.enabled && lookup('roles', phrase)?.attrs['kind-of'] === noun;
}
