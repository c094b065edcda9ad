/**
 * Coreference inside a document, after names are grouped into entities:
 *  - appositions and role nouns: "his mother, Yelena", "Cohen, his girlfriend,", "Islamic Jihad – the group";
 *  - definite descriptions: "the ambassador" → the entity written with that title, "the embassy" →
 *    the organisation whose name has that head word, "the 29-year-old" → the last person named;
 *  - pronouns: he/him/his/she/her → the nearest compatible person (gender from kinship and role
 *    nouns), searching the current sentence backwards then earlier sentences subject-first; its → an
 *    organisation or place. "it" and "they" stay unresolved: too often expletive or vague.
 */
import type { Doc, Entity, Mention, Token } from '../doc.js';
import { KINSHIP, PRONOUNS, ROLE_NOUNS } from './gazetteer-lists.js';
import { findQuoteSpans } from './quotes.js';
import { lookup, roleOf, set } from '../lexicon/index.js';

/** A singular noun for a person by occupation, office or plight ("footballer", "journalist", "hostage"). */
function personNoun(noun: string): boolean {
  const r = roleOf(noun);
  return r !== null && !r.plural && ['occupation', 'position', 'captive', 'member', 'kin'].includes(r.cls);
}

const POSSESSIVES = new Set(['his', 'her', 'their', 'its']);
/** Verbs that make a preceding noun phrase their subject when no parse is available. */
const SAY_WORDS = set('speech-verbs', { uses: 'coref' });
const APPOS_SEP = new Set([',', '–', '—', '(']);
/** Nouns that, with "the", stand for the organisation just named ("the group said"). */
const GENERIC_ORG_NOUNS = set('org-nouns', { uses: 'coref-generic' });
/** Generic nouns an organisation is described by in apposition ("Hamas, the militant group"). */
const ORG_NOUNS = set('org-nouns', { uses: 'coref' });

type Gender = 'f' | 'm' | 'x';

function lw(t: Token | undefined): string {
  return t ? t.text.toLowerCase() : '';
}

/** Map each token index to the entity whose mention covers it. */
function tokenOwners(doc: Doc): (Entity | undefined)[] {
  const owners: (Entity | undefined)[] = new Array(doc.tokens.length);
  for (const e of doc.entities) {
    for (const m of e.mentions) {
      for (let i = doc.tokenAt(m.start); i < doc.tokens.length && doc.tokens[i].start < m.end; i++) owners[i] = e;
    }
  }
  return owners;
}

/** Add a nominal mention unless its tokens already belong to a name or another nominal (`covered`). */
function addMention(doc: Doc, e: Entity, start: number, end: number, kind: Mention['kind'], covered: Uint8Array): void {
  const first = doc.tokenAt(start);
  let last = first;
  for (let i = first; i < doc.tokens.length && doc.tokens[i].start < end; i++) {
    if (covered[i]) return;
    last = i;
  }
  for (let i = first; i <= last; i++) covered[i] = 2;
  e.mentions.push({ start, end, text: doc.text.slice(start, end), kind, type: e.type, entity: e.id, source: 'coref' });
}

function genderOf(e: Entity, genders: Map<string, Gender>): Gender {
  return genders.get(e.id) ?? 'x';
}

function noteGender(genders: Map<string, Gender>, e: Entity, word: string): void {
  const g = KINSHIP[word] ?? roleOf(word)?.gender ?? lookup('titles', word)?.attrs.gender;
  if (g && g !== 'x' && !genders.has(e.id)) genders.set(e.id, g);
}

/** Entity ids to genders, learnt while resolving nominals; pronoun resolution reads it. */
const GENDERS = new WeakMap<Doc, Map<string, Gender>>();

export function resolveNominals(doc: Doc): void {
  const genders = new Map<string, Gender>();
  GENDERS.set(doc, genders);
  const owners = tokenOwners(doc);
  const toks = doc.tokens;
  const covered = new Uint8Array(toks.length);
  owners.forEach((o, i) => { if (o) covered[i] = 1; });
  for (const e of doc.entities) for (const m of e.mentions) for (const r of m.roles ?? []) noteGender(genders, e, r);

  // A role or kinship noun right before a person's name (optionally with a comma): "his mother, Yelena", "girlfriend Sapir Cohen".
  for (const e of doc.entities) {
    if (e.type !== 'PERSON') continue;
    for (const m of e.mentions.filter((x) => x.kind === 'name')) {
      let k = doc.tokenAt(m.start) - 1;
      if (k >= 0 && toks[k].text === ',') k--;
      if (k < 0 || toks[k].sentence !== toks[doc.tokenAt(m.start)].sentence) continue;
      const noun = lw(toks[k]);
      const det = toks[k - 1];
      const possessed = det !== undefined && POSSESSIVES.has(lw(det));
      // kinship nouns always ("girlfriend Sapir Cohen"); role nouns when they are a phrase of their own ("his lawyer, X")
      if (KINSHIP[noun] === undefined && !(ROLE_NOUNS.has(noun) && (possessed || toks[k + 1]?.text === ','))) {
        // a title word right before the name ("Liverpool footballer Luis Diaz") is remembered for "the footballer" later
        if (personNoun(noun) && toks[k + 1] && doc.tokenAt(m.start) === k + 1) (m.roles ??= []).includes(noun) || m.roles.push(noun);
        continue;
      }
      noteGender(genders, e, noun);
      // a possessive stays out of the nominal so that it resolves as a pronoun of its own
      addMention(doc, e, toks[k].start, toks[k].end, 'nominal', covered);
      (m.roles ??= []).includes(noun) || m.roles.push(noun);
    }
  }

  // "The wife of jailed activist Ahmed Samir, Mona Khalil,": a kinship noun with "of" and another
  // person, then the name in apposition
  for (const e of doc.entities) {
    if (e.type !== 'PERSON') continue;
    for (const m of e.mentions.filter((x) => x.kind === 'name')) {
      const first = doc.tokenAt(m.start);
      if (toks[first - 1]?.text !== ',') continue;
      const other = owners[first - 2];
      if (!other || other === e || other.type !== 'PERSON') continue;
      let k = first - 2;
      while (k > 0 && owners[k - 1] === other) k--;
      // up to four modifiers between "of" and the other name: "of jailed Egyptian activist"
      let j = k - 1;
      for (let n = 0; n < 4 && j > 0 && lw(toks[j]) !== 'of' && /^[\p{Ll}-]+$|^\p{Lu}\p{Ll}+$/u.test(toks[j].text) && (!owners[j] || owners[j]!.type === 'NORP'); n++) j--;
      if (lw(toks[j]) !== 'of' || j < 1) continue;
      const noun = lw(toks[j - 1]);
      if (KINSHIP[noun] === undefined || covered[j - 1]) continue;
      noteGender(genders, e, noun);
      addMention(doc, e, toks[j - 1].start, toks[j - 1].end, 'nominal', covered);
      (m.roles ??= []).includes(noun) || m.roles.push(noun);
    }
  }

  // Apposition after a name: "Cohen, his girlfriend,", "Islamic Jihad – the group which …", "Viktorov, the ambassador".
  for (const e of doc.entities) {
    for (const m of e.mentions.filter((x) => x.kind === 'name')) {
      const after = doc.tokenAt(m.end);
      const sep = toks[after];
      if (!sep || !APPOS_SEP.has(sep.text) || sep.sentence !== toks[doc.tokenAt(m.start)].sentence) continue;
      const det = toks[after + 1];
      if (!det || !(POSSESSIVES.has(lw(det)) || lw(det) === 'the' || lw(det) === 'a' || lw(det) === 'an')) continue;
      // up to two modifiers before the head noun
      for (let h = after + 2; h <= after + 4 && h < toks.length; h++) {
        const noun = lw(toks[h]);
        const fits = e.type === 'PERSON' ? KINSHIP[noun] !== undefined || ROLE_NOUNS.has(noun) : ORG_NOUNS.has(noun) && e.type === 'ORG';
        // "near the town of Kutum, the agency said": a noun phrase followed by its verb is a subject, not an apposition
        // (a participle is a reduced relative instead: "Pieter de Groot, the Dutch journalist kidnapped in Niger")
        const next = toks[h + 1];
        const verbAfter = next !== undefined && next.xpos !== 'VBN' && next.xpos !== 'VBG' && (next.upos === 'VERB' || next.upos === 'AUX' || SAY_WORDS.has(lw(next)));
        if (fits && verbAfter) break;
        if (fits) {
          if (owners[h]) break;
          if (e.type === 'PERSON') noteGender(genders, e, noun);
          // a nationality inside stays its own mention: "the Dutch | journalist"
          let from = POSSESSIVES.has(lw(det)) ? after + 2 : after + 1;
          for (let k = from; k < h; k++) if (covered[k]) from = k + 1;
          addMention(doc, e, toks[from].start, toks[h].end, 'nominal', covered);
          if (e.type === 'PERSON') (m.roles ??= []).includes(noun) || m.roles.push(noun);
          break;
        }
        if (!(/^[\p{Ll}-]+$/u.test(toks[h].text) || owners[h]?.type === 'NORP') || POSSESSIVES.has(noun)) break;
      }
      // age in apposition: "Cohen, 29,"
      if (e.type === 'PERSON' && /^\d{1,3}$/.test(det.text) && toks[after + 2]?.text === ',') (e.attributes ??= {}).age = det.text;
    }
  }

  // Definite descriptions: "the ambassador", "the Russian ambassador", "the embassy", "the 29-year-old".
  const index = new MentionIndex(doc);
  const heads = new Map<Entity, Set<string>>();
  for (const e of doc.entities) heads.set(e, new Set(e.mentions.filter((m) => m.kind === 'name').map((m) => nameHead(m.text))));
  const roleCache = new Map<Entity, Set<string>>();
  const rolesOf = (e: Entity) => {
    let r = roleCache.get(e);
    if (!r) {
      r = new Set<string>();
      for (const m of e.mentions) {
        for (const x of m.roles ?? []) r.add(x);
        if (m.kind === 'nominal') r.add(m.text.toLowerCase().split(/\s+/).pop()!);
      }
      roleCache.set(e, r);
    }
    return r;
  };
  // the one person the article gives a role noun with a name ("her lawyer, Reza Mostafavi"): an
  // earlier "her lawyer said" or "the lawyer" before the name is introduced is that person too
  // (once per noun: the roles it reads are settled before the loop below, which calls it per token)
  const holders = new Map<string, Entity | undefined>();
  const soleHolder = (noun: string): Entity | undefined => {
    if (holders.has(noun)) return holders.get(noun);
    let found: Entity | undefined;
    for (const e of doc.entities) {
      if (e.type !== 'PERSON' || !e.mentions.some((m) => m.kind === 'name' && m.roles?.includes(noun))) continue;
      if (found) {
        found = undefined;
        break;
      }
      found = e;
    }
    holders.set(noun, found);
    return found;
  };
  for (let i = 0; i < toks.length - 1; i++) {
    const det = lw(toks[i]);
    const possessive = POSSESSIVES.has(det) && det !== 'its';
    if ((det !== 'the' && !possessive) || owners[i + 1]) continue;
    let h = i + 1;
    if (/^\p{Lu}/u.test(toks[h].text) && toks[h + 1] && /^\p{Ll}/u.test(toks[h + 1].text) && !owners[h]) h++; // "the Russian ambassador"
    const noun = lw(toks[h]);
    if (owners[h] || covered[h]) continue;
    // "his lawyer" is only this kind of reference: a role noun, not followed by the name it introduces
    if (possessive && (!ROLE_NOUNS.has(noun) || owners[h + 1] || (toks[h + 1]?.text === ',' && owners[h + 2]))) continue;
    let target: Entity | undefined;
    if (ROLE_NOUNS.has(noun) || (!possessive && personNoun(noun))) {
      target = index.mostRecent(toks[i].start, (e) => e.type === 'PERSON' && rolesOf(e).has(noun));
      target ??= soleHolder(noun);
      // a possessive keeps its own pronoun mention: the nominal is the role word alone
      if (target && possessive) { addMention(doc, target, toks[h].start, toks[h].end, 'nominal', covered); continue; }
    }
    else if (/^\d{1,3}-year-old$/.test(noun)) {
      target = index.mostRecent(toks[i].start, (e) => e.type === 'PERSON');
      if (target) (target.attributes ??= {}).age = noun.split('-')[0];
    } else if (/^\p{Ll}+$/u.test(noun) && noun.length > 2) {
      target = index.mostRecent(toks[i].start, (e) => e.type !== 'PERSON' && e.type !== 'NORP' && e.type !== 'GPE' && heads.get(e)!.has(noun));
      // "the group", "the agency": the organisation the last few sentences are about — most
      // mentioned there, one already called by that noun first ("RSF, a paramilitary group"),
      // then the most recent; not merely the last named ("told Reuters the group would …")
      // (not when a name follows: "the charity Action Against Hunger" introduces that name)
      if (!target && GENERIC_ORG_NOUNS.has(noun) && !owners[h + 1] && !/^\p{Lu}/u.test(toks[h + 1]?.text ?? '')) target = salientOrganisation(doc, index, toks[i], noun);
    }
    if (target) addMention(doc, target, toks[i].start, toks[h].end, 'nominal', covered);
  }
}

function salientOrganisation(doc: Doc, index: MentionIndex, at: Token, noun: string): Entity | undefined {
  const score = new Map<Entity, number>();
  const last = new Map<Entity, number>();
  for (let s = at.sentence; s >= Math.max(0, at.sentence - 3); s--) {
    for (const x of index.bySentence.get(s) ?? []) {
      if (x.e.type !== 'ORG' || x.m.end > at.start) continue;
      const called = x.m.kind === 'nominal' && x.m.text.toLowerCase().split(/\s+/).pop() === noun;
      score.set(x.e, (score.get(x.e) ?? 0) + (called ? 3 : 1));
      last.set(x.e, Math.max(last.get(x.e) ?? -1, x.m.start));
    }
  }
  let best: Entity | undefined;
  for (const [e, v] of score) if (!best || v > score.get(best)! || (v === score.get(best)! && last.get(e)! > last.get(best)!)) best = e;
  return best;
}

type Indexed = { m: Mention; e: Entity; sentence: number };

/** How many of the items (sorted by start) start before `pos`. */
function countBefore(items: Indexed[], pos: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].m.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Mentions in text order with their sentences, for backward searches that stay cheap on long documents. */
class MentionIndex {
  readonly items: Indexed[];
  /** mentions registered after the index was built, in text order (kept apart: inserting each into `items` would cost its length) */
  private readonly added: Indexed[] = [];
  readonly bySentence: Map<number, Indexed[]> = new Map();
  constructor(doc: Doc) {
    this.items = doc.entities.flatMap((e) => e.mentions.map((m) => ({ m, e, sentence: doc.tokens[doc.tokenAt(m.start)]?.sentence ?? 0 }))).sort((a, b) => a.m.start - b.m.start);
    for (const x of this.items) {
      const list = this.bySentence.get(x.sentence);
      if (list) list.push(x);
      else this.bySentence.set(x.sentence, [x]);
    }
  }
  /** Register a mention found after the index was built (mentions arrive in text order). */
  add(m: Mention, e: Entity, sentence: number): void {
    const x = { m, e, sentence };
    let k = this.added.length;
    while (k > 0 && this.added[k - 1].m.start > m.start) k--;
    this.added.splice(k, 0, x);
    const list = this.bySentence.get(sentence);
    if (list) {
      let k = list.length;
      while (k > 0 && list[k - 1].m.start > m.start) k--;
      list.splice(k, 0, x);
    } else this.bySentence.set(sentence, [x]);
  }

  /** The entity of the closest mention ending before `pos` that satisfies `ok` (looks back at most `limit` mentions). */
  mostRecent(pos: number, ok: (e: Entity) => boolean, limit = 400): Entity | undefined {
    // both lists walked back together, latest start first (a registered mention after an indexed one at the same start)
    let i = countBefore(this.items, pos) - 1;
    let j = countBefore(this.added, pos) - 1;
    for (let n = 0; n < limit && (i >= 0 || j >= 0); n++) {
      const x = j >= 0 && (i < 0 || this.added[j].m.start >= this.items[i].m.start) ? this.added[j--] : this.items[i--];
      if (x.m.end <= pos && ok(x.e)) return x.e;
    }
    return undefined;
  }
}

/** First organisation-like head word in a name: "Russian Embassy in Israel" → "embassy". */
function nameHead(name: string): string {
  const words = name.toLowerCase().split(/\s+/);
  const cut = words.findIndex((w) => w === 'of' || w === 'in' || w === 'for' || w === 'to');
  const core = cut > 0 ? words.slice(0, cut) : words;
  return core[core.length - 1];
}

/** A definite person noun no entity owns ("the footballer", "the hostage") as a subject before token i in its sentence. */
function unnamedPersonSubjectBefore(doc: Doc, owners: (Entity | undefined)[], i: number): boolean {
  const toks = doc.tokens;
  const sent = doc.sentences[toks[i].sentence];
  for (let k = sent.tokenStart + 1; k < i; k++) {
    if (owners[k] || !/^nsubj/.test(toks[k].deprel ?? '') || !personNoun(lw(toks[k]))) continue;
    if (/^(?:the|a|an|this|that)$/.test(lw(toks[k - 1])) || (k >= sent.tokenStart + 2 && lw(toks[k - 2]) === 'the' && !owners[k - 1])) return true;
  }
  return false;
}

/** A definite organisation noun ("the charity", "the ministry") that no entity owns, before token i in its sentence. */
function unnamedOrganisationBefore(doc: Doc, owners: (Entity | undefined)[], i: number): boolean {
  const toks = doc.tokens;
  const sent = doc.sentences[toks[i].sentence];
  for (let k = sent.tokenStart + 1; k < i; k++) {
    if (!ORG_NOUNS.has(lw(toks[k])) || owners[k]) continue;
    const before = lw(toks[k - 1]);
    if (before === 'the' || (k >= sent.tokenStart + 2 && lw(toks[k - 2]) === 'the' && /^\p{Ll}/u.test(toks[k - 1].text) && !owners[k - 1])) return true;
  }
  return false;
}

/** "Dubois's" in "Dubois's wife": the mention is followed by a possessive 's. */
function isPossessor(doc: Doc, m: Mention): boolean {
  const next = doc.tokens[doc.tokenAt(m.end)];
  return next !== undefined && next.start === m.end && /^['’]s?$/.test(next.text);
}

const DEPENDENT_CLAUSE = new Set(['advcl', 'ccomp', 'conj', 'xcomp', 'parataxis']);

/** For a pronoun that is the subject of a dependent clause, the token heading its governing clause's subject; else -1. */
function governingSubject(doc: Doc, i: number): number {
  const toks = doc.tokens;
  if (!/^nsubj/.test(toks[i].deprel ?? '')) return -1;
  const verb = toks[i].head ?? -1;
  if (verb < 0 || !DEPENDENT_CLAUSE.has((toks[verb].deprel ?? '').split(':')[0])) return -1;
  const gov = toks[verb].head ?? -1;
  if (gov < 0) return -1;
  const sent = doc.sentences[toks[i].sentence];
  for (let k = sent.tokenStart; k < sent.tokenEnd; k++) if (k !== i && toks[k].head === gov && /^nsubj/.test(toks[k].deprel ?? '')) return k;
  return -1;
}

export function resolvePronouns(doc: Doc): void {
  const genders = GENDERS.get(doc) ?? new Map<string, Gender>();
  const toks = doc.tokens;
  const owners = tokenOwners(doc);
  const index = new MentionIndex(doc);
  // '"Dan has been held for 404 days," she told': a name inside the quote is what she speaks of, not who she is
  const quoted = findQuoteSpans(doc.text);
  // the spans are in text order and do not overlap: a binary search, not a scan per pronoun
  const quoteOf = (pos: number) => {
    let lo = 0;
    let hi = quoted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (quoted[mid].start <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && pos < quoted[lo - 1].end ? lo - 1 : -1;
  };
  for (let i = 0; i < toks.length; i++) {
    const w = lw(toks[i]);
    const p = PRONOUNS[w];
    if (!p || p.number !== 's' || owners[i]) continue;
    if (w === 'it') continue;
    const wantPerson = p.gender === 'm' || p.gender === 'f';
    const sent = toks[i].sentence;
    // "her sister" / "Ana Lopez, her sister": the possessor is not the person the noun names
    const possessed = owners[i + 1];
    const compatible = (e: Entity) => e !== possessed && (wantPerson
      ? e.type === 'PERSON' && (genderOf(e, genders) === 'x' || genderOf(e, genders) === p.gender)
      : e.type === 'ORG' || e.type === 'GPE' || e.type === 'FAC');
    let chosen: Entity | undefined;
    // the subject of a dependent clause is most often the subject of the clause it hangs on:
    // "Farahani was arrested at Imam Khomeini airport as he tried to board"
    const governing = governingSubject(doc, i);
    if (governing >= 0 && owners[governing] && toks[governing].end <= toks[i].start && compatible(owners[governing]!)) chosen = owners[governing];
    // this sentence, nearest first
    const here = index.bySentence.get(sent) ?? [];
    const myQuote = quoted.length ? quoteOf(toks[i].start) : -1;
    // (a possessor gives way to the noun it qualifies: "the ELN, Colombia's largest group, admitted that
    // one of its units …" — its is the ELN's)
    for (const skipPossessors of [true, false]) {
      for (let k = here.length - 1; k >= 0 && !chosen; k--) {
        const x = here[k];
        if (skipPossessors && isPossessor(doc, x.m)) continue;
        if (x.m.end <= toks[i].start && x.m.kind !== 'pronoun' && compatible(x.e) && (myQuote >= 0 || !quoted.length || quoteOf(x.m.start) < 0)) chosen = x.e;
      }
    }
    // "The charity said it had suspended its operations": an organisation noun no entity stands for
    // earlier in the sentence is what "its" refers to; an organisation named sentences before is not
    if (!wantPerson && !chosen && unnamedOrganisationBefore(doc, owners, i)) continue;
    // likewise "The footballer had appealed for his father's release": an unnamed person as subject
    if (wantPerson && !chosen && unnamedPersonSubjectBefore(doc, owners, i)) continue;
    // earlier sentences, the most recent first, each read from its start (subjects come first);
    // a possessor is passed over for the noun it qualifies: "Dubois's wife, Claire, said … she"
    for (let s = sent - 1; s >= Math.max(0, sent - 3) && !chosen; s--) {
      const inSentence = index.bySentence.get(s) ?? [];
      for (const x of inSentence) if (!isPossessor(doc, x.m) && compatible(x.e)) { chosen = x.e; break; }
      for (const x of inSentence) if (!chosen && compatible(x.e)) { chosen = x.e; break; }
    }
    if (chosen) {
      // the pronoun tells the person's gender: "He had been working …" then "she" is someone else
      if (wantPerson && !genders.has(chosen.id)) genders.set(chosen.id, p.gender as Gender);
      const m: Mention = { start: toks[i].start, end: toks[i].end, text: toks[i].text, kind: 'pronoun', type: chosen.type, entity: chosen.id, source: 'coref' };
      chosen.mentions.push(m);
      owners[i] = chosen;
      // later pronouns follow the chain: "he asked Macron …" then "His daughter" is his, not Macron's
      index.add(m, chosen, sent);
    }
  }
}
