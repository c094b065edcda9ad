/**
 * The README promises Node.js 20: every installed package must accept the Node versions the
 * project declares, or `npm install` prints EBADENGINE warnings (and may break at run time).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface Semver {
  satisfies(version: string, range: string, options?: { includePrerelease?: boolean }): boolean;
}
const semver = createRequire(import.meta.url)('semver') as Semver;
const root = new URL('../../', import.meta.url);

interface LockPackage { engines?: { node?: string } | string[]; dev?: boolean }

test('every locked package supports the Node versions package.json declares', () => {
  const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { engines: { node: string } };
  const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as { packages: Record<string, LockPackage> };
  assert.ok(semver.satisfies(process.version.slice(1), pkg.engines.node), `running Node ${process.version} is one package.json declares`);
  const versions = [process.version.slice(1)];
  const bad: string[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    const range = entry.engines && !Array.isArray(entry.engines) ? entry.engines.node : undefined;
    if (!path || !range) continue;
    for (const v of versions) {
      if (!semver.satisfies(v, range, { includePrerelease: true })) bad.push(`${path.replace(/^node_modules\//, '')} needs node ${range} (have ${v})`);
    }
  }
  assert.deepEqual(bad, []);
});
