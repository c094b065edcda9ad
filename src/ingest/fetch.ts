/**
 * Fetching pages and feeds over HTTP(S) with Node's fetch, bounded in time and size, and
 * decompressing gzip files with a cap on the decompressed size (a 10 KB gzip bomb can
 * expand to gigabytes). Failures are InputErrors with a reason a user can act on.
 */
import { gunzipSync } from 'node:zlib';
import { InputError } from './errors.js';

export const DEFAULT_FETCH_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_FETCH_BYTES = 20 * 1024 * 1024;
export const DEFAULT_MAX_GUNZIP_BYTES = 50 * 1024 * 1024;

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  userAgent?: string;
}

export interface Fetched {
  bytes: Buffer;
  /** the Content-Type header, lower-cased ('' when absent) */
  contentType: string;
  /** the URL after redirects */
  url: string;
}

const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

export function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<Fetched> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FETCH_BYTES;
  const signal = AbortSignal.timeout(timeoutMs);
  let res: Response;
  try {
    res = await fetch(url, {
      signal,
      redirect: 'follow',
      headers: {
        'user-agent': options.userAgent ?? 'Chronicle/0.1 (+news article reader)',
        accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5',
      },
    });
  } catch (err) {
    throw new InputError(fetchFailure(err, timeoutMs));
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new InputError(`HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`);
  }
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new InputError(`response is ${mb(declared)}, over the ${mb(maxBytes)} download limit`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    if (res.body) {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.byteLength;
        if (size > maxBytes) {
          await res.body.cancel().catch(() => undefined);
          throw new InputError(`response is over the ${mb(maxBytes)} download limit`);
        }
        chunks.push(Buffer.from(chunk));
      }
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(fetchFailure(err, timeoutMs));
  }
  return { bytes: Buffer.concat(chunks), contentType: (res.headers.get('content-type') ?? '').toLowerCase(), url: res.url || url };
}

function fetchFailure(err: unknown, timeoutMs: number): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `timed out after ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`;
  const cause = e.cause?.code ?? e.cause?.message;
  return `fetch failed${cause ? ` (${cause})` : `: ${e.message}`}`;
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Gunzip with a ceiling on the output size. */
export function gunzipCapped(bytes: Uint8Array, maxBytes = DEFAULT_MAX_GUNZIP_BYTES): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) throw new InputError(`gzip data expands past the ${mb(maxBytes)} limit (refused as a possible gzip bomb)`);
    throw new InputError(`not valid gzip data (${(err as Error).message})`);
  }
}
