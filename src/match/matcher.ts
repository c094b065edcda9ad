/**
 * The token matcher: patterns over token sequences (as spaCy's Matcher) and over the
 * dependency tree (as its DependencyMatcher). Patterns are data (lexicon/en/patterns/*.json,
 * docs/rules.md); this module compiles and runs them.
 *
 * A sequence pattern is a list of steps, each a token test (./token.ts) with an optional
 * repetition `op` — `?` (zero or one), `*` (any number), `+` (one or more), `!` (the next token
 * must not pass; consumes nothing) — and an optional capture name `as`. Repetition is greedy
 * with backtracking; a match never crosses a sentence boundary. One match is reported per start
 * token (the first the greedy search finds).
 *
 * A dependency pattern is a list of nodes. The first is the anchor; every other names a node
 * already placed (`of`) and how it relates to it (`rel`):
 *   >  a child of it        <  its head        >> a descendant      << an ancestor
 *   .  right after it       ;  right before it .* anywhere after    ;* anywhere before
 *   $+ the next sibling     $- the previous sibling
 * All nodes are captured by their `id`.
 */
import type { Doc, Token } from '../doc.js';
import { compileTokenTest, tokenTestWords, type MatchContext, type TokenPredicate, type TokenTest, type WordTest } from './token.js';

export { definePredicate, type MatchContext, type TokenTest } from './token.js';

export interface SequenceStep extends TokenTest {
  op?: '?' | '*' | '+' | '!';
  as?: string;
}

export type DepRel = '>' | '<' | '>>' | '<<' | '.' | ';' | '.*' | ';*' | '$+' | '$-';

export interface DepNode {
  id: string;
  /** the node this one is placed against (absent on the anchor) */
  of?: string;
  rel?: DepRel;
  token?: TokenTest;
}

/** Captured token range [start, end) in doc token indices. */
export interface Capture {
  start: number;
  end: number;
}

export interface Match {
  /** first and last+1 token of the whole match */
  start: number;
  end: number;
  captures: Record<string, Capture>;
}

interface CompiledStep {
  test: TokenPredicate;
  op: '' | '?' | '*' | '+' | '!';
  as?: string;
}

/** A compiled sequence pattern. */
export class SequencePattern {
  private readonly steps: CompiledStep[];
  /**
   * The lower-case words a match's first token must be written as (its first step's word set:
   * tokenTestWords), or null when the first step may match nothing or names no word set
   */
  readonly firstWords: WordTest | null;
  /**
   * The word sets of the steps every match passes a token through (no `op`, or `+`), smallest first:
   * a match needs, for each, a token written as one of its words between its start and the
   * sentence's end
   */
  readonly requiredWords: readonly WordTest[];

  constructor(steps: readonly SequenceStep[], readonly name = 'pattern') {
    if (steps.length === 0) throw new Error(`${name}: empty pattern`);
    this.steps = steps.map((s, k) => {
      const { op, as, ...test } = s;
      if (op !== undefined && !['?', '*', '+', '!'].includes(op)) throw new Error(`${name}[${k}]: unknown op '${op}'`);
      return { test: compileTokenTest(test, `${name}[${k}]`), op: op ?? '', ...(as ? { as } : {}) };
    });
    const required = steps.map(({ op, as: _as, ...test }) => (op === undefined || op === '+' ? tokenTestWords(test) : null));
    this.firstWords = required[0];
    this.requiredWords = required.filter((w) => w !== null).sort((a, b) => a.size - b.size);
  }

  /** The match starting at token `start`, or null. `end` bounds the search (default: the sentence's end). */
  matchAt(ctx: MatchContext, start: number, end = sentenceEnd(ctx.tokens, start)): Match | null {
    // captures are written only once the whole pattern has matched, so a failed attempt leaves
    // this object empty for the next one: most attempts fail, and need allocate nothing
    const captures = this.unused;
    const last = this.step(ctx, 0, start, end, captures);
    if (last < 0) return null;
    this.unused = {};
    return { start, end: last, captures };
  }

  private unused: Record<string, Capture> = {};

  /** Every match in the token range [from, to), one per start token. */
  findAll(ctx: MatchContext, from = 0, to = ctx.tokens.length): Match[] {
    const out: Match[] = [];
    for (let i = from; i < to; i++) {
      const m = this.matchAt(ctx, i, Math.min(to, sentenceEnd(ctx.tokens, i)));
      if (m) out.push(m);
    }
    return out;
  }

  /** Match steps[k..] from token i; returns the end token or -1 (captures filled on success). */
  private step(ctx: MatchContext, k: number, i: number, end: number, caps: Record<string, Capture>): number {
    if (k === this.steps.length) return i;
    const s = this.steps[k];
    if (s.op === '!') return i < end && s.test(ctx, i) ? -1 : this.step(ctx, k + 1, i, end, caps);
    if (s.op === '') {
      if (i >= end || !s.test(ctx, i)) return -1;
      const r = this.step(ctx, k + 1, i + 1, end, caps);
      if (r >= 0 && s.as) caps[s.as] = { start: i, end: i + 1 };
      return r;
    }
    // greedy repetition: take as many as pass, then give back one at a time
    const max = s.op === '?' ? 1 : Infinity;
    let n = 0;
    while (n < max && i + n < end && s.test(ctx, i + n)) n++;
    const min = s.op === '+' ? 1 : 0;
    for (; n >= min; n--) {
      const r = this.step(ctx, k + 1, i + n, end, caps);
      if (r >= 0) {
        if (s.as && n > 0) caps[s.as] = { start: i, end: i + n };
        return r;
      }
    }
    return -1;
  }
}

/**
 * Per token list: where each token's sentence starts and ends, and each token's children (built
 * once, O(n); the children when a dependency pattern first asks, so after the parse).
 */
interface Layout {
  start: Int32Array;
  end: Int32Array;
  children: number[][] | null;
}
const layouts = new WeakMap<readonly Token[], Layout>();

function layout(tokens: readonly Token[]): Layout {
  let l = layouts.get(tokens);
  if (!l || l.start.length !== tokens.length) {
    const n = tokens.length;
    const start = new Int32Array(n);
    const end = new Int32Array(n);
    for (let i = 0; i < n; i++) start[i] = i > 0 && tokens[i - 1].sentence === tokens[i].sentence ? start[i - 1] : i;
    for (let i = n - 1; i >= 0; i--) end[i] = i + 1 < n && tokens[i + 1].sentence === tokens[i].sentence ? end[i + 1] : i + 1;
    l = { start, end, children: null };
    layouts.set(tokens, l);
  }
  return l;
}

/** The end (exclusive) of token i's sentence; tokens.length from the end on. */
export function sentenceEnd(tokens: readonly Token[], i: number): number {
  return i >= tokens.length ? tokens.length : layout(tokens).end[i];
}

function childrenOf(tokens: readonly Token[]): number[][] {
  const l = layout(tokens);
  if (!l.children) {
    l.children = tokens.map(() => []);
    tokens.forEach((t, i) => {
      if (t.head !== undefined && t.head >= 0 && t.head < tokens.length) l.children![t.head].push(i);
    });
  }
  return l.children;
}

interface CompiledNode {
  id: string;
  of: number;
  rel?: DepRel;
  test: TokenPredicate;
}

/** child, head, descendant, ancestor, right after, right before, anywhere after, anywhere before, next and previous sibling */
const RELS: Record<DepRel, true> = { '>': true, '<': true, '>>': true, '<<': true, '.': true, ';': true, '.*': true, ';*': true, '$+': true, '$-': true };

/** A compiled dependency pattern. Needs a parse (token.head); without one it matches nothing. */
export class DependencyPattern {
  private readonly nodes: CompiledNode[];

  constructor(nodes: readonly DepNode[], readonly name = 'pattern') {
    if (nodes.length === 0) throw new Error(`${name}: empty pattern`);
    const ids = new Map<string, number>();
    this.nodes = nodes.map((n, k) => {
      if (ids.has(n.id)) throw new Error(`${name}: node id '${n.id}' twice`);
      let of = -1;
      if (k > 0) {
        if (n.of === undefined || !ids.has(n.of)) throw new Error(`${name}: node '${n.id}' must name an earlier node in 'of'`);
        if (!n.rel || !Object.hasOwn(RELS, n.rel)) throw new Error(`${name}: node '${n.id}' has unknown relation '${n.rel}'`);
        of = ids.get(n.of)!;
      }
      ids.set(n.id, k);
      return { id: n.id, of, ...(n.rel ? { rel: n.rel } : {}), test: compileTokenTest(n.token ?? {}, `${name}.${n.id}`) };
    });
  }

  /** Every match anchored at a token in [from, to) (one per anchor: the first found). */
  findAll(ctx: MatchContext, from = 0, to = ctx.tokens.length): Match[] {
    const out: Match[] = [];
    for (let i = from; i < to; i++) {
      if (ctx.tokens[i].head === undefined || !this.nodes[0].test(ctx, i)) continue;
      const placed = [i];
      if (this.place(ctx, 1, placed)) {
        const captures: Record<string, Capture> = {};
        this.nodes.forEach((n, k) => (captures[n.id] = { start: placed[k], end: placed[k] + 1 }));
        out.push({ start: Math.min(...placed), end: Math.max(...placed) + 1, captures });
      }
    }
    return out;
  }

  private place(ctx: MatchContext, k: number, placed: number[]): boolean {
    if (k === this.nodes.length) return true;
    const n = this.nodes[k];
    for (const j of candidates(ctx.tokens, placed[n.of], n.rel!)) {
      if (placed.includes(j) || !n.test(ctx, j)) continue;
      placed.push(j);
      if (this.place(ctx, k + 1, placed)) return true;
      placed.pop();
    }
    return false;
  }
}

/** Tokens standing in `rel` to token a, within a's sentence. */
function* candidates(tokens: readonly Token[], a: number, rel: DepRel): Generator<number> {
  const l = layout(tokens);
  const lo = l.start[a];
  const hi = l.end[a];
  const head = (j: number) => tokens[j].head ?? -1;
  switch (rel) {
    case '>':
      yield* childrenOf(tokens)[a];
      return;
    case '<':
      if (head(a) >= 0) yield head(a);
      return;
    case '>>': {
      // breadth-first over the children: each token once, however deep the tree
      const kids = childrenOf(tokens);
      const queue = [...kids[a]];
      for (let q = 0; q < queue.length && q < hi - lo; q++) {
        yield queue[q];
        queue.push(...kids[queue[q]]);
      }
      return;
    }
    case '<<':
      for (let h = head(a), n = 0; h >= 0 && n < hi - lo; h = head(h), n++) yield h;
      return;
    case '.':
      if (a + 1 < hi) yield a + 1;
      return;
    case ';':
      if (a - 1 >= lo) yield a - 1;
      return;
    case '.*':
      for (let j = a + 1; j < hi; j++) yield j;
      return;
    case ';*':
      for (let j = a - 1; j >= lo; j--) yield j;
      return;
    case '$+':
    case '$-': {
      const h = head(a);
      if (h < 0) return;
      const step = rel === '$+' ? 1 : -1;
      for (let j = a + step; j >= lo && j < hi; j += step) if (head(j) === h) {
        yield j;
        return;
      }
      return;
    }
  }
}

/**
 * A match context over a Doc: the entity type of each token from the document's entities
 * (after coreference) or, before them, its mentions.
 */
export function docContext(doc: Doc): MatchContext {
  const types: (string | undefined)[] = new Array(doc.tokens.length);
  const mark = (start: number, end: number, type: string) => {
    for (let i = doc.tokenAt(start); i < doc.tokens.length && doc.tokens[i].start < end; i++) types[i] ??= type;
  };
  if (doc.entities.length) for (const e of doc.entities) for (const m of e.mentions) mark(m.start, m.end, m.type ?? e.type);
  else for (const m of doc.mentions) mark(m.start, m.end, m.type);
  return { tokens: doc.tokens, lowers: doc.lowerTexts(), entityType: (i) => types[i] };
}
