/**
 * The event lexicon: PETRARCH2's CAMEO 2.0 verb patterns (MIT, © 2015 Open Event Data
 * Alliance) plus Chronicle's supplement, and PLOVER's CAMEO→PLOVER table (CC BY-SA 4.0,
 * © 2021 Open Event Data Alliance). Compiled once by `npm run build:events-lexicon`
 * (train/events-lexicon.ts) into models/events/cameo-lexicon.json, which ships with the code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { parseVerbDictionary, type VerbBlock, type VerbLexicon, type VerbEntry, type VerbPattern } from './petrarch.js';
import { readyModel } from '../../nlp/model-io.js';
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
  const synsetWords = synsetWordsOf(verbs.synsets);
  // patterns are tried most specific first
  for (const b of verbs.blocks) b.patterns.sort((x: VerbPattern, y: VerbPattern) => y.weight - x.weight);
  return { ...compiled, verbs, synsetWords };
}

/** Synset name → its single words, with the regular plurals PETRARCH generates. */
function synsetWordsOf(synsets: VerbLexicon['synsets']): Record<string, Set<string>> {
  const synsetWords: Record<string, Set<string>> = {};
  for (const [name, phrases] of Object.entries(synsets)) {
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
  return synsetWords;
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

/**
 * What the load-ready lexicon is made by: the parser, the merge and the supplement are code, so
 * their compiled modules' bytes stamp it (an edit to any of them rebuilds it).
 */
function builderStamp(): string {
  const hash = createHash('sha1');
  try {
    for (const m of ['./lexicon.js', './petrarch.js', './supplement.js']) hash.update(readFileSync(fileURLToPath(new URL(m, import.meta.url))));
  } catch {
    // modules not readable as files (a bundle): a stamp no file carries, so the lexicon is built afresh
    return `event lexicon 2, builder unknown ${process.pid} ${performance.now()}`;
  }
  return `event lexicon 2, builder ${hash.digest('hex')}`;
}

/**
 * The default lexicon in its load-ready form (cameo-lexicon.json.ready.bin, built at `npm install`
 * or on first use): the prepared lexicon (supplement merged, patterns sorted) with its ~400
 * pattern blocks kept as JSON texts, each parsed the first time the coder asks for it — a few
 * blocks for a short document, instead of parsing 420 KB of JSON and the supplement at every start.
 */
function readyLexicon(): EventLexicon {
  const { file } = readyModel(
    lexiconPath(),
    (json) => {
      const lex = prepareLexicon(JSON.parse(json.toString('utf8')) as CompiledLexicon);
      const texts = lex.verbs.blocks.map((b) => JSON.stringify(b));
      const ends = new Uint32Array(texts.length);
      let at = 0;
      texts.forEach((t, i) => (ends[i] = at += t.length));
      const { blocks: _blocks, ...verbs } = lex.verbs;
      const all = texts.join('');
      // one byte a character when the text is ASCII (it is: CAMEO words and codes), else UTF-16 units (exact for any text)
      const encoding = /^[\x00-\x7f]*$/.test(all) ? 'latin1' : 'utf16le';
      return { header: { about: lex.about, plover: lex.plover, verbs, encoding }, arrays: { blocks: Buffer.from(all, encoding), blockEnds: ends } };
    },
    { version: builderStamp(), stamp: 'stat' },
  );
  const h = file.header as { about: string; plover: CameoToPlover; verbs: Omit<VerbLexicon, 'blocks'>; encoding: 'latin1' | 'utf16le' };
  const raw = file.arrays.blocks as Uint8Array;
  const text = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString(h.encoding);
  const ends = file.arrays.blockEnds as Uint32Array;
  const parsed = new Array<VerbBlock>(ends.length);
  // an array whose blocks are parsed as they are read (the coder reads blocks[entry.block]; iterating reads them all)
  const blocks = new Proxy(parsed, {
    get(target, prop, receiver) {
      if (typeof prop === 'string') {
        const i = prop.length < 10 ? Number(prop) : NaN;
        if (Number.isInteger(i) && i >= 0 && i < ends.length && String(i) === prop) {
          return (target[i] ??= JSON.parse(text.slice(i === 0 ? 0 : ends[i - 1], ends[i])) as VerbBlock);
        }
      }
      return Reflect.get(target, prop, receiver);
    },
  });
  return { about: h.about, plover: h.plover, verbs: { ...h.verbs, blocks }, synsetWords: synsetWordsOf(h.verbs.synsets) };
}

/** The default lexicon (CAMEO 2.0 + supplement + PLOVER table), loaded once. */
export function defaultLexicon(): EventLexicon {
  shared ??= readyLexicon();
  return shared;
}
