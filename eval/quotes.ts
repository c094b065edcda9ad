/**
 * Quote attribution scored on our development set (eval/data/quotes) and direct-quote detection
 * on GUM's <quote> markup (npm run eval:quotes).
 *
 * Each document goes through the whole pipeline as raw text. A predicted quote matches a gold
 * attribution when their contents share at least half of the shorter span's characters; gold
 * attributions are paired one to one with predictions (closest spans first), so a prediction
 * serves one attribution. Figures:
 * - direct quotes: the gold quotations (direct contents, and the quoted words inside mixed
 *   contents) found by a predicted direct quote (recall), and the predicted direct quotes that
 *   cover a gold quotation or attribution (precision);
 * - all attributions (direct, mixed, indirect; belief shown apart): recall one to one, precision
 *   as the predicted quotes of any kind that cover some gold attribution;
 * - speaker accuracy among the attributions found: the predicted speaker is right when its
 *   entity carries the gold name (or, for a name in the text, a mention at the gold source), or
 *   when its words match the gold description; an empty speaker is wrong;
 * - attributed right: the attributions found with the right speaker, as P (over all predicted
 *   quotes), R (over gold) and F1 — one figure for ablations (`npm run ablate -- --task quotes`);
 * - speaker errors by construction, with the construction read off the gold spans.
 * `--no-gum` leaves out the GUM figure (an ablation runs the eval once per rule).
 * Held-out documents are scored but never listed (`--errors` lists dev and own documents only).
 * The blind documents (split `blind`, 22 Wikinews articles annotated by quotes8 without running
 * Chronicle on them) are left out unless `--blind` is given, and then only their headline figures
 * are printed; `--blind-detail` adds their construction and shape tables (read them once, at the end
 * of a round: whatever is read there is no longer blind).
 * The held3 documents (24 fresh Wikinews articles annotated by fresh12 before Chronicle ran on them, split in halves A and B
 * fixed by hash) are left out unless `--held3` is given: headline figures for held3 and each half, with 95% intervals
 * (Wilson over attributions; a document bootstrap for speaker accuracy, since attributions cluster by document);
 * `--held3-detail` adds their construction and shape tables; `--held3-errors` lists the errors of half A only (B is kept
 * for reporting).
 * The held4 documents (fresh Wikinews articles from AMALGUM's extra news folder, annotated by fresh14 before Chronicle ran on
 * them, halves fixed by hash like held3's) are left out unless `--held4` is given, with the same headline and intervals;
 * `--held4-detail` adds the tables, `--held4-errors` lists the errors of half A only (half B is run once, by the lead).
 * The held5 documents (the next articles of the same folder, annotated by fresh15 before Chronicle ran on them) are unseen
 * whole: no halves and no error listing; `--held5` prints their headline and intervals, `--held5-detail` adds the tables.
 * The held6 documents (fresh17: further articles of the same folder, in a new hash order, annotated before Chronicle ever ran
 * on them) are unseen whole like held5: `--held6` / `--held6-detail`, no halves, no error listing.
 * The held7 documents (fresh18: the names held6 left unread, annotated before Chronicle ever ran on them) come in halves fixed
 * by the selector before reading (alternating in taken order): half A is a readable development pool of the kind of article
 * held6 holds, half B is unseen. `--held7` prints the set and each half with intervals, `--held7-detail` adds the tables,
 * `--held7-errors` lists half A's errors only. `--X-errors` without `--X` (held3, held4, held7) runs and prints half A alone:
 * half B is not even extracted.
 * The held8 documents (fresh26: unlabelled Wikinews articles no eval/data set held, annotated before Chronicle ever ran on
 * them) come in halves fixed like held7's (alternating in taken order; eval/data/quotes/tools/held8.mjs): `--held8` prints the
 * set and each half, `--held8-detail` adds the tables, `--held8-errors` alone runs and lists half A only.
 * `--speaker ranker|fill|rules` scores the learned speaker ranker's answers (ranker: overruling the cascade; fill: only where the
 * cascade found nothing) or the rule cascade's alone (CHRONICLE_QUOTES_SPEAKER).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractDoc } from '../src/extract.js';
import type { Doc, Quote } from '../src/doc.js';
import { isTitle, lookup, roleOf } from '../src/lexicon/index.js';
import { cueFrames, cueOf } from '../src/extract/quotes/cues.js';
import { loadGold, type GoldAttribution, type GoldQuoteDoc, type Span } from './quotes-gold.js';

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

/** Two spans match when they share at least half of the shorter one. */
function matches(a: [number, number], b: [number, number]): boolean {
  return overlap(a, b) * 2 >= Math.min(a[1] - a[0], b[1] - b[0]) && overlap(a, b) > 0;
}

export function scoreQuotes(docs: GoldDoc[]): { precision: number; recall: number; f1: number; gold: number; predicted: number } {
  let gold = 0;
  let predicted = 0;
  let tpGold = 0;
  let tpPred = 0;
  for (const d of docs) {
    const doc = extractDoc({ id: d.name, text: d.text, published: null });
    const pred = doc.quotes.filter((q) => q.kind === 'direct').map((q) => [q.start, q.end] as [number, number]);
    gold += d.quotes.length;
    predicted += pred.length;
    tpGold += d.quotes.filter((g) => pred.some((p) => matches(g, p))).length;
    tpPred += pred.filter((p) => d.quotes.some((g) => matches(g, p))).length;
  }
  const precision = predicted ? tpPred / predicted : 0;
  const recall = gold ? tpGold / gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, gold, predicted };
}

// ---- our development set -------------------------------------------------------------------

const PRONOUN = /^(?:he|she|they|it|we|i|you|who|which|that|him|her|them)$/i;
const span = (s: Span | { start: number; end: number }): [number, number] => [s.start, s.end];

/** Words of a name or description, for comparing: lower case, no accents, no articles or possessive marks. */
function words(s: string): string[] {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/['’]s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u).filter((w) => w && !/^(?:the|a|an|of|and|mr|mrs|ms|dr)$/.test(w));
}

/** "Trump" ~ "Donald Trump", "Erdogan" ~ "Recep Tayyip Erdoğan": one name's words inside the other's, same last word. */
function sameName(a: string, b: string): boolean {
  const x = words(a);
  const y = words(b);
  if (!x.length || !y.length) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.every((w) => long.includes(w)) && (short[short.length - 1] === long[long.length - 1] || short.length >= 2);
}

/** The head word of a description, roughly: the last word before a preposition, comma or relative ("a woman in Kiruma" → woman). */
function headWord(s: string): string | undefined {
  const core = s.split(/,|\(|\b(?:from|in|of|at|for|with|who|which|that|including|across)\b/i)[0];
  const w = words(core);
  return w[w.length - 1];
}

/**
 * A description matches when half of the words of both together are shared ("a senior official" ~
 * "a senior official in Bamako"), or when the predicted words are some of the gold words with its
 * head ("critics" ~ "Critics from across Britain's political spectrum").
 */
function sameDescription(gold: string, pred: string): boolean {
  const x = new Set(words(gold));
  const y = new Set(words(pred));
  if (!x.size || !y.size) return false;
  let both = 0;
  for (const w of x) if (y.has(w)) both++;
  if (both / new Set([...x, ...y]).size >= 0.5) return true;
  const head = headWord(gold);
  return head !== undefined && y.has(head) && [...y].every((w) => x.has(w));
}

export type SpeakerVerdict = 'right' | 'wrong' | 'empty';

export function judgeSpeaker(doc: Doc, g: GoldAttribution, q: Quote): SpeakerVerdict {
  const entity = q.speaker ? doc.entityById(q.speaker) : undefined;
  if (!entity && !q.speaker_text) return 'empty';
  const sp = g.speaker;
  if (!sp) return 'wrong';
  const namedSource = g.source && !PRONOUN.test(g.source.text) && /^\p{Lu}/u.test(g.source.text);
  if (entity) {
    const names = [entity.name, ...entity.mentions.filter((m) => m.kind === 'name').map((m) => m.text)];
    if ('names' in sp && sp.names.some((n) => names.some((m) => sameName(n, m)))) return 'right';
    if ('text' in sp && names.some((m) => sameDescription(sp.text, m))) return 'right';
    // the entity holds the very words naming the source (not a pronoun: that is coreference's guess)
    if (g.source && (namedSource || 'text' in sp) && !PRONOUN.test(g.source.text) && entity.mentions.some((m) => matches([m.start, m.end], span(g.source!)))) return 'right';
    return 'wrong';
  }
  const text = q.speaker_text!;
  if ('names' in sp) return sp.names.some((n) => sameName(n, text)) ? 'right' : 'wrong';
  return sameDescription(sp.text, text) || (g.source && !PRONOUN.test(g.source.text) && sameDescription(g.source.text, text)) ? 'right' : 'wrong';
}

/** How the attribution is built, read off the gold spans: the constructions speakers go wrong on. */
export function constructions(d: GoldQuoteDoc, g: GoldAttribution): string[] {
  const t = d.text;
  const out: string[] = [];
  const { source, cue, content } = g;
  if (cue && /according/i.test(cue.text)) out.push('according to');
  if (!source) out.push('run-on / no cue');
  else if (PRONOUN.test(source.text)) out.push('pronoun speaker');
  if (g.speaker && 'text' in g.speaker) out.push('description/group speaker');
  else if (source && !PRONOUN.test(source.text) && (/^\p{Ll}/u.test(source.text) || /^(?:The|A|An|One|Some|Several)\b/.test(source.text))) out.push('named speaker, described');
  if (cue && cue.start >= content.end) out.push('cue after quote');
  if (cue && source && cue.end <= source.start && !/according/i.test(cue.text)) out.push('inverted "said X"');
  if (cue && source && source.end <= cue.start) {
    const between = t.slice(source.end, cue.start);
    if (/,\s*(?:who|which|whose)\b/.test(between)) out.push('cue in relative clause');
    else if (/,/.test(between) && between.length > 2) out.push('apposition before cue');
  }
  if (cue && /^tell|^told/i.test(cue.text) && !/^\s*(?:that\b|["“:,])/.test(t.slice(cue.end, cue.end + 6))) out.push('indirect object ("told X")');
  const near = t.slice(Math.max(0, (cue ?? content).start - 60), (cue ?? content).end + 60);
  if (/\bin (?:a|an|the|its|his|her|their) (?:\w+ ){0,2}(?:statement|interview|press release|letter|post|tweet)/i.test(near)) out.push('"in a statement/interview"');
  if (source && /\b(?:statement|report|letter|motion|filing|ruling|release|document|decision|summary)\b/i.test(source.text)) out.push('document as source');
  if (d.attributions.some((o) => o !== g && o.content.start <= content.start && o.content.end >= content.end && o.content.end - o.content.start > content.end - content.start)) out.push('nested in another attribution');
  if (cue && content && d.text.slice(Math.min(cue.end, content.end), Math.max(cue.start, content.start)).includes('\n\n')) out.push('run-on / no cue');
  return [...new Set(out)];
}

/** The quoted stretches inside a mixed content ("… a "dastardly act"" → dastardly act). */
function quotedParts(text: string, s: Span): [number, number][] {
  const out: [number, number][] = [];
  const re = /["“]([^"“”]+)["”]|(?<![\p{L}])['‘]([^'‘’]+)['’](?![\p{L}])/gu;
  for (const m of text.slice(s.start, s.end).matchAll(re)) out.push([s.start + m.index! + 1, s.start + m.index! + m[0].length - 1]);
  // a quotation opened in the content and closed after it
  if (!out.length) {
    const open = text.slice(s.start, s.end).search(/["“]/);
    if (open >= 0) out.push([s.start + open + 1, s.end]);
  }
  return out;
}

export interface Counts {
  docs: number;
  directGold: number; directFound: number; directPred: number; directPredOk: number;
  allGold: number; allFound: number; allPred: number; allPredOk: number;
  beliefGold: number; beliefFound: number;
  byKind: Record<string, { gold: number; found: number; right: number }>;
  speakerDirect: { n: number; right: number };
  speakerAll: { n: number; right: number; wrong: number; empty: number };
  /** the predicted kind against the gold kind, among the attributions found ("gold>predicted" → count) */
  kinds: Record<string, number>;
  byConstruction: Record<string, { n: number; right: number; wrong: number; empty: number; gold: number }>;
  /** speakers not right, by what the gold wants and what was given ("ORG named, given words" → count): counts only, so held-out can be read without its text */
  misses: Record<string, number>;
  errors: string[];
}

export function emptyCounts(): Counts {
  return {
    docs: 0, directGold: 0, directFound: 0, directPred: 0, directPredOk: 0, allGold: 0, allFound: 0, allPred: 0, allPredOk: 0,
    beliefGold: 0, beliefFound: 0, byKind: {}, speakerDirect: { n: 0, right: 0 }, speakerAll: { n: 0, right: 0, wrong: 0, empty: 0 }, kinds: {}, byConstruction: {}, misses: {}, errors: [],
  };
}

/** Pair gold spans with predicted spans one to one, the closest pairs first (overlap over union). */
export function pairUp(gold: [number, number][], pred: [number, number][]): Map<number, number> {
  const pairs: [number, number, number][] = [];
  gold.forEach((g, i) => pred.forEach((p, j) => {
    if (matches(g, p)) pairs.push([i, j, overlap(g, p) / (Math.max(g[1], p[1]) - Math.min(g[0], p[0]))]);
  }));
  pairs.sort((a, b) => b[2] - a[2]);
  const out = new Map<number, number>();
  const used = new Set<number>();
  for (const [i, j] of pairs) if (!out.has(i) && !used.has(j)) { out.set(i, j); used.add(j); }
  return out;
}

/**
 * The shape of a speaker miss, for counting: what the gold wants (a name, typed by the entity the
 * document gives that name, or a description), how its source is written (name, pronoun,
 * description) and what was given instead (the words, another entity of a type, nothing).
 */
function missShape(doc: Doc, g: GoldAttribution, q: Quote, verdict: SpeakerVerdict): string {
  const sp = g.speaker;
  let want = 'description';
  if (sp && 'names' in sp) {
    const e = doc.entities.find((x) => sp.names.some((n) => sameName(n, x.name)));
    want = `${e ? e.type : 'unrecognised'} name`;
  }
  const src = !g.source ? 'no source' : PRONOUN.test(g.source.text) ? 'pronoun' : /^\p{Lu}/u.test(g.source.text) && !/^(?:The|A|An|One|Some|Several|Its|His|Her|Their)\b/.test(g.source.text) ? 'name' : 'description';
  const got = verdict === 'empty' ? 'nothing' : q.speaker ? `${doc.entityById(q.speaker)?.type ?? '?'} entity` : 'words';
  let how = '';
  if (src === 'description' && g.source) {
    const s = g.source;
    const inside = doc.entities.filter((x) => x.mentions.some((m) => m.start >= s.start && m.end <= s.end && m.kind === 'name'));
    const wanted = sp && 'names' in sp ? inside.filter((x) => sp.names.some((n) => sameName(n, x.name))) : [];
    const doc_ = /\b(?:statement|report|letter|motion|filing|ruling|release|document|decision|summary)\b/i.test(s.text);
    const head = headWord(s.text) ?? '';
    const headClass = doc_ ? 'document noun' : roleOf(head) ? 'role head' : lookup('org-nouns', head) || lookup('org-nouns', head.replace(/s$/, '')) || lookup('event-participant-nouns', head) ? 'body head' : 'other head';
    const given = q.speaker ? doc.entityById(q.speaker) : undefined;
    const givenWhere = given ? (given.mentions.some((m) => m.start >= s.start && m.end <= s.end) ? (given.mentions.some((m) => m.start >= s.start && m.end <= s.end && /['’]s?$/.test(doc.text.slice(m.end, m.end + 2).trim().slice(0, 2)) ) ? ', given is its possessor' : ', given is named inside') : ', given is named outside') : '';
    const wantedNames = sp && 'names' in sp ? sp.names.join(' ').toLowerCase() : '';
    const headInfo = given && givenWhere === ', given is named inside' ? `, head ${/^\p{Lu}/u.test(head) ? 'capitalised' : 'lower case'}, the wanted name ${head && wantedNames.split(/\s+/).some((w) => w.slice(0, 5) === head.toLowerCase().slice(0, 5)) ? 'holds' : 'lacks'} the head, given is ${given.mentions.some((m) => m.start === s.start || (m.start > s.start && /^(?:the|a|an)\s*$/i.test(doc.text.slice(s.start, m.start)))) ? 'first' : 'later'} in the phrase${given.mentions.some((m) => m.start >= s.start && m.end <= s.end && doc.text.slice(m.start, m.end).toLowerCase().endsWith(head.toLowerCase())) ? ' and its mention takes in the head' : ''}${(() => { const i = doc.tokenAt(s.start); const toks = doc.tokens.slice(i, doc.tokenAt(s.end - 1) + 1); return ` [${toks.map((x) => given.mentions.some((m) => m.start <= x.start && m.end >= x.end) ? 'G' : x.upos).join(' ')}]`; })()}` : '';
    how = `; ${headClass}${givenWhere}${headInfo}, ${wanted.length ? 'names the wanted entity' : inside.length ? `names another (${inside.map((x) => x.type).join('+')})` : 'no name inside'}${sp && 'names' in sp && doc.entities.some((x) => sp.names.some((n) => sameName(n, x.name)) && x.mentions.some((m) => m.end <= s.start)) ? ', wanted named before' : ''}`;
  }
  if (src === 'pronoun' && g.source) {
    const s = g.source;
    const linked = doc.entities.find((x) => x.mentions.some((m) => m.start === s.start && m.end === s.end));
    const sentence = doc.sentenceAt(s.start);
    const wanted = sp && 'names' in sp ? doc.entities.find((x) => sp.names.some((n) => sameName(n, x.name))) : undefined;
    const lastBefore = wanted ? Math.max(-1, ...wanted.mentions.filter((m) => m.end <= s.start && m.kind === 'name').map((m) => m.start)) : -1;
    const back = lastBefore >= 0 ? sentence - doc.sentenceAt(lastBefore) : -1;
    how = `; "${s.text.toLowerCase()}", coreference ${linked ? (linked === wanted ? 'linked it right' : `linked it to another ${linked.type}`) : 'left it'}${wanted ? `, wanted last named ${back < 0 ? 'never before' : `${back > 3 ? '>3' : back} sentences back`}` : ''}`;
  }
  let ours = !q.source ? 'none' : g.source && matches([q.source.start, q.source.end], span(g.source)) ? 'same' : 'other';
  // the form of the words given, when words were given for a name: T a title or role word, C capitalised, l lower case, p punctuation
  if (got === 'words' && src === 'name' && g.source) {
    const form = g.source.text.split(/\s+/).map((w) => (roleOf(w.toLowerCase()) || isTitle(w) ? 'T' : /^\p{Lu}/u.test(w) ? 'C' : /^\p{L}/u.test(w) ? 'l' : 'p')).join('');
    const sp0 = g.speaker && 'names' in g.speaker ? g.speaker.names[0] : '';
    const e = doc.entities.find((x) => sameName(sp0, x.name));
    const covered = e ? e.mentions.some((m) => m.start < g.source!.end && m.end > g.source!.start) : false;
    ours += `; words given "${form}"${e ? `, the wanted entity ${covered ? 'has a mention there' : 'has no mention there'}; our words ${q.speaker_text && sameName(sp0, q.speaker_text) ? 'name it' : `do not name it (${(q.speaker_text ?? '').split(/\s+/).length} words)`}` : ''}`;
  }
  if (!q.source && g.cue) {
    const c = g.cue;
    const t = doc.tokens[doc.tokenAt(c.start)];
    const known = t && (cueOf(t) ? 'a known cue verb' : cueFrames((t.lemma ?? t.text).toLowerCase()) ? `a known cue tagged ${t.upos}` : `no known cue (${t.upos})`);
    const where = c.start >= g.content.end ? 'after' : 'before';
    const gap = where === 'after' ? doc.text.slice(g.content.end, c.start) : doc.text.slice(c.end, g.content.start);
    const dist = gap.includes('\n\n') ? 'another paragraph' : doc.sentenceAt(c.start) !== doc.sentenceAt(where === 'after' ? g.content.end - 1 : g.content.start) ? 'another sentence' : 'same sentence';
    const qc = q.cue ? doc.tokens[doc.tokenAt(q.cue.start)] : undefined;
    const head = qc && qc.head !== undefined && qc.head >= 0 ? doc.tokens[qc.head] : undefined;
    const parse = qc ? `${qc.xpos} ${qc.deprel}${head ? ` of ${head.upos}` : ''}${doc.tokens.some((x) => x.head === qc.i && /^nsubj/.test(x.deprel ?? '')) ? ' with a subject' : ' with no subject'}` : '';
    let srcParse = '';
    if (g.source) {
      const si = doc.tokenAt(g.source.end - 1);
      const st = doc.tokens[si];
      const ci = doc.tokenAt(c.start);
      const sh = st.head !== undefined && st.head >= 0 ? doc.tokens[st.head] : undefined;
      const between = g.source.end <= c.start ? doc.tokens.slice(si + 1, ci).map((x) => x.upos).join(' ') : doc.tokens.slice(ci + 1, doc.tokenAt(g.source.start)).map((x) => x.upos).join(' ');
      srcParse = `; gold source ${g.source.end <= c.start ? 'before' : 'after'} the cue${between ? ` with [${between}] between` : ''}, its last word ${st.upos} ${st.deprel} of ${sh ? `${sh.upos} ${sh.xpos}${sh.i === ci ? ' (the cue)' : ''}` : 'root'}`;
    }
    ours = `none; gold cue ${known}, ${where} the content, ${dist}${srcParse}${q.cue ? (matches([q.cue.start, q.cue.end], span(c)) ? `, ours the same cue (${parse})` : `, ours another cue (${parse})`) : ''}`;
  }
  return `want ${want} (source ${src}${how}; our source ${ours}), given ${got}`;
}

function speakerLabel(doc: Doc, q: Quote): string {
  return q.speaker ? `${doc.entityById(q.speaker)?.name ?? q.speaker}` : q.speaker_text ? `~${q.speaker_text}` : '∅';
}

/** Errors are listed for the documents we develop on (held2 since its one run as held-out) and our own, never held-out or blind ones. */
const listed = (d: GoldQuoteDoc) => d.split === 'dev' || d.split === 'held2' || d.split === 'own';

/** Score documents into one set of counts, or each document into several (a split and all news). */
export function scoreDevSet(docs: GoldQuoteDoc[], countsFor: (d: GoldQuoteDoc) => Counts[] = () => [emptyCounts()], listErrors: (d: GoldQuoteDoc) => boolean = listed): Counts[] {
  const seen = new Set<Counts>();
  for (const d of docs) for (const counts of countsFor(d)) { seen.add(counts); scoreInto(d, counts, extracted(d), listErrors(d)); }
  return [...seen];
}

const cache = new Map<string, Doc>();
function extracted(d: GoldQuoteDoc): Doc {
  let doc = cache.get(d.id);
  if (!doc) {
    doc = extractDoc({ id: d.id, text: d.text, published: d.date, title: d.title });
    cache.clear();
    cache.set(d.id, doc);
  }
  return doc;
}

function scoreInto(d: GoldQuoteDoc, counts: Counts, doc: Doc, list: boolean): void {
  {
    counts.docs++;
    const quotes = doc.quotes;
    const speech = d.attributions.filter((a) => a.kind !== 'belief');
    // direct quotations: direct contents and the quoted words of mixed contents
    const directGold: [number, number][] = [];
    for (const a of speech) {
      if (a.kind === 'direct') directGold.push(span(a.content));
      else if (a.kind === 'mixed') directGold.push(...quotedParts(d.text, a.content));
    }
    const directPred = quotes.filter((q) => q.kind === 'direct');
    const dp = pairUp(directGold, directPred.map(span));
    counts.directGold += directGold.length;
    counts.directFound += dp.size;
    counts.directPred += directPred.length;
    const anyGold = [...directGold, ...d.attributions.map((a) => span(a.content))];
    counts.directPredOk += directPred.filter((q) => anyGold.some((g) => matches(g, span(q)))).length;
    // all attributions (belief scored apart)
    const ap = pairUp(d.attributions.map((a) => span(a.content)), quotes.map(span));
    counts.allPred += quotes.length;
    counts.allPredOk += quotes.filter((q) => anyGold.some((g) => matches(g, span(q)))).length;
    d.attributions.forEach((g, i) => {
      const k = (counts.byKind[g.kind] ??= { gold: 0, found: 0, right: 0 });
      k.gold++;
      const cons = constructions(d, g);
      for (const c of cons) (counts.byConstruction[c] ??= { n: 0, right: 0, wrong: 0, empty: 0, gold: 0 }).gold++;
      if (g.kind === 'belief') counts.beliefGold++;
      else counts.allGold++;
      const j = ap.get(i);
      if (j === undefined) {
        if (list && g.kind !== 'belief') counts.errors.push(`MISSED   ${g.id} ${g.kind} [${cons.join(', ')}] ${g.source?.text ?? '-'} <${g.cue?.text ?? '-'}> ${g.content.text.slice(0, 90)}`);
        return;
      }
      if (g.kind === 'belief') counts.beliefFound++;
      else counts.allFound++;
      k.found++;
      const q = quotes[j];
      counts.kinds[`${g.kind}>${q.kind}`] = (counts.kinds[`${g.kind}>${q.kind}`] ?? 0) + 1;
      if (g.kind !== q.kind && list) counts.errors.push(`KIND     ${g.id} ${g.kind}→${q.kind}: gold ${g.content.text.slice(0, 80)} | predicted ${q.text.slice(0, 80)}`);
      const verdict = judgeSpeaker(doc, g, q);
      if (verdict === 'right') k.right++;
      if (g.kind !== 'belief') {
        counts.speakerAll.n++;
        counts.speakerAll[verdict]++;
        if (g.kind === 'direct') { counts.speakerDirect.n++; if (verdict === 'right') counts.speakerDirect.right++; }
      }
      for (const c of cons) { const b = counts.byConstruction[c]; b.n++; b[verdict]++; }
      if (verdict !== 'right' && g.kind !== 'belief') {
        const m = missShape(doc, g, q, verdict);
        counts.misses[m] = (counts.misses[m] ?? 0) + 1;
      }
      if (verdict !== 'right' && list) {
        const want = g.speaker ? ('names' in g.speaker ? g.speaker.names.join('/') : `~${g.speaker.text}`) : '-';
        counts.errors.push(`SPEAKER  ${g.id} ${verdict} [${cons.join(', ')}] want ${want} (${g.source?.text ?? '-'} <${g.cue?.text ?? '-'}>), got ${speakerLabel(doc, q)} (${q.source?.text ?? '-'} <${q.cue?.text ?? '-'}>): ${g.content.text.slice(0, 70)}`);
      }
    });
    if (list) {
      for (const q of quotes) if (!anyGold.some((g) => matches(g, span(q)))) counts.errors.push(`SPURIOUS ${d.slug} ${q.kind} ${speakerLabel(doc, q)}: ${q.text.slice(0, 90)}`);
    }
  }
}

const pct = (a: number, b: number) => (b ? (100 * a / b).toFixed(1) : '—');

export function report(label: string, c: Counts, detail = true): string[] {
  const out = [`${label}: ${c.docs} documents`];
  out.push(`  direct quotes      R ${pct(c.directFound, c.directGold)} (${c.directFound}/${c.directGold})  P ${pct(c.directPredOk, c.directPred)} (${c.directPredOk}/${c.directPred})`);
  out.push(`  all attributions   R ${pct(c.allFound, c.allGold)} (${c.allFound}/${c.allGold})  P ${pct(c.allPredOk, c.allPred)} (${c.allPredOk}/${c.allPred})   belief R ${pct(c.beliefFound, c.beliefGold)} (${c.beliefFound}/${c.beliefGold})`);
  out.push(`  recall by kind     ${Object.entries(c.byKind).map(([k, v]) => `${k} ${pct(v.found, v.gold)} (${v.found}/${v.gold})`).join('  ')}`);
  const kindN = Object.values(c.kinds).reduce((a, b) => a + b, 0);
  const kindRight = Object.entries(c.kinds).filter(([k]) => k.split('>')[0] === k.split('>')[1]).reduce((a, [, v]) => a + v, 0);
  const confused = Object.entries(c.kinds).filter(([k]) => k.split('>')[0] !== k.split('>')[1]).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k.replace('>', '→')} ${v}`).join(', ');
  out.push(`  kind right         ${pct(kindRight, kindN)} (${kindRight}/${kindN})${confused ? `; gold→predicted: ${confused}` : ''}`);
  out.push(`  speaker accuracy   direct ${pct(c.speakerDirect.right, c.speakerDirect.n)} (${c.speakerDirect.right}/${c.speakerDirect.n})  all ${pct(c.speakerAll.right, c.speakerAll.n)} (${c.speakerAll.right}/${c.speakerAll.n}; wrong ${c.speakerAll.wrong}, empty ${c.speakerAll.empty})  right when given ${pct(c.speakerAll.right, c.speakerAll.right + c.speakerAll.wrong)}`);
  // one figure for ablations: attributions found with the right speaker, over gold and over predicted
  const rp = c.allPred ? c.speakerAll.right / c.allPred : 0;
  const rr = c.allGold ? c.speakerAll.right / c.allGold : 0;
  out.push(`  attributed right   P ${(100 * rp).toFixed(1)} R ${(100 * rr).toFixed(1)} F1 ${(rp + rr ? (200 * rp * rr) / (rp + rr) : 0).toFixed(1)} (found with the right speaker: ${c.speakerAll.right})`);
  if (!detail) return out;
  out.push('  speakers by construction (attributions found; right / wrong / empty; recall of the construction):');
  for (const [k, v] of Object.entries(c.byConstruction).sort((a, b) => b[1].n - a[1].n)) {
    out.push(`    ${k.padEnd(32)} ${String(v.n).padStart(4)}  acc ${pct(v.right, v.n).padStart(5)}  ${v.right}/${v.wrong}/${v.empty}  recall ${pct(v.n, v.gold)} (${v.n}/${v.gold})`);
  }
  out.push('  speakers not right, by shape (what is wanted, how the source is written, what was given):');
  for (const [k, v] of Object.entries(c.misses).sort((a, b) => b[1] - a[1])) out.push(`    ${String(v).padStart(3)}  ${k}`);
  return out;
}

/** The splits scored only when asked for (`--blind`, `--held3` …), so they never enter the dev, held-out or news figures. */
export const GATED_SPLITS = ['blind', 'held3', 'held4', 'held5', 'held6', 'held7', 'held8'] as const;
export type GatedSplit = (typeof GATED_SPLITS)[number];
const isGated = (split: string): split is GatedSplit => (GATED_SPLITS as readonly string[]).includes(split);

/** Which documents a run scores: a gated split only when `want` asks for it (a split left out of `want` is not scored). */
export function inScope(d: GoldQuoteDoc, want: Partial<Record<GatedSplit, boolean>>): boolean {
  return isGated(d.split) ? want[d.split] === true : true;
}

/**
 * The fresh sets and how they are reported: held3, held4, held7 and held8 by halves (A developed on, B reported; `--X-errors` lists
 * half A's errors), held5 and held6 whole (unseen: no halves, no error listing).
 */
export const FRESH_SETS = [
  { split: 'held3', halves: true, what: 'fresh Wikinews articles, annotated before Chronicle ran on them' },
  { split: 'held4', halves: true, what: 'fresh Wikinews articles from AMALGUM extra, annotated before Chronicle ran on them' },
  { split: 'held5', halves: false, what: 'fresh Wikinews articles from AMALGUM extra, annotated before Chronicle ran on them; unseen whole' },
  { split: 'held6', halves: false, what: 'fresh Wikinews articles from AMALGUM extra, annotated before Chronicle ran on them; unseen whole' },
  { split: 'held7', halves: true, what: 'fresh Wikinews articles from AMALGUM extra, annotated before Chronicle ran on them; A readable, B unseen' },
  { split: 'held8', halves: true, what: 'unlabelled Wikinews articles no set held, annotated before Chronicle ran on them; A readable, B unseen' },
] as const;
export type FreshSplit = (typeof FRESH_SETS)[number]['split'];

/** The command-line switches of each fresh set: `--X`, `--X-detail`, and `--X-errors` for a set with halves only. */
export function freshFlags(argv: readonly string[]): { split: FreshSplit; halves: boolean; what: string; on: boolean; detail: boolean; errors: boolean; halfAOnly: boolean }[] {
  return FRESH_SETS.map((f) => {
    const detail = argv.includes(`--${f.split}-detail`);
    const errors = f.halves && argv.includes(`--${f.split}-errors`);
    const asked = detail || argv.includes(`--${f.split}`);
    // `--X-errors` alone develops on half A: half B is not even run (its figures are the lead's to run, with `--X`)
    return { ...f, on: asked || errors, detail, errors, halfAOnly: errors && !asked };
  });
}

/** Whether a run with these switches scores a document: gated splits as asked (`inScope`), and no half B under `--X-errors` alone. */
export function scoredInRun(d: GoldQuoteDoc, fresh: ReturnType<typeof freshFlags>, withBlind: boolean): boolean {
  if (!inScope(d, { blind: withBlind, ...Object.fromEntries(fresh.map((f) => [f.split, f.on])) })) return false;
  return !fresh.some((f) => f.halfAOnly && f.split === d.split && d.half !== 'A');
}

/** Wilson score interval (95%) of k out of n, in percent. */
export function wilson(k: number, n: number): [number, number] {
  if (!n) return [0, 0];
  const z = 1.96, p = k / n, d = 1 + z * z / n;
  const c = (p + z * z / (2 * n)) / d, h = (z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))) / d;
  return [100 * Math.max(0, c - h), 100 * Math.min(1, c + h)];
}

/** 95% interval of a ratio summed over documents, by resampling whole documents (deterministic seed). */
export function docBootstrap(perDoc: [number, number][], rounds = 2000, seed = 20261206): [number, number] {
  if (!perDoc.length) return [0, 0];
  let x = seed >>> 0;
  const rand = () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x / 4294967296; };
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let k = 0, n = 0;
    for (let i = 0; i < perDoc.length; i++) { const [a, b] = perDoc[Math.floor(rand() * perDoc.length)]; k += a; n += b; }
    ratios.push(n ? k / n : 0);
  }
  ratios.sort((a, b) => a - b);
  return [100 * ratios[Math.floor(0.025 * rounds)], 100 * ratios[Math.min(rounds - 1, Math.floor(0.975 * rounds))]];
}

const iv = ([a, b]: [number, number]) => `[${a.toFixed(1)}–${b.toFixed(1)}]`;

/** The held3 headline with 95% intervals: Wilson over attributions; document bootstrap for speaker accuracy. */
export function intervalLines(c: Counts, perDoc: Counts[]): string[] {
  return [
    `  95% intervals      direct R ${iv(wilson(c.directFound, c.directGold))} P ${iv(wilson(c.directPredOk, c.directPred))}  all R ${iv(wilson(c.allFound, c.allGold))} P ${iv(wilson(c.allPredOk, c.allPred))}`,
    `                     speaker direct ${iv(wilson(c.speakerDirect.right, c.speakerDirect.n))} all ${iv(wilson(c.speakerAll.right, c.speakerAll.n))} (Wilson); by document bootstrap: direct ${iv(docBootstrap(perDoc.map((p) => [p.speakerDirect.right, p.speakerDirect.n])))} all ${iv(docBootstrap(perDoc.map((p) => [p.speakerAll.right, p.speakerAll.n])))}`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // --speaker ranker|fill|rules: who gives the speakers (the same as CHRONICLE_QUOTES_SPEAKER; default fill: the cascade, the ranker filling what it found nothing for)
  const speakerArg = process.argv.indexOf('--speaker');
  if (speakerArg >= 0) process.env.CHRONICLE_QUOTES_SPEAKER = process.argv[speakerArg + 1];
  const showErrors = process.argv.includes('--errors');
  // --no-gum: our development set only (ablations run the eval once per rule)
  const withGum = !process.argv.includes('--no-gum');
  // --blind: also score the blind set (headline figures only; --blind-detail adds its tables)
  const blindDetail = process.argv.includes('--blind-detail');
  const withBlind = blindDetail || process.argv.includes('--blind');
  // --held3 … --held8: also score that fresh set (headline figures and intervals for the set, and for each half of held3, held4,
  // held7 and held8; --X-detail adds the tables; --held3-errors / --held4-errors / --held7-errors / --held8-errors list half A's
  // errors; held5 and held6 have no halves)
  const fresh = freshFlags(process.argv);
  const [dev, held, held2, own, news, blind] = [emptyCounts(), emptyCounts(), emptyCounts(), emptyCounts(), emptyCounts(), emptyCounts()];
  // per fresh set: the whole set, half A, half B (the halves stay empty for held5 and held6)
  const setCounts = new Map(fresh.map((f) => [f.split as string, [emptyCounts(), emptyCounts(), emptyCounts()] as const]));
  const perDoc = new Map<string, Counts>();
  const gold = loadGold().filter((d) => scoredInRun(d, fresh, withBlind));
  const listsHalfA = (d: GoldQuoteDoc) => d.half === 'A' && fresh.some((f) => f.errors && f.split === d.split);
  scoreDevSet(gold, (d) => {
    const counts = setCounts.get(d.split);
    if (counts) {
      const [set, a, b] = counts;
      const mine = emptyCounts();
      perDoc.set(d.id, mine);
      return d.half ? [set, d.half === 'A' ? a : b, mine] : [set, mine];
    }
    return d.split === 'dev' ? [dev, news] : d.split === 'heldout' ? [held, news] : d.split === 'held2' ? [held2, news] : d.split === 'blind' ? [blind] : [own];
  }, (d) => listed(d) || listsHalfA(d));
  console.log(report('Quote attribution, dev (news, tuned on)', dev).join('\n'));
  console.log(report('Quote attribution, held-out (news; errors never listed, but shape counts were read: not blind)', held).join('\n'));
  if (held2.docs) console.log(report('Quote attribution, held2 (12 news articles, run once as held-out by quotes10, then developed on)', held2).join('\n'));
  console.log(report('Quote attribution, all news (dev + held-out)', news).join('\n'));
  console.log(report('Own wire-style articles (sanity check, not a score)', own).join('\n'));
  if (withBlind) console.log(report('Quote attribution, blind (22 news articles, annotated without running Chronicle; never tuned on)', blind, blindDetail).join('\n'));
  for (const f of fresh.filter((x) => x.on)) {
    const [set, a, b] = setCounts.get(f.split)!;
    const docsOf = (half?: 'A' | 'B') => gold.filter((d) => d.split === f.split && (!half || d.half === half)).map((d) => perDoc.get(d.id) ?? emptyCounts());
    const parts: [string, Counts, 'A' | 'B' | undefined][] = [[`${f.split} (${set.docs} ${f.what})`, set, undefined]];
    if (f.halfAOnly) parts.splice(0, 1, [`${f.split} half A (to develop on; half B not run)`, a, 'A']);
    else if (f.halves) parts.push([`${f.split} half A (to develop on)`, a, 'A'], [`${f.split} half B (to report)`, b, 'B']);
    // (a run of half A alone prints A's construction and shape tables: A is readable, and B is not run)
    for (const [label, c, half] of parts) console.log([...report(`Quote attribution, ${label}`, c, f.detail || f.halfAOnly), ...intervalLines(c, docsOf(half))].join('\n'));
    if (f.errors) for (const e of a.errors) console.log(e);
  }
  if (showErrors) for (const e of [...dev.errors, ...held2.errors, ...own.errors]) console.log(e);
  const dir = join(process.env.CHRONICLE_DATA ?? join(process.cwd(), '../shared/data'), 'gum/dep');
  for (const [label, filter] of !withGum ? [] : [['news+interview', (n: string) => /_(news|interview)_/.test(n)], ['all six genres', () => true]] as const) {
    const s = scoreQuotes(gumDocuments(dir, filter));
    console.log(`GUM ${label}: direct quotes P ${(s.precision * 100).toFixed(1)} R ${(s.recall * 100).toFixed(1)} F1 ${(s.f1 * 100).toFixed(1)} (${s.gold} gold <quote> spans, ${s.predicted} predicted)`);
  }
}
