/**
 * "its"/"their" inside the phrase of a noun that a name possesses: "Georgia's territorial integrity and its
 * independence", "Iraq's preparations for their referendum". A pronoun inside a noun's phrase cannot stand for that
 * noun (the phrase would hold itself), so the nearest candidate is the noun's named possessor.
 */
import type { Doc, Entity } from '../../doc.js';
import { defineRule } from '../../rules/registry.js';
import { itByKind } from './kinds.js';
import { placeKinds } from './places.js';

export const possessorPhraseRule = defineRule({
  id: 'coref.its-possessor-phrase',
  stage: 'coref',
  action: 'label',
  summary: '"its"/"their" inside the phrase of a noun a named organisation or place possesses ("Portugal\'s territorial integrity and its independence", "Norvalia\'s preparations for their referendum") is that possessor: the pronoun cannot be the noun whose phrase holds it; climbs only through nominal relations (nmod, conj, appos), not past another organisation or place, nor (for "their") another plural noun',
  fires: ['The envoy said that Portugal\'s territorial integrity and its independence must be respected.'],
  spares: ['The envoy said that Portugal\'s new ships and the harbour of Brightwater Bank and its docks must be respected.'],
  source: 'src/extract/coref/pronouns-possessor.ts',
});

const IT_TYPES = new Set(['ORG', 'GPE', 'LOC', 'FAC']);
const NOMINAL = new Set(['nmod', 'conj', 'appos']);

/** For its/their at i: the named possessor of a noun whose phrase holds it; else -1. */
export function possessorPhraseSubject(doc: Doc, owners: readonly (Entity | undefined)[], i: number): number {
  if (!possessorPhraseRule.enabled) return -1;
  const toks = doc.tokens;
  const w = toks[i].text.toLowerCase();
  if ((w !== 'its' && w !== 'their') || toks[i].deprel !== 'nmod:poss') return -1;
  const deps = doc.dependents();
  const path = new Set<number>();
  let n = toks[i].head ?? -1;
  for (let up = 0; n >= 0 && up < 4; up++) {
    path.add(n);
    for (const c of deps[n]) {
      if (c === i || c > i || toks[c].deprel !== 'nmod:poss' || !owners[c]) continue;
      const e = owners[c]!;
      if (owners[n] === e) return -1;
      const fits = w === 'its' ? IT_TYPES.has(e.type) || itByKind(doc, e) : e.type === 'ORG' || e.type === 'NORP' || (e.type === 'GPE' && placeKinds(e).has('country'));
      if (!fits) return -1;
      for (let k = c + 1; k < i; k++) {
        // another organisation or place between is as likely; for "their", a plural noun not on the way up
        if (owners[k] && owners[k] !== e && owners[k]!.type !== 'PERSON') return -1;
        if (w === 'their' && !owners[k] && !path.has(k) && (toks[k].xpos === 'NNS' || toks[k].xpos === 'NNPS')) return -1;
      }
      return c;
    }
    if (!NOMINAL.has((toks[n].deprel ?? '').split(':')[0])) return -1;
    const h = toks[n].head ?? -1;
    if (h < 0 || (toks[h].upos !== 'NOUN' && toks[h].upos !== 'PROPN')) return -1;
    n = h;
  }
  return -1;
}
