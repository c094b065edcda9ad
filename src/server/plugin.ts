import type { FastifyPluginAsync } from 'fastify';

/**
 * Mark a plugin as not encapsulated, so its hooks and decorators apply to the whole app (what
 * the fastify-plugin package does with the same symbol).
 */
export default function fp<T extends FastifyPluginAsync>(plugin: T): T {
  (plugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
  return plugin;
}
