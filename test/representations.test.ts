import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brownClusters, brownInputFromSequences } from '../train/brown.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BROWN_FILE, BrownClusters, PREFIX_LENGTHS, getBrownClusters, representationKey, representationsDir } from '../src/nlp/representations.js';

/** A toy language: determiners, nouns, verbs and adjectives in fixed slots, seeded. */
function toyCorpus(sentences: number): string[][] {
  let seed = 7;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const pick = (xs: string[]) => xs[Math.floor(rand() * xs.length)];
  const det = ['the', 'a', 'this', 'that', 'every'];
  const noun = ['dog', 'cat', 'man', 'woman', 'car', 'house', 'river', 'tree', 'bird', 'city'];
  const verb = ['sees', 'likes', 'buys', 'finds', 'wants', 'hears', 'takes'];
  const adj = ['big', 'small', 'red', 'old', 'new', 'quiet'];
  const out: string[][] = [];
  for (let i = 0; i < sentences; i++) {
    const np = () => (rand() < 0.4 ? [pick(det), pick(adj), pick(noun)] : [pick(det), pick(noun)]);
    out.push([...np(), pick(verb), ...np(), '.']);
  }
  return out;
}

test('brown: incremental merge losses equal losses computed from scratch', () => {
  const { input } = brownInputFromSequences(toyCorpus(400));
  // verify recomputes every pair's loss before every merge and throws on a mismatch
  const r = brownClusters(input, 6, { verify: true });
  assert.equal(r.paths.length, 6);
  assert.ok(r.mutualInformation > 0);
});

/** A Zipfian bigram soup over 300 words, so late words are rare and meet few clusters. */
function zipfCorpus(tokens: number): string[][] {
  let seed = 11;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const word = () => 'w' + Math.floor(300 * rand() ** 3);
  const out: string[] = [];
  let prev = word();
  for (let i = 0; i < tokens; i++) {
    // each word prefers a successor class, so there is structure to find
    const next = rand() < 0.5 ? 'w' + ((Number(prev.slice(1)) * 7 + Math.floor(rand() * 3)) % 300) : word();
    out.push(next);
    prev = next;
  }
  return [out];
}

test('brown: merged losses from row sums (sparse path) equal losses computed from scratch', () => {
  const { input } = brownInputFromSequences(zipfCorpus(6000));
  assert.ok(input.V > 100);
  // sparseRatio 0: every merge takes the sparse path; verify checks every loss before every merge
  const sparse = brownClusters(input, 12, { verify: true, sparseRatio: 0 });
  const dense = brownClusters(input, 12, { verify: true, sparseRatio: Infinity });
  assert.deepEqual([...sparse.cluster], [...dense.cluster]);
});

test('brown: words of one part of speech share a cluster, and paths are a prefix code', () => {
  // one running text, so '.' is followed by the next sentence's determiner
  const { input, words } = brownInputFromSequences([toyCorpus(3000).flat()]);
  const r = brownClusters(input, 5);
  const pathOf = (w: string) => r.paths[r.cluster[words.indexOf(w)]];
  for (const group of [['dog', 'cat', 'house', 'river'], ['sees', 'likes', 'buys'], ['big', 'red', 'quiet']]) {
    assert.equal(new Set(group.map(pathOf)).size, 1, `${group.join(' ')}: ${group.map(pathOf).join(' ')}`);
  }
  // determiners may split by chance fluctuations, but stay under one node of the tree
  const dets = ['the', 'a', 'this', 'that', 'every'].map(pathOf);
  const common = dets.reduce((p, q) => { let i = 0; while (i < p.length && p[i] === q[i]) i++; return p.slice(0, i); });
  assert.ok(common.length >= 1 && !pathOf('big').startsWith(common) && !pathOf('dog').startsWith(common), dets.join(' '));
  assert.notEqual(pathOf('dog'), pathOf('sees'));
  for (const p of r.paths) for (const q of r.paths) if (p !== q) assert.ok(!q.startsWith(p), `${p} is a prefix of ${q}`);
});

test('brown: the same input gives the same clusters', () => {
  const { input } = brownInputFromSequences(toyCorpus(800));
  const a = brownClusters(input, 8);
  const b = brownClusters(input, 8);
  assert.deepEqual([...a.cluster], [...b.cluster]);
  assert.deepEqual(a.paths, b.paths);
});

test('representations: lookup falls back to lower case and title case; prefixes are integers per length', () => {
  const brown = new BrownClusters([['0010', 'the'], ['0011', 'a'], ['110', 'Paris'], ['111010', 'London'], ['10', 'president'], ['0110', '0000']]);
  assert.equal(brown.path('the'), '0010');
  assert.equal(brown.path('The'), '0010');
  assert.equal(brown.path('PARIS'), '110');
  assert.equal(brown.path('President'), '10');
  assert.equal(brown.path('1987'), '0110');
  assert.equal(brown.path('Zinichev'), null);
  assert.equal(brown.clusterOf('Zinichev'), -1);
  assert.equal(brown.prefix(-1, 0), 0);
  const london = brown.clusterOf('London');
  const paris = brown.clusterOf('Paris');
  assert.equal(brown.prefix(london, 0), 0b11110); // a leading 1, then the first 4 bits
  assert.equal(brown.prefix(london, 1), 0b1111010); // whole 6-bit path
  assert.equal(brown.prefix(paris, 3), 0b1110); // shorter than 20 bits: the whole path
  assert.notEqual(brown.prefix(paris, 0), brown.prefix(london, 0));
  assert.equal(PREFIX_LENGTHS.length, 4);
  assert.equal(representationKey('“2,500”'), '"0,000"');
});

const shipped = existsSync(join(representationsDir(), BROWN_FILE));

test('representations: the shipped clusters load and group news words', { skip: !shipped && 'models/representations/ not trained yet (npm run train:representations)' }, () => {
  const brown = getBrownClusters();
  assert.ok(brown, 'models/representations/brown.tsv.gz should load');
  assert.match(brown.sha256, /^[0-9a-f]{64}$/);
  assert.ok(brown.vocabularySize > 20000);
  const prefix = (w: string, k: number) => brown.prefix(brown.clusterOf(w), k);
  // months with months, countries with countries, not with each other
  assert.equal(prefix('March', 1), prefix('November', 1));
  assert.equal(prefix('France', 1), prefix('Germany', 1));
  assert.notEqual(prefix('France', 2), prefix('November', 2));
});
