import { api } from '../api.js';
import { h, snippet } from '../dom.js';
import type { DocumentSummary } from '../api.js';
import { date, duplicateBadge, empty, entityCard, section } from './common.js';

/** One article in a list: title, outlet, date, counts, and its near-duplicate link either way. */
function docItem(d: DocumentSummary): HTMLElement {
  return h('li', {},
    h('a', { href: `#/doc/${d.id}` }, d.title ?? `document ${d.id} (untitled)`),
    h('span', { class: 'meta' }, ` ${[d.source, date(d.published)].filter(Boolean).join(' · ')} · ${d.entity_count} entities · ${d.event_count} events · ${d.quote_count} quotes`),
    d.duplicate_of ? [' ', duplicateBadge(d.duplicate_of)] : null,
    d.copy_count ? h('span', { class: 'badge copies', title: 'near-duplicates of this article (syndicated copies), counted once' }, `+${d.copy_count} ${d.copy_count === 1 ? 'copy' : 'copies'}`) : null);
}

export async function homeView(): Promise<HTMLElement> {
  const [docs, people, orgs] = await Promise.all([api.documents(12), api.entities(undefined, 'PERSON', 12), api.entities(undefined, 'ORG', 8)]);
  return h('div', { class: 'home' },
    h('p', { class: 'lede' }, `${docs.total} articles in the case file. Search a name in any spelling, a place or words of a quote.`),
    h('div', { class: 'columns' },
      section('People most reported', 'top-people', people.length ? h('div', { class: 'cards' }, people.map(entityCard)) : empty('No people yet.')),
      section('Organisations', 'top-orgs', orgs.length ? h('div', { class: 'cards' }, orgs.map(entityCard)) : empty('No organisations yet.'))),
    section('Latest articles', 'latest-docs', h('p', {}, h('a', { href: '#/docs' }, `All ${docs.total} articles →`)), docs.items.length
      ? h('ul', { class: 'doc-list' }, docs.items.map(docItem))
      : empty('No articles yet: run chronicle ingest FILE…')));
}

export async function searchView(q: string): Promise<HTMLElement> {
  const hits = await api.search(q);
  return h('div', { class: 'search' },
    h('h1', {}, 'Results for “', q, '”'),
    section('People, organisations and places', 'entity-results', hits.entities.length ? h('div', { class: 'cards' }, hits.entities.map(entityCard)) : empty('No entity has this name.')),
    section('Articles', 'document-results', hits.documents.length
      ? h('ul', { class: 'doc-list' }, hits.documents.map((d) => h('li', {},
          h('a', { href: `#/doc/${d.id}` }, d.title ?? `document ${d.id} (untitled)`),
          h('span', { class: 'meta' }, ` ${[d.source, date(d.published)].filter(Boolean).join(' · ')}`),
          d.duplicate_of ? [' ', duplicateBadge(d.duplicate_of)] : null,
          d.copies.length ? h('span', { class: 'meta' }, ' · also copied by ', d.copies.flatMap((c, i) => {
            const link = h('a', { href: `#/doc/${c.id}`, 'data-testid': 'copy-link' }, c.source ?? c.title ?? `document ${c.id}`);
            return i ? [', ', link] : [link];
          })) : null,
          h('div', {}, snippet(d.snippet)))))
      : empty('No article contains these words.')),
    section('Quotes', 'quote-results', hits.quotes.length
      ? h('ul', { class: 'quote-list' }, hits.quotes.map((x) => h('li', {},
          h('blockquote', {}, x.text),
          h('div', { class: 'meta' }, '— ', x.speaker ? (x.speaker.id ? h('a', { href: `#/entity/${x.speaker.id}` }, x.speaker.name) : x.speaker.name) : 'unattributed', ', in ', h('a', { href: `#/doc/${x.document_id}` }, x.title ?? `document ${x.document_id}`)))))
      : empty('No quote contains these words.')));
}

/** Every stored article, newest first, a page at a time. */
export async function documentsView(offset: number): Promise<HTMLElement> {
  const size = 50;
  const page = await api.documents(size, offset);
  const last = Math.min(offset + size, page.total);
  return h('div', { class: 'documents' },
    h('h1', {}, 'Articles'),
    section(`${page.total ? offset + 1 : 0}–${last} of ${page.total}`, 'all-docs', page.items.length
      ? h('ul', { class: 'doc-list' }, page.items.map(docItem))
      : empty('No articles yet: run chronicle ingest FILE…'),
      h('div', { class: 'pager' },
        offset > 0 ? h('a', { href: `#/docs?offset=${Math.max(0, offset - size)}` }, '← newer') : null,
        last < page.total ? h('a', { href: `#/docs?offset=${last}` }, 'older →') : null)));
}
