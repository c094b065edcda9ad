/**
 * Output formats of `chronicle extract --format`: the versioned JSON result (default), PLOVER
 * event records (JSONL) and GDELT-like CAMEO rows (TSV with a header line).
 */
import { cameoHeader, formatCameo } from './cameo.js';
import { formatPlover } from './plover.js';
import type { Result } from './schema.js';

export const OUTPUT_FORMATS = ['json', 'plover', 'cameo'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The format named on the command line; throws with the accepted names otherwise. */
export function parseOutputFormat(name: string | undefined): OutputFormat {
  const f = (name ?? 'json').toLowerCase();
  if ((OUTPUT_FORMATS as readonly string[]).includes(f)) return f as OutputFormat;
  throw new Error(`--format must be one of ${OUTPUT_FORMATS.join(', ')} (got "${name}")`);
}

/** What goes before the first document (the TSV header). */
export function formatPreamble(format: OutputFormat): string {
  return format === 'cameo' ? cameoHeader() : '';
}

/** One document in the given format ('json': one line). */
export function formatResult(result: Result, format: OutputFormat): string {
  if (format === 'plover') return formatPlover(result);
  if (format === 'cameo') return formatCameo(result);
  return JSON.stringify(result) + '\n';
}
