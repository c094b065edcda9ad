import test from 'node:test';
import assert from 'node:assert/strict';
import { contextKey, corpusContexts, corpusRoles, countSentenceContexts, countSentenceRoles, runKey, type ContextCounts, type RoleCounts } from '../src/extract/name-contexts.js';
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

test('role contexts per capitalised run: organisations employ and are traded, persons have kin, places people', () => {
  const c: RoleCounts = new Map();
  for (const s of [
    'Zentrix employees walked out , and shares of Zentrix fell .',
    'An analyst at Orbis Capital said Orbis Capital \'s headquarters moved .',
    'But Zentrix said so .',
    'They met Mr Hollis , and Hollis \'s wife left near Ashby .',
    'Economist John Keynes spoke .',
    'Zentrix said nothing .',
    'She wrote for the Metro newspaper .',
  ]) countSentenceRoles(s.split(' '), c);
  assert.deepEqual(c.get('metro'), { org: 1, person: 0, place: 0 }, 'a noun naming a kind of organisation after the name (lexicon org-nouns, role-after)');
  assert.deepEqual(c.get('zentrix'), { org: 2, person: 0, place: 0 }, '"X employees", "shares of X"; "X said" is no role cue');
  assert.deepEqual(c.get('orbis capital'), { org: 2, person: 0, place: 0 }, 'the whole run: "analyst at X", "X\'s headquarters"');
  assert.deepEqual(c.get('hollis'), { org: 0, person: 2, place: 0 }, '"Mr X", "X\'s wife"');
  assert.deepEqual(c.get('ashby'), { org: 0, person: 0, place: 1 }, '"near X"');
  assert.equal(c.get('john keynes'), undefined, 'a title right before a name is no organisation cue ("economist John Keynes")');
  assert.equal(runKey(['Orbis', 'Capital'], 0, 2), 'orbis capital');
});

test('the shipped corpus role counts (train:name-contexts) call companies organisations', () => {
  const roles = corpusRoles(defaultModelDir());
  assert.ok(roles, 'models/ner/name-contexts.tsv.gz carries role columns');
  const microsoft = roles.get('microsoft')!;
  assert.ok(microsoft.org >= 3 * (microsoft.person + microsoft.place), JSON.stringify(microsoft));
  const his = roles.get('his')!;
  assert.ok(his.person > his.org, JSON.stringify(his));
});
