/**
 * Entities: settles overlapping name mentions from the recognisers (rules, trained model),
 * groups name variants into one entity per real-world referent (Trufanov → Alexander “Sasha”
 * Trufanov). Each entity's `name` is its fullest name. Coreference (the next stage, coref.ts)
 * adds nominal and pronoun mentions.
 */
import type { Doc, Entity, EntityType, Mention } from '../doc.js';
import type { Stage } from '../pipeline.js';
import { packedMap } from '../packed.js';
import { roleOf, set } from '../lexicon/index.js';
import { defineRule, type Rule, type RuleText } from '../rules/registry.js';
import { ACRONYM_SHAPE, ACRONYM_SKIP, acronymInitials, AliasTable, shortFormSpan, type AliasReason } from './aliases.js';

/** Postal codes of states and provinces ("PA", "OH"; lexicon/en/region-codes.tsv): after a name in brackets, where it is. */
const REGION_CODES = set('region-codes');

/*
 * The entities stage's own evidence, each piece registered so that `npm run ablate:names`
 * measures it (cross-validated, with and without; table in docs/entities-ner.md).
 */
const entitiesRule = (id: string, action: 'label' | 'retype' | 'extend' | 'veto', summary: string, fires: RuleText[], spares: RuleText[]): Rule =>
  defineRule({ id: `entities.${id}`, stage: 'entities', action, summary, fires, spares, source: 'src/extract/entities.ts' });

export const rulesOutrankModel = entitiesRule('rules-outrank-model', 'veto',
  'a rule mention surer than the model (gazetteer 0.8–0.9, head word with a complement 0.8) wins an overlap with the model\'s mention; without it the model\'s span and type win every overlap and rules only fill gaps',
  ['Mr Rahimov flew to Kibbutz Nir Oz on Monday.'], ['The talks ended on Monday.']);
export const modelNameRecurs = entitiesRule('model-name-recurs', 'label',
  'a weak rule guess of a one-word name the model named elsewhere in the article is that name, with the model\'s type ("posted to Twitter" after "Twitter gave …"); not a word the model named only just before another capitalised word, a number or a hyphen ("CentOS Linux 8": a fragment of a longer name, often a product\'s)',
  [{ text: 'Twitter gave Mohamed an internship. She posted the picture to Twitter on Monday.', decoded: ['Twitter/ORG', 'Mohamed/PERSON'] }],
  [{ text: 'Stardust flew past the comet. The Stardust team said Stardust was fine.', decoded: ['Stardust/ORG', 'Stardust/PERSON'] },
    { text: 'Twitter Blue gave Mohamed an internship. She posted the picture to Twitter on Monday.', decoded: ['Twitter/ORG', 'Mohamed/PERSON'] }]);
export const surnameNotPlace = entitiesRule('surname-not-place', 'retype',
  'a one-word name typed otherwise that is the surname of a person the article named in full before it is that person, unless a place preposition governs it ("Valeska Paris … Paris said", "Hassan Nasrallah … Nasrallah announced")',
  [{ text: 'Hassan Nasrallah called for calm. Last month, Nasrallah announced that his party would close ranks with Hamas.', decoded: ['Hassan Nasrallah/PERSON', 'Hamas/ORG'] }],
  [{ text: 'Valeska Paris joined the ship in 2003. She later moved to Paris.', decoded: ['Valeska Paris/PERSON', 'Paris/GPE'] }]);
export const placeContextGuess = entitiesRule('place-context-guess', 'label',
  'a weak rule guess the model did not confirm is kept when a place noun frames it ("the town of X", "the X area")',
  [{ text: 'Fighting reached the Jebel Awlia area on Sunday.', decoded: ['Jebel Awlia/ORG'], companion: ['Jebel/ORG'] }],
  [{ text: 'Fighting stopped on Sunday.', decoded: [] }]);
export const placeOfRetype = entitiesRule('place-of', 'retype',
  '"the town of X": capitalised words after a place noun and "of" are a place (added where no recogniser saw them, retyped where one typed them otherwise)',
  ['Fighters entered the town of Kidal on Sunday.'], ['Fighters entered the town on Sunday.']);
export const placeAfterRetype = entitiesRule('place-after', 'retype',
  '"the X area", "this X region": a name between a determiner and a place noun is a place',
  ['Shelling hit the Kidal area overnight.'], ['Shelling hit the area overnight.']);
export const facilityAfter = entitiesRule('facility-after', 'extend',
  'a person-typed name before a lower-case facility noun is the facility, named with its noun ("Evin prison")',
  ['She was held in Evin prison for a year.'], ['She was held in prison for a year.']);
export const bracketAcronym = entitiesRule('bracket-acronym', 'extend',
  'the words whose initials a bracketed acronym spells are one organisation name, and the acronym joins it ("Jama\'at Nusrat al-Islam wal-Muslimin (JNIM)")',
  ['According to the World Conservation Union (IUCN), the year 2003 has been bad news for plants.'], ['The programme said aid had stopped.']);
export const possessiveAcronym = entitiesRule('possessive-acronym', 'extend',
  'a bracketed acronym after a possessive defines the name before it as well ("the Ministry of Manpower\'s (MOM) inspectors"): the name and the acronym are one organisation, and the acronym\'s later mentions join it (bracket-acronym read through the "\'s")',
  ['Inspectors of the Ministry of Manpower\'s (MOM) safety unit came. MOM ordered a stop to the work.'],
  ['Inspectors of the Ministry of Manpower\'s safety unit came. The work stopped.']);
export const bracketPlace = entitiesRule('bracket-place', 'veto',
  'a place in brackets after a name ("Manor College (PA)", "Amnesty International (UK)": a state or province postal code, lexicon region-codes, or a name the document has as a place) says where, it defines no acronym: the place\'s mentions stay places',
  ['Manor College (PA) will admit students. Dr. Ruth Ellis teaches at Drexel University (Philadelphia, PA).'],
  ['According to the World Conservation Union (IUCN), the year 2003 has been bad news for plants.']);
export const initialsAcronym = entitiesRule('initials-acronym', 'extend',
  'an acronym elsewhere in the text that spells a multi-word organisation\'s initials joins it ("the Rapid Support Forces … the RSF")',
  ['The Rapid Support Forces attacked the camp. The RSF denied it.'], ['The forces attacked the camp.']);
export const shortFormJoin = entitiesRule('short-form-join', 'extend',
  'an organisation the article names only by the short form of another organisation\'s name (the alias layer\'s short-form: the name without its trailing head words, lexicon org-heads uses short-form: "Smithsonian" of "Smithsonian Institution", "SoftBank" of "SoftBank Group Corp.") is that organisation, when exactly one organisation of the article gives that short form: its mentions join it and the alias table records the link',
  ['The Smithsonian Institution opened a new wing. A spokesman for the Smithsonian said the wing cost $20 million.'],
  ['The Mozilla Foundation and the Mozilla Corporation split the money. Mozilla said the talks went well.']);
export const sameNameOrg = entitiesRule('same-name-org', 'retype',
  'one word typed a person in one sentence and an organisation in another is one organisation ("group Viasna said … Viasna\'s head")',
  ['The rights group Viasna said eleven people were held. Viasna\'s head, Ales Bialiatski, is in prison.'], ['Viasna said eleven people were held.']);
export const loneMiddleWordApart = entitiesRule('lone-middle-word-apart', 'veto',
  'a one-word person name that is only a middle word of a fuller name the article gives later ("his mother Song" before "Jang Song Thaek") is not that person: news names a person in full before calling them by one word, and then by the surname or given name, not a middle word',
  ['Her mother was the dancer Song and she was raised in Seoul. Later her uncle Jang Song Thaek was executed.'],
  ['Her uncle Jang Song Thaek was executed. Song had been powerful.']);
export const apposedRolePerson = entitiesRule('apposed-role-person', 'retype',
  'a name of two words or more typed a place whose apposition opens with a bare singular role noun ("Felizeberto Nice, director general of the commission"; "X, spokesman for …") is a person: a place is not apposed to an office without a determiner; its surname then stays the person (surname-not-place)',
  [{ text: 'Felizeberto Nice, director general of the electoral commission, said the vote was ready. Nice said it would be fair.', decoded: ['Felizeberto Nice/GPE', 'Nice/GPE'] }],
  [{ text: 'Felizeberto Nice, the city in the south, said the vote was ready.', decoded: ['Felizeberto Nice/GPE'] }]);
export const innerApostrophe = entitiesRule('inner-apostrophe', 'retype',
  'an apostrophe between two letters is part of a name word ("O\'Riordan", "D\'Souza"), not a quote mark: a surname written so stays one word and finds the person the article named in full (surname-not-place, clustering); quote marks at a word\'s edges still go ("Alexander “Sasha” Trufanov")',
  ["Dolores O'Riordan sang with the band for years. Later, O'Riordan joined another band."],
  ['Dolores Riordan sang with the band for years. Later, Riordan joined another band.']);
export const compassPlaceApart = entitiesRule('compass-place-apart', 'extend',
  'a lower-case compass point written before a place name ("east Jerusalem", "south Wales"; lexicon place-modifiers, kind compass) is the name\'s first word: that place is one of its own, not the bare place (it joins a capitalised "East Jerusalem"; the city\'s "the city" is not drawn to it); a part adjective ("eastern Ukraine") leaves the mention the bare place\'s',
  [{ text: 'Settlers moved into east Jerusalem while envoys met in Jerusalem.', decoded: ['Jerusalem/GPE', 'Jerusalem/GPE'] }],
  [{ text: 'Shelling hit eastern Ukraine on Sunday.', decoded: ['Ukraine/GPE'] },
    { text: 'The report says Israel is pursuing the annexation of East Jerusalem.', decoded: ['Israel/GPE', 'East Jerusalem/GPE'] }]);
export const weakNeedsSupport = entitiesRule('weak-needs-support', 'veto',
  'a cluster whose best mention is a weak guess (below 0.5) is dropped unless supported: a person named in full and again by one name, a repeated organisation, or a role beside it',
  ['They asked Brakowicz about it.'], ['Officials in Moscow denied the report.']);

/** What follows a one-word name inside a longer one: a capitalised word or a number, a hyphen ("'s" is the owner's: "Facebook's Mark Zuckerberg"). */
const NAME_CONTINUES = /^(?:[ \t]+[\p{Lu}0-9]|-)/u;

/** Score for a model mention when the model gives none. */
const MODEL_DEFAULT_SCORE = 0.75;
/** Below this, a lone guessed name is dropped unless it joins a confirmed entity. */
const MIN_STANDALONE_SCORE = 0.5;

const QUOTE_CHARS = /[“”"‘’']/g;
/** quote marks that are not between two letters: an apostrophe inside a word ("O'Riordan") stays */
const EDGE_QUOTES = /(?<!\p{L})[“”"‘’']|[“”"‘’'](?!\p{L})/gu;
const INNER_APOSTROPHE = /\p{L}['’]\p{L}/u;

const tokenCache = new Map<string, string[]>();

/** Lower-cased name words without quote marks: "Alexander “Sasha” Trufanov" → alexander, sasha, trufanov. */
function nameTokens(text: string): string[] {
  const inner = innerApostrophe.enabled && INNER_APOSTROPHE.test(text);
  if (inner) innerApostrophe.fired();
  const key = inner ? '\0' + text : text;
  let words = tokenCache.get(key);
  if (!words) {
    words = text.replace(inner ? EDGE_QUOTES : QUOTE_CHARS, ' ').split(/\s+/).filter((w) => /\p{L}/u.test(w)).map((w) => w.toLowerCase().replace(/[.,]$/, ''));
    if (tokenCache.size > 50_000) tokenCache.clear();
    tokenCache.set(key, words);
  }
  return words;
}

/** Keep the best of overlapping name mentions: higher score, then longer span. */
export function settleMentions(mentions: Mention[]): Mention[] {
  const scored = mentions.map((m) => ({ ...m, score: m.score ?? (m.source === 'model' ? MODEL_DEFAULT_SCORE : 0.5) }));
  // without rules-outrank-model, the model's mentions win every overlap (rules fill gaps)
  if (!rulesOutrankModel.enabled) for (const m of scored) if (m.source === 'model') m.score = Math.max(m.score, 1);
  scored.sort((a, b) => (b.score - a.score) || ((b.end - b.start) - (a.end - a.start)) || (a.start - b.start));
  // which kept mention owns each character, as 1 + its index in `kept` (mentions are short, so
  // marking spans stays linear)
  let size = 0;
  for (const m of scored) if (m.end > size) size = m.end;
  const owner = new Int32Array(size);
  const kept: Mention[] = [];
  for (const m of scored) {
    let clash: Mention | undefined;
    for (let c = m.start; c < m.end && !clash; c++) if (owner[c]) clash = kept[owner[c] - 1];
    if (!clash) {
      kept.push(m);
      owner.fill(kept.length, m.start, m.end);
      continue;
    }
    if (m.source === 'model' && clash.source !== 'model') rulesOutrankModel.fired(m.start, m.end);
    // the same span from another recogniser: keep the roles it saw
    if (clash.start === m.start && clash.end === m.end && m.roles && !clash.roles) clash.roles = m.roles;
  }
  return kept.sort((a, b) => a.start - b.start);
}

interface Cluster {
  type: EntityType;
  mentions: Mention[];
  tokens: Set<string>;
  last: string;
  best: number;
}

/** Group name mentions into clusters: people by shared name words, others by the same name. */
export function clusterNames(mentions: Mention[]): Cluster[] {
  const clusters: Cluster[] = [];
  const byKey = new Map<string, Cluster>();
  const bySurname = new Map<string, Cluster[]>();
  // the first-made cluster under a surname that holds a word ("trufanov\0sasha"): the same
  // person, found without scanning every cluster of a common surname
  const bySurnameWord = new Map<string, Cluster>();
  const made = new Map<Cluster, number>();
  const noteWord = (c: Cluster, t: string) => {
    const key = c.last + '\0' + t;
    const had = bySurnameWord.get(key);
    if (!had || made.get(had)! > made.get(c)!) bySurnameWord.set(key, c);
  };
  // full names first, so a lone surname finds its owner wherever it appears
  const order = mentions.map((m, i) => ({ m, i, n: nameTokens(m.text).length })).sort((a, b) => (b.n - a.n) || (a.i - b.i));
  const pending: Mention[] = [];
  for (const { m, n } of order) {
    if (m.type === 'PERSON') {
      const toks = nameTokens(m.text);
      if (toks.length === 0) continue;
      if (n >= 2) {
        const last = toks[toks.length - 1];
        const first = toks[0];
        // same person: same surname and compatible given name (a cluster holding the given name)
        const match = bySurnameWord.get(last + '\0' + first);
        if (match) {
          match.mentions.push(m);
          for (const t of toks) {
            if (match.tokens.has(t)) continue;
            match.tokens.add(t);
            noteWord(match, t);
          }
          match.best = Math.max(match.best, m.score ?? 0);
        } else {
          const c: Cluster = { type: 'PERSON', mentions: [m], tokens: new Set(toks), last, best: m.score ?? 0 };
          made.set(c, clusters.length);
          clusters.push(c);
          for (const t of c.tokens) noteWord(c, t);
          const list = bySurname.get(last);
          if (list) list.push(c);
          else bySurname.set(last, [c]);
        }
      } else pending.push(m);
      continue;
    }
    const key = m.type + ':' + nameTokens(m.text).join(' ').replace(/^the /, '');
    const c = byKey.get(key);
    if (c) {
      c.mentions.push(m);
      c.best = Math.max(c.best, m.score ?? 0);
    } else {
      const nc: Cluster = { type: m.type, mentions: [m], tokens: new Set(nameTokens(m.text)), last: '', best: m.score ?? 0 };
      byKey.set(key, nc);
      clusters.push(nc);
    }
  }
  // one-word person names: a surname or given name of a fuller name in the document
  const fullByWord = new Map<string, Cluster[]>();
  for (const c of clusters) {
    if (c.type !== 'PERSON') continue;
    for (const t of c.tokens) {
      const list = fullByWord.get(t);
      if (list) list.push(c);
      else fullByWord.set(t, [c]);
    }
  }
  // Several people may share the word (a family): prefer those whose surname it is (the pool);
  // among them, the one the story already calls by that word alone (news names relatives in
  // full, then by given name, and keeps the bare surname for its main subject), else the one
  // the story named first (its subject: relatives are named after) when named before this
  // mention, else the first made. Lone words come in text order, so what each choice needs is
  // kept up to date as they are given out, and no choice looks through every cluster or mention.
  const pools = new Map<string, { pool: Cluster[]; members: (c: Cluster) => boolean; firstNamed: Cluster | null; calledBy: Cluster | null; earliestCalled: Cluster | null }>();
  const firstFull = new Map<Cluster, number>();
  for (const c of clusters) firstFull.set(c, c.mentions.reduce((min, x) => Math.min(min, x.start), Infinity));
  const firstLone = new Map<Cluster, number>();
  const firstOf = (c: Cluster) => Math.min(firstFull.get(c)!, firstLone.get(c) ?? Infinity);
  const poolOf = (w: string) => {
    let p = pools.get(w);
    if (!p) {
      const surnamed = bySurname.get(w) ?? [];
      const pool = surnamed.length ? surnamed : fullByWord.get(w) ?? [];
      let firstNamed: Cluster | null = null;
      let earliestCalled: Cluster | null = null;
      for (const c of pool) {
        if (!firstNamed || firstFull.get(c)! < firstFull.get(firstNamed)!) firstNamed = c;
        if (firstLone.has(c) && (!earliestCalled || firstOf(c) < firstOf(earliestCalled))) earliestCalled = c;
      }
      p = { pool, members: surnamed.length ? (c) => c.last === w : (c) => c.tokens.has(w), firstNamed, calledBy: null, earliestCalled };
      pools.set(w, p);
    }
    return p;
  };
  const giveTo = (c: Cluster, m: Mention, w: string) => {
    c.mentions.push(m);
    const p = poolOf(w);
    if (p.members(c)) p.calledBy ??= c;
    if (firstLone.has(c)) return;
    // the cluster's first lone word: it may now be the earliest named in each pool it is in
    firstLone.set(c, m.start);
    for (const t of c.tokens) {
      const q = pools.get(t);
      if (q && q.members(c) && (!q.earliestCalled || firstOf(c) < firstOf(q.earliestCalled))) q.earliestCalled = c;
    }
  };
  // a lone word before the fuller name is given, and only a middle word of it: someone else ("Song" before "Jang Song Thaek")
  const middleWordBefore = (c: Cluster, w: string, m: Mention) => {
    if (!loneMiddleWordApart.enabled || m.start > firstFull.get(c)!) return false;
    const middle = c.mentions.every((x) => {
      const t = nameTokens(x.text);
      return t.length >= 3 && t.indexOf(w) > 0 && t.lastIndexOf(w) < t.length - 1;
    });
    if (middle) loneMiddleWordApart.fired(m.start, m.end);
    return middle;
  };
  const singles = new Map<string, Cluster>();
  for (const m of pending.sort((a, b) => a.start - b.start)) {
    const w = nameTokens(m.text)[0];
    const owners = fullByWord.get(w) ?? [];
    let owner: Cluster | undefined;
    if (owners.length === 1) owner = middleWordBefore(owners[0], w, m) ? undefined : owners[0];
    else if (owners.length > 1) {
      const p = poolOf(w);
      if (p.calledBy) owner = p.calledBy;
      else {
        // named before this mention: in full (firstNamed), or by another lone word (earliestCalled)
        const named = p.firstNamed && firstFull.get(p.firstNamed)! < m.start ? p.firstNamed : null;
        const called = p.earliestCalled;
        owner = named && called ? (firstOf(named) <= firstOf(called) ? named : called) : named ?? called ?? p.pool[0];
      }
    }
    if (owner) {
      giveTo(owner, m, w);
      continue;
    }
    const same = singles.get(w);
    if (same) {
      same.mentions.push(m);
      same.best = Math.max(same.best, m.score ?? 0);
    } else {
      const c: Cluster = { type: 'PERSON', mentions: [m], tokens: new Set([w]), last: w, best: m.score ?? 0 };
      singles.set(w, c);
      clusters.push(c);
    }
  }
  // keep confident clusters; a weak one needs support: a person named in full and again by one
  // name ("Jane Roe … Roe said"), a repeated organisation name, or a role written beside it
  const supported = (c: Cluster) => c.type === 'PERSON'
    ? c.mentions.some((m) => nameTokens(m.text).length >= 2) && c.mentions.some((m) => nameTokens(m.text).length === 1)
    : c.mentions.length >= 2;
  return clusters.filter((c) => {
    if (c.best >= MIN_STANDALONE_SCORE || !weakNeedsSupport.enabled) return true;
    if ((c.best >= 0.3 && supported(c)) || c.mentions.some((m) => m.roles?.length)) return true;
    weakNeedsSupport.fired(c.mentions[0].start, c.mentions[0].end);
    return false;
  });
}

/** Nouns that say the name before them is a place ("the town of Gao", "the El Fasher area"). */
const PLACE_OF = set('place-nouns', { uses: 'entities-place-of' });
const PLACE_AFTER = set('place-nouns', { uses: 'entities-place-after' });

/** "the town of X", "the X area": the words around a mention say it is a place. */
function placeContext(doc: Doc, m: Mention): boolean {
  const toks = doc.tokens;
  const first = doc.tokenAt(m.start);
  const next = toks[doc.tokenAt(m.end)];
  if (first < 1) return false;
  const nextWord = next && next.start >= m.end && next.sentence === toks[first].sentence ? next.text : '';
  if (first >= 2 && toks[first - 1].text.toLowerCase() === 'of' && PLACE_OF.has(toks[first - 2].text.toLowerCase())) return true;
  return PLACE_AFTER.has(nextWord) && /^(?:the|this|that)$/i.test(toks[first - 1].text);
}

/** Lower-case facility nouns after a name: "Imam Khomeini airport", "Evin prison". */
const FACILITY_AFTER = set('place-nouns', { uses: 'entities-facility-after' });

/**
 * The words around a name overrule a recogniser that took a place or facility for a person: "the
 * town of Gao" and "the El Fasher area" are places; "Imam Khomeini airport" is a facility, named
 * with its noun. Only names typed PERSON are retyped: a place before a facility noun is usually a
 * modifier ("a Tehran hospital").
 */
function retypeByContext(doc: Doc, names: Mention[]): void {
  const toks = doc.tokens;
  // "the town of Kidal" where no recogniser saw a name: the capitalised words are a place
  const covered = new Uint8Array(toks.length);
  for (const m of names) for (let k = doc.tokenAt(m.start); k < toks.length && toks[k].start < m.end; k++) covered[k] = 1;
  for (let k = 2; k < toks.length && placeOfRetype.enabled; k++) {
    if (covered[k] || toks[k - 1].text !== 'of' || !PLACE_OF.has(toks[k - 2].text.toLowerCase()) || !/^\p{Lu}\p{Ll}/u.test(toks[k].text)) continue;
    let e = k;
    while (e + 1 < toks.length && !covered[e + 1] && toks[e + 1].sentence === toks[k].sentence && /^\p{Lu}\p{Ll}/u.test(toks[e + 1].text) && e - k < 3) e++;
    names.push({ start: toks[k].start, end: toks[e].end, text: doc.text.slice(toks[k].start, toks[e].end), kind: 'name', type: 'GPE', source: 'context', score: 0.8 });
    placeOfRetype.fired(toks[k].start, toks[e].end);
  }
  names.sort((a, b) => a.start - b.start);
  for (const m of names) {
    if (m.type === 'GPE' || m.type === 'LOC' || m.type === 'FAC') continue;
    const first = doc.tokenAt(m.start);
    const after = doc.tokenAt(m.end);
    const next = toks[after];
    const nextWord = next && next.start >= m.end && next.sentence === toks[first].sentence ? next.text : '';
    const before2 = first >= 2 ? toks[first - 2].text.toLowerCase() : '';
    // the context is evidence in itself: a weak guess it retypes stands on its own (score ≥ 0.8)
    if (placeOfRetype.enabled && first >= 2 && toks[first - 1].text.toLowerCase() === 'of' && PLACE_OF.has(before2)) {
      (m.type = 'GPE'), (m.score = Math.max(m.score ?? 0, 0.8));
      placeOfRetype.fired(m.start, m.end);
    }
    // ("the newspaper Het Dagblad" is the ner stage's: ner.class-named)
    else if (placeAfterRetype.enabled && PLACE_AFTER.has(nextWord) && first >= 1 && /^(?:the|this|that)$/i.test(toks[first - 1].text)) {
      (m.type = 'GPE'), (m.score = Math.max(m.score ?? 0, 0.8));
      placeAfterRetype.fired(m.start, m.end);
    } else if (facilityAfter.enabled && FACILITY_AFTER.has(nextWord) && m.type === 'PERSON') {
      facilityAfter.fired(m.start, next.end);
      m.type = 'FAC';
      m.end = next.end;
      // a title the person recogniser set apart belongs to the facility's name: "Imam Khomeini airport"
      let k = first - 1;
      while (k >= 0 && toks[k].sentence === toks[first].sentence && /^\p{Lu}\p{Ll}+$/u.test(toks[k].text) && !names.some((o) => o !== m && o.start <= toks[k].start && o.end > toks[k].start)) k--;
      m.start = toks[k + 1].start;
      m.text = doc.text.slice(m.start, m.end);
    }
  }
}

const POSSESSIVE = /^['’]s$/;

/** A cluster's name in full for the alias table: its first name of two words or more (else its first name). */
function fullName(c: Cluster): { start: number; end: number; text: string } {
  let best: Mention | undefined;
  for (const m of c.mentions) if (nameTokens(m.text).length >= 2 && (!best || m.start < best.start)) best = m;
  const m = best ?? c.mentions[0];
  return { start: m.start, end: m.end, text: m.text };
}

/**
 * Acronyms join the name they stand for: one written in brackets after a name ("Jama'at Nasr
 * al-Islam wal Muslimin (JNIM)") or matching a multi-word name's initials elsewhere in the text
 * ("the World Food Programme … the WFP"). An acronym defined in brackets is also found where no
 * recogniser marked it ("JNIM is still holding …"). An acronym names an organisation, so a name
 * with one is an ORG unless it is a place.
 */
function linkAcronyms(doc: Doc, clusters: Cluster[], pending: PendingAlias[]): Cluster[] {
  const toks = doc.tokens;
  // which name mention covers each token (the bracket step below looks runs up in it)
  const atToken: ({ c: Cluster; m: Mention } | undefined)[] = new Array(toks.length);
  const mark = (c: Cluster, m: Mention) => {
    const ref = { c, m };
    for (let k = doc.tokenAt(m.start); k < toks.length && toks[k].start < m.end; k++) atToken[k] = ref;
  };
  for (const c of clusters) for (const m of c.mentions) mark(c, m);
  const byAcronym = new Map<string, Cluster>();
  // the names the document has as places (a bracket holding one says where, not what: entities.bracket-place)
  const places = new Set(clusters.filter((c) => c.type === 'GPE' || c.type === 'LOC').flatMap((c) => c.mentions.map((m) => m.text)));
  const placeNamed = (w: string) => REGION_CODES.has(w) || places.has(w);
  // "Jama'at Nasr al-Islam wal Muslimin (JNIM)": the words whose initials the bracket spells are
  // one name, even where a recogniser cut it short or missed it
  for (let k = 2; k + 2 < toks.length && bracketAcronym.enabled; k++) {
    if (toks[k].text !== '(' || toks[k + 2].text !== ')' || !ACRONYM_SHAPE.test(toks[k + 1].text)) continue;
    const acr = toks[k + 1].text.replace(/\./g, '');
    // "the Ministry of Manpower's (MOM)": the name ends before the possessive
    const possessive = POSSESSIVE.test(toks[k - 1].text);
    if (possessive && !possessiveAcronym.enabled) continue;
    const last = possessive ? k - 2 : k - 1;
    const rule = possessive ? possessiveAcronym : bracketAcronym;
    let from = -1;
    for (let j = last; j >= Math.max(0, last - 11) && toks[j].sentence === toks[k].sentence; j--) {
      const w = toks[j].text;
      if (!/^\p{Lu}/u.test(w) && !ACRONYM_SKIP.has(w.toLowerCase()) && !/^(?:al|el)-\p{Lu}/u.test(w)) break;
      // a capitalised word the initials skip ("The" opening a sentence) does not open the name
      if (/^\p{Lu}/u.test(w) && !ACRONYM_SKIP.has(w.toLowerCase()) && acronymInitials(doc.text.slice(toks[j].start, toks[last].end)) === acr) from = j;
    }
    if (from < 0 || from === last) continue;
    const start = toks[from].start;
    const end = toks[last].end;
    const inside = [...new Set(atToken.slice(from, last + 1).filter((x) => x !== undefined))];
    if (inside.length === 1) {
      const { c, m } = inside[0];
      m.start = Math.min(m.start, start);
      m.end = Math.max(m.end, end);
      m.text = doc.text.slice(m.start, m.end);
      if (c.type === 'PERSON') c.type = 'ORG';
      mark(c, m);
      rule.fired(m.start, m.end);
    } else if (inside.length === 0) {
      const m: Mention = { start, end, text: doc.text.slice(start, end), kind: 'name', type: 'ORG', source: 'acronym', score: 0.8 };
      const c: Cluster = { type: 'ORG', mentions: [m], tokens: new Set(nameTokens(m.text)), last: '', best: 0.8 };
      clusters.push(c);
      mark(c, m);
      rule.fired(start, end);
    }
  }
  /** the token after a name's end, past a possessive when the possessive rule is on ("Manpower's (MOM)") */
  const afterName = (m: Mention): number => {
    const k = doc.tokenAt(m.end);
    return possessiveAcronym.enabled && POSSESSIVE.test(toks[k]?.text ?? '') && toks[k + 1]?.text === '(' ? k + 1 : k;
  };
  // bracketed definitions first: they are explicit
  for (const c of clusters) {
    if (!bracketAcronym.enabled) break;
    for (const m of c.mentions) {
      if (nameTokens(m.text).length < 2) continue;
      const k = afterName(m);
      if (toks[k]?.text !== '(' || toks[k + 2]?.text !== ')') continue;
      const acr = toks[k + 1].text;
      if (!ACRONYM_SHAPE.test(acr) || byAcronym.has(acr.replace(/\./g, ''))) continue;
      // (unless the bracket spells the name's initials: "Housing Authority of New Orleans (HANO)" whatever else HANO was read as)
      if (bracketPlace.enabled && placeNamed(acr) && acronymInitials(m.text) !== acr.replace(/\./g, '')) {
        bracketPlace.fired(toks[k + 1].start, toks[k + 1].end);
        continue;
      }
      byAcronym.set(acr.replace(/\./g, ''), c);
      if (k !== doc.tokenAt(m.end)) possessiveAcronym.fired(m.start, m.end);
    }
  }
  for (const c of clusters) {
    if (!initialsAcronym.enabled) break;
    if (c.type === 'PERSON' && c.mentions.every((m) => nameTokens(m.text).length < 2)) continue;
    for (const m of c.mentions) {
      const ini = nameTokens(m.text).length >= 2 ? acronymInitials(m.text) : '';
      if (ini.length >= 2 && !byAcronym.has(ini)) byAcronym.set(ini, c);
    }
  }
  if (byAcronym.size === 0) return clusters;
  const merged = new Set<Cluster>();
  for (const c of clusters) {
    if (merged.has(c) || c.mentions.some((m) => nameTokens(m.text).length !== 1)) continue;
    const acr = c.mentions[0].text.replace(/\./g, '');
    const full = byAcronym.get(acr);
    if (!full || full === c || merged.has(full) || !ACRONYM_SHAPE.test(c.mentions[0].text)) continue;
    const named = fullName(full);
    for (const m of c.mentions) full.mentions.push(m); // (a spread of a long list overflows the stack)
    // (asked with the acronym's own mentions among the full name's, as it always was)
    const rule = full.mentions.some((m) => toks[afterName(m) + 1]?.text === c.mentions[0].text) ? bracketAcronym : initialsAcronym;
    rule.fired(c.mentions[0].start, c.mentions[0].end);
    for (const m of c.mentions) pending.push({ short: m, full: named, reason: rule === bracketAcronym ? 'bracket' : 'initials', rule });
    full.best = Math.max(full.best, c.best);
    if (full.type === 'PERSON' || c.type === 'ORG') full.type = full.type === 'GPE' || full.type === 'LOC' ? full.type : 'ORG';
    merged.add(c);
  }
  // occurrences of a bracket-defined acronym that no recogniser marked
  const taken = new Uint8Array(toks.length);
  for (const c of clusters) for (const m of c.mentions) for (let k = doc.tokenAt(m.start); k < toks.length && toks[k].start < m.end; k++) taken[k] = 1;
  // per cluster, the word after the bracket following each mention and the initials of its
  // full names, gathered once (an acronym used a thousand times must not rescan them each time)
  const seen = new Map<Cluster, { bracketed: Set<string | undefined>; initials: Set<string> }>();
  const seenOf = (c: Cluster) => {
    let x = seen.get(c);
    if (!x) {
      x = { bracketed: new Set(), initials: new Set() };
      for (const m of c.mentions) {
        x.bracketed.add(toks[afterName(m) + 1]?.text);
        if (nameTokens(m.text).length >= 2) x.initials.add(acronymInitials(m.text));
      }
      seen.set(c, x);
    }
    return x;
  };
  const fullNames = new Map<Cluster, { start: number; end: number; text: string }>();
  for (let k = 0; k < toks.length; k++) {
    if (taken[k] || !ACRONYM_SHAPE.test(toks[k].text)) continue;
    const acr = toks[k].text.replace(/\./g, '');
    const c = byAcronym.get(acr);
    if (!c || merged.has(c)) continue;
    // defined in brackets, or (three letters or more, or dotted: "U.N.") the initials of an
    // organisation or place named in full: "the Rapid Support Forces … the RSF"
    const x = seenOf(c);
    const defined = x.bracketed.has(toks[k].text);
    const byInitials = c.type !== 'PERSON' && (acr.length >= 3 || toks[k].text.includes('.')) && x.initials.has(acr);
    if (!defined && !byInitials) continue;
    const short: Mention = { start: toks[k].start, end: toks[k].end, text: toks[k].text, kind: 'name', type: c.type, source: 'acronym', score: c.best };
    const rule = defined ? bracketAcronym : initialsAcronym;
    let named = fullNames.get(c);
    if (!named) fullNames.set(c, (named = fullName(c)));
    pending.push({ short, full: named, reason: defined ? 'bracket' : 'initials', rule });
    c.mentions.push(short);
    rule.fired(toks[k].start, toks[k].end);
    x.bracketed.add(toks[k + 2]?.text);
    if (c.type === 'PERSON') c.type = 'ORG';
  }
  return clusters.filter((c) => !merged.has(c));
}

/** A link the entities stage made between a short form and a full name, before the entities are numbered. */
interface PendingAlias {
  short: Mention;
  full: { start: number; end: number; text: string };
  reason: AliasReason;
  rule: Rule;
}

/** A name mention's words as the tokens give them, without a leading "the" or a trailing possessive. */
function mentionWords(doc: Doc, m: Mention): string[] {
  const toks = doc.tokens;
  const words: string[] = [];
  for (let k = doc.tokenAt(m.start); k < toks.length && toks[k].start < m.end; k++) words.push(toks[k].text);
  if (words.length > 1 && POSSESSIVE.test(words[words.length - 1])) words.pop();
  if (words.length > 1 && (words[0] === 'The' || words[0] === 'the')) words.shift();
  return words;
}

/**
 * "The Smithsonian Institution … the Smithsonian": the recogniser names a short form (ner.org-short-form, or the model
 * alone), but as a name of its own it made an entity of its own. Through the alias table an organisation every name of
 * which is the short form of exactly one other organisation's name joins it (entities.short-form-join). One pass over
 * the organisations' names builds the table, one over the clusters looks each up.
 */
function joinShortForms(doc: Doc, clusters: Cluster[], pending: PendingAlias[]): Cluster[] {
  if (!shortFormJoin.enabled) return clusters;
  const table = new AliasTable<Cluster>();
  // each organisation mention's words, made once: the table is built from them and every cluster is keyed by them
  const wordsOf = new Map<Mention, string[]>();
  for (const c of clusters) {
    if (c.type !== 'ORG') continue;
    for (const m of c.mentions) {
      const words = mentionWords(doc, m);
      wordsOf.set(m, words);
      const span = shortFormSpan(words, 0, words.length);
      if (span) table.add(words.slice(span[0], span[1]).join(' '), c, 'short-form', m);
    }
  }
  if (table.size === 0) return clusters;
  const joined = new Set<Cluster>();
  for (const c of clusters) {
    if (c.type !== 'ORG') continue;
    let key: string | undefined;
    for (const m of c.mentions) {
      const k = (wordsOf.get(m) ?? mentionWords(doc, m)).join(' ');
      if (key === undefined) key = k;
      else if (k !== key) {
        key = undefined;
        break;
      }
    }
    const by = key === undefined ? undefined : table.lookup(key);
    if (!by) continue;
    // exactly one organisation gives the short form ("Mozilla" of the Mozilla Foundation and the Mozilla Corporation: none)
    if (by.size !== 1) continue;
    const [to, full] = [...by][0];
    if (to === c || joined.has(to)) continue;
    for (const m of c.mentions) {
      to.mentions.push(m);
      shortFormJoin.fired(m.start, m.end);
      pending.push({ short: m, full: { start: full.start, end: full.end, text: full.text }, reason: 'short-form', rule: shortFormJoin });
    }
    to.best = Math.max(to.best, c.best);
    joined.add(c);
  }
  return joined.size ? clusters.filter((c) => !joined.has(c)) : clusters;
}

/**
 * One word typed a person in one sentence and an organisation in another is one organisation:
 * "human rights group Viasna said … Viasna's head, Ales Bialiatski" (a possessive makes a name
 * look like a person's). Places are left alone: "Jordan" the country and "Jordan" the person
 * can meet in one story.
 */
function mergeSameName(clusters: Cluster[]): Cluster[] {
  if (!sameNameOrg.enabled) return clusters;
  const orgs = new Map<string, Cluster>();
  for (const c of clusters) {
    if (c.type !== 'ORG') continue;
    for (const m of c.mentions) orgs.set(nameTokens(m.text).join(' ').replace(/^the /, ''), c);
  }
  if (orgs.size === 0) return clusters;
  const merged = new Set<Cluster>();
  for (const c of clusters) {
    if (c.type !== 'PERSON' || c.mentions.some((m) => nameTokens(m.text).length !== 1)) continue;
    const org = orgs.get(nameTokens(c.mentions[0].text)[0]);
    if (!org || c.mentions.some((m) => m.roles?.length)) continue;
    for (const m of c.mentions) org.mentions.push(m);
    org.best = Math.max(org.best, c.best);
    merged.add(c);
    sameNameOrg.fired(c.mentions[0].start, c.mentions[0].end);
  }
  return merged.size ? clusters.filter((c) => !merged.has(c)) : clusters;
}

/** The fullest name: most name words, then the longest text. */
function fullestName(mentions: Mention[]): string {
  const names = mentions.filter((m) => m.kind === 'name');
  const pool = names.length ? names : mentions;
  return pool.slice().sort((a, b) => (nameTokens(b.text).length - nameTokens(a.text).length) || (b.text.length - a.text.length) || (a.start - b.start))[0].text;
}

/** Prepositions after which a lone capitalised word is read as a place ("to Paris", "in Jordan"). */
const PLACE_PREPOSITIONS = set('function-words', { uses: 'ner-place-prep' });

/** "Felizeberto Nice, director general of …": a multi-word place name apposed to a bare role noun is a person. */
function apposedRolesArePeople(doc: Doc, names: Mention[]): void {
  const toks = doc.tokens;
  for (const m of names) {
    if ((m.type !== 'GPE' && m.type !== 'LOC') || nameTokens(m.text).length < 2) continue;
    const after = doc.tokenAt(m.end);
    const comma = toks[after];
    if (!comma || comma.start < m.end || comma.text !== ',') continue;
    // the role noun, after at most one lower-case modifier ("deputy director", "chief spokesman")
    for (let k = after + 1; k <= after + 2 && k < toks.length && toks[k].sentence === comma.sentence; k++) {
      const w = toks[k].text;
      if (!/^\p{Ll}+$/u.test(w)) break;
      const r = roleOf(w);
      if (r && !r.plural && ['occupation', 'position'].includes(r.cls)) {
        m.type = 'PERSON';
        apposedRolePerson.fired(m.start, m.end);
        break;
      }
    }
  }
}

/**
 * "Valeska Paris … Paris said": news names a person in full, then by surname, and a surname that is
 * also a city or an organisation ("Paris", "Nasrallah" in the actor lists) is typed so where it stands
 * alone. A one-word name of another type that is the last word of a person's full name named earlier
 * in the article is that person — unless a place preposition governs it ("she moved to Paris").
 */
function surnamesStayPeople(doc: Doc, names: Mention[]): void {
  const firstBySurname = new Map<string, number>();
  for (const m of names) {
    if (m.type !== 'PERSON') continue;
    const words = nameTokens(m.text);
    if (words.length < 2) continue;
    const last = words[words.length - 1];
    firstBySurname.set(last, Math.min(firstBySurname.get(last) ?? Infinity, m.start));
  }
  if (firstBySurname.size === 0) return;
  for (const m of names) {
    if (m.type === 'PERSON') continue;
    const words = nameTokens(m.text);
    if (words.length !== 1 || !((firstBySurname.get(words[0]) ?? Infinity) < m.start)) continue;
    const before = doc.tokens[doc.tokenAt(m.start) - 1];
    // ("according to Nice" cites a source: the "to" is no place preposition there)
    const cites = before?.text.toLowerCase() === 'to' && doc.tokens[doc.tokenAt(m.start) - 2]?.text.toLowerCase() === 'according';
    if (before && PLACE_PREPOSITIONS.has(before.text.toLowerCase()) && !cites) continue;
    m.type = 'PERSON';
    surnameNotPlace.fired(m.start, m.end);
  }
}

/** Lower-case words before a place name that make a place of its own ("east Jerusalem"), lexicon place-modifiers. */
const COMPASS_WORDS = set('place-modifiers', { kind: 'compass' });
const PLACE_TYPES: ReadonlySet<string> = new Set(['GPE', 'LOC']);

/**
 * "east Jerusalem": a compass point written lower-case right before a place name is the name's
 * first word (East Jerusalem is a place of its own, as "south Wales" and "west Africa" are), so
 * the mention does not join the bare place's identity. One look at the token before each name.
 */
function compassPlacesApart(doc: Doc, names: Mention[]): void {
  const toks = doc.tokens;
  let lastEnd = -1;
  for (const m of names) {
    const first = doc.tokenAt(m.start);
    const prevEnd = lastEnd;
    lastEnd = Math.max(lastEnd, m.end);
    if (!m.type || !PLACE_TYPES.has(m.type) || first < 1) continue;
    const before = toks[first - 1];
    if (before.sentence !== toks[first].sentence || before.end + 1 !== m.start || before.start < prevEnd) continue;
    if (!/^\p{Ll}/u.test(before.text) || !COMPASS_WORDS.has(before.text)) continue;
    compassPlaceApart.fired(before.start, m.end);
    m.start = before.start;
    m.text = doc.text.slice(m.start, m.end);
  }
}

export const entitiesStage: Stage = {
  name: 'entities',
  requires: ['tokens', 'sentences'], uses: ['mentions.model', 'mentions.rules', 'tags', 'parse'], provides: ['entities', 'aliases'],
  run(doc: Doc) {
    // when the trained recogniser has run, a weak rule guess it did not confirm is dropped
    const modelRan = doc.mentions.some((m) => m.source === 'model');
    // a weak rule guess the model did not confirm is kept only with place context ("the Umm Badda area")
    const weakRuleGuess = (m: Mention) => modelRan && m.source === 'rules' && (m.score ?? 0.5) < MIN_STANDALONE_SCORE;
    // the model's one-word names by their text, to confirm a weak guess of the same word elsewhere
    // (null: the model named the word with two types, "Stardust" the mission and the craft: no reading to carry)
    const modelWords = new Map<string, EntityType | null>();
    // characters inside a model name (a guess there is the model's to settle, not this rule's)
    const inModel = new Uint8Array(modelNameRecurs.enabled && modelRan ? doc.text.length : 0);
    const modelAt = (m: Mention) => {
      for (let c = m.start; c < m.end; c++) if (inModel[c]) return true;
      return false;
    };
    if (modelNameRecurs.enabled) {
      for (const m of doc.mentions) {
        if (m.source !== 'model' || m.kind !== 'name') continue;
        inModel.fill(1, m.start, m.end);
        if (/\s/.test(m.text)) continue;
        // a word the model named just before another capitalised word, a number or a hyphen ("CentOS Linux 8",
        // "the SpaceX Crew Dragon") is a fragment of a longer name it cut: no reading of the word alone
        if (NAME_CONTINUES.test(doc.text.slice(m.end, m.end + 4))) continue;
        const had = modelWords.get(m.text);
        modelWords.set(m.text, had === undefined || had === m.type ? (m.type as EntityType) : null);
      }
    }
    const names = settleMentions(doc.mentions.filter((m) => {
      if (m.kind !== 'name') return false;
      if (!weakRuleGuess(m)) return true;
      const seen = modelWords.get(m.text);
      if (seen && !modelAt(m)) {
        m.type = seen;
        modelNameRecurs.fired(m.start, m.end);
        return true;
      }
      if (!placeContextGuess.enabled || !placeContext(doc, m)) return false;
      placeContextGuess.fired(m.start, m.end);
      return true;
    }));
    if (apposedRolePerson.enabled) apposedRolesArePeople(doc, names);
    if (surnameNotPlace.enabled) surnamesStayPeople(doc, names);
    retypeByContext(doc, names);
    if (compassPlaceApart.enabled) compassPlacesApart(doc, names);
    const pending: PendingAlias[] = [];
    const clusters = joinShortForms(doc, mergeSameName(linkAcronyms(doc, clusterNames(names), pending)), pending);
    const firstStart = new Map(clusters.map((c) => [c, c.mentions.reduce((min, m) => Math.min(min, m.start), Infinity)]));
    clusters.sort((a, b) => firstStart.get(a)! - firstStart.get(b)!);
    // packedMap: every later stage reads doc.entities; one elements kind keeps their optimised code (src/packed.ts)
    doc.entities = packedMap(clusters, (c, i): Entity => {
      const id = `e${i + 1}`;
      const mentions = packedMap(c.mentions.sort((a, b) => a.start - b.start), (m) => ({ ...m, type: c.type, entity: id }));
      return { id, type: c.type, name: fullestName(mentions), mentions };
    });
    doc.mentions = doc.entities.flatMap((e) => e.mentions).sort((a, b) => a.start - b.start);
    // the alias table: each short form the stage joined to its organisation, with the full name it stands for
    if (pending.length) {
      // (by the short form's mention: a cluster an alias joined may itself have joined another since)
      const ids = new Map<Mention, string>();
      clusters.forEach((c, i) => {
        for (const m of c.mentions) ids.set(m, `e${i + 1}`);
      });
      doc.aliases = pending.map(({ short, full, reason, rule }) => ({ start: short.start, end: short.end, text: short.text, entity: ids.get(short), full, reason, rule: rule.id }));
    }
  },
};
