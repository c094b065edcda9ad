/**
 * The Wikipedia pages of the unlabelled corpus (../shared/data/unlabelled/news-en.jsonl.gz), its
 * Wikinews part left out (GUM's news documents and the ner-precision pool are Wikinews), each as
 * sentences of words through the pipeline's own tokenizer and sentence splitter. Shared by the
 * corpus builders (train/ner-types.ts, train/name-contexts.ts).
 */
import { tokenize } from '../src/nlp/tokenizer.js';
import { sentenceStarts } from '../src/nlp/sentences.js';

export interface UnlabelledPage {
  sentences: string[][];
  tokens: number;
}

/** The corpus text's Wikipedia pages, in file order, at most `limit` of them. */
export function* wikipediaPages(text: string, limit = Infinity): Generator<UnlabelledPage> {
  let pages = 0;
  for (let start = 0; start < text.length && pages < limit; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    if (!line.startsWith('{"id": "enwiki:') && !line.startsWith('{"id":"enwiki:')) continue;
    const page = (JSON.parse(line) as { text: string }).text;
    pages++;
    const toks = tokenize(page);
    const starts = sentenceStarts(page, toks);
    const sentences: string[][] = [];
    for (let s = 0; s < starts.length; s++) {
      const b = s + 1 < starts.length ? starts[s + 1] : toks.length;
      sentences.push(toks.slice(starts[s], b).map((t) => t.text));
    }
    yield { sentences, tokens: toks.length };
  }
}
