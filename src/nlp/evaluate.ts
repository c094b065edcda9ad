/**
 * Scores predictions against gold CoNLL-U the CoNLL 2018 shared task way with gold
 * tokenization: every word counts (punctuation included); LAS compares the universal part
 * of DEPREL (subtypes such as nmod:poss → nmod are ignored, as conll18_ud_eval.py does);
 * `lasFull` also compares subtypes.
 */
import type { ConlluSentence } from './conllu.js';
import type { NlpModel } from './nlp-model.js';

export interface Scores {
  words: number;
  sentences: number;
  upos: number;
  xpos: number;
  lemma: number;
  uas: number;
  las: number;
  lasFull: number;
}

const universal = (rel: string) => rel.split(':')[0];

export function evaluate(model: NlpModel, gold: ConlluSentence[]): Scores {
  let words = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, lasFull = 0;
  for (const s of gold) {
    const forms = s.words.map((w) => w.form);
    const a = model.analyse(forms);
    s.words.forEach((w, i) => {
      words++;
      if (a.upos[i] === w.upos) upos++;
      if (a.xpos[i] === w.xpos) xpos++;
      if (a.lemma[i] === w.lemma) lemma++;
      if (a.head[i] + 1 === w.head) {
        uas++;
        if (universal(a.deprel[i]) === universal(w.deprel)) las++;
        if (a.deprel[i] === w.deprel) lasFull++;
      }
    });
  }
  const pct = (x: number) => (words ? Math.round((10000 * x) / words) / 100 : 0);
  return { words, sentences: gold.length, upos: pct(upos), xpos: pct(xpos), lemma: pct(lemma), uas: pct(uas), las: pct(las), lasFull: pct(lasFull) };
}

export function formatScores(name: string, s: Scores): string {
  return `${name.padEnd(10)} words ${String(s.words).padStart(6)}  UPOS ${s.upos.toFixed(2)}  XPOS ${s.xpos.toFixed(2)}  lemma ${s.lemma.toFixed(2)}  UAS ${s.uas.toFixed(2)}  LAS ${s.las.toFixed(2)}  (LAS with subtypes ${s.lasFull.toFixed(2)})`;
}

/** Scores system CoNLL-U against gold CoNLL-U with identical tokenization. */
export function scoreConllu(gold: ConlluSentence[], system: ConlluSentence[]): Scores {
  if (gold.length !== system.length) throw new Error(`gold has ${gold.length} sentences, system ${system.length}`);
  let words = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, lasFull = 0;
  gold.forEach((g, si) => {
    const s = system[si];
    if (g.words.length !== s.words.length) throw new Error(`sentence ${si + 1}: gold has ${g.words.length} words, system ${s.words.length}`);
    g.words.forEach((w, i) => {
      const p = s.words[i];
      words++;
      if (p.upos === w.upos) upos++;
      if (p.xpos === w.xpos) xpos++;
      if (p.lemma === w.lemma) lemma++;
      if (p.head === w.head) {
        uas++;
        if (universal(p.deprel) === universal(w.deprel)) las++;
        if (p.deprel === w.deprel) lasFull++;
      }
    });
  });
  const pct = (x: number) => (words ? Math.round((10000 * x) / words) / 100 : 0);
  return { words, sentences: gold.length, upos: pct(upos), xpos: pct(xpos), lemma: pct(lemma), uas: pct(uas), las: pct(las), lasFull: pct(lasFull) };
}
