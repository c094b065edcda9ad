import { api, ApiError, type CaseFile, type EntityProfile, type TimelineItem } from '../api.js';
import { h } from '../dom.js';
import { copiesNote, date, empty, factualityBadge, section, sentence, sourceLink, typeBadge, unsureEvent, UNSURE_EVENT } from './common.js';
import { relationGraph } from './graph.js';
import { countryName, countrySelect } from './map.js';

/** Links below this confidence are flagged for checking (the same threshold as src/store/identity.ts LOW_CONFIDENCE). */
const LOW_CONFIDENCE = 0.8;

const STATUS_LABEL: Record<string, string> = { abducted: 'abducted', detained: 'detained', held: 'held', released: 'released', killed: 'killed' };

/** abducted → held → released, each with its date. */
export function statusStrip(c: CaseFile): HTMLElement | null {
  if (!c.status.length) return null;
  const steps: HTMLElement[] = [];
  c.status.forEach((s, i) => {
    if (i > 0) steps.push(h('span', { class: 'arrow' }, '→'));
    const when = s.status === 'held' ? (s.from && s.to ? `${date(s.from)} – ${date(s.to)}` : s.from ? `since ${date(s.from)}` : s.to ? `until ${date(s.to)}` : 'dates unknown') : date(s.from);
    steps.push(h('span', { class: `status s-${s.status}`, title: `${s.sources.length} source(s)` }, h('strong', {}, STATUS_LABEL[s.status] ?? s.status), h('span', { class: 'when' }, when)));
  });
  return h('div', { class: 'status-strip', 'data-testid': 'status' }, ...steps);
}

function eventTitle(e: TimelineItem): string {
  const what = e.mode ? `${e.mode}` : e.type.toLowerCase();
  return `${e.factuality === 'negated' || e.factuality === 'denied' ? 'not ' : ''}${what}`;
}

function timeline(c: CaseFile): HTMLElement {
  if (!c.events.length) return empty('No events involving this entity have been extracted yet.');
  return h('ol', { class: 'timeline', 'data-testid': 'timeline' }, c.events.map((e) => {
    const actors = e.participants.filter((p) => p.role === 'actor');
    const recipients = e.participants.filter((p) => p.role === 'recipient');
    const person = (p: { id: number | null; name: string }) => (p.id ? h('a', { href: `#/entity/${p.id}` }, p.name) : h('span', {}, p.name));
    const join = (ps: Array<{ id: number | null; name: string }>) => ps.flatMap((p, i) => (i ? [', ', person(p)] : [person(p)]));
    const unsure = unsureEvent(e);
    return h('li', {
      class: `event ev-${e.type}${unsure ? ' unsure' : ''}`, 'data-testid': 'timeline-event',
      ...(unsure ? { title: `confidence ${Math.round((e.confidence ?? 0) * 100)}%: the detector is unsure this is an event; it makes no status` } : {}),
    },
      h('div', { class: 'when' }, date(e.date)),
      h('div', { class: 'what' },
        h('div', { class: 'headline' },
          h('strong', {}, eventTitle(e)), ' ', factualityBadge(e.factuality), ' ', h('span', { class: 'badge ev' }, e.type),
          unsure ? h('span', { class: 'badge unsure', 'data-testid': 'unsure' }, 'unsure') : null, e.cameo ? h('span', { class: 'cameo', title: 'CAMEO code' }, e.cameo) : null,
          h('span', { class: 'roles' }, ` as ${e.roles.join(' and ')}`),
          e.location ? h('span', { class: 'where' }, ` · ${e.location}`) : null,
          placeNote(e)),
        actors.length || recipients.length ? h('div', { class: 'who' }, actors.length ? ['by ', ...join(actors)] : null, actors.length && recipients.length ? '; ' : null, recipients.length ? ['to ', ...join(recipients)] : null) : null,
        h('ul', { class: 'sources' }, e.sources.map((s) => h('li', {},
          sourceLink(s, `?at=${s.trigger_start}-${s.trigger_end}`), copiesNote(s.copies), ': ',
          sentence(s.sentence))))));
  }));
}

/** The country an event's sources place it in ("Lebanon", or "Lebanon, by the dateline"). */
function placeNote(e: TimelineItem): HTMLElement | null {
  const placed = e.sources.map((s) => s.place).filter((p): p is NonNullable<typeof p> => Boolean(p && p.country));
  if (!placed.length) return null;
  const countries = [...new Set(placed.map((p) => p.country!))];
  const byDateline = placed.every((p) => p.source === 'dateline');
  return h('span', { class: 'where', 'data-testid': 'event-country', title: byDateline ? 'the sentence names no place; the article\'s dateline does' : 'the place named in the sentence' },
    ` · ${countries.map(countryName).join(' / ')}${byDateline ? ' (dateline)' : ''}`);
}

function conflicts(c: CaseFile): HTMLElement | null {
  if (!c.conflicts.length) return null;
  return section('Sources disagree', 'conflicts', ...c.conflicts.map((x) => h('div', { class: 'conflict' },
    h('h3', {}, x.about),
    h('div', { class: 'claims' }, x.claims.map((cl) => h('div', { class: 'claim' },
      h('div', { class: 'claim-value' }, x.kind === 'date' ? date(cl.value) : cl.value),
      h('ul', { class: 'sources' }, cl.sources.map((s) => h('li', {}, sourceLink(s), copiesNote(s.copies), ': ', sentence(s.sentence))))))))));
}

function relationsList(p: EntityProfile): HTMLElement {
  if (!p.relations.length) return empty('No relations extracted yet.');
  return h('div', {},
    relationGraph(p.name, p.relations),
    h('ul', { class: 'relations' }, p.relations.map((r) => h('li', {},
      r.side === 'subject' ? [p.name, ` — ${r.role ?? r.type} of → `] : [`${r.role ?? r.type}: `],
      r.other.id ? h('a', { href: `#/entity/${r.other.id}` }, r.other.name) : r.other.name,
      h('span', { class: 'meta' }, ` (${r.type}; `, ...r.sources.flatMap((s, i) => (i ? [', ', sourceLink(s), copiesNote(s.copies)] : [sourceLink(s), copiesNote(s.copies)])), ')')))));
}

function quotes(p: EntityProfile): HTMLElement {
  const item = (q: EntityProfile['quotes']['by'][number], showSpeaker: boolean) => h('li', {},
    h('blockquote', {}, q.text),
    h('div', { class: 'meta' }, showSpeaker ? ['— ', q.speaker ? (q.speaker.id ? h('a', { href: `#/entity/${q.speaker.id}` }, q.speaker.name) : q.speaker.name) : 'unattributed', ', '] : null, sourceLink(q), copiesNote(q.copies),
      // a speaker guessed where the rules found none (or reached through a weak link): said as such
      q.confidence != null && q.confidence < UNSURE_EVENT ? [' ', h('span', { class: 'badge unsure', title: `the speaker is ${Math.round(q.confidence * 100)}% sure: guessed where the text names no source, or reached through a weak coreference link`, 'data-testid': 'unsure-speaker' }, 'unsure speaker')] : null));
  return h('div', { class: 'quotes' },
    h('h3', {}, `Said by ${p.name} (${p.quotes.by.length})`),
    p.quotes.by.length ? h('ul', { class: 'quote-list' }, p.quotes.by.map((q) => item(q, false))) : empty('No quotes attributed.'),
    h('h3', {}, `Said about ${p.name} (${p.quotes.about.length})`),
    p.quotes.about.length ? h('ul', { class: 'quote-list' }, p.quotes.about.map((q) => item(q, true))) : empty('No quotes mention this entity.'));
}

function identity(p: EntityProfile, reload: () => void): HTMLElement {
  const boxes: Array<[HTMLInputElement, number]> = [];
  const message = h('div', { class: 'message', role: 'status' });
  const token = () => sessionStorage.getItem('chronicle-token');
  const act = async (fn: () => Promise<{ id: number }>) => {
    try {
      const out = await fn();
      location.hash = `#/entity/${out.id}`;
      reload();
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        const t = prompt('This server needs its access token for changes:');
        if (t) sessionStorage.setItem('chronicle-token', t);
        message.textContent = t ? 'Token saved; try again.' : 'Not changed.';
      } else message.textContent = `Not changed: ${(err as Error).message}`;
    }
  };
  const mergeInput = h('input', { type: 'number', placeholder: 'entity id', 'aria-label': 'id of the entity to merge in' });
  return h('div', { class: 'identity' },
    h('p', { class: 'meta' }, 'Each row is this entity as one article names it, with why it was linked. Tick rows and split them off if they are someone else; merge another entity in by its id. Manual decisions are kept when articles are re-ingested.'),
    h('table', {},
      h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', {}, 'name in article'), h('th', {}, 'article'), h('th', {}, 'link'), h('th', {}, 'evidence'))),
      h('tbody', {}, p.members.map((m) => {
        const box = h('input', { type: 'checkbox', 'aria-label': `select ${m.name}` });
        boxes.push([box, m.member_id]);
        return h('tr', {},
          h('td', {}, box), h('td', {}, m.name), h('td', {}, sourceLink(m), m.duplicate_of ? h('span', { class: 'badge dup', title: `a near-duplicate of document ${m.duplicate_of}` }, 'copy') : null),
          h('td', {}, m.method ?? '', m.confidence !== null && m.method !== 'new' ? ` ${(m.confidence * 100).toFixed(0)}%` : '',
            // a weak link (below 80%) is flagged: check it, and split it off if it is someone else
            m.confidence !== null && m.method !== 'new' && m.method !== 'manual' && m.confidence < LOW_CONFIDENCE
              ? [' ', h('span', { class: 'badge check', title: 'a weak link: check the evidence, split it off if this is someone else', 'data-testid': 'low-confidence' }, 'check')] : null),
          h('td', { class: 'evidence' }, m.evidence ?? ''));
      }))),
    h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: () => {
        const chosen = boxes.filter(([b]) => b.checked).map(([, id]) => id);
        if (!chosen.length) message.textContent = 'Tick the rows to split off first.';
        else void act(() => api.split(p.id, chosen, token()));
      } }, 'Split selected into a new entity'),
      ' ', mergeInput, ' ',
      h('button', { type: 'button', onclick: () => {
        const other = Number(mergeInput.value);
        if (!Number.isInteger(other) || other <= 0) message.textContent = 'Give the id of the entity to merge in.';
        else void act(() => api.merge(p.id, other, token()));
      } }, 'Merge into this entity')),
    message);
}

export async function entityView(id: number, reload: () => void, country?: string): Promise<HTMLElement> {
  const [p, c, choices] = await Promise.all([api.entity(id), api.timeline(id, country), api.countries(id).catch(() => [])]);
  const go = (cc: string) => {
    location.hash = `#/entity/${id}${cc ? `?country=${cc}` : ''}`;
  };
  return h('div', { class: 'entity' },
    h('header', { class: 'entity-head' },
      h('h1', { 'data-testid': 'entity-name' }, p.name, ' ', typeBadge(p.type)),
      p.aliases.length ? h('div', { class: 'aliases', 'data-testid': 'aliases' }, 'Also written: ', p.aliases.join(' · ')) : null,
      h('div', { class: 'meta' }, `In ${p.document_count} article${p.document_count === 1 ? '' : 's'} · ${p.mention_count} mentions · entity #${p.id}`),
      statusStrip(c)),
    conflicts(c),
    section('Case timeline', 'timeline-panel',
      h('div', { class: 'timeline-tools' },
        choices.length || country ? countrySelect(choices, country, go, 'timeline-country') : null, ' ',
        h('a', { href: `#/entity/${id}/map${country ? `?country=${country}` : ''}`, 'data-testid': 'map-link' }, 'Map of these events →')),
      country ? h('p', { class: 'meta' }, `Only the events placed in ${countryName(country)}.`) : null,
      timeline(c)),
    h('div', { class: 'columns' },
      section('Relations', 'relations', relationsList(p)),
      section('Quotes', 'quotes', quotes(p))),
    section(`Identity across ${p.members.length} mentions in articles`, 'identity', identity(p, reload)));
}
