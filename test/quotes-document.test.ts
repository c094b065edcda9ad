/**
 * A document as source (seventeenth round, issue 22): a definite statement or document noun refers back to where
 * the article introduced it, on sentences of our own (invented people and papers), each with the rule off and a near miss.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameOf, run } from './helpers.js';
import { withoutRules } from '../src/rules/registry.js';

function speakerOf(text: string, content: string): string | null {
  const r = run(text);
  const q = r.quotes.find((x) => x.text.includes(content));
  assert.ok(q, `no quote with "${content}"`);
  return nameOf(r, q.speaker) ?? (q.speaker_text ? `~${q.speaker_text}` : null);
}

function without<T>(f: () => T): T {
  const restore = withoutRules(['quotes.document-antecedent', 'quotes.speaker-fill']);
  try { return f(); } finally { restore(); }
}

test('"According to the report" is the paper that reported, not the last speaker', () => {
  const text = 'The Harbour Gazette reported on Monday that the port would close. Mayor Ana Ruiz said she was surprised. According to the report, the port has lost money for years.';
  assert.equal(speakerOf(text, 'lost money'), 'Harbour Gazette');
  // before: the statement noun stood for the last speaker
  assert.equal(without(() => speakerOf(text, 'lost money')), 'Ana Ruiz');
});

test('"the filing" is the author of "said in a filing"', () => {
  const text = 'Calverton Motors said in a filing to regulators that it had found faults in its brakes. Mayor Ana Ruiz said she was worried. The filing said the faults had been fixed.';
  assert.equal(speakerOf(text, 'faults had been fixed'), 'Calverton Motors');
});

test('a report the article never introduced keeps the older guess (near miss)', () => {
  const text = 'The port will close on Monday. Mayor Ana Ruiz said she was surprised. According to the report, the port has lost money for years.';
  assert.equal(speakerOf(text, 'lost money'), 'Ana Ruiz');
});

test('the nearest earlier mention wins: "released a report" after another paper reported', () => {
  const text = 'The Harbour Gazette reported on Monday that the port would close. Later the Brookfield Herald released a report on the port. Mayor Ana Ruiz said she was surprised. According to the report, the port has lost money for years.';
  assert.equal(speakerOf(text, 'lost money'), 'Brookfield Herald');
});
