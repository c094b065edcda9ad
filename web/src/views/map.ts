/**
 * A person's or organisation's events on a world map, offline: the country outlines come from the
 * server (/api/map/world, Natural Earth via world-atlas, projected with d3-geo), the events from
 * /api/events.geojson. A marker's colour is its PLOVER type; a marker links to the sentence the
 * event was read from. A country filter narrows the markers (and the list under the map).
 */
import { api, type EventsGeoJson, type WorldMap } from '../api.js';
import { h, svg } from '../dom.js';
import { date, empty, factualityBadge, section, sentence, typeBadge } from './common.js';

/** PLOVER's sixteen event types, cooperative to hostile, each with its marker colour. */
export const PLOVER_COLOURS: Record<string, string> = {
  AGREE: '#1b9e77', CONSULT: '#66a61e', SUPPORT: '#2ca25f', CONCEDE: '#41b6c4', COOPERATE: '#1d91c0', AID: '#225ea8',
  RETREAT: '#7570b3', REQUEST: '#8c6bb1', ACCUSE: '#e6ab02', REJECT: '#d95f02', THREATEN: '#fd8d3c', PROTEST: '#a6761d',
  SANCTION: '#e7298a', MOBILIZE: '#ce1256', COERCE: '#b2182b', ASSAULT: '#67001f',
};
const OTHER = '#555555';

let world: Promise<WorldMap> | null = null;

/** Country names in the reader's language, from the browser (no list shipped). */
const regionNames = typeof Intl !== 'undefined' && 'DisplayNames' in Intl ? new Intl.DisplayNames(['en'], { type: 'region' }) : null;
export function countryName(cc: string): string {
  try {
    return regionNames?.of(cc) ?? cc;
  } catch {
    return cc;
  }
}

/** A select of the countries events are placed in; choosing one calls `go` with its code ('' for all). */
export function countrySelect(choices: Array<{ country: string; events: number }>, current: string | undefined, go: (cc: string) => void, testid: string): HTMLElement {
  const select = h('select', { 'aria-label': 'Filter by country', 'data-testid': testid }) as HTMLSelectElement;
  select.append(h('option', { value: '' }, 'All countries'));
  for (const c of choices) {
    const opt = h('option', { value: c.country }, `${countryName(c.country)} (${c.events})`);
    if (c.country === current) opt.setAttribute('selected', '');
    select.append(opt);
  }
  if (current && !choices.some((c) => c.country === current)) select.append(h('option', { value: current }, countryName(current)));
  select.value = current ?? '';
  select.addEventListener('change', () => go(select.value));
  return h('label', { class: 'country-filter' }, 'Country: ', select);
}

/** Spread markers that lie on one another (within two radii) around their centre, so each stays clickable. */
function spread(points: Array<{ x: number; y: number }>, r: number): void {
  const clusters: Array<{ x: number; y: number; members: number[] }> = [];
  points.forEach((p, i) => {
    const near = clusters.find((c) => Math.hypot(c.x - p.x, c.y - p.y) < 2 * r);
    if (near) near.members.push(i);
    else clusters.push({ x: p.x, y: p.y, members: [i] });
  });
  for (const c of clusters) {
    if (c.members.length < 2) continue;
    const ring = r * (1.4 + 0.35 * c.members.length);
    c.members.forEach((i, k) => {
      const a = (2 * Math.PI * k) / c.members.length - Math.PI / 2;
      points[i] = { x: c.x + ring * Math.cos(a), y: c.y + ring * Math.sin(a) };
    });
  }
}

function drawMap(map: WorldMap, geo: EventsGeoJson, country: string | undefined): SVGElement {
  const { scale, translate } = map.projection;
  const project = ([lon, lat]: [number, number]) => ({ x: translate[0] + (scale * lon * Math.PI) / 180, y: translate[1] - (scale * lat * Math.PI) / 180 });
  const root = svg('svg', { viewBox: `0 0 ${map.width} ${map.height}`, class: 'world-map', role: 'img', 'aria-label': 'World map of the events', 'data-testid': 'world-map' });
  root.append(svg('rect', { x: -map.width, y: -map.height, width: 3 * map.width, height: 3 * map.height, class: 'sea' }));
  const land = svg('g', { class: 'land' });
  for (const c of map.countries) land.append(svg('path', { d: c.d, class: 'country' }, svg('title', {}, c.name)));
  root.append(land);
  const points = geo.features.map((f) => project(f.geometry.coordinates));
  // a country filter zooms to its markers (keeping the map's proportions)
  let zoom = 1;
  if (country && points.length) {
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const w = Math.max(40, (Math.max(...xs) - Math.min(...xs)) * 1.6, ((Math.max(...ys) - Math.min(...ys)) * 1.6 * map.width) / map.height);
    const hgt = (w * map.height) / map.width;
    const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
    const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
    root.setAttribute('viewBox', `${(cx - w / 2).toFixed(1)} ${(cy - hgt / 2).toFixed(1)} ${w.toFixed(1)} ${hgt.toFixed(1)}`);
    zoom = w / map.width;
  }
  const r = 5 * zoom;
  spread(points, r);
  const markers = svg('g', { class: 'markers' });
  geo.features.forEach((f, i) => {
    const p = f.properties;
    const label = `${p.type}${p.mode ? ` (${p.mode})` : ''}: “${p.trigger}” — ${p.place_name ?? ''}${p.place_country ? `, ${countryName(p.place_country)}` : ''}${p.date ? ` · ${p.date}` : ''}${p.place_source === 'dateline' ? ' · placed by the dateline' : ''}`;
    const link = svg('a', { href: `#/doc/${p.document_id}?at=${p.trigger_start}-${p.trigger_end}`, class: 'marker-link', 'data-testid': 'map-marker', 'data-type': p.type, 'data-country': p.place_country ?? '' },
      svg('circle', { cx: points[i].x.toFixed(2), cy: points[i].y.toFixed(2), r: r.toFixed(2), fill: PLOVER_COLOURS[p.type] ?? OTHER, class: `marker ${p.place_source === 'dateline' ? 'by-dateline' : ''}` }),
      svg('title', {}, label));
    markers.append(link);
  });
  root.append(markers);
  return root;
}

function legend(geo: EventsGeoJson): HTMLElement {
  const types = [...new Set(geo.features.map((f) => f.properties.type))].sort();
  return h('ul', { class: 'map-legend', 'data-testid': 'map-legend' }, types.map((t) => h('li', {},
    h('span', { class: 'swatch', 'data-colour': PLOVER_COLOURS[t] ?? OTHER }), ` ${t}`)));
}

function eventList(geo: EventsGeoJson): HTMLElement {
  if (!geo.features.length) return empty('No event of this entity is placed on the map (no place in its sentence, no dateline).');
  return h('ol', { class: 'map-events', 'data-testid': 'map-events' }, geo.features.map((f) => {
    const p = f.properties;
    return h('li', {},
      h('span', { class: 'badge ev' }, p.type), ' ', p.factuality ? factualityBadge(p.factuality) : null, ' ',
      h('strong', {}, p.place_name ?? ''), p.place_country ? ` (${countryName(p.place_country)})` : '',
      p.place_source === 'dateline' ? h('span', { class: 'meta', title: 'the sentence names no place; the article\'s dateline does' }, ' · by the dateline') : null,
      h('span', { class: 'meta' }, ` · ${date(p.date)} · `),
      h('a', { href: `#/doc/${p.document_id}?at=${p.trigger_start}-${p.trigger_end}` }, p.title ?? `document ${p.document_id}`), ': ',
      sentence(p.sentence));
  }));
}

export async function mapView(id: number, country: string | undefined): Promise<HTMLElement> {
  world ??= api.worldMap();
  const [entity, geo, choices, map] = await Promise.all([api.entity(id), api.eventsGeo(id, country), api.countries(id), world]);
  const go = (cc: string) => {
    location.hash = `#/entity/${id}/map${cc ? `?country=${cc}` : ''}`;
  };
  const figure = h('figure', { class: 'map-figure' });
  figure.append(drawMap(map, geo, country));
  // the legend's swatches take their colour from data, set as style properties (no markup)
  const leg = legend(geo);
  for (const sw of Array.from(leg.querySelectorAll<HTMLElement>('.swatch'))) sw.style.background = sw.dataset.colour ?? OTHER;
  figure.append(h('figcaption', { class: 'meta' }, `${geo.features.length} placed event${geo.features.length === 1 ? '' : 's'}${country ? ` in ${countryName(country)}` : ''}. ${map.attribution}; places © GeoNames (CC BY 4.0).`));
  return h('div', { class: 'map-view' },
    h('header', { class: 'entity-head' },
      h('h1', { 'data-testid': 'entity-name' }, entity.name, ' ', typeBadge(entity.type)),
      h('div', { class: 'meta' }, h('a', { href: `#/entity/${id}${country ? `?country=${country}` : ''}` }, '← case file'), ' · ', countrySelect(choices, country, go, 'map-country'))),
    section('Where it happened', 'map-panel', figure, leg),
    section('Placed events', 'map-list', eventList(geo)));
}
