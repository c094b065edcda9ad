/**
 * Descriptions by learned head-noun compatibility (issue 23, coref33): a noun prose pairs almost only with people
 * (models/coref/description-heads.tsv.gz) written right before a person's name is that person's title, so that "the
 * pitcher" later is that person. Sentences of our own: for each case, the text, the words, the link with every rule on
 * and the link with the rule switched off.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { corefModelDir } from '../src/extract/coref/files.js';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';
import { headEvidence, headTypeShare, learnedPersonNoun } from '../src/extract/coref/description-heads.js';

const RULE = 'coref.description-learned-person-title';
/** [text, the description's words, its entity with every rule on, its entity with RULE off] */
const CASES: [string, string, string, string][] = [
  // a learned person noun right before the name, then "the NOUN"
  ['Veteran pitcher Tomas Kerr signed with the club on Monday. The pitcher said he was happy.', 'The pitcher', 'Tomas Kerr', ''],
  ['French inventor Lucien Marot crossed the strait on Sunday. The inventor had failed once before.', 'The inventor', 'Lucien Marot', ''],
  // apposed with "a"
  ['Police questioned Lena Varga, a drummer from Leeds, on Friday. The drummer was released on bail.', 'The drummer', 'Lena Varga', ''],
  // no title given in the text: no link
  ['Tomas Kerr signed with the club on Monday. The pitcher said he was happy.', 'The pitcher', '', ''],
  // a noun in a phrase of its own before the name's clause is no title ("During the speech Kerr claimed")
  ['Tomas Kerr gave a speech on Monday. During the speech Kerr claimed victory. Critics said the speech was flat.', 'the speech was', '', ''],
  // "the pitcher Ana Ruiz" introduces another holder: not the earlier one
  ['Veteran pitcher Tomas Kerr signed with the club on Monday. The club also signed the pitcher Ana Ruiz.', 'the pitcher', '', ''],
];

test('descriptions (coref33): a learned person noun as a title, on and off', () => {
  const got = CASES.map(([text, words]) => [linkOf(doc(text), words), linkWithout(RULE, text, words)]);
  assert.deepEqual(got, CASES.map(([, , on, off]) => [on, off]));
});

test('descriptions (coref33): a role right before another person\'s name introduces that person, on and off', () => {
  const rule = 'coref.description-role-name-after';
  const before = 'General Tom Berg spoke on Monday. ';
  // another person named right after the role: not the last general
  const later = 'Later the general Ana Ruiz replied.';
  assert.equal(linkOf(doc(before + later), 'the general'), '');
  assert.equal(linkWithout(rule, before + later, 'the general'), 'Tom Berg');
  // (with a comma, "the general, Ana Ruiz," the apposition rule gives the noun to Ana Ruiz first)
  assert.equal(linkOf(doc(before + 'Later the general, Ana Ruiz, replied.'), 'general'), 'Ana Ruiz');
  // the same person named after the role, or no name: the last general, as before
  assert.equal(linkOf(doc(before + 'Later the general replied.'), 'the general'), 'Tom Berg');
});

test('description heads (coref33): the learned table says what a noun fits', () => {
  // people: "pitcher", "inventor", "drummer" are paired almost only with names the recogniser calls people
  for (const w of ['pitcher', 'inventor', 'drummer']) assert.ok(learnedPersonNoun(w), w);
  // organisations and places are not
  for (const w of ['company', 'city', 'airline', 'band']) assert.ok(!learnedPersonNoun(w), w);
  assert.ok(headTypeShare('company', 'ORG') > headTypeShare('company', 'PERSON'));
  assert.ok(headTypeShare('city', 'GPE') > 0.5);
  // an unknown noun: no evidence
  assert.equal(headEvidence('zzzqx'), undefined);
  assert.equal(headTypeShare('zzzqx', 'ORG'), 0);
  assert.ok(!learnedPersonNoun('zzzqx'));
});

test('description heads (coref33): the table is committed with its manifest (source, licence, sha256, how to rebuild)', () => {
  const dir = corefModelDir();
  const manifest = JSON.parse(readFileSync(`${dir}/description-heads.manifest.json`, 'utf8')) as { file: string; sha256: string; licence: string; built_by: string; data: { name: string; licence: string }[] };
  assert.equal(createHash('sha256').update(readFileSync(`${dir}/${manifest.file}`)).digest('hex'), manifest.sha256, 'rebuild with npm run train:description-heads');
  assert.match(manifest.licence, /CC BY-SA 3\.0/);
  assert.match(manifest.built_by, /train:description-heads/);
  // the Wikipedia part only: Wikinews stays unseen
  assert.ok(manifest.data.some((d) => /Wikipedia pages only/.test(d.name) && /Wikinews part left out/.test(d.name)));
});
