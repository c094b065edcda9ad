import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeOn, parseActorDictionary, parseAgentDictionary, parseVerbDictionary } from '../src/extract/events/petrarch.js';
import { cameoRoot, quadClass, toPlover } from '../src/extract/events/plover.js';
import { defaultLexicon } from '../src/extract/events/lexicon.js';

const MINI_VERBS = `
&HOSTAGE
+HOSTAGE
+PRISONER

--- RELEASE   [080]  ---
+SET_FREE {+SETS_FREE +SETTING_FREE }
FREE {FREES FREEING FREED }
RELEASE [084]
- * STATEMENT                                         [010]         # RELEASE
- * &HOSTAGE                                          [0841]
- * (TO {RED CROSS})                                  [0841:042]
- + * (WITH $)                                        [:036]
- * REPORT                                            [---]
`;

test('PETRARCH verb dictionary: synsets, blocks, own codes, irregular forms, multi-word verbs, patterns', () => {
  const lex = parseVerbDictionary(MINI_VERBS);
  assert.deepEqual(lex.synsets.HOSTAGE, [['HOSTAGE'], ['PRISONER']]);
  assert.equal(lex.blocks.length, 1);
  assert.equal(lex.blocks[0].code, '080');
  assert.equal(lex.verbs.RELEASE[0].code, '084');
  assert.equal(lex.verbs.FREE[0].code, undefined, 'FREE takes the block code');
  assert.equal(lex.forms.FREED, 'FREE');
  assert.deepEqual(lex.verbs.SET[0].after, ['FREE']);
  const [statement, hostage, redCross, marked, report] = lex.blocks[0].patterns;
  assert.deepEqual(statement.post, [{ w: 'STATEMENT' }]);
  assert.equal(hostage.code, '0841');
  assert.deepEqual(hostage.post, [{ syn: 'HOSTAGE' }]);
  assert.deepEqual(redCross.post.map((x) => ('w' in x ? x.w : '?')), ['TO', 'RED', 'CROSS']);
  assert.equal(redCross.code, '0841', 'source code of "[0841:042]"');
  assert.equal(marked.code, '036', '"[:036]" has only a target code');
  assert.ok(marked.pre.some((x) => 'mark' in x && x.mark === '+'));
  assert.equal(report.code, null, '[---] is the null code: not an event');
});

test('actor dictionary: synonyms, date-restricted codes, stems; agent dictionary: plurals and substitutions', () => {
  const actors = parseActorDictionary(`
SAM_GAMGEE [HOB]  # default
\t[HOBCIV <20080120]
\t[HOBMIL 20080120-20121109]
ARNOR_  [ARN]
+ARNORIAN
ARGENTIN  [ARG]
`);
  const sam = actors.find((p) => p.words.join(' ') === 'SAM GAMGEE')!;
  assert.equal(codeOn(sam, 20050101), 'HOBCIV');
  assert.equal(codeOn(sam, 20100101), 'HOBMIL');
  assert.equal(codeOn(sam, 20150101), 'HOB');
  assert.equal(actors.find((p) => p.words[0] === 'ARNORIAN')?.code, 'ARN');
  assert.equal(actors.find((p) => p.words[0] === 'ARNOR')?.exact, true);
  assert.equal(actors.find((p) => p.words[0] === 'ARGENTIN')?.exact, false);
  const agents = parseAgentDictionary(`
!MINST! = MINISTER, MINISTRY
POLICE {} [~COP]
!MINST!_OF_DEFENCE [~MIL]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
MSF {}  [NGO~]
`);
  const forms = agents.map((p) => `${p.words.join('_')}:${p.code}`);
  assert.ok(forms.includes('POLICE:~COP') && !forms.includes('POLICES:~COP'), 'a {} plural means none');
  assert.ok(forms.includes('MINISTER_OF_DEFENCE:~MIL') && forms.includes('MINISTRY_OF_DEFENCE:~MIL'));
  assert.ok(forms.includes('ATTORNEYS_GENERAL:~GOVATG'));
  assert.ok(forms.includes('MSF:NGO~'));
});

test('CAMEO → PLOVER: exact, 3-digit and 2-digit fall-backs; 08 split into CONCEDE and RETREAT; 01 has no type', () => {
  const table = defaultLexicon().plover;
  assert.deepEqual(toPlover(table, '0841'), { type: 'RETREAT', mode: 'release', context: 'legal' });
  assert.equal(toPlover(table, '081')?.type, 'CONCEDE');
  assert.equal(toPlover(table, '084')?.type, 'RETREAT');
  assert.equal(toPlover(table, '181')?.mode, 'abduct');
  assert.equal(toPlover(table, '1955')?.type, 'ASSAULT', 'unknown 4-digit code falls back to 195');
  assert.equal(toPlover(table, '057')?.type, 'SUPPORT');
  assert.equal(toPlover(table, '010'), null);
  assert.equal(toPlover(table, '023')?.type, 'REQUEST');
  assert.equal(toPlover(table, null), null);
  assert.equal(cameoRoot('0841'), '08');
  assert.deepEqual(['040', '061', '112', '190'].map(quadClass), [1, 2, 3, 4]);
});

test('the shipped lexicon holds the CAMEO 2.0 verbs and the supplement', () => {
  const lex = defaultLexicon();
  assert.ok(Object.keys(lex.verbs.verbs).length > 1500);
  assert.ok(lex.verbs.verbs.KIDNAP.length >= 2, 'CAMEO entry and supplement entry');
  assert.ok(lex.verbs.verbs.CLASSIFY, 'supplement verb');
  assert.match(lex.about, /MIT/);
  assert.match(lex.about, /CC BY-SA 4\.0/);
});
