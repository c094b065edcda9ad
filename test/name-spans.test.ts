import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cutGazetteerOffices, cutOfficeComplements, honorificPersons, joinLedNames, joinPlaceLedNames, type TokenSpan } from '../src/extract/name-spans.js';
import { classifyErrors, confusionCounts, missedKind } from '../eval/name-spans.js';

const words = (s: string) => s.split(' ');
const shown = (w: readonly string[], spans: TokenSpan[]) => spans.map((s) => `${w.slice(s.start, s.end).join(' ')}/${s.type}`);
const head = (l: string) => (l === 'gazette' || l === 'hospital' || l === 'today' ? 'ORG' : null);
const isTitle = (x: string) => x === 'Minister';

/** The spans a mechanism leaves on a sentence (tokens split at spaces), given [start, end, type] spans. */
function after(fn: (w: readonly string[], spans: TokenSpan[]) => void, sentence: string, given: [number, number, TokenSpan['type']][]): string[] {
  const w = words(sentence);
  const spans = given.map(([start, end, type]) => ({ start, end, type }));
  fn(w, spans);
  return shown(w, spans);
}
const placeLed = (w: readonly string[], s: TokenSpan[]) => joinPlaceLedNames(w, s, head);
const office = (w: readonly string[], s: TokenSpan[]) => cutOfficeComplements(w, s, isTitle);

test('a place followed by capitalised words ending in an organisation head is one organisation', () => {
  assert.deepEqual(after(placeLed, 'According to the Tallert Gazette , the vote was close .', [[3, 4, 'GPE']]), ['Tallert Gazette/ORG']);
  // the model's own organisation right after the place joins it
  assert.deepEqual(after(placeLed, 'He was taken to Tallert General Hospital .', [[4, 5, 'GPE'], [5, 7, 'FAC']]), ['Tallert General Hospital/ORG']);
  // a date word may be the head ("Russia Today"), not a word inside; no head word: apart
  assert.deepEqual(after(placeLed, 'According to Tallert Today , most agree .', [[2, 3, 'GPE']]), ['Tallert Today/ORG']);
  assert.deepEqual(after(placeLed, 'In Tallert Monday Gazette readers voted .', [[1, 2, 'GPE']]), ['Tallert/GPE']);
  assert.deepEqual(after(placeLed, 'In Tallert Smith spoke .', [[1, 2, 'GPE']]), ['Tallert/GPE']);
});

test('a nationality or a full person name before capitalised common words ending in a head is one organisation', () => {
  const common = (l: string) => l === 'episcopal' || l === 'embassy';
  const place = (w: readonly string[]) => (a: number, b: number) => w.slice(a, b).join(' ') === 'Tallertian Gazette Today';
  const led = (leader: 'NORP' | 'PERSON') => (w: readonly string[], s: TokenSpan[]) => joinLedNames(w, s, leader, (l) => (l === 'embassy' ? 'FAC' : head(l)), common, place(w));
  assert.deepEqual(after(led('NORP'), 'He fled to the Tallertian Embassy .', [[4, 5, 'NORP']]), ['Tallertian Embassy/FAC']);
  assert.deepEqual(after(led('NORP'), 'The Tallertian Episcopal Gazette said so .', [[1, 2, 'NORP']]), ['Tallertian Episcopal Gazette/ORG']);
  // a name of its own after the nationality is no common word; the run must end at the head; a nationality inside a
  // longer capitalised name leads nothing; the gazetteer's place stays
  assert.deepEqual(after(led('NORP'), 'The Tallertian Orbis Gazette said so .', [[1, 2, 'NORP']]), ['Tallertian/NORP']);
  assert.deepEqual(after(led('NORP'), 'The Tallertian Gazette Orbis said so .', [[1, 2, 'NORP']]), ['Tallertian/NORP']);
  assert.deepEqual(after(led('NORP'), 'At Abilene Tallertian Gazette staff met .', [[2, 3, 'NORP']]), ['Tallertian/NORP']);
  assert.deepEqual(after(led('NORP'), 'Past the Tallertian Gazette Today we sailed .', [[2, 3, 'NORP']]), ['Tallertian/NORP']);
  // a person: a full name leads, a surname alone does not; a date word is no part of the name
  assert.deepEqual(after(led('PERSON'), 'He works at Jan Tallert Gazette now .', [[3, 5, 'PERSON']]), ['Jan Tallert Gazette/ORG']);
  assert.deepEqual(after(led('PERSON'), 'He works at Tallert Gazette now .', [[3, 4, 'PERSON']]), ['Tallert/PERSON']);
  assert.deepEqual(after(led('PERSON'), 'Ask Jan Tallert Monday Gazette .', [[1, 3, 'PERSON']]), ['Jan Tallert/PERSON']);
});

test('an office complement leaves the holder\'s name; a name after a plain "of" stays', () => {
  assert.deepEqual(after(office, 'the Minister for the Olympics Tessa Jowell spoke', [[4, 7, 'PERSON']]), ['Tessa Jowell/PERSON']);
  assert.deepEqual(after(office, 'the house of Mary Ann Evans burned', [[3, 6, 'PERSON']]), ['Mary Ann Evans/PERSON']);
});

test('an honorific the training gold puts before people makes a person; "St." does not', () => {
  assert.deepEqual(after(honorificPersons, 'According to Dr Tallert , it hurt .', [[2, 4, 'GPE']]), ['Tallert/PERSON']);
  assert.deepEqual(after(honorificPersons, 'They flew to St. Louis .', [[3, 5, 'GPE']]), ['St. Louis/GPE']);
});

test('an office grown onto an organisation from the actor dictionary leaves it; a title word inside an unknown name stays', () => {
  // (the office's end as ner.ts's endBeforeOffice gives it, with "UN" the one known name and "Secretary" the one title;
  // the rule's registered example runs the real one through the recogniser)
  const endBefore = (w: readonly string[]) => (a: number, b: number) => {
    const k = w.indexOf('Secretary', a + 1);
    return k > a && k < b && w.slice(a, k).join(' ') === 'UN' ? k : b;
  };
  const cut = (w: readonly string[], s: TokenSpan[]) => cutGazetteerOffices(s, endBefore(w));
  assert.deepEqual(after(cut, 'He met UN Secretary General Ban Ki-moon', [[2, 5, 'ORG'], [5, 7, 'PERSON']]), ['UN/ORG', 'Ban Ki-moon/PERSON']);
  assert.deepEqual(after(cut, 'He met Tallert Secretary Services staff', [[2, 5, 'ORG']]), ['Tallert Secretary Services/ORG']);
});

test('errors are classed as boundary (too long, too short, fused, split), type, missed, spurious', () => {
  const g = (start: number, end: number, type = 'ORG') => ({ start, end, type });
  const cls = (gold: ReturnType<typeof g>[], pred: ReturnType<typeof g>[]) => classifyErrors(gold, pred).map((e) => `${e.cls}/${e.coarse}`);
  assert.deepEqual(cls([g(0, 5)], [g(0, 5)]), []);
  assert.deepEqual(cls([g(0, 5)], [g(0, 5, 'GPE')]), ['type/ORG']);
  assert.deepEqual(cls([g(3, 5, 'PERSON')], [g(0, 5, 'PERSON')]), ['too long/PER']);
  assert.deepEqual(cls([g(0, 10)], [g(0, 5, 'GPE')]), ['too short/ORG']);
  assert.deepEqual(cls([g(0, 5), g(10, 15)], [g(0, 15)]), ['fused/ORG']);
  assert.deepEqual(cls([g(0, 15)], [g(0, 5, 'GPE'), g(6, 15, 'FAC')]), ['split/ORG']);
  assert.deepEqual(cls([g(0, 5)], []), ['missed/ORG']);
  assert.deepEqual(cls([], [g(0, 5, 'PERSON')]), ['spurious/PER']);
  // a nationality the prediction runs into is a boundary error of the organisation
  assert.deepEqual(cls([g(0, 7, 'NORP'), g(8, 20)], [g(0, 20)]), ['fused/ORG']);
});

test('missed names are classed by what the document says elsewhere: repeat, part, odd, initial, alone', () => {
  const text = 'Tallert Group grew. Later Tallert said hi and Orbis wrote to acme. Zentrix agreed.';
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, type: 'ORG' });
  const pred = new Map([['Tallert Group', 1], ['Orbis', 1]]);
  const words = new Set(['Tallert', 'Group', 'Orbis']);
  assert.equal(missedKind(text, at('Tallert said') && { ...at('Tallert said'), end: at('Tallert said').start + 7 }, pred, words), 'part');
  assert.equal(missedKind(text, at('Orbis'), pred, words), 'repeat');
  assert.equal(missedKind(text, at('acme'), pred, words), 'odd');
  assert.equal(missedKind(text, at('Zentrix'), pred, words), 'initial');
  assert.equal(missedKind('He met Zentrix there.', { start: 7, end: 14, type: 'ORG' }, pred, words), 'alone');
});

test('the type-confusion tally counts each gold and predicted name once: same bounds, overlapping, none', () => {
  // "Orbis" typed PERSON here and ORG later; "Tallert Group" cut to "Tallert"; "Zentrix" missed; "Mira" spurious
  const text = 'Orbis hired Tallert Group staff. Orbis and Zentrix met Mira.';
  const at = (s: string, type: string, from = 0) => ({ start: text.indexOf(s, from), end: text.indexOf(s, from) + s.length, type });
  const gold = [at('Orbis', 'ORG'), at('Tallert Group', 'ORG'), at('Orbis', 'ORG', 20), at('Zentrix', 'ORG')];
  const pred = [at('Orbis', 'PERSON'), at('Tallert', 'PERSON'), at('Orbis', 'ORG', 20), at('Mira', 'PERSON')];
  const counts = new Map<string, number>();
  confusionCounts(gold, pred, counts, text);
  assert.deepEqual(Object.fromEntries([...counts].sort()), {
    'g|exact|ORG|ORG': 1,
    'g|exact|ORG|PER': 1,
    'g|none|ORG|-': 1,
    'g|overlap|ORG|PER': 1,
    'p|exact|ORG|ORG': 1,
    'p|exact|ORG|PER': 1,
    'p|none|-|PER': 1,
    'p|overlap|ORG|PER': 1,
    // the first "Orbis" is typed right elsewhere in the article: a vote could mend it
    'vote|mixed': 1,
  });
});
