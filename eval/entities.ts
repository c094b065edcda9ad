/**
 * `npm run eval:entities`: named-entity figures, end to end on raw text.
 *
 * Each evaluation document is rebuilt as running text (sentences joined, paragraphs separated
 * by blank lines), run through our tokenizer and the 'ner' stage, and scored on exact character
 * spans against the gold names:
 *   1. GUM held-out news + interview documents (train/ner-data.ts GUM_HELDOUT), all types and
 *      coarse PER / ORG / LOC (GPE, LOC, FAC → LOC); news documents alone as well;
 *   2. UNER English EWT dev (PER / ORG / LOC, coarse only: UNER has no finer types);
 *   3. compromise's people() / places() / organizations() on the same GUM documents, coarse.
 * Also prints the speed of each on the GUM documents (sentences per CPU second, warm).
 *
 * Options: --data DIR (default ../shared/data or $CHRONICLE_DATA), --json (machine-readable),
 * --update-manifest (write the figures into models/ner/manifest.json as eval_end_to_end).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import nlp from 'compromise';
import { Doc } from '../src/doc.js';
import { tokenizeStage } from '../src/nlp/sentences.js';
import { defaultModelDir, getNerModel, nerModelError, nerStage } from '../src/extract/ner.js';
import { GUM_HELDOUT, readGumDoc, readUner, type LabeledSentence } from '../train/ner-data.js';
import { SpanScorer, formatScores, toTextDoc, type Scores, type Span, type TextDoc } from '../train/ner-score.js';

interface Recogniser {
  name: string;
  run(text: string): Span[];
}

export const chronicleNer: Recogniser = {
  name: 'chronicle ner',
  run(text: string): Span[] {
    const doc = new Doc({ text });
    tokenizeStage.run(doc);
    nerStage.run(doc);
    return doc.mentions.filter((m) => m.source === 'model').map((m) => ({ start: m.start, end: m.end, type: m.type }));
  },
};

/** compromise, with its match offsets trimmed of edge punctuation and a possessive "'s". */
export const compromiseNer: Recogniser = {
  name: 'compromise',
  run(text: string): Span[] {
    const d = nlp(text);
    const out: Span[] = [];
    const add = (list: { offset?: { start: number; length: number } }[], type: string) => {
      for (const m of list) {
        if (!m.offset) continue;
        let a = m.offset.start;
        let b = a + m.offset.length;
        let s = text.slice(a, b);
        const lead = s.length - s.replace(/^[\s\p{P}]+/u, '').length;
        a += lead;
        s = text.slice(a, b).replace(/(?:['’]s)?[\s\p{P}]*$/u, '');
        b = a + s.length;
        if (b > a) out.push({ start: a, end: b, type });
      }
    };
    add(d.people().json({ offset: true }) as { offset?: { start: number; length: number } }[], 'PERSON');
    add(d.places().json({ offset: true }) as { offset?: { start: number; length: number } }[], 'GPE');
    add(d.organizations().json({ offset: true }) as { offset?: { start: number; length: number } }[], 'ORG');
    return out;
  },
};

export interface EvalReport {
  gum: Scores;
  gumNews: Scores;
  uner: Scores;
  compromiseGum: Scores;
  compromiseGumNews: Scores;
  speed: Record<string, number>;
}

function score(docs: TextDoc[], rec: Recogniser, fine: boolean): { scores: Scores; seconds: number } {
  const scorer = new SpanScorer();
  // CPU time, not wall time: the measuring machine is shared, CPU time is what the work costs
  const c0 = process.cpuUsage();
  const preds = docs.map((d) => rec.run(d.text));
  const cpu = process.cpuUsage(c0);
  const seconds = (cpu.user + cpu.system) / 1e6;
  docs.forEach((d, k) => scorer.add(d.gold, preds[k], fine));
  return { scores: scorer.scores(), seconds };
}

function groupByDoc(sentences: LabeledSentence[]): LabeledSentence[][] {
  const out: LabeledSentence[][] = [];
  for (const s of sentences) {
    if (out.length === 0 || s.newPar) out.push([]);
    out[out.length - 1].push(s);
  }
  return out;
}

export function runEval(dataDir: string): EvalReport {
  const model = getNerModel();
  if (!model) throw new Error(nerModelError() ?? 'NER model unavailable');
  const gaz = model.gazetteer;
  const gumDocs = GUM_HELDOUT.map((id) => readGumDoc(join(dataDir, 'gum', 'dep', id + '.conllu'), gaz));
  const gumText = gumDocs.map((d) => toTextDoc(d.id, d.sentences));
  const newsText = gumText.filter((d) => d.id.startsWith('GUM_news_'));
  const unerDocs = groupByDoc(readUner(join(dataDir, 'uner-ewt', 'en_ewt-ud-dev.iob2'), gaz));
  const unerText = unerDocs.map((sents, k) => toTextDoc('uner-' + k, sents, true));

  const sentences = gumDocs.reduce((n, d) => n + d.sentences.length, 0);
  // warm up: model load and JIT, so both recognisers are timed warm
  for (const d of gumText.slice(0, 2)) chronicleNer.run(d.text);
  const ours = score(gumText, chronicleNer, true);
  const oursNews = score(newsText, chronicleNer, true);
  const uner = score(unerText, chronicleNer, false);
  for (const d of gumText.slice(0, 2)) compromiseNer.run(d.text);
  const comp = score(gumText, compromiseNer, false);
  const compNews = score(newsText, compromiseNer, false);
  return {
    gum: ours.scores,
    gumNews: oursNews.scores,
    uner: uner.scores,
    compromiseGum: comp.scores,
    compromiseGumNews: compNews.scores,
    speed: {
      gum_sentences: sentences,
      chronicle_sentences_per_second: Math.round(sentences / ours.seconds),
      compromise_sentences_per_second: Math.round(sentences / comp.seconds),
    },
  };
}

function main(): void {
  const args = process.argv.slice(2);
  let data = process.env.CHRONICLE_DATA ?? resolve('..', 'shared', 'data');
  let json = false;
  let updateManifest = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--data') data = args[++i];
    else if (args[i] === '--json') json = true;
    else if (args[i] === '--update-manifest') updateManifest = true;
    else throw new Error(`unknown option ${args[i]} (use --data DIR, --json, --update-manifest)`);
  }
  const r = runEval(data);
  if (updateManifest) {
    // record the end-to-end figures next to the training-time ones
    const path = join(defaultModelDir(), 'manifest.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    const brief = (s: Scores) => ({ all: s.all, coarse: s.coarse, by_coarse: s.byCoarse });
    manifest.eval_end_to_end = {
      how: 'npm run eval:entities: raw text → tokenizer → ner stage, exact character spans',
      gum_heldout: { ...brief(r.gum), by_type: r.gum.byType },
      gum_heldout_news: brief(r.gumNews),
      uner_ewt_dev: { coarse: r.uner.coarse, by_coarse: r.uner.byCoarse },
      compromise_gum_heldout: { coarse: r.compromiseGum.coarse, by_coarse: r.compromiseGum.byCoarse },
      compromise_gum_heldout_news: { coarse: r.compromiseGumNews.coarse, by_coarse: r.compromiseGumNews.byCoarse },
    };
    writeFileSync(path, JSON.stringify(manifest, null, 2) + '\n');
    process.stderr.write(`updated ${path}\n`);
  }
  if (json) {
    process.stdout.write(JSON.stringify(r, null, 2) + '\n');
    return;
  }
  const out: string[] = [];
  out.push(`Named entities, exact character spans, raw text through tokenizer + ner stage`);
  out.push(`\nGUM held-out news + interview (${GUM_HELDOUT.length} documents), chronicle:`);
  out.push(formatScores(r.gum));
  out.push(`\nGUM held-out news only, chronicle:`);
  out.push(formatScores(r.gumNews));
  out.push(`\nGUM held-out news + interview, compromise people/places/organizations (places → LOC):`);
  out.push(formatScores(r.compromiseGum, false));
  out.push(`\nGUM held-out news only, compromise:`);
  out.push(formatScores(r.compromiseGumNews, false));
  out.push(`\nUNER English EWT dev (PER / ORG / LOC), chronicle:`);
  out.push(formatScores(r.uner, false));
  out.push(`\nSpeed on the GUM documents (${r.speed.gum_sentences} sentences, one process, warm, CPU time):`);
  out.push(`  chronicle tokenize + ner: ${r.speed.chronicle_sentences_per_second} sentences/s`);
  out.push(`  compromise (three lookups): ${r.speed.compromise_sentences_per_second} sentences/s`);
  process.stdout.write(out.join('\n') + '\n');
}

const invoked = process.argv[1] ?? '';
if (invoked.endsWith('/eval/entities.js')) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`eval:entities failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
