/**
 * Relations that are not written as a description of the person: captivity ("the group which
 * held X", "X was held by Y", "Y kidnapped X"), leadership ("a militia led by X"), citizenship
 * by passport ("a new Russian passport to X"), residence ("X lives in Y", "his home in Y") and
 * membership ("X joined Y").
 *
 * The patterns are data (lexicon/en/patterns/relations.json, run by src/match): each finds the
 * verb or noun that says the relation and the entities after it. This module finds what lies
 * before it — the subject, over auxiliaries and adverbs (lexicon/en/subject-gap.tsv) or from the
 * parse when there is one — checks the entities' types, and writes the facts.
 */
import type { Doc } from '../../doc.js';
import { formsOf, list, set } from '../../lexicon/index.js';
import { definePredicate, type Match, type MatchContext } from '../../match/matcher.js';
import { patternRule, type PatternRule } from '../../match/rules.js';
import { MentionIndex, nationalityCode, tokenLower as lower, type MentionRef } from '../roles/describe.js';

export interface PatternFact {
  type: 'held_by' | 'citizenship' | 'residence' | 'membership' | 'position';
  role: string | null;
  subject: string;
  /** an entity id, or a country code (citizenship) to be mapped onto an entity */
  object: { entity: string } | { country: string; text: string; token: number };
  start: number;
  end: number;
}

definePredicate('nationality', (t) => nationalityCode(t.text) !== null);

const FILE = 'relations';
const rule = (id: string) => patternRule(FILE, `relations.${id}`);
const heldByRelative = rule('held-by-relative');
const positionLedBy = rule('position-led-by');
const heldByPassive = rule('held-by-passive');
const heldByActive = rule('held-by-active');
const heldByCaptivity = rule('held-by-captivity');
const citizenshipTo = rule('citizenship-passport-to');
const citizenshipGiven = rule('citizenship-given-passport');
const citizenshipReceived = rule('citizenship-received-passport');
const residenceLives = rule('residence-lives-in');
const residenceHome = rule('residence-home-in');
const membershipJoined = rule('membership-joined');

const SUBJECT_GAP = set('subject-gap');
/** "kidnapped and held X": a captivity participle before the verb makes it no active clause */
const CAPTIVITY_PARTICIPLES = formsOf(list('captivity-verbs'), ['participle']);
const CAPTOR_TYPES = new Set(['ORG', 'PERSON', 'NORP', 'GPE']);
const LEADER_ROLES = (positionLedBy.data.roles ?? {}) as Record<string, string>;
const LEADER_VERBS = formsOf(Object.keys(LEADER_ROLES), ['participle']);
/** words between a relative pronoun's antecedent and the pronoun: "Hamas – the armed group – which" */
const ANTECEDENT_GAP = set('relative-antecedent-gap');

/** The person mention covering token i. */
function personAt(idx: MentionIndex, i: number): MentionRef | undefined {
  const r = idx.at(i);
  return r && r.entity.type === 'PERSON' ? r : undefined;
}

/**
 * The person a verb is about, from the parse: its (passive) subject, through a relative pronoun
 * to the noun the clause modifies, and from an appositive noun to the name it describes
 * ("Doron Steinbrecher, a nurse who lives in Kfar Aza, was held by Hamas").
 */
function parsedSubject(doc: Doc, idx: MentionIndex, verb: number): MentionRef | undefined {
  const tokens = doc.tokens;
  if (tokens[verb]?.deprel === undefined) return undefined;
  const sent = tokens[verb].sentence;
  let subj = -1;
  for (let j = verb - 1; j >= 0 && tokens[j].sentence === sent; j--) {
    if (tokens[j].head === verb && /^nsubj/.test(tokens[j].deprel ?? '')) {
      subj = j;
      break;
    }
  }
  if (subj < 0) return undefined;
  let at = subj;
  if (/^(who|that|which)$/i.test(tokens[at].text) && tokens[verb].deprel === 'acl:relcl') at = tokens[verb].head ?? -1;
  for (let hops = 0; hops < 3 && at >= 0; hops++) {
    const r = idx.at(at);
    if (r && r.entity.type === 'PERSON' && r.mention.kind !== 'nominal') return r;
    if (tokens[at].deprel === 'appos' || (r && r.mention.kind === 'nominal')) at = tokens[at].head ?? -1;
    else break;
  }
  return undefined;
}

/** The token before `i` once auxiliaries, adverbs, relative pronouns and commas are passed, or -1. */
function beforeGap(doc: Doc, i: number): number {
  const sent = doc.tokens[i].sentence;
  let s = i - 1;
  while (s >= 0 && doc.tokens[s].sentence === sent && SUBJECT_GAP.has(lower(doc.tokens[s]))) s--;
  return s >= 0 && doc.tokens[s].sentence === sent ? s : -1;
}

/** The subject of the verb at `verb`: the person written before it, else the parse's. */
function subjectOf(doc: Doc, idx: MentionIndex, verb: number): MentionRef | undefined {
  const s = beforeGap(doc, verb);
  return (s >= 0 ? personAt(idx, s) : undefined) ?? parsedSubject(doc, idx, verb);
}

export function findPatternFacts(doc: Doc, idx: MentionIndex): PatternFact[] {
  const out: PatternFact[] = [];
  const tokens = doc.tokens;
  const ctx: MatchContext = { tokens, lowers: doc.lowerTexts(), entityType: (i) => idx.at(i)?.entity.type };
  const span = (a: number, b: number) => ({ start: tokens[a].start, end: tokens[b - 1].end });
  const at = (m: Match, name: string) => m.captures[name]?.start ?? -1;
  const emit = (r: PatternRule, fact: PatternFact) => {
    out.push(fact);
    r.fired(fact.start, fact.end);
  };
  const heldBy = (r: PatternRule, captive: MentionRef, captor: MentionRef, a: number, b: number) =>
    emit(r, { type: 'held_by', role: null, subject: captive.entity.id, object: { entity: captor.entity.id }, ...span(a, b) });

  // CAPTOR [–,] (the group) which|that|who held CAPTIVE
  for (const m of heldByRelative.findAll(ctx)) {
    const i = at(m, 'pronoun');
    const captive = personAt(idx, at(m, 'captive'))!;
    const sent = tokens[i].sentence;
    const sameSentence = (j: number) => j >= 0 && tokens[j].sentence === sent;
    // the pronoun's antecedent: a mention of the nominal right before it, else the named entity
    // before an optional "– the group"
    let j = i - 1;
    let captor: MentionRef | undefined;
    const direct = idx.at(j);
    if (direct && CAPTOR_TYPES.has(direct.entity.type) && direct.entity.id !== captive.entity.id) captor = direct;
    if (!captor || (captor.mention.kind === 'nominal' && !captor.entity.mentions.some((x) => x.kind === 'name'))) {
      while (sameSentence(j) && ANTECEDENT_GAP.has(lower(tokens[j]))) j--;
      while (sameSentence(j) && /^[–—,-]$/.test(tokens[j].text)) j--;
      const named = idx.at(j);
      if (named && CAPTOR_TYPES.has(named.entity.type) && named.entity.id !== captive.entity.id) captor = named;
    }
    if (captor && (captor.entity.type !== 'PERSON' || lower(tokens[i]) === 'who')) heldBy(heldByRelative, captive, captor, Math.min(captor.first, i), captive.last);
  }

  // ORG[,] led|commanded|headed by (titles) PERSON
  for (const m of positionLedBy.findAll(ctx)) {
    const org = idx.at(at(m, 'org'))!;
    const leader = personAt(idx, at(m, 'leader'))!;
    const role = LEADER_ROLES[LEADER_VERBS.get(lower(tokens[at(m, 'verb')])) ?? ''];
    if (role && org.entity.id !== leader.entity.id && leader.first === at(m, 'leader')) {
      emit(positionLedBy, { type: 'position', role, subject: leader.entity.id, object: { entity: org.entity.id }, ...span(org.first, leader.last) });
    }
  }

  // CAPTIVE (was) held|kidnapped (hostage) by CAPTOR
  for (const m of heldByPassive.findAll(ctx)) {
    const v = at(m, 'verb');
    const captor = idx.at(at(m, 'captor'))!;
    const captive = subjectOf(doc, idx, v);
    if (captive && captor.entity.id !== captive.entity.id) heldBy(heldByPassive, captive, captor, Math.min(captive.first, v), captor.last);
  }

  // CAPTOR kidnapped|holds CAPTIVE; took|seized CAPTIVE hostage
  for (const m of heldByActive.findAll(ctx)) {
    const v = at(m, 'verb');
    const prev = v > 0 && tokens[v - 1].sentence === tokens[v].sentence ? tokens[v - 1] : undefined;
    // a passive (an auxiliary before a participle; "is holding" is active), or "kidnapped and held"
    if (prev && /^(was|were|been|being|is|are|be)$/.test(lower(prev)) && !/ing$/.test(lower(tokens[v]))) continue;
    if (prev && CAPTIVITY_PARTICIPLES.has(lower(prev))) continue;
    const captive = personAt(idx, at(m, 'captive'))!;
    const s = beforeGap(doc, v);
    const captor = s >= 0 ? idx.at(s) : undefined;
    if (captor && CAPTOR_TYPES.has(captor.entity.type) && captor.entity.type !== 'PERSON' && captor.entity.id !== captive.entity.id) {
      heldBy(heldByActive, captive, captor, captor.first, m.captures.hostage ? m.end : captive.last);
    }
  }

  // "in CAPTOR captivity": the sentence's person before it
  for (const m of heldByCaptivity.findAll(ctx)) {
    const captor = idx.at(at(m, 'captor'))!;
    const s0 = doc.sentences[tokens[m.start].sentence].tokenStart;
    const subj = idx.refs.find((r) => r.first >= s0 && r.first < captor.first && r.entity.type === 'PERSON');
    if (subj) heldBy(heldByCaptivity, subj, captor, subj.first, m.end);
  }

  // citizenship: one fact per noun, the first rule that finds a holder wins
  const nouns = new Set<number>();
  const citizenship = (r: PatternRule, m: Match, holder: MentionRef | undefined) => {
    const noun = at(m, 'noun');
    const nat = at(m, 'nationality');
    if (!holder || nouns.has(noun)) return;
    nouns.add(noun);
    const w = lower(tokens[noun]);
    const object = { country: nationalityCode(tokens[nat].text)!, text: tokens[nat].text, token: nat };
    emit(r, { type: 'citizenship', role: w.startsWith('passport') ? 'passport' : w, subject: holder.entity.id, object, ...span(Math.min(m.start, holder.first), Math.max(m.end, holder.last)) });
  };
  for (const m of citizenshipTo.findAll(ctx)) citizenship(citizenshipTo, m, personAt(idx, at(m, 'holder')));
  for (const m of citizenshipGiven.findAll(ctx)) citizenship(citizenshipGiven, m, personAt(idx, at(m, 'holder')));
  for (const m of citizenshipReceived.findAll(ctx)) {
    const s = beforeGap(doc, at(m, 'verb'));
    citizenship(citizenshipReceived, m, s >= 0 ? personAt(idx, s) : undefined);
  }

  // PERSON lives|lived in PLACE
  for (const m of residenceLives.findAll(ctx)) {
    const v = at(m, 'verb');
    const person = subjectOf(doc, idx, v);
    const place = idx.at(at(m, 'place'))!;
    if (person) emit(residenceLives, { type: 'residence', role: null, subject: person.entity.id, object: { entity: place.entity.id }, ...span(Math.min(person.first, v), place.last) });
  }

  // POSS home in PLACE ("his home in Kfar Aza")
  for (const m of residenceHome.findAll(ctx)) {
    const owner = idx.at(at(m, 'owner'))!;
    const place = idx.at(at(m, 'place'))!;
    const home = lower(tokens[at(m, 'home')]);
    emit(residenceHome, { type: 'residence', role: home, subject: owner.entity.id, object: { entity: place.entity.id }, ...span(at(m, 'owner'), place.last) });
  }

  // PERSON joined ORG
  for (const m of membershipJoined.findAll(ctx)) {
    const person = idx.at(at(m, 'person'))!;
    const org = idx.at(at(m, 'org'))!;
    emit(membershipJoined, { type: 'membership', role: 'member', subject: person.entity.id, object: { entity: org.entity.id }, ...span(person.first, org.last) });
  }

  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
