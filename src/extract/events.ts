/**
 * Stage 'events': PLOVER events (with CAMEO codes) from the parse and the entity layer.
 * Needs tokens with head/deprel (stage 'parse'); uses entities, quotes and times when present.
 * See docs/events.md.
 */
import type { Doc } from '../doc.js';
import type { Stage } from '../pipeline.js';
import { codeDocument, type CoderOptions } from './events/coder.js';
import { defaultLexicon, type EventLexicon } from './events/lexicon.js';

export interface EventsStageOptions extends CoderOptions {
  /** verb patterns and CAMEO→PLOVER table; the shipped CAMEO 2.0 lexicon by default */
  lexicon?: EventLexicon;
}

export function createEventsStage(options: EventsStageOptions = {}): Stage {
  let lexicon = options.lexicon ?? null;
  return {
    name: 'events',
    requires: ['tokens', 'sentences', 'tags', 'parse'], uses: ['entities', 'coref', 'codes', 'times', 'quotes'], provides: ['events'],
    run(doc: Doc): void {
      lexicon ??= defaultLexicon();
      doc.events = codeDocument(doc, lexicon, options);
    },
  };
}

export const eventsStage: Stage = createEventsStage();

export { codeDocument } from './events/coder.js';
export { defaultLexicon, prepareLexicon, compileLexicon } from './events/lexicon.js';
