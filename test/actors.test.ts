import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseActorFile, parseAgentFile, parseDictDate, normKey } from '../src/extract/actors/dictionary.js';
import { actorIndex, dateNumber } from '../src/extract/actors/index.js';
import { actorsStage, findActorCodes } from '../src/extract/actors.js';
import { handDoc } from './support/hand-doc.js';

const codes = (doc: ReturnType<typeof handDoc>, id: string) => (doc.entityById(id)?.codes ?? []).map((c) => c.code);

test('actor dictionary records: synonyms, dated restrictions, defaults, comments and the 0x1A repair', () => {
  const text = [
    '# comment line',
    'VLADIMIR_PUTIN_  # CountryInfo.txt',
    '+PUTIN_',
    '+PRESIDENT_VLADIMIR_PUTIN_',
    '\t[RUSELI 700101-990809]',
    '\t[RUSGOV >080508]',
    '\t[RUSELI]',
    'KREMLIN_',
    '+RUSSIAN_WHITE_HOUSE',
    '\t[RUSGOV]',
    'U.N._',
    '',
    'LIAMINE_Z\x1aROUAL_ [DZAGOV]',
    'JAVIER_DE_CUELLAR_\t[IGOUNO 820101-911231] [ELI]# IGOrulers.txt',
  ].join('\n');
  const recs = parseActorFile(text, 0);
  const putin = recs.find((r) => r.primary === 'VLADIMIR PUTIN');
  assert.ok(putin);
  assert.deepEqual(putin.synonyms, ['PUTIN', 'PRESIDENT VLADIMIR PUTIN']);
  assert.deepEqual(putin.rules, [['RUSELI', 19700101, 19990809], ['RUSGOV', 20080508, 0]]);
  assert.equal(putin.fallback, 'RUSELI');
  assert.equal(recs.find((r) => r.primary === 'KREMLIN')?.fallback, 'RUSGOV');
  // a record without any code is dropped
  assert.equal(recs.some((r) => r.primary === 'UN'), false);
  assert.ok(recs.some((r) => r.primary === 'LIAMINE ZEROUAL'));
  const cuellar = recs.find((r) => r.primary === 'JAVIER DE CUELLAR');
  assert.deepEqual(cuellar?.rules, [['IGOUNO', 19820101, 19911231]]);
  assert.equal(cuellar?.fallback, 'ELI');
  assert.equal(parseDictDate('991231'), 19991231);
  assert.equal(parseDictDate('080507'), 20080507);
  assert.equal(normKey('Alexander “Sasha” Trufanov'), 'ALEXANDER SASHA TRUFANOV');
  assert.equal(normKey('U.S. Café'), 'US CAFE');
});

test('agent dictionary: regular and irregular plurals, null plurals, !MARKER! sets, prefix codes', () => {
  const agents = parseAgentFile([
    '!MINIST! = MINISTER, MINISTERS, MINISTRY',
    'AMBASSADOR [~GOV] # LRP 02 Jun 2004',
    'POLICE {} [~COP]',
    'ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]',
    '!MINIST! OF_FOREIGN_AFFAIRS [~GOV]',
    'HUMAN_RIGHTS_BODY  [NGO~]',
    'EMBASSY [~GOV]',
  ].join('\n'));
  const has = (pattern: string, code: string) => agents.some((a) => a.pattern === pattern && a.code === code);
  assert.ok(has('AMBASSADOR', 'GOV') && has('AMBASSADORS', 'GOV'));
  assert.ok(has('POLICE', 'COP') && !agents.some((a) => a.pattern === 'POLICES'));
  assert.ok(has('ATTORNEYS GENERAL', 'GOVATG'));
  assert.ok(has('MINISTRY|OF FOREIGN AFFAIRS', 'GOV'));
  assert.ok(has('EMBASSIES', 'GOV'));
  assert.equal(agents.find((a) => a.pattern === 'HUMAN RIGHTS BODY')?.prefix, true);
});

test('compiled index: codes in force at the publication date', () => {
  const idx = actorIndex();
  assert.equal(idx, actorIndex(), 'loaded once per process');
  const rec = (key: string) => idx.lookup(key)[0];
  assert.equal(idx.codeAt(rec('VLADIMIR PUTIN'), dateNumber('2025-02-16')), 'RUSGOV');
  assert.equal(idx.codeAt(rec('VLADIMIR PUTIN'), dateNumber('1995-06-01')), 'RUSELI');
  // a defence minister who left office falls back to elite, not government
  assert.equal(idx.codeAt(rec('EHUD BARAK'), dateNumber('2010-05-01')), 'ISRGOVMIL');
  assert.equal(idx.codeAt(rec('EHUD BARAK'), dateNumber('2025-02-16')), 'ISRELI');
  assert.equal(idx.codeAt(rec('HILLARY CLINTON'), dateNumber('2011-01-01')), 'USAGOV');
  assert.equal(idx.codeAt(rec('HILLARY CLINTON'), dateNumber('2025-01-01')), 'USAELI');
  assert.equal(idx.agent(['RUSSIAN', 'AMBASSADOR', 'TO'])?.agent.code, 'GOV');
});

test('names: people with dated codes, countries, nationalities, groups, and institutions', () => {
  const text =
    'Israeli Prime Minister Benjamin Netanyahu spoke with Vladimir Putin about Hamas and the Kremlin. ' +
    'Former defence minister Ehud Barak criticised the deal, and Russians in Israel welcomed it.';
  const doc = handDoc(text, [
    { id: 'bibi', type: 'PERSON', name: 'Benjamin Netanyahu', mentions: ['Benjamin Netanyahu'] },
    { id: 'putin', type: 'PERSON', name: 'Vladimir Putin', mentions: ['Vladimir Putin'] },
    { id: 'barak', type: 'PERSON', name: 'Ehud Barak', mentions: ['Ehud Barak'] },
    { id: 'hamas', type: 'ORG', name: 'Hamas', mentions: ['Hamas'] },
    { id: 'kremlin', type: 'ORG', name: 'the Kremlin', mentions: ['the Kremlin'] },
    { id: 'israeli', type: 'NORP', name: 'Israeli', mentions: ['Israeli'] },
    { id: 'russians', type: 'NORP', name: 'Russians', mentions: ['Russians'] },
    { id: 'israel', type: 'GPE', name: 'Israel', mentions: ['Israel'] },
  ], '2025-02-16');
  actorsStage.run(doc);
  assert.deepEqual(codes(doc, 'putin'), ['RUSGOV']);
  assert.deepEqual(codes(doc, 'barak'), ['ISRELI']);
  assert.deepEqual(codes(doc, 'hamas'), ['PSEREBHMS']);
  assert.deepEqual(codes(doc, 'kremlin'), ['RUSGOV']);
  assert.deepEqual(codes(doc, 'israeli'), ['ISR']);
  assert.deepEqual(codes(doc, 'russians'), ['RUS']);
  assert.deepEqual(codes(doc, 'israel'), ['ISR']);
  assert.ok(codes(doc, 'bibi')[0]?.startsWith('ISR'));
  const src = doc.entityById('putin')!.codes![0].source;
  assert.match(src, /Phoenix\.Countries\.actors\.txt: VLADIMIR PUTIN \[RUSGOV 20080508-\]/);
  // the same article in 2010: Barak was then defence minister
  const old = handDoc(text, [{ id: 'barak', type: 'PERSON', name: 'Ehud Barak', mentions: ['Ehud Barak'] }], '2010-03-01');
  actorsStage.run(old);
  assert.deepEqual(codes(old, 'barak'), ['ISRGOVMIL']);
});

test('roles: titles, groups and nominals add sector codes; hostages do not take their captors’ code', () => {
  const text =
    'Russian diplomats met Kremlin spokesperson Dmitry Peskov in Moscow on Monday. ' +
    'The ambassador said Hamas militant Omar Saleh had guarded Islamic Jihad hostage Lior Ben-David. ' +
    'Israeli soldiers later freed him, and Ukrainian Foreign Minister Andrii Sybiha welcomed the news.';
  const doc = handDoc(text, [
    { id: 'diplomats', type: 'NORP', name: 'Russian diplomats', mentions: [{ text: 'Russian diplomats', kind: 'nominal' }] },
    { id: 'peskov', type: 'PERSON', name: 'Dmitry Peskov', mentions: ['Dmitry Peskov'] },
    { id: 'kremlin', type: 'ORG', name: 'Kremlin', mentions: ['Kremlin'] },
    { id: 'moscow', type: 'GPE', name: 'Moscow', mentions: ['Moscow'] },
    { id: 'amb', type: 'PERSON', name: 'The ambassador', mentions: [{ text: 'The ambassador', kind: 'nominal' }] },
    { id: 'hamas', type: 'ORG', name: 'Hamas', mentions: ['Hamas'] },
    { id: 'saleh', type: 'PERSON', name: 'Omar Saleh', mentions: ['Omar Saleh'] },
    { id: 'pij', type: 'ORG', name: 'Islamic Jihad', mentions: ['Islamic Jihad'] },
    { id: 'lior', type: 'PERSON', name: 'Lior Ben-David', mentions: ['Lior Ben-David', { text: 'him', kind: 'pronoun' }] },
    { id: 'soldiers', type: 'NORP', name: 'Israeli soldiers', mentions: [{ text: 'Israeli soldiers', kind: 'nominal' }] },
    { id: 'sybiha', type: 'PERSON', name: 'Andrii Sybiha', mentions: ['Andrii Sybiha'] },
  ]);
  const found = findActorCodes(doc);
  const get = (id: string) => (found.get(id) ?? []).map((c) => c.code);
  assert.deepEqual(get('diplomats'), ['RUSGOV']);
  assert.deepEqual(get('peskov'), ['RUSGOV']);
  assert.deepEqual(get('amb'), ['GOV']);
  assert.deepEqual(get('saleh'), ['PSEREBHMS']);
  assert.deepEqual(get('lior'), [], 'a hostage is not coded as his captors');
  assert.deepEqual(get('soldiers'), ['ISRMIL']);
  assert.deepEqual(get('sybiha'), ['UKRGOV']);
  // Moscow only as a place here ("in Moscow"): the country code, not the government
  assert.deepEqual(get('moscow'), ['RUS']);
  assert.match(found.get('peskov')![0].source, /Kremlin/);
});

test('metonymy: a capital acting as subject stands for its government', () => {
  const text = 'In recent months, Moscow raised concerns about his health. Washington said nothing, and reporters in Paris waited.';
  const doc = handDoc(text, [
    { id: 'moscow', type: 'GPE', name: 'Moscow', mentions: ['Moscow'] },
    { id: 'washington', type: 'GPE', name: 'Washington', mentions: ['Washington'] },
    { id: 'paris', type: 'GPE', name: 'Paris', mentions: ['Paris'] },
  ]);
  actorsStage.run(doc);
  assert.deepEqual(codes(doc, 'moscow'), ['RUSGOV']);
  assert.deepEqual(codes(doc, 'washington'), ['USAGOV']);
  assert.deepEqual(codes(doc, 'paris'), ['FRA']);
});

test('an ambiguous short name takes the longer dictionary form the article supports', () => {
  // "Islamic Jihad" is listed under Hezbollah; "Palestinian Islamic Jihad" is its own entry
  const text = 'Islamic Jihad released a video. Palestinian officials in Gaza declined to comment.';
  const ents = [{ id: 'pij', type: 'ORG' as const, name: 'Islamic Jihad', mentions: ['Islamic Jihad'] }];
  const withContext = handDoc(text, ents);
  actorsStage.run(withContext);
  assert.match(withContext.entityById('pij')!.codes![0].source, /PALESTINIAN ISLAMIC JIHAD/);
  const without = handDoc('Islamic Jihad released a video in Beirut.', ents);
  actorsStage.run(without);
  assert.deepEqual(codes(without, 'pij'), ['LBNREB']);
});

test('organisation names: composed codes and state institutions', () => {
  const names = ['Israeli military', 'Russian Foreign Ministry', 'Palestinian Authority', 'White House', 'Israeli police', 'Red Cross'];
  // "Russian" in the text must not turn the White House into the Russian one
  const text = names.join(' and ') + ' met Russian envoys.';
  const doc = handDoc(text, names.map((n, i) => ({ id: `o${i}`, type: 'ORG' as const, name: n, mentions: [n] })));
  const found = findActorCodes(doc);
  const got = names.map((_, i) => (found.get(`o${i}`) ?? [])[0]?.code);
  assert.deepEqual(got, ['ISRMIL', 'RUSGOV', 'PSEGOV', 'USAGOV', 'ISRCOP', 'NGOHLHIRC']);
});

test('a dictionary namesake whose country the article contradicts loses its code', async () => {
  const { extract } = await import('../src/extract.js');
  const r = extract({ id: 'diop', published: '2024-06-12', text: 'The Malian foreign minister, Abdoulaye Diop, met the French ambassador in Bamako on Monday.' });
  const diop = r.entities.find((e) => e.name === 'Abdoulaye Diop');
  const codes = (diop?.codes ?? []).map((c) => c.code);
  assert.ok(codes.includes('MLIGOV'), JSON.stringify(codes));
  assert.ok(!codes.some((c) => c.startsWith('SEN')), `the Senegalese namesake's code stays out: ${JSON.stringify(codes)}`);
});
