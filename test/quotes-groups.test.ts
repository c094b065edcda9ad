/**
 * Group speakers (issue 22, sixth round): people named together and then spoken of as one —
 * "they", "Both officers", "the ministers", "The two". Sentences of our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameOf, run } from './helpers.js';

const quote = (r: ReturnType<typeof run>, words: string) => {
  const q = r.quotes.find((x) => x.text.includes(words));
  assert.ok(q, `no quote holding "${words}"`);
  return q;
};

test('"they" after names joined by "and" as the subject before stands for the group', () => {
  const r = run('Ana Silva and Tom Berg spoke to reporters at the hospital on Friday. "We thought we would die up there," they said.');
  assert.equal(nameOf(r, quote(r, 'would die up there').speaker), 'Ana Silva');
  const one = run('Ana Silva spoke to reporters at the hospital on Friday. "We thought we would die up there," they said.');
  assert.equal(quote(one, 'would die up there').speaker, null);
});

test('"they" reaches a group named as the subject up to three sentences back, not a plain plural noun', () => {
  const r = run('Marc Dubois and Luc Martin were sentenced to prison on Tuesday. The court sat for nine days. The verdict was read at noon. They told reporters that they would appeal.');
  assert.equal(nameOf(r, quote(r, 'would appeal').speaker), 'Marc Dubois');
  const plain = run('The drivers left the depot at dawn. The road was closed for hours. The convoy turned back at noon. They told reporters that the route was unsafe.');
  const q = quote(plain, 'route was unsafe');
  assert.equal(q.speaker, null);
  assert.equal(q.speaker_text, undefined);
});

test('a plural description stands for the people named together with its noun before', () => {
  const r = run('Two police officers, Marc Dubois and Luc Martin, were sentenced on Tuesday. Both officers said they would appeal.');
  assert.equal(nameOf(r, quote(r, 'would appeal').speaker), 'Marc Dubois');
  const after = run('Marc Dubois and Luc Martin, both police officers, were sentenced on Tuesday. The officers said they would appeal.');
  assert.equal(nameOf(after, quote(after, 'would appeal').speaker), 'Marc Dubois');
  const titled = run('Foreign Minister Ana Silva of Portugal and Foreign Minister Tom Berg of Norway met in Oslo. The ministers said the talks had gone well.');
  assert.equal(nameOf(titled, quote(titled, 'talks had gone well').speaker), 'Ana Silva');
});

test('a plural description with no named group before, or another noun, keeps its words', () => {
  const r = run('Two police officers were sentenced on Tuesday. Both officers said they would appeal.');
  const q = quote(r, 'would appeal');
  assert.equal(q.speaker, null);
  assert.equal(q.speaker_text, 'Both officers');
  const other = run('Two police officers, Marc Dubois and Luc Martin, were sentenced on Tuesday. The prosecutors said they would appeal.');
  const p = quote(other, 'would appeal');
  assert.equal(p.speaker, null);
  assert.equal(p.speaker_text, 'The prosecutors');
});

test('bodies named together, however the parse joins them, are what "the parties" or "the two companies" are', () => {
  const r = run('On Monday, Dutch airline Nordwind Airlines and Belgian logistics firm Kestrel Logistics Group signed a merger agreement. The parties said they expect approval this year.');
  assert.equal(nameOf(r, quote(r, 'expect approval').speaker), 'Nordwind Airlines');
  const two = run('On Monday, the Dutch company Nordwind Holdings Inc. and the Belgian firm Kestrel Logistics Corp. signed a merger agreement. The two companies said they expect approval this year.');
  assert.equal(nameOf(two, quote(two, 'expect approval').speaker), 'Nordwind Holdings Inc.');
  const alone = run('On Monday, Dutch airline Nordwind Airlines signed a merger agreement with a Belgian firm. The parties said they expect approval this year.');
  assert.equal(quote(alone, 'expect approval').speaker, null);
});

test('a clause reported without "that" is the content however the parse hung it', () => {
  const a = run('Health Minister Vera Lind indicated on Monday the chances of those trapped being found alive were already diminishing.');
  const q = quote(a, 'chances of those trapped');
  assert.equal(nameOf(a, q.speaker), 'Vera Lind');
  assert.ok(q.text.endsWith('already diminishing'));
  const b = run('Senator Tom Ward and others in the Democratic Party warned the delayed transition process could potentially be a threat to national security.');
  const w = quote(b, 'delayed transition process');
  assert.equal(nameOf(b, w.speaker), 'Tom Ward');
  assert.ok(w.text.includes('could potentially be a threat'));
  // a phrase that holds a clause of its own is no subject of the next verb
  const c = run('The committee says it has found no trace of explosives despite the website claiming an anonymous source described a depot in the building.');
  assert.ok(!c.quotes.some((x) => (x.speaker_text ?? '').startsWith('no trace')));
  assert.equal(c.quotes.find((x) => x.text === 'a depot in the building')?.speaker_text, 'an anonymous source');
});

test('a subject before a relative clause set off by commas is the subject of the verb after it, however the parse rooted the sentence', () => {
  const r = run('The brother of aid worker Karl Weiss, who was kidnapped in the north of the country in May, appealed on Saturday for his release.');
  const q = quote(r, 'for his release');
  assert.equal(q.cue?.text, 'appealed');
  assert.match(q.source?.text ?? '', /^The brother of aid worker/);
  const plain = run('The Islamic Front, which is linked to the Abu Sayyaf Group, subsequently claimed responsibility.');
  assert.equal(nameOf(plain, quote(plain, 'responsibility').speaker), 'Islamic Front');
});

test('"told reporters the police had done nothing": the addressee stays out of the clause, and the clause keeps its subject', () => {
  for (const [text, content] of [
    ['The mayor told reporters the police had done nothing.', 'the police had done nothing'],
    ['A spokesman told AFP the talks had collapsed.', 'the talks had collapsed'],
    ['The coach told journalists his players were exhausted.', 'his players were exhausted'],
    ['Ana Silva told the BBC the company had never paid the fine.', 'the company had never paid the fine'],
  ]) {
    const r = run(text);
    assert.deepEqual(r.quotes.filter((q) => q.cue?.text === 'told').map((q) => q.text), [content], text);
  }
});
