import type { FastifyInstance } from 'fastify';
import { extract } from '../../extract.js';
import { InputError, toDocInput } from '../../ingest/input.js';
import { documentInput, documentSummary, errorSchema, idParams } from '../schemas.js';

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
      summary: 'One document: text, extraction result and the identity of each of its entities',
      tags: ['documents'],
      params: idParams,
      response: {
        200: {
          type: 'object',
          properties: {
            ...documentSummary.properties,
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
      summary: 'Extract one article and store it (the same content twice is stored once)',
      description: 'Body as for `chronicle extract`: {id?, text, published?, title?, source?, url?}. Needs a bearer token when the server has one.',
      tags: ['documents'],
      security: [{ bearer: [] }],
      body: documentInput,
      response: {
        200: { type: 'object', properties: { id: { type: 'integer' }, status: { type: 'string' }, entities: { type: 'integer' }, events: { type: 'integer' } } },
        201: { type: 'object', properties: { id: { type: 'integer' }, status: { type: 'string' }, entities: { type: 'integer' }, events: { type: 'integer' } } },
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
    if (known !== null) return reply.code(200).send({ id: known, status: 'unchanged', entities: 0, events: 0 });
    const out = await app.store.ingest(extract(input));
    return reply.code(out.status === 'added' ? 201 : 200).send(out);
  });
}
