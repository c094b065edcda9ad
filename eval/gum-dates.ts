/**
 * GUM's `<date>` annotations as documents with gold time spans: a reader shared by
 * eval/times.ts (the GUM comparison) and eval/times-set.ts (which builds the TIMEX3 set from GUM
 * training documents). Kept apart so that neither eval imports the other's script.
 */
import { readFileSync } from 'node:fs';
import { dayNumber, fmtWeek, fromDayNumber, weekdayOf } from '../src/extract/times/calendar.js';

export interface GoldDate {
  start: number;
  end: number;
  text: string;
  value: string | null;
  attrs: string;
}

export interface GumDoc {
  id: string;
  genre: string;
  text: string;
  published: string | null;
  anchorBasis: string;
  dates: GoldDate[];
}

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const DATELINE = new RegExp(`^(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\\s+)?(${MONTH})\\s+(\\d{1,2}),\\s+(\\d{4})$`);
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`${name}:::"([^"]*)"`).exec(attrs);
  return m ? m[1] : null;
}

/** A gold value comparable with TIMEX3: `when`, or a from/to range that is one calendar unit. */
export function goldValue(attrs: string): string | null {
  const when = attr(attrs, 'when');
  // XML dates write a year-less date as --MM-DD; TIMEX3 as XXXX-MM-DD
  if (when) return when.replace(/(T\d{2}:\d{2}):00$/, '$1').replace(/^--/, 'XXXX-');
  let from = attr(attrs, 'from');
  let to = attr(attrs, 'to');
  if (!from || !to) {
    const nb = attr(attrs, 'notBefore');
    const na = attr(attrs, 'notAfter');
    if (nb && na && nb === na) return nb;
    return null;
  }
  if (/^\d{4}$/.test(from)) from += '-01-01';
  if (/^\d{4}$/.test(to)) to += '-12-31';
  const f = /^(\d{4})-(\d{2})-(\d{2})$/.exec(from);
  const t = /^(\d{4})-(\d{2})-(\d{2})$/.exec(to);
  if (!f || !t) return null;
  const a = { year: +f[1], month: +f[2], day: +f[3] };
  const b = { year: +t[1], month: +t[2], day: +t[3] };
  const da = dayNumber(a);
  const db = dayNumber(b);
  if (a.month === 1 && a.day === 1 && b.month === 12 && b.day === 31) {
    if (a.year === b.year) return String(a.year);
    if (a.year % 100 === 0 && b.year === a.year + 99) return `${String(a.year / 100).padStart(2, '0')}XX`;
    if (a.year % 10 === 0 && b.year === a.year + 9) return `${String(a.year / 10)}X`;
  }
  if (a.year === b.year && a.month === b.month && a.day === 1 && fromDayNumber(db + 1).day === 1) return `${a.year}-${f[2]}`;
  if (db - da === 6 && weekdayOf(a) === 1) return fmtWeek(a);
  if (db - da === 1 && weekdayOf(a) === 6) return `${fmtWeek(a)}-WE`;
  const seasons: Record<string, string> = { '03-05': 'SP', '06-08': 'SU', '09-11': 'FA', '12-02': 'WI' };
  const s = seasons[`${f[2]}-${t[2]}`];
  if (s && a.day === 1 && fromDayNumber(db + 1).day === 1) return `${a.year}-${s}`;
  return null;
}

export function readGum(path: string): GumDoc[] {
  const docs: GumDoc[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  let doc: GumDoc | null = null;
  let created: string | null = null;
  let sentenceText = '';
  let cursor = 0; // offset in sentenceText
  let base = 0; // offset of the sentence in doc.text
  let newPar = false;
  let sentencesInDoc = 0;
  let datelineFound: string | null = null;
  const open: Array<{ start: number; attrs: string }> = [];
  let rangeEnd = -1;
  let rangeSpan: [number, number] | null = null;

  const finish = () => {
    if (!doc) return;
    // news pages are dated: the dateline, else the page's creation date; other genres (biographies,
    // travel guides, essays) have no publication moment their dates are relative to
    doc.published = datelineFound ?? (['news', 'interview', 'court'].includes(doc.genre) ? created : null);
    doc.anchorBasis = datelineFound ? 'dateline' : doc.published ? 'dateCreated' : 'none';
    docs.push(doc);
  };
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '');
    if (line.startsWith('# newdoc id')) {
      finish();
      const id = line.split('=')[1].trim();
      doc = { id, genre: id.split('_')[1] ?? '', text: '', published: null, anchorBasis: 'none', dates: [] };
      created = null;
      sentencesInDoc = 0;
      datelineFound = null;
      newPar = false;
      continue;
    }
    if (!doc) continue;
    if (line.startsWith('# meta::dateCreated')) { created = line.split('=')[1].trim(); continue; }
    if (line.startsWith('# newpar')) { newPar = true; continue; }
    if (line.startsWith('# text =')) {
      sentenceText = line.slice(line.indexOf('=') + 1).trim();
      if (doc.text.length > 0) doc.text += newPar ? '\n\n' : ' ';
      newPar = false;
      base = doc.text.length;
      doc.text += sentenceText;
      cursor = 0;
      if (sentencesInDoc < 3 && !datelineFound) {
        const m = DATELINE.exec(sentenceText);
        if (m) datelineFound = `${m[3]}-${String(MONTHS.indexOf(m[1]) + 1).padStart(2, '0')}-${m[2].padStart(2, '0')}`;
      }
      sentencesInDoc++;
      continue;
    }
    if (line.startsWith('#') || line.trim() === '') continue;
    const cols = line.split('\t');
    if (cols.length < 10) continue;
    const id = cols[0];
    if (id.includes('.')) continue;
    let span: [number, number];
    if (id.includes('-')) {
      // a multiword token: its surface form holds the offsets of the words inside it
      const at = sentenceText.indexOf(cols[1], cursor);
      const s = at >= 0 ? at : cursor;
      cursor = s + cols[1].length;
      rangeSpan = [base + s, base + cursor];
      rangeEnd = Number(id.split('-')[1]);
    } else {
      const n = Number(id);
      if (rangeSpan && n <= rangeEnd) {
        span = rangeSpan;
      } else {
        rangeSpan = null;
        const at = sentenceText.indexOf(cols[1], cursor);
        const s = at >= 0 ? at : cursor;
        cursor = s + cols[1].length;
        span = [base + s, base + cursor];
      }
      const xml = /(?:^|\|)XML=([^|]*)/.exec(cols[9]);
      if (xml) {
        // tags in order: opening tags start at this token, closing tags end at it
        for (const tag of xml[1].matchAll(/<(\/?)date([^>]*)>/g)) {
          if (tag[1] === '') open.push({ start: span[0], attrs: tag[2] });
          else {
            const o = open.pop();
            if (o) doc.dates.push({ start: o.start, end: span[1], text: '', value: goldValue(o.attrs), attrs: o.attrs.trim() });
          }
        }
      }
    }
  }
  finish();
  for (const d of docs) for (const g of d.dates) g.text = d.text.slice(g.start, g.end);
  return docs;
}
