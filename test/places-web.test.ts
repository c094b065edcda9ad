/**
 * The map in the web app, in Debian's headless Chromium (playwright-core): a person's case file →
 * the map of their events (markers coloured by PLOVER type) → a marker → the sentence in the
 * article; the country filter on the map, the timeline and search. Articles written for this test,
 * run through the real pipeline. Screenshots go to test-artifacts/ (places-*.png).
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, browserSkip, openApp } from './support/browser.js';
import { openStore, type Store } from '../src/store/index.js';
import { extract } from '../src/extract.js';

const skip = browserSkip('browser tests');

const articles = [
  { id: 'lb-kidnap', title: 'Aid worker kidnapped in Tripoli', published: '2025-03-04', source: 'Test Wire',
    text: 'TRIPOLI, Lebanon — Gunmen kidnapped the aid worker Samir Haddad on Monday, police said.\n\nHaddad was freed in Beirut two days later, his family said.' },
  { id: 'tr-arrest', title: 'Aid worker arrested in Istanbul', published: '2025-04-11', source: 'Test Wire',
    text: 'Samir Haddad was arrested in Istanbul on Friday, Turkish police said.' },
  { id: 'ua-visit', title: 'Aid worker visits Kharkiv', published: '2025-05-20', source: 'Test Wire',
    text: 'Samir Haddad met aid officials in Kharkiv on Tuesday, the charity said.' },
];

describe('the map in headless Chromium', { skip }, () => {
  let app: Awaited<ReturnType<typeof openApp>>;
  let page: Page;
  let store: Store;
  let dir: string;
  let errors: string[] = [];
  let haddad = 0;

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'chronicle-places-web-'));
    store = await openStore(join(dir, 'web.db'));
    for (const a of articles) await store.ingest(extract(a));
    haddad = (await store.searchEntities({ q: 'Samir Haddad', type: 'PERSON' }))[0].id;
    app = await openApp(store);
    ({ page, errors } = app);
  });
  after(async () => {
    await app?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('case file → map → markers → a marker to its sentence → filter by country', async () => {
    await page.goto(`${app.url}/#/entity/${haddad}`);
    await page.getByTestId('timeline').waitFor();
    // the timeline says where each event happened
    assert.match(await page.getByTestId('timeline').innerText(), /Lebanon/);
    await page.getByTestId('map-link').click();
    await page.getByTestId('world-map').waitFor();
    const markers = page.getByTestId('map-marker');
    const n = await markers.count();
    assert.ok(n >= 3, `${n} markers`);
    const countries = new Set(await markers.evaluateAll((els) => els.map((e) => e.getAttribute('data-country'))));
    assert.ok(countries.has('LB') && countries.has('TR') && countries.has('UA'), [...countries].join());
    // coloured by PLOVER type: an assault and a meeting are different colours
    const fills = await markers.evaluateAll((els) => els.map((e) => [e.getAttribute('data-type'), e.querySelector('circle')?.getAttribute('fill')]));
    const colourOf = new Map(fills as Array<[string, string]>);
    assert.ok(colourOf.has('ASSAULT') || colourOf.has('COERCE'), JSON.stringify(fills));
    assert.equal(new Set(colourOf.values()).size, colourOf.size, 'one colour per type');
    assert.ok((await page.getByTestId('map-legend').innerText()).length > 0);
    await page.screenshot({ path: join(ARTIFACTS, 'places-1-map.png'), fullPage: true });

    // a marker leads to its sentence in the article
    const arrest = markers.and(page.locator('[data-country="TR"]')).first();
    await arrest.click();
    await page.getByTestId('article-text').waitFor();
    assert.match(page.url(), /#\/doc\/\d+\?at=\d+-\d+/);
    assert.equal(await page.getByTestId('doc-title').innerText(), 'Aid worker arrested in Istanbul');
    assert.match(await page.locator('.hl-focus').first().innerText(), /arrested/);
    await page.screenshot({ path: join(ARTIFACTS, 'places-2-sentence.png'), fullPage: true });

    // back on the map, the country filter keeps Lebanon's markers only
    await page.goBack();
    await page.getByTestId('world-map').waitFor();
    await page.getByTestId('map-country').selectOption('LB');
    await page.waitForURL(/map\?country=LB/);
    await page.getByTestId('world-map').waitFor();
    const lb = await page.getByTestId('map-marker').evaluateAll((els) => els.map((e) => e.getAttribute('data-country')));
    assert.ok(lb.length >= 2, `${lb.length} markers in Lebanon`);
    assert.deepEqual([...new Set(lb)], ['LB']);
    assert.match(await page.getByTestId('map-events').innerText(), /dateline/);
    await page.screenshot({ path: join(ARTIFACTS, 'places-3-map-lebanon.png'), fullPage: true });
    assert.deepEqual(errors, []);
  });

  test('the country filter on the timeline and on search', async () => {
    await page.goto(`${app.url}/#/entity/${haddad}`);
    await page.getByTestId('timeline').waitFor();
    await page.getByTestId('timeline-country').selectOption('TR');
    await page.waitForURL(/country=TR/);
    await page.getByTestId('timeline').waitFor();
    const text = await page.getByTestId('timeline').innerText();
    assert.match(text, /arrested/);
    assert.doesNotMatch(text, /kidnapped|Kharkiv/);
    await page.screenshot({ path: join(ARTIFACTS, 'places-4-timeline-turkey.png'), fullPage: true });

    await page.goto(`${app.url}/#/search?q=Haddad`);
    await page.getByTestId('document-results').waitFor();
    assert.equal(await page.getByTestId('document-results').locator('li').count(), 3);
    await page.getByTestId('search-country').selectOption('UA');
    await page.waitForURL(/country=UA/);
    await page.getByTestId('document-results').waitFor();
    const titles = await page.getByTestId('document-results').locator('li > a').allInnerTexts();
    assert.deepEqual(titles, ['Aid worker visits Kharkiv']);
    await page.screenshot({ path: join(ARTIFACTS, 'places-5-search-ukraine.png'), fullPage: true });
    assert.deepEqual(errors, []);
  });
});
