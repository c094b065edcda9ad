/**
 * Refusals for definite descriptions whose referent the text leaves to something unnamed (issue 23, coref30): the
 * rules' description search (rules.ts, ruleDescriptions) asks these before it adds a link.
 *  - a noun of the description's head that no entity owns, between the entity's last mention and the description ("The
 *    Supreme Court advised the lower court … If the court upholds …"): the description may be that one, so no link;
 */
import type { Doc, Entity, Token } from '../../doc.js';
import { defineRule } from '../../rules/registry.js';
import { lw, tokenOwners } from './mentions.js';

export const unnamedSameHeadRule = defineRule({
  id: 'coref.description-unnamed-same-head',
  stage: 'coref',
  action: 'veto',
  summary: 'a description whose head noun another phrase no entity owns holds between the entity\'s last mention and it ("The Supreme Court advised the lower court to drop the case … If the court refuses") may be that unnamed one: no link',
  fires: ['The Ruritanian Supreme Court advised the lower court to drop the case in April. If the court refuses, the man will be executed.'],
  spares: ['The Ruritanian Supreme Court advised the government to drop the case in April. If the court refuses, the man will be executed.'],
  source: 'src/extract/coref/descriptions-unnamed.ts',
});

/** Per document: each lower-case noun's token positions, in text order (one pass, kept while the document lives). */
const nounPositions = new WeakMap<Doc, Map<string, number[]>>();

function positionsOf(doc: Doc, noun: string): readonly number[] {
  let byNoun = nounPositions.get(doc);
  if (!byNoun) {
    byNoun = new Map();
    for (const [k, t] of doc.tokens.entries()) {
      if (t.upos !== 'NOUN' || !/^\p{Ll}/u.test(t.text)) continue;
      const w = lw(t);
      const list = byNoun.get(w);
      if (list) list.push(k);
      else byNoun.set(w, [k]);
    }
    nounPositions.set(doc, byNoun);
  }
  return byNoun.get(noun) ?? [];
}

/** How many unnamed phrases are read at most between an antecedent and its description (a bound on the walk). */
const MAX_READ = 40;

/** The lower-case words of an entity's names ("melbourne", "city", "council"), once per entity. */
const nameWords = new WeakMap<Entity, Set<string>>();

function wordsOfNames(e: Entity): Set<string> {
  let out = nameWords.get(e);
  if (!out) {
    out = new Set();
    for (const m of e.mentions) if (m.kind === 'name') for (const w of m.text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w) out.add(w);
    nameWords.set(e, out);
  }
  return out;
}

/**
 * Between token `from` (after the entity's last mention) and token `to` (the description's first word), a phrase headed
 * by `noun` that no mention covers and that picks out another thing of that kind ("the lower court", "another player"):
 * an unnamed one the description may stand for.
 */
export function unnamedSameHeadBetween(doc: Doc, covered: Uint8Array, e: Entity, noun: string, from: number, to: number): boolean {
  const toks = doc.tokens;
  const at = positionsOf(doc, noun);
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  for (let n = 0, j = lo; j < at.length && at[j] < to && n < MAX_READ; j++, n++) {
    const k = at[j];
    if (covered[k]) continue;
    const t = toks[k];
    const next = toks[k + 1];
    // the head of its phrase ("a court ruling" is a ruling)
    if (next && next.sentence === t.sentence && (next.upos === 'NOUN' || next.upos === 'PROPN')) continue;
    // not an apposition or a predicate ("make Taiwan the first country")
    if (t.deprel === 'appos' || t.deprel === 'compound' || t.deprel === 'xcomp') continue;
    // "the contemporary canton of Aargau" describes Aargau
    if (ofTheEntity(doc, k, e)) continue;
    if (picksAnother(toks, k, wordsOfNames(e))) return true;
  }
  return false;
}

/** Per document: the entity whose name covers each token (the names are settled before descriptions are linked). */
const owners = new WeakMap<Doc, (Entity | undefined)[]>();
function namesOwners(doc: Doc): (Entity | undefined)[] {
  let o = owners.get(doc);
  if (!o) owners.set(doc, (o = tokenOwners(doc)));
  return o;
}

/** An "of" phrase on the noun at k names the entity itself: "the contemporary canton of Aargau". */
function ofTheEntity(doc: Doc, k: number, e: Entity): boolean {
  const toks = doc.tokens;
  for (let j = k + 2; j < toks.length && j <= k + 6 && toks[j].sentence === toks[k].sentence; j++) {
    if (toks[j].head !== k || !(toks[j].deprel ?? '').startsWith('nmod') || lw(toks[j - 1]) !== 'of') continue;
    // (the name's own entity, or a word of the entity's names: "canton of Aargau" for the Canton of Aargau)
    return namesOwners(doc)[j] === e || wordsOfNames(e).has(lw(toks[j]));
  }
  return false;
}

/**
 * The phrase headed by the noun at k picks out another thing of its kind: "another" before it, or "the" and a modifier
 * ("the lower court", "the three-judge court", "the council chamber"); it is no predicate ("It is the main airport",
 * "qualified as the largest party") and no description of the entity by a word of its names ("the Melbourne city
 * council", "the chess club"). (Not a bare noun, "prisoner of war"; not a bare "the court", a description that may stand
 * for the entity itself; not an indefinite, "a Gulf Coast university", a kind as often as a thing; not a demonstrative,
 * "this mosque", which points back as the description does.)
 */
function picksAnother(toks: readonly Token[], k: number, names: ReadonlySet<string>): boolean {
  let another = false;
  let the = false;
  let modified = false;
  for (let b = k - 1; b >= 0 && b >= k - 12 && toks[b].sentence === toks[k].sentence; b--) {
    const d = toks[b];
    if (d.head !== k) continue;
    const w = lw(d);
    if (d.deprel === 'cop' || (d.deprel === 'case' && w === 'as')) return false;
    if (d.deprel === 'det') {
      if (w === 'another') another = true;
      if (w === 'the') the = true;
    } else if (d.deprel === 'amod' || d.deprel === 'compound' || d.deprel === 'nummod') {
      // ("the same canton" points back, as the description does)
      if (names.has(w) || w === 'same') return false;
      modified = true;
    }
  }
  return another || (the && modified);
}
