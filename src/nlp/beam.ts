/**
 * Beam search over the parser's arc-hybrid transitions, with global, early-update perceptron
 * training (Zhang & Clark 2008; Zhang & Nivre 2011; Collins & Roark 2004 for early update). Same
 * states, feature templates and labeler as the greedy parser (parser.ts); a model trained this way
 * carries its beam width in its header (ParserData.beam) and is decoded by BeamParser. Not on the
 * default model's path: the default and accurate models have no beam and parse greedily.
 *
 * A sequence's score is the sum of its scored moves' scores; forced moves (one valid move) are not
 * scored, in decoding nor in training, so that a beam of width 1 is the greedy parser. Labels are
 * not searched: an arc takes the labeler's best label the moment it is built, as in greedy parsing.
 *
 * Training: the beam keeps the `width` best states by summed score; a state is correct while every
 * move it made had the least dynamic-oracle cost among its valid moves (Goldberg & Nivre 2013: on
 * non-projective trees this is the least costly reachable tree, so no sentence is skipped or
 * projectivised, as in the greedy trainer). When no correct state is left in the beam, the
 * best-scoring correct state's move sequence is rewarded and the beam's best one penalised from
 * where they part, and the sentence ends there (early update); at the end of a sentence the same
 * when the best final state is not correct. The labeler learns, as a local classifier, along one
 * oracle path per sentence.
 */
import type { Lexeme } from './features.js';
import { argmax, TrainablePerceptron, type Scorer } from './perceptron.js';
import { rng, shuffle } from './tagger.js';
import {
  costs, goldChildren, labelFeatures, LEFT, MAX_LABEL_FEATURES, MAX_PARSE_FEATURES, N_MOVES, parseFeatures, Parser, RIGHT, SHIFT, State, templatesOn,
  type ParseExample, type ParseResult, type ParserData, type ParserTraining,
} from './parser.js';

/** The beam's states (two pools swapped each step), summed scores, move histories and candidates. */
class Beam {
  cur: State[];
  nxt: State[];
  /** per slot, its moves so far: move | label << 2 */
  hist: Int32Array[];
  nhist: Int32Array[];
  score: Float64Array;
  nscore: Float64Array;
  /** training: whether the slot's state is correct (every move of least cost) */
  ok: Uint8Array;
  nok: Uint8Array;
  size = 0;
  steps = 0;
  /** candidates of one step: the slot they extend, the move, the summed score, whether correct */
  readonly cItem: Int32Array;
  readonly cMove: Int32Array;
  readonly cScore: Float64Array;
  /** the move's own score (cScore less the slot's) */
  readonly cLocal: Float64Array;
  readonly cOk: Uint8Array;
  nc = 0;
  /** the chosen candidates, best first */
  readonly sel: Int32Array;
  nsel = 0;

  constructor(readonly width: number) {
    const pool = () => Array.from({ length: width }, () => new State());
    this.cur = pool();
    this.nxt = pool();
    this.hist = Array.from({ length: width }, () => new Int32Array(64));
    this.nhist = Array.from({ length: width }, () => new Int32Array(64));
    this.score = new Float64Array(width);
    this.nscore = new Float64Array(width);
    this.ok = new Uint8Array(width);
    this.nok = new Uint8Array(width);
    this.cItem = new Int32Array(width * N_MOVES);
    this.cMove = new Int32Array(width * N_MOVES);
    this.cScore = new Float64Array(width * N_MOVES);
    this.cLocal = new Float64Array(width * N_MOVES);
    this.cOk = new Uint8Array(width * N_MOVES);
    this.sel = new Int32Array(width);
  }

  start(lex: Lexeme[], xpos: Int32Array, upos: Int32Array, rootTag: number, cl: Int32Array | null, labelSets: boolean, on: Uint8Array): State {
    const st = this.cur[0];
    st.on = on;
    st.reset(lex, xpos, upos, rootTag, cl);
    st.labelSets = labelSets;
    const steps = 2 * lex.length;
    if (this.hist[0].length < steps) {
      const cap = Math.max(steps, this.hist[0].length * 2);
      for (let j = 0; j < this.width; j++) {
        this.hist[j] = new Int32Array(cap);
        this.nhist[j] = new Int32Array(cap);
      }
    }
    this.size = 1;
    this.steps = 0;
    this.score[0] = 0;
    this.ok[0] = 1;
    return st;
  }

  push(item: number, move: number, local: number, ok: number): void {
    const c = this.nc++;
    this.cItem[c] = item;
    this.cMove[c] = move;
    this.cScore[c] = this.score[item] + local;
    this.cLocal[c] = local;
    this.cOk[c] = ok;
  }

  /**
   * Chooses the `width` best candidates, best first; ties go to the earlier candidate. With `localTies`
   * (decoding), equal sums are ordered by the move's own score first: adding the prefix's score can round
   * two different move scores to one sum, and a beam of width 1 must choose as the greedy parser does.
   * Training keeps the plain order, with which the shipped beam model was trained.
   */
  select(localTies = false): void {
    const { sel, cScore, cLocal } = this;
    const better = (c: number, d: number) => cScore[c] > cScore[d] || (localTies && cScore[c] === cScore[d] && cLocal[c] > cLocal[d]);
    let n = 0;
    for (let c = 0; c < this.nc; c++) {
      if (n === this.width && !better(c, sel[n - 1])) continue;
      let at = n < this.width ? n++ : n - 1;
      while (at > 0 && better(c, sel[at - 1])) {
        sel[at] = sel[at - 1];
        at--;
      }
      sel[at] = c;
    }
    this.nsel = n;
  }

  /** The candidates chosen become the beam; `label(st, head, dep)` labels each new arc. */
  advance(label: (st: State, head: number, dep: number) => number): void {
    const steps = this.steps;
    for (let j = 0; j < this.nsel; j++) {
      const c = this.sel[j];
      const item = this.cItem[c];
      const move = this.cMove[c];
      const st = this.nxt[j];
      st.copyFrom(this.cur[item]);
      const l = move === SHIFT ? 0 : move === RIGHT ? label(st, st.stack[st.sp - 2], st.stack[st.sp - 1]) : label(st, st.b0, st.stack[st.sp - 1]);
      st.apply(move, l);
      const h = this.nhist[j];
      const from = this.hist[item];
      for (let t = 0; t < steps; t++) h[t] = from[t];
      h[steps] = move | (l << 2);
      this.nscore[j] = this.cScore[c];
      this.nok[j] = this.cOk[c];
    }
    [this.cur, this.nxt] = [this.nxt, this.cur];
    [this.hist, this.nhist] = [this.nhist, this.hist];
    [this.score, this.nscore] = [this.nscore, this.score];
    [this.ok, this.nok] = [this.nok, this.ok];
    this.size = this.nsel;
    this.steps = steps + 1;
    this.nc = 0;
  }
}

/** Whether a bit set of valid moves holds exactly one move. */
const forced = (valid: number) => (valid & (valid - 1)) === 0;

/** The parser of a model trained with beam search: the same model files, decoded with a beam of `width` states. */
export class BeamParser extends Parser {
  private readonly beam: Beam;
  private readonly bfeats = new Uint32Array(Math.max(MAX_PARSE_FEATURES, MAX_LABEL_FEATURES) + 8);
  private readonly bscores = new Float64Array(N_MOVES);
  private readonly blscores: Float64Array;
  private readonly on: Uint8Array;

  constructor(data: ParserData, moves: Scorer, labeler: Scorer, readonly width = data.beam ?? 1) {
    super(data, moves, labeler);
    if (!Number.isInteger(width) || width < 1) throw new Error(`beam width ${width} is not a positive integer`);
    this.beam = new Beam(width);
    this.blscores = new Float64Array(data.labels.length);
    this.on = templatesOn(data.without);
  }

  private readonly labelOf = (st: State, head: number, dep: number): number => {
    const n = labelFeatures(st, head, dep, this.bfeats);
    this.labeler.score(this.bfeats, n, this.blscores);
    return argmax(this.blscores, this.data.labels.length);
  };

  override parse(lex: Lexeme[], xpos: Int32Array, upos: Int32Array, cl?: Int32Array | null): ParseResult {
    const clusters = this.data.clusters;
    const beam = this.beam;
    const feats = this.bfeats;
    const scores = this.bscores;
    beam.start(lex, xpos, upos, this.data.nXpos + 1, clusters ? (cl ?? clusters.of(lex)) : null, this.data.labelSets === true, this.on);
    while (!beam.cur[0].terminal()) {
      for (let i = 0; i < beam.size; i++) {
        const st = beam.cur[i];
        const valid = st.valid();
        if (forced(valid)) {
          beam.push(i, valid === 1 ? SHIFT : valid === 2 ? RIGHT : LEFT, 0, 0);
          continue;
        }
        const nf = parseFeatures(st, feats);
        this.moves.score(feats, nf, scores);
        for (let m = 0; m < N_MOVES; m++) if (valid & (1 << m)) beam.push(i, m, scores[m], 0);
      }
      beam.select(true);
      beam.advance(this.labelOf);
    }
    return beam.cur[0].result();
  }
}

export interface BeamTrainingOptions {
  iterations: number;
  seed: number;
  /** beam width (Zhang & Nivre 2011 use 64; 8 here: the decoder's cost grows with it) */
  beam: number;
  log?: (msg: string) => void;
  onIteration?: (it: number, moves: TrainablePerceptron, labeler: TrainablePerceptron) => void;
}

/** Trains the parser's move model globally with beam search and early update; deterministic for a given seed. */
export function trainBeamParser(examples: ParseExample[], data: ParserData, opts: BeamTrainingOptions): ParserTraining {
  const moves = new TrainablePerceptron(N_MOVES);
  const labeler = new TrainablePerceptron(data.labels.length);
  const nLabels = data.labels.length;
  const on = templatesOn(data.without);
  const labelSets = data.labelSets === true;
  const rootTag = data.nXpos + 1;
  const beam = new Beam(opts.beam);
  const feats = new Uint32Array(MAX_PARSE_FEATURES + 8);
  const lfeats = new Uint32Array(MAX_LABEL_FEATURES + 8);
  const scores = new Float64Array(N_MOVES);
  const lscores = new Float64Array(nLabels);
  const cost = new Int32Array(N_MOVES);
  const rand = rng(opts.seed);
  const order = examples.map((_, i) => i);
  const cls = examples.map((ex) => (data.clusters ? data.clusters.of(ex.lex) : null));
  const kidsOf = examples.map(goldChildren);
  const scratch = [new State(), new State()];
  let gh: Int32Array = new Int32Array(64);
  let ph: Int32Array = new Int32Array(64);
  let ex: ParseExample = examples[0];

  /** the labeler's best label (training: the gold one for a gold arc) */
  const predicted = (st: State, head: number, dep: number): number => {
    const nl = labelFeatures(st, head, dep, lfeats);
    labeler.score(lfeats, nl, lscores);
    return argmax(lscores, nLabels);
  };
  const trainingLabel = (st: State, head: number, dep: number): number => (ex.heads[dep] === head ? ex.labels[dep] : predicted(st, head, dep));

  /** the labeler, as a local classifier, along the oracle path that builds arcs as soon as they cost nothing */
  const labelPass = (ei: number): void => {
    const st = scratch[0];
    st.on = on;
    st.reset(ex.lex, ex.xpos, ex.upos, rootTag, cls[ei]);
    st.labelSets = labelSets;
    while (!st.terminal()) {
      const valid = st.valid();
      costs(st, ex.heads, kidsOf[ei], cost);
      let move = -1;
      for (const m of [LEFT, RIGHT, SHIFT]) if (valid & (1 << m) && (move < 0 || cost[m] < cost[move])) move = m;
      let label = 0;
      if (move !== SHIFT) {
        const [h, d] = st.arcOf(move)!;
        const nl = labelFeatures(st, h, d, lfeats);
        labeler.score(lfeats, nl, lscores);
        label = argmax(lscores, nLabels);
        if (ex.heads[d] === h) {
          labeler.update(ex.labels[d], label, lfeats, nl);
          labeler.tick();
          label = ex.labels[d];
        }
      }
      st.apply(move, label);
    }
  };

  /** +1 to the correct sequence's scored moves, −1 to the predicted one's, from where they part */
  const update = (ei: number, good: Int32Array, bad: Int32Array, steps: number): void => {
    let d = 0;
    while (d < steps && good[d] === bad[d]) d++;
    if (d === steps) return;
    const [a, b] = scratch;
    a.on = on;
    a.reset(ex.lex, ex.xpos, ex.upos, rootTag, cls[ei]);
    a.labelSets = labelSets;
    for (let t = 0; t < d; t++) a.apply(good[t] & 3, good[t] >> 2);
    b.copyFrom(a);
    for (const [st, hist, sign] of [[a, good, 1], [b, bad, -1]] as const) {
      for (let t = d; t < steps; t++) {
        const move = hist[t] & 3;
        if (!forced(st.valid())) moves.add(move, feats, parseFeatures(st, feats), sign);
        st.apply(move, hist[t] >> 2);
      }
    }
  };

  /** the history of candidate c of the current step (the beam's history of its slot, then its move) */
  const candidateHistory = (c: number, into: Int32Array): Int32Array => {
    const steps = beam.steps;
    const out = into.length > steps ? into : new Int32Array(Math.max(steps + 1, 2 * into.length, 64));
    out.set(beam.hist[beam.cItem[c]].subarray(0, steps));
    const move = beam.cMove[c];
    let label = 0;
    if (move !== SHIFT) {
      const st = scratch[1];
      st.copyFrom(beam.cur[beam.cItem[c]]);
      const [h, dep] = st.arcOf(move)!;
      label = trainingLabel(st, h, dep);
    }
    out[steps] = move | (label << 2);
    return out;
  };

  for (let it = 0; it < opts.iterations; it++) {
    shuffle(order, rand);
    let early = 0;
    let late = 0;
    let stepsSeen = 0;
    let stepsAll = 0;
    for (const ei of order) {
      ex = examples[ei];
      labelPass(ei);
      const kids = kidsOf[ei];
      beam.start(ex.lex, ex.xpos, ex.upos, rootTag, cls[ei], labelSets, on);
      stepsAll += 2 * ex.lex.length;
      let stopped = false;
      while (!beam.cur[0].terminal()) {
        for (let i = 0; i < beam.size; i++) {
          const st = beam.cur[i];
          const valid = st.valid();
          const ok = beam.ok[i];
          let minCost = 0;
          if (ok) {
            costs(st, ex.heads, kids, cost);
            minCost = 1e9;
            for (let m = 0; m < N_MOVES; m++) if (valid & (1 << m) && cost[m] < minCost) minCost = cost[m];
          }
          if (forced(valid)) {
            const m = valid === 1 ? SHIFT : valid === 2 ? RIGHT : LEFT;
            beam.push(i, m, 0, ok && cost[m] === minCost ? 1 : 0);
            continue;
          }
          const nf = parseFeatures(st, feats);
          moves.score(feats, nf, scores);
          for (let m = 0; m < N_MOVES; m++) if (valid & (1 << m)) beam.push(i, m, scores[m], ok && cost[m] === minCost ? 1 : 0);
        }
        beam.select();
        let anyOk = false;
        for (let j = 0; j < beam.nsel; j++) if (beam.cOk[beam.sel[j]]) anyOk = true;
        if (!anyOk) {
          // early update: the best correct candidate against the beam's best
          let g = -1;
          for (let c = 0; c < beam.nc; c++) if (beam.cOk[c] && (g < 0 || beam.cScore[c] > beam.cScore[g])) g = c;
          gh = candidateHistory(g, gh);
          ph = candidateHistory(beam.sel[0], ph);
          update(ei, gh, ph, beam.steps + 1);
          stepsSeen += beam.steps + 1;
          early++;
          beam.nc = 0;
          stopped = true;
          break;
        }
        beam.advance(trainingLabel);
      }
      if (!stopped) {
        stepsSeen += beam.steps;
        if (!beam.ok[0]) {
          late++;
          let j = 1;
          while (!beam.ok[j]) j++;
          update(ei, beam.hist[j], beam.hist[0], beam.steps);
        }
      }
      moves.tick();
    }
    opts.onIteration?.(it + 1, moves, labeler);
    opts.log?.(`beam parser iteration ${it + 1}/${opts.iterations} (width ${opts.beam}): early updates ${early}, updates at the end ${late}, of ${examples.length} sentences; ${(100 * stepsSeen / stepsAll).toFixed(1)}% of the moves searched; ${moves.rows} + ${labeler.rows} feature rows`);
  }
  return { moves: moves.freeze(), labeler: labeler.freeze(), data: { ...data, beam: opts.beam } };
}
