/**
 * Word-cluster features for the tagger and parser: the Brown-cluster path prefixes (4, 6, 10
 * and 20 bits; Koo, Carreras & Collins 2008) of every word of a sentence. The clusters a model
 * was trained with travel inside its model file (as a sorted "word<TAB>cluster" table), so a
 * retrained models/representations/ never silently changes what a shipped parser sees.
 */
import type { Lexeme } from './features.js';
import { SortedTable } from './model-io.js';
import { BrownClusters, PREFIX_LENGTHS } from './representations.js';

/** Prefix ids per word: PREFIX_LENGTHS.length of them, in that order. */
export const CLUSTER_STRIDE = PREFIX_LENGTHS.length;

/** The clusters as a model header stores them. */
export interface ClusterHeader {
  /** sha256 of the brown.tsv.gz they came from */
  sha256: string;
  paths: string[];
  /** SortedTable text: one "word<TAB>cluster id" line per word */
  table: string;
}

export class WordClusters {
  constructor(readonly brown: BrownClusters) {}

  static fromHeader(h: ClusterHeader): WordClusters {
    const brown = new BrownClusters({ table: new SortedTable(h.table), paths: h.paths });
    brown.sha256 = h.sha256;
    return new WordClusters(brown);
  }

  header(): ClusterHeader {
    const { table, paths } = this.brown.readyForm();
    return { sha256: this.brown.sha256, paths: [...paths], table };
  }

  /** Prefix ids of every word (CLUSTER_STRIDE per word; 0 = no cluster). */
  of(lex: readonly Lexeme[]): Int32Array {
    const out = new Int32Array(lex.length * CLUSTER_STRIDE);
    const brown = this.brown;
    for (let i = 0; i < lex.length; i++) {
      const c = brown.clusterOf(lex[i].norm);
      if (c < 0) continue;
      for (let k = 0; k < CLUSTER_STRIDE; k++) out[i * CLUSTER_STRIDE + k] = brown.prefix(c, k);
    }
    return out;
  }
}
