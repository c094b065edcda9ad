/**
 * A read-only view of the dependency parse that the event coder walks: children lists, clause
 * windows (a predicate's subtree without its embedded clauses) and voice.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Dependents, Doc, Token } from '../../doc.js';
import { lexiconPath } from './lexicon.js';
import { set } from '../../lexicon/index.js';

let transitivity: Record<string, number> | null = null;

/** Share of a verb's treebank uses with an object or in the passive (models/events/transitive-verbs.json). */
function transitiveShare(lemma: string): number {
  if (!transitivity) {
    // it ships beside the CAMEO lexicon in models/events/
    const file = join(dirname(lexiconPath()), 'transitive-verbs.json');
    transitivity = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { transitive: Record<string, number> }).transitive : {};
  }
  return transitivity[lemma] ?? 0;
}

/** Dependents that open a clause of their own: their words belong to another predicate. */
const CLAUSAL = set('deprels', { uses: 'events-clausal' });

export class ParseView {
  readonly tokens: Token[];
  /** each token's dependents: the document's own lists (Doc.dependents), read only */
  readonly children: Dependents;
  readonly upper: string[];
  readonly lemmaUpper: string[];
  /** 1 for tokens inside a time expression: "since March" is a month, not the noun of "hold a march" */
  readonly inTime: Uint8Array;

  constructor(readonly doc: Doc) {
    this.tokens = doc.tokens;
    const n = this.tokens.length;
    // the lists the quotes and coreference stages already asked for (built here if none did)
    this.children = doc.dependents();
    this.upper = new Array(n);
    this.lemmas = new Array(n);
    this.cases = new Array(n);
    this.windows = new Array(n);
    this.headlines = new Uint8Array(doc.sentences.length);
    this.lemmaUpper = new Array(n);
    for (let i = 0; i < n; i++) {
      const t = this.tokens[i];
      this.upper[i] = t.text.toUpperCase();
      this.lemmaUpper[i] = (t.lemma ?? t.text).toUpperCase();
    }
    this.inTime = new Uint8Array(n);
    for (const t of doc.times) for (let k = doc.tokenAt(t.start); k < n && this.tokens[k].start < t.end; k++) this.inTime[k] = 1;
  }

  private quoted: Uint8Array | null = null;

  /** Whether token i starts inside one of the document's quotes (built once per document, on first use). */
  inQuote(i: number): boolean {
    if (!this.quoted) {
      const n = this.tokens.length;
      this.quoted = new Uint8Array(n);
      for (const q of this.doc.quotes) {
        for (let k = this.doc.tokenAt(q.start); k < n && this.tokens[k].start < q.end; k++) if (this.tokens[k].start >= q.start) this.quoted[k] = 1;
      }
    }
    return this.quoted[i] === 1;
  }

  static parsed(doc: Doc): boolean {
    return doc.tokens.length > 0 && doc.tokens.some((t) => t.deprel !== undefined && t.head !== undefined);
  }

  rel(i: number): string {
    return this.tokens[i]?.deprel ?? '';
  }

  head(i: number): number {
    return this.tokens[i]?.head ?? -1;
  }

  /** lower-cased lemmas, made on first use (the coder asks for each many times per candidate) */
  private readonly lemmas: (string | undefined)[];
  /** caseOf per token, made on first use */
  private readonly cases: (string | undefined)[];
  /** window per token, made on first use (handed out as copies) */
  private readonly windows: (readonly number[] | undefined)[];
  /** per sentence: 0 not yet asked, 1 a headline, 2 not */
  private readonly headlines: Uint8Array;

  lemma(i: number): string {
    const hit = this.lemmas[i];
    if (hit !== undefined) return hit;
    const t = this.tokens[i];
    if (!t) return '';
    return (this.lemmas[i] = (t.lemma ?? t.text).toLowerCase());
  }

  /** Children with one of the given relations (exact, or the base before ':' when `base`). */
  kids(i: number, rels: readonly string[], base = false): number[] {
    const out: number[] = [];
    const children = this.children[i];
    if (children === undefined) return out;
    for (let j = 0; j < children.length; j++) {
      const c = children[j];
      const r = this.rel(c);
      if (rels.includes(r)) out.push(c);
      else if (base) {
        const colon = r.indexOf(':');
        if (rels.includes(colon < 0 ? r : r.slice(0, colon))) out.push(c);
      }
    }
    return out;
  }

  /** The preposition(s) of an oblique or nominal modifier, lower-cased and joined ("along with"). */
  caseOf(i: number): string {
    const hit = this.cases[i];
    if (hit !== undefined) return hit;
    const found = this.caseWords(i);
    if (i >= 0 && i < this.tokens.length) this.cases[i] = found;
    return found;
  }

  private caseWords(i: number): string {
    const cs = this.kids(i, ['case', 'fixed']).filter((c) => c < i);
    if (cs.length === 0) return '';
    const words: string[] = [];
    for (const c of cs) {
      words.push(this.lemma(c));
      for (const f of this.kids(c, ['fixed'])) words.push(this.lemma(f));
    }
    return words.join(' ');
  }

  isVerb(i: number): boolean {
    const t = this.tokens[i];
    return t.upos === 'VERB' || (t.upos === undefined && (t.xpos ?? '').startsWith('VB'));
  }

  isPassive(i: number, depth = 0): boolean {
    // (a "subject of a passive" beside a direct object and no passive auxiliary is the parser's slip:
    // "one of its units had abducted him")
    if (this.kids(i, ['aux:pass']).length > 0) return true;
    if (this.kids(i, ['nsubj:pass', 'csubj:pass']).length > 0 && this.kids(i, ['obj']).length === 0) return true;
    const r = this.rel(i);
    const xpos = this.tokens[i].xpos ?? '';
    // reduced relatives and participial modifiers: "hostages kidnapped by Hamas", "the kidnapped hostages"
    // (unless it has an object of its own: "Israeli troops struck/VBN a market" is the parser's slip for an active clause)
    if ((r === 'acl' || r === 'amod') && xpos === 'VBN' && this.kids(i, ['obj']).length === 0) return true;
    // a bare participle with its own agent: "territory controlled by Kyiv" hung as an adverbial clause
    if (xpos === 'VBN' && this.kids(i, ['obl:agent']).length > 0 && !this.kids(i, ['aux']).some((c) => this.lemma(c) === 'have')) return true;
    // headline style drops the auxiliary: "Aid worker freed after eight months", "Two journalists
    // killed in strike". A verb that usually takes an object, written with a subject and no
    // object or auxiliary in a headline, is a passive (a past form needs a stronger habit than a
    // participle: "Residents fled" stays active)
    if (this.isHeadline(i) && this.kids(i, ['nsubj']).length > 0 && this.kids(i, ['obj', 'aux', 'ccomp', 'xcomp', 'expl']).length === 0) {
      const share = transitiveShare(this.lemma(i));
      if ((xpos === 'VBN' && share >= 0.6) || (xpos === 'VBD' && share >= 0.85)) return true;
    }
    // "was kidnapped and killed": the second conjunct shares the voice
    if (r === 'conj' && xpos === 'VBN' && this.kids(i, ['nsubj', 'aux']).length === 0) {
      const h = this.head(i);
      if (h >= 0 && depth < 8 && this.isPassive(h, depth + 1)) return true;
    }
    return false;
  }

  /** A headline: the document's first sentence or one standing alone as a line, with no final punctuation. */
  isHeadline(i: number): boolean {
    const sIdx = this.tokens[i]?.sentence;
    if (sIdx === undefined || !Number.isInteger(sIdx) || sIdx < 0 || sIdx >= this.headlines.length) return this.headline(sIdx);
    if (this.headlines[sIdx] === 0) this.headlines[sIdx] = this.headline(sIdx) ? 1 : 2;
    return this.headlines[sIdx] === 1;
  }

  private headline(sIdx: number | undefined): boolean {
    const sent = sIdx === undefined ? undefined : this.doc.sentences[sIdx];
    if (!sent || sent.tokenEnd - sent.tokenStart > 20) return false;
    if (/[.!?:;"”’)]$/.test(this.tokens[sent.tokenEnd - 1].text)) return false;
    const before = this.doc.text.slice(Math.max(0, sent.start - 2), sent.start);
    const after = this.doc.text.slice(sent.end, sent.end + 2);
    return sIdx === 0 || ((before === '' || before.endsWith('\n')) && (after === '' || after.startsWith('\n')));
  }

  /** Tokens of i's subtree, in order, leaving out embedded clauses (and, when i is a verb, verbal conjuncts). */
  window(i: number): number[] {
    const hit = this.windows[i];
    if (hit !== undefined) return hit.slice();
    const found = this.clauseWindow(i);
    if (i >= 0 && i < this.tokens.length) this.windows[i] = found.slice();
    return found;
  }

  private clauseWindow(i: number): number[] {
    const out: number[] = [];
    const stack = [i];
    const seen = new Set<number>([i]); // a malformed (cyclic) parse must not loop forever
    while (stack.length) {
      const k = stack.pop()!;
      out.push(k);
      for (const c of this.children[k]) {
        if (seen.has(c)) continue;
        seen.add(c);
        const r = this.rel(c);
        if (CLAUSAL.has(r)) continue;
        if (r === 'conj' && this.isVerb(c) && this.isVerb(k)) continue;
        stack.push(c);
      }
    }
    return out.sort((a, b) => a - b);
  }

  subtree(i: number): number[] {
    const out: number[] = [];
    const stack = [i];
    const seen = new Set<number>([i]);
    while (stack.length) {
      const k = stack.pop()!;
      out.push(k);
      for (const c of this.children[k]) if (!seen.has(c)) { seen.add(c); stack.push(c); }
    }
    return out.sort((a, b) => a - b);
  }

  /** True when `anc` dominates `i` (or is i). */
  dominates(anc: number, i: number): boolean {
    for (let k = i, n = 0; k >= 0 && n < 64; k = this.head(k), n++) if (k === anc) return true;
    return false;
  }
}
