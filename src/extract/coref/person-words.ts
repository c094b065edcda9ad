/**
 * Which first- and second-person words are pronouns where they stand (stage `coref-speech`). A word of the lists
 * ("I", "mine", "us") is read as the speaker or the one addressed only when its context lets it be a pronoun: some are
 * written the same as a noun or a numeral (lexicon/en/function-words.tsv, column homograph) — "the mine", "World War I",
 * "Elizabeth I" — and the tagger may still give them PRON. A wrong link does more harm than a missing one (issue 23
 * item 3): when the context says "not a pronoun", no link. (A third test, "US" in capitals among words that are not,
 * was tried and left out: the recogniser takes "US" as a name first, and it moved no link of any readable set.)
 */
import type { Doc } from '../../doc.js';
import { defineRule } from '../../rules/registry.js';
import { mapOf } from '../../lexicon/index.js';
import { speechPerson } from './words.js';

const source = 'src/extract/coref/person-words.ts';

export const nounHomograph = defineRule({
  id: 'coref-speech.homograph-noun',
  stage: 'coref-speech',
  action: 'veto',
  summary: 'a first-person word that is also a noun (function-words.tsv homograph=noun: "mine") is the noun when the tagger says so or a determiner, adjective, number or noun comes right before it or modifies it ("the mine", "a gold mine", "the coal mine"): no link to the speaker',
  fires: ['"We will reopen the mine next year," Daniel Okoro said.'],
  spares: ['"That decision was mine," Daniel Okoro said.'],
  source,
});

export const romanNumeral = defineRule({
  id: 'coref-speech.roman-numeral',
  stage: 'coref-speech',
  action: 'veto',
  summary: '"I" inside a name ("Simula I", a title "Am I Black Enough For You?") or right after a name or a capitalised word inside the sentence, with no punctuation between, is the Roman numeral or part of the name when no verb or adverb follows ("World War I and …", "the Phase I trials"), or when the word before is the following verb\'s subject too ("Queen Elizabeth I ruled"); a subject "I" stays the speaker ("tell Hollywood I am", "the novel Dark Matters I think …"): no link to the speaker',
  fires: ['"My grandfather fought in World War I and he never spoke of it," Daniel Okoro said.'],
  spares: ['"In the novel Dark Matters I think what interested me was time," Daniel Okoro said.'],
  source,
});

let homographs: ReadonlyMap<string, string> | undefined;

/** Words a subject "I" is followed by: a verb, an auxiliary ("I'm"), an adverb ("I never"), a particle or a pronoun. */
const AFTER_SUBJECT = new Set(['VERB', 'AUX', 'ADV', 'PART', 'PRON', 'SCONJ', 'INTJ']);
/** Words right before "mine" that make it a noun: "the mine", "a gold mine", "two mines", "the coal mine". */
const BEFORE_NOUN = new Set(['DET', 'ADJ', 'NUM', 'NOUN']);
/** Dependents only a noun takes. */
const NOUN_DEPENDENTS = new Set(['det', 'amod', 'nummod', 'compound', 'nmod:poss']);

/**
 * The reader of a document's first- and second-person words: for token i, "I", "we" or "you" when it is a pronoun
 * there, else null. Built once per document (the name mentions' tokens are marked on first need).
 */
export function speechPersonReader(doc: Doc): (i: number) => 'I' | 'we' | 'you' | null {
  homographs ??= mapOf('function-words', 'homograph');
  const toks = doc.tokens;
  // 1 a token inside a name mention, 2 the last token of one
  let names: Uint8Array | undefined;
  const nameMarks = (): Uint8Array => {
    if (names) return names;
    names = new Uint8Array(toks.length);
    for (const e of doc.entities) {
      for (const m of e.mentions) {
        if (m.kind !== 'name') continue;
        let last = -1;
        for (let k = doc.tokenAt(m.start); k < toks.length && toks[k].start < m.end; k++) { names[k] = Math.max(names[k], 1); last = k; }
        if (last >= 0) names[last] = 2;
      }
    }
    return names;
  };
  const children = (): readonly (readonly number[] | undefined)[] => doc.dependents();
  const sameSentence = (a: number, b: number) => b >= 0 && b < toks.length && toks[a].sentence === toks[b].sentence;
  const isWord = (k: number) => /\p{L}/u.test(toks[k].text);

  /** "the mine", "a gold mine". */
  const nounUse = (i: number): boolean => {
    const t = toks[i];
    if (t.upos === 'NOUN' || t.upos === 'PROPN') return true;
    const p = i - 1;
    if (sameSentence(i, p) && (BEFORE_NOUN.has(toks[p].upos ?? '') || toks[p].deprel === 'nmod:poss')) return true;
    return (children()[i] ?? []).some((c) => NOUN_DEPENDENTS.has(toks[c].deprel ?? ''));
  };

  /** "World War I", "Elizabeth I", "the Phase I trials"; "I" inside a name ("Am I Black Enough For You?") is no speaker either. */
  const numeralUse = (i: number): boolean => {
    const t = toks[i];
    if (t.text !== 'I') return false;
    const mark = nameMarks();
    if (mark[i]) return true;
    const p = i - 1;
    if (!sameSentence(i, p) || toks[p].end + 1 !== t.start || !/^\p{Lu}/u.test(toks[p].text)) return false;
    // after a name, or a capitalised word inside the sentence ("Today I …" opens one)
    if (mark[p] !== 2) {
      let w = p;
      while (sameSentence(p, w - 1)) w--;
      while (w < p && !isWord(w)) w++;
      if (w === p) return false;
    }
    const head = t.head ?? -1;
    const n = i + 1;
    // nothing a subject "I" takes after it ("World War I and …", "Simula I and Simula 67", "the Phase I trials")
    if (!(sameSentence(i, n) && AFTER_SUBJECT.has(toks[n].upos ?? ''))) return true;
    // a verb after it: "I" is its subject ("tell Hollywood I am", "the Paul I knew") unless the word before is that
    // verb's subject too, or one phrase with "I" ("Queen Elizabeth I ruled England")
    const q = toks[p];
    return q.head === i || head === p || (head >= 0 && q.head === head && /^nsubj/.test(q.deprel ?? ''));
  };

  return (i: number) => {
    const t = toks[i];
    const who = speechPerson(t.text);
    if (!who) return null;
    const homograph = homographs!.get(t.text.toLowerCase());
    if (homograph === 'noun' && nounHomograph.enabled && nounUse(i)) { nounHomograph.fired(t.start, t.end); return null; }
    if (homograph === 'numeral' && romanNumeral.enabled && numeralUse(i)) { romanNumeral.fired(t.start, t.end); return null; }
    return who;
  };
}
