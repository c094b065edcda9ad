/**
 * Stage 'events': PLOVER events (with CAMEO codes) from the parse and the entity layer.
 * Needs tokens with head/deprel (stage 'parse'); uses entities, quotes and times when present.
 * The dictionaries and the parse give candidate predicates; the learned detector
 * (events/detector.ts) decides which are events and of what type, or, with `detector: null` or
 * no shipped model, the rule coder does. See docs/events.md.
 */
import type { Doc } from '../doc.js';
import type { Stage } from '../pipeline.js';
import { codeDocument, type CoderOptions, type Decider } from './events/coder.js';
import { defaultDetector } from './events/detector.js';
import { defaultLexicon, type EventLexicon } from './events/lexicon.js';

export interface EventsStageOptions extends CoderOptions {
  /** verb patterns and CAMEO→PLOVER table; the shipped CAMEO 2.0 lexicon by default */
  lexicon?: EventLexicon;
  /** who decides what is an event: the shipped detector by default; null for the rule coder alone */
  detector?: Decider | null;
}

export function createEventsStage(options: EventsStageOptions = {}): Stage {
  let lexicon = options.lexicon ?? null;
  let detector: Decider | null | undefined = options.detector;
  return {
    name: 'events',
    requires: ['tokens', 'sentences', 'tags', 'parse'], uses: ['boilerplate', 'entities', 'coref', 'codes', 'times', 'quotes'], provides: ['events'],
    run(doc: Doc): void {
      lexicon ??= defaultLexicon();
      if (detector === undefined) detector = defaultDetector();
      doc.events = codeDocument(doc, lexicon, options, detector ?? undefined);
    },
  };
}

export const eventsStage: Stage = createEventsStage();

export { codeDocument } from './events/coder.js';
export { defaultLexicon, prepareLexicon, compileLexicon } from './events/lexicon.js';
