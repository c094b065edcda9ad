/**
 * What KIND of thing a name is, as the article says it (issue 13, sixteenth session, names32): "the cruise ship
 * Freewinds", "The Maersk Alabama, a US-flagged container ship", "Stardust is a NASA space capsule", "Jupiter's moon
 * Europa", "Irish rock band The Cranberries". The recogniser reads such names as persons, organisations or places by
 * their look; the class noun beside them (lexicon/en/entity-kinds.tsv, uses ner) says what they are, and the article
 * means the same thing wherever it writes the same words, so every mention of them takes the noun's type. Runs after
 * both models (ner.ts otherNames), on words only: one pass over the sentences collects the names with their kinds, one
 * retypes.
 */
import type { EntityType } from '../doc.js';
import { entries, set } from '../lexicon/index.js';
import { defineRule, type Rule } from '../rules/registry.js';
import type { TokenSpan } from './name-spans.js';
import { DATE_WORDS } from './ner-features.js';

export const R_KIND_NAMES: Rule = defineRule({
  id: 'ner.kind-names',
  stage: 'ner',
  action: 'label',
  summary:
    'a name the article puts right after a class noun of lexicon entity-kinds (uses ner: a vessel, spacecraft or aircraft, a moon or planet, a band; "the cruise ship Freewinds", "Jupiter\'s moon Europa"), or in apposition to one ("The Maersk Alabama, a US-flagged container ship"), or as the subject of "is a … NOUN" opening a sentence, takes the noun\'s type (a vehicle a PRODUCT, a celestial body a LOC, a band an ORG) in every mention of the same words in the article; a full person name is left to the apposition ("Doris Day, a Hollywood star"), a name going on into a lower-case word other than a function word is a modifier ("the ship Tallert visited")',
  fires: [
    { text: 'The Tallert Alabama, a US-flagged container ship, was attacked on Wednesday. The crew of Tallert Alabama escaped.', decoded: ['Tallert Alabama/GPE', 'Tallert Alabama/ORG'], names: ['Tallert Alabama/PRODUCT', 'Tallert Alabama/PRODUCT'] },
    { text: 'She was sent to the cruise ship Zelwinds in 1996. Zelwinds sailed on.', decoded: ['Zelwinds/ORG', 'Zelwinds/PERSON'], names: ['Zelwinds/PRODUCT', 'Zelwinds/PRODUCT'] },
  ],
  spares: [],
  source: 'src/extract/name-kinds.ts',
});

/**
 * A class noun the recogniser reads: the type a name it introduces takes; whether it needs a determiner before a name
 * ("the star X", not "film star X"); whether coreference reads it too (then coref.kind-introduced-name makes entities
 * of the names no recogniser read, and this rule only retypes).
 */
interface Kind { type: EntityType; det: boolean; coref: boolean }
let kinds: Map<string, Kind> | null = null;
function kindOf(noun: string): Kind | undefined {
  kinds ??= new Map(
    entries('entity-kinds', { uses: 'ner' }).map((e) => [e.word, { type: (e.attrs.type ?? 'ORG') as EntityType, det: e.attrs['before-name'] === 'det', coref: (e.attrs.uses ?? '').split(',').includes('coref') }]),
  );
  return kinds.get(noun);
}
/** Articles and possessives before a class noun ("a US-flagged container ship", "its star, KELT-9"); copulas of "X is a … NOUN". */
const KIND_DETS = set('function-words', { uses: 'coref-kind-det' });
const POSSESSIVE_DETS = set('function-words', { uses: 'coref-possessive' });
const COPULAS = set('function-words', { uses: 'coref-kind-copula' });
/** Closed-class words: after a name they end its phrase ("the ship Freewinds in Bonaire"), a lower-case word that is none goes on from it. */
const FUNCTION_WORDS = set('function-words');

const CLOSES = /^[.,;:)!?"”’'–—]$/;
const POSSESSIVE = /^['’]s?$/;
const lowerWord = (w: string) => /^\p{Ll}/u.test(w);
/** A capitalised word that may be part of a name: no pronoun or other closed-class word ("It is a ship"). */
const capitalised = (w: string) => /^\p{Lu}\p{L}/u.test(w) && !FUNCTION_WORDS.has(w.toLowerCase());
/** A modifier between a determiner and the class noun: lower-case, a figure, a hyphened word with a lower-case tail ("US-flagged", "A-type"). */
const modifier = (w: string) => /^[\p{Ll}\d][\p{L}\d-]*$/u.test(w) || /^[\p{L}\d]+-\p{Ll}[\p{L}-]*$/u.test(w);

/** The word after position e ends the name's phrase: nothing, punctuation, a capitalised word, a figure, a function word or a date word ("today"). */
function phraseEnds(words: readonly string[], e: number): boolean {
  const w = words[e];
  return w === undefined || !lowerWord(w) || FUNCTION_WORDS.has(w) || DATE_WORDS.has(w);
}

/**
 * The article's names by their kind (sentence rules of evidence, then every span with the same words). `changed(k)` is
 * called for each sentence whose spans it retyped.
 */
export function kindNames(sentences: readonly (readonly string[])[], out: TokenSpan[][], changed: (k: number) => void): void {
  const typed = new Map<string, EntityType | null>();
  const added: [number, TokenSpan][] = [];
  const evidence = new Set<TokenSpan>();
  const note = (words: readonly string[], s: TokenSpan, type: EntityType) => {
    evidence.add(s);
    const key = words.slice(s.start, s.end).join(' ');
    const had = typed.get(key);
    typed.set(key, had === undefined || had === type ? type : null);
  };
  sentences.forEach((words, k) => {
    const spans = out[k];
    for (let i = 1; i < words.length; i++) {
      const kind = lowerWord(words[i]) ? kindOf(words[i]) : undefined;
      if (!kind) continue;
      const prev = words[i - 1].toLowerCase();
      const det = KIND_DETS.has(prev) || POSSESSIVE_DETS.has(prev) || POSSESSIVE.test(prev);
      // a person is a star or a band's name only by the apposition's own word: never retyped by a noun that also names
      // fame ("film star"); a full person name only by a vehicle right before it ("the ship MV Alan Kurdi")
      const spares = (s: TokenSpan, right: boolean) => s.type === 'PERSON' && (kind.det || (s.end - s.start > 1 && !(right && kind.type === 'PRODUCT')));
      // "the cruise ship Freewinds", "the ship, Freewinds.", "ship MV Alan Kurdi", "rock band The Cranberries"; not the
      // verb ("to ship Windows", "will ferry troops"): the noun follows a determiner, a possessive or a modifier
      if ((det || !FUNCTION_WORDS.has(prev)) && (!kind.det || det)) {
        let a = i + 1;
        const comma = words[a] === ',';
        if (comma) a++;
        if (words[a] === 'The') a++;
        let after = spans.find((s) => s.start === a || (s.start === a + 1 && /^\p{Lu}{2,3}$/u.test(words[a])));
        if (!after && capitalised(words[a]) && !spans.some((s) => s.start <= a && s.end > a) && !kind.coref) {
          // a run the models left: it is a name of this kind ("the cruise ship Freewinds" untagged), added
          // (behind a ship's prefix, "MV Namse Bangdzod vanished", the name is the words after it, whatever follows)
          const prefix = /^\p{Lu}{2,3}$/u.test(words[a]) && capitalised(words[a + 1] ?? '') ? 1 : 0;
          let e = a + prefix;
          while (e < words.length && e - a < 3 + prefix && capitalised(words[e]) && !DATE_WORDS.has(words[e].toLowerCase()) && !spans.some((s) => s.start === e)) e++;
          // (a ship's prefix alone is no name: HMS "Iron Duke", the name quoted after it)
          if (e > a + prefix && !(e - a === 1 && /^\p{Lu}{2,4}$/u.test(words[a])) && (comma ? CLOSES.test(words[e] ?? '.') : prefix === 1 || phraseEnds(words, e)) && !capitalised(words[e] ?? '')) {
            after = { start: a + prefix, end: e, type: kind.type };
            added.push([k, after]);
          }
        }
        // (a name behind a ship's prefix is a name whatever follows: "cargo ship MV Namse Bangdzod vanished")
        const prefixed = after !== undefined && after.start === a + 1 && /^\p{Lu}{2,3}$/u.test(words[a]);
        if (after && !spares(after, true) && (comma ? CLOSES.test(words[after.end] ?? '.') : prefixed || phraseEnds(words, after.end))) {
          note(words, after, kind.type);
          continue;
        }
      }
      // "The Maersk Alabama, a US-flagged container ship"; "Stardust is a NASA space capsule": the noun ends its phrase
      if (!phraseEnds(words, i + 1)) continue;
      let d = i - 1;
      while (d >= 0 && i - d <= 4 && !KIND_DETS.has(words[d].toLowerCase()) && (modifier(words[d]) || spans.some((s) => s.start <= d && s.end > d && (s.type === 'NORP' || s.type === 'GPE' || s.type === 'ORG')))) d--;
      if (d < 1 || !KIND_DETS.has(words[d].toLowerCase())) continue;
      const before = words[d - 1];
      // (not "X is the band that …": a definite predicate says which, not what kind)
      const copula = COPULAS.has(before.toLowerCase()) && words[d].toLowerCase() !== 'the';
      // an apposition is indefinite ("X, a container ship"); ", the ship is …" opens a clause after an adverbial
      if ((before !== ',' || words[d].toLowerCase() === 'the') && !copula) continue;
      let name = spans.find((s) => s.end === d - 1);
      // "Stardust is a NASA space capsule": a sentence-opening subject the models left, capitalised words only, is the name
      if (!name && copula && !kind.coref && d - 1 <= 3 && words.slice(0, d - 1).every(capitalised) && !spans.some((s) => s.start < d - 1) && !DATE_WORDS.has(words[0].toLowerCase())) {
        name = { start: 0, end: d - 1, type: kind.type };
        added.push([k, name]);
      }
      // a copula's subject opens the sentence
      if (!name || spares(name, false) || (copula && name.start !== 0 && !(name.start === 1 && words[0] === 'The'))) continue;
      note(words, name, kind.type);
    }
  });
  if (![...typed.values()].some((t) => t !== null)) return;
  const grown = new Set<number>();
  for (const [k, span] of added) {
    const t = typed.get(sentences[k].slice(span.start, span.end).join(' '));
    if (!t) continue;
    span.type = t;
    out[k].push(span);
    out[k].sort((x, y) => x.start - y.start);
    grown.add(k);
  }
  // words of a person named in full ("Honoré de Balzac") keep their person mentions: "the rock band Balzac" is another
  const personWords = new Set<string>();
  sentences.forEach((words, k) => {
    for (const s of out[k]) if (s.type === 'PERSON' && s.end - s.start > 1) for (let j = s.start; j < s.end; j++) personWords.add(words[j]);
  });
  sentences.forEach((words, k) => {
    let any = grown.has(k);
    for (const s of out[k]) {
      const type = typed.get(words.slice(s.start, s.end).join(' '));
      // a ship named after a person leaves the person's other mentions alone ("renamed their ship after Alan Kurdi, a
      // three-year-old child"): a full person name is retyped where the noun stands beside it only
      if (!type || type === s.type || (s.type === 'PERSON' && !evidence.has(s) && (s.end - s.start > 1 || personWords.has(words[s.start])))) continue;
      s.type = type;
      any = true;
    }
    if (any) changed(k);
  });
}
