import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseFeed, looksLikeFeed } from '../src/ingest/feed.js';
import { readDocuments, type InputItem } from '../src/ingest/input.js';

const FEEDS = fileURLToPath(new URL('../../test/fixtures/feeds/', import.meta.url));
const collect = async (it: AsyncIterable<InputItem>) => {
  const out: InputItem[] = [];
  for await (const x of it) out.push(x);
  return out;
};

test('RSS 2.0: full content preferred, cleaned to paragraphs; summary-only entries use the description', () => {
  const feed = parseFeed(readFileSync(FEEDS + 'rss.xml', 'utf8'));
  assert.equal(feed.kind, 'rss');
  assert.equal(feed.title, 'Harbour Gazette & Wire');
  assert.equal(feed.entries.length, 4);
  const [convoy, minister] = feed.entries;
  assert.equal(convoy.title, 'Aid convoy reaches besieged town after three weeks');
  assert.equal(convoy.link, 'https://gazette.example.org/2025/02/14/aid-convoy');
  assert.equal(convoy.published, '2025-02-14');
  assert.equal(convoy.author, 'Maria Lopez');
  assert.equal(convoy.full, true);
  assert.equal(
    convoy.text,
    'A convoy of 40 trucks carrying food and medicine reached the town of Kessel on Friday, three weeks after the last road was closed, the Red Cross said.\n\n' +
      '“We were able to deliver supplies for 10,000 people,” said Anna Berg, a spokeswoman for the organisation, adding that more convoys would follow next week.',
  );
  assert.equal(minister.full, false);
  assert.equal(minister.title, 'Minister resigns over contract inquiry');
  assert.equal(minister.id, 'gazette-8812');
  assert.equal(minister.published, '2025-02-13');
  assert.match(minister.text, /won a £3m road contract\.\n\nMr Hall said he had done nothing wrong/);
  assert.equal(feed.entries[3].text, '');
});

test('Atom: XHTML content, HTML summary, alternate link, published over updated', () => {
  const feed = parseFeed(readFileSync(FEEDS + 'atom.xml', 'utf8'));
  assert.equal(feed.kind, 'atom');
  assert.equal(feed.link, 'https://notes.example.net/');
  const [freed, talks] = feed.entries;
  assert.equal(freed.title, 'Journalist freed after nine months in captivity');
  assert.equal(freed.link, 'https://notes.example.net/2025/03/freed');
  assert.equal(freed.id, 'tag:notes.example.net,2025:17');
  assert.equal(freed.published, '2025-03-01', 'the publisher’s stated day');
  assert.equal(freed.author, 'Sam Okafor');
  assert.equal(freed.full, true);
  assert.match(freed.text, /^A freelance reporter who had been held .* his family said\.\n\nHis brother told reporters that he was “tired but in good spirits”/);
  assert.equal(talks.full, false);
  assert.equal(talks.published, '2025-02-27');
  assert.equal(talks.text, 'Negotiators from both sides met in Geneva on Thursday for the first time since the ceasefire collapsed in the autumn.');
});

test('not a feed: clear errors', () => {
  assert.throws(() => parseFeed('<html><body>hi</body></html>'), /not an RSS or Atom feed/);
  assert.throws(() => parseFeed('<rss><channel><item><title>x</title></channel></rss>'), /malformed XML/);
  assert.equal(looksLikeFeed('<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0">'), true);
  assert.equal(looksLikeFeed('<!doctype html><html>'), false);
});

test('reader: feed entries become documents named feed#n; French and empty entries are reported, the rest goes on', async () => {
  const items = await collect(readDocuments([FEEDS + 'rss.xml', FEEDS + 'atom.xml']));
  const ok = items.filter((i) => i.ok);
  assert.deepEqual(ok.map((i) => i.origin.replace(FEEDS, '')), ['rss.xml#1', 'rss.xml#2', 'atom.xml#1', 'atom.xml#2']);
  const first = ok[0].ok ? ok[0].doc : null;
  assert.equal(first?.source, FEEDS + 'rss.xml');
  assert.equal(first?.url, 'https://gazette.example.org/2025/02/14/aid-convoy');
  assert.equal(first?.published, '2025-02-14');
  const french = items.find((i) => i.origin.endsWith('rss.xml#3'));
  assert.ok(french && !french.ok && french.skipped && /not English \(looks like fr/.test(french.error), JSON.stringify(french));
  const empty = items.find((i) => i.origin.endsWith('rss.xml#4'));
  assert.ok(empty && !empty.ok && !empty.skipped && /"Photo gallery" has no text/.test(empty.error));
  // --any-language keeps the French entry
  const all = await collect(readDocuments([FEEDS + 'rss.xml'], { anyLanguage: true }));
  assert.equal(all.filter((i) => i.ok).length, 3);
});

test('reader: --feed on a file that is not a feed names the file', async () => {
  const [item] = await collect(readDocuments([FEEDS + '../pages/LICENSE'], { feed: true }));
  assert.ok(!item.ok && /not an RSS or Atom feed|malformed XML/.test(item.error) && item.origin.endsWith('LICENSE'));
});
