import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../../extract.js';
import type { Result } from '../../output/schema.js';
import type { Command } from '../command.js';

const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), '../../../../examples');

/** A readable summary of one result: people, organisations, places, quotes, dates. */
export function summarise(r: Result): string {
  const name = (id: string | null) => (id ? r.entities.find((e) => e.id === id)?.name ?? id : 'unknown');
  const group = (types: string[]) => r.entities.filter((e) => types.includes(e.type)).map((e) => `${e.name} (${e.mentions.length})`).join(', ') || '—';
  const lines = [
    `━━ ${r.title ?? r.id}${r.published ? `  [${r.published}]` : ''}${r.source ? `  ${r.source}` : ''}`,
    `  People:        ${group(['PERSON'])}`,
    `  Organisations: ${group(['ORG'])}`,
    `  Places:        ${group(['GPE', 'LOC', 'FAC'])}`,
    `  Groups:        ${group(['NORP'])}`,
    `  Dates:         ${r.times.map((t) => `${t.text} → ${t.value}`).join('; ') || '—'}`,
    `  Quotes:`,
    ...r.quotes.map((q) => `    ${name(q.speaker)}: “${q.text.length > 90 ? q.text.slice(0, 87) + '…' : q.text}”`),
  ];
  if (r.relations.length) lines.push('  Relations:', ...r.relations.map((x) => `    ${name(x.subject)} —${x.type}${x.role ? `:${x.role}` : ''}→ ${name(x.object)}`));
  if (r.events.length) lines.push('  Events:', ...r.events.map((e) => `    ${e.date?.value ?? '????'}  ${e.type}${e.mode ? `/${e.mode}` : ''}  ${e.actor.map(name).join(', ') || '—'} → ${e.recipient.map(name).join(', ') || '—'}  (“${e.trigger.text}”)  [${e.factuality}]`));
  return lines.join('\n');
}

export const demoCommand: Command = {
  name: 'demo',
  usage: `Usage: chronicle demo

Runs extraction on the example articles in examples/ and prints, for each, its people,
organisations, places, dates, quotes with speakers, relations and events.`,
  async run() {
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort();
    for (const f of files) {
      const input = JSON.parse(readFileSync(join(EXAMPLES, f), 'utf8'));
      const started = performance.now();
      const r = extract({ ...input, id: input.id ?? f.replace(/\.json$/, '') });
      process.stdout.write(summarise(r) + `\n  (${(performance.now() - started).toFixed(0)} ms)\n\n`);
    }
    return 0;
  },
};
