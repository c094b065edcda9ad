/**
 * Token tests for the matcher: what one token must be. A test is data (JSON in pattern files):
 *
 *   { "lower": "by" }                                  equality (text, lower, lemma, upos, xpos, dep, ent)
 *   { "lemma": { "in": ["hold", "kidnap"] } }          one of several values
 *   { "lemma": { "list": "captivity-verbs" } }         a value in a lexicon list (a selector)
 *   { "lower": { "notIn": ["the", "a"] } }             none of them
 *   { "text": { "regex": "^\\p{Lu}" } }                a regular expression (Unicode, whole value searched)
 *   { "list": "title-stops" }                          the lower-case word is in a lexicon list
 *   { "list": "titles[uses=ner]" }                     … or in a subset of one (a lexicon selector)
 *   { "notList": "title-stops" }                       … is not
 *   { "shape": "cap" }                                 cap (capitalised), lower, upper, punct, num
 *   { "verb": "hold" }                                 a form of the verb, by the lexicon's inflection
 *   { "verb": { "list": "captivity-verbs" } }          rules (held, holds, holding …), not by the tagger
 *   { "verb": "hold", "verbForm": "participle" }       … only its participle (base, 3sg, past, participle, ing)
 *   { "is": "nationality" }                            a named predicate a module registered
 *                                                      (definePredicate) for what no list can say
 *
 * All conditions of one test must hold. `ent` is the entity type of the mention covering the
 * token ("PERSON"), "" when none. `lemma` falls back to the lower-case text when the document has
 * no lemmas (tokenized only).
 */
import type { Token } from '../doc.js';
import { formsOf, isCaseSensitive, list, parseSelector, set, VERB_FORMS, type VerbForm } from '../lexicon/index.js';

export type ValueTest = string | { in?: readonly string[]; notIn?: readonly string[]; regex?: string; list?: string };

export interface TokenTest {
  text?: ValueTest;
  lower?: ValueTest;
  lemma?: ValueTest;
  upos?: ValueTest;
  xpos?: ValueTest;
  dep?: ValueTest;
  ent?: ValueTest;
  list?: string | readonly string[];
  notList?: string | readonly string[];
  shape?: 'cap' | 'lower' | 'upper' | 'punct' | 'num';
  verb?: string | { in?: readonly string[]; list?: string };
  verbForm?: VerbForm | readonly VerbForm[];
  is?: string;
}

/** What the matcher reads about tokens beyond the Token itself. */
export interface MatchContext {
  readonly tokens: readonly Token[];
  /** the tokens' texts lower-cased, when the context's maker has them (Doc.lowerTexts); else the matcher makes them */
  readonly lowers?: readonly string[];
  /** entity type of the mention covering token i, or undefined */
  entityType(i: number): string | undefined;
}

export type TokenPredicate = (ctx: MatchContext, i: number) => boolean;

/** the attributes a token test may name (typed against TokenTest, so the two cannot drift apart) */
const KEYS: Record<keyof TokenTest, true> = {
  text: true, lower: true, lemma: true, upos: true, xpos: true, dep: true, ent: true,
  list: true, notList: true, shape: true, verb: true, verbForm: true, is: true,
};

const predicates = new Map<string, (t: Token) => boolean>();

/**
 * Name a token test that no list or value can express ("a nationality word", which the actor
 * dictionary answers), for patterns to use as `{ "is": name }`. Register before the patterns
 * that use it are compiled.
 */
export function definePredicate(name: string, test: (t: Token) => boolean): void {
  if (predicates.has(name) && predicates.get(name) !== test) throw new Error(`token predicate '${name}' is defined twice`);
  predicates.set(name, test);
}

/** `lowered`: the values tested are lower-cased already (a token's `lower`), so a case-insensitive list need not fold them again. */
function valuePredicate(v: ValueTest, where: string, lowered = false): (s: string) => boolean {
  if (typeof v === 'string') return (s) => s === v;
  const tests: ((s: string) => boolean)[] = [];
  for (const k of Object.keys(v)) if (!['in', 'notIn', 'regex', 'list'].includes(k)) throw new Error(`${where}: unknown value test '${k}'`);
  if (v.list !== undefined) {
    const { name, where: subset } = parseSelector(v.list);
    const words = set(name, subset);
    const fold = !lowered && !isCaseSensitive(name);
    tests.push((x) => words.has(fold ? x.toLowerCase() : x));
  }
  if (v.in) {
    const s = new Set(v.in);
    tests.push((x) => s.has(x));
  }
  if (v.notIn) {
    const s = new Set(v.notIn);
    tests.push((x) => !s.has(x));
  }
  if (v.regex !== undefined) {
    const re = new RegExp(v.regex, 'u');
    tests.push((x) => re.test(x));
  }
  if (tests.length === 0) throw new Error(`${where}: empty value test`);
  return tests.length === 1 ? tests[0] : (x) => tests.every((t) => t(x));
}

function listWords(selector: string): string[] {
  const { name, where } = parseSelector(selector);
  return list(name, where);
}

/** A token's membership in any of the lists (the lower-case word, or as written in a case-sensitive list). */
function inLists(v: string | readonly string[]): (t: Token) => boolean {
  const lists = (typeof v === 'string' ? [v] : v).map((sel) => {
    const { name, where } = parseSelector(sel);
    return { words: set(name, where), cs: isCaseSensitive(name) };
  });
  return (t) => {
    for (const l of lists) if (l.words.has(l.cs ? t.text : lower(t))) return true;
    return false;
  };
}

// The last text lower-cased and its result: a pattern's steps and alternatives test one token
// after another, so most calls ask again for the word just lower-cased (allocates nothing then).
let lastText = '';
let lastLower = '';
function lower(t: Token): string {
  const s = t.text;
  if (s !== lastText) {
    lastLower = s.toLowerCase();
    lastText = s;
  }
  return lastLower;
}

const SHAPES: Record<NonNullable<TokenTest['shape']>, (s: string) => boolean> = {
  cap: (s) => /^\p{Lu}/u.test(s),
  lower: (s) => /^\p{Ll}/u.test(s),
  upper: (s) => /^[\p{Lu}\d.&-]+$/u.test(s) && /\p{Lu}/u.test(s),
  punct: (s) => /^[\p{P}\p{S}]+$/u.test(s),
  num: (s) => /^[\d.,]+$/.test(s),
};

/** A set of lower-case words (a Set, or a lexicon list read as valuePredicate reads it); has() is asked with a lower-cased word. */
export interface WordTest {
  has(word: string): boolean;
  readonly size: number;
}

/**
 * The lower-case words a token must be written as to pass `test`: its `lower` equality, `in` set or
 * `list`, or the forms of its `verb` (checks compileTokenTest makes on the token's text lower-cased),
 * the smallest when it names several; null when it names none. A necessary condition: a token whose
 * lower-cased text fails it fails the test, so a matcher may skip it without running the test.
 */
export function tokenTestWords(test: TokenTest): WordTest | null {
  const tests: WordTest[] = [];
  const v = test.lower;
  if (typeof v === 'string') tests.push(new Set([v]));
  else if (v !== undefined) {
    if (v.in) tests.push(new Set(v.in));
    if (v.list !== undefined) {
      const { name, where } = parseSelector(v.list);
      const words = set(name, where);
      // as valuePredicate tests a list: a case-insensitive one folds the word to lower case, which the
      // word given here already is (lower-casing twice gives what lower-casing once does)
      tests.push(words);
    }
  }
  if (test.verb !== undefined) {
    const verb = test.verb;
    const lemmas = typeof verb === 'string' ? [verb] : [...(verb.in ?? []), ...(verb.list ? listWords(verb.list) : [])];
    const kinds = test.verbForm === undefined ? VERB_FORMS : typeof test.verbForm === 'string' ? [test.verbForm] : test.verbForm;
    tests.push(new Set(formsOf(lemmas, kinds).keys()));
  }
  let best: WordTest | null = null;
  for (const t of tests) if (best === null || t.size < best.size) best = t;
  return best;
}

/** Compile a token test into a predicate (lists and regexes built once). */
export function compileTokenTest(test: TokenTest, where = 'token test'): TokenPredicate {
  for (const k of Object.keys(test)) if (!Object.hasOwn(KEYS, k)) throw new Error(`${where}: unknown token attribute '${k}'`);
  const checks: TokenPredicate[] = [];
  const attr = (key: 'text' | 'lower' | 'lemma' | 'upos' | 'xpos' | 'dep', get: (t: Token) => string) => {
    const v = test[key];
    if (v === undefined) return;
    const p = valuePredicate(v, `${where}.${key}`, key === 'lower');
    checks.push((ctx, i) => p(get(ctx.tokens[i])));
  };
  attr('text', (t) => t.text);
  attr('lower', lower);
  attr('lemma', (t) => (t.lemma ?? t.text).toLowerCase());
  attr('upos', (t) => t.upos ?? '');
  attr('xpos', (t) => t.xpos ?? '');
  attr('dep', (t) => t.deprel ?? '');
  if (test.ent !== undefined) {
    const p = valuePredicate(test.ent, `${where}.ent`);
    checks.push((ctx, i) => p(ctx.entityType(i) ?? ''));
  }
  if (test.list !== undefined) {
    const inside = inLists(test.list);
    checks.push((ctx, i) => inside(ctx.tokens[i]));
  }
  if (test.notList !== undefined) {
    const inside = inLists(test.notList);
    checks.push((ctx, i) => !inside(ctx.tokens[i]));
  }
  if (test.shape !== undefined) {
    const p = SHAPES[test.shape];
    if (!p) throw new Error(`${where}: unknown shape '${test.shape}'`);
    checks.push((ctx, i) => p(ctx.tokens[i].text));
  }
  if (test.verb !== undefined) {
    const v = test.verb;
    const lemmas = typeof v === 'string' ? [v] : [...(v.in ?? []), ...(v.list ? listWords(v.list) : [])];
    if (lemmas.length === 0) throw new Error(`${where}.verb: name verbs with a string, "in" or "list"`);
    const kinds = test.verbForm === undefined ? VERB_FORMS : typeof test.verbForm === 'string' ? [test.verbForm] : test.verbForm;
    for (const k of kinds) if (!VERB_FORMS.includes(k)) throw new Error(`${where}.verbForm: unknown form '${k}'`);
    const forms = formsOf(lemmas, kinds);
    checks.push((ctx, i) => forms.has(lower(ctx.tokens[i])));
  } else if (test.verbForm !== undefined) throw new Error(`${where}: verbForm needs verb`);
  if (test.is !== undefined) {
    const p = predicates.get(test.is);
    if (!p) throw new Error(`${where}: no token predicate '${test.is}' is defined`);
    checks.push((ctx, i) => p(ctx.tokens[i]));
  }
  if (checks.length === 0) return () => true;
  if (checks.length === 1) return checks[0];
  return (ctx, i) => {
    for (const c of checks) if (!c(ctx, i)) return false;
    return true;
  };
}
