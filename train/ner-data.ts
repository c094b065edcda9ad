/**
 * Training and evaluation data for the named-entity recogniser, mapped to OntoNotes types.
 *
 * UNER English EWT (CC BY-SA 4.0): PER → PERSON, ORG → ORG, LOC → GPE/LOC/FAC by `placeType`;
 * B-OTH spans that are nationality/group words ("American") → NORP, other B-OTH and stray
 * B-O → O; capitalised nationality words left as O → NORP.
 *
 * GUM (CC BY 4.0) entity layer: every mention whose syntactic head is a proper noun
 * (XPOS NNP/NNPS) yields a name: the run of proper nouns around the head inside the mention
 * (with "of", "the", "and", "&", hyphens between them), titles stripped from person names
 * ("US President Donald Trump" → "Donald Trump"; "US" is its own nested place mention).
 * Types: person → PERSON, organization → ORG, place → `placeType`, event → EVENT,
 * object → WORK_OF_ART when set in italics (book, film and painting titles) else PRODUCT,
 * abstract → LAW (Act, Treaty, Constitution …) / WORK_OF_ART (italics) / LANGUAGE, other
 * types (time, animal, plant, substance) → none. Any name that is wholly a nationality or
 * group word ("Americans") → NORP. Capitalised nationality words outside names → NORP.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FAC_TRIGGERS, LOC_TRIGGERS, PERSON_TITLES, type Gazetteer } from '../src/extract/ner-features.js';
import type { EntityType } from '../src/doc.js';
import { tokenize } from '../src/nlp/tokenizer.js';

export interface LabeledSentence {
  words: string[];
  /** BIO tags with OntoNotes types: "B-PERSON", "I-GPE", "O" */
  tags: string[];
  /** the sentence text as written (from "# text ="), for character-level evaluation */
  text: string;
  /** true when a new paragraph starts at this sentence */
  newPar: boolean;
  /** source document id, when the corpus marks documents */
  doc?: string;
}

export interface LabeledDoc {
  id: string;
  genre: string;
  sentences: LabeledSentence[];
}

const LAW_WORDS = new Set(['act', 'law', 'constitution', 'treaty', 'convention', 'amendment', 'accord', 'accords',
  'agreement', 'protocol', 'charter', 'bill', 'code', 'directive', 'resolution', 'statute', 'declaration']);
const LANGUAGES = new Set(['english', 'french', 'german', 'spanish', 'italian', 'russian', 'arabic', 'hebrew',
  'chinese', 'mandarin', 'cantonese', 'japanese', 'korean', 'portuguese', 'hindi', 'urdu', 'persian', 'farsi',
  'turkish', 'latin', 'greek', 'dutch', 'swedish', 'polish', 'ukrainian', 'yiddish', 'swahili', 'bengali']);

/**
 * GPE, LOC or FAC for a place name (lower-cased words). Documented rule:
 * 1. the whole name is in the GPE gazetteer (countries, cities, states) → GPE;
 * 2. it is in the LOC gazetteer (continents, regions, seas) or its first or last word is a
 *    geographic word (River, Mount, Lake, Sea, Island, Bay, Valley, Strip …) → LOC;
 * 3. its last word is a facility word (Airport, Street, Bridge, Hospital, Museum, Park …) → FAC;
 * 4. otherwise GPE (unknown proper-noun places in news are mostly towns and regions).
 */
export function placeType(lower: string[], gaz: Gazetteer): EntityType {
  const cats = gaz.lookup(lower);
  if (cats?.includes('GPE')) return 'GPE';
  if (cats?.includes('LOC')) return 'LOC';
  const first = lower[0];
  const last = lower[lower.length - 1];
  if (LOC_TRIGGERS.has(last) || (lower.length > 1 && LOC_TRIGGERS.has(first))) return 'LOC';
  if (FAC_TRIGGERS.has(last)) return 'FAC';
  return 'GPE';
}

function isNorp(lower: string[], gaz: Gazetteer): boolean {
  return gaz.lookup(lower)?.includes('NORP') ?? false;
}

/** Label capitalised nationality/group words outside other names as NORP (in place). */
function addNorp(words: string[], tags: string[], gaz: Gazetteer): void {
  const lower = words.map((w) => w.toLowerCase());
  for (let i = 0; i < words.length; i++) {
    if (tags[i] !== 'O' || !/^\p{Lu}/u.test(words[i])) continue;
    // longest NORP phrase starting here over free tokens
    for (let j = Math.min(words.length, i + 3); j > i; j--) {
      if (tags.slice(i, j).some((t) => t !== 'O')) continue;
      if (isNorp(lower.slice(i, j), gaz)) {
        tags[i] = 'B-NORP';
        for (let k = i + 1; k < j; k++) tags[k] = 'I-NORP';
        i = j - 1;
        break;
      }
    }
  }
}

/** Offsets of each word inside the sentence text (-1 when it cannot be found). */
export function alignWords(text: string, words: string[]): number[] {
  const out: number[] = [];
  let pos = 0;
  for (const w of words) {
    const at = text.indexOf(w, pos);
    if (at < 0 || at - pos > 20) out.push(-1);
    else {
      out.push(at);
      pos = at + w.length;
    }
  }
  return out;
}

/**
 * The sentence as our tokenizer splits its text, with the gold names carried over by character
 * offsets. The corpora split hyphenated words ("al - Ani", "Cheuk - yan", "Coca - Cola") where
 * our tokenizer keeps them whole, so a model trained on the corpus tokens would meet unseen
 * tokens at run time. A name that ends inside one of our tokens ("pro-[Beijing]") cannot be
 * tagged on our tokens and is left out. Sentences whose words cannot be aligned stay as they are.
 */
export function retokenize(s: LabeledSentence): LabeledSentence {
  const at = alignWords(s.text, s.words);
  if (at.some((x) => x < 0)) return s;
  const toks = tokenize(s.text);
  if (toks.length === s.words.length && toks.every((t, i) => t.text === s.words[i])) return s;
  const tags = toks.map(() => 'O');
  for (let i = 0; i < s.tags.length; i++) {
    if (!s.tags[i].startsWith('B-')) continue;
    let j = i + 1;
    while (j < s.tags.length && s.tags[j] === 'I-' + s.tags[i].slice(2)) j++;
    const start = at[i];
    const end = at[j - 1] + s.words[j - 1].length;
    const a = toks.findIndex((t) => t.end > start);
    let b = a;
    while (b < toks.length && toks[b].start < end) b++;
    if (a < 0 || toks[a].start !== start || toks[b - 1].end !== end) continue;
    tags[a] = s.tags[i];
    for (let k = a + 1; k < b; k++) tags[k] = 'I-' + s.tags[i].slice(2);
  }
  return { ...s, words: toks.map((t) => t.text), tags };
}

// ---------------------------------------------------------------- UNER

export function readUner(path: string, gaz: Gazetteer): LabeledSentence[] {
  const out: LabeledSentence[] = [];
  let words: string[] = [];
  let raw: string[] = [];
  let text = '';
  let doc = '';
  let newDoc = false;
  const flush = () => {
    if (words.length) {
      const tags = mapUnerTags(words, raw, gaz);
      out.push({ words, tags, text: text || words.join(' '), newPar: newDoc, doc });
    }
    newDoc = false;
    words = [];
    raw = [];
    text = '';
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('# text = ')) text = line.slice(9);
    else if (line.startsWith('# newdoc id = ')) {
      doc = line.slice(14).trim();
      newDoc = true;
    } else if (line.startsWith('#')) continue;
    else if (!line.trim()) flush();
    else {
      const cols = line.split('\t');
      words.push(cols[1]);
      raw.push(cols[2]);
    }
  }
  flush();
  return out;
}

function mapUnerTags(words: string[], raw: string[], gaz: Gazetteer): string[] {
  const tags = raw.map(() => 'O');
  const lower = words.map((w) => w.toLowerCase());
  for (let i = 0; i < raw.length; i++) {
    const m = /^B-(PER|ORG|LOC|OTH)$/.exec(raw[i]);
    if (!m) continue;
    let j = i + 1;
    while (j < raw.length && raw[j] === 'I-' + m[1]) j++;
    let type: EntityType | null;
    let a = i;
    while (j - a > 1 && lower[a] === 'the') a++;
    const span = lower.slice(a, j);
    if (m[1] === 'PER') type = 'PERSON';
    else if (m[1] === 'ORG') type = 'ORG';
    else if (m[1] === 'LOC') type = placeType(span, gaz);
    else type = isNorp(span, gaz) ? 'NORP' : null;
    if (type) {
      tags[a] = 'B-' + type;
      for (let k = a + 1; k < j; k++) tags[k] = 'I-' + type;
    }
    i = j - 1;
  }
  addNorp(words, tags, gaz);
  return tags;
}

// ---------------------------------------------------------------- GUM

interface GumToken {
  form: string;
  xpos: string;
  head: number; // 0-based sentence index, -1 root
  deprel: string;
  italic: boolean;
}

interface GumMention {
  start: number;
  end: number; // exclusive
  etype: string;
  identity: string;
}

const NAME_TAGS = new Set(['NNP', 'NNPS']);
/** Role nouns GUM sometimes tags NNP in titles ("Assistant Professor", "Team Manager"). */
const ROLE_WORDS = new Set(['assistant', 'associate', 'professor', 'manager', 'team', 'sheriff', 'critic', 'editor',
  'editorial', 'executive', 'head', 'member', 'founder', 'owner', 'staff', 'lecturer', 'officer', 'councillor',
  'councilor', 'commissioner', 'high', 'senior', 'junior', 'chair', 'leader', 'speaker', 'host', 'the', 'of',
  'media', 'communications', 'and']);
const CONNECTORS = new Set(['of', 'the', 'and', '&', '-', 'de', 'du', 'des', 'la', 'le', 'von', 'van', 'der', 'del', 'da', 'di', 'al', 'bin', 'for', 'on']);

function isTitleWord(form: string): boolean {
  return PERSON_TITLES.has(form.toLowerCase());
}

function parseEntityField(value: string, tok: number, open: (GumMention & { id: string })[], done: GumMention[]): void {
  let pos = 0;
  while (pos < value.length) {
    if (value[pos] === '(') {
      let j = pos + 1;
      while (j < value.length && value[j] !== '(' && value[j] !== ')') j++;
      const spec = value.slice(pos + 1, j).split('-');
      const m = { id: spec[0], start: tok, end: -1, etype: spec[1] ?? '', identity: spec.slice(7).join('-') };
      if (value[j] === ')') {
        m.end = tok + 1;
        done.push(m);
        j++;
      } else open.push(m);
      pos = j;
    } else {
      let j = pos;
      while (j < value.length && /\d/.test(value[j])) j++;
      const id = value.slice(pos, j);
      for (let k = open.length - 1; k >= 0; k--) {
        if (open[k].id === id) {
          open[k].end = tok + 1;
          done.push(open[k]);
          open.splice(k, 1);
          break;
        }
      }
      pos = j + 1;
    }
  }
}

/** The name span inside a mention around its proper-noun head, or null. */
function nameSpan(m: GumMention, toks: GumToken[], mentions: GumMention[]): [number, number] | null {
  let head = -1;
  for (let i = m.start; i < m.end; i++) {
    const h = toks[i].head;
    if (h < m.start || h >= m.end) {
      head = i;
      break;
    }
  }
  if (head < 0) return null;
  // "Undersecretary for Education Mr. Toccafondi": a title head with the name as its apposition
  if (m.etype === 'person' && isTitleWord(toks[head].form)) {
    for (let i = head + 1; i < m.end; i++) {
      if (toks[i].head === head && toks[i].deprel === 'appos' && NAME_TAGS.has(toks[i].xpos)) {
        head = i;
        break;
      }
    }
  }
  if (!NAME_TAGS.has(toks[head].xpos)) {
    // "musician Tiziano Lugli": a common-noun head with the name attached as flat dependents,
    // directly or chained ("captain Andreas Granqvist": Granqvist is flat under Andreas)
    let a = -1;
    let b = -1;
    for (let i = head + 1; i < m.end; i++) {
      const h = toks[i].head;
      if ((h === head || (a >= 0 && h >= a && h < b)) && toks[i].deprel === 'flat' && NAME_TAGS.has(toks[i].xpos)) {
        if (a < 0) a = i;
        b = i + 1;
      } else if (a >= 0 && toks[i].xpos === 'HYPH' && i + 1 < m.end && toks[i + 1].deprel === 'flat' && NAME_TAGS.has(toks[i + 1].xpos)) {
        // a hyphenated given name ("Hau Lung - bin") continues the run
        continue;
      } else if (a >= 0) break;
    }
    if (a < 0) return null;
    return m.etype === 'person' ? stripTitles(toks, a, b, b) : [a, b];
  }
  // tokens belonging to nested mentions that do not contain the head: a person name stops there
  const blocked = new Uint8Array(toks.length);
  if (m.etype === 'person') {
    for (const n of mentions) {
      if (n === m || n.start < m.start || n.end > m.end) continue;
      if (head >= n.start && head < n.end) continue;
      for (let i = n.start; i < n.end; i++) blocked[i] = 1;
    }
  }
  const isName = (i: number) => NAME_TAGS.has(toks[i].xpos) && !blocked[i];
  let a = head;
  let b = head + 1;
  for (;;) {
    if (b < m.end && isName(b)) b++;
    else {
      // bridge connectors ("Bank of America", "Coca - Cola") when a name word follows
      let k = b;
      while (k < m.end && CONNECTORS.has(toks[k].form.toLowerCase()) && !blocked[k]) k++;
      if (k > b && k < m.end && isName(k)) b = k + 1;
      else break;
    }
  }
  for (;;) {
    if (a - 1 >= m.start && isName(a - 1)) a--;
    else {
      let k = a - 1;
      while (k >= m.start && CONNECTORS.has(toks[k].form.toLowerCase()) && toks[k].form !== 'the' && !blocked[k]) k--;
      if (k < a - 1 && k >= m.start && isName(k) && m.etype !== 'person') a = k;
      else break;
    }
  }
  return m.etype === 'person' ? stripTitles(toks, a, b, head) : [a, b];
}

/**
 * Titles and descriptors before a person's name are not part of it: "Mr.", "General",
 * "Scientologist Tom Cruise". GUM marks descriptors nmod:desc; one is kept when stripping it
 * would leave one word or start on "de", as GUM also marks given names so ("Dean Kamen",
 * "Marquis de Lafayette").
 */
function stripTitles(toks: GumToken[], a: number, b: number, head: number): [number, number] {
  for (;;) {
    if (b - a > 1 && isTitleWord(toks[a].form)) a++;
    else if (b - a > 2 && toks[a].deprel === 'nmod:desc' && a < head && /^\p{Lu}/u.test(toks[a + 1].form)) a++;
    else break;
  }
  return [a, b];
}

function gumType(m: GumMention, lower: string[], italic: boolean, gaz: Gazetteer): EntityType | null {
  if (['person', 'organization', 'place'].includes(m.etype) && isNorp(lower, gaz)) return 'NORP';
  switch (m.etype) {
    case 'person':
      return 'PERSON';
    case 'organization':
      // "Sweden won", "South Korea says": GUM types a country or city acting as a team or a
      // government as an organisation; we tag names as written (a country name is a GPE)
      return gaz.lookup(lower)?.includes('GPE') ? 'GPE' : 'ORG';
    case 'place':
      return placeType(lower, gaz);
    case 'event':
      return 'EVENT';
    case 'object':
      return italic ? 'WORK_OF_ART' : 'PRODUCT';
    case 'abstract':
      if (lower.some((w) => LAW_WORDS.has(w)) && lower.length > 1) return 'LAW';
      if (italic) return 'WORK_OF_ART';
      if (lower.length === 1 && LANGUAGES.has(lower[0])) return 'LANGUAGE';
      return null;
    default:
      return null;
  }
}

function labelGumSentence(toks: GumToken[], mentions: GumMention[], gaz: Gazetteer): string[] {
  const tags = toks.map(() => 'O');
  const names: { a: number; b: number; type: EntityType }[] = [];
  for (const m of mentions) {
    const span = nameSpan(m, toks, mentions);
    if (!span) continue;
    let [a, b] = span;
    while (b - a > 1 && toks[a].form.toLowerCase() === 'the') a++;
    const lower = toks.slice(a, b).map((t) => t.form.toLowerCase());
    // GUM tags bare titles as proper nouns ("the Senator", "Team Manager"): not names
    if (m.etype === 'person' && (lower.every((w) => PERSON_TITLES.has(w) || ROLE_WORDS.has(w)) || !toks.slice(a, b).some((t) => /^\p{Lu}/u.test(t.form)))) continue;
    const italic = toks.slice(a, b).some((t) => t.italic);
    const type = gumType(m, lower, italic, gaz);
    if (type) names.push({ a, b, type });
  }
  // flat NER: the longest name wins where names overlap
  names.sort((x, y) => y.b - y.a - (x.b - x.a) || x.a - y.a);
  for (const n of names) {
    if (tags.slice(n.a, n.b).some((t) => t !== 'O')) continue;
    tags[n.a] = 'B-' + n.type;
    for (let k = n.a + 1; k < n.b; k++) tags[k] = 'I-' + n.type;
  }
  addNorp(toks.map((t) => t.form), tags, gaz);
  return tags;
}

export function readGumDoc(path: string, gaz: Gazetteer): LabeledDoc {
  const id = path.replace(/^.*\//, '').replace(/\.conllu$/, '');
  const genre = id.split('_')[1] ?? '';
  const sentences: LabeledSentence[] = [];
  let toks: GumToken[] = [];
  let text = '';
  let newPar = false;
  let open: (GumMention & { id: string })[] = [];
  let done: GumMention[] = [];
  let italicDepth = 0;
  const hiStack: boolean[] = [];
  const flush = () => {
    if (toks.length) {
      sentences.push({ words: toks.map((t) => t.form), tags: labelGumSentence(toks, done, gaz), text, newPar });
    }
    toks = [];
    text = '';
    newPar = false;
    open = [];
    done = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('# text = ')) text = line.slice(9);
    else if (line.startsWith('# newpar')) newPar = true;
    else if (line.startsWith('#')) continue;
    else if (!line.trim()) flush();
    else {
      const cols = line.split('\t');
      if (!/^\d+$/.test(cols[0])) continue;
      const misc = cols[9] ?? '_';
      const xml = /(?:^|\|)XML=([^|]*)/.exec(misc)?.[1] ?? '';
      // opening tags take effect on this token, closing tags after it
      const tags = xml.match(/<\/?hi[^>]*>/g) ?? [];
      for (const t of tags) {
        if (!t.startsWith('</')) {
          const it = t.includes('italic');
          hiStack.push(it);
          if (it) italicDepth++;
        }
      }
      const tok = toks.length;
      toks.push({ form: cols[1], xpos: cols[4], head: Number(cols[6]) - 1, deprel: cols[7], italic: italicDepth > 0 });
      for (const t of tags) {
        if (t.startsWith('</')) {
          const it = hiStack.pop();
          if (it) italicDepth--;
        }
      }
      const ent = /(?:^|\|)Entity=([^|]*)/.exec(misc)?.[1];
      if (ent) parseEntityField(ent, tok, open, done);
    }
  }
  flush();
  return { id, genre, sentences };
}

export function readGum(dir: string, gaz: Gazetteer): LabeledDoc[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.conllu'))
    .sort()
    .map((f) => readGumDoc(join(dir, f), gaz));
}

/** Word forms of every sentence in a CoNLL-U file (for unlabelled lexicon statistics). */
export function readConlluWords(path: string): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('#')) continue;
    if (!line.trim()) {
      if (cur.length) out.push(cur);
      cur = [];
      continue;
    }
    const cols = line.split('\t');
    if (/^\d+$/.test(cols[0])) cur.push(cols[1]);
  }
  if (cur.length) out.push(cur);
  return out;
}

// ---------------------------------------------------------------- external corpora

/**
 * The external sources' labels (train/ner-external-build.ts keeps each source's own names):
 * → PER / ORG / LOC (the place rule) / NORP; OTH is a name of another kind (MISC, products,
 * works), NORP when it is a nationality or group word, else O as in UNER; anything else → O.
 */
const EXTERNAL_LABELS: Record<string, 'PER' | 'ORG' | 'LOC' | 'NORP' | 'OTH'> = {
  // re3d (its other types: weapons, quantities, dates, money, platforms, document references → O)
  Person: 'PER', Organisation: 'ORG', Location: 'LOC', Nationality: 'NORP',
  // wikigold, BTC, SEC filings (CoNLL types)
  PER: 'PER', ORG: 'ORG', LOC: 'LOC', MISC: 'OTH',
  // WNUT17 (sports teams, bands and other groups are ORG in OntoNotes)
  person: 'PER', location: 'LOC', corporation: 'ORG', group: 'ORG', product: 'OTH', 'creative-work': 'OTH',
};

/** A name's first letter or digit is capitalised (or it is a number-led name such as "3M"). */
const isNameWord = (w: string) => /^[\p{Lu}\p{N}]/u.test(w) || /^\p{Ll}+\p{Lu}/u.test(w) || /^\p{Ll}{1,3}['’-]\p{Lu}/u.test(w);
const isPunct = (w: string) => !/[\p{L}\p{N}]/u.test(w);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your']);
/** re3d marks pronouns as persons and organisations ("We", "They"): no names. */
const PRONOUNS = new Set(['i', 'we', 'you', 'he', 'she', 'it', 'they', 'me', 'us', 'him', 'them', 'who', 'whom', 'one', 'ours', 'theirs']);
/** Titles and ranks before a person's name (re3d: "Col.", "Spc.", "Lt. Gen."). */
const isTitle = (w: string) => PERSON_TITLES.has(w.toLowerCase()) || /^(spc|pfc|cpl|sgt|ssgt|lt|col|gen|maj|capt|brig|adm|cmdr|cdr|gov|sen|rep|amb)\.?$/i.test(w);

/**
 * One labelled span of an external corpus, cut to the name it holds, the way our gold treats
 * names (UNER, GUM): a leading determiner or possessive ("the Kurdish YPG") and, for persons,
 * leading titles, and a nationality or country word before a title ("Syrian President Bashar
 * al-Assad"), leave
 * it; a span with no capitalised word is no name ("rebels", "he", "the city"). re3d also marks
 * descriptions ("U.S. service members", "Raqqa province", "Iraqi security forces"): trailing
 * lower-case words make it a description, whose names are read by describedSpans. Returns the spans to tag, or null when the span cannot be read as a name (the sentence is then
 * left out rather than trained with a name tagged O).
 */
function externalSpans(lower: string[], words: string[], a: number, b: number, type: 'PER' | 'ORG' | 'LOC' | 'NORP' | 'OTH', gaz: Gazetteer): [number, number, string][] | null {
  const out: [number, number, string][] = [];
  while (a < b && (isPunct(words[a]) || DETERMINERS.has(lower[a]))) a++;
  while (b > a && isPunct(words[b - 1])) b--;
  if (a >= b || (b - a === 1 && PRONOUNS.has(lower[a]))) return out;
  // no capitalised word: a description, no name ("rebels", "coalition forces")
  if (!words.slice(a, b).some((w) => /^\p{Lu}/u.test(w))) return out;
  // led by other lower-case words: a description around names ("the city of Raqqah", "the government of Iraq")
  if (!isNameWord(words[a])) return describedSpans(lower, words, a, b, type, gaz);
  // a list of places is one place each ("Vermillion, South Dakota"); other lists cannot be told apart
  if (words.slice(a, b).includes(',')) {
    if (type !== 'LOC') return null;
    for (let k = a; k < b; k++) {
      let e = k;
      while (e < b && words[e] !== ',') e++;
      const part = externalSpans(lower, words, k, e, type, gaz);
      if (!part) return null;
      out.push(...part);
      k = e;
    }
    return out;
  }
  if (type === 'PER') {
    // titles, and a nationality or country word before a title, leave a person's name
    let office = false;
    for (;;) {
      if (a < b && isTitle(words[a])) (a++, (office = true));
      else if (a + 2 < b && isTitle(words[a + 1]) && (isNorp([lower[a]], gaz) || gaz.lookup([lower[a]])?.includes('GPE'))) {
        if (!isNorp([lower[a]], gaz)) out.push([a, a + 1, 'LOC']);
        a++;
        office = true;
      } else break;
    }
    // "President of the United States": an office, not a person; its place keeps its label
    if (office && a < b && !isNameWord(words[a])) {
      while (a < b && !isNameWord(words[a])) a++;
      return a < b && placeLike(lower.slice(a, b), gaz) ? [...out, [a, b, 'LOC']] : null;
    }
    // a rank inside ("Petty Officer Keating"): the name is what follows the last title word
    for (let k = b - 2; k >= a; k--) if (isTitle(words[k]) && isNameWord(words[k + 1])) {
      a = k + 1;
      break;
    }
  }
  let e = b;
  while (e > a && (isPunct(words[e - 1]) || !isNameWord(words[e - 1]))) e--;
  let plain = e < b ? words.slice(e, b).every(isPunct) : true;
  for (let k = a + 1; k < e - 1 && plain; k++) if (!isNameWord(words[k]) && !isPunct(words[k]) && !CONNECTORS.has(lower[k])) plain = false;
  if (!plain) {
    const rest = describedSpans(lower, words, a, b, type, gaz);
    return rest && [...out, ...rest];
  }
  b = e;
  if (a >= b) return out;
  const span = lower.slice(a, b);
  if (isNorp(span, gaz)) return [...out, [a, b, 'NORP']];
  if (type === 'ORG' || type === 'PER' || type === 'LOC') return [...out, [a, b, type]];
  return type === 'NORP' ? null : out;
}

/**
 * A labelled description with names in it ("U.S. service members", "ISIL tactical units", "the
 * Iraqi city of Mosul", "the government of Iraq"): each run of name words is a name of its own,
 * typed by the gazetteer (a nationality → NORP, a country or city → place), else as the span
 * for a place or an organisation (its modifier names it: "ISIL fighters" → ISIL), never a person
 * (a person's description names an office: "commander of U.S. Central Command"). A run before a
 * hyphen ("ISIL-held buildings") cannot be typed: null (the sentence is left out).
 */
function describedSpans(lower: string[], words: string[], a: number, b: number, type: 'PER' | 'ORG' | 'LOC' | 'NORP' | 'OTH', gaz: Gazetteer): [number, number, string][] | null {
  const out: [number, number, string][] = [];
  for (let k = a; k < b; k++) {
    if (!/^\p{Lu}/u.test(words[k])) continue;
    let e = k + 1;
    while (e < b && (isNameWord(words[e]) || (CONNECTORS.has(lower[e]) && e + 1 < b && isNameWord(words[e + 1])))) e++;
    if (e < b && /^[-–]$/.test(words[e])) return null;
    const span = lower.slice(k, e);
    const cats = gaz.lookup(span);
    if (isNorp(span, gaz) || span.every((w) => isNorp([w], gaz))) out.push([k, e, 'NORP']);
    else if (cats?.includes('GPE') || cats?.includes('LOC')) out.push([k, e, 'LOC']);
    else if (type === 'LOC' || type === 'ORG') out.push([k, e, type]);
    else return null;
    k = e - 1;
  }
  return out;
}

function placeLike(lower: string[], gaz: Gazetteer): boolean {
  const cats = gaz.lookup(lower);
  return !!cats && (cats.includes('GPE') || cats.includes('LOC'));
}

export interface ExternalStats {
  documents: number;
  sentences: number;
  /** sentences left out because a labelled span could not be read as a name */
  skipped: number;
  names: Record<string, number>;
}

/**
 * An external corpus of train/data/ner-external/ (train/ner-external-build.ts), labels mapped to
 * ours (EXTERNAL_LABELS, externalSpans, the place rule, NORP as in UNER), one LabeledDoc per
 * document. `genre` names the source.
 */
export function readExternal(text: string, genre: string, gaz: Gazetteer, stats?: ExternalStats): LabeledDoc[] {
  const docs: LabeledDoc[] = [];
  let words: string[] = [];
  let raw: string[] = [];
  let newDoc = false;
  // words the source writes in lower case somewhere: a sentence-initial "Rebels" is no name
  const lowerWords = new Set<string>();
  for (const m of text.matchAll(/^(\p{Ll}[^\t]*)\t/gmu)) lowerWords.add(m[1]);
  const flush = () => {
    if (!words.length) return;
    if (stats) stats.sentences++;
    const tags = mapExternalTags(words, raw, gaz, lowerWords);
    if (tags) {
      if (!docs.length) docs.push({ id: `${genre}:doc`, genre, sentences: [] });
      docs[docs.length - 1].sentences.push({ words, tags, text: words.join(' '), newPar: newDoc, doc: docs[docs.length - 1].id });
      if (stats) for (const t of tags) if (t.startsWith('B-')) stats.names[t.slice(2)] = (stats.names[t.slice(2)] ?? 0) + 1;
    } else if (stats) stats.skipped++;
    newDoc = false;
    words = [];
    raw = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('# newdoc id = ')) {
      flush();
      docs.push({ id: line.slice(14).trim(), genre, sentences: [] });
      newDoc = true;
    } else if (line.startsWith('#')) continue;
    else if (!line.trim()) flush();
    else {
      const tab = line.lastIndexOf('\t');
      words.push(line.slice(0, tab));
      raw.push(line.slice(tab + 1));
    }
  }
  flush();
  const kept = docs.filter((d) => d.sentences.length);
  if (stats) stats.documents += kept.length;
  return kept;
}

function mapExternalTags(words: string[], raw: string[], gaz: Gazetteer, lowerWords: ReadonlySet<string>): string[] | null {
  const tags = raw.map(() => 'O');
  const lower = words.map((w) => w.toLowerCase());
  // the spans are read on the words as they would be written mid-sentence
  const asWritten = words.slice();
  if (lowerWords.has(lower[0]) && !gaz.lookup([lower[0]])) asWritten[0] = lower[0];
  for (let i = 0; i < raw.length; i++) {
    if (!raw[i].startsWith('B-')) continue;
    const label = raw[i].slice(2);
    let j = i + 1;
    while (j < raw.length && raw[j] === 'I-' + label) j++;
    const type = EXTERNAL_LABELS[label];
    if (type) {
      const spans = externalSpans(lower, asWritten, i, j, type, gaz);
      if (!spans) return null;
      for (const [a, b, t] of spans) {
        const ours = t === 'PER' ? 'PERSON' : t === 'ORG' ? 'ORG' : t === 'LOC' ? placeType(lower.slice(a, b), gaz) : t === 'NORP' ? 'NORP' : null;
        if (!ours) continue;
        tags[a] = 'B-' + ours;
        for (let k = a + 1; k < b; k++) tags[k] = 'I-' + ours;
      }
    }
    i = j - 1;
  }
  addNorp(words, tags, gaz);
  return tags;
}
