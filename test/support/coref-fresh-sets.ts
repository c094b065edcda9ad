/**
 * Checks shared by the fresh coreference sets' tests (fresh13: test/coref-fresh.test.ts, fresh16:
 * test/coref-fresh16.test.ts): the annotation is well formed, docs.jsonl is exactly the compiled hand annotation, and no
 * other text we hold shares a document's title, URL or opening words.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freshErrorLines, freshGold, type FreshDoc, type FreshSet } from '../../eval/coref-fresh.js';
import { documentRecords, tally } from '../../train/coref-score.js';
import type { Doc } from '../../src/doc.js';

export const PRONOUN: Record<string, RegExp> = {
  'he/she': /^(?:he|him|his|himself|she|her|hers|herself)$/i,
  it: /^(?:it|its|itself)$/i,
  they: /^(?:they|them|their|theirs|themselves)$/i,
  'first/second': /^(?:i|me|my|mine|myself|we|us|our|ours|ourselves|you|your|yours|yourself|yourselves)$/i,
};

/**
 * Each document is an AMALGUM Wikinews document with its genre, licence, URL, commit and folder (`folder(genre)`), and
 * its half fixed by SHA-1(salt + ":" + id).
 */
export function assertSources(docs: FreshDoc[], salt: string, folder: (genre: FreshDoc['genre']) => string): void {
  for (const d of docs) {
    assert.match(d.id, /^amalgum:AMALGUM_(news|interview)_[a-z]+$/, d.slug);
    assert.equal(d.genre, /_interview_/.test(d.id) ? 'interview' : 'news', d.slug);
    assert.equal(d.licence, 'CC BY 2.5', d.slug);
    assert.match(d.url, /^https:\/\/en\.wikinews\.org\/wiki\/\S+$/, d.slug);
    assert.ok(new RegExp(`commit [0-9a-f]{40}, ${folder(d.genre)}/${d.id.replace(/^amalgum:/, '')}\\.xml`).test(d.attribution), `${d.slug}: commit and ${folder(d.genre)}`);
    assert.equal(d.half, parseInt(createHash('sha1').update(`${salt}:${d.id}`).digest('hex')[0], 16) < 8 ? 'A' : 'B', d.slug);
  }
}

/**
 * Every mention slices to its words, its head lies inside it, its kind fits its words, and every antecedent has a name
 * in the document; returns the gold mentions with a named entity, by kind.
 */
export function assertWellFormed(docs: FreshDoc[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of docs) {
    const names = new Set(d.mentions.filter((m) => m.kind === 'name').map((m) => m.entity));
    const nominals = new Set(d.mentions.filter((m) => m.kind === 'other').map((m) => m.entity));
    for (const m of d.mentions) {
      assert.equal(d.text.slice(m.start, m.end), m.text, `${d.slug}@${m.start}`);
      assert.ok(m.start <= m.headStart && m.headStart < m.headEnd && m.headEnd <= m.end, `${d.slug}@${m.start}: head inside`);
      assert.ok(/\S/.test(d.text.slice(m.headStart, m.headEnd)), `${d.slug}@${m.start}: head has words`);
      if (PRONOUN[m.kind]) assert.match(m.text, PRONOUN[m.kind], `${d.slug}@${m.start}: ${m.kind}`);
      if (m.kind === 'description') assert.match(m.text, /^(?:the|this|that|these|those)\s/i, `${d.slug}@${m.start}: a description is definite`);
      if (m.kind === 'name') assert.ok(m.entity, `${d.slug}@${m.start}: a name names an entity`);
      if (m.kind !== 'name' && m.kind !== 'description' && m.kind !== 'other') assert.ok(m.text === 'I' || !/^[A-Z]{2,}$/.test(m.text), `${d.slug}@${m.start}: "${m.text}" in capitals is a name, not a pronoun`);
      // an antecedent is a name in the document (an unnamed group such as "the Bush administration": a nominal)
      if (m.entity) assert.ok(names.has(m.entity) || (m.entity.startsWith('x-') && nominals.has(m.entity)), `${d.slug}@${m.start}: ${m.entity} has no name in the document`);
      counts[m.kind] = (counts[m.kind] ?? 0) + (m.entity ? 1 : 0);
    }
    const gold = freshGold(d);
    assert.equal(gold.mentions.length, d.mentions.length);
    for (const e of gold.named) assert.ok(!e.startsWith('x-') && !e.startsWith('none:'), `${d.slug}: ${e} is no named entity`);
  }
  return counts;
}

/** docs.jsonl is exactly what fresh13's compiler makes of the set's ann/ files, with the set's own half rule. */
export async function assertCompiled(set: string, docs: FreshDoc[], halfOf?: (id: string) => string): Promise<void> {
  const dir = join(process.cwd(), 'eval', 'data', set);
  const tool = join(process.cwd(), 'eval', 'data', 'coref-fresh', 'tools', 'compile.mjs');
  const { compile } = await import(pathToFileURL(tool).href) as { compile: (source: string, file: string, halfOf?: (id: string) => string) => unknown };
  const files = readdirSync(join(dir, 'ann')).filter((f) => f.endsWith('.txt')).sort();
  assert.deepEqual(files.map((f) => compile(readFileSync(join(dir, 'ann', f), 'utf8'), f, halfOf)), docs);
}

export interface OtherText { id: string; title?: string | null; url?: string | null; text?: string | null }

const readJsonl = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as OtherText);

/** The unlabelled Wikinews articles of ../shared/data. */
export function unlabelledWikinews(): OtherText[] {
  return gunzipSync(readFileSync(join(process.cwd(), '../shared/data/unlabelled/news-en.jsonl.gz'))).toString('utf8')
    .split('\n').filter(Boolean).map((l) => JSON.parse(l) as OtherText).filter((d) => d.id.startsWith('wikinews:'));
}

/** An annotation set of eval/data (quotes, coref-fresh, events …) by its docs.jsonl. */
export const evalSet = (name: string): OtherText[] => readJsonl(join(process.cwd(), 'eval', 'data', name, 'docs.jsonl'));

/** GUM's documents in ../shared/data/gum (title and source URL from their metadata; no text). */
export function gumDocuments(): OtherText[] {
  const dir = join(process.cwd(), '../shared/data/gum/dep');
  return readdirSync(dir).filter((f) => f.endsWith('.conllu')).map((f) => {
    const head = readFileSync(join(dir, f), 'utf8').slice(0, 4000);
    return { id: f.replace(/\.conllu$/, ''), title: /# meta::title = (.*)/.exec(head)?.[1] ?? '', url: /# meta::sourceURL = (.*)/.exec(head)?.[1], text: '' };
  });
}

/** A Wikinews page name from a URL: decoded, spaces for underscores, lower case, without a #section. */
export const pageKey = (url: string) => decodeURIComponent(url.replace(/^.*\/wiki\//, '').replace(/#.*$/, '')).replace(/[_\s]+/g, ' ').toLowerCase();

/** What, among `others`, shares a document's id, title (without "(part n)"), Wikinews page or first `opening` characters. */
export function sharedWith(doc: Pick<FreshDoc, 'id' | 'title' | 'url' | 'text'>, others: OtherText[], opening = 60): OtherText[] {
  const title = (t: string) => t.replace(/ \(part \d+\)$/, '').toLowerCase();
  return others.filter((o) => o.id === doc.id || (!!o.title && title(o.title) === title(doc.title)) || (!!o.url && pageKey(o.url) === pageKey(doc.url)) || (!!o.text && o.text.slice(0, opening) === doc.text.slice(0, opening)));
}

/**
 * The scorer on a set's own gold, with no Chronicle run: a system result built by hand that links the first `kind`
 * pronoun with a named entity to that entity's first name (right), and an "it" with no named antecedent (wrong).
 */
export function assertHandLinksScored(docs: FreshDoc[], kind: 'he/she' | 'they'): void {
  const d = docs.find((x) => x.mentions.some((m) => m.kind === kind && m.entity) && x.mentions.some((m) => m.kind === 'it' && !m.entity));
  assert.ok(d, `a document with a named ${kind} and an unnamed it`);
  const pronoun = d.mentions.find((m) => m.kind === kind && m.entity)!;
  const name = d.mentions.find((m) => m.kind === 'name' && m.entity === pronoun.entity)!;
  const it = d.mentions.find((m) => m.kind === 'it' && !m.entity)!;
  const span = (m: { start: number; end: number; text: string }, k: string) => ({ start: m.start, end: m.end, text: m.text, kind: k });
  const doc = { entities: [{ id: 'e1', name: name.text, mentions: [span(name, 'name'), span(pronoun, 'pronoun'), span(it, 'pronoun')] }] } as unknown as Doc;
  const gold = freshGold(d);
  assert.ok(gold.named.has(pronoun.entity!));
  const s = tally(documentRecords(doc, gold));
  assert.equal(s[kind].linked, 1);
  assert.equal(s[kind].linkedRight, 1);
  assert.equal(s[kind].gold, d.mentions.filter((m) => m.kind === kind && m.entity).length);
  assert.equal(s.it.linked, 1);
  assert.equal(s.it.linkedRight, 0, 'an "it" with no named antecedent is no right link');
}

/** What a set's selector (eval/data/<set>/tools/select.mjs) gives the checks below. */
export interface FreshSelector {
  SKIPPED: Record<string, string>;
  order: (genre: FreshDoc['genre']) => string[];
  taken: (genre: FreshDoc['genre']) => string[];
  idOf: (genre: FreshDoc['genre'], name: string) => string;
}

/**
 * A genre's documents are its selector's: the order is by SHA-1(salt + ":" + id), the documents are the names taken,
 * every recorded skip lies on the way (before the last name taken) and no name on the way was passed over unrecorded.
 */
export function assertSelectorTook(docs: FreshDoc[], s: FreshSelector, salt: string, genre: FreshDoc['genre']): void {
  const sha = (x: string) => createHash('sha1').update(x).digest('hex');
  const order = s.order(genre);
  for (let k = 1; k < order.length; k++) assert.ok(sha(`${salt}:${s.idOf(genre, order[k - 1])}`) < sha(`${salt}:${s.idOf(genre, order[k])}`));
  const taken = s.taken(genre);
  assert.deepEqual(docs.filter((d) => d.genre === genre).map((d) => d.slug).sort(), [...taken].sort(), genre);
  const last = order.indexOf(taken[taken.length - 1]);
  for (const n of Object.keys(s.SKIPPED).filter((x) => order.includes(x))) assert.ok(order.indexOf(n) < last, `${n} skipped after the last taken`);
  assert.deepEqual(order.slice(0, last + 1).filter((n) => !(n in s.SKIPPED)), taken, `${genre}: no name passed over without a recorded skip`);
}

/** assertWellFormed's counts of gold mentions with a named entity, under the names a set's README table uses. */
export function namedCounts(docs: FreshDoc[]): Record<'heShe' | 'it' | 'they' | 'description' | 'firstSecond' | 'other', number> {
  const c = assertWellFormed(docs);
  return { heShe: c['he/she'], it: c.it, they: c.they, description: c.description, firstSecond: c['first/second'], other: c.other };
}

/**
 * Every other text a fresh set must not share a page, title, id or opening with: the unlabelled Wikinews articles, the
 * named eval/data sets, GUM's documents and examples/wikinews (each checked to be read at all).
 */
export function otherTexts(sets: string[]): OtherText[] {
  const unlabelled = unlabelledWikinews();
  const gum = gumDocuments();
  const examplesDir = join(process.cwd(), 'examples', 'wikinews');
  const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(examplesDir, f), 'utf8')) as OtherText);
  assert.ok(unlabelled.length > 300 && gum.length > 50 && examples.length > 20, 'the other texts are read');
  return [...unlabelled, ...sets.flatMap(evalSet), ...gum, ...examples];
}

/**
 * A set whose half B stays unseen lists half A's misses only: with a result that links nothing (no Chronicle run) every
 * named gold mention is a miss in both halves, and the error listing names half A's documents, each of them, and no other.
 */
export function assertHalfAErrorsOnly(docs: FreshDoc[], set: FreshSet): void {
  const none = { entities: [] } as unknown as Doc;
  const outputs = docs.map((d) => ({ d, records: documentRecords(none, freshGold(d)) }));
  assert.ok(outputs.some((o) => o.d.half === 'B' && o.records.some((r) => r.what === 'gold' && r.linked === null)), 'half B has misses to leave out');
  const lines = freshErrorLines(set, outputs);
  const halfA = docs.filter((d) => d.half === 'A').map((d) => d.slug).sort();
  assert.ok(lines.length > 0);
  for (const line of lines) assert.ok(halfA.includes(line.split('\t')[0]) && line.split('\t')[1] === 'A', `not a half-A document: ${line.slice(0, 60)}`);
  assert.deepEqual([...new Set(lines.map((l) => l.split('\t')[0]))].sort(), halfA);
}

/**
 * Each document is its AMALGUM file's (`idOf(genre, slug)` in `folder(genre)`, commit named), a Wikinews page with a date,
 * CC BY 2.5; an interview is a transcript with at least `turns` labelled turns. Returns the set's words.
 */
export function assertAmalgumDocs(docs: FreshDoc[], idOf: (genre: FreshDoc['genre'], name: string) => string, folder: (genre: FreshDoc['genre']) => string, turns = 1): number {
  for (const d of docs) {
    assert.match(d.id, /^amalgum:AMALGUM_(news|interview)_[a-z]+$/, d.slug);
    assert.equal(d.id, `amalgum:${idOf(d.genre, d.slug)}`, d.slug);
    assert.equal(d.licence, 'CC BY 2.5', d.slug);
    assert.match(d.url, /^https:\/\/en\.wikinews\.org\/wiki\/\S+$/, d.slug);
    assert.match(d.date, /^\d{4}-\d{2}-\d{2}$/, d.slug);
    assert.ok(new RegExp(`commit [0-9a-f]{40}, ${folder(d.genre)}/${idOf(d.genre, d.slug)}\\.xml`).test(d.attribution), `${d.slug}: commit and folder`);
    if (d.genre === 'interview') assert.ok(d.text.split('\n\n').filter((p) => /^[A-Za-z][A-Za-z.]*: /.test(p)).length >= turns, `${d.slug}: turns`);
  }
  return docs.reduce((n, d) => n + d.text.split(/\s+/).length, 0);
}

/** A module of the repository (a set's selector, a listing) by its path from the root. */
export const loadModule = async <T>(path: string): Promise<T> => await import(pathToFileURL(join(process.cwd(), path)).href) as T;
