/**
 * Compiles PETRARCH2's CAMEO 2.0 verb dictionary and PLOVER's CAMEO→PLOVER table into
 * models/events/cameo-lexicon.json (with a manifest), so that run time reads one JSON file.
 * usage: npm run build:events-lexicon [-- DATA_DIR]   (default /work/shared/data)
 */
import { mkdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { compileLexicon, prepareLexicon } from '../src/extract/events/lexicon.js';

const dataDir = process.argv[2] ?? '/work/shared/data';
const verbsFile = join(dataDir, 'petrarch2/dictionaries/CAMEO.2.0.txt');
const ploverFile = join(dataDir, 'plover/CAMEO2PLOVER-2021.txt');
const verbs = readFileSync(verbsFile, 'utf8');
const plover = readFileSync(ploverFile, 'utf8');

const t0 = performance.now();
const compiled = compileLexicon(verbs, plover);
const parseMs = performance.now() - t0;

const outDir = new URL('../../models/events/', import.meta.url);
mkdirSync(outDir, { recursive: true });
const json = JSON.stringify(compiled);
writeFileSync(new URL('cameo-lexicon.json', outDir), json);

const t1 = performance.now();
prepareLexicon(JSON.parse(json));
const loadMs = performance.now() - t1;

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const patterns = compiled.verbs.blocks.reduce((n, b) => n + b.patterns.length, 0);
const manifest = {
  file: 'cameo-lexicon.json',
  built: new Date().toISOString(),
  by: 'train/events-lexicon.ts (npm run build:events-lexicon)',
  sources: [
    { file: 'petrarch2/dictionaries/CAMEO.2.0.txt', sha256: sha(verbs), license: 'MIT, Copyright (c) 2015 Open Event Data Alliance', repository: 'openeventdata/petrarch2@676801cd9cb2924bbbad09f86d15c9323e7097bf' },
    { file: 'plover/CAMEO2PLOVER-2021.txt', sha256: sha(plover), license: 'CC BY-SA 4.0, Copyright (c) 2021 Open Event Data Alliance', repository: 'openeventdata/PLOVER@5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f' },
  ],
  contents: {
    verbs: Object.keys(compiled.verbs.verbs).length,
    blocks: compiled.verbs.blocks.length,
    patterns,
    synsets: Object.keys(compiled.verbs.synsets).length,
    cameoCodes: Object.keys(compiled.plover).length,
  },
  bytes: Buffer.byteLength(json),
  timing: { parseDictionaryMs: Math.round(parseMs * 10) / 10, loadCompiledJsonMs: Math.round(loadMs * 10) / 10 },
  sha256: sha(json),
};
writeFileSync(new URL('cameo-lexicon.manifest.json', outDir), JSON.stringify(manifest, null, 2) + '\n');
console.log(JSON.stringify(manifest, null, 2));
console.log(`source size ${statSync(verbsFile).size} bytes`);
