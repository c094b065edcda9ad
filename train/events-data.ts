/**
 * The annotated event set (eval/data/events/): its record types and a loader. The validator is
 * eval/events-data.ts (npm run check:events-data); training and scoring (train/events.ts,
 * train/events-set.ts) read the set through this module.
 */
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reducedPloverType } from '../src/extract/events/plover.js';

export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

export const FACTUALITIES = ['asserted', 'negated', 'future', 'hypothetical', 'threatened', 'alleged', 'attempted', 'denied'] as const;
export type Factuality = (typeof FACTUALITIES)[number];

export const NON_EVENT_REASONS = [
  'ordinary', 'statement', 'accident', 'outcome', 'figurative', 'modifier', 'name', 'boilerplate',
  'light', 'same-event', 'background', 'generic', 'crime', 'not-predicate',
] as const;
export type NonEventReason = (typeof NON_EVENT_REASONS)[number];

/** PLOVER modes by type (manual, 2021), as used in the labels. */
export const MODES: Record<PloverType, readonly string[]> = {
  AGREE: [], SUPPORT: [], CONCEDE: [], COOPERATE: [], AID: [],
  CONSULT: ['visit', 'third-party', 'multilateral', 'phone'],
  RETREAT: ['withdraw', 'release', 'disarm', 'ceasefire', 'access', 'resign'],
  REQUEST: ['assist', 'change', 'yield', 'meet'],
  REJECT: ['assist', 'change', 'yield', 'meet'],
  ACCUSE: ['disapprove', 'investigate', 'allege'],
  THREATEN: ['restrict', 'arrest', 'relations', 'expel', 'territory', 'violence'],
  PROTEST: ['demo', 'riot', 'strike', 'hunger', 'boycott', 'obstruct', 'vandalize'],
  SANCTION: ['convict', 'expel', 'withdraw', 'discontinue'],
  MOBILIZE: ['troops', 'weapons', 'police', 'militia'],
  COERCE: ['seize', 'restrict', 'censor', 'curfew', 'martial-law', 'arrest', 'deport', 'withhold', 'misinformation', 'cyber'],
  ASSAULT: ['abduct', 'beat', 'torture', 'sexual', 'targeted', 'destroy', 'primitive', 'firearms', 'explosives',
    'suicide-attack', 'aerial', 'drone', 'heavy-weapons', 'crowd-control', 'unconventional'],
};

/**
 * PLOVER types a CAMEO root may carry: CAMEO2PLOVER-2021 plus the guidelines' documented departures
 * (116 convict → SANCTION; 055 apologise → CONCEDE; 17x property destruction → ASSAULT;
 * 19x blockade and occupation → COERCE).
 */
export const TYPES_OF_CAMEO_ROOT: Record<string, readonly PloverType[]> = {
  '03': ['AGREE'], '04': ['CONSULT'], '05': ['SUPPORT', 'CONCEDE'], '06': ['COOPERATE'], '07': ['AID'],
  '08': ['CONCEDE', 'RETREAT'], '09': ['ACCUSE'], '10': ['REQUEST'], '11': ['ACCUSE', 'SANCTION'],
  '12': ['REJECT'], '13': ['THREATEN'], '14': ['PROTEST'], '15': ['MOBILIZE'], '16': ['SANCTION', 'COERCE'],
  '17': ['COERCE', 'ASSAULT'], '18': ['ASSAULT'], '19': ['ASSAULT', 'COERCE'], '20': ['ASSAULT'],
};

export interface CharSpan { start: number; end: number; text: string }

export interface EventDoc {
  id: string;
  source: 'wikinews' | 'gum' | 'team';
  licence: string;
  url: string | null;
  published: string | null;
  title: string;
  /** cross-validation fold (0–4), fixed per document: FNV-1a of the id modulo 5 */
  fold: number;
  /** the title, a blank line, then the body; all offsets point into this string */
  text: string;
  note?: string;
}

export interface PredicateLabel {
  /** `${doc}@${trigger.start}` */
  id: string;
  doc: string;
  sentence: { index: number; start: number; end: number };
  trigger: CharSpan & { lemma: string; pos: 'VERB' | 'NOUN'; added?: true };
  event: boolean;
  /** why a candidate is not an event (null for events) */
  reason: NonEventReason | null;
  type: PloverType | null;
  mode: string | null;
  cameo: string | null;
  actor: CharSpan | null;
  recipient: CharSpan | null;
  location: CharSpan | null;
  /** the antecedent of a pronoun actor or recipient, anywhere in the document */
  actor_ref?: CharSpan;
  recipient_ref?: CharSpan;
  factuality: Factuality | null;
  /**
   * The category a PLOVER coder would output for this label, by the manual's reductions: future
   * CONSULT/SUPPORT/COOPERATE/AID → AGREE, future RETREAT → CONCEDE, any threatened act → THREATEN;
   * otherwise `type`. Null for non-events.
   */
  plover_type: PloverType | null;
  note?: string;
}

/** The manual's reductions from a label's own type and factuality to the PLOVER category. */
export function ploverTypeOf(type: PloverType | null, factuality: Factuality | null): PloverType | null {
  return type === null ? null : (reducedPloverType(type, factuality) as PloverType);
}

export interface EventSet { docs: EventDoc[]; predicates: PredicateLabel[] }

export const DEFAULT_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../eval/data/events');

export function readJsonl<T>(path: string, problems: string[]): { value: T; line: number }[] {
  const out: { value: T; line: number }[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((raw, i) => {
    if (!raw.trim()) return;
    try { out.push({ value: JSON.parse(raw) as T, line: i + 1 }); } catch (e) { problems.push(`${path}:${i + 1}: not JSON (${(e as Error).message})`); }
  });
  return out;
}

export function loadEventSet(dir = DEFAULT_DIR): EventSet {
  const problems: string[] = [];
  const docs = readJsonl<EventDoc>(join(dir, 'docs.jsonl'), problems).map((r) => r.value);
  const predicates = readJsonl<PredicateLabel>(join(dir, 'predicates.jsonl'), problems).map((r) => r.value);
  if (problems.length) throw new Error(problems.join('\n'));
  return { docs, predicates };
}

