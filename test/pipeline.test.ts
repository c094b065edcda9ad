/**
 * Stage contracts: the pipeline refuses stages that do not fit when it is built, and each stage
 * of the default pipeline writes only the layers it declares (checked by fingerprinting the Doc
 * between stages on real articles).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createPipeline, extract } from '../src/extract.js';
import { Doc } from '../src/doc.js';
import { contractProblems, Pipeline, PipelineError, type Layer, type Stage } from '../src/pipeline.js';

const stub = (name: string, requires: Layer[], provides: Layer[], uses: Layer[] = []): Stage => ({ name, requires, provides, uses, run() {} });

test('contracts: a missing layer, two writers, a layer provided too late or unknown are errors at construction', () => {
  assert.deepEqual(contractProblems(createPipeline().stages), []);
  assert.throws(() => createPipeline().without('entities'), (e: Error) => e instanceof PipelineError && /stage 'actors' requires 'entities', which no stage provides/.test(e.message));
  assert.throws(() => createPipeline().without('parse'), /stage 'events' requires 'tags'/);
  assert.doesNotThrow(() => createPipeline().without('ner', 'names', 'entities', 'coref', 'actors', 'relations'), 'quotes and events only use entities when present');
  assert.throws(() => createPipeline().with(stub('ner2', ['tokens'], ['mentions.model']), 'ner'), /stages 'ner' and 'ner2' both write 'mentions.model'/);
  const tokenize = createPipeline().stages[0];
  assert.throws(() => new Pipeline([stub('early', ['entities'], ['quotes']), tokenize, stub('ents', ['tokens'], ['entities'])]), /stage 'early' requires 'entities', which 'ents' provides only after it/);
  assert.throws(() => new Pipeline([tokenize, stub('q', ['tokens'], ['quotes'], ['entities']), stub('ents', ['tokens'], ['entities'])]), /stage 'q' uses 'entities', which 'ents' provides only after it/);
  assert.throws(() => new Pipeline([tokenize, stub('x', ['tokens'], ['colour' as Layer])]), /unknown layer 'colour'/);
  assert.throws(() => new Pipeline([tokenize, tokenize]), /two stages are named 'tokenize'/);
});

/** What each field of the Doc holds, and the layers allowed to change it. */
const FIELDS: { layers: Layer[]; print: (d: Doc) => unknown }[] = [
  { layers: ['tokens'], print: (d) => d.tokens.map((t) => [t.start, t.end, t.text, t.sentence]) },
  { layers: ['sentences'], print: (d) => d.sentences },
  { layers: ['tags'], print: (d) => d.tokens.filter((t) => t.upos !== undefined).map((t) => [t.i, t.upos, t.xpos, t.lemma]) },
  { layers: ['parse'], print: (d) => d.tokens.filter((t) => t.head !== undefined).map((t) => [t.i, t.head, t.deprel]) },
  { layers: ['times'], print: (d) => d.times },
  { layers: ['mentions.model', 'mentions.rules', 'entities', 'coref', 'coref.speech'], print: (d) => d.mentions.map((m) => [m.start, m.end, m.type, m.source]) },
  { layers: ['entities'], print: (d) => d.entities.map((e) => [e.id, e.type]) },
  { layers: ['entities', 'coref', 'coref.speech'], print: (d) => d.entities.map((e) => e.mentions.map((m) => [m.start, m.end, m.kind])) },
  { layers: ['codes', 'codes.citizenship'], print: (d) => d.entities.filter((e) => e.codes?.length).map((e) => [e.id, e.codes]) },
  { layers: ['attributes', 'attributes.age'], print: (d) => d.entities.filter((e) => e.attributes).map((e) => [e.id, e.attributes]) },
  { layers: ['relations'], print: (d) => d.relations },
  { layers: ['quotes'], print: (d) => d.quotes },
  { layers: ['events'], print: (d) => d.events.map(({ place: _p, placeSource: _s, ...rest }) => rest) },
  { layers: ['events.place'], print: (d) => d.events.filter((e) => e.placeSource !== undefined).map((e) => [e.id, e.place, e.placeSource]) },
  { layers: ['places'], print: (d) => d.entities.filter((e) => e.place).map((e) => [e.id, e.place]) },
];

test('every stage of the default pipeline writes only the layers it provides', () => {
  const articles = [
    JSON.parse(readFileSync(new URL('../../examples/hostage-release.json', import.meta.url), 'utf8')),
    JSON.parse(readFileSync(new URL('../../test/fixtures/articles-2/prisoner-swap.json', import.meta.url), 'utf8')),
    JSON.parse(readFileSync(new URL('../../test/fixtures/articles-3/passive-particles.json', import.meta.url), 'utf8')),
  ];
  // a speaker's quote naming someone else as "he": quotes reads coreference and leaves the mentions alone
  articles.push({ text: 'Omar Haddad was kidnapped in May. Karim Haddad, his brother, was angry. "He is a good man and he did nothing wrong," Karim said.', published: '2025-02-16' });
  const seen = new Set<string>();
  for (const a of articles) {
    const doc = new Doc(a);
    for (const stage of createPipeline().stages) {
      const before = FIELDS.map((f) => JSON.stringify(f.print(doc)));
      stage.run(doc);
      FIELDS.forEach((f, k) => {
        if (JSON.stringify(f.print(doc)) === before[k]) return;
        seen.add(f.layers[0]);
        assert.ok(f.layers.some((l) => stage.provides.includes(l)), `stage '${stage.name}' changed ${f.layers.join('/')} but provides only ${stage.provides.join(', ')}`);
      });
    }
  }
  assert.ok(seen.size >= 10, `the articles exercised ${[...seen].join(', ')}`);
});

test('input that is no document gets an error naming it, not a TypeError from inside a stage', () => {
  const bad = (input: unknown) => () => extract(input as Parameters<typeof extract>[0]);
  assert.throws(bad({ id: 'a7', text: 5 }), /^TypeError: document "a7" has no text: "text" must be a string, got number$/);
  assert.throws(bad({}), /a document has no text/);
  assert.throws(bad(null), /a document must be an object with a text, got null/);
  assert.throws(() => new Doc({ text: undefined } as unknown as { text: string }), /has no text/);
  // and the pipeline goes on with the next one
  assert.ok(extract({ id: 'a8', text: 'Hostages were freed in Gaza on Sunday.' }).entities.length > 0);
});
