/**
 * Builds models/gazetteer/gazetteer.json: names with entity types for the rule-based recogniser.
 *  - GPE: the country blocks of PETRARCH2's Phoenix.Countries.actors.txt (countries, variants, cities);
 *  - NORP: nationality adjectives (our own list, checked against the country blocks);
 *  - PERSON / ORG: named actors in the Phoenix dictionaries, typed by whether the first word is a
 *    given name seen in person annotations of UNER-EWT and GUM;
 *  - given names: first tokens of multi-word person names in UNER-EWT train and GUM.
 * Run: npm run build:gazetteer (reads ../shared/data; the output is committed).
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { DEMONYMS, EXTRA_GPE, EXTRA_LOC } from '../src/extract/gazetteer-lists.js';
import { assertFrozen, checksums } from '../src/lexicon/index.js';
import { isCountryBlock } from './ner-gazetteer.js';

/** The lexicon lists the build adds (lexicon/en/gazetteer-extra.tsv), frozen in the manifest. */
const LISTS = ['gazetteer-extra[class=demonym]', 'gazetteer-extra[class=gpe]', 'gazetteer-extra[class=loc]'];

const DATA = process.env.CHRONICLE_DATA ?? join(process.cwd(), '../shared/data');
const DICT = join(DATA, 'petrarch2/dictionaries');

const INSTITUTION = /\b(ASSEMBLY|COUNCIL|MINISTRY|MINISTER|SERVICE|PARTY|ARMY|FORCES?|GOVERNMENT|PARLIAMENT|COURT|POLICE|BANK|COMMITTEE|COMMISSION|OFFICE|AGENCY|UNIVERSITY|FRONT|MOVEMENT|ORGANI[SZ]ATION|UNION|LEAGUE|BRIGADES?|GROUP|CONGRESS|SENATE|DEPARTMENT|REPUBLIC|KINGDOM|STATES|EMIRATES|FEDERATION|NATIONS|PRESIDENT|CHAIRMAN|SECRETARY|GUARD|NAVY|AIR|PRESIDENCY|CABINET|KREMLIN|REGIME|JUNTA|DUMA|CORPS|COALITION|ALLIANCE|COMPANY|CORPORATION|AUTHORITY|COUNCIL)\b/;

function clean(raw: string): string | null {
  let s = raw.replace(/#.*$/, '').replace(/\[.*$/, '').replace(/^\+/, '').trim();
  s = s.replace(/[\x1a]/g, '').replace(/_+$/, '').replace(/\(.*?\)/g, '').trim();
  if (!s || /[!{}<>=~]/.test(s)) return null;
  const words = s.split('_').filter(Boolean);
  if (words.length === 0 || words.length > 6) return null;
  return words.join(' ').toLowerCase();
}

interface Block { names: string[]; codes: string[] }

function blocks(file: string): Block[] {
  const out: Block[] = [];
  let cur: Block | null = null;
  for (const line of readFileSync(file, 'latin1').split('\n')) {
    if (/^\s*#/.test(line) || line.trim() === '') continue;
    if (/^\s+\[/.test(line)) {
      if (cur) cur.codes.push(...[...line.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1].trim()));
      continue;
    }
    if (line.startsWith('+')) {
      if (cur) cur.names.push(line);
      continue;
    }
    cur = { names: [line], codes: [...line.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1].trim()) };
    out.push(cur);
  }
  return out;
}

function conlluPersonNames(): string[][] {
  const names: string[][] = [];
  // UNER: IOB2 lines "id\tform\ttag"
  const uner = readFileSync(join(DATA, 'uner-ewt/en_ewt-ud-train.iob2'), 'utf8').split('\n');
  let cur: string[] = [];
  for (const line of uner) {
    const cols = line.split('\t');
    if (cols.length >= 3 && /^\d+$/.test(cols[0])) {
      const tag = cols[2];
      if (tag === 'B-PER') { if (cur.length) names.push(cur); cur = [cols[1]]; }
      else if (tag === 'I-PER' && cur.length) cur.push(cols[1]);
      else { if (cur.length) names.push(cur); cur = []; }
    } else { if (cur.length) names.push(cur); cur = []; }
  }
  // GUM: Entity=(...-person-...-Wikipedia_or_proper) spans; take proper-noun runs inside person entities
  const gumDir = join(DATA, 'gum/dep');
  for (const f of readdirSync(gumDir).filter((x) => x.endsWith('.conllu'))) {
    let run: string[] = [];
    let open = 0;
    for (const line of readFileSync(join(gumDir, f), 'utf8').split('\n')) {
      const c = line.split('\t');
      if (c.length < 10 || !/^\d+$/.test(c[0])) { if (run.length) names.push(run); run = []; continue; }
      const ent = /Entity=([^|]*)/.exec(c[9])?.[1] ?? '';
      const opens = (ent.match(/\(\d*-?person/g) ?? []).length;
      open += opens;
      if (open > 0 && c[4].startsWith('NNP')) run.push(c[1]);
      else if (run.length) { names.push(run); run = []; }
      const closes = (ent.match(/\d+\)/g) ?? []).length;
      if (closes && open > 0) open = Math.max(0, open - closes);
    }
  }
  return names;
}

/** How often each word is written lower-case vs capitalised in EWT train and GUM. */
function wordCaseCounts(): Map<string, { lower: number; upper: number }> {
  const counts = new Map<string, { lower: number; upper: number }>();
  const files = [join(DATA, 'ud-ewt/en_ewt-ud-train.conllu'), ...readdirSync(join(DATA, 'gum/dep')).filter((f) => f.endsWith('.conllu')).map((f) => join(DATA, 'gum/dep', f))];
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const c = line.split('\t');
      if (c.length < 10 || !/^\d+$/.test(c[0]) || c[0] === '1') continue; // sentence-initial capitals say nothing
      const w = c[1];
      if (!/^\p{L}+$/u.test(w)) continue;
      const key = w.toLowerCase();
      const e = counts.get(key) ?? { lower: 0, upper: 0 };
      if (/^\p{Ll}/u.test(w)) e.lower++;
      else e.upper++;
      counts.set(key, e);
    }
  }
  return counts;
}

function main(): void {
  // built from other lists than the manifest names only when asked: `npm run build:gazetteer -- --relist`
  if (!process.argv.includes('--relist')) {
    try {
      assertFrozen((JSON.parse(readFileSync('models/gazetteer/manifest.json', 'utf8')) as { lexicon?: Record<string, string> }).lexicon, 'models/gazetteer');
    } catch (err) {
      console.error(`${err instanceof Error ? err.message : String(err)}\n(rebuild with the new lists on purpose: npm run build:gazetteer -- --relist)`);
      process.exit(1);
    }
  }
  const gpe = new Set<string>();
  const norp = new Set<string>(DEMONYMS.map((d) => d.toLowerCase()));
  const person = new Set<string>();
  const org = new Set<string>();
  const given = new Map<string, number>();

  for (const parts of conlluPersonNames()) {
    if (parts.length >= 2 && /^\p{Lu}\p{Ll}+$/u.test(parts[0])) given.set(parts[0].toLowerCase(), (given.get(parts[0].toLowerCase()) ?? 0) + 1);
  }

  // a demonym or a place is not a given name ("American Israeli Paper Mills")
  for (const d of norp) given.delete(d);
  for (const w of ['islamic', 'new', 'united', 'north', 'south', 'east', 'west', 'saint', 'san', 'los', 'las', 'el', 'al', 'de', 'la', 'le', 'st.', 'mount', 'lake', 'fort', 'port', 'general', 'president', 'dr.', 'mr.', 'mrs.', 'ms.']) given.delete(w);
  const countryBlocks = blocks(join(DICT, 'Phoenix.Countries.actors.txt'));
  // given names of office holders: blocks with dated codes ("[RUSGOV 20000507-20080507]") are people;
  // a first word seen in at least three such names is a given name
  const officeGiven = new Map<string, number>();
  for (const b of countryBlocks) {
    if (!b.codes.some((c) => /\d{6}/.test(c))) continue;
    const n = clean(b.names[0]);
    if (!n || INSTITUTION.test(n.toUpperCase())) continue;
    const w = n.split(' ');
    if (w.length >= 2 && w.length <= 4 && /^[a-z]{3,}$/.test(w[0])) officeGiven.set(w[0], (officeGiven.get(w[0]) ?? 0) + 1);
  }
  for (const [g, c] of officeGiven) if (c >= 3 && !norp.has(g)) given.set(g, Math.max(given.get(g) ?? 0, 2));
  const personish = (name: string) => {
    const w = name.split(' ');
    return w.length >= 2 && w.length <= 4 && given.has(w[0]) && !INSTITUTION.test(name.toUpperCase());
  };
  for (const b of countryBlocks) {
    const isCountry = isCountryBlock(b.codes);
    for (const raw of b.names) {
      const n = clean(raw);
      if (!n || n.length < 3) continue;
      if (isCountry) {
        if (norp.has(n)) continue;
        if (INSTITUTION.test(n.toUpperCase()) && !/\b(REPUBLIC|KINGDOM|STATES|EMIRATES|FEDERATION)\b/.test(n.toUpperCase())) continue;
        gpe.add(n);
      }
    }
    // institutions in the country file ("KREMLIN_ [RUSGOV]", "STATE_DUMA"): organisations
    if (!isCountry && b.codes.length) {
      const first = clean(b.names[0]);
      if (first && !personish(first) && INSTITUTION.test(b.names[0].toUpperCase()) === false && first.split(' ').length <= 3 && b.codes.every((c) => !/\d/.test(c)) && /GOV|LEG|MIL|JUD|COP|SPY|PTY/.test(b.codes.join(' '))) org.add(first);
    }
    // a person block: its primary name looks like a person; its one-word variants are surnames ("PUTIN_")
    const primary = clean(b.names[0]);
    if (!isCountry && primary && personish(primary)) {
      for (const raw of b.names) {
        const n = clean(raw);
        if (n && n.length >= 3 && !INSTITUTION.test(n.toUpperCase()) && !gpe.has(n)) person.add(n.replace(/^(president|prime minister|minister|general|king|sheikh) /, ''));
      }
    }
  }
  for (const file of ['Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt']) {
    for (const b of blocks(join(DICT, file))) {
      for (const raw of b.names) {
        const n = clean(raw);
        if (!n || n.length < 2) continue;
        if (personish(n)) person.add(n);
        else if (!/^(the|a|an)$/.test(n)) org.add(n.replace(/^the /, ''));
      }
    }
  }
  // keep given names seen at least twice (one-off tokens are often mis-annotations) that the
  // treebanks do not mostly write in lower case ("Magic", "Card" are words first)
  const caseCounts = wordCaseCounts();
  const givenNames = [...given].filter(([g, c]) => {
    const cc = caseCounts.get(g);
    if (cc && cc.lower > cc.upper) return false;
    return c >= 2;
  }).map(([g]) => g).sort();
  for (const g of EXTRA_GPE) gpe.add(g.toLowerCase());
  const loc = new Set(EXTRA_LOC.map((l) => l.toLowerCase()));
  for (const l of loc) gpe.delete(l);
  const out = {
    about: 'Names by entity type for the rule-based recogniser. Built by train/gazetteer.ts from PETRARCH2 Phoenix dictionaries (MIT, © 2014 Open Event Data Alliance), UNER English-EWT (CC BY-SA 4.0) and GUM (CC BY 4.0) person annotations, and our own nationality list.',
    GPE: [...gpe].sort(),
    NORP: [...norp].sort(),
    PERSON: [...person].sort(),
    ORG: [...org].filter((o) => !gpe.has(o)).sort(),
    LOC: [...loc].sort(),
    given: givenNames,
  };
  mkdirSync('models/gazetteer', { recursive: true });
  const json = JSON.stringify(out);
  writeFileSync('models/gazetteer/gazetteer.json', json);
  const manifest = {
    file: 'gazetteer.json',
    sha256: createHash('sha256').update(json).digest('hex'),
    counts: { GPE: out.GPE.length, NORP: out.NORP.length, PERSON: out.PERSON.length, ORG: out.ORG.length, given: out.given.length },
    sources: ['petrarch2 commit 676801cd (MIT)', 'UNER English-EWT train 0c7ce0d (CC BY-SA 4.0)', 'GUM train commit 72ce5ac (CC BY 4.0)'],
    command: 'npm run build:gazetteer',
    lexicon: checksums(LISTS),
  };
  writeFileSync('models/gazetteer/manifest.json', JSON.stringify(manifest, null, 2) + '\n');
  console.log(manifest.counts);
}

main();
