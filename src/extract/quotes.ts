/**
 * Quotes, reported speech and who said so.
 *
 * Direct quotes: text between paired quote marks (curly or straight), partial quotes inside
 * narration, and quotes running over several paragraphs (an unclosed quote continued by a
 * paragraph that opens with a quote mark). A quoted nickname inside a name (Alexander “Sasha”
 * Trufanov) is not a quote, nor is a quoted title or term with no cue.
 *
 * Reported speech: every attribution cue the lexicon knows (lexicon/en/speech-verbs.tsv, its `frames`:
 * say, tell, accuse, criticise, argue, claim, deny, warn, insist, acknowledge, describe … as,
 * call for …, believe, fear …) with the content the parse gives it (a clause, an object and its
 * complement, or the clause before a trailing "…, police said"), and "according to X".
 * `kind`: `direct` (all in quote marks), `mixed` (a paraphrase holding quoted words), `indirect`,
 * `belief` (believe, think, fear, expect …).
 *
 * Speakers come from the structure of the attribution (quotes/source.ts): the subject of the cue,
 * inverted or not, across an apposition or a relative clause, the agent of a passive, the
 * controller of a participle; never an addressee. A quote with no cue continues the previous
 * speaker; a multi-paragraph quote keeps its speaker. Coreference's mentions are read, never
 * edited: links coreference lacks (a pronoun, a role description) are recorded on the quote.
 */
import { tokenCopy, type Doc, type Quote, type Token } from '../doc.js';
import type { Stage } from '../pipeline.js';
import { cueOf, mistaggedCue, phrasalCue, type Cue } from './quotes/cues.js';
import { reportedContent } from './quotes/reported.js';
import * as rule from './quotes/rules.js';
import { setQuoteConfidences } from './coref/confidence.js';
import { parseView } from './quotes/parse-view.js';
import { markFilled, rankSpeakers } from './quotes/speaker-ranker.js';
import { passiveWithoutAgent, quotedTerm } from './quotes/terms.js';
import { clauseSubjectForPronoun, knownGenders, lw, sourceOfCue, speakerOf, type QuoteContext, type SourcePhrase, type Speaker } from './quotes/source.js';
import { countWhile } from '../sorted.js';
import { roleOf, set } from '../lexicon/index.js';
import { STATEMENT_NOUNS } from './gazetteer-lists.js';
import { ANSWERS_NOTE, readTranscript, type AnswerQuote, type AnswerTurn, type Transcript } from './transcript.js';

/** Determiners that end an "according to X" source phrase written without a comma; lexicon/en/function-words.tsv. */
const ACCORDING_DETERMINERS = set('function-words', { uses: 'quotes-according-det' });
/** Prepositions that end a speaker's name phrase before its modifier ("officials | in Kabul"). */
const PHRASE_PREPOSITIONS = set('function-words', { uses: 'quotes-phrase-prep' });
/** Personal pronouns that can be a source (lexicon/en/function-words.tsv): he, she, they, we, I … */
const ISSUING_VERBS = set('issuing-verbs');
const SPEAKING_PRONOUNS = set('function-words', { uses: 'quotes-pronoun' });
/** Every pronoun (lexicon/en/function-words.tsv): a speaker left as a pronoun's words ("you") names nobody to carry on. */
const ANY_PRONOUN = set('function-words', { uses: 'store-pronoun' });
/** Relative pronouns (lexicon/en/function-words.tsv): ", which according to X had …" opens a relative clause. */
const RELATIVE_WORDS = set('function-words', { uses: 'quotes-relative' });

const OPEN = new Set(['“', '„', '«']);
const CLOSE = new Set(['”', '»']);

interface RawQuote {
  /** offsets of the content, without the quote marks */
  start: number;
  end: number;
  /** offsets including the marks */
  outerStart: number;
  outerEnd: number;
  /** index shared by the segments of one multi-paragraph quote */
  group: number;
  /** the dash line under a block quotation ("– European Court of Justice") that names its speaker: token range of the name */
  byline?: { dash: number; from: number; to: number };
  /** an interview answer (quotes.labelled-answers): its label's speaker, no quote marks */
  answer?: AnswerTurn;
}

/**
 * How a straight quote mark works where it stands: an opener follows a space or bracket and
 * precedes a word; a closer follows a word and precedes a space or punctuation.
 */
function straightRole(text: string, i: number): 'open' | 'close' | 'either' {
  const prev = i > 0 ? text[i - 1] : ' ';
  const next = i + 1 < text.length ? text[i + 1] : ' ';
  const prevSpace = /[\s([{\u2014\u2013-]/.test(prev);
  const nextSpace = /[\s.,;:!?)\]}\u2014\u2013]/.test(next);
  if (prevSpace && !nextSpace) return 'open';
  if (!prevSpace && nextSpace) return 'close';
  return 'either';
}

/** Find quote spans paragraph by paragraph. */
export function findQuoteSpans(text: string): RawQuote[] {
  const out: RawQuote[] = [];
  const paragraphs: [number, number][] = [];
  const re = /\n\s*\n/g;
  let p = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    paragraphs.push([p, m.index]);
    p = m.index + m[0].length;
  }
  paragraphs.push([p, text.length]);
  const startsWithQuote = (k: number) => {
    if (k >= paragraphs.length) return false;
    const [a, b] = paragraphs[k];
    const first = text.slice(a, b).search(/\S/);
    return first >= 0 && (OPEN.has(text[a + first]) || text[a + first] === '"');
  };
  let group = 0;
  let carry = false; // previous paragraph ended inside an open quote
  for (let k = 0; k < paragraphs.length; k++) {
    const [a, b] = paragraphs[k];
    let open = -1;
    // a paragraph that opens with a quote mark after an unclosed quote continues it
    if (carry && !startsWithQuote(k)) carry = false;
    if (!carry) group++;
    carry = false;
    for (let i = a; i < b; i++) {
      // the code unit first: nearly no character is a quote mark (", «, », “, ”, „)
      const c = text.charCodeAt(i);
      if (c !== 34 && c !== 0xab && c !== 0xbb && (c < 0x201c || c > 0x201e)) continue;
      const ch = text[i];
      let role: 'open' | 'close' | 'either' | null = null;
      if (OPEN.has(ch)) role = 'open';
      else if (CLOSE.has(ch)) role = 'close';
      else if (ch === '"') role = straightRole(text, i);
      if (!role) continue;
      if (role === 'either') role = open >= 0 ? 'close' : 'open';
      if (role === 'open') {
        // a second opener before any closer: the first mark was stray
        open = i;
      } else if (open >= 0) {
        out.push({ start: open + 1, end: i, outerStart: open, outerEnd: i + 1, group });
        group++;
        open = -1;
      }
    }
    // an unclosed quote runs to the paragraph end only when the next paragraph continues it
    // (news style: each paragraph of a long quote opens with a mark, only the last closes)
    if (open >= 0 && b - open > 1 && startsWithQuote(k + 1)) {
      out.push({ start: open + 1, end: b, outerStart: open, outerEnd: b, group });
      carry = true;
    }
  }
  return out;
}

/**
 * Block quotations signed by a dash line (Wikinews' quote boxes): a paragraph that is only a dash and a name, with
 * at most a short tail after a comma ("– European Court of Justice", "—Sabrina Bennoui, of RSF", "– United States
 * District Judge Victor Marrero, "Decision and Order""), names the speaker of the block right above it — the quotation
 * filling the paragraph before it, or, where that block has no quote marks, the paragraphs after the last one that a
 * colon closes, up to four ("Marrero rejected this argument: ¶ … ¶ … ¶ – Victor Marrero"). Unmarked blocks are added
 * as quotations (each paragraph one segment of one quote); marked ones get the byline. One pass over the paragraphs.
 */
function bylineBlocks(doc: Doc, raws: RawQuote[], owners: (string | undefined)[], ownerKind: QuoteContext['ownerKind']): RawQuote[] {
  const sents = doc.sentences;
  const paras: [number, number][] = [];
  sents.forEach((x, i) => {
    const r = paras[x.paragraph];
    if (r) r[1] = i;
    else paras[x.paragraph] = [i, i];
  });
  const textOf = (k: number): { start: number; end: number } | null => (paras[k] ? { start: sents[paras[k][0]].start, end: sents[paras[k][1]].end } : null);
  const added: RawQuote[] = [];
  let r = 0;
  for (let k = 1; k < paras.length; k++) {
    const span = textOf(k);
    if (!span) continue;
    const line = doc.text.slice(span.start, span.end);
    const m = /^([–—-])\s*(?=\p{Lu})/u.exec(line);
    if (!m || line.length > 160 || /\n/.test(line)) continue;
    // the name: capitalised words (and function words between them) up to a comma or the end, its last word a person's or body's name
    const nameEnd = span.start + (line.indexOf(',') >= 0 ? line.indexOf(',') : line.length);
    const dash = doc.tokenAt(span.start);
    let from = -1;
    let to = -1;
    let ok = true;
    for (let i = dash; i < doc.tokens.length && doc.tokens[i].end <= nameEnd; i++) {
      const t = doc.tokens[i];
      if (t.start < span.start + m[0].length) continue;
      if (from < 0) from = i;
      to = i;
      if (!/^\p{Lu}/u.test(t.text) && !/^(?:ADP|DET|CCONJ|PART)$/.test(t.upos ?? '') && !/^[.'’&-]$/.test(t.text)) ok = false;
    }
    if (!ok || from < 0 || !/^\p{Lu}/u.test(doc.tokens[to].text) || !owners[to] || ownerKind[to] !== 'name') continue;
    // (a line with no sentence around it is read poorly by the name finder: "District Judge Victor Marrero" typed GPE)
    const type = doc.entityById(owners[to]!)?.type;
    if (type !== 'PERSON' && type !== 'ORG' && type !== 'GPE') continue;
    const byline = { dash, from, to };
    const prev = textOf(k - 1)!;
    while (r < raws.length && raws[r].outerEnd <= prev.start) r++;
    // a quotation filling the paragraph above (the first of its paragraphs, if it runs over several): the byline signs it
    // (a quotation inside narration is not the block: a pull quote whose box was lost leaves its byline under a paragraph of prose)
    if (r < raws.length && raws[r].outerStart < prev.end) {
      const q = raws[r];
      const alone = !(r + 1 < raws.length && raws[r + 1].outerStart < prev.end);
      const runsOn = r > 0 && raws[r - 1].group === q.group;
      if (alone && q.outerEnd >= prev.end - 1 && (q.outerStart <= prev.start || runsOn)) {
        // (the segments of one quotation are next to each other in raws)
        for (let j = r; j >= 0 && raws[j].group === q.group; j--) raws[j].byline = byline;
        rule.bylineBlock.fired(span.start, span.end);
      }
      continue;
    }
    // an unmarked block: back to the paragraph a colon closes (the block itself is at least the paragraph above), with no
    // quotation in it (r is the first quotation ending after the paragraph above starts, and none starts before its end;
    // one before the block ends before r)
    let intro = -1;
    for (let j = k - 2; j >= 0 && j >= k - 5; j--) {
      const t = textOf(j);
      if (!t || (r > 0 && raws[r - 1].outerEnd > t.start)) break;
      if (/:\s*$/.test(doc.text.slice(t.start, t.end))) { intro = j; break; }
    }
    if (intro < 0) continue;
    for (let j = intro + 1; j < k; j++) {
      const t = textOf(j)!;
      added.push({ start: t.start, end: t.end, outerStart: t.start, outerEnd: t.end, group: -1 - k, byline });
    }
    rule.bylineBlock.fired(span.start, span.end);
  }
  return added;
}

/** A quoted nickname inside a name: Alexander “Sasha” Trufanov. */
function isNickname(doc: Doc, q: RawQuote): boolean {
  const inner = doc.text.slice(q.start, q.end);
  if (!/^\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*)?$/u.test(inner)) return false;
  const before = doc.text.slice(Math.max(0, q.outerStart - 30), q.outerStart);
  const after = doc.text.slice(q.outerEnd, q.outerEnd + 30);
  return /\p{Lu}[\p{L}.'’-]*\s+$/u.test(before) && /^\s+\p{Lu}/u.test(after);
}

const NEGATORS = new Set(['not', "n't", 'never', 'failed', 'refused', 'declined', 'no']);

function negated(doc: Doc, cueIdx: number): boolean {
  for (let k = cueIdx - 1; k >= Math.max(0, cueIdx - 3); k--) {
    const w = lw(doc.tokens[k]);
    if (NEGATORS.has(w)) return true;
    if (w === 'to' && doc.tokens[k - 1] && NEGATORS.has(lw(doc.tokens[k - 1]))) return true;
  }
  return false;
}

/** Read what the stage needs from earlier layers once: token owners (names over nominals and pronouns), quotes, parse children. */
function buildContext(doc: Doc, raws: RawQuote[], read: { transcript?: Transcript | null } = {}): QuoteContext {
  const owners: (string | undefined)[] = new Array(doc.tokens.length);
  const ownerKind: QuoteContext['ownerKind'] = new Array(doc.tokens.length);
  for (const e of doc.entities) {
    for (const m of e.mentions) {
      for (let i = doc.tokenAt(m.start); i < doc.tokens.length && doc.tokens[i].start < m.end; i++) {
        if (owners[i] === undefined || (m.kind === 'name' && ownerKind[i] !== 'name')) { owners[i] = e.id; ownerKind[i] = m.kind; }
      }
    }
  }
  // block quotations signed by a dash line join the quotations (raws stays in text order)
  if (rule.bylineBlock.enabled) {
    const added = bylineBlocks(doc, raws, owners, ownerKind);
    if (added.length) { raws.push(...added); raws.sort((a, b) => a.start - b.start); }
  }
  // interview answers join the quotations (a quotation inside an answer stays a quote of its own: coreference reads it,
  // coref-speech.answer-quotes-other)
  if (rule.labelledAnswers.enabled) {
    const transcript = readTranscript(doc, owners, ownerKind);
    read.transcript = transcript;
    if (transcript?.answers.length) {
      for (const a of transcript.answers) raws.push({ start: a.start, end: a.end, outerStart: a.start, outerEnd: a.end, group: -1e6 - a.start, answer: a });
      raws.sort((a, b) => a.start - b.start);
    }
  }
  // which tokens lie inside a quote, computed once (documents can hold thousands of quotes)
  const inside = new Uint8Array(doc.tokens.length);
  for (const q of raws) for (let i = doc.tokenAt(q.start); i < doc.tokens.length && doc.tokens[i].end <= q.end; i++) if (doc.tokens[i].start >= q.start) inside[i] = 1;
  return { doc, owners, ownerKind, inside: (i: number) => inside[i] === 1, children: doc.dependents(), gender: knownGenders(doc), reassigned: new Set() };
}

/** The cue a token is (a speech verb, or a speech-verb form the tagger took for a noun before "that"). */
function cueAt(doc: Doc, i: number): Cue | null {
  const t = doc.tokens[i];
  if (rule.phrasalCue.enabled && t.upos === 'VERB') {
    const prt = doc.dependents()[i]?.find((c) => doc.tokens[c].deprel === 'compound:prt' && c > i);
    const phrasal = prt === undefined ? null : phrasalCue(t, doc.tokens[prt]);
    if (phrasal) { rule.phrasalCue.fired(t.start, doc.tokens[prt!].end); return phrasal; }
  }
  return cueOf(t) ?? (rule.mistaggedCue.enabled ? mistaggedCue(t, doc.tokens[i - 1], doc.tokens[i + 1]) : null);
}

/** Record the rules a quote's cue rests on (a mistagged cue). */
function noteCue(doc: Doc, cue: { start: number; end: number }): void {
  const i = doc.tokenAt(cue.start);
  if (i >= 0 && i < doc.tokens.length && doc.tokens[i].start === cue.start && !cueOf(doc.tokens[i]) && cueAt(doc, i)) rule.mistaggedCue.fired(cue.start, cue.end);
}

interface Attribution {
  speaker: string | null;
  cue: Token;
  /** the subject is a statement noun standing for its author, who is the last speaker */
  viaStatement: boolean;
  /** the subject's words when no entity stands for it ("police", "the French presidency") */
  words?: string;
  /** the source phrase as written */
  source?: { start: number; end: number; text: string };
  found?: Speaker;
}

/**
 * The cues among `cands` the parse ties to a quotation: a word of the quotation depends on the
 * cue ("said: "…"", "called the move a "smash and grab"") or the cue depends on a word of it
 * (""…," she said" parsed with "said" hanging on the quoted verb).
 */
function cuesTiedTo(doc: Doc, q: RawQuote, cands: number[]): Set<number> {
  const out = new Set<number>();
  if (!cands.length || doc.tokens[cands[0]].deprel === undefined) return out;
  const first = doc.tokenAt(q.start);
  const within = (i: number) => doc.tokens[i].start >= q.start && doc.tokens[i].end <= q.end;
  const cset = new Set(cands);
  for (let i = first; i < doc.tokens.length && doc.tokens[i].end <= q.end; i++) {
    if (!within(i)) continue;
    const h = doc.tokens[i].head ?? -1;
    if (h < 0 || within(h)) continue;
    // a word of the quotation hangs outside it: climb to the first cue (a few steps)
    for (let k = h, n = 0; k >= 0 && n < 4; k = doc.tokens[k].head ?? -1, n++) {
      if (cset.has(k)) { out.add(k); break; }
      if (!/^(?:conj|obl|nmod|obj|xcomp|ccomp|advcl|acl|appos|flat)(?::|$)/.test(doc.tokens[k].deprel ?? '')) break;
    }
  }
  for (const c of cands) {
    const h = doc.tokens[c].head ?? -1;
    if (h >= 0 && within(h)) out.add(c);
  }
  return out;
}

/** "which the BBC noted as …": a cue whose object is a relative pronoun before it has its content and reports no quotation. */
function relativeObject(ctx: QuoteContext, i: number): boolean {
  if (!rule.relativeObjectCue.enabled) return false;
  const toks = ctx.doc.tokens;
  for (const c of ctx.children[i]) {
    if (c < i && /^(?:obj|ccomp)$/.test(toks[c].deprel ?? '') && /^(?:which|that|what)$/.test(lw(toks[c])) && toks[c].upos === 'PRON') {
      rule.relativeObjectCue.fired(toks[i].start, toks[i].end);
      return true;
    }
  }
  return false;
}

/** The cue stands right before or after the quotation (a comma and a word or two away at most). */
function nextTo(doc: Doc, cue: Token, q: RawQuote): boolean {
  const between = cue.start >= q.outerEnd ? doc.text.slice(q.outerEnd, cue.start) : doc.text.slice(cue.end, q.outerStart);
  return between.length <= 40 && !/[.;:!?]/.test(between) && between.split(/\s+/).filter(Boolean).length <= 4;
}

/**
 * Speakers found so far, in text order, for pronouns coreference left alone. Each pass (direct
 * quotes, then reported speech) adds in nearly rising order to a run of its own; a question looks
 * each run up by binary search, so a document of thousands of attributions stays linear.
 */
class SpeakerTrail {
  private readonly runs: { pos: number; sp: Speaker }[][] = [[]];
  /** start a new run (a new pass over the text) */
  pass(): void {
    this.runs.push([]);
  }
  add(pos: number, sp: Speaker): void {
    if (!sp.entity && !sp.text) return;
    const items = this.runs[this.runs.length - 1];
    let i = items.length;
    while (i > 0 && items[i - 1].pos > pos) i--;
    if (i === items.length) items.push({ pos, sp });
    else items.splice(i, 0, { pos, sp });
  }
  /** the last four speakers before pos, in text order */
  before(pos: number): Speaker[] {
    const near: { pos: number; sp: Speaker }[] = [];
    for (const items of this.runs) {
      const lo = countWhile(items.length, (k) => items[k].pos < pos);
      near.push(...items.slice(Math.max(0, lo - 4), lo));
    }
    return near.sort((a, b) => a.pos - b.pos).slice(-4).map((x) => x.sp);
  }
}

/** The source of a cue verb read from the structure of its clause, and the speaker it names. */
function attributeCue(ctx: QuoteContext, cueIdx: number, trail: SpeakerTrail): Attribution {
  const cue = ctx.doc.tokens[cueIdx];
  const src = sourceOfCue(ctx, cueIdx);
  if (!src || ctx.inside(src.head)) return { speaker: null, cue, viaStatement: false };
  return fromSpeaker(cue, speakerOf(ctx, src, trail.before(cue.start)));
}

/**
 * quotes.nearer-cue: a cue before a quotation whose clause runs on, after a comma, into a participial cue of the same
 * speaker that stands nearer the quotation ("Murphy claimed she acted alone, insisting she was "never pressured"",
 * "He interpreted it as a right, commenting, "…"") hands the quotation to that participle: the quotation is what the
 * participle reports, the first cue reports its own clause. The parse often hangs the quotation on the first cue
 * (parataxis), and a quotation that took the first cue left its claim unreported. The participle's attribution, or null.
 */
function nearerCue(ctx: QuoteContext, q: RawQuote, att: Attribution, trail: SpeakerTrail): Attribution | null {
  const { doc } = ctx;
  const toks = doc.tokens;
  if (att.cue.end > q.outerStart) return null;
  const c1 = doc.tokenAt(att.cue.start);
  const open = doc.tokenAt(q.outerStart);
  const sIdx = toks[c1].sentence;
  if (open >= toks.length || toks[open].sentence !== sIdx) return null;
  const sameSpeaker = (a: Attribution): boolean => (a.speaker ? a.speaker === att.speaker : !!a.words && !att.speaker && a.words === att.words);
  // the participle nearest the quotation, set off by a comma, with a few words at most between it and the quotation (an
  // earlier quotation it reports passed over: 'citing the move as a "grave abuse" and "contrary to law"')
  let c2 = -1;
  for (let k = open - 1, words = 0; k > c1 && words <= 8; k--) {
    if (ctx.inside(k)) continue;
    words++;
    if (/^[.;:!?]$/.test(toks[k].text) && k < open - 1) return null;
    if (toks[k].xpos === 'VBG' && toks[k - 1]?.text === ',' && cueAt(doc, k) && !negated(doc, k) && !relativeObject(ctx, k)) { c2 = k; break; }
  }
  if (c2 >= 0) {
    const a2 = attributeCue(ctx, c2, trail);
    return sameSpeaker(a2) ? a2 : null;
  }
  // 'Trump responded to the ruling via Twitter, attacking the subpoena as a strategy: "…"': a participle with a content of
  // its own, closed by the colon or comma that opens the quotation, leaves the quotation to the same speaker's cue before
  // it that takes nothing but quotations
  if (toks[c1].xpos !== 'VBG' || toks[c1 - 1]?.text !== ',' || !/^[:,]$/.test(toks[open - 1]?.text ?? '') || open - 1 <= c1 + 1) return null;
  const sent = doc.sentences[sIdx];
  for (let k = c1 - 2; k >= sent.tokenStart; k--) {
    if (ctx.inside(k) || /^[.;:!?]$/.test(toks[k].text)) return null;
    const cue = cueAt(doc, k);
    if (!cue) continue;
    if (cue.frames.size !== 1 || !cue.frames.has('quote') || negated(doc, k)) return null;
    const a0 = attributeCue(ctx, k, trail);
    return sameSpeaker(a0) ? a0 : null;
  }
  return null;
}

/**
 * "X issued a statement: "…"", "… posted a message on Twitter: "…"": a statement noun right before the colon that
 * opens the quotation, hung on a verb outside any quotation, hands the quotation to that verb's source.
 */
function statementBeforeColon(ctx: QuoteContext, q: RawQuote, trail: SpeakerTrail): Attribution | null {
  const doc = ctx.doc;
  const colon = doc.tokenAt(q.outerStart) - 1;
  if (colon < 1 || doc.tokens[colon].text !== ':' || doc.tokens[colon].sentence !== doc.tokens[colon + 1]?.sentence) return null;
  let noun = colon - 1;
  // a phrase after the noun: "a statement on Twitter:", "a statement to reporters:"
  for (let k = noun; k > colon - 5 && k >= 0; k--) if (STATEMENT_NOUNS.has(lw(doc.tokens[k])) && doc.tokens[k].upos === 'NOUN') { noun = k; break; }
  const t = doc.tokens[noun];
  if (!STATEMENT_NOUNS.has(lw(t)) || t.upos !== 'NOUN' || ctx.inside(noun)) return null;
  const verb = t.head ?? -1;
  if (verb < 0 || doc.tokens[verb].upos !== 'VERB' || ctx.inside(verb) || !/^(?:obj|obl)$/.test(doc.tokens[noun].deprel ?? '')) return null;
  const a = attributeCue(ctx, verb, trail);
  return a.speaker || a.words ? a : null;
}

/**
 * '"…," Berg joked.', '"Perhaps next week," retorted Ruiz.': a quotation handed over by its comma (or ?/!) to a
 * clause that is only a subject and a finite verb with no object or clause of its own (adverbs and a
 * prepositional phrase may follow) is attributed through that verb, whatever the verb: the structure
 * names the speaker even where the lexicon lacks the cue (sighed, joked, shrugged, grumbled).
 */
/**
 * The attribution of a quotation opening right after a colon that closes a clause of its own sentence, outside quotation
 * marks, rooted on a verb before the colon with no other finite verb between them: the root's subject, when it names a
 * person or a body (an entity, not words). Null otherwise.
 */
function clauseBeforeColon(ctx: QuoteContext, q: RawQuote, trail: SpeakerTrail): Attribution | null {
  const doc = ctx.doc;
  const toks = doc.tokens;
  const colon = doc.tokenAt(q.outerStart) - 1;
  if (colon < 1 || toks[colon].text !== ':' || toks[colon].sentence !== toks[colon + 1]?.sentence || ctx.inside(colon)) return null;
  const sent = doc.sentences[toks[colon].sentence];
  let root = -1;
  for (let i = sent.tokenStart; i < colon; i++) if (toks[i].deprel === 'root' && toks[i].upos === 'VERB' && !ctx.inside(i)) { root = i; break; }
  // (a verb of issuing is quotes.statement-colon's, which asks for a statement noun: "issued new rules: "…"" is no speech)
  if (root < 0 || ISSUING_VERBS.has((toks[root].lemma ?? toks[root].text).toLowerCase())) return null;
  for (let i = sent.tokenStart; i < colon; i++) if (ctx.inside(i)) return null;
  for (let i = root + 1; i < colon; i++) if (/^(?:VBD|VBZ|VBP|MD)$/.test(toks[i].xpos ?? '') || toks[i].upos === 'VERB' && toks[i].deprel !== 'acl' && toks[i].deprel !== 'compound:prt') return null;
  const a = attributeCue(ctx, root, trail);
  // (quotes.document-colon: a statement or document written as the subject — "The study itself outlined the link: "…"" —
  // is quoted, whoever its author turned out to be, or its words when none is named)
  if (rule.documentColon.enabled && (a.speaker || a.words || a.viaStatement) && documentSubject(ctx, root)) {
    rule.documentColon.fired(q.start, q.end);
    return a;
  }
  if (!a.speaker) return null;
  const type = doc.entityById(a.speaker)?.type;
  return type === 'PERSON' || type === 'ORG' ? a : null;
}

/** The verb's subject is a common noun for a statement or document ("The study", "the ruling", "Their statement"). */
function documentSubject(ctx: QuoteContext, verb: number): boolean {
  const toks = ctx.doc.tokens;
  return ctx.children[verb].some((c) => toks[c].deprel === 'nsubj' && toks[c].upos === 'NOUN' && !ctx.inside(c)
    && (STATEMENT_NOUNS.has(lw(toks[c])) || DOCUMENT_NOUNS.has(lw(toks[c]))));
}
const DOCUMENT_NOUNS = set('document-nouns');

function unknownCueAfter(ctx: QuoteContext, q: RawQuote, trail: SpeakerTrail): Attribution | null {
  const doc = ctx.doc;
  const toks = doc.tokens;
  if (!/[,!?]\s*$/.test(doc.text.slice(q.start, q.end)) && doc.text[q.outerEnd] !== ',') return null;
  let k = doc.tokenAt(q.outerEnd);
  if (k < toks.length && toks[k].text === ',') k++;
  if (k >= toks.length || toks[k].start - q.outerEnd > 3 || ctx.inside(k)) return null;
  const sent = doc.sentences[toks[k].sentence];
  // the clause runs to the end of the sentence, or to a comma or quotation opening more of the quote
  let end = k;
  while (end < sent.tokenEnd && !ctx.inside(end) && !/^[.;:!?]$/.test(toks[end].text) && !(toks[end].text === ',' && (ctx.inside(end + 1) || /^["“]$/.test(toks[end + 1]?.text ?? '')))) end++;
  if (end - k > 12 || end - k < 2) return null;
  let v = -1;
  for (let i = k; i < Math.min(end, k + 8); i++) {
    // (a past form the tagger took for a participle counts when it has a subject and no auxiliary: "the minister sighed")
    const participle = toks[i].xpos === 'VBN' && ctx.children[i].some((c) => /^nsubj$/.test(toks[c].deprel ?? '')) && !ctx.children[i].some((c) => /^aux/.test(toks[c].deprel ?? ''));
    if (toks[i].upos === 'VERB' && (/^(?:VBD|VBZ|VBP)$/.test(toks[i].xpos ?? '') || participle)) { v = i; break; }
    if (!/^(?:DET|PROPN|NOUN|ADJ|PRON|NUM|PUNCT|ADP|CCONJ|PART)$/.test(toks[i].upos ?? '')) return null;
  }
  if (v < 0 || cueAt(doc, v)) return null;
  // (a quotation closing on ?/! ends its sentence: '"Who pays?" The question hung over the hearing.' is narration)
  if (toks[v].sentence !== toks[doc.tokenAt(q.start)].sentence) return null;
  // no object, clause or complement of its own: the quotation is what the verb does
  if (ctx.children[v].some((c) => /^(?:obj|iobj|ccomp|xcomp|csubj)/.test(toks[c].deprel ?? '') && !ctx.inside(c))) return null;
  // the subject is someone who can speak: a person or body, a personal pronoun, a role noun
  const src = sourceOfCue(ctx, v);
  if (!src || src.from < k || src.to >= end) return null;
  const a = attributeCue(ctx, v, trail);
  const type = a.speaker ? doc.entityById(a.speaker)?.type : undefined;
  if (!(type === 'PERSON' || type === 'ORG' || SPEAKING_PRONOUNS.has(lw(toks[src.head])) || roleOf(lw(toks[src.head])))) return null;
  return a.speaker || a.words ? a : null;
}

/**
 * A pronoun source resolved to a person the quotation names by name is resolved again without that
 * person (and anyone else the quotation names): speakers do not call themselves by name.
 */
function notNamedInQuote(ctx: QuoteContext, q: RawQuote, att: Attribution, trail: SpeakerTrail): Attribution {
  const doc = ctx.doc;
  if (!att.found?.span || !att.speaker || (att.found.via !== 'coreference' && att.found.via !== 'agreement')) return att;
  const head = doc.tokenAt(att.found.span.start);
  if (!SPEAKING_PRONOUNS.has(lw(doc.tokens[head])) || att.found.span.end !== doc.tokens[head].end) return att;
  const named = new Set<string>();
  for (let i = doc.tokenAt(q.start); i < doc.tokens.length && doc.tokens[i].end <= q.end; i++) {
    const o = ctx.owners[i];
    if (o && ctx.ownerKind[i] === 'name' && doc.entityById(o)?.type === 'PERSON') named.add(o);
  }
  if (!named.has(att.speaker)) return att;
  const sp = speakerOf(ctx, { from: head, to: head, head, how: 'subject' }, trail.before(att.cue.start), named);
  rule.pronounNotNamedInQuote.fired(q.start, q.end);
  return fromSpeaker(att.cue, sp);
}

function fromSpeaker(cue: Token, sp: Speaker): Attribution {
  return { speaker: sp.entity, cue, viaStatement: !sp.entity && !!sp.statement, words: sp.entity ? undefined : sp.text, source: sp.span, found: sp };
}

export const quotesStage: Stage = {
  name: 'quotes',
  requires: ['tokens', 'sentences'], uses: ['entities', 'coref', 'tags', 'parse', 'times'], provides: ['quotes'],
  run(input: Doc) {
    // the parse as this stage reads it, with the slips no finished sentence allows mended
    const doc = parseView(input);
    const raws = findQuoteSpans(doc.text).filter((q) => !isNickname(doc, q) && /\p{L}/u.test(doc.text.slice(q.start, q.end)));
    const read: { transcript?: Transcript | null } = {};
    const ctx = buildContext(doc, raws, read);
    const answerQuotes: AnswerQuote[] = [];
    const insideAny = ctx.inside;
    const trail = new SpeakerTrail();
    // paragraph → [first sentence, last sentence]
    const paraRange = new Map<number, [number, number]>();
    doc.sentences.forEach((x, i) => {
      const r = paraRange.get(x.paragraph);
      if (r) r[1] = i;
      else paraRange.set(x.paragraph, [i, i]);
    });
    const paraCharCount = new Map<number, number>();
    // (vetoed: a rule refused the attribution found, so an empty speaker is deliberate and no guess fills it)
    const quotes: (Quote & { group: number; viaStatement: boolean; paragraph: number; onlyQuote: boolean; vetoed: boolean })[] = [];
    const quotedParagraphs = new Set<number>();
    // the words of quoted names and terms: a reported clause holding only these is indirect, not mixed
    const termTokens = new Uint8Array(doc.tokens.length);
    for (const q of raws) {
      // trim the content: spaces and the comma that hands over to the attribution
      let s = q.start;
      let e = q.end;
      while (s < e && /\s/.test(doc.text[s])) s++;
      while (e > s && /[\s,]/.test(doc.text[e - 1])) e--;
      if (e <= s) continue;
      const firstSent = doc.sentenceAt(q.outerStart);
      // an interview answer: its label's speaker, the label its source, no cue
      if (q.answer) {
        const a = q.answer;
        const paragraph = doc.sentences[firstSent].paragraph;
        quotes.push({
          start: s, end: e, text: doc.text.slice(s, e), speaker: a.speaker, ...(!a.speaker ? { speaker_text: a.label.text } : {}), kind: 'direct', group: q.group,
          viaStatement: false, paragraph, onlyQuote: true, vetoed: false, ...(!a.continued ? { source: { ...a.label } } : {}),
        });
        quotedParagraphs.add(paragraph);
        answerQuotes.push({ start: s, end: e, continued: a.continued });
        rule.labelledAnswers.fired(s, e);
        continue;
      }
      const lastSent = doc.sentenceAt(Math.max(q.outerStart, q.outerEnd - 1));
      const wordCount = doc.text.slice(s, e).split(/\s+/).length;
      // look for a cue verb outside the quote in the sentences the quote touches
      let att: Attribution | null = null;
      let attTied = false;
      let vetoed = false;
      const sentRange = [lastSent, firstSent].filter((v, i, a) => a.indexOf(v) === i);
      // '"And who pays?" said Hill.' — a quotation closing on ? or ! ends its sentence; the cue opens the next
      const after = lastSent + 1 < doc.sentences.length ? doc.sentences[lastSent + 1] : undefined;
      if (rule.nextSentenceCue.enabled && after && /[?!]["”]?\s*$/.test(doc.text.slice(q.outerStart, q.outerEnd).trimEnd()) && doc.sentences[lastSent].end <= q.outerEnd + 1 && doc.sentences[lastSent].paragraph === after.paragraph) {
        if (cueAt(doc, after.tokenStart) || cueAt(doc, after.tokenStart + 1) || cueAt(doc, after.tokenStart + 2)) sentRange.unshift(lastSent + 1);
      }
      for (const sIdx of sentRange) {
        const sent = doc.sentences[sIdx];
        const cands: number[] = [];
        for (let i = sent.tokenStart; i < sent.tokenEnd; i++) if (!insideAny(i) && cueAt(doc, i) && !negated(doc, i) && !relativeObject(ctx, i)) cands.push(i);
        // prefer a cue the parse ties to the quote (the quote is its complement, or it hangs on the
        // quote's verb), then a cue after the quote, then the nearest before it
        const tied = cuesTiedTo(doc, q, cands);
        const rank = (c: number): number => {
          const t = doc.tokens[c];
          return (tied.has(c) ? 0 : 2e6) + (t.start >= q.outerEnd ? t.start - q.outerEnd : 1e6 + q.outerStart - t.end);
        };
        cands.sort((a, b) => rank(a) - rank(b));
        let tiedAtt: Attribution | null = null;
        for (const c of cands) {
          const a = attributeCue(ctx, c, trail);
          if (tied.has(c)) tiedAtt ??= a;
          if (a.speaker || a.viaStatement || a.words) { att = a; attTied = tied.has(c); break; }
          if (!att) { att = a; attTied = tied.has(c); }
        }
        // a short quotation belongs to the cue that governs it, found speaker or not
        if (tiedAtt && !attTied && wordCount < 4) { att = tiedAtt; attTied = true; }
        if (att && (att.speaker || att.viaStatement || att.words)) break;
      }
      // 'He interpreted it as a right, commenting, "…"': the same speaker's participle cue nearer the quotation takes it, and
      // the first cue keeps its own claim (reported speech below)
      if (att && (att.speaker || att.words) && rule.nearerCue.enabled) {
        const nearer = nearerCue(ctx, q, att, trail);
        if (nearer) { att = nearer; attTied = true; rule.nearerCue.fired(nearer.cue.start, nearer.cue.end); }
      }
      // '"…," Berg joked.': a verb the lexicon does not know, written right after the quotation with its subject, is its cue
      if ((!att || (!att.speaker && !att.words && !att.viaStatement)) && rule.unknownCue.enabled) {
        const a = unknownCueAfter(ctx, q, trail);
        if (a) { att = a; attTied = true; rule.unknownCue.fired(q.start, q.end); }
      }
      // a block quotation signed by a dash line: the name on it ("– European Court of Justice")
      if (q.byline && (!att || (!att.speaker && !att.words && !att.viaStatement))) {
        const { dash, from, to } = q.byline;
        const sp = speakerOf(ctx, { from, to, head: to, how: 'subject' }, trail.before(doc.tokens[dash].start));
        if (sp.entity || sp.text) { att = fromSpeaker(doc.tokens[dash], sp); attTied = true; }
      }
      // a paragraph closing on "Rathbun stated," or "…:" introduces the quotation that opens the next one
      if (!att && rule.introducedBlock.enabled) {
        const lead = /([:,])\s*\n\s*\n\s*$/.exec(doc.text.slice(Math.max(0, q.outerStart - 40), q.outerStart));
        if (lead) {
          const at = q.outerStart - lead[0].length;
          const sent = doc.sentences[doc.sentenceAt(at)];
          for (let i = sent.tokenEnd - 1; i >= sent.tokenStart && !att; i--) {
            if (insideAny(i) || !cueAt(doc, i) || negated(doc, i)) continue;
            const a = attributeCue(ctx, i, trail);
            if (a.speaker || a.words) { att = a; attTied = true; rule.introducedBlock.fired(q.start, q.end); }
          }
        }
      }
      // "Speaker Boehner issued a statement: "…"": the statement a colon hands over to is said by the subject of its verb
      if (!att && rule.statementColon.enabled) {
        const a = statementBeforeColon(ctx, q, trail);
        if (a) { att = a; attTied = true; rule.statementColon.fired(q.start, q.end); }
      }
      // "Trump took a parting shot on Twitter: "…"": a clause with no cue that a colon closes hands the quotation to its
      // main subject, when that subject is a person or a body by name (or a he/she coreference joined to one)
      if (!att && rule.clauseColon.enabled) {
        const a = clauseBeforeColon(ctx, q, trail);
        if (a) { att = a; attTied = true; rule.clauseColon.fired(q.start, q.end); }
      }
      // a short quotation or a quoted title is an utterance only when its cue governs it or stands
      // right by it: "called it "a non-starter"", not "named their robot "Robogee"" or a cue elsewhere
      const inner = doc.text.slice(s, e);
      const innerWords = inner.split(/\s+/).filter((w) => /\p{L}/u.test(w));
      const titleLike = innerWords.length >= 1 && innerWords.filter((w) => /^\p{Lu}/u.test(w)).length / innerWords.length >= 0.6 && !/[.!?]$/.test(inner);
      // a name, title or term in quote marks ("dubbed "Green Horizon"", 'the "one country, two systems" model') is no utterance
      const term = rule.quotedTerm.enabled ? quotedTerm(ctx, q, titleLike, attTied) : null;
      if (term) {
        rule.quotedTerm.fired(q.start, q.end);
        for (let i = doc.tokenAt(q.start); i < doc.tokens.length && doc.tokens[i].start < q.end; i++) termTokens[i] = 1;
        continue;
      }
      if (rule.shortQuoteNeedsCue.enabled) {
        const veto = (att && (wordCount < 4 || titleLike) && !attTied && !nextTo(doc, att.cue, q)) || (att && titleLike && wordCount < 6 && cueAt(doc, doc.tokenAt(att.cue.start))?.frames.has('clause') === false);
        if (veto) { att = null; vetoed = true; rule.shortQuoteNeedsCue.fired(q.start, q.end); }
      }
      // "according to X"
      // (a quoted title no cue governs is a name, whatever source the sentence cites)
      const titleNoCue = rule.quotedTerm.enabled && titleLike && innerWords.length >= 2 && !attTied;
      if ((!att || (!att.speaker && !att.words && !att.viaStatement)) && !titleNoCue) {
        const acc = accordingTo(ctx, firstSent, trail);
        if (acc) { att = acc.att; rule.accordingTo.fired(q.start, q.end); }
      }
      // a quotation that names a person is not that person's speech through a pronoun: '"I cannot accept Uribe's lies," he said' is not Uribe
      if (att?.speaker && rule.pronounNotNamedInQuote.enabled) att = notNamedInQuote(ctx, q, att, trail);
      const speaker: string | null = att?.speaker ?? null;
      const speakerText = !speaker && att?.words ? att.words : undefined;
      if (att?.found) trail.add(att.cue.start, att.found);
      if (att && doc.sentenceAt(att.cue.start) > lastSent) rule.nextSentenceCue.fired(q.start, q.end);
      if (att) noteCue(doc, att.cue);
      const paragraph = doc.sentences[firstSent].paragraph;
      // once per paragraph, not per quote: a long paragraph of many quotes stays linear
      let paraChars = paraCharCount.get(paragraph);
      if (paraChars === undefined) {
        const [pa, pb] = paraRange.get(paragraph)!;
        paraChars = doc.text.slice(doc.sentences[pa].start, doc.sentences[pb].end).replace(/[“”"„«»\s]/g, '').length;
        paraCharCount.set(paragraph, paraChars);
      }
      const onlyQuote = paraChars <= doc.text.slice(q.start, q.end).replace(/[“”"„«»\s]/g, '').length + 2;
      // scare quotes, titles and terms ("free content") have no speaker and are no utterance
      // (a short full sentence after a quote in the same paragraph is more of it: '… she told the council. "Every day matters."')
      const continues = /^\p{Lu}/u.test(doc.text.slice(s, e)) && /[.!?]$/.test(doc.text.slice(s, e)) && /\s\p{Ll}{2,}/u.test(doc.text.slice(s, e)) && wordCount >= 2 && quotedParagraphs.has(paragraph);
      if (!att && wordCount < 4 && !onlyQuote && !continues) continue;
      // a quoted title ("Scarne on Card Tricks", "Anon Declares War on …"): mostly capitalised words, no sentence end
      const words = doc.text.slice(s, e).split(/\s+/).filter((w) => /\p{L}/u.test(w));
      const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
      if (!att && words.length >= 2 && capitalised / words.length >= 0.6 && !/[.!?]$/.test(doc.text.slice(s, e))) continue;
      quotes.push({
        start: s, end: e, text: doc.text.slice(s, e), speaker, ...(speakerText ? { speaker_text: speakerText } : {}), kind: 'direct', group: q.group,
        viaStatement: att?.viaStatement ?? false, paragraph, onlyQuote, vetoed,
        ...(att ? { cue: { start: att.cue.start, end: att.cue.end, text: att.cue.text } } : {}),
        ...(att?.source ? { source: att.source } : {}),
      });
      quotedParagraphs.add(paragraph);
    }
    // segments of one multi-paragraph quote share the speaker found for any of them
    const byGroup = new Map<number, string>();
    const continues = rule.continuesSpeaker.enabled;
    for (const q of quotes) if (q.speaker) byGroup.set(q.group, q.speaker);
    for (const q of quotes) if (continues && !q.speaker && !q.speaker_text && byGroup.has(q.group)) { q.speaker = byGroup.get(q.group)!; rule.continuesSpeaker.fired(q.start, q.end); }
    // a quote with no cue continues the previous speaker in its paragraph, or the previous
    // paragraph's when it stands alone; a statement noun stands for the last speaker
    // (a speaker no entity stands for, "a senior official", continues as its words)
    let last: { speaker: string | null; text?: string; paragraph: number } | null = null;
    for (const q of quotes) {
      if (!q.speaker && !q.speaker_text && last && ((q.viaStatement && rule.statementLastSpeaker.enabled) || (continues && !q.cue && (q.paragraph === last.paragraph || (q.onlyQuote && q.paragraph === last.paragraph + 1))))) {
        if (last.speaker) q.speaker = last.speaker;
        else if (!q.viaStatement && last.text) q.speaker_text = last.text;
        if (!q.viaStatement) rule.continuesSpeaker.fired(q.start, q.end);
        else if (q.speaker) rule.statementLastSpeaker.fired(q.start, q.end);
      }
      if (q.speaker) last = { speaker: q.speaker, paragraph: q.paragraph };
      else if (q.speaker_text && q.cue) last = { speaker: null, text: q.speaker_text, paragraph: q.paragraph };
    }
    const vetoes = new Set<Quote>();
    const direct: Quote[] = quotes.map(({ group: _g, viaStatement: _v, paragraph: _p, onlyQuote: _o, vetoed, ...rest }) => {
      if (vetoed) vetoes.add(rest);
      return rest;
    });
    if (rule.interviewAnswers.enabled) direct.push(...interviewAnswers(doc, direct));
    direct.sort((a, b) => a.start - b.start);
    trail.pass();
    const indirect = findIndirect(ctx, trail, direct, termTokens);
    doc.quotes = [...direct, ...indirect].sort((a, b) => a.start - b.start);
    if (read.transcript?.questions.length) doc.quotes = askedInQuestions(doc, doc.quotes, read.transcript);
    // (coreference tells the answers from quotes a cue attributes by this note)
    if (answerQuotes.length) doc.notes.set(ANSWERS_NOTE, answerQuotes);
    else doc.notes.delete(ANSWERS_NOTE);
    // (it extends quotes.continues-speaker: without that rule nothing continues)
    if (rule.runOnAfterReport.enabled && rule.continuesSpeaker.enabled) continueAfterReport(doc, doc.quotes);
    // the learned ranker (models/quotes/speaker-ranker.json) overrules the cascade's speakers under
    // CHRONICLE_QUOTES_SPEAKER=ranker, or only fills those it found nothing for under =fill
    const filled = rankSpeakers(ctx, doc.quotes, vetoes);
    setQuoteConfidences(doc);
    markFilled(filled);
    if (doc !== input) input.quotes = doc.quotes;
  },
};

/**
 * Attributions inside an interviewer's question turn (quotes.question-asks, quotes.question-you): a cue in a question
 * sentence asks and attributes nothing ("Why do you think that might be?"); "you" as the source of one the question
 * reports ("You noted that …") is the speaker of the answer that follows. Quotes and questions are both in text order.
 */
function askedInQuestions(doc: Doc, quotes: Quote[], transcript: Transcript): Quote[] {
  const out: Quote[] = [];
  const qs = transcript.questions;
  let k = 0;
  for (const q of quotes) {
    const at = q.cue?.start ?? q.start;
    while (k < qs.length && qs[k].end <= at) k++;
    const turn = k < qs.length && qs[k].start <= at ? qs[k] : undefined;
    if (!turn || q.kind === 'direct') { out.push(q); continue; }
    const sent = doc.sentences[doc.sentenceAt(at)];
    if (rule.questionAsks.enabled && /\?["”’)]*$/.test(doc.text.slice(sent.start, sent.end).trimEnd())) {
      rule.questionAsks.fired(q.start, q.end);
      continue;
    }
    if (rule.questionYou.enabled && !q.speaker && q.source && /(?:^|[\s)])you$/i.test(q.source.text) && turn.answer?.speaker) {
      q.speaker = turn.answer.speaker;
      delete q.speaker_text;
      rule.questionYou.fired(q.start, q.end);
    }
    out.push(q);
  }
  return out;
}

/**
 * A quotation with no cue and no speaker continues the speaker of the latest attribution before
 * it — direct or reported — in its paragraph, or in the one before when it stands alone
 * ("Ruiz said the decision was taken after long talks.\n\n"This is the hardest decision …"").
 * The direct pass saw only direct quotes; this one sees the reported speech too, and lets a
 * continued speaker carry on over the next paragraphs of the same run.
 */
function continueAfterReport(doc: Doc, quotes: Quote[]): void {
  const paragraphOf = (pos: number) => doc.sentences[doc.sentenceAt(pos)].paragraph;
  let last: { speaker: string | null; text?: string; paragraph: number } | null = null;
  for (const q of quotes) {
    const paragraph = paragraphOf(q.start);
    if (q.kind === 'direct' && !q.cue && !q.speaker && !q.speaker_text && last && opensSentence(doc, q) && (paragraph === last.paragraph || (paragraph === last.paragraph + 1 && standsAlone(doc, q)))) {
      if (last.speaker) q.speaker = last.speaker;
      else if (last.text) q.speaker_text = last.text;
      rule.runOnAfterReport.fired(q.start, q.end);
    }
    if (q.speaker) last = { speaker: q.speaker, paragraph };
    // words that are only a pronoun ("you") name nobody to carry on
    else if (q.speaker_text) last = ANY_PRONOUN.has(q.speaker_text.toLowerCase()) ? null : { speaker: null, text: q.speaker_text, paragraph };
  }
}

/** The quotation opens its sentence: a quoted sentence, not words quoted inside narration ("the writer supposes a "…""). */
function opensSentence(doc: Doc, q: Quote): boolean {
  return /^[\s“”"„«»]*$/.test(doc.text.slice(doc.sentences[doc.sentenceAt(q.start)].start, q.start));
}

/** The paragraph holds nothing but quotations (and their marks). */
function standsAlone(doc: Doc, q: Quote): boolean {
  const s = doc.sentenceAt(q.start);
  const paragraph = doc.sentences[s].paragraph;
  let a = s;
  let b = s;
  while (a > 0 && doc.sentences[a - 1].paragraph === paragraph) a--;
  while (b + 1 < doc.sentences.length && doc.sentences[b + 1].paragraph === paragraph) b++;
  const text = doc.text.slice(doc.sentences[a].start, doc.sentences[b].end);
  return text.replace(/[“”"„«»\s]/g, '').length <= q.text.replace(/[“”"„«»\s]/g, '').length + 2;
}

function interviewAnswers(doc: Doc, direct: Quote[]): Quote[] {
  const lines: { start: number; end: number; label: number; q: boolean }[] = [];
  const re = /^[ \t]*(Q|A|Question|Answer)[ \t]*[:.\-–—][ \t]*(\S[^\n]*)$/gmu;
  for (let m = re.exec(doc.text); m; m = re.exec(doc.text)) {
    const start = m.index + m[0].length - m[2].length;
    lines.push({ start, end: start + m[2].trimEnd().length, label: m.index, q: m[1].startsWith('Q') });
  }
  const firstQ = lines.find((l) => l.q);
  if (!firstQ || !lines.some((l) => !l.q && l.label > firstQ.label)) return [];
  // the interviewee: the person named most often before the first question (first named on a tie)
  const count = new Map<string, { n: number; first: number }>();
  for (const e of doc.entities) {
    if (e.type !== 'PERSON') continue;
    const before = e.mentions.filter((m) => m.end <= firstQ.label);
    if (before.length) count.set(e.id, { n: before.length, first: before.reduce((min, m) => Math.min(min, m.start), Infinity) });
  }
  const speaker = [...count.entries()].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first)[0]?.[0] ?? null;
  const out: Quote[] = [];
  const quoted = new SpanLookup(direct);
  for (const l of lines) {
    if (l.q || l.label < firstQ.label || l.end <= l.start) continue;
    // a quotation inside the answer is already a quote of its own
    if (quoted.overlaps(l.start, l.end)) continue;
    out.push({ start: l.start, end: l.end, text: doc.text.slice(l.start, l.end), speaker, kind: 'direct', cue: { start: l.label, end: l.start, text: doc.text.slice(l.label, l.start).trim() } });
    rule.interviewAnswers.fired(l.start, l.end);
  }
  return out;
}


/**
 * "according to X, CLAUSE" / "CLAUSE, according to X": the phrase X runs to the next comma or the
 * sentence end ("according to Afghan Ambassador to the United States Hamdullah Mohib"); a name in
 * apposition after it names the source ("according to the team's coach, Alireza Mehraban,").
 */
function accordingTo(ctx: QuoteContext, sIdx: number, trail: SpeakerTrail): { att: Attribution; from: number; to: number } | null {
  const { doc } = ctx;
  const toks = doc.tokens;
  const sent = doc.sentences[sIdx];
  if (!rule.accordingTo.enabled) return null;
  // (the document's lower-cased texts: lw() also turns ’ into ', which neither word holds)
  const low = doc.lowerTexts();
  for (let i = sent.tokenStart; i < sent.tokenEnd - 2; i++) {
    if (low[i] !== 'according' || low[i + 1] !== 'to' || ctx.inside(i)) continue;
    let k = i + 2;
    // (a date's comma stays inside: "according to a March 14, 2019 NATO press release")
    const dateComma = (j: number) => toks[j].text === ',' && /^\d{1,2}$/.test(toks[j - 1]?.text ?? '') && /^(?:1[89]|20)\d\d$/.test(toks[j + 1]?.text ?? '');
    while (k < sent.tokenEnd && (!/^[,;:.!?“”"]$/.test(toks[k].text) || dateComma(k)) && !ctx.inside(k)) k++;
    if (k === i + 2) return null;
    // "According to Rathbun the property was returned …" (no comma): the phrase ends with its noun phrase
    if (toks.slice(i + 2, k).some((t) => t.upos === 'VERB' || t.upos === 'AUX')) {
      let j = i + 2;
      let sawNoun = false;
      while (j < k && toks[j].upos !== 'VERB' && toks[j].upos !== 'AUX' && !(sawNoun && ACCORDING_DETERMINERS.has(toks[j].text.toLowerCase()))) {
        if (/^(?:NOUN|PROPN)$/.test(toks[j].upos ?? '')) sawNoun = true;
        j++;
      }
      if (j > i + 2 && j < k) k = j;
    }
    let from = i + 2;
    let to = k - 1;
    // ", NAME," after a role phrase names the source
    if (toks[k]?.text === ',') {
      let j = k + 1;
      while (j < sent.tokenEnd && ctx.owners[j] !== undefined && ctx.owners[j] === ctx.owners[k + 1]) j++;
      const o = ctx.owners[k + 1];
      if (o && ctx.ownerKind[k + 1] === 'name' && j > k + 1 && toks[j]?.text === ',' && doc.entityById(o)?.type === 'PERSON') { from = k + 1; to = j - 1; k = j; }
    }
    const head = headOfPhrase(ctx, from, to);
    const src: SourcePhrase = { from, to, head, how: 'according' };
    const sp = speakerOf(ctx, src, trail.before(toks[i].start));
    const cue = tokenCopy(toks[i]);
    cue.end = toks[i + 1].end;
    cue.text = doc.text.slice(toks[i].start, toks[i + 1].end);
    return { att: fromSpeaker(cue, sp), from: i, to: k };
  }
  return null;
}

/**
 * "CLAUSE, according to X, who said …" / "…, according to X, but …": the "according to" phrase, set off by commas after a
 * clause with a finite verb of its own, is followed by a relative pronoun or a conjunction opening another clause.
 */
function accordingClosesClause(ctx: QuoteContext, sent: { tokenStart: number; tokenEnd: number }, from: number, to: number): boolean {
  const toks = ctx.doc.tokens;
  if (from < sent.tokenStart + 3 || toks[from - 1].text !== ',' || toks[to]?.text !== ',' || to + 1 >= sent.tokenEnd) return false;
  const next = toks[to + 1];
  if (!(next.upos === 'CCONJ' || next.upos === 'SCONJ' || RELATIVE_WORDS.has(lw(next)))) return false;
  // the clause before: a finite verb outside quotation marks, from the sentence start to the comma
  return toks.slice(sent.tokenStart, from - 1).some((t) => /^(?:VBD|VBZ|VBP|MD)$/.test(t.xpos ?? '') && !ctx.inside(t.i));
}

/** The head of a phrase: a person named at its end, else the noun before its first preposition, else its last word. */
function headOfPhrase(ctx: QuoteContext, from: number, to: number): number {
  const toks = ctx.doc.tokens;
  const o = ctx.owners[to];
  if (o && ctx.ownerKind[to] === 'name' && ctx.doc.entityById(o)?.type === 'PERSON') return to;
  for (let j = from + 1; j < to; j++) if (PHRASE_PREPOSITIONS.has(lw(toks[j]))) return j - 1;
  return to;
}

/**
 * Quotes in text order, asked whether any of them overlaps, holds or lies inside a range, in
 * logarithmic time (the passes below ask once per sentence or cue; a scan each time would make
 * them quadratic in a long document).
 */
class SpanLookup {
  private readonly starts: number[];
  /** the largest end among the spans up to each index */
  private readonly maxEnd: number[];
  /** the smallest end among the spans from each index on */
  private readonly minEnd: number[];

  constructor(private readonly spans: readonly { start: number; end: number }[]) {
    this.starts = spans.map((q) => q.start);
    this.maxEnd = [];
    let max = -Infinity;
    for (const q of spans) this.maxEnd.push((max = Math.max(max, q.end)));
    this.minEnd = new Array(spans.length);
    let min = Infinity;
    for (let i = spans.length - 1; i >= 0; i--) this.minEnd[i] = min = Math.min(min, spans[i].end);
  }

  /** how many spans start before `pos` (or at it, with `orAt`) */
  countBefore(pos: number, orAt = false): number {
    const starts = this.starts;
    return countWhile(starts.length, (k) => starts[k] < pos || (orAt && starts[k] === pos));
  }

  /** some span has start < end and its end > start */
  overlaps(start: number, end: number): boolean {
    const n = this.countBefore(end);
    return n > 0 && this.maxEnd[n - 1] > start;
  }

  /** some span holds [start, end] */
  holds(start: number, end: number): boolean {
    const n = this.countBefore(start, true);
    return n > 0 && this.maxEnd[n - 1] >= end;
  }

  /** some span lies inside [start, end] */
  within(start: number, end: number): boolean {
    const i = this.countBefore(start);
    return i < this.spans.length && this.minEnd[i] <= end;
  }
}

/** Reported speech: every cue outside the quotations with the content the parse gives it, and "according to X". */
function findIndirect(ctx: QuoteContext, trail: SpeakerTrail, direct: Quote[], termTokens: Uint8Array): Quote[] {
  const { doc } = ctx;
  /** a quoted word someone is reported as saying (not a quoted name or term) */
  const quotedWord = (i: number) => ctx.inside(i) && termTokens[i] !== 1;
  const toks = doc.tokens;
  const out: Quote[] = [];
  // a cue that introduces a direct quote reports that quote, not a claim of its own
  const usedCues = new Set(direct.map((q) => q.cue?.start).filter((x): x is number => x !== undefined));
  // what the passes ask of the direct quotes (in text order) is looked up, not scanned, per cue
  const quoted = new SpanLookup(direct);
  const directSpeakerAt: { start: number; end: number; speaker: string }[] = [];
  for (const q of direct) if (q.speaker) directSpeakerAt.push({ start: q.start, end: q.end, speaker: q.speaker });
  const spokenDirect = new SpanLookup(directSpeakerAt);
  /** indirect quotes with a speaker, in the order found (sentence by sentence) */
  const spoken: { start: number; speaker: string }[] = [];
  const lastSpeakerBefore = (pos: number): string | null => {
    const n = spokenDirect.countBefore(pos);
    const d = n > 0 ? directSpeakerAt[n - 1] : null;
    // only indirect quotes of this sentence can start at or after pos: step back over them
    let k = spoken.length - 1;
    while (k >= 0 && spoken[k].start >= pos) k--;
    const o = k >= 0 ? spoken[k] : null;
    return (o && (!d || o.start > d.start) ? o : d)?.speaker ?? null;
  };
  for (let sIdx = 0; sIdx < doc.sentences.length; sIdx++) {
    const sent = doc.sentences[sIdx];
    let found = 0;
    for (let i = sent.tokenStart; i < sent.tokenEnd && rule.reportedSpeech.enabled; i++) {
      if (ctx.inside(i)) continue;
      const cue = cueAt(doc, i);
      if (!cue || negated(doc, i)) continue;
      if (cue.frames.size === 1 && cue.frames.has('quote')) continue;
      if (cue.frames.has('belief') && !rule.belief.enabled) continue;
      // "identified only as Ivan", "had been denied visas": a passive with no one saying it
      if (passiveWithoutAgent(ctx, i)) continue;
      const src = sourceOfCue(ctx, i);
      const span = reportedContent(ctx, i, cue, src);
      if (!span) continue;
      // the source is never part of what it said ('"…," she said' read as one clause)
      // (but a cue set off by commas inside its content keeps the words on both sides: quotes.parenthetical-cue)
      if (src && !span.aside && src.from <= span.to && src.to >= span.from) {
        if (src.from > span.from) span.to = src.from - 1;
        else span.from = src.to + 1;
        while (span.to > span.from && /^[,;:—–]$/.test(toks[span.to].text)) span.to--;
        if (span.to < span.from) continue;
      }
      const start = toks[span.from].start;
      const end = toks[span.to].end;
      // the content is one direct quote: the quote is the attribution; a cue that introduces a
      // direct quote reports more only as a paraphrase holding it (mixed); a lone pronoun ("denied it") says nothing
      if (quoted.holds(start, end)) continue;
      // nothing but a quotation and its marks: the quotation is the attribution
      if (!toks.slice(span.from, span.to + 1).some((t, k) => !ctx.inside(span.from + k) && /[\p{L}\p{N}]/u.test(t.text))) continue;
      if (usedCues.has(toks[i].start) && !toks.slice(span.from, span.to + 1).some((_, k) => ctx.inside(span.from + k))) continue;
      if (span.from === span.to && toks[span.from].upos === 'PRON') continue;
      const hasQuoted = toks.slice(span.from, span.to + 1).some((_, k) => quotedWord(span.from + k));
      const srcOrSubject = (span.trailing && src && clauseSubjectForPronoun(ctx, src.head, span)) || src;
      const att = srcOrSubject && !ctx.inside(srcOrSubject.head) ? fromSpeaker(toks[i], speakerOf(ctx, srcOrSubject, trail.before(toks[i].start))) : { speaker: null, cue: toks[i], viaStatement: false } as Attribution;
      if (att.found) trail.add(toks[i].start, att.found);
      let speaker = att.speaker;
      if (!speaker && att.viaStatement && rule.statementLastSpeaker.enabled) {
        speaker = lastSpeakerBefore(start);
        if (speaker) rule.statementLastSpeaker.fired(start, end);
      }
      const kind: Quote['kind'] = cue.frames.has('belief') ? 'belief' : hasQuoted ? 'mixed' : 'indirect';
      out.push({
        start, end, text: doc.text.slice(start, end), speaker, ...(!speaker && att.words ? { speaker_text: att.words } : {}), kind,
        cue: { start: toks[i].start, end: toks[i].end, text: toks[i].text }, ...(att.source ? { source: att.source } : {}),
      });
      if (speaker) spoken.push({ start, speaker });
      // "…, Maróth said, and paying back the loan seems realistic": the clause after ", and" is the same speaker's second claim
      if (span.tail) {
        const ts = toks[span.tail.from].start;
        const te = toks[span.tail.to].end;
        out.push({
          start: ts, end: te, text: doc.text.slice(ts, te), speaker, ...(!speaker && att.words ? { speaker_text: att.words } : {}), kind: cue.frames.has('belief') ? 'belief' : 'indirect',
          cue: { start: toks[i].start, end: toks[i].end, text: toks[i].text }, ...(att.source ? { source: att.source } : {}),
        });
      }
      rule.reportedSpeech.fired(start, end);
      if (kind === 'belief') rule.belief.fired(start, end);
      if (span.complement) rule.objectComplement.fired(start, end);
      if (span.trailing) rule.trailingAttribution.fired(start, end);
      noteCue(doc, toks[i]);
      found++;
    }
    // "according to X, CLAUSE" / "CLAUSE, according to X" (a cue in the sentence already reports its claim otherwise)
    const acc = accordingTo(ctx, sIdx, trail);
    // "According to X, CLAUSE." frames the whole sentence: the cues inside the clause are nested in X's claim
    const frames = acc && rule.accordingFrames.enabled && (acc.from === sent.tokenStart || acc.to >= sent.tokenEnd - 2);
    // "CLAUSE, according to X, who said … / but …": set off by commas after a finished clause, the phrase closes that clause's
    // attribution however the sentence goes on (a relative clause on X, a coordinated or subordinate clause)
    const closing = !!acc && !frames && rule.accordingBeforeClause.enabled && accordingClosesClause(ctx, sent, acc.from, acc.to);
    if (acc && !quoted.within(sent.start, sent.end) && (!found || frames || closing)) {
      if (closing) rule.accordingBeforeClause.fired(toks[acc.from].start, toks[acc.to].end);
      if (found && frames) rule.accordingFrames.fired(toks[acc.from].start, toks[acc.from + 1].end);
      let a = sent.tokenStart;
      let b = sent.tokenEnd - 1;
      // ", which according to X had …": the phrase opens a relative clause, whose rest is X's claim
      const relative = rule.accordingInRelative.enabled && acc.from > sent.tokenStart && RELATIVE_WORDS.has(lw(toks[acc.from - 1])) && toks[acc.from - 2]?.text === ',' && !/^[,;:.!?]$/.test(toks[acc.to]?.text ?? '.');
      if (relative) {
        a = acc.to;
        b = a;
        while (b + 1 < sent.tokenEnd && !/^[,;:.!?]$/.test(toks[b + 1].text) && !ctx.inside(b + 1)) b++;
        rule.accordingInRelative.fired(toks[acc.from - 1].start, toks[b].end);
      } else if (acc.from === sent.tokenStart) a = Math.min(acc.to + 1, b); // "According to X, …"
      else b = acc.from - 1; // "…, according to X."
      while (a < b && /^[,;:]$/.test(toks[a].text)) a++;
      while (b > a && /^[,.!?;:]$/.test(toks[b].text)) b--;
      if (b >= a) {
        const start = toks[a].start;
        const end = toks[b].end;
        let speaker = acc.att.speaker;
        if (!speaker && acc.att.viaStatement && rule.statementLastSpeaker.enabled) {
          speaker = lastSpeakerBefore(start);
          if (speaker) rule.statementLastSpeaker.fired(start, end);
        }
        out.push({
          start, end, text: doc.text.slice(start, end), speaker, ...(!speaker && acc.att.words ? { speaker_text: acc.att.words } : {}),
          kind: toks.slice(a, b + 1).some((_, k) => quotedWord(a + k)) ? 'mixed' : 'indirect',
          cue: { start: acc.att.cue.start, end: acc.att.cue.end, text: acc.att.cue.text }, ...(acc.att.source ? { source: acc.att.source } : {}),
        });
        if (speaker) spoken.push({ start, speaker });
        rule.accordingTo.fired(start, end);
      }
    }
  }
  return out;
}
