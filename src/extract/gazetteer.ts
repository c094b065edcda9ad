/** The committed name gazetteer (models/gazetteer), loaded once per process. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntityType } from '../doc.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
export const GAZETTEER_PATH = join(ROOT, 'models/gazetteer/gazetteer.json');

export interface Gazetteer {
  /** lower-cased name (words joined by one space) → type */
  names: Map<string, EntityType>;
  /** longest name in words, to bound lookups */
  maxWords: number;
  given: Set<string>;
}

let loaded: Gazetteer | null = null;

/** Priority when a name is listed under several types: a place or nationality beats a namesake actor. */
const ORDER: [string, EntityType][] = [['ORG', 'ORG'], ['PERSON', 'PERSON'], ['LOC', 'LOC'], ['GPE', 'GPE'], ['NORP', 'NORP']];

export function gazetteer(): Gazetteer {
  if (loaded) return loaded;
  const raw = JSON.parse(readFileSync(GAZETTEER_PATH, 'utf8')) as Record<string, string[]>;
  const names = new Map<string, EntityType>();
  let maxWords = 1;
  for (const [key, type] of ORDER) {
    for (const n of raw[key] ?? []) {
      names.set(n, type);
      const w = n.split(' ').length;
      if (w > maxWords) maxWords = w;
    }
  }
  loaded = { names, maxWords: Math.min(maxWords, 6), given: new Set(raw.given ?? []) };
  return loaded;
}

/** Normalised lookup key for a run of token texts. */
export function nameKey(words: string[]): string {
  return words.join(' ').toLowerCase().replace(/[’‘]/g, "'");
}
