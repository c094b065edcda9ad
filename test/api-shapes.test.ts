/**
 * The API's shapes are written once (src/api-types.d.ts) and described for validation and
 * OpenAPI in src/server/schemas.ts. Fastify serialises responses with those schemas and drops
 * what they do not name, so the two must agree: every field the store returns is in the
 * schema, and every field the schema names is returned, at every depth.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { caseArticles, syndicatedRelease, backends } from './store-fixtures.js';
import * as schemas from '../src/server/schemas.js';

interface Schema { type?: string | readonly string[]; properties?: Record<string, Schema>; items?: Schema }

/** Field-set differences between a value and its schema, with their paths. */
function differences(value: unknown, schema: Schema, path: string, out: string[]): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    if (schema.items) for (const v of value.slice(0, 5)) differences(v, schema.items, `${path}[]`, out);
    return;
  }
  if (typeof value !== 'object' || !schema.properties) return;
  const have = Object.keys(value as object);
  const named = Object.keys(schema.properties);
  for (const k of have) if (!named.includes(k)) out.push(`${path}.${k} is returned but the schema drops it`);
  for (const k of named) if (!have.includes(k)) out.push(`${path}.${k} is in the schema but never returned`);
  for (const k of have) if (schema.properties[k]) differences((value as Record<string, unknown>)[k], schema.properties[k], `${path}.${k}`, out);
}

test('the store returns exactly the fields the server schemas describe', async () => {
  const { store, cleanup } = await backends()[0].open();
  try {
    for (const a of [...caseArticles, syndicatedRelease]) await store.ingest(a);
    const out: string[] = [];
    const docs = await store.listDocuments({ limit: 10 });
    assert.ok(docs.items.length >= 4);
    for (const d of docs.items) differences(d, schemas.documentSummary, 'documentSummary', out);
    const people = await store.searchEntities({ q: 'Trufanov' });
    assert.ok(people.length > 0);
    for (const e of people) differences(e, schemas.entitySummary, 'entitySummary', out);
    const profile = await store.getEntity(people[0].id);
    differences(profile, schemas.entityProfile, 'entityProfile', out);
    assert.ok(profile && profile.members.length > 0 && profile.relations.length > 0 && profile.quotes.by.length + profile.quotes.about.length > 0);
    const file = await store.timeline(people[0].id);
    differences(file, schemas.caseFile, 'caseFile', out);
    assert.ok(file && file.events.length > 0 && file.conflicts.length > 0);
    for (const q of ['Trufanov', 'compatriot']) {
      const hits = await store.search(q);
      differences(hits, schemas.searchHits, 'searchHits', out);
      assert.ok(hits.documents.length > 0 && (q === 'Trufanov' || hits.quotes.length > 0));
    }
    assert.deepEqual([...new Set(out)], []);
  } finally {
    await store.close();
    await cleanup();
  }
});
