/**
 * Pattern rules: a pattern file (`lexicon/en/patterns/<name>.json`) holds registered rules
 * whose condition is a token or dependency pattern. Loading a file compiles its patterns and
 * registers each rule (src/rules/registry.ts) with its examples, so the rules test and the
 * ablation tooling see them like rules written in code.
 *
 *   { "description": "…",
 *     "rules": [
 *       { "id": "relations.held-by-passive", "stage": "relations", "action": "label",
 *         "summary": "…", "fires": ["…"], "spares": ["…"],
 *         "patterns": [ [ { "lemma": { "list": "captivity-verbs" }, "as": "verb" }, { "lower": "by" }, … ] ],
 *         "dependency": [ { "id": "verb", "token": { … } }, { "id": "subj", "of": "verb", "rel": ">", "token": { … } } ],
 *         "data": { "role": "leader" } } ] }
 *
 * `patterns` are alternatives (a rule matches where any of them does); a rule has patterns, a
 * dependency pattern, or both. `data` carries values the stage's code reads (a role name, a
 * code) so they stay beside the pattern.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lexiconDir } from '../lexicon/index.js';
import { defineRule, type Rule, type RuleSpec } from '../rules/registry.js';
import { DependencyPattern, SequencePattern, sentenceEnd, type DepNode, type Match, type MatchContext, type SequenceStep } from './matcher.js';
import type { WordTest } from './token.js';

export interface PatternRuleSpec extends RuleSpec {
  patterns?: SequenceStep[][];
  dependency?: DepNode[];
  data?: Record<string, unknown>;
}

/** A registered rule with its compiled patterns. */
export class PatternRule {
  /** per alternative, SequencePattern.firstWords and requiredWords */
  private readonly firstWords: ReadonlyArray<WordTest | null>;
  private readonly requiredWords: ReadonlyArray<readonly WordTest[]>;
  /** per alternative, whether the sentence being scanned holds a word of each of its requiredWords (findAll) */
  private readonly live: Uint8Array;

  constructor(
    readonly rule: Rule,
    private readonly sequences: readonly SequencePattern[],
    private readonly dependency: DependencyPattern | null,
    readonly data: Readonly<Record<string, unknown>>,
  ) {
    this.firstWords = sequences.map((p) => p.firstWords);
    this.requiredWords = sequences.map((p) => p.requiredWords);
    this.live = new Uint8Array(sequences.length);
  }

  get id(): string {
    return this.rule.id;
  }

  /**
   * Every match in [from, to): the sequence alternatives' matches in token order (one per start
   * token, the first alternative that matches there), then the dependency pattern's. Nothing when
   * the rule is switched off.
   */
  findAll(ctx: MatchContext, from = 0, to = ctx.tokens.length): Match[] {
    if (!this.rule.enabled) return [];
    const out: Match[] = [];
    const seqs = this.sequences;
    if (seqs.length) {
      // an alternative is tried only in a sentence holding a word of each of its requiredWords and at
      // a token written as one of its firstWords: elsewhere one of its tests must fail, so the matches
      // are those of trying every alternative at every start (the texts lower-cased once per context)
      const { firstWords, requiredWords, live } = this;
      const lower = lowerTexts(ctx);
      let end = -1;
      for (let i = from; i < to; i++) {
        if (i >= end) {
          end = sentenceEnd(ctx.tokens, i);
          const last = Math.min(end, to);
          for (let k = 0; k < seqs.length; k++) {
            const required = requiredWords[k];
            let all = true;
            for (let r = 0; all && r < required.length; r++) {
              const words = required[r];
              let found = false;
              for (let j = i; !found && j < last; j++) found = words.has(lower[j]);
              all = found;
            }
            live[k] = all ? 1 : 0;
          }
        }
        const w = lower[i];
        for (let k = 0; k < seqs.length; k++) {
          if (live[k] === 0) continue;
          const first = firstWords[k];
          if (first !== null && !first.has(w)) continue;
          const m = seqs[k].matchAt(ctx, i, end);
          if (m && m.end <= to) {
            out.push(m);
            break;
          }
        }
      }
    }
    if (this.dependency) out.push(...this.dependency.findAll(ctx, from, to));
    return out;
  }

  /** Record that a match of this rule changed the document. */
  fired(start?: number, end?: number): void {
    this.rule.fired(start, end);
  }
}

/**
 * The tokens' texts lower-cased, once per match context (the rules of a stage share one context and
 * its tokens do not change while they run).
 */
const lowered = new WeakMap<MatchContext, string[]>();
function lowerTexts(ctx: MatchContext): readonly string[] {
  if (ctx.lowers !== undefined && ctx.lowers.length === ctx.tokens.length) return ctx.lowers;
  let out = lowered.get(ctx);
  if (out === undefined || out.length !== ctx.tokens.length) {
    const tokens = ctx.tokens;
    out = [];
    for (let i = 0; i < tokens.length; i++) out.push(tokens[i].text.toLowerCase());
    lowered.set(ctx, out);
  }
  return out;
}

const loaded = new Map<string, Map<string, PatternRule>>();

/** Parse and register a pattern file's rules (from its text; `file` names it in errors). */
export function compilePatternFile(text: string, file: string): Map<string, PatternRule> {
  let json: { rules?: PatternRuleSpec[] };
  try {
    json = JSON.parse(text) as { rules?: PatternRuleSpec[] };
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`);
  }
  if (!Array.isArray(json.rules)) throw new Error(`${file}: expected { "rules": [...] }`);
  const out = new Map<string, PatternRule>();
  for (const spec of json.rules) {
    if (!spec.patterns?.length && !spec.dependency) throw new Error(`${file}: rule '${spec.id}' has no pattern`);
    const { patterns, dependency, data, ...ruleSpec } = spec;
    // compiled before the rule is registered, so a bad pattern leaves no half-registered rule
    const sequences = (patterns ?? []).map((p, k) => new SequencePattern(p, `${file}: ${spec.id}#${k}`));
    const dep = dependency ? new DependencyPattern(dependency, `${file}: ${spec.id}#dep`) : null;
    const rule = defineRule({ ...ruleSpec, source: ruleSpec.source ?? file });
    out.set(spec.id, new PatternRule(rule, sequences, dep, data ?? {}));
  }
  return out;
}

/** The rules of `lexicon/en/patterns/<name>.json`, loaded and registered once per process. */
export function patternRules(name: string): ReadonlyMap<string, PatternRule> {
  let rules = loaded.get(name);
  if (!rules) {
    const file = join(lexiconDir(), 'patterns', `${name}.json`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new Error(`no pattern file '${name}' (looked for ${file})`);
    }
    rules = compilePatternFile(text, `lexicon/en/patterns/${name}.json`);
    loaded.set(name, rules);
  }
  return rules;
}

/** One rule of a pattern file, by id (an error when the file lacks it). */
export function patternRule(file: string, id: string): PatternRule {
  const r = patternRules(file).get(id);
  if (!r) throw new Error(`lexicon/en/patterns/${file}.json has no rule '${id}'`);
  return r;
}
