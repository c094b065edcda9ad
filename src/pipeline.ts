import { Doc, type DocInput } from './doc.js';
import { tracing } from './rules/registry.js';

/** One pipeline component: reads the Doc and adds one layer. */
export interface Stage {
  readonly name: string;
  run(doc: Doc): void;
}

export class Pipeline {
  constructor(readonly stages: Stage[]) {}

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

  without(name: string): Pipeline {
    return new Pipeline(this.stages.filter((s) => s.name !== name));
  }

  process(input: DocInput | Doc): Doc {
    const doc = input instanceof Doc ? input : new Doc(input);
    tracing(doc, () => {
      for (const stage of this.stages) stage.run(doc);
    });
    return doc;
  }
}
