import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Doc } from '../../doc.js';
import { tokenizeStage } from '../../nlp/sentences.js';
import { ConlluError, parseConllu, writeConlluSentence, type ConlluSentence } from '../../nlp/conllu.js';
import { loadNlpModel, nlpModel, useAccurateModel, useBeamModel, type NlpModel } from '../../nlp/nlp-model.js';
import { parseDoc } from '../../nlp/parse-stage.js';
import { decodeText } from '../../ingest/input.js';
import { parseCommandArgs } from '../args.js';
import { EXIT, UsageError, type Command } from '../command.js';

async function readInput(path: string): Promise<string> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return decodeText(Buffer.concat(chunks));
  }
  try {
    return decodeText(await readFile(path));
  } catch (err) {
    throw new UsageError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

async function write(s: string): Promise<void> {
  if (!process.stdout.write(s)) await new Promise((r) => process.stdout.once('drain', r));
}

/** Fills predicted LEMMA, UPOS, XPOS, HEAD and DEPREL, keeping everything else. */
export function annotateConllu(model: NlpModel, s: ConlluSentence): void {
  if (s.words.length === 0) return;
  const a = model.analyse(s.words.map((w) => w.form));
  s.words.forEach((w, i) => {
    w.lemma = a.lemma[i];
    w.upos = a.upos[i];
    w.xpos = a.xpos[i];
    w.head = a.head[i] + 1;
    w.deprel = a.deprel[i];
    w.deps = '_';
  });
}

/** Splits CoNLL-U text into sentence blocks with their first line number, so one bad block does not stop the rest. */
function blocks(text: string): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  const lines = text.split('\n');
  let start = -1;
  for (let i = 0; i <= lines.length; i++) {
    const blank = i === lines.length || lines[i].trim() === '';
    if (!blank && start < 0) start = i;
    if (blank && start >= 0) {
      out.push({ text: lines.slice(start, i).join('\n'), line: start });
      start = -1;
    }
  }
  return out;
}

export const parseCommand: Command = {
  name: 'parse',
  usage: `Usage: chronicle parse [FILE.txt|-]            tokenize plain text and parse it
       chronicle parse --conllu FILE|-            parse pre-tokenized CoNLL-U

Writes CoNLL-U to standard output with predicted LEMMA, UPOS, XPOS, HEAD and DEPREL.
With --conllu the given tokenization is kept: IDs, FORMs, multiword-token lines, empty
nodes, comments, FEATS and MISC pass through unchanged (DEPS is cleared). Plain text is
split into sentences and tokens by Chronicle's tokenizer; SpaceAfter=No marks glued tokens.

Options:
  --conllu         the input is CoNLL-U
  --model PATH     model file (default models/nlp-en.bin.gz, or $CHRONICLE_NLP_MODEL)
  --accurate       the accurate model (models/nlp-en-accurate.bin.gz: LAS +1.4, ~1.5× the CPU; docs/nlp.md)
  --beam           the accurate model's configuration with a beam-search parser (models/nlp-en-beam.bin.gz: LAS +1.7, ~6× the CPU; docs/nlp.md)
  -h, --help       this help

Exit codes: 0 done, 1 some sentences could not be read (each named on stderr), 2 usage error.

Examples:
  chronicle parse story.txt > story.conllu
  chronicle parse --conllu en_ewt-ud-test.conllu > predicted.conllu
  echo "The rebels freed two hostages on Monday." | chronicle parse -`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      conllu: { type: 'boolean', default: false },
      model: { type: 'string' },
      accurate: { type: 'boolean', default: false },
      beam: { type: 'boolean', default: false },
    });
    if (values.accurate) useAccurateModel();
    if (values.beam) useBeamModel();
    if (positionals.length > 1) throw new UsageError('parse takes one input file (or - for standard input)');
    const path = positionals[0] ?? '-';
    const model = values.model ? loadNlpModel(values.model) : nlpModel();
    const text = await readInput(path);
    const name = path === '-' ? 'stdin' : path;
    if (values.conllu) {
      let failed = 0;
      for (const block of blocks(text)) {
        let sents: ConlluSentence[];
        try {
          sents = parseConllu(block.text);
        } catch (err) {
          failed++;
          const line = err instanceof ConlluError ? block.line + err.line : block.line + 1;
          const msg = err instanceof ConlluError ? err.message.replace(/^line \d+: /, '') : (err as Error).message;
          process.stderr.write(`chronicle parse: ${name}:${line}: ${msg}; sentence skipped\n`);
          continue;
        }
        for (const s of sents) {
          annotateConllu(model, s);
          await write(writeConlluSentence(s));
        }
      }
      return failed > 0 ? EXIT.SOME_FAILED : EXIT.OK;
    }
    const doc = new Doc({ id: path === '-' ? 'stdin' : basename(path), text });
    tokenizeStage.run(doc);
    parseDoc(doc, model);
    for (let si = 0; si < doc.sentences.length; si++) {
      const sent = doc.sentences[si];
      const sentence: ConlluSentence = {
        comments: [`# sent_id = ${si + 1}`, `# text = ${doc.text.slice(sent.start, sent.end).replace(/\s+/g, ' ')}`],
        words: [],
        lines: [],
      };
      if (si === 0 || doc.sentences[si - 1].paragraph !== sent.paragraph) sentence.comments.unshift(si === 0 ? '# newdoc' : '# newpar');
      for (let k = sent.tokenStart; k < sent.tokenEnd; k++) {
        const t = doc.tokens[k];
        sentence.lines.push(sentence.words.length);
        sentence.words.push({
          id: k - sent.tokenStart + 1,
          form: t.text,
          lemma: t.lemma ?? '_',
          upos: t.upos ?? '_',
          xpos: t.xpos ?? '_',
          feats: '_',
          head: t.head === undefined ? -1 : t.head < 0 ? 0 : t.head - sent.tokenStart + 1,
          deprel: t.deprel ?? '_',
          deps: '_',
          misc: t.spaceAfter || k === sent.tokenEnd - 1 ? '_' : 'SpaceAfter=No',
        });
      }
      await write(writeConlluSentence(sentence));
    }
    return EXIT.OK;
  },
};
