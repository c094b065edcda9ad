/**
 * Participants: from a syntactic argument (a token) to entity ids, through the entity layer's
 * mentions (names, nominals and pronouns that coreference has linked), appositions ("his
 * father, Vitaly"), name compounds ("the Hamas administration") and coordination ("his mother,
 * Yelena, grandmother, Irena, and girlfriend Sapir Cohen" → three entities).
 */
import type { Doc, EntityType } from '../../doc.js';
import type { ParseView } from './syntax.js';
import { ROLE_NOUNS } from '../gazetteer-lists.js';
import { inBoilerplate } from '../../ingest/boilerplate.js';
import { GROUP_ACTORS, SKIP_BOILERPLATE } from './rules.js';
import { set } from '../../lexicon/index.js';
import { actorIndex } from '../actors/index.js';
import { mentionConfidence } from '../coref/confidence.js';

const NOMINAL = new Set(['NOUN', 'PROPN', 'PRON']);
const DEMONSTRATIVES = set('function-words', { uses: 'events-demonstrative' });
const QUANTIFIERS = set('event-words', { uses: 'events-quantifiers' });
const FIRST_PERSON = set('function-words', { uses: 'events-first-person' });
const THIRD_PERSON = set('function-words', { uses: 'events-third-person' });
const RELATIVE = set('function-words', { uses: 'events-relative' });

/**
 * A participant no entity stands for, named by a common noun: a group of people or a body
 * ("police", "two soldiers", "the protesters", "security forces") or an unnamed person ("a
 * man"). `code` is its CAMEO agent code from the Phoenix agent dictionary (police → COP,
 * protesters → OPP), null when the dictionary has none.
 */
export interface GroupRef {
  /** the noun that heads it */
  token: number;
  start: number;
  end: number;
  text: string;
  code: string | null;
}

/** Relations of a verb's core arguments: a bare number there is a number of people ("killed twelve"). */
const CORE_ARGUMENT_RELS = new Set(['obj', 'nsubj', 'nsubj:pass', 'conj']);
/** Dependents that belong to a group's words: "the two Somali pirates", "security forces". */
const GROUP_PHRASE_RELS = new Set(['det', 'amod', 'compound', 'nummod']);

export class EntityIndex {
  /** entity id of the shortest mention covering each token, or undefined */
  private readonly byToken: (string | undefined)[];
  private readonly span: number[];
  /** the confidence of the mention `byToken` took (1 for a name; a coreference link's for a pronoun or description) */
  private readonly linkScore: Float32Array;
  readonly types = new Map<string, EntityType>();
  /** entities named only in boilerplate (a byline's author, a photographer): never a participant, even through a pronoun */
  readonly furniture = new Set<string>();

  constructor(readonly doc: Doc, private readonly view: ParseView) {
    const n = doc.tokens.length;
    this.byToken = new Array(n);
    this.span = new Array(n).fill(Infinity);
    this.linkScore = new Float32Array(n).fill(1);
    for (const e of doc.entities) {
      this.types.set(e.id, e.type);
      const named = e.mentions.filter((m) => m.kind !== 'pronoun');
      if (SKIP_BOILERPLATE.enabled && named.length && named.every((m) => inBoilerplate(doc, m.start, m.end))) this.furniture.add(e.id);
      for (const m of e.mentions) {
        const len = m.end - m.start;
        for (let k = doc.tokenAt(m.start); k < n && doc.tokens[k].start < m.end; k++) {
          if (len < this.span[k]) { this.span[k] = len; this.byToken[k] = e.id; this.linkScore[k] = mentionConfidence(m); }
        }
      }
    }
  }

  at(i: number): string | undefined {
    return this.byToken[i];
  }

  /**
   * How sure it is that the argument tokens stand for the entities they resolve to: the lowest
   * confidence of a coreference link among them ("he" linked at 0.86), 1 when each is named.
   */
  linkConfidence(tokens: readonly number[]): number {
    let c = 1;
    for (const k of tokens) if (this.byToken[k] !== undefined && this.linkScore[k] < c) c = this.linkScore[k];
    return c;
  }

  private starts?: Set<number>;
  private owners?: Map<string, string | null>;

  /** A name mention begins at token i. */
  startsMention(i: number): boolean {
    if (!this.starts) {
      this.starts = new Set();
      for (const e of this.doc.entities) for (const m of e.mentions) if (m.kind === 'name') this.starts.add(this.doc.tokenAt(m.start));
    }
    return this.starts.has(i);
  }

  /** The one PERSON entity that has a nominal mention headed by this noun ("mother"), if exactly one. */
  nominalOwner(noun: string): string | undefined {
    if (!this.owners) {
      this.owners = new Map();
      for (const e of this.doc.entities) {
        if (e.type !== 'PERSON') continue;
        for (const m of e.mentions) {
          if (m.kind !== 'nominal') continue;
          const head = m.text.toLowerCase().split(/\s+/).pop() ?? '';
          const prev = this.owners.get(head);
          this.owners.set(head, prev === undefined || prev === e.id ? e.id : null);
        }
      }
    }
    return this.owners.get(noun) ?? undefined;
  }

  private quoteSpeakers?: (string | undefined)[];

  /** The speaker of the direct quote holding character offset `pos`, if any. */
  quoteSpeakerAt(pos: number): string | null {
    // indexed by token once (asked per event argument: a scan of every quote each time was quadratic)
    if (!this.quoteSpeakers) {
      this.quoteSpeakers = new Array(this.doc.tokens.length);
      for (const q of this.doc.quotes) {
        if (!q.speaker) continue;
        for (let k = this.doc.tokenAt(q.start); k < this.doc.tokens.length && this.doc.tokens[k].start < q.end; k++) {
          if (this.doc.tokens[k].start >= q.start) this.quoteSpeakers[k] ??= q.speaker;
        }
      }
    }
    const k = this.doc.tokenAt(pos);
    if (this.doc.tokens[k]?.start === pos) return this.quoteSpeakers[k] ?? null;
    for (const q of this.doc.quotes) if (q.start <= pos && pos < q.end && q.speaker) return q.speaker;
    return null;
  }

  /** The person named at the end of a title phrase that starts at token k ("Georgian Prime Minister Irakli Kobakhidze"). */
  private titledPerson(k: number): string | undefined {
    const v = this.view;
    const sent = v.tokens[k].sentence;
    const nat = this.at(k);
    for (let j = k + 1; j < v.tokens.length && j <= k + 8 && v.tokens[j].sentence === sent; j++) {
      const id = this.at(j);
      if (id && id !== nat) return this.types.get(id) === 'PERSON' && this.startsMention(j) && v.dominates(k, j) ? id : undefined;
      // only title words between: "Prime Minister", "Foreign Minister Sheikh"
      if ((!/^\p{Lu}/u.test(v.tokens[j].text) && !ROLE_NOUNS.has(v.tokens[j].text.toLowerCase())) || v.tokens[j].upos === 'VERB') return undefined;
    }
    return undefined;
  }

  /** The n people named (by name) in the sentence holding token k before k, else in the sentence before; [] unless exactly n. */
  private listedPeople(k: number, n: number): string[] {
    const sent = this.view.tokens[k].sentence;
    for (const s of [sent, sent - 1]) {
      if (s < 0) continue;
      const ids: string[] = [];
      // (the sentence's own tokens, not every token of the document)
      const { tokenStart, tokenEnd } = this.doc.sentences[s];
      for (let j = tokenStart; j < tokenEnd; j++) {
        const t = this.view.tokens[j];
        if (t.sentence !== s || (s === sent && j >= k)) continue;
        const id = this.at(j);
        if (id && this.types.get(id) === 'PERSON' && this.startsMention(j) && !ids.includes(id)) ids.push(id);
      }
      if (ids.length === n) return ids;
      if (ids.length) return [];
    }
    return [];
  }

  /** Conjuncts of k, including a name the parse hung as a "list" item with its own "and" ("A, 44, and B, 39, were seized"). */
  private conjuncts(k: number): number[] {
    const v = this.view;
    return [...v.kids(k, ['conj']), ...v.kids(k, ['list']).filter((c) => v.tokens[c].upos === 'PROPN' && v.kids(c, ['cc']).some((x) => ['and', 'or'].includes(v.lemma(x))))];
  }

  private readonly groupCache = new Map<number, GroupRef | null>();

  /**
   * The group token k names when no entity stands for it (rule events.group-actors): a noun the
   * Phoenix agent dictionary codes ("police", "protesters", "gunmen") or one the coder's
   * participant nouns list as people or groups; a share of one ("dozens of protesters") is that
   * group. Never inside boilerplate.
   */
  groupAt(k: number): GroupRef | null {
    let hit = this.groupCache.get(k);
    if (hit === undefined) {
      hit = GROUP_ACTORS.enabled ? this.findGroup(k, 0) : null;
      this.groupCache.set(k, hit);
    }
    return hit;
  }

  private findGroup(k: number, depth: number): GroupRef | null {
    const v = this.view;
    const t = v.tokens[k];
    if (!t || this.at(k) !== undefined || depth > 2) return null;
    const lemma = v.lemma(k).toLowerCase();
    // "dozens of protesters", "two of the soldiers", "a group of gunmen": the share is the group
    if (t.upos === 'NUM' || SHARE_NOUNS.has(lemma) || QUANTIFIERS.has(lemma)) {
      for (const c of v.kids(k, ['nmod'])) {
        if (v.caseOf(c) !== 'of') continue;
        const inner = this.findGroup(c, depth + 1);
        if (inner) return { ...inner, start: Math.min(inner.start, this.phraseStart(k)), text: this.doc.text.slice(Math.min(inner.start, this.phraseStart(k)), inner.end) };
      }
      // with no of-phrase a share noun is a noun like any other: "an armed group", "the crowd"
      const named = t.upos === 'NOUN' ? this.nounGroup(k) : null;
      if (named) return named;
      // a bare number or share as a verb's core argument stands for that many people: "killed twelve
      // and injured twelve more", "wounded 110", "kills dozens" (not a year, not "one")
      if (depth === 0 && v.kids(k, ['nmod']).length === 0 && CORE_ARGUMENT_RELS.has(v.rel(k)) && !/^(?:1[5-9]|20)\d\d$/.test(t.text) && !/^(?:one|1)$/i.test(t.text)) {
        const start = v.tokens[this.phraseStart(k)].start;
        const end = Math.max(t.end, ...v.kids(k, ['advmod', 'amod']).filter((c) => c > k && c <= k + 1).map((c) => v.tokens[c].end));
        return { token: k, start, end, text: this.doc.text.slice(start, end), code: null };
      }
      return null;
    }
    if (t.upos !== 'NOUN' && !(t.upos === 'PROPN' && /^\p{Lu}[\p{Ll}-]+$/u.test(t.text))) return null;
    return this.nounGroup(k);
  }

  /** A noun the Phoenix agent dictionary codes or the participant nouns list, with its own words ("security forces"). */
  private nounGroup(k: number): GroupRef | null {
    const v = this.view;
    const t = v.tokens[k];
    const lemma = v.lemma(k).toLowerCase();
    const from = this.phraseStart(k);
    const words: string[] = [];
    for (let j = from; j <= k; j++) if (v.tokens[j].upos !== 'DET') words.push(...v.tokens[j].text.toUpperCase().split(/\s+/));
    const agent = actorIndex().agent(words);
    const listed = PARTICIPANT_GROUPS.has(lemma) || PARTICIPANT_GROUPS.has(t.text.toLowerCase());
    if ((!agent || agent.end !== words.length) && !listed) return null;
    const start = v.tokens[from].start;
    return { token: k, start, end: t.end, text: this.doc.text.slice(start, t.end), code: agent && agent.end === words.length ? agent.agent.code : null };
  }

  /** First token of k's own words: determiners, numbers, adjectives and compounds right before it. */
  private phraseStart(k: number): number {
    const v = this.view;
    let from = k;
    for (let j = k - 1; j >= 0 && v.tokens[j].sentence === v.tokens[k].sentence; j--) {
      if (v.dominates(k, j) && GROUP_PHRASE_RELS.has(v.rel(j).split(':')[0])) from = j;
      else break;
    }
    // the determiner is no part of the group's name ("the army" → "army")
    while (from < k && v.tokens[from].upos === 'DET') from++;
    return from;
  }

  /**
   * Groups an argument token names, over its conjuncts ("police and soldiers", "Hamas and
   * gunmen" → gunmen): each conjunct that no entity stands for. A relative pronoun stands for
   * the noun its clause modifies ("protesters who stormed the building").
   */
  groupsOf(i: number): GroupRef[] {
    if (!GROUP_ACTORS.enabled) return [];
    const v = this.view;
    let k = i;
    if (RELATIVE.has(v.lemma(k)) && v.tokens[k].upos === 'PRON') {
      // (as resolve: also a relative clause the parse made a conjunct or plain modifier of the noun)
      const h = v.head(k);
      const hh = h >= 0 ? v.head(h) : -1;
      if (hh >= 0 && (v.rel(h) === 'acl:relcl' || (hh < h && ['conj', 'acl', 'parataxis', 'appos'].includes(v.rel(h)) && NOMINAL.has(v.tokens[hh].upos ?? '')))) k = hh;
    }
    const out: GroupRef[] = [];
    const seen = new Set<number>();
    const visit = (t: number) => {
      if (seen.has(t) || seen.size > 20) return;
      seen.add(t);
      const conj = this.conjuncts(t);
      // the token's own entities, not its conjuncts' ("police and Hamas": police is still a group)
      if (this.resolve(t, new Set(conj)).length === 0) {
        const g = this.groupAt(t);
        if (g && !out.some((x) => x.start === g.start)) out.push(g);
      }
      for (const c of conj) visit(c);
    };
    visit(k);
    return out;
  }

  /** Entity ids an argument token stands for, spreading over its conjuncts. */
  resolve(i: number, seen?: Set<number>): string[] {
    if (seen !== undefined) return this.resolveFrom(i, seen);
    // a fresh walk from i depends on nothing but the (fixed) parse and entities: made once per token
    let hit = this.resolved.get(i);
    if (hit === undefined) this.resolved.set(i, (hit = this.resolveFrom(i, new Set<number>())));
    return hit.slice();
  }

  private readonly resolved = new Map<number, readonly string[]>();

  private resolveFrom(i: number, seen: Set<number>): string[] {
    const out: string[] = [];
    const add = (id: string | undefined | null) => { if (id && !out.includes(id) && !this.furniture.has(id)) out.push(id); };
    const v = this.view;
    if (seen.has(i) || seen.size > 40) return out;
    seen.add(i);
    let k = i;
    // "the group which held Trufanov": the relative pronoun stands for the noun it modifies (also
    // when the parse made the clause a conjunct or a plain modifier of that noun: "Evan Marsh, who
    // had been detained …")
    if (RELATIVE.has(v.lemma(k)) && v.tokens[k].upos === 'PRON') {
      const h = v.head(k);
      const hh = v.head(h);
      // (a clause whose head is the root modifies nothing: the pronoun stays itself)
      if (hh >= 0 && (v.rel(h) === 'acl:relcl' || (hh < h && ['conj', 'acl', 'parataxis', 'appos'].includes(v.rel(h)) && NOMINAL.has(v.tokens[hh].upos ?? '')))) k = hh;
    }
    // "Among those freed … were X and Y": a demonstrative subject of a predicate noun is that noun
    // (whichever way the parse joins the two: the demonstrative as the predicate's subject or
    // oblique, or the predicate noun as the demonstrative's apposition or subject)
    if (DEMONSTRATIVES.has(v.lemma(k)) && v.tokens[k].upos === 'PRON') {
      const h = v.head(k);
      const predicate = (x: number) => x >= 0 && v.kids(x, ['cop']).length > 0 && NOMINAL.has(v.tokens[x].upos ?? '');
      // (the copula may hang on the title before the name: "were Austrian tourist Peter Brandt")
      const holdsCopula = (x: number) => predicate(x) || v.kids(x, ['nmod:desc', 'compound']).some(predicate);
      const partner = COPULAR_PARTNER.has(v.rel(k)) && predicate(h) ? h : v.kids(k, PARTNER_OF_DEMONSTRATIVE, true).find((x) => x > k && NOMINAL.has(v.tokens[x].upos ?? '') && holdsCopula(x));
      if (partner !== undefined && partner >= 0) return this.resolve(partner, seen);
    }
    if (DEMONSTRATIVES.has(v.lemma(k)) && v.tokens[k].upos === 'PRON' && v.rel(k).startsWith('nsubj')) {
      const h = v.head(k);
      // "Those released from Insein prison included X and Y": the group is the people it includes
      if (h >= 0 && INCLUDE_VERBS.has(v.lemma(h))) {
        for (const o of v.kids(h, ['obj'])) for (const id of this.resolve(o, seen)) add(id);
        if (out.length) return out;
      }
    }
    // "two of her colleagues", "some of the hostages": a share stands for the group it is taken from
    if ((v.tokens[k].upos === 'NUM' || QUANTIFIERS.has(v.lemma(k))) && !this.at(k)) {
      for (const c of v.kids(k, ['nmod'])) if (v.caseOf(c) === 'of') for (const id of this.resolve(c, seen)) add(id);
      if (out.length) return out;
    }
    // "… named the three as A, B and C. All three were abducted …": a bare number stands for the
    // group of exactly that many people the sentence before it (or its own) lists
    const count = NUMBER_WORDS.get(v.lemma(k).toLowerCase());
    if (!this.at(k) && count !== undefined && v.kids(k, ['nmod']).length === 0 && !NOMINAL.has(v.tokens[k + 1]?.upos ?? '')) {
      const group = this.listedPeople(k, count);
      if (group.length) return group;
    }
    const direct = this.at(k);
    const next = k + 1 < v.tokens.length ? this.at(k + 1) : undefined;
    if (direct) {
      add(direct);
      // "Georgian Prime Minister Irakli Kobakhidze rejected …" parsed with the nationality as the
      // head: the person the title phrase names acts too
      if (['NORP', 'ORG', 'GPE'].includes(this.types.get(direct) ?? '')) { const person = this.titledPerson(k); if (person) add(person); }
    } else if (v.tokens[k].upos === 'NOUN' && next && this.types.get(next) === 'PERSON' && this.startsMention(k + 1)) {
      // a role noun followed by a name is that person: "former hostage Alexander Trufanov"
      add(next);
    } else if (v.tokens[k].upos === 'NOUN' && this.nominalOwner(v.lemma(k))) {
      // coreference left it open, but one person has been called this before: "Trufanov's mother"
      add(this.nominalOwner(v.lemma(k)));
    }
    else if (out.length) { /* resolved above */ } else if (v.tokens[k].upos === 'PRON') {
      // "We thank …" inside a quote: first person is the speaker
      if (FIRST_PERSON.has(v.lemma(k)) || FIRST_PERSON.has(v.tokens[k].text.toLowerCase())) {
        add(this.quoteSpeakerAt(v.tokens[k].start));
      } else if (v.rel(k).startsWith('nsubj') && THIRD_PERSON.has(v.lemma(k))) {
        // coreference left it open: "Ethiopia indicated it would act" — the subject of the clause it reports
        const h = v.head(k);
        if (h >= 0 && v.rel(h) === 'ccomp') {
          for (const s of v.kids(v.head(h), ['nsubj'])) for (const id of this.resolve(s, seen)) add(id);
        }
        // "A and B were seized … . They were held …": a sentence-initial "they" continues the
        // coordinated people who were the subject of the sentence before
        const sent = v.tokens[k].sentence;
        if (!out.length && v.lemma(k) === 'they' && k > 0 && v.tokens[k - 1].sentence === sent - 1) {
          for (let j = k - 1; j >= 0 && v.tokens[j].sentence === sent - 1; j--) {
            if (!v.rel(j).startsWith('nsubj') || v.tokens[j].upos === 'PRON') continue;
            const ids = this.resolve(j, new Set(seen));
            if (ids.length >= 2 && ids.every((id) => this.types.get(id) === 'PERSON')) { for (const id of ids) add(id); break; }
          }
        }
      }
    } else {
      for (const rel of ['appos', 'flat', 'compound', 'amod', 'nmod:poss'] as const) {
        // a possessor names the head only for organisations' parts ("Hamas's administration"); kin and roles are others
        for (const c of v.kids(k, [rel])) {
          const id = this.at(c);
          if (!id) continue;
          if (rel === 'nmod:poss' || rel === 'amod' || rel === 'compound') {
            const t = this.types.get(id);
            if (t !== 'ORG' && t !== 'GPE' && t !== 'NORP') continue;
            // "the Hamas administration", "Israeli troops" name their group; "a Russian passport" names no one
            if (rel === 'nmod:poss' ? !ORG_PARTS.has(v.lemma(k)) : !GROUP_NOUNS.has(v.lemma(k))) continue;
          }
          add(id);
          break;
        }
        if (out.length) break;
      }
      // "gunmen from the Islamic State", "fighters of Hamas": a group noun names the organisation it is from
      if (!out.length && GROUP_NOUNS.has(v.lemma(k)) || !out.length && GROUP_NOUNS.has(v.tokens[k].text.toLowerCase())) {
        for (const c of v.kids(k, ['nmod'])) {
          if (!['from', 'of'].includes(v.caseOf(c))) continue;
          const id = this.at(c);
          if (id && this.types.get(id) === 'ORG') { add(id); break; }
        }
      }
      // a title the parse made the head of its own name ("Ambassador to Israel Anatoly Viktorov",
      // with the name as an nmod): the person among its dependents
      if (!out.length && ROLE_NOUNS.has(v.tokens[k].text.toLowerCase())) {
        for (const c of v.kids(k, ['nmod', 'appos', 'flat', 'compound'])) {
          const id = this.at(c);
          if (id && this.types.get(id) === 'PERSON') { add(id); break; }
        }
      }
    }
    for (const c of this.conjuncts(k)) for (const id of this.resolve(c, seen)) add(id);
    // a first conjunct the parse lost ("Fornost and Gondor welcomed", with Fornost left as an adverb):
    // the name just before this conjunct's "and" belongs to the coordination
    if (v.rel(k) !== 'conj') {
      for (const c of v.kids(k, ['cc'])) {
        if (c < 1 || c > k || !['and', 'or', 'nor'].includes(v.lemma(c))) continue;
        const before = this.at(c - 1);
        const hk = v.head(c - 1);
        if (before && v.tokens[c - 1].upos !== 'PRON' && hk !== k && !v.dominates(k, c - 1)) out.unshift(...(out.includes(before) ? [] : [before]));
      }
    }
    // "Marta Kowalska, 52, and Ivan Petrov, 47, were abducted" with the first name left outside the
    // clause: a name, its age and "and" just before this one are one list of people
    if (v.rel(k) !== 'conj' && k >= 5 && v.lemma(k - 1) === 'and' && v.tokens[k - 2].text === ',' && v.tokens[k - 3].upos === 'NUM' && v.tokens[k - 4].text === ',') {
      const before = this.at(k - 5);
      if (before && this.types.get(before) === 'PERSON' && this.types.get(this.at(k) ?? '') === 'PERSON' && !out.includes(before)) out.unshift(before);
    }
    // appositions of an already-resolved head can name further coordinated people
    for (const c of v.kids(k, ['appos'])) for (const g of v.kids(c, ['conj'])) for (const id of this.resolve(g, seen)) add(id);
    return out;
  }
}

/** Nouns for people or bodies that a modifying name or nationality identifies: "Israeli troops", "Hamas gunmen". */
export const GROUP_NOUNS = set('event-participant-nouns', { class: 'group' });

/** Nouns for people and groups as participants of their own (the coder's lists): "hostages", "gunmen", "officials". */
const PARTICIPANT_GROUPS = new Set(['group', 'people', 'armed', 'state-force', 'participant'].flatMap((cls) => [...set('event-participant-nouns', { class: cls })]));
/** A share of a group: "dozens of protesters", "a group of gunmen". */
const SHARE_NOUNS = set('event-participant-nouns', { class: 'share' });

/** How a demonstrative hangs on the predicate noun it is equated with ("Among those freed … were X"). */
const COPULAR_PARTNER = new Set(['nsubj', 'nsubj:pass', 'obl', 'nmod']);
/** … and how the predicate noun may hang on the demonstrative when the parse made that the root. */
const PARTNER_OF_DEMONSTRATIVE = ['appos', 'nsubj', 'acl', 'dep', 'parataxis', 'conj', 'nmod'];

/** Verbs whose subject is the group its object's members belong to: "those freed included X". */
const INCLUDE_VERBS = new Set(['include', 'comprise']);

/** Heads whose possessor is the actor itself: "Russia's government", "Hamas's administration". */
const ORG_PARTS = set('event-participant-nouns', { class: 'org-part' });

/** Number words that can stand alone for a group of people: "all three", "the two". */
// a Map, not an object literal: a lemma such as "constructor" must not read Object.prototype
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10], ['2', 2], ['3', 3], ['4', 4], ['5', 5]]);
