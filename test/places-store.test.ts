/**
 * Places through the store and the API, on SQLite and PostgreSQL (CHRONICLE_TEST_PG): each event's
 * place and the rule that gave it, the country filter on search, identities and timelines, and the
 * GeoJSON of a person's events. Articles written for this test, run through the real pipeline.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { extract } from '../src/extract.js';
import { buildServer } from '../src/server/index.js';
import type { Store } from '../src/store/index.js';
import { countryFilter, placeColumns } from '../src/store/places.js';
import { backends } from './store-fixtures.js';

const articles = [
  { id: 'lb-kidnap', title: 'Aid worker kidnapped in Tripoli', published: '2025-03-04', source: 'Test Wire',
    text: 'TRIPOLI, Lebanon — Gunmen kidnapped the aid worker Samir Haddad on Monday, police said.\n\nHaddad was freed in Beirut two days later, his family said.' },
  { id: 'tr-arrest', title: 'Aid worker arrested in Istanbul', published: '2025-04-11', source: 'Test Wire',
    text: 'Samir Haddad was arrested in Istanbul on Friday, Turkish police said.' },
];

test('an event\'s place columns and the country filter\'s value', () => {
  assert.deepEqual(placeColumns({ place: { entity: 'e1', name: 'Beirut', id: 'geonames:276781', country: 'LB', lat: 33.9, lon: 35.5 }, place_source: 'sentence' }),
    { place_id: 'geonames:276781', place_name: 'Beirut', place_country: 'LB', place_lat: 33.9, place_lon: 35.5, place_source: 'sentence' });
  // a result written before schema 1.5 says nothing
  assert.equal(placeColumns({}).place_source, null);
  assert.equal(countryFilter(' lb '), 'LB');
  assert.equal(countryFilter(''), null);
  assert.throws(() => countryFilter('Lebanon'), /ISO 3166-1 alpha-2/);
});

for (const backend of backends()) {
  describe(`places in the store and the API (${backend.name})`, { skip: backend.skip }, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let app: FastifyInstance;
    let haddad: number;
    before(async () => {
      ({ store, cleanup } = await backend.open());
      for (const a of articles) await store.ingest(extract(a));
      app = await buildServer({ store, webRoot: null });
      const found = await store.searchEntities({ q: 'Samir Haddad', type: 'PERSON' });
      assert.ok(found.length > 0, 'Samir Haddad is stored');
      haddad = found[0].id;
    });
    after(async () => {
      await app?.close();
      await store?.close();
      await cleanup?.();
    });
    const get = async (url: string) => {
      const res = await app.inject({ method: 'GET', url });
      return { status: res.statusCode, type: String(res.headers['content-type']), body: res.json() };
    };

    test('the timeline gives each source\'s place, and ?country keeps the events placed there', async () => {
      const all = await store.timeline(haddad);
      const places = all!.events.flatMap((e) => e.sources.map((s) => [s.trigger, s.place?.country, s.place?.source]));
      assert.deepEqual(places.filter((p) => p[0] === 'kidnapped'), [['kidnapped', 'LB', 'dateline']]);
      assert.deepEqual(places.filter((p) => p[0] === 'arrested'), [['arrested', 'TR', 'sentence']]);
      const lb = await get(`/api/entities/${haddad}/timeline?country=LB`);
      assert.equal(lb.status, 200);
      const triggers = lb.body.events.flatMap((e: { sources: { trigger: string; place: { country: string } }[] }) => e.sources.map((s) => s.trigger));
      assert.ok(triggers.includes('kidnapped') && !triggers.includes('arrested'), triggers.join());
      assert.ok(lb.body.events.every((e: { sources: { place: { country: string } }[] }) => e.sources.every((s) => s.place.country === 'LB')));
      assert.equal((await get(`/api/entities/${haddad}/timeline?country=Lebanon`)).status, 400);
    });

    test('GET /api/events.geojson gives a person\'s placed events as GeoJSON points, by country', async () => {
      const res = await get(`/api/events.geojson?entity=${haddad}`);
      assert.equal(res.status, 200);
      assert.match(res.type, /application\/geo\+json/);
      assert.equal(res.body.type, 'FeatureCollection');
      const byTrigger = new Map(res.body.features.map((f: { properties: { trigger: string } }) => [f.properties.trigger, f]));
      const arrest = byTrigger.get('arrested') as { geometry: { type: string; coordinates: [number, number] }; properties: { place_country: string; sentence: string; document_id: number } };
      assert.equal(arrest.geometry.type, 'Point');
      // longitude first (RFC 7946): Istanbul is at 29°E, 41°N
      assert.ok(Math.abs(arrest.geometry.coordinates[0] - 29) < 0.5 && Math.abs(arrest.geometry.coordinates[1] - 41) < 0.5, String(arrest.geometry.coordinates));
      assert.equal(arrest.properties.place_country, 'TR');
      assert.match(arrest.properties.sentence, /arrested in Istanbul/);
      const tr = await get(`/api/events.geojson?entity=${haddad}&country=tr`);
      assert.deepEqual([...new Set(tr.body.features.map((f: { properties: { place_country: string } }) => f.properties.place_country))], ['TR']);
      assert.equal((await get('/api/events.geojson?country=ZZ')).body.features.length, 0);
    });

    test('?country filters search and identities', async () => {
      const lb = await get('/api/search?q=Haddad&country=LB');
      assert.equal(lb.status, 200);
      assert.deepEqual(lb.body.documents.map((d: { title: string }) => d.title), ['Aid worker kidnapped in Tripoli']);
      const tr = await get('/api/search?q=Haddad&country=TR');
      assert.deepEqual(tr.body.documents.map((d: { title: string }) => d.title), ['Aid worker arrested in Istanbul']);
      const none = await get('/api/search?q=Haddad&country=FR');
      assert.equal(none.body.documents.length, 0);
      const people = await get('/api/entities?type=PERSON&country=TR');
      assert.ok(people.body.some((e: { id: number }) => e.id === haddad));
      assert.equal((await get('/api/entities?type=PERSON&country=FR')).body.length, 0);
    });

    test('GET /api/map/world gives the offline map: country outlines and the projection', async () => {
      const res = await get('/api/map/world');
      assert.equal(res.status, 200);
      assert.ok(res.body.countries.length > 150);
      assert.ok(res.body.countries.some((c: { name: string; d: string }) => c.name === 'Lebanon' && c.d.startsWith('M')));
      assert.equal(res.body.projection.kind, 'equirectangular');
    });
  });
}
