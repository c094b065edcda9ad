/**
 * Direct-quote detection against GUM's <quote> markup (npm run eval:quotes).
 * Each GUM document (news, interview, bio, voyage, academic, court) is rebuilt from its tokens
 * (SpaceAfter, paragraphs at <p> starts), run through the pipeline, and our direct quotes are
 * matched to gold <quote> spans: a match shares at least half of the shorter span's characters.
 * GUM marks no speakers, so only detection is scored here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractDoc } from '../src/extract.js';

interface GoldDoc { name: string; text: string; quotes: [number, number][] }

export function gumDocuments(dir: string, filter: (name: string) => boolean): GoldDoc[] {
  const out: GoldDoc[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.conllu') && filter(x)).sort()) {
    let text = '';
    const quotes: [number, number][] = [];
    const open: number[] = [];
    let pendingSpace = false;
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      const c = line.split('\t');
      if (c.length < 10 || !/^\d+$/.test(c[0])) {
        if (line === '' && text) pendingSpace = true;
        continue;
      }
      const misc = c[9];
      const xml = /XML=([^|]*)/.exec(misc)?.[1] ?? '';
      if (/<p[ >]/.test(xml) && text) text += '\n\n';
      else if (pendingSpace && text && !text.endsWith('\n')) text += ' ';
      pendingSpace = false;
      const start = text.length;
      for (let k = 0; k < (xml.match(/<quote/g) ?? []).length; k++) open.push(start);
      text += c[1];
      const closes = (xml.match(/<\/quote>/g) ?? []).length;
      for (let k = 0; k < closes; k++) {
        const s = open.pop();
        if (s !== undefined) quotes.push([s, text.length]);
      }
      if (!/SpaceAfter=No/.test(misc)) pendingSpace = true;
    }
    out.push({ name: f, text, quotes });
  }
  return out;
}

function overlap(a: [number, number], b: [number, number]): number {
  return Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
}

export function scoreQuotes(docs: GoldDoc[]): { precision: number; recall: number; f1: number; gold: number; predicted: number } {
  let gold = 0;
  let predicted = 0;
  let tpGold = 0;
  let tpPred = 0;
  for (const d of docs) {
    const doc = extractDoc({ id: d.name, text: d.text, published: null });
    const pred = doc.quotes.filter((q) => q.kind === 'direct').map((q) => [q.start, q.end] as [number, number]);
    const matches = (a: [number, number], b: [number, number]) => overlap(a, b) * 2 >= Math.min(a[1] - a[0], b[1] - b[0]);
    gold += d.quotes.length;
    predicted += pred.length;
    tpGold += d.quotes.filter((g) => pred.some((p) => matches(g, p))).length;
    tpPred += pred.filter((p) => d.quotes.some((g) => matches(g, p))).length;
  }
  const precision = predicted ? tpPred / predicted : 0;
  const recall = gold ? tpGold / gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, gold, predicted };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = join(process.env.CHRONICLE_DATA ?? join(process.cwd(), '../shared/data'), 'gum/dep');
  for (const [label, filter] of [['news+interview', (n: string) => /_(news|interview)_/.test(n)], ['all six genres', () => true]] as const) {
    const s = scoreQuotes(gumDocuments(dir, filter));
    console.log(`GUM ${label}: direct quotes P ${(s.precision * 100).toFixed(1)} R ${(s.recall * 100).toFixed(1)} F1 ${(s.f1 * 100).toFixed(1)} (${s.gold} gold <quote> spans, ${s.predicted} predicted)`);
  }
}
