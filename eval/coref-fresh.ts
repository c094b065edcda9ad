/**
 * The fresh coreference sets' readers and listing live in train/coref-fresh.ts, so that the ranker's threshold choice
 * (train/coref-thresholds.ts, readable halves A only) can read them without a training module importing from eval/.
 */
export * from '../train/coref-fresh.js';
