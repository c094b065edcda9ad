/**
 * Security plugin: what a server holding sensitive case files needs beyond the bearer token
 * and schema validation in app.ts.
 *  - rate limiting on write routes (POST/PUT/PATCH/DELETE) per client address, with
 *    @fastify/rate-limit; reads are not limited (the web app makes many small reads);
 *  - cross-site writes refused: a write whose Origin header names another site is a forged
 *    request from a page the analyst happens to have open (CSRF), whatever the token;
 *  - DNS rebinding refused: every request, read or write, must name an allowed Host (loopback
 *    names, plus the names given with --allowed-host); any other Host was sent by a page whose
 *    domain now resolves to this server, and gets 421 before any route runs. A server with
 *    open writes (no token) also refuses writes for any Host that is not loopback;
 *  - no CORS: no Access-Control-* header is ever sent, so other sites cannot read the API,
 *    and preflight requests are answered 405 (Fastify's default is a 404 that says the same);
 *  - extra headers beside the CSP set in app.ts: no framing (also for old browsers), no
 *    cross-origin embedding of responses, no powerful browser features, no caching of API
 *    answers in shared caches.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import fp from './plugin.js';

export interface SecurityOptions {
  /** writes need a bearer token (then cross-origin and rebinding checks still apply) */
  tokenRequired?: boolean;
  /** Host names (or host:port) accepted besides loopback ones: the names the server is reached by */
  allowedHosts?: readonly string[];
  /** write requests allowed per client address per window (default 120, or $CHRONICLE_WRITE_RATE) */
  writeMax?: number;
  /** the rate-limit window in milliseconds (default one minute) */
  writeWindowMs?: number;
}

export const DEFAULT_WRITE_MAX = 120;
export const DEFAULT_WRITE_WINDOW_MS = 60_000;

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Host names that reach only this machine: localhost, 127.x.y.z, ::1 (with or without a port). */
export function isLoopbackHostHeader(host: string | undefined): boolean {
  if (!host) return false;
  const h = host.toLowerCase();
  const name = h.startsWith('[') ? h.slice(1, h.indexOf(']')) : h.replace(/:\d+$/, '');
  return name === 'localhost' || name.endsWith('.localhost') || name === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/** The name in a Host header, lower-cased, without the port: "[::1]:8787" → "::1". */
export function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  return h.startsWith('[') ? h.slice(1, h.indexOf(']')) : h.replace(/:\d*$/, '');
}

/**
 * A Host check for every request: loopback names always, and each allowed entry, either a name
 * (any port: "chronicle.example.org") or a name with its port ("chronicle.example.org:8443").
 */
export function hostAllowList(allowed: readonly string[] = []): (host: string | undefined) => boolean {
  const names = new Set<string>();
  const withPort = new Set<string>();
  for (const a of allowed) {
    const v = a.trim().toLowerCase().replace(/\.$/, '');
    if (!v) continue;
    if (/:\d+$/.test(v) && !/^[^[].*:.*:/.test(v)) withPort.add(v);
    else names.add(v.replace(/^\[(.*)\]$/, '$1'));
  }
  return (host) => {
    if (!host) return false;
    if (isLoopbackHostHeader(host)) return true;
    const h = host.trim().toLowerCase();
    return names.has(hostName(h).replace(/\.$/, '')) || withPort.has(h);
  };
}

/** "https://a.example:8443/x" → "a.example:8443"; null for "null" and malformed origins. */
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

const REASONS: Record<number, string> = { 403: 'Forbidden', 405: 'Method Not Allowed', 421: 'Misdirected Request' };

function refuse(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply.code(status).send({ statusCode: status, error: REASONS[status], message });
}

async function security(app: FastifyInstance, options: SecurityOptions): Promise<void> {
  const envMax = Number(process.env.CHRONICLE_WRITE_RATE);
  const max = options.writeMax ?? (Number.isInteger(envMax) && envMax > 0 ? envMax : DEFAULT_WRITE_MAX);
  await app.register(rateLimit, {
    global: true,
    max,
    timeWindow: options.writeWindowMs ?? DEFAULT_WRITE_WINDOW_MS,
    // only writes count; reads pass untouched
    allowList: (req: FastifyRequest) => !WRITE_METHODS.has(req.method),
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      error: 'Too Many Requests',
      message: `too many write requests: at most ${ctx.max} per ${ctx.after}; retry later`,
    }),
  });

  const hostAllowed = hostAllowList(options.allowedHosts);
  app.addHook('onRequest', async (req, reply) => {
    // before anything else, reads included: a rebound domain must not read the case file either
    if (!hostAllowed(req.headers.host)) {
      return refuse(reply, 421, `this server does not answer for the host ${JSON.stringify(String(req.headers.host ?? '').slice(0, 100))}: only loopback names${options.allowedHosts?.length ? ' and the --allowed-host names' : ''} (start it with --allowed-host NAME to add one)`);
    }
    if (req.method === 'OPTIONS') return refuse(reply, 405, 'cross-origin requests are not enabled on this server (no CORS)');
    if (!WRITE_METHODS.has(req.method)) return;
    const origin = req.headers.origin;
    if (origin !== undefined) {
      const from = originHost(origin);
      if (from === null || from !== (req.headers.host ?? '').toLowerCase()) return refuse(reply, 403, 'cross-site write refused: the Origin header names another site');
    }
    if (!options.tokenRequired && !isLoopbackHostHeader(req.headers.host)) {
      return refuse(reply, 403, 'write refused: without CHRONICLE_TOKEN writes are only accepted for a loopback Host (localhost, 127.0.0.1, ::1)');
    }
  });

  app.addHook('onSend', async (req, reply, payload) => {
    securityHeaders(reply, req.url);
    return payload;
  });
}

/**
 * The headers every response carries (the routes' own, errors, static files, and the answers
 * Fastify gives before routing, such as 400 for a malformed URL). The web app renders text
 * with textContent only; the policy is a second line of defence.
 */
export function securityHeaders(reply: FastifyReply, url: string): void {
  reply.header('content-security-policy', "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('x-frame-options', 'DENY');
  reply.header('cross-origin-opener-policy', 'same-origin');
  reply.header('cross-origin-resource-policy', 'same-origin');
  reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
  if (url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  // never let a route or plugin open the API to other origins by accident
  reply.removeHeader('access-control-allow-origin');
  reply.removeHeader('access-control-allow-credentials');
}

/** Register before the routes: `await app.register(securityPlugin, { tokenRequired: !!token })`. */
export const securityPlugin = fp(security);
