import { assertDocInput, type Doc, type DocInput } from './doc.js';
import { Pipeline } from './pipeline.js';
import { tokenizeStage } from './nlp/sentences.js';
import { boilerplateStage } from './ingest/boilerplate.js';
import { parseStage } from './nlp/parse-stage.js';
import { timesStage } from './extract/times.js';
import { nerStage } from './extract/ner.js';
import { namesStage } from './extract/names.js';
import { entitiesStage } from './extract/entities.js';
import { corefStage } from './extract/coref.js';
import { actorsStage } from './extract/actors.js';
import { relationsStage } from './extract/relations.js';
import { quotesStage } from './extract/quotes.js';
import { corefSpeechStage } from './extract/coref/speech.js';
import { eventsStage } from './extract/events.js';
import { placesStage } from './extract/places/index.js';
import { toResult, type ResultOptions } from './output/result.js';
import { extractBySections } from './output/sections.js';
import type { Result } from './output/schema.js';

/**
 * The default pipeline, in order: tokens and sentences → boilerplate marks → tags and parse → name
 * mentions → times → entities and coreference → quotes → relations → events → places (entities and
 * events in the world). Each stage adds one layer.
 */
export function createPipeline(): Pipeline {
  return new Pipeline([
    tokenizeStage,
    boilerplateStage,
    parseStage,
    nerStage,
    namesStage,
    // after the recognisers: a time word inside a name they found ("Fox News Sunday") is no time
    timesStage,
    entitiesStage,
    corefStage,
    actorsStage,
    relationsStage,
    quotesStage,
    corefSpeechStage,
    eventsStage,
    placesStage,
  ]);
}

let shared: Pipeline | null = null;

/** Run the default pipeline on one document. */
export function extractDoc(input: DocInput): Doc {
  shared ??= createPipeline();
  return shared.process(input);
}

/**
 * Run the default pipeline and return the versioned JSON result. A text longer than SECTION_CHARS
 * goes through by sections, joined into one result (src/output/sections.ts), so memory follows the
 * section, not the document.
 */
export function extract(input: DocInput, options: ResultOptions = {}): Result {
  assertDocInput(input);
  return extractBySections(input, (section) => toResult(extractDoc(section), options));
}
