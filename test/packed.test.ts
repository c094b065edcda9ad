import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { emptyList, packedMap } from '../src/packed.js';

// V8's own view of a list's elements kind (the flag lets this file compile `%` natives; it changes nothing else)
setFlagsFromString('--allow-natives-syntax');
const objectKind = new Function('a', 'return %HasObjectElements(a) && !%HasHoleyElements(a)') as (a: unknown[]) => boolean;

test('emptyList makes an empty list of the kind lists of strings have, which [] is not', () => {
  const none = emptyList<string>();
  assert.equal(none.length, 0);
  assert.equal(objectKind(none), true);
  assert.equal(objectKind(['a', 'b']), true);
  assert.equal(objectKind([]), false);
  assert.notEqual(emptyList<string>(), none, 'each call makes a new list');
});

test('packedMap keeps a packed list of objects, in order', () => {
  const out = packedMap(['a', 'bb', 'ccc'], (s, i) => `${s}${i}`);
  assert.deepEqual(out, ['a0', 'bb1', 'ccc2']);
  assert.equal(objectKind(out), true);
});
