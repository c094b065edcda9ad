/**
 * A repair of clause structure the treebank's grammar never allows, applied to the parser's output
 * after tree-repair.ts (so `npm run eval:parse` measures it with the model). It is a choice a greedy
 * parser makes differently from one model to the next on the same sentence; the readers of events,
 * quotes and relations should not depend on which way a retrained model happens to go.
 *
 * A finite clause has a subject: a verb with a finite auxiliary of its own ("was freed", "would
 * hand") and no subject, right after a noun phrase the parser hung elsewhere ("until civilian
 * hostage Arbel Yehud | was freed"), takes that phrase as its subject. Coordinated verbs share
 * their first conjunct's subject and relative clauses their noun's, so neither is touched.
 */
import { defineRule } from '../rules/registry.js';
import { childrenOfHeads, subtreeSpan } from './subtree.js';

export const FINITE_SUBJECT = defineRule({
  id: 'parse.finite-subject', stage: 'parse', action: 'label',
  summary: 'a verb with a finite auxiliary and no subject takes the noun phrase that ends right before its auxiliary, when the parser hung that phrase elsewhere',
  fires: ['Mediators expect Hamas will release three hostages on Saturday.', 'Villagers noticed their wells were running dry.'],
  spares: ['Civilian hostage Arbel Yehud was freed on Thursday.', 'He was arrested in May and was freed on Thursday.'],
  source: 'src/nlp/clause-repair.ts',
});

const SUBJECT = new Set(['nsubj', 'nsubj:pass', 'csubj', 'csubj:pass', 'expl']);
const NOMINAL = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);
const AUXILIARY = new Set(['aux', 'aux:pass', 'cop']);
/** Penn tags of finite auxiliaries (a non-finite "to be freed", "having been" needs no subject). */
const FINITE = new Set(['VBD', 'VBZ', 'VBP', 'MD']);
/** Clauses whose subject is elsewhere: a conjunct's is its first conjunct's, a relative clause's its noun's. */
const SUBJECT_ELSEWHERE = new Set(['conj', 'acl:relcl', 'acl']);
/** Relations a clause with a subject of its own cannot hold under a verb: a noun phrase's, an open complement's. */
const CLAUSE_MISLABELS = new Set(['obj', 'obl', 'iobj', 'dep', 'xcomp']);
/** Relations that keep a name's words one phrase (climbed from the word before the auxiliary). */
const NAME_PARTS = new Set(['flat', 'compound', 'nmod:desc', 'amod', 'det', 'nummod', 'nmod:poss']);

/** Applies the repair in place; head holds sentence-internal indices, -1 for the root. */
export function repairClauses(upos: readonly string[], xpos: readonly string[], head: Int32Array, deprel: string[]): void {
  if (!FINITE_SUBJECT.enabled) return;
  const n = head.length;
  let children: number[][] | null = null;
  // per head: its leftmost finite auxiliary, whether it has a subject, whether it is passive (one pass)
  const aux = new Int32Array(n).fill(-1);
  const flags = new Uint8Array(n); // 1: has a subject, 2: passive
  for (let c = 0; c < n; c++) {
    const h = head[c];
    if (h < 0) continue;
    if (SUBJECT.has(deprel[c])) flags[h] |= 1;
    else if (c < h && AUXILIARY.has(deprel[c])) {
      if (aux[h] < 0 && FINITE.has(xpos[c])) aux[h] = c;
      if (deprel[c] === 'aux:pass') flags[h] |= 2;
    }
  }
  for (let v = 0; v < n; v++) {
    if (aux[v] < 1 || flags[v] & 1 || SUBJECT_ELSEWHERE.has(deprel[v])) continue;
    const passive = (flags[v] & 2) !== 0;
    const p = aux[v] - 1;
    if (!NOMINAL.has(upos[p])) continue;
    children ??= childrenOfHeads(head);
    // the noun phrase ending at p: climb the name's own layers, not an apposition or a preposition's noun
    let np = p;
    // (and a coordination whole: "Israel and Hamas | were …")
    while (head[np] >= 0 && (NAME_PARTS.has(deprel[np]) || deprel[np] === 'conj' && children[np].some((c) => deprel[c] === 'cc')) && NOMINAL.has(upos[head[np]]) && subtreeSpan(children, head[np])[1] === p) np = head[np];
    if (!NOMINAL.has(upos[np]) || head[np] === v || subtreeSpan(children, np)[1] !== p) continue; // (already v's: another decision)
    // another verb's subject stays its own; an unmarked oblique is a time ("last year | was")
    if (SUBJECT.has(deprel[np]) || deprel[np].startsWith('obl')) continue;
    if (children[np].some((c) => deprel[c] === 'case' && xpos[c] !== 'POS')) continue; // "at the hospital | was …": no subject
    // never make v a dependent of its own subject's subtree (a cycle)
    let up = v;
    let inside = false;
    for (let guard = 0; up >= 0 && guard < n; guard++, up = head[up]) if (up === np) { inside = true; break; }
    if (inside) continue;
    // the phrase was the object of the verb that governs this clause: the clause is that verb's
    // complement, reported without "that" ("claims [the fire was set]", "denies [the blasts are related]")
    const complement = deprel[np] === 'obj' && head[np] === head[v];
    head[np] = v;
    deprel[np] = passive ? 'nsubj:pass' : 'nsubj';
    // (and a clause with its own subject is no nominal or open complement of a verb either:
    // "warned [the process could be a threat]")
    const g = head[v];
    if (g >= 0 && (complement || CLAUSE_MISLABELS.has(deprel[v])) && (upos[g] === 'VERB' || upos[g] === 'AUX')) deprel[v] = 'ccomp';
    children = null;
    FINITE_SUBJECT.fired();
  }
}
