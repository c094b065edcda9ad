/**
 * What the text says about an event besides who and what: negation ("did not", "never",
 * "failed to"), PLOVER's auxiliary modes (future, hypothetical, historical) and who reports it
 * (a quote's speaker, or the subject of a reporting verb the event is the complement of).
 */
import type { EntityIndex } from './arguments.js';
import type { ParseView } from './syntax.js';

const NEGATORS = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'without']);
/** "failed to mention", "was unable to receive", "refused to release": the complement did not happen */
/** reporting verbs that deny their complement */
const DENYING_HEADS = new Set(['deny', 'refute', 'dismiss', 'disavow']);
const NEGATING_HEADS = new Set(['fail', 'unable', 'refuse', 'decline', 'neglect', 'forget', 'avoid', 'omit', 'cease', 'stop']);
const FUTURE_AUX = new Set(['will', 'shall', "'ll", 'wo']);
const HYPOTHETICAL_AUX = new Set(['would', 'could', 'might', 'may', 'can', 'should', 'must', 'ought', "'d", 'ca']);
/** heads whose to-complement lies ahead: "plans to release", "is about to restore" */
const FUTURE_HEADS = new Set(['plan', 'intend', 'expect', 'promise', 'pledge', 'vow', 'agree', 'threaten', 'prepare', 'aim', 'schedule', 'set', 'about', 'go', 'decide', 'resolve']);
const HYPOTHETICAL_HEADS = new Set(['want', 'hope', 'seek', 'try', 'attempt', 'wish', 'offer', 'propose', 'consider', 'demand', 'urge', 'ask', 'call', 'likely', 'able', 'ready', 'willing', 'possible', 'need', 'push', 'press']);
const HISTORICAL_ADVERBS = new Set(['previously', 'formerly', 'earlier', 'once', 'already']);
export const REPORTING_VERBS = new Set([
  'say', 'tell', 'state', 'claim', 'report', 'announce', 'add', 'write', 'note', 'allege', 'insist', 'confirm',
  'deny', 'explain', 'stress', 'warn', 'mention', 'reveal', 'declare', 'argue', 'suggest', 'believe', 'think',
  'acknowledge', 'admit', 'assert', 'maintain', 'indicate', 'tweet', 'post', 'quote', 'cite', 'testify',
]);

export function isNegated(view: ParseView, i: number): boolean {
  for (const c of view.children[i]) {
    const r = view.rel(c);
    if ((r === 'advmod' || r === 'neg' || r === 'det' || r === 'cc:preconj') && NEGATORS.has(view.lemma(c))) return true;
  }
  // the complement of a negating head, or of a negated control verb ("did not agree to release")
  const h = view.head(i);
  // what a denial denies: "denied that it had struck the school", "denied attacking the convoy"
  if (h >= 0 && (view.rel(i) === 'ccomp' || view.rel(i) === 'xcomp' || view.rel(i) === 'advcl') && DENYING_HEADS.has(view.lemma(h)) && !isNegatedDirect(view, h)) return true;
  if (h >= 0 && (view.rel(i) === 'xcomp' || view.rel(i) === 'ccomp' && view.tokens[h].upos === 'ADJ')) {
    if (NEGATING_HEADS.has(view.lemma(h))) return true;
    if (view.rel(i) === 'xcomp' && view.lemma(h) !== 'say' && isNegatedDirect(view, h)) return true;
  }
  return false;
}

function isNegatedDirect(view: ParseView, i: number): boolean {
  return view.children[i].some((c) => (view.rel(c) === 'advmod' || view.rel(c) === 'neg') && NEGATORS.has(view.lemma(c)));
}

const FUTURE_ADJ = new Set(['planned', 'upcoming', 'scheduled', 'forthcoming', 'future', 'expected', 'impending', 'imminent', 'proposed', 'promised']);
const HYPOTHETICAL_ADJ = new Set(['possible', 'potential', 'hypothetical', 'alleged', 'rumoured', 'rumored', 'threatened', 'feared', 'attempted', 'would-be']);
const HISTORICAL_ADJ = new Set(['previous', 'earlier', 'former', 'past', 'prior', 'last']);

/** Auxiliary mode of an event noun from its modifiers: "the planned release", "a possible attack", "an earlier deal". */
export function nominalModality(view: ParseView, i: number): 'future' | 'hypothetical' | 'historical' | null {
  for (const c of view.kids(i, ['amod', 'compound'])) {
    const l = view.tokens[c].text.toLowerCase();
    if (FUTURE_ADJ.has(l)) return 'future';
    if (HYPOTHETICAL_ADJ.has(l)) return 'hypothetical';
    if (HISTORICAL_ADJ.has(l)) return 'historical';
  }
  return null;
}

/** PLOVER auxiliary mode from the verb group: future, hypothetical, historical, or null. */
export function modalityOf(view: ParseView, i: number, reported: boolean): 'future' | 'hypothetical' | 'historical' | null {
  for (let k = i, depth = 0; k >= 0 && depth < 4; depth++) {
    for (const c of view.kids(k, ['aux', 'aux:pass'])) {
      const l = view.lemma(c);
      const form = view.tokens[c].text.toLowerCase();
      if (FUTURE_AUX.has(l) || FUTURE_AUX.has(form)) return 'future';
      if (l === 'would' || form === 'would' || form === "'d") return reported ? 'future' : 'hypothetical';
      if (HYPOTHETICAL_AUX.has(l) || HYPOTHETICAL_AUX.has(form)) return 'hypothetical';
      if (depth === 0 && form === 'had' && (view.tokens[i].xpos === 'VBN' || view.tokens[i].xpos === undefined)) return 'historical';
    }
    if (depth === 0 && view.kids(k, ['advmod']).some((c) => HISTORICAL_ADVERBS.has(view.lemma(c)))) {
      // "had previously applied", "was previously detained"
      return 'historical';
    }
    if (view.rel(k) !== 'xcomp') break;
    const h = view.head(k);
    if (h < 0) break;
    if (FUTURE_HEADS.has(view.lemma(h))) return 'future';
    if (HYPOTHETICAL_HEADS.has(view.lemma(h))) return 'hypothetical';
    k = h;
  }
  return null;
}

/**
 * Who the event is attributed to: the speaker of the quote holding it, or the subject of the
 * reporting verb whose complement holds it ("Moscow says Hamas freed …"), or "according to X".
 */
export function reporterOf(view: ParseView, ents: EntityIndex, i: number): string | null {
  const fromQuote = ents.quoteSpeakerAt(view.tokens[i].start);
  if (fromQuote) return fromQuote;
  let k = i;
  for (let depth = 0; depth < 8; depth++) {
    for (const c of view.kids(k, ['obl', 'advcl'])) {
      if (view.caseOf(c).startsWith('according')) {
        const ids = ents.resolve(c);
        if (ids.length) return ids[0];
      }
    }
    const r = view.rel(k);
    const h = view.head(k);
    if (h < 0) break;
    if ((r === 'ccomp' || r === 'parataxis') && REPORTING_VERBS.has(view.lemma(h))) {
      for (const s of view.kids(h, ['nsubj'])) {
        const ids = ents.resolve(s);
        if (ids.length) return ids[0];
      }
      return null;
    }
    if (!['xcomp', 'conj', 'advcl', 'ccomp', 'obj', 'obl', 'nmod', 'acl'].includes(r.split(':')[0])) break;
    k = h;
  }
  return null;
}
