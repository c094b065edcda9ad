/**
 * "its" in a relative clause whose subject is the relative pronoun: the relative's noun is the clause's subject, so
 * "its" goes to it as it would to a named subject (coref.its-clause-subject): "the University of Kestrel, which urged
 * its faculty to cite one another", "the Yangtze River, which is flooding downstream while experiencing a drought near
 * its source". The clause-subject rule sees only "which", which no entity owns, and stops.
 */
import type { Doc, Entity } from '../../doc.js';
import { defineRule } from '../../rules/registry.js';
import { subjectOf } from './subjects.js';

export const itsRelativeRule = defineRule({
  id: 'coref.its-relative-subject',
  stage: 'coref',
  action: 'label',
  summary: '"its" in a relative clause (or a clause it governs that has no subject of its own) whose subject is "which"/"that" stands for the relative\'s noun when that is a named organisation or place ("the University of Kestrel, which urged its faculty …"); not past another organisation or place named between',
  fires: ['Dams on the Kestrel River, which is flooding downstream while experiencing a severe drought near its source, are at risk.'],
  spares: ['Dams on the Kestrel River, which is flooding Brightwater Bank while experiencing a drought near its source, are at risk.'],
  source: 'src/extract/coref/pronouns-relative.ts',
});

/** Clauses whose subject, when they have none, is the clause above's: open complements, adverbial clauses, verb conjuncts. */
const INHERITS = new Set(['xcomp', 'advcl', 'conj']);

/** For "its" at i: the named noun a relative pronoun subject of its clause stands for; else -1. */
export function relativeItsSubject(doc: Doc, owners: readonly (Entity | undefined)[], i: number): number {
  if (!itsRelativeRule.enabled) return -1;
  const toks = doc.tokens;
  if (toks[i].text.toLowerCase() !== 'its') return -1;
  let v = toks[i].head ?? -1;
  // up from the possessed noun to its clause's head
  for (let n = 0; v >= 0 && n < 4 && toks[v].upos !== 'VERB' && toks[v].upos !== 'ADJ'; n++) v = toks[v].head ?? -1;
  for (let n = 0; v >= 0 && n < 4; n++) {
    const subj = subjectOf(doc, v);
    if (subj >= 0) {
      if (toks[subj].xpos !== 'WDT' || subj > i) return -1;
      // the relative's noun: the head of a relative clause, or the name right before ", which" where the parse left it
      let noun = (toks[v].deprel ?? '').startsWith('acl') ? toks[v].head ?? -1 : -1;
      if ((noun < 0 || !owners[noun]) && subj >= 2 && toks[subj - 1].text === ',') noun = subj - 2;
      if (noun < 0 || noun >= subj || !owners[noun] || owners[noun]!.type === 'PERSON') return -1;
      const e = owners[noun]!;
      // another organisation or place named between is as likely
      for (let k = noun + 1; k < i; k++) if (owners[k] && owners[k] !== e && owners[k]!.type !== 'PERSON') return -1;
      return noun;
    }
    if (!INHERITS.has((toks[v].deprel ?? '').split(':')[0])) return -1;
    v = toks[v].head ?? -1;
  }
  return -1;
}
