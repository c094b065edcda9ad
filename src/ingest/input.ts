/**
 * Reads documents from .txt, .json, .jsonl files or stdin. Every document, good or bad, is
 * yielded with its origin ("file.jsonl:12") so a bad one is reported by name and the rest of
 * the batch goes on. JSONL is streamed line by line, so a large stream stays in bounded memory.
 */
import { createReadStream, promises as fs } from 'node:fs';
import { basename, extname } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { DocInput } from '../doc.js';

export const DEFAULT_MAX_TEXT_BYTES = 5 * 1024 * 1024;

export interface ReadOptions {
  /** publication date for plain-text input (YYYY-MM-DD) */
  published?: string | null;
  /** largest accepted document text, in bytes of UTF-8 */
  maxTextBytes?: number;
}

export type InputItem =
  | { ok: true; origin: string; doc: DocInput }
  | { ok: false; origin: string; error: string };

export class InputError extends Error {}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decode bytes as UTF-8, refusing binary data and invalid sequences with a clear reason. */
export function decodeText(bytes: Uint8Array): string {
  const probe = bytes.subarray(0, 8192);
  let nul = 0;
  for (let i = 0; i < probe.length; i++) if (probe[i] === 0) nul++;
  if (nul > 0) throw new InputError('binary data (NUL bytes), not text');
  try {
    const text = decoder.decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new InputError('invalid UTF-8');
  }
}

/** Normalise a publication date: accepts YYYY-MM-DD or a full ISO timestamp. */
export function normalisePublished(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new InputError('"published" must be a string (YYYY-MM-DD)');
  const day = value.slice(0, 10);
  if (!DATE_RE.test(day) || Number.isNaN(Date.parse(day))) throw new InputError(`"published" is not a date: ${JSON.stringify(value).slice(0, 40)}`);
  return day;
}

function optionalString(obj: Record<string, unknown>, key: string): string | null {
  const v = obj[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new InputError(`"${key}" must be a string`);
  return v;
}

/** Validate a parsed JSON object as a document. */
export function toDocInput(value: unknown, fallbackId: string, options: ReadOptions = {}): DocInput {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError('expected a JSON object with a "text" field');
  const obj = value as Record<string, unknown>;
  if (typeof obj.text !== 'string') throw new InputError('missing "text" (a string)');
  checkText(obj.text, options);
  const id = obj.id === undefined || obj.id === null ? fallbackId : String(obj.id);
  return {
    id,
    text: obj.text,
    published: normalisePublished(obj.published ?? options.published ?? null),
    title: optionalString(obj, 'title'),
    source: optionalString(obj, 'source'),
    url: optionalString(obj, 'url'),
  };
}

export function checkText(text: string, options: ReadOptions = {}): void {
  const max = options.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES;
  if (text.trim().length === 0) throw new InputError('empty text');
  // a UTF-16 length bounds the UTF-8 size from below; only measure exactly near the limit
  if (text.length > max || (text.length * 3 > max && Buffer.byteLength(text, 'utf8') > max)) {
    throw new InputError(`text is ${(Buffer.byteLength(text, 'utf8') / 1048576).toFixed(1)} MB, over the ${(max / 1048576).toFixed(1)} MB limit (--max-bytes)`);
  }
}

function idFromPath(path: string): string {
  return basename(path).replace(/\.(txt|json|jsonl|text|md)$/i, '');
}

async function* readJsonLines(stream: Readable, origin: string, options: ReadOptions): AsyncGenerator<InputItem> {
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  for await (const raw of rl) {
    line++;
    if (raw.trim() === '') continue;
    const where = `${origin}:${line}`;
    try {
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch (err) {
        throw new InputError(`malformed JSON (${(err as Error).message})`);
      }
      yield { ok: true, origin: where, doc: toDocInput(parsed, `${idFromPath(origin)}-${line}`, options) };
    } catch (err) {
      if (err instanceof InputError) yield { ok: false, origin: where, error: err.message };
      else throw err;
    }
  }
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Parse a whole buffer according to its kind (json / jsonl / text). */
function* parseBuffer(bytes: Buffer, origin: string, kind: 'json' | 'text', options: ReadOptions): Generator<InputItem> {
  try {
    const text = decodeText(bytes);
    if (kind === 'json') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (err) {
        throw new InputError(`malformed JSON (${(err as Error).message})`);
      }
      const list = Array.isArray(parsed) ? parsed : [parsed];
      for (let i = 0; i < list.length; i++) {
        const where = Array.isArray(parsed) ? `${origin}[${i}]` : origin;
        try {
          yield { ok: true, origin: where, doc: toDocInput(list[i], Array.isArray(parsed) ? `${idFromPath(origin)}-${i}` : idFromPath(origin), options) };
        } catch (err) {
          if (err instanceof InputError) yield { ok: false, origin: where, error: err.message };
          else throw err;
        }
      }
    } else {
      checkText(text, options);
      yield { ok: true, origin, doc: { id: idFromPath(origin), text, published: normalisePublished(options.published ?? null), title: null, source: origin === '-' ? null : origin, url: null } };
    }
  } catch (err) {
    if (err instanceof InputError) yield { ok: false, origin, error: err.message };
    else throw err;
  }
}

/** Read every document from the given paths ('-' is stdin, sniffed as JSON, JSONL or text). */
export async function* readDocuments(paths: string[], options: ReadOptions = {}, stdin: Readable = process.stdin): AsyncGenerator<InputItem> {
  const max = options.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES;
  for (const path of paths.length ? paths : ['-']) {
    if (path === '-') {
      const bytes = await readAll(stdin);
      const head = bytes.subarray(0, 64).toString('utf8').trimStart();
      const body = bytes.toString('utf8').trim();
      const looksJsonl = head.startsWith('{') && body.includes('\n') && !body.endsWith('}\n}') && body.split('\n').every((l) => l.trim() === '' || l.trim().startsWith('{'));
      if (looksJsonl) {
        const { Readable: R } = await import('node:stream');
        yield* readJsonLines(R.from([bytes]), 'stdin', options);
      } else yield* parseBuffer(bytes, 'stdin', head.startsWith('{') || head.startsWith('[') ? 'json' : 'text', options);
      continue;
    }
    let size: number;
    try {
      const st = await fs.stat(path);
      if (st.isDirectory()) {
        yield { ok: false, origin: path, error: 'is a directory (give the files inside it)' };
        continue;
      }
      size = st.size;
    } catch (err) {
      yield { ok: false, origin: path, error: (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message };
      continue;
    }
    const ext = extname(path).toLowerCase();
    if (ext === '.jsonl' || ext === '.ndjson') {
      yield* readJsonLines(createReadStream(path), path, options);
      continue;
    }
    // refuse before reading: a JSON wrapper adds little over the text itself
    if (size > max * 2 + 65536) {
      yield { ok: false, origin: path, error: `file is ${(size / 1048576).toFixed(1)} MB, over the ${(max / 1048576).toFixed(1)} MB document limit (--max-bytes)` };
      continue;
    }
    const bytes = await fs.readFile(path);
    yield* parseBuffer(bytes, path, ext === '.json' ? 'json' : 'text', options);
  }
}
