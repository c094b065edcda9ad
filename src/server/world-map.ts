/**
 * The world map the app draws markers on, offline: Natural Earth 1:110m country shapes from the
 * `world-atlas` package, projected once with d3-geo (equirectangular) into SVG path strings. The
 * projection's scale and translation go with them so the browser places a marker with two
 * multiplications (x = tx + k·λ, y = ty − k·φ, in radians).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoEquirectangular, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

export interface WorldMap {
  width: number;
  height: number;
  projection: { kind: 'equirectangular'; scale: number; translate: [number, number] };
  countries: { id: string; name: string; d: string }[];
  attribution: string;
}

const WIDTH = 960;
const HEIGHT = 500;
let cached: WorldMap | null = null;

export function worldMap(): WorldMap {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const topo = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const shapes = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const projection = geoEquirectangular().fitSize([WIDTH, HEIGHT], { type: 'Sphere' });
  const path = geoPath(projection);
  const [tx, ty] = projection.translate();
  cached = {
    width: WIDTH,
    height: HEIGHT,
    projection: { kind: 'equirectangular', scale: projection.scale(), translate: [tx, ty] },
    countries: shapes.features.map((f) => ({ id: String(f.id ?? ''), name: f.properties?.name ?? '', d: path(f) ?? '' })).filter((c) => c.d),
    attribution: 'Made with Natural Earth (public domain), via world-atlas',
  };
  return cached;
}
