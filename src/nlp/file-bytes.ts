/**
 * The bytes of a large data file searched in place (a sorted key file, a file of records found by
 * offset), without reading it whole. Reading a file costs its size in fresh memory, and touching
 * fresh memory is most of what loading a model costs (about 3 ms per MB on our machines): a
 * gazetteer of 13 MB took ~0.1 s to read before its first lookup, of which it needs a few KB.
 * `FileBytes` reads a block the first time a search touches it (one positioned read) and keeps it;
 * a binary search over 5 MB visits ~20 blocks, the top ones shared by every lookup.
 * `memoryBytes` gives the same interface over bytes in memory (tests, builders).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export interface Bytes {
  readonly length: number;
  /** the byte at `at` (0 ≤ at < length) */
  byte(at: number): number;
  /** the first `value` at or after `from`; -1 when none */
  indexOf(value: number, from: number): number;
  /** the last `value` at or before `from`; -1 when none */
  lastIndexOf(value: number, from: number): number;
  /** bytes [from, to) decoded */
  text(from: number, to: number, encoding?: 'utf8' | 'latin1'): string;
}

/** The interface over bytes already in memory. */
export function memoryBytes(bytes: Uint8Array): Bytes {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    length: buf.length,
    byte: (at) => buf[at],
    indexOf: (value, from) => (from >= buf.length ? -1 : buf.indexOf(value, from)),
    lastIndexOf: (value, from) => (from < 0 ? -1 : buf.lastIndexOf(value, Math.min(from, buf.length - 1))),
    text: (from, to, encoding = 'utf8') => (to <= from ? '' : buf.toString(encoding, from, to)),
  };
}

const SHIFT = 12;
const BLOCK = 1 << SHIFT;
const MASK = BLOCK - 1;

/** A file's bytes read a 4 KB block at a time as searches ask for them. The file stays open for the life of the object. */
export class FileBytes implements Bytes {
  readonly length: number;
  private readonly fd: number;
  private readonly blocks: (Buffer | undefined)[];

  constructor(readonly path: string) {
    this.fd = openSync(path, 'r');
    try {
      this.length = fstatSync(this.fd).size;
    } catch (err) {
      closeSync(this.fd);
      throw err;
    }
    this.blocks = new Array<Buffer | undefined>(Math.ceil(this.length / BLOCK));
  }

  private block(b: number): Buffer {
    const known = this.blocks[b];
    if (known) return known;
    const start = b * BLOCK;
    const len = Math.min(BLOCK, this.length - start);
    const buf = Buffer.allocUnsafeSlow(len);
    for (let at = 0; at < len; ) {
      const n = readSync(this.fd, buf, at, len - at, start + at);
      if (n === 0) throw new Error(`${this.path}: file shrank while being read`);
      at += n;
    }
    this.blocks[b] = buf;
    return buf;
  }

  byte(at: number): number {
    return this.block(at >>> SHIFT)[at & MASK];
  }

  indexOf(value: number, from: number): number {
    if (from < 0) from = 0;
    for (let b = from >>> SHIFT; b < this.blocks.length; b++) {
      const i = this.block(b).indexOf(value, b === from >>> SHIFT ? from & MASK : 0);
      if (i >= 0) return b * BLOCK + i;
    }
    return -1;
  }

  lastIndexOf(value: number, from: number): number {
    if (from >= this.length) from = this.length - 1;
    if (from < 0) return -1;
    for (let b = from >>> SHIFT; b >= 0; b--) {
      const blk = this.block(b);
      const i = blk.lastIndexOf(value, b === from >>> SHIFT ? from & MASK : blk.length - 1);
      if (i >= 0) return b * BLOCK + i;
    }
    return -1;
  }

  text(from: number, to: number, encoding: 'utf8' | 'latin1' = 'utf8'): string {
    if (to <= from) return '';
    const first = from >>> SHIFT;
    const last = (to - 1) >>> SHIFT;
    if (first === last) return this.block(first).toString(encoding, from & MASK, ((to - 1) & MASK) + 1);
    const parts: Buffer[] = [];
    for (let b = first; b <= last; b++) parts.push(this.block(b).subarray(b === first ? from & MASK : 0, b === last ? ((to - 1) & MASK) + 1 : BLOCK));
    return Buffer.concat(parts).toString(encoding);
  }
}
