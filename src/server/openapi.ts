/**
 * OpenAPI 3.1 document built from the routes' own JSON schemas as they are registered, so the
 * document cannot drift from what the server validates.
 */
import type { FastifyInstance, RouteOptions } from 'fastify';
import fp from './plugin.js';

interface RouteSchema {
  summary?: string;
  description?: string;
  tags?: string[];
  params?: { properties?: Record<string, object>; required?: string[] };
  querystring?: { properties?: Record<string, object>; required?: string[] };
  body?: object;
  response?: Record<string, object>;
  hide?: boolean;
  security?: Array<Record<string, string[]>>;
}

export const openApiPlugin = fp(async (app: FastifyInstance) => {
  const paths: Record<string, Record<string, object>> = {};
  app.addHook('onRoute', (route: RouteOptions) => {
    const schema = (route.schema ?? {}) as RouteSchema;
    if (schema.hide || !route.url.startsWith('/api/')) return;
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    const parameters = [
      ...Object.entries(schema.params?.properties ?? {}).map(([name, s]) => ({ name, in: 'path', required: true, schema: s })),
      ...Object.entries(schema.querystring?.properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: schema.querystring?.required?.includes(name) ?? false, schema: s })),
    ];
    const responses: Record<string, object> = {};
    for (const [code, s] of Object.entries(schema.response ?? { 200: {} })) {
      // a response that names its media types (a CSV or GraphML download) is described as it is
      responses[code] = 'content' in s ? { description: code.startsWith('2') ? 'OK' : 'error', ...s } : { description: code.startsWith('2') ? 'OK' : 'error', content: { 'application/json': { schema: s } } };
    }
    for (const method of methods) {
      paths[path] ??= {};
      paths[path][method.toLowerCase()] = {
        summary: schema.summary,
        description: schema.description,
        tags: schema.tags,
        parameters,
        ...(schema.body ? { requestBody: { required: true, content: { 'application/json': { schema: schema.body } } } } : {}),
        ...(schema.security ? { security: schema.security } : {}),
        responses,
      };
    }
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => ({
    openapi: '3.1.0',
    info: {
      title: 'Chronicle API',
      version: '1.0.0',
      description: 'Documents, identities across documents and case timelines extracted from news articles. Every fact cites its source document and sentence.',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'needed for write routes when the server runs with CHRONICLE_TOKEN' } } },
    paths,
  }));
});

declare module 'fastify' {
  interface FastifySchema {
    summary?: string;
    description?: string;
    tags?: string[];
    security?: Array<Record<string, string[]>>;
    /** leave the route out of the OpenAPI document */
    hide?: boolean;
  }
}
