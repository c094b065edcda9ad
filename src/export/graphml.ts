/**
 * The relation graph as GraphML, which Gephi, Cytoscape, yEd and networkx open: a node per
 * identity (label, entity type, documents, mentions, aliases) and a directed edge per kind of
 * link between two identities, weighted by how many times the store records it:
 * - `relation` edges: family, position, membership, citizenship, residence, captivity (held_by),
 *   subject → object, with the role;
 * - `event` edges: actor → recipient of PLOVER events of one type, with the most frequent CAMEO code.
 * Place nodes carry the country, latitude and longitude of their place resolution (Gephi's Geo
 * Layout reads them).
 * Nodes are written as identities are read, a page at a time; edges are summed in a map (one
 * entry per distinct link, not per row) and written at the end.
 */
import type { ExportReader, ExportScope } from '../store/export.js';
import type { ExportHooks } from './common.js';
import { entityPlace, PLACE_ENTITY_TYPES } from './place.js';

/** Characters XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/U+FFFF) become U+FFFD. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(s: string): string {
  return s.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The data keys, declared once in the header: id, what they describe, name, GraphML type. */
export const GRAPHML_KEYS = [
  ['label', 'node', 'label', 'string'],
  ['type', 'node', 'type', 'string'],
  ['documents', 'node', 'documents', 'int'],
  ['mentions', 'node', 'mentions', 'int'],
  ['aliases', 'node', 'aliases', 'string'],
  ['country', 'node', 'country', 'string'],
  ['latitude', 'node', 'latitude', 'double'],
  ['longitude', 'node', 'longitude', 'double'],
  ['kind', 'edge', 'kind', 'string'],
  ['etype', 'edge', 'type', 'string'],
  ['role', 'edge', 'role', 'string'],
  ['cameo', 'edge', 'cameo', 'string'],
  ['elabel', 'edge', 'label', 'string'],
  ['weight', 'edge', 'weight', 'double'],
] as const;

function header(): string {
  const keys = GRAPHML_KEYS.map(([id, target, name, type]) => `  <key id="${id}" for="${target}" attr.name="${name}" attr.type="${type}"/>\n`).join('');
  return '<?xml version="1.0" encoding="UTF-8"?>\n'
    + '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n'
    + '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
    + keys
    + '  <graph id="chronicle" edgedefault="directed">\n';
}

const FOOTER = '  </graph>\n</graphml>\n';

function data(key: string, value: string | number): string {
  return `<data key="${key}">${xmlText(String(value))}</data>`;
}

interface Edge {
  source: number;
  target: number;
  kind: 'relation' | 'event';
  type: string;
  role: string | null;
  weight: number;
  cameo: Map<string, number>;
}

const nodeId = (id: number) => `n${id}`;

/** The whole export: header, nodes page by page, then the summed edges. */
export async function* exportGraphml(reader: ExportReader, scope: ExportScope, hooks: ExportHooks = {}): AsyncGenerator<string> {
  yield header();
  const nodes = new Set<number>();
  let read = 0;
  for await (const page of reader.identityPages(scope)) {
    let chunk = '';
    const places = await reader.placeLinks(page.filter((i) => PLACE_ENTITY_TYPES.has(i.type)).map((i) => i.id));
    for (const i of page) {
      nodes.add(i.id);
      const link = places.get(i.id);
      let place = null;
      try {
        place = link ? entityPlace({ place: JSON.parse(link) }) : null;
      } catch {
        // a place column that does not hold JSON: the node goes without coordinates
      }
      const where = `${place?.country ? data('country', place.country) : ''}${place && place.lat !== null && place.lon !== null ? data('latitude', place.lat) + data('longitude', place.lon) : ''}`;
      chunk += `    <node id="${nodeId(i.id)}">${data('label', i.name)}${data('type', i.type)}${data('documents', i.document_count)}${data('mentions', i.mention_count)}${i.aliases.length ? data('aliases', i.aliases.join('; ')) : ''}${where}</node>\n`;
    }
    read += page.length;
    hooks.progress?.(read, null, 'rows');
    yield chunk;
  }
  const edges = new Map<string, Edge>();
  const add = (source: number, target: number, kind: Edge['kind'], type: string, role: string | null, cameo: string | null) => {
    // both ends must be nodes of the export (a case's edges stay inside its identities)
    if (source === target || !nodes.has(source) || !nodes.has(target)) return;
    const key = `${source}\u0000${target}\u0000${kind}\u0000${type}\u0000${(role ?? '').toLowerCase()}`;
    let e = edges.get(key);
    if (!e) edges.set(key, e = { source, target, kind, type, role, weight: 0, cameo: new Map() });
    e.weight++;
    if (cameo) e.cameo.set(cameo, (e.cameo.get(cameo) ?? 0) + 1);
  };
  for await (const page of reader.relationPages(scope)) {
    for (const r of page) add(r.subject, r.object, 'relation', r.type, r.role, null);
    read += page.length;
    hooks.progress?.(read, null, 'rows');
  }
  for await (const page of reader.eventPages(scope)) {
    for (const ev of page) for (const a of ev.actors) for (const r of ev.recipients) add(a, r, 'event', ev.type, null, ev.cameo);
    read += page.length;
    hooks.progress?.(read, null, 'rows');
  }
  let n = 0;
  let chunk = '';
  for (const e of edges.values()) {
    const cameo = [...e.cameo].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
    const label = e.role ? `${e.type}: ${e.role}` : e.type;
    chunk += `    <edge id="e${n++}" source="${nodeId(e.source)}" target="${nodeId(e.target)}">${data('kind', e.kind)}${data('etype', e.type)}${e.role ? data('role', e.role) : ''}${cameo ? data('cameo', cameo) : ''}${data('elabel', label)}${data('weight', e.weight)}</edge>\n`;
    if (chunk.length > 64 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk + FOOTER;
}
