import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../src/doc.js';
import { tokenizeStage } from '../src/nlp/sentences.js';
import { parseStage } from '../src/nlp/parse-stage.js';
import { DependencyPattern, SequencePattern, definePredicate, docContext, type MatchContext } from '../src/match/matcher.js';
import { compilePatternFile } from '../src/match/rules.js';
import { ruleById, withoutRules } from '../src/rules/registry.js';
import { formsOf, verbForms } from '../src/lexicon/index.js';

function ctxOf(text: string, parse = false, ents: Record<string, string> = {}): { doc: Doc; ctx: MatchContext } {
  const doc = new Doc({ text });
  tokenizeStage.run(doc);
  if (parse) parseStage.run(doc);
  for (const [surface, type] of Object.entries(ents)) {
    const start = text.indexOf(surface);
    doc.mentions.push({ start, end: start + surface.length, text: surface, kind: 'name', type: type as 'PERSON' });
  }
  return { doc, ctx: docContext(doc) };
}
const words = (doc: Doc, a: number, b: number) => doc.tokens.slice(a, b).map((t) => t.text).join(' ');

test('sequence patterns: ? * + and ! with greedy backtracking, captures, one match per start', () => {
  const { doc, ctx } = ctxOf('the armed group which has reportedly held Ana Ruiz said nothing.', false, { 'Ana Ruiz': 'PERSON' });
  const p = new SequencePattern([
    { lower: { in: ['which', 'that'] } },
    { lower: { in: ['has', 'have', 'reportedly', 'still'] }, op: '*' },
    { verb: 'hold', as: 'verb' },
    { ent: 'PERSON', op: '+', as: 'captive' },
    { lower: 'hostage', op: '?' },
  ]);
  const ms = p.findAll(ctx);
  assert.equal(ms.length, 1);
  assert.equal(words(doc, ms[0].start, ms[0].end), 'which has reportedly held Ana Ruiz');
  assert.equal(words(doc, ms[0].captures.captive.start, ms[0].captures.captive.end), 'Ana Ruiz');
  assert.equal(doc.tokens[ms[0].captures.verb.start].text, 'held');
  // '*' gives back what the next step needs: "group group" then a required "group"
  const { ctx: c2, doc: d2 } = ctxOf('group group group ends');
  const m2 = new SequencePattern([{ lower: 'group', op: '*', as: 'many' }, { lower: 'group' }, { lower: 'ends' }]).matchAt(c2, 0);
  assert.ok(m2);
  assert.equal(words(d2, m2.captures.many.start, m2.captures.many.end), 'group group');
  // '!' tests the next token and consumes nothing
  const notBy = new SequencePattern([{ verb: 'hold' }, { lower: 'by', op: '!' }]);
  assert.equal(notBy.findAll(ctxOf('Hamas held him.').ctx).length, 1);
  assert.equal(notBy.findAll(ctxOf('He was held by Hamas.').ctx).length, 0);
  // '+' needs one
  assert.equal(new SequencePattern([{ lower: 'x', op: '+' }]).findAll(ctxOf('a b c').ctx).length, 0);
});

test('sequence patterns never cross a sentence boundary', () => {
  const { ctx } = ctxOf('They met in Rome. Talks ended.', false);
  const p = new SequencePattern([{ lower: 'rome' }, { op: '*' }, { lower: 'talks' }]);
  assert.equal(p.findAll(ctx).length, 0);
  assert.equal(new SequencePattern([{ lower: 'rome' }, { op: '*' }, { lower: '.' }]).findAll(ctx).length, 1);
});

test('token tests: lists, subsets, shapes, regexes, verb forms and named predicates', () => {
  const { ctx } = ctxOf('Former Gen. Haftar and Mr. Smith lived there; she kidnaped nobody.');
  const at = (t: object, i: number) => new SequencePattern([t as never]).matchAt(ctx, i) !== null;
  assert.ok(at({ list: 'title-modifiers' }, 0), 'former');
  assert.ok(at({ list: 'titles[uses=ner]' }, 1), 'gen.');
  assert.ok(!at({ list: 'titles[uses=store]' }, 1), 'the store reads bare "gen"');
  assert.ok(at({ notList: 'titles' }, 2));
  assert.ok(at({ shape: 'cap', text: { regex: '^H' } }, 2));
  assert.ok(at({ verb: 'live', verbForm: 'past' }, 6));
  assert.ok(!at({ verb: 'live', verbForm: 'ing' }, 6));
  assert.ok(at({ verb: { list: 'captivity-verbs' } }, 10), 'kidnaped: both spellings of a doubled consonant');
  assert.ok(at({ lower: { in: ['and', 'or'], notIn: ['or'] } }, 3));
  definePredicate('test-smith', (t) => t.text === 'Smith');
  assert.ok(at({ is: 'test-smith' }, 5));
  assert.throws(() => new SequencePattern([{ colour: 'red' } as never]), /unknown token attribute 'colour'/);
  assert.throws(() => new SequencePattern([{ is: 'nothing-defined' }]), /no token predicate 'nothing-defined'/);
  assert.throws(() => new SequencePattern([{ lower: 'a', op: '%' as never }]), /unknown op '%'/);
  assert.throws(() => new SequencePattern([{ verbForm: 'past' }]), /verbForm needs verb/);
  assert.deepEqual(verbForms('hold').participle, ['held']);
  assert.deepEqual(verbForms('deny')['3sg'], ['denies']);
});

test('dependency patterns: children, heads, ancestors and order, on the parse', () => {
  const { doc, ctx } = ctxOf('Gunmen abducted two engineers near the mine on Tuesday.', true);
  const p = new DependencyPattern([
    { id: 'verb', token: { verb: 'abduct' } },
    { id: 'agent', of: 'verb', rel: '>', token: { dep: { regex: '^nsubj' } } },
    { id: 'victim', of: 'verb', rel: '>', token: { dep: 'obj' } },
    { id: 'num', of: 'victim', rel: '>', token: { upos: 'NUM' } },
    { id: 'after', of: 'victim', rel: '.' },
  ]);
  const ms = p.findAll(ctx);
  assert.equal(ms.length, 1);
  const c = ms[0].captures;
  assert.deepEqual([c.agent, c.victim, c.num, c.after].map((x) => doc.tokens[x.start].text), ['Gunmen', 'engineers', 'two', 'near']);
  // a node is never placed on a token another node holds
  assert.equal(new DependencyPattern([{ id: 'v', token: { verb: 'abduct' } }, { id: 's', of: 'v', rel: '>', token: { dep: 'nsubj' } }, { id: 'b', of: 'v', rel: ';', token: { dep: 'nsubj' } }]).findAll(ctx).length, 0);
  const up = new DependencyPattern([{ id: 'num', token: { upos: 'NUM' } }, { id: 'root', of: 'num', rel: '<<', token: { verb: 'abduct' } }]);
  assert.equal(up.findAll(ctx).length, 1);
  assert.equal(new DependencyPattern([{ id: 'v', token: { verb: 'abduct' } }, { id: 'x', of: 'v', rel: '>', token: { dep: 'obl:agent' } }]).findAll(ctx).length, 0);
  // without a parse nothing matches
  assert.equal(p.findAll(ctxOf('Gunmen abducted two engineers near the mine on Tuesday.').ctx).length, 0);
  assert.throws(() => new DependencyPattern([{ id: 'a' }, { id: 'b', of: 'z', rel: '>' }]), /must name an earlier node/);
});

test('pattern files: rules are registered with their examples, can be switched off, and errors name the file', () => {
  const rules = compilePatternFile(JSON.stringify({
    rules: [{
      id: 'test.pattern-joined', stage: 'test', action: 'label', summary: 'a person joined something',
      fires: ['Ana joined the army.'], spares: ['Ana left the army.'],
      patterns: [[{ verb: 'join', as: 'verb' }]], data: { role: 'member' },
    }],
  }), 'test.json');
  const r = rules.get('test.pattern-joined')!;
  assert.equal(ruleById('test.pattern-joined')?.source, 'test.json');
  assert.deepEqual(r.data, { role: 'member' });
  const { ctx } = ctxOf('Ana joined the army and later joins the police.');
  assert.equal(r.findAll(ctx).length, 2);
  const restore = withoutRules(['test.pattern-joined']);
  assert.equal(r.findAll(ctx).length, 0);
  restore();
  assert.throws(() => compilePatternFile('{"rules": [{"id": "test.bad", "stage": "test", "action": "label", "summary": "x", "fires": ["x"], "spares": [], "patterns": [[{"lowr": "x"}]]}]}', 'bad.json'), /bad\.json: test\.bad#0\[0\]: unknown token attribute 'lowr'/);
  assert.equal(ruleById('test.bad'), undefined, 'a rule whose pattern fails to compile is not registered');
  assert.throws(() => compilePatternFile('{"rules": [', 'broken.json'), /broken\.json/);
});

test('a rule whose alternatives all name their first words tries each only where its first word is written, with the matches of a scan of every start', () => {
  const spec = (id: string, patterns: unknown[]) => ({ id, stage: 'test', action: 'label', summary: 'first words', fires: ['x'], spares: [], patterns });
  const held = [[{ verb: 'hold', as: 'verb' }, { lower: 'by' }, { ent: 'ORG', op: '+', as: 'captor' }], [{ lower: { in: ['which', 'that'] }, as: 'pronoun' }, { op: '*' }, { verb: 'hold', as: 'verb' }]];
  const rules = compilePatternFile(JSON.stringify({ rules: [spec('test.first-words', held), spec('test.first-any', [held[0], [{ shape: 'cap' }, { verb: 'hold' }]])] }), 'first.json');
  const anchored = rules.get('test.first-words')!;
  const open = rules.get('test.first-any')!;
  const holdForms = new Set(formsOf(['hold']).keys());
  const first = new SequencePattern(held[0] as never).firstWords!;
  assert.equal(first.size, holdForms.size);
  for (const w of holdForms) assert.ok(first.has(w), w);
  assert.ok(!first.has('hold by'));
  const which = new SequencePattern(held[1] as never);
  assert.deepEqual([...(which.firstWords as Set<string>)].sort(), ['that', 'which']);
  assert.deepEqual(which.requiredWords.map((w) => w.size), [2, holdForms.size], 'the word sets of the steps every match passes, smallest first');
  assert.equal(new SequencePattern([{ op: '*', lower: 'x' }, { lower: 'y' }]).firstWords, null, 'a first step that may match nothing names no first word');
  assert.deepEqual(new SequencePattern([{ op: '*', lower: 'x' }, { lower: 'y' }]).requiredWords.map((w) => [...(w as Set<string>)]), [['y']]);
  assert.deepEqual(new SequencePattern([{ shape: 'cap' }, { lower: 'z', op: '?' }]).requiredWords, []);
  const text = 'Ana, who was held by Hamas, said the group that held her was Hamas. They HELD talks which held up. Talks ended in Rome. Held by Hamas. That was by design.';
  const { ctx } = ctxOf(text, false, { Hamas: 'ORG' });
  // the reference: every start, the first alternative that matches there
  const scan = (alts: unknown[][]) => {
    const ps = alts.map((a) => new SequencePattern(a as never));
    const out = [];
    for (let i = 0; i < ctx.tokens.length; i++) {
      for (const p of ps) {
        const m = p.matchAt(ctx, i);
        if (m) {
          out.push(m);
          break;
        }
      }
    }
    return out;
  };
  const calls = { n: 0, at: new Set<number>() };
  const matchAt = SequencePattern.prototype.matchAt;
  SequencePattern.prototype.matchAt = function (this: SequencePattern, ...args: Parameters<typeof matchAt>) {
    calls.n++;
    calls.at.add(args[1]);
    return matchAt.apply(this, args);
  };
  try {
    const found = anchored.findAll(ctx);
    assert.ok(found.length >= 3);
    // "held … by …" is tried only at a form of hold in a sentence with "by" ("They HELD talks" has none),
    // "which/that … held" at which or that in a sentence with a form of hold ("That was by design" has none)
    const sentencesWith = (f: (w: string) => boolean) => new Set(ctx.tokens.filter((t) => f(t.text.toLowerCase())).map((t) => t.sentence));
    const hasBy = sentencesWith((w) => w === 'by');
    const hasHold = sentencesWith((w) => holdForms.has(w));
    const expected = ctx.tokens.flatMap((t, i) => {
      const w = t.text.toLowerCase();
      return (holdForms.has(w) && hasBy.has(t.sentence)) || (['which', 'that'].includes(w) && hasHold.has(t.sentence)) ? [i] : [];
    });
    assert.ok(!expected.includes(ctx.tokens.findIndex((t) => t.text === 'That')));
    assert.deepEqual([...calls.at].sort((a, b) => a - b), expected);
    assert.equal(calls.n, expected.length, 'one attempt per such token, none elsewhere');
    calls.n = 0;
    calls.at.clear();
    open.findAll(ctx);
    const sentences = [...calls.at].map((i) => ctx.tokens[i].sentence);
    assert.deepEqual([...new Set(sentences)].sort(), [0, 1, 3], 'an alternative with no first words is tried only in sentences holding a word its steps require');
    assert.equal(calls.at.size, ctx.tokens.filter((t) => t.sentence !== 2 && t.sentence !== 4).length, '… at every token of them');
    SequencePattern.prototype.matchAt = matchAt;
    assert.deepEqual(found, scan(held));
    assert.deepEqual(open.findAll(ctx), scan([held[0], [{ shape: 'cap' }, { verb: 'hold' }]]));
    // a document's context brings its lower-cased texts (Doc.lowerTexts); one without them gets the same matches
    assert.deepEqual(ctx.lowers, ctx.tokens.map((t) => t.text.toLowerCase()));
    const bare: MatchContext = { tokens: ctx.tokens, entityType: ctx.entityType };
    assert.deepEqual(anchored.findAll(bare), found);
    assert.deepEqual(open.findAll(bare), open.findAll(ctx));
  } finally {
    SequencePattern.prototype.matchAt = matchAt;
  }
});
