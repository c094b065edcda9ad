/**
 * The lexicon: every closed word list the rules read, kept as data under `lexicon/en/` (one TSV
 * file per list, docs/rules.md) and asked through this one module. Generic questions
 * (`has`, `set`, `list`, `lookup`) serve any list; the typed ones below answer what several
 * stages ask, so a list exists once however many stages read it.
 *
 * Where readers' lists differed when they became one file, the rows carry a `uses` tag and a
 * reader asks for its own subset (`isTitle(w, 'store')`); widening a reader's subset is a change
 * of behaviour to measure, not a clean-up.
 */
import { has, lookup, mapOf, set } from './store.js';

export {
  assertFrozen, checksum, checksums, drift, entries, has, isCaseSensitive, lexiconDir, list, listNames, lookup, mapOf, parseList,
  parseSelector, resetLexicon, set, type LexEntry, type Where,
} from './store.js';
export { kinship, mayEndRole, maxRoleWords, roleOf, type RoleClass, type RoleInfo } from './roles.js';
export { formsOf, verbForms, VERB_FORMS, type VerbForm } from './verbs.js';

/** The subset of a shared list one reader uses (its `uses` tag), or the whole list. */
const use = (tag?: string) => (tag ? { uses: tag } : undefined);

/** A title written before a name ("mr.", "ambassador", "gen."), in lower case. */
export function isTitle(word: string, reader?: string): boolean {
  return has('titles', word, use(reader));
}

/** A lower-case particle inside a name ("van", "bin", "al", "&"). */
export function particle(word: string, reader?: string): boolean {
  return has('name-particles', word, use(reader));
}

/** A word that makes a capitalised name an organisation when it ends it ("ministry", "forum"). */
export function orgHead(word: string, reader?: string): boolean {
  return has('org-heads', word, use(reader));
}

/** A word that makes a capitalised name an organisation when it opens it ("university", "jaish"). */
export function orgOpener(word: string): boolean {
  return has('org-heads', word, { class: 'opener' });
}

/** Is this lemma a verb of speech or claim ("say", "tell", "insist")? */
export function speechVerb(lemma: string, reader?: string): boolean {
  const e = lookup('speech-verbs', lemma);
  if (!e || e.attrs.lemma !== undefined || e.attrs.tense !== 'base') return false;
  return reader === undefined || (e.attrs.uses ?? '').split(',').includes(reader);
}

/** The lemma of a speech-verb form ("told" → "tell"), or null. */
export function speechVerbForm(word: string, reader?: string): string | null {
  const e = lookup('speech-verbs', word);
  if (!e || (reader !== undefined && !(e.attrs.uses ?? '').split(',').includes(reader))) return null;
  return e.attrs.lemma ?? (e.attrs.tense ? e.word.toLowerCase() : null);
}

/** Possessive determiners and what they say of their owner: his → m, their → p. */
export function possessives(): ReadonlyMap<string, 'm' | 'f' | 'n' | 'p'> {
  possessiveMap ??= mapOf('possessives', 'gender') as Map<string, 'm' | 'f' | 'n' | 'p'>;
  return possessiveMap;
}
let possessiveMap: Map<string, 'm' | 'f' | 'n' | 'p'> | null = null;

/** The cached set of a reader's subset of a shared list (for hot loops). */
export function readerSet(name: string, reader: string): ReadonlySet<string> {
  return set(name, { uses: reader });
}
