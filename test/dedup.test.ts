import { after, before as before_, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NearDuplicateIndex, signature, similarity, jaccard, signatureFromBuffer, signatureToBuffer, sketch, containment } from '../src/store/dedup.js';
import { openDuplicateLinks } from '../src/store/duplicates.js';
import type { CaseFile, EntitySummary, Store, StoreStats } from '../src/store/index.js';
import { backends, caseArticles, releaseReport, syndicatedRelease } from './store-fixtures.js';

const stories = JSON.parse(readFileSync(fileURLToPath(new URL('../../test/fixtures/pages/same-event-stories.json', import.meta.url)), 'utf8')) as Record<string, { articleBody: string }>;
const byPrefix = (p: string) => Object.entries(stories).find(([k]) => k.startsWith(p))![1].articleBody;
// two outlets' own reports of one event each: same facts, different writing
const weworkReuters = byPrefix('06e5123e');
const weworkTechCrunch = byPrefix('1ace8c85');
const rescueNbc = byPrefix('51d066b0');
const rescueCbs = byPrefix('2c46804d');

/** What syndication does to a wire story: new dateline, trimmed ending, a credit line, re-flowed paragraphs. */
function syndicate(text: string): string {
  const paras = text.split('\n\n');
  return ['NEW YORK (Reuters) - ' + paras[0].replace(/^\(Reuters\)\s*—\s*/, ''), ...paras.slice(1, -1), 'Reporting by Jane Doe; Editing by John Roe'].join('\n').toUpperCase();
}

test('MinHash estimates Jaccard similarity closely', () => {
  const copy = syndicate(weworkReuters);
  const exact = jaccard(weworkReuters, copy);
  const est = similarity(signature(weworkReuters), signature(copy));
  assert.ok(exact > 0.7, `syndicated copy Jaccard ${exact}`);
  assert.ok(Math.abs(est - exact) < 0.15, `estimate ${est} vs exact ${exact}`);
  assert.deepEqual(signatureFromBuffer(signatureToBuffer(signature(copy))), signature(copy));
});

test('syndicated copies link to the first copy; different reports of the same event do not', () => {
  const index = new NearDuplicateIndex();
  const add = (id: string, text: string) => {
    const sk = sketch(text);
    return index.add(id, sk.sig, undefined, sk.size);
  };
  assert.equal(add('reuters', weworkReuters), null);
  assert.equal(add('techcrunch', weworkTechCrunch), null, 'another outlet’s own report is not a copy, by similarity or containment');
  assert.equal(add('nbc', rescueNbc), null);
  assert.equal(add('cbs', rescueCbs), null);
  const copy = index.add('venturebeat', signature(syndicate(weworkReuters)));
  assert.equal(copy?.of, 'reuters');
  assert.ok(copy!.similarity > 0.6);
  // a copy of the copy still points at the first copy (the root)
  const copyOfCopy = syndicate(syndicate(weworkReuters)).replace(/WEWORK/g, 'WEWORK INC');
  assert.equal(index.add('aggregator', signature(copyOfCopy))?.of, 'reuters');
  assert.equal(index.rootOfDocument('aggregator'), 'reuters');
});

test('a truncated copy (the first paragraphs and "read more") is linked by containment', () => {
  const index = new NearDuplicateIndex();
  const full = sketch(weworkReuters);
  index.add('full', full.sig, undefined, full.size);
  const teaser = sketch(weworkReuters.split('\n\n').slice(0, 3).join('\n\n') + '\n\nRead more at Reuters.com');
  const m = index.add('teaser', teaser.sig, undefined, teaser.size);
  assert.equal(m?.of, 'full');
  assert.ok(m!.similarity < 0.5, `Jaccard alone would miss it (${m!.similarity})`);
  assert.ok(m!.containment >= 0.8, `containment ${m!.containment}`);
  assert.ok(Math.abs(containment(0.5, 100, 100) - 2 / 3) < 1e-9);
});

test('the index stays exact as it grows: every copy found, no unrelated text matched', () => {
  // deterministic pseudo-random texts over a 3,000-word vocabulary, 250 words each
  let x = 12345;
  const rand = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const text = () => Array.from({ length: 250 }, () => `w${Math.floor(rand() * 3000)}`).join(' ');
  const index = new NearDuplicateIndex();
  const originals: string[] = [];
  for (let i = 0; i < 1500; i++) {
    const t = text();
    originals.push(t);
    const sk = sketch(t);
    assert.equal(index.add(`d${i}`, sk.sig, undefined, sk.size), null, `d${i} matched an unrelated text`);
  }
  assert.equal(index.size, 1500);
  // copies of early and late documents, with a few words changed at the start and the end
  for (const i of [0, 1, 255, 256, 511, 777, 1499]) {
    const words = originals[i].split(' ');
    const copy = ['Reuters', 'reports', ...words.slice(3, -4), 'more', 'at', 'eleven'].join(' ');
    const sk = sketch(copy);
    const m = index.add(`copy-of-d${i}`, sk.sig, undefined, sk.size);
    assert.equal(m?.of, `d${i}`);
    assert.ok(Math.abs(m!.similarity - jaccard(copy, originals[i])) < 0.15);
  }
});

test('links persist in the store database and are restored on reopening (SQLite)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-dedup-'));
  const url = join(dir, 'store.db');
  try {
    let links = await openDuplicateLinks(url);
    assert.deepEqual(await links.record(1, weworkReuters), { document_id: 1, duplicate_of: null, similarity: null });
    assert.equal((await links.record(2, rescueNbc)).duplicate_of, null);
    await links.close();
    // a second writer (another run, another process) sees the first run's documents
    links = await openDuplicateLinks(url);
    const second = await links.record(3, syndicate(weworkReuters));
    assert.equal(second.duplicate_of, 1);
    assert.equal((await links.record(3, 'ignored: already linked')).duplicate_of, 1, 'recording twice keeps the link');
    // shingle counts persist too: a truncated copy found after reopening
    await links.close();
    links = await openDuplicateLinks(url);
    assert.equal((await links.record(4, weworkReuters.split('\n\n').slice(0, 3).join('\n\n'))).duplicate_of, 1);
    assert.deepEqual((await links.copiesOf(1)).map((l) => l.document_id), [3, 4]);
    assert.deepEqual(await links.stats(), { documents: 4, duplicates: 2 });
    await links.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('links on PostgreSQL', { skip: process.env.CHRONICLE_TEST_PG ? false : 'CHRONICLE_TEST_PG is not set' }, async () => {
  const url = process.env.CHRONICLE_TEST_PG!;
  const schema = `dedup_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const a = await openDuplicateLinks(url, { pgSchema: schema });
  const b = await openDuplicateLinks(url, { pgSchema: schema });
  try {
    assert.equal((await a.record(10, weworkReuters)).duplicate_of, null);
    // the other connection catches up before deciding
    assert.equal((await b.record(11, syndicate(weworkReuters))).duplicate_of, 10);
    assert.equal((await a.record(12, rescueCbs)).duplicate_of, null);
    assert.deepEqual(await b.stats(), { documents: 3, duplicates: 1 });
  } finally {
    await a.close();
    await b.close();
    const { default: pgmod } = await import('pg');
    const c = new pgmod.Client({ connectionString: url });
    await c.connect();
    await c.query(`DROP SCHEMA ${schema} CASCADE`);
    await c.end();
  }
});

for (const backend of backends()) {
  describe(`near-duplicates in the store (${backend.name})`, { skip: backend.skip }, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let rootId: number;
    let copyId: number;
    let before: { sasha: EntitySummary; mother: EntitySummary; timeline: CaseFile; stats: StoreStats; mothersQuotes: number };
    before_(async () => {
      ({ store, cleanup } = await backend.open());
      for (const a of caseArticles) {
        const out = await store.ingest(a);
        assert.equal(out.duplicate_of, null, `${a.id} is a story of its own`);
        if (a === releaseReport) rootId = out.id;
      }
      const [sasha] = await store.searchEntities({ q: 'Sasha Trufanov' });
      const [mother] = await store.searchEntities({ q: 'Elena Trufanova' });
      before = { sasha, mother, timeline: (await store.timeline(sasha.id))!, stats: await store.stats(), mothersQuotes: (await store.getEntity(mother.id))!.quotes.by.length };
      const out = await store.ingest(syndicatedRelease);
      copyId = out.id;
      assert.equal(out.status, 'added');
      assert.equal(out.duplicate_of, rootId, 'linked to the first copy');
      assert.ok(out.similarity! > 0.5 && out.similarity! < 1, `similarity ${out.similarity}`);
    });
    after(async () => {
      await store?.close();
      await cleanup?.();
    });

    test('the same content again reports the link; another outlet’s own report stays a story of its own', async () => {
      const again = await store.ingest(syndicatedRelease);
      assert.deepEqual([again.status, again.id, again.duplicate_of], ['unchanged', copyId, rootId]);
      const wire = (await store.listDocuments({ limit: 10 })).items.find((d) => d.source === 'Example Wire')!;
      assert.equal(wire.duplicate_of, null);
    });

    test('identity counts: the copy adds no document and no mention', async () => {
      const [sasha] = await store.searchEntities({ q: 'Sasha Trufanov' });
      assert.equal(sasha.id, before.sasha.id);
      assert.equal(sasha.document_count, before.sasha.document_count);
      assert.equal(sasha.mention_count, before.sasha.mention_count);
      // Sapir Cohen is named only by the World Israel News story: one document, copy or not
      const [sapir] = await store.searchEntities({ q: 'Sapir Cohen' });
      assert.equal(sapir.document_count, 1);
      // the copy's entity is still linked, so its page shows who is who
      const profile = (await store.getEntity(sasha.id))!;
      const copyMember = profile.members.find((m) => m.document_id === copyId);
      assert.ok(copyMember, 'the copy’s mention of him is a member of his identity');
      assert.equal(copyMember.duplicate_of, rootId);
      // recomputing every identity keeps the folded counts
      await store.resolveAll();
      const [again] = await store.searchEntities({ q: 'Sasha Trufanov' });
      assert.deepEqual([again.document_count, again.mention_count], [before.sasha.document_count, before.sasha.mention_count]);
    });

    test('timeline: no second entry, no second source, no conflict from the copy’s later “Saturday”', async () => {
      const tl = (await store.timeline(before.sasha.id))!;
      assert.equal(tl.events.length, before.timeline.events.length);
      assert.ok(!tl.events.some((e) => e.date === '2025-02-22'), JSON.stringify(tl.events.map((e) => [e.mode, e.date])));
      const release = tl.events.find((e) => e.mode === 'release' && e.date === '2025-02-15')!;
      assert.equal(release.sources.length, 2);
      const win = release.sources.find((s) => s.document_id === rootId)!;
      assert.deepEqual(win.copies.map((c) => [c.document_id, c.source]), [[copyId, 'Example Aggregator']], 'the copy is listed under the source it repeats');
      assert.deepEqual(release.sources.find((s) => s.document_id !== rootId)!.copies, []);
      // conflicts are the same claims with the same number of sources
      const shape = (c: CaseFile) => c.conflicts.map((x) => `${x.kind}:${x.claims.map((cl) => `${cl.value}=${cl.sources.length}`).sort().join(',')}`).sort();
      assert.deepEqual(shape(tl), shape(before.timeline));
      const place = tl.conflicts.find((c) => c.kind === 'place')!;
      assert.ok(place.claims.find((c) => c.value === 'Kibbutz Nahal Oz')!.sources[0].copies.some((c) => c.document_id === copyId));
      assert.deepEqual(tl.status.map((s) => [s.status, s.from, s.sources.length]), before.timeline.status.map((s) => [s.status, s.from, s.sources.length]));
      // a relation told again by the copy: one source, the copy under it
      const grandmother = tl.relations.find((r) => r.role === 'grandmother')!;
      assert.equal(grandmother.sources.length, before.timeline.relations.find((r) => r.role === 'grandmother')!.sources.length);
      assert.ok(grandmother.sources.some((s) => s.copies.some((c) => c.document_id === copyId)));
    });

    test('quotes and statistics count the copy once', async () => {
      const embassy = (await store.searchEntities({ q: 'Russian Embassy' }))[0];
      const quotes = (await store.getEntity(embassy.id))!.quotes.by;
      assert.equal(quotes.length, 1);
      assert.deepEqual(quotes[0].copies.map((c) => c.document_id), [copyId]);
      assert.equal((await store.getEntity(before.mother.id))!.quotes.by.length, before.mothersQuotes);
      const stats = await store.stats();
      assert.deepEqual(stats, { ...before.stats, documents: before.stats.documents + 1, copies: 1 });
    });

    test('documents: the copy points at its first copy, which lists it; its own facts stay on its page', async () => {
      const copy = (await store.getDocument(copyId))!;
      assert.deepEqual(copy.duplicate_of, { id: rootId, title: releaseReport.title, similarity: copy.duplicate_of!.similarity });
      assert.ok(copy.duplicate_of!.similarity! > 0.5);
      assert.equal(copy.result.events.length, 3);
      assert.ok(Object.values(copy.identities).some((i) => i?.id === before.sasha.id));
      const root = (await store.getDocument(rootId))!;
      assert.equal(root.duplicate_of, null);
      assert.deepEqual(root.copies.map((c) => [c.id, c.title, c.source]), [[copyId, syndicatedRelease.title, 'Example Aggregator']]);
      assert.equal(root.copy_count, 1);
      const list = (await store.listDocuments({ limit: 10 })).items;
      assert.equal(list.find((d) => d.id === copyId)!.duplicate_of!.id, rootId);
      assert.equal(list.find((d) => d.id === rootId)!.copy_count, 1);
    });

    test('search: one hit per story, the copy listed under its first copy', async () => {
      const hits = await store.search('ambassador compatriot');
      const ids = hits.documents.map((d) => d.id);
      assert.ok(ids.includes(rootId) && !ids.includes(copyId), JSON.stringify(hits.documents));
      assert.deepEqual(hits.documents.find((d) => d.id === rootId)!.copies.map((c) => c.id), [copyId]);
      const quote = (await store.search('welcomed compatriot')).quotes;
      assert.equal(quote.length, 1);
      assert.deepEqual(quote[0].copies.map((c) => c.document_id), [copyId]);
    });
  });
}
