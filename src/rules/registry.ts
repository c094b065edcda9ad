/**
 * The rule registry. Every hand-written rule around the models (a pattern file entry or a
 * block of code) is registered here with an id, the stage it runs in, what it does, and
 * sentences on which it must and must not fire. The registry gives three things:
 *
 * - a trace: a rule that changes the Doc calls `rule.fired(...)`, and the pipeline keeps the
 *   firings on `doc.firings`, so a reviewer sees which rules made an output;
 * - examples: one table-driven test (test/rules.test.ts) runs the whole pipeline on every
 *   example and checks that the rule fired, or did not (an example on given model output,
 *   RuleExample, runs on the names it was written against, and can say what the rule makes of them);
 * - ablation: a rule switched off (`CHRONICLE_WITHOUT=id,id` in the environment, `--without id`
 *   on the command line of any script, e.g. `npm run eval:events -- --without id`, or
 *   `withoutRules([...])`) reports `enabled === false`, and its code skips itself;
 *   `npm run ablate` measures each rule's contribution to an eval's figures.
 *
 * Rules are registered when their module loads; importing the default pipeline loads them all.
 */

/** What a rule does to the Doc's layers. */
export type RuleAction = 'label' | 'retype' | 'split' | 'extend' | 'veto' | 'recode';

export const RULE_ACTIONS: readonly RuleAction[] = ['label', 'retype', 'split', 'extend', 'veto', 'recode'];

/**
 * An example for a rule that sits on a model's output, tested on the output it was written
 * against: the names the recogniser decoded then (and its organisation companion, when it
 * decoded otherwise), fed to the rules in place of what today's weights decode. A retrain moves
 * the decoding as a new shuffle seed does; the rule's test should not move with it
 * (docs/entities-ner.md, "The retrain wall"). Names are written "phrase/TYPE" and stand for the
 * phrase's first place in the text, on token edges, that no earlier name of the list took;
 * `node dist/eval/decoded-names.js TEXT` prints them for today's weights.
 */
export interface RuleExample {
  text: string;
  /** the recogniser's decoded names */
  decoded: readonly string[];
  /** the organisation companion's decoded names (default: the recogniser's) */
  companion?: readonly string[];
  /** the ner stage's names after the rules, in text order: what the rule makes of the given names (and not without it) */
  names?: readonly string[];
}

/** A rule's example: a text run through the whole pipeline as it is, or a text on given model output. */
export type RuleText = string | RuleExample;

export interface RuleSpec {
  /** stable id, `stage.short-name` by convention: "ner.near-place", "events.veto-video-release" */
  id: string;
  /** the pipeline stage whose run applies it (a Stage's name) */
  stage: string;
  action: RuleAction;
  /** one sentence: what it does and why */
  summary: string;
  /** texts on which the rule must fire (run through the whole default pipeline) */
  fires: readonly RuleText[];
  /** texts on which it must not fire: the near misses it is built to leave alone */
  spares: readonly RuleText[];
  /** where it is written ("src/extract/ner.ts", "lexicon/en/patterns/relations.json") */
  source?: string;
}

/** One application of a rule, with the characters it touched when it knows them. */
export interface RuleFiring {
  rule: string;
  start?: number;
  end?: number;
}

/** Anything a firing can be recorded on (the Doc; kept structural so this module imports nothing). */
export interface FiringSink {
  firings: RuleFiring[];
}

export interface Rule extends Readonly<RuleSpec> {
  /** false when the rule is switched off for an ablation */
  readonly enabled: boolean;
  /** Record that the rule changed the document being processed (no-op outside a pipeline run). */
  fired(start?: number, end?: number): void;
}

const rules = new Map<string, Rule>();
/** Rules switched off from the start: `CHRONICLE_WITHOUT=a,b`, or `--without a,b` on any entry point's command line. */
let disabled = new Set<string>([...parseIds(process.env.CHRONICLE_WITHOUT), ...withoutArgs(process.argv)]);
let sink: FiringSink | null = null;

function parseIds(s: string | undefined): string[] {
  return (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);
}

function withoutArgs(argv: readonly string[]): string[] {
  const ids: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--without' && i + 1 < argv.length) ids.push(...parseIds(argv[++i]));
    else if (argv[i].startsWith('--without=')) ids.push(...parseIds(argv[i].slice('--without='.length)));
  }
  return ids;
}

/**
 * Register a rule (once per process; a second registration of one id is an error, since two
 * rules with one id could not be ablated apart).
 */
export function defineRule(spec: RuleSpec): Rule {
  if (!/^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9.-]*$/.test(spec.id)) throw new Error(`rule id '${spec.id}': use stage.short-name in lower case`);
  if (rules.has(spec.id)) throw new Error(`rule '${spec.id}' is registered twice`);
  if (!RULE_ACTIONS.includes(spec.action)) throw new Error(`rule '${spec.id}': unknown action '${spec.action}'`);
  if (spec.fires.length === 0) throw new Error(`rule '${spec.id}' needs at least one example it fires on`);
  const id = spec.id;
  const rule: Rule = Object.freeze({
    ...spec,
    fires: Object.freeze([...spec.fires]),
    spares: Object.freeze([...spec.spares]),
    get enabled() {
      // read once per token by some rules (300,000 reads a round of the bench texts): no look-up when nothing is off
      return disabled.size === 0 || !disabled.has(id);
    },
    fired(start?: number, end?: number) {
      if (!sink) return;
      sink.firings.push(start === undefined ? { rule: id } : { rule: id, start, end: end ?? start });
    },
  });
  rules.set(id, rule);
  return rule;
}

/** Every registered rule, in registration order. */
export function registeredRules(): Rule[] {
  return [...rules.values()];
}

export function ruleById(id: string): Rule | undefined {
  return rules.get(id);
}

/**
 * Switch rules off (for ablation) and return a function that restores the previous set.
 * Unknown ids are accepted, since rules register when their modules load; `checkRuleIds`
 * reports misspellings once the pipeline is loaded.
 */
export function withoutRules(ids: Iterable<string>): () => void {
  const before = disabled;
  disabled = new Set([...before, ...ids]);
  return () => {
    disabled = before;
  };
}

/** Ids switched off now. */
export function disabledRules(): string[] {
  return [...disabled];
}

/** Ids among `ids` that no loaded module registered. */
export function unknownRuleIds(ids: Iterable<string>): string[] {
  return [...ids].filter((id) => !rules.has(id));
}

/**
 * Read `--without a,b` (repeatable) from a command line and switch those rules off. Returns the
 * other arguments, so scripts go on parsing their own options, the ids switched off, and a
 * function that switches them on again.
 */
export function ablationFromArgs(argv: readonly string[]): { args: string[]; without: string[]; restore: () => void } {
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--without') i++;
    else if (!argv[i].startsWith('--without=')) rest.push(argv[i]);
  }
  const ids = withoutArgs(argv);
  const restore = withoutRules(ids);
  return { args: rest, without: ids, restore };
}

/** Run `fn` with firings recorded on `target` (the pipeline does this around each document). */
export function tracing<T>(target: FiringSink, fn: () => T): T {
  const outer = sink;
  sink = target;
  try {
    return fn();
  } finally {
    sink = outer;
  }
}
