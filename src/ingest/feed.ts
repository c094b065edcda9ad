/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds → entries. An entry's text is its full content
 * (content:encoded, Atom content) when the feed carries it, else its description/summary;
 * HTML content is cleaned to paragraphs with the same rules as article pages.
 */
import { XMLParser } from 'fast-xml-parser';
import { InputError } from './errors.js';
import { failureReason } from './limits.js';
import { decodeEntities, htmlFragmentToText, toDay } from './html.js';

/** Does this text look like a feed rather than a web page? (in sniff.ts, so input.ts asks without loading the XML parser) */
export { looksLikeFeed } from './sniff.js';

export interface FeedEntry {
  /** guid / Atom id, else the link */
  id: string | null;
  title: string | null;
  link: string | null;
  /** YYYY-MM-DD from pubDate / published / dc:date / updated */
  published: string | null;
  author: string | null;
  /** entry text, paragraphs separated by blank lines ('' when the entry has none) */
  text: string;
  /** true when the text is the entry's full content, false for a summary */
  full: boolean;
  /** why the entry's content could not be read (markup nested too deep, say): this entry fails alone */
  error?: string;
}

export interface Feed {
  kind: 'rss' | 'atom' | 'rdf';
  title: string | null;
  link: string | null;
  entries: FeedEntry[];
}

type X = string | number | boolean | null | undefined | X[] | { [k: string]: X };
type XObj = { [k: string]: X };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  // keep content elements raw: they hold (escaped or CDATA) HTML, or XHTML markup in Atom
  stopNodes: ['*.content:encoded', '*.description', '*.content', '*.summary'],
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
  processEntities: true,
  htmlEntities: true,
  trimValues: true,
});

function str(v: X): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v).trim() || null;
  if (Array.isArray(v)) return str(v[0]);
  return str(v['#text']);
}

/** Raw element content → its text: CDATA sections unwrapped, entities outside them decoded. */
function rawContent(raw: string): string {
  let out = '';
  let last = 0;
  const re = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    out += decodeEntities(raw.slice(last, m.index)) + m[1];
    last = m.index + m[0].length;
  }
  return (out + decodeEntities(raw.slice(last))).trim();
}

/** Content of a stop node (string, or object with #text and @_type) → plain text paragraphs. */
function contentText(v: X): string {
  if (v === undefined || v === null) return '';
  const node: XObj = typeof v === 'object' && !Array.isArray(v) ? v : { '#text': Array.isArray(v) ? (v[0] as X) : v };
  const raw = typeof node['#text'] === 'string' ? node['#text'] : String(node['#text'] ?? '');
  const type = String(node['@_type'] ?? '').toLowerCase();
  // Atom XHTML content is markup already; everything else is escaped HTML or text
  const body = type === 'xhtml' ? raw : rawContent(raw);
  if (type === 'text' || !/<[a-z][^<>]*>/i.test(body)) {
    return body.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n\n');
  }
  return htmlFragmentToText(body);
}

function plain(v: X): string | null {
  const s = str(v);
  return s ? decodeEntities(s.replace(/<[^<>]+>/g, ' ')).replace(/\s+/g, ' ').trim() || null : null;
}

function atomLink(links: X): string | null {
  if (!Array.isArray(links)) links = links === undefined ? [] : [links];
  const list = links as X[];
  const pick = list.find((l) => typeof l === 'object' && l !== null && !Array.isArray(l) && (l['@_rel'] === undefined || l['@_rel'] === 'alternate') && l['@_href']) ?? list[0];
  if (pick && typeof pick === 'object' && !Array.isArray(pick)) return str(pick['@_href']) ?? str(pick);
  return str(pick);
}

/** Content and summary as text, or why they could not be read (so that one entry fails, not the feed). */
function contents(content: X, summary: X): { full: string; summary: string; error?: string } {
  try {
    return { full: contentText(content), summary: contentText(summary) };
  } catch (err) {
    return { full: '', summary: '', error: failureReason(err) };
  }
}

function entryFromRss(item: XObj): FeedEntry {
  const { full, summary, error } = contents(item['content:encoded'], item.description);
  const guid = str(item.guid);
  const guidIsLink = typeof item.guid === 'object' && item.guid !== null && !Array.isArray(item.guid) && item.guid['@_isPermaLink'] !== 'false' && /^https?:/i.test(guid ?? '');
  const link = str(item.link) ?? (guidIsLink ? guid : null);
  return {
    id: guid ?? link,
    title: plain(item.title),
    link,
    published: toDay(str(item.pubDate) ?? str(item['dc:date']) ?? str(item.published) ?? str(item.updated)),
    author: plain(item['dc:creator']) ?? plain(item.author),
    text: full || summary,
    full: full !== '',
    ...(error ? { error } : {}),
  };
}

function entryFromAtom(entry: XObj): FeedEntry {
  const { full, summary, error } = contents(entry.content, entry.summary);
  const link = atomLink(entry.link);
  const author = entry.author;
  const authorName = author && typeof author === 'object' && !Array.isArray(author) ? plain(author.name) : plain(author);
  return {
    id: str(entry.id) ?? link,
    title: plain(entry.title),
    link,
    published: toDay(str(entry.published) ?? str(entry.updated) ?? str(entry['dc:date'])),
    author: authorName,
    text: full || summary,
    full: full !== '',
    ...(error ? { error } : {}),
  };
}

const asList = (v: X): XObj[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]).filter((x): x is XObj => typeof x === 'object' && x !== null && !Array.isArray(x));

/** Parse a feed document. Throws InputError when it is not RSS or Atom. */
export function parseFeed(xml: string): Feed {
  let doc: XObj;
  try {
    doc = parser.parse(xml, true) as XObj;
  } catch (err) {
    throw new InputError(`malformed XML (${(err as Error).message.split('\n')[0].slice(0, 200)})`);
  }
  const rss = doc.rss;
  if (rss && typeof rss === 'object' && !Array.isArray(rss)) {
    const channel = asList(rss.channel)[0] ?? {};
    return { kind: 'rss', title: plain(channel.title), link: str(channel.link), entries: asList(channel.item).map(entryFromRss) };
  }
  const feed = doc.feed;
  if (feed && typeof feed === 'object' && !Array.isArray(feed)) {
    return { kind: 'atom', title: plain(feed.title), link: atomLink(feed.link), entries: asList(feed.entry).map(entryFromAtom) };
  }
  const rdf = doc['rdf:RDF'];
  if (rdf && typeof rdf === 'object' && !Array.isArray(rdf)) {
    const channel = asList(rdf.channel)[0] ?? {};
    return { kind: 'rdf', title: plain(channel.title), link: str(channel.link), entries: asList(rdf.item).map(entryFromRss) };
  }
  throw new InputError('not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> root)');
}
