/**
 * eval:relations — how well the description finder (src/extract/roles/describe.ts, the basis
 * of family/position/membership relations and of role-based actor codes) recovers GUM's gold
 * appositions of people ("Fuad Basya, spokesman for the Indonesian military").
 *
 * GUM's entity layer links an appositive mention to its anchor with the link type `appos`.
 * We rebuild each document with gold tokens and gold entity mentions, remove the appositive
 * mentions themselves (so the system has to find them), run `describe`, and count:
 *   gold:      appos links whose anchor or appositive is a person name and whose other side is
 *              a nominal (a role phrase, not another name);
 *   predicted: descriptions attached to a person name by apposition (surface or parse);
 *   match:     same entity, and the description's span overlaps the gold appositive.
 * Run twice: tokens only (no parse), and with GUM's gold dependency parse.
 *
 * Usage: npm run eval:relations [-- --data ../shared/data/gum/dep] [--genres news,interview,...] [--show N]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Doc, type Entity, type EntityType, type Mention, type Token } from '../src/doc.js';
import { parseConllu, type ConlluSentence } from '../src/nlp/conllu.js';
import { describe } from '../src/extract/roles/describe.js';

const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const DATA = opt('data', join(process.cwd(), '../shared/data/gum/dep'));
const GENRES = opt('genres', 'news,interview,bio,voyage,academic,court').split(',');
const SHOW = Number(opt('show', '0'));

const TYPE_MAP: Record<string, EntityType> = {
  person: 'PERSON', organization: 'ORG', place: 'GPE', event: 'EVENT', object: 'PRODUCT', abstract: 'LAW', time: 'EVENT',
  substance: 'PRODUCT', animal: 'PRODUCT', plant: 'PRODUCT', quantity: 'EVENT',
};

interface GoldMention {
  entity: string;
  etype: string;
  first: number;
  last: number; // exclusive, doc-level token indices
  link: string;
  identity: string;
}

/** Parse the Entity= MISC values of a document into mentions. */
function goldMentions(sentences: ConlluSentence[]): GoldMention[] {
  const out: GoldMention[] = [];
  const open = new Map<string, GoldMention[]>();
  let base = 0;
  for (const s of sentences) {
    s.words.forEach((w, wi) => {
      const i = base + wi;
      const m = /(?:^|\|)Entity=([^|]+)/.exec(w.misc);
      if (!m) return;
      const v = m[1];
      let k = 0;
      while (k < v.length) {
        if (v[k] === '(') {
          let e = k + 1;
          while (e < v.length && v[e] !== '(' && v[e] !== ')') e++;
          const body = v.slice(k + 1, e);
          const f = body.split('-');
          const g: GoldMention = { entity: f[0], etype: f[1] ?? '', first: i, last: i + 1, link: f[6] ?? '', identity: f.slice(7).join('-') };
          out.push(g);
          if (v[e] === ')') e++;
          else {
            const list = open.get(g.entity) ?? [];
            list.push(g);
            open.set(g.entity, list);
          }
          k = e;
        } else {
          const c = /^(\d+)\)/.exec(v.slice(k));
          if (c) {
            const list = open.get(c[1]);
            const g = list?.pop();
            if (g) g.last = i + 1;
            k += c[0].length;
          } else k++;
        }
      }
    });
    base += s.words.length;
  }
  return out;
}

interface Built {
  doc: Doc;
  gold: { entity: string; anchor: GoldMention; appositive: GoldMention }[];
}

function buildDoc(name: string, sentences: ConlluSentence[], withParse: boolean): Built {
  let text = '';
  const tokens: Token[] = [];
  const sents: Doc['sentences'] = [];
  sentences.forEach((s, si) => {
    const tokenStart = tokens.length;
    const start = text.length;
    const offset = tokens.length;
    s.words.forEach((w) => {
      const t0 = text.length;
      text += w.form;
      const spaceAfter = !/SpaceAfter=No/.test(w.misc);
      tokens.push({
        i: tokens.length, start: t0, end: t0 + w.form.length, text: w.form, sentence: si, spaceAfter,
        ...(withParse ? { upos: w.upos, xpos: w.xpos, lemma: w.lemma, head: w.head > 0 ? offset + w.head - 1 : -1, deprel: w.deprel } : {}),
      });
      if (spaceAfter) text += ' ';
    });
    sents.push({ start, end: text.length, tokenStart, tokenEnd: tokens.length, paragraph: 0 });
    text += '\n';
  });
  const doc = new Doc({ id: name, text, published: null });
  doc.tokens = tokens;
  doc.sentences = sents;
  const mentions = goldMentions(sentences);
  const kindOf = (g: GoldMention): Mention['kind'] => {
    const toks = tokens.slice(g.first, g.last);
    const words = sentences.flatMap((s) => s.words).slice(g.first, g.last);
    if (words.length === 1 && (words[0].upos === 'PRON' || words[0].upos === 'DET')) return 'pronoun';
    if (g.identity || words.every((w) => w.upos === 'PROPN' || w.upos === 'PUNCT' || w.upos === 'DET' && w.form.toLowerCase() === 'the')) return 'name';
    void toks;
    return words.some((w) => w.upos === 'PROPN') && words.filter((w) => w.upos === 'PROPN').length >= words.length - 1 ? 'name' : 'nominal';
  };
  // gold person appositions: anchor = the previous mention of the entity
  const byEntity = new Map<string, GoldMention[]>();
  for (const g of mentions.slice().sort((a, b) => a.first - b.first || b.last - a.last)) {
    const list = byEntity.get(g.entity) ?? [];
    list.push(g);
    byEntity.set(g.entity, list);
  }
  const gold: Built['gold'] = [];
  const hidden = new Set<GoldMention>();
  for (const [id, list] of byEntity) {
    list.forEach((g, k) => {
      if (g.link !== 'appos' || k === 0 || g.etype !== 'person') return;
      const anchor = list[k - 1];
      const kinds = [kindOf(anchor), kindOf(g)];
      // one side a name, the other a description
      if (!(kinds.includes('name') && kinds.includes('nominal'))) return;
      const [nameSide, roleSide] = kinds[0] === 'name' ? [anchor, g] : [g, anchor];
      gold.push({ entity: id, anchor: nameSide, appositive: roleSide });
      hidden.add(roleSide);
    });
  }
  for (const [id, list] of byEntity) {
    const etype = list[0].etype;
    const ms: Mention[] = [];
    for (const g of list) {
      if (hidden.has(g)) continue;
      const kind = kindOf(g);
      if (kind === 'nominal' && etype === 'person') continue; // nominals are what we look for
      ms.push({ start: tokens[g.first].start, end: tokens[g.last - 1].end, text: text.slice(tokens[g.first].start, tokens[g.last - 1].end), kind, type: TYPE_MAP[etype] ?? 'ORG', entity: id });
    }
    if (!ms.length) continue;
    const nameM = ms.find((m) => m.kind === 'name') ?? ms[0];
    const e: Entity = { id, type: TYPE_MAP[etype] ?? 'ORG', name: nameM.text, mentions: ms };
    doc.entities.push(e);
  }
  return { doc, gold };
}

function run(withParse: boolean) {
  const files = readdirSync(DATA).filter((f) => f.endsWith('.conllu') && GENRES.some((g) => f.startsWith(`GUM_${g}_`)));
  let gold = 0;
  let pred = 0;
  let hit = 0;
  let predHit = 0;
  const misses: string[] = [];
  const falses: string[] = [];
  const t0 = performance.now();
  let tokens = 0;
  for (const f of files) {
    const sentences = parseConllu(readFileSync(join(DATA, f), 'utf8'));
    const { doc, gold: g } = buildDoc(f, sentences, withParse);
    tokens += doc.tokens.length;
    // appositions proper, and "his brother Pierre" (a possessed role right before the name),
    // which GUM also links as appos; ages are not mentions in GUM
    const descs = describe(doc).filter((d) => d.name && doc.entityById(d.entity)?.type === 'PERSON' && d.phrase.head &&
      (d.via === 'appos' || d.via === 'parse' || (d.via === 'title' && d.phrase.possessor !== null)));
    pred += descs.length;
    gold += g.length;
    const overlaps = (d: (typeof descs)[number], x: (typeof g)[number]) =>
      d.entity === x.entity && d.phrase.from < x.appositive.last && d.phrase.to > x.appositive.first;
    for (const x of g) {
      if (descs.some((d) => overlaps(d, x))) hit++;
      else misses.push(`${f}: ${doc.text.slice(doc.tokens[Math.min(x.anchor.first, x.appositive.first)].start, doc.tokens[Math.max(x.anchor.last, x.appositive.last) - 1].end)}`);
    }
    // GUM sometimes keeps "name, role" as one mention: a description inside a gold mention of
    // the same entity that also covers the name is right too
    const all = goldMentions(sentences);
    const nested = (d: (typeof descs)[number]) => all.some((m) => m.entity === d.entity && m.first <= Math.min(d.name!.first, d.phrase.from) && m.last >= Math.max(d.name!.last, d.phrase.to));
    for (const d of descs) {
      if (g.some((x) => overlaps(d, x)) || nested(d)) predHit++;
      else falses.push(`${f}: ${doc.text.slice(d.start, d.end)} [${d.phrase.head?.role ?? (d.phrase.age !== null ? 'age' : 'place')}]`);
    }
  }
  const p = pred ? predHit / pred : 0;
  const r = gold ? hit / gold : 0;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  const ms = performance.now() - t0;
  console.log(`${withParse ? 'gold parse  ' : 'tokens only '}  docs ${files.length}  gold appositions ${gold}  predicted ${pred}  P ${(100 * p).toFixed(1)}  R ${(100 * r).toFixed(1)}  F1 ${(100 * f1).toFixed(1)}  (${(tokens / (ms / 1000) / 1000).toFixed(0)}k tokens/s)`);
  if (SHOW) {
    console.log('  missed:');
    for (const m of misses.slice(0, SHOW)) console.log(`    ${m}`);
    console.log('  not in gold:');
    for (const m of falses.slice(0, SHOW)) console.log(`    ${m}`);
  }
  return { p, r, f1 };
}

console.log(`GUM person appositions (${GENRES.join(', ')}), gold mentions, appositive mentions hidden`);
run(false);
run(true);
