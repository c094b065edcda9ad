/**
 * A name inside a phrase fronted before its clause is no antecedent of the phrase after the comma (issue 23,
 * fourteenth session, coref35). coref.predicate-description reads "NAME, the NOUN …," as an apposition; its own guard
 * (predicates.ts, frontedPhrase) knows a fronted phrase only when a preposition opens the sentence and no verb comes
 * before the name ("In Gaza, the hospital, which …"). News also fronts participles and writes the fronted phrase after
 * a complementiser: "Speaking to Agence France-Presse, the president of the league said …", "Originating in Wuhan,
 * China, the virus spread …", "The study finds that, in the United States, the animals of many species …". Read from
 * the name back to its clause's start: a participle or a preposition on the way, and no other verb, makes it fronted.
 * A finite or infinitive verb first means the name sits inside the clause ("by killing Qasem Soleimani, the head of
 * the IRGC," is an apposition).
 */
import type { Sentence, Token } from '../../doc.js';
import { defineRule } from '../../rules/registry.js';

export const frontedParticipleRule = defineRule({
  id: 'coref.apposition-fronted-phrase',
  stage: 'coref',
  action: 'veto',
  summary: 'a name inside a phrase fronted before its clause — opened by a participle or a preposition at the sentence\'s start or after "that" ("Speaking to Agence France-Presse, the president of the league said", "The study finds that, in the United States, the animals …") — is no antecedent of the phrase after the comma: no apposition link',
  fires: ['Originating in Wuhan, China, the virus spread globally.'],
  spares: ['The army responded by killing Tomas Kerr, the head of the militia, on Monday.'],
  source: 'src/extract/coref/descriptions-fronted.ts',
});

/** Opens a subordinate clause: "that", "because", "when" (the parse's mark relation). */
const CLAUSE_MARK = /^mark$/;

/** A participle that heads no main clause (the tagger reads some past tenses as VBN: "The army responded"), or opens the sentence. */
const participle = (t: Token | undefined, first = false): boolean => t !== undefined && t.upos === 'VERB' && (t.xpos === 'VBG' || t.xpos === 'VBN') && (t.deprel !== 'root' || first);

/** Token n (a name's last word) lies in a fronted participial or prepositional phrase of its clause (rule on). */
export function frontedBeforeClause(toks: readonly Token[], s: Sentence, n: number): boolean {
  if (!frontedParticipleRule.enabled) return false;
  let first = s.tokenStart;
  for (let k = n; k >= s.tokenStart; k--) {
    const t = toks[k];
    // a clause's start: "finds that, | in the United States, …" (not a mark that opens a participle: "by killing …")
    if (CLAUSE_MARK.test(t.deprel ?? '') && t.upos === 'SCONJ' && !participle(toks[k + 1])) {
      first = k + 1;
      break;
    }
    if (t.upos === 'AUX' || (t.upos === 'VERB' && !participle(t, k === s.tokenStart))) return false;
  }
  // the phrase opens its clause: "Speaking to …", "In …" ("Siegel and colleagues including Anita Knopov, the lead author," is the subject's)
  while (first < n && toks[first].upos === 'PUNCT') first++;
  const t = toks[first];
  return t.upos === 'ADP' || t.upos === 'SCONJ' || participle(t, first === s.tokenStart);
}
