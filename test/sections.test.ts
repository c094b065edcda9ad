/**
 * Long documents by sections (src/output/sections.ts): where the text is cut, and that the joined
 * result reads like one document's — offsets point at their text, ids are one document's, a person
 * named in full in one section and by surname in another is one entity.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract, extractDoc } from '../src/extract.js';
import { extractBySections, sectionStarts } from '../src/output/sections.js';
import { toResult } from '../src/output/result.js';
import { ResultSchema } from '../src/output/schema.js';

test('sectionStarts: cuts at paragraph breaks, within the limit, covering the text', () => {
  const para = (n: number): string => `Paragraph ${n} has a few words in it. It ends here.`;
  const text = Array.from({ length: 40 }, (_, n) => para(n)).join('\n\n');
  const starts = sectionStarts(text, 300);
  assert.equal(starts[0], 0);
  assert.ok(starts.length > 5);
  for (let k = 0; k < starts.length; k++) {
    const end = k + 1 < starts.length ? starts[k + 1] : text.length;
    assert.ok(end - starts[k] <= 300, `section ${k} is ${end - starts[k]} long`);
    if (k > 0) assert.match(text.slice(starts[k], starts[k] + 10), /^Paragraph /, 'a section starts at a paragraph');
  }
  assert.deepEqual(sectionStarts('short text', 300), [0]);
  // no break at all: cut at the limit, still covering everything
  const solid = 'x'.repeat(1000);
  assert.deepEqual(sectionStarts(solid, 300), [0, 300, 600, 900]);
});

const ARTICLE = [
  'Barack Obama met Angela Merkel in Berlin on Monday, officials said.',
  'The talks covered trade and the war in Ukraine. "We agreed on a great deal," Merkel told reporters.',
  'Police arrested two protesters outside the chancellery in Berlin.',
  'Later, Obama flew to Paris, where he met French President Emmanuel Macron.',
].join('\n\n');

test('extract by sections: one result whose offsets, ids and indexes hold across the cut', () => {
  const input = { id: 'long', text: ARTICLE, published: '2024-03-04' };
  const joined = extractBySections(input, (section) => toResult(extractDoc(section), { tokens: true }), 150);
  assert.ok(sectionStarts(ARTICLE, 150).length >= 3, 'the text is cut into several sections');
  ResultSchema.parse(joined);
  assert.equal(joined.text, ARTICLE);
  const ids = new Set(joined.entities.map((e) => e.id));
  assert.equal(ids.size, joined.entities.length, 'entity ids are unique');
  for (const e of joined.entities) for (const m of e.mentions) assert.equal(ARTICLE.slice(m.start, m.end), m.text);
  for (const s of joined.sentences) assert.ok(s.end <= ARTICLE.length && s.start < s.end);
  for (const t of joined.tokens ?? []) {
    assert.equal(ARTICLE.slice(t.start, t.end), t.text);
    if (t.head !== undefined) assert.ok(t.head >= -1 && t.head < (joined.tokens ?? []).length);
  }
  for (const ev of joined.events) {
    assert.equal(ARTICLE.slice(ev.trigger.start, ev.trigger.end), ev.trigger.text);
    assert.ok(ev.sentence < joined.sentences.length);
    const s = joined.sentences[ev.sentence];
    assert.ok(s.start <= ev.trigger.start && ev.trigger.end <= s.end, 'an event sits in its sentence');
    for (const a of [...ev.actor, ...ev.recipient]) assert.ok(ids.has(a), `event role ${a} is an entity`);
    for (const g of ev.groups ?? []) assert.equal(ARTICLE.slice(g.start, g.end), g.text, 'a group participant points at its words');
  }
  const arrest = joined.events.find((e) => e.trigger.text === 'arrested');
  assert.ok(arrest?.groups?.some((g) => g.text === 'Police' && g.start > ARTICLE.indexOf('Police') - 1), "a later section's group participant is shifted with it");
  assert.deepEqual(joined.events.map((e) => e.id), joined.events.map((_, k) => `ev${k + 1}`));
  for (const q of joined.quotes) {
    assert.equal(ARTICLE.slice(q.start, q.end), q.text);
    if (q.speaker) assert.ok(ids.has(q.speaker));
  }
  // "Barack Obama" (first section) and "Obama" (last) are one person; so is Berlin, named twice apart
  const obama = joined.entities.filter((e) => e.type === 'PERSON' && /Obama/.test(e.name));
  assert.equal(obama.length, 1, JSON.stringify(obama.map((e) => e.name)));
  assert.equal(obama[0].name, 'Barack Obama');
  assert.ok(obama[0].mentions.some((m) => m.start > ARTICLE.indexOf('Later')), 'the later surname joined the person');
  const berlin = joined.entities.filter((e) => e.name === 'Berlin');
  assert.equal(berlin.length, 1);
  assert.equal(berlin[0].mentions.length, 2);
});

test('extract: a document shorter than a section is processed whole, as before', () => {
  const input = { id: 'short', text: ARTICLE, published: '2024-03-04' };
  assert.deepEqual(extract(input), toResult(extractDoc(input)));
});
