/**
 * A pool of extraction worker threads. Documents wait in one queue and are handed to a worker
 * when it has fewer than PER_WORKER in hand (the one it is extracting and the next, so it never
 * waits for a message between two documents): a worker that drew a long document does not hold
 * short ones queued behind it while another worker idles. A worker that dies (out of memory, a
 * native crash) fails only the document it was extracting, by name, and is replaced, so the rest
 * of the batch goes on.
 *
 * Time budget: each document may take `timeBudgetMs(text length)` once its worker starts it
 * (30 s per MB, at least 30 s, by default; limits.ts). A document over it is stopped (its
 * worker is terminated, since a running extraction cannot be interrupted from inside) and fails
 * with a BudgetError; the document handed to that worker next goes back to the queue.
 */
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { resolve } from 'node:path';
import { readSharedReady, readyFilesIn, streamSharedReady, type ReadyFileMessage } from '../nlp/ready-files.js';
import { ACCURATE_MODEL_FILE, BEAM_MODEL_FILE, beamMode, defaultModelPath, MODEL_FILE, modelsDir } from '../nlp/model-choice.js';
import type { DocInput } from '../doc.js';
import type { ResultOptions } from '../output/result.js';
import type { Result } from '../output/schema.js';
import type { Sketch } from '../store/dedup.js';
import type { WorkerReply, WorkerRequest } from './extract-worker.js';
import { BudgetError, budgetMessage, DEFAULT_SECONDS_PER_MB, MIN_BUDGET_SECONDS, timeBudgetMs } from './limits.js';

/** A document's extraction and the MinHash sketch of its text (made in the worker too, unless not asked). */
export interface Extracted {
  result: Result;
  sketch: Sketch;
}

export interface PoolOptions {
  /** seconds of extraction allowed per MB of text (at least `minSeconds`); 0: no budget */
  secondsPerMb?: number;
  /** the least any document is allowed (default MIN_BUDGET_SECONDS) */
  minSeconds?: number;
  /** the worker script (tests) */
  script?: URL;
  /** each worker's V8 old-generation limit, MB (default WORKER_HEAP_MB) */
  maxHeapMb?: number;
}

/**
 * A worker's heap limit. V8 lets garbage pile up in proportion to the limit before it collects:
 * under the default (about 4 GB on this machine) a 5 MB document peaked at 830 MB RSS though what
 * it kept alive was under 250 MB; at 1 GB it collects sooner. A document that truly needs more fails
 * alone, by name (the worker is replaced), and long texts go by sections (src/output/sections.ts).
 */
export const WORKER_HEAP_MB = 1024;

export interface ExtractOptions extends ResultOptions {
  /** compute the text's sketch for near-duplicate linking (default true) */
  sketch?: boolean;
}

interface Pending {
  request: WorkerRequest;
  resolve: (r: Extracted) => void;
  reject: (e: Error) => void;
  timer?: NodeJS.Timeout;
  /** a worker already died with this document in it once */
  retried?: boolean;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  /** stopped on purpose (budget): its exit is not a crash */
  retired: boolean;
}

/**
 * Documents a worker holds at once: the one it extracts and the next, already posted, so it
 * starts that one without waiting for the main thread. More would queue documents behind a long
 * one on a worker while another runs dry (bench:ingest with two workers: one of them idled 11% of
 * the run when each was handed documents as they came; docs/ingest.md).
 */
const PER_WORKER = 2;

/** models/ of this checkout (dist/src/ingest → the root) */
const MODELS_DIR = new URL('../../../models/', import.meta.url);

/**
 * The load-ready files of the NLP models the workers will not load (the accurate and beam-search
 * ones unless asked for: 49 MB that each `--jobs` run read into shared memory for nothing). The
 * beam-search model reads its tagger from the accurate model's file, so that one is kept with it.
 */
function otherNlpModels(): (path: string) => boolean {
  const inUse = new Set([resolve(defaultModelPath())]);
  if (beamMode()) inUse.add(resolve(modelsDir(), ACCURATE_MODEL_FILE));
  const others = new Set([MODEL_FILE, ACCURATE_MODEL_FILE, BEAM_MODEL_FILE].map((f) => resolve(modelsDir(), f)).filter((p) => !inUse.has(p)).map((p) => p.replace(/\.bin\.gz$/, '.ready.bin')));
  return (path) => others.has(path);
}

export class ExtractPool {
  private readonly slots: Slot[] = [];
  /** documents not yet handed to a worker, in order */
  private readonly waiting: Pending[] = [];
  private seq = 0;
  private closed = false;
  private readonly secondsPerMb: number;
  private readonly minSeconds: number;
  private readonly script: URL;
  private readonly maxHeapMb: number;

  constructor(readonly size: number, options: PoolOptions | URL = {}) {
    if (!Number.isInteger(size) || size < 1) throw new Error('the pool needs at least one worker');
    const o = options instanceof URL ? { script: options } : options;
    this.script = o.script ?? new URL('./extract-worker.js', import.meta.url);
    this.secondsPerMb = o.secondsPerMb ?? DEFAULT_SECONDS_PER_MB;
    this.minSeconds = o.minSeconds ?? MIN_BUDGET_SECONDS;
    this.maxHeapMb = o.maxHeapMb ?? WORKER_HEAP_MB;
    // two workers or more share one copy of the models' load-ready tables (SharedArrayBuffers), read
    // before they start; one worker is started first and the tables are read (asynchronously) while it
    // starts, each posted to it as read (a file it asks for before it comes it reads itself)
    if (size >= 2) {
      try {
        this.sharedModels = readSharedReady(fileURLToPath(MODELS_DIR), otherNlpModels());
      } catch {
        this.sharedModels = undefined;
      }
    } else {
      this.sharedModels = new Map();
      const channel = new MessageChannel();
      this.readyPort = channel.port1;
      this.slots.push(this.spawn(channel.port2));
      let paths: string[] = [];
      try {
        paths = readyFilesIn(fileURLToPath(MODELS_DIR), otherNlpModels());
      } catch {
        paths = [];
      }
      const models = this.sharedModels;
      void streamSharedReady(paths, (path, bytes) => {
        models.set(path, bytes);
        channel.port1.postMessage([path, bytes] satisfies ReadyFileMessage);
      }, () => this.closed);
      return;
    }
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  /** the models' load-ready tables in shared memory, handed to every worker started (and restarted) */
  private readonly sharedModels: Map<string, Uint8Array> | undefined;
  /** where a single pool's tables are posted to its first worker as they are read */
  private readonly readyPort: MessagePort | null = null;

  private spawn(readyPort?: MessagePort): Slot {
    const workerData = { ready: this.sharedModels && new Map(this.sharedModels), readyPort };
    const worker = new Worker(this.script, { workerData, transferList: readyPort ? [readyPort] : [], resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb } });
    const slot: Slot = { worker, pending: new Map(), retired: false };
    slot.worker.on('message', (msg: WorkerReply) => {
      const p = slot.pending.get(msg.seq);
      if (!p) return;
      if ('started' in msg) {
        const budget = timeBudgetMs(p.request.doc.text.length, this.secondsPerMb, this.minSeconds);
        if (budget !== Infinity) p.timer = setTimeout(() => this.overBudget(slot, msg.seq, budget), budget);
        return;
      }
      slot.pending.delete(msg.seq);
      if (p.timer) clearTimeout(p.timer);
      this.dispatch();
      if (msg.ok) p.resolve({ result: msg.result as Result, sketch: msg.sketch as Sketch });
      else p.reject(new Error(msg.error));
    });
    const fail = (err: Error) => {
      if (slot.retired) return;
      slot.retired = true;
      // the document being extracted fails; those queued behind it get one more try elsewhere
      const stuck = [...slot.pending.values()];
      slot.pending.clear();
      this.replace(slot);
      const retry: Pending[] = [];
      stuck.forEach((p, i) => {
        if (p.timer) clearTimeout(p.timer);
        if (i === 0 || p.retried || this.closed) p.reject(err);
        else retry.push({ ...p, retried: true });
      });
      this.requeue(retry);
    };
    slot.worker.on('error', (err) => fail(new Error(`extraction worker failed: ${err.message}`)));
    slot.worker.on('exit', (code) => {
      if (!this.closed) fail(new Error(`extraction worker exited (code ${code})`));
    });
    return slot;
  }

  private replace(slot: Slot): void {
    if (this.closed) return;
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots[i] = this.spawn();
  }

  /** A document over its budget: stop its worker; the others waiting on it move to a fresh one. */
  private overBudget(slot: Slot, seq: number, budget: number): void {
    const p = slot.pending.get(seq);
    if (!p || slot.retired) return;
    slot.retired = true;
    slot.pending.delete(seq);
    const waiting = [...slot.pending.values()];
    slot.pending.clear();
    void slot.worker.terminate();
    this.replace(slot);
    p.reject(new BudgetError(budgetMessage(budget, this.secondsPerMb, this.minSeconds)));
    for (const w of waiting) if (w.timer) clearTimeout(w.timer);
    this.requeue(waiting);
  }

  /** Documents taken back from a worker that stopped go first, in their order. */
  private requeue(docs: Pending[]): void {
    if (this.closed) {
      for (const p of docs) p.reject(new Error('the extraction pool is closed'));
      return;
    }
    this.waiting.unshift(...docs.map((p) => ({ ...p, timer: undefined })));
    this.dispatch();
  }

  /** Hand waiting documents to the workers with room, the least busy first. */
  private dispatch(): void {
    while (this.waiting.length > 0 && !this.closed) {
      let slot: Slot | null = null;
      for (const s of this.slots) if (!s.retired && s.pending.size < PER_WORKER && (!slot || s.pending.size < slot.pending.size)) slot = s;
      if (!slot) return;
      const p = this.waiting.shift()!;
      const seq = ++this.seq;
      const request = { ...p.request, seq };
      slot.pending.set(seq, { ...p, request });
      slot.worker.postMessage(request);
    }
  }

  /** documents handed to workers and not finished */
  get busy(): number {
    return this.slots.reduce((n, s) => n + s.pending.size, 0);
  }

  extract(doc: DocInput, options: ExtractOptions = {}): Promise<Extracted> {
    if (this.closed) return Promise.reject(new Error('the extraction pool is closed'));
    const { sketch, ...resultOptions } = options;
    return new Promise<Extracted>((resolve, reject) => {
      this.waiting.push({ request: { seq: 0, doc, options: resultOptions, sketch: sketch !== false }, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const s of this.slots) for (const p of s.pending.values()) if (p.timer) clearTimeout(p.timer);
    for (const p of this.waiting.splice(0)) p.reject(new Error('the extraction pool is closed'));
    this.readyPort?.close();
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
