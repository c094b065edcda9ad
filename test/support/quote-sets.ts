/** Checks shared by the fresh quote sets (held3, held4): well-formed attributions and texts no other set holds. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { validateDoc, type GoldQuoteDoc } from '../../eval/quotes-gold.js';

const key = (s: string) => decodeURIComponent(s).replace(/[_\s]+/g, ' ').toLowerCase();

/**
 * Every attribution points at the words it quotes and names a speaker; a direct content sits inside its marks (right
 * after an opening mark or a paragraph break, or — `lostOpeningMark` — right before a closing mark); a mixed content
 * holds quoted words; source and cue do not overlap. Returns the number of attributions.
 */
export function assertWellFormed(docs: GoldQuoteDoc[], opts: { lostOpeningMark: boolean }): number {
  let n = 0;
  for (const d of docs) {
    assert.deepEqual(validateDoc(d), [], d.slug);
    assert.ok(d.attributions.length >= 2, `${d.slug}: at least two attributions`);
    for (const a of d.attributions) {
      n++;
      for (const s of [a.content, a.source, a.cue]) if (s) assert.equal(d.text.slice(s.start, s.end), s.text, a.id);
      assert.ok(a.content.text.trim().length > 0, a.id);
      assert.ok(a.speaker, `${a.id}: every speaker is given`);
      if (a.kind === 'direct') {
        assert.ok(!/^["“”]|["“”]$/.test(a.content.text), `${a.id}: content without its marks`);
        const before = d.text.slice(Math.max(0, a.content.start - 2), a.content.start);
        const opens = /["“]\s?$/.test(before) || /(^|\n)$/.test(d.text.slice(0, a.content.start));
        const closes = opts.lostOpeningMark && /^,?["”]/.test(d.text.slice(a.content.end, a.content.end + 2));
        assert.ok(opens || closes, `${a.id}: a direct content sits next to its quotation marks`);
      }
      if (a.kind === 'mixed') assert.match(a.content.text, /["“”]/, `${a.id}: a mixed content holds quoted words`);
      if (a.source && a.cue) assert.ok(a.source.end <= a.cue.start || a.source.start >= a.cue.end, `${a.id}: source and cue do not overlap`);
    }
    for (const q of d.nonQuotes) assert.equal(d.text.slice(q.start, q.end), q.text, d.slug);
  }
  return n;
}

/** No other quote document and no unlabelled Wikinews article shares a title, URL or opening words with `docs`. */
export function assertUnseen(docs: GoldQuoteDoc[], others: GoldQuoteDoc[]): void {
  const unlabelled = gunzipSync(readFileSync(join(process.cwd(), '../shared/data/unlabelled/news-en.jsonl.gz'))).toString('utf8')
    .split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; title: string; url?: string; text: string }).filter((d) => d.id.startsWith('wikinews:'));
  const seenTitles = new Set([...others, ...unlabelled].map((d) => d.title.toLowerCase()));
  const seenUrls = new Set([...others.map((d) => d.url), ...unlabelled.map((d) => d.url)].filter(Boolean).map((u) => key(u!.replace(/^.*\/wiki\//, ''))));
  const openings = new Set([...others, ...unlabelled].map((d) => d.text.slice(0, 60)));
  assert.ok(unlabelled.length > 300, 'the unlabelled Wikinews articles are read');
  for (const d of docs) {
    assert.ok(!seenTitles.has(d.title.toLowerCase()), `${d.slug}: title seen elsewhere`);
    assert.ok(!seenUrls.has(key(d.url!.replace(/^.*\/wiki\//, ''))), `${d.slug}: URL seen elsewhere`);
    assert.ok(!openings.has(d.text.slice(0, 60)), `${d.slug}: opening seen elsewhere`);
  }
}
