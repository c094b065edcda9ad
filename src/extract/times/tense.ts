/**
 * Tense of the clause that governs a time expression: decides whether "on Saturday" is the
 * Saturday just gone or the one to come. Uses the parser's layers (xpos, head, deprel) when a
 * tagger/parser stage has filled them, and falls back to word lists around the expression.
 */
import type { Token } from '../../doc.js';
import { ablated, timesRule } from './rules.js';
import { readerSet, set } from '../../lexicon/index.js';

export type Tense = 'past' | 'future' | 'present' | 'unknown';

export interface TenseReading {
  tense: Tense;
  /** the word that decided it ("met", "will"), for the evidence string */
  cue: string | null;
}

const FUTURE_WORDS = set('times-cues', { class: 'future' });
const PAST_AUX = set('times-cues', { class: 'past-aux' });
// "'s" is left out: far more often a possessive than "is"
const PRESENT_AUX = set('times-cues', { class: 'present-aux' });
/** verbs that announce a plan: "is due to", "is set to", "plans to", "expected to" */
const PLAN_WORDS = set('times-cues', { class: 'plan' });

/**
 * Verbs that put what they govern in the future whatever their own tense: a trial "has been
 * scheduled for November", events "have been planned until December", a vote "was postponed
 * to May" — the date is when the plan is for, not when it was made.
 */
const PLANNING_VERBS = set('times-cues', { class: 'planning-verb' });
const PLANNING_FORMS = set('times-cues', { class: 'planning-form' });

/** Common irregular past forms (simple past; past participles that differ are listed too). */
const IRREGULAR_PAST = set('times-cues', { class: 'irregular-past' });
/** -ed words that are not past verbs */
const NOT_PAST_ED = set('times-cues', { class: 'not-past-ed' });
/** attribution verbs after the expression: "…on Wednesday, officials said" tells when it was said, not when it happens */
const REPORTING = readerSet('speech-verbs', 'times');
/** words before "to" that do not make "to" + verb a plan ("went to", "due to", "according to") */
const NOT_PLAN_BEFORE_TO = set('times-cues', { class: 'not-plan-before-to' });
const CLAUSE_BREAK = set('times-cues', { class: 'clause-break' });

/** A plan in force ("has been scheduled"): the rule times.plans fired on this word. */
function planInForce(t: Token, strength: number): { tense: Tense; strength: number } {
  timesRule('times.plans').fired(t.start, t.end);
  return { tense: 'future', strength };
}

function markerOf(t: Token, next: Token | undefined, prev: Token | undefined): { tense: Tense; strength: number } | null {
  const w = t.text.toLowerCase();
  const p = prev?.text.toLowerCase() ?? '';
  // tagger/parser layers first
  if (t.xpos) {
    if (PLANNING_FORMS.has(w) && !ablated('times.plans') && t.xpos === 'VBN' && /^(?:is|are|am|been|'s|’s|'re|’re)$/.test(p)) return planInForce(t, 3);
    if (t.xpos === 'MD') {
      if (w === 'will' || w === "'ll" || w === '’ll' || w === 'shall' || w === 'wo') return { tense: 'future', strength: 3 };
      return null;
    }
    if (t.xpos === 'VBD') return { tense: 'past', strength: 2 };
    if (t.xpos === 'VBZ' || t.xpos === 'VBP') {
      if ((w === 'is' || w === 'are' || w === "'s" || w === '’s' || w === "'re") && next && PLAN_WORDS.has(next.text.toLowerCase())) {
        return { tense: 'future', strength: 2 };
      }
      if (PLAN_WORDS.has(w) && next && next.text.toLowerCase() === 'to') return { tense: 'future', strength: 2 };
      return { tense: 'present', strength: 1 };
    }
    if (t.xpos === 'VBN' && PRESENT_AUX.has(w)) return null;
    if (t.xpos === 'RB' && PAST_AUX.has(w)) return { tense: 'past', strength: 1 };
    if (FUTURE_WORDS.has(w)) return { tense: 'future', strength: 2 };
    return null;
  }
  if (FUTURE_WORDS.has(w)) return { tense: 'future', strength: w === 'will' || w === 'shall' || w.endsWith('ll') || w === 'wo' ? 3 : 2 };
  // "has been scheduled", "are planned": a plan in force now points ahead ("were scheduled" tells a past plan)
  if (PLANNING_FORMS.has(w) && !ablated('times.plans') && /^(?:is|are|am|has|have|been|'s|’s|'re|’re)$/.test(p) && !(p === 'been' && /^(?:had)$/i.test(prev?.text ?? ''))) return planInForce(t, 3);
  // headline style "Talks to resume Monday": a bare "to" + verb after a short subject at the start
  // of the sentence is a plan; the weakest of markers, used only when the sentence has no other
  if (w === 'to' && next && /^[a-z]{3,}$/.test(next.text) && prev && /^\p{Lu}|s$/u.test(prev.text) && !NOT_PLAN_BEFORE_TO.has(p)) {
    return { tense: 'future', strength: -4 };
  }
  if ((PLAN_WORDS.has(w) || w === 'is' || w === 'are') && next) {
    const n = next.text.toLowerCase();
    if (PLAN_WORDS.has(w) && n === 'to' && w !== 'set' && w !== 'due') return { tense: 'future', strength: 2 };
    if ((w === 'is' || w === 'are') && (PLAN_WORDS.has(n) || n === 'to')) return { tense: 'future', strength: 2 };
    if ((w === 'due' || w === 'set') && n === 'to') return { tense: 'future', strength: 2 };
  }
  if (PAST_AUX.has(w)) return { tense: 'past', strength: 2 };
  if (PRESENT_AUX.has(w)) {
    // present perfect ("has met", "have been released") reports a past event
    const n = next?.text.toLowerCase() ?? '';
    if ((w === 'has' || w === 'have' || w.endsWith('ve')) && (n === 'been' || IRREGULAR_PAST.has(n) || (n.length > 4 && n.endsWith('ed')))) {
      return { tense: 'past', strength: 2 };
    }
    return { tense: 'present', strength: 1 };
  }
  // a participle after "be", "to" or a modal carries no tense of its own ("is to be held", "will be released")
  const participleOnly = p === 'be' || p === 'been' || p === 'being' || p === 'to' || p === 'is' || p === 'are' || p === 'am' || p === 'was' || p === 'were' || p === 'will' || p === 'would' || p === 'could' || p === 'should' || p === 'must' || p === 'may' || p === 'might';
  if (IRREGULAR_PAST.has(w) && !participleOnly) return { tense: 'past', strength: 2 };
  // lower-case only: "Mohamed", "Ahmed" are names
  if (w.length > 4 && w.endsWith('ed') && /^[a-z-]+$/.test(t.text) && !NOT_PAST_ED.has(w) && !participleOnly) return { tense: 'past', strength: 2 };
  return null;
}

/**
 * Tense governing tokens [from, to) of a sentence (indices into `tokens`, the sentence's tokens).
 * With a parse: climb from the expression to its verb and read the verb's auxiliaries. Without:
 * the nearest tense marker, counting clause breaks (quotes, semicolons, "but") as distance.
 */
export function tenseAt(tokens: readonly Token[], from: number, to: number): TenseReading {
  const viaParse = tenseFromParse(tokens, from, to);
  if (viaParse) return viaParse;
  let best: { tense: Tense; cue: string; cost: number } | null = null;
  for (let i = 0; i < tokens.length; i++) {
    if (i >= from && i < to) continue;
    const m = markerOf(tokens[i], tokens[i + 1], tokens[i - 1]);
    if (!m) continue;
    if (m.strength < 0 && i > 4) continue; // the headline "to" only right after a short subject
    // distance in tokens plus a penalty for every clause break in between
    const lo = Math.min(i, from);
    const hi = Math.max(i, to - 1);
    let breaks = 0;
    for (let j = lo + 1; j < hi; j++) if (CLAUSE_BREAK.has(tokens[j].text.toLowerCase())) breaks++;
    const dist = (i < from ? from - i : i - to + 1) + breaks * 12 - m.strength * 2 + (i >= to && REPORTING.has(tokens[i].text.toLowerCase()) ? 8 : 0);
    if (!best || dist < best.cost) best = { tense: m.tense, cue: tokens[i].text, cost: dist };
  }
  return best ? { tense: best.tense, cue: best.cue } : { tense: 'unknown', cue: null };
}

function tenseFromParse(tokens: readonly Token[], from: number, to: number): TenseReading | null {
  if (tokens.length === 0 || tokens[0].head === undefined || !tokens[0].upos) return null;
  const base = tokens[0].i;
  const local = (docIndex: number) => docIndex - base;
  // the token of the expression whose head lies outside it
  let cur = -1;
  for (let i = from; i < to; i++) {
    const h = tokens[i].head ?? -1;
    if (h < 0 || local(h) < from || local(h) >= to) { cur = i; break; }
  }
  if (cur < 0) return null;
  // a verb, or a word the parse made a clause's head by giving it the clause's auxiliary (a tagger may
  // read "would hand over" as a noun "hand": the clause is still "would …", whichever word carries it)
  // (the heads of modal auxiliaries, gathered once per expression when first asked, not per step)
  let modalHeads: Set<number | undefined> | null = null;
  const modalClause = (k: number) => {
    if (ablated('times.modal-clause')) return false;
    modalHeads ??= new Set(tokens.filter((t) => t.deprel === 'aux' && t.xpos === 'MD').map((t) => t.head));
    return modalHeads.has(tokens[k].i);
  };
  const predicate = (k: number) => tokens[k].upos === 'VERB' || tokens[k].upos === 'AUX' || modalClause(k);
  for (let steps = 0; steps < 12; steps++) {
    const h = tokens[cur].head ?? -1;
    if (h < 0) break;
    const hi = local(h);
    if (hi < 0 || hi >= tokens.length) break;
    cur = hi;
    if (predicate(cur)) break;
  }
  const verb = tokens[cur];
  if (!predicate(cur)) return null;
  if (verb.upos !== 'VERB' && verb.upos !== 'AUX') timesRule('times.modal-clause').fired(verb.start, verb.end);
  // "has been scheduled for November": the plan's date lies ahead (a plan verb in the past tense
  // with a date that is clearly past, "planned on Monday", is left to the scoring of years)
  const lemma = (verb.lemma ?? verb.text).toLowerCase();
  if ((PLANNING_FORMS.has(verb.text.toLowerCase()) || PLANNING_VERBS.has(lemma)) && verb.xpos === 'VBN' && !ablated('times.plans')) {
    const aux = tokens.filter((t) => t.head === verb.i && (t.deprel === 'aux' || t.deprel === 'aux:pass'));
    // in force now: "is scheduled", "has been planned"; not "was scheduled", "had been planned"
    if (aux.length > 0 && aux.every((a) => a.xpos !== 'VBD' && a.xpos !== 'MD') && aux.some((a) => a.xpos === 'VBZ' || a.xpos === 'VBP')) {
      timesRule('times.plans').fired(verb.start, verb.end);
      return { tense: 'future', cue: `${aux.map((a) => a.text).join(' ')} ${verb.text}` };
    }
  }
  const auxes = tokens.filter((t) => t.head === verb.i && (t.deprel === 'aux' || t.deprel === 'aux:pass' || t.deprel === 'cop'));
  for (const a of auxes) {
    const w = a.text.toLowerCase();
    if (a.xpos === 'MD') {
      if (FUTURE_WORDS.has(w)) return { tense: 'future', cue: `${a.text} ${verb.text}` };
      // reported speech moves "will" to "would": "said the exchange would take place on Thursday"
      // is a future seen from the report (not "would have taken", a past conditional)
      if ((w === 'would' || w === "'d" || w === '’d') && verb.deprel === 'ccomp' && !auxes.some((x) => (x.lemma ?? x.text).toLowerCase() === 'have')) {
        return { tense: 'future', cue: `${a.text} ${verb.text}` };
      }
      return { tense: 'unknown', cue: `${a.text} ${verb.text}` };
    }
  }
  for (const a of auxes) {
    if (a.xpos === 'VBD') return { tense: 'past', cue: `${a.text} ${verb.text}` };
    if (a.xpos === 'VBZ' || a.xpos === 'VBP') {
      const lemma = (a.lemma ?? a.text).toLowerCase();
      if (lemma === 'have' && verb.xpos === 'VBN') return { tense: 'past', cue: `${a.text} ${verb.text}` };
      return { tense: 'present', cue: `${a.text} ${verb.text}` };
    }
  }
  if (verb.xpos === 'VBD') return { tense: 'past', cue: verb.text };
  if (verb.xpos === 'VBZ' || verb.xpos === 'VBP') return { tense: 'present', cue: verb.text };
  // a participle modifying a noun tells of something done: "a video released on Sunday shows …"
  if (verb.xpos === 'VBN' && auxes.length === 0 && /^(acl|amod)/.test(verb.deprel ?? '')) return { tense: 'past', cue: verb.text };
  return null; // participle or infinitive: let the word-list reading decide
}
