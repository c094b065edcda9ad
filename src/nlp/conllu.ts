/**
 * CoNLL-U reading and writing (https://universaldependencies.org/format.html).
 * Word lines (integer IDs) are what models see; multiword-token lines (`1-2`), empty nodes
 * (`8.1`) and comments are kept verbatim so a file can be re-emitted with predictions.
 */

export interface ConlluWord {
  id: number;
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  feats: string;
  /** 0 for the root, 1-based word ID otherwise; -1 when unknown ("_") */
  head: number;
  deprel: string;
  deps: string;
  misc: string;
}

export interface ConlluSentence {
  /** comment lines, without the trailing newline */
  comments: string[];
  words: ConlluWord[];
  /**
   * Every non-comment line in file order: a word (index into `words`) or a verbatim line
   * (multiword token or empty node), so writing back preserves the original layout.
   */
  lines: Array<number | string>;
}

export class ConlluError extends Error {
  constructor(message: string, readonly line: number) {
    super(`line ${line}: ${message}`);
  }
}

/** Parses CoNLL-U text into sentences. Throws ConlluError naming the line on malformed input. */
export function parseConllu(text: string): ConlluSentence[] {
  const out: ConlluSentence[] = [];
  let cur: ConlluSentence = { comments: [], words: [], lines: [] };
  const flush = () => {
    if (cur.words.length || cur.comments.length || cur.lines.length) out.push(cur);
    cur = { comments: [], words: [], lines: [] };
  };
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    let line = lines[n];
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (n === 0 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (line.startsWith('#')) {
      if (cur.words.length || cur.lines.length) flush();
      cur.comments.push(line);
      continue;
    }
    const cols = line.split('\t');
    if (cols.length !== 10) throw new ConlluError(`expected 10 tab-separated columns, found ${cols.length}`, n + 1);
    const id = cols[0];
    if (/^\d+$/.test(id)) {
      const num = Number(id);
      if (num !== cur.words.length + 1) throw new ConlluError(`word ID ${id} out of sequence (expected ${cur.words.length + 1})`, n + 1);
      const head = cols[6] === '_' ? -1 : Number(cols[6]);
      if (!Number.isInteger(head)) throw new ConlluError(`bad HEAD '${cols[6]}'`, n + 1);
      cur.lines.push(cur.words.length);
      cur.words.push({
        id: num, form: cols[1], lemma: cols[2], upos: cols[3], xpos: cols[4], feats: cols[5],
        head, deprel: cols[7], deps: cols[8], misc: cols[9],
      });
    } else if (/^\d+-\d+$/.test(id) || /^\d+\.\d+$/.test(id)) {
      cur.lines.push(line);
    } else {
      throw new ConlluError(`bad ID '${id}'`, n + 1);
    }
  }
  flush();
  return out;
}

/** Writes sentences back as CoNLL-U (each sentence followed by a blank line). */
export function writeConllu(sentences: ConlluSentence[]): string {
  const parts: string[] = [];
  for (const s of sentences) parts.push(writeConlluSentence(s));
  return parts.join('');
}

export function writeConlluSentence(s: ConlluSentence): string {
  const rows: string[] = [...s.comments];
  for (const l of s.lines) {
    if (typeof l === 'string') rows.push(l);
    else {
      const w = s.words[l];
      rows.push([w.id, w.form, w.lemma || '_', w.upos || '_', w.xpos || '_', w.feats || '_', w.head < 0 ? '_' : w.head, w.deprel || '_', w.deps || '_', w.misc || '_'].join('\t'));
    }
  }
  return rows.join('\n') + '\n\n';
}

/** Reads one or more CoNLL-U files. */
export async function readConlluFiles(paths: string[]): Promise<ConlluSentence[]> {
  const { readFile } = await import('node:fs/promises');
  const out: ConlluSentence[] = [];
  for (const p of paths) {
    try {
      for (const s of parseConllu(await readFile(p, 'utf8'))) out.push(s);
    } catch (err) {
      if (err instanceof ConlluError) throw new ConlluError(`${p}: ${err.message}`, err.line);
      throw err;
    }
  }
  return out;
}
