/**
 * Rule-based name recogniser: finds runs of capitalised tokens, splits them at titles and at
 * gazetteer names ("President of Russia Vladimir Putin" → title, Russia, Vladimir Putin), and
 * types each piece from the gazetteer, head words (Hospital → FAC, Embassy → ORG, Kibbutz X →
 * GPE) and context (a title, kinship noun or given name before it → PERSON). Pieces it cannot
 * type are kept as candidates (type guessed, low score) for coreference and the trained model
 * to confirm or overrule.
 */
import type { Doc, EntityType, Mention, Token } from '../doc.js';
import type { Rule } from '../rules/registry.js';
import type { Stage } from '../pipeline.js';
import { gazetteer, nameKey } from './gazetteer.js';
import { FAC_HEADS, KINSHIP, LOC_HEADS, NOT_NAMES, ORG_HEADS, ROLE_NOUNS, SETTLEMENT_WORDS, TITLES } from './gazetteer-lists.js';
import { readerSet, set } from '../lexicon/index.js';
import { defineRule } from '../rules/registry.js';

/** Words that join capitalised words inside one name ("Bank of England", "Osama bin Laden"). */
const INNER = readerSet('name-particles', 'names');
/** Prepositions that join a head noun to its complement ("Embassy in Israel", "Ministry of Defence", "President of Russia"). */
const LINKING = set('name-parts', { class: 'linking' });
/** Heads that make a capitalised name an event ("Paralympic Games", "Lantern Festival"). */
const EVENT_HEADS = set('event-heads', { uses: 'names' });
/** Heads whose "in" phrase belongs to the name: "Russian Embassy in Israel". */
const IN_HEADS = set('name-parts', { class: 'in-head' });
/** Role words a byline-like run ends with, not part of the name ("Jane Roe, staff"). */
const TRAILING_ROLES = set('name-parts', { class: 'trailing-role' });
/** Facility heads that name an institution ("Boston College"). */
const ORG_LIKE_FAC = set('name-parts', { class: 'org-like-facility' });
const OPEN_Q = new Set(['“', '"', '‘', "'"]);
const CLOSE_Q = new Set(['”', '"', '’', "'"]);

export interface NameCandidate {
  tokens: Token[];
  type: EntityType;
  score: number;
  roles: string[];
  /** the piece of evidence that made it (each can be switched off: CHRONICLE_WITHOUT=names.x) */
  rule: Rule;
}

/*
 * The pieces of evidence the names stage types a capitalised chunk by, each registered so that
 * `npm run ablate:names` can measure it (cross-validated, with and without) and the table in
 * docs/entities-ner.md says what it is worth. Candidates below MIN_STANDALONE_SCORE in
 * entities.ts (0.5) are dropped there when the trained model ran, unless a place noun backs them.
 */
const SOURCE = 'src/extract/names.ts';

/*
 * Scores below the model's (0.75 in entities.ts) make a candidate fill a gap the model left and
 * lose every overlap with a model mention. Gazetteer places and titled or kin persons were 0.9 and
 * 0.8 (they overruled the model's longer spans: "Kabul" in a name, "Patrizia" of "Prof. Patrizia
 * d'Ettorre"); at 0.7 the cross-validated F1 rose from 78.2 to 79.4 (PER +1.2, place +2.7, ORG
 * −0.4; `npm run ablate:names`, docs/entities-ner.md). Organisation evidence (actor lists, head
 * words) still overrules the model: it pays for ORG.
 */
const GAZETTEER_PLACE_SCORE = 0.7;
const TITLE_OR_KIN_SCORE = 0.7;
/**
 * A titled person whose name this stage cut at a known given name ("former Marine Paul
 * Whitfield" → "Paul Whitfield") says more than the model about where the name starts: it still
 * overrules the model (which took "Marine Paul Whitfield" for an organisation). With the plain
 * titled person at 0.7 and this at 0.8, CV F1 79.3 → 79.4 (PER +0.5, ORG −0.2); both at 0.7 lost
 * that fact of our own articles.
 */
const TITLE_CUT_SCORE = 0.8;
const namesRule = (id: string, action: 'label' | 'retype' | 'extend', summary: string, fires: string[], spares: string[]): Rule =>
  defineRule({ id: `names.${id}`, stage: 'names', action, summary, fires, spares, source: SOURCE });

export const gazetteerPlace = namesRule('gazetteer-place', 'label',
  'a capitalised chunk the gazetteer lists as a country, city, region or nationality is that place or group (score 0.9)',
  ['Officials in Moscow denied the report.'], ['officials denied the report.']);
export const gazetteerActor = namesRule('gazetteer-actor', 'label',
  'a capitalised chunk the gazetteer lists as a person or organisation (Phoenix actors) is one (score 0.8)',
  ['Hamas denied the report.'], ['The officials denied the report.']);
export const settlementName = namesRule('settlement', 'label',
  'a name opened by a settlement word is a place ("Kibbutz Nir Oz")',
  ['He was abducted from Kibbutz Nir Oz in October.'], ['He was abducted from his home in October.']);
export const headWordName = namesRule('head-word', 'label',
  'a capitalised chunk ending in an organisation, facility, place or event head word is that kind of name ("Sheba Hospital", "Ministry of Defence")',
  ['He was taken to Sheba Hospital on Sunday.'], ['He was taken to hospital on Sunday.']);
export const orgCoordination = namesRule('org-coordination', 'extend',
  'an organisation head\'s "of" complement goes on over "and" and the capitalised words closing the phrase ("the Department of Housing and Urban Development")',
  ['The complaint was filed with the Department of Housing and Urban Development on Monday.'], ['The complaint was filed with the Department of Housing and Harvard University on Monday.']);
export const orgCoordinationFor = namesRule('org-coordination-for', 'extend',
  'as names.org-coordination, for an organisation head\'s "for" complement ("the American Society for Biochemistry and Molecular Biology", "the Centers for Disease Control and Prevention")',
  ['They met at the Tallert Society for Biochemistry and Molecular Biology in June.'], ['They met at the Tallert Society for Biochemistry and Harvard University in June.']);
export const nicknameName = namesRule('nickname', 'label',
  'a name with a quoted nickname inside is one person ("Alexander “Sasha” Trufanov")',
  ['Alexander “Sasha” Trufanov was released on Sunday.'], ['Alexander Trufanov was released on Sunday.']);
export const givenNameFirst = namesRule('given-name', 'label',
  'a capitalised chunk opened by a known given name is a person (score 0.7)',
  ['The report was written by Maria Kowalczyk last year.'], ['The report was written last year.']);
export const titleOrKin = namesRule('title-or-kin', 'label',
  'a name-shaped chunk after a title, role or kinship noun is a person ("his father, Vitaly")',
  ['His father, Vitaly, was not home.'], ['His father was not home.']);
export const acronymGuess = namesRule('acronym', 'label',
  'a lone all-capitals word is a weak organisation guess (0.4: kept only with support)',
  ['The XJQ denied the report.'], ['The group denied the report.']);
export const loneWordGuess = namesRule('lone-word', 'label',
  'a lone capitalised word with no other evidence is a weak person guess (0.3: kept only with support)',
  ['They asked Brakowicz about it.'], ['They asked him about it.']);
export const nameShapedGuess = namesRule('name-shaped', 'label',
  'a run of two to four name-shaped words with no other evidence is a weak person guess (0.45: kept only with support)',
  ['They asked Brakowicz Tallert about it.'], ['They asked him about it.']);
export const otherOrgGuess = namesRule('other-org', 'label',
  'any other capitalised chunk (not name-shaped: digits, inner capitals) is a weak organisation guess (0.35)',
  ['They met at the XJQ Tallert offices.'], ['They met at the offices.']);

function isCapWord(t: Token): boolean {
  return /^\p{Lu}/u.test(t.text) && /\p{L}/u.test(t.text) && t.text !== 'I';
}

function lower(t: Token | undefined): string {
  return t ? t.text.toLowerCase().replace(/’/g, "'") : '';
}

function headKind(word: string): 'ORG' | 'FAC' | 'LOC' | 'EVENT' | null {
  const w = word.toLowerCase();
  if (EVENT_HEADS.has(w)) return 'EVENT';
  if (ORG_HEADS.has(w) || ORG_LIKE_FAC.has(w)) return 'ORG';
  if (FAC_HEADS.has(w)) return 'FAC';
  if (LOC_HEADS.has(w)) return 'LOC';
  return null;
}

/** The head is the last word before a linking preposition: "Embassy" in "Russian Embassy in Israel". */
function chunkHead(chunk: Token[]): 'ORG' | 'FAC' | 'LOC' | 'EVENT' | null {
  const link = chunk.findIndex((t, i) => i > 0 && LINKING.has(lower(t)));
  return headKind(lower(chunk[(link > 0 ? link : chunk.length) - 1]));
}

/** Words the document itself writes in lower case (so "Officials" at a sentence start is no name). */
function lowercaseVocabulary(doc: Doc): Set<string> {
  const seen = new Set<string>();
  for (const t of doc.tokens) if (/^\p{Ll}/u.test(t.text)) seen.add(t.text);
  return seen;
}

/** Split a sentence's tokens into maximal runs of capitalised words (with joiners and nicknames). */
function capitalisedRuns(tokens: Token[]): Token[][] {
  const runs: Token[][] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isCapWord(tokens[i])) {
      i++;
      continue;
    }
    const run: Token[] = [tokens[i]];
    let j = i + 1;
    while (j < tokens.length) {
      const t = tokens[j];
      const prev = run[run.length - 1];
      if (isCapWord(t)) {
        run.push(t);
        j++;
        continue;
      }
      // nickname in quotes between two name words: Alexander “Sasha” Trufanov
      if (OPEN_Q.has(t.text) && tokens[j + 1] && isCapWord(tokens[j + 1]) && tokens[j + 2] && CLOSE_Q.has(tokens[j + 2].text) && tokens[j + 3] && isCapWord(tokens[j + 3])) {
        run.push(t, tokens[j + 1], tokens[j + 2]);
        j += 3;
        continue;
      }
      const next = tokens[j + 1];
      const lw = lower(t);
      if (next && isCapWord(next) && (INNER.has(lw) || /^(al|el)-$/i.test(t.text))) {
        run.push(t);
        j++;
        continue;
      }
      if (next && isCapWord(next) && LINKING.has(lw)) {
        const head = lower(prev);
        const joins = lw === 'in' ? IN_HEADS.has(head)
          : lw === 'of' ? headKind(head) === 'ORG' || headKind(head) === 'FAC' || ROLE_NOUNS.has(head) || SETTLEMENT_WORDS.has(head) || head === 'republic' || head === 'kingdom'
          : (headKind(head) === 'ORG' || ROLE_NOUNS.has(head)) && lw !== 'on';
        if (joins) {
          run.push(t);
          j++;
          continue;
        }
      }
      if ((orgCoordination.enabled || orgCoordinationFor.enabled) && (lw === 'and' || lw === '&')) {
        const link = complementLink(run);
        const rule = link === 'of' ? orgCoordination : orgCoordinationFor;
        const e = link && rule.enabled ? coordinatedComplementEnd(tokens, j) : j;
        if (e > j) {
          rule.fired(t.start, tokens[e - 1].end);
          run.push(...tokens.slice(j, e));
          j = e;
        }
      }
      break;
    }
    runs.push(run);
    i = j;
  }
  return runs;
}

/**
 * "the Department of Housing and Urban Development", "the Ministry of Agriculture and Food Security": after an
 * organisation head's "of" (or "for") complement, "and" (tokens[j]) and up to three capitalised words that close the phrase
 * belong to the name — unless they are a name of their own (a head word of their own: "and Harvard University";
 * a gazetteer name: "and Mexico") or go on ("and Bank of …", "and Smith's"). Returns the end of the words taken,
 * or j when none are.
 */
function coordinatedComplementEnd(tokens: Token[], j: number): number {
  let e = j + 1;
  while (e < tokens.length && e - j <= 3 && isCapWord(tokens[e])) e++;
  const after = tokens[e];
  if (e === j + 1 || (after && (isCapWord(after) || /^(?:of|for|['’]s?)$/i.test(after.text)))) return j;
  const tail = tokens.slice(j + 1, e);
  if (headKind(lower(tail[tail.length - 1])) || gazetteer().names.get(nameKey(tail.map((t) => t.text)))) return j;
  return e;
}

/** The word tying an organisation head of the run to its complement: "of" if any does, else "for"; null when neither. */
function complementLink(run: Token[]): 'of' | 'for' | null {
  let link: 'for' | null = null;
  for (let i = 1; i < run.length; i++) {
    const w = lower(run[i]);
    if ((w === 'of' || w === 'for') && headKind(lower(run[i - 1])) === 'ORG') {
      if (w === 'of') return 'of';
      link = 'for';
    }
  }
  return link;
}

/** Longest gazetteer name starting at run[k]; returns its length in tokens, or 0. */
function gazetteerMatch(run: Token[], k: number): { len: number; type: EntityType } | null {
  const gz = gazetteer();
  for (let len = Math.min(gz.maxWords, run.length - k); len >= 1; len--) {
    const type = gz.names.get(nameKey(run.slice(k, k + len).map((t) => t.text)));
    if (type) return { len, type };
  }
  return null;
}

/** Role/title words written just before a name, read backwards ("Kremlin spokesperson", "his mother,"). */
function rolesBefore(sent: Token[], firstIdx: number): string[] {
  const roles: string[] = [];
  let k = firstIdx - 1;
  if (k >= 0 && sent[k].text === ',') k--;
  for (let n = 0; k >= 0 && n < 3; k--, n++) {
    const w = lower(sent[k]);
    if (ROLE_NOUNS.has(w) || KINSHIP.has(w) || TITLES.has(w)) roles.unshift(w);
    else break;
  }
  return roles;
}

/** Type one chunk that has no title or gazetteer split left in it. */
function typeChunk(chunk: Token[], context: { roles: string[]; sentenceStart: boolean; lowerVocab: Set<string> }): NameCandidate | null {
  const gz = gazetteer();
  const words = chunk.map((t) => t.text);
  const key = nameKey(words);
  let gzType = gz.names.get(key);
  // an actor list may file "Red Crescent" under a person; the head word knows better
  if (gzType === 'PERSON' && chunkHead(chunk)) gzType = undefined;
  if (gzType) {
    const place = gzType === 'GPE' || gzType === 'NORP' || gzType === 'LOC';
    return { tokens: chunk, type: gzType, score: place ? GAZETTEER_PLACE_SCORE : 0.8, roles: context.roles, rule: place ? gazetteerPlace : gazetteerActor };
  }
  const first = lower(chunk[0]);
  const last = lower(chunk[chunk.length - 1]);
  const head = chunkHead(chunk);
  if (chunk.length >= 2 && SETTLEMENT_WORDS.has(first) && head !== 'ORG' && head !== 'FAC' && head !== 'EVENT') return { tokens: chunk, type: 'GPE', score: 0.85, roles: [], rule: settlementName };
  // a head word with its own complement ("Embassy in Israel", "Ministry of Defence") is a structure a
  // tagger often cuts short; a bare head word ("Sheba Hospital") is weaker evidence
  const linked = chunk.some((t, i) => i > 0 && LINKING.has(lower(t)));
  if (head && chunk.length >= 2) return { tokens: chunk, type: head, score: linked && head === 'ORG' ? 0.8 : 0.65, roles: [], rule: headWordName };
  if (head && chunk.length === 1) return null; // a lone "Embassy" or "Hospital" is a common noun
  // "Minister", "Department Spokesperson", "International President": a role, not a name
  if (TITLES.has(last) || ROLE_NOUNS.has(last) || chunk.every((t) => TITLES.has(lower(t)))) return null;
  const personContext = context.roles.some((r) => TITLES.has(r) || KINSHIP.has(r) || ROLE_NOUNS.has(r));
  const nameShaped = chunk.every((t) => /^\p{Lu}[\p{Ll}'’\-]+$/u.test(t.text) || /^\p{Lu}\.$/u.test(t.text) || OPEN_Q.has(t.text) || CLOSE_Q.has(t.text) || INNER.has(lower(t)));
  // a quoted nickname inside a name (Alexander “Sasha” Trufanov) is a person, whole
  const nickname = chunk.length >= 5 && chunk.some((t, i) => i > 0 && i < chunk.length - 1 && OPEN_Q.has(t.text));
  if (nickname && nameShaped) return { tokens: chunk, type: 'PERSON', score: 0.85, roles: context.roles, rule: nicknameName };
  if (gz.given.has(first) && chunk.length >= 2) return { tokens: chunk, type: 'PERSON', score: 0.7, roles: context.roles, rule: givenNameFirst };
  // a kinship noun or title right before the name ("his father, Vitaly", "Colonel Amal Haddad");
  // "Minister of Education Stefania Giannini": the name starts at the given name. A title is weak
  // evidence for one capitalised word after it ("former Scientologist", "Prime Rib", "Captain America
  // Image"): that word is a person only after a kinship noun ("his father, Vitaly"); a title before two
  // name-shaped words or more ("Opposition leader Nadia Fares") still makes them one
  if (personContext && nameShaped) {
    const g = chunk.findIndex((t, i) => i > 0 && gz.given.has(lower(t)));
    const person = chunk.length >= 3 && !gz.given.has(first) && g > 0 ? chunk.slice(g) : chunk;
    if (person !== chunk) return { tokens: person, type: 'PERSON', score: TITLE_CUT_SCORE, roles: context.roles, rule: titleOrKin };
    if (chunk.length >= 2 || context.roles.some((r) => KINSHIP.has(r))) return { tokens: chunk, type: 'PERSON', score: TITLE_OR_KIN_SCORE, roles: context.roles, rule: titleOrKin };
  }
  if (chunk.length === 1) {
    const t = chunk[0].text;
    if (/^\p{Lu}{2,6}$/u.test(t)) return { tokens: chunk, type: 'ORG', score: 0.4, roles: [], rule: acronymGuess }; // acronym
    if (context.sentenceStart && (context.lowerVocab.has(t.toLowerCase()) || chunk[0].upos && chunk[0].upos !== 'PROPN')) return null;
    if (t.length < 2) return null;
    return { tokens: chunk, type: 'PERSON', score: 0.3, roles: context.roles, rule: loneWordGuess };
  }
  // name-shaped but nothing says person: a weak guess that needs support (a later surname-only
  // mention, a speech verb, the trained model) to survive
  if (nameShaped && chunk.length <= 4) return { tokens: chunk, type: 'PERSON', score: 0.45, roles: context.roles, rule: nameShapedGuess };
  return { tokens: chunk, type: 'ORG', score: 0.35, roles: [], rule: otherOrgGuess };
}

/** Segment one capitalised run into typed name candidates. */
export function segmentRun(run: Token[], sent: Token[], lowerVocab: Set<string>): NameCandidate[] {
  // "Washington State University Simon Ličen": a head word then a given name or title starts a new name
  const gz = gazetteer();
  for (let i = 1; i < run.length - 1; i++) {
    const h = headKind(lower(run[i]));
    const next = lower(run[i + 1]);
    if (h && h !== 'EVENT' && (gz.given.has(next) || (TITLES.has(next) && !LINKING.has(next)))) {
      return [...segmentRun(run.slice(0, i + 1), sent, lowerVocab), ...segmentRun(run.slice(i + 1), sent, lowerVocab)];
    }
  }
  const out: NameCandidate[] = [];
  let k = 0;
  const sentenceStart = run[0] === sent[0] || (sent.indexOf(run[0]) <= 2 && sent.slice(0, sent.indexOf(run[0])).every((t) => !/\p{L}/u.test(t.text)));
  // leading function words capitalised at a sentence start ("The Kremlin", "By World Israel News")
  while (k < run.length && (NOT_NAMES.has(lower(run[k])) || LINKING.has(lower(run[k])))) k++;
  // trailing role words ("World Israel News Staff")
  let end = run.length;
  while (end > k + 1 && TRAILING_ROLES.has(lower(run[end - 1]))) end--;
  const roles: string[] = [];
  const startIdx = () => sent.indexOf(run[k]);
  while (k < end) {
    const rest = run.slice(k, end);
    const lastHead = chunkHead(rest);
    let gm = gazetteerMatch(run, k);
    // an actor list may file "Red Crescent" under a person; the head word knows better
    if (gm && gm.type === 'PERSON' && chunkHead(run.slice(k, k + gm.len))) gm = null;
    // a whole remaining chunk headed by an organisation/facility word stays one name
    if (lastHead && rest.length >= 2 && !(gm && gm.len === rest.length)) {
      const c = typeChunk(rest, { roles: [], sentenceStart: false, lowerVocab });
      if (c) out.push(c);
      break;
    }
    const w = lower(run[k]);
    // a place or nationality in front of a title or name is its own mention ("Russia Vladimir Putin");
    // an organisation only when it is the whole rest ("Amal" in "Amal Haddad" is a given name)
    if (gm && (gm.type === 'GPE' || gm.type === 'NORP' || gm.type === 'LOC' || gm.len === rest.length)) {
      // a place or nationality in front of a title or name is its own mention
      const matched = run.slice(k, k + gm.len);
      if (gm.len === rest.length || gm.type !== 'PERSON') {
        const place = gm.type === 'GPE' || gm.type === 'NORP' || gm.type === 'LOC';
        out.push({ tokens: matched, type: gm.type, score: place ? GAZETTEER_PLACE_SCORE : 0.9, roles: [], rule: place ? gazetteerPlace : gazetteerActor });
        k += gm.len;
        while (k < end && LINKING.has(lower(run[k]))) k++;
        continue;
      }
    }
    if (TITLES.has(w) && k + 1 < end) {
      roles.push(w);
      k++;
      while (k < end && LINKING.has(lower(run[k]))) k++;
      continue;
    }
    // the rest up to the next joiner word that starts another gazetteer name
    const idx = startIdx();
    const ctxRoles = [...rolesBefore(sent, idx), ...roles];
    const c = typeChunk(rest, { roles: ctxRoles, sentenceStart: sentenceStart && out.length === 0 && roles.length === 0, lowerVocab });
    if (c) out.push(c);
    break;
  }
  return out;
}

/** Adds rule-based name mentions (source 'rules') to doc.mentions. */
export const surnameRecurs = defineRule({
  id: 'names.surname-recurs', stage: 'names', action: 'label', source: 'src/extract/names.ts',
  summary: 'once an article names a person in full, a later capitalised surname no recogniser took is that person (news names in full once, then by surname)',
  fires: ['Opposition leader Nadia Fares accused the government of hiding the death toll. Fares argued that independent monitors should count the dead.'],
  spares: ['Opposition leader Nadia Fares accused the government of hiding the death toll. Bus fares rose again in March.'],
});

/**
 * Surnames of the persons named in full (by either recogniser) that recur untagged after the
 * full name: "Fares argued …", where the sentence alone reads "Fares" as a common word.
 */
function recurringSurnames(doc: Doc, lowerVocab: Set<string>): Mention[] {
  const given = gazetteer().given;
  const firstFull = new Map<string, number>();
  for (const m of doc.mentions) {
    if (m.type !== 'PERSON' || m.kind !== 'name') continue;
    const words = m.text.split(/\s+/);
    const last = words[words.length - 1];
    // a full name opens with a given name: a known one, or a word the article never writes in
    // lower case ("Nadia Fares", not "Last Year" or "The Polaroids")
    const first = words[0].toLowerCase();
    if (words.length < 2 || (!given.has(first) && lowerVocab.has(first))) continue;
    if (last.length < 3 || !/^\p{Lu}\p{Ll}+$/u.test(last) || NOT_NAMES.has(last.toLowerCase())) continue;
    firstFull.set(last, Math.min(firstFull.get(last) ?? Infinity, m.end));
  }
  if (firstFull.size === 0) return [];
  const covered = new Uint8Array(doc.text.length + 1);
  for (const m of doc.mentions) covered.fill(1, m.start, m.end);
  const out: Mention[] = [];
  const tokens = doc.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const after = firstFull.get(t.text);
    if (after === undefined || t.start < after || covered[t.start]) continue;
    // not a word of a longer capitalised phrase or a numbered thing ("Day After Day", "Series 3"),
    // nor a noun after an article ("The Polaroids were donated": the full "name" was a thing's)
    const next = tokens[i + 1]?.text ?? '';
    if (/^[\p{Lu}\d]/u.test(next)) continue;
    const prev = tokens[i - 1]?.text.toLowerCase() ?? '';
    if (prev === 'the' || prev === 'a' || prev === 'an') continue;
    out.push({ start: t.start, end: t.end, text: t.text, kind: 'name', type: 'PERSON', source: 'rules', score: 0.7 });
  }
  return out;
}

export const namesStage: Stage = {
  name: 'names',
  requires: ['tokens', 'sentences'], uses: ['mentions.model'], provides: ['mentions.rules'],
  run(doc: Doc) {
    const lowerVocab = lowercaseVocabulary(doc);
    for (let s = 0; s < doc.sentences.length; s++) {
      const sent = doc.sentenceTokens(s);
      for (const run of capitalisedRuns(sent)) {
        for (const c of segmentRun(run, sent, lowerVocab)) {
          if (!c.rule.enabled) continue;
          // trim quote marks that end up at the edges
          let toks = c.tokens;
          while (toks.length && (OPEN_Q.has(toks[0].text) || CLOSE_Q.has(toks[0].text))) toks = toks.slice(1);
          while (toks.length && (OPEN_Q.has(toks[toks.length - 1].text) || CLOSE_Q.has(toks[toks.length - 1].text))) toks = toks.slice(0, -1);
          if (!toks.length) continue;
          const start = toks[0].start;
          const end = toks[toks.length - 1].end;
          const m: Mention = { start, end, text: doc.text.slice(start, end), kind: 'name', type: c.type, source: 'rules', score: c.score };
          if (c.roles.length) m.roles = c.roles;
          doc.mentions.push(m);
          c.rule.fired(start, end);
        }
      }
    }
    if (surnameRecurs.enabled) {
      for (const m of recurringSurnames(doc, lowerVocab)) {
        doc.mentions.push(m);
        surnameRecurs.fired(m.start, m.end);
      }
    }
  },
};
