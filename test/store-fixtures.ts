/**
 * Hand-built extraction results for store, identity and server tests: several articles about
 * one hostage whose name is spelt differently across sources (Trufanov/Trufanow, Yelena/Elena,
 * Irena/Irina), disagreeing on where he was taken from and on what date, and one article about
 * a different man who shares the surname. Offsets are computed from the text, as a real
 * extractor would give them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCHEMA_VERSION, type Result } from '../src/output/schema.js';
import { openStore, type Store } from '../src/store/index.js';

interface EntitySpec { id: string; type: string; name: string; mentions: string[] }
interface EventSpec {
  id: string; type: string; mode?: string | null; cameo?: string | null; trigger: string; actor?: string[]; recipient?: string[];
  date?: string | null; dateText?: string; location?: string | null; negated?: boolean; factuality?: Result['events'][number]['factuality']; confidence?: number | null;
}
export interface ArticleSpec {
  id: string; title: string; published: string; source: string; url?: string;
  paragraphs: string[];
  entities: EntitySpec[];
  quotes?: Array<{ text: string; speaker: string | null }>;
  relations?: Array<{ type: string; role?: string; subject: string; object: string; near: string }>;
  events?: EventSpec[];
}

function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  const re = new RegExp(`(?<![\\p{L}])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'gu');
  for (const m of text.matchAll(re)) out.push(m.index!);
  return out;
}

export function article(spec: ArticleSpec): Result {
  const text = spec.paragraphs.join('\n\n');
  const sentences: Array<{ start: number; end: number }> = [];
  let offset = 0;
  for (const p of spec.paragraphs) {
    const re = /[^.!?]+(?:[.!?]+[”"]?|$)/g;
    for (const m of p.matchAll(re)) {
      const lead = m[0].length - m[0].trimStart().length;
      const s = offset + m.index! + lead;
      const e = offset + m.index! + m[0].trimEnd().length;
      if (e > s) sentences.push({ start: s, end: e });
    }
    offset += p.length + 2;
  }
  const taken: Array<[number, number]> = [];
  const entities = spec.entities.map((e) => {
    const mentions: Array<{ start: number; end: number; text: string; kind: 'name' | 'nominal' | 'pronoun' }> = [];
    // longest surface first so "Alexander Trufanov" is not also counted as "Trufanov"
    for (const surface of e.mentions.slice().sort((a, b) => b.length - a.length)) {
      for (const at of occurrences(text, surface)) {
        const end = at + surface.length;
        if (taken.some(([s, t]) => at < t && end > s)) continue;
        taken.push([at, end]);
        const kind = /^(he|she|his|her|him|they|them|their)$/i.test(surface) ? 'pronoun' : /^[A-Z]/.test(surface.replace(/^the /i, '')) ? 'name' : 'nominal';
        mentions.push({ start: at, end, text: surface, kind });
      }
    }
    if (mentions.length === 0) throw new Error(`${spec.id}: no mention of ${e.name}`);
    mentions.sort((a, b) => a.start - b.start);
    return { id: e.id, type: e.type, name: e.name, mentions };
  });
  const sentenceOf = (pos: number) => Math.max(0, sentences.findIndex((s) => pos >= s.start && pos < s.end));
  const find = (needle: string) => {
    const at = text.indexOf(needle);
    if (at < 0) throw new Error(`${spec.id}: text has no “${needle}”`);
    return at;
  };
  return {
    schema: SCHEMA_VERSION,
    id: spec.id,
    source: spec.source,
    url: spec.url ?? null,
    title: spec.title,
    published: spec.published,
    text,
    sentences,
    entities,
    quotes: (spec.quotes ?? []).map((q) => ({ start: find(q.text), end: find(q.text) + q.text.length, text: q.text, speaker: q.speaker, kind: 'direct' as const })),
    times: [],
    relations: (spec.relations ?? []).map((r) => ({ type: r.type, role: r.role ?? null, subject: r.subject, object: r.object, start: find(r.near), end: find(r.near) + r.near.length })),
    events: (spec.events ?? []).map((e) => {
      const at = find(e.trigger);
      return {
        id: e.id, type: e.type, mode: e.mode ?? null, cameo: e.cameo ?? null,
        trigger: { start: at, end: at + e.trigger.length, text: e.trigger },
        actor: e.actor ?? [], recipient: e.recipient ?? [],
        date: e.date === undefined ? null : { value: e.date, text: e.dateText, basis: e.dateText ? 'explicit' : 'publication' },
        location: e.location ?? null, factuality: e.factuality ?? (e.negated ? 'negated' as const : 'asserted' as const), confidence: e.confidence ?? null, negated: e.negated ?? false, modality: null, reported_by: null, sentence: sentenceOf(at),
      };
    }),
  };
}

/** World Israel News, 16 Feb 2025: released; taken from Nahal Oz on 7 Oct 2023; father murdered. */
export const releaseReport = article({
  id: 'win-trufanov', title: 'Russian ambassador meets freed hostage Trufanov', published: '2025-02-16', source: 'World Israel News',
  url: 'https://example.org/win/trufanov',
  paragraphs: [
    'Russian Ambassador to Israel Anatoly Viktorov met with former Islamic Jihad hostage Alexander “Sasha” Trufanov just hours after his release from captivity on Saturday.',
    'The ambassador “sincerely welcomed the release of our compatriot,” the Russian Embassy in Israel wrote.',
    'Trufanov was kidnapped along with his mother, Yelena, grandmother, Irena, and girlfriend Sapir Cohen from his parents’ home in Kibbutz Nahal Oz on October 7th.',
    'His father, Vitaly, was murdered by terrorists during the attack.',
  ],
  entities: [
    { id: 'e1', type: 'PERSON', name: 'Anatoly Viktorov', mentions: ['Anatoly Viktorov', 'The ambassador'] },
    { id: 'e2', type: 'PERSON', name: 'Alexander “Sasha” Trufanov', mentions: ['Alexander “Sasha” Trufanov', 'Trufanov', 'his', 'His'] },
    { id: 'e3', type: 'ORG', name: 'Islamic Jihad', mentions: ['Islamic Jihad'] },
    { id: 'e4', type: 'ORG', name: 'Russian Embassy in Israel', mentions: ['Russian Embassy in Israel'] },
    { id: 'e5', type: 'PERSON', name: 'Yelena', mentions: ['Yelena'] },
    { id: 'e6', type: 'PERSON', name: 'Irena', mentions: ['Irena'] },
    { id: 'e7', type: 'PERSON', name: 'Sapir Cohen', mentions: ['Sapir Cohen'] },
    { id: 'e8', type: 'GPE', name: 'Kibbutz Nahal Oz', mentions: ['Kibbutz Nahal Oz'] },
    { id: 'e9', type: 'PERSON', name: 'Vitaly', mentions: ['Vitaly'] },
    { id: 'e10', type: 'GPE', name: 'Israel', mentions: ['Israel'] },
  ],
  quotes: [{ text: 'sincerely welcomed the release of our compatriot,', speaker: 'e4' }],
  relations: [
    { type: 'family', role: 'mother', subject: 'e5', object: 'e2', near: 'his mother, Yelena' },
    { type: 'family', role: 'grandmother', subject: 'e6', object: 'e2', near: 'grandmother, Irena' },
    { type: 'family', role: 'girlfriend', subject: 'e7', object: 'e2', near: 'girlfriend Sapir Cohen' },
    { type: 'family', role: 'father', subject: 'e9', object: 'e2', near: 'His father, Vitaly' },
    { type: 'position', role: 'ambassador', subject: 'e1', object: 'e10', near: 'Ambassador to Israel' },
  ],
  events: [
    { id: 'v1', type: 'CONSULT', mode: 'meet', cameo: '040', trigger: 'met', actor: ['e1'], recipient: ['e2'], date: '2025-02-15', dateText: 'Saturday' },
    { id: 'v2', type: 'RETREAT', mode: 'release', cameo: '0841', trigger: 'release', actor: ['e3'], recipient: ['e2'], date: '2025-02-15', dateText: 'Saturday' },
    { id: 'v3', type: 'ASSAULT', mode: 'abduct', cameo: '181', trigger: 'kidnapped', recipient: ['e2', 'e5', 'e6', 'e7'], date: '2023-10-07', dateText: 'October 7th', location: 'e8', confidence: 0.91 },
    { id: 'v4', type: 'ASSAULT', mode: 'kill', cameo: '186', trigger: 'murdered', recipient: ['e9'], date: '2023-10-07', confidence: 0.38 },
  ],
});

/** A wire story, 15 Feb 2025: spells him Trufanow, his mother Elena Trufanova, says Nir Oz. */
export const wireReport = article({
  id: 'wire-trufanow', title: 'Three hostages freed in sixth exchange', published: '2025-02-15', source: 'Example Wire',
  paragraphs: [
    'Islamic Jihad freed Alexander Trufanow, 29, on Saturday along with two other hostages.',
    'Trufanow was abducted from Kibbutz Nir Oz on October 7, 2023.',
    'His mother Elena Trufanova and his grandmother Irina were released in November 2023.',
    '“We waited every day for this moment,” said Elena Trufanova.',
  ],
  entities: [
    { id: 'e1', type: 'ORG', name: 'Islamic Jihad', mentions: ['Islamic Jihad'] },
    { id: 'e2', type: 'PERSON', name: 'Alexander Trufanow', mentions: ['Alexander Trufanow', 'Trufanow', 'His', 'his'] },
    { id: 'e3', type: 'GPE', name: 'Kibbutz Nir Oz', mentions: ['Kibbutz Nir Oz'] },
    { id: 'e4', type: 'PERSON', name: 'Elena Trufanova', mentions: ['Elena Trufanova'] },
    { id: 'e5', type: 'PERSON', name: 'Irina', mentions: ['Irina'] },
  ],
  quotes: [{ text: '“We waited every day for this moment,”', speaker: 'e4' }],
  relations: [
    { type: 'family', role: 'mother', subject: 'e4', object: 'e2', near: 'His mother Elena Trufanova' },
    { type: 'family', role: 'grandmother', subject: 'e5', object: 'e2', near: 'his grandmother Irina' },
  ],
  events: [
    { id: 'v1', type: 'RETREAT', mode: 'release', cameo: '0841', trigger: 'freed', actor: ['e1'], recipient: ['e2'], date: '2025-02-15', dateText: 'Saturday' },
    { id: 'v2', type: 'ASSAULT', mode: 'abduct', cameo: '181', trigger: 'abducted', recipient: ['e2'], date: '2023-10-07', dateText: 'October 7, 2023', location: 'e3' },
    { id: 'v3', type: 'RETREAT', mode: 'release', cameo: '0841', trigger: 'released', recipient: ['e4', 'e5'], date: '2023-11', dateText: 'November 2023' },
  ],
});

/** A November 2023 report: the mother freed, the son still held, a different abduction date. */
export const motherReport = article({
  id: 'nov-trufanova', title: 'Russian-Israeli women freed as gesture to Putin', published: '2023-11-30', source: 'Example Daily',
  paragraphs: [
    'Hamas released Elena Trufanova and her mother Irena Tati on Wednesday, citing a request from Moscow.',
    'Her son Sasha Trufanov, who was seized on October 8, 2023, is still held in Gaza.',
    '“I will not rest until Sasha is home,” Elena Trufanova told reporters.',
  ],
  entities: [
    { id: 'e1', type: 'ORG', name: 'Hamas', mentions: ['Hamas'] },
    { id: 'e2', type: 'PERSON', name: 'Elena Trufanova', mentions: ['Elena Trufanova', 'her', 'Her'] },
    { id: 'e3', type: 'PERSON', name: 'Irena Tati', mentions: ['Irena Tati'] },
    { id: 'e4', type: 'GPE', name: 'Moscow', mentions: ['Moscow'] },
    { id: 'e5', type: 'PERSON', name: 'Sasha Trufanov', mentions: ['Sasha Trufanov', 'Sasha'] },
    { id: 'e6', type: 'GPE', name: 'Gaza', mentions: ['Gaza'] },
  ],
  quotes: [{ text: '“I will not rest until Sasha is home,”', speaker: 'e2' }],
  relations: [
    { type: 'family', role: 'mother', subject: 'e3', object: 'e2', near: 'her mother Irena Tati' },
    { type: 'family', role: 'mother', subject: 'e2', object: 'e5', near: 'Her son Sasha Trufanov' },
  ],
  events: [
    { id: 'v1', type: 'RETREAT', mode: 'release', cameo: '0841', trigger: 'released', actor: ['e1'], recipient: ['e2', 'e3'], date: '2023-11-29', dateText: 'Wednesday' },
    { id: 'v2', type: 'ASSAULT', mode: 'abduct', cameo: '181', trigger: 'seized', recipient: ['e5'], date: '2023-10-08', dateText: 'October 8, 2023' },
  ],
});

/** A different man with the same surname: must stay a separate identity. */
export const chessReport = article({
  id: 'chess-trufanov', title: 'Moscow club wins rapid chess title', published: '2024-05-02', source: 'Example Sport',
  paragraphs: [
    'Dmitry Trufanov led the Moscow club to the national rapid chess title on Sunday.',
    'Trufanov, 41, won all seven of his games.',
  ],
  entities: [
    { id: 'e1', type: 'PERSON', name: 'Dmitry Trufanov', mentions: ['Dmitry Trufanov', 'Trufanov', 'his'] },
    { id: 'e2', type: 'GPE', name: 'Moscow', mentions: ['Moscow'] },
  ],
  events: [],
});

export const caseArticles = [releaseReport, wireReport, motherReport, chessReport];

/**
 * A syndicated copy of the World Israel News report: a dateline, the same paragraphs, a credit
 * line instead of the last paragraph, another title and outlet, published a week later — so its
 * extractor resolved "on Saturday" to a later Saturday. It must add no second timeline entry,
 * claim, mention or document count, while its own facts stay readable on its page.
 */
export const syndicatedReleaseSpec: ArticleSpec = {
  id: 'syndicated-trufanov', title: 'Freed hostage meets Russian envoy', published: '2025-02-23', source: 'Example Aggregator', url: 'https://example.org/agg/trufanov',
  paragraphs: [
    'TEL AVIV (WIN) - Russian Ambassador to Israel Anatoly Viktorov met with former Islamic Jihad hostage Alexander “Sasha” Trufanov just hours after his release from captivity on Saturday.',
    'The ambassador “sincerely welcomed the release of our compatriot,” the Russian Embassy in Israel wrote.',
    'Trufanov was kidnapped along with his mother, Yelena, grandmother, Irena, and girlfriend Sapir Cohen from his parents’ home in Kibbutz Nahal Oz on October 7th.',
    'Distributed by World Israel News.',
  ],
  entities: [
    { id: 'e1', type: 'PERSON', name: 'Anatoly Viktorov', mentions: ['Anatoly Viktorov', 'The ambassador'] },
    { id: 'e2', type: 'PERSON', name: 'Alexander “Sasha” Trufanov', mentions: ['Alexander “Sasha” Trufanov', 'Trufanov', 'his'] },
    { id: 'e3', type: 'ORG', name: 'Islamic Jihad', mentions: ['Islamic Jihad'] },
    { id: 'e4', type: 'ORG', name: 'Russian Embassy in Israel', mentions: ['Russian Embassy in Israel'] },
    { id: 'e5', type: 'PERSON', name: 'Yelena', mentions: ['Yelena'] },
    { id: 'e6', type: 'PERSON', name: 'Irena', mentions: ['Irena'] },
    { id: 'e7', type: 'PERSON', name: 'Sapir Cohen', mentions: ['Sapir Cohen'] },
    { id: 'e8', type: 'GPE', name: 'Kibbutz Nahal Oz', mentions: ['Kibbutz Nahal Oz'] },
    { id: 'e10', type: 'GPE', name: 'Israel', mentions: ['Israel'] },
  ],
  quotes: [{ text: 'sincerely welcomed the release of our compatriot,', speaker: 'e4' }],
  relations: [
    { type: 'family', role: 'mother', subject: 'e5', object: 'e2', near: 'his mother, Yelena' },
    { type: 'family', role: 'grandmother', subject: 'e6', object: 'e2', near: 'grandmother, Irena' },
  ],
  events: [
    { id: 'v1', type: 'CONSULT', mode: 'meet', cameo: '040', trigger: 'met', actor: ['e1'], recipient: ['e2'], date: '2025-02-22', dateText: 'Saturday' },
    { id: 'v2', type: 'RETREAT', mode: 'release', cameo: '0841', trigger: 'release', actor: ['e3'], recipient: ['e2'], date: '2025-02-22', dateText: 'Saturday' },
    { id: 'v3', type: 'ASSAULT', mode: 'abduct', cameo: '181', trigger: 'kidnapped', recipient: ['e2', 'e5', 'e6', 'e7'], date: '2023-10-07', dateText: 'October 7th', location: 'e8', confidence: 0.91 },
  ],
};
export const syndicatedRelease = article(syndicatedReleaseSpec);


/** The same behaviour is required of both databases. */
export function backends(): Array<{ name: string; skip: string | false; open: () => Promise<{ store: Store; url: string; cleanup: () => Promise<void> }> }> {
  const pg = process.env.CHRONICLE_TEST_PG;
  return [
    {
      name: 'sqlite',
      skip: false,
      open: async () => {
        const dir = mkdtempSync(join(tmpdir(), 'chronicle-store-'));
        const url = join(dir, 'test.db');
        const store = await openStore(url);
        return { store, url, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
      },
    },
    {
      name: 'postgres',
      skip: pg ? false : 'CHRONICLE_TEST_PG is not set (e.g. postgres://postgres@127.0.0.1:5432/chronicle_test); PostgreSQL tests skipped',
      open: async () => {
        const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
        const store = await openStore(pg!, { pgSchema: schema });
        return {
          store, url: pg!,
          cleanup: async () => {
            const { default: pgmod } = await import('pg');
            const c = new pgmod.Client({ connectionString: pg });
            await c.connect();
            await c.query(`DROP SCHEMA ${schema} CASCADE`);
            await c.end();
          },
        };
      },
    },
  ];
}

