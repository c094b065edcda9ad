import type { FastifyInstance } from 'fastify';
import { extract } from '../../extract.js';
import { InputError, toDocInput } from '../../ingest/input.js';
import { copyView, documentInput, documentSummary, errorSchema, idParams, ingestOutcome } from '../schemas.js';

export async function documentRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: { limit?: number; offset?: number } }>('/documents', {
    schema: {
      summary: 'List stored documents, newest first',
      tags: ['documents'],
      querystring: {
        type: 'object',
        properties: { limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 }, offset: { type: 'integer', minimum: 0, default: 0 } },
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
          },
        },
        404: errorSchema,
      },
    },
  }, async (req, reply) => {
    const doc = await app.store.getDocument(req.params.id);
    if (!doc) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no document ${req.params.id}` });
    return doc;
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
    const out = await app.store.ingest(extract(input));
    return reply.code(out.status === 'added' ? 201 : 200).send(out);
  });
}
