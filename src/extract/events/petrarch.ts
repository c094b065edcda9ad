/**
 * Readers for PETRARCH2's dictionary formats (see petrarch2/docs/dictionaries.rst):
 * the verb-pattern dictionary (CAMEO.2.0.txt, PETR.Validate.verbs.txt), and the actor and
 * agent dictionaries (used by the evaluation against PETRARCH's unit-test records).
 *
 * The verb dictionary becomes a VerbLexicon: verb lemma → verb entries (the block it belongs to,
 * its own code, multi-word particles), blocks → ordered patterns, synsets → phrases. Patterns
 * keep PETRARCH's shape: words before the verb, words after it, and the CAMEO code.
 */

/** One element of a pattern: a word, a synset reference, or an actor marker ($ source, + target). */
export type PatternItem =
  | { w: string; adj?: true }
  | { syn: string; adj?: true }
  | { mark: '$' | '+' | '^' | '%'; prep?: string };

export interface VerbPattern {
  pre: PatternItem[];
  post: PatternItem[];
  /** CAMEO code, or null for PETRARCH's null code `---` (the phrase is not an event) */
  code: string | null;
  /** number of words the pattern needs: more specific patterns win */
  weight: number;
}

export interface VerbEntry {
  /** index into VerbLexicon.blocks */
  block: number;
  /** the verb's own code ([…] after it), undefined when it takes the block's */
  code?: string | null;
  /** words that must stand right before / after the verb (multi-word verbs: WIRE_+TAP, +ASK_FOR) */
  before?: string[];
  after?: string[];
}

export interface VerbBlock {
  name: string;
  code: string | null;
  patterns: VerbPattern[];
}

export interface VerbLexicon {
  /** upper-case lemma → entries (several when a lemma heads several multi-word verbs) */
  verbs: Record<string, VerbEntry[]>;
  /** irregular inflected form → lemma, from the {…} lists */
  forms: Record<string, string>;
  blocks: VerbBlock[];
  /** synset name (without &) → phrases, each an array of upper-case words */
  synsets: Record<string, string[][]>;
}

/** Parse a CAMEO code field like `[042:043]`, `[:173]`, `[---]`. */
export function parseCode(field: string): string | null {
  const inner = field.replace(/^\[|\]$/g, '').trim();
  const parts = inner.split(':').map((s) => s.trim()).filter((s) => s.length > 0);
  const code = parts[0];
  if (!code || /^-+$/.test(code)) return null;
  return code;
}

function stripComment(line: string): string {
  const hash = line.indexOf('#');
  return (hash >= 0 ? line.slice(0, hash) : line).replace(/\s+$/, '');
}

/** Split a pattern half into items; `_` joins words that must be consecutive. */
function patternItems(text: string, synsets: Record<string, string[][]>): PatternItem[] {
  const items: PatternItem[] = [];
  // parentheses and braces only group words; the prepositional phrase's first word is the preposition
  const chunks = text.replace(/[(){}]/g, (c) => (c === '(' ? ' ( ' : c === ')' ? ' ) ' : ' ')).split(/\s+/).filter(Boolean);
  let lastPrep: string | undefined;
  let parenStart = false;
  for (const chunk of chunks) {
    if (chunk === '(') { parenStart = true; continue; }
    if (chunk === ')') { lastPrep = undefined; continue; }
    const words = chunk.split('_').filter(Boolean);
    words.forEach((w, k) => {
      const adj = k > 0 ? true : undefined;
      if (w === '$' || w === '+' || w === '^' || w === '%') {
        items.push({ mark: w, ...(lastPrep ? { prep: lastPrep } : {}) });
      } else if (w.startsWith('&')) {
        const name = w.slice(1);
        if (!synsets[name]) return; // PETRARCH ignores patterns with undefined synsets; we drop the item
        items.push(adj ? { syn: name, adj } : { syn: name });
      } else {
        items.push(adj ? { w, adj } : { w });
      }
      if (parenStart) { lastPrep = w; parenStart = false; }
    });
  }
  return items;
}

function weightOf(items: PatternItem[], synsets: Record<string, string[][]>): number {
  let n = 0;
  for (const it of items) {
    if ('w' in it) n += 1;
    else if ('syn' in it) n += synsets[it.syn]?.[0]?.length ?? 1;
    else if (it.mark === '+' || it.mark === '$') n += 0.5;
  }
  return n;
}

/** Read a PETRARCH verb dictionary (CAMEO.2.0.txt format). */
export function parseVerbDictionary(text: string): VerbLexicon {
  const lex: VerbLexicon = { verbs: {}, forms: {}, blocks: [], synsets: {} };
  let synset: string | null = null;
  let block: VerbBlock | null = null;
  let blockIndex = -1;
  const addVerb = (spec: string, irregular: string | undefined, code: string | null | undefined) => {
    const words = spec.split('_').filter(Boolean);
    let vi = words.findIndex((w) => w.startsWith('+'));
    if (vi < 0) vi = 0;
    const lemma = words[vi].replace(/^\+/, '');
    if (!lemma || !/^[A-Z]/.test(lemma)) return;
    const entry: VerbEntry = { block: blockIndex };
    if (code !== undefined) entry.code = code;
    if (vi > 0) entry.before = words.slice(0, vi);
    if (vi < words.length - 1) entry.after = words.slice(vi + 1).map((w) => w.replace(/^\+/, ''));
    (lex.verbs[lemma] ??= []).push(entry);
    if (irregular) {
      for (const form of irregular.split(/\s+/).filter(Boolean)) {
        const fw = form.split('_').filter(Boolean);
        const verbWord = (fw.find((w) => w.startsWith('+')) ?? fw[0] ?? '').replace(/^\+/, '');
        if (verbWord && verbWord !== lemma && !lex.forms[verbWord]) lex.forms[verbWord] = lemma;
      }
    }
  };
  for (const raw of text.split(/\r?\n/)) {
    if (raw.startsWith('<')) continue; // <!-- … --> comment lines in the validation files
    const line = stripComment(raw).trim();
    if (!line) continue;
    if (line.startsWith('~')) continue; // transformations: not used
    if (line.startsWith('&')) {
      synset = line.slice(1).split(/\s+/)[0].replace(/_$/, '');
      lex.synsets[synset] ??= [];
      continue;
    }
    if (line.startsWith('+') && synset) {
      const phrase = line.slice(1).trim();
      const members = lex.synsets[synset];
      if (phrase.startsWith('&')) {
        // a nested synset: copy its phrases
        for (const p of lex.synsets[phrase.slice(1).replace(/_$/, '')] ?? []) members.push(p);
      } else {
        members.push(phrase.replace(/_$/, '').split(/[_\s]+/).filter(Boolean));
      }
      continue;
    }
    synset = null;
    if (line.startsWith('---')) {
      const m = /^---\s*(.*?)\s*(\[[^\]]*\])?\s*-*\s*$/.exec(line);
      const name = (m?.[1] ?? '').replace(/-+$/, '').trim();
      const code = m?.[2] ? parseCode(m[2]) : null;
      block = { name, code, patterns: [] };
      lex.blocks.push(block);
      blockIndex = lex.blocks.length - 1;
      continue;
    }
    if (!block) continue;
    if (line.startsWith('-')) {
      const m = /^-\s*(.*?)\s*(\[[^\]]*\])\s*$/.exec(line);
      if (!m) continue;
      let body = m[1];
      // "IN_*" / "*_OUT": words glued to the verb
      body = body.replace(/_\*/g, ' *').replace(/\*_/g, '* ');
      const star = body.indexOf('*');
      const preText = star >= 0 ? body.slice(0, star) : '';
      const postText = star >= 0 ? body.slice(star + 1) : body;
      const pre = patternItems(preText, lex.synsets);
      const post = patternItems(postText, lex.synsets);
      if (pre.length === 0 && post.length === 0) continue;
      block.patterns.push({ pre, post, code: parseCode(m[2]), weight: weightOf(pre, lex.synsets) + weightOf(post, lex.synsets) });
      continue;
    }
    // a verb line: SPEC {IRREGULAR FORMS} [CODE]
    const m = /^(\S+)\s*(?:\{([^}]*)\})?\s*(\[[^\]]*\])?/.exec(line);
    if (!m) continue;
    addVerb(m[1], m[2], m[3] !== undefined ? parseCode(m[3]) : undefined);
  }
  return lex;
}

/** An actor or agent phrase: upper-case words, and whether the last word must match whole. */
export interface DictPhrase {
  words: string[];
  /** TABARI/PETRARCH: a phrase ending in `_` must end at a word boundary; otherwise it is a stem */
  exact: boolean;
  /** default code; `A/B/C` names several actors at once */
  code: string;
  /** date-restricted codes: [code, first day, last day] as YYYYMMDD numbers */
  dated?: [string, number, number][];
}

/** YYYYMMDD or YYMMDD (TABARI: YY < 30 is 20YY) as a YYYYMMDD number. */
function dictDate(d: string): number {
  const x = d.trim();
  if (x.length === 6) return Number((Number(x.slice(0, 2)) < 30 ? '20' : '19') + x);
  return Number(x);
}

/** The code a phrase has on a date (YYYYMMDD number), following its date restrictions. */
export function codeOn(p: DictPhrase, date: number | null): string {
  if (p.dated && date !== null) for (const [code, lo, hi] of p.dated) if (date >= lo && date <= hi) return code;
  return p.code;
}

/** Read a PETRARCH actor dictionary: primary phrases, `+` synonyms, tab-indented [CODE date] lines. */
export function parseActorDictionary(text: string): DictPhrase[] {
  const out: DictPhrase[] = [];
  let group: { phrases: string[]; code: string | null; dated: [string, number, number][] } | null = null;
  const flush = () => {
    if (group) {
      const code = group.code ?? group.dated.find((d) => d[1] === 0 && d[2] === 99999999)?.[0] ?? group.dated[0]?.[0];
      if (code) for (const p of group.phrases) out.push({ ...phraseOf(p, code), ...(group.dated.length ? { dated: group.dated } : {}) });
    }
    group = null;
  };
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trimStart().startsWith('<')) continue;
    const line = raw.replace(/[#;].*$/, '').replace(/\s+$/, '');
    if (!line.trim()) continue;
    const t = line.trim();
    if (/^\s/.test(line) && t.startsWith('[')) {
      const m = /^\[\s*(\S+)\s*([^\]]*)\]/.exec(t);
      if (!m || !group) continue;
      const code = m[1];
      const r = m[2].replace(/\s+/g, '');
      let lo = 0;
      let hi = 99999999;
      if (r.startsWith('<')) hi = dictDate(r.slice(1)) - 1;
      else if (r.startsWith('>')) lo = dictDate(r.slice(1)) + 1;
      else if (r.includes('-')) { const [a, b] = r.split('-'); lo = dictDate(a); hi = dictDate(b); }
      group.dated.push([code, lo, hi]);
      continue;
    }
    if (t.startsWith('+')) {
      const m = /^\+(\S+)\s*(\[[^\]]*\])?/.exec(t);
      if (m && group) {
        group.phrases.push(m[1]);
        if (m[2] && !group.code) group.code = parseCode(m[2]);
      }
      continue;
    }
    flush();
    const m = /^(.+?)\s*(\[[^\]]*\])?\s*$/.exec(t);
    if (!m) continue;
    group = { phrases: [m[1].trim().replace(/\s+/g, '_')], code: m[2] ? parseCode(m[2]) : null, dated: [] };
  }
  flush();
  return out;
}

function phraseOf(spec: string, code: string): DictPhrase {
  const exact = spec.endsWith('_');
  const words = spec.replace(/_+$/, '').split(/[_\s]+/).filter(Boolean).map((w) => w.toUpperCase());
  return { words, exact, code };
}

/**
 * Read a PETRARCH agent dictionary: `PHRASE {PLURAL} [~CODE]` (code after the actor's) or
 * `[CODE~]` (before it); `!X! = A, B` substitution markers.
 */
export function parseAgentDictionary(text: string): DictPhrase[] {
  const out: DictPhrase[] = [];
  const subs: Record<string, string[]> = {};
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trimStart().startsWith('<')) continue;
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const sub = /^!(\w+)!\s*=\s*(.*)$/.exec(line);
    if (sub) { subs[sub[1]] = sub[2].split(',').map((s) => s.trim()).filter(Boolean); continue; }
    const m = /^(\S+)\s*(?:\{([^}]*)\})?\s*\[\s*([^\]]*)\]/.exec(line);
    if (!m) continue;
    const code = m[3].trim().replace(/\s+/g, '');
    const specs = [m[1]];
    const plural = m[2];
    for (const spec of specs.slice()) {
      const marker = /!(\w+)!/.exec(spec);
      if (marker && subs[marker[1]]) {
        specs.splice(specs.indexOf(spec), 1, ...subs[marker[1]].map((s) => spec.replace(marker[0], s)));
      }
    }
    for (const spec of specs) {
      out.push(phraseOf(spec, code));
      if (plural === undefined) {
        const base = spec.replace(/_+$/, '');
        const pl = /Y$/.test(base) ? base.slice(0, -1) + 'IES' : /SS$/.test(base) ? base + 'ES' : base + 'S';
        out.push(phraseOf(pl, code));
      } else if (plural.trim()) {
        for (const p of plural.trim().split(/\s+/)) out.push(phraseOf(p, code));
      }
    }
  }
  return out;
}
