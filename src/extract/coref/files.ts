import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
