/**
 * Verb forms from lemmas: the regular English rules plus lexicon/en/irregular-verbs.tsv. Patterns
 * name verbs by lemma and match their forms without a tagger (a tagger reading "lives" as a
 * noun must not hide "X lives in Y"), so no rule lists inflections.
 */
import { entries } from './store.js';

export type VerbForm = 'base' | '3sg' | 'past' | 'participle' | 'ing';

export const VERB_FORMS: readonly VerbForm[] = ['base', '3sg', 'past', 'participle', 'ing'];

let irregular: Map<string, Partial<Record<VerbForm, string[]>>> | null = null;

function irregulars(): Map<string, Partial<Record<VerbForm, string[]>>> {
  if (irregular) return irregular;
  irregular = new Map();
  for (const e of entries('irregular-verbs')) {
    const forms: Partial<Record<VerbForm, string[]>> = {};
    for (const f of ['past', 'participle', '3sg'] as const) if (e.attrs[f]) forms[f] = e.attrs[f].split(',');
    irregular.set(e.word.toLowerCase(), forms);
  }
  return irregular;
}

const VOWEL = /[aeiou]/;

/** Stems a suffix starting with a vowel attaches to: the lemma, and the doubled final consonant (kidnap → kidnapp-). */
function stems(lemma: string): string[] {
  const out = [lemma];
  const n = lemma.length;
  // consonant-vowel-consonant ending (not w, x, y): both spellings, since stress decides (kidnapped, kidnaped)
  if (n >= 3 && !VOWEL.test(lemma[n - 1]) && !/[wxy]/.test(lemma[n - 1]) && VOWEL.test(lemma[n - 2]) && !VOWEL.test(lemma[n - 3])) out.push(lemma + lemma[n - 1]);
  return out;
}

/** Every form of a verb, by kind ("kidnap" → kidnaps; kidnapped, kidnaped; …; kidnapping, kidnaping). */
export function verbForms(lemma: string): Record<VerbForm, string[]> {
  const l = lemma.toLowerCase();
  const irr = irregulars().get(l) ?? {};
  const cy = /[^aeiou]y$/.test(l);
  const e = l.endsWith('e');
  const third = irr['3sg'] ?? [cy ? l.slice(0, -1) + 'ies' : /(s|x|z|ch|sh|o)$/.test(l) ? l + 'es' : l + 's'];
  const ed = cy ? [l.slice(0, -1) + 'ied'] : e ? [l + 'd'] : stems(l).map((s) => s + 'ed');
  const ing = e && !/(ee|ye|oe)$/.test(l) ? [l.slice(0, -1) + 'ing'] : stems(l).map((s) => s + 'ing');
  return { base: [l], '3sg': third, past: irr.past ?? ed, participle: irr.participle ?? ed, ing };
}

/** Map every form of the given lemmas to its lemma, for one kind of form or all. */
export function formsOf(lemmas: Iterable<string>, kinds: readonly VerbForm[] = VERB_FORMS): Map<string, string> {
  const out = new Map<string, string>();
  for (const lemma of lemmas) {
    const forms = verbForms(lemma);
    for (const k of kinds) for (const f of forms[k]) if (!out.has(f)) out.set(f, lemma.toLowerCase());
  }
  return out;
}
