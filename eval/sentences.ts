/**
 * Sentence-boundary F1 on UD English EWT test (npm run eval:sentences).
 * Each document is rebuilt from its `# text` lines: sentences of one paragraph (`# newpar`)
 * joined by a space, paragraphs by a blank line. A predicted boundary counts when a sentence
 * ends at the same character offset as a gold sentence (trailing spaces ignored).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Doc } from '../src/doc.js';
import { tokenizeStage } from '../src/nlp/sentences.js';

export interface BoundaryScores { precision: number; recall: number; f1: number; gold: number; predicted: number; documents: number }

export function goldDocuments(conllu: string): { text: string; ends: number[] }[] {
  const docs: { text: string; ends: number[] }[] = [];
  let text = '';
  let ends: number[] = [];
  let newPar = false;
  for (const line of conllu.split('\n')) {
    if (line.startsWith('# newdoc')) {
      if (text) docs.push({ text, ends });
      text = '';
      ends = [];
      newPar = false;
    } else if (line.startsWith('# newpar')) newPar = true;
    else if (line.startsWith('# text = ')) {
      const s = line.slice('# text = '.length).trim();
      if (text) text += newPar ? '\n\n' : ' ';
      newPar = false;
      text += s;
      ends.push(text.length);
    }
  }
  if (text) docs.push({ text, ends });
  return docs;
}

export function scoreBoundaries(conllu: string, limitDocs = Infinity): BoundaryScores {
  let tp = 0;
  let gold = 0;
  let predicted = 0;
  const docs = goldDocuments(conllu).slice(0, limitDocs);
  for (const d of docs) {
    const doc = new Doc({ text: d.text });
    tokenizeStage.run(doc);
    const pred = new Set(doc.sentences.map((s) => s.end));
    const goldSet = new Set(d.ends);
    gold += goldSet.size;
    predicted += pred.size;
    for (const e of pred) if (goldSet.has(e)) tp++;
  }
  const precision = predicted ? tp / predicted : 0;
  const recall = gold ? tp / gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, gold, predicted, documents: docs.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.env.CHRONICLE_DATA ?? join(process.cwd(), '../shared/data');
  for (const split of ['dev', 'test']) {
    const conllu = readFileSync(join(dir, `ud-ewt/en_ewt-ud-${split}.conllu`), 'utf8');
    const t0 = performance.now();
    const s = scoreBoundaries(conllu);
    console.log(`EWT ${split}: sentence boundaries P ${(s.precision * 100).toFixed(1)} R ${(s.recall * 100).toFixed(1)} F1 ${(s.f1 * 100).toFixed(1)} (${s.gold} gold, ${s.predicted} predicted, ${s.documents} documents, ${(performance.now() - t0).toFixed(0)} ms)`);
  }
}
