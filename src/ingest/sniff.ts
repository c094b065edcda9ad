/**
 * Telling JSONL on a stream (stdin) from other input without reading the whole stream: read
 * only until the first line and the first character of the next non-empty line are in hand.
 * Two lines that each begin with "{" are JSON Lines, which are then streamed line by line in
 * bounded memory; anything else (one JSON object, pretty-printed JSON, an array, markup, text)
 * is read whole as before. The bytes read while sniffing are replayed in front of the rest.
 */
import { Readable } from 'node:stream';
import { InputError } from './errors.js';

export interface Sniffed {
  /** the stream's bytes look like JSON Lines */
  jsonl: boolean;
  /** the whole stream again, from its first byte */
  stream: Readable;
}

/** Stop sniffing after this many bytes without an answer (one very long first line). */
const SNIFF_CAP = 16 * 1024 * 1024;

export async function sniffJsonLines(input: Readable, cap = SNIFF_CAP): Promise<Sniffed> {
  const it = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const head: Buffer[] = [];
  const judge = new Judge();
  let size = 0;
  let verdict: boolean | null = null;
  let ended = false;
  while (verdict === null) {
    const next = await it.next();
    if (next.done) {
      ended = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    head.push(chunk);
    size += chunk.length;
    verdict = judge.feed(chunk);
    if (verdict === null && size > cap) verdict = false;
  }
  const replay = async function* (): AsyncGenerator<Buffer> {
    yield* head;
    if (ended) return;
    for (let r = await it.next(); !r.done; r = await it.next()) yield typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
  };
  return { jsonl: verdict === true, stream: Readable.from(replay(), { objectMode: false }) };
}

const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0xef || b === 0xbb || b === 0xbf; // with a UTF-8 BOM

/**
 * Byte by byte over the chunks (ASCII never occurs inside a UTF-8 sequence, so no decoding):
 * JSON Lines when the first non-space byte is "{", the first line holds more than that "{",
 * and the next non-empty line starts with "{". Each byte is looked at once.
 */
class Judge {
  private state: 'lead' | 'first' | 'gap' = 'lead';
  private firstHasMore = false;

  feed(chunk: Buffer): boolean | null {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (this.state === 'lead') {
        if (isSpace(b)) continue;
        if (b !== 0x7b) return false;
        this.state = 'first';
      } else if (this.state === 'first') {
        if (b === 0x0a) {
          // "{" alone on the first line is pretty-printed JSON
          if (!this.firstHasMore) return false;
          this.state = 'gap';
        } else if (!isSpace(b)) this.firstHasMore = true;
      } else if (!isSpace(b)) return b === 0x7b;
    }
    return null;
  }
}

/** Read a whole stream, refusing one over `limit` bytes (stdin that is not JSON Lines). */
export async function readCapped(stream: Readable, limit: number, what = 'standard input'): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of stream) {
    const chunk = typeof c === 'string' ? Buffer.from(c) : (c as Buffer);
    size += chunk.length;
    if (size > limit) {
      stream.destroy();
      throw new InputError(`${what} is over ${(limit / 1048576).toFixed(1)} MB, the largest single document or page read whole; give JSON Lines (one document per line) to stream more`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Whether a text starts like an RSS, Atom or RDF feed (after an XML declaration or comments). */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 2048).replace(/<\?xml[^>]*\?>|<!--[\s\S]*?-->|<\?xml-stylesheet[^>]*\?>/g, '').trimStart();
  return /^<(rss|feed|rdf:RDF)\b/i.test(head);
}
