import { extract } from '../src/extract.js';
import type { Result } from '../src/output/schema.js';

export function run(text: string, published: string | null = '2024-03-10'): Result {
  return extract({ id: 't', text, published });
}

/** The entity (if any) whose name or one of whose mentions equals `text`. */
export function entity(r: Result, text: string) {
  const t = text.toLowerCase();
  return r.entities.find((e) => e.name.toLowerCase() === t || e.mentions.some((m) => m.text.toLowerCase() === t));
}

export function nameOf(r: Result, id: string | null): string | null {
  return id ? r.entities.find((e) => e.id === id)?.name ?? null : null;
}
