/**
 * Exports of the case file in formats analysts load elsewhere: FollowTheMoney JSON lines
 * (Aleph), events CSV (GDELT/ACLED-like) and GraphML (Gephi). Each is an async generator of
 * text chunks over keyset pages of the store, so the CLI and the API stream it. docs/exports.md.
 */
import type { ExportReader, ExportScope } from '../store/export.js';
import type { ExportHooks } from './common.js';
import { exportEventsCsv } from './events-csv.js';
import { exportFtm } from './ftm.js';
import { exportGraphml } from './graphml.js';

export interface ExportFormatInfo {
  /** what the format is, for help texts and the OpenAPI document */
  description: string;
  contentType: string;
  /** file name extension of a download */
  extension: string;
  run: (reader: ExportReader, scope: ExportScope, hooks?: ExportHooks) => AsyncGenerator<string>;
}

export const EXPORT_FORMATS = {
  ftm: {
    description: 'FollowTheMoney entities as JSON lines (Aleph, OpenSanctions tools): Person, Organization, Address, Article, Documentation, Event, Family, Membership, Employment, UnknownLink',
    contentType: 'application/x-ndjson; charset=utf-8', extension: 'ftm.jsonl', run: exportFtm,
  },
  'events-csv': {
    description: 'one CSV row per event (RFC 4180): date, PLOVER and CAMEO codes, actors and recipients with their codes, place, country, latitude, longitude, source URL and sentence',
    contentType: 'text/csv; charset=utf-8', extension: 'events.csv', run: exportEventsCsv,
  },
  graphml: {
    description: 'the relation graph as GraphML (Gephi, Cytoscape, yEd): identities as nodes, relations and actor → recipient events as weighted edges',
    contentType: 'application/graphml+xml; charset=utf-8', extension: 'graphml', run: exportGraphml,
  },
} as const satisfies Record<string, ExportFormatInfo>;

export type ExportFormat = keyof typeof EXPORT_FORMATS;
export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as ExportFormat[];

export class ExportFormatError extends Error {}

/** The format of this name (any case); otherwise an error naming the accepted ones. */
export function parseExportFormat(name: string | undefined): ExportFormat {
  const f = (name ?? '').trim().toLowerCase();
  if (f in EXPORT_FORMATS) return f as ExportFormat;
  throw new ExportFormatError(name ? `unknown export format "${name}": use one of ${EXPORT_FORMAT_NAMES.join(', ')}` : `give a format: one of ${EXPORT_FORMAT_NAMES.join(', ')}`);
}

export type { ExportHooks } from './common.js';
export { exportFtm, exportEventsCsv, exportGraphml };
