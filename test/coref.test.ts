/**
 * Coreference (issue 23): the stage's contract and resolver choice, the shipped ranker, floors on
 * GUM's training documents, and the failures the issue lists, on sentences of our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { placeNounKind } from '../src/extract/coref/places.js';
import { withoutRules } from '../src/rules/registry.js';
import { extractDoc } from '../src/extract.js';
import { FEATURE_VERSION } from '../src/extract/coref/features.js';
import { CorefModel, useCorefModel, type CorefModelFile } from '../src/extract/coref/model.js';
import { corefModelDir } from '../src/extract/coref/files.js';
import { gumCorefDocuments, GUM_DIR } from '../train/coref-data.js';
import { addClusterCounts, conllScores, documentClusterCounts, emptyClusterCounts, systemMentions } from '../train/coref-metrics.js';
import { addScores, documentRecords, emptyScores, tally } from '../train/coref-score.js';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';

test('the shipped ranker loads, matches the code\'s features and names its data and licence', () => {
  const dir = corefModelDir();
  const file = JSON.parse(readFileSync(`${dir}/model.json`, 'utf8')) as CorefModelFile;
  assert.equal(file.featureVersion, FEATURE_VERSION, 'features changed since training: run npm run train:coref');
  const model = CorefModel.fromFile(file);
  assert.ok(model.weights.size > 1000);
  const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')) as { sha256: string; data: { licence: string; name: string } };
  assert.match(manifest.data.name, /GUM training split/);
  assert.match(manifest.data.licence, /CC BY 4\.0/);
  assert.throws(() => CorefModel.fromFile({ ...file, featureVersion: FEATURE_VERSION + 1 }), /run `npm run train:coref`/);
});

test('a ranker set for the pipeline links pronouns by its weights, and only above its threshold', () => {
  const text = 'Maria Santos was freed on Monday. She thanked the negotiators.';
  // a ranker that knows nothing links nothing ("no antecedent" and every candidate score 0: below a 0.9 threshold)
  useCorefModel(new CorefModel(new Map(), { 'he/she': 0.9, it: 1.01, they: 1.01, description: 1.01 }));
  try {
    assert.equal(linkOf(doc(text), 'She'), '');
    // one that prefers a named person for "she" links it, with its confidence
    useCorefModel(new CorefModel(new Map([['t|she|PERSON', 5]]), { 'he/she': 0.5, it: 1.01, they: 1.01, description: 1.01 }));
    const d = doc(text);
    assert.equal(linkOf(d, 'She'), 'Maria Santos');
    const m = d.entities.flatMap((e) => e.mentions).find((x) => x.text === 'She');
    assert.ok(m?.corefScore !== undefined && m.corefScore >= 0.5 && m.corefScore <= 1);
  } finally {
    useCorefModel(undefined);
  }
});

test('pronouns and descriptions go to the right person, not the byline or the person the sentence is about', () => {
  // a byline's author is no antecedent of the story's "he"
  const a = doc('By Laura Becker\n\nDaniel Ortiz was arrested on Tuesday on charges he threatened to kill a senator, prosecutors said.');
  assert.equal(linkOf(a, 'he threatened'), 'Daniel Ortiz');
  // "her" in a kinship phrase is the woman named, not the man beside her
  const b = doc('Ana Williams met Robert Hale in Kyiv. Her brother, Tom Williams, was detained in March.');
  assert.notEqual(linkOf(b, 'Her'), 'Robert Hale');
  // the embassy's statement is the embassy's
  const c = doc('The French Embassy in Tehran said it was following the case closely. "We are in contact with his family," the embassy added.');
  assert.equal(linkOf(c, 'the embassy'), 'French Embassy in Tehran');
});

test('given names decide he and she between people; the text overrides the name\'s usual gender', () => {
  // "she" (Williams) is not the man named first in the sentence before
  const a = doc('Jason Moore met Kristin Moss in Dayton on Monday. She said the meeting had been short.');
  assert.equal(linkOf(a, 'She'), 'Kristin Moss');
  const b = doc('Kristin Moss met Jason Moore in Dayton on Monday. He said the meeting had been short.');
  assert.equal(linkOf(b, 'He'), 'Jason Moore');
  // a name mostly a woman's in US records, a man's here: no other person, so "his" is still his
  const c = doc('Lawyers for the Georgian activist Nika Tsereteli appealed on Friday against his sentence.');
  assert.equal(linkOf(c, 'his'), 'Nika Tsereteli');
  // "to speak with his mother, Montalvo was put through": the name opens a clause, it is not the mother
  const d = doc('Daniel Ruiz left the group in May. After failing to reach his mother, Ruiz called a lawyer.');
  assert.notEqual(linkOf(d, 'mother'), 'Daniel Ruiz');
});

test('a son is not merged into his father: two people of one surname stay two entities', () => {
  const d = doc('Omar Haddad was kidnapped in May. His son, Karim Haddad, said he had not slept since.');
  const omar = d.entities.find((e) => e.name === 'Omar Haddad');
  const karim = d.entities.find((e) => e.name === 'Karim Haddad');
  assert.ok(omar && karim && omar.id !== karim.id);
  assert.equal(linkOf(d, 'son'), 'Karim Haddad');
});

const gumHere = existsSync(GUM_DIR);

test('floors on GUM news and interview documents (training split), raw text through the pipeline', { skip: !gumHere && 'no ../shared/data/gum' }, () => {
  const golds = gumCorefDocuments(undefined, ['news', 'interview']);
  const scores = emptyScores();
  const clusters = emptyClusterCounts();
  for (const g of golds) {
    const d = extractDoc({ id: g.id, text: g.text, published: null });
    addScores(scores, tally(documentRecords(d, g)));
    addClusterCounts(clusters, documentClusterCounts(systemMentions(d), g));
  }
  // docs/coref.md: main at the start of coref2 (5 Dec): CoNLL 57.8, he/she 0.66 / 0.64, descriptions 0.26 / 0.56;
  // coref2's rules (given names, appositions, credits, labels): he/she 0.86 / 0.83; coref3 (description
  // precision, place descriptions, quote speakers): he/she 0.87 / 0.85, descriptions 0.32 / 0.85
  // (npm run eval:coref -- --pipeline; floors leave room for the recogniser's changes)
  const s = conllScores(clusters);
  assert.ok(s.conll >= 0.54, `CoNLL F1 ${s.conll}`);
  const hs = scores['he/she'];
  assert.ok(hs.right / hs.gold >= 0.82, `he/she accuracy ${hs.right}/${hs.gold}`);
  // coref6 (binding, unknown genders, fronted phrases): 0.89 / 0.88 here (without turn labels)
  assert.ok(hs.linkedRight / hs.linked >= 0.85, `he/she precision ${hs.linkedRight}/${hs.linked}`);
  // coref9 (coref.group-pronoun-clause, coref.it-parallel-subject): "it" 0.17 / 0.80 (5 links) → 0.35 / 0.89 (9),
  // "they" 0 → 0.05 / 1.00 (2 links)
  const it = scores.it;
  const they = scores.they;
  assert.ok(it.linkedRight + they.linkedRight >= 9, `it + they right links ${it.linkedRight} + ${they.linkedRight}`);
  assert.ok((it.linkedRight + they.linkedRight) / (it.linked + they.linked) >= 0.8, `it + they precision ${it.linkedRight + they.linkedRight}/${it.linked + they.linked}`);
  const desc = scores.description;
  assert.ok(desc.right / desc.gold >= 0.27, `description accuracy ${desc.right}/${desc.gold}`);
  assert.ok(desc.linkedRight / desc.linked >= 0.78, `description precision ${desc.linkedRight}/${desc.linked}`);
});

test('floors on GUM interviews written as labelled turns: I/we/you in speech', { skip: !gumHere && 'no ../shared/data/gum' }, () => {
  const scores = emptyScores();
  for (const g of gumCorefDocuments(undefined, ['interview'], { speakerLabels: true })) {
    addScores(scores, tally(documentRecords(extractDoc({ id: g.id, text: g.text, published: null }), g)));
  }
  // docs/coref.md: 0.01 / 0.80 before the interview turns, 0.70 / 0.92 with them (eval:coref -- --pipeline --labels)
  const fs = scores['first/second'];
  assert.ok(fs.right / fs.gold >= 0.66, `I/we/you accuracy ${fs.right}/${fs.gold}`);
  assert.ok(fs.linkedRight / fs.linked >= 0.88, `I/we/you precision ${fs.linkedRight}/${fs.linked}`);
});

test('first person inside a quote is its speaker: "I" a person\'s, "we" an organisation\'s; never outside quotes', () => {
  const d = doc('By Laura Becker\n\nI spoke to the family on Monday. "I was held in a cell for 400 days," said Mariam Tahir, a teacher. "We will keep working for her release," the Foreign Ministry said. "We never gave up," Tahir\'s brother Yusuf Tahir said.');
  assert.equal(linkOf(d, 'I was held'), 'Mariam Tahir');
  assert.equal(linkOf(d, 'We will'), 'Foreign Ministry');
  // a person's "we" is their side, not them; the writer's own "I" is nobody's in the story
  assert.equal(linkOf(d, 'We never'), '');
  assert.equal(linkOf(d, 'I spoke'), '');
});

test('an interview written as labelled turns: "I" is the turn\'s speaker, "you" in the interviewer\'s turns the interviewee', () => {
  const d = doc([
    'Lena Varga has run the shelter in Pécs since 2012. She spoke to us in March.',
    'Reporter: You opened the shelter alone. Why?',
    'Lena Varga: I had no choice. My brother had left, and when you are alone you just start.',
    'Reporter: What do you need most now?',
    'Lena Varga: Money, as always. I ask every week.',
  ].join('\n\n'));
  assert.equal(linkOf(d, 'I had'), 'Lena Varga');
  assert.equal(linkOf(d, 'My brother'), 'Lena Varga');
  assert.equal(linkOf(d, 'I ask'), 'Lena Varga');
  assert.equal(linkOf(d, 'You opened'), 'Lena Varga');
  assert.equal(linkOf(d, 'you need'), 'Lena Varga');
  // "you" in an answer is anyone, not the interviewer or the interviewee
  assert.equal(linkOf(d, 'you are alone'), '');
  // the narrator's "us" before the first turn is nobody's in the interview
  assert.equal(linkOf(d, 'us in March'), '');
});

test('labelled turns: two interviewees leave "you" unlinked; one caption line makes no interview', () => {
  const two = doc([
    'Reporter: How did you two meet?',
    'Tomas Berg: I met Ines Koller at a lecture in Graz.',
    'Reporter: And then?',
    'Ines Koller: I asked him for his notes.',
    'Reporter: Do you still work together?',
    'Tomas Berg: Every day.',
  ].join('\n\n'));
  assert.equal(linkOf(two, 'I met'), 'Tomas Berg');
  assert.equal(linkOf(two, 'I asked'), 'Ines Koller');
  assert.equal(linkOf(two, 'you two'), '');
  const caption = doc('Image: Ruth Adler at the rally.\n\nRuth Adler told the crowd she would run. I was there with my sister.');
  assert.equal(linkOf(caption, 'I was'), '');
});

test('"its" only to an organisation or place sure enough: its own sentence\'s subject, or the one named just before its subject', () => {
  const a = doc('The exhibition opened at the Lincoln Center in May. It is now in its fourth month.');
  assert.equal(linkOf(a, 'its fourth'), '');
  const b = doc('Greenpeace has launched its new campaign in Oslo.');
  assert.equal(linkOf(b, 'its new'), 'Greenpeace');
  const c = doc('The march was organised by the Riverside Tenants Union. Its chair, Maria Osei, spoke first.');
  assert.equal(linkOf(c, 'Its chair'), 'Riverside Tenants Union');
});

test('a credit line or an interview label is no antecedent of "he"', () => {
  const a = doc('Daniel Ortiz was arrested on Friday. Image: Mark Tolland.\n\nHe was released on bail.');
  assert.equal(linkOf(a, 'He was'), 'Daniel Ortiz');
  const b = doc('Reporter: Who taught you?\n\nLena Varga: My father. He ran the shelter before me.\n\nReporter: And now?\n\nLena Varga: Now I do.');
  assert.equal(linkOf(b, 'He ran'), '');
});

test('descriptions: a misread one-word name, a capitalised modifier, an "of" complement and two organisations leave them unlinked', () => {
  // "Match" from "Player of the Match" is no organisation "the match" stands for (prose writes "match" in lower case)
  const a = doc('Dorfman won the Player of the Match award. The match was played in rain.');
  assert.equal(linkOf(a, 'The match'), '');
  // a capitalised modifier names another organisation; the named one's own word keeps the link
  assert.equal(linkOf(doc('Orbis Labs signed a deal with the city on Monday. The Riverside company said the deal was unfair.'), 'The Riverside company'), '');
  assert.equal(linkOf(doc('Orbis Labs signed a deal with the city on Monday. The Orbis company said the deal was fair.'), 'The Orbis company'), 'Orbis Labs');
  // "in the company of other engineers" is no reference to the company just named
  assert.equal(linkOf(doc('Orbis Labs hired Ana Ruiz in May. She is now in the company of other famous engineers.'), 'the company'), '');
  // two organisations as present as each other: "the company" stays unlinked
  assert.equal(linkOf(doc('Orbis Labs signed the deal with Tarrow Bank on Monday. The company said it was pleased.'), 'The company'), '');
  // an interview's label names who asks, not what "the group" is
  const t = doc('Wikinews: Ana Ruiz, what do you build?\n\nAna Ruiz: Engines, mostly. The group pays well.\n\nWikinews: Do you like the work?\n\nAna Ruiz: Yes, I do.');
  assert.equal(linkOf(t, 'The group'), '');
});

test('place descriptions: "the city", "the country" to the one place of that kind named just before; two leave it unlinked', () => {
  assert.equal(linkOf(doc('Protesters marched through Lyon on Saturday. The city was calm by evening.'), 'The city'), 'Lyon');
  assert.equal(linkOf(doc('Protesters marched through Lyon and Marseille on Saturday. The city was calm by evening.'), 'The city'), '');
  // a country is no city, and a city no country: the kind of place must fit
  const d = doc('Floods hit Portugal in March. Officials in Porto said the country needed help.');
  assert.equal(linkOf(d, 'the country'), 'Portugal');
  assert.equal(linkOf(doc('Floods hit Portugal in March. The city council met on Monday.'), 'The city'), '');
});

test('inside a quote, he and she are never the quote\'s own speaker', () => {
  const d = doc('Tomas Berger met the senator in May. "When he was winning, I offered help," Berger said.');
  assert.equal(linkOf(d, 'he was winning'), '');
  assert.equal(linkOf(d, 'I offered'), 'Tomas Berger');
  // outside the quote the speaker stays "he"
  assert.equal(linkOf(doc('Tomas Berger won the race in May. "I offered help to everyone," Berger said before he left.'), 'he left'), 'Tomas Berger');
});

test('a quotation that addresses a person by name: "you" in it is that person, only when one person bears the name', () => {
  const d = doc('Maria Okafor runs the shelter. A boy wrote to her: "Maria, thank you for your kindness."');
  assert.equal(linkOf(d, 'you for'), 'Maria Okafor');
  assert.equal(linkOf(d, 'your kindness'), 'Maria Okafor');
  assert.equal(linkOf(doc('Maria Okafor runs the shelter. A boy wrote to her: "Thank you for your kindness."'), 'you for'), '');
  assert.equal(linkOf(doc('Maria Okafor and Maria Lindqvist run the shelter. A boy wrote: "Maria, thank you."'), 'you.'), '');
});

test('the learned place-noun table is committed with its manifest, and reads "city" as a town and "country" as a country', () => {
  const dir = corefModelDir();
  const manifest = JSON.parse(readFileSync(`${dir}/place-nouns.manifest.json`, 'utf8')) as { file: string; sha256: string; licence: string; data: { licence: string }[] };
  assert.equal(createHash('sha256').update(readFileSync(`${dir}/${manifest.file}`)).digest('hex'), manifest.sha256, 'rebuild with npm run build:coref-place-nouns');
  assert.match(manifest.licence, /CC BY-SA/);
  assert.ok(manifest.data.some((d) => /GeoNames/.test(d.licence)));
  assert.equal(placeNounKind('city'), 'town');
  assert.equal(placeNounKind('country'), 'country');
  // a noun prose seldom apposes to places describes none
  assert.equal(placeNounKind('son'), null);
  assert.equal(placeNounKind('company'), null);
});

test('his/her outside the subject goes to its clause\'s subject before a nearer person in a prepositional phrase', () => {
  assert.equal(linkOf(doc('Tomas Reyes sat down with Paul Hart for an interview in his office in Madrid.'), 'his office'), 'Tomas Reyes');
  // a possessive in the subject of a sentence of its own is not this case
  assert.equal(linkOf(doc('Anna Weiss met with Laura Kent. Her office was closed on Monday.'), 'Her office'), 'Anna Weiss');
});

test('an interviewee who answers with questions of their own: the interviewer is the label that asks most', () => {
  const d = doc('Reporter: Do you fear the vote?\n\nIrena Vasic: Why should I? Who would stop us?\n\nReporter: Will you run again?\n\nIrena Vasic: Who knows? Ask me in May.\n\nReporter: And your party?\n\nIrena Vasic: It will decide.');
  assert.equal(linkOf(d, 'you fear'), 'Irena Vasic');
  assert.equal(linkOf(d, 'your party'), 'Irena Vasic');
  // two labels that ask as much as each other: the one that opens the interview asks
  const t = doc('Reporter: Do you fear the vote?\n\nIrena Vasic: Why should I?\n\nReporter: Will you run again?\n\nIrena Vasic: Who knows?');
  assert.equal(linkOf(t, 'you fear'), 'Irena Vasic');
  // switched off, neither label is the interviewer and "you" stays unlinked
  const restore = withoutRules(['coref-speech.interviewer-asks-most']);
  try {
    assert.equal(linkOf(doc('Reporter: Do you fear the vote?\n\nIrena Vasic: Why should I?\n\nReporter: Will you run again?\n\nIrena Vasic: Who knows?'), 'you fear'), '');
  } finally {
    restore();
  }
});

test('a spokesperson\'s "we" is the organisation they speak for; anyone else\'s stays open', () => {
  const spoken = doc('The Foreign Ministry rejected the report on Monday. "We will not accept these claims," said Ivan Petrov, a spokesman for the ministry.');
  assert.equal(linkOf(spoken, 'We will'), 'Foreign Ministry');
  const price = doc('"We are doing everything we can," State Department spokesperson Ned Price told reporters.');
  assert.equal(linkOf(price, 'we can'), 'State Department');
  // a lawyer speaks for no organisation here
  assert.equal(linkOf(doc('"We will not accept these claims," said Ivan Petrov, a lawyer from Moscow.'), 'We will'), '');
  // the speaker's own organisation, not another spokesperson's
  const two = doc('Ivan Petrov, a spokesman for the Foreign Ministry, met Anna Roy, a spokeswoman for Gazprom. "We will not accept these claims," Petrov said.');
  assert.equal(linkOf(two, 'We will'), 'Foreign Ministry');
  const restore = withoutRules(['coref-speech.spokesperson-we']);
  try {
    assert.equal(linkOf(doc('The Foreign Ministry rejected the report on Monday. "We will not accept these claims," said Ivan Petrov, a spokesman for the ministry.'), 'We will'), '');
  } finally {
    restore();
  }
});

test('he/she: an object pronoun is never its own verb\'s subject (binding), a reflexive is', () => {
  const d = doc('Tamar Wolff met Dana Erez in Haifa. Later, Dana Erez described her as a brilliant student.');
  assert.equal(linkOf(d, 'her'), 'Tamar Wolff');
  const r = doc('Tamar Wolff met Dana Erez in Haifa. Later, Dana Erez described herself as a brilliant student.');
  assert.notEqual(linkOf(r, 'herself'), 'Tamar Wolff');
  // (coref34's coref.pronoun-not-clause-subject; the older coref.pronoun-not-coargument it made redundant is gone)
  assert.equal(linkWithout(['coref.pronoun-not-clause-subject'], 'Tamar Wolff met Dana Erez in Haifa. Later, Dana Erez described her as a brilliant student.', 'her'), 'Dana Erez');
});

test('he/she: a person nothing gives a gender to is an antecedent in the pronoun\'s sentence or as the subject just before, not further', () => {
  // "Zorvath" is in no names table: no gender is known
  assert.equal(linkOf(doc('The city hired Zorvath Qelm in 2010. On Friday he closed the gallery.'), 'he closed'), '');
  assert.equal(linkOf(doc('The city hired Michael Qelm in 2010. On Friday he closed the gallery.'), 'he closed'), 'Michael Qelm');
  assert.equal(linkOf(doc('The city hired Zorvath Qelm in 2010 before he closed the gallery.'), 'he closed'), 'Zorvath Qelm');
  assert.equal(linkOf(doc('A third hostage, the sailor Zorvath Qelm, is still being held. His wife said he would be freed soon.'), 'His'), 'Zorvath Qelm');
  // a pronoun already linked gives the person a gender: the chain goes on
  assert.equal(linkOf(doc('The city hired Zorvath Qelm in 2010 before he closed the gallery. In 2012 the council thanked him.'), 'him'), 'Zorvath Qelm');
});

test('he/she in a phrase fronted before the main subject looks ahead to that subject ("In her remarks, Waters …")', () => {
  const text = 'Daniel Ortiz opened the exhibition on Friday. In her opening remarks, Kathryn Waters thanked the donors.';
  assert.equal(linkOf(doc(text), 'her opening'), 'Kathryn Waters');
  assert.equal(linkOf(doc('Ana Ruiz chaired the meeting. When he arrived, Daniel Ortiz thanked the staff.'), 'he arrived'), 'Daniel Ortiz');
  // a subject of the other gender is not taken: the pronoun looks back as before
  assert.equal(linkOf(doc('Daniel Ortiz opened the exhibition on Friday. In his opening remarks, Kathryn Waters thanked the donors.'), 'his opening'), 'Daniel Ortiz');
  assert.notEqual(linkWithout('coref.fronted-phrase-cataphora', text, 'her opening'), 'Kathryn Waters');
});
