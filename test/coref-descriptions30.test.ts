/**
 * Descriptions (issue 23, coref30): "the court" after "the lower court" may be that court, not
 * the one named before it; "the Prime Minister of Portugal
 * Tom Berg" gives a title for "the prime minister". Sentences of our own: for each
 * rule, cases of the text, the words, the link with every rule on and the link with that rule switched off.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';

interface Case { text: string; words: string; on: string; off: string }

const CASES: Record<string, Case[]> = {
  'coref.description-unnamed-same-head': [
    // an unnamed court with "the" between the named one and the description: none
    { text: 'The Ruritanian Supreme Court advised the lower court to drop the case in April. If the court refuses, the man will be executed.', words: 'the court', on: '', off: 'Ruritanian Supreme Court' },
    // "another" picks out another
    { text: 'Footballer Tom Berg scored twice on Monday. The team also fielded another footballer, and the footballer scored once.', words: 'the footballer', on: '', off: 'Tom Berg' },
    // an indefinite may be a kind; a predicate and an apposition name the same thing; a word of the name describes it
    { text: 'The Ruritanian Supreme Court is the highest court of the country. In April the court refused the appeal.', words: 'the court', on: 'Ruritanian Supreme Court', off: 'Ruritanian Supreme Court' },
    { text: 'The Ruritanian Supreme Court heard the appeal of a man sentenced by a court in the north. In April the court refused the appeal.', words: 'the court', on: 'Ruritanian Supreme Court', off: 'Ruritanian Supreme Court' },
    { text: 'The Ruritanian Supreme Court met on Monday. The Ruritanian court said the appeal failed. In April the court refused another appeal.', words: 'the court', on: 'Ruritanian Supreme Court', off: 'Ruritanian Supreme Court' },
    // "the same court" points back; "the highest court of Portugal" is the Supreme Court of Portugal
    { text: 'The Ruritanian Supreme Court met on Monday. Two judges of the same court resigned. In April the court refused the appeal.', words: 'the court', on: 'Ruritanian Supreme Court', off: 'Ruritanian Supreme Court' },
    { text: 'The Supreme Court of Portugal met on Monday. The highest court of Portugal said the appeal failed. In April the court refused another appeal.', words: 'the court', on: 'Supreme Court of Portugal', off: 'Supreme Court of Portugal' },
  ],
  // recall: a title with its place before the name
  'coref.title-of-place-before-name': [
    { text: 'A letter was sent to the Prime Minister of Portugal Tom Berg on Monday. Critics said the prime minister ignored it.', words: 'the prime minister', on: 'Tom Berg', off: '' },
    { text: 'A letter was sent to the people of Portugal, Tom Berg said on Monday. Critics said the prime minister ignored it.', words: 'the prime minister', on: '', off: '' },
  ],
};

// each case twice: every rule on, and the case's rule alone switched off
const runs = Object.entries(CASES).flatMap(([rule, cases]) => cases.map((c) => ({ rule, c })));
test('descriptions (coref30): each case with its rule on and off', () => {
  for (const { rule, c: { text, words, on, off } } of runs) {
    assert.equal(linkOf(doc(text), words), on, `${rule} on: ${text}`);
    assert.equal(linkWithout(rule, text, words), off, `${rule} off: ${text}`);
  }
});
