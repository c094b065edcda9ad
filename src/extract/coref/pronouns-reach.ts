/**
 * How far back he/she looks for a name (coref28, issue 23): three sentences of the story's own narration, a quotation's
 * sentences not counted. A long quotation between a person and the next "she" ("… Franklin said. \"… (four sentences
 * of the singer's words) …\" She sang at Barack Obama's inauguration") is the person speaking, not the story moving
 * on; counting its sentences left such a "she" with no one in reach, or with a person named after the quotation
 * ("On her death, Barack Obama tweeted" went to Obama).
 */
import type { Doc } from '../../doc.js';
import { defineRule } from '../../rules/registry.js';
import { spanAt } from './rules.js';

/** The previous sentences counted toward a pronoun's reach, and the most it may pass over with quotations. */
const REACH = 3;
const MOST = 8;

export const reachPastQuotesRule = defineRule({
  id: 'coref.he-she-reach-past-quotes',
  stage: 'coref',
  action: 'extend',
  summary: 'he/she looks back three sentences for a name, and sentences wholly inside a quotation do not count toward the three (eight sentences at most): a long quotation between a person and the next "she" is the person speaking, not the story turning',
  fires: ['Ana Ruiz won the prize in 1990. Ruiz said: "I was happy. We sang all night. I called my parents. It was a dream." She later taught in Lyon.'],
  spares: ['Ana Ruiz won the prize in 1990. The jury met in May. The hall was full. The press wrote about the prize. She later taught in Lyon.'],
  source: 'src/extract/coref/pronouns-reach.ts',
});

/** 1 for each sentence whose first and last tokens lie inside a quotation (spans in text order). */
export function quotedSentences(doc: Doc, quoted: readonly { start: number; end: number }[]): Uint8Array {
  const out = new Uint8Array(doc.sentences.length);
  if (!quoted.length || !reachPastQuotesRule.enabled) return out;
  const toks = doc.tokens;
  doc.sentences.forEach((s, k) => {
    if (s.tokenEnd <= s.tokenStart) return;
    if (spanAt(quoted, toks[s.tokenStart].start) >= 0 && spanAt(quoted, toks[s.tokenEnd - 1].start) >= 0) out[k] = 1;
  });
  return out;
}

/** The earliest sentence a he/she in sentence `sent` may find its antecedent in. */
export function heSheReach(doc: Doc, sent: number, speech: Uint8Array): number {
  let counted = 0;
  let s = sent - 1;
  for (; s >= 0 && sent - s <= MOST; s--) {
    if (!speech[s]) counted++;
    if (counted > REACH) break;
  }
  const reach = s + 1;
  if (reach < sent - REACH) reachPastQuotesRule.fired(doc.tokens[doc.sentences[sent].tokenStart].start, doc.tokens[doc.sentences[sent].tokenStart].end);
  return reach;
}
