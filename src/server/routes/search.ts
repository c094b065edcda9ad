import type { FastifyInstance } from 'fastify';
import { searchHits } from '../schemas.js';

export async function searchRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: { q: string; limit?: number } }>('/search', {
    schema: {
      summary: 'Full-text search over documents and quotes, plus matching identities',
      tags: ['search'],
      querystring: {
        type: 'object',
        required: ['q'],
        properties: { q: { type: 'string', minLength: 1, maxLength: 500 }, limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
      },
      response: { 200: searchHits },
    },
  }, async (req, reply) => app.sendCached(reply, `search?${JSON.stringify([req.query.q, req.query.limit ?? null])}`, () => app.store.search(req.query.q, { limit: req.query.limit })));
}
