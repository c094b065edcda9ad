export { buildServer, isLoopback, DEFAULT_WEB_ROOT, type ServerOptions } from './app.js';
