import { api, type DocumentView } from '../api.js';
import { h } from '../dom.js';
import { withTip } from '../tooltip.js';
import { date, duplicateBadge, factualityBadge, factualityOf, section, typeBadge, TYPE_LABEL, unsureEvent as unsure, UNSURE_EVENT } from './common.js';

type Layer =
  | { kind: 'mention'; start: number; end: number; entity: string; type: string; label: string; how: string; sure?: number }
  | { kind: 'quote'; start: number; end: number; speaker: string; sure?: number }
  | { kind: 'event'; start: number; end: number; lines: string[]; unsure: boolean }
  | { kind: 'time'; start: number; end: number; value: string };

function layers(doc: DocumentView): Layer[] {
  const r = doc.result;
  const name = (id: string | null) => {
    if (!id) return 'unknown';
    return doc.identities[id]?.name ?? r.entities.find((e) => e.id === id)?.name ?? id;
  };
  const out: Layer[] = [];
  for (const e of r.entities) {
    for (const m of e.mentions) out.push({ kind: 'mention', start: m.start, end: m.end, entity: e.id, type: e.type, label: e.name, how: m.kind, sure: m.confidence });
  }
  for (const q of r.quotes) out.push({ kind: 'quote', start: q.start, end: q.end, speaker: q.speaker ? name(q.speaker) : 'unattributed', sure: q.confidence });
  for (const ev of r.events) {
    // entities by name, then the groups no entity stands for by their words ("police")
    const who = (ids: string[], role: 'actor' | 'recipient') => [...ids.map(name), ...(ev.groups ?? []).filter((g) => g.role === role).map((g) => g.text)];
    const actors = who(ev.actor, 'actor');
    const recipients = who(ev.recipient, 'recipient');
    const lines = [
      `Event: ${ev.type}${ev.mode ? ` / ${ev.mode}` : ''}${ev.cameo ? ` (CAMEO ${ev.cameo})` : ''} — ${factualityOf(ev)}`,
      actors.length ? `actor: ${actors.join(', ')}` : '',
      recipients.length ? `recipient: ${recipients.join(', ')}` : '',
      ev.date?.value ? `date: ${ev.date.value}${ev.date.text ? ` (“${ev.date.text}”)` : ''}` : '',
      ev.location ? `place: ${name(ev.location)}` : '',
      ev.confidence != null ? `confidence: ${Math.round(ev.confidence * 100)}%${unsure(ev) ? ' (unsure)' : ''}` : '',
    ].filter(Boolean);
    out.push({ kind: 'event', start: ev.trigger.start, end: ev.trigger.end, lines, unsure: unsure(ev) });
  }
  for (const t of r.times ?? []) out.push({ kind: 'time', start: t.start, end: t.end, value: t.value });
  return out.filter((l) => l.end > l.start && l.end <= doc.text.length);
}

/** A link's calibrated confidence as a reader reads it: 0.86 → "86%". */
const percent = (x: number): string => `${Math.round(x * 100)}%`;

/**
 * The text cut at every annotation boundary; each piece carries the layers covering it, so
 * overlapping annotations (a name inside a quote, a trigger inside both) all show.
 */
function renderText(doc: DocumentView, focus: [number, number] | null): HTMLElement {
  const all = layers(doc);
  const body = h('article', { class: 'reader-text', 'data-testid': 'article-text' });
  const text = doc.text;
  const paragraphs: Array<[number, number]> = [];
  const re = /\n\s*\n/g;
  let from = 0;
  for (const m of text.matchAll(re)) {
    paragraphs.push([from, m.index!]);
    from = m.index! + m[0].length;
  }
  paragraphs.push([from, text.length]);
  for (const [ps, pe] of paragraphs) {
    const p = h('p', {});
    const inPara = all.filter((l) => l.start < pe && l.end > ps);
    const cuts = new Set<number>([ps, pe]);
    for (const l of inPara) {
      cuts.add(Math.max(l.start, ps));
      cuts.add(Math.min(l.end, pe));
    }
    if (focus) for (const f of focus) if (f > ps && f < pe) cuts.add(f);
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const [s, e] = [points[i], points[i + 1]];
      const piece = text.slice(s, e);
      const on = inPara.filter((l) => l.start <= s && l.end >= e);
      const focused = focus !== null && s >= focus[0] && e <= focus[1];
      if (!on.length && !focused) {
        p.append(document.createTextNode(piece));
        continue;
      }
      const classes: string[] = [];
      const lines: string[] = [];
      let link: string | null = null;
      for (const l of on) {
        if (l.kind === 'quote') {
          classes.push('hl-quote');
          // (a speaker reached through a coreference link, or guessed by the ranker where the rules found none: a fill carries
          // the fill's calibrated precision, far below a link's, and is dimmed like an unsure event)
          if (l.sure !== undefined && l.sure < UNSURE_EVENT) classes.push('hl-unsure');
          lines.push(`Quote — speaker: ${l.speaker}${l.sure !== undefined ? ` (${percent(l.sure)} sure${l.sure < UNSURE_EVENT ? ', unsure' : ''})` : ''}`);
        } else if (l.kind === 'event') {
          classes.push('hl-event');
          if (l.unsure) classes.push('hl-unsure');
          lines.push(...l.lines);
        } else if (l.kind === 'time') {
          classes.push('hl-time');
          lines.push(`Date: ${/^\d{4}/.test(l.value) ? `${date(l.value)} (${l.value})` : l.value}`);
        } else {
          classes.push('hl-mention', `t-${l.type}`);
          const ident = doc.identities[l.entity];
          const who = `${TYPE_LABEL[l.type] ?? l.type}: ${ident?.name ?? l.label}`;
          // a pronoun or a description: say which name coreference linked it to, so a reader can check it
          const linked = l.how === 'pronoun' || l.how === 'nominal';
          if (linked) classes.push('hl-coref');
          const sure = l.sure !== undefined ? `, ${percent(l.sure)} sure` : '';
          lines.unshift(linked ? `“${doc.text.slice(l.start, l.end)}” is ${who} (${l.how === 'pronoun' ? 'pronoun' : 'description'} linked by coreference${sure})` : who);
          if (ident) link = `#/entity/${ident.id}`;
        }
      }
      if (focused) classes.push('hl-focus');
      const span = link
        ? h('a', { class: classes.join(' '), href: link, 'data-testid': 'hl' }, piece)
        : h('span', { class: classes.join(' '), 'data-testid': 'hl', tabindex: lines.length ? '0' : undefined }, piece);
      if (lines.length) withTip(span, () => lines);
      p.append(span);
    }
    body.append(p);
  }
  return body;
}

export async function readerView(id: number, params: URLSearchParams): Promise<HTMLElement> {
  const doc = await api.document(id);
  const at = /^(\d+)-(\d+)$/.exec(params.get('at') ?? '');
  const focus: [number, number] | null = at ? [Number(at[1]), Number(at[2])] : null;
  const r = doc.result;
  const people = r.entities.filter((e) => doc.identities[e.id]).sort((a, b) => b.mentions.length - a.mentions.length);
  const view = h('div', { class: 'reader' },
    h('header', {},
      h('h1', { 'data-testid': 'doc-title' }, doc.title ?? untitled(doc.text, doc.id)),
      h('div', { class: 'meta' }, [doc.source, date(doc.published)].filter(Boolean).join(' · '),
        doc.url ? [' · ', h('a', { href: doc.url, rel: 'noopener noreferrer' }, 'original')] : null),
      doc.duplicate_of ? h('p', { class: 'dup-note' }, duplicateBadge(doc.duplicate_of),
        ' A near-duplicate of an earlier article: its facts are shown here but counted once, with the first copy, in timelines and counts.') : null,
      h('div', { class: 'legend' }, h('span', { class: 'hl-mention t-PERSON' }, 'person'), h('span', { class: 'hl-mention t-ORG' }, 'organisation'),
        h('span', { class: 'hl-mention t-GPE' }, 'place'), h('span', { class: 'hl-quote' }, 'quote'), h('span', { class: 'hl-event' }, 'event'), h('span', { class: 'hl-time' }, 'date'), h('span', { class: 'hint' }, 'hover for details, click a name for its case'))),
    h('div', { class: 'reader-body' },
      renderText(doc, focus),
      h('aside', {},
        doc.copies.length ? section(`Copies of this story (${doc.copies.length})`, 'copies', h('ul', { class: 'side-list' }, doc.copies.map((c) => h('li', {},
          h('a', { href: `#/doc/${c.id}`, 'data-testid': 'copy-link' }, c.title ?? `document ${c.id}`),
          h('span', { class: 'meta' }, ` ${[c.source, date(c.published), c.similarity !== null ? `${Math.round(c.similarity * 100)}% similar` : null].filter(Boolean).join(' · ')}`))))) : null,
        section('In this article', 'doc-entities', h('ul', { class: 'side-list' }, people.slice(0, 30).map((e) => h('li', {},
          h('a', { href: `#/entity/${doc.identities[e.id]!.id}` }, e.name), ' ', typeBadge(e.type), h('span', { class: 'meta' }, ` ×${e.mentions.length}`))))),
        r.events.length ? section('Events', 'doc-events', h('ul', { class: 'side-list' }, r.events.map((ev) => h('li', unsure(ev) ? { class: 'unsure', title: `confidence ${Math.round((ev.confidence ?? 0) * 100)}%: the detector is unsure this is an event` } : {},
          // each event links to its sentence in the text
          h('a', { href: `#/doc/${doc.id}?at=${ev.trigger.start}-${ev.trigger.end}`, 'data-testid': 'doc-event' }, h('strong', {}, ev.mode ?? ev.type), ` “${ev.trigger.text}”`),
          ' ', factualityBadge(factualityOf(ev)),
          ev.date?.value ? h('span', { class: 'meta' }, ` ${date(ev.date.value)}`) : null,
          unsure(ev) ? h('span', { class: 'meta', 'data-testid': 'unsure' }, ' unsure') : null)))) : null)));
  if (focus) queueMicrotask(() => setTimeout(() => view.querySelector('.hl-focus')?.scrollIntoView({ block: 'center' }), 0));
  return view;
}

/** An article without a title is named by its first words. */
function untitled(text: string, id: number): string {
  const first = text.trim().split(/\n/)[0].trim();
  if (!first) return `Document ${id}`;
  return first.length > 90 ? `${first.slice(0, 88).replace(/\s+\S*$/, '')}…` : first;
}
