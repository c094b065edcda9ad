// The annotated event set (eval/data/events) stays valid: offsets point at their text, labels are
// ones the guidelines allow. The validator itself is checked on a corrupted copy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { DEFAULT_DIR, loadEventSet, validateEventSet } from '../eval/events-data.js';

test('the event annotation set is valid', () => {
  assert.deepEqual(validateEventSet(), []);
  const set = loadEventSet();
  assert.ok(set.predicates.length >= 500, `only ${set.predicates.length} labelled predicates`);
  assert.ok(set.predicates.some((p) => p.event) && set.predicates.some((p) => !p.event));
});

test('the validator names a shifted offset, an unknown type and a non-event with a type', () => {
  const dir = mkdtempSync(join(tmpdir(), 'events-data-'));
  writeFileSync(join(dir, 'docs.jsonl'), readFileSync(join(DEFAULT_DIR, 'docs.jsonl')));
  const lines = readFileSync(join(DEFAULT_DIR, 'predicates.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const ev = lines.findIndex((p) => p.event && p.actor);
  const non = lines.findIndex((p) => !p.event);
  lines[ev].actor = { ...lines[ev].actor, start: lines[ev].actor.start + 1, end: lines[ev].actor.end + 1 };
  lines[ev].type = 'KILL';
  lines[non].type = 'ASSAULT';
  writeFileSync(join(dir, 'predicates.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const problems = validateEventSet(dir);
  assert.ok(problems.some((p) => p.includes(':' + (ev + 1) + ': actor text')), problems.join('\n'));
  assert.ok(problems.some((p) => p.includes(':' + (ev + 1) + ': unknown PLOVER type KILL')), problems.join('\n'));
  assert.ok(problems.some((p) => p.includes(':' + (non + 1) + ': a non-event has no type')), problems.join('\n'));
});
