import { createPipeline, extract } from '../src/extract.js';
import { createEventsStage } from '../src/extract/events.js';
import { toResult } from '../src/output/result.js';
import type { Result } from '../src/output/schema.js';

export function run(text: string, published: string | null = '2024-03-10'): Result {
  return extract({ id: 't', text, published });
}

let ruleCoder: ReturnType<typeof createPipeline> | null = null;

/** The default pipeline with the rule coder deciding events (no learned detector): for tests of the candidates' roles and codes. */
export function runRules(text: string, published: string | null = '2024-03-10'): Result {
  ruleCoder ??= createPipeline().with(createEventsStage({ detector: null }));
  return toResult(ruleCoder.process({ id: 't', text, published }));
}

/** The entity (if any) whose name or one of whose mentions equals `text`. */
export function entity(r: Result, text: string) {
  const t = text.toLowerCase();
  return r.entities.find((e) => e.name.toLowerCase() === t || e.mentions.some((m) => m.text.toLowerCase() === t));
}

export function nameOf(r: Result, id: string | null): string | null {
  return id ? r.entities.find((e) => e.id === id)?.name ?? null : null;
}

/** The events whose trigger is `trigger` (exact text; `caseless` ignores letter case). */
export function eventsWith(r: Result, trigger: string, caseless = false): Result['events'] {
  const want = caseless ? trigger.toLowerCase() : trigger;
  return r.events.filter((e) => (caseless ? e.trigger.text.toLowerCase() : e.trigger.text) === want);
}

/** The names of entity ids (the id itself where an entity has no name). */
export function namesOf(r: Result, ids: string[]): string[] {
  return ids.map((id) => nameOf(r, id) ?? id);
}

/** Run `f` with CHRONICLE_QUOTES_SPEAKER set to `mode` (undefined: unset), restored after. */
export function withSpeakerMode<T>(mode: string | undefined, f: () => T): T {
  const before = process.env.CHRONICLE_QUOTES_SPEAKER;
  if (mode === undefined) delete process.env.CHRONICLE_QUOTES_SPEAKER;
  else process.env.CHRONICLE_QUOTES_SPEAKER = mode;
  try { return f(); } finally {
    if (before === undefined) delete process.env.CHRONICLE_QUOTES_SPEAKER;
    else process.env.CHRONICLE_QUOTES_SPEAKER = before;
  }
}
