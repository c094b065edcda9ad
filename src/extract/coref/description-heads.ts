/**
 * Learned head-noun compatibility for definite descriptions (issue 23, coref33): which named things "the NOUN" fits,
 * from models/coref/description-heads.tsv.gz (`npm run train:description-heads`: how often Wikipedia prose pairs the
 * noun with a name by apposition or copula — "Afriqiyah Airways, the Libyan airline", "TF1 is a French television
 * channel", "the pitcher Daisuke Matsuzaka" — by the type the pipeline's own recogniser gives the name). Read once per
 * process; each query is a map look-up.
 */
import type { EntityType } from '../../doc.js';
import { corefTableRows } from './files.js';

/** The type classes the table counts: the recogniser's types, the rare ones together. */
export const DESCRIPTION_HEAD_TYPES = ['PERSON', 'ORG', 'GPE', 'LOC', 'FAC', 'other'] as const;
export type DescriptionHeadType = (typeof DESCRIPTION_HEAD_TYPES)[number];
export function descriptionHeadType(t: string): DescriptionHeadType {
  return (DESCRIPTION_HEAD_TYPES as readonly string[]).includes(t) ? (t as DescriptionHeadType) : 'other';
}

export interface HeadEvidence {
  /** names paired with the head */
  n: number;
  /** share of them of each type class */
  share: Record<DescriptionHeadType, number>;
}

let table: Map<string, HeadEvidence> | null = null;

function load(): Map<string, HeadEvidence> {
  if (table) return table;
  table = new Map();
  for (const f of corefTableRows('description-heads.tsv.gz')) {
    if (f[0] === 'type' && f.length === 3 + DESCRIPTION_HEAD_TYPES.length) {
      const n = Number(f[2]);
      const share = {} as Record<DescriptionHeadType, number>;
      DESCRIPTION_HEAD_TYPES.forEach((t, k) => (share[t] = Number(f[3 + k]) / n));
      table.set(f[1], { n, share });
    }
  }
  return table;
}

/** What prose pairs "the NOUN" with, or undefined for a noun it paired too seldom. */
export function headEvidence(noun: string): HeadEvidence | undefined {
  return load().get(noun);
}

/** The share of the noun's pairings with names of the entity's type (0 for an unknown noun). */
export function headTypeShare(noun: string, type: EntityType): number {
  return headEvidence(noun)?.share[descriptionHeadType(type)] ?? 0;
}

/** A person noun by the pairings: prose pairs it with names the recogniser calls people at least this often … */
const PERSON_SHARE = 0.8;
/** … over at least this many names. */
const PERSON_MIN_NAMES = 15;

/** "pitcher", "guitarist", "astronomer": a noun prose pairs almost only with people ("the pitcher Daisuke Matsuzaka"). */
export function learnedPersonNoun(noun: string): boolean {
  const ev = headEvidence(noun);
  return ev !== undefined && ev.n >= PERSON_MIN_NAMES && ev.share.PERSON >= PERSON_SHARE;
}
