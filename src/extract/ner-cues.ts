/**
 * Cue profiles (train/ner-cues.ts, models/ner/cues.tsv.gz): for a capitalised run of unlabelled
 * prose, lower-cased, how often it stood in a context that only one class of name takes ("X's
 * chief executive", "shares of X", "X, a … company", "X Inc." for organisations; "Mr. X", "X, who"
 * for persons; "born in X", "X, a city" for places) and the share of each class among those cues.
 * Distant supervision with no tagger in the loop: the recogniser's own confusions are not in it.
 * Lines "key\tn\tper\torg\tplace\tother" (n cues, then percentages), load-ready like the lexicon.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MODEL_FILES, loadTypeProfiles } from './ner-model.js';
import type { TypeProfiles } from './ner-features.js';

/**
 * An organisation needs this many cues and this share of them (percent). Chosen before measuring
 * and kept: ≥ 3 cues fired on the same names in cross-validation.
 */
const MIN_CUES = 5;
const MIN_ORG_SHARE = 80;

/**
 * The cue file: $CHRONICLE_NER_CUES, else models/ner/cues.tsv.gz of this repository (not of
 * $CHRONICLE_NER_MODEL: the file comes from unlabelled text alone, whatever weights run beside it).
 */
export function cuesPath(): string {
  return process.env.CHRONICLE_NER_CUES || fileURLToPath(new URL(`../../../models/ner/${MODEL_FILES.cues}`, import.meta.url));
}

let table: TypeProfiles | null | undefined;
/** The cue profiles (null when the file is missing: the rule then has nothing to say). */
export function cueProfiles(): TypeProfiles | null {
  if (table === undefined) table = existsSync(cuesPath()) ? loadTypeProfiles(cuesPath()) : null;
  return table;
}

/** Whether the prose's cues make this run of words (as written) an organisation. */
export function cueOrganisation(words: string[]): boolean {
  const v = cueProfiles()?.get(words.join(' ').toLowerCase());
  if (v === undefined) return false;
  const f = v.split('\t');
  return Number(f[0]) >= MIN_CUES && Number(f[2]) >= MIN_ORG_SHARE;
}
