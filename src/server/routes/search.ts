import type { FastifyInstance } from 'fastify';
import { searchHits } from '../schemas.js';

export async function searchRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: { q: string; limit?: number; country?: string } }>('/search', {
    schema: {
      summary: 'Full-text search over documents and quotes, plus matching identities',
      tags: ['search'],
      querystring: {
        type: 'object',
        required: ['q'],
        properties: {
          q: { type: 'string', minLength: 1, maxLength: 500 }, limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
          country: { type: 'string', pattern: '^[A-Za-z]{2}$', description: 'only documents placing an event or naming a place in this country (ISO 3166-1 alpha-2)' },
        },
      },
      response: { 200: searchHits },
    },
  }, async (req, reply) => {
    const { q, limit, country } = req.query;
    return app.sendCached(reply, `search?${JSON.stringify([q, limit ?? null, country ?? null])}`, () => app.store.search(q, { limit, country }));
  });
}
