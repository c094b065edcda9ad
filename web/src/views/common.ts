import { h } from '../dom.js';
import type { DuplicateRef, EntitySummary, SourceRef } from '../api.js';

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

/** What each factuality means, for the badge's tooltip (the same words as src/doc.ts FACTUALITY_INFO). */
const FACTUALITY_TIP: Record<string, string> = {
  asserted: 'reported as having happened',
  negated: 'reported as not having happened',
  future: 'planned, scheduled or expected',
  hypothetical: 'possible, wanted, conditional',
  threatened: 'threatened',
  alleged: 'said to have happened, not established',
  attempted: 'tried',
  denied: 'denied, disputed or rejected by someone in the text',
};

/** An event's factuality as its older results carried it (negated, modality) when the field is missing. */
/** Events the detector is less sure of than this (calibrated confidence) are shown dimmed, marked "unsure"
 * (the same threshold as src/store/case.ts MIN_STATUS_CONFIDENCE: such an event makes no status). */
export const UNSURE_EVENT = 0.5;

export const unsureEvent = (ev: { confidence?: number | null }): boolean => ev.confidence != null && ev.confidence < UNSURE_EVENT;

export function factualityOf(e: { factuality?: string | null; negated: boolean; modality: string | null }): string {
  if (e.factuality) return e.factuality;
  if (e.negated) return 'negated';
  return e.modality === 'future' || e.modality === 'hypothetical' ? e.modality : 'asserted';
}

/** Every event shows how the text reports it: asserted, negated, alleged, future … */
export function factualityBadge(f: string): HTMLElement {
  return h('span', { class: `badge fact f-${f}`, title: FACTUALITY_TIP[f] ?? f, 'data-testid': 'factuality' }, f);
}

/** A source sentence exactly as written: no quote marks added around it (its own stay, once). */
export function sentence(text: string): HTMLElement {
  return h('span', { class: 'sentence', 'data-testid': 'sentence' }, text);
}

export function sourceLink(s: SourceRef, extra = ''): HTMLElement {
  const label = [s.source, s.published].filter(Boolean).join(', ');
  return h('a', { class: 'source', href: `#/doc/${s.document_id}${extra}`, title: s.title ?? '', 'data-testid': 'source-link' }, label || s.title || `document ${s.document_id}`);
}

/** "also copied by: X, Y": near-duplicates of a source, linked but not counted as sources */
export function copiesNote(copies: SourceRef[]): HTMLElement | null {
  if (!copies.length) return null;
  return h('span', { class: 'copies-note', 'data-testid': 'copies-note' }, ` (also copied by `,
    copies.flatMap((c, i) => {
      const label = [c.source, c.published].filter(Boolean).join(', ') || c.title || `document ${c.document_id}`;
      const link = h('a', { class: 'copy-link', href: `#/doc/${c.document_id}`, title: c.title ?? '', 'data-testid': 'copy-link' }, label);
      return i ? [', ', link] : [link];
    }), ')');
}

/** A near-duplicate's mark in article lists: "copy of …", linking to the first copy. */
export function duplicateBadge(d: DuplicateRef | null, testid = 'duplicate-badge'): HTMLElement | null {
  if (!d) return null;
  const title = d.title ?? `document ${d.id}`;
  return h('a', { class: 'badge dup', href: `#/doc/${d.id}`, title: `a near-duplicate (syndicated or lightly edited copy) of “${title}”${d.similarity !== null ? `, ${Math.round(d.similarity * 100)}% similar` : ''}; its facts are counted once, with the first copy`, 'data-testid': testid },
    `copy of “${title.length > 60 ? `${title.slice(0, 58)}…` : title}”`);
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
