/**
 * Features of a candidate predicate for the learned event detector (detector.ts): the lemma and
 * its arguments from the parse, what the CAMEO dictionaries say (code, PLOVER type, whether a
 * pattern matched, which rule would veto it — evidence, not the verdict), whether the arguments
 * are entities, people or places, factuality, sentence position and figurative signals (a thing
 * as the patient of an act done to people, an inanimate subject). Word representations (Brown
 * clusters) stand in for lemmas the training set has not seen.
 */
import { accidentCue, type Predicate, type DecisionContext } from './coder.js';
import { toPlover } from './plover.js';
import type { ParseView } from './syntax.js';
import type { EntityIndex } from './arguments.js';

/** Looks a word up in the shared word representations: its cluster bit-string prefixes, or [] when unknown. */
export type ClusterLookup = (word: string) => readonly string[];

const SUBJ = ['nsubj', 'nsubj:pass', 'csubj', 'nsubj:outer'];

/** What kind of participant token k is: an entity type, a pronoun, a number, or a plain noun. */
function argKind(view: ParseView, ents: EntityIndex, k: number): string {
  const ids = ents.resolve(k);
  if (ids.length) return ents.types.get(ids[0]) ?? 'ENT';
  const t = view.tokens[k];
  if (t.upos === 'PRON') return 'PRON';
  if (t.upos === 'NUM') return 'NUM';
  if (t.upos === 'PROPN') return 'PROPN';
  return 'NOUN';
}

/** The predicate's subject and object tokens as the parse gives them (-1 when none). */
function coreArgs(view: ParseView, p: Predicate): { subj: number; obj: number } {
  if (p.kind === 'noun') {
    const poss = view.kids(p.i, ['nmod:poss'])[0] ?? -1;
    const of = view.kids(p.i, ['nmod']).find((c) => view.caseOf(c) === 'of') ?? -1;
    return { subj: poss, obj: of };
  }
  return { subj: view.kids(p.i, SUBJ)[0] ?? -1, obj: view.kids(p.i, ['obj'])[0] ?? -1 };
}

/**
 * Where candidate features go, each given as up to four parts that make one feature name when
 * joined: a list of strings for training, or the detector's scorer, which hashes the parts as they
 * come and never builds the string (an event candidate has about sixty features).
 */
export interface FeatureSink {
  add(a: string, b?: string, c?: string, d?: string): void;
}

/** Collects the feature names (training, tests). */
class FeatureList implements FeatureSink {
  readonly names: string[] = [];
  add(a: string, b?: string, c?: string, d?: string): void {
    this.names.push(b === undefined ? a : c === undefined ? a + b : d === undefined ? a + b + c : a + b + c + d);
  }
}

/** The participant marks "A-", "-R", "AR", "--" without building them. */
const PARTS = ['--', '-R', 'A-', 'AR'];
const partsMark = (actor: boolean, recipient: boolean): string => PARTS[(actor ? 2 : 0) + (recipient ? 1 : 0)];

export function candidateFeatures(p: Predicate, ctx: DecisionContext, clusters?: ClusterLookup): string[] {
  const list = new FeatureList();
  writeCandidateFeatures(p, ctx, list, clusters);
  return list.names;
}

/** The features of candidate p, in a fixed order, into `f`. */
export function writeCandidateFeatures(p: Predicate, ctx: DecisionContext, f: FeatureSink, clusters?: ClusterLookup): void {
  const { view, ents, lex } = ctx;
  f.add('bias');
  const lemma = p.lemma;
  const t = view.tokens[p.i];
  const dictType = p.code ? toPlover(lex.plover, p.code)?.type ?? 'unmapped' : 'none';
  const veto = p.veto ?? 'none';
  f.add('l=', lemma); f.add('k=', p.kind); f.add('x=', t.xpos ?? ''); f.add('w=', t.text.toLowerCase());
  f.add('dt=', dictType); f.add('dt+k=', dictType, '|', p.kind); f.add('dt+l=', dictType, '|', lemma); f.add('veto=', veto); f.add('veto+dt=', veto, '|', dictType);
  if (p.code) { f.add('code=', p.code); f.add('root=', p.code.slice(0, 2)); }
  if (p.block) f.add('blk=', p.block);
  const pat = p.patternWords > 0 ? 'y' : 'n';
  f.add('pat=', pat); f.add('pat+dt=', pat, '|', dictType);
  if (p.nominal) f.add('nominal-table');
  if (p.inPattern) f.add('in-verb-pattern');
  if (p.governor) f.add('infinitive-adj');
  if (p.modal !== undefined) f.add('modal-adj');

  const rel = view.rel(p.i);
  const h = view.head(p.i);
  f.add('rel=', rel); f.add('rel+k=', rel, '|', p.kind);
  if (h >= 0) { f.add('hl=', view.lemma(h)); f.add('rel+hl=', rel, '|', view.lemma(h)); }
  else f.add('root');
  const passive = p.kind === 'verb' && view.isPassive(p.i);
  f.add('pass=', passive ? 'true' : 'false');

  const { subj, obj } = coreArgs(view, p);
  const subjKind = subj >= 0 ? argKind(view, ents, subj) : 'none';
  const objKind = obj >= 0 ? argKind(view, ents, obj) : 'none';
  f.add('sk=', subjKind); f.add('ok=', objKind); f.add('sk+ok=', subjKind, '|', objKind); f.add('l+ok=', lemma, '|', objKind); f.add('l+sk=', lemma, '|', subjKind); f.add('dt+ok=', dictType, '|', objKind); f.add('dt+sk=', dictType, '|', subjKind);
  if (subj >= 0) { f.add('sl=', view.lemma(subj)); f.add('l+sl=', lemma, '|', view.lemma(subj)); }
  if (obj >= 0) { f.add('ol=', view.lemma(obj)); f.add('l+ol=', lemma, '|', view.lemma(obj)); f.add('dt+ol=', dictType, '|', view.lemma(obj)); }
  // prepositional phrases: which prepositions, with what kind of noun ("assailed X over the budget", "sued X for")
  const obls = view.kids(p.i, p.kind === 'verb' ? OBLIQUE : NMOD, true);
  for (let n = 0; n < obls.length && n < 4; n++) {
    const o = obls[n];
    const prep = view.caseOf(o) || '-';
    if (prep === 'of' && p.kind === 'noun') continue;
    f.add('pp=', prep, '|', argKind(view, ents, o)); f.add('l+pp=', lemma, '|', prep);
  }
  for (const c of view.kids(p.i, COMPLEMENTS)) { f.add('comp=', view.rel(c)); f.add('l+comp=', lemma, '|', view.rel(c)); }

  // participants resolved to entities
  const a = ctx.actor.length, r = ctx.recipient.length;
  const parts = partsMark(a > 0, r > 0);
  f.add('parts=', parts); f.add('parts+dt=', parts, '|', dictType);
  const aType = a ? ents.types.get(ctx.actor[0]) ?? 'ENT' : 'none';
  const rType = r ? ents.types.get(ctx.recipient[0]) ?? 'ENT' : 'none';
  f.add('at=', aType); f.add('rt=', rType); f.add('dt+rt=', dictType, '|', rType); f.add('dt+at=', dictType, '|', aType);

  // groups no entity stands for ("police", "protesters"), by role, with their CAMEO agent sector
  if (ctx.groups.length) {
    let ga = false, gr = false;
    for (const g of ctx.groups) {
      if (g.role === 'actor') ga = true; else gr = true;
      f.add(g.role === 'actor' ? 'ga=' : 'gr=', g.code ?? 'none');
    }
    const groups = partsMark(ga, gr);
    f.add('groups=', groups); f.add('groups+dt=', groups, '|', dictType);
  }

  // factuality and where the sentence stands
  f.add('fact=', ctx.factuality);
  const sIdx = ctx.sentence;
  f.add('sent=', sIdx === 0 ? 'title' : sIdx < 3 ? 'lead' : 'body');
  if (view.isHeadline(p.i)) f.add('headline');
  if (view.inQuote(p.i)) f.add('in-quote');

  // an accident or disaster as the cause: its subject, an in/by/during/from/after phrase, or the
  // clause it depends on ("killed in a stampede", "a storm caused a crane to fall, killing 107")
  if (accidentCue(view, p.i, subj)) { f.add('accident'); f.add('accident+dt=', dictType); }

  // figurative signals: an inanimate subject acting ("a crane accident killed"), an act on a thing
  if (subj >= 0 && subjKind === 'NOUN') f.add('subj-thing+dt=', dictType);
  if (obj >= 0 && objKind === 'NOUN') f.add('obj-thing+dt=', dictType);

  if (clusters) {
    for (const c of clusters(lemma)) { f.add('lc=', c); f.add('lc+dt=', c, '|', dictType); }
    if (subj >= 0) for (const c of clusters(view.lemma(subj))) f.add('sc=', c);
    if (obj >= 0) for (const c of clusters(view.lemma(obj))) f.add('oc=', c);
  }
}

const OBLIQUE = ['obl', 'obl:agent', 'obl:arg', 'obl:tmod'];
const NMOD = ['nmod'];
const COMPLEMENTS = ['xcomp', 'ccomp'];
