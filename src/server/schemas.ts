/**
 * JSON schemas of the API: Fastify validates requests with them (and serialises responses
 * with the response schemas), and the OpenAPI document is built from the same objects.
 */

const str = { type: 'string' } as const;
const nstr = { type: ['string', 'null'] } as const;
const int = { type: 'integer' } as const;
const nint = { type: ['integer', 'null'] } as const;

/**
 * A row id on either store: 1 to 2^53 − 1. Larger, fractional or infinite values are refused
 * here with 400 (they are no row on SQLite and an error on PostgreSQL's BIGINT).
 */
export const rowId = { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER } as const;

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { ...rowId, description: 'numeric id' } },
} as const;

/** Paging offset: any whole number a page can start at (beyond the store gives an empty page). */
export const offsetParam = { type: 'integer', minimum: 0, maximum: 1_000_000_000, default: 0 } as const;

export const errorSchema = {
  type: 'object',
  properties: { statusCode: int, error: str, message: str },
} as const;

export const sourceRef = {
  type: 'object',
  properties: { document_id: int, title: nstr, source: nstr, published: nstr, url: nstr },
} as const;

/** near-duplicate copies of a source: listed under it, not counted as further sources */
const copies = { type: 'array', description: 'near-duplicate copies (syndicated or lightly edited) of this source', items: sourceRef } as const;

const sourceWithSentence = {
  type: 'object',
  properties: { ...sourceRef.properties, sentence: str, copies },
} as const;

/** the first copy of the story a near-duplicate repeats */
export const duplicateRef = {
  type: ['object', 'null'],
  description: 'set when this document is a near-duplicate of an earlier one (its first copy); its facts are not counted again',
  properties: { id: int, title: nstr, similarity: { type: ['number', 'null'], description: 'estimated Jaccard similarity of word 5-shingles' } },
} as const;

export const documentSummary = {
  type: 'object',
  properties: {
    id: int, external_id: nstr, title: nstr, source: nstr, url: nstr, published: nstr, ingested_at: str,
    entity_count: int, event_count: int, quote_count: int,
    duplicate_of: duplicateRef,
    copy_count: { type: 'integer', description: 'near-duplicates linked to this document as their first copy' },
  },
} as const;

export const copyView = {
  type: 'object',
  properties: { id: int, title: nstr, source: nstr, published: nstr, url: nstr, similarity: { type: ['number', 'null'] } },
} as const;

export const ingestOutcome = {
  type: 'object',
  properties: {
    id: int, status: { type: 'string', enum: ['added', 'unchanged'] }, entities: int, events: int,
    duplicate_of: { type: ['integer', 'null'], description: 'the first copy of the story when this document is a near-duplicate' },
    similarity: { type: ['number', 'null'] },
  },
} as const;

export const entitySummary = {
  type: 'object',
  properties: {
    id: int, name: str, type: str,
    aliases: { type: 'array', items: str },
    document_count: { type: 'integer', description: 'stories naming it: a near-duplicate and its first copy count once' },
    mention_count: { type: 'integer', description: 'mentions, the copies of one story counted once' },
  },
} as const;

const relationView = {
  type: 'object',
  properties: {
    type: str, role: nstr, side: { type: 'string', enum: ['subject', 'object'] },
    other: { type: 'object', properties: { id: nint, name: str, type: str } },
    sources: { type: 'array', items: sourceWithSentence },
  },
} as const;

const quoteView = {
  type: 'object',
  properties: {
    ...sourceRef.properties, quote_id: int, text: str, kind: str, start: int, end: int,
    speaker: { type: ['object', 'null'], properties: { id: nint, name: str } },
    confidence: { type: ['number', 'null'] },
    copies,
  },
} as const;

export const entityProfile = {
  type: 'object',
  properties: {
    ...entitySummary.properties,
    members: {
      type: 'array',
      description: 'the document entities grouped into this identity, with the evidence for each link',
      items: { type: 'object', properties: { ...sourceRef.properties, member_id: int, name: str, confidence: { type: ['number', 'null'] }, method: nstr, evidence: nstr, duplicate_of: nint } },
    },
    relations: { type: 'array', items: relationView },
    quotes: { type: 'object', properties: { by: { type: 'array', items: quoteView }, about: { type: 'array', items: quoteView } } },
  },
} as const;

const eventSource = {
  type: 'object',
  properties: {
    ...sourceRef.properties, event_id: int, sentence: str, trigger: str, trigger_start: int, trigger_end: int,
    date_text: nstr, date_basis: nstr, negated: { type: 'boolean' }, modality: nstr, factuality: str, copies,
    place: {
      type: ['object', 'null'],
      properties: { name: nstr, country: nstr, lat: { type: ['number', 'null'] }, lon: { type: ['number', 'null'] }, source: str },
    },
    confidence: { type: ['number', 'null'] },
  },
} as const;

export const caseFile = {
  type: 'object',
  properties: {
    entity: entitySummary,
    events: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          date: nstr, type: str, mode: nstr, cameo: nstr, roles: { type: 'array', items: str }, location: nstr, negated: { type: 'boolean' }, factuality: str,
          confidence: { type: ['number', 'null'] },
          participants: { type: 'array', items: { type: 'object', properties: { id: nint, name: str, role: str } } },
          sources: { type: 'array', items: eventSource },
        },
      },
    },
    status: { type: 'array', items: { type: 'object', properties: { status: str, from: nstr, to: nstr, sources: { type: 'array', items: sourceRef } } } },
    conflicts: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          kind: str, about: str,
          claims: { type: 'array', items: { type: 'object', properties: { value: str, sources: { type: 'array', items: sourceWithSentence } } } },
        },
      },
    },
    relations: { type: 'array', items: relationView },
  },
} as const;

export const searchHits = {
  type: 'object',
  properties: {
    documents: {
      type: 'array',
      description: 'one hit per story: a near-duplicate found with its first copy is listed in that hit\'s copies; others are marked duplicate_of',
      items: {
        type: 'object',
        properties: {
          id: int, title: nstr, published: nstr, source: nstr, snippet: str, duplicate_of: duplicateRef,
          copies: { type: 'array', items: { type: 'object', properties: { id: int, title: nstr, source: nstr } } },
        },
      },
    },
    quotes: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: int, document_id: int, title: nstr, text: str, speaker: { type: ['object', 'null'], properties: { id: nint, name: str } },
          copies: { type: 'array', items: { type: 'object', properties: { document_id: int, title: nstr } } },
        },
      },
    },
    entities: { type: 'array', items: entitySummary },
  },
} as const;

export const documentInput = {
  type: 'object',
  required: ['text'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', maxLength: 200 },
    text: { type: 'string', minLength: 1 },
    published: { type: ['string', 'null'], description: 'YYYY-MM-DD or an ISO timestamp' },
    title: { type: ['string', 'null'], maxLength: 1000 },
    source: { type: ['string', 'null'], maxLength: 1000 },
    url: { type: ['string', 'null'], maxLength: 4000 },
  },
} as const;
