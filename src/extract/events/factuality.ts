/**
 * Factuality: whether the text reports an event as having happened. From the predicate
 * itself (negation, modal auxiliaries, "allegedly", "the planned release") and from the words
 * that govern it on the way up the parse: a to-clause, that-clause, of/for-phrase or object of
 * "threaten", "accuse", "deny", "try", "efforts", "plans", "theories", "calls" … The nearest cue
 * wins, so "did not stop their efforts to free X" is an attempted release (the negation belongs
 * to "stop", whose object "efforts" governs the release), not a negated one.
 *
 * The cue words are data: lexicon/en/events/factuality.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FACTUALITY_INFO, type Factuality } from '../../doc.js';
import type { ParseView } from './syntax.js';
import { set } from '../../lexicon/index.js';

export const FACTUALITIES = Object.keys(FACTUALITY_INFO) as readonly Factuality[];
export type { Factuality };

type Cued = Exclude<Factuality, 'asserted'>;

interface CueFile {
  governors: Record<Cued, string[]>;
  clausal_only: string[];
  verb_preps: string[];
  subject_negators: string[];
  asserting_nouns: string[];
  modifiers: Partial<Record<Cued, string[]>>;
  adverbs: Partial<Record<Cued, string[]>>;
  auxiliaries: { future: string[]; hypothetical: string[] };
  conditional_marks: string[];
  purpose_marks: string[];
  complement_marks: string[];
  negators: string[];
}

export interface FactualityCues {
  /** governing lemma → factuality of what it governs */
  governor: Map<string, Cued>;
  clausalOnly: Set<string>;
  verbPreps: Set<string>;
  subjectNegators: Set<string>;
  assertingNouns: Set<string>;
  modifier: Map<string, Cued>;
  adverb: Map<string, Cued>;
  futureAux: Set<string>;
  hypotheticalAux: Set<string>;
  conditional: Set<string>;
  purpose: Set<string>;
  /** markers of a clause that completes its governor ("accused of killing", "prevented from leaving") */
  complementMarks: Set<string>;
  negators: Set<string>;
}

/** Order in which a word listed under two factualities is read: the more specific first. */
const PRECEDENCE: Cued[] = ['negated', 'denied', 'threatened', 'alleged', 'attempted', 'future', 'hypothetical'];

export function compileCues(file: CueFile): FactualityCues {
  const byWord = (table: Partial<Record<Cued, string[]>>): Map<string, Cued> => {
    const m = new Map<string, Cued>();
    for (const f of PRECEDENCE) for (const w of table[f] ?? []) if (!m.has(w)) m.set(w, f);
    return m;
  };
  return {
    governor: byWord(file.governors),
    clausalOnly: new Set(file.clausal_only),
    verbPreps: new Set(file.verb_preps),
    subjectNegators: new Set(file.subject_negators),
    assertingNouns: new Set(file.asserting_nouns),
    modifier: byWord(file.modifiers),
    adverb: byWord(file.adverbs),
    futureAux: new Set(file.auxiliaries.future),
    hypotheticalAux: new Set(file.auxiliaries.hypothetical),
    conditional: new Set(file.conditional_marks),
    purpose: new Set(file.purpose_marks),
    complementMarks: new Set(file.complement_marks),
    negators: new Set(file.negators),
  };
}

/** lexicon/en/events/factuality.json, found from this module up to the repository root. */
export function factualityCuesPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'lexicon', 'en', 'events', 'factuality.json');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error('events: lexicon/en/events/factuality.json not found');
}

let shared: FactualityCues | null = null;
export function defaultFactualityCues(): FactualityCues {
  shared ??= compileCues(JSON.parse(readFileSync(factualityCuesPath(), 'utf8')) as CueFile);
  return shared;
}

export interface FactualityReading {
  factuality: Factuality;
  /** token whose word gave the reading (the predicate itself, an auxiliary, a governor), -1 when asserted */
  cue: number;
}

const ASSERTED: FactualityReading = { factuality: 'asserted', cue: -1 };

/** Relations through which a governor's cue reaches the event it governs. */
const COMPLEMENT = set('deprels', { uses: 'events-factuality-complement' });

function negator(view: ParseView, cues: FactualityCues, c: number): boolean {
  const r = view.rel(c);
  if (r !== 'advmod' && r !== 'neg' && r !== 'det' && r !== 'cc:preconj' && r !== 'case' && r !== 'mark') return false;
  const l = view.lemma(c);
  // "without" negates only as the phrase's preposition or the clause's marker
  if (l === 'without') return r === 'case' || r === 'mark';
  return cues.negators.has(l) || cues.negators.has(view.tokens[c].text.toLowerCase());
}

/** The word at i is negated by a dependent of its own ("did not free", "never met", "no attack", "without firing"). */
export function ownNegation(view: ParseView, cues: FactualityCues, i: number): boolean {
  for (const c of view.children[i] ?? []) if (negator(view, cues, c)) return true;
  // a copula's negation hangs on its predicate adjective: "was not able to", "is not likely to"
  return false;
}

/** Modal auxiliaries of the verb group at i. */
function auxReading(view: ParseView, cues: FactualityCues, i: number, reported: boolean): FactualityReading | null {
  for (const c of view.kids(i, ['aux', 'aux:pass'])) {
    const l = view.lemma(c);
    const form = view.tokens[c].text.toLowerCase();
    if (cues.futureAux.has(l) || cues.futureAux.has(form)) return { factuality: 'future', cue: c };
    // "would" in reported speech is the future of the past: "said it would free them"
    if (l === 'would' || form === 'would' || form === "'d") return { factuality: reported ? 'future' : 'hypothetical', cue: c };
    if (cues.hypotheticalAux.has(l) || cues.hypotheticalAux.has(form)) return { factuality: 'hypothetical', cue: c };
  }
  // "is going to release"
  if (view.rel(i) === 'xcomp') {
    const h = view.head(i);
    if (h >= 0 && view.lemma(h) === 'go' && view.tokens[h].xpos === 'VBG' && view.kids(i, ['mark']).some((m) => view.lemma(m) === 'to')) return { factuality: 'future', cue: h };
  }
  return null;
}

/** The reading a modal at m gives the verb after it (which the parse did not make its head): "will not free/ADJ X". */
export function modalFactuality(view: ParseView, m: number, reported: boolean, cues: FactualityCues = defaultFactualityCues()): FactualityReading {
  if (m + 1 < view.tokens.length && cues.negators.has(view.tokens[m + 1].text.toLowerCase())) return { factuality: 'negated', cue: m + 1 };
  const form = view.tokens[m].text.toLowerCase();
  if (cues.futureAux.has(form) || cues.futureAux.has(view.lemma(m))) return { factuality: 'future', cue: m };
  if (form === 'would' || form === "'d") return { factuality: reported ? 'future' : 'hypothetical', cue: m };
  return { factuality: 'hypothetical', cue: m };
}

/** What the predicate's own modifiers say: adverbs ("allegedly"), adjectives of an event noun ("the planned release"). */
function modifierReading(view: ParseView, cues: FactualityCues, i: number): FactualityReading | null {
  for (const c of view.children[i] ?? []) {
    const r = view.rel(c);
    const w = view.tokens[c].text.toLowerCase();
    if (r === 'advmod') {
      const f = cues.adverb.get(w);
      if (f) return { factuality: f, cue: c };
    } else if (r === 'amod' || r === 'compound') {
      const f = cues.modifier.get(w);
      if (f) return { factuality: f, cue: c };
    }
  }
  return null;
}

function marksOf(view: ParseView, k: number): string {
  return view.kids(k, ['mark']).map((m) => [view.lemma(m), ...view.kids(m, ['fixed']).map((f) => view.lemma(f))].join(' ')).join(' ');
}

/** The cue a governor h gives the complement k that hangs on it by relation `rel`, or null. */
function governorCue(view: ParseView, cues: FactualityCues, h: number, k: number, rel: string): Cued | null {
  const lemma = view.lemma(h);
  const f = cues.governor.get(lemma);
  if (!f) return null;
  const upos = view.tokens[h].upos ?? '';
  if (upos === 'VERB' || upos === 'AUX' || (upos === '' && (view.tokens[h].xpos ?? '').startsWith('VB'))) {
    const clausal = rel === 'xcomp' || rel === 'ccomp' || rel === 'csubj' || rel === 'advcl';
    if (clausal) return f;
    if (cues.clausalOnly.has(lemma)) {
      // "called for the release", "pressed for his freedom": a for-phrase is what is called for
      return rel === 'obl' && view.caseOf(k) === 'for' && (f === 'hypothetical' || f === 'attempted') ? f : null;
    }
    if (rel === 'obj') return f;
    if (rel === 'obl' || rel === 'nmod') return cues.verbPreps.has(view.caseOf(k)) ? f : null;
    return null;
  }
  // nouns and adjectives: any complement ("efforts to free", "the threat of attacks", "theories suggesting …", "likely to attack")
  return f;
}

/**
 * Repairs of two attachments the parser often gets wrong, so the cue a to-clause answers to is
 * found: "halted their campaign to rescue X" hung on the verb instead of the noun before "to"
 * (the noun is the governor when it is a cue), and "threatened to kidnap and execute X" with
 * "kidnap" read as a noun, which leaves "execute" a conjunct of "threatened" (a verb with no
 * subject of its own coordinated with a to-phrase right after its head shares that to-clause).
 */
function reattach(view: ParseView, cues: FactualityCues, k: number, h: number, rel: string): { head: number; rel: string } {
  const base = rel.split(':')[0];
  if ((base === 'advcl' || base === 'xcomp') && k >= 2 && view.lemma(k - 1) === 'to' && k - 2 !== h) {
    const n = k - 2;
    if (view.tokens[n].upos === 'NOUN' && view.tokens[n].sentence === view.tokens[k].sentence && cues.governor.has(view.lemma(n)) && view.dominates(h, n)) return { head: n, rel: 'acl' };
  }
  if (base === 'conj' && k > h + 1 && view.lemma(h + 1) === 'to' && cues.governor.has(view.lemma(h)) && view.kids(k, ['nsubj', 'nsubj:pass', 'aux', 'aux:pass']).length === 0) {
    for (let j = h + 2; j < k; j++) if (view.kids(j, ['nsubj', 'nsubj:pass']).length > 0 || view.tokens[j].text === ';') return { head: h, rel };
    return { head: h, rel: 'xcomp' };
  }
  return { head: h, rel };
}

/** The cue word h is the object of a verb that undid it: "foiled a plot", "abandoned plans", "thwarted an attempt". */
function undone(view: ParseView, cues: FactualityCues, h: number): boolean {
  const r = view.rel(h).split(':')[0];
  const hh = view.head(h);
  if (hh < 0 || (r !== 'obj' && r !== 'nsubj')) return false;
  if (r === 'nsubj') return cues.subjectNegators.has(view.lemma(hh)) && !ownNegation(view, cues, hh);
  return cues.governor.get(view.lemma(hh)) === 'negated' && !ownNegation(view, cues, hh);
}

/** How a cue combines with its governor's own negation: "did not try to flee" did not happen. */
function underNegation(f: Cued): Factuality {
  if (f === 'negated') return 'asserted'; // "did not stop attacking": the attacks went on
  if (f === 'denied' || f === 'alleged') return 'alleged'; // "did not deny killing": no denial, not an assertion either
  return 'negated';
}

/**
 * The factuality of the predicate at token i. `reported`: it stands in reported speech (a
 * quote, or the complement of a reporting verb), where "would" is a future. `governor`, for a
 * predicate the parse left unattached ("efforts to free/ADJ X"), names the word it depends on.
 */
export function factualityOf(view: ParseView, i: number, reported: boolean, cues: FactualityCues = defaultFactualityCues(), governor?: { head: number; rel: string }): FactualityReading {
  if (ownNegation(view, cues, i)) return { factuality: 'negated', cue: i };
  const own = auxReading(view, cues, i, reported) ?? modifierReading(view, cues, i);
  if (own) return own;
  let k = i;
  let first = true;
  for (let depth = 0; depth < 10; depth++) {
    let h = first && governor ? governor.head : view.head(k);
    let rel = first && governor ? governor.rel : view.rel(k);
    first = false;
    if (h >= 0 && h !== k) {
      const repaired = reattach(view, cues, k, h, rel);
      h = repaired.head;
      rel = repaired.rel;
    }
    if (h < 0 || h === k) break;
    const base = rel.split(':')[0];
    if (rel === 'acl:relcl') break; // a relative clause describes its noun; the noun does not govern it ("a deal that saw captives freed")
    if (base === 'conj') {
      // a conjunct shares its head's governors, and its auxiliaries and negation when it has none of its own:
      // "threatened to assault and murder", "did not arrest or charge him"
      if (view.kids(k, ['nsubj', 'nsubj:pass', 'aux', 'aux:pass']).length === 0) {
        if (ownNegation(view, cues, h)) return { factuality: 'negated', cue: h };
        const aux = auxReading(view, cues, h, reported);
        if (aux) return aux;
      }
      k = h;
      continue;
    }
    if (base === 'nsubj') {
      // "the attack was foiled": only what undoes the event noun itself ("a spokesman celebrating
      // the release failed to mention …" says nothing of the release)
      if (k === i && cues.subjectNegators.has(view.lemma(h)) && !ownNegation(view, cues, h)) return { factuality: 'negated', cue: h };
      break;
    }
    if (base === 'parataxis') { k = h; continue; } // "… , police said": transparent
    if (!COMPLEMENT.has(base)) break;
    if (base === 'advcl' || base === 'ccomp') {
      const marks = marksOf(view, k);
      if ([...cues.conditional].some((m) => marks === m || marks.startsWith(m + ' '))) return { factuality: 'hypothetical', cue: k };
      // purpose: "deployed troops to attack" — intended, not done
      if (base === 'advcl' && marks && cues.purpose.has(marks) && !cues.governor.has(view.lemma(h))) return { factuality: 'hypothetical', cue: k };
      // an adjunct clause of time, cause or manner ("because we release …", "after Russia attacked")
      // holds by itself: the modality of the clause it modifies is not its own
      if (base === 'advcl' && marks && !cues.complementMarks.has(marks.split(' ')[0])) break;
    }
    // a participle describing a noun that is no cue: that noun is a participant, not what governs
    // the act ("a spokesman celebrating the release failed to …")
    if (base === 'acl' && !cues.governor.has(view.lemma(h)) && (view.tokens[k].upos === 'VERB' || (view.tokens[k].xpos ?? '').startsWith('VB')) && view.kids(k, ['mark']).length === 0) break;
    // "claimed responsibility for the attack": the claim asserts the attack
    if (cues.assertingNouns.has(view.lemma(k))) break;
    const cue = governorCue(view, cues, h, k, base);
    const hNeg = ownNegation(view, cues, h);
    if (cue) {
      const f = hNeg ? underNegation(cue) : cue;
      if (f === 'asserted') return ASSERTED;
      // a plan, attempt or threat that was itself thwarted or abandoned: "foiled a plot to kill X"
      if (f !== 'negated' && f !== 'denied' && f !== 'alleged' && undone(view, cues, h)) return { factuality: 'negated', cue: view.head(h) };
      return { factuality: f, cue: h };
    }
    // an ordinary governor: its negation reaches a to-complement ("did not manage to free"),
    // not a that-clause ("did not say that …") or a noun phrase
    if (base === 'xcomp') {
      if (hNeg) return { factuality: 'negated', cue: h };
      const aux = auxReading(view, cues, h, reported);
      if (aux) return aux;
    }
    // what is said, known or mentioned keeps its own factuality: the words above the saying
    // ("failed to mention that the army had released X") are about the saying
    if (base === 'ccomp') break;
    k = h;
  }
  return ASSERTED;
}

/** Factualities whose event did not (yet) happen: they neither date nor end a story. */
export function irrealis(f: Factuality): boolean {
  return f !== 'asserted' && f !== 'alleged';
}

/** `negated` as the result schema keeps it: the text says the event did not happen (or its actor says so). */
export function negatedOf(f: Factuality): boolean {
  return f === 'negated' || f === 'denied';
}

/** PLOVER's auxiliary mode for a factuality; `historical` is added by the date rules for asserted events. */
export function modalityOfFactuality(f: Factuality): 'future' | 'hypothetical' | null {
  if (f === 'future') return 'future';
  if (f === 'hypothetical' || f === 'threatened' || f === 'attempted') return 'hypothetical';
  return null;
}
