/**
 * What a name's spelling says it is (issue 13, eighteenth session, namesorg). Companies and web services write their
 * names in CamelCase — a capital inside the word after lower-case letters: "SoftBank", "ArmorGroup", "LibriVox",
 * "RealClearPolitics", "InfoNation", "WeWork" — a spelling ordinary English words never have and persons' names have
 * only after a surname prefix ("McDonald", "MacArthur", "DeSantis"; lexicon name-parts, class surname-prefix). Such a
 * word both models leave is an organisation when the article speaks of it as of one somewhere ("X said", "X founder",
 * "shares of X"): the spelling alone also fits software and projects ("JavaScript", "WordPress", "EastMed"). Runs after both models and the document
 * passes that read contexts (ner.ts otherNames), on words only: one pass over the article collects what it types and
 * how it speaks of each word, one labels.
 */
import type { EntityType } from '../doc.js';
import { set } from '../lexicon/index.js';
import { defineRule, type Rule } from '../rules/registry.js';
import { contextKey, countSentenceContexts, countSentenceRoles, runKey, type ContextCounts, type RoleCounts } from './name-contexts.js';

export const R_CAMEL_CASE_ORGS: Rule = defineRule({
  id: 'ner.camel-case-orgs',
  stage: 'ner',
  action: 'label',
  summary:
    'a word written in CamelCase (a capital, lower-case letters, and again a capital followed by lower-case letters: "SoftBank", "ArmorGroup", "RealClearPolitics") that both models leave is an organisation in every mention they left: not after a surname prefix ("McDonald", "MacArthur", "DeSantis"; lexicon name-parts, surname-prefix), not inside a longer capitalised run ("SoftBank Vision Fund") nor before a number ("OpenStack 5"), not a word the article names with another type, a gazetteer place, nationality or person, nor a thing by its contexts in the article and the corpus ("JavaScript code", "WordPress users"); and the article speaks of it as of an organisation somewhere: an agent context ("X said", "X\'s spokesperson") or an organisation context ("X employees", "shares of X", "LibriVox founder")',
  fires: [
    { text: 'Employees of ZentClearPolitics walked out, and ZentClearPolitics said it would talk.', decoded: [], companion: [], names: ['ZentClearPolitics/ORG', 'ZentClearPolitics/ORG'] },
    { text: 'The chart was published by RealClearPolitics on Tuesday, and RealClearPolitics said it would update it.', decoded: [], companion: [], names: ['RealClearPolitics/ORG', 'RealClearPolitics/ORG'] },
  ],
  spares: [],
  source: 'src/extract/name-shapes.ts',
});

/** Prefixes a surname writes with an inner capital: "McDonald", "MacArthur", "DeSantis" (lexicon name-parts). */
const SURNAME_PREFIXES = set('name-parts', { class: 'surname-prefix' });

/** A capital, lower-case letters, then one or more capitals each followed by lower-case letters. */
const CAMEL = /^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)+$/u;
const FIRST_SEGMENT = /^\p{Lu}\p{Ll}+/u;
const UPPER_FIRST = /^\p{Lu}/u;

/** Is the word written in CamelCase, and not as a surname with a prefix ("McDonald")? */
export function isCamelCaseName(word: string): boolean {
  if (!CAMEL.test(word)) return false;
  const first = FIRST_SEGMENT.exec(word)![0].toLowerCase();
  return !SURNAME_PREFIXES.has(first);
}

interface Span {
  start: number;
  end: number;
  type: EntityType;
}

export interface CamelCaseJudges {
  /** a run that may be an organisation's name: no gazetteer place, nationality or person, no date word or title */
  plain: (words: readonly string[], a: number, b: number) => boolean;
  /** the corpus's thing and agent contexts of a word key (ner.thing-contexts' counts), if any */
  corpus: (key: string) => { agent: number; thing: number } | undefined;
  /** a word mostly written in lower case (the capitalisation lexicon), so a sentence-opening capital is the sentence's */
  lowerWord: (word: string) => boolean;
  fired: (k: number) => void;
}

/**
 * Labels the CamelCase words of the article that no span covers as organisations (ner.camel-case-orgs). `out[k]` holds
 * sentence k's spans; spans are added in place and each touched sentence is sorted again.
 */
export function camelCaseOrgs(sentences: readonly (readonly string[])[], out: Span[][], judges: CamelCaseJudges): void {
  // the candidates first: most articles have none, and then nothing else is read
  const candidates: [number, number][] = [];
  sentences.forEach((words, k) => {
    for (let i = 0; i < words.length; i++) {
      if (!isCamelCaseName(words[i])) continue;
      if (out[k].some((s) => s.start <= i && s.end > i)) continue;
      candidates.push([k, i]);
    }
  });
  if (candidates.length === 0) return;
  // the words the article names with a type other than ORG (inside any span), and its own thing / agent contexts
  const otherTyped = new Set<string>();
  sentences.forEach((words, k) => {
    for (const s of out[k]) if (s.type !== 'ORG') for (let i = s.start; i < s.end; i++) otherTyped.add(words[i]);
  });
  const doc: ContextCounts = new Map();
  for (const words of sentences) countSentenceContexts(words, doc);
  const roles: RoleCounts = new Map();
  for (const words of sentences) countSentenceRoles(words, roles);
  const touched = new Set<number>();
  for (const [k, i] of candidates) {
    const words = sentences[k];
    const w = words[i];
    if (otherTyped.has(w)) continue;
    const prev = words[i - 1];
    const next = words[i + 1];
    // inside a longer capitalised run ("SoftBank Vision Fund", "New RealClear"): the run is another name, or the model's
    // to read; a sentence-opening capital of a lower-case word ("The", "But") is the sentence's
    if (next !== undefined && UPPER_FIRST.test(next)) continue;
    if (prev !== undefined && UPPER_FIRST.test(prev) && !(i === 1 && judges.lowerWord(prev))) continue;
    // a numbered thing ("OpenStack 5", "PlayStation 4") is a product's version
    if (next !== undefined && /^\d/.test(next)) continue;
    if (!judges.plain(words, i, i + 1)) continue;
    // the contexts call it a thing more than an agent ("JavaScript code", "WordPress users")
    const key = contextKey(w);
    const c = judges.corpus(key);
    const d = doc.get(key);
    const thing = (c?.thing ?? 0) + (d?.thing ?? 0);
    const agent = (c?.agent ?? 0) + (d?.agent ?? 0);
    if (thing > 0 && thing >= agent) continue;
    // the article must speak of it as of an organisation somewhere: an agent ("X said", "X's spokesperson") or an
    // organisation context ("X employees", "shares of X", "analyst at X"); software and projects spelt like companies
    // ("uses JavaScript", "the EastMed pipeline") have none
    if ((d?.agent ?? 0) + (roles.get(runKey(words, i, i + 1))?.org ?? 0) === 0) continue;
    out[k].push({ start: i, end: i + 1, type: 'ORG' });
    touched.add(k);
    judges.fired(k);
  }
  for (const k of touched) out[k].sort((x, y) => x.start - y.start);
}
