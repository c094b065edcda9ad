#!/usr/bin/env node
/**
 * Rebuilds the Wikinews news and interview documents of the GUM corpus (CC BY 2.5) into plain
 * articles: {id, title, published, source, url, text} with paragraphs separated by blank lines.
 * The text is re-joined from the CoNLL-U tokens (SpaceAfter=No), the title heading and the
 * dateline are taken out of the body (the dateline gives the publication date), figure
 * captions are dropped, and interview turns are prefixed with the speaker's name.
 *
 *   node examples/wikinews/build.mjs [/path/to/gum/dep]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dir = process.argv[2] ?? join(here, '../../../shared/data/gum/dep');
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DATELINE = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) ?, ([A-Z][a-z]+) (\d{1,2}) ?, (\d{4})$/;

function speakerName(who) {
  // "#DavidShankbone" → "David Shankbone"
  return who.replace(/^#/, '').replace(/([a-z])([A-Z])/g, '$1 $2');
}

function build(file) {
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  const meta = {};
  const paragraphs = [];
  let current = null;
  let skip = 0;
  let sentence = [];
  let sentenceText = '';
  let published = null;
  let first = true;
  let speaker = null;
  const flush = () => {
    if (!sentence.length) return;
    // GUM keeps spaces around some hyphens and before clitics ("six - member", "Trump 's"):
    // join a hyphen between two words, and a possessive or contracted clitic to its word
    let text = '';
    for (let i = 0; i < sentence.length; i++) {
      const [form, spaceAfter, xpos] = sentence[i];
      const next = sentence[i + 1];
      const joinNext = next && ((xpos === 'HYPH' && i > 0) || (next[2] === 'HYPH' && i + 2 < sentence.length) || next[2] === 'POS' || /^n't$|^'(s|re|ve|ll|d|m)$/i.test(next[0]));
      text += form + (spaceAfter && !joinNext ? ' ' : '');
    }
    text = text.trim();
    sentence = [];
    if (skip > 0) {
      skip--;
      return;
    }
    const date = DATELINE.exec(sentenceText.trim()) ?? DATELINE.exec(text);
    if (date && !published) {
      const m = MONTHS.indexOf(date[1].toLowerCase());
      if (m >= 0) {
        published = `${date[3]}-${String(m + 1).padStart(2, '0')}-${date[2].padStart(2, '0')}`;
        return;
      }
    }
    if (!current) {
      current = [];
      paragraphs.push(current);
    }
    current.push(text);
  };
  for (const line of lines) {
    if (line.startsWith('# meta::')) {
      const m = /^# meta::(\w+) = (.*)$/.exec(line);
      if (m) meta[m[1]] = m[2];
    } else if (line.startsWith('# newpar_block')) {
      const block = line.slice(line.indexOf('=') + 1).trim();
      const count = Number(/\((\d+) s\)/.exec(block)?.[1] ?? 0);
      const sp = /^sp who:::"([^"]+)"/.exec(block);
      if (first && block.startsWith('head')) skip = count;
      else if (block.startsWith('figure')) skip = count;
      current = null;
      speaker = sp ? speakerName(sp[1]) : null;
      first = false;
    } else if (line.startsWith('# newpar')) {
      current = null;
    } else if (line.startsWith('# text = ')) {
      sentenceText = line.slice(9);
    } else if (/^\d+\t/.test(line)) {
      const cols = line.split('\t');
      sentence.push([cols[1], !/SpaceAfter=No/.test(cols[9]), cols[4]]);
      if (speaker && current === null && sentence.length === 1 && skip === 0) {
        current = [`${speaker}:`];
        paragraphs.push(current);
        speaker = null;
      }
    } else if (line.trim() === '') flush();
  }
  flush();
  const id = file.replace(/\.conllu$/, '').replace(/^GUM_/, 'wikinews-').replace(/_/g, '-');
  return {
    id,
    title: meta.title ?? null,
    published: published ?? meta.dateCreated ?? null,
    source: 'Wikinews',
    url: meta.sourceURL ?? null,
    licence: 'CC BY 2.5',
    text: paragraphs.map((p) => p.join(' ')).filter((p) => p.length > 0).join('\n\n'),
  };
}

const files = readdirSync(dir).filter((f) => /^GUM_(news|interview)_.*\.conllu$/.test(f)).sort();
const credits = [];
for (const f of files) {
  const doc = build(f);
  writeFileSync(join(here, `${doc.id}.json`), JSON.stringify(doc, null, 1) + '\n');
  credits.push(`| ${doc.id} | ${doc.title} | ${doc.published} | ${doc.url} |`);
}
process.stdout.write(credits.join('\n') + '\n'); // the table in examples/CREDITS.md
process.stderr.write(`${files.length} articles written to ${here}\n`);
