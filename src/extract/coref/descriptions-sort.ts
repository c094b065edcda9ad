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

export const orgSortOtherKindRule = defineRule({
  id: 'coref.description-org-sort-other-kind-between',
  stage: 'coref',
  action: 'label',
  summary: 'coref.description-org-sort with organisations named between the one of the sort and the description, when every one of them has a name whose head word says it is of another kind than the noun (lexicon/en/org-kinds.tsv: "the Government of National Accord" is a government, "the airline" a business): they are no rival for the noun ("… a replacement Afriqiyah Airways plane. Libyan foreign minister Taher Siala, allied to the Government of National Accord, said … The airline operates")',
  fires: ['Gunmen seized an Afriqiyah Airways jet on Friday. Officials of the Ministry of Transport met the crew. The airline said all passengers were safe.'],
  spares: ['Gunmen seized an Afriqiyah Airways jet on Friday and told Reuters the passengers were safe. The airline said nothing.', 'Gunmen seized an Afriqiyah Airways jet on Friday. Officials of the Buraq Company met the crew. The airline said all passengers were safe.'],
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
 * its names' head words) is `sort` and that `ok` accepts; undefined for none or two. `otherKind` says an organisation
 * named between it and the description is of another kind than the noun (coref.description-org-sort-other-kind-between).
 */
export function organisationOfSort(bySentence: ReadonlyMap<number, readonly Indexed[]>, at: Token, sort: string, sortOf: (e: Entity) => string, ok: (e: Entity) => boolean, otherKind?: (e: Entity) => boolean): Entity | undefined {
  let found: Entity | undefined;
  // the organisations mentioned in reach before the description (of any sort): another body between speaks against the link
  const orgs: Indexed[] = [];
  for (let s = at.sentence; s >= Math.max(0, at.sentence - REACH + 1); s--) {
    for (const x of bySentence.get(s) ?? []) {
      if (x.m.end > at.start || x.e.type !== 'ORG') continue;
      orgs.push(x);
      if (x.e === found || sortOf(x.e) !== sort || !ok(x.e)) continue;
      if (found) return undefined;
      found = x.e;
    }
  }
  if (!found) return undefined;
  // the found organisation's last mention, and who is named after it
  let lastFound = -1;
  for (const x of orgs) if (x.e === found) lastFound = Math.max(lastFound, x.m.start);
  const between = orgs.filter((x) => x.e !== found && x.m.start > lastFound);
  if (!between.length) return found;
  if (!otherKind || !orgSortOtherKindRule.enabled || !between.every((x) => otherKind(x.e))) return undefined;
  orgSortOtherKindRule.fired(at.start, at.end);
  return found;
}
