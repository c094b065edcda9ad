/** Headless Chromium for the browser tests: Debian's package driven by playwright-core, or a skip reason. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { DEFAULT_WEB_ROOT } from '../../src/server/index.js';

function chromiumPath(): string | null {
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

const executable = chromiumPath();
const webBuilt = existsSync(join(DEFAULT_WEB_ROOT, 'js', 'main.js'));

/** Where screenshots are kept (git-ignored). */
export const ARTIFACTS = join(process.cwd(), 'test-artifacts');

/** Why `what` cannot run here, or false when Chromium and the built app are both present. */
export function browserSkip(what: string): string | false {
  if (!executable) return `chromium is not installed (apt-get install chromium); ${what} skipped`;
  if (!webBuilt) return 'web app not built (npm run build:web)';
  return false;
}

/** Chromium with the flags this workplace needs (no sandbox as root, no background network). */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: executable!, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', ...extraArgs] });
}
