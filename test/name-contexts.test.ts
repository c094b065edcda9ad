import test from 'node:test';
import assert from 'node:assert/strict';
import { contextKey, corpusContexts, countSentenceContexts, type ContextCounts } from '../src/extract/name-contexts.js';
import { defaultModelDir } from '../src/extract/ner.js';

const counted = (...sentences: string[]): ContextCounts => {
  const c: ContextCounts = new Map();
  for (const s of sentences) countSentenceContexts(s.split(' '), c);
  return c;
};

test('name contexts: agents speak and employ, things have users, versions, cases and numbered codes', () => {
  const c = counted(
    'Boeing said on Monday that the Boeing 747 would fly .',
    'Red Hat \'s spokesperson said CentOS users want a new version of CentOS .',
    'The Linux kernel grew , and COVID-19 cases rose .',
  );
  assert.deepEqual(c.get('boeing'), { agent: 1, thing: 0 }, 'a bare number after a name is no cue ("Boeing 747")');
  assert.deepEqual(c.get('hat'), { agent: 1, thing: 0 }, 'after a possessive, the word after it');
  assert.deepEqual(c.get('centos'), { agent: 0, thing: 2 }, '"CentOS users", "version of CentOS"');
  assert.deepEqual(c.get('linux'), { agent: 0, thing: 1 });
  assert.deepEqual(c.get('covid'), { agent: 0, thing: 2 }, '"COVID-19" counts under "covid", with its "cases"');
  assert.equal(c.get('the'), undefined, 'no cue, no count');
  assert.equal(contextKey('COVID-19'), 'covid');
  assert.equal(contextKey('Linux'), 'linux');
});

test('the shipped corpus counts (train:name-contexts) call products things and companies agents', () => {
  const corpus = corpusContexts(defaultModelDir());
  assert.ok(corpus, 'models/ner/name-contexts.tsv.gz is shipped');
  const linux = corpus.get('linux')!;
  assert.ok(linux.thing >= 8 && linux.agent * 4 <= linux.thing, JSON.stringify(linux));
  const nasa = corpus.get('nasa')!;
  assert.ok(nasa.agent > nasa.thing, JSON.stringify(nasa));
});
