/**
 * Self-training data for the recogniser (issue 13, fifteenth session): a fixed, seeded sample of the
 * Wikipedia pages of ../shared/data/unlabelled/news-en.jsonl.gz (its Wikinews part is left out: GUM's
 * news documents and the news sets are Wikinews) tagged by the current model pair through the real
 * pipeline (tokenize → parse → times → ner → names → entities), of which only confident sentences
 * are kept:
 *   - agreement: the recogniser's decoded names, the companion's decoded names and the pipeline's
 *     final name mentions in the sentence are the same spans with the same types (no rule changed
 *     anything, both models say the same);
 *   - margin: every token's Viterbi margin (best path score minus the best path through another tag
 *     at that token, max-marginals from a forward and a backward pass) is at least the threshold,
 *     under both models; the file keeps each sentence's smallest margin, the threshold is applied
 *     when the corpus is read (selectSelfTrain);
 *   - document consistency: every occurrence of a name's string in the page is that name with the
 *     same type (not untagged, not typed otherwise, not cut across), else no sentence holding it stays;
 *   - no capitalised word outside the names past the sentence's first word (hasUntaggedCapital: a name
 *     the pair may have missed would be taught as no name; applied when read, --self-train-untagged-caps
 *     keeps them).
 * `buildSelfTrain` writes every sentence that agrees and is consistent with its margin;
 * `selectSelfTrain` keeps those above the margin and mixes them as the labelled corpora are mixed:
 * every sentence with an organisation, and sentences with other names only and with no names at all in
 * the proportions of the gold training sentences, so the models are not taught to see more names.
 * Licence of the text: CC BY-SA 3.0 (Wikipedia contributors).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Pipeline } from '../src/pipeline.js';
import { tokenizeStage } from '../src/nlp/sentences.js';
import { parseStage } from '../src/nlp/parse-stage.js';
import { timesStage } from '../src/extract/times.js';
import { defaultModelDir, getNerModel, nerStage, useNerModel } from '../src/extract/ner.js';
import { namesStage } from '../src/extract/names.js';
import { entitiesStage } from '../src/extract/entities.js';
import { docCaps, sentenceView } from '../src/extract/ner-features.js';
import { BIO_TAGS, MODEL_FILES, loadNerModel, sentenceKeysOf, viterbi, type TagSet } from '../src/extract/ner-model.js';
import { seededRandom } from '../src/nlp/random.js';
import type { LabeledDoc, LabeledSentence } from './ner-data.js';

export const SELFTRAIN_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'train', 'data', 'ner-selftrain');

export interface SelfTrainOptions {
  /** Wikipedia pages in the sample */
  pages: number;
  /** seed of the sample (which pages) and of the mix (which sentences without organisations) */
  seed: number;
  /** smallest Viterbi margin a kept sentence may have, under both models */
  margin: number;
  /**
   * keep sentences with a capitalised word outside every name past the sentence's first word (a name the
   * pair may have missed, which training would then teach as no name); default false: they are left out
   */
  untaggedCaps?: boolean;
  /**
   * the model pair that tags the sample (a model directory); default the shipped pair. Cross-validation
   * should use a pair trained outside its pool (`train:ner --without-pool`), else the tags carry what the
   * shipped pair learnt from the documents a fold scores.
   */
  tagger?: string;
}

export const DEFAULT_SELFTRAIN: SelfTrainOptions = { pages: 400, seed: 13, margin: 4 };

/** A sentence the pair tagged and agreed on, with its smallest token margin. */
interface TaggedSentence {
  words: string[];
  tags: string[];
  margin: number;
}

interface SelfTrainFile {
  header: { pages: number; seed: number; corpusSha256: string; taggerSha256: Record<string, string>; sentences: number; agreeing: number; consistent: number; seconds: number; licence: string };
  docs: { id: string; sentences: TaggedSentence[] }[];
}

/** The sample's file: tagged by the shipped pair, or by the pair in `tagger` (its weights' sha256 in the name). */
export function selfTrainPath(pages: number, seed: number, tagger?: string): string {
  const by = tagger ? '-t' + sha256(readFileSync(join(tagger, MODEL_FILES.weights))).slice(0, 8) : '';
  return join(SELFTRAIN_DIR, `wiki-p${pages}-s${seed}${by}.jsonl.gz`);
}

/**
 * Per-token margins of the best path: max-marginal of the best tag minus the best max-marginal of any
 * other tag at that token (forward + backward max-product passes under the tag set's constraints).
 * Linear in the sentence: O(n·T²).
 */
export function tokenMargins(em: Float32Array, n: number, trans: Float32Array, start: Float32Array, tags: TagSet): Float64Array {
  const T = tags.n;
  const fwd = new Float64Array(n * T).fill(-Infinity);
  const bwd = new Float64Array(n * T).fill(-Infinity);
  const { startAllowed, prevAt, prevTags, closed } = tags;
  for (let t = 0; t < T; t++) if (startAllowed[t]) fwd[t] = start[t] + em[t];
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      for (let j = prevAt[t]; j < prevAt[t + 1]; j++) {
        const p = prevTags[j];
        const sc = fwd[(i - 1) * T + p] + trans[p * T + t];
        if (sc > best) best = sc;
      }
      fwd[i * T + t] = best + em[i * T + t];
    }
  }
  for (let j = 0; j < closed.length; j++) bwd[(n - 1) * T + closed[j]] = 0;
  for (let i = n - 1; i > 0; i--) {
    for (let t = 0; t < T; t++) {
      const tail = bwd[i * T + t] + em[i * T + t];
      if (tail === -Infinity) continue;
      for (let j = prevAt[t]; j < prevAt[t + 1]; j++) {
        const p = prevTags[j];
        const sc = tail + trans[p * T + t];
        if (sc > bwd[(i - 1) * T + p]) bwd[(i - 1) * T + p] = sc;
      }
    }
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let first = -Infinity;
    let second = -Infinity;
    for (let t = 0; t < T; t++) {
      const m = fwd[i * T + t] + bwd[i * T + t];
      if (m > first) (second = first), (first = m);
      else if (m > second) second = m;
    }
    out[i] = first - second;
  }
  return out;
}

const pipeline = new Pipeline([tokenizeStage, parseStage, timesStage, nerStage, namesStage, entitiesStage]);

function sha256(buf: Buffer): string {
  return createHash('sha256').update(buf).digest('hex');
}

/** The sample: `pages` Wikipedia lines of the corpus chosen by `seed` (Wikinews lines never). */
function samplePages(text: string, pages: number, seed: number): { id: string; text: string }[] {
  const lines: [number, number][] = [];
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    // only the Wikipedia part: the Wikinews part ("wikinews:*") stays out, as news nobody tuned on
    if (text.startsWith('{"id": "enwiki:', start) || text.startsWith('{"id":"enwiki:', start)) lines.push([start, end]);
    start = end + 1;
  }
  const random = seededRandom(seed);
  for (let i = lines.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [lines[i], lines[j]] = [lines[j], lines[i]];
  }
  return lines.slice(0, pages).map(([a, b]) => {
    const page = JSON.parse(text.slice(a, b)) as { id: string; text: string };
    if (!page.id.startsWith('enwiki:')) throw new Error(`self-training sample: ${page.id} is not a Wikipedia page`);
    return { id: page.id, text: page.text };
  });
}

type TokenSpan = { start: number; end: number; type: string };
const spanKey = (s: TokenSpan) => `${s.start}:${s.end}:${s.type}`;

/** Tag the sample and keep the sentences that agree and are consistent (with their margins). */
export function buildSelfTrain(dataDir: string, pages: number, seed: number, log: (msg: string) => void = () => {}, tagger?: string): SelfTrainFile {
  if (tagger) useNerModel(loadNerModel(tagger));
  try {
    return tagSample(dataDir, pages, seed, log, tagger ?? defaultModelDir());
  } finally {
    if (tagger) useNerModel(null);
  }
}

function tagSample(dataDir: string, pages: number, seed: number, log: (msg: string) => void, taggerDir: string): SelfTrainFile {
  const t0 = Date.now();
  const gz = readFileSync(join(dataDir, 'unlabelled', 'news-en.jsonl.gz'));
  const text = gunzipSync(gz).toString('utf8');
  const sample = samplePages(text, pages, seed);
  const model = getNerModel();
  if (!model || !model.org) throw new Error('self-training needs the recogniser and its organisation companion (models/ner)');
  const org = model.org;
  const taggerSha256: Record<string, string> = {};
  for (const f of [MODEL_FILES.weights, MODEL_FILES.orgWeights]) taggerSha256[f] = sha256(readFileSync(join(taggerDir, f)));
  let total = 0;
  let agreeing = 0;
  let consistent = 0;
  const docs: SelfTrainFile['docs'] = [];
  for (const page of sample) {
    const doc = pipeline.process({ text: page.text, id: page.id });
    const sentTokens = doc.sentences.map((s) => doc.tokens.slice(s.tokenStart, s.tokenEnd));
    const words = sentTokens.map((toks) => toks.map((t) => t.text));
    const caps = docCaps(words);
    // the pipeline's names, per sentence, as token spans
    const startTok = new Map<number, [number, number]>();
    const endTok = new Map<number, [number, number]>();
    sentTokens.forEach((toks, k) => toks.forEach((t, i) => (startTok.set(t.start, [k, i]), endTok.set(t.end, [k, i + 1]))));
    const final: TokenSpan[][] = words.map(() => []);
    const badSentence = new Uint8Array(words.length);
    for (const e of doc.entities) for (const m of e.mentions) {
      if (m.kind !== 'name') continue;
      const a = startTok.get(m.start);
      const b = endTok.get(m.end);
      if (!a || !b || a[0] !== b[0]) {
        // a name that does not fall on token edges of one sentence: its sentence cannot be tagged
        const k = a?.[0] ?? b?.[0];
        if (k !== undefined) badSentence[k] = 1;
        continue;
      }
      final[a[0]].push({ start: a[1], end: b[1], type: e.type });
    }
    // the names' strings: one type each, and every occurrence is the name (document consistency)
    const typesOf = new Map<string, Set<string>>();
    let longest = 0;
    final.forEach((spans, k) => {
      for (const s of spans) {
        const key = words[k].slice(s.start, s.end).join(' ');
        let set = typesOf.get(key);
        if (!set) typesOf.set(key, (set = new Set()));
        set.add(s.type);
        longest = Math.max(longest, s.end - s.start);
      }
    });
    const inconsistent = new Set<string>();
    for (const [key, set] of typesOf) if (set.size > 1) inconsistent.add(key);
    words.forEach((ws, k) => {
      const exact = new Set(final[k].map((s) => `${s.start}:${s.end}`));
      const inside = new Int32Array(ws.length + 1); // covered[i]: a span covers token i
      for (const s of final[k]) for (let i = s.start; i < s.end; i++) inside[i] = 1;
      for (let i = 0; i < ws.length; i++) {
        let key = '';
        for (let l = 1; l <= longest && i + l <= ws.length; l++) {
          key = l === 1 ? ws[i] : key + ' ' + ws[i + l - 1];
          if (!typesOf.has(key) || exact.has(`${i}:${i + l}`)) continue;
          // strictly inside one longer name is fine ("Israel" in "Israel Katz"); anything else is not
          const within = final[k].some((s) => s.start <= i && i + l <= s.end);
          if (!within) inconsistent.add(key);
        }
      }
    });
    const kept: TaggedSentence[] = [];
    for (let k = 0; k < words.length; k++) {
      const ws = words[k];
      if (ws.length === 0) continue;
      total++;
      if (badSentence[k]) continue;
      const v = sentenceView(ws, model.cache, model, caps);
      const keys = sentenceKeysOf(v);
      const em = model.weights.emissionsFor(v, model.cache, model.frozen, keys);
      const orgEm = org.weights.emissionsFor(v, org.cache, org.frozen, keys);
      const w = model.weights;
      const ow = org.weights;
      const bio = w.tags.spans(viterbi(em, ws.length, w.trans, w.start, w.tags));
      const comp = ow.tags.spans(viterbi(orgEm, ws.length, ow.trans, ow.start, ow.tags));
      const a = new Set(bio.map(spanKey));
      const same = (list: TokenSpan[]) => list.length === a.size && list.every((s) => a.has(spanKey(s)));
      if (!same(comp) || !same(final[k])) continue;
      agreeing++;
      if (final[k].some((s) => inconsistent.has(ws.slice(s.start, s.end).join(' ')))) continue;
      const tags = ws.map(() => 'O');
      let known = true;
      for (const s of final[k]) {
        if (!BIO_TAGS.index.has('B-' + s.type)) known = false;
        for (let i = s.start; i < s.end; i++) tags[i] = (i === s.start ? 'B-' : 'I-') + s.type;
      }
      if (!known) continue;
      consistent++;
      let margin = Infinity;
      for (const m of tokenMargins(em, ws.length, w.trans, w.start, w.tags)) margin = Math.min(margin, m);
      for (const m of tokenMargins(orgEm, ws.length, ow.trans, ow.start, ow.tags)) margin = Math.min(margin, m);
      kept.push({ words: ws, tags, margin: Math.round(margin * 1000) / 1000 });
    }
    docs.push({ id: page.id, sentences: kept });
    if (docs.length % 50 === 0) log(`self-training sample: ${docs.length}/${sample.length} pages, ${total} sentences, ${agreeing} agree, ${consistent} consistent [${((Date.now() - t0) / 1000).toFixed(0)} s]`);
  }
  const seconds = Math.round((Date.now() - t0) / 1000);
  log(`self-training sample: ${docs.length} pages, ${total} sentences, ${agreeing} agree, ${consistent} also consistent, ${seconds} s`);
  return { header: { pages, seed, corpusSha256: sha256(gz), taggerSha256, sentences: total, agreeing, consistent, seconds, licence: 'CC BY-SA 3.0 (Wikipedia contributors), ../shared/data/unlabelled README' }, docs };
}

function writeSelfTrain(path: string, f: SelfTrainFile): void {
  mkdirSync(dirname(path), { recursive: true });
  const lines = [JSON.stringify(f.header), ...f.docs.map((d) => JSON.stringify({ id: d.id, s: d.sentences.map((s) => [s.margin, s.words.join(' '), s.tags.join(' ')]) }))];
  writeFileSync(path, gzipSync(Buffer.from(lines.join('\n') + '\n')));
}

function readSelfTrainFile(path: string): SelfTrainFile {
  const lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n').filter((l) => l);
  const header = JSON.parse(lines[0]) as SelfTrainFile['header'];
  const docs = lines.slice(1).map((l) => {
    const d = JSON.parse(l) as { id: string; s: [number, string, string][] };
    return { id: d.id, sentences: d.s.map(([margin, w, t]) => ({ margin, words: w.split(' '), tags: t.split(' ') })) };
  });
  return { header, docs };
}

/** The tagged sample of `opts` (built and written to train/data/ner-selftrain/ when not there yet). */
export function loadSelfTrain(dataDir: string, opts: Pick<SelfTrainOptions, 'pages' | 'seed' | 'tagger'>, log: (msg: string) => void = () => {}): SelfTrainFile {
  const path = selfTrainPath(opts.pages, opts.seed, opts.tagger);
  if (existsSync(path)) return readSelfTrainFile(path);
  log(`self-training sample ${path} not built yet: tagging ${opts.pages} pages with the model pair in ${opts.tagger ?? defaultModelDir()}`);
  const f = buildSelfTrain(dataDir, opts.pages, opts.seed, log, opts.tagger);
  writeSelfTrain(path, f);
  return f;
}

export interface SelfTrainStats {
  file: string;
  header: SelfTrainFile['header'];
  margin: number;
  /** confident sentences (margin ≥ threshold) by kind, and those kept */
  confident: { org: number; other: number; empty: number };
  kept: { org: number; other: number; empty: number };
  names: Record<string, number>;
}

type Kind = 'org' | 'other' | 'empty';

/**
 * A capitalised word outside every name, not opening the sentence or a quote/bracket (the previous token
 * has a letter or digit), and not the one-letter "I": a name the pair may have missed.
 */
export function hasUntaggedCapital(words: readonly string[], tags: readonly string[]): boolean {
  for (let i = 1; i < words.length; i++) {
    if (tags[i] !== 'O' || words[i].length < 2 || !/^\p{Lu}/u.test(words[i])) continue;
    if (/[\p{L}\p{N}]/u.test(words[i - 1])) return true;
  }
  return false;
}
const kindOf = (tags: readonly string[]): Kind => (tags.some((t) => t === 'B-ORG') ? 'org' : tags.some((t) => t !== 'O') ? 'other' : 'empty');

/**
 * The confident sentences mixed as the gold is: every sentence with an organisation, and sentences
 * with other names only and with none in the gold's proportions to sentences with organisations
 * (`gold`: the labelled training sentences' tags). One LabeledDoc per page, genre "selftrain".
 */
export function selectSelfTrain(f: SelfTrainFile, opts: SelfTrainOptions, gold: readonly (readonly string[])[], file = ''): { docs: LabeledDoc[]; stats: SelfTrainStats } {
  const goldCount = { org: 0, other: 0, empty: 0 };
  for (const tags of gold) goldCount[kindOf(tags)]++;
  const pools: Record<Kind, { doc: number; s: TaggedSentence }[]> = { org: [], other: [], empty: [] };
  f.docs.forEach((d, k) => {
    for (const s of d.sentences) if (s.margin >= opts.margin && (opts.untaggedCaps || !hasUntaggedCapital(s.words, s.tags))) pools[kindOf(s.tags)].push({ doc: k, s });
  });
  const random = seededRandom(opts.seed ^ 0x5e1f);
  const take = (list: { doc: number; s: TaggedSentence }[], n: number) => {
    const a = list.slice();
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a.slice(0, Math.min(a.length, Math.round(n)));
  };
  const nOrg = pools.org.length;
  const chosen = [...pools.org, ...take(pools.other, (nOrg * goldCount.other) / Math.max(1, goldCount.org)), ...take(pools.empty, (nOrg * goldCount.empty) / Math.max(1, goldCount.org))];
  const byDoc = new Map<number, LabeledSentence[]>();
  const kept = { org: 0, other: 0, empty: 0 };
  const names: Record<string, number> = {};
  // in page order, sentences in their page order
  const order = new Map<TaggedSentence, number>();
  f.docs.forEach((d) => d.sentences.forEach((s, i) => order.set(s, i)));
  chosen.sort((x, y) => x.doc - y.doc || order.get(x.s)! - order.get(y.s)!);
  for (const { doc, s } of chosen) {
    kept[kindOf(s.tags)]++;
    for (const t of s.tags) if (t.startsWith('B-')) names[t.slice(2)] = (names[t.slice(2)] ?? 0) + 1;
    const list = byDoc.get(doc) ?? [];
    list.push({ words: s.words, tags: s.tags, text: s.words.join(' '), newPar: false, doc: f.docs[doc].id });
    byDoc.set(doc, list);
  }
  const docs = [...byDoc].map(([k, sentences]) => ({ id: 'selftrain:' + f.docs[k].id, genre: 'selftrain', sentences }));
  return { docs, stats: { file, header: f.header, margin: opts.margin, confident: { org: pools.org.length, other: pools.other.length, empty: pools.empty.length }, kept, names } };
}

/** `npm run build:ner-selftrain -- --pages N --seed S [--tagger DIR]`: tag the sample and print the margins' spread. */
function main(): void {
  const args = process.argv.slice(2);
  let pages = DEFAULT_SELFTRAIN.pages;
  let seed = DEFAULT_SELFTRAIN.seed;
  let tagger: string | undefined;
  let data = process.env.CHRONICLE_DATA ?? join(process.cwd(), '..', 'shared', 'data');
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--pages') pages = Number(args[++i]);
    else if (args[i] === '--seed') seed = Number(args[++i]);
    else if (args[i] === '--data') data = args[++i];
    else if (args[i] === '--tagger') tagger = args[++i];
    else throw new Error(`unknown option ${args[i]} (use --pages N, --seed S, --tagger DIR, --data DIR)`);
  }
  const f = loadSelfTrain(data, { pages, seed, tagger }, (m) => console.error(m));
  const margins: Record<Kind, number[]> = { org: [], other: [], empty: [] };
  for (const d of f.docs) for (const s of d.sentences) margins[kindOf(s.tags)].push(s.margin);
  console.log(JSON.stringify(f.header));
  for (const [kind, list] of Object.entries(margins)) {
    list.sort((a, b) => a - b);
    const q = (p: number) => (list.length ? list[Math.min(list.length - 1, Math.floor(p * list.length))].toFixed(2) : '-');
    console.log(`${kind}: ${list.length} sentences; margin quantiles 10% ${q(0.1)} 25% ${q(0.25)} 50% ${q(0.5)} 75% ${q(0.75)} 90% ${q(0.9)}`);
  }
}

if ((process.argv[1] ?? '').endsWith('ner-selftrain.js')) main();
