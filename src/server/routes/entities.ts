import type { FastifyInstance } from 'fastify';
import { ENTITY_TYPES } from '../../doc.js';
import { caseFile, entityProfile, entitySummary, errorSchema, idParams, rowId } from '../schemas.js';

const country = { type: 'string', pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2 country code: only identities with a place or an event there' } as const;

export async function entityRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: { q?: string; type?: string; limit?: number; country?: string } }>('/entities', {
    schema: {
      summary: 'Identities by name (any spelling or alias) and type, most documented first',
      tags: ['entities'],
      querystring: {
        type: 'object',
        properties: {
          q: { type: 'string', maxLength: 200, description: 'a name, alias or spelling variant (Trufanow finds Trufanov)' },
          type: { type: 'string', enum: [...ENTITY_TYPES] },
          limit: { type: 'integer', minimum: 1, maximum: 200, default: 20 },
          country,
        },
      },
      response: { 200: { type: 'array', items: entitySummary } },
    },
  }, async (req, reply) => {
    const { q, type, limit, country } = req.query;
    return app.sendCached(reply, `entities?${JSON.stringify([q ?? null, type ?? null, limit ?? null, country ?? null])}`, () => app.store.searchEntities({ q, type, limit, country }));
  });

  app.get<{ Params: { id: number } }>('/entities/:id', {
    schema: {
      summary: 'An identity: aliases, the document entities it groups with the evidence, relations, quotes by and about it',
      tags: ['entities'],
      params: idParams,
      response: { 200: entityProfile, 404: errorSchema },
    },
  }, async (req, reply) => {
    const sent = await app.sendCached(reply, `entity ${req.params.id}`, () => app.store.getEntity(req.params.id));
    return sent ?? reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no entity ${req.params.id}` });
  });

  app.get<{ Params: { id: number }; Querystring: { country?: string } }>('/entities/:id/timeline', {
    schema: {
      summary: 'The case file: events by date with sources, status over time, conflicts between sources, relations; with country, only the events placed there',
      tags: ['entities'],
      params: idParams,
      querystring: { type: 'object', properties: { country } },
      response: { 200: caseFile, 404: errorSchema },
    },
  }, async (req, reply) => {
    // built once per change of the store, however often it is asked for (cache.ts)
    const country = req.query.country;
    const sent = await app.sendCached(reply, `timeline ${req.params.id} ${country ?? ''}`, () => app.store.timeline(req.params.id, { country }));
    return sent ?? reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no entity ${req.params.id}` });
  });

  app.post<{ Params: { id: number }; Body: { other: number; note?: string } }>('/entities/:id/merge', {
    preHandler: app.requireWrite,
    schema: {
      summary: 'Merge another identity into this one by hand (kept across re-ingestion and recomputation)',
      tags: ['entities'],
      security: [{ bearer: [] }],
      params: idParams,
      body: { type: 'object', required: ['other'], additionalProperties: false, properties: { other: rowId, note: { type: 'string', maxLength: 1000 } } },
      response: { 200: { type: 'object', properties: { id: { type: 'integer' } } }, 400: errorSchema, 401: errorSchema, 404: errorSchema },
    },
  }, async (req) => ({ id: await app.store.merge(req.params.id, req.body.other, req.body.note) }));

  app.post<{ Params: { id: number }; Body: { members: number[]; note?: string } }>('/entities/:id/split', {
    preHandler: app.requireWrite,
    schema: {
      summary: 'Split document entities (member ids from GET /api/entities/:id) out into a new identity (kept across re-ingestion)',
      tags: ['entities'],
      security: [{ bearer: [] }],
      params: idParams,
      body: {
        type: 'object', required: ['members'], additionalProperties: false,
        properties: { members: { type: 'array', minItems: 1, maxItems: 10000, items: rowId }, note: { type: 'string', maxLength: 1000 } },
      },
      response: { 200: { type: 'object', properties: { id: { type: 'integer' } } }, 400: errorSchema, 401: errorSchema, 404: errorSchema },
    },
  }, async (req) => ({ id: await app.store.split(req.params.id, req.body.members, req.body.note) }));

  app.post('/identities/recompute', {
    preHandler: app.requireWrite,
    schema: {
      summary: 'Recompute every identity from scratch with the current rules, applying the manual merge and split decisions',
      tags: ['entities'],
      security: [{ bearer: [] }],
      response: { 200: { type: 'object', properties: { entities: { type: 'integer' }, seconds: { type: 'number' } } }, 401: errorSchema },
    },
  }, async () => {
    const started = performance.now();
    await app.store.resolveAll();
    return { entities: (await app.store.stats()).entities, seconds: Math.round(performance.now() - started) / 1000 };
  });
}
