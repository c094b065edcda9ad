/**
 * Test/eval helper: build a Doc from gold CoNLL-U (tokens with upos, xpos, lemma, head,
 * deprel), so the event coder can be tested independently of our own parser, and attach
 * entities, times and quotes by their surface text.
 */
import { Doc, type EntityType, type MentionKind } from '../../src/doc.js';

export function docFromConllu(conllu: string, meta: { id?: string; published?: string | null } = {}): Doc {
  const blocks = conllu.trim().split(/\n\s*\n/);
  const parts: { form: string; lemma: string; upos: string; xpos: string; head: number; deprel: string; space: boolean }[][] = [];
  const paragraphs: number[] = [];
  let para = 0;
  for (const block of blocks) {
    const rows: (typeof parts)[number] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('# newpar') && parts.length > 0) para++;
      if (!line || line.startsWith('#')) continue;
      const f = line.split('\t');
      if (f.length < 8 || !/^\d+$/.test(f[0])) continue; // skip multiword ranges and empty nodes
      rows.push({ form: f[1], lemma: f[2], upos: f[3], xpos: f[4], head: Number(f[6]), deprel: f[7], space: !(f[9] ?? '').includes('SpaceAfter=No') });
    }
    if (rows.length) { parts.push(rows); paragraphs.push(para); }
  }
  let text = '';
  const spans: { start: number; end: number }[][] = [];
  parts.forEach((rows, s) => {
    if (s > 0) text += paragraphs[s] !== paragraphs[s - 1] ? '\n\n' : ' ';
    const sp: { start: number; end: number }[] = [];
    rows.forEach((r, k) => {
      const start = text.length;
      text += r.form;
      sp.push({ start, end: text.length });
      if (r.space && k < rows.length - 1) text += ' ';
    });
    spans.push(sp);
  });
  const doc = new Doc({ id: meta.id ?? 'test', text, published: meta.published ?? null });
  parts.forEach((rows, s) => {
    const base = doc.tokens.length;
    rows.forEach((r, k) => {
      doc.tokens.push({
        i: base + k, start: spans[s][k].start, end: spans[s][k].end, text: r.form, sentence: s, spaceAfter: r.space,
        upos: r.upos, xpos: r.xpos, lemma: r.lemma, head: r.head === 0 ? -1 : base + r.head - 1, deprel: r.deprel,
      });
    });
    doc.sentences.push({ start: spans[s][0].start, end: spans[s][rows.length - 1].end, tokenStart: base, tokenEnd: base + rows.length, paragraph: paragraphs[s] });
  });
  return doc;
}

function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  const re = new RegExp(`(?<![\\w])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index);
  return out;
}

/** Add an entity whose mentions are every occurrence of each surface string. */
export function addEntity(doc: Doc, id: string, type: EntityType, surfaces: (string | { text: string; kind: MentionKind; nth?: number })[], codes?: string[]): void {
  const mentions = [];
  for (const s of surfaces) {
    const text = typeof s === 'string' ? s : s.text;
    const kind: MentionKind = typeof s === 'string' ? 'name' : s.kind;
    const hits = occurrences(doc.text, text);
    const chosen = typeof s !== 'string' && s.nth !== undefined ? [hits[s.nth]] : hits;
    for (const start of chosen) if (start !== undefined) mentions.push({ start, end: start + text.length, text, kind, type, entity: id });
  }
  if (mentions.length === 0) throw new Error(`addEntity: none of ${JSON.stringify(surfaces)} occurs in the text`);
  mentions.sort((a, b) => a.start - b.start);
  doc.entities.push({ id, type, name: typeof surfaces[0] === 'string' ? surfaces[0] : surfaces[0].text, mentions, ...(codes ? { codes: codes.map((code) => ({ code, source: 'test' })) } : {}) });
}

export function addTime(doc: Doc, text: string, value: string): void {
  const start = occurrences(doc.text, text)[0];
  if (start === undefined) throw new Error(`addTime: "${text}" not in text`);
  doc.times.push({ start, end: start + text.length, text, value });
}

export function addQuote(doc: Doc, text: string, speaker: string | null): void {
  const start = doc.text.indexOf(text);
  if (start < 0) throw new Error(`addQuote: "${text}" not in text`);
  doc.quotes.push({ start, end: start + text.length, text, speaker, kind: 'direct' });
}
