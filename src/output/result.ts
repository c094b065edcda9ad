import type { Doc } from '../doc.js';
import type { Result } from './schema.js';
import { SCHEMA_VERSION } from './version.js';

export interface ResultOptions {
  tokens?: boolean;
}

/** The Doc as the versioned JSON result (see schema.ts). */
export function toResult(doc: Doc, options: ResultOptions = {}): Result {
  const result: Result = {
    schema: SCHEMA_VERSION,
    id: doc.id,
    source: doc.source,
    url: doc.url,
    title: doc.title,
    published: doc.published,
    published_source: doc.publishedSource,
    ...(doc.meta ? { meta: { byline: doc.meta.byline ?? null, site_name: doc.meta.siteName ?? null, language: doc.meta.language ?? null } } : {}),
    text: doc.text,
    sentences: doc.sentences.map((s) => ({ start: s.start, end: s.end })),
    entities: doc.entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      mentions: e.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text, kind: m.kind, ...(m.kind !== 'name' && m.corefScore !== undefined ? { confidence: m.corefScore } : {}) })),
      ...(e.codes && e.codes.length ? { codes: e.codes } : {}),
      ...(e.attributes && Object.keys(e.attributes).length ? { attributes: e.attributes } : {}),
      ...(e.place ? { place: { ...e.place, evidence: e.place.evidence.map((x) => ({ ...x })) } } : {}),
    })),
    quotes: doc.quotes.map((q) => ({ ...q })),
    times: doc.times.map((t) => ({ ...t })),
    relations: doc.relations.map((r) => ({ ...r })),
    events: doc.events.map(({ place, placeSource, ...e }) => ({ ...e, place: place ? { ...place } : null, place_source: placeSource ?? 'none' })),
  };
  if (options.tokens) {
    result.tokens = doc.tokens.map((t) => ({
      start: t.start,
      end: t.end,
      text: t.text,
      ...(t.upos !== undefined ? { upos: t.upos } : {}),
      ...(t.xpos !== undefined ? { xpos: t.xpos } : {}),
      ...(t.lemma !== undefined ? { lemma: t.lemma } : {}),
      ...(t.head !== undefined ? { head: t.head } : {}),
      ...(t.deprel !== undefined ? { deprel: t.deprel } : {}),
    }));
  }
  return result;
}
