/**
 * The annotated event set (eval/data/events/): its record types, a loader, and the validator that
 * keeps it from rotting — every character offset must point at the text it claims, every label must
 * be one the guidelines (docs/events-annotation.md) allow.
 *
 * usage: npm run check:events-data [-- --dir DIR] [--counts]
 *   exits 1 and names each bad record (file and line) when the set is invalid; --counts prints the
 *   counts by source, type, factuality and non-event reason (the tables of the set's README).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_DIR, FACTUALITIES, MODES, NON_EVENT_REASONS, PLOVER_TYPES, TYPES_OF_CAMEO_ROOT, loadEventSet, ploverTypeOf, readJsonl,
  type CharSpan, type EventDoc, type EventSet, type Factuality, type NonEventReason, type PloverType, type PredicateLabel,
} from '../train/events-data.js';

export * from '../train/events-data.js';
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpan = (s: unknown): s is CharSpan =>
  typeof s === 'object' && s !== null && Number.isInteger((s as CharSpan).start) && Number.isInteger((s as CharSpan).end) && typeof (s as CharSpan).text === 'string';

/** Every problem in the set, each naming its file and line; empty when the set is valid. */
export function validateEventSet(dir = DEFAULT_DIR): string[] {
  const problems: string[] = [];
  const docsPath = join(dir, 'docs.jsonl');
  const predPath = join(dir, 'predicates.jsonl');
  const docs = new Map<string, EventDoc>();
  for (const { value: d, line } of readJsonl<EventDoc>(docsPath, problems)) {
    const at = `${docsPath}:${line}`;
    if (typeof d.id !== 'string' || !d.id) { problems.push(`${at}: no id`); continue; }
    if (docs.has(d.id)) problems.push(`${at}: duplicate document id ${d.id}`);
    if (!['wikinews', 'gum', 'team'].includes(d.source)) problems.push(`${at}: unknown source ${String(d.source)}`);
    if (typeof d.licence !== 'string' || !d.licence) problems.push(`${at}: no licence`);
    if (d.url !== null && typeof d.url !== 'string') problems.push(`${at}: url must be a string or null`);
    if (d.source !== 'team' && !d.url) problems.push(`${at}: a published source needs its url`);
    if (d.published !== null && !/^\d{4}-\d{2}-\d{2}$/.test(String(d.published))) problems.push(`${at}: published must be YYYY-MM-DD or null`);
    if (!Number.isInteger(d.fold) || d.fold < 0 || d.fold > 4) problems.push(`${at}: fold must be 0 to 4`);
    if (typeof d.text !== 'string' || !d.text.trim()) problems.push(`${at}: empty text`);
    else if (typeof d.title !== 'string' || !d.text.startsWith(d.title)) problems.push(`${at}: the text must start with the title`);
    docs.set(d.id, d);
  }
  const seen = new Set<string>();
  const sentences = new Map<string, Map<number, { start: number; end: number }>>();
  const labelled = new Set<string>();
  for (const { value: p, line } of readJsonl<PredicateLabel>(predPath, problems)) {
    const at = `${predPath}:${line}`;
    const doc = docs.get(p.doc);
    if (!doc) { problems.push(`${at}: unknown document ${String(p.doc)}`); continue; }
    labelled.add(p.doc);
    const text = doc.text;
    const s = p.sentence;
    if (!s || !Number.isInteger(s.index) || !Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end > text.length || s.start >= s.end) {
      problems.push(`${at}: bad sentence span`);
      continue;
    }
    const docSentences = sentences.get(p.doc) ?? new Map<number, { start: number; end: number }>();
    sentences.set(p.doc, docSentences);
    const known = docSentences.get(s.index);
    if (known && (known.start !== s.start || known.end !== s.end)) problems.push(`${at}: sentence ${s.index} has two spans`);
    docSentences.set(s.index, { start: s.start, end: s.end });
    const checkSpan = (name: string, span: unknown, from: number, to: number) => {
      if (!isSpan(span)) { problems.push(`${at}: ${name} is not a {start, end, text} span`); return; }
      if (span.start < from || span.end > to || span.start >= span.end) { problems.push(`${at}: ${name} [${span.start}, ${span.end}) lies outside [${from}, ${to})`); return; }
      const got = text.slice(span.start, span.end);
      if (got !== span.text) problems.push(`${at}: ${name} text "${span.text}" but the document has "${got}" there`);
      if ((isWordChar(span.text[0]) && isWordChar(text[span.start - 1])) || (isWordChar(span.text[span.text.length - 1]) && isWordChar(text[span.end]) && !/^n['’]t\b/.test(text.slice(span.end, span.end + 4))))
        problems.push(`${at}: ${name} "${span.text}" cuts a word`);
    };
    const t = p.trigger;
    checkSpan('trigger', t, s.start, s.end);
    if (!t || typeof t.lemma !== 'string' || !t.lemma) problems.push(`${at}: trigger has no lemma`);
    if (!t || (t.pos !== 'VERB' && t.pos !== 'NOUN')) problems.push(`${at}: trigger pos must be VERB or NOUN`);
    if (t && /\s/.test(t.text ?? '')) problems.push(`${at}: a trigger is one word`);
    if (t && p.id !== `${p.doc}@${t.start}`) problems.push(`${at}: id must be ${p.doc}@${t.start}`);
    if (seen.has(p.id)) problems.push(`${at}: duplicate predicate ${p.id}`);
    seen.add(p.id);
    if (typeof p.event !== 'boolean') { problems.push(`${at}: event must be true or false`); continue; }
    if (p.event) {
      if (!PLOVER_TYPES.includes(p.type as PloverType)) problems.push(`${at}: unknown PLOVER type ${String(p.type)}`);
      else {
        if (p.mode !== null && !MODES[p.type as PloverType].includes(p.mode)) problems.push(`${at}: ${p.type} has no mode "${p.mode}"`);
        if (p.cameo !== null) {
          if (!/^\d{2,4}$/.test(String(p.cameo))) problems.push(`${at}: CAMEO code must be 2 to 4 digits`);
          else if (!(TYPES_OF_CAMEO_ROOT[p.cameo.slice(0, 2)] ?? []).includes(p.type as PloverType)) problems.push(`${at}: CAMEO ${p.cameo} cannot be ${p.type}`);
        }
      }
      if (!FACTUALITIES.includes(p.factuality as Factuality)) problems.push(`${at}: unknown factuality ${String(p.factuality)}`);
      if (p.reason !== null) problems.push(`${at}: an event has no non-event reason`);
      for (const role of ['actor', 'recipient', 'location'] as const) if (p[role] !== null) checkSpan(role, p[role], s.start, s.end);
      if (p.actor_ref !== undefined) checkSpan('actor_ref', p.actor_ref, 0, text.length);
      if (p.recipient_ref !== undefined) checkSpan('recipient_ref', p.recipient_ref, 0, text.length);
      if (p.plover_type !== ploverTypeOf(p.type, p.factuality)) problems.push(`${at}: plover_type must be ${ploverTypeOf(p.type, p.factuality)}`);
      if (p.actor_ref && !p.actor) problems.push(`${at}: actor_ref without an actor`);
      if (p.recipient_ref && !p.recipient) problems.push(`${at}: recipient_ref without a recipient`);
    } else {
      if (!NON_EVENT_REASONS.includes(p.reason as NonEventReason)) problems.push(`${at}: a non-event needs a reason (${NON_EVENT_REASONS.join(', ')})`);
      for (const f of ['type', 'mode', 'cameo', 'actor', 'recipient', 'location', 'factuality', 'plover_type'] as const)
        if (p[f] !== null) problems.push(`${at}: a non-event has no ${f}`);
    }
  }
  for (const [docId, ss] of sentences) {
    const spans = [...ss.entries()].sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++)
      if (spans[i][1].start < spans[i - 1][1].end) problems.push(`${predPath}: ${docId}: sentences ${spans[i - 1][0]} and ${spans[i][0]} overlap or are out of order`);
  }
  for (const id of docs.keys()) if (!labelled.has(id)) problems.push(`${docsPath}: ${id} has no labelled predicates`);
  return problems;
}

function countBy<T>(items: T[], key: (x: T) => string): [string, number][] {
  const m = new Map<string, number>();
  for (const x of items) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Markdown tables of the set's counts. */
export function describeEventSet(set: EventSet): string {
  const bySource = new Map(set.docs.map((d) => [d.id, d.source] as const));
  const events = set.predicates.filter((p) => p.event);
  const table = (title: string, rows: [string, number][]) =>
    [`| ${title} | n |`, '|---|---:|', ...rows.map(([k, n]) => `| ${k} | ${n} |`)].join('\n');
  const sources = countBy(set.docs, (d) => d.source).map(([src, n]) => {
    const preds = set.predicates.filter((p) => bySource.get(p.doc) === src);
    return `| ${src} | ${n} | ${preds.length} | ${preds.filter((p) => p.event).length} |`;
  });
  return [
    `${set.docs.length} documents, ${set.predicates.length} labelled predicates: ${events.length} events, ${set.predicates.length - events.length} non-events.`,
    '',
    ['| source | documents | predicates | events |', '|---|---:|---:|---:|', ...sources].join('\n'),
    '',
    table('PLOVER type', countBy(events, (p) => p.type ?? '?')),
    '',
    table('factuality', countBy(events, (p) => p.factuality ?? '?')),
    '',
    table('PLOVER category after the manual\'s reductions (plover_type)', countBy(events, (p) => p.plover_type ?? '?')),
    '',
    table('non-event reason', countBy(set.predicates.filter((p) => !p.event), (p) => p.reason ?? '?')),
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const dir = args.includes('--dir') ? args[args.indexOf('--dir') + 1] : DEFAULT_DIR;
  const problems = validateEventSet(dir);
  if (problems.length) {
    console.error(problems.slice(0, 100).join('\n'));
    console.error(`${problems.length} problem(s) in ${dir}`);
    process.exit(1);
  }
  const set = loadEventSet(dir);
  console.log(args.includes('--counts') ? describeEventSet(set) : `${dir}: ${set.docs.length} documents, ${set.predicates.length} predicates, valid`);
}
