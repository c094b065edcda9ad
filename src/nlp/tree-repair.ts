/**
 * Repairs of a parse the treebank's grammar never allows, applied to the parser's output (so
 * `npm run eval:parse` measures them with the model).
 *
 * One subject per predicate: a greedy parser sometimes hangs a title and the name after it on the
 * verb as two subjects ("US Secretary of State | Mike Pompeo posted …"). When the two subject
 * phrases touch and the second is a name, they are one noun phrase: read as the treebank does —
 * a title without a determiner depends on the name (PROPN: compound, as "Exxon Mobil"; NOUN:
 * nmod:desc, as "PM Allawi"), a determined noun takes the name as its apposition ("the militant
 * organisation Hamas").
 */
import { defineRule } from '../rules/registry.js';
import { childrenOfHeads, subtreeSpan } from './subtree.js';

export const ONE_SUBJECT = defineRule({
  id: 'parse.one-subject', stage: 'parse', action: 'label',
  summary: 'two touching subject phrases of one verb, the second a name, are one noun phrase: a bare title depends on the name, a determined noun takes it as apposition',
  fires: ['The militant organisation Hamas released two hostages.'],
  spares: ['Mike Pompeo posted a message on Twitter.'],
  source: 'src/nlp/tree-repair.ts',
});

const SUBJECTS = new Set(['nsubj', 'nsubj:pass']);
const NOMINAL = new Set(['NOUN', 'PROPN']);

/** Applies the repairs in place; head holds sentence-internal indices, -1 for the root. */
export function repairTree(upos: readonly string[], head: Int32Array, deprel: string[]): void {
  if (!ONE_SUBJECT.enabled) return;
  const n = head.length;
  // most sentences have at most one subject: no map for them (this runs on every sentence parsed)
  let subjectCount = 0;
  for (let i = 0; i < n && subjectCount < 2; i++) if (SUBJECTS.has(deprel[i])) subjectCount++;
  if (subjectCount < 2) return;
  const bySubjectHead = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (!SUBJECTS.has(deprel[i])) continue;
    const list = bySubjectHead.get(head[i]);
    if (list) list.push(i);
    else bySubjectHead.set(head[i], [i]);
  }
  for (const subjects of bySubjectHead.values()) {
    // the tree as the edits so far left it (one edit per verb at most, then the next verb)
    let children: number[][] | null = null;
    for (let k = 0; k + 1 < subjects.length; k++) {
      const a = subjects[k];
      const b = subjects[k + 1];
      if (!NOMINAL.has(upos[a]) || upos[b] !== 'PROPN') continue;
      children ??= childrenOfHeads(head);
      const [aFrom, aTo] = subtreeSpan(children, a);
      const [bFrom] = subtreeSpan(children, b);
      if (aTo + 1 !== bFrom) continue;
      if (deprel[aFrom] === 'det' && head[aFrom] === a) {
        head[b] = a;
        deprel[b] = 'appos';
      } else {
        head[a] = b;
        deprel[a] = upos[a] === 'PROPN' ? 'compound' : 'nmod:desc';
      }
      ONE_SUBJECT.fired();
      break;
    }
  }
}
