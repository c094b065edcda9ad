/**
 * Reads documents from .txt, .json, .jsonl, .html/.htm pages, RSS/Atom feeds (any of them
 * gzip-compressed), directories (recursively), http(s) URLs or stdin. Every document, good
 * or bad, is yielded with its origin ("file.jsonl:12", "feed.xml#3") so a bad one is reported
 * by name and the rest of the batch goes on. JSONL is streamed line by line, so a large
 * stream stays in bounded memory. Documents that are not English are yielded as skipped,
 * with a note saying why (see language.ts), unless `anyLanguage` is set.
 */
import { createReadStream, promises as fs } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { Readable } from 'node:stream';
import type { DocInput } from '../doc.js';
import { InputError } from './errors.js';
import { fetchUrl, gunzipCapped, isGzip, isUrl, DEFAULT_MAX_GUNZIP_BYTES, type FetchOptions } from './fetch.js';
import type { FeedEntry } from './feed.js';
import { detectLanguage } from './language.js';
import { failureReason } from './limits.js';
import { looksLikeFeed, readCapped, sniffJsonLines } from './sniff.js';

// the HTML and feed readers (linkedom, Readability, chrono, the XML parser) load only when a page
// or a feed comes: plain text and JSON, the common case, start without them
let htmlReader: Promise<typeof import('./html.js')> | null = null;
const loadHtml = () => (htmlReader ??= import('./html.js'));
let feedReader: Promise<typeof import('./feed.js')> | null = null;
const loadFeed = () => (feedReader ??= import('./feed.js'));

export { InputError } from './errors.js';

export const DEFAULT_MAX_TEXT_BYTES = 5 * 1024 * 1024;

export interface ReadOptions {
  /** publication date for plain-text input (YYYY-MM-DD) */
  published?: string | null;
  /** largest accepted document text, in bytes of UTF-8 */
  maxTextBytes?: number;
  /** read every path and URL as an RSS/Atom feed (feeds are also recognised by content) */
  feed?: boolean;
  /** keep documents that are not detected as English (default: skip them with a note) */
  anyLanguage?: boolean;
  /** for feed entries that carry only a summary, fetch the linked page for the full article */
  fetchArticles?: boolean;
  /** HTTP limits for URLs */
  fetch?: FetchOptions;
  /** largest decompressed size of a .gz file or a page (default 50 MB) */
  maxRawBytes?: number;
  /** origins finished earlier (--resume): not read, fetched or parsed again where avoidable */
  skipOrigin?: (origin: string) => boolean;
}

/**
 * One document read, or why not. `skipped` marks documents left out on purpose (not English),
 * as opposed to bad input; callers report both by origin and carry on.
 */
export type InputItem =
  | { ok: true; origin: string; doc: DocInput }
  | { ok: false; origin: string; error: string; skipped?: boolean; reason?: 'language' | 'resume' };

/**
 * File extensions read from directories (also with .gz). Kept in code (count-wordlists counts it):
 * the file formats the readers below parse, a table of code paths, not words.
 */
export const SUPPORTED_EXTENSIONS = ['.txt', '.text', '.md', '.json', '.jsonl', '.ndjson', '.html', '.htm', '.xhtml', '.xml', '.rss', '.atom'];
const HTML_EXT = new Set(['.html', '.htm', '.xhtml']);
const FEED_EXT = new Set(['.xml', '.rss', '.atom']);

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const decoder = new TextDecoder('utf-8', { fatal: true });
/** (ignoreBOM: a byte-order mark is kept, and removed from the first line by hand) */
const lineDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

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

/** Is YYYY-MM-DD a day of the calendar? (Date.parse takes 2024-02-30 for March 1.) */
export function isCalendarDay(day: string): boolean {
  const m = DATE_RE.exec(day) ? day.split('-').map(Number) : null;
  if (!m) return false;
  const [y, mo, d] = m;
  if (mo < 1 || mo > 12 || d < 1) return false;
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Normalise a publication date: accepts YYYY-MM-DD or a full ISO timestamp; refuses days the calendar has not (2024-02-30). */
export function normalisePublished(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new InputError('"published" must be a string (YYYY-MM-DD)');
  const day = value.slice(0, 10);
  if (!DATE_RE.test(day) || Number.isNaN(Date.parse(day))) throw new InputError(`"published" is not a date: ${JSON.stringify(value).slice(0, 40)}`);
  if (!isCalendarDay(day)) throw new InputError(`"published" is not a day of the calendar: ${JSON.stringify(day)}`);
  return day;
}

/**
 * NUL characters become U+FFFD (one UTF-16 unit for one, so offsets hold): no store keeps a NUL
 * in text (PostgreSQL refuses it), and both stores then hold the same document.
 */
function withoutNul(s: string): string {
  return s.includes('\u0000') ? s.replace(/\u0000/g, '\ufffd') : s;
}

function optionalString(obj: Record<string, unknown>, key: string): string | null {
  const v = obj[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new InputError(`"${key}" must be a string`);
  return withoutNul(v);
}

/** A document id: a string, or a number written as one ({…} or [..] is refused, not "[object Object]"). */
function documentId(v: unknown, fallback: string): string {
  if (v === undefined || v === null) return fallback;
  if (typeof v === 'string') return withoutNul(v);
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  throw new InputError(`"id" must be a string or a number, not ${Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : typeof v === 'number' ? String(v) : `a ${typeof v}`}`);
}

/** Validate a parsed JSON object as a document. */
export function toDocInput(value: unknown, fallbackId: string, options: ReadOptions = {}): DocInput {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError('expected a JSON object with a "text" field');
  const obj = value as Record<string, unknown>;
  if (typeof obj.text !== 'string') throw new InputError('missing "text" (a string)');
  checkText(obj.text, options);
  const id = documentId(obj.id, fallbackId);
  return {
    id,
    text: withoutNul(obj.text),
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
  return basename(path).replace(/\.gz$/i, '').replace(/\.(txt|json|jsonl|ndjson|text|md|html?|xhtml|xml|rss|atom)$/i, '');
}

/**
 * The lines of a byte stream, as bytes ("\n" or "\r\n" ends one), in bounded memory: each line is
 * decoded on its own, so invalid UTF-8 is reported by line instead of silently replaced.
 */
export async function* byteLines(stream: Readable): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  for await (const c of stream) {
    const chunk = typeof c === 'string' ? Buffer.from(c) : (c as Buffer);
    let from = 0;
    for (let nl = chunk.indexOf(10, from); nl !== -1; nl = chunk.indexOf(10, from)) {
      parts.push(chunk.subarray(from, nl));
      const line = parts.length === 1 ? parts[0] : Buffer.concat(parts);
      parts = [];
      yield line.length && line[line.length - 1] === 13 ? line.subarray(0, line.length - 1) : line;
      from = nl + 1;
    }
    if (from < chunk.length) parts.push(chunk.subarray(from));
  }
  if (parts.length) {
    const line = Buffer.concat(parts);
    yield line.length && line[line.length - 1] === 13 ? line.subarray(0, line.length - 1) : line;
  }
}

async function* readJsonLines(stream: Readable, origin: string, options: ReadOptions): AsyncGenerator<InputItem> {
  let line = 0;
  for await (const bytes of byteLines(stream)) {
    line++;
    let raw: string;
    try {
      raw = lineDecoder.decode(bytes);
    } catch {
      yield { ok: false, origin: `${origin}:${line}`, error: 'invalid UTF-8 (the line is not valid UTF-8 text; re-encode the file as UTF-8)' };
      continue;
    }
    if (line === 1 && raw.charCodeAt(0) === 0xfeff) raw = raw.slice(1);
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
      yield { ok: false, origin: where, error: failureReason(err) };
    }
  }
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
          yield { ok: false, origin: where, error: failureReason(err) };
        }
      }
    } else {
      checkText(text, options);
      yield { ok: true, origin, doc: { id: idFromPath(origin), text, published: normalisePublished(options.published ?? null), title: null, source: origin === '-' ? null : origin, url: null } };
    }
  } catch (err) {
    yield { ok: false, origin, error: failureReason(err) };
  }
}

/** The extension that decides how a file is read: "page.html.gz" → ".html". */
function innerExt(path: string): string {
  const lower = path.toLowerCase();
  return extname(lower.endsWith('.gz') ? lower.slice(0, -3) : lower);
}

/** Recursively list supported files under a directory, sorted, skipping hidden entries. */
async function listDirectory(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listDirectory(full)));
    else if (e.isFile() && SUPPORTED_EXTENSIONS.includes(innerExt(e.name))) out.push(full);
  }
  return out;
}

// Windows-1252's 0x80–0x9F (quotes, dashes, €), which Node 20's TextDecoder leaves as C1 controls
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const CP1252_LABELS = /^(windows-1252|cp1252|x-cp1252|iso-8859-1|iso8859-1|latin-?1|l1|us-ascii|ascii|ansi_x3\.4-1968)$/i;

function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1').replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

/** Decode a page's bytes using its declared charset (HTTP header or <meta>), UTF-8 by default. */
export function decodeHtml(bytes: Uint8Array, contentType = ''): string {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const declared = /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ?? null;
  if (declared && CP1252_LABELS.test(declared)) return decodeWindows1252(bytes);
  if (declared && !/^utf-?8$/i.test(declared)) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      /* unknown label: fall through to UTF-8 */
    }
  }
  try {
    return decodeText(bytes);
  } catch (err) {
    // undeclared legacy pages are most often Windows-1252
    if (err instanceof InputError && err.message === 'invalid UTF-8') return decodeWindows1252(bytes);
    throw err;
  }
}

/** An article page → one document. `source` names the file or URL it came from. */
async function pageItem(html: string, origin: string, id: string, url: string | null, options: ReadOptions): Promise<InputItem> {
  try {
    const { extractArticle } = await loadHtml();
    const article = extractArticle(html, { url });
    if (article.text.trim() === '') throw new InputError('no article text found in the page');
    checkText(article.text, options);
    return {
      ok: true,
      origin,
      doc: {
        id,
        text: article.text,
        published: article.published ?? normalisePublished(options.published ?? null),
        publishedSource: article.published ? article.publishedSource : options.published ? 'input' : null,
        title: article.title,
        source: origin,
        url: article.canonicalUrl ?? url,
        meta: { byline: article.byline, siteName: article.siteName, language: article.lang },
      },
    };
  } catch (err) {
    return { ok: false, origin, error: failureReason(err) };
  }
}

/** Feed entries → documents (fetching the linked page for summary-only entries when asked). */
async function* feedItems(xml: string, origin: string, options: ReadOptions): AsyncGenerator<InputItem> {
  let entries: FeedEntry[];
  try {
    entries = (await loadFeed()).parseFeed(xml).entries;
  } catch (err) {
    yield { ok: false, origin, error: failureReason(err) };
    return;
  }
  if (entries.length === 0) yield { ok: false, origin, error: 'feed has no entries' };
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const where = `${origin}#${i + 1}`;
    try {
      if (e.error) throw new InputError(e.error);
      let text = e.text;
      let title = e.title;
      let url = e.link;
      if (options.fetchArticles && !e.full && e.link && isUrl(e.link)) {
        const page = await fetchUrl(e.link, options.fetch);
        const article = (await loadHtml()).extractArticle(decodeHtml(page.bytes, page.contentType), { url: page.url });
        if (article.text.trim()) {
          text = article.text;
          title = title ?? article.title;
          url = article.canonicalUrl ?? page.url;
        }
      }
      if (text.trim() === '') throw new InputError(`entry${e.title ? ` "${e.title.slice(0, 60)}"` : ''} has no text`);
      checkText(text, options);
      yield {
        ok: true,
        origin: where,
        doc: { id: e.id ?? e.link ?? `${idFromPath(origin)}-${i + 1}`, text, published: e.published ?? normalisePublished(options.published ?? null), title, source: origin, url },
      };
    } catch (err) {
      yield { ok: false, origin: where, error: failureReason(err) };
    }
  }
}

/** A URL: a page, a feed, or text/JSON, decided by --feed, the Content-Type and the content. */
async function* urlItems(url: string, options: ReadOptions): AsyncGenerator<InputItem> {
  let fetched;
  try {
    fetched = await fetchUrl(url, { maxBytes: options.maxRawBytes, ...options.fetch });
  } catch (err) {
    yield { ok: false, origin: url, error: failureReason(err) };
    return;
  }
  const type = fetched.contentType;
  try {
    const bytes = isGzip(fetched.bytes) ? gunzipCapped(fetched.bytes, options.maxRawBytes ?? DEFAULT_MAX_GUNZIP_BYTES) : fetched.bytes;
    if (/json/.test(type)) {
      if (/ndjson|jsonl/.test(type)) yield* readJsonLines(Readable.from([bytes]), url, options);
      else yield* parseBuffer(bytes, url, 'json', options);
      return;
    }
    if (type && !/html|xml|json|text\/|rss|atom/.test(type)) throw new InputError(`unsupported content type ${type.split(';')[0]} (expected a web page, a feed, JSON or text)`);
    if (/^text\/plain/.test(type)) {
      yield* parseBuffer(bytes, url, 'text', options);
      return;
    }
    const text = decodeHtml(bytes, type);
    if (options.feed || /rss|atom/.test(type) || looksLikeFeed(text)) yield* feedItems(text, url, options);
    else yield await pageItem(text, url, url, fetched.url, options);
  } catch (err) {
    yield { ok: false, origin: url, error: failureReason(err) };
  }
}

function resumed(origin: string): InputItem {
  return { ok: false, skipped: true, reason: 'resume', origin, error: 'finished in an earlier run (--resume)' };
}

/** Every document from the paths, before the language filter. */
async function* readSources(paths: string[], options: ReadOptions, stdin: Readable): AsyncGenerator<InputItem> {
  const max = options.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES;
  const maxRaw = options.maxRawBytes ?? DEFAULT_MAX_GUNZIP_BYTES;
  for (const path of paths.length ? paths : ['-']) {
    if (path === '-') {
      // JSON Lines stream line by line in bounded memory; other input is read whole (sniff.ts)
      const sniffed = options.feed ? null : await sniffJsonLines(stdin);
      if (sniffed?.jsonl) {
        yield* readJsonLines(sniffed.stream, 'stdin', options);
        continue;
      }
      let bytes: Buffer;
      try {
        bytes = await readCapped(sniffed?.stream ?? stdin, Math.max(maxRaw, max * 2 + 65536));
      } catch (err) {
        yield { ok: false, origin: 'stdin', error: failureReason(err) };
        continue;
      }
      if (options.feed) {
        try {
          yield* feedItems(decodeText(bytes), 'stdin', options);
        } catch (err) {
          yield { ok: false, origin: 'stdin', error: failureReason(err) };
        }
        continue;
      }
      const head = bytes.subarray(0, 64).toString('utf8').trimStart();
      const body = bytes.toString('utf8').trim();
      const looksJsonl = head.startsWith('{') && body.includes('\n') && !body.endsWith('}\n}') && body.split('\n').every((l) => l.trim() === '' || l.trim().startsWith('{'));
      if (looksJsonl) {
        yield* readJsonLines(Readable.from([bytes]), 'stdin', options);
      } else if (head.startsWith('<')) {
        // markup on stdin: a feed or a page
        let text: string;
        try {
          text = decodeHtml(bytes);
        } catch (err) {
          yield { ok: false, origin: 'stdin', error: failureReason(err) };
          continue;
        }
        if (looksLikeFeed(text)) yield* feedItems(text, 'stdin', options);
        else yield await pageItem(text, 'stdin', 'stdin', null, options);
      } else yield* parseBuffer(bytes, 'stdin', head.startsWith('{') || head.startsWith('[') ? 'json' : 'text', options);
      continue;
    }
    if (options.skipOrigin?.(path)) {
      yield resumed(path);
      continue;
    }
    if (isUrl(path)) {
      yield* urlItems(path, options);
      continue;
    }
    let size: number;
    try {
      const st = await fs.stat(path);
      if (st.isDirectory()) {
        const files = await listDirectory(path);
        if (files.length === 0) yield { ok: false, origin: path, error: `directory has no supported files (${SUPPORTED_EXTENSIONS.join(' ')}, or .gz of them)` };
        else yield* readSources(files, options, stdin);
        continue;
      }
      size = st.size;
    } catch (err) {
      yield { ok: false, origin: path, error: (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message };
      continue;
    }
    const gz = path.toLowerCase().endsWith('.gz');
    const ext = innerExt(path);
    if ((ext === '.jsonl' || ext === '.ndjson') && !gz) {
      yield* readJsonLines(createReadStream(path), path, options);
      continue;
    }
    const markup = HTML_EXT.has(ext) || FEED_EXT.has(ext) || options.feed;
    // refuse before reading: a JSON wrapper adds little over the text itself; pages and feeds carry markup
    // plain text is the document itself; JSON may escape its text to about twice the size
    const limit = gz || markup ? maxRaw : ext === '.json' ? max * 2 + 65536 : max;
    if (size > limit) {
      const what = gz || markup ? `the ${(limit / 1048576).toFixed(1)} MB page/feed limit` : `the ${(max / 1048576).toFixed(1)} MB document limit (--max-bytes)`;
      yield { ok: false, origin: path, error: `file is ${(size / 1048576).toFixed(1)} MB, over ${what}` };
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(path);
      if (gz) bytes = gunzipCapped(bytes, maxRaw);
    } catch (err) {
      yield { ok: false, origin: path, error: err instanceof InputError ? err.message : (err as Error).message };
      continue;
    }
    if (ext === '.jsonl' || ext === '.ndjson') {
      yield* readJsonLines(Readable.from([bytes]), path, options);
      continue;
    }
    if (markup) {
      let text: string;
      try {
        text = decodeHtml(bytes);
      } catch (err) {
        yield { ok: false, origin: path, error: failureReason(err) };
        continue;
      }
      if (options.feed || (FEED_EXT.has(ext) && !HTML_EXT.has(ext)) || looksLikeFeed(text)) yield* feedItems(text, path, options);
      else yield await pageItem(text, path, idFromPath(path), null, options);
      continue;
    }
    yield* parseBuffer(bytes, path, ext === '.json' ? 'json' : 'text', options);
  }
}

/**
 * Read every document from the given paths: files, directories (recursively), http(s) URLs,
 * or '-' for stdin (sniffed as JSON, JSONL, a feed, a page or text).
 */
export async function* readDocuments(paths: string[], options: ReadOptions = {}, stdin: Readable = process.stdin): AsyncGenerator<InputItem> {
  for await (const item of readSources(paths, options, stdin)) {
    if (item.ok && options.skipOrigin?.(item.origin)) {
      yield resumed(item.origin);
      continue;
    }
    if (item.ok && !options.anyLanguage) {
      const guess = detectLanguage(item.doc.text);
      if (guess.english === false) {
        yield { ok: false, skipped: true, reason: 'language', origin: item.origin, error: `skipped: not English (${guess.reason}); use --any-language to keep it` };
        continue;
      }
    }
    yield item;
  }
}
