/**
 * Compact model files: a JSON header (metadata, class lists, small dictionaries) followed by
 * named typed arrays, gzip-compressed. Layout after gunzip:
 *   "CHRNLP1\n" | u32 header byte length | header JSON (UTF-8) | zero padding to 8 | arrays…
 * Each array's kind, offset and length are in header.arrays (offsets from the end of the
 * padded header, multiples of 8).
 *
 * The same layout uncompressed is the *load-ready* form (`readyModel`): built once from the
 * compressed file, kept beside it (never in git), and loaded with one read and typed-array
 * views into the file's bytes, with no decompression and no rebuilding of lookup tables.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync, gunzipSync } from 'node:zlib';
import { FrozenPerceptron, PHI, PHI_INVERSE, TABLE_LAYOUT, type FrozenTables } from './perceptron.js';
import { readAligned, sharedReadyFile } from './ready-files.js';

type ArrayKind = 'u8' | 'u16' | 'i16' | 'u32' | 'i32' | 'f32' | 'f64';
export type TypedArrayAny = Uint8Array | Uint16Array | Int16Array | Uint32Array | Int32Array | Float32Array | Float64Array;

const MAGIC = 'CHRNLP1\n';

function kindOf(a: TypedArrayAny): ArrayKind {
  if (a instanceof Uint8Array) return 'u8';
  if (a instanceof Uint16Array) return 'u16';
  if (a instanceof Int16Array) return 'i16';
  if (a instanceof Uint32Array) return 'u32';
  if (a instanceof Int32Array) return 'i32';
  if (a instanceof Float64Array) return 'f64';
  return 'f32';
}

const BYTES: Record<ArrayKind, number> = { u8: 1, u16: 2, i16: 2, u32: 4, i32: 4, f32: 4, f64: 8 };

/** A typed array of `kind` over `length` elements of `buffer` from byte `offset` (no copy). */
function view(kind: ArrayKind, buffer: ArrayBufferLike, offset: number, length: number): TypedArrayAny {
  switch (kind) {
    case 'u8': return new Uint8Array(buffer, offset, length);
    case 'u16': return new Uint16Array(buffer, offset, length);
    case 'i16': return new Int16Array(buffer, offset, length);
    case 'u32': return new Uint32Array(buffer, offset, length);
    case 'i32': return new Int32Array(buffer, offset, length);
    case 'f64': return new Float64Array(buffer, offset, length);
    default: return new Float32Array(buffer, offset, length);
  }
}

export interface ModelFile {
  header: Record<string, unknown>;
  arrays: Record<string, TypedArrayAny>;
}

/** The uncompressed container (the load-ready form); `encodeModel` gzips it. */
export function encodeModelRaw(file: ModelFile): Buffer {
  const index: Record<string, { kind: ArrayKind; offset: number; length: number }> = {};
  let offset = 0;
  const names = Object.keys(file.arrays).sort();
  for (const name of names) {
    const a = file.arrays[name];
    index[name] = { kind: kindOf(a), offset, length: a.length };
    offset += Math.ceil(a.byteLength / 8) * 8;
  }
  const headerBytes = Buffer.from(JSON.stringify({ ...file.header, arrays: index }), 'utf8');
  const headLen = Math.ceil((MAGIC.length + 4 + headerBytes.length) / 8) * 8;
  const buf = Buffer.alloc(headLen + offset);
  buf.write(MAGIC, 0, 'latin1');
  buf.writeUInt32LE(headerBytes.length, MAGIC.length);
  headerBytes.copy(buf, MAGIC.length + 4);
  for (const name of names) {
    const a = file.arrays[name];
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(buf, headLen + index[name].offset);
  }
  return buf;
}

export function encodeModel(file: ModelFile): Buffer {
  return gzipSync(encodeModelRaw(file), { level: 9 });
}

/**
 * Reads the uncompressed container. With `views`, the arrays are views into `bytes` (which must
 * start 8-aligned in its buffer, as a fresh ArrayBuffer or SharedArrayBuffer does); otherwise
 * each array is copied into a fresh, aligned buffer.
 */
export function decodeModelRaw(bytes: Uint8Array, origin = 'model', options: { views?: boolean } = {}): ModelFile {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < MAGIC.length + 4 || buf.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error(`${origin}: not a Chronicle model file`);
  const len = buf.readUInt32LE(MAGIC.length);
  const header = JSON.parse(buf.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + len)) as Record<string, unknown>;
  const headLen = Math.ceil((MAGIC.length + 4 + len) / 8) * 8;
  const index = header.arrays as Record<string, { kind: ArrayKind; offset: number; length: number }>;
  const views = options.views === true;
  if (views && bytes.byteOffset % 8 !== 0) throw new Error(`${origin}: load-ready bytes must be 8-aligned`);
  const arrays: Record<string, TypedArrayAny> = {};
  for (const [name, { kind, offset, length }] of Object.entries(index)) {
    const start = bytes.byteOffset + headLen + offset;
    const byteLength = length * BYTES[kind];
    if (headLen + offset + byteLength > bytes.byteLength) throw new Error(`${origin}: array ${name} runs past the end of the file (truncated?)`);
    arrays[name] = views ? view(kind, bytes.buffer, start, length) : view(kind, (bytes.buffer as ArrayBuffer).slice(start, start + byteLength), 0, length);
  }
  delete header.arrays;
  return { header, arrays };
}

export function decodeModel(gz: Buffer, origin = 'model'): ModelFile {
  return decodeModelRaw(gunzipSync(gz), origin);
}

/**
 * Stores a frozen perceptron's lookup tables (its in-memory form) under `prefix`, for the
 * load-ready file: loading them back is a few views, and scores are bit for bit the same.
 */
export function putTables(arrays: Record<string, TypedArrayAny>, header: Record<string, unknown>, prefix: string, p: FrozenPerceptron): void {
  const t = p.tables();
  header[prefix] = { nClasses: t.nClasses, rows: t.rows, cap: t.cap, layout: t.layout, scale: t.scale };
  for (const k of ['slots', 'decode', 'slots32', 'entries', 'slots16', 'entries16', 'decode10'] as const) arrays[`${prefix}.${k}`] = t[k];
}

export function getTables(file: ModelFile, prefix: string): FrozenPerceptron {
  const h = file.header[prefix] as Pick<FrozenTables, 'nClasses' | 'rows' | 'cap' | 'layout' | 'scale'> | undefined;
  if (!h) throw new Error(`load-ready model lacks ${prefix}`);
  const a = (k: string) => {
    const arr = file.arrays[`${prefix}.${k}`];
    if (!arr) throw new Error(`load-ready model lacks array ${prefix}.${k}`);
    return arr;
  };
  const tables: FrozenTables = {
    ...h,
    slots: a('slots') as Int32Array, decode: a('decode') as Float64Array, slots32: a('slots32') as Uint32Array,
    entries: a('entries') as Int32Array, slots16: a('slots16') as Uint16Array, entries16: a('entries16') as Uint16Array, decode10: a('decode10') as Float64Array,
  };
  const none = new Uint32Array(0);
  return new FrozenPerceptron(h.nClasses, none, Uint32Array.of(0), new Uint8Array(0), new Float32Array(0), {}, tables);
}

/**
 * What identifies a compressed model file's content cheaply: its size and, for gzip, the
 * trailer (CRC-32 and length of the uncompressed bytes), read with one small read; any other file
 * by a hash of its content.
 */
export function sourceStamp(path: string, by: 'content' | 'stat' = 'content'): string {
  const fd = openSync(path, 'r');
  try {
    if (by === 'stat') {
      const st = fstatSync(fd, { bigint: true });
      return `${st.size}:mtime ${st.mtimeNs}`;
    }
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(2, size));
    readSync(fd, head, 0, head.length, 0);
    // not gzip (a plain file given by an environment variable): its whole content
    if (head[0] !== 0x1f || head[1] !== 0x8b) return `${size}:sha1 ${createHash('sha1').update(readFileSync(path)).digest('hex')}`;
    const tail = Buffer.alloc(Math.min(8, size));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    return `${size}:${tail.toString('hex')}`;
  } finally {
    closeSync(fd);
  }
}

export { readAligned, readSharedReady, useSharedReady } from './ready-files.js';

export interface ReadyOptions {
  /** the load-ready file (default: the source path without .gz/.bin.gz, plus .ready.bin) */
  readyPath?: string;
  /** what the builder makes: a change rebuilds the load-ready file (the table layout is always included) */
  version: string;
  /** the load-ready bytes already in memory (e.g. a SharedArrayBuffer from the parent thread) */
  bytes?: Uint8Array;
  /**
   * how the source is recognised: 'content' (default; a gzip file by its trailer, any other by a
   * hash of its bytes) or 'stat' (size and modification time: for a large plain file that the
   * loader searches in place and never reads whole)
   */
  stamp?: 'content' | 'stat';
  /**
   * whether a load-ready file otherwise matching its source is still good (e.g. the other model file it was built
   * with is unchanged); false rebuilds it
   */
  current?: (file: ModelFile) => boolean;
}

export function readyPathFor(source: string): string {
  return source.replace(/(\.bin)?\.gz$/, '') + '.ready.bin';
}

/**
 * The load-ready form of the compressed model file `source`: read with one read and viewed in
 * place when it is present and was built from this very source by this build; otherwise built
 * with `build` (from the compressed bytes) and written beside the source for the next process
 * (atomically; a read-only install simply rebuilds in memory each time).
 */
export function readyModel(source: string, build: (compressed: Buffer) => ModelFile, options: ReadyOptions): { file: ModelFile; bytes: Uint8Array; built: boolean } {
  const readyPath = options.readyPath ?? readyPathFor(source);
  const stamp = `${sourceStamp(source, options.stamp)}|${options.version}|tables ${TABLE_LAYOUT}`;
  const tryLoad = (bytes: Uint8Array) => {
    try {
      const file = decodeModelRaw(bytes, readyPath, { views: true });
      return file.header.readyStamp === stamp && (options.current?.(file) ?? true) ? file : null;
    } catch {
      return null;
    }
  };
  const given = options.bytes ?? sharedReadyFile(readyPath);
  if (given) {
    const file = tryLoad(given);
    if (file) return { file, bytes: given, built: false };
  }
  let bytes: Uint8Array | null = null;
  try {
    bytes = readAligned(readyPath);
  } catch {
    bytes = null;
  }
  const loaded = bytes && tryLoad(bytes);
  if (bytes && loaded) return { file: loaded, bytes, built: false };
  let compressed: Buffer;
  try {
    compressed = readFileSync(source);
  } catch (err) {
    throw new Error(`cannot read the model ${source}: ${(err as Error).message}`);
  }
  const made = build(compressed);
  const raw = encodeModelRaw({ header: { ...made.header, readyStamp: stamp }, arrays: made.arrays });
  const tmp = `${readyPath}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(tmp, raw);
    renameSync(tmp, readyPath);
  } catch {
    try { unlinkSync(tmp); } catch { /* never written */ }
  }
  const fresh = new Uint8Array(raw.byteLength);
  fresh.set(raw);
  return { file: decodeModelRaw(fresh, readyPath, { views: true }), bytes: fresh, built: true };
}

/**
 * Stores a frozen perceptron under `prefix` compactly: rows sorted by key × φ (the order
 * FrozenPerceptron's table fills fastest), those products as delta-coded varints, row lengths as bytes, weights as bfloat16 (the top 16 bits of a
 * float32: 8-bit exponent, 7-bit mantissa, ample for perceptron weights).
 */
export function putPerceptron(arrays: Record<string, TypedArrayAny>, prefix: string, p: FrozenPerceptron): void {
  p.requireRows('putPerceptron');
  const rows = p.keys.length;
  const hashed = Uint32Array.from(p.keys, (k) => Math.imul(k, PHI) >>> 0);
  const order = Array.from({ length: rows }, (_, i) => i).sort((a, b) => hashed[a] - hashed[b]);
  const lengths = new Uint8Array(rows);
  const cls = new Uint8Array(p.cls.length);
  const vals = new Float32Array(p.vals.length);
  const keyBytes: number[] = [];
  let prev = 0;
  let at = 0;
  for (let r = 0; r < rows; r++) {
    const src = order[r];
    let delta = hashed[src] - prev;
    prev = hashed[src];
    while (delta >= 0x80) {
      keyBytes.push((delta & 0x7f) | 0x80);
      delta = Math.floor(delta / 128);
    }
    keyBytes.push(delta);
    const a = p.starts[src];
    const b = p.starts[src + 1];
    lengths[r] = b - a;
    for (let j = a; j < b; j++) {
      cls[at] = p.cls[j];
      vals[at++] = p.vals[j];
    }
  }
  // round to nearest bfloat16
  const bits = new Uint32Array(vals.buffer);
  const bf16 = new Uint16Array(vals.length);
  for (let j = 0; j < bits.length; j++) bf16[j] = (bits[j] + 0x7fff + ((bits[j] >>> 16) & 1)) >>> 16;
  arrays[`${prefix}.keys`] = Uint8Array.from(keyBytes);
  arrays[`${prefix}.lengths`] = lengths;
  arrays[`${prefix}.cls`] = cls;
  arrays[`${prefix}.vals`] = bf16;
}

export function getPerceptron(file: ModelFile, prefix: string, nClasses: number, options: { compact?: boolean } = {}): FrozenPerceptron {
  const a = file.arrays;
  const need = [`${prefix}.keys`, `${prefix}.lengths`, `${prefix}.cls`, `${prefix}.vals`];
  for (const n of need) if (!a[n]) throw new Error(`model file lacks array ${n}`);
  const keyBytes = a[need[0]] as Uint8Array;
  const lengths = a[need[1]] as Uint8Array;
  const rows = lengths.length;
  const keys = new Uint32Array(rows);
  let pos = 0;
  let prev = 0;
  for (let r = 0; r < rows; r++) {
    let delta = 0;
    let mul = 1;
    for (;;) {
      const byte = keyBytes[pos++];
      delta += (byte & 0x7f) * mul;
      if (byte < 0x80) break;
      mul *= 128;
    }
    prev += delta;
    keys[r] = Math.imul(prev, PHI_INVERSE) >>> 0;
  }
  const starts = new Uint32Array(rows + 1);
  for (let r = 0; r < rows; r++) starts[r + 1] = starts[r] + lengths[r];
  const bf16 = a[need[3]] as Uint16Array;
  const bits = new Uint32Array(bf16.length);
  for (let j = 0; j < bf16.length; j++) bits[j] = bf16[j] << 16;
  return new FrozenPerceptron(nClasses, keys, starts, a[need[2]] as Uint8Array, new Float32Array(bits.buffer), options);
}

/**
 * A string → string table in its load-ready form: "key\tvalue\n" lines sorted by key, looked up
 * by binary search in place, so loading it is one scan for line starts instead of building a map
 * of tens of thousands of entries. Keys hold no tab or line break.
 */
export class SortedTable {
  readonly starts: Uint32Array;

  /** `starts`: the line starts as `lineStarts(text)` gives them, when a load-ready file kept them */
  constructor(readonly text: string, starts?: Uint32Array) {
    this.starts = starts ?? lineStarts(text);
  }

  /** The lines of a table (the last value of a repeated key wins, as in a map). */
  static build(entries: Iterable<readonly [string, string]>): string {
    const map = new Map<string, string>();
    for (const [k, v] of entries) {
      if (/[\t\n]/.test(k) || v.includes('\n')) throw new Error(`table key or value with a tab or line break: ${JSON.stringify(k)}`);
      map.set(k, v);
    }
    return [...map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((k) => `${k}\t${map.get(k)}\n`).join('');
  }

  get size(): number {
    return this.starts.length - 1;
  }

  get(key: string): string | undefined {
    const text = this.text;
    let lo = 0;
    let hi = this.starts.length - 2;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.starts[mid];
      // compare key with the line's key (ended by its tab, which sorts before every character)
      let d = 0;
      for (let k = 0; ; k++) {
        const c = text.charCodeAt(at + k);
        if (k === key.length) {
          d = c === 9 ? 0 : -1;
          break;
        }
        if (c === 9) {
          d = 1;
          break;
        }
        d = key.charCodeAt(k) - c;
        if (d !== 0) break;
      }
      if (d === 0) return text.slice(at + key.length + 1, this.starts[mid + 1] - 1);
      if (d < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return undefined;
  }
}

/** Offsets of the lines of `text` (each ended by \n), and its length last. */
export function lineStarts(text: string): Uint32Array {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  const starts = new Uint32Array(n + 1);
  for (let k = 0, i = 0; k < n; k++) {
    starts[k] = i;
    i = text.indexOf('\n', i) + 1;
  }
  starts[n] = text.length;
  return starts;
}

/**
 * A string → string table of any keys, sorted in UTF-16 order and searched in place: keys and
 * values are two strings with the end of each entry, stored in a load-ready file as UTF-16 code
 * units (exact for any string) and offset arrays, so loading it is two decodes and no map of tens
 * of thousands of entries.
 */
export class KeyedTable {
  constructor(readonly keys: string, readonly keyEnds: Uint32Array, readonly values: string, readonly valueEnds: Uint32Array) {}

  static build(entries: Iterable<readonly [string, string]>): KeyedTable {
    const map = new Map<string, string>();
    for (const [k, v] of entries) map.set(k, v);
    const keys = [...map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const keyEnds = new Uint32Array(keys.length);
    const valueEnds = new Uint32Array(keys.length);
    let kAt = 0;
    let vAt = 0;
    keys.forEach((k, i) => {
      keyEnds[i] = kAt += k.length;
      valueEnds[i] = vAt += map.get(k)!.length;
    });
    return new KeyedTable(keys.join(''), keyEnds, keys.map((k) => map.get(k)!).join(''), valueEnds);
  }

  /** Its arrays for a model file, under `prefix`. */
  put(arrays: Record<string, TypedArrayAny>, prefix: string): void {
    const units = (s: string) => {
      const out = new Uint16Array(s.length);
      for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
      return out;
    };
    arrays[`${prefix}.keys`] = units(this.keys);
    arrays[`${prefix}.keyEnds`] = this.keyEnds;
    arrays[`${prefix}.values`] = units(this.values);
    arrays[`${prefix}.valueEnds`] = this.valueEnds;
  }

  static get(file: ModelFile, prefix: string): KeyedTable {
    const a = (k: string) => {
      const arr = file.arrays[`${prefix}.${k}`];
      if (!arr) throw new Error(`load-ready model lacks array ${prefix}.${k}`);
      return arr;
    };
    const text = (u: TypedArrayAny) => Buffer.from(u.buffer, u.byteOffset, u.byteLength).toString('utf16le');
    return new KeyedTable(text(a('keys')), a('keyEnds') as Uint32Array, text(a('values')), a('valueEnds') as Uint32Array);
  }

  get size(): number {
    return this.keyEnds.length;
  }

  /** The entry's index, or -1. */
  find(key: string): number {
    const keys = this.keys;
    const ends = this.keyEnds;
    let lo = 0;
    let hi = ends.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const from = mid === 0 ? 0 : ends[mid - 1];
      const len = ends[mid] - from;
      const n = Math.min(len, key.length);
      let d = 0;
      for (let k = 0; k < n && d === 0; k++) d = key.charCodeAt(k) - keys.charCodeAt(from + k);
      if (d === 0) d = key.length - len;
      if (d === 0) return mid;
      if (d < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return -1;
  }

  key(i: number): string {
    return this.keys.slice(i === 0 ? 0 : this.keyEnds[i - 1], this.keyEnds[i]);
  }

  value(i: number): string {
    return this.values.slice(i === 0 ? 0 : this.valueEnds[i - 1], this.valueEnds[i]);
  }

  get(key: string): string | undefined {
    const i = this.find(key);
    return i < 0 ? undefined : this.value(i);
  }
}

/** What a TableMap keeps for a key the table lacks (one map look-up answers hits and misses alike). */
const ABSENT: unique symbol = Symbol('absent');

/**
 * A Map over a KeyedTable, filled as it is asked: a key is searched in the table the first time
 * (found or not) and answered from the map after, so a hot path pays one map look-up as before and
 * loading pays nothing. Sized or iterated, it reads the whole table first. Misses are remembered
 * in the same map, bounded (a long document's unknown words must not grow the heap for good).
 */
export class TableMap<V> extends Map<string, V> {
  private complete = false;
  private absent = 0;

  constructor(private readonly table: KeyedTable, private readonly decode: (value: string) => V) {
    super();
  }

  override get(key: string): V | undefined {
    const hit = super.get(key) as V | typeof ABSENT | undefined;
    if (hit !== undefined) return hit === ABSENT ? undefined : hit;
    if (this.complete) return undefined;
    const i = this.table.find(key);
    if (i < 0) {
      // once the misses kept outnumber the table's entries, the whole table costs less to hold
      // than the misses: it is read in and a miss is one map look-up, with nothing added
      if (++this.absent > this.table.size && this.table.size <= 100_000) {
        this.fill();
        return undefined;
      }
      if (this.absent > 100_000) this.forgetAbsent();
      super.set(key, ABSENT as V);
      return undefined;
    }
    const v = this.decode(this.table.value(i));
    super.set(key, v);
    return v;
  }

  private forgetAbsent(): void {
    for (const [k, v] of super.entries()) if ((v as V | typeof ABSENT) === ABSENT) super.delete(k);
    this.absent = 1;
  }

  override has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  private fill(): void {
    if (this.complete) return;
    this.forgetAbsent();
    this.absent = 0;
    for (let i = 0; i < this.table.size; i++) {
      const k = this.table.key(i);
      if (!super.has(k)) super.set(k, this.decode(this.table.value(i)));
    }
    this.complete = true;
  }

  override get size(): number {
    this.fill();
    return super.size;
  }

  override entries(): MapIterator<[string, V]> {
    this.fill();
    return super.entries();
  }

  override keys(): MapIterator<string> {
    this.fill();
    return super.keys();
  }

  override values(): MapIterator<V> {
    this.fill();
    return super.values();
  }

  override forEach(fn: (value: V, key: string, map: Map<string, V>) => void, thisArg?: unknown): void {
    this.fill();
    super.forEach(fn, thisArg);
  }

  override [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}
