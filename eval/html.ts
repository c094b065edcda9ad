/**
 * `npm run eval:html`: article body extraction on the article-html-dev pages, scored as the
 * upstream benchmark does (see html-score.ts). Prints P/R/F1 and ms/page.
 *   --raw        Readability's output without our boilerplate rules (the baseline)
 *   --pages N    worst N pages by F1, with the extra and missing text
 *   --json FILE  per-page scores and texts, for comparing variants
 *   --data DIR   benchmark folder (default ../shared/data/article-html-dev)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { extractArticle } from '../src/ingest/html.js';
import { scorePage, summarise, shingles, type PageScore } from './html-score.js';

const { values } = parseArgs({
  options: {
    raw: { type: 'boolean', default: false },
    pages: { type: 'string' },
    data: { type: 'string' },
    json: { type: 'string' },
  },
});
const dir = resolve(values.data ?? join(process.cwd(), '..', 'shared', 'data', 'article-html-dev'));
const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
const files = readdirSync(join(dir, 'html')).filter((f) => /\.html(\.gz)?$/.test(f)).sort();

const pages: (PageScore & { id: string; predicted: string })[] = [];
let ms = 0;
let cpuMs = 0;
const htmls = files.map((f) => {
  const bytes = readFileSync(join(dir, 'html', f));
  return { id: f.replace(/\.html(\.gz)?$/, ''), html: (f.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8') };
});
// one warm-up page so JIT start-up is not charged to the first page
extractArticle(htmls[0].html, { raw: values.raw });
for (const { id, html } of htmls) {
  const gt = truth[id];
  if (!gt) continue;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const article = extractArticle(html, { url: gt.url, raw: values.raw });
  ms += performance.now() - t0;
  const c = process.cpuUsage(c0);
  cpuMs += (c.user + c.system) / 1000;
  pages.push({ id, predicted: article.text, ...scorePage(gt.articleBody, article.text) });
}
const s = summarise(pages);
console.log(`article-html-dev: ${pages.length} pages${values.raw ? ' (Readability only)' : ''}`);
console.log(`precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  ${(ms / pages.length).toFixed(1)} ms/page (CPU ${(cpuMs / pages.length).toFixed(1)} ms/page)`);

if (values.json) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(values.json, JSON.stringify(pages.map(({ id, precision, recall, predicted }) => ({ id, precision, recall, predicted }))));
}
if (values.pages) {
  const f1 = (p: PageScore) => (p.precision + p.recall ? (2 * p.precision * p.recall) / (p.precision + p.recall) : 0);
  const worst = [...pages].sort((a, b) => f1(a) - f1(b)).slice(0, Number(values.pages));
  for (const p of worst) {
    console.log(`\n== ${p.id.slice(0, 12)} P ${p.precision.toFixed(3)} R ${p.recall.toFixed(3)} ${truth[p.id].url}`);
    const gtSh = shingles(truth[p.id].articleBody);
    // paragraphs that share no shingle with the truth: the boilerplate we kept
    for (const para of p.predicted.split('\n\n')) {
      const sh = [...shingles(para).keys()];
      const hit = sh.filter((k) => gtSh.has(k)).length;
      if (hit / Math.max(1, sh.length) < 0.5) console.log(`  + ${para.slice(0, 160)}`);
    }
    const predSh = shingles(p.predicted);
    for (const para of truth[p.id].articleBody.split(/\n+/)) {
      const sh = [...shingles(para).keys()];
      const hit = sh.filter((k) => predSh.has(k)).length;
      if (hit / Math.max(1, sh.length) < 0.5) console.log(`  - ${para.slice(0, 160)}`);
    }
  }
}
