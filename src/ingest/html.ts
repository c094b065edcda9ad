/**
 * Article pages → documents. The main text comes from Mozilla Readability running on a
 * linkedom DOM; we add generic boilerplate removal around it (share bars, newsletter
 * prompts, captions, related-link lists, link-dense paragraphs) because Readability's
 * weakness is precision: it keeps page furniture that sits inside the article container.
 * Metadata (title, date, byline, canonical URL, site name, language) is read from the
 * untouched page first, since Readability mutates the DOM it parses.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
// English only: the package's index also loads every other locale (3× the start-up cost)
import * as chrono from 'chrono-node/en';
import { list } from '../lexicon/index.js';
import { checkMarkupDepth } from './limits.js';
import { choosePublished, datelineDate, urlDate, type DateCandidate, type PublishedSource } from './published.js';

export interface HtmlArticle {
  /** article body: paragraphs separated by a blank line */
  text: string;
  title: string | null;
  /** publication date as YYYY-MM-DD (the publisher's local date when the page states one) */
  published: string | null;
  /** the publication timestamp exactly as the page gives it */
  publishedRaw: string | null;
  /** where `published` was read (json-ld, meta, microdata, time, url, dateline); null when no candidate could be trusted */
  publishedSource: PublishedSource | null;
  byline: string | null;
  canonicalUrl: string | null;
  siteName: string | null;
  /** language tag from the page (html lang, content-language, og:locale), lower-cased */
  lang: string | null;
  description: string | null;
}

export interface HtmlOptions {
  /** the page's own URL, used to resolve relative canonical links */
  url?: string | null;
  /** skip the boilerplate rules (Readability's output as it comes); for measurement */
  raw?: boolean;
}

type El = Element;

// ---------------------------------------------------------------- metadata

/**
 * Meta properties that carry a page's publication date, in the order they are trusted. Kept in code
 * (count-wordlists counts it): publishers' metadata property names are a protocol table read
 * in order, not words of the language.
 */
const DATE_META_KEYS = [
  'article:published_time', 'og:published_time', 'published_time', 'article:published', 'datepublished',
  'pubdate', 'publishdate', 'publish-date', 'publish_date', 'date', 'dc.date.issued', 'dc.date', 'dcterms.created',
  'dcterms.date', 'sailthru.date', 'parsely-pub-date', 'article.published', 'originalpublicationdate', 'cxenseparse:recs:publishtime',
];
const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNews|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|BlogPosting|LiveBlogPosting|ScholarlyArticle|Report|WebPage)$/;

// no prototype: "&constructor;" is no entity
const NAMED_ENTITIES: Record<string, string> = Object.assign(Object.create(null), { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', ndash: '–', mdash: '—', hellip: '…' });

/** JSON-LD and some meta tags carry HTML entities ("&#8216;"); decode the common ones. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp < 0x110000 ? String.fromCodePoint(cp) : m;
    }
    return NAMED_ENTITIES[e.toLowerCase()] ?? m;
  });
}

function clean(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  const t = decodeEntities(s).replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}

/** "By Jane Doe" → "Jane Doe" */
function cleanByline(s: string | null | undefined): string | null {
  const t = clean(s);
  return t ? clean(t.replace(/^by[:\s]+/i, '')) : null;
}

/** Collect <meta> values by lower-cased property/name/itemprop (first one wins). */
function metaValues(document: Document): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of Array.from(document.querySelectorAll('meta'))) {
    const content = m.getAttribute('content');
    if (content === null || content.trim() === '') continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = m.getAttribute(attr);
      if (key) {
        const k = key.trim().toLowerCase();
        if (!out.has(k)) out.set(k, content.trim());
      }
    }
  }
  return out;
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

function jsonLdObjects(document: Document): Record<string, Json>[] {
  const out: Record<string, Json>[] = [];
  const visit = (v: Json): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      out.push(v);
      if (v['@graph']) visit(v['@graph']);
    }
  };
  for (const s of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      // some sites wrap JSON-LD in CDATA or leave trailing semicolons
      visit(JSON.parse((s.textContent ?? '').replace(/^\s*(\/\/\s*)?<!\[CDATA\[|\]\]>\s*$/g, '').trim().replace(/;\s*$/, '')) as Json);
    } catch {
      /* unreadable JSON-LD is common; the meta tags usually say the same */
    }
  }
  return out;
}

function ldTypes(o: Record<string, Json>): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

function ldName(v: Json | undefined): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return clean(v);
  if (Array.isArray(v)) {
    const names = v.map((x) => ldName(x)).filter((x): x is string => !!x);
    return names.length ? names.join(', ') : null;
  }
  if (typeof v === 'object') return typeof v.name === 'string' ? clean(v.name) : null;
  return null;
}

/** Publication date → YYYY-MM-DD. A stated calendar date is kept as written (the publisher's day). */
export function toDay(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d{10}(\d{3})?$/.test(v) && !/^(19|20)\d{2}(0[1-9]|1[0-2])/.test(v)) {
    // epoch seconds or milliseconds (not a compact YYYYMMDDhh…)
    const ms = v.length === 10 ? Number(v) * 1000 : Number(v);
    return new Date(ms).toISOString().slice(0, 10);
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(v) ?? /^(\d{4})(\d{2})(\d{2})(?:$|T|\d)/.exec(v) ?? /^(\d{4})\/(\d{2})\/(\d{2})/.exec(v);
  if (iso) {
    const day = `${iso[1]}-${iso[2]}-${iso[3]}`;
    return Number.isNaN(Date.parse(day)) ? null : day;
  }
  // free-form dates ("November 19, 2019, 07:47 PM EST"): take the calendar day as stated,
  // not shifted to UTC, since the publisher's day is what the article's "today" refers to
  const found = chrono.parse(v)[0]?.start;
  if (!found || !found.isCertain('year') || !found.isCertain('month') || !found.isCertain('day')) return null;
  const y = found.get('year') ?? 0;
  if (y < 1900 || y > 2100) return null;
  const pad = (n: number | null) => String(n ?? 0).padStart(2, '0');
  return `${y}-${pad(found.get('month'))}-${pad(found.get('day'))}`;
}

function resolveUrl(href: string | null | undefined, base: string | null | undefined): string | null {
  if (!href) return null;
  try {
    return new URL(href.trim(), base ?? undefined).toString();
  } catch {
    return null;
  }
}

/**
 * Every publication date the page states, in the order we trust them: JSON-LD, meta tags,
 * microdata, <time>, the URL path. The choice among them (and the dateline of the text, once it
 * is extracted) is made by choosePublished (published.ts).
 */
function dateCandidates(document: Document, meta: Map<string, string>, article: Record<string, unknown> | undefined, url: string | null, canonical: string | null): DateCandidate[] {
  const out: DateCandidate[] = [];
  const add = (raw: unknown, source: PublishedSource) => {
    if (typeof raw !== 'string' || !raw.trim()) return;
    const day = toDay(raw);
    if (day) out.push({ day, source, raw: raw.trim().slice(0, 80) });
  };
  if (article) add(article.datePublished, 'json-ld');
  // one meta tag per name: the first key that gives a day speaks for the page
  const metaKey = DATE_META_KEYS.find((k) => { const v = meta.get(k); return v !== undefined && toDay(v) !== null; });
  if (metaKey) add(meta.get(metaKey), 'meta');
  const el = document.querySelector('[itemprop="datePublished"]');
  add(el?.getAttribute('datetime') ?? el?.getAttribute('content'), 'microdata');
  // a <time pubdate>, else the first <time datetime> on the page (usually the dateline)
  const times = Array.from(document.querySelectorAll('time[datetime]'));
  add((times.find((t) => t.hasAttribute('pubdate')) ?? times[0])?.getAttribute('datetime'), 'time');
  if (article && !out.some((c) => c.source === 'json-ld')) add(article.dateCreated, 'json-ld');
  const fromUrl = urlDate(url) ?? urlDate(canonical);
  if (fromUrl) out.push(fromUrl);
  return out;
}

function readMetadata(document: Document, url: string | null): Omit<HtmlArticle, 'text'> & { dateCandidates: DateCandidate[] } {
  const meta = metaValues(document);
  const ld = jsonLdObjects(document);
  const article = ld.find((o) => ldTypes(o).some((t) => ARTICLE_TYPES.test(t) && t !== 'WebPage')) ?? ld.find((o) => ldTypes(o).includes('WebPage'));
  const canonicalHrefForDate = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta.get('og:url') ?? null;
  const candidates = dateCandidates(document, meta, article, url, resolveUrl(canonicalHrefForDate, url));
  const choice = choosePublished(candidates);
  const publishedRaw = choice.published ? candidates.find((c) => c.day === choice.published && c.source === choice.source)?.raw ?? null : null;

  const h1 = clean(document.querySelector('h1')?.textContent);
  const docTitle = clean(document.querySelector('title')?.textContent);
  const ldHeadline = article && typeof article.headline === 'string' ? clean(article.headline) : null;
  const title = ldHeadline ?? clean(meta.get('og:title')) ?? clean(meta.get('twitter:title')) ?? h1 ?? (docTitle ? docTitle.replace(/\s+[|–—-]\s+[^|–—-]{2,40}$/, '') : null);

  const authorMeta = meta.get('author') ?? meta.get('article:author') ?? meta.get('sailthru.author') ?? meta.get('parsely-author') ?? meta.get('dc.creator') ?? null;
  let byline = article ? ldName(article.author) : null;
  if (!byline && authorMeta && !/^https?:/i.test(authorMeta)) byline = cleanByline(authorMeta);
  if (!byline) byline = cleanByline(document.querySelector('[rel="author"], [itemprop="author"] [itemprop="name"], [itemprop="author"]')?.textContent);

  const canonicalHref = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta.get('og:url') ?? null;
  const canonicalUrl = resolveUrl(canonicalHref, url) ?? (url && /^https?:/i.test(url) ? url : null);

  const publisher = article ? ldName(article.publisher) : null;
  const siteName = clean(meta.get('og:site_name')) ?? publisher ?? clean(meta.get('application-name')) ?? null;

  const htmlLang = document.documentElement?.getAttribute('lang') ?? document.documentElement?.getAttribute('xml:lang') ?? null;
  const langRaw = clean(htmlLang) ?? clean(meta.get('content-language')) ?? clean(meta.get('og:locale')) ?? (article && typeof article.inLanguage === 'string' ? article.inLanguage : null);
  const lang = langRaw ? langRaw.toLowerCase().replace(/_/g, '-') : null;

  const description = clean(meta.get('description')) ?? clean(meta.get('og:description')) ?? null;
  return { title, published: choice.published, publishedRaw: clean(publishedRaw), publishedSource: choice.source, byline, canonicalUrl, siteName, lang, description, dateCandidates: candidates };
}

// ---------------------------------------------------------------- body text

/*
 * Element names: which elements break text into blocks and which hold no readable text. Kept in
 * code (count-wordlists counts both): they are the HTML standard's rendering rules, part of the
 * text extraction algorithm, not words of the language.
 */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'br', 'summary', 'caption',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'button', 'select', 'textarea', 'input', 'object', 'embed', 'canvas', 'video', 'audio', 'math']);

export interface Block {
  text: string;
  /** tag of the nearest block element that holds the text */
  tag: string;
  /** characters of the text that sit inside links */
  linkChars: number;
}

/** Flatten a DOM subtree into text blocks, one per block-level element run. */
export function blocksOf(root: El): Block[] {
  const out: Block[] = [];
  let buf = '';
  let linkChars = 0;
  const tagStack: string[] = [];
  const flush = (): void => {
    const text = buf.replace(/\s+/g, ' ').trim();
    if (text) out.push({ text, tag: tagStack[tagStack.length - 1] ?? 'div', linkChars: Math.min(linkChars, text.length) });
    buf = '';
    linkChars = 0;
  };
  const walk = (node: Node, inLink: boolean): void => {
    if (node.nodeType === 3) {
      const t = node.nodeValue ?? '';
      buf += t;
      if (inLink) linkChars += t.replace(/\s+/g, ' ').length;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as El;
    const tag = el.tagName.toLowerCase();
    if (SKIP.has(tag)) return;
    const block = BLOCK.has(tag);
    if (block) {
      flush();
      if (tag === 'br' || tag === 'hr') return;
      tagStack.push(tag);
    }
    const link = inLink || tag === 'a';
    for (let c = el.firstChild; c; c = c.nextSibling) {
      walk(c, link);
      // table cells sit side by side on one line
      if (c.nodeType === 1 && /^(td|th)$/i.test((c as El).tagName)) buf += ' ';
    }
    if (block) {
      flush();
      tagStack.pop();
    }
  };
  walk(root, false);
  flush();
  return out;
}

/** Parse a page and return its article: body text plus metadata. */
export function extractArticle(html: string, options: HtmlOptions = {}): HtmlArticle {
  // linkedom needs an <html> element to hang head and body on; fragments and junk get one
  const page = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  checkMarkupDepth(page); // deep nesting overflows the DOM library's recursion (limits.ts)
  const { document } = parseHTML(page);
  const meta = readMetadata(document as unknown as Document, options.url ?? null);
  if (!options.raw) removeFurniture(document as unknown as Document);
  const reader = new Readability<El>(document as unknown as Document, { serializer: (n: Node) => n as El, charThreshold: 400 });
  const parsed = reader.parse();
  let blocks: Block[] = parsed?.content ? blocksOf(parsed.content) : [];
  // the dateline is read before the boilerplate rules drop date lines as page furniture
  const opening = blocks.slice(0, 6).map((b) => b.text).join('\n');
  if (!options.raw) blocks = dropBoilerplate(blocks, meta);
  const text = blocks.map((b) => b.text).join('\n\n');
  // the text's own dateline and Readability's reading are candidates too: the choice is remade
  // with them, so that a placeholder in the metadata gives way to the date the article prints
  const { dateCandidates: candidates, ...pageMeta } = meta;
  const more = [...candidates];
  const fromReadability = toDay(parsed?.publishedTime);
  if (fromReadability && !candidates.length) more.push({ day: fromReadability, source: 'meta', raw: String(parsed?.publishedTime).slice(0, 80) });
  const dateline = datelineDate(opening);
  if (dateline) more.push(dateline);
  const choice = choosePublished(more);
  return {
    ...pageMeta,
    title: meta.title ?? clean(parsed?.title),
    byline: cleanByline(meta.byline) ?? cleanByline(parsed?.byline),
    siteName: meta.siteName ?? clean(parsed?.siteName),
    published: choice.published,
    publishedSource: choice.source,
    publishedRaw: choice.published === meta.published ? meta.publishedRaw : more.find((c) => c.day === choice.published)?.raw ?? null,
    text,
  };
}

// ---------------------------------------------------------------- boilerplate rules

/**
 * Page furniture found inside article containers on news sites, recognised by class/id
 * names. Substrings, because sites write BEM ("article__image-credit") and camel case
 * ("InlineImage-imageEmbedCredit").
 */
const FURNITURE_ATTR = /caption|credit|share|sharing|social|newsletter|subscri|signup|sign-up|promo|related|recirc|breadcrumb|byline|author-?bio|timestamp|dateline|advert|sponsor|outbrain|taboola|most-?read|trending|read-?more|more-?stories|tag-?list|post-?tags|comment|toolbar|disclaimer|disclosure|affiliate|cookie|paywall|meter|slideshow|gallery-?count|visually-?hidden|sr-only|screen-?reader/i;
const FURNITURE_TAGS = new Set(['figcaption', 'nav', 'aside', 'footer', 'form', 'button', 'dialog']);
const NEVER_FURNITURE = new Set(['body', 'article', 'main', 'style', 'script', 'link', 'meta']);
const FURNITURE_ROLES = /^(navigation|complementary|banner|contentinfo|dialog|alert|button|menu|toolbar)$/i;
/** Characters of running prose inside an element: paragraphs of 80+ characters that are mostly not links. */
function proseChars(el: El): number {
  let n = 0;
  for (const p of Array.from(el.querySelectorAll('p'))) {
    const len = (p.textContent ?? '').trim().length;
    if (len < 80) continue;
    let link = 0;
    for (const a of Array.from(p.querySelectorAll('a'))) link += (a.textContent ?? '').length;
    if (link / len < 0.5) n += len;
  }
  return n;
}

/** Remove obvious page furniture before Readability scores the page. */
function removeFurniture(document: Document): void {
  const body = document.body;
  if (!body) return;
  const doomed: El[] = [];
  for (const el of Array.from(body.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    if (NEVER_FURNITURE.has(tag)) continue;
    const attr = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    const role = el.getAttribute('role') ?? '';
    const hidden = el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || /display:\s*none|visibility:\s*hidden/i.test(el.getAttribute('style') ?? '');
    let furniture = FURNITURE_TAGS.has(tag) || FURNITURE_ROLES.test(role) || hidden;
    if (!furniture && attr.trim() && FURNITURE_ATTR.test(attr)) furniture = true;
    if (!furniture) continue;
    // never drop running prose on a class name alone: article wrappers are often named
    // "entry-content read-more" or "article share-enabled", and ASP.NET pages wrap everything in a form
    if (proseChars(el) > 200) continue;
    doomed.push(el);
  }
  for (const el of doomed) el.parentNode?.removeChild(el);
}

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DATE_WORDS = new RegExp(
  `\\b(?:${MONTH}|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|` +
    'updated|posted|published|first|last|modified|on|at|by|am|pm|a\\.m\\.|p\\.m\\.|utc|gmt|[ecmp][sd]t|bst|ist|ago|hours?|minutes?|days?|mins?|hrs?|today|yesterday|' +
    'reading|read|time|min|\\d+(?:st|nd|rd|th)?|\\d{1,2}:\\d{2}(?::\\d{2})?(?:am|pm)?)\\b',
  'gi',
);
/** a line that is only a dateline or a reading time: "Updated Nov 19, 9:41 AM; Posted Nov 18" */
function isDateLine(text: string): boolean {
  if (text.length > 120 || !/\d/.test(text)) return false;
  const rest = text.replace(DATE_WORDS, ' ').replace(/[\s|,.;:()\-–—/+]+/g, '');
  return rest.length <= 2;
}

/** short calls to action and widget labels; matched against a whole short block */
const CALL_TO_ACTION = new RegExp(`^(?:${list('calls-to-action').join('|')})$`, 'i');
const CREDIT = /(?:getty images|shutterstock|ap photo|afp|reuters|associated press|epa|alamy|istock|bloomberg)\s*\)?$/i;
const WORD_RE = /[\p{L}\p{N}]+/gu;

function authorBio(text: string, byline: string | null): boolean {
  if (!byline || wordCount(text) > 80) return false;
  const names = byline.split(/\s*(?:,|\band\b|&)\s*/).flatMap((n) => [n, ...n.split(/\s+/)]).filter((n) => n.length >= 3 && /^\p{Lu}/u.test(n));
  return names.some((n) => text.startsWith(n + ' ') && /^[^.]{0,60}?\b(?:is|was|has been|covers|writes|reports)\b/.test(text.slice(n.length)));
}

function endsSentence(text: string): boolean {
  return /[.!?]["”’)]?$/.test(text);
}

function wordCount(text: string): number {
  return text.match(WORD_RE)?.length ?? 0;
}

/** Drop furniture blocks that survived Readability. Generic rules only. */
function dropBoilerplate(blocks: Block[], meta: Omit<HtmlArticle, 'text'>): Block[] {
  const out: Block[] = [];
  const title = meta.title?.toLowerCase() ?? null;
  let inRelatedList = false;
  for (const b of blocks) {
    const words = wordCount(b.text);
    const lower = b.text.toLowerCase();
    const linkDensity = b.linkChars / Math.max(1, b.text.length);
    const short = words <= 25;
    // a "Related"/"More" heading drops the run of short items that follows it
    if (inRelatedList) {
      if ((b.tag === 'li' && words < 40) || (words < 20 && !/[.!?]["”’]?$/.test(b.text))) continue;
      inRelatedList = false;
    }
    if (short && CALL_TO_ACTION.test(b.text.replace(/[.…:!]+$/, '').trim())) {
      if (/^(?:related|more|you (?:may|might) also|recommended|most |more (?:from|great)|see also|also read)/i.test(b.text) && words <= 6) inRelatedList = true;
      continue;
    }
    if (words === 0) continue;
    if (/^(?:https?:\/\/|www\.)\S+$/.test(b.text)) continue;
    if (isDateLine(b.text)) continue;
    if (title && lower === title) continue;
    if (words <= 12 && CREDIT.test(b.text) && !/[.!?]["”’]?$/.test(b.text.replace(/\)$/, ''))) continue;
    if (words <= 12 && /\s\|\s.*(?:images?|photos?|press|news|agency)$/i.test(b.text)) continue;
    // link lists, breadcrumbs and "read more: …" lines are mostly link text
    // (a sentence with long links in it is prose, so the bar is higher when it ends like one)
    if (short && linkDensity > (endsSentence(b.text) ? 0.9 : 0.5)) continue;
    // newsletter and subscription pitches run longer than a label
    if (words <= 45 && /\b(?:sign up|subscribe|subscription)\b/i.test(b.text) && /\b(?:newsletters?|inbox|issues)\b/i.test(b.text)) continue;
    if (words <= 30 && /\bclick here\b/i.test(b.text)) continue;
    // unrendered WordPress shortcodes ("[button link=…]Send us your review[/button]")
    if (/\[\/[a-z_]+\]/.test(b.text)) continue;
    // the author's bio at the foot ("Regan is a Connecticut native…", "Jane Doe covers energy for…")
    if (authorBio(b.text, meta.byline) && blocks.indexOf(b) >= blocks.length - 3) continue;
    if (words <= 20 && /^(?:copyright\b|©|ⓒ|\(c\)\s)/i.test(b.text) && /\b(?:\d{4}|rights|reserved|copyright)\b|ⓒ/i.test(b.text)) continue;
    // wire-service production credits at the foot of a story
    if (words <= 60 && /^\(?(?:additional )?(?:reporting|writing|editing|compiled|produced) by\b/i.test(b.text)) continue;
    out.push(b);
  }
  return out;
}

/**
 * An HTML fragment (a feed entry's content, say) → paragraphs. No Readability here: the
 * fragment is already the article, so only the furniture and boilerplate rules apply.
 */
export function htmlFragmentToText(fragment: string): string {
  const page = `<!DOCTYPE html><html><head></head><body>${fragment}</body></html>`;
  checkMarkupDepth(page);
  const { document } = parseHTML(page);
  removeFurniture(document as unknown as Document);
  const body = (document as unknown as Document).body;
  if (!body) return '';
  const none = { title: null, published: null, publishedRaw: null, publishedSource: null, byline: null, canonicalUrl: null, siteName: null, lang: null, description: null };
  return dropBoilerplate(blocksOf(body), none).map((b) => b.text).join('\n\n');
}
