/**
 * Quotation marks around a name, a title or a term, not around anyone's words: "a programme dubbed
 * "Green Horizon 2030"", "under the "one country, two systems" model", "the tax ("land levy")",
 * "the case "Harlow Holdings v. Brant Council"". Read off the words around the marks and the parse;
 * the quotes stage (rule quotes.quoted-term) emits no direct quote for such a span.
 */
import type { Token } from '../../doc.js';
import { entries, formsOf } from '../../lexicon/index.js';
import { lw, type QuoteContext } from './source.js';
import { relativeGapObject } from './rules.js';

/** What makes a quoted span a name or term (or nothing). */
export type QuotedTerm = 'naming' | 'gloss' | 'modifier' | 'apposed-title';

interface Naming { when: 'always' | 'passive'; via: string[] }

let naming: Map<string, Naming> | null = null;
let namingForms: Map<string, string> | null = null;

/** The naming word a token is (lexicon/en/naming-words.tsv), by its lemma or its form. */
function namingOf(t: Token): Naming | undefined {
  if (!naming) {
    naming = new Map(entries('naming-words').map((e) => [e.word.toLowerCase(), { when: e.attrs.when === 'always' ? 'always' : 'passive', via: (e.attrs.via ?? '').split(/\s+/).filter(Boolean) } as Naming]));
    namingForms = formsOf([...naming.keys()].filter((w) => /^\p{Ll}+$/u.test(w)));
  }
  const w = lw(t);
  return naming.get(w) ?? naming.get(namingForms!.get(w) ?? '') ?? naming.get((t.lemma ?? '').toLowerCase());
}

/** A passive cue nobody is named as saying: "a boy, identified only as Ivan", "they were denied visas". */
export function passiveWithoutAgent(ctx: QuoteContext, i: number): boolean {
  const t = ctx.doc.tokens[i];
  if (t.xpos !== 'VBN' || t.deprel === undefined) return false;
  const kids = ctx.children[i];
  // (a relative clause with an active subject is no passive, whatever the tag: "a charge the council denied/VBN")
  if (relativeGapObject.enabled && /^acl/.test(t.deprel) && kids.some((c) => c < i && ctx.doc.tokens[c].deprel === 'nsubj') && !kids.some((c) => ctx.doc.tokens[c].deprel === 'aux:pass')) return false;
  const passive = kids.some((c) => /^(?:aux:pass|nsubj:pass)$/.test(ctx.doc.tokens[c].deprel ?? '')) || /^(?:acl|amod)$/.test(t.deprel);
  if (!passive) return false;
  return !kids.some((c) => ctx.doc.tokens[c].deprel === 'obl:agent' || ctx.children[c].some((x) => lw(ctx.doc.tokens[x]) === 'by'));
}

const DETERMINER = /^(?:DET|PRON)$/;

/** A participle naming with nobody named as naming: "a process called", "was called", "has been termed" (no "by X" after). */
function unattributedNaming(ctx: QuoteContext, v: number, quoteEnd: number): boolean {
  const toks = ctx.doc.tokens;
  const t = toks[v];
  if (!/^(?:VBN|VBD)$/.test(t.xpos ?? '')) return false;
  // "by traders" after the quotation names who names it
  for (let k = ctx.doc.tokenAt(quoteEnd); k < toks.length && k < ctx.doc.tokenAt(quoteEnd) + 6 && !/^[.;!?]$/.test(toks[k].text); k++) if (lw(toks[k]) === 'by') return false;
  // "what WalesOnline called "fury"": a subject names it
  if (ctx.children[v].some((c) => toks[c].deprel === 'nsubj')) return false;
  if (t.xpos === 'VBN' && passiveWithoutAgent(ctx, v)) return true;
  // the words, where the parse gave the participle a subject: "a process called", "was called", "often termed"
  let k = v - 1;
  while (k >= 0 && toks[k].upos === 'ADV') k--;
  if (k < 0) return false;
  const p = toks[k];
  return p.upos === 'NOUN' || p.upos === 'PROPN' || /^[,(—–-]$/.test(p.text) || p.upos === 'AUX' || /^(?:been|be|is|was|are|were|being)$/.test(lw(p));
}

/**
 * What makes the quotation from `outerStart` to `outerEnd` (marks included) a name or a term:
 * - naming: a naming word before it, with at most a determiner between ("dubbed "…"", "known as the "…"",
 *   "so-called "…""), or an object for words that name whoever uses them ("named their robot "…"");
 * - gloss: the quotation alone in brackets after a word ("the tax ("land levy")");
 * - modifier: two words or more between a determiner and a noun ("the "one country, two systems" model");
 * - apposed-title: a capitalised title right after a common noun ("the case "Harlow Holdings v. Brant Council"").
 * A modifier in lower case only stands when no cue governs the quotation (`tied`).
 */
export function quotedTerm(ctx: QuoteContext, q: { start: number; end: number; outerStart: number; outerEnd: number }, titleLike: boolean, tied: boolean): QuotedTerm | null {
  const { doc } = ctx;
  const toks = doc.tokens;
  // the token before the opening mark
  const prev = doc.tokenAt(q.outerStart) - 1;
  const inner = doc.text.slice(q.start, q.end);
  // naming: "dubbed "…"", "known as the "…"", "referred to as "…"", "named their robot "…""
  let k = prev;
  while (k >= 0 && DETERMINER.test(toks[k].upos ?? '') && /^(?:the|a|an)$/.test(lw(toks[k]))) k--;
  for (let objectWords = 0; k >= 0 && objectWords <= 4; objectWords++) {
    // "via" words ("as", "to as") right before the quotation's determiner
    let v = k;
    const via: string[] = [];
    while (v >= 0 && /^(?:as|to)$/.test(lw(toks[v])) && via.length < 2) via.unshift(lw(toks[v--]));
    const n = v >= 0 ? namingOf(toks[v]) : undefined;
    if (n && n.via.join(' ') === via.join(' ') && (objectWords === 0 || n.when === 'always')) {
      if (n.when === 'always' || unattributedNaming(ctx, v, q.outerEnd)) return 'naming';
    }
    // step back over an object noun phrase ("named | their robot | "…"")
    if (!/^(?:NOUN|PROPN|PRON|ADJ|DET|NUM)$/.test(toks[k].upos ?? '') || via.length) break;
    k--;
  }
  // gloss: '("…")'
  if (/\(\s*$/.test(doc.text.slice(Math.max(0, q.outerStart - 2), q.outerStart)) && /^\s*\)/.test(doc.text.slice(q.outerEnd, q.outerEnd + 2))) return 'gloss';
  const nextIdx = doc.tokenAt(q.outerEnd);
  const next = nextIdx < toks.length && toks[nextIdx].start >= q.outerEnd ? toks[nextIdx] : undefined;
  const before = prev >= 0 ? toks[prev] : undefined;
  // apposed title: 'the case "…"' — a capitalised title right after a common noun with its determiner
  if (titleLike && before && before.upos === 'NOUN' && /^\p{Ll}/u.test(before.text) && prev >= 1 && /^(?:DET|PRON|ADJ)$/.test(toks[prev - 1].upos ?? '')) return 'apposed-title';
  // modifier: 'the "…" model' — a phrase of two words or more between a determiner or possessive and a
  // common noun, no sentence inside (one quoted word there is an evaluation: 'an "iconic" leader'); a cue
  // that governs the noun ('reported in the "Kiss & Fly" section') leaves it a name only when capitalised
  if ((!tied || titleLike) && before && next && inner.trim().split(/\s+/).length >= 2 && /^(?:DET|PRON)$/.test(before.upos ?? '') && !/^(?:that|this|it)$/.test(lw(before)) && next.upos === 'NOUN' && /^\p{Ll}/u.test(next.text) && !/[.!?,;:]$/.test(inner) && /^\s/.test(doc.text.slice(q.outerEnd, q.outerEnd + 1))) return 'modifier';
  return null;
}
