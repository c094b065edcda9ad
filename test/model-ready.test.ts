/**
 * The load-ready models (built beside the compressed files on first use or at npm install) must
 * answer exactly as the compressed ones do — the NLP model's tags, lemmas, heads and labels, the
 * actor index's records and keys, the places gazetteer's entries —, be rebuilt when they do not match their source, and never be
 * misread when damaged.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Doc } from '../src/doc.js';
import { tokenizeStage } from '../src/nlp/sentences.js';
import { decodeNlpModel, defaultModelPath, loadReadyNlp, type NlpModel } from '../src/nlp/nlp-model.js';
import { readAligned, readSharedReady, readyPathFor, useSharedReady } from '../src/nlp/model-io.js';
import { readyFilesIn, streamSharedReady, type ReadyFileMessage } from '../src/nlp/ready-files.js';
import { MessageChannel } from 'node:worker_threads';
import type { FrozenPerceptron } from '../src/nlp/perceptron.js';
import { ActorIndex, DEFAULT_ACTOR_MODEL } from '../src/extract/actors/index.js';
import type { CompiledActors } from '../src/extract/actors/dictionary.js';
import { decodeWeights, loadCapLexicon, loadGazetteer, loadWeights, MODEL_FILES, parseLexicon } from '../src/extract/ner-model.js';
import type { GazetteerData } from '../src/extract/ner-features.js';
import { BROWN_FILE, BrownClusters, getBrownClusters, representationsDir } from '../src/nlp/representations.js';
import { createHash } from 'node:crypto';
import { defaultModelDir } from '../src/extract/ner.js';
import { Gazetteer as PlacesGazetteer, openGazetteer } from '../src/extract/places/gazetteer.js';
import { packWeights, readDetectorModel, readReadyDetector } from '../src/extract/events/detector.js';
import { gazetteer as nameGazetteer, GAZETTEER_PATH, parseGazetteer } from '../src/extract/gazetteer.js';
import { KeyedTable, TableMap } from '../src/nlp/model-io.js';
import { defaultLexicon, lexiconPath, prepareLexicon } from '../src/extract/events/lexicon.js';

/** Sentences of the bundled example articles (news prose of several styles), as word forms. */
function exampleSentences(limit: number): string[][] {
  const root = join(process.cwd(), 'examples');
  const files = readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith('.json')).sort();
  const out: string[][] = [];
  for (const f of files) {
    const { text } = JSON.parse(readFileSync(join(root, f), 'utf8')) as { text: string };
    const doc = new Doc({ text });
    tokenizeStage.run(doc);
    for (let s = 0; s < doc.sentences.length && out.length < limit; s++) out.push(doc.sentenceTokens(s).map((t) => t.text));
  }
  return out;
}

function analyses(model: NlpModel, sents: string[][]) {
  return sents.map((forms) => {
    const a = model.analyse(forms);
    return { upos: a.upos, xpos: a.xpos, lemma: a.lemma, head: Array.from(a.head), deprel: a.deprel };
  });
}

const perceptrons = (m: NlpModel): FrozenPerceptron[] =>
  [m.tagger.model, m.tagger.uposModel, m.parser.moves, m.parser.labeler] as FrozenPerceptron[];

test('the load-ready model gives the same tags, lemmas, heads and labels as the compressed one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-ready-'));
  try {
    const gzPath = join(dir, 'nlp-en.bin.gz');
    copyFileSync(defaultModelPath(), gzPath);
    const reference = decodeNlpModel(readFileSync(gzPath), gzPath);
    const first = loadReadyNlp(gzPath);
    assert.equal(first.built, true, 'the first load builds the load-ready file');
    assert.ok(statSync(readyPathFor(gzPath)).size > 1_000_000);
    const second = loadReadyNlp(gzPath);
    assert.equal(second.built, false, 'the second load reads it');
    // the lookup tables are the same bytes
    perceptrons(reference).forEach((p, i) => {
      const a = p.tables();
      const b = perceptrons(second.model)[i].tables();
      for (const k of ['slots', 'decode', 'slots32', 'entries', 'slots16', 'entries16', 'decode10'] as const) {
        assert.deepEqual(Buffer.from(b[k].buffer, b[k].byteOffset, b[k].byteLength), Buffer.from(a[k].buffer, a[k].byteOffset, a[k].byteLength), `${i}.${k}`);
      }
      assert.equal(b.cap, a.cap);
      assert.equal(b.scale, a.scale);
    });
    const sents = [
      ['The', 'hostages', 'were', 'released', 'on', 'Saturday', ',', 'officials', 'said', '.'],
      ['"', 'We', 'will', 'not', 'negotiate', ',', '"', 'she', 'told', 'Reuters', '.'],
      ['Gunmen', 'abducted', 'three', 'aid', 'workers', 'near', 'Gao', 'in', 'March', '2024', '.'],
      ...exampleSentences(400),
    ];
    assert.ok(sents.length > 300);
    const want = analyses(reference, sents);
    assert.deepEqual(analyses(first.model, sents), want);
    assert.deepEqual(analyses(second.model, sents), want);
    // bytes handed over by a parent thread (SharedArrayBuffer) are used as they are
    const shared = readAligned(readyPathFor(gzPath), true);
    const fromShared = loadReadyNlp(gzPath, { readyBytes: shared });
    assert.equal(fromShared.built, false);
    assert.equal(fromShared.bytes, shared);
    assert.deepEqual(analyses(fromShared.model, sents.slice(0, 50)), want.slice(0, 50));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a load-ready file that does not match its source, or is damaged, is rebuilt, never misread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-ready-'));
  try {
    const gzPath = join(dir, 'nlp-en.bin.gz');
    copyFileSync(defaultModelPath(), gzPath);
    const readyPath = readyPathFor(gzPath);
    assert.equal(loadReadyNlp(gzPath).built, true);
    const sents = [['Talks', 'resumed', 'in', 'Geneva', 'on', 'Monday', '.']];
    const want = analyses(decodeNlpModel(readFileSync(gzPath)), sents);
    // truncated
    const bytes = readFileSync(readyPath);
    writeFileSync(readyPath, bytes.subarray(0, bytes.length >> 1));
    let again = loadReadyNlp(gzPath);
    assert.equal(again.built, true);
    assert.deepEqual(analyses(again.model, sents), want);
    // not a model file at all
    writeFileSync(readyPath, 'hello');
    again = loadReadyNlp(gzPath);
    assert.equal(again.built, true);
    assert.deepEqual(analyses(again.model, sents), want);
    assert.equal(loadReadyNlp(gzPath).built, false);
    // the source changed (here: the same weights compressed otherwise)
    writeFileSync(gzPath, gzipSync(gunzipSync(readFileSync(gzPath)), { level: 1 }));
    again = loadReadyNlp(gzPath);
    assert.equal(again.built, true, 'a different source file is noticed');
    assert.deepEqual(analyses(again.model, sents), want);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a model loaded from its tables says so when asked for what only the compressed file has', () => {
  const { model } = loadReadyNlp();
  assert.throws(() => perceptrons(model)[0].pruned(0.1), /loaded from its lookup tables/);
});

test('the load-ready actor index answers as the compiled dictionary it is built from', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-ready-'));
  try {
    const source = join(dir, 'phoenix.json.gz');
    copyFileSync(DEFAULT_ACTOR_MODEL, source);
    const compiled = JSON.parse(gunzipSync(readFileSync(source)).toString('utf8')) as CompiledActors;
    const built = ActorIndex.fromFile(source);
    const read = ActorIndex.fromFile(source);
    assert.ok(statSync(readyPathFor(source)).size > 100_000, 'the load-ready file was written');
    const inMemory = new ActorIndex(compiled);
    assert.equal(read.size, compiled.actors.length);
    compiled.actors.forEach(([primary, , fallback, rules, synonyms], id) => {
      for (const key of [primary, ...synonyms]) assert.ok(read.lookup(key).includes(id), `${key} → ${id}`);
      const r = read.record(id);
      assert.equal(r.primary, primary);
      assert.equal(r.fallback, fallback);
      assert.deepEqual(r.rules, rules);
      assert.deepEqual(r.synonyms.slice(0, synonyms.length), synonyms);
    });
    assert.deepEqual(read.lookup('NO SUCH ACTOR PHRASE'), []);
    // a demonym the dictionary lacks points at the country's own entry
    assert.equal(read.country('SWE')!.id, read.lookup('SWEDISH')[0]);
    for (const key of ['ISLAMIC JIHAD', 'ARMY', 'POLICE', 'UNITED NATIONS', 'HAMAS']) {
      assert.deepEqual(read.longerForms(key), inMemory.longerForms(key), key);
      assert.deepEqual(built.longerForms(key), inMemory.longerForms(key), key);
    }
    assert.deepEqual(read.scan(['THE', 'UNITED', 'NATIONS', 'AND', 'HAMAS']), inMemory.scan(['THE', 'UNITED', 'NATIONS', 'AND', 'HAMAS']));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the load-ready NER weights score as the compressed ones, bit for bit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-ready-'));
  try {
    const source = join(defaultModelDir(), MODEL_FILES.weights);
    const copy = join(dir, MODEL_FILES.weights);
    copyFileSync(source, copy);
    const reference = decodeWeights(readFileSync(copy), copy);
    loadWeights(copy);
    const ready = loadWeights(copy);
    assert.deepEqual(Array.from(ready.start), Array.from(reference.start));
    assert.deepEqual(Array.from(ready.trans), Array.from(reference.trans));
    assert.equal(ready.oBias, reference.oBias);
    assert.equal(ready.brownSha256, reference.brownSha256);
    const a = (reference.scorer as FrozenPerceptron).tables();
    const b = (ready.scorer as FrozenPerceptron).tables();
    for (const k of ['slots', 'decode', 'slots32', 'entries', 'slots16', 'entries16', 'decode10'] as const) {
      assert.deepEqual(Buffer.from(b[k].buffer, b[k].byteOffset, b[k].byteLength), Buffer.from(a[k].buffer, a[k].byteOffset, a[k].byteLength), k);
    }
    const feats = Uint32Array.from({ length: 64 }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) >>> 0) || 1);
    const s1 = new Float64Array(32);
    const s2 = new Float64Array(32);
    reference.scorer.score(feats, feats.length, s1);
    ready.scorer.score(feats, feats.length, s2);
    assert.deepEqual(s2, s1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the load-ready gazetteer finds every phrase with its categories, and only whole phrases', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-ready-'));
  try {
    const copy = join(dir, MODEL_FILES.gazetteer);
    copyFileSync(join(defaultModelDir(), MODEL_FILES.gazetteer), copy);
    const data = JSON.parse(gunzipSync(readFileSync(copy)).toString('utf8')) as GazetteerData;
    loadGazetteer(copy);
    const g = loadGazetteer(copy);
    assert.ok(statSync(readyPathFor(copy)).size > 100_000);
    const want = new Map<string, string[]>();
    for (const [cat, phrases] of Object.entries(data)) {
      for (const p of phrases) {
        const list = want.get(p) ?? [];
        if (!list.includes(cat)) list.push(cat);
        want.set(p, list);
      }
    }
    for (const [p, cats] of want) {
      const words = p.split(' ');
      assert.deepEqual(g.lookup(words), cats, p);
      assert.ok(g.firstNode(words[0]), p);
      if (!want.has(`${p} zzqx`)) assert.equal(g.lookup([...words, 'zzqx']), null);
    }
    // a phrase's prefix is a node; it has categories only when it is a phrase itself
    const [sample] = [...want.keys()].filter((p) => p.split(' ').length === 3 && !want.has(p.split(' ').slice(0, 2).join(' ')));
    if (sample) assert.equal(g.lookup(sample.split(' ').slice(0, 2)), null);
    // features: a two-word phrase marks its words B and L, its categories in the data's order
    const [two, cats] = [...want].find(([p]) => p.split(' ').length === 2)!;
    const marks = g.annotate(['xqzv', ...two.split(' '), 'xqzv']);
    for (const c of cats) {
      assert.ok(marks[1].includes(`${c}:B`), two);
      assert.ok(marks[2].includes(`${c}:L`), two);
    }
    assert.deepEqual(marks[0], []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the load-ready Brown clusters give every word the cluster the cluster file gives it', () => {
  const gz = readFileSync(join(representationsDir(), BROWN_FILE));
  const text = gunzipSync(gz).toString('utf8');
  const reference = BrownClusters.parse(text);
  const ready = getBrownClusters()!;
  assert.equal(ready.sha256, createHash('sha256').update(gz).digest('hex'));
  assert.equal(ready.vocabularySize, reference.vocabularySize);
  assert.deepEqual(ready.paths, reference.paths);
  const words = text.split('\n').filter(Boolean).map((l) => l.split('\t')[1]);
  for (const w of [...words, ...words.slice(0, 2000).map((x) => x.toUpperCase()), 'qzxv', '', 'NATO', '1987']) {
    assert.equal(ready.clusterOf(w), reference.clusterOf(w), w);
    assert.equal(ready.exactClusterOf(w), reference.exactClusterOf(w), w);
  }
});

test('the load-ready capitalisation lexicon holds the same ratio for every word, and nothing else', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-ready-'));
  try {
    const copy = join(dir, MODEL_FILES.lexicon);
    copyFileSync(join(defaultModelDir(), MODEL_FILES.lexicon), copy);
    const reference = parseLexicon(gunzipSync(readFileSync(copy)).toString('utf8'));
    loadCapLexicon(copy);
    const table = loadCapLexicon(copy);
    assert.equal(table.size, reference.size);
    for (const [word, ratio] of reference) {
      assert.equal(table.get(word), ratio, word);
      assert.equal(table.get(`${word}qzx`), reference.get(`${word}qzx`));
    }
    assert.equal(table.has('qzxv-not-a-word'), false);
    assert.deepEqual(new Map(table), reference);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('load-ready files read into shared memory by a parent are used by a worker as they are', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-ready-'));
  try {
    const gzPath = join(dir, 'nlp-en.bin.gz');
    copyFileSync(defaultModelPath(), gzPath);
    loadReadyNlp(gzPath);
    const shared = readSharedReady(dir);
    const bytes = shared.get(readyPathFor(gzPath));
    assert.ok(bytes && bytes.buffer instanceof SharedArrayBuffer);
    // a file the workers will not load (the pool skips the NLP models not asked for) is not read
    assert.equal(readSharedReady(dir, (p) => p === readyPathFor(gzPath)).size, shared.size - 1);
    useSharedReady(shared);
    const loaded = loadReadyNlp(gzPath);
    assert.equal(loaded.bytes, bytes, 'the shared bytes, not a copy');
    assert.deepEqual(loaded.model.analyse(['Talks', 'resumed', 'in', 'Geneva', '.']), decodeNlpModel(readFileSync(gzPath)).analyse(['Talks', 'resumed', 'in', 'Geneva', '.']));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a single worker\'s tables are read by its parent while it starts, largest first, and those posted before it asks are used as they are', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-ready-'));
  const { port1, port2 } = new MessageChannel();
  try {
    const gzPath = join(dir, 'nlp-en.bin.gz');
    copyFileSync(defaultModelPath(), gzPath);
    loadReadyNlp(gzPath);
    writeFileSync(join(dir, 'small.ready.bin'), 'not a model');
    writeFileSync(join(dir, 'notes.txt'), 'not a ready file');
    const paths = readyFilesIn(dir);
    assert.deepEqual(paths, [readyPathFor(gzPath), join(dir, 'small.ready.bin')], 'ready files only, the largest first');
    assert.deepEqual(readyFilesIn(dir, (p) => p === readyPathFor(gzPath)), [join(dir, 'small.ready.bin')]);
    // a stopped pool reads nothing more
    let taken = 0;
    await streamSharedReady(paths, () => taken++, () => true);
    assert.equal(taken, 0);
    // the worker's side: files posted on its port before it asks are the ones it loads
    useSharedReady(undefined, port2);
    const posted: string[] = [];
    await streamSharedReady(paths, (path, bytes) => {
      assert.ok(bytes.buffer instanceof SharedArrayBuffer);
      assert.deepEqual(Buffer.from(bytes), readFileSync(path));
      posted.push(path);
      port1.postMessage([path, bytes] satisfies ReadyFileMessage);
    }, () => false);
    assert.deepEqual(posted, paths, 'one file after the other, in order');
    const loaded = loadReadyNlp(gzPath);
    assert.equal(loaded.built, false);
    assert.ok(loaded.bytes.buffer instanceof SharedArrayBuffer, 'the posted bytes, not a read of its own');
    assert.deepEqual(loaded.model.analyse(['Talks', 'resumed', 'in', 'Geneva', '.']), decodeNlpModel(readFileSync(gzPath)).analyse(['Talks', 'resumed', 'in', 'Geneva', '.']));
  } finally {
    port1.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the places gazetteer read in place answers as the files read whole; its index is rebuilt when places.tsv changes', () => {
  const dir = join(process.cwd(), 'models', 'places');
  const placesTsv = readFileSync(join(dir, 'places.tsv'));
  const namesTsv = readFileSync(join(dir, 'names.tsv'));
  const whole = new PlacesGazetteer(placesTsv, namesTsv);
  const inPlace = openGazetteer(dir);
  assert.equal(inPlace.size, whole.size);
  // every 25th name key (11,000 keys, spread over the whole file), and a few not there
  const keys = namesTsv.toString('utf8').split('\n').slice(2).filter((_, i) => i % 25 === 0).map((l) => l.slice(0, l.indexOf('\t')));
  keys.push('', 'zzzz nowhere', 'a', '\u0645\u0635\u0631');
  for (const k of keys) assert.deepEqual(inPlace.lookup(k), whole.lookup(k), k);
  for (const p of whole.lookup('Tripoli').concat(whole.lookup('Springfield'))) {
    assert.deepEqual(inPlace.region(p.country, p.admin1), whole.region(p.country, p.admin1));
    assert.deepEqual(inPlace.country(p.country), whole.country(p.country));
  }
  assert.deepEqual([...inPlace.alpha2Table()].sort(), [...whole.alpha2Table()].sort());
  assert.ok(inPlace.alpha2Table().size > 200);
  assert.equal(inPlace.alpha2('LBN'), 'LB');
  // a changed places.tsv (here: one entry fewer) gets a fresh index, never a misread
  const tmp = mkdtempSync(join(tmpdir(), 'chronicle-places-'));
  try {
    writeFileSync(join(tmp, 'names.tsv'), namesTsv);
    writeFileSync(join(tmp, 'places.tsv'), placesTsv);
    const first = openGazetteer(tmp);
    assert.deepEqual(first.lookup('Tripoli'), whole.lookup('Tripoli'));
    const cut = placesTsv.subarray(0, placesTsv.lastIndexOf(10, placesTsv.length - 2) + 1);
    writeFileSync(join(tmp, 'places.tsv'), cut);
    const second = openGazetteer(tmp);
    assert.equal(second.size, whole.size - 1);
    assert.deepEqual(second.lookup('Tripoli'), whole.lookup('Tripoli'));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test('the load-ready event detector holds the compressed model: every weight row, bit for bit, and its other fields', () => {
  const model = readDetectorModel();
  const ready = readReadyDetector();
  assert.ok(model && ready);
  const { weights, ...rest } = model;
  assert.deepEqual(ready.model, { ...rest, weights: {} });
  const packed = packWeights(weights);
  assert.equal(ready.rows.size, packed.size);
  for (const [f, row] of packed) {
    const got = ready.rows.rowOf(f);
    assert.ok(got, f);
    assert.deepEqual([...got.cls], [...row.cls], f);
    assert.deepEqual([...got.w], [...row.w], f);
  }
});

test('a sorted table answers any key as the map it is built from: tabs, accents, astral and lone surrogates, misses', () => {
  const entries: [string, string][] = [['NN\tus', 'we'], ['NN\tus\tl', 'us'], ['café', 'é'], ['𝔸x', 'astral'], ['\ud800', 'lone'], ['', 'empty'], ['a', '1'], ['ab', '2'], ['b', '']];
  const table = KeyedTable.build(entries);
  const arrays = {};
  table.put(arrays, 't');
  const back = KeyedTable.get({ header: {}, arrays }, 't');
  const lazy = new TableMap(back, (v) => v);
  for (const [k, v] of entries) assert.equal(lazy.get(k), v, JSON.stringify(k));
  for (const k of ['NN', 'NN\t', 'cafe', 'aa', '\ud801', 'c', '𝔸']) assert.equal(lazy.get(k), undefined, JSON.stringify(k));
  assert.equal(lazy.has('ab'), true);
  assert.equal(lazy.size, entries.length);
  assert.deepEqual([...lazy].sort(), [...new Map(entries)].sort());
});

test('a lazy table that has missed more keys than it holds reads itself in whole and then keeps no misses', () => {
  const entries: [string, string][] = [['NN\ts', 'l|1|'], ['NN\tes', 'l|2|'], ['VBD\ted', 'l|2|'], ['VBZ\ts', 'l|1|'], ['JJ\ter', 'l|2|']];
  const arrays = {};
  KeyedTable.build(entries).put(arrays, 't');
  const lazy = new TableMap(KeyedTable.get({ header: {}, arrays }, 't'), (v) => v);
  // what the map holds, without the reads that size or iteration would make first
  const held = () => Reflect.get(Map.prototype, 'size', lazy) as number;
  assert.equal(lazy.get('NN\ts'), 'l|1|');
  for (let i = 0; i < 5; i++) assert.equal(lazy.get(`NN\tmiss${i}`), undefined);
  assert.equal(held(), 6, 'a hit and five misses are kept, as asked');
  assert.equal(lazy.get('NN\tmiss5'), undefined);
  assert.equal(held(), entries.length, 'the sixth miss reads the table in, the misses go');
  for (let i = 6; i < 50; i++) assert.equal(lazy.get(`NN\tmiss${i}`), undefined);
  assert.equal(held(), entries.length, 'later misses add nothing');
  for (const [k, v] of entries) assert.equal(lazy.get(k), v);
});

test('the load-ready name gazetteer gives every name the type the JSON gives it', () => {
  const whole = parseGazetteer(readFileSync(GAZETTEER_PATH, 'utf8'));
  const ready = nameGazetteer();
  assert.equal(ready.maxWords, whole.maxWords);
  assert.deepEqual([...ready.given].sort(), [...whole.given].sort());
  for (const [name, type] of whole.names) assert.equal(ready.names.get(name), type, name);
  assert.equal(ready.names.get('no such name anywhere'), undefined);
  assert.equal(ready.names.size, whole.names.size);
});

test('the load-ready event lexicon is the prepared lexicon: every verb, form, synset, PLOVER row and pattern block', () => {
  const fresh = prepareLexicon(JSON.parse(readFileSync(lexiconPath(), 'utf8')));
  const ready = defaultLexicon();
  assert.equal(ready.verbs.blocks.length, fresh.verbs.blocks.length);
  assert.deepStrictEqual(ready.verbs.blocks[7], fresh.verbs.blocks[7]);
  assert.deepStrictEqual({ ...ready, verbs: { ...ready.verbs, blocks: [...ready.verbs.blocks] } }, fresh);
});
