/**
 * GUM's coreference layer as character spans over a document rebuilt from its sentences.
 *
 * GUM (../shared/data/gum/dep, training split only) marks every referring expression in MISC:
 * `Entity=(12-person-giv:act-ssnnn-cf1-1,2-coref-Michael_Tien` opens a mention of entity group 12
 * (fields: group, type, information status, salience, centering, min-span token numbers, link
 * type, Wikipedia identity), `12)` closes it, `(12-…)` is a one-token mention. Mentions of one
 * group corefer.
 *
 * Text: each sentence's `# text`, sentences joined by a space, paragraphs (`# newpar`) by a blank
 * line — raw text as a reader sees it, so offsets are exact. Interview turns (`# speaker`) carry no
 * label in GUM's text; `speakerLabels` writes one before each turn ("Wikinews: …", "Shimon Peres:
 * …"), as transcripts on web pages do, to measure both forms.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseConllu } from '../src/nlp/conllu.js';

/** What kind of anaphor a mention is, for scoring. */
export type GoldKind =
  | 'he/she' | 'it' | 'they' // third-person pronouns (singular personal, singular neuter, plural)
  | 'description' // a definite noun phrase headed by a common noun: "the ambassador", "the agency"
  | 'first/second' // I, we, you … inside a quote or an interview turn
  | 'name' | 'other';

export interface GoldMention {
  start: number;
  end: number;
  /** character span of the mention's head (its first token whose syntactic head lies outside it) */
  headStart: number;
  headEnd: number;
  group: string;
  etype: string;
  kind: GoldKind;
  text: string;
  /** inside a <quote> or an interview turn */
  inSpeech: boolean;
}

export interface GoldDoc {
  id: string;
  genre: string;
  text: string;
  mentions: GoldMention[];
  /** groups that name a person, organisation or place (a mention headed by a proper noun) */
  named: Set<string>;
}

const HE_SHE = new Set(['he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself']);
const IT = new Set(['it', 'its', 'itself']);
const THEY = new Set(['they', 'them', 'their', 'theirs', 'themselves']);
const FIRST_SECOND = new Set(['i', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our', 'ours', 'ourselves', 'you', 'your', 'yours', 'yourself', 'yourselves']);
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those']);
const NAMED_TYPES = new Set(['person', 'organization', 'place']);

interface Tok { start: number; end: number; form: string; upos: string; xpos: string; inSpeech: boolean; /** the interview turn's speaker id (`# speaker`) */ speaker?: string; /** index of the syntactic head in the document's tokens, -1 for a root */ head: number }

/** "#HughMcGuire" → "Hugh McGuire": a speaker id written as the name a transcript would print. */
function camelWords(who: string): string {
  return who.replace(/^#/, '').replace(/([a-z])([A-Z])/g, '$1 $2').replace(/\bMc (?=[A-Z])/g, 'Mc');
}

const FIRST_SINGULAR = new Set(['i', 'me', 'my', 'mine', 'myself']);

/** Read one GUM .conllu file (one document). */
/**
 * How a transcript labels its turns: `true` (or 'names') by the speaker's name as GUM's id spells it ("Hugh McGuire:"),
 * 'initials' by the initials of a name of two words or more ("HM:"; "Wikinews:" stays), 'qa' by "Q:" for the
 * interviewer (the speaker whose turns most often ask) and "A:" for everyone else, in documents of two speakers (a panel or a
 * courtroom keeps its names); 'dash' by the initials with a dash ("HM – …"); 'joined' by the name run together as an
 * account name ("HughMcGuire:"); 'surname' by the name's last word ("McGuire:"); 'parens' by the name in double
 * parentheses, Wikinews' plain-text form ("((Hugh McGuire)) …").
 */
export type SpeakerLabels = boolean | 'names' | 'initials' | 'qa' | 'dash' | 'joined' | 'surname' | 'parens';

/** The label a transcript of the given style prints for a speaker id. */
function labelFor(who: string, style: SpeakerLabels, interviewer: string | undefined): string {
  const name = camelWords(who);
  if (style === 'qa') return who === interviewer ? 'Q' : 'A';
  if (style === 'joined') return name.replace(/\s+/g, '');
  if (style === 'surname') return name.split(/\s+/).pop() ?? name;
  if (style !== 'initials' && style !== 'dash') return name;
  const words = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  return words.length >= 2 ? words.map((w) => w[0]).join('') : name;
}

/** How many speakers a document's turns have. */
function speakerCount(sentences: ReturnType<typeof parseConllu>): number {
  const who = new Set<string>();
  for (const s of sentences) {
    const m = /\bsp who:::"([^"]+)"/.exec(s.comments.find((c) => c.startsWith('# newpar_block')) ?? '');
    if (m) who.add(m[1]);
  }
  return who.size;
}

/** The speaker whose turns most often hold a question (on a tie, the one that speaks first): a transcript's "Q". */
function askingSpeaker(sentences: ReturnType<typeof parseConllu>): string | undefined {
  const asks = new Map<string, { turns: number; questions: number }>();
  let current: { turns: number; questions: number } | undefined;
  let asked = false;
  for (const s of sentences) {
    const block = s.comments.find((c) => c.startsWith('# newpar_block')) ?? '';
    const who = /\bsp who:::"([^"]+)"/.exec(block)?.[1];
    if (who) {
      if (current && asked) current.questions++;
      current = asks.get(who) ?? { turns: 0, questions: 0 };
      asks.set(who, current);
      current.turns++;
      asked = false;
    }
    if (s.comments.some((c) => c.startsWith('# text =') && c.includes('?'))) asked = true;
  }
  if (current && asked) current.questions++;
  let best: string | undefined;
  let share = -1;
  for (const [who, a] of asks) if (a.questions / a.turns > share) { share = a.questions / a.turns; best = who; }
  return best;
}

export function readGumCoref(path: string, options: { speakerLabels?: SpeakerLabels; fromFirstTurn?: boolean; turns?: number } = {}): GoldDoc {
  const sentences = parseConllu(readFileSync(path, 'utf8'));
  // Q/A is a two-party form: a document of three speakers or more (a panel, a courtroom) keeps its names
  const interviewer = options.speakerLabels === 'qa' ? askingSpeaker(sentences) : undefined;
  const style: SpeakerLabels | undefined = options.speakerLabels === 'qa' && speakerCount(sentences) !== 2 ? true : options.speakerLabels;
  let id = '';
  let text = '';
  const toks: Tok[] = [];
  const open = new Map<string, { tok: number; group: string; etype: string; minspan: number[] }[]>();
  const raw: { first: number; last: number; group: string; etype: string; minspan: number[] }[] = [];
  let quoteDepth = 0;
  const labels: { line: number; start: number; end: number; who: string }[] = [];
  for (const s of sentences) {
    const comment = (key: string) => s.comments.find((c) => c.startsWith(`# ${key}`));
    const newdoc = comment('newdoc id');
    if (newdoc) id = newdoc.split('=')[1].trim();
    const sentText = comment('text =')?.slice('# text ='.length).trim() ?? s.words.map((w) => w.form).join(' ');
    const speaker = comment('speaker =')?.split('=')[1].trim();
    const block = comment('newpar_block') ?? '';
    if (text) text += comment('newpar') ? '\n\n' : ' ';
    if (options.speakerLabels && /\bsp who:::"([^"]+)"/.test(block)) {
      const who = /\bsp who:::"([^"]+)"/.exec(block)![1];
      const label = labelFor(who, style ?? false, interviewer);
      // (the label's own words: inside the parentheses of "((Hugh McGuire))")
      const at = text.length + (style === 'parens' ? 2 : 0);
      labels.push({ line: text.length, start: at, end: at + label.length, who: who.replace(/^#/, '') });
      text += style === 'dash' ? `${label} – ` : style === 'parens' ? `((${label})) ` : `${label}: `;
    }
    const base = text.length;
    text += sentText;
    let cursor = 0;
    const sentenceBase = toks.length;
    for (const w of s.words) {
      const at = sentText.indexOf(w.form, cursor);
      const from = at >= 0 ? at : cursor;
      cursor = at >= 0 ? from + w.form.length : cursor;
      const xml = /(?:^|\|)XML=([^|]*)/.exec(w.misc)?.[1] ?? '';
      quoteDepth += (xml.match(/<quote\b/g) ?? []).length;
      toks.push({ start: base + from, end: base + cursor, form: w.form, upos: w.upos, xpos: w.xpos, inSpeech: quoteDepth > 0 || speaker !== undefined, speaker, head: w.head > 0 ? sentenceBase + w.head - 1 : -1 });
      quoteDepth = Math.max(0, quoteDepth - (xml.match(/<\/quote>/g) ?? []).length);
      const ent = /(?:^|\|)Entity=([^|]*)/.exec(w.misc)?.[1];
      if (!ent) continue;
      // openers "(12-person-…" (a ")" right after the attributes closes a one-token mention), closers "12)"
      const tokIndex = toks.length - 1;
      for (const part of ent.match(/\([^()]*\)?|\d+\)/g) ?? []) {
        if (part.startsWith('(')) {
          const f = part.replace(/^\(|\)$/g, '').split('-');
          const rec = { tok: tokIndex, group: f[0], etype: f[1] ?? '', minspan: f[5] ? f[5].split(',').map(Number) : [] };
          if (part.endsWith(')')) raw.push({ first: tokIndex, last: tokIndex, group: rec.group, etype: rec.etype, minspan: rec.minspan });
          else {
            const list = open.get(rec.group);
            if (list) list.push(rec);
            else open.set(rec.group, [rec]);
          }
        } else {
          const o = open.get(part.slice(0, -1))?.pop();
          if (o) raw.push({ first: o.tok, last: tokIndex, group: o.group, etype: o.etype, minspan: o.minspan });
        }
      }
    }
  }
  const named = new Set<string>();
  const mentions: GoldMention[] = raw.map((r) => {
    const span = toks.slice(r.first, r.last + 1);
    // the head: the first token whose syntactic head lies outside the mention
    const head = span.find((t) => t.head < r.first || t.head > r.last) ?? span[span.length - 1];
    const lower = span.length === 1 ? span[0].form.toLowerCase() : '';
    let kind: GoldKind = 'other';
    if (head.upos === 'PROPN') kind = 'name';
    else if (span.length === 1 && HE_SHE.has(lower)) kind = 'he/she';
    else if (span.length === 1 && IT.has(lower)) kind = 'it';
    else if (span.length === 1 && THEY.has(lower)) kind = 'they';
    else if (span.length === 1 && FIRST_SECOND.has(lower)) kind = span[0].inSpeech ? 'first/second' : 'other';
    else if (head.upos === 'NOUN' && DEFINITE.has(span[0].form.toLowerCase()) && span.every((t) => t.upos !== 'PROPN')) kind = 'description';
    // a coordination of names ("Michael Tien, Ben Chan and Alice Mak") is a group, not a named entity
    if (kind === 'name' && NAMED_TYPES.has(r.etype) && !span.some((t) => t.upos === 'CCONJ')) named.add(r.group);
    return {
      start: span[0].start, end: span[span.length - 1].end, headStart: head.start, headEnd: head.end,
      group: r.group, etype: r.etype, kind, text: text.slice(span[0].start, span[span.length - 1].end), inSpeech: span[0].inSpeech,
    };
  });
  // a speaker label we wrote names the speaker: it is a name mention of the entity the speaker's
  // own "I" belongs to in GUM (the group most of the first-singular pronouns of their turns are in)
  if (labels.length) {
    const votes = new Map<string, Map<string, number>>();
    raw.forEach((r, k) => {
      const t = toks[r.first];
      if (r.first !== r.last || !t.speaker || !FIRST_SINGULAR.has(t.form.toLowerCase())) return;
      const v = votes.get(t.speaker) ?? new Map<string, number>();
      v.set(mentions[k].group, (v.get(mentions[k].group) ?? 0) + 1);
      votes.set(t.speaker, v);
    });
    const etypeOf = new Map(mentions.map((m) => [m.group, m.etype]));
    for (const l of labels) {
      const v = [...(votes.get(l.who) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1]);
      if (!v.length || (v.length > 1 && v[1][1] === v[0][1])) continue;
      const group = v[0][0];
      const etype = etypeOf.get(group) ?? 'person';
      mentions.push({ start: l.start, end: l.end, headStart: l.start, headEnd: l.end, group, etype, kind: 'name', text: text.slice(l.start, l.end), inSpeech: false });
      if (NAMED_TYPES.has(etype)) named.add(group);
    }
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  // fromFirstTurn: a later part of an interview, as Wikinews splits long ones: no introduction before the first turn,
  // so a speaker may be named by the label alone
  if (options.fromFirstTurn && labels.length) {
    const cut = labels[0].line;
    // turns: only that many turns (a short part where a side may open one turn)
    const stop = options.turns !== undefined && labels[options.turns] ? labels[options.turns].line : text.length;
    text = text.slice(0, stop).replace(/\s+$/, '');
    const kept = mentions.filter((m) => m.start >= cut && m.end <= text.length).map((m) => ({ ...m, start: m.start - cut, end: m.end - cut, headStart: m.headStart - cut, headEnd: m.headEnd - cut }));
    const stillNamed = new Set(kept.filter((m) => m.kind === 'name' && named.has(m.group)).map((m) => m.group));
    return { id, genre: id.split('_')[1] ?? '', text: text.slice(cut), mentions: kept, named: stillNamed };
  }
  return { id, genre: id.split('_')[1] ?? '', text, mentions, named };
}

export const GUM_DIR = join(process.cwd(), '..', 'shared', 'data', 'gum', 'dep');

/** All GUM training documents of the given genres (all when none given). */
export function gumCorefDocuments(dir = GUM_DIR, genres?: string[], options: { speakerLabels?: SpeakerLabels; fromFirstTurn?: boolean; turns?: number } = {}): GoldDoc[] {
  return readdirSync(dir).filter((f) => f.endsWith('.conllu')).sort()
    .filter((f) => !genres || genres.includes(f.split('_')[1]))
    .map((f) => readGumCoref(join(dir, f), options));
}
