import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assertFrozen, checksum, drift, entries, has, isTitle, kinship, lexiconDir, list, listNames, orgHead, orgOpener,
  parseList, particle, possessives, resetLexicon, roleOf, set, speechVerb, speechVerbForm,
} from '../src/lexicon/index.js';

test('list files: header, tabs, attributes, comments and directives', () => {
  const l = parseList('demo', '# a comment\n#@ case=sensitive\nword\tclass\tuses\nGaza\tplace\tner,store\nRafah\t\tner\n');
  assert.equal(l.caseSensitive, true);
  assert.deepEqual(l.columns, ['word', 'class', 'uses']);
  assert.deepEqual(l.entries[0], { word: 'Gaza', attrs: { class: 'place', uses: 'ner,store' } });
  assert.deepEqual(l.entries[1].attrs, { uses: 'ner' }, 'an empty field is an absent attribute');
});

test('list files: errors name the file and line', () => {
  assert.throws(() => parseList('x', 'word\nmother\nMother\n'), /x\.tsv:3: 'Mother' is already in list 'x'/);
  assert.throws(() => parseList('x', 'lemma\nsay\n'), /x\.tsv:1: the header's first column must be 'word'/);
  assert.throws(() => parseList('x', 'word\tg\nmother\tf\textra\n'), /x\.tsv:2: 3 fields but the header names 2/);
  assert.throws(() => parseList('x', '#@ colour=blue\nword\n'), /unknown lexicon directive 'colour=blue'/);
  assert.throws(() => parseList('x', '# only comments\n'), /no header line/);
  assert.throws(() => has('no-such-list', 'x'), /no lexicon list 'no-such-list'/);
});

test('every shipped list parses, and every one is read by some module in src/ or a pattern file', () => {
  const src: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d, { withFileTypes: true })) {
      if (f.isDirectory()) walk(join(d, f.name));
      else if (f.name.endsWith('.ts')) src.push(readFileSync(join(d, f.name), 'utf8'));
    }
  };
  walk(join(lexiconDir(), '../../src'));
  for (const f of readdirSync(join(lexiconDir(), 'patterns'))) src.push(readFileSync(join(lexiconDir(), 'patterns', f), 'utf8').replace(/"/g, "'"));
  const code = src.join('\n');
  assert.ok(listNames().length >= 5);
  for (const name of listNames()) {
    assert.ok(entries(name).length > 0, `${name} is empty`);
    assert.ok(new RegExp(`'${name}[[']`).test(code), `lexicon/en/${name}.tsv is read by no module or pattern (ask for it by name, or delete it)`);
  }
});

test('lookups are case-insensitive by default, and subsets follow the uses tags', () => {
  assert.equal(has('roles', 'Ambassador'), true);
  assert.equal(isTitle('Gen.'), true);
  assert.equal(isTitle('premier', 'store'), false, 'the store never dropped "premier" from name keys');
  assert.equal(isTitle('premier', 'ner'), true);
  assert.equal(isTitle('chair'), true);
  assert.equal(isTitle('table'), false);
  assert.equal(particle('van'), true);
  assert.equal(particle('bar', 'store'), true);
  assert.equal(particle('bar', 'ner'), false);
  assert.equal(orgHead('ministry'), true);
  assert.equal(orgHead('secretariat', 'ner'), false, 'a rules-only head is no trained feature');
  assert.equal(orgHead('secretariat', 'ner-rules'), true);
  assert.equal(orgOpener('jaish'), true);
  assert.equal(orgOpener('ministry'), true);
  assert.equal(orgOpener('forum'), false);
  const ner = set('titles', { uses: 'ner' });
  assert.ok(ner.has('mr.') && !ner.has('hostage'));
  assert.equal(set('titles', { uses: 'ner' }), ner, 'subsets are cached');
  assert.ok(list('titles', { uses: ['store', 'ner'] }).length > list('titles', { uses: 'ner' }).length);
});

test('a subset is the rows whose attribute holds the tag (or one of the tags), in file order, for every shipped list', () => {
  // the rows a selection must give, by the documented rule, tested row by row
  const tagsOf = (e: { attrs: Readonly<Record<string, string>> }, attr: string) => (e.attrs[attr] ?? '').split(',');
  let checked = 0;
  for (const name of listNames()) {
    const rows = entries(name);
    const attrs = [...new Set(rows.flatMap((e) => Object.keys(e.attrs)))];
    for (const attr of attrs) {
      const tags = [...new Set(rows.flatMap((e) => tagsOf(e, attr)))];
      for (const tag of [...tags, 'no-such-tag']) {
        assert.deepEqual(entries(name, { [attr]: tag }), rows.filter((e) => tagsOf(e, attr).includes(tag)), `${name}[${attr}=${tag}]`);
        checked++;
      }
      const two = tags.slice(0, 2);
      assert.deepEqual(entries(name, { [attr]: two }), rows.filter((e) => two.some((t) => tagsOf(e, attr).includes(t))), `${name}[${attr}=${two.join('|')}]`);
      // two conditions: the first from the index, the second tested
      const other = attrs.find((a) => a !== attr);
      if (other && tags[0] !== undefined) {
        const tag2 = tagsOf(rows.find((e) => e.attrs[other] !== undefined) ?? rows[0], other)[0];
        assert.deepEqual(entries(name, { [attr]: tags[0], [other]: tag2 }), rows.filter((e) => tagsOf(e, attr).includes(tags[0]) && tagsOf(e, other).includes(tag2)), `${name}[${attr}=${tags[0]},${other}=${tag2}]`);
      }
    }
  }
  assert.ok(checked > 300, `${checked} selections checked`);
  // a row that writes a tag twice is selected once; a row without the attribute matches the empty tag
  const demo = join(mkdtempSync(join(tmpdir(), 'chronicle-lex-')), 'en');
  mkdirSync(demo);
  writeFileSync(join(demo, 'demo.tsv'), 'word\tuses\tclass\nmother\tner,ner\tkin\nfather\t\tkin\naunt\tstore\n');
  resetLexicon(demo);
  try {
    assert.deepEqual(list('demo', { uses: 'ner' }), ['mother']);
    assert.deepEqual(list('demo', { uses: '' }), ['father']);
    assert.deepEqual(list('demo', { uses: ['store', 'ner'] }), ['mother', 'aunt']);
    assert.deepEqual(list('demo', { class: 'kin', uses: ['store', ''] }), ['father']);
    assert.deepEqual(list('demo', {}), ['mother', 'father', 'aunt']);
  } finally {
    resetLexicon();
  }
});

test('speech verbs: lemmas and forms', () => {
  assert.equal(speechVerb('say'), true);
  assert.equal(speechVerb('said'), false, 'a form is no lemma');
  assert.equal(speechVerb('testify', 'events-coder'), true);
  assert.equal(speechVerb('testify', 'times'), false);
  assert.equal(speechVerbForm('told'), 'tell');
  assert.equal(speechVerbForm('insisted'), 'insist');
  assert.equal(speechVerbForm('insists'), null);
  assert.equal(speechVerbForm('written', 'times'), null);
});

test('roles: canonical forms, plurals, genders, kinship', () => {
  assert.deepEqual(roleOf('Mum'), { role: 'mother', cls: 'kin', gender: 'f', plural: false });
  assert.deepEqual(roleOf('sons'), { role: 'son', cls: 'kin', gender: 'm', plural: true });
  assert.deepEqual(roleOf('deputy prime ministers'), { role: 'deputy prime minister', cls: 'position', plural: true });
  assert.equal(roleOf('spokeswoman')?.gender, 'f');
  assert.equal(roleOf('gunmen')?.plural, true);
  assert.equal(roleOf('partner')?.cls, 'kin', 'first reading wins');
  assert.equal(roleOf('residents')?.cls, 'resident');
  assert.equal(roleOf('table'), null);
  assert.deepEqual(kinship('grandchildren'), { role: 'grandchild', plural: true });
  assert.equal(kinship('ambassador'), null);
  assert.equal(possessives().get('her'), 'f');
  assert.equal(possessives().get('constructor'), undefined);
});

test('checksums freeze what a model saw: drift is reported and stops training', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lexicon-'));
  writeFileSync(join(dir, 'heads.tsv'), 'word\tuses\nministry\tner\nforum\trules\n');
  resetLexicon(dir);
  try {
    const frozen = { 'heads[uses=ner]': checksum('heads[uses=ner]'), heads: checksum('heads') };
    assert.match(frozen.heads, /^[0-9a-f]{16}$/);
    assert.notEqual(frozen.heads, frozen['heads[uses=ner]']);
    assert.deepEqual(drift(frozen), []);
    // a row outside the frozen subset, reordering and comments do not count
    writeFileSync(join(dir, 'heads.tsv'), '# heads\nword\tuses\nsecretariat\trules\nforum\trules\nministry\tner\n');
    resetLexicon(dir);
    assert.deepEqual(drift(frozen).map((d) => d.selector), ['heads']);
    assertFrozen({ 'heads[uses=ner]': frozen['heads[uses=ner]'] }, 'models/x');
    // a change inside it does
    writeFileSync(join(dir, 'heads.tsv'), 'word\tuses\nministry\tner\nbureau\tner\n');
    resetLexicon(dir);
    assert.throws(() => assertFrozen(frozen, 'models/x'), /models\/x: lexicon lists changed since the manifest was written:\n {2}heads\[uses=ner\]: recorded/);
    assert.equal(drift({ 'gone[uses=ner]': 'abc' })[0].now.startsWith('missing'), true);
  } finally {
    resetLexicon();
  }
});

test('every model manifest that freezes lexicon lists still matches them', () => {
  const models = join(lexiconDir(), '../../models');
  const manifests: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d, { withFileTypes: true })) {
      if (f.isDirectory()) walk(join(d, f.name));
      else if (f.name === 'manifest.json') manifests.push(join(d, f.name));
    }
  };
  walk(models);
  assert.ok(manifests.length > 0);
  for (const m of manifests) {
    const record = (JSON.parse(readFileSync(m, 'utf8')) as { lexicon?: Record<string, string> }).lexicon;
    assertFrozen(record, m);
  }
});

test("the recogniser's manifest freezes exactly the lists its features read", async () => {
  // a list added to the features without retraining (or left in the manifest after it was dropped) fails here
  const { NER_LEXICON_LISTS } = await import('../src/extract/ner-features.js');
  const manifest = JSON.parse(readFileSync(join(lexiconDir(), '../../models/ner/manifest.json'), 'utf8')) as { lexicon?: Record<string, string> };
  assert.ok(manifest.lexicon, 'models/ner/manifest.json has no lexicon record');
  assert.deepEqual(Object.keys(manifest.lexicon).sort(), Object.values(NER_LEXICON_LISTS).sort());
});
