/**
 * The Doc: one object carries an article's text and every annotation layer through the
 * pipeline (as spaCy's Doc does). Stages read the layers they need and add their own.
 * Every offset is a JavaScript string index into `doc.text` (UTF-16 code units).
 */

import type { RuleFiring } from './rules/registry.js';
import { packedMap } from './packed.js';

/** The entity types (OntoNotes' names), with what each covers. */
export const ENTITY_TYPE_INFO = {
  PERSON: 'people, real or fictional',
  NORP: 'nationalities, religious and political groups',
  FAC: 'buildings, airports, prisons, bridges, crossings',
  ORG: 'companies, agencies, armed groups, institutions',
  GPE: 'countries, cities, states',
  LOC: 'other places: regions, seas, mountains',
  PRODUCT: 'objects, vehicles, weapons',
  EVENT: 'named wars, attacks, games',
  WORK_OF_ART: 'titles of books, films, songs',
  LAW: 'named laws and treaties',
  LANGUAGE: 'named languages',
} as const;

export type EntityType = keyof typeof ENTITY_TYPE_INFO;

export const ENTITY_TYPES = Object.keys(ENTITY_TYPE_INFO) as readonly EntityType[];

/** How the text reports an event (src/extract/events/factuality.ts). */
export const FACTUALITY_INFO = {
  asserted: 'reported as having happened',
  negated: 'reported as not having happened',
  future: 'planned, scheduled or expected',
  hypothetical: 'possible, wanted, conditional',
  threatened: 'threatened',
  alleged: 'said to have happened, not established ("allegedly", "accused of")',
  attempted: 'tried ("efforts to free")',
  denied: 'denied, disputed or rejected by someone in the text',
} as const;

export type Factuality = keyof typeof FACTUALITY_INFO;

export type MentionKind = 'name' | 'nominal' | 'pronoun';

export interface Token {
  /** index in doc.tokens */
  i: number;
  start: number;
  end: number;
  text: string;
  /** index of the sentence holding this token */
  sentence: number;
  /** true when whitespace follows the token */
  spaceAfter: boolean;
  upos?: string;
  xpos?: string;
  lemma?: string;
  /** doc-level token index of the syntactic head, -1 for the root */
  head?: number;
  deprel?: string;
}

/**
 * A copy of a token with the shape every token has: fields in the order the tokenizer makes them
 * (src/nlp/sentences.ts). A spread copy (`{ ...t, head }`) has another shape to V8, and code optimised
 * on the one deoptimised on meeting the other.
 */
export function tokenCopy(t: Token): Token {
  return { i: t.i, start: t.start, end: t.end, text: t.text, spaceAfter: t.spaceAfter, sentence: t.sentence, upos: t.upos, xpos: t.xpos, lemma: t.lemma, head: t.head, deprel: t.deprel };
}

export interface Sentence {
  start: number;
  end: number;
  /** first token index (inclusive) and last (exclusive) */
  tokenStart: number;
  tokenEnd: number;
  /** paragraph number (0-based), paragraphs are separated by blank lines */
  paragraph: number;
}

export interface Mention {
  start: number;
  end: number;
  text: string;
  kind: MentionKind;
  type: EntityType;
  /** entity id after coreference; undefined until the coreference stage runs */
  entity?: string;
  /** where the mention came from: 'gazetteer', 'pattern', 'model', 'coref', ... */
  source?: string;
  /** how sure the recogniser is (0–1); overlapping mentions are resolved by it */
  score?: number;
  /** role or title words written next to the name ("ambassador", "spokesperson", "mother") */
  roles?: string[];
  /** for a pronoun or description joined to its entity by coreference: how sure the link is (0–1) */
  corefScore?: number;
  /** which coreference rule (or the ranker) made the link: the key of its calibrated confidence (models/coref/link-confidence.json) */
  corefBasis?: string;
}

/** Why a shorter form names an organisation (the alias layer, src/extract/aliases.ts). */
export type AliasReason = 'short-form' | 'tail' | 'initials' | 'bracket';

/** One link of the alias table: the short form where it is written, the full name it stands for, and why. */
export interface Alias {
  start: number;
  end: number;
  text: string;
  /** the entity the short form names (the organisation's id once the entities stage has numbered them) */
  entity?: string;
  /** the organisation's name where the article gives it in full (its first such mention) */
  full: { start: number; end: number; text: string };
  reason: AliasReason;
  /** the rule that made the link */
  rule: string;
}

export interface ActorCode {
  code: string;
  source: string;
}

/** One piece of evidence for a place's choice: the rule that gave it, what it saw, and its weight. */
export interface PlaceEvidence {
  rule: string;
  detail: string;
  weight: number;
}

/** The gazetteer entry a GPE, LOC or FAC entity names (places stage, src/extract/places/). */
export interface PlaceLink {
  /** gazetteer id: `iso:LB`, `admin1:LB.04`, `geonames:266826`, `area:red-sea` */
  id: string;
  name: string;
  /** GeoNames feature code: PCLI (country), ADM1 (first-level region), PPLC, PPLA, PPL … (towns), CONT, OCN, SEA, RGN (no country) */
  feature: string;
  /** ISO 3166-1 alpha-2; null for a place in no one country (a sea, a continent, "the Middle East") */
  country: string | null;
  /** first-level region (name), when the entry lies in one */
  admin1: string | null;
  lat: number;
  lon: number;
  /** the chosen entry's score minus the best entry in another country's (how sure the choice is) */
  margin: number;
  evidence: PlaceEvidence[];
}

export interface Entity {
  id: string;
  type: EntityType;
  /** the fullest name the document gives */
  name: string;
  mentions: Mention[];
  codes?: ActorCode[];
  attributes?: Record<string, string>;
  /** where in the world a GPE, LOC or FAC entity is, when the places stage resolved it */
  place?: PlaceLink;
}

/** Where an event happened, in the world: from its sentence's place, or the article's dateline. */
export interface EventPlace {
  /** the place entity (null for a dateline no entity stands for) */
  entity: string | null;
  name: string;
  /** gazetteer id, or null when the place is named but unresolved */
  id: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

/** Which rule gave an event its place: a place in its sentence, the dateline, or none. */
export type PlaceSource = 'sentence' | 'dateline' | 'none';

export interface Quote {
  start: number;
  end: number;
  text: string;
  /** entity id, or null when no speaker was found */
  speaker: string | null;
  /** the words naming a speaker no entity stands for: "police", "the French presidency", "officials" */
  speaker_text?: string;
  /**
   * direct: all in quote marks; mixed: a paraphrase holding quoted words; indirect: reported
   * speech; belief: a belief or expectation attributed to the source ("fears that …")
   */
  kind: 'direct' | 'indirect' | 'mixed' | 'belief';
  /** the cue that attributes it ("wrote", "said", "according to"), when found */
  cue?: { start: number; end: number; text: string };
  /** the words naming the source in this attribution ("Hill", "he", "a senior official") */
  source?: { start: number; end: number; text: string };
  /** how sure the speaker is when the attribution reaches it through a pronoun or description (the coreference link's confidence); absent when it names the speaker */
  confidence?: number;
}

export interface TimeAnchor {
  kind: 'publication' | 'dateline' | 'text';
  /** the anchor's own TIMEX3 value */
  value: string;
  /** where the anchoring time is written (dateline, or the earlier expression) */
  start?: number;
  end?: number;
}

export interface TimeExpression {
  start: number;
  end: number;
  text: string;
  /** ISO/TIMEX3 value at the text's precision: 2025-02-15, 2023-11, 2023, P3M, ... */
  value: string;
  /** TIMEX3 type: a calendar DATE, a TIME of day, a DURATION, or a recurring SET */
  type?: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  /** TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER, LESS_THAN, MORE_THAN, EQUAL_OR_LESS, EQUAL_OR_MORE */
  mod?: string;
  /** what a relative value was counted from: the publication date, the dateline, or an earlier time in the text */
  anchor?: TimeAnchor;
  /** why this value: the anchor and the reasoning, for a reviewer */
  evidence?: string;
}

export interface Relation {
  type: string;
  role?: string | null;
  subject: string;
  object: string;
  start: number;
  end: number;
  /** how sure the participants are when one is reached through a pronoun or description ("his mother, Yelena"): the product of the coreference links' confidences; absent when both are named */
  confidence?: number;
}

/**
 * A participant of an event that no entity stands for, named by a common noun: a group of people
 * or a body ("police", "protesters", "two soldiers", "security forces") or an unnamed person ("a
 * man"). Its words as written, where they are, and its CAMEO agent code (police → COP, protesters
 * → OPP, gunmen → UAF) when the Phoenix agent dictionary has one.
 */
export interface EventGroup {
  role: 'actor' | 'recipient';
  text: string;
  start: number;
  end: number;
  code: string | null;
}

export interface EventRecord {
  id: string;
  type: string;
  mode: string | null;
  cameo: string | null;
  trigger: { start: number; end: number; text: string };
  actor: string[];
  recipient: string[];
  /** participants no entity stands for ("police", "protesters"); absent when there are none (schema 1.6) */
  groups?: EventGroup[];
  date: { value: string | null; text?: string; basis: string } | null;
  location: string | null;
  /** whether the text reports the event as having happened (src/extract/events/factuality.ts) */
  factuality: Factuality;
  /** calibrated probability that the event is real and of this type (null when no model scored it) */
  confidence: number | null;
  /** factuality is negated or denied (kept for schema 1.0 readers) */
  negated: boolean;
  /** PLOVER auxiliary mode: future, hypothetical (also threatened and attempted events) or historical */
  modality: string | null;
  reported_by: string | null;
  sentence: number;
  /** where in the world (places stage); absent before it runs */
  place?: EventPlace | null;
  placeSource?: PlaceSource;
}

/** What a web page says about itself besides its text (HTML input only). */
export interface PageMeta {
  byline?: string | null;
  siteName?: string | null;
  language?: string | null;
}

/**
 * A clear error for input that is no document (library callers in JavaScript, parsed JSON): it
 * names the document, instead of a TypeError deep inside a stage.
 */
export function assertDocInput(input: unknown): asserts input is DocInput {
  const doc = input as Partial<DocInput> | null | undefined;
  if (typeof doc !== 'object' || doc === null) throw new TypeError(`a document must be an object with a text, got ${doc === null ? 'null' : typeof doc}`);
  if (typeof doc.text !== 'string') {
    const id = typeof doc.id === 'string' && doc.id ? `document ${JSON.stringify(doc.id)}` : 'a document';
    throw new TypeError(`${id} has no text: "text" must be a string, got ${doc.text === null ? 'null' : typeof doc.text}`);
  }
}

export interface DocInput {
  id?: string;
  meta?: PageMeta;
  text: string;
  published?: string | null;
  /** where the publication date was read: input, json-ld, meta, microdata, time, url, dateline, feed */
  publishedSource?: string | null;
  title?: string | null;
  source?: string | null;
  url?: string | null;
}

/** Each token's dependents, in order (document indices): read-only, shared by every stage that asks (Doc.dependents). */
export type Dependents = readonly (readonly number[])[];

/** Each token's dependents, in order, from the tokens' heads (document indices; -1 or absent: the root). */
export function childrenOfTokens(tokens: readonly Token[]): number[][] {
  // empty lists in a loop: Array.from with a length object and a callback costs several times as much
  const children: number[][] = [];
  for (let i = 0; i < tokens.length; i++) children.push([]);
  for (const t of tokens) if (t.head !== undefined && t.head >= 0 && t.head !== t.i) children[t.head].push(t.i);
  return children;
}

export class Doc {
  readonly id: string;
  readonly text: string;
  /** the publication date (YYYY-MM-DD); the times stage clears one that cannot be true (before 1900, after now, a placeholder) */
  published: string | null;
  /** where `published` was read (see DocInput); 'dateline' when the times stage read it from the text */
  publishedSource: string | null;
  readonly title: string | null;
  readonly source: string | null;
  readonly url: string | null;
  readonly meta: PageMeta | null;

  tokens: Token[] = [];
  sentences: Sentence[] = [];
  /** mentions found by recognisers before they are grouped into entities */
  mentions: Mention[] = [];
  entities: Entity[] = [];
  /** the alias table: which short forms name which organisation, where, and why (src/extract/aliases.ts) */
  aliases: Alias[] = [];
  quotes: Quote[] = [];
  times: TimeExpression[] = [];
  relations: Relation[] = [];
  events: EventRecord[] = [];
  /** the registered rules that changed this document, in order (src/rules/registry.ts) */
  firings: RuleFiring[] = [];
  /** stages may leave notes for later stages or for debugging */
  readonly notes: Map<string, unknown> = new Map();

  constructor(input: DocInput) {
    assertDocInput(input);
    this.text = input.text;
    this.id = input.id ?? '';
    this.published = input.published ?? null;
    this.publishedSource = input.publishedSource ?? (this.published ? 'input' : null);
    this.title = input.title ?? null;
    this.source = input.source ?? null;
    this.url = input.url ?? null;
    this.meta = input.meta ?? null;
  }

  /** Index of the sentence that contains character offset `pos` (binary search). */
  sentenceAt(pos: number): number {
    let lo = 0;
    let hi = this.sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.sentences[mid];
      if (pos < s.start) hi = mid - 1;
      else if (pos >= s.end) lo = mid + 1;
      else return mid;
    }
    return Math.max(0, Math.min(lo, this.sentences.length - 1));
  }

  /** Index of the first token whose end is after `pos` (binary search). */
  tokenAt(pos: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid].end <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The syntactic head of tokens first..last (inclusive): the first whose parse head lies outside
   * them (or that has none); the last when every head lies inside.
   */
  spanHead(first: number, last: number): number {
    for (let i = first; i <= last; i++) {
      const h = this.tokens[i].head ?? -1;
      if (h < first || h > last) return i;
    }
    return last;
  }

  /** Tokens lying inside [start, end). */
  tokensIn(start: number, end: number): Token[] {
    const out: Token[] = [];
    for (let i = this.tokenAt(start); i < this.tokens.length && this.tokens[i].start < end; i++) {
      if (this.tokens[i].start >= start) out.push(this.tokens[i]);
    }
    return out;
  }

  sentenceTokens(s: number): Token[] {
    const sent = this.sentences[s];
    return this.tokens.slice(sent.tokenStart, sent.tokenEnd);
  }

  /** The entity with this id. Indexed: stages call it once per mention, quote or event. */
  entityById(id: string): Entity | undefined {
    // rebuilt when the list is replaced or grows; a stale hit is checked by its id
    if (this.byIdOf !== this.entities || this.byIdSize !== this.entities.length) {
      this.byId = new Map(this.entities.map((e) => [e.id, e]));
      this.byIdOf = this.entities;
      this.byIdSize = this.entities.length;
    }
    const e = this.byId.get(id);
    return e && e.id === id ? e : e ? this.entities.find((x) => x.id === id) : undefined;
  }

  /**
   * Each token's dependents from the parse (childrenOfTokens), built once and shared by the stages
   * that walk subtrees (quotes and its parse view, coreference's predicates, role descriptions).
   * Rebuilt when the token list is replaced or grows, or after parseChanged() (the parse stage
   * calls it once it has written heads); a view with its own mended tokens (the quotes stage's
   * parse view) builds its own. Callers must not change the lists.
   */
  dependents(): Dependents {
    if (this.dependentsOf !== this.tokens || this.dependentsSize !== this.tokens.length) {
      this.dependentLists = childrenOfTokens(this.tokens);
      this.dependentsOf = this.tokens;
      this.dependentsSize = this.tokens.length;
    }
    return this.dependentLists;
  }

  /**
   * Each token's text lower-cased, made once per token list and shared by the stages that scan every
   * token for a word (coreference's pronoun and description rules, the quotes stage, name typing): each
   * such scan lower-cased every token again, a new string per token per scan. Kept while the token
   * list holds the same texts: a list replaced by one of the same texts (the quotes stage's mended
   * parse, whose tokens are copies) keeps it after one comparison per token; otherwise rebuilt. Callers
   * must not change the list.
   */
  lowerTexts(): readonly string[] {
    const toks = this.tokens;
    if (this.lowersOf !== toks || this.lowers.length !== toks.length) {
      const was = this.lowersOf;
      let same = was !== null && was !== toks && was.length === toks.length && this.lowers.length === toks.length;
      for (let i = 0; same && i < toks.length; i++) same = was![i].text === toks[i].text;
      if (!same) this.lowers = packedMap(toks, (t) => t.text.toLowerCase());
      this.lowersOf = toks;
    }
    return this.lowers;
  }

  /**
   * A copy that shares this document's lists, notes and caches (what `Object.assign` of its fields
   * gives), for a stage that reads the document with a list replaced: the quotes stage's mended parse,
   * coreference's trial of its rules. Made by the constructor, so it has the shape every document has;
   * a copy made by `Object.create` or `Object.assign` has another, and each function the stages share
   * (tokenAt, entityById, ...) that met one was deoptimised and compiled again, in every worker.
   */
  copy(): Doc {
    const c = new Doc({ id: this.id, text: this.text, published: this.published, title: this.title, source: this.source, url: this.url, meta: this.meta ?? undefined });
    c.publishedSource = this.publishedSource;
    c.tokens = this.tokens;
    c.sentences = this.sentences;
    c.mentions = this.mentions;
    c.entities = this.entities;
    c.quotes = this.quotes;
    c.times = this.times;
    c.relations = this.relations;
    c.events = this.events;
    c.firings = this.firings;
    c.aliases = this.aliases;
    (c as { notes: Map<string, unknown> }).notes = this.notes;
    c.dependentLists = this.dependentLists;
    c.dependentsOf = this.dependentsOf;
    c.dependentsSize = this.dependentsSize;
    c.byId = this.byId;
    c.byIdOf = this.byIdOf;
    c.byIdSize = this.byIdSize;
    c.lowers = this.lowers;
    c.lowersOf = this.lowersOf;
    return c;
  }

  /** The tokens' heads were written or changed in place: dependents() is rebuilt on its next call. */
  parseChanged(): void {
    this.dependentsOf = null;
  }

  private dependentLists: Dependents = [];
  private dependentsOf: Token[] | null = null;
  private dependentsSize = -1;
  private byId = new Map<string, Entity>();
  private byIdOf: Entity[] | null = null;
  private byIdSize = -1;
  private lowers: string[] = [];
  private lowersOf: Token[] | null = null;
}
