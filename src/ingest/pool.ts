/**
 * A pool of extraction worker threads. Each document goes to the least busy worker; a worker
 * that dies (out of memory, a native crash) fails only its in-flight documents, by name, and
 * is replaced, so the rest of the batch goes on.
 */
import { Worker } from 'node:worker_threads';
import type { DocInput } from '../doc.js';
import type { Result } from '../output/schema.js';
import type { Sketch } from '../store/dedup.js';
import type { WorkerReply } from './extract-worker.js';

/** A document's extraction and the MinHash sketch of its text (made in the worker too). */
export interface Extracted {
  result: Result;
  sketch: Sketch;
}

interface Pending {
  resolve: (r: Extracted) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

export class ExtractPool {
  private readonly slots: Slot[] = [];
  private seq = 0;
  private closed = false;

  constructor(
    readonly size: number,
    private readonly script: URL = new URL('./extract-worker.js', import.meta.url),
  ) {
    if (!Number.isInteger(size) || size < 1) throw new Error('the pool needs at least one worker');
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(this.script), pending: new Map() };
    slot.worker.on('message', (msg: WorkerReply) => {
      const p = slot.pending.get(msg.seq);
      if (!p) return;
      slot.pending.delete(msg.seq);
      if (msg.ok) p.resolve({ result: msg.result as Result, sketch: msg.sketch });
      else p.reject(new Error(msg.error));
    });
    const fail = (err: Error) => {
      for (const p of slot.pending.values()) p.reject(err);
      slot.pending.clear();
      if (this.closed) return;
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots[i] = this.spawn();
    };
    slot.worker.on('error', (err) => fail(new Error(`extraction worker failed: ${err.message}`)));
    slot.worker.on('exit', (code) => {
      if (!this.closed) fail(new Error(`extraction worker exited (code ${code})`));
    });
    return slot;
  }

  /** documents being extracted right now */
  get busy(): number {
    return this.slots.reduce((n, s) => n + s.pending.size, 0);
  }

  extract(doc: DocInput): Promise<Extracted> {
    if (this.closed) return Promise.reject(new Error('the extraction pool is closed'));
    const slot = this.slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const seq = ++this.seq;
    return new Promise<Extracted>((resolve, reject) => {
      slot.pending.set(seq, { resolve, reject });
      slot.worker.postMessage({ seq, doc });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
