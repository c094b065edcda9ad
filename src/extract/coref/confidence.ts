/**
 * How sure a coreference link is. Every pronoun or description that coreference joins to an entity
 * carries `Mention.corefScore`: for a rule's link, the precision that rule (its `corefBasis`) had on
 * GUM's training documents, smoothed, read from models/coref/link-confidence.json (written by
 * `npm run eval:coref -- --pipeline --labels --calibrate`, which records its source); for the
 * learned ranker's link, the ranker's probability. Events, quotes and relations that take a
 * participant or a speaker through such a mention multiply their own confidence by it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Doc, Entity, Mention } from '../../doc.js';
import { corefModelDir } from './files.js';
import { countWhile } from '../../sorted.js';

/** The basis of a link the learned ranker made (its score is the ranker's probability). */
export const MODEL_BASIS = 'coref.model';

/** A basis the calibration file does not know (a rule added since): an even chance, not a certainty. */
const UNKNOWN_BASIS = 0.5;

export interface BasisCalibration {
  /** links this basis made on the calibration documents, and how many were right */
  links: number;
  right: number;
  /** (right + 1) / (links + 2): the precision, pulled towards an even chance when links are few */
  confidence: number;
}

export interface LinkCalibration {
  source: string;
  smoothing: string;
  bases: Record<string, BasisCalibration>;
  /**
   * Rules with no link on the calibration documents, their links judged by hand elsewhere (GUM's other genres, fresh13
   * half A, unlabelled prose), each with where: used only for a basis `bases` does not hold, kept when --calibrate rewrites;
   * a `pooled` entry already counts the calibration documents' links with the others (GUM scores "the Israeli
   * government" → Israel wrong, keeping governments apart from their countries; the fresh sets and the events join
   * them) and stands before `bases`
   */
  judged?: Record<string, BasisCalibration & { source: string; pooled?: boolean }>;
}

export const CALIBRATION_FILE = 'link-confidence.json';

let table: Map<string, number> | null = null;

function calibration(): Map<string, number> {
  if (table) return table;
  table = new Map();
  const path = join(corefModelDir(), CALIBRATION_FILE);
  if (!existsSync(path)) return table;
  const data = JSON.parse(readFileSync(path, 'utf8')) as LinkCalibration;
  for (const [basis, c] of Object.entries(data.bases)) table.set(basis, c.confidence);
  for (const [basis, c] of Object.entries(data.judged ?? {})) if (!table.has(basis) || c.pooled) table.set(basis, c.confidence);
  return table;
}

/** The smoothed precision of a link made on this basis, rounded to three places. */
export function smoothedPrecision(right: number, links: number): number {
  return round((right + 1) / (links + 2));
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The calibrated confidence of a rule's link made on `basis` (a rule id or a basis name). */
export function linkConfidence(basis: string): number {
  return calibration().get(basis) ?? UNKNOWN_BASIS;
}

/** A coreference mention's fields: its basis and confidence (times `times`, the confidence of what it rests on). */
export function linkFields(basis: string, times = 1): Pick<Mention, 'corefBasis' | 'corefScore'> {
  return { corefBasis: basis, corefScore: round(linkConfidence(basis) * times) };
}

/** How sure it is that a mention stands for its entity: 1 for a name, the link's confidence for a linked pronoun or description. */
export function mentionConfidence(m: Mention): number {
  return m.kind === 'name' ? 1 : m.corefScore ?? 1;
}

/**
 * How sure it is that the entity is what the text in [start, end) speaks of: 1 when one of its
 * names (or a mention no link scored) lies there, else the best link confidence among its linked
 * mentions there; null when none of its mentions lies there. Mentions are sorted by start (the
 * coref stages leave them so): a binary search, then a walk over those inside.
 */
export function entityConfidenceIn(entity: Entity | undefined, start: number, end: number): number | null {
  if (!entity) return null;
  const ms = entity.mentions;
  const lo = countWhile(ms.length, (k) => ms[k].start < start);
  let best: number | null = null;
  for (let k = lo; k < ms.length && ms[k].start < end; k++) {
    if (ms[k].end > end) continue;
    const c = mentionConfidence(ms[k]);
    if (best === null || c > best) best = c;
    if (best === 1) break;
  }
  return best;
}

/**
 * The confidence that the participants of a fact are the entities named, from the spans that
 * name each one: the product over participants of entityConfidenceIn (a participant not
 * mentioned in its span counts 1). Undefined when every participant is named outright (1).
 */
export function participantsConfidence(doc: Doc, parts: readonly { entity: string; start: number; end: number }[]): number | undefined {
  let c = 1;
  for (const p of parts) c *= entityConfidenceIn(doc.entityById(p.entity), p.start, p.end) ?? 1;
  return c < 1 ? round(c) : undefined;
}

/**
 * Each quote whose speaker is reached through a coreference link in its attribution ("he said",
 * "the minister said") gets that link's confidence; a quote with no attribution of its own that
 * continues a speaker takes the confidence of that speaker's last attributed quote before it. A
 * speaker named in the attribution, or chosen by the quotes stage against coreference, gets none.
 */
export function setQuoteConfidences(doc: Doc): void {
  const last = new Map<string, number | undefined>();
  for (const q of doc.quotes) {
    if (!q.speaker) continue;
    let c: number | undefined;
    if (q.source) {
      const x = entityConfidenceIn(doc.entityById(q.speaker), q.source.start, q.source.end);
      c = x !== null && x < 1 ? x : undefined;
      last.set(q.speaker, c);
    } else c = last.get(q.speaker);
    if (c !== undefined) q.confidence = c;
  }
}
