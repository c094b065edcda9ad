/**
 * Load-ready model files as bytes: one read into a fresh 8-aligned buffer, and the copies a parent
 * thread read once into shared memory for its worker threads. Kept apart from model-io.ts so that
 * the thread that only starts workers (the CLI, the pool) loads none of the model code.
 */
import { closeSync, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { resolve } from 'node:path';

/** The whole file in a fresh buffer (8-aligned; shared between threads when `shared`). */
export function readAligned(path: string, shared = false): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytes = new Uint8Array(shared ? new SharedArrayBuffer(size) : new ArrayBuffer(size));
    let at = 0;
    while (at < size) {
      const n = readSync(fd, bytes, at, size - at, at);
      if (n === 0) throw new Error(`${path}: file shrank while being read`);
      at += n;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** Load-ready files a parent thread read into shared memory, by absolute path (readyModel looks here first). */
const sharedReady = new Map<string, Uint8Array>();

/** The shared copy of a load-ready file, if the parent thread gave one. */
export function sharedReadyFile(path: string): Uint8Array | undefined {
  return sharedReady.get(resolve(path));
}

/** In a worker thread: use these load-ready files (read by the parent into SharedArrayBuffers) instead of reading its own copies. */
export function useSharedReady(files: ReadonlyMap<string, Uint8Array> | undefined): void {
  for (const [path, bytes] of files ?? []) sharedReady.set(resolve(path), bytes);
}

/**
 * Every load-ready file under `dir` (recursively) but those `skip` names, read into SharedArrayBuffers:
 * one copy of the models' tables for all worker threads. A file a worker finds stale, or was not
 * given, it reads or rebuilds itself.
 */
export function readSharedReady(dir: string, skip: (path: string) => boolean = () => false): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const name of readdirSync(dir, { recursive: true }).map(String)) {
    if (!name.endsWith('.ready.bin')) continue;
    const path = resolve(dir, name);
    if (skip(path)) continue;
    try {
      out.set(path, readAligned(path, true));
    } catch {
      // gone or unreadable: the workers read their own
    }
  }
  return out;
}

