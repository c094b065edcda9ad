/**
 * Features of a candidate predicate for the learned event detector (detector.ts): the lemma and
 * its arguments from the parse, what the CAMEO dictionaries say (code, PLOVER type, whether a
 * pattern matched, which rule would veto it — evidence, not the verdict), whether the arguments
 * are entities, people or places, factuality, sentence position and figurative signals (a thing
 * as the patient of an act done to people, an inanimate subject). Word representations (Brown
 * clusters) stand in for lemmas the training set has not seen.
 */
import type { Predicate, DecisionContext } from './coder.js';
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

export function candidateFeatures(p: Predicate, ctx: DecisionContext, clusters?: ClusterLookup): string[] {
  const { view, ents, lex } = ctx;
  const f: string[] = ['bias'];
  const lemma = p.lemma;
  const t = view.tokens[p.i];
  const dictType = p.code ? toPlover(lex.plover, p.code)?.type ?? 'unmapped' : 'none';
  const veto = p.veto ?? 'none';
  f.push(`l=${lemma}`, `k=${p.kind}`, `x=${t.xpos ?? ''}`, `w=${t.text.toLowerCase()}`);
  f.push(`dt=${dictType}`, `dt+k=${dictType}|${p.kind}`, `dt+l=${dictType}|${lemma}`, `veto=${veto}`, `veto+dt=${veto}|${dictType}`);
  if (p.code) f.push(`code=${p.code}`, `root=${p.code.slice(0, 2)}`);
  if (p.block) f.push(`blk=${p.block}`);
  f.push(`pat=${p.patternWords > 0 ? 'y' : 'n'}`, `pat+dt=${p.patternWords > 0 ? 'y' : 'n'}|${dictType}`);
  if (p.nominal) f.push('nominal-table');
  if (p.inPattern) f.push('in-verb-pattern');
  if (p.governor) f.push('infinitive-adj');
  if (p.modal !== undefined) f.push('modal-adj');

  const rel = view.rel(p.i);
  const h = view.head(p.i);
  f.push(`rel=${rel}`, `rel+k=${rel}|${p.kind}`);
  if (h >= 0) f.push(`hl=${view.lemma(h)}`, `rel+hl=${rel}|${view.lemma(h)}`);
  else f.push('root');
  const passive = p.kind === 'verb' && view.isPassive(p.i);
  f.push(`pass=${passive}`);

  const { subj, obj } = coreArgs(view, p);
  const subjKind = subj >= 0 ? argKind(view, ents, subj) : 'none';
  const objKind = obj >= 0 ? argKind(view, ents, obj) : 'none';
  f.push(`sk=${subjKind}`, `ok=${objKind}`, `sk+ok=${subjKind}|${objKind}`, `l+ok=${lemma}|${objKind}`, `l+sk=${lemma}|${subjKind}`, `dt+ok=${dictType}|${objKind}`, `dt+sk=${dictType}|${subjKind}`);
  if (subj >= 0) f.push(`sl=${view.lemma(subj)}`, `l+sl=${lemma}|${view.lemma(subj)}`);
  if (obj >= 0) f.push(`ol=${view.lemma(obj)}`, `l+ol=${lemma}|${view.lemma(obj)}`, `dt+ol=${dictType}|${view.lemma(obj)}`);
  // prepositional phrases: which prepositions, with what kind of noun ("assailed X over the budget", "sued X for")
  const obls = view.kids(p.i, p.kind === 'verb' ? ['obl', 'obl:agent', 'obl:arg', 'obl:tmod'] : ['nmod'], true);
  for (const o of obls.slice(0, 4)) {
    const prep = view.caseOf(o) || '-';
    if (prep === 'of' && p.kind === 'noun') continue;
    f.push(`pp=${prep}|${argKind(view, ents, o)}`, `l+pp=${lemma}|${prep}`);
  }
  for (const c of view.kids(p.i, ['xcomp', 'ccomp'])) f.push(`comp=${view.rel(c)}`, `l+comp=${lemma}|${view.rel(c)}`);

  // participants resolved to entities
  const a = ctx.actor.length, r = ctx.recipient.length;
  f.push(`parts=${a ? 'A' : '-'}${r ? 'R' : '-'}`, `parts+dt=${a ? 'A' : '-'}${r ? 'R' : '-'}|${dictType}`);
  const aType = a ? ents.types.get(ctx.actor[0]) ?? 'ENT' : 'none';
  const rType = r ? ents.types.get(ctx.recipient[0]) ?? 'ENT' : 'none';
  f.push(`at=${aType}`, `rt=${rType}`, `dt+rt=${dictType}|${rType}`, `dt+at=${dictType}|${aType}`);

  // groups no entity stands for ("police", "protesters"), by role, with their CAMEO agent sector
  if (ctx.groups.length) {
    let ga = '-', gr = '-';
    for (const g of ctx.groups) {
      if (g.role === 'actor') ga = 'A'; else gr = 'R';
      f.push(`g${g.role === 'actor' ? 'a' : 'r'}=${g.code ?? 'none'}`);
    }
    f.push(`groups=${ga}${gr}`, `groups+dt=${ga}${gr}|${dictType}`);
  }

  // factuality and where the sentence stands
  f.push(`fact=${ctx.factuality}`);
  const sIdx = ctx.sentence;
  f.push(`sent=${sIdx === 0 ? 'title' : sIdx < 3 ? 'lead' : 'body'}`);
  if (view.isHeadline(p.i)) f.push('headline');
  if (view.inQuote(p.i)) f.push('in-quote');

  // figurative signals: an inanimate subject acting ("a crane accident killed"), an act on a thing
  if (subj >= 0 && subjKind === 'NOUN') f.push(`subj-thing+dt=${dictType}`);
  if (obj >= 0 && objKind === 'NOUN') f.push(`obj-thing+dt=${dictType}`);

  if (clusters) {
    for (const c of clusters(lemma)) f.push(`lc=${c}`, `lc+dt=${c}|${dictType}`);
    if (subj >= 0) for (const c of clusters(view.lemma(subj))) f.push(`sc=${c}`);
    if (obj >= 0) for (const c of clusters(view.lemma(obj))) f.push(`oc=${c}`);
  }
  return f;
}
