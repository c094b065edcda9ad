/**
 * What the text says about an event besides who and what: PLOVER's `historical` mode and who
 * reports it (a quote's speaker, or the subject of a reporting verb the event is the complement
 * of). Negation, future and hypothetical readings are factuality's (factuality.ts).
 */
import type { EntityIndex } from './arguments.js';
import type { ParseView } from './syntax.js';
import { set } from '../../lexicon/index.js';

const HISTORICAL_ADVERBS = new Set(['previously', 'formerly', 'earlier', 'once', 'already']);
export const REPORTING_VERBS = set('speech-verbs', { uses: 'events-modality' });
/** Relations walked up from an event towards the verb reporting it. */
const REPORTER_PATH = set('deprels', { uses: 'events-reporter-path' });

const HISTORICAL_ADJ = new Set(['previous', 'earlier', 'former', 'past', 'prior', 'last']);

/**
 * PLOVER's `historical` auxiliary mode from the words: a past perfect ("had freed"), "previously
 * detained", "an earlier deal". (An event dated two months or more before publication is
 * historical too; the coder adds that once the date is known.)
 */
export function historicalByWords(view: ParseView, i: number, kind: 'verb' | 'noun'): boolean {
  if (kind === 'noun') return view.kids(i, ['amod', 'compound']).some((c) => HISTORICAL_ADJ.has(view.tokens[c].text.toLowerCase()));
  const past = view.kids(i, ['aux', 'aux:pass']).some((c) => view.tokens[c].text.toLowerCase() === 'had') && (view.tokens[i].xpos === 'VBN' || view.tokens[i].xpos === undefined);
  return past || view.kids(i, ['advmod']).some((c) => HISTORICAL_ADVERBS.has(view.lemma(c)));
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
    if (!REPORTER_PATH.has(r.split(':')[0])) break;
    k = h;
  }
  return null;
}
