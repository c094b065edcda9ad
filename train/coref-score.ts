/**
 * Scoring coreference links against GUM's coreference layer, by mention kind.
 *
 * Our entities map to GUM's entity groups through their name mentions (the group most of their
 * names align with). A mention aligns with the gold mention whose head lies inside it and which
 * overlaps it most.
 *  - accuracy ("linked to the right entity"): over gold pronouns, descriptions and first/second
 *    person in speech whose group is a named person, organisation or place: the share we link to
 *    the entity that maps to that group;
 *  - precision ("right among those linked"): over every pronoun or description we link (kind by
 *    its words), the share whose aligned gold mention is in the linked entity's group. A link on
 *    a word GUM does not mark as a mention, or to a group without a name, counts as wrong.
 * Each decision is kept as a record with the link's confidence, so thresholds can be tried on
 * one run (`tally`).
 */
import { MODEL_BASIS } from '../src/extract/coref/confidence.js';
import type { RulesRelation } from '../src/extract/coref/model.js';
import type { Doc, Mention } from '../src/doc.js';
import type { GoldDoc, GoldKind, GoldMention } from './coref-data.js';

export const SCORED_KINDS = ['he/she', 'it', 'they', 'description', 'first/second'] as const;
export type ScoredKind = typeof SCORED_KINDS[number];

export interface KindCounts {
  /** gold mentions of this kind that refer to a named entity */
  gold: number;
  /** … of which we link to the right entity */
  right: number;
  /** links we make on mentions of this kind */
  linked: number;
  /** … of which are right */
  linkedRight: number;
}

export type Scores = Record<ScoredKind, KindCounts>;

export function emptyScores(): Scores {
  return Object.fromEntries(SCORED_KINDS.map((k) => [k, { gold: 0, right: 0, linked: 0, linkedRight: 0 }])) as Scores;
}

export function addScores(into: Scores, from: Scores): void {
  for (const k of SCORED_KINDS) for (const f of ['gold', 'right', 'linked', 'linkedRight'] as const) into[k][f] += from[k][f];
}

const FIRST_SECOND = /^(?:i|me|my|mine|myself|we|us|our|ours|ourselves|you|your|yours|yourself|yourselves)$/i;
const HE_SHE = /^(?:he|him|his|himself|she|her|hers|herself)$/i;
const IT = /^(?:it|its|itself)$/i;
const THEY = /^(?:they|them|their|theirs|themselves)$/i;

/** The kind of one of our linked mentions, by its words. */
export function systemKind(m: Mention): ScoredKind | null {
  if (m.kind === 'nominal') return 'description';
  if (m.kind !== 'pronoun') return null;
  if (HE_SHE.test(m.text)) return 'he/she';
  if (IT.test(m.text)) return 'it';
  if (THEY.test(m.text)) return 'they';
  if (FIRST_SECOND.test(m.text)) return 'first/second';
  return null;
}

/** Gold mentions sorted by head start, for alignment by binary search. */
export class GoldIndex {
  private readonly byHead: GoldMention[];
  constructor(mentions: GoldMention[]) {
    this.byHead = mentions.slice().sort((a, b) => a.headStart - b.headStart);
  }
  /** The gold mention whose head lies in [start, end) and which overlaps it most (the shorter on a tie). */
  align(start: number, end: number): GoldMention | undefined {
    let lo = 0;
    let hi = this.byHead.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.byHead[mid].headStart < start) lo = mid + 1;
      else hi = mid;
    }
    let best: GoldMention | undefined;
    let bestOverlap = -Infinity;
    for (let k = lo; k < this.byHead.length && this.byHead[k].headStart < end; k++) {
      const g = this.byHead[k];
      if (g.headEnd > end) continue;
      const overlap = Math.min(end, g.end) - Math.max(start, g.start) - Math.abs((g.end - g.start) - (end - start)) * 0.001;
      if (overlap > bestOverlap) (best = g), (bestOverlap = overlap);
    }
    return best;
  }
}

/** Our entity ids → the gold group most of their names align with. */
export function entityGroups(doc: Doc, index: GoldIndex): Map<string, string> {
  const groupOf = new Map<string, string>();
  for (const e of doc.entities) {
    const votes = new Map<string, number>();
    for (const m of e.mentions) {
      if (m.kind !== 'name') continue;
      const g = index.align(m.start, m.end);
      if (g) votes.set(g.group, (votes.get(g.group) ?? 0) + 1);
    }
    let best: string | undefined;
    for (const [g, n] of votes) if (best === undefined || n > votes.get(best)!) best = g;
    if (best !== undefined) groupOf.set(e.id, best);
  }
  return groupOf;
}

export interface LinkRecord {
  /** a gold mention to link (accuracy) or a link we made (precision) */
  what: 'gold' | 'link';
  kind: ScoredKind;
  text: string;
  start: number;
  /** the entity we linked it to (its name), or null */
  linked: string | null;
  /** the gold group's first name mention, or null when it has none */
  gold: string | null;
  right: boolean;
  /** the ranker's confidence in the link (undefined: a rule's link, always kept) */
  score?: number;
  /** which rule (or the ranker) made the link (Mention.corefBasis) */
  basis?: string;
  /** a ranker link: how it stands to the rules' choice (agree, against, alone), when traced (model.ts traceRelations) */
  relation?: RulesRelation;
}

/** The ranker's confidence in a link, for thresholds; a rule's calibrated confidence is no threshold's business. */
export function rankerScore(m: Mention): number | undefined {
  return m.corefBasis === undefined || m.corefBasis === MODEL_BASIS ? m.corefScore : undefined;
}

/** Every scored decision of one document. */
export function documentRecords(doc: Doc, gold: GoldDoc, relations?: ReadonlyMap<number, RulesRelation>): LinkRecord[] {
  const records: LinkRecord[] = [];
  const index = new GoldIndex(gold.mentions);
  const firstName = new Map<string, string>();
  for (const g of gold.mentions) if (g.kind === 'name' && !firstName.has(g.group)) firstName.set(g.group, g.text);
  const groupOf = entityGroups(doc, index);
  const byId = new Map(doc.entities.map((e) => [e.id, e]));
  const linkAt = new Map<GoldMention, { m: Mention; entity: string }>();
  for (const e of doc.entities) {
    for (const m of e.mentions) {
      const kind = systemKind(m);
      if (!kind) continue;
      const g = index.align(m.start, m.end);
      const right = g !== undefined && groupOf.get(e.id) === g.group;
      const score = rankerScore(m);
      records.push({ what: 'link', kind, text: m.text, start: m.start, linked: e.name, gold: g ? firstName.get(g.group) ?? null : null, right, score, basis: m.corefBasis, ...(score !== undefined && relations?.has(m.start) ? { relation: relations.get(m.start) } : {}) });
      const prior = g && linkAt.get(g);
      if (g && (!prior || (rankerScore(prior.m) ?? 1) < (rankerScore(m) ?? 1))) linkAt.set(g, { m, entity: e.id });
    }
  }
  for (const g of gold.mentions) {
    if (!gold.named.has(g.group) || !isScored(g.kind)) continue;
    const link = linkAt.get(g);
    const right = link !== undefined && groupOf.get(link.entity) === g.group;
    const score = link && rankerScore(link.m);
    const relation = score !== undefined && link ? relations?.get(link.m.start) : undefined;
    records.push({ what: 'gold', kind: g.kind, text: g.text, start: g.start, linked: link ? byId.get(link.entity)?.name ?? null : null, gold: firstName.get(g.group) ?? null, right, score, ...(relation ? { relation } : {}) });
  }
  return records;
}

/** A link's threshold: its kind's and relation's ("he/she|against"), else its kind's, else 0. */
export function thresholdOf(r: LinkRecord, thresholds: Partial<Record<string, number>>): number {
  return (r.relation !== undefined ? thresholds[`${r.kind}|${r.relation}`] : undefined) ?? thresholds[r.kind] ?? 0;
}

/** Counts from records, keeping only links whose confidence reaches their threshold (thresholdOf). */
export function tally(records: readonly LinkRecord[], thresholds: Partial<Record<string, number>> = {}): Scores {
  const s = emptyScores();
  for (const r of records) {
    const kept = r.linked !== null && (r.score === undefined || r.score >= thresholdOf(r, thresholds));
    if (r.what === 'gold') {
      s[r.kind].gold++;
      if (kept && r.right) s[r.kind].right++;
    } else if (kept) {
      s[r.kind].linked++;
      if (r.right) s[r.kind].linkedRight++;
    }
  }
  return s;
}

export function scoreDocument(doc: Doc, gold: GoldDoc): Scores {
  return tally(documentRecords(doc, gold));
}

function isScored(k: GoldKind): k is ScoredKind {
  return (SCORED_KINDS as readonly string[]).includes(k);
}

const pct = (n: number, d: number) => (d ? (n / d).toFixed(2) : '  — ');

/** A table of accuracy and precision by kind (and third-person pronouns together). */
export function formatScores(s: Scores, title: string): string {
  const rows: [string, KindCounts][] = SCORED_KINDS.map((k) => [k, s[k]]);
  const third = { gold: 0, right: 0, linked: 0, linkedRight: 0 };
  for (const k of ['he/she', 'it', 'they'] as const) for (const f of ['gold', 'right', 'linked', 'linkedRight'] as const) third[f] += s[k][f];
  rows.splice(3, 0, ['3rd person (all)', third]);
  const lines = [title, `  ${'mentions'.padEnd(18)} ${'gold'.padStart(5)} ${'accuracy'.padStart(8)} ${'linked'.padStart(7)} ${'precision'.padStart(9)}`];
  for (const [name, c] of rows) lines.push(`  ${name.padEnd(18)} ${String(c.gold).padStart(5)} ${pct(c.right, c.gold).padStart(8)} ${String(c.linked).padStart(7)} ${pct(c.linkedRight, c.linked).padStart(9)}`);
  return lines.join('\n');
}

/** Links made and right, by the basis that made them (Mention.corefBasis): the calibration of each rule's confidence. */
export function byBasis(records: readonly LinkRecord[]): Map<string, { links: number; right: number }> {
  const out = new Map<string, { links: number; right: number }>();
  for (const r of records) {
    if (r.what !== 'link') continue;
    const key = r.basis ?? '(none)';
    const c = out.get(key) ?? { links: 0, right: 0 };
    c.links++;
    if (r.right) c.right++;
    out.set(key, c);
  }
  return out;
}
