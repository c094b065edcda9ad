/**
 * Quotes and their speakers.
 * Direct quotes: text between paired quote marks (curly or straight), partial quotes inside
 * narration, and quotes running over several paragraphs (an unclosed quote continued by a
 * paragraph that opens with a quote mark). A quoted nickname inside a name (Alexander “Sasha”
 * Trufanov) is not a quote.
 * Indirect quotes: "X said (that) …", "according to X, …".
 * Speakers: the subject of a cue verb (said, told, wrote, added, noted, …) before, inside or after
 * the quote — from the parse when there is one, else from the nearest mention — resolved to its
 * entity through coreference ("the embassy added" → the Russian Embassy); a statement noun ("the
 * statement noted") stands for the last speaker; a paragraph that is only a quote continues the
 * previous speaker.
 */
import type { Doc, Entity, Mention, Quote, Token } from '../doc.js';
import type { Stage } from '../pipeline.js';
import { PRONOUNS, SPEECH_VERBS, STATEMENT_NOUNS } from './gazetteer-lists.js';

const OPEN = new Set(['“', '„', '«']);
const CLOSE = new Set(['”', '»']);
/** Cue verbs that can introduce a reported (indirect) claim. */
const REPORTING = new Set([...SPEECH_VERBS].filter((v) => !/^(thank|welcome|accuse|ask|shout|cry|quip|urge|describe|thought|think|continue|respond|reply|recall)/.test(v)));
const NEGATORS = new Set(['not', "n't", 'never', 'failed', 'refused', 'declined', 'no']);

interface RawQuote {
  /** offsets of the content, without the quote marks */
  start: number;
  end: number;
  /** offsets including the marks */
  outerStart: number;
  outerEnd: number;
  /** index shared by the segments of one multi-paragraph quote */
  group: number;
}

/** Find quote spans paragraph by paragraph. */
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

function lw(t: Token | undefined): string {
  return t ? t.text.toLowerCase().replace(/’/g, "'") : '';
}

function isCue(t: Token | undefined): boolean {
  if (!t) return false;
  if (t.lemma) return SPEECH_VERBS.has(t.lemma.toLowerCase()) && (t.upos === undefined || t.upos === 'VERB');
  return SPEECH_VERBS.has(lw(t));
}

function negated(doc: Doc, cueIdx: number): boolean {
  for (let k = cueIdx - 1; k >= Math.max(0, cueIdx - 3); k--) {
    const w = lw(doc.tokens[k]);
    if (NEGATORS.has(w)) return true;
    if (w === 'to' && doc.tokens[k - 1] && NEGATORS.has(lw(doc.tokens[k - 1]))) return true;
  }
  return false;
}

/** Entity id owning the token, or the token's noun-phrase head's owner. */
function ownerAt(doc: Doc, owners: (string | undefined)[], idx: number): string | null {
  return owners[idx] ?? null;
}

function tokenOwners(doc: Doc): (string | undefined)[] {
  const owners: (string | undefined)[] = new Array(doc.tokens.length);
  for (const e of doc.entities) {
    for (const m of e.mentions) {
      for (let i = doc.tokenAt(m.start); i < doc.tokens.length && doc.tokens[i].start < m.end; i++) {
        // a name outranks a nominal or pronoun over the same token
        if (owners[i] === undefined || m.kind === 'name') owners[i] = e.id;
      }
    }
  }
  return owners;
}

interface Attribution {
  speaker: string | null;
  cue: Token;
  /** the subject is a statement noun standing for its author */
  viaStatement: boolean;
  /** the subject's words when no entity stands for it ("police", "the French presidency") */
  words?: string;
}

const PRONOUN_WORDS = new Set(['he', 'she', 'they', 'it', 'i', 'we', 'you', 'who', 'that', 'this', 'one', 'someone', 'everyone', 'nobody']);

/** "the French presidency", "police", "a senior official": a short noun phrase headed by token i, as written. */
function subjectWords(doc: Doc, i: number): string | undefined {
  const toks = doc.tokens;
  const t = toks[i];
  if (PRONOUN_WORDS.has(lw(t)) || !/^(?:NOUN|PROPN)$/.test(t.upos ?? 'NOUN')) return undefined;
  let from = i;
  const sent = doc.sentences[t.sentence];
  for (let k = i - 1; k >= Math.max(sent.tokenStart, i - 5); k--) {
    // the words of the noun phrase by their tags (the parse of a phrase after a quote is shaky)
    const u = toks[k].upos ?? '';
    if (!/^(?:DET|ADJ|NOUN|PROPN|NUM)$/.test(u) && !POSSESSIVE_WORDS.has(lw(toks[k]))) break;
    from = k;
    if (u === 'DET' || POSSESSIVE_WORDS.has(lw(toks[k]))) break;
  }
  return doc.text.slice(toks[from].start, t.end);
}

/** Words between two token indices as a speaker description: a short phrase of words, no pronoun alone. */
function phraseWords(doc: Doc, from: number, to: number): string | undefined {
  if (to < from || to - from > 5) return undefined;
  const toks = doc.tokens;
  for (let k = from; k <= to; k++) if (!/^[\p{L}'’.-]+$/u.test(toks[k].text)) return undefined;
  if (from === to && PRONOUN_WORDS.has(lw(toks[from]))) return undefined;
  return doc.text.slice(toks[from].start, toks[to].end);
}

function isReportingVerb(t: Token): boolean {
  return t.lemma ? REPORTING.has(t.lemma.toLowerCase()) && (t.upos === undefined || t.upos === 'VERB') : REPORTING.has(lw(t));
}

const POSSESSIVE_WORDS = new Set(['his', 'her', 'their', 'its', 'my', 'our', 'your']);

/**
 * The token stands for a possessor ("his lawyer", "Leila Farahani's father"): the one who owns
 * the noun, not the one who speaks.
 */
function isPossessor(doc: Doc, owners: (string | undefined)[], k: number): boolean {
  const toks = doc.tokens;
  if (POSSESSIVE_WORDS.has(lw(toks[k]))) return true;
  let j = k;
  while (j + 1 < toks.length && owners[j + 1] !== undefined && owners[j + 1] === owners[k]) j++;
  const next = toks[j + 1];
  return next !== undefined && next.start === toks[j].end && /^['’]s?$/.test(next.text);
}

function hasSubject(doc: Doc, idx: number): boolean {
  const sent = doc.sentences[doc.tokens[idx].sentence];
  for (let i = sent.tokenStart; i < sent.tokenEnd; i++) if (doc.tokens[i].head === idx && /^nsubj/.test(doc.tokens[i].deprel ?? '')) return true;
  return false;
}

/**
 * The reported clause of a cue verb from the parse: its clausal complement after it ("said Mali
 * had helped", "told reporters that she …"), as token indices [from, to] without the "that"
 * and trailing punctuation; null when the parse gives none.
 */
function reportedClause(doc: Doc, cueIdx: number): { from: number; to: number } | null {
  const toks = doc.tokens;
  const sent = doc.sentences[toks[cueIdx].sentence];
  let comp = -1;
  for (let i = cueIdx + 1; i < sent.tokenEnd; i++) if (toks[i].head === cueIdx && toks[i].deprel === 'ccomp') { comp = i; break; }
  if (comp < 0) {
    // "Turkey's Foreign Ministry said 12 citizens had been returned", parsed with the cue hanging
    // on the reported verb after it: the rest of the sentence is the clause
    const h = toks[cueIdx].head ?? -1;
    if (toks[cueIdx].deprel !== 'parataxis' || h <= cueIdx || h >= sent.tokenEnd || (toks[h].upos !== 'VERB' && toks[h].upos !== 'AUX')) return null;
    if (!toks.slice(sent.tokenStart, cueIdx).some((t) => t.head === cueIdx && /^nsubj/.test(t.deprel ?? ''))) return null;
    let from = cueIdx + 1;
    let to = sent.tokenEnd - 1;
    if (lw(toks[from]) === 'that') from++;
    while (to > from && /^[.!?,;:”"]$/.test(toks[to].text)) to--;
    return to > from ? { from, to } : null;
  }
  // a clause has a verb or a subject: "said Karin Holm, whose son …" is an inverted subject the parse took for one
  const ct = toks[comp];
  const clauseLike = ct.upos === 'VERB' || ct.upos === 'AUX' || toks.slice(sent.tokenStart, sent.tokenEnd).some((t) => t.head === comp && /^(nsubj|cop|aux)/.test(t.deprel ?? ''));
  if (!clauseLike) return null;
  // the complement's subtree: walk heads up to the complement (trees are shallow; bounded walk),
  // leaving out a conjoined cue verb's own clause ("… helped negotiate the release but denied that …")
  let from = comp;
  let to = comp;
  for (let i = cueIdx + 1; i < sent.tokenEnd; i++) {
    let h = i;
    let nestedCue = false;
    for (let steps = 0; h !== comp && h >= 0 && steps < 64; steps++) {
      if (toks[h].deprel === 'conj' && isReportingVerb(toks[h])) nestedCue = true;
      h = toks[h].head ?? -1;
    }
    if (h === comp && !nestedCue) { from = Math.min(from, i); to = Math.max(to, i); }
  }
  while (to > from && (toks[to].deprel === 'cc' || toks[to].deprel === 'punct')) to--;
  while (from < to && (toks[from].deprel === 'mark' || /^[,:"“]$/.test(toks[from].text))) from++;
  while (to > from && /^[.!?,;:”"]$/.test(toks[to].text)) to--;
  // a "clause" without a verb is a fragment of a broken parse ("that one of its units"): read the words instead
  if (!toks.slice(from, to + 1).some((t) => t.upos === 'VERB' || t.upos === 'AUX')) return null;
  return { from, to };
}

/**
 * Subject of a cue verb: the parse's nsubj when there is one; else the nearest mention
 * before the verb (within the clause) or, for "said X", right after it.
 */
function subjectOfCue(doc: Doc, owners: (string | undefined)[], cueIdx: number, inside: (i: number) => boolean, depth = 0): Attribution {
  const toks = doc.tokens;
  const cue = toks[cueIdx];
  if (cue.deprel !== undefined) {
    // "X said … and added that …": a conjoined verb without a subject of its own shares its head's
    if (cue.deprel === 'conj' && cue.head !== undefined && cue.head >= 0 && depth < 4 && !hasSubject(doc, cueIdx)) {
      const shared = subjectOfCue(doc, owners, cue.head, inside, depth + 1);
      if (shared.speaker || shared.viaStatement) return { ...shared, cue };
      // "X said the border would reopen but denied that …": the parse often hangs the second cue on
      // the reported verb, whose subject cannot speak; the speaker is then the outer cue's
      const head = toks[cue.head];
      if (head.deprel === 'ccomp' && head.head !== undefined && head.head >= 0 && isReportingVerb(toks[head.head])) {
        const outer = subjectOfCue(doc, owners, head.head, inside, depth + 1);
        if (outer.speaker || outer.viaStatement) return { ...outer, cue };
      }
    }
    let nationalityOnly: string | null = null;
    for (let i = toks[cueIdx].sentence === undefined ? 0 : doc.sentences[cue.sentence].tokenStart; i < doc.sentences[cue.sentence].tokenEnd; i++) {
      if (toks[i].head === cueIdx && /^nsubj/.test(toks[i].deprel ?? '') && !inside(i)) {
        if (STATEMENT_NOUNS.has(lw(toks[i]))) return { speaker: null, cue, viaStatement: true };
        // the subject's own token; else, for a role noun ("Kremlin spokesperson Dmitry Peskov"),
        // the name in apposition, then any name inside its phrase
        let who = ownerAt(doc, owners, i);
        if (!who) {
          const sent = doc.sentences[cue.sentence];
          const children: number[] = [];
          for (let j = sent.tokenStart; j < sent.tokenEnd; j++) if (toks[j].head === i && !inside(j)) children.push(j);
          const appos = children.find((j) => /^(appos|flat)/.test(toks[j].deprel ?? '') && owners[j]);
          who = appos !== undefined ? owners[appos]! : null;
          // a name inside the phrase ("Kremlin spokesperson Peskov"), never its possessor ("his
          // lawyer") or a nationality ("the British Foreign Office")
          if (!who) {
            for (const j of children) {
              const o = ownerAt(doc, owners, j);
              if (o && !who && toks[j].deprel !== 'nmod:poss' && !isPossessor(doc, owners, j) && speakerRank(doc, o) > 0) who = o;
            }
          }
        }
        // a nationality heading the subject is the parse's slip over a title: "Lebanese Interior
        // Minister Bassam Mawlawi said" — the person named in the subject phrase speaks
        if ((!who || speakerRank(doc, who) === 0) && i < cueIdx) {
          const named = bestInSpan(doc, owners, i, cueIdx - 1, inside);
          if (named) who = named;
        } else if (who && doc.entityById(who)?.type !== 'PERSON' && i < cueIdx && !isPossessor(doc, owners, i)) {
          // "Hamas official Osama Hamdan told …" parsed with the organisation as subject: the titled person speaks
          const named = bestInSpan(doc, owners, i, cueIdx - 1, inside);
          if (named && doc.entityById(named)?.type === 'PERSON') who = named;
        }
        if (who) {
          // "Russia's Defence Ministry said", parsed with both as subjects: the possessor is not the speaker
          if (isPossessor(doc, owners, i) && speakerRank(doc, who) > 0) { nationalityOnly ??= who; continue; }
          if (speakerRank(doc, who) > 0) return { speaker: who, cue, viaStatement: false };
          nationalityOnly ??= who;
          continue;
        }
        const words = subjectWords(doc, i);
        if (words) return { speaker: null, cue, viaStatement: false, words };
      }
    }
    if (nationalityOnly) return { speaker: nationalityOnly, cue, viaStatement: false };
  }
  // before the verb: up to 8 tokens, stopping at a quote mark or clause punctuation
  for (let k = cueIdx - 1; k >= Math.max(doc.sentences[cue.sentence].tokenStart, cueIdx - 8); k--) {
    const t = toks[k];
    if (inside(k) || /^[“”"„«»;:]$/.test(t.text)) break;
    if (t.text === ',' && k < cueIdx - 1) break;
    if (STATEMENT_NOUNS.has(lw(t)) && !owners[k]) return { speaker: null, cue, viaStatement: true };
    const who = owners[k];
    if (who && speakerRank(doc, who) > 0 && !isPossessor(doc, owners, k)) return { speaker: who, cue, viaStatement: false };
  }
  // inverted: "…,” said Peskov"
  for (let k = cueIdx + 1; k < Math.min(doc.sentences[cue.sentence].tokenEnd, cueIdx + 6); k++) {
    if (inside(k) || /^[“”"„«»,;:.]$/.test(toks[k].text)) break;
    const who = owners[k];
    if (who) return { speaker: who, cue, viaStatement: false };
  }
  return { speaker: null, cue, viaStatement: false };
}

/**
 * The best-ranked speaker named in tokens from..to, a run of words with no clause break: a
 * person over an organisation over a place; never a possessor ("his lawyer") or a nationality.
 */
function bestInSpan(doc: Doc, owners: (string | undefined)[], from: number, to: number, inside: (i: number) => boolean): string | null {
  let best: string | null = null;
  for (let k = from; k <= to; k++) {
    if (inside(k) || /^[,;:“”"„«»()–—-]$/.test(doc.tokens[k].text) || isReportingVerb(doc.tokens[k])) return best;
    const o = owners[k];
    if (o && speakerRank(doc, o) > 0 && !isPossessor(doc, owners, k) && (!best || speakerRank(doc, o) > speakerRank(doc, best))) best = o;
  }
  return best;
}

function isNickname(doc: Doc, q: RawQuote): boolean {
  const inner = doc.text.slice(q.start, q.end);
  if (!/^\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*)?$/u.test(inner)) return false;
  const before = doc.text.slice(Math.max(0, q.outerStart - 30), q.outerStart);
  const after = doc.text.slice(q.outerEnd, q.outerEnd + 30);
  return /\p{Lu}[\p{L}.'’-]*\s+$/u.test(before) && /^\s+\p{Lu}/u.test(after);
}

export const quotesStage: Stage = {
  name: 'quotes',
  requires: ['tokens', 'sentences'], uses: ['entities', 'coref', 'tags', 'parse'], provides: ['quotes', 'coref.in-quotes'],
  run(doc: Doc) {
    const owners = tokenOwners(doc);
    const raws = findQuoteSpans(doc.text).filter((q) => !isNickname(doc, q) && /\p{L}/u.test(doc.text.slice(q.start, q.end)));
    // which tokens lie inside a quote, computed once (documents can hold thousands of quotes)
    const inside = new Uint8Array(doc.tokens.length);
    for (const q of raws) for (let i = doc.tokenAt(q.start); i < doc.tokens.length && doc.tokens[i].end <= q.end; i++) if (doc.tokens[i].start >= q.start) inside[i] = 1;
    const insideAny = (i: number) => inside[i] === 1;
    // paragraph → [first sentence, last sentence]
    const paraRange = new Map<number, [number, number]>();
    doc.sentences.forEach((x, i) => {
      const r = paraRange.get(x.paragraph);
      if (r) r[1] = i;
      else paraRange.set(x.paragraph, [i, i]);
    });
    const paraCharCount = new Map<number, number>();
    const quotes: (Quote & { group: number; viaStatement: boolean; paragraph: number; onlyQuote: boolean })[] = [];
    const quotedParagraphs = new Set<number>();
    for (const q of raws) {
      // trim the content: spaces and the comma that hands over to the attribution
      let s = q.start;
      let e = q.end;
      while (s < e && /\s/.test(doc.text[s])) s++;
      while (e > s && /[\s,]/.test(doc.text[e - 1])) e--;
      if (e <= s) continue;
      const firstSent = doc.sentenceAt(q.outerStart);
      const lastSent = doc.sentenceAt(Math.max(q.outerStart, q.outerEnd - 1));
      const wordCount = doc.text.slice(s, e).split(/\s+/).length;
      // look for a cue verb outside the quote in the sentences the quote touches
      let att: Attribution | null = null;
      const sentRange = [lastSent, firstSent].filter((v, i, a) => a.indexOf(v) === i);
      for (const sIdx of sentRange) {
        const sent = doc.sentences[sIdx];
        const cands: number[] = [];
        for (let i = sent.tokenStart; i < sent.tokenEnd; i++) if (!insideAny(i) && isCue(doc.tokens[i]) && !negated(doc, i)) cands.push(i);
        // prefer a cue after the quote, then the nearest before it
        cands.sort((a, b) => {
          const da = doc.tokens[a].start >= q.outerEnd ? doc.tokens[a].start - q.outerEnd : 1e6 + q.outerStart - doc.tokens[a].end;
          const db = doc.tokens[b].start >= q.outerEnd ? doc.tokens[b].start - q.outerEnd : 1e6 + q.outerStart - doc.tokens[b].end;
          return da - db;
        });
        for (const c of cands) {
          const a = subjectOfCue(doc, owners, c, insideAny);
          if (a.speaker || a.viaStatement) { att = a; break; }
          att ??= a;
        }
        if (att && (att.speaker || att.viaStatement)) break;
      }
      // "according to X"
      let speaker: string | null = att?.speaker ?? null;
      if (!speaker) speaker = accordingTo(doc, owners, firstSent, insideAny);
      const speakerText = !speaker && att?.words ? att.words : undefined;
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
        viaStatement: att?.viaStatement ?? false, paragraph, onlyQuote,
        ...(att ? { cue: { start: att.cue.start, end: att.cue.end, text: att.cue.text } } : {}),
      });
      quotedParagraphs.add(paragraph);
    }
    // segments of one multi-paragraph quote share the speaker found for any of them
    const byGroup = new Map<number, string>();
    for (const q of quotes) if (q.speaker) byGroup.set(q.group, q.speaker);
    for (const q of quotes) if (!q.speaker && !q.speaker_text && byGroup.has(q.group)) q.speaker = byGroup.get(q.group)!;
    // a quote with no cue continues the previous speaker in its paragraph, or the previous
    // paragraph's when it stands alone; a statement noun stands for the last speaker
    let last: { speaker: string; paragraph: number } | null = null;
    for (const q of quotes) {
      if (!q.speaker && !q.speaker_text && last && (q.viaStatement || (!q.cue && (q.paragraph === last.paragraph || (q.onlyQuote && q.paragraph === last.paragraph + 1))))) q.speaker = last.speaker;
      if (q.speaker) last = { speaker: q.speaker, paragraph: q.paragraph };
    }
    const direct: Quote[] = quotes.map(({ group: _g, viaStatement: _v, paragraph: _p, onlyQuote: _o, ...rest }) => rest);
    direct.push(...interviewAnswers(doc, direct));
    direct.sort((a, b) => a.start - b.start);
    relinkSpeakerPronouns(doc, direct);
    const indirect = findIndirect(doc, owners, insideAny, direct);
    doc.quotes = [...direct, ...indirect].sort((a, b) => a.start - b.start);
  },
};

/**
 * An interview transcript ("Q: How did it happen?" / "A: Slowly."): each answer is the interviewee
 * speaking, the person the introduction before the first question is most about.
 */
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
  }
  return out;
}

/** 'm' or 'f' for he/him/his/she/her…, else undefined */
function personalGender(word: string): 'm' | 'f' | undefined {
  const g = PRONOUNS[word.toLowerCase()]?.gender;
  return g === 'm' || g === 'f' ? g : undefined;
}

/**
 * Inside a speaker's own quote, "he" and "she" are someone else: a speaker says "I". Coreference
 * runs before speakers are known, so a pronoun it gave the speaker moves here to the person last
 * named before it whose pronouns agree ("Karim said: 'We do not know whether he is alive'").
 */
function relinkSpeakerPronouns(doc: Doc, direct: Quote[]): void {
  // Linear: each person's gendered pronouns and every person mention are indexed once; a quote
  // finds its pronouns by offset and a pronoun looks back over a window of person mentions.
  // Who holds a mention is read from mention.entity, which a move updates.
  const pronounsOf = new Map<Entity, Mention[]>();
  const genders = new Map<Entity, { m: number; f: number }>();
  const order = new Map<Entity, number>();
  const all: Mention[] = [];
  for (const e of doc.entities) {
    if (e.type !== 'PERSON') continue;
    order.set(e, order.size);
    const count = { m: 0, f: 0 };
    const list: Mention[] = [];
    for (const x of e.mentions) {
      all.push(x);
      const g = x.kind === 'pronoun' ? personalGender(x.text) : undefined;
      if (g) (count[g]++, list.push(x));
    }
    genders.set(e, count);
    pronounsOf.set(e, list.sort((a, b) => a.start - b.start));
  }
  all.sort((a, b) => a.start - b.start);
  const firstFrom = (list: Mention[], pos: number) => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const dropped = new Set<Mention>();
  const touched = new Set<Entity>();
  for (const q of direct) {
    const speaker = q.speaker ? doc.entityById(q.speaker) : undefined;
    if (!speaker || speaker.type !== 'PERSON') continue;
    const own = pronounsOf.get(speaker)!;
    const inside: Mention[] = [];
    for (let k = firstFrom(own, q.start); k < own.length && own[k].start < q.end; k++) {
      const m = own[k];
      if (m.end <= q.end && m.entity === speaker.id && !dropped.has(m)) inside.push(m);
    }
    for (const m of inside) {
      const gender = personalGender(m.text)!;
      const other = gender === 'm' ? 'f' : 'm';
      genders.get(speaker)![gender]--;
      touched.add(speaker);
      // the person last named before it whose pronouns agree (the nearest PERSON_WINDOW mentions)
      let best: Entity | undefined;
      let at = -1;
      for (let k = firstFrom(all, m.start) - 1, n = 0; k >= 0 && n < PERSON_WINDOW; k--, n++) {
        const x = all[k];
        if (best && x.start < at) break;
        if (x.end > m.start || dropped.has(x)) continue;
        const e = x.entity ? doc.entityById(x.entity) : undefined;
        if (!e || e === speaker || e.type !== 'PERSON' || genders.get(e)![other] > 0) continue;
        if (!best || order.get(e)! < order.get(best)!) (best = e), (at = x.start);
      }
      if (best) {
        m.entity = best.id;
        best.mentions.push(m);
        genders.get(best)![gender]++;
        touched.add(best);
      } else dropped.add(m);
    }
  }
  for (const e of touched) {
    const keep = e.mentions.filter((x) => x.entity === e.id && !dropped.has(x)).sort((a, b) => a.start - b.start);
    e.mentions.length = 0;
    for (const x of keep) e.mentions.push(x);
  }
  if (dropped.size) doc.mentions = doc.mentions.filter((x) => !dropped.has(x));
}

/** How far back (person mentions) a pronoun inside a speaker's quote looks for its person. */
const PERSON_WINDOW = 2000;

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
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] < pos || (orAt && this.starts[mid] === pos)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
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

/**
 * Token k names a place that only locates a speaker described by a noun before it: "an official
 * in Niamey", "a source in Kabul" (the phrase starts at `from`). A place alone still speaks ("Kyiv said").
 */
function placeOfSpeaker(doc: Doc, owners: (string | undefined)[], k: number, from: number): boolean {
  const type = doc.entityById(owners[k]!)?.type;
  if (type !== 'GPE' && type !== 'LOC' && type !== 'FAC') return false;
  let b = k - 1;
  while (b >= from && owners[b] === owners[k]) b--;
  while (b >= from && /^(?:the|a|an)$/i.test(doc.tokens[b].text)) b--;
  if (b < from || !/^(?:in|at|from|near|inside|outside|based)$/i.test(doc.tokens[b].text)) return false;
  // a noun of its own before the preposition: the speaker is that noun
  for (let j = from; j < b; j++) if (/^(?:NOUN|PROPN)$/.test(doc.tokens[j].upos ?? 'NOUN') && !owners[j]) return true;
  return false;
}

/** Speaker rank: people and organisations speak; a nationality or a place rarely does. */
function speakerRank(doc: Doc, id: string): number {
  const type = doc.entityById(id)?.type;
  return type === 'PERSON' ? 3 : type === 'ORG' ? 2 : type === 'NORP' ? 0 : 1;
}

/**
 * "according to X": the phrase X runs to the next comma or the sentence end; its speaker is the
 * best-ranked entity in it (a person over an organisation over a place, never a nationality).
 * Returns the speaker and the token range of the whole "according to X" phrase.
 */
function accordingToPhrase(doc: Doc, owners: (string | undefined)[], sIdx: number, inside: (i: number) => boolean): { speaker: string | null; words?: string; from: number; to: number } | null {
  const sent = doc.sentences[sIdx];
  for (let i = sent.tokenStart; i < sent.tokenEnd - 2; i++) {
    if (lw(doc.tokens[i]) !== 'according' || lw(doc.tokens[i + 1]) !== 'to' || inside(i)) continue;
    let best: string | null = null;
    let k = i + 2;
    for (; k < sent.tokenEnd && !/^[,;:.!?]$/.test(doc.tokens[k].text); k++) {
      const o = owners[k];
      // "according to a spokesperson for his office": the possessor owns the office, the spokesperson
      // speaks; "an official in Niamey": the place is where the official is
      if (o && speakerRank(doc, o) > 0 && !isPossessor(doc, owners, k) && !placeOfSpeaker(doc, owners, k, i + 2) && (!best || speakerRank(doc, o) >= speakerRank(doc, best))) best = o;
    }
    if (best) return { speaker: best, from: i, to: k };
    // "according to officials", "according to local media": the words, when no entity stands for them
    const words = phraseWords(doc, i + 2, k - 1);
    if (words) return { speaker: null, words, from: i, to: k };
  }
  return null;
}

function accordingTo(doc: Doc, owners: (string | undefined)[], sIdx: number, inside: (i: number) => boolean): string | null {
  return accordingToPhrase(doc, owners, sIdx, inside)?.speaker ?? null;
}

/**
 * "CLAUSE, X said." / "CLAUSE, said X." at a sentence end: the clause is X's claim. The
 * attribution (at most eight tokens after the last comma) must hold a reporting verb and a speaker.
 */
function trailingAttribution(doc: Doc, owners: (string | undefined)[], sIdx: number, inside: (i: number) => boolean): { speaker: string | null; words?: string; pronoun?: string; cue: number; clauseEnd: number } | null {
  const sent = doc.sentences[sIdx];
  const toks = doc.tokens;
  let last = sent.tokenEnd - 1;
  while (last > sent.tokenStart && /^[.!?]$/.test(toks[last].text)) last--;
  let comma = -1;
  for (let k = last; k > Math.max(sent.tokenStart, last - 9); k--) if (toks[k].text === ',') { comma = k; break; }
  // (a participial tail may be longer: ", blaming the paramilitary Rapid Support Forces (RSF).")
  if (comma < 0) for (let k = last; k > Math.max(sent.tokenStart, last - 16); k--) if (toks[k].text === ',' && /^VB[GN]$/.test(toks[k + 1]?.xpos ?? '')) { comma = k; break; }
  // a participial tail after the attribution belongs to it: "…, an official told reporters,
  // speaking on condition of anonymity." — the attribution is the segment before the tail
  if (comma > sent.tokenStart && /^VB[GN]$/.test(toks[comma + 1]?.xpos ?? '') && !isReportingVerb(toks[comma + 1])) {
    let prev = -1;
    for (let k = comma - 1; k > Math.max(sent.tokenStart, comma - 10); k--) if (toks[k].text === ',') { prev = k; break; }
    if (prev > 0) { last = comma - 1; comma = prev; }
  }
  if (comma < sent.tokenStart + 3 || inside(comma)) return null;
  let cue = -1;
  for (let k = comma + 1; k <= last; k++) {
    if (isReportingVerb(toks[k])) { cue = k; break; }
  }
  if (cue < 0 || negated(doc, cue)) return null;
  // "Joly, said Ottawa was in contact …": a cue with its own clause after it reports that clause
  if (doc.tokens.slice(cue + 1, last + 1).some((t) => t.head === cue && t.deprel === 'ccomp')) return null;
  let speaker: string | null = null;
  for (let k = comma + 1; k <= last; k++) {
    const o = owners[k];
    if (o && speakerRank(doc, o) > 0 && !isPossessor(doc, owners, k) && !placeOfSpeaker(doc, owners, k, comma + 1) && (!speaker || speakerRank(doc, o) > speakerRank(doc, speaker))) speaker = o;
  }
  if (!speaker) {
    // ", police said." / ", said a senior official.": the words name a speaker no entity stands for
    // (the inverted order only after "said"/"says"/"added": ", denied any involvement" names no one)
    const words = cue > comma + 1 ? phraseWords(doc, comma + 1, cue - 1)
      : /^(?:said|says|added)$/i.test(toks[cue].text) ? phraseWords(doc, cue + 1, last) : undefined;
    // ", it said." / ", he added.": a pronoun the caller resolves to the speaker just reported
    if (!words && cue === comma + 2 && /^(?:it|they|he|she)$/i.test(toks[comma + 1].text)) return { speaker: null, pronoun: lw(toks[comma + 1]), cue, clauseEnd: comma - 1 };
    if (!words) return null;
    return { speaker: null, words, cue, clauseEnd: comma - 1 };
  }
  return { speaker, cue, clauseEnd: comma - 1 };
}

/** "X said (that) CLAUSE" and "according to X, CLAUSE" outside direct quotes. */
function findIndirect(doc: Doc, owners: (string | undefined)[], inside: (i: number) => boolean, direct: Quote[]): Quote[] {
  const out: Quote[] = [];
  let lastSpeaker: string | null = null;
  // a cue that introduces a direct quote reports that quote, not a clause of its own
  const usedCues = new Set(direct.map((q) => q.cue?.start).filter((x): x is number => x !== undefined));
  // (direct is in text order: what the passes ask of it is looked up, not scanned, per sentence)
  const quoted = new SpanLookup(direct);
  const lastSpeakerAt: (string | null)[] = [];
  const lastAttributedAt: (Quote | null)[] = [];
  for (const q of direct) {
    lastSpeakerAt.push(q.speaker ?? lastSpeakerAt[lastSpeakerAt.length - 1] ?? null);
    const prev = lastAttributedAt[lastAttributedAt.length - 1] ?? null;
    lastAttributedAt.push((q.speaker || q.speaker_text) && (!prev || q.start > prev.start) ? q : prev);
  }
  const directSpeakerBefore = (pos: number) => {
    const n = quoted.countBefore(pos);
    return n > 0 ? lastSpeakerAt[n - 1] : null;
  };
  // the attributed indirect quote found so far that starts last (the first of equals)
  let lastAttributedOut: Quote | null = null;
  let outBefore = 0;
  for (let sIdx = 0; sIdx < doc.sentences.length; sIdx++) {
    const sent = doc.sentences[sIdx];
    const toks = doc.tokens;
    for (let k = outBefore; k < out.length; k++) if ((out[k].speaker || out[k].speaker_text) && (!lastAttributedOut || out[k].start > lastAttributedOut.start)) lastAttributedOut = out[k];
    outBefore = out.length;
    // "CLAUSE, the ministry said." — attribution after the claim, no quote marks
    const trailing = trailingAttribution(doc, owners, sIdx, inside);
    if (trailing && !quoted.overlaps(sent.start, toks[trailing.clauseEnd].end)) {
      const start = sent.start;
      const end = toks[trailing.clauseEnd].end;
      if (trailing.pronoun) {
        // the pronoun stands for the last speaker if its kind fits: "it"/"they" a body, "he"/"she" a person
        // (every indirect quote so far lies in an earlier sentence, so before `start`)
        const n = quoted.countBefore(start);
        const fromDirect = n > 0 ? lastAttributedAt[n - 1] : null;
        const prior: Quote | null = lastAttributedOut && (!fromDirect || lastAttributedOut.start > fromDirect.start) ? lastAttributedOut : fromDirect;
        const type = prior?.speaker ? doc.entityById(prior.speaker)?.type : undefined;
        const personal = /^(?:he|she)$/.test(trailing.pronoun);
        if (prior?.speaker && type !== undefined && (personal ? type === 'PERSON' : type !== 'PERSON')) trailing.speaker = prior.speaker;
        // "the interior ministry said … , it said": the same unnamed body
        else if (prior && !prior.speaker && prior.speaker_text && !personal) trailing.words = prior.speaker_text;
        else continue;
      }
      out.push({ start, end, text: doc.text.slice(start, end), speaker: trailing.speaker, ...(trailing.words ? { speaker_text: trailing.words } : {}), kind: 'indirect', cue: { start: toks[trailing.cue].start, end: toks[trailing.cue].end, text: toks[trailing.cue].text } });
      if (trailing.speaker) lastSpeaker = trailing.speaker;
      continue;
    }
    for (let i = sent.tokenStart; i < sent.tokenEnd - 2; i++) {
      if (inside(i)) continue;
      const w = lw(toks[i]);
      if (!isReportingVerb(toks[i]) || negated(doc, i) || usedCues.has(toks[i].start)) continue;
      let startTok: number;
      let endTok: number;
      const clause = toks[i].deprel !== undefined ? reportedClause(doc, i) : null;
      if (clause) {
        // the parse gives the clause, with or without "that": "said Mali had helped … but denied that …"
        startTok = clause.from;
        endTok = clause.to;
      } else {
        // "told reporters that", "said on Sunday that": allow a few words before "that"
        let k = i + 1;
        while (k < Math.min(sent.tokenEnd, i + 5) && lw(toks[k]) !== 'that') k++;
        if (lw(toks[k]) !== 'that' || k + 1 >= sent.tokenEnd) continue;
        startTok = k + 1;
        endTok = sent.tokenEnd - 1;
        while (endTok > k + 1 && /^[.!?”"]$/.test(toks[endTok].text)) endTok--;
      }
      // "said the group would …, according to a statement": the attribution of the attribution stays out
      for (let j = startTok + 1; j < endTok; j++) {
        if (lw(toks[j]) === 'according' && lw(toks[j + 1]) === 'to') { endTok = j - 1; break; }
      }
      while (endTok > startTok && /^[,;:]$/.test(toks[endTok].text)) endTok--;
      if (endTok < startTok || toks.slice(startTok, endTok + 1).some((_, j) => inside(startTok + j))) continue;
      const start = toks[startTok].start;
      const end = toks[endTok].end;
      // the clause must not itself be one direct quote
      if (quoted.holds(start, end)) continue;
      const att = subjectOfCue(doc, owners, i, inside);
      let speaker = att.speaker;
      if (!speaker && att.viaStatement) speaker = directSpeakerBefore(start) ?? lastSpeaker;
      out.push({ start, end, text: doc.text.slice(start, end), speaker, ...(!speaker && att.words ? { speaker_text: att.words } : {}), kind: 'indirect', cue: { start: toks[i].start, end: toks[i].end, text: toks[i].text } });
      if (speaker) lastSpeaker = speaker;
      // a clause without its own quote marks may hold the next cue: "said X but denied that Y"
      if (!clause) break;
      i = Math.max(i, startTok - 1);
    }
    // "according to X, CLAUSE" / "CLAUSE, according to X" with no direct quote in the sentence
    const acc = accordingToPhrase(doc, owners, sIdx, inside);
    // (not over a claim a cue in the sentence already reports: "X said …, according to a statement")
    if (acc && !quoted.within(sent.start, sent.end) && !out.slice(outBefore).some((q) => q.cue && q.cue.start >= sent.start && q.cue.end <= sent.end)) {
      // the claim is the sentence without the attribution phrase and its comma
      let a = sent.tokenStart;
      let b = sent.tokenEnd - 1;
      if (acc.from === sent.tokenStart) a = Math.min(acc.to + 1, b); // "According to X, …"
      else b = acc.from - 1; // "…, according to X."
      while (b > a && /^[,.!?;:]$/.test(toks[b].text)) b--;
      if (b >= a) {
        const start = toks[a].start;
        const end = toks[b].end;
        out.push({ start, end, text: doc.text.slice(start, end), speaker: acc.speaker, ...(acc.words ? { speaker_text: acc.words } : {}), kind: 'indirect', cue: { start: toks[acc.from].start, end: toks[acc.from + 1].end, text: doc.text.slice(toks[acc.from].start, toks[acc.from + 1].end) } });
      }
    }
  }
  return out;
}
