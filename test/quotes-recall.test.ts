/**
 * Attributions the parse or the negation check lost (issue 22, eighth round): a clause stranded
 * after its cue, a participle after a negated clause, a participle read as the reported predicate,
 * and verb-form complements. Sentences of our own; each test also runs with its rule switched off
 * and checks that the attribution is then lost, so it cannot pass without the mechanism.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameOf, run } from './helpers.js';
import { withoutRules } from '../src/rules/registry.js';
import type { Result } from '../src/output/schema.js';

function withAndWithout(rule: string, text: string, check: (r: Result) => boolean): void {
  assert.ok(check(run(text)), `with ${rule}: ${text}`);
  const restore = withoutRules([rule]);
  try {
    assert.ok(!check(run(text)), `without ${rule} the attribution should be lost: ${text}`);
  } finally {
    restore();
  }
}

const found = (content: string, speaker: string) => (r: Result) =>
  r.quotes.some((q) => q.kind !== 'direct' && q.text.includes(content) && nameOf(r, q.speaker) === speaker);

test('a clause stranded after its cue is what the cue reports', () => {
  withAndWithout('quotes.stranded-clause', 'Ana Ruiz kept insisting the deal was dead.', found('deal was dead', 'Ana Ruiz'));
  withAndWithout('quotes.stranded-clause', 'Ana Ruiz continued to insist the deal was dead.', found('deal was dead', 'Ana Ruiz'));
  assert.ok(found('could have built the bridge', 'Ana Ruiz')(run('Harbour Commissioner Ana Ruiz agreed, saying only this company could have built the bridge.')));
  // a clause joined by "and" is no content of the cue
  const r = run('Ana Ruiz kept insisting on a recount, and the deal was dead.');
  assert.ok(!r.quotes.some((q) => q.text.includes('deal was dead')));
});

test('a negation before a comma does not reach a participial cue after it', () => {
  for (const text of [
    'Ana Ruiz did not answer, saying only that the talks were private.',
    'When asked, Ana Ruiz declined, explaining that the talks were private.',
    'Ana Ruiz answered no, explaining that the talks were private.',
  ]) withAndWithout('quotes.participle-after-negation', text, found('talks were private', 'Ana Ruiz'));
  for (const text of ['Ana Ruiz did not say that the talks were private.', 'Ana Ruiz refused to say whether the talks were private.']) {
    assert.ok(!run(text).quotes.some((q) => q.text.includes('talks were private')), text);
  }
});

test('a past form hung on the object of a clause cue is the predicate of the reported clause', () => {
  withAndWithout('quotes.participle-predicate', 'The Harbour Authority issued new rules on Monday. It said the measures targeted ships flying foreign flags.', (r) =>
    r.quotes.some((q) => q.text.startsWith('the measures targeted ships') && nameOf(r, q.speaker) === 'Harbour Authority'));
  // a cue that takes a bare object keeps the participle on it ("announced the measures targeted at …")
  const r = run('The ministry announced the measures targeted at ships flying foreign flags.');
  assert.ok(r.quotes.some((q) => q.cue?.text === 'announced' && q.text.startsWith('the measures targeted at')));
});

test('a verb-form complement the parse hung as an adverbial clause is reported by its frame', () => {
  withAndWithout('quotes.complement-verb-form', 'Ana Ruiz confessed to killing her business partner.', found('killing her business partner', 'Ana Ruiz'));
  withAndWithout('quotes.complement-verb-form', 'In March, Greyfield Bank announced leaving the mortgage market.', (r) =>
    r.quotes.some((q) => q.text.includes('leaving the mortgage market') && nameOf(r, q.speaker) === 'Greyfield Bank'));
  // a purpose clause is no content: "said nothing to avoid a fine"
  assert.ok(!run('Ana Ruiz said nothing to avoid a fine.').quotes.some((q) => q.text.includes('avoid a fine')));
});

test('a passive cue with a by-agent attributes what it is said of to the agent', () => {
  withAndWithout('quotes.passive-content', 'The bombing was condemned by the Harbour Workers Union.', (r) =>
    r.quotes.some((q) => q.text === 'The bombing' && nameOf(r, q.speaker) === 'Harbour Workers Union'));
  withAndWithout('quotes.passive-content', 'The two ministers were reported by local media to have visited the hospital.', (r) =>
    r.quotes.some((q) => q.text.startsWith('to have visited the hospital') && q.speaker_text === 'local media'));
  // an author is no speaker
  assert.equal(run('The letter was written by a local teacher.').quotes.length, 0);
});

test('a cue hung inside the apposition of a sentence rooted on the name is the name\'s predicate', () => {
  withAndWithout('quotes.apposition-predicate', 'Tom Berg, of the Lakeside district council, described hearing two blasts.', found('hearing two blasts', 'Tom Berg'));
  assert.equal(run('Ana Ruiz, of the Harbour Workers Union, was described as calm.').quotes.length, 0);
});

test('"according to X" closing a clause attributes it whatever other cue the sentence holds', () => {
  withAndWithout('quotes.according-clause', 'The fire started shortly after midnight, according to firefighters, who said three people were rescued.', (r) =>
    r.quotes.some((q) => q.cue?.text === 'according to' && q.text === 'The fire started shortly after midnight' && q.speaker_text === 'firefighters'));
  withAndWithout('quotes.according-clause', 'Ana Ruiz has admitted to ordering the payments, according to prosecutors, but the court has not ruled.', (r) =>
    r.quotes.some((q) => q.cue?.text === 'according to' && q.text.startsWith('Ana Ruiz has admitted')));
});

test('"according to" a source with a relative clause: the clause is part of the source phrase, the speaker its noun phrase', () => {
  withAndWithout('quotes.according-relative', 'According to a senior official who spoke on condition of anonymity, the talks had failed.', (r) =>
    r.quotes.some((q) => q.text === 'the talks had failed' && q.speaker_text === 'a senior official'));
});

test('a person in apposition after a role phrase is the speaker, whichever word of the name carries the link', () => {
  const r = run('A spokeswoman for Greyfield Bank, Maria Costa, said the bank would appeal.');
  const q = r.quotes.find((x) => x.text.includes('would appeal'));
  assert.ok(q);
  assert.equal(nameOf(r, q.speaker), 'Maria Costa');
  const restore = withoutRules(['quotes.role-apposition']);
  try {
    const r2 = run('A spokeswoman for Greyfield Bank, Maria Costa, said the bank would appeal.');
    assert.notEqual(nameOf(r2, r2.quotes.find((x) => x.text.includes('would appeal'))?.speaker ?? null), 'Maria Costa');
  } finally {
    restore();
  }
});

test('a block quotation after a colon, signed by a dash line, is a direct quote of the source the line names', () => {
  const text = 'The judge rejected the argument:\n\nNo person, however high, stands above the law of this state.\n\nThe suit is dismissed.\n\n– District Judge Ana Ruiz, ruling of 3 May';
  withAndWithout('quotes.dash-block', text, (r) => r.quotes.filter((q) => q.kind === 'direct' && (nameOf(r, q.speaker) ?? '').endsWith('Ana Ruiz')).length === 2);
  // a dash line with no block introduced by a colon (a caption) attributes nothing
  assert.equal(run('The judge rejected the argument.\n\nNo person, however high, stands above the law of this state.\n\n– District Judge Ana Ruiz, ruling of 3 May').quotes.length, 0);
});

test('a role phrase with a name in apposition, rooted by the parse on the role noun, is the subject of the cue after it', () => {
  withAndWithout('quotes.apposition-predicate', 'The head teacher of Brookfield Academy, Samuel Adeyemi, warned on Wednesday that the school might have to close one day a week because it cannot find enough teachers.',
    found('the school might have to close', 'Samuel Adeyemi'));
});

test('"CLAUSE, CUE NOUN-PHRASE." is an inverted attribution: the phrase speaks, the clause is what it said', () => {
  withAndWithout('quotes.inverted-trailing', 'The bridge will reopen in May, announced the Lakeside council.', (r) =>
    r.quotes.some((q) => q.text === 'The bridge will reopen in May' && /Lakeside council/.test(q.speaker_text ?? nameOf(r, q.speaker) ?? '')));
  // the ordinary order keeps its reading
  const r = run('The bridge will reopen in May, the Lakeside council announced.');
  assert.ok(r.quotes.some((q) => q.text === 'The bridge will reopen in May'));
});
