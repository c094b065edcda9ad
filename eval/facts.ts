/**
 * eval:facts — the fact files of our own articles (the seed article, test/fixtures/articles-*),
 * checked with ../shared/tools/check-facts.mjs in one process. These articles were written to
 * test mechanisms and read while fixing them: a sanity check and an ablation signal for rules no
 * standard set exercises (relation patterns), never a score.
 *
 * Usage: npm run eval:facts [-- --show] [--without rule-id,…]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extract } from '../src/extract.js';

const SHARED = join(process.cwd(), '../shared');
const show = process.argv.includes('--show');

function articles(): { name: string; input: string; expected: string }[] {
  const out = [{ name: 'seed', input: join(SHARED, 'fixtures/seed/article.json'), expected: join(SHARED, 'fixtures/seed/expected.json') }];
  for (const dir of ['test/fixtures/articles-2', 'test/fixtures/articles-3']) {
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.expected.json')).sort()) {
      const name = f.replace('.expected.json', '');
      out.push({ name, input: join(dir, `${name}.json`), expected: join(dir, f) });
    }
  }
  return out.filter((a) => existsSync(a.input));
}

const tmp = mkdtempSync(join(tmpdir(), 'chronicle-facts-'));
let passed = 0;
let total = 0;
try {
  for (const a of articles()) {
    const result = extract(JSON.parse(readFileSync(a.input, 'utf8')));
    const file = join(tmp, `${a.name}.json`);
    writeFileSync(file, JSON.stringify(result));
    const r = spawnSync(process.execPath, [join(SHARED, 'tools/check-facts.mjs'), a.expected, file], { encoding: 'utf8' });
    const m = /facts: (\d+)\/(\d+) passed/.exec(r.stdout);
    if (!m) throw new Error(`check-facts gave no total for ${a.name}: ${r.stderr}`);
    passed += Number(m[1]);
    total += Number(m[2]);
    console.log(`${a.name.padEnd(24)} ${m[1]}/${m[2]}`);
    if (show) for (const l of r.stdout.split('\n')) if (l.startsWith('FAIL')) console.log(`  ${l}`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`facts: ${passed}/${total} passed`);
