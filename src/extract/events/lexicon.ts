/**
 * The event lexicon: PETRARCH2's CAMEO 2.0 verb patterns (MIT, © 2015 Open Event Data
 * Alliance) plus Chronicle's supplement, and PLOVER's CAMEO→PLOVER table (CC BY-SA 4.0,
 * © 2021 Open Event Data Alliance). Compiled once by `npm run build:events-lexicon`
 * (train/events-lexicon.ts) into models/events/cameo-lexicon.json, which ships with the code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseVerbDictionary, type VerbLexicon, type VerbEntry, type VerbPattern } from './petrarch.js';
import { parseCameoToPlover, type CameoToPlover } from './plover.js';
import { SUPPLEMENT_VERBS } from './supplement.js';

export interface CompiledLexicon {
  about: string;
  verbs: VerbLexicon;
  plover: CameoToPlover;
}

export interface EventLexicon extends CompiledLexicon {
  /** synset name → set of single words (fast membership); multi-word phrases stay in verbs.synsets */
  synsetWords: Record<string, Set<string>>;
}

export const LEXICON_ATTRIBUTION =
  'Verb patterns: PETRARCH2 CAMEO.2.0.txt, Copyright (c) 2015 Open Event Data Alliance, MIT License. ' +
  'CAMEO to PLOVER table: PLOVER CAMEO2PLOVER-2021.txt (manual draft 0.8), Copyright (c) 2021 Open Event Data Alliance, ' +
  'CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); parsed into JSON, unchanged in content. ' +
  'Chronicle supplement: src/extract/events/supplement.ts.';

/** Append `extra`'s blocks and entries to `base`; `extra`'s entries for a verb come first. */
export function mergeVerbLexicons(base: VerbLexicon, extra: VerbLexicon): VerbLexicon {
  const offset = base.blocks.length;
  const verbs: Record<string, VerbEntry[]> = {};
  for (const [k, v] of Object.entries(base.verbs)) verbs[k] = v.slice();
  for (const [k, v] of Object.entries(extra.verbs)) {
    verbs[k] = [...v.map((e) => ({ ...e, block: e.block + offset })), ...(verbs[k] ?? [])];
  }
  return {
    verbs,
    forms: { ...extra.forms, ...base.forms },
    blocks: [...base.blocks, ...extra.blocks],
    synsets: { ...base.synsets, ...extra.synsets },
  };
}

export function compileLexicon(verbDictionary: string, cameoToPlover: string, about = LEXICON_ATTRIBUTION): CompiledLexicon {
  return { about, verbs: parseVerbDictionary(verbDictionary), plover: parseCameoToPlover(cameoToPlover) };
}

/** Add the run-time indexes (synset word sets) and the supplement to a compiled lexicon. */
export function prepareLexicon(compiled: CompiledLexicon, withSupplement = true): EventLexicon {
  const verbs = withSupplement ? mergeVerbLexicons(compiled.verbs, parseVerbDictionary(SUPPLEMENT_VERBS)) : compiled.verbs;
  const synsetWords: Record<string, Set<string>> = {};
  for (const [name, phrases] of Object.entries(verbs.synsets)) {
    const set = new Set<string>();
    for (const p of phrases) {
      if (p.length !== 1) continue;
      set.add(p[0]);
      // PETRARCH generates regular plurals for synset members
      const w = p[0];
      set.add(/Y$/.test(w) ? w.slice(0, -1) + 'IES' : /SS$/.test(w) ? w + 'ES' : w + 'S');
    }
    synsetWords[name] = set;
  }
  // patterns are tried most specific first
  for (const b of verbs.blocks) b.patterns.sort((x: VerbPattern, y: VerbPattern) => y.weight - x.weight);
  return { ...compiled, verbs, synsetWords };
}

/** Where the compiled lexicon lives: models/events/ at the repository root. */
export function lexiconPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'models', 'events', 'cameo-lexicon.json');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error('events: models/events/cameo-lexicon.json not found (run `npm run build:events-lexicon`)');
}

let shared: EventLexicon | null = null;

/** The default lexicon (CAMEO 2.0 + supplement + PLOVER table), loaded once. */
export function defaultLexicon(): EventLexicon {
  shared ??= prepareLexicon(JSON.parse(readFileSync(lexiconPath(), 'utf8')) as CompiledLexicon);
  return shared;
}
