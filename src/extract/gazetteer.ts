/** The committed name gazetteer (models/gazetteer), loaded once per process. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntityType } from '../doc.js';
import { KeyedTable, readyModel, TableMap, type TypedArrayAny } from '../nlp/model-io.js';

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

/** The gazetteer from its JSON (what train/gazetteer.ts writes). */
export function parseGazetteer(json: string): Gazetteer {
  const raw = JSON.parse(json) as Record<string, string[]>;
  const names = new Map<string, EntityType>();
  let maxWords = 1;
  for (const [key, type] of ORDER) {
    for (const n of raw[key] ?? []) {
      names.set(n, type);
      const w = n.split(' ').length;
      if (w > maxWords) maxWords = w;
    }
  }
  return { names, maxWords: Math.min(maxWords, 6), given: new Set(raw.given ?? []) };
}

/** What the load-ready gazetteer holds (model-io.ts readyModel): a change rebuilds it. */
const READY_VERSION = 'name gazetteer table 1';

/**
 * The committed gazetteer, loaded once per process from its load-ready form (gazetteer.json.ready.bin,
 * built at `npm install` or on first use, rebuilt when the JSON changes): the 24,000 names as a
 * sorted table searched in place as they are asked (model-io.ts TableMap), instead of a JSON parse
 * and a map built at every start.
 */
export function gazetteer(): Gazetteer {
  if (loaded) return loaded;
  const { file } = readyModel(
    GAZETTEER_PATH,
    (json) => {
      const g = parseGazetteer(json.toString('utf8'));
      const arrays: Record<string, TypedArrayAny> = {};
      KeyedTable.build(g.names).put(arrays, 'names');
      return { header: { maxWords: g.maxWords, given: [...g.given] }, arrays };
    },
    { version: READY_VERSION, readyPath: GAZETTEER_PATH + '.ready.bin', stamp: 'stat' },
  );
  const h = file.header as { maxWords: number; given: string[] };
  loaded = { names: new TableMap(KeyedTable.get(file, 'names'), (type) => type as EntityType), maxWords: h.maxWords, given: new Set(h.given) };
  return loaded;
}

/** Normalised lookup key for a run of token texts. */
export function nameKey(words: string[]): string {
  return words.join(' ').toLowerCase().replace(/[’‘]/g, "'");
}
