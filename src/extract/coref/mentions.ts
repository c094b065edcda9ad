/**
 * The small helpers every coreference rule module shares: a token's lower-cased text, which entity owns each token, and
 * adding a pronoun or description mention to an entity with its rule's calibrated confidence.
 */
import type { Doc, Entity, Mention, Token } from '../../doc.js';
import { linkFields } from './confidence.js';

export function lw(t: Token | undefined): string {
  return t ? t.text.toLowerCase() : '';
}

/** The mention's head token (-1 when no token lies in it). */
export function mentionHead(doc: Doc, m: Mention): number {
  const first = doc.tokenAt(m.start);
  let last = first - 1;
  while (last + 1 < doc.tokens.length && doc.tokens[last + 1].start < m.end) last++;
  return last < first ? -1 : doc.spanHead(first, last);
}

/** Map each token index to the entity whose mention covers it. */
export function tokenOwners(doc: Doc): (Entity | undefined)[] {
  const owners: (Entity | undefined)[] = new Array(doc.tokens.length);
  for (const e of doc.entities) {
    for (const m of e.mentions) {
      for (let i = doc.tokenAt(m.start); i < doc.tokens.length && doc.tokens[i].start < m.end; i++) owners[i] = e;
    }
  }
  return owners;
}

/** Add a nominal mention unless its tokens already belong to a name or another nominal (`covered`). */
export function addMention(doc: Doc, e: Entity, start: number, end: number, kind: Mention['kind'], covered: Uint8Array, basis: string): void {
  const first = doc.tokenAt(start);
  let last = first;
  for (let i = first; i < doc.tokens.length && doc.tokens[i].start < end; i++) {
    if (covered[i]) return;
    last = i;
  }
  for (let i = first; i <= last; i++) covered[i] = 2;
  e.mentions.push({ start, end, text: doc.text.slice(start, end), kind, type: e.type, entity: e.id, source: 'coref', ...linkFields(basis) });
}
