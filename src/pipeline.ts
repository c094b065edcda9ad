import { Doc, type DocInput } from './doc.js';
import { tracing } from './rules/registry.js';

/**
 * The layers a Doc carries, as stages declare them. A stage `provides` the layers it writes,
 * `requires` those it cannot run without, and `uses` those it reads when present. One layer has
 * one writer; where two stages add to one field of the Doc they provide distinct layers of it
 * ("mentions.model", "mentions.rules").
 */
export const LAYERS = {
  tokens: 'doc.tokens: text and offsets',
  sentences: 'doc.sentences',
  boilerplate: 'credits, bylines, captions, related links and calls to action marked as not prose (src/ingest/boilerplate.ts, in doc.notes)',
  tags: 'token.upos, token.xpos, token.lemma',
  parse: 'token.head, token.deprel',
  times: 'doc.times',
  'mentions.model': 'name mentions the trained recogniser proposes (doc.mentions)',
  'mentions.rules': 'name mentions the rule-based recogniser proposes (doc.mentions)',
  entities: 'doc.entities and the settled doc.mentions, one type per entity',
  aliases: 'doc.aliases: the alias table, short forms and acronyms the entities stage joined to their organisation, with the full name, the reason and the rule (src/extract/aliases.ts)',
  'aliases.coref': 'doc.aliases added by coreference: "the" + the last words of an organisation\'s name (coref.reduced-org-name)',
  coref: 'nominal and pronoun mentions joined to entities (entity.mentions, and doc.mentions rebuilt with them)',
  'coref.speech': 'first-person pronouns inside a direct quote joined to its speaker (coref-speech stage, after quotes)',
  codes: 'entity.codes: actor codes from names, roles and usage',
  'codes.citizenship': 'entity.codes added from citizenship relations',
  relations: 'doc.relations',
  attributes: 'entity.attributes (age, nationality, occupation …)',
  'attributes.age': 'entity.attributes.age from an apposition ("Cohen, 29,") or "the 29-year-old" (coref stage)',
  quotes: 'doc.quotes and their speakers',
  events: 'doc.events',
  places: 'entity.place: the gazetteer entry (id, country, region, coordinates) a GPE, LOC or FAC entity names, with the evidence for the choice (src/extract/places/)',
  'events.place': "event.place and event.placeSource: an event's coordinates and country, from its sentence's place or the dateline (places stage)",
} as const;

export type Layer = keyof typeof LAYERS;

/** One pipeline component: reads the Doc and adds its layers. */
export interface Stage {
  readonly name: string;
  /** layers that must be provided by an earlier stage */
  readonly requires: readonly Layer[];
  /** layers this stage writes (no other stage may) */
  readonly provides: readonly Layer[];
  /** layers read when an earlier stage provided them (a later stage providing them is an error) */
  readonly uses?: readonly Layer[];
  run(doc: Doc): void;
}

/** A pipeline whose stages do not fit together: named at construction, before any document. */
export class PipelineError extends Error {}

/** Check the stages' contracts in order; returns the problems (empty when they fit). */
export function contractProblems(stages: readonly Stage[]): string[] {
  const problems: string[] = [];
  const writer = new Map<string, string>();
  const names = new Set<string>();
  for (const s of stages) {
    if (names.has(s.name)) problems.push(`two stages are named '${s.name}'`);
    names.add(s.name);
    for (const l of [...s.requires, ...s.provides, ...(s.uses ?? [])]) {
      if (!Object.hasOwn(LAYERS, l)) problems.push(`stage '${s.name}' names an unknown layer '${l}'`);
    }
    for (const l of s.requires) {
      if (!writer.has(l)) {
        const later = stages.find((o) => o.provides.includes(l));
        problems.push(`stage '${s.name}' requires '${l}', ${later ? `which '${later.name}' provides only after it` : 'which no stage provides'}`);
      }
    }
    for (const l of s.uses ?? []) {
      if (writer.has(l)) continue;
      const later = stages.slice(stages.indexOf(s) + 1).find((o) => o.provides.includes(l));
      if (later) problems.push(`stage '${s.name}' uses '${l}', which '${later.name}' provides only after it`);
    }
    for (const l of s.provides) {
      const other = writer.get(l);
      if (other) problems.push(`stages '${other}' and '${s.name}' both write '${l}'`);
      else writer.set(l, s.name);
    }
  }
  return problems;
}

export class Pipeline {
  /** @throws PipelineError when the stages' contracts do not fit (missing layer, two writers, wrong order) */
  constructor(readonly stages: Stage[]) {
    const problems = contractProblems(stages);
    if (problems.length) throw new PipelineError(`pipeline ${stages.map((s) => s.name).join(' → ')}: ${problems.join('; ')}`);
  }

  names(): string[] {
    return this.stages.map((s) => s.name);
  }

  /** Replace a stage by name, or insert it after `after` (or at the end). */
  with(stage: Stage, after?: string): Pipeline {
    const stages = this.stages.slice();
    const existing = stages.findIndex((s) => s.name === stage.name);
    if (existing >= 0) stages[existing] = stage;
    else {
      const at = after ? stages.findIndex((s) => s.name === after) : -1;
      if (at >= 0) stages.splice(at + 1, 0, stage);
      else stages.push(stage);
    }
    return new Pipeline(stages);
  }

  /** The pipeline without these stages (all removed at once, then the contracts are checked). */
  without(...names: string[]): Pipeline {
    return new Pipeline(this.stages.filter((s) => !names.includes(s.name)));
  }

  process(input: DocInput | Doc): Doc {
    const doc = input instanceof Doc ? input : new Doc(input);
    tracing(doc, () => {
      for (const stage of this.stages) stage.run(doc);
    });
    return doc;
  }
}
