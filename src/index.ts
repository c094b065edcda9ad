export { Doc } from './doc.js';
export type { DocInput, Token, Sentence, Mention, Entity, Quote, TimeExpression, Relation, EventRecord, EntityType } from './doc.js';
export { Pipeline, type Stage } from './pipeline.js';
export { createPipeline, extract } from './extract.js';
export { toResult } from './output/result.js';
export { ResultSchema, SCHEMA_VERSION, type Result } from './output/schema.js';
