/**
 * Markables: the noun phrases coreference reads, in text order, from the names the entities stage
 * grouped and from the parse. Each is a name (or a nominal the apposition rules tied to a name), a
 * third-person pronoun, a definite description ("the ambassador", "the team's coach") — the last
 * two are what the resolver links — or another noun phrase ("a plan", "officials"), which is never
 * linked to a name but is there to be chosen: "The plan … it" is the plan's, not an organisation's.
 */
import type { Doc, Entity, Mention, Token } from '../../doc.js';
import { findQuoteSpans } from '../quotes.js';
import { creditSentences, ruleLinks, spanAt } from './rules.js';
import { nounGender, personNoun, pronounClass, pronounForm, type Gender, type PronounClass } from './words.js';
import { set } from '../../lexicon/index.js';

export type MarkableKind = 'name' | 'nominal' | 'pronoun' | 'description' | 'np';

export interface Markable {
  /** index in the document's markable list */
  index: number;
  kind: MarkableKind;
  /** token index of the phrase's head */
  head: number;
  /** first and last token of the words it would be written as (a description: determiner … head) */
  first: number;
  last: number;
  /** the entity a name or rule nominal belongs to */
  entity?: Entity;
  mention?: Mention;
  pronoun?: PronounClass;
  pronounForm?: 'subj' | 'obj' | 'poss' | 'refl';
  /** lower-case head word */
  word: string;
  plural: boolean;
  /** a common noun for a person ("mother", "ambassador", "hostage") */
  personNoun: boolean;
  /** the gender its words fix (a kinship or role noun, a title before a name), if any */
  gender: Gender | null;
  sentence: number;
  paragraph: number;
  /** coarse grammatical role of the head: subj, obj, obl, poss, nmod, appos, root, other */
  role: string;
  /** index of the quotation holding it, -1 outside quotes */
  quote: number;
  /** in a byline or a picture credit: never what a pronoun in the story refers to */
  credit: boolean;
  /** lower-case modifiers before the head (a description's "Russian" in "the Russian ambassador") */
  modifiers: string[];
  /** a noun phrase's determiner ("the", "a", "this" …), 'poss' after a possessor, '' when none */
  det: string;
}

const DEFINITE = set('function-words', { uses: 'coref-definite' });
const NOT_PHRASE_HEAD = new Set(['compound', 'flat', 'fixed', 'goeswith', 'det', 'case']);

export function coarseRole(deprel: string | undefined): string {
  const d = deprel ?? '';
  if (d.startsWith('nsubj') || d.startsWith('csubj')) return 'subj';
  if (d === 'obj' || d === 'iobj') return 'obj';
  if (d === 'nmod:poss') return 'poss';
  if (d.startsWith('obl')) return 'obl';
  if (d.startsWith('nmod')) return 'nmod';
  if (d === 'appos') return 'appos';
  if (d === 'root') return 'root';
  if (d === 'conj') return 'conj';
  return 'other';
}

export interface DocView {
  doc: Doc;
  tokens: Token[];
  /** children of each token, in order */
  children: number[][];
  /** token → the entity mention covering it */
  owner: (Mention | undefined)[];
  ownerEntity: (Entity | undefined)[];
  quotes: { start: number; end: number }[];
  /** sentence → paragraph */
  paragraphOf: (sentence: number) => number;
  /** the document opens with a one-sentence headline paragraph */
  headline: boolean;
  /** what the hand-written rules would link each token to (token → entity id), a feature of the ranker */
  rules: Map<number, string>;
}

export function docView(doc: Doc): DocView {
  const toks = doc.tokens;
  const children: number[][] = toks.map(() => []);
  for (const t of toks) if (t.head !== undefined && t.head >= 0 && t.head < toks.length) children[t.head].push(t.i);
  const owner: (Mention | undefined)[] = new Array(toks.length);
  const ownerEntity: (Entity | undefined)[] = new Array(toks.length);
  for (const e of doc.entities) {
    for (const m of e.mentions) {
      for (let i = doc.tokenAt(m.start); i < toks.length && toks[i].start < m.end; i++) {
        owner[i] = m;
        ownerEntity[i] = e;
      }
    }
  }
  const quotes = findQuoteSpans(doc.text).map((q) => ({ start: q.start, end: q.end }));
  const first = doc.sentences[0];
  const headline = first !== undefined && doc.sentences.length > 1 && doc.sentences[1].paragraph > first.paragraph && first.tokenEnd - first.tokenStart <= 30;
  return { doc, tokens: toks, children, owner, ownerEntity, quotes, paragraphOf: (s) => doc.sentences[s]?.paragraph ?? 0, headline, rules: ruleLinks(doc) };
}

/** Index of the quotation holding character `pos`, or -1 (the spans are sorted and disjoint). */
export function quoteAt(view: DocView, pos: number): number {
  return spanAt(view.quotes, pos);
}

export function buildMarkables(view: DocView): Markable[] {
  const { doc, tokens: toks, children, owner, ownerEntity } = view;
  const credits = creditSentences(doc);
  const inTime = new Uint8Array(toks.length);
  for (const t of doc.times) for (let i = doc.tokenAt(t.start); i < toks.length && toks[i].start < t.end; i++) inTime[i] = 1;
  const out: Markable[] = [];
  const base = (head: number, first: number, last: number, kind: MarkableKind): Markable => {
    const t = toks[head];
    return {
      index: 0, kind, head, first, last, word: t.text.toLowerCase(), plural: t.xpos === 'NNS' || t.xpos === 'NNPS',
      personNoun: false, gender: null, sentence: t.sentence, paragraph: view.paragraphOf(t.sentence), role: coarseRole(t.deprel),
      quote: quoteAt(view, t.start), credit: credits[t.sentence] === 1, modifiers: [], det: '',
    };
  };
  const seen = new Set<Mention>();
  for (let i = 0; i < toks.length; i++) {
    const m = owner[i];
    if (m) {
      if (seen.has(m)) continue;
      seen.add(m);
      const first = i;
      let last = i;
      while (last + 1 < toks.length && owner[last + 1] === m) last++;
      const head = doc.spanHead(first, last);
      const mk = base(head, first, last, m.kind === 'name' ? 'name' : 'nominal');
      mk.entity = ownerEntity[i];
      mk.mention = m;
      if (m.kind === 'pronoun') {
        mk.kind = 'pronoun';
        mk.pronoun = pronounClass(toks[head].text) ?? undefined;
      }
      // a title before the name fixes a gender: "Mrs. Bhutto"; a kinship or role noun heads a nominal
      if (m.kind !== 'name') {
        mk.personNoun = personNoun(mk.word);
        mk.gender = nounGender(mk.word);
      }
      mk.plural = mk.plural || (m.kind === 'name' && /^(?:NNPS|NNS)$/.test(toks[last].xpos ?? ''));
      out.push(mk);
      continue;
    }
    const t = toks[i];
    const p = pronounClass(t.text);
    if (p && (t.upos === 'PRON' || t.upos === 'DET' || t.upos === undefined)) {
      const mk = base(i, i, i, 'pronoun');
      mk.pronoun = p;
      mk.pronounForm = t.deprel === 'nmod:poss' ? 'poss' : pronounForm(t.text);
      mk.plural = p === 'they';
      out.push(mk);
      continue;
    }
    if (t.upos !== 'NOUN' && t.upos !== 'PROPN') continue;
    if (NOT_PHRASE_HEAD.has(t.deprel ?? '') || inTime[i]) continue;
    const kids = children[i];
    let det = '';
    let possessor = -1;
    let leftmost = i;
    const modifiers: string[] = [];
    for (const c of kids) {
      if (c > i) continue;
      const d = toks[c].deprel ?? '';
      if (d === 'det') det = toks[c].text.toLowerCase();
      else if (d === 'nmod:poss') possessor = c;
      else if (d === 'amod' || d === 'compound' || d === 'nummod') modifiers.push(toks[c].text.toLowerCase());
      if (c < leftmost) leftmost = c;
    }
    const definite = DEFINITE.has(det) || possessor >= 0;
    const kind: MarkableKind = definite && t.upos === 'NOUN' ? 'description' : 'np';
    // the words it is written as: after the possessor ("the team's | coach", "his | lawyer"), else from
    // its first modifier; never over a name ("the Russian | ambassador")
    let first = leftmost;
    if (possessor >= 0) {
      let end = possessor;
      for (const c of children[possessor]) if (c > end && c < i) end = c;
      while (end + 1 < i && (toks[end + 1].deprel === 'case' || toks[end + 1].text === "'s" || toks[end + 1].text === '’s')) end++;
      first = end + 1;
    }
    for (let k = first; k < i; k++) if (owner[k] || toks[k].sentence !== t.sentence) first = k + 1;
    const mk = base(i, Math.min(first, i), i, kind);
    mk.personNoun = personNoun(mk.word) || personNoun(mk.word.replace(/s$/, ''));
    mk.gender = nounGender(mk.word);
    mk.modifiers = modifiers;
    mk.det = possessor >= 0 ? 'poss' : det;
    out.push(mk);
  }
  out.sort((a, b) => a.head - b.head);
  out.forEach((m, k) => { m.index = k; });
  return out;
}
