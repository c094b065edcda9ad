import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Doc, type TimeExpression } from '../src/doc.js';
import { Pipeline } from '../src/pipeline.js';
import { tokenizeStage } from '../src/nlp/sentences.js';
import { timesStage } from '../src/extract/times.js';
import { isoWeek } from '../src/extract/times/calendar.js';

// tokens and sentences, then times: the stage under test, without the trained parser
const pipeline = new Pipeline([tokenizeStage, timesStage]);

function times(text: string, published: string | null = '2025-02-16'): TimeExpression[] {
  return pipeline.process({ text, published }).times;
}

/** The value given to the expression whose text is `phrase` (fails when it is not found). */
function valueOf(text: string, phrase: string, published: string | null = '2025-02-16'): string {
  const all = times(text, published);
  const hit = all.find((t) => t.text === phrase);
  assert.ok(hit, `"${phrase}" not found in ${JSON.stringify(all.map((t) => t.text))}`);
  return hit.value;
}

function evidenceOf(text: string, phrase: string, published: string | null = '2025-02-16'): string {
  const hit = times(text, published).find((t) => t.text === phrase);
  assert.ok(hit?.evidence, `no evidence for "${phrase}"`);
  return hit.evidence;
}

test('a weekday takes the tense of its clause (published Sunday 2025-02-16)', () => {
  assert.equal(valueOf('The ambassador met the freed hostage on Saturday at the hospital.', 'Saturday'), '2025-02-15');
  assert.equal(valueOf('The two delegations will meet on Saturday in Cairo.', 'Saturday'), '2025-02-22');
  assert.equal(valueOf('Talks are due to resume on Wednesday, officials said.', 'Wednesday'), '2025-02-19');
  assert.equal(valueOf('Police said the suspect was arrested on Tuesday.', 'Tuesday'), '2025-02-11');
  // headline style: "X to VERB" is a plan, a bare participle a report
  assert.equal(valueOf('Israel to free prisoners on Saturday', 'Saturday'), '2025-02-22');
  assert.equal(valueOf('Hostages freed on Saturday', 'Saturday'), '2025-02-15');
  // "Sunday" in a Sunday paper's past-tense report is the same day
  assert.equal(valueOf('Voters went to the polls on Sunday.', 'Sunday'), '2025-02-16');
  assert.equal(valueOf('The vote is planned for next Monday.', 'next Monday'), '2025-02-17');
  assert.equal(valueOf('He last spoke to his family last Tuesday.', 'last Tuesday'), '2025-02-11');
  // a weekday in a named week: ISO weeks run Monday to Sunday
  assert.equal(valueOf('He left on Tuesday last week.', 'Tuesday last week'), '2025-02-04');
  assert.equal(valueOf('They meet Monday of next week.', 'Monday of next week'), '2025-02-17');
  assert.match(evidenceOf('The ambassador met the hostage on Saturday.', 'Saturday'), /past tense \("met"\)/);
});


test('a participle modifying a noun tells of something done (published Sunday 2025-02-16)', () => {
  assert.equal(valueOf('The statement issued on Tuesday says the talks continue.', 'Tuesday'), '2025-02-11');
  assert.equal(valueOf('A letter written on Friday asks for his release.', 'Friday'), '2025-02-14');
});
test('a clock time after the weekday keeps the weekday (published Sunday 2025-02-16)', () => {
  assert.equal(valueOf('Talks will resume on Monday at 14:00 in Geneva.', 'Monday at 14:00'), '2025-02-17T14:00');
  assert.equal(valueOf('The two men met at 14:00 on Friday.', '14:00 on Friday'), '2025-02-14T14:00');
  assert.equal(valueOf('The convoy left on Thursday at 9 a.m., witnesses said.', 'Thursday at 9 a.m.'), '2025-02-13T09:00');
});

test('a weekday uses the parser layers when a tagger has filled them', () => {
  const doc = new Doc({ text: 'They meet Saturday.', published: '2025-02-16' });
  tokenizeStage.run(doc);
  // as a parser would tag it: "will" is absent, but the verb is VBD (as in a past-tense report)
  const tags = [['PRON', 'PRP', 1, 'nsubj'], ['VERB', 'VBD', -1, 'root'], ['PROPN', 'NNP', 1, 'obl:tmod'], ['PUNCT', '.', 1, 'punct']] as const;
  doc.tokens.forEach((t, i) => {
    t.upos = tags[i][0];
    t.xpos = tags[i][1];
    t.head = tags[i][2];
    t.deprel = tags[i][3];
  });
  timesStage.run(doc);
  assert.equal(doc.times[0].value, '2025-02-15');
  doc.tokens[1].xpos = 'VBP'; // present: a scheduled event
  timesStage.run(doc);
  assert.equal(doc.times[0].value, '2025-02-22');
});

test('calendar dates at the precision the text gives', () => {
  const text = 'The mother and grandmother were freed in a November 2023 agreement. The attack came on 7 October 2023. '
    + 'Output fell in early 2024 and rose in the 1980s, as in the 19th century. It was signed on Jan. 5, 2024, in summer 2022 talks.';
  assert.equal(valueOf(text, 'November 2023'), '2023-11');
  assert.equal(valueOf(text, '7 October 2023'), '2023-10-07');
  assert.equal(valueOf(text, 'early 2024'), '2024');
  assert.equal(valueOf(text, '1980s'), '198X');
  assert.equal(valueOf(text, '19th century'), '18XX');
  assert.equal(valueOf(text, 'Jan. 5, 2024'), '2024-01-05');
  assert.equal(valueOf(text, 'summer 2022'), '2022-SU');
  assert.equal(valueOf('The strike ended at 5:30 p.m. on Tuesday, Feb. 11, 2025.', '5:30 p.m. on Tuesday, Feb. 11, 2025'), '2025-02-11T17:30');
});

test('quarters and holidays', () => {
  const text = 'Profits rose in the third quarter of 2024 and in Q1 2025. The fourth quarter of last year was strong. '
    + 'The hostages were freed at Christmas. He will be home by Easter. They met at Thanksgiving 2019 on Christmas Island.';
  assert.equal(valueOf(text, 'the third quarter of 2024'), '2024-Q3');
  assert.equal(valueOf(text, 'Q1 2025'), '2025-Q1');
  assert.equal(valueOf(text, 'The fourth quarter of last year'), '2024-Q4');
  assert.equal(valueOf(text, 'Christmas'), '2024-12-25'); // past tense: the Christmas before publication
  assert.equal(valueOf(text, 'Easter'), '2025-04-20'); // future, and Easter's date moves with the year
  assert.equal(valueOf(text, 'Thanksgiving 2019'), '2019-11-28');
  assert.ok(!times(text).some((t) => t.text.includes('Island')));
});

test('relative expressions count from the publication date', () => {
  const text = 'Yesterday the army withdrew. Three days ago a convoy was hit, and last week talks stalled. '
    + 'This year the budget grew; last month it shrank, and two years ago it collapsed. Tomorrow the cabinet meets.';
  assert.equal(valueOf(text, 'Yesterday'), '2025-02-15');
  assert.equal(valueOf(text, 'Three days ago'), '2025-02-13');
  assert.equal(valueOf(text, 'last week'), '2025-W06');
  assert.equal(valueOf(text, 'This year'), '2025');
  assert.equal(valueOf(text, 'last month'), '2025-01');
  assert.equal(valueOf(text, 'two years ago'), '2023');
  assert.equal(valueOf(text, 'Tomorrow'), '2025-02-17');
  const months = 'The deal, signed last March, expires next March. Elections are scheduled for November. By the end of the month, 300 had died.';
  assert.equal(valueOf(months, 'last March'), '2024-03');
  assert.equal(valueOf(months, 'next March'), '2025-03');
  assert.equal(valueOf(months, 'November'), '2025-11'); // "are scheduled": future, not the -ed past
  assert.equal(valueOf(months, 'the end of the month'), '2025-02');
  assert.equal(valueOf('Protesters gathered over the weekend in the capital.', 'the weekend'), '2025-W07-WE');
  assert.deepEqual(isoWeek({ year: 2025, month: 2, day: 16 }), { year: 2025, week: 7 });
});

test('the year of a year-less date comes from the order of events in the article', () => {
  // the arrest must precede the sentence handed down in January 2024, so it is December 2023,
  // not the December nearest to publication
  const arrest = 'The journalist Ahmad Karimi was arrested in Tehran on December 3. '
    + 'His lawyer said he was held in solitary confinement.\n\n'
    + 'A revolutionary court sentenced Karimi in January 2024 to eight years in prison.';
  assert.equal(valueOf(arrest, 'December 3'), '2023-12-03');
  assert.match(evidenceOf(arrest, 'December 3'), /"arrested" here precedes "sentenced".*January 2024/);
  assert.match(evidenceOf(arrest, 'December 3'), /2024 rejected/);

  // the same story told in one sentence, or continued by a pronoun
  assert.equal(valueOf('The journalist was arrested on December 3 and sentenced in January 2024.', 'December 3'), '2023-12-03');
  assert.equal(valueOf('The journalist was arrested on December 3. He was sentenced in January 2024.', 'December 3'), '2023-12-03');
  // without such evidence the nearest past December is taken
  assert.equal(valueOf('The journalist was arrested on December 3. The weather was cold in January 2024.', 'December 3'), '2024-12-03');

  // "before" in the same sentence
  const siege = 'Most families fled the town on March 2, weeks before the siege that began in April 2023.';
  assert.equal(valueOf(siege, 'March 2'), '2023-03-02');
  assert.match(evidenceOf(siege, 'March 2'), /"before" governs the other date/);

  // the seed's pattern: abducted on a year-less date, relatives released in a dated deal
  const abduction = 'Noa Levi was abducted with her brother from their home in Kfar Aza on October 7th.\n\n'
    + 'Her brother was released in a November 2023 exchange between Israel and Hamas.';
  assert.equal(valueOf(abduction, 'October 7th', '2025-02-16'), '2023-10-07');
});

test('the year of a year-less date follows tense, weekday and the narrative when nothing else decides', () => {
  assert.equal(valueOf('The ministry said on February 10 that the talks had failed.', 'February 10'), '2025-02-10');
  assert.equal(valueOf('The summit will take place on March 3 in Geneva.', 'March 3'), '2025-03-03');
  assert.equal(valueOf('The factory closed in March after a fire.', 'March'), '2024-03');
  // a written weekday settles the year: July 21 was a Friday in 2023
  assert.equal(valueOf('The team landed on Friday, July 21, to a hero’s welcome.', 'Friday, July 21', '2024-02-01'), '2023-07-21');
  // a biography stays in its own years
  assert.equal(valueOf('In 1998 the band toured Japan for the first time. On 12 May they played Tokyo.', '12 May'), '1998-05-12');
  // a range shares its year with its end, which carries the tense
  const exhibit = 'The exhibit is to run from January 23 through March 9.';
  assert.equal(valueOf(exhibit, 'January 23', '2014-01-28'), '2014-01-23');
  assert.equal(valueOf(exhibit, 'March 9', '2014-01-28'), '2014-03-09');
});

test('durations and vague spans get TIMEX3 duration values', () => {
  const text = 'He was held for three months and given a two-year sentence. The hearing lasted five hours. '
    + 'In recent months, Moscow raised concerns. The siege went on for years.';
  assert.equal(valueOf(text, 'three months'), 'P3M');
  assert.equal(valueOf(text, 'two-year'), 'P2Y');
  assert.equal(valueOf(text, 'five hours'), 'PT5H');
  assert.equal(valueOf(text, 'recent months'), 'PXM');
  assert.equal(valueOf(text, 'years'), 'PXY');
  assert.equal(valueOf('He spent a year and a half in jail, then two and a half years abroad.', 'two and a half years'), 'P2.5Y');
  // ages are not durations
  assert.deepEqual(times('A 12-year-old boy and a man, 45 years old, were hurt.'), []);
});

test('expressions counted from the narrative: that year, two days later', () => {
  const text = 'He returned to China in 1920, marrying a physician there that year. Two years later he left for Harvard.';
  assert.equal(valueOf(text, 'that year'), '1920');
  assert.equal(valueOf(text, 'Two years later'), '1922');
  const days = 'The ceasefire began on 19 January 2025. The next day, the first hostages were freed.';
  assert.equal(valueOf(days, 'The next day'), '2025-01-20');
  // counted from a dated event the noun phrase names; an undated one gives no value
  const attack = 'Gunmen attacked the village on 7 October 2023. Residents buried the dead. Two days after the attack, the army arrived.';
  assert.equal(valueOf(attack, 'Two days after'), '2023-10-09');
  assert.match(evidenceOf(attack, 'Two days after'), /names the attack/);
  assert.equal(valueOf('Talks resumed three weeks after the ceasefire that began on 19 January 2025.', 'three weeks after'), '2025-W06');
  assert.deepEqual(times('He died two days after the operation.'), []);
});

test('false positives common in news text are not dates', () => {
  const text = 'Theresa May said she may march with them. The Sun reported that he finished second. '
    + 'The Sunday Times said 3 people died and 2,000 protesters gathered; 3/4 of voters agreed and the score was 2-1. '
    + 'Thousands will march on parliament. He works 24/7 at Route 66 and paid $2019 for 1500 troops.';
  assert.deepEqual(times(text).map((t) => t.text), []);
  // "May" and "March" as months are still found after a preposition or with a day
  assert.equal(valueOf('The law passed in May and took effect on March 3, 2024.', 'May'), '2024-05');
});

test('offsets are exact, in text order, and do not overlap', () => {
  const text = '“We were freed on Saturday,” she said — 15 months after the 7 October 2023 attack… 🙂 Last week, in 2024’s report, too.';
  const found = times(text);
  assert.ok(found.length >= 4, JSON.stringify(found));
  let prev = -1;
  for (const t of found) {
    assert.equal(text.slice(t.start, t.end), t.text);
    assert.ok(t.start >= prev, 'sorted and non-overlapping');
    prev = t.end;
    assert.ok(t.value.length > 0);
  }
});

test('without a publication date: the dateline anchors, else underspecified values', () => {
  const dated = 'Friday, July 21, 2017\n\nThe Afghan team arrived in Washington on Tuesday.';
  assert.equal(valueOf(dated, 'Tuesday', null), '2017-07-18');
  assert.match(evidenceOf(dated, 'Tuesday', null), /dateline 2017-07-21/);
  assert.equal(valueOf('LONDON, Feb. 16, 2025 (Reuters) — Police said on Friday that two men were held.', 'Friday', null), '2025-02-14');
  assert.equal(valueOf('The team arrived on Tuesday.', 'Tuesday', null), 'XXXX-WXX-2');
  assert.equal(valueOf('The team arrived on October 9.', 'October 9', null), 'XXXX-10-09');
  // a date inside the first sentence is not a dateline
  assert.equal(valueOf('Daniel Bernoulli (8 February 1700 – 17 March 1782) was a mathematician. His work is still used today.', 'today', null), 'PRESENT_REF');
});

test('works on a document that has not been tokenized', () => {
  const doc = new Doc({ text: 'The talks ended on Saturday. They resume in March 2025.', published: '2025-02-16' });
  timesStage.run(doc);
  assert.deepEqual(doc.times.map((t) => [t.text, t.value]), [['Saturday', '2025-02-15'], ['March 2025', '2025-03']]);
});

test('never throws, on odd text and bad dates', () => {
  const odd = ['', ' ', '\u0000\uffff\ud800', '99/99/9999 0000-00-00 February 30, 2023', '9'.repeat(5000),
    'on Saturday', 'May May May March March', '\n\n\n2023\n\n', 'in the 0s and 00s', '31/02/2024, 13/13/13'];
  for (const text of odd) {
    for (const published of ['2025-02-16', null, 'not a date', '2025-13-45']) {
      const doc = pipeline.process({ text, published });
      for (const t of doc.times) assert.equal(text.slice(t.start, t.end), t.text);
      assert.equal(doc.notes.get('times.error'), undefined, `stage error on ${JSON.stringify(text.slice(0, 40))}`);
    }
  }
  fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
    const doc = pipeline.process({ text: `On Saturday ${text} in March 2023`, published: '2025-02-16' });
    return doc.times.every((t) => doc.text.slice(t.start, t.end) === t.text) && !doc.notes.has('times.error');
  }), { numRuns: 150 });
});

test('the default pipeline runs times after tokens, parse and the name recognisers, before the entity stages', async () => {
  const { createPipeline } = await import('../src/extract.js');
  const names = createPipeline().names();
  const at = names.indexOf('times');
  assert.ok(at > names.indexOf('tokenize'), names.join(' '));
  if (names.includes('parse')) assert.ok(at > names.indexOf('parse'), names.join(' '));
  // the recognisers' mentions tell a time word inside a name ("Fox News Sunday")
  for (const earlier of ['ner', 'names']) if (names.includes(earlier)) assert.ok(at > names.indexOf(earlier), `times before ${earlier}: ${names.join(' ')}`);
  for (const later of ['entities', 'quotes', 'relations', 'events']) {
    if (names.includes(later)) assert.ok(at < names.indexOf(later), `${later} before times: ${names.join(' ')}`);
  }
});
