/**
 * Which NLP model file a process uses, kept apart from the model code (nlp-model.ts) so that the
 * thread that only starts extraction workers (the pool) can tell which load-ready files they will read.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MODEL_FILE = 'nlp-en.bin.gz';
/**
 * The accurate model (issue 19 round five: EWT dev LAS 81.53 → 82.78, test 81.85 → 83.21, tag + parse
 * ~1.5× the CPU): opt-in with `--accurate` or CHRONICLE_ACCURATE=1; `npm run train -- --accurate` makes it.
 */
export const ACCURATE_MODEL_FILE = 'nlp-en-accurate.bin.gz';
/**
 * The accurate configuration with its parser trained and decoded with beam search (beam.ts; issue 19
 * round nine, docs/nlp.md): opt-in with `--beam` or CHRONICLE_BEAM=1; `npm run train -- --accurate --beam 8` makes it.
 * Its file holds the parser only: the tagger, lemmatizer and clusters are read from the accurate model's file
 * (header.shared; round eleven).
 */
export const BEAM_MODEL_FILE = 'nlp-en-beam.bin.gz';

/** models/ of this checkout: searched upwards from this module (works from src/ and dist/src/). */
export function modelsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'models');
    if (existsSync(join(candidate, MODEL_FILE))) return candidate;
    dir = resolve(dir, '..');
  }
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../../models');
}

/** Whether the accurate model is asked for (CHRONICLE_ACCURATE=1; the CLI's --accurate sets it, so worker threads inherit it). */
export function accurateMode(): boolean {
  return process.env.CHRONICLE_ACCURATE === '1';
}

/** Asks for the accurate model in this process and the workers it starts (before the model is first loaded). */
export function useAccurateModel(): void {
  process.env.CHRONICLE_ACCURATE = '1';
}

/** Whether the beam-search model is asked for (CHRONICLE_BEAM=1; the CLI's --beam sets it, so worker threads inherit it). */
export function beamMode(): boolean {
  return process.env.CHRONICLE_BEAM === '1';
}

/** Asks for the beam-search model in this process and the workers it starts (before the model is first loaded). */
export function useBeamModel(): void {
  process.env.CHRONICLE_BEAM = '1';
}

/** CHRONICLE_NLP_MODEL, else the beam-search model when asked for (beamMode), else the accurate model when asked for (accurateMode), else the default one. */
export function defaultModelPath(): string {
  return process.env.CHRONICLE_NLP_MODEL ?? join(modelsDir(), beamMode() ? BEAM_MODEL_FILE : accurateMode() ? ACCURATE_MODEL_FILE : MODEL_FILE);
}
