/**
 * Coreference (issue 23, coref9): "they" and "it" for named groups, and first person in interview turns,
 * on sentences of our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';
import { withoutRules } from '../src/rules/registry.js';

test('"they", "their" and "it" go to a named group the parse ties them to in their own sentence', () => {
  assert.equal(linkOf(doc('Hamas said that they had delivered the bodies to the Red Cross.'), 'they'), 'Hamas');
  assert.equal(linkOf(doc('Microsoft announced on Friday that it would stop selling the phone.'), 'it would'), 'Microsoft');
  // an open clause's "their" takes the subject that controls it
  assert.equal(linkOf(doc('Across the region, Kurds are expected to vote for their own candidates.'), 'their'), 'Kurds');
  // a possessive of the reported clause's subject
  assert.equal(linkOf(doc('Kurds say their leaders were arrested.'), 'their'), 'Kurds');
  // switched off, it is linked only by coref.they-topic-subject (the topic, Hamas, with nothing between), and with both
  // off by nothing else
  assert.equal(linkWithout('coref.group-pronoun-clause', 'Hamas said that they had delivered the bodies to the Red Cross.', 'they'), 'Hamas');
  const restore = withoutRules(['coref.group-pronoun-clause', 'coref.they-topic-subject']);
  try {
    assert.equal(linkOf(doc('Hamas said that they had delivered the bodies to the Red Cross.'), 'they'), '');
  } finally {
    restore();
  }
});

test('"they" and "it" stay unlinked when the group is not what the syntax makes them', () => {
  // inside a quotation the speaker says "we": "they" is someone else
  assert.equal(linkOf(doc('"They will pay for this," Hamas said in a statement.'), 'They'), '');
  // a copular "it" is most often no one's
  assert.equal(linkOf(doc('Greenpeace said it is time for a new treaty.'), 'it is'), '');
  // a clause joined by "but" contrasts its subject
  assert.equal(linkOf(doc('NATO never withdrew the pledge, but they did.'), 'they'), '');
  // a plural noun between the group and the pronoun is the likelier antecedent
  assert.equal(linkOf(doc('Hamas said the prisoners they held were safe.'), 'they'), '');
  assert.equal(linkOf(doc('The Kenyan Wildlife Service said that the rangers had found their missing dog.'), 'their'), '');
  // the governing verb's object is the likelier one; a coordinated subject is the pair
  assert.equal(linkOf(doc('The Red Cross asked Maria Lopez how their volunteers were treated.'), 'their'), '');
  assert.equal(linkOf(doc('Kenya and Uganda sent their best runners to the race.'), 'their'), '');
});

test('an organisation\'s turns in an interview: its "I" is its reporter, linked to it', () => {
  const text = 'Wikinews: I read that the clinic opened in 2015. Why Kisumu?\n\nGrace Mwangi: My family lives there.\n\nWikinews: Do you plan more?\n\nGrace Mwangi: Two more.';
  const d = doc(text);
  assert.equal(linkOf(d, 'I read'), 'Wikinews');
  assert.equal(linkOf(d, 'My family'), 'Grace Mwangi');
  assert.equal(linkOf(d, 'you plan'), 'Grace Mwangi');
  assert.equal(linkWithout('coref-speech.organisation-turn-first-person', text, 'I read'), '');
});

test('words addressed to the turn\'s own speaker are someone else\'s: their "I" is not the speaker', () => {
  const letter = 'Reporter: Do patients write to you?\n\nGrace Mwangi: One nurse wrote, \'Grace, I owe you my job.\' That was nice.\n\nReporter: Why Kisumu?\n\nGrace Mwangi: My family lives there.';
  const d = doc(letter);
  assert.equal(linkOf(d, 'I owe'), '');
  assert.equal(linkOf(d, 'my job'), '');
  // the "you" of the letter is the speaker it addresses
  assert.equal(linkOf(d, 'you my'), 'Grace Mwangi');
  assert.equal(linkOf(d, 'My family'), 'Grace Mwangi');
  // (the letter is in single quotation marks no "I" introduces: coref-speech.quoted-other refuses it too)
  assert.equal(linkWithout(['coref-speech.addressed-not-speaker', 'coref-speech.quoted-other'], letter, 'I owe'), 'Grace Mwangi');
  // the speaker quoting her own words to someone else is still herself
  const own = doc('Reporter: Do patients write to you?\n\nGrace Mwangi: I wrote to one nurse, \'Peter, I owe you my job.\' That was nice.\n\nReporter: Why Kisumu?\n\nGrace Mwangi: My family lives there.');
  assert.equal(linkOf(own, 'I owe'), 'Grace Mwangi');
});

test('"it" as main subject after a sentence whose main subject is a named organisation or place: that one', () => {
  const text = 'Greenpeace opened an office in Nairobi in May. It plans to hire forty people.';
  assert.equal(linkOf(doc(text), 'It plans'), 'Greenpeace');
  assert.equal(linkWithout('coref.it-parallel-subject', text, 'It plans'), '');
  // and down a chain of such sentences, or after a description of it as main subject
  assert.equal(linkOf(doc(`${text} It also wants a second office in Mombasa.`), 'It also'), 'Greenpeace');
  const party = 'The Northern Green Party held its first convention in May.';
  assert.equal(linkOf(doc(`${party} The party was founded in 2011 in Leeds. It changed its name in 2016.`), 'It changed'), 'Northern Green Party');
  // not after a sentence that speaks of an "it" of its own
  assert.equal(linkOf(doc(`${party} So it is not just about what the party wants. It is also about the voters.`), 'It is also'), '');
  // a placeholder "it" with a clause of its own
  assert.equal(linkOf(doc('Greenpeace opened an office in Nairobi in May. It is time to hire more people.'), 'It is'), '');
  // a nearer singular subject no name stands for
  assert.equal(linkOf(doc('Greenpeace opened an office in Nairobi in May. Although the office is small, it will hire forty people.'), 'it will'), '');
  assert.equal(linkOf(doc('The Red Cross said on Friday that the convoy had reached Goma. It will return next week.'), 'It will'), '');
  // an "it" before it in the sentence that is not the name's
  assert.equal(linkOf(doc('The Weather Bureau reported the storm had reached the coast. If it weakens, it will be downgraded on Friday.'), 'it will'), '');
});

test('"they" after a people named by a plural noun: in its own sentence, or after the people as the previous subject (coref10)', () => {
  assert.equal(linkOf(doc('The envoy met the Palestinians on Monday, but in the end they walked out.'), 'they'), 'Palestinians');
  assert.equal(linkOf(doc('The Kurds fought beside us in Syria. Leaving them now is a mistake.'), 'them'), 'Kurds');
  assert.equal(linkWithout('coref.people-they', 'The Kurds fought beside us in Syria. Leaving them now is a mistake.', 'them'), '');
});

test('"they" stays off a people when another plural is nearer or governs, or the people is a predicate, partitive or an earlier oblique (coref10, from unlabelled Wikinews)', () => {
  // another plural noun or a plural subject over the pronoun
  assert.equal(linkOf(doc('The envoy met the Palestinians and the diplomats on Monday, but they walked out.'), 'they'), '');
  assert.equal(linkOf(doc('Those entrusted with great power must answer to Americans what they are doing.'), 'they'), '');
  // "those" standing as a noun phrase is a nearer plural
  assert.equal(linkOf(doc('The book is not for curious Muslims, but for those who have left. It tells them a story.'), 'them'), '');
  // a predicate's "they" is its subject's; a partitive's is the part
  assert.equal(linkOf(doc('Many of the girls are Muslims. They still pray.'), 'They'), '');
  assert.equal(linkOf(doc('The shah forced all of the Armenians to move to Isfahan. They rebuilt a church.'), 'They'), '');
  // the previous sentence's people only as its subject
  assert.equal(linkOf(doc('The statues were built before contact with Europeans. They compared the sites.'), 'They'), '');
});

test('"them" after an organisation whose name ends in a plural noun, not after one that does not (coref10)', () => {
  assert.equal(linkOf(doc('The mayor praised the Boston Red Sox on Monday and thanked them for the visit.'), 'them'), 'Boston Red Sox');
  assert.equal(linkOf(doc('The committee met in Congress on Monday, and the senator thanked them.'), 'them'), '');
});
