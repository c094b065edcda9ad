import { nameOf, run } from '../helpers.js';
import { withoutRules } from '../../src/rules/registry.js';

/** The quotes of a text as the tests read them: words, speaker (entity name, or "~words" for a description), cue. */
export function quotesOf(text: string): { text: string; speaker: string | null; cue?: string }[] {
  const r = run(text);
  return r.quotes.map((q) => ({ text: q.text, speaker: nameOf(r, q.speaker) ?? (q.speaker_text ? `~${q.speaker_text}` : null), cue: q.cue?.text }));
}

/** Run `f` with the rules `ids` off, and the learned speaker fill with them (so that a rule's answer is not refilled). */
export function without<T>(ids: string[], f: () => T): T {
  const restore = withoutRules([...ids, 'quotes.speaker-fill']);
  try { return f(); } finally { restore(); }
}
