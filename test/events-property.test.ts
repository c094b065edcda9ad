import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Doc } from '../src/doc.js';
import { createEventsStage, eventsStage } from '../src/extract/events.js';

const ruleCoder = createEventsStage({ detector: null });

/** Arbitrary trees over news-like words: the coder must never throw, loop, or point outside the document. */
const WORDS: [string, string, string][] = [
  ['Hamas', 'Hamas', 'PROPN'], ['Israel', 'Israel', 'PROPN'], ['released', 'release', 'VERB'], ['kidnapped', 'kidnap', 'VERB'],
  ['met', 'meet', 'VERB'], ['with', 'with', 'ADP'], ['by', 'by', 'ADP'], ['during', 'during', 'ADP'], ['attack', 'attack', 'NOUN'],
  ['release', 'release', 'NOUN'], ['not', 'not', 'PART'], ['will', 'will', 'AUX'], ['his', 'his', 'PRON'], ['he', 'he', 'PRON'],
  ['said', 'say', 'VERB'], ['and', 'and', 'CCONJ'], ['the', 'the', 'DET'], ['in', 'in', 'ADP'], ['Gaza', 'Gaza', 'PROPN'],
  ['agreement', 'agreement', 'NOUN'], ['between', 'between', 'ADP'], ['freed', 'free', 'VERB'], ['which', 'which', 'PRON'],
];
const RELS = ['nsubj', 'nsubj:pass', 'obj', 'iobj', 'obl', 'obl:agent', 'nmod', 'nmod:poss', 'conj', 'cc', 'case', 'det', 'advmod', 'aux', 'aux:pass', 'xcomp', 'ccomp', 'advcl', 'acl', 'acl:relcl', 'appos', 'compound', 'amod', 'flat', 'parataxis', 'punct', 'root'];

test('any parse, however malformed, yields well-formed events', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ w: fc.integer({ min: 0, max: WORDS.length - 1 }), head: fc.integer({ min: -1, max: 11 }), rel: fc.constantFrom(...RELS) }), { minLength: 1, maxLength: 12 }),
      (rows) => {
        const text = rows.map((r) => WORDS[r.w][0]).join(' ');
        const doc = new Doc({ text, published: '2024-01-01' });
        let pos = 0;
        rows.forEach((r, i) => {
          const [form, lemma, upos] = WORDS[r.w];
          doc.tokens.push({ i, start: pos, end: pos + form.length, text: form, sentence: 0, spaceAfter: true, upos, xpos: upos === 'VERB' ? 'VBD' : 'NN', lemma, head: Math.min(r.head, rows.length - 1), deprel: r.rel });
          pos += form.length + 1;
        });
        doc.sentences.push({ start: 0, end: text.length, tokenStart: 0, tokenEnd: rows.length, paragraph: 0 });
        for (const name of ['Hamas', 'Israel', 'Gaza']) {
          const mentions = doc.tokens.filter((t) => t.text === name).map((t) => ({ start: t.start, end: t.end, text: name, kind: 'name' as const, type: 'ORG' as const, entity: name }));
          if (mentions.length) doc.entities.push({ id: name, type: name === 'Hamas' ? 'ORG' : 'GPE', name, mentions });
        }
        doc.times.push({ start: 0, end: 0, text: '', value: '2023-10-07' });
        ruleCoder.run(doc);
        const ruled = doc.events;
        eventsStage.run(doc);
        for (const e of ruled) assert.ok(e.actor.length + e.recipient.length > 0, 'an event of the rule coder has a participant');
        for (const e of doc.events) {
          assert.ok(e.confidence === null || (e.confidence >= 0 && e.confidence <= 1), 'a confidence is a probability');
          for (const id of [...e.actor, ...e.recipient, ...(e.location ? [e.location] : []), ...(e.reported_by ? [e.reported_by] : [])]) assert.ok(doc.entityById(id), `unknown entity ${id}`);
          assert.ok(e.trigger.start >= 0 && e.trigger.end <= text.length && e.trigger.text === text.slice(e.trigger.start, e.trigger.end));
          assert.ok(!e.actor.some((id) => e.recipient.includes(id)), 'nobody is both actor and recipient');
        }
      },
    ),
    { numRuns: 300 },
  );
});
