/**
 * What an attribution cue attributes, from the parse: the reported clause ("said (that) the border
 * would reopen"), the object and its complement ("accused Johnson of misleading the Queen",
 * "described the attack as 'designed to intimidate'", "urged the embassy to reconsider",
 * "called for …"), or, when the attribution follows, the clause before it ("…, police said").
 * An addressee ("told reporters", "told AFP") is never part of it, and neither are the
 * circumstances of saying ("on Friday", "in a statement", "via Twitter").
 */
import type { Token } from '../../doc.js';
import { cueOf, type Cue, type Frame } from './cues.js';
import { lw, type QuoteContext } from './source.js';
import { bareClause, coordinatedTail, sharedComplement as sharedComplementRule, gerundComplement, objectComplement, objectInfinitive, parentheticalCue, participleCue, passiveContent, quotedName, relativeGapObject, thatAfterApposition, timeAdjunctClause, timeObject, trailingAttribution } from './rules.js';
import { set } from '../../lexicon/index.js';

/** Words that open a new phrase after an addressee ("told reporters | the police …"); lexicon/en/function-words.tsv. */
const PHRASE_OPENERS = set('function-words', { uses: 'quotes-phrase-opener' });

export interface ReportedSpan {
  /** token range, inclusive */
  from: number;
  to: number;
  /** read with a complement after the object ("accused X of Y"): rule quotes.object-complement */
  complement?: boolean;
  /** the clause before a trailing cue ("…, police said"): rule quotes.trailing-attribution */
  trailing?: boolean;
  /** a trailing cue's clause after ", and" ("…, Maróth said, and paying back the loan seems realistic"): the same speaker's
   * second claim (rule quotes.coordinated-tail) */
  tail?: { from: number; to: number };
  /** the cue and its source stand set off by commas inside the span ("The fire, officials said, spread …"): rule
   * quotes.parenthetical-cue; the span keeps them, since the words on both sides are what was said */
  aside?: boolean;
}

const COMPLEMENT_CASES: Record<string, Frame> = { as: 'as', of: 'of', for: 'for', on: 'on' };

/** Per document: which tokens lie inside a date or time the times stage found (marked once, read per object). */
const inTimeCache = new WeakMap<QuoteContext, Uint8Array>();
function inTime(ctx: QuoteContext): Uint8Array {
  let marks = inTimeCache.get(ctx);
  if (marks) return marks;
  const doc = ctx.doc;
  marks = new Uint8Array(doc.tokens.length);
  for (const x of doc.times ?? []) {
    if (x.type !== 'DATE' && x.type !== 'TIME') continue;
    for (let i = doc.tokenAt(x.start); i < doc.tokens.length && doc.tokens[i].start < x.end; i++) if (doc.tokens[i].start >= x.start) marks[i] = 1;
  }
  inTimeCache.set(ctx, marks);
  return marks;
}

/** An object that is only a date or time ("stated Wednesday, …", "confirmed Sunday …"): when the cue spoke, not what it said. */
function timeOnlyObject(ctx: QuoteContext, c: number, cueIdx: number): boolean {
  const r = subtree(ctx, c, cueIdx);
  const marks = inTime(ctx);
  for (let j = r.from; j <= r.to; j++) if (!marks[j]) return false;
  return true;
}

/** A time adjunct: a time expression after its preposition ("in mid-2019", "on Friday"), every other word marked as a time. */
function timeOnlyAdjunct(ctx: QuoteContext, c: number, cueIdx: number): boolean {
  const toks = ctx.doc.tokens;
  const r = subtree(ctx, c, cueIdx);
  const marks = inTime(ctx);
  let timed = 0;
  for (let j = r.from; j <= r.to; j++) {
    if (marks[j]) timed++;
    else if (!(j === r.from && deprel(toks[j]) === 'case')) return false;
  }
  return timed > 0;
}

function deprel(t: Token | undefined): string {
  return t?.deprel ?? '';
}

/** The range a token's subtree spans, leaving out clauses headed by another cue conjoined to it ("… but denied that …"). */
function subtree(ctx: QuoteContext, h: number, cue: number): ReportedSpan {
  const toks = ctx.doc.tokens;
  let from = h;
  let to = h;
  const stack = [h];
  let guard = 0;
  while (stack.length && guard++ < 400) {
    const k = stack.pop()!;
    for (const c of ctx.children[k]) {
      if (c === cue) continue;
      // a conjoined cue verb reports a claim of its own, and so does one set beside the clause with
      // a subject of its own ("… are related; reports describe …")
      if (deprel(toks[c]) === 'conj' && cueOf(toks[c]) && toks[c].upos === 'VERB') continue;
      if (deprel(toks[c]) === 'parataxis' && cueOf(toks[c]) && toks[c].upos === 'VERB' && ctx.children[c].some((x) => x < c && /^nsubj/.test(deprel(toks[x])))) continue;
      // (however the parse hung it, when a semicolon sets it off: "… are related; reports describe …")
      if (cueOf(toks[c]) && toks[c].upos === 'VERB' && ctx.children[c].some((x) => x < c && /^nsubj/.test(deprel(toks[x])) && toks[x - 1]?.text === ';')) continue;
      if (c < from) from = c;
      if (c > to) to = c;
      stack.push(c);
    }
  }
  return { from, to };
}

function trim(ctx: QuoteContext, r: ReportedSpan, sentEnd: number): ReportedSpan | null {
  const toks = ctx.doc.tokens;
  let { from, to } = r;
  to = Math.min(to, sentEnd - 1);
  while (from < to && (/^(?:that|:|,|—|–)$/i.test(toks[from].text) && deprel(toks[from]) !== 'nsubj')) from++;
  // "said in a statement that …", "told reporters on Friday that …": the circumstances stay out
  for (let j = from; j <= Math.min(to, from + 8); j++) {
    if (lw(toks[j]) === 'that' && (deprel(toks[j]) === 'mark' || toks[from].upos === 'ADP')) {
      if (j > from && toks.slice(from, j).every((t) => !/^(?:VERB|AUX)$/.test(t.upos ?? ''))) from = j + 1;
      break;
    }
  }
  while (to > from && /^[.!?,;:—–]$/.test(toks[to].text)) to--;
  // "…, according to X" is the attribution of an attribution: it stays out
  for (let j = from + 1; j < to; j++) if (lw(toks[j]) === 'according' && lw(toks[j + 1]) === 'to') { to = j - 1; break; }
  while (to > from && /^[.!?,;:—–(]$/.test(toks[to].text)) to--;
  return to >= from ? { from, to } : null;
}

/** The content a cue verb attributes, as a token range, or null when the parse gives none. */
export function reportedContent(ctx: QuoteContext, cueIdx: number, cue: Cue, source: { from: number; to: number } | null = null): ReportedSpan | null {
  const aside = parentheticalContent(ctx, cueIdx, cue);
  if (aside) return aside;
  const shared = sharedComplement(ctx, cueIdx, cue);
  if (shared) return shared;
  const span = parsedContent(ctx, cueIdx, cue, source);
  if (span?.trailing && coordinatedTail.enabled) {
    const tail = coordinatedClause(ctx, cueIdx);
    if (tail) { coordinatedTail.fired(ctx.doc.tokens[tail.from].start, ctx.doc.tokens[tail.to].end); return { ...span, tail }; }
  }
  if (!span || span.trailing || span.complement) return span;
  return addresseeClause(ctx, cueIdx, cue, ctx.doc.sentences[ctx.doc.tokens[cueIdx].sentence].tokenEnd, span) ?? span;
}

/**
 * quotes.shared-complement: "General Moeldoko said according to the Jakarta Post, and an Australian Defence Force spokesperson
 * confirmed, that they agreed …" — two cues joined by ", and" share the clause after the second one's comma (right-node
 * raising): a finite clause cue followed only by adjuncts (no verb, no "that", no quotation) up to ", and"/", but", then a
 * subject and a second clause cue closed by a comma and "that", reports what the second cue reports.
 */
function sharedComplement(ctx: QuoteContext, cueIdx: number, cue: Cue): ReportedSpan | null {
  if (!sharedComplementRule.enabled || !cue.frames.has('clause')) return null;
  const toks = ctx.doc.tokens;
  if (!/^VB[DZP]$/.test(toks[cueIdx].xpos ?? '') || ctx.inside(cueIdx)) return null;
  const sent = ctx.doc.sentences[toks[cueIdx].sentence];
  // (an "according to" phrase is an adjunct too: "said according to the Jakarta Post, and …")
  const according = (k: number): boolean => lw(toks[k]) === 'according' && lw(toks[k + 1]) === 'to';
  const words = (t: Token, k: number): boolean => !ctx.inside(k) && ((t.upos !== 'VERB' && t.upos !== 'AUX') || according(k)) && lw(t) !== 'that' && !/^[“”"'‘’;:()—–]$/.test(t.text);
  // the adjuncts after the first cue, up to ", and"
  let k = cueIdx + 1;
  while (k < sent.tokenEnd && k < cueIdx + 12 && toks[k].text !== ',' && words(toks[k], k)) k++;
  if (toks[k]?.text !== ',' || !/^(?:and|but)$/.test(lw(toks[k + 1])) || k + 2 >= sent.tokenEnd) return null;
  // the second cue's subject, then the cue, then ", that"
  let c = k + 2;
  while (c < sent.tokenEnd && c < k + 12 && toks[c].upos !== 'VERB' && words(toks[c], c) && toks[c].text !== ',') c++;
  const second = cueOf(toks[c]);
  if (c === k + 2 || !second || !second.frames.has('clause') || !/^VB[DZP]$/.test(toks[c].xpos ?? '')) return null;
  if (toks[c + 1]?.text !== ',' || lw(toks[c + 2]) !== 'that' || c + 3 >= sent.tokenEnd) return null;
  // what the second cue reports, read as for that cue (up to its clause's end, not over a semicolon)
  const theirs = parsedContent(ctx, c, second, null);
  if (!theirs || theirs.trailing || theirs.from < c + 2) return null;
  sharedComplementRule.fired(toks[cueIdx].start, toks[theirs.to].end);
  return { from: theirs.from, to: theirs.to };
}

/** A noun phrase's word, read off the tags: a subject set off between commas ("officials", "the housing minister", "he"). */
function subjectWord(t: Token): boolean {
  return (/^(?:DET|ADJ|NOUN|PROPN|NUM|PRON)$/.test(t.upos ?? '') && !/^W/.test(t.xpos ?? '')) || /^['’]s?$/.test(t.text);
}

/**
 * quotes.parenthetical-cue: "CLAUSE-START, SUBJECT CUE [TIME], CLAUSE-END." / "…, CUE SUBJECT, …": a finite cue that takes a
 * clause, set off with its subject by two commas inside a sentence, with words on both sides and no quotation in the sentence,
 * reports the sentence around it (read off the punctuation and tags: the parse hangs such a cue on either half).
 */
function parentheticalContent(ctx: QuoteContext, cueIdx: number, cue: Cue): ReportedSpan | null {
  if (!parentheticalCue.enabled || !cue.frames.has('clause')) return null;
  const toks = ctx.doc.tokens;
  if (!/^VB[DZP]$/.test(toks[cueIdx].xpos ?? '')) return null;
  const sent = ctx.doc.sentences[toks[cueIdx].sentence];
  const end = sent.tokenEnd;
  // the clause holding the aside opens after the last semicolon or colon before the cue ("…; around 50 litres, officials said, …")
  let start = sent.tokenStart;
  for (let k = cueIdx - 1; k > sent.tokenStart; k--) if (/^[;:]$/.test(toks[k].text) && !ctx.inside(k)) { start = k + 1; break; }
  // the comma before: only the subject between it and the cue (or nothing, for an inverted subject after the cue)
  let open = cueIdx - 1;
  while (open > start && open > cueIdx - 7 && toks[open].text !== ',' && subjectWord(toks[open])) open--;
  if (open <= start || toks[open].text !== ',') return null;
  const before = cueIdx - open - 1;
  // the comma after: an inverted subject, or a few words of time or place (no verb, no "that", no quotation)
  let close = cueIdx + 1;
  while (close < end && close - cueIdx <= 6 && toks[close].text !== ',') {
    const t = toks[close];
    if (/^(?:VERB|AUX)$/.test(t.upos ?? '') || lw(t) === 'that' || /^[;:.!?"“”‘’—–()]$/.test(t.text)) return null;
    close++;
  }
  if (close >= end || toks[close].text !== ',') return null;
  // an inverted subject stands right after the cue when none stands before it
  if (before === 0 && !(close > cueIdx + 1 && toks.slice(cueIdx + 1, close).every(subjectWord))) return null;
  // words on both sides, the clause going on after the aside with a finite verb ("…, reported officials, with 25 others
  // injured" and "…, argued the government's lawyer, Richard Keen." close a trailing attribution), not a new clause after
  // ", and" (quotes.coordinated-tail's)
  let last = end - 1;
  while (last > close && /^[.!?]$/.test(toks[last].text)) last--;
  if (last <= close || toks[close + 1].upos === 'CCONJ') return null;
  for (let k = start; k < end; k++) if (ctx.inside(k) || /^["“”]$/.test(toks[k].text)) return null;
  // (a subject alone before the aside, "These orcas, she suggested, specialize …", needs only a verb after it, however tagged)
  const verbAfter = toks.slice(close + 1, last + 1).some((t) => /^(?:VERB|AUX)$/.test(t.upos ?? '') && t.xpos !== 'VBG');
  const subjectOnly = !finiteAfter(ctx, start, open) && open - start <= 10 && !toks.slice(start, open).some((t) => t.text === ',');
  if (!finiteAfter(ctx, close + 1, last + 1) && !(verbAfter && subjectOnly)) return null;
  const span = trim(ctx, { from: start, to: last }, end);
  if (!span) return null;
  parentheticalCue.fired(toks[cueIdx].start, toks[cueIdx].end);
  return { ...span, aside: true };
}

function parsedContent(ctx: QuoteContext, cueIdx: number, cue: Cue, source: { from: number; to: number } | null): ReportedSpan | null {
  const toks = ctx.doc.tokens;
  const sent = ctx.doc.sentences[toks[cueIdx].sentence];
  if (toks[cueIdx].deprel === undefined) return thatClause(ctx, cueIdx, cue, sent.tokenEnd);
  const passive = passiveSaid(ctx, cueIdx, cue);
  if (passive) return passive;
  const f = cue.frames;
  const kids = ctx.children[cueIdx];
  const picked: number[] = [];
  let objects = 0;
  let complement = false;
  /** a complement after the object, by the cue's frame (as, of, for, on, to, name) */
  let extra = false;
  const withComplement = objectComplement.enabled;
  /** a verb opened by infinitival "to" ("to help the families") */
  const infinitiveOf = (c: number) => toks[c].upos === 'VERB' && ctx.children[c].some((y) => y < c && lw(toks[y]) === 'to' && toks[y].upos === 'PART');
  const ccompBefore = kids.find((c) => c < cueIdx && deprel(toks[c]) === 'ccomp');
  let timeSkipped = false;
  /** the time was an adjunct ("in mid-2019"), not an object: the clause after it may be parsed as a conjunct */
  let timeAdjunct = false;
  for (const c of kids) {
    if (c < cueIdx) continue;
    // an inverted subject the parse took for an object (", reported officials") is the source
    if (source && c >= source.from && c <= source.to) continue;
    const d = deprel(toks[c]);
    // "…, Maróth said, and paying back the loan seems realistic": a clause after ", and" is a new one, no complement
    if (d === 'ccomp' && coordinatedTail.enabled && afterCommaConjunction(ctx, c, cueIdx)) continue;
    if (d === 'ccomp' && (f.has('clause') || f.has('belief'))) { picked.push(c); complement = true; }
    else if (/^(?:obj|iobj)$/.test(d)) {
      // a date or time is when the cue spoke: "Malaysian officials stated Wednesday, some of the debris … will be"
      if (timeObject.enabled && timeOnlyObject(ctx, c, cueIdx)) { timeSkipped = true; continue; }
      // an addressee is never content: "told reporters that …", "warned the Saudis that …"
      if (f.has('addressee') && objects === 0) { objects++; continue; }
      objects++;
      picked.push(c);
    } else if (d === 'xcomp' && withComplement && (f.has('name') || (f.has('to') && ctx.children[c].some((x) => lw(toks[x]) === 'to')))) { picked.push(c); complement = true; extra = true; }
    // a gerund is the content of a cue that takes an object or "to": "announced leaving the venture", "confessed to killing her"
    // "urged its members | to return": the infinitive of a "to" frame hung on the cue as an adverbial clause, after the object
    else if (d === 'advcl' && withComplement && f.has('to') && objects > 0 && objectInfinitive.enabled && infinitiveOf(c)) {
      if (f.has('addressee') && !picked.some((x) => /^(?:obj|iobj)$/.test(deprel(toks[x])))) { const o = kids.find((x) => x > cueIdx && x < c && /^(?:obj|iobj)$/.test(deprel(toks[x]))); if (o !== undefined) picked.push(o); }
      picked.push(c); complement = true; extra = true; objectInfinitive.fired(toks[c].start, toks[c].end);
    }
    else if (gerundComplement.enabled && toks[c].xpos === 'VBG' && ((d === 'xcomp' && f.has('object')) || (d === 'advcl' && f.has('to') && ctx.children[c].some((x) => x < c && lw(toks[x]) === 'to' && deprel(toks[x]) === 'mark')))) {
      picked.push(c); complement = true; gerundComplement.fired(toks[c].start, toks[c].end);
    }
    // "reported in mid-2019, 62 outlets had closed": a time adjunct is when it spoke, like a time object (below)
    else if (d === 'obl' && timeAdjunctClause.enabled && !picked.length && timeOnlyAdjunct(ctx, c, cueIdx)) { timeSkipped = true; timeAdjunct = true; }
    else if (/^(?:obl|advcl|nmod)$/.test(d)) {
      const mark = ctx.children[c].map((x) => lw(toks[x])).find((w) => COMPLEMENT_CASES[w] !== undefined);
      const frame = mark ? COMPLEMENT_CASES[mark] : undefined;
      if (frame && f.has(frame) && withComplement) { picked.push(c); complement = true; extra = true; }
      else if (d === 'advcl' && f.has('clause') && ctx.children[c].some((x) => lw(toks[x]) === 'that')) { picked.push(c); complement = true; }
    }
  }
  // … and the clause after the date, set off by a comma, is what it said, however the parse hung it ("stated Wednesday, | some
  // of the debris … will be brought back": a clause with a subject of its own, parsed as parataxis)
  if (timeSkipped && !picked.length && f.has('clause')) {
    // (after a time adjunct the parse may make the clause a conjunct of the cue; one with no conjunction of its own is still
    // what was said: "reported on Monday, | 62 outlets had closed", "ruled on September 11 | the prorogation was unlawful")
    const conjunct = (c: number) => timeAdjunct && deprel(toks[c]) === 'conj' && !ctx.children[c].some((x) => x < c && /^(?:cc|mark)$/.test(deprel(toks[x])));
    const clause = kids.find((c) => c > cueIdx && (/^(?:parataxis|ccomp|advcl)$/.test(deprel(toks[c])) || conjunct(c)) && ctx.children[c].some((x) => /^nsubj/.test(deprel(toks[x]))) && !ctx.children[c].some((x) => deprel(toks[x]) === 'mark'));
    if (clause !== undefined && !ctx.inside(clause)) { picked.push(clause); complement = true; (timeAdjunct ? timeAdjunctClause : timeObject).fired(toks[clause].start, toks[clause].end); }
  }
  // "accused the government of hiding …" parsed with the complement on the object
  if (!complement && withComplement) {
    // (an addressee is no content alone, but with a "to" frame it is the "X" of "warned X to Y")
    const objs = f.has('to') && f.has('addressee') ? kids.filter((c) => c > cueIdx && /^(?:obj|iobj)$/.test(deprel(toks[c]))).slice(0, 1) : [];
    for (const c of [...new Set([...picked, ...objs])]) {
      if (!/^(?:obj|iobj)$/.test(deprel(toks[c]))) continue;
      for (const x of ctx.children[c]) {
        if (x < c || !/^(?:nmod|acl|advcl)$/.test(deprel(toks[x]))) continue;
        const mark = ctx.children[x].map((y) => lw(toks[y])).find((w) => COMPLEMENT_CASES[w] !== undefined);
        if (mark && f.has(COMPLEMENT_CASES[mark])) { complement = true; extra = true; }
        // "asked the council | to help …": the infinitive of a "to" frame hung on the object
        else if (f.has('to') && objectInfinitive.enabled && deprel(toks[x]) !== 'nmod' && infinitiveOf(x)) {
          if (!picked.includes(c)) picked.push(c);
          complement = true; extra = true; objectInfinitive.fired(toks[x].start, toks[x].end);
        }
      }
    }
  }
  // "called the move a "smash and grab"", "called the demand "unprecedented"": a quotation right after
  // the object is the name the cue gives it, however the parse hung it
  let nameTo = -1;
  if (!complement && f.has('name') && quotedName.enabled) {
    const obj = picked.find((c) => deprel(toks[c]) === 'obj');
    if (obj !== undefined && !ctx.inside(obj)) {
      const r = subtree(ctx, obj, cueIdx);
      let k = r.to + 1;
      while (k < r.to + 3 && k < sent.tokenEnd && /^(?:a|an|the)$/.test(lw(toks[k]))) k++;
      if (k < sent.tokenEnd && /^[“"]$/.test(toks[k].text) && ctx.inside(k + 1)) {
        let e = k + 1;
        while (e + 1 < sent.tokenEnd && ctx.inside(e + 1)) e++;
        if (e + 1 < sent.tokenEnd && /^[”"]$/.test(toks[e + 1].text)) e++;
        nameTo = e;
      } else if (toks.slice(r.from, r.to + 1).some((t) => ctx.inside(t.i)) && toks.slice(obj + 1, r.to + 1).some((t) => ctx.inside(t.i))) nameTo = r.to;
      if (nameTo >= 0) { complement = true; extra = true; quotedName.fired(toks[obj].start, toks[nameTo].end); }
    }
  }
  // a bare object counts only for verbs that take one: "denied the claim", not "added two members"
  const hasObject = picked.some((c) => /^(?:obj|iobj)$/.test(deprel(toks[c])));
  if (hasObject && !complement && !f.has('object')) {
    if (ccompBefore !== undefined) return trailing(ctx, ccompBefore, cueIdx, sent.tokenEnd);
    // "The SDF said hundreds of fighters escaped …" parsed with "hundreds" as the object: a finite
    // verb after it says the object is the subject of the reported clause
    const obj = picked.find((c) => /^(?:obj|iobj)$/.test(deprel(toks[c])))!;
    if (f.has('clause') && !f.has('addressee') && toks.slice(obj + 1, sent.tokenEnd).some((t) => /^(?:VBD|VBZ|VBP|MD)$/.test(t.xpos ?? '') && !ctx.inside(t.i))) {
      return trim(ctx, { from: cueIdx + 1, to: sent.tokenEnd - 1 }, sent.tokenEnd);
    }
    return thatClause(ctx, cueIdx, cue, sent.tokenEnd);
  }
  if (!picked.length) {
    const gap = relativeGapContent(ctx, cueIdx, cue, sent.tokenEnd);
    if (gap) return gap;
    // "…, police said": the clause before the cue
    if (ccompBefore !== undefined) return trailing(ctx, ccompBefore, cueIdx, sent.tokenEnd);
    const h = toks[cueIdx].head ?? -1;
    // (a participle is no trailing attribution: "…, with officials reporting at the time …")
    if (f.has('clause') && deprel(toks[cueIdx]) === 'parataxis' && toks[cueIdx].xpos !== 'VBG' && h >= 0 && /^(?:VERB|AUX|ADJ|NOUN)$/.test(toks[h].upos ?? '')) {
      if (h < cueIdx) return trailing(ctx, h, cueIdx, sent.tokenEnd);
      // "Turkey's Foreign Ministry said 12 citizens had been returned", parsed with the cue hanging on the reported verb
      if (ctx.children[cueIdx].some((c) => c < cueIdx && /^nsubj/.test(deprel(toks[c])))) return trim(ctx, { from: cueIdx + 1, to: sent.tokenEnd - 1 }, sent.tokenEnd);
    }
    return surfaceTrailing(ctx, cueIdx, cue, sent.tokenStart, sent.tokenEnd) ?? thatClause(ctx, cueIdx, cue, sent.tokenEnd);
  }
  let from = Infinity;
  let to = -1;
  for (const c of picked) {
    const r = subtree(ctx, c, cueIdx);
    from = Math.min(from, r.from);
    to = Math.max(to, r.to);
  }
  if (from <= cueIdx) from = cueIdx + 1;
  if (nameTo > to) to = nameTo;
  // "…, insisting she was never pressured": a participial cue after a comma reports a claim of its own
  if (participleCue.enabled) {
    for (let j = from + 2; j <= to; j++) {
      if (toks[j - 1].text === ',' && toks[j].xpos === 'VBG' && cueOf(toks[j]) && !ctx.inside(j)) { to = j - 2; participleCue.fired(toks[j].start, toks[j].end); break; }
    }
  }
  const trimmed = trim(ctx, { from, to }, sent.tokenEnd);
  const span = trimmed && extra ? { ...trimmed, complement: true } : trimmed;
  // a "clause" without a verb is a fragment of a broken parse ("that one of its units"): read the words instead
  if (span && picked.every((c) => deprel(toks[c]) === 'ccomp') && !toks.slice(span.from, span.to + 1).some((t) => t.upos === 'VERB' || t.upos === 'AUX')) {
    return thatClause(ctx, cueIdx, cue, sent.tokenEnd) ?? span;
  }
  return span;
}

/** Nouns for a claim one makes and another denies (lexicon/en/claim-nouns.tsv). */
const CLAIM_NOUNS = set('claim-nouns');

/**
 * quotes.relative-gap-object: "…, a charge (that) the bank denied": a cue that takes an object heads a relative clause
 * on a noun, with a subject of its own and no object, clause or complement after it — the noun is its object, and the
 * noun phrase is what it attributes (before, the clause before the noun was read as a trailing attribution's content).
 */
function relativeGapContent(ctx: QuoteContext, cueIdx: number, cue: Cue, sentEnd: number): ReportedSpan | null {
  if (!relativeGapObject.enabled || !cue.frames.has('object')) return null;
  const toks = ctx.doc.tokens;
  if (!/^acl(?::relcl)?$/.test(deprel(toks[cueIdx]))) return null;
  const head = toks[cueIdx].head ?? -1;
  if (head < 0 || head >= cueIdx || toks[head].upos !== 'NOUN' || ctx.inside(head) || !CLAIM_NOUNS.has(lw(toks[head]))) return null;
  const kids = ctx.children[cueIdx];
  // the subject is the relative clause's own, not a relative pronoun ("a firm which denied …" has no gap)
  // (an active subject: a participle on a noun with none is a reduced relative, "the figure reported by the ministry")
  const subj = kids.find((c) => c < cueIdx && deprel(toks[c]) === 'nsubj');
  if (subj === undefined || /^W/.test(toks[subj].xpos ?? '')) return null;
  if (kids.some((c) => (c > cueIdx && /^(?:obj|iobj|ccomp|xcomp)$/.test(deprel(toks[c]))) || deprel(toks[c]) === 'aux:pass')) return null;
  let from = head;
  for (const c of ctx.children[head]) if (c < head) from = Math.min(from, subtree(ctx, c, cueIdx).from);
  const span = trim(ctx, { from, to: head }, sentEnd);
  if (span) relativeGapObject.fired(toks[span.from].start, toks[cueIdx].end);
  return span;
}

/** The clause headed by c opens, right after the cue (and its adjuncts), on a comma and a coordinating conjunction: ", and …". */
function afterCommaConjunction(ctx: QuoteContext, c: number, cueIdx: number): boolean {
  const toks = ctx.doc.tokens;
  let from = subtree(ctx, c, cueIdx).from;
  // (the comma may hang on the clause: skip it)
  while (from < c && toks[from].text === ',') from++;
  if (from <= cueIdx + 1 || toks[from].upos !== 'CCONJ' || toks[from - 1]?.text !== ',') return false;
  // a finite cue with only its own adjuncts between: no verb, no other comma (a list: "150 security forces, 95 civilians, and …")
  if (!/^VB[DZP]$/.test(toks[cueIdx].xpos ?? '') || from - cueIdx > 9) return false;
  for (let j = cueIdx + 1; j < from - 1; j++) if (toks[j].upos === 'VERB' || toks[j].text === ',' || ctx.inside(j)) return false;
  return true;
}

/** A finite verb (outside quotation marks) from i to the sentence's end: a clause of its own. */
function finiteAfter(ctx: QuoteContext, i: number, sentEnd: number): boolean {
  const toks = ctx.doc.tokens;
  for (let k = i; k < sentEnd; k++) if (/^(?:VBD|VBZ|VBP|MD)$/.test(toks[k].xpos ?? '') && !ctx.inside(k)) return true;
  return false;
}

/**
 * The clause a finite trailing cue goes on with after ", and": "…, Maróth said, and paying back the loan seems realistic" — from
 * after the conjunction to the sentence's end, when only the cue's subject, time or place stand between the cue and the comma and
 * the clause holds a finite verb of its own. Null otherwise.
 */
function coordinatedClause(ctx: QuoteContext, cueIdx: number): { from: number; to: number } | null {
  const toks = ctx.doc.tokens;
  if (!/^VB[DZP]$/.test(toks[cueIdx].xpos ?? '')) return null;
  const sentEnd = ctx.doc.sentences[toks[cueIdx].sentence].tokenEnd;
  for (let k = cueIdx + 1; k < sentEnd && k - cueIdx <= 8; k++) {
    const t = toks[k];
    if (t.text === ',' && toks[k + 1]?.upos === 'CCONJ' && /^(?:and|but)$/.test(lw(toks[k + 1]))) {
      // (up to a semicolon: what follows it is set beside the clause, not part of it)
      let end = k + 2;
      while (end + 1 < sentEnd && toks[end + 1].text !== ';') end++;
      if (!finiteAfter(ctx, k + 2, end + 1)) return null;
      // a clause with a subject of its own: not the cue's second predicate ("…, police said, but gave no details")
      if (/^(?:VERB|AUX|ADV|PART)$/.test(toks[k + 2]?.upos ?? '') && toks[k + 2].xpos !== 'VBG') return null;
      const span = trim(ctx, { from: k + 2, to: end }, sentEnd);
      return span && !toks.slice(span.from, span.to + 1).some((x) => ctx.inside(x.i)) ? span : null;
    }
    if (t.upos === 'VERB' || t.upos === 'AUX' || /^[;:.!?,]$/.test(t.text) || ctx.inside(k) || lw(t) === 'that') return null;
  }
  return null;
}

/** The clause before a trailing attribution, without the attribution itself. */
function trailing(ctx: QuoteContext, clause: number, cueIdx: number, sentEnd: number): ReportedSpan | null {
  if (!trailingAttribution.enabled) return null;
  const r = subtree(ctx, clause, cueIdx);
  const to = Math.min(r.to, cueIdx - 1);
  // the subject of the cue and anything after the last comma before it stay out
  let end = to;
  for (let j = to; j > r.from; j--) if (ctx.doc.tokens[j].text === ',' && !ctx.inside(j)) { end = j - 1; break; }
  const span = trim(ctx, { from: r.from, to: end }, sentEnd);
  return span && { ...span, trailing: true };
}

/**
 * "CLAUSE, [a subject] CUE [when]." / "CLAUSE, CUE [a subject]." read off the words, when the parse
 * gives the cue no clause: the attribution closes the sentence after its last comma (a participial
 * tail may follow: "…, local activists said, blaming the RSF").
 */
function surfaceTrailing(ctx: QuoteContext, cueIdx: number, cue: Cue, sentStart: number, sentEnd: number): ReportedSpan | null {
  if (!cue.frames.has('clause') || !trailingAttribution.enabled) return null;
  const toks = ctx.doc.tokens;
  let comma = -1;
  for (let k = cueIdx - 1; k > Math.max(sentStart, cueIdx - 10); k--) {
    if (toks[k].text === ',') { comma = k; break; }
    if (toks[k].upos === 'VERB' || /^[;:“”"]$/.test(toks[k].text) || ctx.inside(k)) return null;
  }
  if (comma < sentStart + 3) return null;
  // after the cue: a subject, a time or a place, up to the end or a participial tail
  for (let k = cueIdx + 1; k < sentEnd; k++) {
    const t = toks[k];
    if (/^[.!?]$/.test(t.text)) break;
    if (t.text === ',' && /^VB[GN]$/.test(toks[k + 1]?.xpos ?? '')) break;
    // (or a clause of its own after ", and": "…, Maróth said, and the loan will be repaid by 2025")
    if (t.text === ',' && toks[k + 1]?.upos === 'CCONJ' && coordinatedTail.enabled && /^VB[DZP]$/.test(toks[cueIdx].xpos ?? '') && finiteAfter(ctx, k + 2, sentEnd)) {
      // (the words before the attribution must be a clause: "Following that reasoning, the court ruled on …, and …" has none)
      if (!finiteAfter(ctx, sentStart, comma)) return null;
      break;
    }
    if (t.upos === 'VERB' || t.upos === 'AUX' || lw(t) === 'that' || ctx.inside(k)) return null;
  }
  const span = trim(ctx, { from: sentStart, to: comma - 1 }, sentEnd);
  return span && { ...span, trailing: true };
}

/** Without a parse (or when it gives nothing): "said (on Sunday) that …" up to the sentence end. */
function thatClause(ctx: QuoteContext, cueIdx: number, cue: Cue, sentEnd: number): ReportedSpan | null {
  if (!cue.frames.has('clause') && !cue.frames.has('belief')) return null;
  const toks = ctx.doc.tokens;
  let k = cueIdx + 1;
  while (k < Math.min(sentEnd, cueIdx + 5) && lw(toks[k]) !== 'that') k++;
  // "told Anadolu Agency, a local news outlet, that …": an addressee with an apposition set off by commas before "that"
  if (lw(toks[k]) !== 'that' && thatAfterApposition.enabled && cue.frames.has('addressee')) {
    let j = cueIdx + 1;
    while (j < Math.min(sentEnd, cueIdx + 16) && lw(toks[j]) !== 'that' && !/^(?:VERB|AUX)$/.test(toks[j].upos ?? '') && !ctx.inside(j) && !/^[;:.!?"“”]$/.test(toks[j].text)) j++;
    if (j < sentEnd && lw(toks[j]) === 'that' && toks[j - 1].text === ',' && toks.slice(cueIdx + 1, j - 1).some((t) => t.text === ',')) { k = j; thatAfterApposition.fired(toks[cueIdx].start, toks[j].end); }
  }
  if (k >= sentEnd || lw(toks[k]) !== 'that' || k + 1 >= sentEnd) return null;
  return trim(ctx, { from: k + 1, to: sentEnd - 1 }, sentEnd);
}

/**
 * "told reporters the police had done nothing", "told AFP the talks had collapsed": after a cue that
 * speaks to someone, a clause without "that" follows the addressee. Where the parse's content takes the
 * addressee in ("reporters the police had …") or loses the clause's subject ("had collapsed"), the words
 * give it: the addressee is the noun phrase right after the cue (a time may follow it), the clause the
 * rest of the sentence, when a finite verb stands in it (quotes.bare-clause).
 */
function addresseeClause(ctx: QuoteContext, cueIdx: number, cue: Cue, sentEnd: number, parsed: { from: number; to: number }): ReportedSpan | null {
  if (!bareClause.enabled || !cue.frames.has('addressee') || !cue.frames.has('clause')) return null;
  const toks = ctx.doc.tokens;
  const nominal = (t: Token): boolean => /^(?:DET|ADJ|NOUN|PROPN|NUM)$/.test(t.upos ?? '') || (t.upos === 'PRON' && t.xpos === 'PRP$') || /^['’]s?$/.test(t.text);
  let k = cueIdx + 1;
  const addressee = k;
  // the addressee's phrase ends at its first noun that a new phrase follows ("reporters | the police", "AFP | the talks")
  // (read off the words, not the tags: the tagger that hung the clause wrongly may call "reporters" a verb, "AFP" a preposition)
  const opens = (t: Token): boolean => PHRASE_OPENERS.has(lw(t));
  let sawWord = false;
  while (k < sentEnd && !ctx.inside(k) && k - addressee < 6 && /^[\p{L}][\p{L}.'’-]*$/u.test(toks[k].text) && lw(toks[k]) !== 'that') {
    if (sawWord && opens(toks[k])) break;
    if (!opens(toks[k])) sawWord = true;
    k++;
  }
  if (!sawWord || k >= sentEnd || !opens(toks[k])) return null;
  if (ctx.inside(k)) return null;
  // only where the parse went wrong: the addressee inside the content, or a content opening on its verb
  const first = toks[parsed.from];
  const wrong = parsed.from <= addressee || (/^(?:VERB|AUX)$/.test(first.upos ?? '') && parsed.from > k);
  if (!wrong) return null;
  // the clause: a subject phrase, then a finite verb
  let v = k;
  while (v < sentEnd && nominal(toks[v]) && v - k < 8) v++;
  if (v === k || v >= sentEnd || !/^(?:VBD|VBZ|VBP|MD)$/.test(toks[v].xpos ?? '')) return null;
  bareClause.fired(toks[cueIdx].start, toks[v].end);
  return trim(ctx, { from: k, to: sentEnd - 1 }, sentEnd);
}

/**
 * quotes.passive-content (eighth round, kept off main then; taken up in the twelfth): "Her death was
 * announced by the Brady Campaign", "The attack was claimed by the Houthi movement", "were reported by
 * local media to have visited …": a passive cue with a by-agent reports what it is said of — its
 * infinitive complement when it takes one, else its subject (for cues that take an object) — and the
 * agent is the source (quotes/source.ts). A pronoun subject says nothing by itself.
 */
function passiveAgentOf(ctx: QuoteContext, cueIdx: number): number {
  const toks = ctx.doc.tokens;
  return ctx.children[cueIdx].find((c) => c > cueIdx && (deprel(toks[c]) === 'obl:agent' || (deprel(toks[c]) === 'obl' && ctx.children[c].some((x) => lw(toks[x]) === 'by')))) ?? -1;
}

function passiveSaid(ctx: QuoteContext, cueIdx: number, cue: Cue): ReportedSpan | null {
  if (!passiveContent.enabled) return null;
  const toks = ctx.doc.tokens;
  const kids = ctx.children[cueIdx];
  const subj = kids.find((c) => c < cueIdx && deprel(toks[c]) === 'nsubj:pass');
  if (subj === undefined || !kids.some((c) => deprel(toks[c]) === 'aux:pass') || kids.some((c) => deprel(toks[c]) === 'ccomp')) return null;
  const agent = passiveAgentOf(ctx, cueIdx);
  if (agent < 0) return null;
  const sentEnd = ctx.doc.sentences[toks[cueIdx].sentence].tokenEnd;
  // (the parse may hang the infinitive on the agent: "by local media | to have visited")
  const toInfinitive = (c: number) => ctx.children[c].some((x) => x < c && lw(toks[x]) === 'to' && toks[x].upos === 'PART');
  const infinitive = kids.find((c) => c > agent && deprel(toks[c]) === 'xcomp' && toInfinitive(c))
    ?? ctx.children[agent].find((c) => c > agent && deprel(toks[c]) === 'acl' && toInfinitive(c));
  let span: ReportedSpan | null = null;
  if (infinitive !== undefined && cue.frames.has('clause')) span = trim(ctx, subtree(ctx, infinitive, cueIdx), sentEnd);
  else if ((cue.frames.has('object') || cue.frames.has('as')) && toks[subj].upos !== 'PRON') span = trim(ctx, subtree(ctx, subj, cueIdx), sentEnd);
  if (span) passiveContent.fired(toks[span.from].start, toks[cueIdx].end);
  return span;
}
