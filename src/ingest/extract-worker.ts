/**
 * Worker-thread entry: runs the extraction pipeline on documents posted by the pool and posts
 * the results back, with the MinHash sketch of the text for near-duplicate linking when asked
 * (so the single writer, the main thread, does as little as possible besides writing). Each
 * worker loads its own models once, before its first document, so a document's time budget
 * counts its own extraction only; the main thread stays the only writer to the store.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { useSharedReady } from '../nlp/ready-files.js';
import { extract } from '../extract.js';
import type { DocInput } from '../doc.js';
import type { ResultOptions } from '../output/result.js';
import { sketch } from '../store/dedup.js';

export interface WorkerRequest {
  seq: number;
  doc: DocInput;
  options?: ResultOptions;
  /** also compute the text's MinHash sketch (ingest) */
  sketch?: boolean;
}

export type WorkerReply =
  | { seq: number; started: true }
  | { seq: number; ok: true; result: unknown; sketch: { sig: Uint32Array; size: number } | null }
  | { seq: number; ok: false; error: string };

if (!parentPort) throw new Error('extract-worker.js runs as a worker thread');
const port = parentPort;
// the models' load-ready tables the pool read once for all workers (when it runs two or more)
useSharedReady((workerData as { ready?: Map<string, Uint8Array> } | null)?.ready);
// load the models now: the first document's budget should not pay for them
extract({ id: 'warm-up', text: 'Talks resumed in Geneva on Monday.', published: '2024-01-01' });
port.on('message', (msg: WorkerRequest) => {
  port.postMessage({ seq: msg.seq, started: true } satisfies WorkerReply);
  let reply: WorkerReply;
  try {
    const result = extract(msg.doc, msg.options);
    reply = { seq: msg.seq, ok: true, result, sketch: msg.sketch === false ? null : sketch(result.text) };
  } catch (err) {
    reply = { seq: msg.seq, ok: false, error: (err as Error).message };
  }
  port.postMessage(reply);
});
