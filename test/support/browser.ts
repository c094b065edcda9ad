/** Headless Chromium for the browser tests: Debian's package driven by playwright-core, or a skip reason. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { startServer } from '../../src/cli/commands/serve.js';
import type { Store } from '../../src/store/index.js';
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

/** The web app served from `store` in a fresh Chromium page that collects page and console errors. */
export async function openApp(store: Store): Promise<{ page: Page; url: string; errors: string[]; close: () => Promise<void> }> {
  const server = await startServer({ db: '', port: 0, host: '127.0.0.1', token: null, readOnly: false }, store);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return { page, url: server.url, errors, close: async () => { await browser.close(); await server.stop(); } };
}

/** Pairs of SVG text labels inside `svg` whose boxes overlap (by more than a pixel), as "a / b". */
export async function overlappingLabels(svg: Locator): Promise<string[]> {
  const boxes = await svg.locator('text').evaluateAll((els) => els.map((e) => {
    const r = e.getBoundingClientRect();
    return { text: e.textContent ?? '', x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
  }));
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      if (a.x0 < b.x1 - 1 && b.x0 < a.x1 - 1 && a.y0 < b.y1 - 1 && b.y0 < a.y1 - 1) out.push(`${a.text} / ${b.text}`);
    }
  }
  return out;
}
