/**
 * Compact model files: a JSON header (metadata, class lists, small dictionaries) followed by
 * named typed arrays, gzip-compressed. Layout after gunzip:
 *   "CHRNLP1\n" | u32 header byte length | header JSON (UTF-8) | zero padding to 8 | arrays…
 * Each array's kind, offset and length are in header.arrays, so loading is one gunzip and a
 * few copies (well under a second for the shipped models).
 */
import { gzipSync, gunzipSync } from 'node:zlib';
import { FrozenPerceptron, PHI, PHI_INVERSE } from './perceptron.js';

type ArrayKind = 'u8' | 'u16' | 'u32' | 'i32' | 'f32';
export type TypedArrayAny = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array;

const MAGIC = 'CHRNLP1\n';

function kindOf(a: TypedArrayAny): ArrayKind {
  if (a instanceof Uint8Array) return 'u8';
  if (a instanceof Uint16Array) return 'u16';
  if (a instanceof Uint32Array) return 'u32';
  if (a instanceof Int32Array) return 'i32';
  return 'f32';
}

export interface ModelFile {
  header: Record<string, unknown>;
  arrays: Record<string, TypedArrayAny>;
}

export function encodeModel(file: ModelFile): Buffer {
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
  return gzipSync(buf, { level: 9 });
}

export function decodeModel(gz: Buffer, origin = 'model'): ModelFile {
  const buf = gunzipSync(gz);
  if (buf.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error(`${origin}: not a Chronicle model file`);
  const len = buf.readUInt32LE(MAGIC.length);
  const header = JSON.parse(buf.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + len)) as Record<string, unknown>;
  const headLen = Math.ceil((MAGIC.length + 4 + len) / 8) * 8;
  const index = header.arrays as Record<string, { kind: ArrayKind; offset: number; length: number }>;
  const arrays: Record<string, TypedArrayAny> = {};
  for (const [name, { kind, offset, length }] of Object.entries(index)) {
    const start = headLen + offset;
    const bytesPer = kind === 'u8' ? 1 : kind === 'u16' ? 2 : 4;
    // copy into a fresh, aligned ArrayBuffer
    const raw = buf.buffer.slice(buf.byteOffset + start, buf.byteOffset + start + length * bytesPer);
    arrays[name] = kind === 'u8' ? new Uint8Array(raw) : kind === 'u16' ? new Uint16Array(raw) : kind === 'u32' ? new Uint32Array(raw) : kind === 'i32' ? new Int32Array(raw) : new Float32Array(raw);
  }
  delete header.arrays;
  return { header, arrays };
}

/**
 * Stores a frozen perceptron under `prefix` compactly: rows sorted by key × φ (the order
 * FrozenPerceptron's table fills fastest), those products as delta-coded varints, row lengths as bytes, weights as bfloat16 (the top 16 bits of a
 * float32: 8-bit exponent, 7-bit mantissa, ample for perceptron weights).
 */
export function putPerceptron(arrays: Record<string, TypedArrayAny>, prefix: string, p: FrozenPerceptron): void {
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
