/**
 * TIMEX3 in full (issue 15): value forms, types and mods, tense deciding the direction, the
 * narrative moving the reference time, publication dates that can be trusted, and names that
 * hold time words. Sentences of our own; the development set measures the rest (eval:times).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TimeExpression } from '../src/doc.js';
import { createPipeline } from '../src/extract.js';
import { extractArticle } from '../src/ingest/html.js';
import { choosePublished, datelineDate, trustedDay, untrustedBecause, urlDate } from '../src/ingest/published.js';
import { toResult } from '../src/output/result.js';
import { ResultSchema } from '../src/output/schema.js';
import { article, backends } from './store-fixtures.js';

// the real pipeline: the parse gives tense, the recognisers the names
const pipeline = createPipeline();

function run(text: string, published: string | null) {
  return pipeline.process({ text, published });
}

function find(text: string, phrase: string, published: string | null = '2000-01-31'): TimeExpression {
  const all = run(text, published).times;
  const hit = all.find((t) => t.text === phrase);
  assert.ok(hit, `"${phrase}" not found in ${JSON.stringify(all.map((t) => `${t.text}=${t.value}`))}`);
  return hit;
}

const valueOf = (text: string, phrase: string, published?: string | null) => find(text, phrase, published).value;

// 2000-01-31 is a Monday
test('the present, the past and the future in general', () => {
  assert.equal(valueOf('The company is currently reviewing its options.', 'currently'), 'PRESENT_REF');
  assert.equal(valueOf('Prices have risen sharply, and now the bank must act.', 'now'), 'PRESENT_REF');
  assert.equal(valueOf('The mine was recently sold to a rival.', 'recently'), 'PAST_REF');
  assert.equal(valueOf('Such floods were rare in the past.', 'the past'), 'PAST_REF');
  assert.equal(valueOf('The party may win more seats in the future.', 'the future'), 'FUTURE_REF');
  assert.equal(find('The mine was recently sold to a rival.', 'recently').type, 'DATE');
  // "the past three years" is a span, not the past in general; "now-defunct" is an adjective
  assert.equal(valueOf('Sales fell over the past three years.', 'the past three years'), 'P3Y');
  assert.equal(run('The now-defunct agency closed.', '2000-01-31').times.length, 0);
});

test('quarters, halves and fiscal years', () => {
  assert.equal(valueOf('The company said third-quarter profit rose 8%.', 'third-quarter', '1998-11-02'), '1998-Q3');
  assert.equal(valueOf('Sales rose in the first half of 2024.', 'the first half of 2024'), '2024-H1');
  assert.equal(valueOf('The agency expects a deficit in fiscal 1998.', 'fiscal 1998'), 'FY1998');
  assert.equal(valueOf('Revenue grew 4% in the third quarter of 1997, compared with the year-ago quarter.', 'the year-ago quarter'), '1996-Q3');
  const nine = find('Profit for the first nine months rose 12%.', 'the first nine months');
  assert.equal(nine.value, 'P9M');
  assert.equal(nine.type, 'DURATION');
  // a half of a match is no half of the year
  assert.ok(!run('Sweden scored in the second half.', '2000-01-31').times.some((t) => t.value.includes('-H')));
});

test('seasons, weeks and parts of the day', () => {
  assert.equal(valueOf('The treaty was signed in the summer of 2001.', 'summer of 2001'), '2001-SU');
  const friday = find('The two leaders met Friday morning in Geneva.', 'Friday morning');
  assert.equal(friday.value, '2000-01-28TMO');
  assert.equal(friday.type, 'TIME');
  assert.equal(valueOf('The fire broke out late last night.', 'last night'), '2000-01-30TNI');
  assert.equal(valueOf('He was arrested on the night of January 21.', 'the night of January 21'), '2000-01-21TNI');
  assert.equal(valueOf('The minister resigned last week.', 'last week'), '2000-W04');
  assert.equal(valueOf('The minister will resign this week.', 'this week'), '2000-W05');
});

test('sets carry their frequency', () => {
  for (const [text, phrase, value] of [
    ['The paper is published daily in three languages.', 'daily', 'P1D'],
    ['She visits the clinic every day.', 'every day', 'P1D'],
    ['The fee is reviewed annually by the board.', 'annually', 'P1Y'],
    ['The council meets weekly.', 'weekly', 'P1W'],
    ['The census is held every ten years.', 'every ten years', 'P10Y'],
    ['The committee meets twice a year.', 'twice a year', 'P1Y'],
  ]) {
    const t = find(text, phrase);
    assert.equal(t.value, value, text);
    assert.equal(t.type, 'SET', text);
  }
  // a newspaper's name is no frequency
  assert.ok(!run('The Daily Telegraph reported the deal.', '2000-01-31').times.some((t) => t.type === 'SET'));
});

test('vague durations keep X for the count', () => {
  assert.equal(valueOf('The two clans have feuded for decades.', 'decades'), 'PXDE');
  assert.equal(valueOf('The ruins stood untouched for centuries.', 'centuries'), 'PXCE');
  assert.equal(valueOf('The talks dragged on for years.', 'years'), 'PXY');
});

test('mod: the words around a count or a day', () => {
  const about = find('The siege lasted about three years.', 'about three years');
  assert.equal(about.value, 'P3Y');
  assert.equal(about.mod, 'APPROX');
  assert.equal(find('He was sentenced to at least 20 years.', 'at least 20 years').mod, 'EQUAL_OR_MORE');
  const ago = find('The mine closed more than a decade ago.', 'more than a decade ago');
  assert.equal(ago.value, '1990');
  assert.equal(ago.mod, 'BEFORE');
  assert.equal(find('The results came in early today.', 'early today').mod, 'START');
  assert.equal(find('Voting ends in late March.', 'late March').mod, 'END');
  assert.equal(find('The fire started at around 3:30am on Sunday.', 'around 3:30am on Sunday').mod, 'APPROX');
});

test('the anchor a value was counted from is recorded', () => {
  const y = find('The minister resigned yesterday.', 'yesterday');
  assert.deepEqual(y.anchor, { kind: 'publication', value: '2000-01-31' });
  const later = find('The ceasefire began on March 3, 1999. Two days later, fighting resumed.', 'Two days later');
  assert.equal(later.value, '1999-03-05');
  assert.equal(later.anchor?.kind, 'text');
  assert.equal(later.anchor?.value, '1999-03-03');
});

test('tense decides the direction of a weekday or a month', () => {
  // published Monday 2000-01-31
  assert.equal(valueOf('The two leaders will meet Tuesday in Paris.', 'Tuesday'), '2000-02-01');
  assert.equal(valueOf('The two leaders met Tuesday in Paris.', 'Tuesday'), '2000-01-25');
  assert.equal(valueOf('The president plans to visit Japan in May.', 'May'), '2000-05');
  assert.equal(valueOf('The president visited Japan in May.', 'May'), '1999-05');
  // a trial "has been scheduled" lies ahead; events "were scheduled" in a past story did not
  assert.equal(valueOf('His trial has been scheduled for November.', 'November', '2019-06-28'), '2019-11');
  // a day and month in the article's own month is not last year's
  assert.equal(valueOf('The ministers met on Jan. 14 to discuss the budget.', 'Jan. 14', '2000-01-20'), '2000-01-14');
  assert.equal(valueOf('The talks resume on Jan. 24.', 'Jan. 24', '2000-01-20'), '2000-01-24');
});

test('the reference time moves with the narrative', () => {
  const text = 'The rebels took the town on March 3, 1998. Two days later the army retook it, and the following week talks began.';
  assert.equal(valueOf(text, 'Two days later'), '1998-03-05');
  assert.equal(valueOf(text, 'the following week'), '1998-W11');
  // quoted speech keeps the day it was spoken
  assert.equal(valueOf('On Saturday, the coach said: "Today we played well."', 'Today', '2000-01-31'), '2000-01-29');
});

test('an untrustworthy publication date anchors nothing', () => {
  for (const placeholder of ['0001-01-01', '1970-01-01', '1850-06-01', '2999-01-01']) {
    const doc = run('Three men were charged Tuesday. The plant closed last year.', placeholder);
    assert.equal(doc.published, null, placeholder);
    const tuesday = doc.times.find((t) => t.text === 'Tuesday');
    assert.equal(tuesday?.value, 'XXXX-WXX-2', placeholder);
    assert.equal(doc.times.find((t) => t.text === 'last year')?.value, 'XXXX', placeholder);
    assert.match(String(doc.notes.get('times.published')), /set aside/);
  }
  // the text's own dateline takes its place, and says so
  const doc = run('LONDON, Feb. 16, 2025 (Reuters) - Three men were charged Tuesday.', '0001-01-01');
  assert.equal(doc.published, '2025-02-16');
  assert.equal(doc.publishedSource, 'dateline');
  assert.equal(doc.times.find((t) => t.text === 'Tuesday')?.value, '2025-02-11');
  const result = toResult(doc);
  assert.equal(result.published_source, 'dateline');
  ResultSchema.parse(result);
});

test('publication date candidates: checks, URL paths, datelines and the choice', () => {
  const now = Date.UTC(2025, 1, 20);
  assert.equal(untrustedBecause('0001-01-01', now), 'a placeholder date');
  assert.equal(untrustedBecause('1899-05-01', now), 'before 1900');
  assert.equal(untrustedBecause('2025-03-01', now), 'after the time of ingest');
  assert.equal(untrustedBecause('2024-02-30', now), 'not a calendar day');
  assert.equal(trustedDay('2025-02-16T10:00:00Z', now), '2025-02-16');
  assert.equal(urlDate('https://news.example/2019/11/19/storm-hits-coast')?.day, '2019-11-19');
  assert.equal(urlDate('https://news.example/world/2019-nov-19/storm')?.day, '2019-11-19');
  assert.equal(urlDate('https://news.example/articles/20191119/storm')?.day, '2019-11-19');
  assert.equal(urlDate('https://news.example/world/storm-hits-coast'), null);
  assert.equal(datelineDate('Storm hits coast\n\nTuesday, November 19, 2019\n\nA storm hit the coast.')?.day, '2019-11-19');
  assert.equal(datelineDate('He was born on 3 May 1950 in Leeds and died in 2019.'), null);
  // a placeholder loses to the URL; two agreeing sources beat one
  const c = choosePublished([
    { day: '0001-01-01', source: 'json-ld', raw: '0001-01-01T00:00:00' },
    { day: '2019-11-19', source: 'url', raw: '2019/11/19' },
  ], now);
  assert.equal(c.published, '2019-11-19');
  assert.equal(c.source, 'url');
  assert.equal(c.rejected[0].why, 'a placeholder date');
  const d = choosePublished([
    { day: '2019-11-20', source: 'meta', raw: '2019-11-20' },
    { day: '2019-11-19', source: 'url', raw: '2019/11/19' },
    { day: '2019-11-19', source: 'dateline', raw: 'November 19, 2019' },
  ], now);
  assert.equal(d.published, '2019-11-19');
});

test('a page with a placeholder date in its metadata is dated by its URL or its dateline', () => {
  const body = '<p>' + 'The council voted on Tuesday to close the old bridge for repairs, officials said. '.repeat(8) + '</p>';
  const page = (head: string, text: string) => `<html><head>${head}</head><body><article><h1>Bridge closes</h1>${text}${body}</article></body></html>`;
  const placeholder = '<meta property="article:published_time" content="0001-01-01T00:00:00Z">';
  const fromUrl = extractArticle(page(placeholder, ''), { url: 'https://city.example/2019/11/19/bridge-closes' });
  assert.equal(fromUrl.published, '2019-11-19');
  assert.equal(fromUrl.publishedSource, 'url');
  const fromText = extractArticle(page(placeholder, '<p>Tuesday, November 19, 2019</p>'), { url: 'https://city.example/news/bridge' });
  assert.equal(fromText.published, '2019-11-19');
  assert.equal(fromText.publishedSource, 'dateline');
  const none = extractArticle(page(placeholder, ''), { url: 'https://city.example/news/bridge' });
  assert.equal(none.published, null);
  assert.equal(none.publishedSource, null);
});

test('names and mastheads that hold time words are not times', () => {
  const names = run('The report first appeared in USA TODAY on Monday. She later told Good Morning America she was fine. '
    + 'The charity Tuesday\'s Child raised money. He also spoke to Fox News Sunday. "No Jennifer Lopez News Today" was the headline.', '2000-01-31');
  assert.deepEqual(names.times.map((t) => t.text), ['Monday']);
  // the same words as times stay times
  assert.equal(valueOf('Today, the minister said the talks had failed.', 'Today'), '2000-01-31');
  assert.equal(valueOf('Fighting resumed on Sunday morning.', 'Sunday morning'), '2000-01-30TMO');
});

for (const backend of backends()) {
  test(`${backend.name}: no document is stored dated before 1900 or after its ingest`, { skip: backend.skip }, async () => {
    const { store, cleanup } = await backend.open();
    try {
      for (const [i, published] of ['1850-01-01', '2999-12-31', '0001-01-01'].entries()) {
        const r = article({ id: `d${i}`, title: 'Flood', source: 'test', published, paragraphs: [`Report number ${i} on the flood in the valley.`], entities: [] });
        const { id } = await store.ingest(r);
        assert.equal((await store.getDocument(id))?.published, null, published);
      }
      const ok = article({ id: 'ok', title: 'Flood', source: 'test', published: '2024-05-01', paragraphs: ['A dated report on the flood.'], entities: [] });
      const { id } = await store.ingest(ok);
      assert.equal((await store.getDocument(id))?.published, '2024-05-01');
    } finally {
      await store.close();
      await cleanup();
    }
  });
}
