/**
 * Pipeline stage 'parse': fills upos, xpos, lemma, head (doc-level token index, -1 for the
 * root) and deprel on every token, sentence by sentence, with the trained model.
 */
import type { Doc } from '../doc.js';
import type { Stage } from '../pipeline.js';
import { nlpModel, type NlpModel } from './nlp-model.js';

/** Longest span the parser sees at once; longer "sentences" (lists, tables) are cut into chunks. */
const MAX_PARSE_WORDS = 400;

export function parseDoc(doc: Doc, model: NlpModel = nlpModel()): void {
  for (const sent of doc.sentences) {
    for (let a = sent.tokenStart; a < sent.tokenEnd; a += MAX_PARSE_WORDS) {
      const b = Math.min(sent.tokenEnd, a + MAX_PARSE_WORDS);
      const tokens = doc.tokens.slice(a, b);
      if (tokens.length === 0) continue;
      try {
        const r = model.analyse(tokens.map((t) => t.text));
        for (let k = 0; k < tokens.length; k++) {
          const t = tokens[k];
          t.upos = r.upos[k];
          t.xpos = r.xpos[k];
          t.lemma = r.lemma[k];
          // a chunk of an overlong sentence hangs off the previous chunk's root
          t.head = r.head[k] >= 0 ? a + r.head[k] : a > sent.tokenStart && r.deprel[k] === 'root' ? firstRoot(doc, sent.tokenStart) : -1;
          t.deprel = r.head[k] < 0 && a > sent.tokenStart ? 'parataxis' : r.deprel[k];
        }
      } catch (err) {
        // never let one odd sentence stop the document: flat fallback, noted for debugging
        doc.notes.set('parse.error', (err as Error).message);
        for (let k = 0; k < tokens.length; k++) {
          const t = tokens[k];
          t.upos = 'X';
          t.xpos = 'FW';
          t.lemma = t.text;
          t.head = k === 0 ? -1 : a;
          t.deprel = k === 0 ? 'root' : 'dep';
        }
      }
    }
  }
}

function firstRoot(doc: Doc, from: number): number {
  for (let i = from; i < doc.tokens.length; i++) if (doc.tokens[i].head === -1) return i;
  return -1;
}

export const parseStage: Stage = {
  name: 'parse',
  requires: ['tokens', 'sentences'], provides: ['tags', 'parse'],
  run(doc: Doc) {
    parseDoc(doc);
  },
};
