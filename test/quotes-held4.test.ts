import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { loadGold, validateDoc, type GoldQuoteDoc } from '../eval/quotes-gold.js';
import { inScope } from '../eval/quotes.js';

/** held4 (fresh14): fresh Wikinews articles from AMALGUM's extra news folder, annotated before Chronicle ran on them. */
const all = loadGold();
const held4 = all.filter((d) => d.split === 'held4');
const sha = (s: string) => createHash('sha1').update(s).digest('hex');
const key = (s: string) => decodeURIComponent(s).replace(/[_\s]+/g, ' ').toLowerCase();
const HALF_A = 10;
const HALF_B = 0;

test('held4: fresh Wikinews articles from amalgum_extra with source, licence and a half fixed by the hash of the id', () => {
  assert.equal(held4.length, HALF_A + HALF_B);
  for (const d of held4) {
    assert.equal(d.origin, 'wikinews', d.slug);
    assert.equal(d.licence, 'CC BY 2.5', d.slug);
    assert.match(d.url ?? '', /^https:\/\/en\.wikinews\.org\/wiki\/\S+$/, d.slug);
    assert.match(d.attribution, /amalgum_extra\/news\/xml\/AMALGUM_news_\w+\.xml/, d.slug);
    assert.match(d.id, /^amalgum:AMALGUM_news_[a-z]+$/, d.slug);
    assert.match(d.slug, /^h4-/);
    assert.equal(d.half, parseInt(sha(`held4-half:${d.id}`)[0], 16) < 8 ? 'A' : 'B', d.slug);
  }
  assert.equal(held4.filter((d) => d.half === 'A').length, HALF_A);
  assert.equal(held4.filter((d) => d.half === 'B').length, HALF_B);
});

test('held4: every attribution points at the words it quotes, with a speaker, and every document has some', () => {
  let n = 0;
  for (const d of held4) {
    assert.deepEqual(validateDoc(d), [], d.slug);
    assert.ok(d.attributions.length >= 2, `${d.slug}: at least two attributions`);
    for (const a of d.attributions) {
      n++;
      for (const s of [a.content, a.source, a.cue]) if (s) assert.equal(d.text.slice(s.start, s.end), s.text, a.id);
      assert.ok(a.content.text.trim().length > 0, a.id);
      assert.ok(a.speaker, `${a.id}: held4 gives every speaker`);
      if (a.kind === 'direct') {
        assert.ok(!/^["“”]|["“”]$/.test(a.content.text), `${a.id}: content without its marks`);
        // inside its quotation marks, or a quotation whose opening mark the article lost
        const before = d.text.slice(Math.max(0, a.content.start - 2), a.content.start);
        const after = d.text.slice(a.content.end, a.content.end + 2);
        assert.ok(/["“]\s?$/.test(before) || /^,?["”]/.test(after), `${a.id}: a direct content sits next to a quotation mark`);
      }
      if (a.kind === 'mixed') assert.match(a.content.text, /["“”]/, `${a.id}: a mixed content holds quoted words`);
      if (a.source && a.cue) assert.ok(a.source.end <= a.cue.start || a.source.start >= a.cue.end, `${a.id}: source and cue do not overlap`);
    }
    for (const q of d.nonQuotes) assert.equal(d.text.slice(q.start, q.end), q.text, d.slug);
  }
  assert.ok(n >= 10 * held4.length, `${n} attributions`);
});

/** Every file under a folder, as text (the other annotation sets: coref-fresh, events, times, places). */
function textsUnder(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) out.push(...textsUnder(p));
    else if (/\.(jsonl|json|txt|tsv|ann)$/.test(f)) out.push(readFileSync(p, 'utf8'));
  }
  return out;
}

test('held4 is unseen: no other quote split, annotation set or unlabelled Wikinews article shares its titles, URLs or opening words', () => {
  const others = all.filter((d) => d.split !== 'held4');
  const unlabelled = gunzipSync(readFileSync(join(process.cwd(), '../shared/data/unlabelled/news-en.jsonl.gz'))).toString('utf8')
    .split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; title: string; url?: string; text: string }).filter((d) => d.id.startsWith('wikinews:'));
  const seenTitles = new Set([...others, ...unlabelled].map((d) => d.title.toLowerCase()));
  const seenUrls = new Set([...others.map((d: GoldQuoteDoc) => d.url), ...unlabelled.map((d) => d.url)].filter(Boolean).map((u) => key(u!.replace(/^.*\/wiki\//, ''))));
  const openings = new Set([...others, ...unlabelled].map((d) => d.text.slice(0, 60)));
  const sets = ['coref-fresh', 'events', 'times', 'places'].flatMap((s) => textsUnder(join(process.cwd(), 'eval/data', s))).join('\n');
  assert.ok(unlabelled.length > 300, 'the unlabelled Wikinews articles are read');
  for (const d of held4) {
    assert.ok(!seenTitles.has(d.title.toLowerCase()), `${d.slug}: title seen elsewhere`);
    assert.ok(!seenUrls.has(key(d.url!.replace(/^.*\/wiki\//, ''))), `${d.slug}: URL seen elsewhere`);
    assert.ok(!openings.has(d.text.slice(0, 60)), `${d.slug}: opening seen elsewhere`);
    assert.ok(!sets.includes(d.title) && !sets.includes(d.text.slice(0, 60)) && !sets.includes(d.id.replace(/^amalgum:/, '')), `${d.slug}: in another annotation set`);
  }
});

test('held4 stays out of every other figure: scored only when --held4 asks for it', () => {
  const none = { blind: false, held3: false, held4: false };
  assert.ok(held4.length > 0);
  for (const d of held4) {
    assert.equal(inScope(d, none), false, d.slug);
    assert.equal(inScope(d, { ...none, held3: true, blind: true }), false, d.slug);
    assert.equal(inScope(d, { ...none, held4: true }), true, d.slug);
  }
  // asking for held4 adds held4 and nothing else
  const dev = all.filter((d) => inScope(d, none)).map((d) => d.id);
  const withHeld4 = all.filter((d) => inScope(d, { ...none, held4: true })).map((d) => d.id);
  assert.deepEqual(withHeld4.filter((id) => !dev.includes(id)).sort(), held4.map((d) => d.id).sort());
  assert.ok(dev.every((id) => withHeld4.includes(id)));
});
