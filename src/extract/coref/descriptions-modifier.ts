/**
 * "the electoral body" after "Mozambique's National Electoral Commission" (sixteenth session, coref38): a definite
 * description whose head is a noun for any organisation (lexicon/en/org-nouns.tsv, use `coref`: body, group, agency …) and
 * whose adjectives are words of the name of the one organisation in reach that holds them all stands for that organisation.
 * The name's own words pick it out, as the head word does for "the commission" (coref.description-name-head); no world
 * knowledge and no word list of adjectives.
 */
import type { Entity, Mention, Token } from '../../doc.js';
import { defineRule } from '../../rules/registry.js';
import { set } from '../../lexicon/index.js';

export const modifierNameWordRule = defineRule({
  id: 'coref.description-modifier-name-word',
  stage: 'coref',
  action: 'label',
  summary: '"the electoral body", "the humanitarian group": "the", lower-case adjectives and an organisation noun (org-nouns, use coref) heading its phrase stand for the one organisation mentioned in the last five sentences whose name holds every adjective as a word ("National Electoral Commission") and does not end in the noun (that is coref.description-modified-name-head\'s, which keeps the words\' order); two such organisations, none, or an adjective many names hold (lexicon/en/org-name-stopwords.tsv: "new", "national", "united") leave it unlinked',
  fires: ['Officials of the National Electoral Commission met observers on Monday. Lena Hart said the electoral body was ready.'],
  spares: ['Officials of the National Electoral Commission met the Electoral Institute on Monday. Lena Hart said the electoral body was ready.'],
  source: 'src/extract/coref/descriptions-modifier.ts',
});

type Indexed = { m: Mention; e: Entity; sentence: number };

/** Words too common in organisations' names to pick one out ("national", "new", "united": lexicon/en/org-name-stopwords.tsv). */
const COMMON_NAME_WORDS = set('org-name-stopwords');

/** How many sentences back, with the description's own, the organisation is looked for. */
const REACH = 5;

/** The lower-case words of an organisation's names (per entity, once per pass: the caller's memo). */
export function nameWords(e: Entity): Set<string> {
  const out = new Set<string>();
  for (const m of e.mentions) if (m.kind === 'name') for (const w of m.text.toLowerCase().split(/[\s-]+/)) out.add(w.replace(/['’]s?$/, ''));
  return out;
}

/**
 * The one organisation mentioned in the last REACH sentences before `at` whose name words (`words`, memoised by the caller)
 * hold every modifier and that `ok` accepts; undefined for none or two, or for a modifier many organisations' names hold.
 */
export function organisationByModifiers(bySentence: ReadonlyMap<number, readonly Indexed[]>, at: Token, modifiers: readonly string[], words: (e: Entity) => Set<string>, ok: (e: Entity) => boolean): Entity | undefined {
  // ("the new party" is no New Democratic Party: a word many names hold says nothing of which one)
  if (!modifiers.length || modifiers.some((m) => COMMON_NAME_WORDS.has(m))) return undefined;
  let found: Entity | undefined;
  for (let s = at.sentence; s >= Math.max(0, at.sentence - REACH + 1); s--) {
    for (const x of bySentence.get(s) ?? []) {
      if (x.m.end > at.start || x.e === found || x.e.type !== 'ORG') continue;
      const w = words(x.e);
      if (!modifiers.every((m) => w.has(m)) || !ok(x.e)) continue;
      if (found) return undefined;
      found = x.e;
    }
  }
  return found;
}
