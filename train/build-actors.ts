/**
 * Builds models/actors/phoenix.json.gz: the Phoenix actor dictionaries (countries, international
 * organisations, non-state armed groups) and agent dictionary of PETRARCH2, parsed and normalised
 * once so that the `actors` stage loads them in a few tens of milliseconds.
 * Run: npm run build:actors  (reads ../shared/data/petrarch2, or $CHRONICLE_DATA/petrarch2;
 * the output is committed with a manifest and the upstream MIT licence notice).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { compileActors } from '../src/extract/actors/dictionary.js';

const DATA = process.env.CHRONICLE_DATA ?? join(process.cwd(), '../shared/data');
const DICT = join(DATA, 'petrarch2/dictionaries');
const OUT = join(process.cwd(), 'models/actors');

const ACTOR_FILES = ['Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt'];
const AGENT_FILE = 'Phoenix.agents.txt';

const t0 = performance.now();
const sha = (s: Buffer) => createHash('sha256').update(s).digest('hex');
const sources: { file: string; sha256: string }[] = [];
const files = ACTOR_FILES.map((name) => {
  const buf = readFileSync(join(DICT, name));
  sources.push({ file: `petrarch2/dictionaries/${name}`, sha256: sha(buf) });
  return { name, text: buf.toString('utf8') };
});
const agentBuf = readFileSync(join(DICT, AGENT_FILE));
sources.push({ file: `petrarch2/dictionaries/${AGENT_FILE}`, sha256: sha(agentBuf) });
const compiled = compileActors(files, agentBuf.toString('utf8'));
const json = JSON.stringify(compiled);
const gz = gzipSync(Buffer.from(json), { level: 9 });
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'phoenix.json.gz'), gz);
const phrases = compiled.actors.reduce((n, a) => n + 1 + a[4].length, 0);
const manifest = {
  name: 'phoenix-actors',
  description: 'PETRARCH2 Phoenix actor and agent dictionaries, parsed and normalised for the actors stage',
  built: new Date().toISOString(),
  builder: 'train/build-actors.ts (npm run build:actors)',
  sources,
  upstream: 'openeventdata/petrarch2 commit 676801cd9cb2924bbbad09f86d15c9323e7097bf',
  license: 'MIT (c) 2014 Open Event Data Alliance; see models/actors/LICENSE-PETRARCH2',
  counts: { actorRecords: compiled.actors.length, actorPhrases: phrases, agentPatterns: compiled.agents.length },
  bytes: { json: json.length, gzip: gz.length },
  changes: 'phrases upper-cased, accents and periods removed; two 0x1A bytes repaired (ZEROUAL, STRASKY); records without any code dropped; agent plurals and !MARKER! sets expanded',
};
writeFileSync(join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
writeFileSync(
  join(OUT, 'LICENSE-PETRARCH2'),
  readFileSync(join(DATA, 'petrarch2/LICENSE'), 'utf8'),
);
console.log(`actors: ${compiled.actors.length} records, ${phrases} phrases, ${compiled.agents.length} agent patterns; ${(gz.length / 1024).toFixed(0)} KiB gz; ${(performance.now() - t0).toFixed(0)} ms`);
