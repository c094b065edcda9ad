/**
 * Worker-thread entry: runs the extraction pipeline on documents posted by the pool and posts
 * the results back. Each worker loads its own models once; the main thread stays the only
 * writer to the store.
 */
import { parentPort } from 'node:worker_threads';
import { extract } from '../extract.js';
import type { DocInput } from '../doc.js';

export interface WorkerRequest {
  seq: number;
  doc: DocInput;
}

export type WorkerReply = { seq: number; ok: true; result: unknown } | { seq: number; ok: false; error: string };

if (!parentPort) throw new Error('extract-worker.js runs as a worker thread');
const port = parentPort;
port.on('message', (msg: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { seq: msg.seq, ok: true, result: extract(msg.doc) };
  } catch (err) {
    reply = { seq: msg.seq, ok: false, error: (err as Error).message };
  }
  port.postMessage(reply);
});
