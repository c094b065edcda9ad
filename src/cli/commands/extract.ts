import { ExtractPool } from '../../ingest/pool.js';
import { BudgetError, DEFAULT_SECONDS_PER_MB } from '../../ingest/limits.js';
import { readDocuments, DEFAULT_MAX_TEXT_BYTES } from '../../ingest/input.js';
import { parseCommandArgs, documentLimits, timeBudget } from '../args.js';
import { useAccurateModel, useBeamModel } from '../../nlp/nlp-model.js';
import { EXIT, UsageError, type Command } from '../command.js';

export const extractCommand: Command = {
  name: 'extract',
  usage: `Usage: chronicle extract [FILE…|-] [options]

Reads .txt, .json ({id, text, published?, title?, source?, url?} or an array of them),
.jsonl (one such object a line), .html/.htm article pages, RSS/Atom feeds (.xml, .rss,
.atom; any of these also .gz), directories (recursively), http(s) URLs, or standard input
('-', or no FILE), and writes one JSON result a line (JSONL) to standard output.
Documents not in English are skipped with a note (docs/ingest.md).

Options:
  --published YYYY-MM-DD  publication date for plain text (and JSON without "published")
  --pretty                indented JSON (one document only)
  --tokens                include tokens with upos, xpos, lemma, head, deprel
  --format F              json (default), plover (a PLOVER JSON record per event) or cameo (GDELT-like TSV); docs/events.md
  --max-bytes N           largest accepted document text (default ${DEFAULT_MAX_TEXT_BYTES})
  --feed                  read each FILE or URL as an RSS/Atom feed (one document per entry)
  --fetch-articles        with --feed: fetch the linked page of entries that carry only a summary
  --any-language          keep documents not detected as English
  --accurate              tag and parse with the accurate model (LAS +1.4, tag+parse ~1.5× the CPU; docs/nlp.md)
  --beam                  tag and parse with the beam-search model (LAS +1.7, tag+parse ~6× the CPU; docs/nlp.md)
  --time-budget S         seconds of extraction allowed per MB of text, at least 30 s a
                          document (default ${DEFAULT_SECONDS_PER_MB}; 0: none); a document over
                          it fails by name and the others go on
  -h, --help              this help

Exit codes: 0 all documents done, 1 some documents failed (each named on stderr), 2 usage error.

Examples:
  chronicle extract article.json --pretty
  chronicle extract --published 2025-02-16 story.txt
  cat articles.jsonl | chronicle extract - > results.jsonl
  chronicle extract page.html other.html.gz https://example.com/story
  chronicle extract --feed https://example.com/rss.xml`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      published: { type: 'string' },
      pretty: { type: 'boolean', default: false },
      tokens: { type: 'boolean', default: false },
      format: { type: 'string', default: 'json' },
      'max-bytes': { type: 'string' },
      feed: { type: 'boolean', default: false },
      'fetch-articles': { type: 'boolean', default: false },
      'any-language': { type: 'boolean', default: false },
      'time-budget': { type: 'string' },
      accurate: { type: 'boolean', default: false },
      beam: { type: 'boolean', default: false },
    });
    if (values.accurate) useAccurateModel();
    if (values.beam) useBeamModel();
    const { published, maxTextBytes } = documentLimits(values);
    const secondsPerMb = timeBudget(values['time-budget']);

    let failed = 0;
    let done = 0;
    let skipped = 0;
    const pretty: unknown[] = [];
    // the PLOVER and CAMEO writers (and the event lexicon they read) load only when asked for
    const formats = (values.format ?? 'json').toLowerCase() === 'json' ? null : await import('../../output/formats.js');
    const format = (() => { try { return formats ? formats.parseOutputFormat(values.format) : 'json'; } catch (err) { throw new UsageError((err as Error).message); } })();
    if (formats) process.stdout.write(formats.formatPreamble(format));
    const readOptions = { published, maxTextBytes, feed: values.feed, fetchArticles: values['fetch-articles'], anyLanguage: values['any-language'] };
    // extraction runs in a worker thread, so that a document over its time budget can be stopped
    // and the others go on (limits.ts); the worker starts now, loading its models while the
    // input is read, so a short run waits for the slower of the two, not for both
    const pool = new ExtractPool(1, { secondsPerMb });
    try {
      for await (const item of readDocuments(positionals, readOptions)) {
        if (!item.ok && item.skipped) {
          skipped++;
          process.stderr.write(`chronicle extract: ${item.origin}: ${item.error}\n`);
          continue;
        }
        if (!item.ok) {
          failed++;
          process.stderr.write(`chronicle extract: ${item.origin}: ${item.error}\n`);
          continue;
        }
        try {
          const { result } = await pool.extract(item.doc, { tokens: values.tokens, sketch: false });
          if (formats && format !== 'json') { if (!process.stdout.write(formats.formatResult(result, format))) await new Promise((r) => process.stdout.once('drain', r)); }
          else if (values.pretty) pretty.push(result);
          else if (!process.stdout.write(JSON.stringify(result) + '\n')) await new Promise((r) => process.stdout.once('drain', r));
          done++;
        } catch (err) {
          failed++;
          process.stderr.write(`chronicle extract: ${item.origin}: ${err instanceof BudgetError ? '' : 'extraction failed: '}${(err as Error).message}\n`);
        }
      }
    } finally {
      await pool.close();
    }
    if (values.pretty) process.stdout.write(JSON.stringify(pretty.length === 1 ? pretty[0] : pretty, null, 2) + '\n');
    if (done === 0 && failed === 0 && skipped === 0) process.stderr.write('chronicle extract: no documents\n');
    return failed > 0 ? EXIT.SOME_FAILED : EXIT.OK;
  },
};
