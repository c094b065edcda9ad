/**
 * What kind of thing a name stands for, as the text itself says it (lexicon/en/entity-kinds.tsv): "Muse, a British
 * band", "its star, KELT-9", "rock band Grateful Dead", "the planet KELT-9b", "KELT-9 is a blue A-type star", "an
 * exoplanet, named KELT-9b". A later "the band", "the planet" is then that name, and a planet is "it", a band "they".
 *  - coref.kind-introduced-name: a name the recogniser did not read, introduced by such a noun, becomes an entity of the
 *    noun's type, with every later occurrence of the same words;
 *  - coref.kind-description: "the (up to three lower-case modifiers) NOUN" → the entity the text gave that kind, the most
 *    recently mentioned one, when no other entity of the kind was mentioned in the five sentences before;
 *  - coref.kind-pronoun: such an entity is an antecedent of "it"/"its" whatever its type (a planet is a place, LOC), and
 *    one of a plural kind (a band, a team) of "they"/"their".
 */
import type { Doc, Entity, EntityType, Token } from '../../doc.js';
import { entries, lookup, set } from '../../lexicon/index.js';
import { defineRule } from '../../rules/registry.js';
import { addMention, lw, tokenOwners } from './mentions.js';

export const kindNameRule = defineRule({
  id: 'coref.kind-introduced-name',
  stage: 'coref',
  action: 'label',
  summary: 'a name the recogniser did not read, which the text introduces with a class noun of lexicon/en/entity-kinds.tsv ("the planet KELT-9b", "its star, KELT-9", "rock band Grateful Dead", "an exoplanet, named KELT-9b"), is an entity of the noun\'s type (a celestial body LOC, a band or team ORG), with every later occurrence of the same words',
  fires: ['Astronomers found the planet Zarvik-4b last year. Zarvik-4b is very hot.'],
  spares: ['Astronomers found a hot planet last year. Zarvik said it is very hot.'],
  source: 'src/extract/coref/kinds.ts',
});

export const kindDescriptionRule = defineRule({
  id: 'coref.kind-description',
  stage: 'coref',
  action: 'label',
  summary: '"the band", "the planet", "the psychedelic rock band": a class noun of lexicon/en/entity-kinds.tsv with "the" is the entity the text gave that kind (in apposition, before the name, as a copular predicate, or "named X"), the most recently mentioned, when no other entity of the kind was mentioned in the five sentences before',
  fires: ['Tom Kell wrote songs for Velvet Harbour, a folk band from Leeds. He left the band in 2001.'],
  spares: ['Tom Kell wrote songs for Velvet Harbour, a folk band, and Iron Meadow, a rock band. He left the band in 2001.'],
  source: 'src/extract/coref/kinds.ts',
});

export const kindPronounRule = defineRule({
  id: 'coref.kind-pronoun',
  stage: 'coref',
  action: 'label',
  summary: 'an entity the text gave a kind of lexicon/en/entity-kinds.tsv is an antecedent of "it"/"its" whatever its type ("The planet takes two days to orbit its star": a planet is a place, LOC); one of a plural kind ("band", "team") of "they"/"their", as a people is ("the Grateful Dead and their members")',
  fires: ['Astronomers found the planet Zarvik-4b last year. The planet takes two days to orbit its star.'],
  spares: ['Astronomers found Zarvik-4b last year. Zarvik-4b takes two days to orbit its star.'],
  source: 'src/extract/coref/kinds.ts',
});

interface KindEntry { kind: string; type: EntityType; plural: boolean; detBeforeName: boolean }

/** The kind a class noun names (lexicon/en/entity-kinds.tsv), or undefined. */
export function nounKind(noun: string): KindEntry | undefined {
  const e = lookup('entity-kinds', noun);
  // (rows the recogniser alone reads, uses ner: vehicles, moons)
  if (!e || !(e.attrs.uses ?? '').split(',').includes('coref')) return undefined;
  return { kind: e.attrs.kind ?? noun, type: (e.attrs.type ?? 'ORG') as EntityType, plural: e.attrs.number === 'p', detBeforeName: e.attrs['before-name'] === 'det' };
}

/** The kinds the text gives each entity, by document (set by `findKinds`). */
const kindsByDoc = new WeakMap<Doc, Map<Entity, Set<string>>>();
/** The class nouns that gave a name its kind, by document (token indices). */
const introducersByDoc = new WeakMap<Doc, Set<number>>();

/** The kinds the text gives entity e ("band", "planet"); empty when none. */
export function kindsOf(doc: Doc, e: Entity): ReadonlySet<string> {
  return kindsByDoc.get(doc)?.get(e) ?? EMPTY;
}
const EMPTY: ReadonlySet<string> = new Set();
/** Kinds spoken of as "they" (the lexicon's number p). */
let pluralKinds: Set<string> | null = null;

/** e is of a kind the text speaks of as "they" (a band, a team). */
export function pluralKind(doc: Doc, e: Entity): boolean {
  if (!kindPronounRule.enabled) return false;
  pluralKinds ??= new Set(entries('entity-kinds', { number: 'p' }).map((x) => x.attrs.kind ?? x.word));
  for (const k of kindsOf(doc, e)) if (pluralKinds.has(k)) return true;
  return false;
}

/** e is an antecedent of "it" by the kind the text gives it (coref.kind-pronoun). */
export function itByKind(doc: Doc, e: Entity): boolean {
  return kindPronounRule.enabled && kindsOf(doc, e).size > 0 && !pluralKind(doc, e) && e.type !== 'PERSON';
}

/** A word that may be part of a name: capitalised ("Grateful", "KELT-9b"), not a sentence's first word. */
function nameWord(t: Token | undefined, sentence: number): boolean {
  return t !== undefined && t.sentence === sentence && /^\p{Lu}[\p{L}\d'’.&-]*$/u.test(t.text);
}

/** The capitalised run starting at token a (a leading "The" allowed): its last token, or -1. */
function runFrom(toks: readonly Token[], a: number): number {
  const s = toks[a]?.sentence ?? -1;
  let k = a;
  if (toks[k]?.text === 'The' && nameWord(toks[k + 1], s)) k++;
  if (!nameWord(toks[k], s)) return -1;
  while (k + 1 < toks.length && (nameWord(toks[k + 1], s) || (toks[k + 1].sentence === s && /^\d+$/.test(toks[k + 1].text) && !/^\d/.test(toks[k].text))) && k - a < 5) k++;
  return k;
}

/** The capitalised run ending at token b: its first token, or -1 (the sentence's first word only when the run is longer). */
function runTo(toks: readonly Token[], b: number): number {
  const s = toks[b]?.sentence ?? -1;
  if (!nameWord(toks[b], s)) return -1;
  let k = b;
  while (k - 1 >= 0 && nameWord(toks[k - 1], s) && b - k < 5) k--;
  return k;
}

/**
 * Lower-case words between a determiner at i and a noun at h, at most three ("the psychedelic rock band", "a blue A-type
 * star": a letter code too); with `adjectives`, a capitalised adjective as well ("a British band").
 */
function modifiersOnly(toks: readonly Token[], i: number, h: number, adjectives = false): boolean {
  if (h - i - 1 > 3) return false;
  for (let k = i + 1; k < h; k++) {
    const w = toks[k].text;
    if (/^[\p{Ll}\d][\p{L}\d-]*$/u.test(w) || /^\p{Lu}-\p{Ll}+$/u.test(w) || (adjectives && toks[k].upos === 'ADJ' && /^\p{Lu}\p{Ll}+$/u.test(w))) continue;
    return false;
  }
  return true;
}

/** Articles before a class noun ("Muse, a British band") and copulas ("KELT-9 is a … star"): lexicon/en/function-words.tsv. */
const KIND_DETS = set('function-words', { uses: 'coref-kind-det' });
const KIND_COPULAS = set('function-words', { uses: 'coref-kind-copula' });
const POSSESSIVE_DETS = set('function-words', { uses: 'coref-possessive' });
const DEFINITE = set('function-words', { uses: 'coref-definite' });

/** "named", "called", "dubbed" (lexicon/en/naming-words.tsv, the verbs that need no "as"): "an exoplanet, named KELT-9b". */
function namingWord(t: Token | undefined): boolean {
  const e = t?.lemma ? lookup('naming-words', t.lemma) : undefined;
  return e !== undefined && !e.attrs.via && (t!.xpos === 'VBN' || t!.upos === 'VERB');
}
/** What closes an apposed name: "its star, KELT-9." */
const CLOSES = /^[.,;:)!?"”’'–—]$/;

/**
 * Read the text's kinds (and, with coref.kind-introduced-name, make entities of the names the recogniser missed). Run
 * once, at the start of the coref stage.
 */
export function findKinds(doc: Doc): void {
  const map = new Map<Entity, Set<string>>();
  kindsByDoc.set(doc, map);
  const toks = doc.tokens;
  let owners = tokenOwners(doc);
  const pairs: { first: number; last: number; kind: KindEntry; at: number }[] = [];
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    if (!/^\p{Ll}+$/u.test(t.text)) continue;
    const kind = nounKind(t.text);
    if (!kind || owners[k]) continue;
    const s = t.sentence;
    // "rock band Grateful Dead", "the planet KELT-9b", "jam band The String Cheese Incident"; "its star, KELT-9."; "an
    // exoplanet, named KELT-9b"
    let a = k + 1;
    if (toks[a]?.text === ',' && toks[a + 1]?.sentence === s) a++;
    const named = namingWord(toks[a]);
    if (named) a++;
    const last = runFrom(toks, a);
    // "the star AB Aurigae", not "film star Simran": a noun that also names a person's fame wants a determiner
    const detOk = !kind.detBeforeName || KIND_DETS.has(lw(toks[k - 1])) || POSSESSIVE_DETS.has(lw(toks[k - 1]));
    if (last >= 0 && detOk && (toks[a - 1].text !== ',' || named || CLOSES.test(toks[last + 1]?.text ?? '.'))) {
      // a name that goes on into a noun is that noun's modifier ("the band Coldplay concert")
      const next = toks[last + 1];
      if (!(next && next.sentence === s && next.upos === 'NOUN' && /^\p{Ll}/u.test(next.text))) {
        pairs.push({ first: toks[a].text === 'The' && a < last ? a + 1 : a, last, kind, at: k });
        continue;
      }
    }
    // "Muse, a British band", "KELT-9 is a blue A-type star": the noun heads its phrase after a determiner
    const next = toks[k + 1];
    if (next && next.sentence === s && (next.upos === 'NOUN' || next.upos === 'PROPN')) continue;
    // "…, Limp Bizkit and Orgy, the band was arrested", "However, the band has …": a phrase going on into its verb is a
    // subject, not an apposition (a participle is a reduced relative: "Muse, a band formed in 1994")
    if (next && next.sentence === s && (next.upos === 'VERB' || next.upos === 'AUX') && next.xpos !== 'VBN' && next.xpos !== 'VBG') continue;
    let d = k - 1;
    while (d >= 0 && d >= k - 4 && toks[d].sentence === s && !KIND_DETS.has(lw(toks[d]))) d--;
    if (d < 0 || toks[d].sentence !== s || !KIND_DETS.has(lw(toks[d])) || !modifiersOnly(toks, d, k, true)) continue;
    const before = toks[d - 1];
    let end = -1;
    if (before?.text === ',') end = d - 2;
    // "KELT-9 is a blue A-type star" (not "X is the band that …": a definite predicate is coref.predicate-description's)
    else if (before && KIND_COPULAS.has(lw(before)) && lw(toks[d]) !== 'the') end = d - 2;
    if (end < 0) continue;
    const first = runTo(toks, end);
    if (first < 0) continue;
    // "KELT-9 is a … star": the run is the copula's subject, the sentence's first words at most
    if (before!.text !== ',' && first !== doc.sentences[s].tokenStart && toks[first - 1]?.text !== ',') continue;
    pairs.push({ first, last: end, kind, at: k });
  }
  introducersByDoc.set(doc, new Set(pairs.map((p) => p.at)));
  for (const p of pairs) {
    let e = owners[p.first];
    // (a person is no band: "rock band Van Halen" after Eddie Van Halen is the surname's other bearer; a country no band)
    if (e && (owners[p.last] !== e || !typeFits(e.type, p.kind.type))) continue;
    if (!e) {
      // a sentence's lone first word is no name the text introduces ("However, the band …")
      if (p.first === p.last && p.first === doc.sentences[toks[p.first].sentence].tokenStart) continue;
      if (!kindNameRule.enabled || overlaps(doc, owners, p.first, p.last)) continue;
      e = introduce(doc, p.first, p.last, p.kind.type);
      if (!e) continue;
      owners = tokenOwners(doc);
      kindNameRule.fired(toks[p.first].start, toks[p.last].end);
    }
    let kinds = map.get(e);
    if (!kinds) map.set(e, (kinds = new Set()));
    kinds.add(p.kind.kind);
  }
}

/** The noun at k opens a new referent: an indefinite article on it, no copula (not "it is a planet"), no name it introduces. */
function newReferent(doc: Doc, k: number, introducers: ReadonlySet<number>): boolean {
  const toks = doc.tokens;
  if (introducers.has(k) || !/^\p{Ll}/u.test(toks[k].text)) return false;
  const deps = doc.dependents()[k];
  return deps.some((c) => toks[c].deprel === 'det' && KIND_DETS.has(lw(toks[c])) && !DEFINITE.has(lw(toks[c]))) && !deps.some((c) => toks[c].deprel === 'cop');
}

/** A mention of e ends at most four words before the description at i, with a verb and no punctuation between. */
function coArgument(doc: Doc, e: Entity, i: number): boolean {
  const toks = doc.tokens;
  for (const m of e.mentions) {
    if (m.end > toks[i].start || toks[i].start - m.end > 40) continue;
    let verb = false;
    let k = doc.tokenAt(m.end);
    if (k < 0 || k > i || i - k > 4 || toks[k].sentence !== toks[i].sentence) continue;
    for (; k < i; k++) {
      if (toks[k].upos === 'PUNCT' || toks[k].upos === 'CCONJ' || toks[k].upos === 'SCONJ' || toks[k].upos === 'ADP') break;
      if (toks[k].upos === 'VERB') verb = true;
    }
    if (k === i && verb) return true;
  }
  return false;
}

/** An entity the recogniser typed `have` may be of a kind whose names are `want`: a band an organisation (or a facility the
 * recogniser misread, "Velvet Harbour"), a planet or star a place, never a person, a people or a country for a band. */
function typeFits(have: EntityType, want: EntityType): boolean {
  if (have === 'PERSON' || have === 'NORP') return false;
  return want === 'ORG' ? have === 'ORG' || have === 'FAC' : have !== 'ORG';
}

/** A modifier between the determiner and the noun is a superlative ("the hottest", "the most distant"). */
function superlative(toks: readonly Token[], i: number, h: number): boolean {
  for (let k = i + 1; k < h; k++) if (toks[k].xpos === 'JJS' || toks[k].xpos === 'RBS') return true;
  return false;
}

/** Some token of first..last belongs to an entity, or to a time expression ("the team Monday"). */
function overlaps(doc: Doc, owners: readonly (Entity | undefined)[], first: number, last: number): boolean {
  for (let k = first; k <= last; k++) if (owners[k]) return true;
  const start = doc.tokens[first].start;
  const end = doc.tokens[last].end;
  return doc.times.some((t) => t.start < end && t.end > start);
}

/** A new entity for the words first..last, with a name mention at each uncovered occurrence of the same words. */
function introduce(doc: Doc, first: number, last: number, type: EntityType): Entity | undefined {
  const toks = doc.tokens;
  const owners = tokenOwners(doc);
  const words = [];
  for (let k = first; k <= last; k++) words.push(toks[k].text);
  let n = 0;
  for (const e of doc.entities) n = Math.max(n, Number(e.id.slice(1)) || 0);
  const id = `e${n + 1}`;
  const name = doc.text.slice(toks[first].start, toks[last].end);
  const e: Entity = { id, type, name, mentions: [] };
  for (let k = 0; k + words.length <= toks.length; k++) {
    let same = true;
    for (let j = 0; j < words.length && same; j++) same = toks[k + j].text === words[j] && !owners[k + j];
    // the whole run only: not "Dead" of "Grateful Dead Records"
    if (!same || nameWord(toks[k + words.length], toks[k].sentence) || (k > 0 && nameWord(toks[k - 1], toks[k].sentence) && toks[k - 1].text !== 'The' && k - 1 !== doc.sentences[toks[k].sentence].tokenStart)) continue;
    const start = toks[k].start;
    const end = toks[k + words.length - 1].end;
    e.mentions.push({ start, end, text: doc.text.slice(start, end), kind: 'name', type, entity: id, source: 'coref' });
  }
  if (!e.mentions.length) return undefined;
  doc.entities.push(e);
  return e;
}

/** How many sentences back the entity's last mention may be for a kind description. */
const KIND_REACH = 8;

/** coref.kind-description: "the band", "the planet" → the entity the text gave that kind. */
export function linkKindDescriptions(doc: Doc, gendered: (e: Entity) => boolean = () => false): void {
  const map = kindsByDoc.get(doc);
  if (!kindDescriptionRule.enabled || !map || map.size === 0) return;
  const toks = doc.tokens;
  const low = doc.lowerTexts();
  const owners = tokenOwners(doc);
  const introducers = introducersByDoc.get(doc) ?? new Set<number>();
  const covered = new Uint8Array(toks.length);
  owners.forEach((o, i) => { if (o) covered[i] = 1; });
  for (let i = 0; i + 1 < toks.length; i++) {
    if (low[i] !== 'the' || covered[i]) continue;
    // the noun the article determines (the parse's head of "the", at most three words on): "the psychedelic rock band",
    // not "the birth of an exoplanet" or "the light from the star"
    const h = toks[i].deprel === 'det' ? toks[i].head ?? -1 : -1;
    const kind = h > i && h - i <= 4 ? nounKind(lw(toks[h])) : undefined;
    if (!kind || !/^\p{Ll}+$/u.test(toks[h].text) || toks[h].sentence !== toks[i].sentence || !modifiersOnly(toks, i, h)) continue;
    let blocked = false;
    for (let k = i; k <= h; k++) if (covered[k]) blocked = true;
    const next = toks[h + 1];
    // "the planet KELT-9b" introduces its name; "the band members", "the team of doctors" are something else
    if (blocked || (next && next.sentence === toks[h].sentence && (/^\p{Lu}/u.test(next.text) || next.upos === 'NOUN' || next.upos === 'PROPN' || lw(next) === 'of'))) continue;
    // "it is the hottest gas giant planet ever found", "the first band to …": a predicate or a superlative says what
    // something is, it does not point back (a copular predicate is coref.predicate-description's)
    if (doc.dependents()[h].some((c) => toks[c].deprel === 'cop') || superlative(toks, i, h)) continue;
    // the entities of the kind, by their last mention before the description
    let best: Entity | undefined;
    let bestAt = -1;
    const lastAt = new Map<Entity, number>();
    for (const [e, kinds] of map) {
      if (!kinds.has(kind.kind)) continue;
      let at = -1;
      for (const m of e.mentions) if (m.end <= toks[i].start && m.start > at) at = m.start;
      if (at < 0) continue;
      lastAt.set(e, at);
      if (at > bestAt) (best = e), (bestAt = at);
    }
    // (mentioned in reach: a planet named thirty sentences back is not what an interview's "the planet" means; coref10
    // found name-head links eight sentences back or more mostly wrong)
    if (!best || bestAt < doc.sentences[Math.max(0, toks[i].sentence - KIND_REACH)].start) continue;
    const reach = doc.sentences[Math.max(0, toks[i].sentence - 5)].start;
    let rival = false;
    for (const [e, at] of lastAt) if (e !== best && at >= reach) rival = true;
    // "Cream was inducted in 1993. The band reunited …": an entity of the same type the text gave no kind, named since,
    // may be of the kind too
    // (or a "person" of one word whose given name tells nothing: "… to join Rammstein. The band was named …", Rammstein
    // read as a person)
    const mayBe = (e: Entity) => e.type === best!.type || (e.type === 'PERSON' && !gendered(e) && e.mentions.every((m) => m.kind !== 'name' || !/\s/.test(m.text.trim())));
    if (!rival) for (const e of doc.entities) if (e !== best && !map.has(e) && mayBe(e) && e.mentions.some((m) => m.start > bestAt && m.end <= toks[i].start)) rival = true;
    // "… bigger than Jupiter, the largest planet …. the formation of a planet …. the planet": a noun of the kind no entity
    // holds ("a planet"), since the entity's last mention, is another one of the kind
    for (let k = doc.tokenAt(bestAt) + 1; k < i && !rival; k++) if (!covered[k] && nounKind(lw(toks[k]))?.kind === kind.kind && newReferent(doc, k, introducers)) rival = true;
    if (rival) continue;
    // "The Swedish band Deathstars supported the band": a verb's subject is not its object (read on the surface too: the
    // name, then its verb with at most two words around it and no punctuation, then the description)
    if (coArgument(doc, best, i)) continue;
    addMention(doc, best, toks[i].start, toks[h].end, 'nominal', covered, kindDescriptionRule.id);
    kindDescriptionRule.fired(toks[i].start, toks[h].end);
  }
}
