/**
 * Scoring events against the annotated set (eval/data/events/, docs/events-annotation.md): every
 * candidate predicate of whole news documents labelled as an event or not, with its PLOVER type,
 * participants (character spans) and factuality. Used by `npm run eval:events` and by
 * `npm run train:events` (cross-validation by whole documents).
 *
 * A predicted event matches the labelled candidate whose trigger its own trigger overlaps. An
 * unlabelled prediction (its trigger is no candidate the annotators saw) counts against
 * precision: the candidates are every verb and every listed event noun, and annotators added any
 * event the list missed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Doc, EventGroup } from '../src/doc.js';
import { DEFAULT_DIR, loadEventSet, type EventDoc, type PredicateLabel } from './events-data.js';

export interface Span { start: number; end: number; text?: string }

export type SetDoc = EventDoc;
export type Label = PredicateLabel;

export interface IndexedSet {
  docs: SetDoc[];
  labels: Label[];
  /** labels of each document, in text order */
  byDoc: Map<string, Label[]>;
}

export const DEFAULT_SET_DIR = DEFAULT_DIR;

/** The annotated set (eval/events-data.ts reads and validates it), indexed by document. */
export function loadSet(dir = DEFAULT_SET_DIR): IndexedSet {
  if (!existsSync(join(dir, 'predicates.jsonl'))) throw new Error(`events: no annotated set in ${dir} (predicates.jsonl)`);
  const { docs, predicates } = loadEventSet(dir);
  const byDoc = new Map<string, Label[]>();
  for (const l of predicates) {
    if (!byDoc.has(l.doc)) byDoc.set(l.doc, []);
    byDoc.get(l.doc)!.push(l);
  }
  for (const list of byDoc.values()) list.sort((a, b) => a.trigger.start - b.trigger.start);
  return { docs, labels: predicates, byDoc };
}

/** The label whose trigger the span [start, end) overlaps (the one starting inside it first), or null. */
export function labelAt(labels: Label[], start: number, end: number): Label | null {
  let best: Label | null = null;
  for (const l of labels) {
    if (l.trigger.start >= end) break;
    if (l.trigger.end <= start) continue;
    if (!best || Math.abs(l.trigger.start - start) < Math.abs(best.trigger.start - start)) best = l;
  }
  return best;
}

/** One predicted event as scored: its trigger, type, factuality and the character spans of its participants' mentions. */
export interface Predicted {
  start: number;
  end: number;
  type: string;
  factuality: string;
  actor: Span[][];
  recipient: Span[][];
  confidence?: number;
}

/** The spans of an event's groups in one role (participants no entity stands for), one participant each. */
export function groupSpans(groups: readonly EventGroup[] | undefined, role: EventGroup['role']): Span[][] {
  return (groups ?? []).filter((g) => g.role === role).map((g) => [{ start: g.start, end: g.end }]);
}

/** The events of a processed Doc as scored predictions. */
export function predictionsOf(doc: Doc): Predicted[] {
  const spans = (ids: string[]) => ids.map((id) => (doc.entityById(id)?.mentions ?? []).map((m) => ({ start: m.start, end: m.end })));
  return doc.events.map((e) => ({
    start: e.trigger.start, end: e.trigger.end, type: e.type, factuality: e.factuality,
    actor: [...spans(e.actor), ...groupSpans(e.groups, 'actor')], recipient: [...spans(e.recipient), ...groupSpans(e.groups, 'recipient')],
    ...(typeof (e as { confidence?: number }).confidence === 'number' ? { confidence: (e as { confidence?: number }).confidence } : {}),
  }));
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** A participant is right when one of the predicted entities has a mention overlapping the labelled span (or its antecedent). */
function participantRight(pred: Span[][], gold: Span | null, ref: Span | null | undefined): boolean {
  if (!gold) return pred.length === 0;
  return pred.some((mentions) => mentions.some((m) => overlaps(m, gold) || (ref ? overlaps(m, ref) : false)));
}

export interface Tally {
  gold: number;
  predicted: number;
  /** predictions on a labelled event (any type) */
  detected: number;
  /** … with the labelled PLOVER type */
  typed: number;
  unlabelled: number;
  actorGold: number;
  actorRight: number;
  recipientGold: number;
  recipientRight: number;
  factRight: number;
  /** detected events right in everything labelled: type, factuality and each labelled participant */
  allRight: number;
  byType: Map<string, { gold: number; predicted: number; right: number }>;
  factuality: Map<string, number>;
}

export function newTally(): Tally {
  return { gold: 0, predicted: 0, detected: 0, typed: 0, unlabelled: 0, actorGold: 0, actorRight: 0, recipientGold: 0, recipientRight: 0, factRight: 0, allRight: 0, byType: new Map(), factuality: new Map() };
}

function typeRow(t: Tally, type: string) {
  let r = t.byType.get(type);
  if (!r) { r = { gold: 0, predicted: 0, right: 0 }; t.byType.set(type, r); }
  return r;
}

/** Add one document's predictions to the tally. */
export function tallyDoc(t: Tally, labels: Label[], preds: Predicted[]): void {
  for (const l of labels) if (l.event && l.type) { t.gold++; typeRow(t, l.plover_type ?? l.type).gold++; }
  const seen = new Set<Label>();
  for (const p of preds) {
    t.predicted++;
    typeRow(t, p.type).predicted++;
    t.factuality.set(p.factuality, (t.factuality.get(p.factuality) ?? 0) + 1);
    const l = labelAt(labels, p.start, p.end);
    if (!l) { t.unlabelled++; continue; }
    if (!l.event || seen.has(l)) continue; // a second prediction on one event counts against precision
    seen.add(l);
    t.detected++;
    // PLOVER's category after the manual's reductions ("will meet" is AGREE), as a PLOVER coder reports it
    const typed = p.type === (l.plover_type ?? l.type);
    if (typed) { t.typed++; typeRow(t, p.type).right++; }
    if (p.factuality === l.factuality) t.factRight++;
    const actorRight = participantRight(p.actor, l.actor, l.actor_ref);
    const recipientRight = participantRight(p.recipient, l.recipient, l.recipient_ref);
    if (l.actor) { t.actorGold++; if (actorRight) t.actorRight++; }
    if (l.recipient) { t.recipientGold++; if (recipientRight) t.recipientRight++; }
    if (typed && p.factuality === l.factuality && (!l.actor || actorRight) && (!l.recipient || recipientRight)) t.allRight++;
  }
}

const ratio = (a: number, b: number) => (b ? a / b : 0);

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  typedPrecision: number;
  typedRecall: number;
  typeAccuracy: number;
  actorAccuracy: number;
  recipientAccuracy: number;
  factualityAccuracy: number;
  /** share of predicted events right in type, factuality and every labelled participant */
  allRightPrecision: number;
  gold: number;
  predicted: number;
}

export function scores(t: Tally): Scores {
  const precision = ratio(t.detected, t.predicted);
  const recall = ratio(t.detected, t.gold);
  return {
    precision, recall, f1: ratio(2 * precision * recall, precision + recall),
    typedPrecision: ratio(t.typed, t.predicted), typedRecall: ratio(t.typed, t.gold),
    typeAccuracy: ratio(t.typed, t.detected),
    actorAccuracy: ratio(t.actorRight, t.actorGold), recipientAccuracy: ratio(t.recipientRight, t.recipientGold),
    factualityAccuracy: ratio(t.factRight, t.detected),
    allRightPrecision: ratio(t.allRight, t.predicted),
    gold: t.gold, predicted: t.predicted,
  };
}

const f3 = (x: number) => x.toFixed(3);

/** The report lines for one tally. */
export function report(name: string, t: Tally, perType = true): string[] {
  const s = scores(t);
  const out = [
    `${name}: ${s.gold} labelled events, ${s.predicted} predicted (${t.unlabelled} on no labelled candidate)`,
    `  detection  P ${f3(s.precision)}  R ${f3(s.recall)}  F1 ${f3(s.f1)}`,
    `  with type  P ${f3(s.typedPrecision)}  R ${f3(s.typedRecall)}  type accuracy (detected events) ${f3(s.typeAccuracy)}`,
    `  actor accuracy ${f3(s.actorAccuracy)} (${t.actorGold} labelled actors)  recipient accuracy ${f3(s.recipientAccuracy)} (${t.recipientGold})  factuality accuracy ${f3(s.factualityAccuracy)}`,
    `  right in everything labelled (type, factuality, participants): ${t.allRight} of ${s.predicted} predicted (${f3(s.allRightPrecision)})`,
  ];
  if (perType) {
    out.push('  by PLOVER type (typed):   gold  pred  right   P      R');
    for (const [type, r] of [...t.byType].sort((a, b) => b[1].gold - a[1].gold)) {
      out.push(`    ${type.padEnd(22)}${String(r.gold).padStart(5)}${String(r.predicted).padStart(6)}${String(r.right).padStart(7)}   ${f3(ratio(r.right, r.predicted))}  ${f3(ratio(r.right, r.gold))}`);
    }
  }
  return out;
}
