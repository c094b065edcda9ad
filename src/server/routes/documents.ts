import type { FastifyInstance } from 'fastify';
import { BudgetError } from '../../ingest/limits.js';
import { InputError, toDocInput } from '../../ingest/input.js';
import { displayNotes } from '../display.js';
import { copyView, documentInput, documentSummary, errorSchema, idParams, ingestOutcome, offsetParam } from '../schemas.js';

export async function documentRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: { limit?: number; offset?: number } }>('/documents', {
    schema: {
      summary: 'List stored documents, newest first',
      tags: ['documents'],
      querystring: {
        type: 'object',
        properties: { limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 }, offset: offsetParam },
      },
      response: { 200: { type: 'object', properties: { total: { type: 'integer' }, items: { type: 'array', items: documentSummary } } } },
    },
  }, async (req) => app.store.listDocuments({ limit: req.query.limit, offset: req.query.offset }));

  app.get<{ Params: { id: number } }>('/documents/:id', {
    schema: {
      summary: 'One document: text, extraction result, the identity of each of its entities, and its near-duplicate links',
      tags: ['documents'],
      params: idParams,
      response: {
        200: {
          type: 'object',
          properties: {
            ...documentSummary.properties,
            copies: { type: 'array', items: copyView, description: 'near-duplicates of this document (when it is the first copy of a story)' },
            text: { type: 'string' },
            result: { type: 'object', additionalProperties: true, description: 'the extraction result (see the result JSON schema)' },
            identities: { type: 'object', additionalProperties: true, description: 'document entity id → {id, name, type} of its identity' },
            notes: { type: 'array', items: { type: 'string' }, description: 'what was changed for display (bidirectional control characters removed from the title or names)' },
          },
        },
        404: errorSchema,
      },
    },
  }, async (req, reply) => {
    const doc = await app.store.getDocument(req.params.id);
    if (!doc) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no document ${req.params.id}` });
    return { ...doc, notes: displayNotes(doc) };
  });

  app.post<{ Body: Record<string, unknown> }>('/documents', {
    preHandler: app.requireWrite,
    schema: {
      summary: 'Extract one article and store it (the same content twice is stored once; a near-duplicate is linked to its first copy)',
      description: 'Body as for `chronicle extract`: {id?, text, published?, title?, source?, url?}. Needs a bearer token when the server has one.',
      tags: ['documents'],
      security: [{ bearer: [] }],
      body: documentInput,
      response: {
        200: ingestOutcome,
        201: ingestOutcome,
        400: errorSchema,
        401: errorSchema,
        422: errorSchema,
      },
    },
  }, async (req, reply) => {
    let input;
    try {
      input = toDocInput(req.body, 'api');
    } catch (err) {
      if (err instanceof InputError) return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: err.message });
      throw err;
    }
    const known = await app.store.findByContent(input);
    if (known !== null) {
      const doc = await app.store.getDocument(known);
      return reply.code(200).send({ id: known, status: 'unchanged', entities: 0, events: 0, duplicate_of: doc?.duplicate_of?.id ?? null, similarity: doc?.duplicate_of?.similarity ?? null });
    }
    // extracted in a worker thread: reads go on while a large document is extracted, and one
    // over its time budget is stopped (422) instead of holding the server
    let extracted;
    try {
      extracted = await app.extractor().extract(input);
    } catch (err) {
      if (err instanceof BudgetError) return reply.code(422).send({ statusCode: 422, error: 'Unprocessable Entity', message: err.message });
      throw err;
    }
    const out = await app.store.ingest(extracted.result, extracted.sketch);
    return reply.code(out.status === 'added' ? 201 : 200).send(out);
  });
}
