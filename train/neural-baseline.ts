/**
 * The perceptron parser on exactly the neural parser's data (train/neural-parse.ts --perceptron): the same
 * training sentences with the same jackknifed tags, EWT dev with the same accurate-model tags, scored the
 * same way after every iteration. The greedy arc-hybrid parser with the accurate model's features (Brown
 * clusters, label sets) and dynamic-oracle training, as Round nine's 3,000-sentence prototype; no tree repairs
 * (the neural parser's figures have none either).
 */
import { join } from 'node:path';
import { lexeme } from '../src/nlp/features.js';
import { loadNlpModel } from '../src/nlp/nlp-model.js';
import { Parser, trainParser, type ParseExample, type ParserData } from '../src/nlp/parser.js';
import { scoreConllu, type Scores } from '../src/nlp/evaluate.js';
import type { ConlluSentence } from '../src/nlp/conllu.js';
import type { NeuralData, TaggedTree } from './neural-data.js';

export function perceptronCurve(data: NeuralData, opts: { iterations: number; seed: number; log: (msg: string) => void; onIteration: (it: number, s: Scores, trainCpu: number, parseTokensPerCpuSecond: number) => void }): void {
  const accurate = loadNlpModel(join('models', 'nlp-en-accurate.bin.gz'));
  const { xposTags, uposTags, clusters } = accurate.tagger.data;
  const xIndex = new Map(xposTags.map((t, i) => [t, i]));
  const uIndex = new Map(uposTags.map((t, i) => [t, i]));
  const labels = [...new Set(data.train.flatMap((s) => s.deprel))].sort();
  const lIndex = new Map(labels.map((l, i) => [l, i]));
  const ids = (s: TaggedTree) => ({
    lex: s.forms.map((f) => lexeme(f)),
    xpos: Int32Array.from(s.xpos, (t) => xIndex.get(t) ?? 0),
    upos: Int32Array.from(s.upos, (t) => uIndex.get(t) ?? 0),
  });
  const examples: ParseExample[] = data.train.map((s) => {
    const n = s.forms.length;
    return { ...ids(s), heads: Int32Array.from(s.head, (h) => (h === 0 ? n : h - 1)), labels: Int32Array.from(s.deprel, (l) => lIndex.get(l)!) };
  });
  const dev = data.dev.map(ids);
  const parserData: ParserData = { labels, nXpos: xposTags.length, clusters, labelSets: true };
  let cpu = process.cpuUsage();
  trainParser(examples, parserData, {
    iterations: opts.iterations, seed: opts.seed, explore: 0.9, log: opts.log,
    onIteration: (it, moves, labeler) => {
      const trainCpu = seconds(process.cpuUsage(cpu));
      const parser = new Parser(parserData, moves.freeze(), labeler.freeze());
      const parseStart = process.cpuUsage();
      const system = data.devGold.map((g, i): ConlluSentence => {
        const r = parser.parse(dev[i].lex, dev[i].xpos, dev[i].upos);
        return { ...g, words: g.words.map((w, j) => ({ ...w, head: r.heads[j] + 1, deprel: labels[r.labels[j]] ?? 'dep' })) };
      });
      const words = data.devGold.reduce((n, s) => n + s.words.length, 0);
      const speed = Math.round(words / seconds(process.cpuUsage(parseStart)));
      opts.onIteration(it, scoreConllu(data.devGold, system), trainCpu, speed);
      cpu = process.cpuUsage();
    },
  });
}

const seconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
