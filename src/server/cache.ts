/**
 * Answers of the read routes (case files, profiles, searches), kept as the JSON that was sent,
 * for as long as the store has not changed: every write to the store (an ingest, a merge, a split,
 * a recompute, by this process or any other sharing the store) moves its generation counter, and
 * the first request after that empties the cache. So an answer is never older than the last write
 * the request could see, and a busy case file is built once per change instead of once per
 * request. Bounded by bytes (least recently used first out); concurrent requests for an answer
 * being built wait for that one build. A large answer is also kept gzipped, made the first time a
 * client that accepts gzip asks for it (a case file of 800 events: 470 KB, about 25 KB gzipped).
 */
import { gzipSync } from 'node:zlib';

/** Answers smaller than this are sent as they are. */
const GZIP_FROM = 2048;

/** One cached answer: its JSON (UTF-8, as sent) and, once asked for, its gzipped form. */
export interface CachedAnswer {
  readonly key: string;
  readonly body: Buffer;
  gz?: Buffer;
}

export class ResponseCache {
  private generation = -1;
  private readonly entries = new Map<string, CachedAnswer>();
  private readonly building = new Map<string, Promise<CachedAnswer | null>>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(
    /** largest total of cached answers, bytes (gzipped forms included) */
    readonly maxSize = 64 * 1024 * 1024,
    /** answers larger than this are not kept */
    readonly maxEntry = 8 * 1024 * 1024,
  ) {}

  /**
   * The answer for `key` at store generation `generation`: cached, or made by `build` (JSON text,
   * or null for "not found", which is not cached).
   */
  async get(key: string, generation: number, build: () => Promise<string | null>): Promise<CachedAnswer | null> {
    if (generation !== this.generation) {
      this.entries.clear();
      this.building.clear();
      this.bytes = 0;
      this.generation = generation;
    }
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.hits++;
      // most recently used last
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const pending = this.building.get(key);
    if (pending) return pending;
    this.misses++;
    const made = build().then((text) => {
      if (this.building.get(key) === made) this.building.delete(key);
      if (text === null) return null;
      const answer: CachedAnswer = { key, body: Buffer.from(text, 'utf8') };
      if (generation === this.generation && answer.body.length <= this.maxEntry) {
        this.entries.set(key, answer);
        this.grew(answer.body.length);
      }
      return answer;
    }, (err: unknown) => {
      if (this.building.get(key) === made) this.building.delete(key);
      throw err;
    });
    this.building.set(key, made);
    return made;
  }

  /** The gzipped form of an answer (made once), or null when it is too small to pay. */
  gzipOf(answer: CachedAnswer): Buffer | null {
    if (answer.body.length < GZIP_FROM) return null;
    if (!answer.gz) {
      answer.gz = gzipSync(answer.body, { level: 6 });
      if (this.entries.get(answer.key) === answer) this.grew(answer.gz.length);
    }
    return answer.gz;
  }

  private grew(by: number): void {
    this.bytes += by;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxSize) break;
      this.entries.delete(k);
      this.bytes -= v.body.length + (v.gz?.length ?? 0);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * Reads of the store's generation, shared by the requests that arrive together. Every read route
 * asks for the generation before it answers from the cache; on PostgreSQL that is a round trip
 * through the connection pool, and ten concurrent requests made ten of them, queued behind one
 * another and behind the queries of answers being built. Here at most one read is under way: a
 * request that arrives while one is takes the next read, which starts when that one ends and
 * serves every request that arrived in between. A read already under way is never reused, since
 * it may have begun before a write the new request follows (a client that stored a document
 * through another server and then asks for the case file must see it), so an answer is still
 * never older than the last write committed before the request arrived.
 */
export class GenerationReader {
  private current: Promise<number> | null = null;
  private next: Promise<number> | null = null;
  /** reads made (tests) */
  reads = 0;

  constructor(private readonly read: () => Promise<number>) {}

  get(): Promise<number> {
    if (!this.current) return this.start();
    this.next ??= this.current.then(noop, noop).then(() => {
      this.next = null;
      return this.start();
    });
    return this.next;
  }

  private start(): Promise<number> {
    this.reads++;
    const made: Promise<number> = this.read().finally(() => {
      if (this.current === made) this.current = null;
    });
    this.current = made;
    return made;
  }
}

function noop(): void {}
