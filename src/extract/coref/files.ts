import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** models/coref/ of this checkout, searched upwards from this module (works from src/ and dist/src/). */
export function corefModelDir(): string {
  if (process.env.CHRONICLE_COREF_MODELS) return process.env.CHRONICLE_COREF_MODELS;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 7; i++) {
    const candidate = join(dir, 'models', 'coref');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return join(process.cwd(), 'models', 'coref');
}

/** The rows of a gzipped table in models/coref/ split on tabs (none when the file is absent: the rules then go without it). */
export function corefTableRows(file: string): string[][] {
  const path = join(corefModelDir(), file);
  if (!existsSync(path)) return [];
  return gunzipSync(readFileSync(path)).toString('utf8').split('\n').map((line) => line.split('\t'));
}
