/**
 * Answers of the read routes (case files, profiles, searches), kept as the JSON text that was
 * sent, for as long as the store has not changed: every write to the store (an ingest, a merge,
 * a split, a recompute, by this process or any other sharing the store) moves its generation
 * counter, and the first request after that empties the cache. So an answer is never older than
 * the last write the request could see, and a busy case file is built once per change instead of
 * once per request. Bounded by bytes (least recently used first out); concurrent requests for an
 * answer being built wait for that one build.
 */
export class ResponseCache {
  private generation = -1;
  private readonly entries = new Map<string, string>();
  private readonly building = new Map<string, Promise<string | null>>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(
    /** largest total of cached answers, in UTF-16 code units (≈ bytes of JSON text) */
    readonly maxSize = 64 * 1024 * 1024,
    /** answers larger than this are not kept */
    readonly maxEntry = 8 * 1024 * 1024,
  ) {}

  /**
   * The answer for `key` at store generation `generation`: cached, or made by `build` (JSON text,
   * or null for "not found", which is not cached).
   */
  async get(key: string, generation: number, build: () => Promise<string | null>): Promise<string | null> {
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
    const made = build().then((body) => {
      if (this.building.get(key) === made) this.building.delete(key);
      if (body !== null && generation === this.generation) this.keep(key, body);
      return body;
    }, (err: unknown) => {
      if (this.building.get(key) === made) this.building.delete(key);
      throw err;
    });
    this.building.set(key, made);
    return made;
  }

  private keep(key: string, body: string): void {
    if (body.length > this.maxEntry) return;
    this.entries.set(key, body);
    this.bytes += body.length;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxSize) break;
      this.entries.delete(k);
      this.bytes -= v.length;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
