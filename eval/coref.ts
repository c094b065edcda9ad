/**
 * npm run eval:coref — coreference on GUM's coreference layer (training documents only), raw text
 * through the real pipeline.
 *
 * Two kinds of figure, for news + interview and for all six genres:
 *  - the standard metrics MUC, B³, CEAF-e and the CoNLL mean over the chains of named people,
 *    organisations and places (train/coref-metrics.ts);
 *  - by mention kind: gold pronouns (he/she, it, they), definite descriptions and first/second
 *    person in speech that refer to a named entity, linked to the right entity (accuracy), and
 *    right among the links made (precision) (train/coref-score.ts).
 *
 * Cross-validated by document: each fold's documents are resolved by a model trained on the other
 * folds, and each kind's threshold is the one the other folds' held-out links choose.
 *
 *   npm run eval:coref                    cross-validated figures of the trained ranker
 *   npm run eval:coref -- --pipeline      the pipeline as it stands (shipped model or rules), no training:
 *                                         with the shipped model that is no test figure (it was trained on these)
 *   npm run eval:coref -- --by-genre      also each genre
 *   npm run eval:coref -- --labels        interview turns written with their speaker's label
 *   npm run eval:coref -- --labels initials|qa|dash|joined|surname|parens   … as initials ("HM:"), as "Q:"/"A:" (two-speaker
 *                                         documents), as "HM – ", run together ("HughMcGuire:"), by surname ("McGuire:"),
 *                                         in double parentheses ("((Hugh McGuire)) …")
 *   npm run eval:coref -- --genres interview  those genres only; --from-first-turn: labelled documents cut before their first turn
 *                                         (--turns N: and after their N-th)
 *   npm run eval:coref -- --unthresholded every link the ranker chose, before thresholds
 *   npm run eval:coref -- --errors        every held-out wrong or missing link
 *   npm run eval:coref -- --pipeline --links   every link the pipeline made, right or wrong
 *                                              (--context: with the text around each link)
 *   npm run eval:coref -- --pipeline --half dev|held   news+interview split in two by id order: read dev's errors, score held
 *   npm run eval:coref -- --pipeline --labels --calibrate   write each rule's link confidence (models/coref/link-confidence.json)
 *   npm run eval:coref -- --fresh         the pipeline on fresh13's 12 unseen Wikinews documents (eval/data/coref-fresh), by kind,
 *                                         for the set, halves A/B, news and interviews; --fresh-errors lists half A's misses and
 *                                         wrong links (B's only as shapes: keep B unread for a later round)
 *   npm run eval:coref -- --fresh16       the same tables on fresh16's 14 unseen Wikinews documents (eval/data/coref-fresh16);
 *                                         --fresh16-errors: half A's table and misses only (half A released; half B unseen)
 *   npm run eval:coref -- --fresh19       the same tables on fresh19's 16 unseen Wikinews documents (eval/data/coref-fresh19);
 *                                         --fresh19-errors: half A's table and misses only (half B unseen)
 *   npm run eval:coref -- --fresh22       the same tables on fresh22's 13 unseen Wikinews documents (eval/data/coref-fresh22;
 *                                         lead only); --fresh22-errors: half A's table and misses only
 *   npm run eval:coref -- --fresh23       the same tables on fresh23's 17 unseen Wikinews documents (eval/data/coref-fresh23;
 *                                         lead only); --fresh23-errors: half A's table and misses only
 *   npm run eval:coref -- --fresh-file F  the same tables on any docs.jsonl in the fresh format (a small gold file of your own)
 *   options: --folds 5 --precision 0.85 --epochs 12
 */
import { extractDoc } from '../src/extract.js';
import { gumCorefDocuments, type GoldDoc, type SpeakerLabels } from '../train/coref-data.js';
import { addClusterCounts, documentClusterCounts, emptyClusterCounts, formatClusterScores, systemMentions } from '../train/coref-metrics.js';
import { addScores, byBasis, documentRecords, emptyScores, formatScores, tally, type LinkRecord } from '../train/coref-score.js';
import { CALIBRATION_FILE, smoothedPrecision, type LinkCalibration } from '../src/extract/coref/confidence.js';
import { corefModelDir } from '../src/extract/coref/files.js';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshErrorLines, freshGold, freshRequest, person, readFreshDocs, type FreshDoc, type FreshSet } from './coref-fresh.js';
import { DEFAULT_TRAIN, parseSources, crossValidate, foldThresholds, heldOutClusterCounts, heldOutScores, prepare } from '../train/coref-train.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const newsInterview = (genre: string) => genre === 'news' || genre === 'interview';

/** The pipeline as it stands, every document, no training. */
function scorePipeline(golds: GoldDoc[], genres: string[], byGenre: boolean, errors: boolean, links = false, calibrate = false): void {
  const groups: [string, (g: string) => boolean][] = [['news + interview', newsInterview], ['all genres', () => true]];
  if (byGenre) for (const g of genres) groups.push([g, (x) => x === g]);
  const outputs = golds.map((gold) => {
    const doc = extractDoc({ id: gold.id, text: gold.text, published: null });
    return { gold, records: documentRecords(doc, gold), mentions: systemMentions(doc) };
  });
  for (const [name, keep] of groups) {
    const scores = emptyScores();
    const clusters = emptyClusterCounts();
    for (const o of outputs) {
      if (!keep(o.gold.genre)) continue;
      addScores(scores, tally(o.records));
      addClusterCounts(clusters, documentClusterCounts(o.mentions, o.gold));
    }
    console.log(formatClusterScores(clusters, `${name}: chains of named entities`));
    console.log(formatScores(scores, `${name}: by mention kind`));
    printPersons(outputs.filter((o) => keep(o.gold.genre)).flatMap((o) => o.records));
  }
  const basisTables = ([['news + interview', newsInterview], ['all genres', () => true]] as [string, (g: string) => boolean][]).map(([name, keep]) => {
    const table = byBasis(outputs.filter((o) => keep(o.gold.genre)).flatMap((o) => o.records));
    console.log(`${name}: links by basis (the calibration of models/coref/${CALIBRATION_FILE})`);
    for (const [basis, c] of [...table].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`  ${basis.padEnd(38)} ${String(c.links).padStart(5)} ${(c.right / c.links).toFixed(2).padStart(6)}  → ${smoothedPrecision(c.right, c.links).toFixed(3)}`);
    return table;
  });
  if (calibrate) writeCalibration(basisTables[0], basisTables[1], golds.filter((g) => newsInterview(g.genre)).length);
  // --context: the link's surroundings (training documents only: GUM dev/test are never read)
  const around = (text: string, at: number): string => (process.argv.includes('--context') ? `\t${JSON.stringify(text.slice(Math.max(0, at - 160), at + 60))}` : '');
  if (errors) {
    for (const o of outputs) for (const r of o.records) if (!r.right && (r.what === 'link' || r.linked === null)) console.log(`${o.gold.id}\t${r.what}\t${r.kind}\t${r.start}\t${JSON.stringify(r.text)}\t→ ${r.linked ?? '∅'}\tgold ${r.gold ?? '∅'}${around(o.gold.text, r.start)}`);
  }
  if (links) for (const o of outputs) for (const r of o.records) if (r.what === 'link') console.log(`${o.gold.id}\t${r.right ? 'right' : 'WRONG'}\t${r.kind}\t${r.start}\t${JSON.stringify(r.text)}\t→ ${r.linked}\tgold ${r.gold ?? '∅'}\t${r.basis ?? ''}${around(o.gold.text, r.start)}`);
}

/**
 * models/coref/link-confidence.json: each basis's smoothed precision on the news and interview
 * documents (the genres Chronicle reads), the all-genre counts beside it for reference.
 */
function writeCalibration(newsInt: Map<string, { links: number; right: number }>, all: Map<string, { links: number; right: number }>, documents: number): void {
  const bases: LinkCalibration['bases'] = {};
  for (const [basis, c] of [...newsInt].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (basis === '(none)') continue;
    bases[basis] = { links: c.links, right: c.right, confidence: smoothedPrecision(c.right, c.links) };
  }
  const allGenres: Record<string, { links: number; right: number }> = {};
  for (const [basis, c] of [...all].sort((a, b) => a[0].localeCompare(b[0]))) if (basis !== '(none)') allGenres[basis] = c;
  const path = join(corefModelDir(), CALIBRATION_FILE);
  // the hand-judged precisions of rules with no link here are not this run's to rewrite
  const judged = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as LinkCalibration).judged : undefined;
  const out: LinkCalibration & { all_genres: typeof allGenres } = {
    source: `npm run eval:coref -- --pipeline --labels --calibrate: GUM training split (../shared/data/gum/dep, CC BY 4.0 annotations), the ${documents} news and interview documents as raw text through the pipeline, interview turns labelled; a link is right when GUM puts the mention in the chain of the entity's names`,
    smoothing: '(right + 1) / (links + 2)',
    bases,
    all_genres: allGenres,
    ...(judged ? { judged } : {}),
  };
  writeFileSync(path, JSON.stringify(out, null, 2) + '\n');
  console.log(`wrote ${path}`);
}

/** First and second person apart, under a table's first/second row. */
function printPersons(records: readonly LinkRecord[]): void {
  for (const p of ['first', 'second'] as const) {
    const own = records.filter((r) => r.kind === 'first/second' && person(r.text) === p);
    const gold = own.filter((r) => r.what === 'gold');
    const links = own.filter((r) => r.what === 'link' && r.linked !== null);
    const ratio = (n: number, d: number) => (d ? (n / d).toFixed(2) : '  — ');
    console.log(`    ${(p + ' person').padEnd(16)} ${String(gold.length).padStart(5)} ${ratio(gold.filter((r) => r.right).length, gold.length).padStart(8)} ${String(links.length).padStart(7)} ${ratio(links.filter((r) => r.right).length, links.length).padStart(9)}`);
  }
}

/** A fresh set through the pipeline as it stands: one table per group, first and second person apart. */
function scoreFresh(set: FreshSet, errors: boolean): void {
  const t0 = process.cpuUsage();
  const halfAOnly = errors && set.errors && !set.halfBShapes;
  const docs = readFreshDocs(set.file).filter((d) => !halfAOnly || d.half === 'A');
  const outputs = docs.map((d) => {
    const gold = freshGold(d);
    const doc = extractDoc({ id: d.id, text: d.text, published: null });
    return { d, records: documentRecords(doc, gold) };
  });
  // an error listing of a set whose half B stays unseen prints half A's table alone
  const groups: [string, (d: FreshDoc) => boolean][] = halfAOnly ? [['half A', (d) => d.half === 'A']] : [
    ['fresh (all)', () => true], ['half A', (d) => d.half === 'A'], ['half B', (d) => d.half === 'B'],
    ['news', (d) => d.genre === 'news'], ['interview', (d) => d.genre === 'interview'],
  ];
  for (const [name, keep] of groups) {
    const kept = outputs.filter((o) => keep(o.d));
    const records = kept.flatMap((o) => o.records);
    const words = kept.reduce((n, o) => n + o.d.text.split(/\s+/).length, 0);
    console.log(formatScores(tally(records), `${name}: ${kept.length} documents, ${words} words, by mention kind`));
    printPersons(records);
  }
  if (errors) for (const line of freshErrorLines(set, outputs)) console.log(line);
  const c = process.cpuUsage(t0);
  console.log(`${set.label}, ${docs.length} documents, the pipeline as it stands; CPU ${((c.user + c.system) / 1e6).toFixed(0)} s`);
}

function main(): void {
  const args = process.argv.slice(2);
  const fresh = freshRequest(args);
  if (fresh) {
    scoreFresh(fresh.set, fresh.errors);
    return;
  }
  // --labels [initials|qa|dash]: the turns labelled by name (default), by the name's initials, "Q:"/"A:", or initials and a dash
  const style = args[args.indexOf('--labels') + 1];
  const labels: SpeakerLabels = !args.includes('--labels') ? false : style === 'initials' || style === 'qa' || style === 'dash' || style === 'joined' || style === 'surname' || style === 'parens' ? style : true;
  const folds = arg('folds', 5);
  const precision = arg('precision', 0.85);
  const t0 = process.cpuUsage();
  // --half dev|held: the news and interview documents split by their place in id order (even: dev, odd: held
  // out), the other genres with dev; rules are written reading dev's errors only and scored on held
  const half = args.includes('--half') ? args[args.indexOf('--half') + 1] : null;
  // --genres interview,news: those genres only; --from-first-turn: each labelled document from its first turn (a later part)
  const only = args.includes('--genres') ? args[args.indexOf('--genres') + 1].split(',') : undefined;
  // --turns N with --from-first-turn: each labelled document's first N turns only (a short part of a split interview)
  const all = gumCorefDocuments(undefined, only, { speakerLabels: labels, fromFirstTurn: args.includes('--from-first-turn'), turns: args.includes('--turns') ? Number(args[args.indexOf('--turns') + 1]) : undefined });
  const ni = all.filter((g) => newsInterview(g.genre)).map((g) => g.id).sort();
  const held = new Set(ni.filter((_, k) => k % 2 === 1));
  const golds = half === 'held' ? all.filter((g) => held.has(g.id)) : half === 'dev' ? all.filter((g) => !held.has(g.id)) : all;
  const genres = [...new Set(golds.map((g) => g.genre))].sort();
  const cpu = () => { const c = process.cpuUsage(t0); return ((c.user + c.system) / 1e6).toFixed(0); };
  if (args.includes('--pipeline')) {
    scorePipeline(golds, genres, args.includes('--by-genre'), args.includes('--errors'), args.includes('--links'), args.includes('--calibrate'));
    console.log(`GUM coreference, ${golds.length} training documents${labels ? ` (interview turns labelled${typeof labels === 'string' ? ` ${labels}` : ''})` : ''}, the pipeline as it stands; CPU ${cpu()} s`);
    return;
  }
  const prepared = prepare(golds, folds);
  const sources = parseSources(args[args.indexOf('--sources') + 1] && args.includes('--sources') ? args[args.indexOf('--sources') + 1] : undefined);
  const cv = crossValidate(prepared, folds, { ...DEFAULT_TRAIN, epochs: arg('epochs', DEFAULT_TRAIN.epochs) }, () => {}, sources);
  console.log(`GUM coreference, ${golds.length} training documents${labels ? ` (interview turns labelled${typeof labels === 'string' ? ` ${labels}` : ''})` : ''}, ${folds}-fold cross-validation by document, precision target ${precision}; CPU ${cpu()} s`);
  console.log(`resolver by kind: ${Object.entries(sources).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  const groups: [string, (g: string) => boolean][] = [['news + interview', newsInterview], ['all genres', () => true]];
  if (args.includes('--by-genre')) for (const g of genres) groups.push([g, (x) => x === g]);
  for (const [name, keep] of groups) {
    console.log(formatClusterScores(heldOutClusterCounts(cv, folds, precision, (g) => keep(g.genre)), `${name}: chains of named entities`));
    console.log(formatScores(heldOutScores(cv.records, folds, precision, (r) => keep(r.genre)), `${name}: by mention kind`));
  }
  if (args.includes('--unthresholded')) console.log(formatScores(tally(cv.records.filter((r) => newsInterview(r.genre)).map((r) => r.record)), 'news + interview, every link the ranker chose'));
  if (args.includes('--errors')) {
    const thresholds = foldThresholds(cv.records, folds, precision);
    for (const { doc, fold, record: r } of cv.records) {
      const kept = r.linked !== null && (r.score === undefined || r.score >= (thresholds[fold][r.kind as keyof typeof thresholds[number]] ?? 0));
      if (kept && r.right) continue;
      if (!kept && r.what === 'link') continue;
      console.log(`${doc}\t${r.what}\t${r.kind}\t${r.start}\t${JSON.stringify(r.text)}\t→ ${kept ? r.linked : '∅'}${r.score !== undefined ? ` (${r.score.toFixed(2)})` : ''}\tgold ${r.gold ?? '∅'}`);
    }
  }
}

main();
