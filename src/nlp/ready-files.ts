/**
 * Load-ready model files as bytes: one read into a fresh 8-aligned buffer, and the copies a parent
 * thread read once into shared memory for its worker threads. Kept apart from model-io.ts so that
 * the thread that only starts workers (the CLI, the pool) loads none of the model code.
 */
import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';

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
/** Where the parent thread posts more of them, one `[path, bytes]` message a file, while this thread starts. */
let arriving: MessagePort | null = null;

/** The shared copy of a load-ready file, if the parent thread gave one (or has posted it by now). */
export function sharedReadyFile(path: string): Uint8Array | undefined {
  if (arriving) {
    for (let m = receiveMessageOnPort(arriving); m !== undefined; m = receiveMessageOnPort(arriving)) {
      const [p, bytes] = m.message as ReadyFileMessage;
      sharedReady.set(resolve(p), bytes);
    }
  }
  return sharedReady.get(resolve(path));
}

/**
 * In a worker thread: use these load-ready files (read by the parent into SharedArrayBuffers) instead of
 * reading its own copies, and those the parent posts on `port` before the worker asks for them.
 */
export function useSharedReady(files: ReadonlyMap<string, Uint8Array> | undefined, port?: MessagePort): void {
  for (const [path, bytes] of files ?? []) sharedReady.set(resolve(path), bytes);
  if (port) arriving = port;
}

/** One load-ready file posted to a starting worker (streamSharedReady → sharedReadyFile). */
export type ReadyFileMessage = readonly [path: string, bytes: Uint8Array];

/** The load-ready files under `dir` (recursively) but those `skip` names, largest first. */
export function readyFilesIn(dir: string, skip: (path: string) => boolean = () => false): string[] {
  const sized: [string, number][] = [];
  for (const name of readdirSync(dir, { recursive: true }).map(String)) {
    if (!name.endsWith('.ready.bin')) continue;
    const path = resolve(dir, name);
    if (skip(path)) continue;
    try {
      sized.push([path, statSync(path).size]);
    } catch {
      // gone: the worker builds or reads its own
    }
  }
  return sized.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([p]) => p);
}

/**
 * Reads `paths` into SharedArrayBuffers one after the other, off the thread (asynchronous reads, so
 * the page faults of filling fresh memory fall on libuv's pool, not on the caller's event loop),
 * handing each to `take` as it is read, until done or `stopped()`: a parent whose one worker is
 * starting reads the models' tables for it meanwhile, so the worker's own start no longer includes
 * reading them (docs/speed.md, twenty-second round). Unreadable files are left to the worker.
 * Resolves when done.
 */
export async function streamSharedReady(paths: readonly string[], take: (path: string, bytes: Uint8Array) => void, stopped: () => boolean): Promise<void> {
  for (const path of paths) {
    if (stopped()) return;
    let bytes: Uint8Array | null = null;
    try {
      const file = await open(path, 'r');
      try {
        const { size } = await file.stat();
        bytes = new Uint8Array(new SharedArrayBuffer(size));
        let at = 0;
        while (at < size) {
          const { bytesRead } = await file.read(bytes, at, size - at, at);
          if (bytesRead === 0) throw new Error(`${path}: file shrank while being read`);
          at += bytesRead;
        }
      } finally {
        await file.close();
      }
    } catch {
      bytes = null;
    }
    if (bytes && !stopped()) take(path, bytes);
  }
}

/**
 * Every load-ready file under `dir` (recursively) but those `skip` names, read into SharedArrayBuffers:
 * one copy of the models' tables for all worker threads. A file a worker finds stale, or was not
 * given, it reads or rebuilds itself.
 */
export function readSharedReady(dir: string, skip: (path: string) => boolean = () => false): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const path of readyFilesIn(dir, skip)) {
    try {
      out.set(path, readAligned(path, true));
    } catch {
      // gone or unreadable: the workers read their own
    }
  }
  return out;
}

