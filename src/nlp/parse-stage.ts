/**
 * Pipeline stage 'parse': fills upos, xpos, lemma, head (doc-level token index, -1 for the
 * root) and deprel on every token with the trained model, a batch of sentences at a time.
 */
import type { Doc } from '../doc.js';
import type { Stage } from '../pipeline.js';
import { packedMap } from '../packed.js';
import { nlpModel, type Analysis, type NlpModel } from './nlp-model.js';

/** Longest span the parser sees at once; longer "sentences" (lists, tables) are cut into chunks. */
const MAX_PARSE_WORDS = 400;

/** Chunks analysed together (NlpModel.analyseMany): enough that the tagger's tables stay warm, few enough to bound memory. */
const BATCH_CHUNKS = 64;

export function parseDoc(doc: Doc, model: NlpModel = nlpModel()): void {
  // every sentence, cut into chunks of at most MAX_PARSE_WORDS: [first token, end, the sentence's first token]
  const chunks: Array<[number, number, number]> = [];
  for (const sent of doc.sentences) {
    for (let a = sent.tokenStart; a < sent.tokenEnd; a += MAX_PARSE_WORDS) chunks.push([a, Math.min(sent.tokenEnd, a + MAX_PARSE_WORDS), sent.tokenStart]);
  }
  for (let c = 0; c < chunks.length; c += BATCH_CHUNKS) {
    const batch = chunks.slice(c, c + BATCH_CHUNKS);
    const forms = packedMap(batch, ([a, b]) => packedMap(doc.tokens.slice(a, b), (t) => t.text));
    let results: Analysis[] | null = null;
    try {
      results = model.analyseMany(forms);
    } catch {
      // one odd sentence must not cost its neighbours their parse: analyse the batch one chunk at a time
    }
    batch.forEach(([a, b, sentStart], k) => {
      if (b <= a) return;
      try {
        setChunk(doc, a, b, sentStart, results ? results[k] : model.analyse(forms[k]));
      } catch (err) {
        // never let one odd sentence stop the document: flat fallback, noted for debugging
        doc.notes.set('parse.error', (err as Error).message);
        for (let i = a; i < b; i++) {
          const t = doc.tokens[i];
          t.upos = 'X';
          t.xpos = 'FW';
          t.lemma = t.text;
          t.head = i === a ? -1 : a;
          t.deprel = i === a ? 'root' : 'dep';
        }
      }
    });
  }
  // the heads are new: the shared dependent lists are rebuilt when next asked for
  doc.parseChanged();
}

/** Writes the analysis of tokens a … b − 1 (one chunk of the sentence starting at sentStart) onto the tokens. */
function setChunk(doc: Doc, a: number, b: number, sentStart: number, r: Analysis): void {
  for (let k = 0; k < b - a; k++) {
    const t = doc.tokens[a + k];
    t.upos = r.upos[k];
    t.xpos = r.xpos[k];
    t.lemma = r.lemma[k];
    // a chunk of an overlong sentence hangs off the previous chunk's root
    t.head = r.head[k] >= 0 ? a + r.head[k] : a > sentStart && r.deprel[k] === 'root' ? firstRoot(doc, sentStart) : -1;
    t.deprel = r.head[k] < 0 && a > sentStart ? 'parataxis' : r.deprel[k];
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
