import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command.js';
import { DEFAULT_MAX_TEXT_BYTES, InputError, normalisePublished } from '../ingest/input.js';
import { DEFAULT_SECONDS_PER_MB } from '../ingest/limits.js';

/** node:util parseArgs with usage errors instead of exceptions with stack traces. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify.*$/s, ''));
  }
}

/** --published and --max-bytes, shared by every command that reads documents. */
export function documentLimits(values: { published?: string | boolean; 'max-bytes'?: string | boolean }): { published: string | null; maxTextBytes: number } {
  let published: string | null = null;
  try {
    published = normalisePublished(typeof values.published === 'string' ? values.published : undefined);
  } catch (err) {
    if (err instanceof InputError) throw new UsageError(`--published: ${err.message}`);
    throw err;
  }
  const raw = values['max-bytes'];
  const maxTextBytes = typeof raw === 'string' ? Number(raw) : DEFAULT_MAX_TEXT_BYTES;
  if (!Number.isFinite(maxTextBytes) || maxTextBytes <= 0) throw new UsageError('--max-bytes must be a positive number');
  return { published, maxTextBytes };
}

/** --time-budget: seconds of extraction per MB of text (at least 30 s a document); 0 turns it off. */
export function timeBudget(value: string | boolean | undefined): number {
  if (typeof value !== 'string') return DEFAULT_SECONDS_PER_MB;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new UsageError('--time-budget must be a number of seconds per MB of text (0: no budget)');
  return n;
}
