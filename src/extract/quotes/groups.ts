/**
 * Groups of named speakers: several people or bodies a text names together and then speaks of as
 * one — "Marc Dubois and Luc Martin", "Two police officers, Marc Dubois and Luc Martin,", "Foreign
 * Minister Ana Silva and Foreign Minister Tom Berg". A plural description written after them
 * ("Both officers", "The two officers", "the ministers", "The two") stands for the group, and so does
 * a "they" whose subject antecedent is such a description or the names themselves.
 *
 * Read once per document from the parse and the entities; the quotes stage's own view, nothing is
 * written back.
 */
import type { Token } from '../../doc.js';
import { lookup, roleOf } from '../../lexicon/index.js';
import type { QuoteContext } from './source.js';

export interface SpeakerGroup {
  /** the entities named, in text order (two or more) */
  members: string[];
  /** what the text calls them: the lemmas of a plural noun they are set beside ("officer", "police") and role words all members share */
  words: Set<string>;
  /** where the group is written (the first name, or the plural noun before it) */
  start: number;
  /** the token range of the names */
  from: number;
  to: number;
  /** the plural nouns the names are set beside ("officers" in "Two police officers, Marc Dubois and Luc Martin,") */
  nouns: number[];
}

const cache = new WeakMap<QuoteContext, SpeakerGroup[]>();

const lw = (t: Token | undefined): string => (t ? t.text.toLowerCase() : '');

function lemma(t: Token): string {
  return (t.lemma ?? t.text).toLowerCase();
}

/** A name of a person or body owns this token (not a nominal or a pronoun). */
function nameOwner(ctx: QuoteContext, i: number): string | undefined {
  const o = ctx.owners[i];
  if (!o || ctx.ownerKind[i] !== 'name' || ctx.inside(i)) return undefined;
  const type = ctx.doc.entityById(o)?.type;
  return type === 'PERSON' || type === 'ORG' ? o : undefined;
}

/** The name tokens of the mention around i (a name is several tokens; the parse hangs dependents on any of them). */
function nameTokens(ctx: QuoteContext, i: number): number[] {
  const o = ctx.owners[i];
  let a = i;
  let b = i;
  while (a > 0 && ctx.owners[a - 1] === o && ctx.ownerKind[a - 1] === 'name') a--;
  while (b + 1 < ctx.doc.tokens.length && ctx.owners[b + 1] === o && ctx.ownerKind[b + 1] === 'name') b++;
  const out: number[] = [];
  for (let k = a; k <= b && out.length < 8; k++) out.push(k);
  return out;
}

/** The names joined to the name at i by "and" or commas in the parse: "Ana Silva and Tom Berg", "Egypt, Jordan and Iraq". */
function coordinated(ctx: QuoteContext, i: number): { members: string[]; to: number } {
  const toks = ctx.doc.tokens;
  const first = nameOwner(ctx, i);
  if (!first) return { members: [], to: i };
  const type = ctx.doc.entityById(first)?.type;
  const members = [first];
  const seen = new Set<number>();
  let to = i;
  const walk = (k: number, depth: number): void => {
    for (const t of nameTokens(ctx, k)) {
      if (seen.has(t)) continue;
      seen.add(t);
      to = Math.max(to, t);
      for (const c of ctx.children[t]) {
        if (toks[c].deprel !== 'conj') continue;
        const o = nameOwner(ctx, c);
        if (!o || ctx.doc.entityById(o)?.type !== type) continue;
        if (!members.includes(o)) members.push(o);
        if (depth < 6) walk(c, depth + 1);
      }
    }
  };
  walk(i, 0);
  return { members, to };
}

/** Role words every member is written with ("Foreign Minister Ana Silva and Foreign Minister Tom Berg" → foreign, minister). */
function sharedRoles(ctx: QuoteContext, members: string[]): string[] {
  let shared: string[] | null = null;
  for (const id of members) {
    const roles = new Set<string>();
    for (const m of ctx.doc.entityById(id)?.mentions ?? []) for (const r of m.roles ?? []) roles.add(r.toLowerCase());
    shared = shared ? shared.filter((r) => roles.has(r)) : [...roles];
  }
  return shared ?? [];
}

/** The plural noun's own words: its lemma and its noun and adjective modifiers ("police officers" → officer, police). */
function nounWords(ctx: QuoteContext, n: number): string[] {
  const toks = ctx.doc.tokens;
  const out = [lemma(toks[n])];
  for (let k = n - 1; k >= 0 && n - k <= 3 && /^(?:ADJ|NOUN)$/.test(toks[k].upos ?? '') && !ctx.inside(k); k--) out.push(lemma(toks[k]));
  return out;
}

const plural = (t: Token): boolean => t.upos === 'NOUN' && /^NNS$/.test(t.xpos ?? '');

/** Every group of the document, in text order. */
export function speakerGroups(ctx: QuoteContext): SpeakerGroup[] {
  const cached = cache.get(ctx);
  if (cached) return cached;
  const toks = ctx.doc.tokens;
  const out: SpeakerGroup[] = [];
  for (let i = 0; i < toks.length; i++) {
    const o = nameOwner(ctx, i);
    if (!o || (i > 0 && ctx.owners[i - 1] === o && ctx.ownerKind[i - 1] === 'name')) continue;
    const { members, to } = coordinated(ctx, i);
    if (members.length < 2) continue;
    const g: SpeakerGroup = { members, words: new Set(sharedRoles(ctx, members)), start: toks[i].start, from: i, to, nouns: [] };
    out.push(g);
  }
  // the parse may miss a coordination ("UK-based retailer Tesco and Denmark-based retailer Salling Group"):
  // names of one kind joined by "and" or commas, with at most a few modifiers of their own between
  const covered = new Set<number>();
  for (const g of out) for (let k = g.from; k <= g.to; k++) covered.add(k);
  for (let i = 0; i < toks.length; i++) {
    const o = nameOwner(ctx, i);
    if (!o || covered.has(i) || (i > 0 && ctx.owners[i - 1] === o && ctx.ownerKind[i - 1] === 'name')) continue;
    const type = ctx.doc.entityById(o)?.type;
    const members = [o];
    let to = nameTokens(ctx, i).at(-1)!;
    let joinedByAnd = false;
    for (;;) {
      let k = to + 1;
      let and = false;
      if (toks[k]?.text === ',') k++;
      if (lw(toks[k]) === 'and') { and = true; k++; }
      if (k === to + 1) break;
      // ("and the Belgian firm Kestrel Logistics": an article, a nationality, class nouns)
      if (/^(?:the|a|an)$/.test(lw(toks[k]))) k++;
      let mods = 0;
      const modifier = (x: number): boolean => !ctx.inside(x) && /^(?:ADJ|NOUN|PROPN)$/.test(toks[x].upos ?? '') && (!ctx.owners[x] || !/^(?:PERSON|ORG)$/.test(ctx.doc.entityById(ctx.owners[x]!)?.type ?? ''));
      while (k < toks.length && mods < 4 && modifier(k)) { k++; mods++; }
      const next = nameOwner(ctx, k);
      if (!next || ctx.doc.entityById(next)?.type !== type || members.includes(next)) break;
      members.push(next);
      to = nameTokens(ctx, k).at(-1)!;
      joinedByAnd ||= and;
      if (and) break;
    }
    if (members.length < 2 || !joinedByAnd) continue;
    out.push({ members, words: new Set(sharedRoles(ctx, members)), start: toks[i].start, from: i, to, nouns: [] });
    for (let k = i; k <= to; k++) covered.add(k);
  }
  out.sort((a, b) => a.from - b.from);
  // a plural noun the names are set beside: "Two police officers, Marc Dubois and Luc Martin," /
  // "Police officers Marc Dubois and Luc Martin" / "Marc Dubois and Luc Martin, both police officers,"
  for (const g of out) {
    let n = g.from - 1;
    if (toks[n]?.text === ',') n--;
    if (n < 0 || !plural(toks[n]) || ctx.inside(n)) {
      n = g.to + 1;
      if (toks[n]?.text !== ',') continue;
      n++;
      while (n < toks.length && /^(?:both|all|the|two|three|four)$/i.test(toks[n].text)) n++;
      // the last noun of the run is the head ("both police officers")
      while (n + 1 < toks.length && /^(?:ADJ|NOUN)$/.test(toks[n + 1].upos ?? '') && !ctx.inside(n + 1) && n - g.to < 8) n++;
      if (!plural(toks[n]) || ctx.inside(n)) continue;
    }
    for (const w of nounWords(ctx, n)) g.words.add(w);
    g.start = Math.min(g.start, toks[n].start);
    g.nouns.push(n);
  }
  cache.set(ctx, out);
  return out;
}

// no prototype: a word such as "constructor" is no number
const NUMBERS: Record<string, number> = Object.assign(Object.create(null), { two: 2, three: 3, four: 4, five: 5, six: 6, both: 2 });

/**
 * The group a plural description stands for: "Both officers", "The two officers", "the ministers",
 * "The two" — a definite plural phrase whose noun is a word the group was written with (or none,
 * with a number that counts the group), the latest such group before it. Null otherwise.
 */
export function groupDescribed(ctx: QuoteContext, from: number, head: number): SpeakerGroup | null {
  const toks = ctx.doc.tokens;
  const first = toks[from].text.toLowerCase();
  const h = toks[head];
  const noun = plural(h);
  const count = NUMBERS[(noun ? toks.slice(from, head).map((t) => t.text.toLowerCase()).find((w) => w in NUMBERS) : h.text.toLowerCase()) ?? ''];
  // definite: "the officers", "both officers", "the two", "these ministers"
  if (!/^(?:the|both|these|those|all)$/.test(first)) return null;
  if (!noun && !(count && (h.upos === 'NUM' || first === 'both'))) return null;
  // a word of people ("officers", "ministers") or of bodies ("the parties", "both companies"), not "the charges"
  const bodies = noun && !!lookup('org-nouns', lemma(h));
  if (noun && !roleOf(h.text.toLowerCase()) && !bodies) return null;
  const pos = toks[from].start;
  const groups = speakerGroups(ctx);
  // the groups written before the phrase (in text order by their names), the nearest few: a long document stays linear
  let lo = 0;
  let hi = groups.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[groups[mid].from].start < pos) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0 && k >= lo - GROUPS_BACK; k--) {
    const g = groups[k];
    if (g.start >= pos) continue;
    if (count && g.members.length !== count) continue;
    // bodies named together ("Tesco and Salling Group") are what "the parties" or "the two companies" are
    if (noun && !g.words.has(lemma(h)) && !(bodies && g.members.every((id) => ctx.doc.entityById(id)?.type === 'ORG'))) continue;
    return g;
  }
  return null;
}

/** The group whose names token i is set beside as their plural noun, or null. */
export function groupNoun(ctx: QuoteContext, i: number): SpeakerGroup | null {
  return tokenIndex(ctx).byNoun.get(i) ?? null;
}

/** How many groups before a plural description it may name (the nearest first). */
const GROUPS_BACK = 20;

const indexCache = new WeakMap<QuoteContext, { byNoun: Map<number, SpeakerGroup>; byName: Map<number, SpeakerGroup> }>();

/** The groups by the tokens of their names and of their plural nouns, built once per document. */
function tokenIndex(ctx: QuoteContext): { byNoun: Map<number, SpeakerGroup>; byName: Map<number, SpeakerGroup> } {
  let index = indexCache.get(ctx);
  if (index) return index;
  index = { byNoun: new Map(), byName: new Map() };
  for (const g of speakerGroups(ctx)) {
    for (const n of g.nouns) if (!index.byNoun.has(n)) index.byNoun.set(n, g);
    for (let k = g.from; k <= g.to; k++) if (!index.byName.has(k)) index.byName.set(k, g);
  }
  indexCache.set(ctx, index);
  return index;
}

/** The group whose names token i is one of, or null. */
export function groupNamed(ctx: QuoteContext, i: number): SpeakerGroup | null {
  return tokenIndex(ctx).byName.get(i) ?? null;
}
