/**
 * Speakers of the fourteenth session's round (quotes25, issue 22: descriptions and pronouns reached through the trail of
 * attributions), on sentences of our own (invented bodies and people), each with its near miss.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quotesOf, without } from './support/quote-lines.js';

const reach = 'Newsline.com reported its source said the bridge had been mined. The website further reported the army had closed the road.';

test('a body description continues the latest body that spoke, past its unnamed source (quotes.described-body-reach)', () => {
  const q = quotesOf(reach).find((x) => /closed the road/.test(x.text));
  assert.equal(q?.speaker, '~Newsline.com', JSON.stringify(quotesOf(reach)));
  const off = without(['quotes.described-body-reach'], () => quotesOf(reach)).find((x) => /closed the road/.test(x.text));
  assert.equal(off?.speaker, '~The website');
});

test('near misses: a person speaking between, a body too far back', () => {
  const person = quotesOf('Newsline.com reported its source said the bridge had been mined. Colonel Ana Ruiz said the road was open. The website further reported the army had closed the road.');
  assert.equal(person.find((x) => /closed the road/.test(x.text))?.speaker, '~The website');
  const far = quotesOf('Newsline.com reported the bridge had been mined. Rain fell all day. The river rose by a metre. The website further reported the army had closed the road.');
  assert.equal(far.find((x) => /closed the road/.test(x.text))?.speaker, '~The website');
});

const gave = 'A spokesman for the rebel alliance, who gave his name only as Farid Osman, told reporters that the group remained committed to the truce. "We did not start this," he said.';

test('a description whose own clause gives the name is that person (quotes.description-named-in-clause)', () => {
  const on = quotesOf(gave);
  assert.equal(on.find((x) => x.cue === 'told')?.speaker, 'Farid Osman', JSON.stringify(on));
  // the pronoun after it follows the subject of the sentence before
  assert.equal(on.find((x) => x.cue === 'said')?.speaker, 'Farid Osman');
  const off = without(['quotes.description-named-in-clause'], () => quotesOf(gave));
  assert.equal(off.find((x) => x.cue === 'told')?.speaker, '~A spokesman for the rebel alliance');
  const named = quotesOf('A nurse named Carla Dominguez said the hospital had run out of oxygen.');
  assert.equal(named[0]?.speaker, 'Carla Dominguez', JSON.stringify(named));
});

test('near misses: a clause that names no one, a name in the clause that is not the described', () => {
  const none = quotesOf('An official for the rebel alliance, who spoke on condition of anonymity, said that the group remained committed to the truce.');
  assert.match(none[0]?.speaker ?? '', /^~An official/, JSON.stringify(none));
  const other = quotesOf('A spokesman for the rebel alliance, who met Farid Osman on Monday, said that the group remained committed to the truce.');
  assert.notEqual(other.find((x) => x.cue === 'said')?.speaker, 'Farid Osman', JSON.stringify(other));
});

const tail = 'The plant was sold on Monday. Orders will keep the plant busy for years, Maróth said, and paying back the loan seems realistic.';

test('"…, X said, and CLAUSE": the clause before and the clause after are both the speaker\'s (quotes.coordinated-tail)', () => {
  const on = quotesOf(tail);
  assert.ok(on.some((q) => q.text === 'Orders will keep the plant busy for years' && q.speaker === 'Maróth'), JSON.stringify(on));
  assert.ok(on.some((q) => q.text === 'paying back the loan seems realistic' && q.speaker === 'Maróth'), JSON.stringify(on));
  const off = without(['quotes.coordinated-tail'], () => quotesOf(tail));
  assert.ok(!off.some((q) => q.text === 'Orders will keep the plant busy for years'), JSON.stringify(off));
  // parsed as a conjunct of the cue: found before only by reading the words, which stopped at the clause's verb
  const conj = quotesOf('The plant was sold on Monday. Orders will keep the plant busy for years, Maróth said, and the loan will be repaid by 2025.');
  assert.ok(conj.some((q) => q.text === 'Orders will keep the plant busy for years' && q.speaker === 'Maróth'), JSON.stringify(conj));
});

test('near misses: "said that A and B", a list after a participle cue', () => {
  const that = quotesOf('The plant was sold on Monday. Maróth said that orders will keep the plant busy for years and the loan will be repaid by 2025.');
  assert.ok(!that.some((q) => /^Orders/.test(q.text)), JSON.stringify(that));
  // a second predicate of the cue's subject is no claim: "…, police said, but gave no details"
  const pred = quotesOf('A fire broke out on Monday. The fire started at noon, police said, but gave no details.');
  assert.ok(!pred.some((q) => /gave no details/.test(q.text)), JSON.stringify(pred));
  // an opening phrase is no clause: "Following that reasoning, the court ruled on …, and …" reports nothing before the cue
  const opening = quotesOf('Following that reasoning, the Court of Session in Scotland ruled on September 11, and the prorogation was unlawful.');
  assert.ok(!opening.some((q) => q.text === 'Following that reasoning'), JSON.stringify(opening));
  const list = quotesOf('Reuters reported the attack, with officials reporting at the time 150 security forces, 95 civilians, and hundreds of Taliban killed.');
  assert.ok(!list.some((q) => /^hundreds of Taliban/.test(q.text)), JSON.stringify(list));
});

test('"Some reported …": a determiner standing alone for people is the subject (quotes.quantifier-subject)', () => {
  const text = 'Over 200 members favoured an inquiry. Some reported wanting to draft articles of impeachment.';
  const on = quotesOf(text).find((q) => q.cue === 'reported');
  assert.equal(on?.speaker, '~Some', JSON.stringify(quotesOf(text)));
  const off = without(['quotes.quantifier-subject'], () => quotesOf(text)).find((q) => q.cue === 'reported');
  assert.notEqual(off?.speaker, '~Some');
  // a determiner of a noun keeps its noun phrase
  const det = quotesOf('Over 200 members favoured an inquiry. Some members reported wanting to draft articles of impeachment.');
  assert.equal(det.find((q) => q.cue === 'reported')?.speaker, '~Some members');
});

test('"Others responded with tweets calling …": the statements a cue\'s subject answered with are its words (quotes.statement-with)', () => {
  const text = 'The attack shocked the country. Others responded with tweets calling the attack "monstrous".';
  const on = quotesOf(text).find((q) => q.cue === 'calling');
  assert.equal(on?.speaker, '~Others', JSON.stringify(quotesOf(text)));
  const off = without(['quotes.statement-with'], () => quotesOf(text)).find((q) => q.cue === 'calling');
  assert.equal(off?.speaker, '~tweets');
  // tweets shown to someone are not that someone's
  const shown = quotesOf('The attack shocked the country. Others were shown tweets calling the attack "monstrous".');
  assert.notEqual(shown.find((q) => q.cue === 'calling')?.speaker, '~Others');
});
