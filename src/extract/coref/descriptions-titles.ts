/**
 * A person's titles in two more shapes (issue 23, coref30), so that "the prime minister", "the ambassador" later find
 * the person (rules.ts's description search reads a name mention's `roles` and the title words before it):
 *  - a title with its "of"/"to" place right before the name: "the Prime Minister of Canada Stephen Harper", "Ambassador
 *    to Israel Anatoly Viktorov";
 *  - a title apposed to the name with no determiner: "Anatoly Viktorov, Russian Ambassador to Israel,", "Lawrence
 *    Cannon, Foreign Affairs Minister, said".
 */
import type { Doc, Entity, Mention, Token } from '../../doc.js';
import { defineRule } from '../../rules/registry.js';
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

export const bareApposedTitleRule = defineRule({
  id: 'coref.bare-apposed-title',
  stage: 'coref',
  action: 'label',
  summary: 'a title apposed to a person\'s name with no determiner ("Tom Berg, Ruritanian Ambassador to Spain,", "Ana Ruiz, Foreign Minister, said") is the person\'s title, so that "the ambassador" later is that person',
  fires: ['The talks were led by Tom Berg, Ruritanian Ambassador to Spain, on Monday. The ambassador said the deal was close.'],
  spares: ['The talks were led by Tom Berg, Ruritania and Spain on Monday. The ambassador said the deal was close.'],
  source: 'src/extract/coref/descriptions-titles.ts',
});

const isTitle = (w: string) => ROLE_NOUNS.has(w) || titleNoun(w);

/** Title words read before a title noun: capitalised or lower-case words, no name of another entity but a nationality. */
const MAX_TITLE_WORDS = 3;

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

/**
 * A title apposed with no determiner after the name mention m: ", [up to three title words] TITLE" then "of", "to",
 * "for", "at", "in", a comma, a stop or the end of the sentence; the title's words (lower-case) and its head, or null.
 */
export function bareApposedTitle(doc: Doc, owners: readonly (Entity | undefined)[], m: Mention): { noun: string; words: string[] } | null {
  const toks = doc.tokens;
  const comma = doc.tokenAt(m.end);
  if (toks[comma]?.text !== ',') return null;
  const s = toks[comma].sentence;
  const words: string[] = [];
  for (let h = comma + 1; h < toks.length && h <= comma + 1 + MAX_TITLE_WORDS && toks[h].sentence === s; h++) {
    const t = toks[h];
    const w = lw(t);
    const o = owners[h];
    if (o && o.type !== 'NORP') return null;
    if (!o && isTitle(w)) {
      const next = toks[h + 1];
      const closes = !next || next.sentence !== s || /^(?:of|to|for|at|in|,|\.|;|\))$/.test(lw(next));
      // "Tom Berg, ambassador Ana Ruiz …" and a list ("Berg, teacher and …") are no apposition
      return closes ? { noun: w, words: [...words, w] } : null;
    }
    // title words: a nationality, a capitalised word ("Deputy", "Foreign"), a lower-case adjective or noun — no
    // determiner, number, verb or punctuation
    if (!/^[\p{L}-]+$/u.test(t.text) || t.upos === 'DET' || t.upos === 'VERB' || t.upos === 'AUX' || t.upos === 'PRON' || t.upos === 'ADP' || t.upos === 'CCONJ') return null;
    words.push(w);
  }
  return null;
}

/** Record a title noun on a name mention (once). */
export function noteRole(m: Mention, noun: string): void {
  if (!(m.roles ??= []).includes(noun)) m.roles.push(noun);
}

/** The title phrases apposed with no determiner to a name mention, lower-case ("russian ambassador"), for the titled search. */
export const bareTitlePhrases = new WeakMap<Mention, string[]>();

/**
 * Both shapes, on every person's name mention: the title noun joins the mention's roles (and an apposed one the titles
 * that hold only after the name, `lateTitles`, as "Maria Lopez, a teacher," does).
 */
export function noteTitleShapes(doc: Doc, owners: readonly (Entity | undefined)[], lateTitles: WeakMap<Mention, Set<string>>): void {
  const toks = doc.tokens;
  for (const e of doc.entities) {
    if (e.type !== 'PERSON') continue;
    for (const m of e.mentions) {
      if (m.kind !== 'name') continue;
      const t = titleOfPlaceRule.enabled ? titleOfPlaceBefore(toks, owners, doc.tokenAt(m.start)) : -1;
      if (t >= 0) {
        noteRole(m, lw(toks[t]));
        titleOfPlaceRule.fired(toks[t].start, m.end);
      }
      const apposed = bareApposedTitleRule.enabled ? bareApposedTitle(doc, owners, m) : null;
      if (apposed && !m.roles?.includes(apposed.noun)) {
        noteRole(m, apposed.noun);
        const late = lateTitles.get(m);
        if (late) late.add(apposed.noun);
        else lateTitles.set(m, new Set([apposed.noun]));
        const phrases: string[] = [];
        for (let k = apposed.words.length - 1; k >= 0; k--) phrases.push(apposed.words.slice(k).join(' '));
        bareTitlePhrases.set(m, phrases);
        bareApposedTitleRule.fired(m.start, toks[doc.tokenAt(m.end) + apposed.words.length].end);
      }
    }
  }
}

export const possessiveRoleOfRule = defineRule({
  id: 'coref.possessive-role-of-complement',
  stage: 'coref',
  action: 'veto',
  summary: 'a possessed role noun with an "of" complement ("his secretary of justice", "her minister of finance") says which holder it is: not the person last given that role (as coref.description-role-of-complement refuses for "the president of Turkey")',
  fires: ['Tom Berg, secretary of state, resigned on Monday. Ana Ruiz named her secretary of justice on Friday.'],
  spares: ['Tom Berg, secretary of state, resigned on Monday. Ana Ruiz thanked her secretary on Friday.'],
  source: 'src/extract/coref/descriptions-titles.ts',
});
