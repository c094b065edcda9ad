/**
 * The standard coreference metrics — MUC (Vilain et al. 1995), B³ (Bagga & Baldwin 1998), CEAF-e
 * (Luo 2005, entity similarity φ4) and their mean, the CoNLL score — computed as the CoNLL-2012
 * reference scorer does with predicted mentions (Pradhan et al. 2014): a system mention the key does
 * not hold counts against precision, a key mention the system misses against recall, and numerators
 * and denominators are summed over documents before dividing. Singleton clusters are left out of
 * both sides, as in CoNLL-2012.
 *
 * What is compared (train/coref-score.ts aligns the mentions):
 *  - key: GUM's coreference chains of named people, organisations and places (a group with a
 *    proper-name mention), every mention of them (names, pronouns, descriptions …);
 *  - response: our entities of type PERSON, ORG, GPE, LOC and FAC with every mention the pipeline
 *    gives them. A system mention is the gold mention it aligns with (head inside, most overlap),
 *    otherwise a mention of its own.
 * Chains of unnamed things ("the plan … it") are outside both: Chronicle records named entities.
 */
import type { Doc } from '../src/doc.js';
import type { GoldDoc } from './coref-data.js';
import { GoldIndex, rankerScore, systemKind, type ScoredKind } from './coref-score.js';

/** One mention of our output, with what the thresholding needs. */
export interface SystemMention {
  entity: string;
  start: number;
  end: number;
  kind: ScoredKind | null;
  score?: number;
}

const RESPONSE_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'LOC', 'FAC']);

export function systemMentions(doc: Doc): SystemMention[] {
  const out: SystemMention[] = [];
  for (const e of doc.entities) {
    if (!RESPONSE_TYPES.has(e.type)) continue;
    for (const m of e.mentions) out.push({ entity: e.id, start: m.start, end: m.end, kind: m.kind === 'name' ? null : systemKind(m), score: rankerScore(m) });
  }
  return out;
}

export interface Ratio { num: number; den: number }
export interface PR { recall: Ratio; precision: Ratio }
export interface ClusterCounts { muc: PR; b3: PR; ceafe: PR }

const pr = (): PR => ({ recall: { num: 0, den: 0 }, precision: { num: 0, den: 0 } });
export function emptyClusterCounts(): ClusterCounts {
  return { muc: pr(), b3: pr(), ceafe: pr() };
}

export function addClusterCounts(into: ClusterCounts, from: ClusterCounts): void {
  for (const k of ['muc', 'b3', 'ceafe'] as const) {
    for (const s of ['recall', 'precision'] as const) {
      into[k][s].num += from[k][s].num;
      into[k][s].den += from[k][s].den;
    }
  }
}

type Clusters = string[][];

/** MUC from one side: Σ(|K| − partitions of K by the other side) / Σ(|K| − 1). */
function muc(key: Clusters, response: Clusters): Ratio {
  const where = new Map<string, number>();
  response.forEach((c, i) => c.forEach((m) => where.set(m, i)));
  let num = 0;
  let den = 0;
  for (const k of key) {
    const parts = new Set<string>();
    for (const m of k) parts.add(where.has(m) ? `r${where.get(m)}` : `m${m}`);
    num += k.length - parts.size;
    den += k.length - 1;
  }
  return { num, den };
}

/** B³ from one side: Σ over K, R of |K∩R|² / |K|, over Σ|K|. */
function b3(key: Clusters, response: Clusters): Ratio {
  const where = new Map<string, number>();
  response.forEach((c, i) => c.forEach((m) => where.set(m, i)));
  let num = 0;
  let den = 0;
  for (const k of key) {
    const overlap = new Map<number, number>();
    for (const m of k) {
      const r = where.get(m);
      if (r !== undefined) overlap.set(r, (overlap.get(r) ?? 0) + 1);
    }
    for (const n of overlap.values()) num += (n * n) / k.length;
    den += k.length;
  }
  return { num, den };
}

/**
 * The assignment of rows to columns that maximises the summed similarity (Kuhn–Munkres on costs
 * max − s, rectangular matrices padded with zeros). Returns the best total.
 */
export function bestAssignment(sim: number[][]): number {
  const rows = sim.length;
  const cols = rows ? sim[0].length : 0;
  const n = Math.max(rows, cols);
  if (n === 0) return 0;
  let max = 0;
  for (const r of sim) for (const v of r) if (v > max) max = v;
  const cost = (i: number, j: number) => max - (i < rows && j < cols ? sim[i][j] : 0);
  // Jonker-style O(n³) Hungarian algorithm with potentials (1-based arrays)
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1);
  const way = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(n + 1).fill(Infinity);
    const used = new Uint8Array(n + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
  let total = 0;
  for (let j = 1; j <= n; j++) if (p[j] >= 1 && p[j] <= rows && j <= cols) total += sim[p[j] - 1][j - 1];
  return total;
}

/** CEAF-e: the best one-to-one alignment of key and response entities under φ4 = 2|K∩R| / (|K| + |R|). */
function ceafe(key: Clusters, response: Clusters): PR {
  const sets = response.map((c) => new Set(c));
  const sim = key.map((k) => sets.map((r) => {
    let n = 0;
    for (const m of k) if (r.has(m)) n++;
    return (2 * n) / (k.length + r.size);
  }));
  const total = bestAssignment(sim);
  return { recall: { num: total, den: key.length }, precision: { num: total, den: response.length } };
}

/** Key and response clusters of one document, as mention keys (singletons dropped). */
export function clustersOf(system: readonly SystemMention[], gold: GoldDoc, keep: (m: SystemMention) => boolean = () => true): { key: Clusters; response: Clusters } {
  const keyGroups = new Map<string, string[]>();
  const id = (g: { start: number; end: number }) => `${g.start}-${g.end}`;
  for (const g of gold.mentions) {
    if (!gold.named.has(g.group)) continue;
    const list = keyGroups.get(g.group);
    if (list) list.push(id(g));
    else keyGroups.set(g.group, [id(g)]);
  }
  const index = new GoldIndex(gold.mentions);
  const taken = new Set<string>();
  const responseGroups = new Map<string, string[]>();
  for (const m of system) {
    if (!keep(m)) continue;
    const g = index.align(m.start, m.end);
    let mid = g ? id(g) : `s${m.start}-${m.end}`;
    // two of our mentions on one gold mention: the second is a mention of its own
    if (taken.has(mid)) mid = `s${m.start}-${m.end}#${m.entity}`;
    taken.add(mid);
    const list = responseGroups.get(m.entity);
    if (list) list.push(mid);
    else responseGroups.set(m.entity, [mid]);
  }
  const multi = (c: string[]) => c.length > 1;
  return { key: [...keyGroups.values()].filter(multi), response: [...responseGroups.values()].filter(multi) };
}

export function clusterCounts(key: Clusters, response: Clusters): ClusterCounts {
  return {
    muc: { recall: muc(key, response), precision: muc(response, key) },
    b3: { recall: b3(key, response), precision: b3(response, key) },
    ceafe: ceafe(key, response),
  };
}

/** A mention is kept when it is a name, a rule's link, or a link whose confidence reaches its kind's threshold. */
export function thresholdFilter(thresholds: Partial<Record<ScoredKind, number>>): (m: SystemMention) => boolean {
  return (m) => m.kind === null || m.score === undefined || m.score >= (thresholds[m.kind] ?? 0);
}

export function documentClusterCounts(system: readonly SystemMention[], gold: GoldDoc, thresholds: Partial<Record<ScoredKind, number>> = {}): ClusterCounts {
  const { key, response } = clustersOf(system, gold, thresholdFilter(thresholds));
  return clusterCounts(key, response);
}

const ratio = (r: Ratio) => (r.den ? r.num / r.den : 0);
function f1(x: PR): { r: number; p: number; f: number } {
  const r = ratio(x.recall);
  const p = ratio(x.precision);
  return { r, p, f: r + p ? (2 * r * p) / (r + p) : 0 };
}

export function conllScores(c: ClusterCounts): { muc: ReturnType<typeof f1>; b3: ReturnType<typeof f1>; ceafe: ReturnType<typeof f1>; conll: number } {
  const m = f1(c.muc);
  const b = f1(c.b3);
  const e = f1(c.ceafe);
  return { muc: m, b3: b, ceafe: e, conll: (m.f + b.f + e.f) / 3 };
}

export function formatClusterScores(c: ClusterCounts, title: string): string {
  const s = conllScores(c);
  const row = (name: string, x: { r: number; p: number; f: number }) =>
    `  ${name.padEnd(8)} ${(100 * x.r).toFixed(1).padStart(6)} ${(100 * x.p).toFixed(1).padStart(6)} ${(100 * x.f).toFixed(1).padStart(6)}`;
  return [title, `  ${'metric'.padEnd(8)} ${'R'.padStart(6)} ${'P'.padStart(6)} ${'F1'.padStart(6)}`, row('MUC', s.muc), row('B³', s.b3), row('CEAF-e', s.ceafe), `  CoNLL F1 ${(100 * s.conll).toFixed(1).padStart(20)}`].join('\n');
}
