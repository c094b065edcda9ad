/**
 * "the airline" after "Afriqiyah Airways" (sixteenth session, coref38): a definite description whose noun is of a narrower
 * sort of organisation (lexicon/en/org-kinds.tsv, column `sort`: airline, newspaper, broadcaster, club) stands for the one
 * organisation mentioned in the last sentences whose name's head word is of that sort ("Airways", "Herald", "Channel",
 * "FC"), when no other organisation is mentioned between them. The name says what it is; the noun need not be its head
 * word (coref.description-name-head covers that).
 */
import type { Entity, Mention, Token } from '../../doc.js';
import { lookup } from '../../lexicon/index.js';
import { defineRule } from '../../rules/registry.js';

export const orgSortRule = defineRule({
  id: 'coref.description-org-sort',
  stage: 'coref',
  action: 'label',
  summary: '"the airline", "the newspaper", "the broadcaster", "the club": a singular description whose noun lexicon/en/org-kinds.tsv gives a sort stands for the one organisation mentioned in the last five sentences whose name\'s head word is of that sort ("Afriqiyah Airways", "The Washington Post", "Leeds United FC"), when it is the organisation mentioned last before the description; two of the sort in reach, another organisation between, or none, leave it unlinked',
  fires: ['Gunmen seized an Afriqiyah Airways jet on Friday. The airline said all passengers were safe.'],
  spares: ['Gunmen seized an Afriqiyah Airways jet beside a Buraq Airlines plane on Friday. The airline said all passengers were safe.', 'Gunmen seized an Afriqiyah Airways jet on Friday and told Reuters the passengers were safe. The airline said nothing.'],
  source: 'src/extract/coref/descriptions-sort.ts',
});

type Indexed = { m: Mention; e: Entity; sentence: number };

/** How many sentences back, with the description's own, the organisation is looked for. */
const REACH = 5;

/** The sort of organisation a word names (org-kinds `sort`), or undefined. */
export function orgSort(word: string): string | undefined {
  return lookup('org-kinds', word)?.attrs.sort;
}

/**
 * The one organisation mentioned in the last REACH sentences before `at` whose sort (`sortOf`, memoised by the caller:
 * its names' head words) is `sort` and that `ok` accepts; undefined for none or two.
 */
export function organisationOfSort(bySentence: ReadonlyMap<number, readonly Indexed[]>, at: Token, sort: string, sortOf: (e: Entity) => string, ok: (e: Entity) => boolean): Entity | undefined {
  let found: Entity | undefined;
  // the organisation mentioned last before the description (of any sort): another body between speaks against the link
  let last: Indexed | undefined;
  for (let s = at.sentence; s >= Math.max(0, at.sentence - REACH + 1); s--) {
    for (const x of bySentence.get(s) ?? []) {
      if (x.m.end > at.start || x.e.type !== 'ORG') continue;
      if (!last || x.m.start > last.m.start) last = x;
      if (x.e === found || sortOf(x.e) !== sort || !ok(x.e)) continue;
      if (found) return undefined;
      found = x.e;
    }
  }
  return found && last?.e === found ? found : undefined;
}
