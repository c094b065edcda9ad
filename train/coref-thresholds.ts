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
import { CorefModel, RULES_RELATIONS, traceRelations, useCorefModel, type LinkKind, type RulesRelation } from '../src/extract/coref/model.js';
import { FRESH_SETS, freshGold, readFreshDocs } from './coref-fresh.js';
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
      records: readFreshDocs(FRESH_SETS[name].file).filter((d) => d.half === 'A').flatMap((d) => {
        const { result, relations } = traceRelations(() => extractDoc({ id: d.id, text: d.text, published: null }));
        return documentRecords(result, freshGold(d), relations);
      }),
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

export function countsAt(records: readonly LinkRecord[], kind: LinkKind, threshold: number, relationThresholds: Record<string, number> = {}): Counts {
  const c = tally(records, { ...relationThresholds, [kind]: threshold })[kind];
  return { gold: c.gold, right: c.right, linked: c.linked, linkedRight: c.linkedRight };
}

/** The sets a threshold must hold the target on: each cross-validated group alone, the fresh halves pooled. */
export interface Guarded {
  cv: RecordSet[];
  fresh: RecordSet[];
}

/** The thresholds a search may choose: 0, 0.05, …, 0.95, and 1.01 (never link). */
export const THRESHOLD_STEPS: readonly number[] = [...Array.from({ length: 20 }, (_, i) => i / 20), 1.01];

/** Chosen thresholds: one per kind (for a link the rules agree with), and per kind and relation ("he/she|against"). */
export interface ChosenThresholds {
  thresholds: Record<LinkKind, number>;
  relationThresholds: Record<string, number>;
}

/**
 * Per kind, the thresholds (one for each relation to the rules' choice: agree, against, alone; model.ts RulesRelation)
 * with the most right links (cross-validated all genres plus the fresh halves) among those whose links keep `precision`
 * on every cross-validated group and on the fresh halves pooled (guard 'pooled') or on each fresh half (guard 'each');
 * ties go to the higher thresholds. A kind with no scored
 * link: 1.01, never link. Records without a traced relation count as "agree".
 */
export function chooseReadableThresholds(sets: Guarded, precision: number, guard: 'pooled' | 'each' = 'pooled', steps: readonly number[] = THRESHOLD_STEPS): ChosenThresholds {
  const thresholds = {} as Record<LinkKind, number>;
  const relationThresholds: Record<string, number> = {};
  const fresh = guard === 'each' ? sets.fresh.map((s) => s.records) : [sets.fresh.flatMap((s) => s.records)];
  const guarded = [...sets.cv.map((s) => s.records), ...fresh];
  // right links are counted on GUM all genres (the widest cross-validated group, the last of sets.cv) and the fresh halves
  const widest = sets.cv.length - 1;
  const n = steps.length;
  for (const kind of LINK_KINDS) {
    // per guarded set: the unscored links (always kept) and, per relation and step, what the scored ones add
    const tables = guarded.map((records) => {
      const fixed = { right: 0, linked: 0, linkedRight: 0 };
      const add = RULES_RELATIONS.map(() => Array.from({ length: n }, () => ({ right: 0, linked: 0, linkedRight: 0 })));
      for (const r of records) {
        if (r.kind !== kind || r.linked === null) continue;
        const cells = r.score === undefined ? [fixed] : add[RULES_RELATIONS.indexOf(r.relation ?? 'agree')].filter((_, k) => r.score! >= steps[k]);
        for (const c of cells) {
          if (r.what === 'gold') c.right += r.right ? 1 : 0;
          else {
            c.linked++;
            c.linkedRight += r.right ? 1 : 0;
          }
        }
      }
      return { fixed, add };
    });
    const scored = tables.some((t) => t.add.some((rel) => rel[0].linked > 0));
    let best = [n - 1, n - 1, n - 1];
    let bestRight = -1;
    let bestLinks = Infinity;
    if (scored) {
      // (from the highest thresholds down: among equals the first found, the most cautious, stays)
      for (let i = n - 1; i >= 0; i--) for (let j = n - 1; j >= 0; j--) for (let k = n - 1; k >= 0; k--) {
        const pick = [i, j, k];
        let ok = true;
        let right = 0;
        let links = 0;
        tables.forEach((t, s) => {
          let linked = t.fixed.linked;
          let linkedRight = t.fixed.linkedRight;
          let r = t.fixed.right;
          pick.forEach((p, rel) => {
            const c = t.add[rel][p];
            linked += c.linked;
            linkedRight += c.linkedRight;
            r += c.right;
          });
          if (linked && linkedRight / linked < precision) ok = false;
          if (s >= widest) {
            right += r;
            links += linked;
          }
        });
        if (ok && (right > bestRight || (right === bestRight && links < bestLinks))) {
          bestRight = right;
          bestLinks = links;
          best = pick;
        }
      }
    }
    thresholds[kind] = steps[best[0]];
    RULES_RELATIONS.forEach((rel, r) => {
      if (rel !== 'agree') relationThresholds[`${kind}|${rel}`] = steps[best[r]];
    });
  }
  return { thresholds, relationThresholds };
}

/**
 * A table per threshold: each set's accuracy / precision (links) for one kind and the right links in sum, the threshold
 * of links of one relation to the rules varied (all of them when `relation` is absent), the others at `fixed`.
 */
export function thresholdTable(sets: readonly RecordSet[], kind: LinkKind, grid: readonly number[], relation?: RulesRelation, fixed: Record<string, number> = {}): string {
  const ratio = (n: number, d: number) => (d ? (n / d).toFixed(2) : '—');
  const lines = [`${kind}${relation ? ` (${relation} the rules)` : ''}: threshold | ${sets.map((s) => s.name).join(' | ')} | right in sum`];
  for (const t of grid) {
    let right = 0;
    const at: Record<string, number> = relation ? { ...fixed, [relation === 'agree' ? kind : `${kind}|${relation}`]: t } : { [kind]: t };
    const cells = sets.map((s) => {
      const c = tally(s.records, at)[kind];
      right += c.right;
      return `${ratio(c.right, c.gold)} / ${ratio(c.linkedRight, c.linked)} (${c.linked})`;
    });
    lines.push(`  ${t.toFixed(2)} | ${cells.join(' | ')} | ${right}`);
  }
  return lines.join('\n');
}

/** Thresholds 0.00–0.95 in steps of 0.05 and 1.01 (never link), with the chosen ones in their place. */
export function thresholdGrid(chosen: number[]): number[] {
  const grid = [...THRESHOLD_STEPS, ...chosen];
  return [...new Set(grid.map((x) => Math.round(x * 1000) / 1000))].sort((a, b) => a - b);
}
