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

/** The noun whose phrase ends at p with a relative clause or apposition set off by a comma ("the attack, which …"), or -1. */
function parentheticalPhrase(children: number[][], upos: readonly string[], xpos: readonly string[], deprel: readonly string[], head: Int32Array, p: number): number {
  for (let up = p, guard = 0; up >= 0 && guard < 12; up = head[up], guard++) {
    if (!(deprel[up] === 'acl:relcl' || deprel[up] === 'appos') || head[up] < 0 || head[up] > up) continue;
    const np = head[up];
    const [from, to] = subtreeSpan(children, up);
    const opens = xpos[from] === ',' ? from : from - 1;
    if (to !== p || xpos[opens] !== ',' || !NOMINAL.has(upos[np]) || subtreeSpan(children, np)[1] !== p) return -1;
    return np;
  }
  return -1;
}

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
    // (a phrase may close on the comma of its own relative clause: "the attack, which killed five people, | was")
    const closed = xpos[aux[v] - 1] === ',' && aux[v] > 1;
    const p = closed ? aux[v] - 2 : aux[v] - 1;
    if (!NOMINAL.has(upos[p]) && !closed) continue;
    children ??= childrenOfHeads(head);
    if (closed) {
      const np = parentheticalPhrase(children, upos, xpos, deprel, head, p);
      // the parse left it on the verb as an unmarked oblique: it is the clause's subject
      if (np >= 0 && head[np] === v && deprel[np] === 'obl:unmarked') {
        deprel[np] = passive ? 'nsubj:pass' : 'nsubj';
        flags[v] |= 1;
        FINITE_SUBJECT.fired();
      }
      continue;
    }
    // the noun phrase ending at p: climb the name's own layers, not an apposition or a preposition's noun
    let np = p;
    // (and a coordination whole: "Israel and Hamas | were …")
    while (head[np] >= 0 && (NAME_PARTS.has(deprel[np]) || deprel[np] === 'conj' && children[np].some((c) => deprel[c] === 'cc')) && NOMINAL.has(upos[head[np]]) && subtreeSpan(children, head[np])[1] === p) np = head[np];
    // (a noun in a prepositional phrase that closes a larger noun phrase: "one of its units | had": the phrase is "one")
    while (deprel[np] === 'nmod' && head[np] >= 0 && head[np] < np && NOMINAL.has(upos[head[np]]) && subtreeSpan(children, head[np])[1] === p) np = head[np];
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
    // ("that | one of its units had": the complementizer the parse made the phrase's subject opens the clause)
    const first = subtreeSpan(children, np)[0];
    if (first < np && head[first] === np && deprel[first] === 'nsubj' && (xpos[first] === 'WDT' || xpos[first] === 'IN')) {
      head[first] = v;
      deprel[first] = 'mark';
    }
    // (and a clause with its own subject is no nominal or open complement of a verb either:
    // "warned [the process could be a threat]")
    const g = head[v];
    if (g >= 0 && (complement || CLAUSE_MISLABELS.has(deprel[v])) && (upos[g] === 'VERB' || upos[g] === 'AUX')) deprel[v] = 'ccomp';
    children = null;
    FINITE_SUBJECT.fired();
  }
}

export const CASE_ON_HEAD = defineRule({
  id: 'parse.case-on-head', stage: 'parse', action: 'label',
  summary: 'a preposition hung on a compound or flat word before the head of its noun phrase marks the whole phrase: it goes to the head ("with | Jonas | Lind": with on Lind, not on Jonas)',
  // (the example is an EWT dev sentence, the tuning split: both the round-one and the lean parser hang "to" on "United")
  fires: ["Either option should take you directly to Enron's United Way 2000 Campaign site."],
  spares: ['Officials met with Jonas Lind at the hospital.'],
  source: 'src/nlp/clause-repair.ts',
});

/** Dependents that sit inside a noun phrase before its head: a case marker on one of them marks the head. */
const INNER = new Set(['compound', 'flat', 'nmod:desc']);

/** Whether word k lies in g's subtree (a few levels up at most: a noun phrase's own words). */
function within(head: Int32Array, k: number, g: number): boolean {
  let up = k;
  for (let guard = 0; guard < 8 && up !== g && up >= 0; guard++) up = head[up];
  return up === g;
}

/**
 * UD hangs a case marker on the head of its nominal: the parser may hang it on the first word of a
 * name or compound instead ("meeting with | Jonas Lind" → with on Jonas), and then the phrase's head has
 * no preposition for the readers. Applied in place (sentence-internal indices, -1 for the root).
 */
export function repairCaseOnHead(head: Int32Array, deprel: string[]): void {
  if (!CASE_ON_HEAD.enabled) return;
  for (let c = 0; c < head.length; c++) {
    if (deprel[c] !== 'case') continue;
    const h = head[c];
    if (h <= c || !INNER.has(deprel[h])) continue;
    // climb to the phrase's head, every word between the marker and it inside that phrase
    let g = h;
    for (let guard = 0; guard < 8 && INNER.has(deprel[g]) && head[g] > g; guard++) g = head[g];
    // every word between the marker and the head inside the phrase, and none before the marker
    // ("US Secretary of State Mike Pompeo" keeps "of" inside the title)
    let inside = c === 0 || !within(head, c - 1, g);
    for (let k = c + 1; k < g && inside; k++) inside = within(head, k, g);
    if (!inside || g === h && INNER.has(deprel[g])) continue;
    head[c] = g;
    CASE_ON_HEAD.fired();
  }
}

export const COMMA_PARATAXIS = defineRule({
  id: 'parse.comma-parataxis', stage: 'parse', action: 'label',
  summary: 'a clause with its own subject joined to another by a comma alone, with no conjunction in the coordination, is parataxis, not a conjunct ("… struck a market, local activists said")',
  fires: ["We don't steal, we weren't acting suspiciously."],
  spares: ['The army shelled the town, and the rebels fled.', 'They came, they saw, and they left.'],
  source: 'src/nlp/clause-repair.ts',
});

/**
 * UD joins clauses as conjuncts only with a conjunction ("A, B and C"); a clause with a subject of its own
 * set off by a comma alone is parataxis — a trailing attribution ("X was killed, local activists said")
 * above all, whose reporting verb the readers look for there. Applied in place, after repairClauses.
 */
export function repairCommaParataxis(upos: readonly string[], xpos: readonly string[], head: Int32Array, deprel: string[]): void {
  if (!COMMA_PARATAXIS.enabled) return;
  let children: number[][] | null = null;
  for (let v = 0; v < head.length; v++) {
    const h = head[v];
    if (deprel[v] !== 'conj' || h < 0 || h > v || upos[v] !== 'VERB' || !(upos[h] === 'VERB' || upos[h] === 'AUX')) continue;
    children ??= childrenOfHeads(head);
    const kids = children[v];
    // its own subject, written after the comma that opens it
    const subject = kids.find((c) => c < v && (deprel[c] === 'nsubj' || deprel[c] === 'nsubj:pass'));
    if (subject === undefined) continue;
    // (the clause opens with that subject: "which the BBC noted" is a relative clause the parse split off)
    const [from] = subtreeSpan(children, v);
    const comma = upos[from] === 'PUNCT' ? from : from - 1;
    if (comma <= h || xpos[comma] !== ',' || subtreeSpan(children, subject)[0] !== comma + 1 || kids.some((c) => deprel[c] === 'cc')) continue;
    // no conjunction anywhere in the coordination ("A, B and C" keeps its conjuncts)
    if (children[h].some((s) => deprel[s] === 'conj' && children![s].some((c) => deprel[c] === 'cc'))) continue;
    deprel[v] = 'parataxis';
    COMMA_PARATAXIS.fired();
  }
}
