/**
 * The ranker's decision thresholds, chosen on readable data: the held-out links of cross-validation on GUM's
 * training documents and the readable half A of each fresh Wikinews set (fresh13, fresh16, fresh19, fresh22; their
 * halves B and fresh23 are the lead's unseen sets and are never run here).
 *
 * GUM's cross-validation alone chose thresholds that lowered precision on Wikinews (docs/coref.md, coref34), so a
 * threshold must hold the precision target on the cross-validated links AND on the fresh halves pooled; among those
 * that do, the one with the most right links (cross-validated plus fresh) wins.
 */
import { extractDoc } from '../src/extract.js';
import { CorefModel, useCorefModel, type LinkKind } from '../src/extract/coref/model.js';
import { FRESH_SETS, freshGold, readFreshDocs } from '../eval/coref-fresh.js';
import { documentRecords, tally, type LinkRecord } from './coref-score.js';
import { LINK_KINDS } from './coref-train.js';

/** Records of one readable set. */
export interface RecordSet {
  name: string;
  records: LinkRecord[];
}

/** The readable fresh halves: half A of each set whose half A is released (never half B, never fresh23). */
export const READABLE_FRESH: readonly (keyof typeof FRESH_SETS)[] = ['fresh13', 'fresh16', 'fresh19', 'fresh22'];

/** Each readable fresh half A through the pipeline with this model, every ranker link kept (threshold 0) with its score. */
export function readableFreshRecords(model: CorefModel): RecordSet[] {
  const open = new CorefModel(model.weights, { 'he/she': 0, it: 0, they: 0, description: 0 }, model.sources);
  useCorefModel(open);
  try {
    return READABLE_FRESH.map((name) => ({
      name: `${name} A`,
      records: readFreshDocs(FRESH_SETS[name].file).filter((d) => d.half === 'A').flatMap((d) => documentRecords(extractDoc({ id: d.id, text: d.text, published: null }), freshGold(d))),
    }));
  } finally {
    useCorefModel(undefined);
  }
}

/** One kind's counts at one threshold: right among gold, links, right links. */
export interface Counts {
  gold: number;
  right: number;
  linked: number;
  linkedRight: number;
}

export function countsAt(records: readonly LinkRecord[], kind: LinkKind, threshold: number): Counts {
  const c = tally(records, { [kind]: threshold })[kind];
  return { gold: c.gold, right: c.right, linked: c.linked, linkedRight: c.linkedRight };
}

const precisionOf = (c: Counts) => (c.linked ? c.linkedRight / c.linked : 1);

/** The sets a threshold must hold the target on: each cross-validated group alone, the fresh halves pooled. */
export interface Guarded {
  cv: RecordSet[];
  fresh: RecordSet[];
}

/**
 * Per kind, the threshold with the most right links (cross-validated all genres plus the fresh halves) among those
 * whose links keep `precision` on every cross-validated group and on the fresh halves pooled (none: 1.01, never link).
 */
export function chooseReadableThresholds(sets: Guarded, precision: number): Record<LinkKind, number> {
  const out = {} as Record<LinkKind, number>;
  const pooled = sets.fresh.flatMap((s) => s.records);
  const all = [...sets.cv.map((s) => s.records), pooled];
  for (const kind of LINK_KINDS) {
    const scores = new Set<number>();
    for (const rs of all) for (const r of rs) if (r.what === 'link' && r.kind === kind && r.score !== undefined) scores.add(r.score);
    let best = 1.01;
    let bestRight = -1;
    for (const t of [...scores, 1.01].sort((a, b) => b - a)) {
      if (!all.every((rs) => precisionOf(countsAt(rs, kind, t)) >= precision)) continue;
      // right links on GUM all genres (the widest cross-validated group, the last of sets.cv) and the fresh halves
      const right = countsAt(sets.cv[sets.cv.length - 1]?.records ?? [], kind, t).right + countsAt(pooled, kind, t).right;
      if (right > bestRight) {
        bestRight = right;
        best = t;
      }
    }
    out[kind] = best;
  }
  return out;
}

/** A table per threshold: each set's accuracy / precision (links) for one kind, and the right links in sum. */
export function thresholdTable(sets: readonly RecordSet[], kind: LinkKind, grid: readonly number[]): string {
  const ratio = (n: number, d: number) => (d ? (n / d).toFixed(2) : '—');
  const lines = [`${kind}: threshold | ${sets.map((s) => s.name).join(' | ')} | right in sum`];
  for (const t of grid) {
    let right = 0;
    const cells = sets.map((s) => {
      const c = countsAt(s.records, kind, t);
      right += c.right;
      return `${ratio(c.right, c.gold)} / ${ratio(c.linkedRight, c.linked)} (${c.linked})`;
    });
    lines.push(`  ${t.toFixed(2)} | ${cells.join(' | ')} | ${right}`);
  }
  return lines.join('\n');
}

/** Thresholds 0.00–0.95 in steps of 0.05, with the chosen one in its place. */
export function thresholdGrid(chosen: number[]): number[] {
  const grid = Array.from({ length: 20 }, (_, i) => i / 20);
  for (const c of chosen) if (c <= 1) grid.push(c);
  return [...new Set(grid.map((x) => Math.round(x * 1000) / 1000))].sort((a, b) => a - b);
}
