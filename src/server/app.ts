/**
 * The Chronicle server: a Fastify app made of plugins (OpenAPI, auth, API routes, web app).
 * Routes declare JSON schemas; Fastify validates requests against them and the OpenAPI
 * document at /openapi.json is generated from the same schemas.
 */
import { timingSafeEqual } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { BadRequest, NotFound, type Store } from '../store/index.js';
import { ExtractPool } from '../ingest/pool.js';
import { openApiPlugin } from './openapi.js';
import { documentRoutes } from './routes/documents.js';
import { entityRoutes } from './routes/entities.js';
import { searchRoutes } from './routes/search.js';
import { placeRoutes } from './routes/places.js';
import { exportRoutes } from './routes/exports.js';
import { displayReplacer } from './display.js';
import { GenerationReader, ResponseCache } from './cache.js';
import { securityHeaders, securityPlugin } from './security.js';

export interface ServerOptions {
  store: Store;
  /** when set, write routes need `Authorization: Bearer <token>` */
  token?: string | null;
  /** refuse every write route (a public read-only mirror) */
  readOnly?: boolean;
  /** directory of the built web app; default web/dist of this package */
  webRoot?: string | null;
  logger?: boolean;
  /** largest request body, bytes */
  bodyLimit?: number;
  /** Host names the server answers for besides loopback ones (--allowed-host); any other Host gets 421 */
  allowedHosts?: readonly string[];
  /** seconds of extraction allowed per MB of a posted document (limits.ts; 0: no budget) */
  secondsPerMb?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
    /** extraction off the request thread: one worker thread, made at the first POST, with the time budget */
    extractor: () => ExtractPool;
    /** preHandler for routes that change the store */
    requireWrite: (req: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** answers of read routes, kept while the store's generation stands (cache.ts) */
    readCache: ResponseCache;
    /**
     * Sends the JSON answer for `key` from the read cache, or builds it with `build` (null: not
     * found; then nothing is sent and null is returned, for the route to answer 404).
     */
    sendCached: (reply: FastifyReply, key: string, build: () => Promise<unknown>) => Promise<FastifyReply | null>;
  }
}

export const DEFAULT_WEB_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../../web/public');

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: 'info' } : false,
    bodyLimit: options.bodyLimit ?? 12 * 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, allErrors: false } },
    // errors Fastify answers before any route or hook (a malformed URL such as /%c0%ae, a bad
    // content type): the same error shape and the same security headers as every other answer
    frameworkErrors: (err, req, reply) => {
      const r = reply as unknown as FastifyReply;
      securityHeaders(r, req.url ?? '');
      const status = (err as { statusCode?: number }).statusCode ?? 400;
      void r.code(status).send({ statusCode: status, error: STATUS_CODES[status] ?? 'Bad Request', message: err.message });
    },
  });
  app.decorate('store', options.store);
  let pool: ExtractPool | null = null;
  app.decorate('extractor', () => (pool ??= new ExtractPool(1, { secondsPerMb: options.secondsPerMb })));
  app.addHook('onClose', async () => {
    await pool?.close();
  });
  app.decorate('requireWrite', async (req: FastifyRequest, reply: FastifyReply) => {
    if (options.readOnly) {
      await reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: 'this server is read-only' });
      return reply;
    }
    if (options.token) {
      const header = req.headers.authorization ?? '';
      const given = /^Bearer (.+)$/i.exec(header)?.[1] ?? '';
      if (!given || !sameSecret(given, options.token)) {
        await reply.code(401).header('www-authenticate', 'Bearer').send({ statusCode: 401, error: 'Unauthorized', message: 'a valid bearer token is required for this route' });
        return reply;
      }
    }
  });

  // the store returns objects already in the documented shape; plain JSON.stringify is faster
  // than compiled serialisers on large, nullable-heavy case files (response schemas still
  // document the API in /openapi.json)
  // (the replacer takes bidirectional controls out of names and titles: displayText)
  const serialize = (data: unknown) => JSON.stringify(data, displayReplacer);
  app.setSerializerCompiler(() => serialize);
  app.decorate('readCache', new ResponseCache());
  const generation = new GenerationReader(() => options.store.generation());
  app.decorate('sendCached', async (reply: FastifyReply, key: string, build: () => Promise<unknown>) => {
    const answer = await app.readCache.get(key, await generation.get(), async () => {
      const value = await build();
      return value === null || value === undefined ? null : serialize(value);
    });
    if (answer === null) return null;
    reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
    const gz = acceptsGzip(reply.request.headers['accept-encoding']) ? app.readCache.gzipOf(answer) : null;
    return gz ? reply.header('content-encoding', 'gzip').send(gz) : reply.send(answer.body);
  });

  app.setErrorHandler((err: Error & { statusCode?: number; validation?: unknown }, req, reply) => {
    if (err instanceof NotFound) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: err.message });
    if (err instanceof BadRequest) return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: err.message });
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (status >= 500) req.log.error(err);
    // the reason phrase of the status: 413 Payload Too Large, 429 Too Many Requests, …
    const error = status >= 500 ? 'Internal Server Error' : STATUS_CODES[status] === 'Content Too Large' ? 'Payload Too Large' : STATUS_CODES[status] ?? 'Bad Request';
    return reply.code(status).send({ statusCode: status, error, message: status >= 500 ? 'internal error' : err.message });
  });

  // request bodies are taken as sent: {"text": 42} is refused by name, not coerced to "42"
  // (coercion stays on for query strings and path parameters, which are text by nature)
  app.addHook('preValidation', async (req, reply) => {
    const schema = req.routeOptions.schema?.body as BodySchema | undefined;
    const problem = schema ? wrongBodyType(req.body, schema) : null;
    if (problem) {
      await reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: problem });
      return reply;
    }
  });

  // Ajv coerces "Infinity" and "1e400" in a path or query to Infinity and then skips its
  // minimum/maximum checks for non-finite numbers: refuse them here, before any handler
  app.addHook('preHandler', async (req, reply) => {
    for (const [where, values] of [['params', req.params], ['querystring', req.query]] as const) {
      if (!values || typeof values !== 'object') continue;
      for (const [key, v] of Object.entries(values as Record<string, unknown>)) {
        if (typeof v === 'number' && !Number.isFinite(v)) {
          await reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: `${where}/${key} must be a finite number` });
          return reply;
        }
      }
    }
  });

  await app.register(securityPlugin, { tokenRequired: Boolean(options.token), allowedHosts: options.allowedHosts });
  await app.register(openApiPlugin);
  await app.register(documentRoutes, { prefix: '/api' });
  await app.register(entityRoutes, { prefix: '/api' });
  await app.register(searchRoutes, { prefix: '/api' });
  await app.register(placeRoutes, { prefix: '/api' });
  await app.register(exportRoutes, { prefix: '/api' });
  app.get('/api/health', { schema: { hide: true } }, async () => ({ ok: true, store: options.store.kind }));

  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, prefix: '/', index: ['index.html'], maxAge: 0 });
  } else {
    app.get('/', { schema: { hide: true } }, async (_req, reply) => reply.type('text/plain').send('Chronicle API: see /openapi.json (the web app is not built: npm run build:web)\n'));
  }
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no route ${req.method} ${req.url.split('?')[0]}` }));
  return app;
}

interface BodySchema {
  type?: string | string[];
  properties?: Record<string, BodySchema>;
  items?: BodySchema;
}

/** JSON Schema type names a JSON value satisfies. */
function jsonTypes(value: unknown): string[] {
  if (value === null) return ['null'];
  if (Array.isArray(value)) return ['array'];
  if (typeof value === 'number') return Number.isInteger(value) ? ['integer', 'number'] : ['number'];
  return [typeof value];
}

/**
 * The first body field whose JSON type the route's schema does not allow ("body/text must be
 * string, got number"), before Ajv would coerce it; null when every declared field is right.
 */
export function wrongBodyType(body: unknown, schema: BodySchema): string | null {
  if (body === null || typeof body !== 'object' || Array.isArray(body) || !schema.properties) return null;
  for (const [key, prop] of Object.entries(schema.properties)) {
    const value = (body as Record<string, unknown>)[key];
    if (value === undefined || prop.type === undefined) continue;
    const allowed = Array.isArray(prop.type) ? prop.type : [prop.type];
    const got = jsonTypes(value);
    if (!got.some((t) => allowed.includes(t))) return `body/${key} must be ${allowed.join(' or ')}, got ${got[got.length - 1]}`;
    if (Array.isArray(value) && prop.items?.type !== undefined) {
      const itemTypes = Array.isArray(prop.items.type) ? prop.items.type : [prop.items.type];
      const i = value.findIndex((v) => !jsonTypes(v).some((t) => itemTypes.includes(t)));
      if (i >= 0) return `body/${key}/${i} must be ${itemTypes.join(' or ')}, got ${jsonTypes(value[i]).pop()}`;
    }
  }
  return null;
}

/** Whether an Accept-Encoding header admits gzip ("gzip, deflate, br"; not "gzip;q=0"). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : header ?? '';
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((x) => x !== undefined);
    return q === undefined || Number(q) > 0;
  });
}

/** 127.0.0.1, ::1, localhost: a server only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
