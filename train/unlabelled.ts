/**
 * The Wikipedia pages of ../shared/data/unlabelled/news-en.jsonl.gz, one at a time. The Wikinews part
 * is left out wherever the recogniser learns from this text: GUM's news documents (in the
 * cross-validation pool) are Wikinews articles.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { tokenize } from '../src/nlp/tokenizer.js';
import { sentenceStarts } from '../src/nlp/sentences.js';

/** Each Wikipedia page's text (paragraphs one a line), at most `limit` pages. */
export function* wikipediaPages(dataDir: string, limit = Infinity): Generator<string> {
  const text = gunzipSync(readFileSync(join(dataDir, 'unlabelled', 'news-en.jsonl.gz'))).toString('utf8');
  let docs = 0;
  let start = 0;
  while (start < text.length && docs < limit) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    if (!line.startsWith('{"id": "enwiki:') && !line.startsWith('{"id":"enwiki:')) continue;
    docs++;
    yield (JSON.parse(line) as { text: string }).text;
  }
}

/** A page's sentences as token texts, through the project's tokenizer and sentence splitter (as at run time). */
export function pageSentences(page: string): string[][] {
  const toks = tokenize(page);
  const starts = sentenceStarts(page, toks);
  const sentences: string[][] = [];
  for (let s = 0; s < starts.length; s++) {
    const b = s + 1 < starts.length ? starts[s + 1] : toks.length;
    sentences.push(toks.slice(starts[s], b).map((t) => t.text));
  }
  return sentences;
}
