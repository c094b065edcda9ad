/**
 * The transcript reader (src/extract/transcript.ts): one reader of interview speaker labels for the quotes stage (answers
 * as quotes of the label's speaker) and coreference (turns for "I" and "you"), its label shapes and side words lexicon
 * data. Transcripts of our own (invented people).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entries } from '../src/lexicon/index.js';
import { isInitialsLabel, isUserNameLabel, labelLines, readTranscript, sideOf } from '../src/extract/transcript.js';
import type { Doc } from '../src/doc.js';
import { doc, linkOf } from './helpers/coref-links.js';
import { quotesOf } from './support/quote-lines.js';

/** The quotes stage's context for the reader: the entity and mention kind over each token (names over other mentions). */
function owned(d: Doc): { owners: (string | undefined)[]; kinds: (string | undefined)[] } {
  const owners: (string | undefined)[] = new Array(d.tokens.length);
  const kinds: (string | undefined)[] = new Array(d.tokens.length);
  for (const e of d.entities) {
    for (const m of e.mentions) {
      for (let i = d.tokenAt(m.start); i < d.tokens.length && d.tokens[i].start < m.end; i++) {
        if (owners[i] === undefined || (m.kind === 'name' && kinds[i] !== 'name')) { owners[i] = e.id; kinds[i] = m.kind; }
      }
    }
  }
  return { owners, kinds };
}

const intro = 'Grace Mwangi, a nurse, opened a clinic in Kisumu in 2015. Tom Baker of the Daily Star spoke to her.\n\n';
const turns = (q: string, a: string) =>
  `${q} When did you open the clinic?\n\n${a} I opened it in 2015 with my two nurses.\n\n${q} Why Kisumu?\n\n${a} My family lives there.`;

test('the label shapes and side words are lexicon data, each shape read by the stages it names', () => {
  const shapes = entries('turn-label-shapes').filter((r) => r.attrs.class === 'label');
  assert.deepEqual(shapes.map((r) => r.word), ['paren', 'colon', 'dash', 'letter', 'initials']);
  // (the marked shapes both stages read; "Q." is coreference's only, bare initials the answers' only)
  for (const r of shapes) assert.ok(r.attrs.readers && /^(?:answers|turns)(?:,(?:answers|turns))?$/.test(r.attrs.readers), r.word);
  assert.equal(sideOf('Interviewer'), 'interviewer');
  assert.equal(sideOf('Tom Baker'), undefined);
  assert.equal(isInitialsLabel('GM'), true);
  assert.equal(isInitialsLabel('Grace'), false);
  assert.equal(isUserNameLabel('GraceMwangi'), true);
  assert.equal(isUserNameLabel('Grace Mwangi'), false);
});

test('both stages read the same labels at the same places: dash, colon and double-parenthesis shapes', () => {
  for (const [q, a] of [['Tom Baker –', 'Grace Mwangi –'], ['Tom Baker:', 'Grace Mwangi:'], ['((Tom Baker))', '((Grace Mwangi))']]) {
    const text = intro + turns(q, a);
    const d = doc(text);
    const { owners, kinds } = owned(d);
    const t = readTranscript(d, owners, kinds);
    assert.ok(t, `${q} ${a}: no transcript`);
    const lines = labelLines(text);
    // every answer the quotes stage reads starts where coreference's turn for that label starts
    const answerLines = lines.filter((l) => l.label === 'Grace Mwangi');
    assert.deepEqual(t.answers.map((x) => [x.label.start, x.start]), answerLines.map((l) => [l.labelStart, l.start]), `${q} ${a}`);
    assert.equal(t.questions.length, 2);
    // and the two agree on the speaker: the answer is her quote, its "I" hers
    assert.equal(d.entityById(t.answers[0].speaker!)?.name, 'Grace Mwangi');
    assert.equal(linkOf(d, 'I opened'), 'Grace Mwangi', `${q} ${a}`);
  }
});

test('initials labels are read as the alias layer spells a name\'s initials: a hyphen parts two words ("Jean-Paul" → JP)', () => {
  const text = 'Jean-Paul Okello, a nurse, opened a clinic in Kisumu in 2015. Wikinews spoke to Okello about the clinic.\n\n'
    + '((WN)) When did you open the clinic?\n\nJPO We opened it in 2015, with two nurses.\n\n((WN)) Why Kisumu?\n\nJPO My family lives there, and the town needed it.';
  const q = quotesOf(text).find((x) => x.text === 'We opened it in 2015, with two nurses.');
  assert.equal(q?.speaker, 'Jean-Paul Okello', JSON.stringify(quotesOf(text)));
});

test('coreference reads initials labels with the same initials: "JPO:" is Jean-Paul Okello, whose "I" it is', () => {
  const text = 'Jean-Paul Okello, a nurse, opened a clinic in Kisumu in 2015. Tom Baker of the Daily Star spoke to Okello.\n\n'
    + 'TB: When did you open the clinic?\n\nJPO: I opened it in 2015 with my two nurses.\n\nTB: Why Kisumu?\n\nJPO: My family lives there.';
  const d = doc(text);
  assert.equal(linkOf(d, 'I opened'), 'Jean-Paul Okello');
  assert.equal(linkOf(d, 'you open'), 'Jean-Paul Okello');
});
