import { api } from '../api.js';
import { h, snippet } from '../dom.js';
import type { CaseFile, DocumentSummary, EntitySummary } from '../api.js';
import { date, duplicateBadge, empty, entityCard, section } from './common.js';
import { statusStrip } from './entity.js';
import { countryName, countrySelect } from './map.js';

/** How much a person's case file shows at first sight: statuses, sources that disagree, sources. */
function caseWeight(c: CaseFile): number {
  const sources = new Set(c.events.flatMap((e) => e.sources.map((s) => s.document_id))).size;
  return c.status.length * 2 + c.conflicts.length * 3 + Math.min(sources, 10);
}

/**
 * The home page leads with the richest case among the people most reported: a person with a
 * status over time, several sources and, best, sources that disagree.
 */
async function leadCase(people: EntitySummary[]): Promise<HTMLElement | null> {
  const cases = (await Promise.all(people.slice(0, 6).map((p) => api.timeline(p.id).catch(() => null)))).filter((c): c is CaseFile => c !== null && c.status.length > 0);
  if (!cases.length) return null;
  const c = cases.sort((a, b) => caseWeight(b) - caseWeight(a))[0];
  const e = c.entity;
  const sources = new Set(c.events.flatMap((x) => x.sources.map((s) => s.document_id))).size;
  return h('section', { class: 'panel lead-case', 'data-testid': 'lead-case' },
    h('h2', {}, 'Case: ', h('a', { href: `#/entity/${e.id}`, 'data-testid': 'lead-case-link' }, e.name)),
    e.aliases.length ? h('p', { class: 'aliases' }, 'also written: ', e.aliases.filter((a) => a.includes(' ')).slice(0, 5).join(' · ') || e.aliases.slice(0, 5).join(' · ')) : null,
    statusStrip(c),
    h('p', { class: 'meta' }, `${c.events.length} events from ${sources} source${sources === 1 ? '' : 's'}`),
    c.conflicts.length ? h('div', { class: 'lead-conflicts', 'data-testid': 'lead-conflicts' }, h('strong', {}, 'Sources disagree: '),
      c.conflicts.map((x, i) => [i ? '; ' : '', `${x.about} — `, x.claims.map((cl) => `${x.kind === 'date' ? date(cl.value) : cl.value} (${[...new Set(cl.sources.map((s) => s.source ?? s.title))].join(', ')})`).join(' vs ')])) : null,
    h('p', {}, h('a', { href: `#/entity/${e.id}` }, 'Open the case file →')));
}

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
  const lead = await leadCase(people);
  return h('div', { class: 'home' },
    h('p', { class: 'lede' }, `${docs.total} articles in the case file. Search a name in any spelling, a place or words of a quote.`),
    lead,
    h('div', { class: 'columns' },
      section('People most reported', 'top-people', people.length ? h('div', { class: 'cards' }, people.map(entityCard)) : empty('No people yet.')),
      section('Organisations', 'top-orgs', orgs.length ? h('div', { class: 'cards' }, orgs.map(entityCard)) : empty('No organisations yet.'))),
    section('Latest articles', 'latest-docs', h('p', {}, h('a', { href: '#/docs' }, `All ${docs.total} articles →`)), docs.items.length
      ? h('ul', { class: 'doc-list' }, docs.items.map(docItem))
      : empty('No articles yet: run chronicle ingest FILE…')));
}

export async function searchView(q: string, country?: string): Promise<HTMLElement> {
  const [hits, choices] = await Promise.all([api.search(q, country), api.countries().catch(() => [])]);
  const go = (cc: string) => {
    location.hash = `#/search?${new URLSearchParams(cc ? { q, country: cc } : { q })}`;
  };
  return h('div', { class: 'search' },
    h('h1', {}, 'Results for “', q, '”', country ? ` in ${countryName(country)}` : ''),
    choices.length || country ? h('div', { class: 'search-tools' }, countrySelect(choices, country, go, 'search-country')) : null,
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
