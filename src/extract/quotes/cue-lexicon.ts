/**
 * The attribution-frame list (lexicon/en/attribution-frames.tsv), read once. A stop-gap until the
 * shared lexicon module (src/lexicon) is on main; then this file asks it instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Frame } from './cues.js';

let table: Map<string, ReadonlySet<Frame>> | null = null;

function load(): Map<string, ReadonlySet<Frame>> {
  let dir = dirname(fileURLToPath(import.meta.url));
  let file = '';
  for (let i = 0; i < 7 && !file; i++) {
    const candidate = join(dir, 'lexicon', 'en', 'attribution-frames.tsv');
    if (existsSync(candidate)) file = candidate;
    dir = resolve(dir, '..');
  }
  if (!file) throw new Error('lexicon/en/attribution-frames.tsv not found');
  const out = new Map<string, ReadonlySet<Frame>>();
  let header = true;
  for (const [n, line] of readFileSync(file, 'utf8').split(/\r?\n/).entries()) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (header) { header = false; continue; }
    const [word, frames] = line.split('\t');
    if (!word || !frames) throw new Error(`attribution-frames.tsv:${n + 1}: expected word<TAB>frames`);
    out.set(word.toLowerCase(), new Set(frames.split(',').map((f) => f.trim()) as Frame[]));
  }
  return out;
}

/** The frames of a cue verb lemma, or undefined when it is no cue. */
export function cueFrames(lemma: string): ReadonlySet<Frame> | undefined {
  table ??= load();
  return table.get(lemma);
}
