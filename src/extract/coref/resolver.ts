/**
 * Mention ranking, in text order. Each name joins its entity's cluster, each other noun phrase
 * starts a cluster of its own, and each third-person pronoun and definite description chooses
 * among the clusters mentioned before it (within a few sentences; a description also reaches every
 * named entity mentioned before) or none. The chooser is the trained model at run time and an
 * oracle that records training instances at training time, so both see the same candidates.
 */
import type { Cluster } from './clusters.js';
import { join, newCluster } from './clusters.js';
import { governingSubject, nullFeatures, pairFeatures } from './features.js';
import type { DocView, Markable } from './markables.js';

/** Sentences back a pronoun (and a description's unnamed candidates) may reach. */
export const SENTENCE_WINDOW = 4;
/** Bounds that keep the search linear on long documents. */
const MAX_WALK = 600;
const MAX_CANDIDATES = 40;

export interface RankingInstance {
  anaphor: Markable;
  /** candidate clusters, most recently mentioned first */
  candidates: Cluster[];
  features: string[][];
  nullFeatures: string[];
}

/** The chosen candidate (index, -1 for none) and how probable the choice is. */
export interface Choice {
  choice: number;
  probability: number;
}

export interface Resolution {
  anaphor: Markable;
  /** the cluster it joined (null: it starts its own) */
  cluster: Cluster | null;
  probability: number;
}

export function candidatesOf(view: DocView, markables: Markable[], clusterOf: (Cluster | undefined)[], a: Markable): Cluster[] {
  const out: Cluster[] = [];
  const seen = new Set<Cluster>();
  const description = a.kind === 'description';
  for (let k = a.index - 1, walked = 0; k >= 0 && walked < MAX_WALK && out.length < MAX_CANDIDATES; k--, walked++) {
    const m = markables[k];
    const c = clusterOf[k];
    if (!c || seen.has(c)) continue;
    const near = a.sentence - m.sentence <= SENTENCE_WINDOW;
    if (!near && !(description && c.entity)) {
      if (!description) break;
      continue;
    }
    seen.add(c);
    // a byline's or a picture credit's name is not what the story's pronouns refer to
    if (c.mentions.every((x) => x.credit)) continue;
    // the phrase that holds the anaphor is not its antecedent ("his mother": mother is not his)
    if (view.tokens[a.head].head === m.head && a.sentence === m.sentence && m.head > a.head) continue;
    out.push(c);
  }
  return out;
}

export function resolveMarkables(view: DocView, markables: Markable[], choose: (inst: RankingInstance) => Choice, onCluster?: (c: Cluster, first: Markable) => void): { clusters: Cluster[]; resolutions: Resolution[] } {
  const clusters: Cluster[] = [];
  const clusterOf: (Cluster | undefined)[] = new Array(markables.length);
  const byEntity = new Map<string, Cluster>();
  const resolutions: Resolution[] = [];
  const start = (m: Markable): Cluster => {
    const c = newCluster(clusters.length, m, view);
    clusters.push(c);
    onCluster?.(c, m);
    return c;
  };
  for (const m of markables) {
    let c: Cluster | undefined;
    if (m.entity) {
      c = byEntity.get(m.entity.id);
      if (!c) byEntity.set(m.entity.id, (c = start(m)));
    } else if (m.kind === 'pronoun' || m.kind === 'description') {
      const candidates = candidatesOf(view, markables, clusterOf, m);
      const governing = m.kind === 'pronoun' ? governingSubject(view, m.head) : -1;
      const features = candidates.map((x, rank) => pairFeatures(view, m, x, { rank, governing }));
      const persons = candidates.reduce((n, x) => n + (x.person ? 1 : 0), 0);
      const inst: RankingInstance = { anaphor: m, candidates, features, nullFeatures: nullFeatures(view, m, candidates.length, persons) };
      const { choice, probability } = choose(inst);
      c = choice >= 0 ? candidates[choice] : undefined;
      resolutions.push({ anaphor: m, cluster: c ?? null, probability });
      c ??= start(m);
    } else c = start(m);
    join(c, m);
    clusterOf[m.index] = c;
  }
  return { clusters, resolutions };
}
