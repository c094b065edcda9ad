import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameOf, run } from './helpers.js';

test('speaker after the quote, inverted and before', () => {
  const r = run('“We will not negotiate under fire,” Foreign Minister Anna Lindqvist said on Tuesday. “The talks are over,” said Lindqvist. Prime Minister Jonas Berg told reporters: “We remain open to dialogue.”');
  assert.equal(r.quotes.length, 3);
  assert.equal(nameOf(r, r.quotes[0].speaker), 'Anna Lindqvist');
  assert.equal(r.quotes[0].text, 'We will not negotiate under fire');
  assert.equal(nameOf(r, r.quotes[1].speaker), 'Anna Lindqvist');
  assert.equal(nameOf(r, r.quotes[2].speaker), 'Jonas Berg');
});

test('a nominal speaker resolves through coreference and a following quote keeps the speaker', () => {
  const r = run('The British Embassy in Kenya said the report was false. “No staff were harmed,” the embassy added. “All offices remain open.”');
  const direct = r.quotes.filter((q) => q.kind === 'direct');
  assert.equal(direct.length, 2);
  for (const q of direct) assert.equal(nameOf(r, q.speaker), 'British Embassy in Kenya');
});

test('quotes running over several paragraphs share one speaker', () => {
  const text = 'Mayor Elena Ruiz described the night of the flood.\n\n“We heard the water before we saw it,” Ruiz said. “Then the lights went out.\n\n“By morning the whole street was gone.”';
  const r = run(text);
  const direct = r.quotes.filter((q) => q.kind === 'direct');
  assert.equal(direct.length, 3);
  for (const q of direct) assert.equal(nameOf(r, q.speaker), 'Elena Ruiz');
  assert.ok(direct[2].text.startsWith('By morning'));
});

test('a nickname in a name is not a quote; straight quotes work', () => {
  const r = run('Mohammed "Abu Ali" Saleh was seen in Aden. "He is alive," his brother Yusuf Saleh said.');
  assert.ok(!r.quotes.some((q) => q.text.includes('Abu Ali')));
  assert.equal(r.quotes.filter((q) => q.kind === 'direct').length, 1);
  assert.equal(nameOf(r, r.quotes[0].speaker), 'Yusuf Saleh');
});

test('indirect quotes: said that, according to; a negated cue is not a quote', () => {
  const r = run('Defence Minister Yoav Stern said that the operation would continue. According to the Red Cross, 40 people were evacuated. The spokesman failed to mention that the convoy was attacked.');
  const ind = r.quotes.filter((q) => q.kind === 'indirect');
  assert.equal(ind.length, 2);
  assert.equal(ind[0].text, 'the operation would continue');
  assert.equal(nameOf(r, ind[0].speaker), 'Yoav Stern');
  assert.equal(nameOf(r, ind[1].speaker), 'Red Cross');
  assert.ok(!r.quotes.some((q) => q.text.includes('convoy')));
});

test('quote offsets match the text', () => {
  const r = run('“It’s over,” she said. “Really over.”');
  for (const q of r.quotes) assert.equal(r.text.slice(q.start, q.end), q.text);
});

test('a claim with the attribution after it: "…, the ministry said."', () => {
  const r = run('Two soldiers were wounded near the border overnight, the Lebanese Army said. The road was reopened, said Colonel Amal Haddad.');
  const ind = r.quotes.filter((q) => q.kind === 'indirect');
  assert.equal(ind.length, 2);
  assert.equal(ind[0].text, 'Two soldiers were wounded near the border overnight');
  assert.equal(nameOf(r, ind[0].speaker), 'Lebanese Army');
  assert.equal(ind[1].text, 'The road was reopened');
  assert.equal(nameOf(r, ind[1].speaker), 'Amal Haddad');
});

test('"X said CLAUSE" without "that" comes from the parse; a conjoined cue shares the subject', () => {
  const r = run('The interior minister, Karim Haddad, said the border would reopen on Friday but denied that troops had fired on the crowd.');
  const ind = r.quotes.filter((q) => q.kind === 'indirect');
  const reopen = ind.find((q) => q.text.startsWith('the border would reopen'));
  assert.ok(reopen, JSON.stringify(ind.map((q) => q.text)));
  assert.ok(!reopen.text.includes('denied'), 'the second cue starts a claim of its own');
  assert.equal(nameOf(r, reopen.speaker), 'Karim Haddad');
  const fired = ind.find((q) => q.text === 'troops had fired on the crowd');
  assert.ok(fired, JSON.stringify(ind.map((q) => q.text)));
  assert.equal(nameOf(r, fired.speaker), 'Karim Haddad');
});

test('a possessor is not the speaker: "…, his lawyer said" is not said by him', () => {
  const r = run('Police arrested Omar Saleh at the border crossing. Saleh has been moved to a prison in the capital, his lawyer said on Monday.');
  for (const q of r.quotes) assert.notEqual(nameOf(r, q.speaker), 'Omar Saleh', JSON.stringify(q));
});

test('a speaker no entity stands for keeps its words: "police said", "said a senior official"', () => {
  const r = run('Three men were arrested near the port, police said on Friday. The ship will stay in dock, said a senior official. "We are looking into it," the transport ministry spokesman told reporters.');
  const byText = (t: string) => r.quotes.find((q) => q.text.startsWith(t));
  const a = byText('Three men were arrested');
  assert.ok(a, JSON.stringify(r.quotes));
  assert.equal(a.speaker, null);
  assert.equal(a.speaker_text, 'police');
  assert.equal(byText('The ship will stay')?.speaker_text, 'a senior official');
  assert.equal(byText('We are looking')?.speaker_text, 'the transport ministry spokesman');
  assert.ok(!r.quotes.some((q) => q.speaker !== null && q.speaker_text !== undefined), 'words only stand in for a missing entity');
  const acc = run('The convoy was hit by two rockets, according to local officials.').quotes;
  assert.equal(acc.length, 1);
  assert.equal(acc[0].text, 'The convoy was hit by two rockets');
  assert.equal(acc[0].speaker_text, 'local officials');
});

test('inside a speaker\'s own quote, "he" is someone else; a cue with its own clause is no trailing attribution', () => {
  const r = run('Ahmed Farid has been held since March. His brother, Karim Farid, spoke to reporters. "We do not even know whether he is alive," Karim said.\n\nCanada\'s foreign minister, Anne Leduc, said Ottawa was in contact with the authorities.');
  const ahmed = r.entities.find((e) => e.name === 'Ahmed Farid');
  const karim = r.entities.find((e) => e.name === 'Karim Farid');
  assert.ok(ahmed && karim);
  const he = r.text.indexOf('he is alive');
  assert.ok(ahmed.mentions.some((m) => m.start === he), JSON.stringify(r.entities.map((e) => [e.name, e.mentions.map((m) => m.text + '@' + m.start)])));
  assert.ok(!karim.mentions.some((m) => m.start === he));
  const ottawa = r.quotes.find((q) => q.text === 'Ottawa was in contact with the authorities');
  assert.equal(ottawa && nameOf(r, ottawa.speaker), 'Anne Leduc');
  assert.ok(!r.quotes.some((q) => q.text.includes('Anne Leduc')), JSON.stringify(r.quotes.map((q) => q.text)));
});

test('the cue of a direct quote reports that quote only: no indirect quote from its inverted subject', () => {
  const r = run('"I just want to hug my son," said Karin Lund, whose son Erik was among those freed.');
  assert.deepEqual(r.quotes.map((q) => [q.kind, q.text]), [['direct', 'I just want to hug my son']]);
  assert.equal(nameOf(r, r.quotes[0].speaker), 'Karin Lund');
});
