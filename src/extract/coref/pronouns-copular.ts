/**
 * "it" that a copular predicate says is a place (coref31, issue 23, twelfth session): "You asked me about Beijing. It's
 * the most interesting city because it's an international city". The predicate noun tells what kind of thing "it" is
 * (models/coref/place-nouns.tsv.gz and the description lexicon's place rows: "city" → town, "country" → country; or a
 * kind of lexicon/en/entity-kinds.tsv the text gave a name: "planet", "band"); the place or thing of that kind named
 * nearest before it, alone of its kind in its sentence, is what "it" stands for.
 * Runs after the other pronoun passes (src/extract/coref.ts), on the "it" they left.
 */
import type { Doc, Entity, Mention } from '../../doc.js';
import { defineRule } from '../../rules/registry.js';
import type { PlaceKind } from '../places/gazetteer.js';
import { linkFields } from './confidence.js';
import { lw, tokenOwners } from './mentions.js';
import { kindsOf, nounKind } from './kinds.js';
import { placeKinds, placeNounKinds } from './places.js';

export const itCopularPlaceRule = defineRule({
  id: 'coref.it-copular-place-noun',
  stage: 'coref',
  action: 'label',
  summary: '"it" as the subject of a copular clause (no modal, no "if") whose predicate noun names a kind of place ("It\'s the most interesting city", "it is a small town") or a kind of lexicon/en/entity-kinds.tsv the text gave a name ("planet") is the place of that kind named nearest before it — in its own sentence, else one or two sentences back — when that sentence names no other place of the kind and has no other name as its main subject, and no unnamed noun of the kind comes between; a possessor ("England\'s") is passed over',
  fires: ['You asked me about Taipei. It is the most interesting city in the region.'],
  spares: ['We drove from Taipei to Kaohsiung. It is the most interesting city in the region.', 'You asked me about Taipei. It is the most interesting book in the shop.', 'Qalat lies south of Quetta. It was the capital of the old khanate.'],
  source: 'src/extract/coref/pronouns-copular.ts',
});

/** How many sentences back the place may be named. */
const REACH = 2;

/** The token of the copular predicate "it" is the subject of, when the predicate is a noun with a copula ("It's the … city"), or -1. */
function copularPredicate(doc: Doc, i: number): number {
  const toks = doc.tokens;
  if (toks[i].deprel !== 'nsubj') return -1;
  const h = toks[i].head ?? -1;
  if (h <= i || toks[h].upos !== 'NOUN') return -1;
  let cop = false;
  for (let k = doc.sentences[toks[i].sentence].tokenStart; k < h; k++) {
    if (toks[k].head !== h) continue;
    if (toks[k].deprel === 'cop' && k > i) cop = true;
    // what "it" could be, would be or were, if …, is no thing named before ("It will be a giant planet, maybe bigger
    // than Jupiter"; "If it were a planet like the Earth"): a modal or a condition on the predicate
    if ((toks[k].deprel === 'aux' && toks[k].xpos === 'MD') || (toks[k].deprel === 'mark' && lw(toks[k]) === 'if')) return -1;
  }
  return cop ? h : -1;
}

/** Token k heads a copular clause (a copula hangs on it between its subject and it). */
function isPredicate(doc: Doc, k: number): boolean {
  const toks = doc.tokens;
  for (let j = k - 1; j >= 0 && j >= k - 6 && toks[j].sentence === toks[k].sentence; j--) if (toks[j].head === k && toks[j].deprel === 'cop') return true;
  return false;
}

/** The main subject of sentence s is a proper noun that is not a mention of e. */
function otherNamedSubject(doc: Doc, owners: readonly (Entity | undefined)[], s: number, e: Entity): boolean {
  const toks = doc.tokens;
  const sentence = doc.sentences[s];
  for (let k = sentence.tokenStart; k < sentence.tokenEnd; k++) {
    if (!/^nsubj/.test(toks[k].deprel ?? '')) continue;
    const h = toks[k].head ?? -1;
    if (h < 0 || (toks[h].head ?? -1) >= 0) continue;
    return toks[k].upos === 'PROPN' && owners[k] !== e;
  }
  return false;
}

export function linkCopularPlacePronouns(doc: Doc): void {
  if (!itCopularPlaceRule.enabled) return;
  const toks = doc.tokens;
  let owners: (Entity | undefined)[] | null = null;
  for (let i = 0; i < toks.length; i++) {
    if (lw(toks[i]) !== 'it') continue;
    const h = copularPredicate(doc, i);
    if (h < 0) continue;
    const noun = lw(toks[h]);
    const kinds = placeNounKinds(noun);
    // or a kind of thing the text gave a name ("the planet KELT-9b … it is \"the hottest gas giant planet\"")
    const kind = nounKind(noun);
    const named = kind && !kind.plural ? kind.kind : '';
    if (!kinds.length && !named) continue;
    owners ??= tokenOwners(doc);
    if (owners[i]) continue;
    const fits = (e: Entity) => ((e.type === 'GPE' || e.type === 'LOC') && kinds.some((k: PlaceKind) => placeKinds(e).has(k))) || (named !== '' && e.type !== 'PERSON' && kindsOf(doc, e).has(named));
    const sent = toks[i].sentence;
    const first = doc.sentences[Math.max(0, sent - REACH)].tokenStart;
    // nearest first: the first sentence (walking back) that names a place of the kind decides, if it names one only
    let chosen: Entity | undefined;
    let found: Entity | undefined;
    let clash = false;
    for (let k = i - 1, s = sent; ; k--) {
      if (k < first || toks[k].sentence !== s) {
        // (and the sentence's main subject is no other name: "Qalat is located … west of the provincial capital Quetta. It
        // was the capital of the Kalat Khanate" — Qalat, a name no place entity fits, is the topic)
        if (found) { chosen = clash || otherNamedSubject(doc, owners, s, found) ? undefined : found; break; }
        if (k < first) break;
        s = toks[k].sentence;
      }
      const e = owners[k];
      if (e) {
        // a possessor qualifies another noun ("York is known as England's City of Festivals. It's a romantic city")
        const next = toks[k + 1];
        if (next && next.start === toks[k].end && /^['’]s?$/.test(next.text)) continue;
        if (fits(e)) { if (found && found !== e) clash = true; found = e; }
        continue;
      }
      // "We drove to an old town near Taipei. It is a lovely town": an unnamed noun of the kind is the likelier (not a
      // predicate itself: "it's the most interesting city because it's an international city")
      if (!found && toks[k].upos === 'NOUN' && !isPredicate(doc, k) && (placeNounKinds(lw(toks[k])).some((x) => kinds.includes(x)) || (named !== '' && nounKind(lw(toks[k]))?.kind === named))) break;
    }
    if (!chosen) continue;
    const m: Mention = { start: toks[i].start, end: toks[i].end, text: toks[i].text, kind: 'pronoun', type: chosen.type, entity: chosen.id, source: 'coref', ...linkFields(itCopularPlaceRule.id) };
    chosen.mentions.push(m);
    owners[i] = chosen;
    itCopularPlaceRule.fired(toks[i].start, toks[i].end);
  }
}
