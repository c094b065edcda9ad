/** What the coreference tests ask of a document: which entity a pronoun or description at some words was linked to. */
import assert from 'node:assert/strict';
import { extractDoc } from '../../src/extract.js';
import type { Doc } from '../../src/doc.js';
import { withoutRules } from '../../src/rules/registry.js';

export const doc = (text: string): Doc => extractDoc({ id: 't', text, published: '2025-03-01' });

/** The name of the entity a non-name mention starting at the n-th occurrence of `words` belongs to ('' when none). */
export function linkOf(d: Doc, words: string, nth = 0): string {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = d.text.indexOf(words, at + 1);
  assert.ok(at >= 0, `"${words}" not in the text`);
  for (const e of d.entities) if (e.mentions.some((m) => m.start === at && m.kind !== 'name')) return e.name;
  return '';
}

/** linkOf with one rule (or several) switched off. */
export function linkWithout(rule: string | string[], text: string, words: string): string {
  const restore = withoutRules(Array.isArray(rule) ? rule : [rule]);
  try {
    return linkOf(doc(text), words);
  } finally {
    restore();
  }
}
