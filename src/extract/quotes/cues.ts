/**
 * Attribution cues: which verbs attribute speech, a claim or a belief, and how each takes what is
 * attributed (a clause, an object, "X as Y", "X of Y", "for X", "to do X").
 *
 * The words live in the lexicon (lexicon/en/speech-verbs.tsv, rows tagged `quotes`), with their
 * `frames`: the complements that carry the content. A verb with no frame for a bare object
 * ("add", "write", "post") attributes only a clause or a quotation: "added two members" is no claim.
 */
import { entries, formsOf, lookup, set, speechVerbForm } from '../../lexicon/index.js';
import type { Token } from '../../doc.js';

/** How a cue verb takes its content. */
export type Frame =
  | 'clause' // "said (that) …", "warned that …"
  | 'object' // "denied the claim", "announced a new initiative", "claimed responsibility"
  | 'as' // "described the attack as …", "characterized the call as …"
  | 'of' // "accused X of …", "spoke of …"
  | 'for' // "called for …", "criticised X for …", "asked for …"
  | 'on' // "called on X to …"
  | 'to' // "urged X to …", "asked X to …", "pledged to …"
  | 'name' // "called the move a 'smash and grab'", "termed her a 'corrupt oaf'"
  | 'quote' // only a quotation: "continued", "quipped", "read"
  | 'belief' // a belief or expectation, not speech: "believe", "fear", "expect"
  | 'addressee'; // the first object is the one spoken to: "told reporters that …"

const frameCache = new Map<string, ReadonlySet<Frame> | undefined>();

/** The frames of a cue verb lemma (a base row of speech-verbs tagged `quotes`), or undefined when it is no cue. */
export function cueFrames(lemma: string): ReadonlySet<Frame> | undefined {
  if (frameCache.has(lemma)) return frameCache.get(lemma);
  const e = lookup('speech-verbs', lemma);
  const ok = e && e.attrs.tense === 'base' && e.attrs.lemma === undefined && e.attrs.frames && (e.attrs.uses ?? '').split(',').includes('quotes');
  const frames = ok ? new Set(e.attrs.frames!.split(',').map((f) => f.trim()) as Frame[]) : undefined;
  frameCache.set(lemma, frames);
  return frames;
}

let cueForms: Map<string, string> | null = null;

/** The cue lemma of a verb form ("argues", "warned" → warn), from the lexicon's inflection rules, or null. */
function cueLemmaOfForm(form: string): string | null {
  cueForms ??= formsOf(entries('speech-verbs').filter((e) => e.attrs.frames && e.attrs.tense === 'base').map((e) => e.word));
  return cueForms.get(form) ?? speechVerbForm(form, 'quotes');
}

export interface Cue {
  lemma: string;
  frames: ReadonlySet<Frame>;
}

/** The cue a token is, if it is one: a verb whose lemma the lexicon knows (by form when the tagger slipped). */
export function cueOf(t: Token | undefined): Cue | null {
  // (the part of speech first: the stages ask this of every token, and most are no verb)
  if (!t || (t.upos !== 'VERB' && t.upos !== undefined)) return null;
  const lemma = (t.lemma ?? t.text).toLowerCase();
  const frames = cueFrames(lemma);
  return frames ? { lemma, frames } : null;
}

/** Words before a speech-verb form that make it a noun ("the claim that"); lexicon/en/function-words.tsv. */
const CUE_DETERMINERS = set('function-words', { uses: 'quotes-cue-det' });

/** A speech-verb form the tagger took for a noun or adjective ("Critics … argue that"), when the clause after it says it is a verb. */
export function mistaggedCue(t: Token, prev: Token | undefined, next: Token | undefined): Cue | null {
  if (t.upos === 'VERB' || !prev || !next) return null;
  // (the word after first: it rules out nearly every token, and the three tests have no effects)
  if (!/^(?:that|:)$/i.test(next.text)) return null;
  if (/^(?:DET|ADJ|ADP|PRON)$/.test(prev.upos ?? '') || CUE_DETERMINERS.has(prev.text.toLowerCase())) return null;
  const form = t.text.toLowerCase();
  const lemma = cueLemmaOfForm(form) ?? form;
  const frames = cueFrames(lemma);
  return frames && frames.has('clause') ? { lemma, frames } : null;
}

/**
 * A present third-person form of a cue verb ("claims", "warns", "states") — the form, not the base — as the tagger may
 * take it for a plural noun ("The military | claims | it is …"), or null.
 */
export function presentCueForm(form: string): Cue | null {
  const lower = form.toLowerCase();
  if (!/[^s]s$/.test(lower) && !/(?:ss|sh|ch|x|z)es$/.test(lower)) return null;
  const lemma = cueLemmaOfForm(lower);
  if (!lemma || lemma === lower) return null;
  const frames = cueFrames(lemma);
  return frames ? { lemma, frames } : null;
}

/**
 * A phrasal cue: a verb with its particle ("ruled out the possibility", "pointed out that …"), when the
 * lexicon lists the pair ("rule out") as a cue of its own; its frames replace the bare verb's.
 */
export function phrasalCue(t: Token, particle: Token): Cue | null {
  if (t.upos !== 'VERB') return null;
  const lemma = `${(t.lemma ?? t.text).toLowerCase()} ${particle.text.toLowerCase()}`;
  const frames = cueFrames(lemma);
  return frames ? { lemma, frames } : null;
}
