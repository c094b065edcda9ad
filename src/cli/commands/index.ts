import type { Command } from '../command.js';
import { extractCommand } from './extract.js';
import { demoCommand } from './demo.js';
import { serveCommand } from './serve.js';
import { ingestCommand } from './ingest.js';
import { parseCommand } from './parse.js';
import { enqueueCommand } from './enqueue.js';
import { workerCommand } from './worker.js';
import { exportCommand } from './export.js';

/** Every sub-command, in the order `chronicle --help` lists them. */
export const commands: Command[] = [extractCommand, demoCommand, parseCommand, ingestCommand, enqueueCommand, workerCommand, exportCommand, serveCommand];
