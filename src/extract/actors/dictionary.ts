/**
 * Readers for the PETRARCH2 / Phoenix actor and agent dictionaries (formats in
 * petrarch2/docs/dictionaries.rst), producing the compact, normalised form that
 * train/build-actors.ts writes to models/actors/ and src/extract/actors/index.ts loads.
 *
 * Actor record:   PRIMARY_PHRASE [CODE]?  then +SYNONYM lines, then tab-indented
 *                 [CODE DATE] restrictions (DATE = <d, >d or d-d; d = YYMMDD or YYYYMMDD).
 * Agent record:   PHRASE {PLURAL…}? [~CODE] or [CODE~]; `_` joins consecutive words, a space
 *                 allows words in between; !MARKER! substitution sets expand first.
 */

/** One date-restricted code: applies when from <= date <= to (yyyymmdd numbers; 0 = open). */
export type CodeRule = [code: string, from: number, to: number];

/** One actor record: its phrases (normalised keys), default code and dated rules. */
export interface ActorRecord {
  /** normalised primary phrase */
  primary: string;
  /** index into the compiled `files` list */
  file: number;
  /** code used when no dated rule applies (null: none) */
  fallback: string | null;
  rules: CodeRule[];
  /** normalised synonyms (without the primary) */
  synonyms: string[];
}

/** One agent pattern: segments of consecutive words, gaps allowed between segments. */
export interface AgentRecord {
  /** e.g. "FOREIGN MINISTER" or "MINISTER|OF FOREIGN AFFAIRS" ('|' = words may come between) */
  pattern: string;
  /** the agent code without its tilde, e.g. "GOV" */
  code: string;
  /** true for `CODE~` (goes before the actor code, e.g. NGO~), false for `~CODE` */
  prefix: boolean;
}

/** Known repairs for characters lost upstream (0x1A where an accented letter was). */
const SUB_REPAIRS: Record<string, string> = { 'Z\x1aROUAL': 'ZEROUAL', 'STRASK\x1aY': 'STRASKY' };

/**
 * Normalise a phrase (dictionary or text) into upper-case words: accents dropped, periods
 * removed (U.N. → UN), quotes and brackets dropped, `_` and spaces as separators.
 */
export function normWords(raw: string): string[] {
  let s = raw;
  for (const [bad, good] of Object.entries(SUB_REPAIRS)) s = s.split(bad).join(good);
  s = s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[“”"«»„]/g, ' ')
    .replace(/\./g, '')
    .replace(/[^A-Z0-9'&\-]+/g, ' ');
  const out: string[] = [];
  for (let w of s.split(' ')) {
    w = w.replace(/^['\-]+|['\-]+$/g, '');
    if (w) out.push(w);
  }
  return out;
}

export function normKey(raw: string): string {
  return normWords(raw).join(' ');
}

/** Parse a restriction date (YYMMDD or YYYYMMDD) into yyyymmdd; two-digit years < 30 are 20xx. */
export function parseDictDate(d: string): number | null {
  const t = d.trim();
  if (/^\d{8}$/.test(t)) return Number(t);
  if (/^\d{6}$/.test(t)) {
    const yy = Number(t.slice(0, 2));
    return (yy < 30 ? 2000 + yy : 1900 + yy) * 10000 + Number(t.slice(2));
  }
  return null;
}

const CODE_RE = /^(?:[A-Z0-9]{3,}|---)$/;

/** Parse the inside of one `[...]` restriction. Returns null for malformed ones. */
export function parseRestriction(inner: string): { code: string | null; rule: CodeRule | null } | null {
  const m = /^\s*(\S+)\s*(.*)$/.exec(inner);
  if (!m) return null;
  const code = m[1].toUpperCase();
  if (!CODE_RE.test(code)) return null;
  const c = code === '---' ? null : code;
  const range = m[2].replace(/\s+/g, '');
  if (!range) return { code: c, rule: null };
  let from = 0;
  let to = 0;
  let r: RegExpExecArray | null;
  if ((r = /^<(\d+)$/.exec(range))) {
    const d = parseDictDate(r[1]);
    if (d === null) return null;
    to = d;
  } else if ((r = /^>(\d+)$/.exec(range))) {
    const d = parseDictDate(r[1]);
    if (d === null) return null;
    from = d;
  } else if ((r = /^(\d+)-(\d+)$/.exec(range))) {
    const a = parseDictDate(r[1]);
    const b = parseDictDate(r[2]);
    if (a === null || b === null) return null;
    from = a;
    to = b;
  } else return null;
  // a dated null code still blocks the default inside its range
  return { code: c, rule: [c ?? '---', from, to] };
}

function stripComment(line: string): string {
  const hash = line.indexOf('#');
  let s = hash >= 0 ? line.slice(0, hash) : line;
  const semi = s.indexOf(';');
  if (semi >= 0) s = s.slice(0, semi);
  return s;
}

/** Read one .actors file into records; `file` is the caller's index for the source file. */
export function parseActorFile(text: string, file: number): ActorRecord[] {
  const out: ActorRecord[] = [];
  let cur: (ActorRecord & { keys: Set<string> }) | null = null;
  const addBrackets = (rec: ActorRecord, body: string) => {
    for (const m of body.matchAll(/\[([^\]]*)\]/g)) {
      const r = parseRestriction(m[1]);
      if (!r) continue;
      if (r.rule) rec.rules.push(r.rule);
      else if (rec.fallback === null && r.code) rec.fallback = r.code;
    }
  };
  const flush = () => {
    if (cur && (cur.fallback || cur.rules.some((r) => r[0] !== '---'))) {
      out.push({ primary: cur.primary, file, fallback: cur.fallback, rules: cur.rules, synonyms: cur.synonyms });
    }
    cur = null;
  };
  for (const rawLine of text.split(/\r?\n/)) {
    const line = stripComment(rawLine);
    if (!line.trim()) continue;
    if (/^\s/.test(line)) {
      // restriction line (tab-indented in the format; spaces tolerated)
      if (cur) addBrackets(cur, line);
      continue;
    }
    const phrase = line.replace(/\[.*$/, '');
    const brackets = line.slice(phrase.length);
    if (line.startsWith('+')) {
      if (!cur) continue;
      const key = normKey(phrase.slice(1));
      if (key && !cur.keys.has(key)) {
        cur.keys.add(key);
        cur.synonyms.push(key);
      }
      if (brackets) addBrackets(cur, brackets);
      continue;
    }
    flush();
    const key = normKey(phrase);
    if (!key) continue;
    cur = { primary: key, file, fallback: null, rules: [], synonyms: [], keys: new Set([key]) };
    if (brackets) addBrackets(cur, brackets);
  }
  flush();
  return out;
}

/** Regular English plural of the last word, as the agents format describes. */
function pluralOf(word: string): string {
  if (/[^AEIOU]Y$/.test(word)) return word.slice(0, -1) + 'IES';
  if (/(SS|SH|CH|X)$/.test(word)) return word + 'ES';
  return word + 'S';
}

/** Read the agents file into patterns (singular and plural forms expanded). */
export function parseAgentFile(text: string): AgentRecord[] {
  const subs = new Map<string, string[]>();
  const out: AgentRecord[] = [];
  const seen = new Set<string>();
  const emit = (phrase: string, code: string, prefix: boolean) => {
    const segments = phrase
      .split(/\s+/)
      .map((seg) => normWords(seg).join(' '))
      .filter(Boolean);
    if (!segments.length) return;
    const pattern = segments.join('|');
    const k = `${pattern}\t${code}\t${prefix}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ pattern, code, prefix });
  };
  for (const rawLine of text.split(/\r?\n/)) {
    const line = stripComment(rawLine).trim();
    if (!line || line.startsWith('<!--')) continue;
    const sub = /^!(\w+)!\s*=\s*(.+)$/.exec(line);
    if (sub) {
      subs.set(sub[1].toUpperCase(), sub[2].split(',').map((x) => x.trim()).filter(Boolean));
      continue;
    }
    const codeM = /\[([^\]}]*)[\]}]/.exec(line);
    if (!codeM) continue;
    const codeRaw = codeM[1].trim().toUpperCase();
    const cm = /^(~)?([A-Z]{3,})(~)?$/.exec(codeRaw);
    if (!cm || (!cm[1] && !cm[3])) continue;
    const code = cm[2];
    const prefix = Boolean(cm[3]) && !cm[1];
    let head = line.slice(0, codeM.index);
    let plurals: string[] | null = null; // null: regular plural
    const pm = /\{([^}]*)\}/.exec(head);
    if (pm) {
      plurals = pm[1].split(/\s+/).filter(Boolean);
      head = head.slice(0, pm.index) + head.slice(pm.index + pm[0].length);
    }
    head = head.trim();
    if (!head) continue;
    const marker = /!(\w+)!/.exec(head);
    if (marker) {
      const list = subs.get(marker[1].toUpperCase());
      if (!list) continue;
      for (const x of list) emit(head.replace(marker[0], x), code, prefix);
      continue; // no plural formation with substitution sets
    }
    emit(head, code, prefix);
    if (plurals === null) {
      const m = /^(.*?)([A-Za-z]+)(_?)$/.exec(head);
      if (m && !/_$/.test(head)) emit(m[1] + pluralOf(m[2].toUpperCase()), code, prefix);
    } else for (const p of plurals) emit(p, code, prefix);
  }
  return out;
}

/** The compiled index written to models/actors/phoenix.json.gz. */
export interface CompiledActors {
  format: 'chronicle-actors/1';
  files: string[];
  /** [primary, file, fallback, rules, synonyms] */
  actors: [string, number, string | null, CodeRule[], string[]][];
  /** [pattern, code, prefix] */
  agents: [string, string, 0 | 1][];
}

export function compileActors(files: { name: string; text: string }[], agentText: string): CompiledActors {
  const actors: CompiledActors['actors'] = [];
  files.forEach((f, i) => {
    for (const r of parseActorFile(f.text, i)) actors.push([r.primary, r.file, r.fallback, r.rules, r.synonyms]);
  });
  const agents: CompiledActors['agents'] = parseAgentFile(agentText).map((a) => [a.pattern, a.code, a.prefix ? 1 : 0]);
  return { format: 'chronicle-actors/1', files: files.map((f) => f.name), actors, agents };
}
