/**
 * Coreference inside a document, after names are grouped into entities (stage `coref`):
 *  - appositions and role nouns, by rule: "his mother, Yelena", "Cohen, his girlfriend,",
 *    "Islamic Jihad – the group", "the wife of … Ahmed Samir, Mona Khalil";
 *  - third-person pronouns and definite descriptions ("he", "its", "they", "the ambassador", "the
 *    agency"), by a trained mention-ranking model (src/extract/coref/): each chooses among the
 *    entities and noun phrases mentioned before it, or none, and is linked to a named entity only
 *    when the model is sure enough for its kind (`Mention.corefScore`).
 * First and second person inside quotes and interviews are linked later, once quotes have their
 * speakers (stage `coref-speech`, src/extract/coref/speech.ts).
 */
import type { Doc, Mention } from '../doc.js';
import type { Stage } from '../pipeline.js';
import { set } from '../lexicon/index.js';
import { defineRule } from '../rules/registry.js';
import { KINSHIP, ROLE_NOUNS } from './gazetteer-lists.js';
import { linkReducedNames } from './coref/names-reduced.js';
import { applyRules, apposedTitles, BASIS, describedPossessor, notApposed } from './coref/rules.js';
import { noteTitleShapes } from './coref/descriptions-titles.js';
import { learnedPersonTitle, learnedPersonTitleRule, learnedTitleBeforeName } from './coref/descriptions-learned.js';
import { addMention, lw, tokenOwners } from './coref/mentions.js';
import { MODEL_BASIS } from './coref/confidence.js';
import { ORG_NOUNS, POSSESSIVES, titleNoun } from './coref/words.js';
import { buildMarkables, docView, type Markable } from './coref/markables.js';
import { corefModel, hasCorefOverride, noteRelation, softmax, type CorefModel, type LinkKind } from './coref/model.js';
import { linkPredicates } from './coref/predicates.js';
import { linkGroupPronouns } from './coref/groups.js';
import { linkPluralPronouns } from './coref/plural.js';
import { linkPronounChains } from './coref/pronouns-chain.js';
import { linkCopularPlacePronouns } from './coref/pronouns-copular.js';
import { findKinds } from './coref/kinds.js';
import { appositionListRule, listGoesOn } from './coref/appositions-list.js';
import { resolveMarkables, type Choice, type RankingInstance } from './coref/resolver.js';

/** Verbs that make a preceding noun phrase their subject when no parse is available. */
const SAY_WORDS = set('speech-verbs', { uses: 'coref' });
const APPOS_SEP = new Set([',', '–', '—', '(']);
/** What may follow a name in apposition: the punctuation that closes it. */
const APPOS_CLOSE = new Set([',', '.', ';', ':', ')', '!', '?', '"', '”', '’', "'", '–', '—']);

const appositionNameRule = defineRule({
  id: 'coref.kin-comma-name-closes',
  stage: 'coref',
  action: 'veto',
  summary: 'a kinship or role noun, a comma, then a name is an apposition only when the name\'s phrase closes there ("his mother, Yelena, said"); a name going on to its verb starts a clause ("to reach his mother, Montalvo called")',
  fires: ['After failing to reach his mother, Daniel Ruiz called the embassy.'],
  spares: ['Police spoke to his mother, Elena Ruiz, on Friday.'],
  source: 'src/extract/coref.ts',
});

const possessiveRoleRule = defineRule({
  id: 'coref.described-possessor-role',
  stage: 'coref',
  action: 'label',
  summary: 'a role noun owned by a description ("the group\'s leader", "the site\'s founder") stands in apposition to a name like "his lawyer" does: "Abdul-Malik al-Houthi, the group\'s leader," and "the site\'s founder, Jack Herrick" make the role noun a mention of the person (the possessor stays a description of its own)',
  fires: ['Abdul-Malik al-Houthi, the group\'s leader, said the men were spies.', 'The paper interviewed the site\'s founder, Jack Herrick, on Monday.'],
  spares: ['Abdul-Malik al-Houthi, the leader, said the men were spies.', 'The paper interviewed the founder of the site, Jack Herrick, on Monday.'],
  source: 'src/extract/coref.ts',
});

const apposedTitleRule = defineRule({
  id: 'coref.apposed-title',
  stage: 'coref',
  action: 'label',
  summary: 'an occupation or office apposed with "a" to a named person ("Maria Lopez, a teacher from Leeds,", "Mark Hill, a local farmer,") is one of the person\'s roles, so that "the teacher" later is that person (as a title before the name is: "footballer Luis Diaz … the footballer")',
  fires: ['Police arrested Maria Lopez, a teacher from Leeds, on Friday. The teacher was released on bail.'],
  spares: ['Police arrested Maria Lopez on Friday. The teacher was released on bail.'],
  source: 'src/extract/coref.ts',
});

/** Appositions and role nouns beside a name become nominal mentions of its entity (rules). */
export function resolveNominals(doc: Doc): void {
  const owners = tokenOwners(doc);
  const toks = doc.tokens;
  const covered = new Uint8Array(toks.length);
  owners.forEach((o, i) => { if (o) covered[i] = 1; });

  // A role or kinship noun right before a person's name (optionally with a comma): "his mother, Yelena", "girlfriend Sapir Cohen".
  for (const e of doc.entities) {
    if (e.type !== 'PERSON') continue;
    for (const m of e.mentions.filter((x) => x.kind === 'name')) {
      let k = doc.tokenAt(m.start) - 1;
      if (k >= 0 && toks[k].text === ',') k--;
      if (k < 0 || toks[k].sentence !== toks[doc.tokenAt(m.start)].sentence) continue;
      const noun = lw(toks[k]);
      const det = toks[k - 1];
      // "the site's founder, Jack Herrick": a described possessor is a determiner like "his"
      const describedOwner = possessiveRoleRule.enabled && describedPossessor(toks, owners, k - 1);
      const possessed = det !== undefined && (POSSESSIVES.has(lw(det)) || describedOwner);
      // "to speak with his mother, Montalvo was put through": a name that goes on to its verb opens a
      // clause of its own; an apposition closes ("his mother, Yelena, said", "… his mother, Yelena.")
      const closes = toks[doc.tokenAt(m.end)];
      if (toks[k + 1].text === ',' && appositionNameRule.enabled && closes && !APPOS_CLOSE.has(closes.text) && closes.sentence === toks[k].sentence) {
        appositionNameRule.fired(m.start, m.end);
        notApposed.add(m);
        continue;
      }
      // kinship nouns always ("girlfriend Sapir Cohen"); role nouns when they are a phrase of their own ("his lawyer, X")
      if (!KINSHIP.has(noun) && !((ROLE_NOUNS.has(noun) || (describedOwner && titleNoun(noun))) && (possessed || toks[k + 1]?.text === ','))) {
        // a title word right before the name ("Liverpool footballer Luis Diaz") is remembered for "the footballer" later
        // (or a noun prose pairs almost only with people: "pitcher Daisuke Matsuzaka", descriptions-learned.ts)
        const learned = !titleNoun(noun) && learnedTitleBeforeName(doc, k, m);
        if ((titleNoun(noun) || learned) && toks[k + 1] && doc.tokenAt(m.start) === k + 1) {
          (m.roles ??= []).includes(noun) || m.roles.push(noun);
          if (learned) learnedPersonTitleRule.fired(toks[k].start, toks[k].end);
        }
        continue;
      }
      // a possessive stays out of the nominal so that it resolves as a pronoun of its own
      addMention(doc, e, toks[k].start, toks[k].end, 'nominal', covered, BASIS.apposition);
      (m.roles ??= []).includes(noun) || m.roles.push(noun);
      if (describedOwner) possessiveRoleRule.fired(toks[k].start, toks[k].end);
    }
  }

  // "The wife of jailed activist Ahmed Samir, Mona Khalil,": a kinship noun with "of" and another
  // person, then the name in apposition
  for (const e of doc.entities) {
    if (e.type !== 'PERSON') continue;
    for (const m of e.mentions.filter((x) => x.kind === 'name')) {
      const first = doc.tokenAt(m.start);
      if (toks[first - 1]?.text !== ',') continue;
      const other = owners[first - 2];
      if (!other || other === e || other.type !== 'PERSON') continue;
      let k = first - 2;
      while (k > 0 && owners[k - 1] === other) k--;
      // up to four modifiers between "of" and the other name: "of jailed Egyptian activist"
      let j = k - 1;
      for (let n = 0; n < 4 && j > 0 && lw(toks[j]) !== 'of' && /^[\p{Ll}-]+$|^\p{Lu}\p{Ll}+$/u.test(toks[j].text) && (!owners[j] || owners[j]!.type === 'NORP'); n++) j--;
      if (lw(toks[j]) !== 'of' || j < 1) continue;
      const noun = lw(toks[j - 1]);
      if (!KINSHIP.has(noun) || covered[j - 1]) continue;
      addMention(doc, e, toks[j - 1].start, toks[j - 1].end, 'nominal', covered, BASIS.apposition);
      (m.roles ??= []).includes(noun) || m.roles.push(noun);
    }
  }

  // Apposition after a name: "Cohen, his girlfriend,", "Islamic Jihad – the group which …", "Viktorov, the ambassador".
  for (const e of doc.entities) {
    for (const m of e.mentions.filter((x) => x.kind === 'name')) {
      const after = doc.tokenAt(m.end);
      const sep = toks[after];
      if (!sep || !APPOS_SEP.has(sep.text) || sep.sentence !== toks[doc.tokenAt(m.start)].sentence) continue;
      const det = toks[after + 1];
      if (!det || !(POSSESSIVES.has(lw(det)) || lw(det) === 'the' || lw(det) === 'a' || lw(det) === 'an')) continue;
      // "the group's leader": the described possessor stays out (it is a description of its own), the role is the person's
      const owned = e.type === 'PERSON' && lw(det) === 'the' && possessiveRoleRule.enabled && describedPossessor(toks, owners, after + 3);
      const open = owned ? after + 4 : after + 2;
      // up to two modifiers before the head noun
      for (let h = open; h <= open + 2 && h < toks.length; h++) {
        const noun = lw(toks[h]);
        const fits = e.type === 'PERSON' ? KINSHIP.has(noun) || ROLE_NOUNS.has(noun) || (owned && titleNoun(noun)) : ORG_NOUNS.has(noun) && e.type === 'ORG';
        // "near the town of Kutum, the agency said": a noun phrase followed by its verb is a subject, not an apposition
        // (a participle is a reduced relative instead: "Pieter de Groot, the Dutch journalist kidnapped in Niger")
        const next = toks[h + 1];
        const verbAfter = next !== undefined && next.xpos !== 'VBN' && next.xpos !== 'VBG' && (next.upos === 'VERB' || next.upos === 'AUX' || SAY_WORDS.has(lw(next)));
        if (fits && verbAfter) break;
        // "Maria Lopez, a teacher from Leeds,": an occupation or office apposed to a person with "a" is remembered for
        // "the teacher" later, as a title before the name is (no mention: the indefinite phrase is a predication; "X,
        // the head of …" stays coref.predicate-description's)
        const phraseHead = !(next && next.sentence === toks[h].sentence && (next.upos === 'NOUN' || next.upos === 'PROPN'));
        if (!fits && e.type === 'PERSON' && apposedTitleRule.enabled && (lw(det) === 'a' || lw(det) === 'an') && (titleNoun(noun) || learnedPersonTitle(toks[h])) && phraseHead && !verbAfter && !owners[h]) {
          if (!titleNoun(noun)) learnedPersonTitleRule.fired(toks[h].start, toks[h].end);
          if (!m.roles?.includes(noun)) {
            (m.roles ??= []).push(noun);
            const late = apposedTitles.get(m);
            if (late) late.add(noun);
            else apposedTitles.set(m, new Set([noun]));
          }
          apposedTitleRule.fired(toks[h].start, toks[h].end);
          break;
        }
        if (fits) {
          if (owners[h]) break;
          // "Tom Cruise, his lawyer, or representatives": a member of a list, not a second name (appositions-list.ts)
          if (appositionListRule.enabled && listGoesOn(toks, after + 1, h)) {
            appositionListRule.fired(toks[after + 1].start, toks[h].end);
            break;
          }
          // a nationality inside stays its own mention: "the Dutch | journalist"
          let from = owned ? open : POSSESSIVES.has(lw(det)) ? after + 2 : after + 1;
          for (let k = from; k < h; k++) if (covered[k]) from = k + 1;
          addMention(doc, e, toks[from].start, toks[h].end, 'nominal', covered, BASIS.apposition);
          if (e.type === 'PERSON') (m.roles ??= []).includes(noun) || m.roles.push(noun);
          if (owned) possessiveRoleRule.fired(toks[from].start, toks[h].end);
          break;
        }
        if (!(/^[\p{Ll}-]+$/u.test(toks[h].text) || owners[h]?.type === 'NORP') || POSSESSIVES.has(noun)) break;
      }
      // age in apposition: "Cohen, 29,"
      if (e.type === 'PERSON' && /^\d{1,3}$/.test(det.text) && toks[after + 2]?.text === ',') (e.attributes ??= {}).age = det.text;
    }
  }  // "the Prime Minister of Canada Stephen Harper": a title for "the prime minister" later
  noteTitleShapes(doc, owners);
}

/** Link the third-person pronouns and definite descriptions the model is sure of. */
export function resolveAnaphora(doc: Doc, model: CorefModel | null = corefModel()): void {
  if (!model || doc.tokens.length === 0) return;
  const view = docView(doc);
  const markables = buildMarkables(view);
  const { resolutions } = resolveMarkables(view, markables, (inst) => rank(model, inst));
  const toks = doc.tokens;
  for (const r of resolutions) {
    const e = r.cluster?.entity;
    if (!e) continue;
    const a = r.anaphor;
    const kind = linkKind(a);
    // the rules' choice for the same anaphor: a link against it needs its own confidence (CorefModel.threshold)
    const rule = view.rules.get(a.head);
    const relation = rule === undefined ? 'alone' : rule === e.id ? 'agree' : 'against';
    if (model.sources[kind] !== 'model' || r.probability < model.threshold(kind, relation)) continue;
    const start = toks[a.first].start;
    noteRelation(start, relation);
    const end = toks[a.last].end;
    const m: Mention = {
      start, end, text: doc.text.slice(start, end), kind: a.kind === 'pronoun' ? 'pronoun' : 'nominal', type: e.type, entity: e.id,
      source: 'coref', corefScore: Math.round(r.probability * 1000) / 1000, corefBasis: MODEL_BASIS,
    };
    e.mentions.push(m);
    // "the 29-year-old" gives the person's age
    const age = /^(\d{1,3})-year-old$/.exec(a.word);
    if (age && e.type === 'PERSON') (e.attributes ??= {}).age = age[1];
  }
}

/** The scored kind of an anaphor: he/she, it, they or description. */
export function linkKind(a: Markable): LinkKind {
  if (a.kind !== 'pronoun') return 'description';
  return a.pronoun === 'he' || a.pronoun === 'she' ? 'he/she' : a.pronoun === 'they' ? 'they' : 'it';
}

/** The model's choice: the most probable of the candidates and "no antecedent". */
export function rank(model: CorefModel, inst: RankingInstance): Choice {
  const scores = [model.score(inst.nullFeatures), ...inst.features.map((f) => model.score(f))];
  const p = softmax(scores);
  let best = 0;
  for (let k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
  return { choice: best - 1, probability: p[best] };
}

/**
 * Which resolver links pronouns and descriptions: the hand-written rules (the default: the
 * ranker does not yet pay on our own articles' facts, docs/coref.md), or the trained ranker when a
 * model is set with `useCorefModel` (cross-validation) or CHRONICLE_COREF=model asks for the shipped one.
 */
function rankerModel(): CorefModel | null {
  return hasCorefOverride() || process.env.CHRONICLE_COREF === 'model' ? corefModel() : null;
}

export const corefStage: Stage = {
  name: 'coref',
  requires: ['tokens', 'sentences', 'entities'], uses: ['tags', 'parse', 'times', 'aliases'], provides: ['coref', 'attributes.age', 'aliases.coref'],
  run(doc: Doc) {
    // what the text says its names are ("Muse, a British band", "the planet KELT-9b"), for "the band" and "it" later
    // "the Air Force" after "the Brazilian Air Force": a short form of an organisation's name is that organisation
    linkReducedNames(doc);
    findKinds(doc);
    resolveNominals(doc);
    const model = rankerModel();
    if (!model) applyRules(doc);
    else {
      // the rules' descriptions first (the ranker reads them as its entities' mentions), the rules' pronouns last
      applyRules(doc, (k) => k === 'description' && model.sources[k] === 'rules');
      resolveAnaphora(doc, model);
      applyRules(doc, (k) => k !== 'description' && model.sources[k] === 'rules');
    }
    // copular predicates and appositions, once pronoun subjects are linked: "He is the eighth most cited scholar"
    linkPredicates(doc);
    // "they" and "it" the parse ties to a named group in their own sentence: "Hamas said they would …"
    linkGroupPronouns(doc);
    // what they leave: "their" in a coordinated verb phrase, a plural subject of any named type ("The islands … their")
    linkPluralPronouns(doc);
    // what both leave: a "they" that carries on a chain already linked to a body
    linkPronounChains(doc);
    // an "it" its copular predicate says is a place: "You asked me about Beijing. It's the most interesting city"
    linkCopularPlacePronouns(doc);
    for (const e of doc.entities) e.mentions.sort((a, b) => a.start - b.start);
    doc.mentions = doc.entities.flatMap((e) => e.mentions).sort((a, b) => a.start - b.start);
  },
};
