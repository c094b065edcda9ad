import type { FastifyInstance } from 'fastify';
import { eventsGeoJson } from '../../store/places.js';
import { worldMap } from '../world-map.js';
import { errorSchema, rowId } from '../schemas.js';

const country = { type: 'string', pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2 country code (LB, UA, US …)' } as const;

/** Placed events as GeoJSON, and the offline world map the app draws them on. */
export async function placeRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: { entity?: number; country?: string; limit?: number } }>('/events.geojson', {
    schema: {
      summary: 'Events placed in the world as a GeoJSON FeatureCollection (one Point per event, with its PLOVER type, date, place, sentence and document); for one identity and/or one country',
      tags: ['places'],
      querystring: {
        type: 'object',
        properties: { entity: rowId, country, limit: { type: 'integer', minimum: 1, maximum: 5000, default: 500 } },
      },
      // the body is built by eventsGeoJson; its shape is RFC 7946's
      response: { 200: { type: 'object', additionalProperties: true }, 400: errorSchema },
    },
  }, async (req, reply) => {
    const rows = await app.store.eventPlaces({ entity: req.query.entity, country: req.query.country, limit: req.query.limit });
    return reply.type('application/geo+json; charset=utf-8').send(eventsGeoJson(rows));
  });

  app.get<{ Querystring: { entity?: number } }>('/places/countries', {
    schema: {
      summary: 'The countries events are placed in, with their event counts (of one identity\'s events with entity=ID): the choices of a country filter',
      tags: ['places'],
      querystring: { type: 'object', properties: { entity: rowId } },
      response: { 200: { type: 'array', items: { type: 'object', properties: { country: { type: 'string' }, events: { type: 'integer' } } } } },
    },
  }, async (req) => app.store.eventCountries({ entity: req.query.entity }));

  app.get('/map/world', {
    schema: {
      summary: 'The offline world map: country outlines (Natural Earth 1:110m, world-atlas) as SVG paths in an equirectangular projection, with the projection to place markers',
      tags: ['places'],
      response: { 200: { type: 'object', additionalProperties: true } },
    },
  }, async (_req, reply) => reply.header('cache-control', 'public, max-age=86400').send(worldMap()));
}
