/**
 * Scoring of the article-extraction benchmark (scrapinghub/article-extraction-benchmark),
 * as its evaluate.py does: tokens are \w+ runs, 4-token shingles, per page TP/FP/FN over
 * shingle counts normalised to sum 1; precision and recall averaged over pages; F1 from
 * the two averages.
 */

// Python's \w (Unicode): letters, digits/numerics and underscore
const TOKEN_RE = /[\p{L}\p{N}_]+/gu;

export function shingles(text: string, n = 4): Map<string, number> {
  const tokens = text.match(TOKEN_RE) ?? [];
  const out = new Map<string, number>();
  // as upstream: range(0, max(1, len - n + 1)); a short text gives one shorter shingle
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const s = tokens.slice(i, i + n).join(' ');
    if (s) out.set(s, (out.get(s) ?? 0) + 1);
  }
  return out;
}

export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export function scorePage(truth: string, predicted: string): PageScore {
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(key) ?? 0;
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const s = tp + fp + fn;
  if (s > 0) {
    tp /= s;
    fp /= s;
    fn /= s;
  }
  return { tp, fp, fn, precision: tp + fp === 0 ? 0 : tp / (tp + fp), recall: tp + fn === 0 ? 0 : tp / (tp + fn) };
}

export function summarise(pages: PageScore[]): { precision: number; recall: number; f1: number } {
  const precision = pages.reduce((a, p) => a + p.precision, 0) / pages.length;
  const recall = pages.reduce((a, p) => a + p.recall, 0) / pages.length;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}
