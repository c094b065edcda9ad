/**
 * Worker-thread entry: runs the extraction pipeline on documents posted by the pool and posts
 * the results back, with the MinHash sketch of the text for near-duplicate linking when asked
 * (so the single writer, the main thread, does as little as possible besides writing). Each
 * worker loads its own models once, before its first document, so a document's time budget
 * counts its own extraction only; the main thread stays the only writer to the store.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { useSharedReady } from '../nlp/ready-files.js';
import { extract } from '../extract.js';
import { nlpModel } from '../nlp/nlp-model.js';
import { getNerModel } from '../extract/ner.js';
import { gazetteer as nameGazetteer } from '../extract/gazetteer.js';
import { actorIndex } from '../extract/actors/index.js';
import { defaultLexicon } from '../extract/events/lexicon.js';
import { defaultDetector } from '../extract/events/detector.js';
import { gazetteer as placesGazetteer } from '../extract/places/gazetteer.js';
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

/** The models every document's stages load on first use (the tagger/parser, the recognisers, actors, events, places). */
function preloadModels(): void {
  for (const load of [nlpModel, getNerModel, nameGazetteer, actorIndex, defaultLexicon, defaultDetector, placesGazetteer]) {
    try {
      load();
    } catch {
      // reported by the stage that needs it, on the first document
    }
  }
}

if (!parentPort) throw new Error('extract-worker.js runs as a worker thread');
const port = parentPort;
// the models' load-ready tables the pool read once for all workers (when it runs two or more), or
// reads and posts on readyPort while this worker starts (when it runs one)
const given = workerData as { ready?: Map<string, Uint8Array>; readyPort?: MessagePort } | null;
useSharedReady(given?.ready, given?.readyPort);
// load the models now: the first document's budget should not pay for them. Loading them is
// enough (a warm-up extraction cost ~30 ms of CPU more per worker, ~10% of a tiny document's wall
// time); what a stage reads besides (word lists, patterns) is small and loads with the first
// document. A model that fails to load says so in the first document's error, by name.
preloadModels();
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
