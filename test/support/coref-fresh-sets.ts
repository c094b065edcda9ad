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
import { freshGold, type FreshDoc } from '../../eval/coref-fresh.js';

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
