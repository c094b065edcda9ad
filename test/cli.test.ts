import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ResultSchema } from '../src/output/schema.js';

const BIN = join(process.cwd(), 'bin/chronicle');
const SHARED = join(process.cwd(), '../shared');
const dir = mkdtempSync(join(tmpdir(), 'chronicle-cli-'));

function chronicle(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('extract: text file with --published, JSONL out validating against the schema', () => {
  const f = join(dir, 'story.txt');
  writeFileSync(f, 'Prime Minister Mark Carney met Ukrainian President Volodymyr Zelensky in Ottawa on Tuesday.');
  const r = chronicle(['extract', '--published', '2025-06-12', f]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 1);
  const out = ResultSchema.parse(JSON.parse(lines[0]));
  assert.equal(out.published, '2025-06-12');
  assert.equal(out.id, 'story');
  assert.ok(out.entities.some((e) => e.name === 'Volodymyr Zelensky' && e.type === 'PERSON'));
});

test('extract: JSONL on stdin with a malformed line, an empty text and a good one', () => {
  const input = [
    JSON.stringify({ id: 'a', text: 'Officials in Kenya said the road was closed.', published: '2024-01-02' }),
    '{"id": "b", "text": ',
    JSON.stringify({ id: 'c', text: '   ' }),
    JSON.stringify({ id: 'd', text: 'The Red Cross said it would help.' }),
  ].join('\n');
  const r = chronicle(['extract', '-'], input);
  assert.equal(r.code, 1);
  const ids = r.stdout.trim().split('\n').map((l) => JSON.parse(l).id);
  assert.deepEqual(ids, ['a', 'd']);
  assert.match(r.stderr, /stdin:2: malformed JSON/);
  assert.match(r.stderr, /stdin:3: empty text/);
  assert.doesNotMatch(r.stderr, /at .*\.js:\d+/); // no stack traces for user errors
});

test('extract: binary data, invalid UTF-8, missing file and an oversized document are named; others still done', () => {
  const bin = join(dir, 'image.txt');
  writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
  const bad = join(dir, 'latin1.txt');
  writeFileSync(bad, Buffer.from('caf\xe9 au lait in Paris', 'latin1'));
  const big = join(dir, 'big.txt');
  writeFileSync(big, 'Word '.repeat(50 * 1024 * 1024 / 5));
  const good = join(dir, 'good.json');
  writeFileSync(good, JSON.stringify({ id: 'good', text: 'Police in Lyon arrested two men.', published: '2024-05-01' }));
  const r = chronicle(['extract', bin, bad, join(dir, 'nope.txt'), big, good]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /image\.txt: binary data/);
  assert.match(r.stderr, /latin1\.txt: invalid UTF-8/);
  assert.match(r.stderr, /nope\.txt: no such file/);
  assert.match(r.stderr, /big\.txt: .*over the 5\.0 MB/);
  assert.equal(JSON.parse(r.stdout.trim()).id, 'good');
});

test('extract: usage errors exit 2 with a message; --help works on every command', () => {
  const r = chronicle(['extract', '--published', 'yesterday', 'x.txt']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--published/);
  assert.equal(chronicle(['extract', '--bogus']).code, 2);
  assert.equal(chronicle(['frobnicate']).code, 2);
  const help = chronicle(['--help']);
  assert.equal(help.code, 0);
  for (const line of help.stdout.split('\n').filter((l) => /^ {2}\S/.test(l))) {
    const name = line.trim().split(/\s+/)[0];
    const h = chronicle([name, '--help']);
    assert.equal(h.code, 0, `${name} --help`);
    assert.match(h.stdout, /Usage:/);
  }
});

test('extract --pretty and --tokens', () => {
  const f = join(dir, 'one.json');
  writeFileSync(f, JSON.stringify({ id: 'one', text: 'Ana Silva left Lisbon.' }));
  const r = chronicle(['extract', '--pretty', '--tokens', f]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^\{\n {2}"schema"/);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.tokens.map((t: { text: string }) => t.text), ['Ana', 'Silva', 'left', 'Lisbon', '.']);
});

test('the committed JSON Schema matches the zod schema', async () => {
  const { jsonSchema } = await import('../src/output/write-schema.js');
  const { readFileSync } = await import('node:fs');
  assert.ok(existsSync('schema/chronicle-result.schema.json'), 'run npm run schema');
  assert.deepEqual(JSON.parse(readFileSync('schema/chronicle-result.schema.json', 'utf8')), JSON.parse(JSON.stringify(jsonSchema())));
});

test('gzip input is not mistaken for text', () => {
  const f = join(dir, 'packed.txt');
  writeFileSync(f, gzipSync('hello'));
  const r = chronicle(['extract', f]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /packed\.txt: (binary data|invalid UTF-8)/);
});

test('seed article: every entity, quote and time fact passes check-facts', { skip: !existsSync(join(SHARED, 'tools/check-facts.mjs')) && 'no ../shared' }, () => {
  const r = chronicle(['extract', join(SHARED, 'fixtures/seed/article.json')]);
  assert.equal(r.code, 0, r.stderr);
  const out = join(dir, 'seed.json');
  writeFileSync(out, r.stdout);
  const check = spawnSync(process.execPath, [join(SHARED, 'tools/check-facts.mjs'), join(SHARED, 'fixtures/seed/expected.json'), out, '--only', 'entities,not_entities,quotes,not_quotes,times'], { encoding: 'utf8' });
  assert.equal(check.status, 0, check.stdout);
  assert.match(check.stdout, /facts: (\d+)\/\1 passed/);
});

test('extract: a missing NER model is said once on stderr, and the document is still extracted', () => {
  const f = join(dir, 'no-model.txt');
  writeFileSync(f, 'Rebels freed two hostages in Goma on Monday.\n\nThe army said the talks would go on.');
  const r = spawnSync(process.execPath, [BIN, 'extract', f, f], {
    encoding: 'utf8', env: { ...process.env, CHRONICLE_NER_MODEL: join(dir, 'no-such-model') },
  });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim().split('\n').length, 2);
  const warnings = r.stderr.split('\n').filter((l) => l.includes('NER model could not be loaded'));
  assert.equal(warnings.length, 1, r.stderr);
  assert.match(warnings[0], /no-such-model/);
});
