/**
 * Lemmatizer learnt from the treebank: an exception list of (XPOS, form) → lemma pairs that
 * the rules get wrong, and edit rules ("lower-case, strip 3 letters, add 'y'") keyed by XPOS
 * and the form's longest known suffix, chosen by how many distinct words support them.
 */
import { normaliseForm } from './features.js';

export interface LemmaExample {
  form: string;
  xpos: string;
  lemma: string;
  /** vote weight (e.g. more for the treebank whose conventions we are scored on); default 1 */
  weight?: number;
}

/** An edit rule: casing ('k' keep, 'l' lower), characters to strip, string to append. */
type Rule = string;

const MAX_SUFFIX = 6;

function ruleFor(form: string, lemma: string): Rule {
  const lower = lemma === lemma.toLowerCase();
  const base = lower ? form.toLowerCase() : form;
  let p = 0;
  while (p < base.length && p < lemma.length && base[p] === lemma[p]) p++;
  return `${lower ? 'l' : 'k'}|${base.length - p}|${lemma.slice(p)}`;
}

function applyRule(form: string, rule: Rule): string | null {
  const a = rule.indexOf('|');
  const b = rule.indexOf('|', a + 1);
  const strip = Number(rule.slice(a + 1, b));
  const base = rule[0] === 'l' ? form.toLowerCase() : form;
  if (strip >= base.length) return null;
  return base.slice(0, base.length - strip) + rule.slice(b + 1);
}

export interface LemmatizerData {
  /** `${xpos}\t${form}` → lemma, exact form first, then lower-cased */
  exceptions: Record<string, string>;
  /** `${xpos}\t${suffix}` → rule */
  rules: Record<string, Rule>;
}

export class Lemmatizer {
  private readonly exceptions: ReadonlyMap<string, string>;
  private readonly rules: ReadonlyMap<string, Rule>;
  private readonly given: LemmatizerData | null;

  /**
   * From the model's data, or from its two look-ups already made (`tables`: a load-ready model's,
   * filled as they are asked, model-io.ts TableMap; `data` is then made from them when asked for).
   */
  constructor(data: LemmatizerData | null, tables?: { exceptions: ReadonlyMap<string, string>; rules: ReadonlyMap<string, Rule> }) {
    if (!data && !tables) throw new Error('a lemmatizer needs its data or its tables');
    this.given = data;
    this.exceptions = tables?.exceptions ?? new Map(Object.entries(data!.exceptions));
    this.rules = tables?.rules ?? new Map(Object.entries(data!.rules));
  }

  get data(): LemmatizerData {
    return this.given ?? { exceptions: Object.fromEntries(this.exceptions), rules: Object.fromEntries(this.rules) };
  }

  /** Lemma by the suffix rules alone. */
  ruleLemma(norm: string, xpos: string): string {
    const lower = norm.toLowerCase();
    for (let k = Math.min(MAX_SUFFIX, lower.length); k >= 0; k--) {
      const rule = this.rules.get(`${xpos}\t${lower.slice(lower.length - k)}`);
      if (rule !== undefined) {
        const out = applyRule(norm, rule);
        if (out) return out;
      }
    }
    return xpos.startsWith('NNP') ? norm : lower;
  }

  private exception(form: string, xpos: string): string | undefined {
    return this.exceptions.get(`${xpos}\t${form}`) ?? this.exceptions.get(`${xpos}\t${form.toLowerCase()}\tl`);
  }

  /**
   * The form as written is looked up first (the treebank's "--" and "—" have different
   * lemmas); typographic spellings the treebank lacks (’s, “) fall back to their ASCII form.
   */
  lemma(form: string, xpos: string): string {
    if (!form) return form;
    // a pure function of (form, xpos): news vocabulary is Zipfian, so a memo saves the ~10 keys built per token
    let byForm = this.memo.get(xpos);
    if (byForm === undefined) this.memo.set(xpos, (byForm = new Map()));
    const hit = byForm.get(form);
    if (hit !== undefined) return hit;
    const out = this.lemmaOf(form, xpos);
    // bounded over all tags together (a long document's vocabulary must not grow the heap for good)
    if (++this.memoSize > 200_000) { this.memo.clear(); this.memoSize = 1; this.memo.set(xpos, (byForm = new Map())); }
    byForm.set(form, out);
    return out;
  }

  private readonly memo = new Map<string, Map<string, string>>();
  private memoSize = 0;

  private lemmaOf(form: string, xpos: string): string {
    const hit = this.exception(form, xpos);
    if (hit !== undefined) return hit;
    const norm = normaliseForm(form);
    if (norm !== form) return this.exception(norm, xpos) ?? this.ruleLemma(norm, xpos);
    return this.ruleLemma(form, xpos);
  }
}

/** Learns suffix rules, then keeps as exceptions the training pairs the rules get wrong. */
export function trainLemmatizer(examples: LemmaExample[], minTypes = 2): Lemmatizer {
  // distinct (xpos, form, lemma) types, with the most frequent lemma for each (xpos, form)
  const byForm = new Map<string, Map<string, number>>();
  for (const e of examples) {
    if (!e.lemma || e.lemma === '_') continue;
    const key = `${e.xpos}\t${e.form}`;
    let m = byForm.get(key);
    if (!m) byForm.set(key, (m = new Map()));
    m.set(e.lemma, (m.get(e.lemma) ?? 0) + (e.weight ?? 1));
  }
  const types: Array<{ xpos: string; form: string; lemma: string; count: number }> = [];
  for (const [key, m] of byForm) {
    const [xpos, form] = key.split('\t');
    let best = '';
    let bestN = -1;
    let total = 0;
    for (const [l, n] of [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      total += n;
      if (n > bestN) {
        bestN = n;
        best = l;
      }
    }
    types.push({ xpos, form, lemma: best, count: total });
  }
  // rule votes per (xpos, suffix), counted over word types so rare words generalise
  const votes = new Map<string, Map<Rule, number>>();
  for (const t of types) {
    const rule = ruleFor(t.form, t.lemma);
    const lower = t.form.toLowerCase();
    for (let k = 0; k <= Math.min(MAX_SUFFIX, lower.length); k++) {
      const key = `${t.xpos}\t${lower.slice(lower.length - k)}`;
      let m = votes.get(key);
      if (!m) votes.set(key, (m = new Map()));
      m.set(rule, (m.get(rule) ?? 0) + 1);
    }
  }
  const rules: Record<string, Rule> = {};
  for (const key of [...votes.keys()].sort()) {
    const m = votes.get(key)!;
    let best = '';
    let bestN = 0;
    let total = 0;
    for (const [r, n] of [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      total += n;
      if (n > bestN) {
        bestN = n;
        best = r;
      }
    }
    const k = key.length - key.indexOf('\t') - 1;
    if (k === 0 || (total >= minTypes && bestN / total >= 0.5)) rules[key] = best;
  }
  const lem = new Lemmatizer({ exceptions: {}, rules });
  const exceptions: Record<string, string> = {};
  // lower-cased fallbacks first so exact-form entries override them
  for (const t of types) {
    if (lem.ruleLemma(t.form, t.xpos) !== t.lemma) {
      exceptions[`${t.xpos}\t${t.form}`] = t.lemma;
      if (t.lemma === t.lemma.toLowerCase()) exceptions[`${t.xpos}\t${t.form.toLowerCase()}\tl`] ??= t.lemma;
    }
  }
  return new Lemmatizer({ exceptions, rules });
}
