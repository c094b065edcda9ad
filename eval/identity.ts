/**
 * eval:identity — what cross-document identity did on a set of articles: every merge made
 * across documents (with its confidence and evidence) and every merge refused (a candidate
 * with a matching name the rules turned down, with the reason), through the real pipeline and
 * the real store. Articles we write are sanity checks, not scores: this prints what happened
 * so a reader can judge each merge; test/identity-confusable.test.ts asserts the cases that
 * must come out right.
 *
 * Usage: npm run eval:identity [-- FILE_OR_DIR ...] [--json]
 *   default: the bundled articles (examples/*.json, examples/wikinews/*.json)
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extract } from '../src/extract.js';
import { readDocuments } from '../src/ingest/input.js';
import Database from 'better-sqlite3';
import { openStore } from '../src/store/index.js';
import { exampleFiles } from '../src/cli/commands/serve.js';

export interface MergeRow {
  identity: number;
  type: string;
  name: string;
  document: string;
  confidence: number;
  method: string;
  evidence: string;
}

export interface IdentityReport {
  documents: number;
  entities: number;
  identities: number;
  /** identities with members in more than one document */
  crossDocument: number;
  /** document entities that joined an identity of another document */
  merges: MergeRow[];
  /** document entities that started an identity although another one had a matching name */
  refused: MergeRow[];
  /** identities spanning several documents: their names as written, by document */
  groups: Array<{ identity: number; type: string; names: Array<{ document: string; name: string; method: string; confidence: number }> }>;
  /** Every entity of every document, by name: what the single-document entities were called. */
  named: Array<{ identity: number; type: string; name: string; document: string }>;
}

/** Ingest the articles into a fresh SQLite store and read back what identity did. */
export async function identityReport(files: string[]): Promise<IdentityReport> {
  const dir = mkdtempSync(join(tmpdir(), 'chronicle-identity-'));
  const path = join(dir, 'identity.db');
  try {
    const store = await openStore(path);
    let documents = 0;
    try {
      for await (const item of readDocuments(files)) {
        if (!item.ok) throw new Error(`${item.origin}: ${item.error}`);
        await store.ingest(extract(item.doc));
        documents++;
      }
    } finally {
      await store.close();
    }
    const db = new Database(path, { readonly: true });
    const rows = db.prepare(
      `SELECT de.id, de.entity_id, de.type, de.name, COALESCE(d.external_id, d.title, CAST(d.id AS TEXT)) AS doc, de.document_id, de.confidence, de.method, de.evidence
       FROM doc_entities de JOIN documents d ON d.id = de.document_id ORDER BY de.entity_id, de.id`).all() as Array<{ id: number; entity_id: number; type: string; name: string; doc: string; document_id: number; confidence: number; method: string; evidence: string }>;
    db.close();
    const docsOf = new Map<number, Set<number>>();
    for (const r of rows) {
      if (!docsOf.has(r.entity_id)) docsOf.set(r.entity_id, new Set());
      docsOf.get(r.entity_id)!.add(r.document_id);
    }
    const row = (r: (typeof rows)[number]): MergeRow => ({ identity: r.entity_id, type: r.type, name: r.name, document: r.doc, confidence: Number(r.confidence), method: r.method, evidence: r.evidence });
    const merges = rows.filter((r) => r.method !== 'new' && (docsOf.get(r.entity_id)?.size ?? 0) > 1 && !rows.some((x) => x.entity_id === r.entity_id && x.document_id === r.document_id && x.id < r.id && x.method === 'new')).map(row);
    const refused = rows.filter((r) => r.method === 'new' && /^not joined/.test(r.evidence ?? '')).map(row);
    const groups: IdentityReport['groups'] = [];
    for (const [id, docs] of docsOf) {
      if (docs.size < 2) continue;
      const names = rows.filter((r) => r.entity_id === id).map((r) => ({ document: r.doc, name: r.name, method: r.method, confidence: Number(r.confidence) }));
      groups.push({ identity: id, type: rows.find((r) => r.entity_id === id)!.type, names });
    }
    const named = rows.map((r) => ({ identity: r.entity_id, type: r.type, name: r.name, document: r.doc }));
    return { documents, entities: rows.length, identities: docsOf.size, crossDocument: groups.length, merges, refused, groups, named };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function expand(paths: string[]): string[] {
  return paths.flatMap((p) => (statSync(p).isDirectory() ? readdirSync(p).filter((f) => f.endsWith('.json')).sort().map((f) => join(p, f)) : [p]));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const paths = args.filter((a) => !a.startsWith('--'));
  const files = paths.length ? expand(paths) : exampleFiles();
  const report = await identityReport(files);
  if (json) {
    process.stdout.write(`${JSON.stringify(report, null, 1)}\n`);
    return;
  }
  const out: string[] = [];
  out.push(`${report.documents} documents, ${report.entities} document entities, ${report.identities} identities, ${report.crossDocument} across documents`);
  out.push(`\nmerges made across documents: ${report.merges.length}`);
  for (const m of report.merges) out.push(`  ${m.type.padEnd(6)} ${m.name} [${m.document}] → #${m.identity} ${m.method} ${m.confidence.toFixed(2)}: ${m.evidence}`);
  out.push(`\nmerges refused: ${report.refused.length}`);
  for (const m of report.refused) out.push(`  ${m.type.padEnd(6)} ${m.name} [${m.document}]: ${m.evidence}`);
  out.push('\nidentities across documents:');
  for (const g of report.groups) out.push(`  #${g.identity} ${g.type}: ${g.names.map((n) => `${n.name} [${n.document}]`).join(" | ")}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/dist\//, 'dist/').replace(/\\/g, '/')) || process.argv[1]?.endsWith('eval/identity.js')) {
  main().catch((err: Error) => {
    process.stderr.write(`${err.stack ?? err.message}\n`);
    process.exit(1);
  });
}
