import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileAnn, compileGold, loadDocs, loadGold, validateDoc } from '../eval/quotes-gold.js';

test('quotes development set: gold.jsonl is the compiled .ann files and every span slices to its text', () => {
  const stored = loadGold();
  const compiled = compileGold();
  assert.equal(stored.length, loadDocs().length);
  assert.ok(stored.length >= 40, 'at least 40 documents');
  for (const c of compiled) {
    const s = stored.find((d) => d.id === c.id);
    assert.ok(s, c.id);
    assert.deepEqual(s.attributions, c.attributions, `${c.slug}: run node dist/eval/quotes-gold.js --write`);
    assert.deepEqual(s.nonQuotes, c.nonQuotes);
    assert.deepEqual(validateDoc(s), []);
  }
  const splits = new Set(stored.map((d) => d.split));
  assert.deepEqual([...splits].sort(), ['blind', 'dev', 'held2', 'held3', 'held4', 'held5', 'held6', 'held7', 'held8', 'heldout', 'own']);
});

test('quotes development set: the compiler anchors cue and source nearest the content and rejects bad lines', () => {
  const text = 'Ann Lee said it rained. "It will stop," Bob Kay said on Monday.';
  const { attributions } = compileAnn('t', text, 'I | Ann Lee | said | it rained |\nD | Bob Kay | said | It will stop |');
  assert.equal(attributions[0].cue?.start, text.indexOf('said'));
  assert.equal(attributions[1].cue?.start, text.lastIndexOf('said'));
  assert.equal(attributions[1].content.text, 'It will stop');
  assert.deepEqual(attributions[1].speaker, { names: ['Bob Kay'] });
  assert.throws(() => compileAnn('t', 'He said it rained.', 'I | He | said | it rained |'), /pronoun/);
  assert.throws(() => compileAnn('t', text, 'I | Ann Lee | said | it snowed |'), /not found/);
  assert.throws(() => compileAnn('t', text, 'Q | Ann Lee | said | it rained |'), /unknown kind/);
});
