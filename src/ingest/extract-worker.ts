/**
 * Worker-thread entry: runs the extraction pipeline on documents posted by the pool and posts
 * the results back, with the MinHash sketch of the text for near-duplicate linking (so the
 * single writer, the main thread, does as little as possible besides writing). Each worker
 * loads its own models once; the main thread stays the only writer to the store.
 */
import { parentPort } from 'node:worker_threads';
import { extract } from '../extract.js';
import type { DocInput } from '../doc.js';
import { sketch } from '../store/dedup.js';

export interface WorkerRequest {
  seq: number;
  doc: DocInput;
}

export type WorkerReply = { seq: number; ok: true; result: unknown; sketch: { sig: Uint32Array; size: number } } | { seq: number; ok: false; error: string };

if (!parentPort) throw new Error('extract-worker.js runs as a worker thread');
const port = parentPort;
port.on('message', (msg: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const result = extract(msg.doc);
    reply = { seq: msg.seq, ok: true, result, sketch: sketch(result.text) };
  } catch (err) {
    reply = { seq: msg.seq, ok: false, error: (err as Error).message };
  }
  port.postMessage(reply);
});
