import { h } from '../dom.js';
import type { EntitySummary, SourceRef } from '../api.js';

export const TYPE_LABEL: Record<string, string> = {
  PERSON: 'person', ORG: 'organisation', GPE: 'place', LOC: 'location', FAC: 'facility', NORP: 'group',
  PRODUCT: 'product', EVENT: 'event', WORK_OF_ART: 'work', LAW: 'law', LANGUAGE: 'language',
};

export function typeBadge(type: string): HTMLElement {
  return h('span', { class: `badge t-${type}` }, TYPE_LABEL[type] ?? type.toLowerCase());
}

export function entityCard(e: EntitySummary): HTMLElement {
  return h('a', { class: 'card entity-card', href: `#/entity/${e.id}`, 'data-testid': 'entity-card' },
    h('div', { class: 'card-title' }, e.name, ' ', typeBadge(e.type)),
    e.aliases.length ? h('div', { class: 'aliases' }, 'also: ', e.aliases.slice(0, 6).join(' · ')) : null,
    h('div', { class: 'meta' }, `${e.document_count} document${e.document_count === 1 ? '' : 's'} · ${e.mention_count} mentions`));
}

export function sourceLink(s: SourceRef, extra = ''): HTMLElement {
  const label = [s.source, s.published].filter(Boolean).join(', ');
  return h('a', { class: 'source', href: `#/doc/${s.document_id}${extra}`, title: s.title ?? '', 'data-testid': 'source-link' }, label || s.title || `document ${s.document_id}`);
}

export function date(value: string | null): string {
  if (!value) return 'undated';
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!m) return value;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  if (m[3]) return `${Number(m[3])} ${months[Number(m[2]) - 1]} ${m[1]}`;
  if (m[2]) return `${months[Number(m[2]) - 1]} ${m[1]}`;
  return m[1];
}

export function section(title: string, testid: string, ...body: Array<Node | null>): HTMLElement {
  return h('section', { class: 'panel', 'data-testid': testid }, h('h2', {}, title), ...body);
}

export function empty(text: string): HTMLElement {
  return h('p', { class: 'empty' }, text);
}
