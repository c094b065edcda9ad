/**
 * Verb and preposition patterns for relations that are not written as a description of the
 * person: captivity ("the group which held X", "X was held by Y", "Y kidnapped X"),
 * citizenship by passport ("a new Russian passport to X", "presented him with a Russian
 * passport"), residence ("X lives in Y", "his home in Y") and membership ("X joined Y").
 * They read tokens and the mention index only, so they work with or without a parse.
 */
import type { Doc } from '../../doc.js';
import { MentionIndex, nationalityCode, tokenLower as lower, type MentionRef } from '../roles/describe.js';
import { defineRule, type Rule } from '../../rules/registry.js';

const SOURCE = 'src/extract/relations/patterns.ts';
const heldByRelative = defineRule({
  id: 'relations.held-by-relative', stage: 'relations', action: 'label', source: SOURCE,
  summary: 'CAPTOR (– the group) which|that|who held|kidnapped CAPTIVE: a held_by relation',
  fires: ['Hamas, the group which kidnapped Alexander Trufanov in 2023, released him on Saturday.'],
  spares: ['The office which employed Alexander Trufanov in 2023 closed on Saturday.'],
});
const positionLedBy = defineRule({
  id: 'relations.position-led-by', stage: 'relations', action: 'label', source: SOURCE,
  summary: 'ORG[,] led|commanded|headed|chaired|founded by PERSON: the person holds that position in the organisation',
  fires: ['The Rapid Support Forces, commanded by Mohamed Hamdan Dagalo, seized the city.'],
  spares: ['The Rapid Support Forces, praised by Mohamed Hamdan Dagalo, seized the city.'],
});
const heldByPassive = defineRule({
  id: 'relations.held-by-passive', stage: 'relations', action: 'label', source: SOURCE,
  summary: 'CAPTIVE (was) held|kidnapped|abducted (hostage) by CAPTOR: a held_by relation',
  fires: ['Maria Lopez was kidnapped by the Sinaloa Cartel in March.'],
  spares: ['Maria Lopez was interviewed by the BBC in March.'],
});
const heldByActive = defineRule({
  id: 'relations.held-by-active', stage: 'relations', action: 'label', source: SOURCE,
  summary: 'CAPTOR (non-person) kidnapped|held CAPTIVE (hostage): a held_by relation',
  fires: ['Boko Haram kidnapped Alice Ndong near the border.'],
  spares: ['Boko Haram praised Alice Ndong near the border.'],
});
const heldByCaptivity = defineRule({
  id: 'relations.held-by-captivity', stage: 'relations', action: 'label', source: SOURCE,
  summary: '"in CAPTOR captivity" with a person earlier in the sentence: a held_by relation',
  fires: ['Omer Shem Tov spent 505 days in Hamas captivity.'],
  spares: ['Omer Shem Tov spent 505 days in Hamas territory.'],
});
const citizenshipPassport = defineRule({
  id: 'relations.citizenship-passport', stage: 'relations', action: 'label', source: SOURCE,
  summary: 'NAT passport|citizenship to|for PERSON, gave PERSON a NAT passport, PERSON received a NAT passport: citizenship',
  fires: ['Moscow granted a Russian passport to Alexander Trufanov last year.'],
  spares: ['Moscow showed a Russian film to Alexander Trufanov last year.'],
});
const residenceLives = defineRule({
  id: 'relations.residence-lives-in', stage: 'relations', action: 'label', source: SOURCE,
  summary: 'PERSON lives|lived|resides in PLACE: residence',
  fires: ['Doron Steinbrecher lives in Kfar Aza with her parents.'],
  spares: ['Doron Steinbrecher works in Kfar Aza with her parents.'],
});
const residenceHome = defineRule({
  id: 'relations.residence-home-in', stage: 'relations', action: 'label', source: SOURCE,
  summary: 'POSSESSIVE home|house|apartment in PLACE ("his home in Kfar Aza"): residence of the pronoun\'s person',
  fires: ['Ahmed Karimi is a teacher. Police searched his home in Herat on Monday.'],
  spares: ['Ahmed Karimi is a teacher. Police searched his school in Herat on Monday.'],
});
const membershipJoined = defineRule({
  id: 'relations.membership-joined', stage: 'relations', action: 'label', source: SOURCE,
  summary: 'PERSON joined ORG: membership',
  fires: ['In 2019 Sarah Klein joined Amnesty International as a researcher.'],
  spares: ['In 2019 Sarah Klein criticised Amnesty International as a researcher.'],
});

export interface PatternFact {
  type: 'held_by' | 'citizenship' | 'residence' | 'membership' | 'position';
  role: string | null;
  subject: string;
  /** an entity id, or a country code (citizenship) to be mapped onto an entity */
  object: { entity: string } | { country: string; text: string; token: number };
  start: number;
  end: number;
}

const CAPTIVITY_VERBS = new Set(['held', 'holds', 'hold', 'holding', 'kidnapped', 'kidnap', 'kidnaps', 'abducted', 'abduct', 'abducts', 'captured', 'capture', 'seized', 'took', 'taken', 'kept', 'keeping', 'keeps', 'detained', 'detains', 'detaining', 'imprisoned', 'jailed']);
const PASSIVE_CAPTIVITY = new Set(['held', 'kidnapped', 'abducted', 'captured', 'seized', 'taken', 'kept', 'detained', 'imprisoned', 'jailed']);
const AUX = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'still', 'also', 'reportedly', 'allegedly', 'being', 'then', 'later']);
const REL_PRON = new Set(['which', 'that', 'who']);
const GROUP_NOUNS = new Set(['group', 'organization', 'organisation', 'movement', 'faction', 'militia', 'groups', 'organizations', 'organisations', 'terror', 'terrorist', 'militant', 'armed', 'islamist', 'jihadist', 'the', 'a', 'an']);
const CAPTOR_TYPES = new Set(['ORG', 'PERSON', 'NORP', 'GPE']);
const PLACE_TYPES = new Set(['GPE', 'LOC', 'FAC']);
const GIVE_VERBS = /^(gave|give|gives|giving|granted|grant|grants|granting|issued|issue|issues|issuing|presented|present|presents|presenting|handed|hand|handing|awarded|offered|received|receive|receives|obtained|obtain|holds|hold|held|has|had|have|acquired|got|gets)$/;
const CITIZENSHIP_NOUNS = /^(passport|passports|citizenship|nationality)$/;
const RESIDE_VERBS = /^(lives|lived|live|living|resides|resided|reside|residing)$/;
const HOME_NOUNS = /^(home|house|apartment|flat|residence)$/;
const JOIN_VERBS = /^(joined|joins|join|joining)$/;

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

/** "led by X": the role X holds */
const LEADER_VERBS: Record<string, string> = { led: 'leader', commanded: 'commander', headed: 'head', chaired: 'chair', founded: 'founder', run: 'head' };

export function findPatternFacts(doc: Doc, idx: MentionIndex): PatternFact[] {
  const out: PatternFact[] = [];
  const tokens = doc.tokens;
  const span = (a: number, b: number) => ({ start: tokens[a].start, end: tokens[b - 1].end });
  const emit = (rule: Rule, fact: PatternFact) => {
    out.push(fact);
    rule.fired(fact.start, fact.end);
  };

  for (let i = 0; i < tokens.length; i++) {
    const w = lower(tokens[i]);
    const sent = tokens[i].sentence;
    const sameSentence = (j: number) => j >= 0 && j < tokens.length && tokens[j].sentence === sent;

    // held_by (a): CAPTOR [–,] (the group) which|that held CAPTIVE
    if (heldByRelative.enabled && REL_PRON.has(w)) {
      let v = i + 1;
      while (sameSentence(v) && AUX.has(lower(tokens[v]))) v++;
      if (sameSentence(v) && CAPTIVITY_VERBS.has(lower(tokens[v]))) {
        const captive = personAt(idx, v + 1);
        if (captive) {
          // the relative pronoun's antecedent: a mention of the nominal right before it, else the
          // named entity before an optional "– the group"
          let j = i - 1;
          let captor: MentionRef | undefined;
          const direct = idx.at(j);
          if (direct && CAPTOR_TYPES.has(direct.entity.type) && direct.entity.id !== captive.entity.id) captor = direct;
          if (!captor || (captor.mention.kind === 'nominal' && !captor.entity.mentions.some((m) => m.kind === 'name'))) {
            while (sameSentence(j) && GROUP_NOUNS.has(lower(tokens[j]))) j--;
            while (sameSentence(j) && /^[–—,-]$/.test(tokens[j].text)) j--;
            const named = idx.at(j);
            if (named && CAPTOR_TYPES.has(named.entity.type) && named.entity.id !== captive.entity.id) captor = named;
          }
          if (captor && (captor.entity.type !== 'PERSON' || w === 'who')) {
            emit(heldByRelative, { type: 'held_by', role: null, subject: captive.entity.id, object: { entity: captor.entity.id }, ...span(Math.min(captor.first, i), captive.last) });
          }
        }
      }
    }

    // position: ORG[,] led|commanded|headed|chaired|founded by [title words] PERSON
    // ("the RSF, commanded by Mohammed Hamdan Dagalo", "a militia led by Gen. Khalifa Haftar")
    if (positionLedBy.enabled && w === 'by' && sameSentence(i - 1) && LEADER_VERBS[lower(tokens[i - 1])]) {
      let o = i - 2;
      if (sameSentence(o) && tokens[o].text === ',') o--;
      const org = sameSentence(o) ? idx.at(o) : undefined;
      let p = i + 1;
      // titles before the name: "Gen.", "President", "former commander"
      while (sameSentence(p) && p < i + 5 && !idx.at(p) && /^(?:\p{Lu}[\p{L}.]*|former|then|the)$/u.test(tokens[p].text)) p++;
      const leader = personAt(idx, p);
      if (org && leader && (org.entity.type === 'ORG' || org.entity.type === 'NORP') && org.entity.id !== leader.entity.id && leader.first === p) {
        emit(positionLedBy, { type: 'position', role: LEADER_VERBS[lower(tokens[i - 1])], subject: leader.entity.id, object: { entity: org.entity.id }, ...span(org.first, leader.last) });
      }
    }

    // held_by (b): CAPTIVE (was) held|kidnapped|abducted (hostage) by CAPTOR
    if (heldByPassive.enabled && w === 'by' && sameSentence(i - 1)) {
      let v = i - 1;
      if (/^(hostage|captive|prisoner|captives|hostages)$/.test(lower(tokens[v]))) v--;
      if (PASSIVE_CAPTIVITY.has(lower(tokens[v]))) {
        const captor = idx.at(i + 1 < tokens.length && /^(the|a)$/.test(lower(tokens[i + 1])) ? i + 2 : i + 1);
        // the captive: the subject before the auxiliaries, or the name the participle modifies
        let s = v - 1;
        // (a relative pronoun stands for the name before it: "Dubreuil, who was held by ISGS")
        while (sameSentence(s) && (AUX.has(lower(tokens[s])) || tokens[s].text === ',' || /^(?:who|whom)$/.test(lower(tokens[s])))) s--;
        const captive = (sameSentence(s) ? personAt(idx, s) : undefined) ?? parsedSubject(doc, idx, v);
        if (captor && captive && CAPTOR_TYPES.has(captor.entity.type) && captor.entity.id !== captive.entity.id) {
          emit(heldByPassive, { type: 'held_by', role: null, subject: captive.entity.id, object: { entity: captor.entity.id }, ...span(Math.min(captive.first, v), captor.last) });
        }
      }
    }

    // held_by (c): CAPTOR held|kidnapped CAPTIVE (hostage)
    if (heldByActive.enabled && CAPTIVITY_VERBS.has(w) && !PASSIVE_CAPTIVITY.has(lower(tokens[i - 1] ?? tokens[i])) && w !== 'taken') {
      // (a passive auxiliary before a participle; "is holding" is active)
      const prevAux = sameSentence(i - 1) && /^(was|were|been|being|is|are|be)$/.test(lower(tokens[i - 1])) && !/ing$/.test(w);
      const captive = personAt(idx, i + 1);
      let s = i - 1;
      while (sameSentence(s) && /^(has|have|had|is|are|was|were|still|reportedly|allegedly|also)$/.test(lower(tokens[s]))) s--;
      const captor = sameSentence(s) ? idx.at(s) : undefined;
      const hostageWord = captive && sameSentence(captive.last) && /^(hostage|captive|prisoner)$/.test(lower(tokens[captive.last]));
      const kidnapVerb = /^(kidnapped|kidnap|kidnaps|abducted|abduct|abducts|detained|detains|detaining|imprisoned|jailed)$/.test(w);
      if (!prevAux && captive && captor && CAPTOR_TYPES.has(captor.entity.type) && captor.entity.type !== 'PERSON' && captor.entity.id !== captive.entity.id && (hostageWord || kidnapVerb || /^hold/.test(w))) {
        emit(heldByActive, { type: 'held_by', role: null, subject: captive.entity.id, object: { entity: captor.entity.id }, ...span(captor.first, hostageWord ? captive.last + 1 : captive.last) });
      }
    }

    // held_by (d): "captive of CAPTOR", "in CAPTOR captivity" with the sentence's person subject
    if (heldByCaptivity.enabled && w === 'captivity' && sameSentence(i - 1)) {
      const captor = idx.at(i - 1);
      if (captor && captor.entity.type !== 'PERSON' && CAPTOR_TYPES.has(captor.entity.type)) {
        const s0 = doc.sentences[sent].tokenStart;
        const subj = idx.refs.find((r) => r.first >= s0 && r.first < captor.first && r.entity.type === 'PERSON');
        if (subj) emit(heldByCaptivity, { type: 'held_by', role: null, subject: subj.entity.id, object: { entity: captor.entity.id }, ...span(subj.first, i + 1) });
      }
    }

    // citizenship (a): NAT passport|citizenship to|for PERSON;  (b) gave PERSON (with) a NAT passport
    if (citizenshipPassport.enabled && CITIZENSHIP_NOUNS.test(w)) {
      let natTok = -1;
      for (let j = i - 1; j >= i - 3 && sameSentence(j); j--) {
        if (nationalityCode(tokens[j].text)) {
          natTok = j;
          break;
        }
      }
      if (natTok >= 0) {
        const code = nationalityCode(tokens[natTok].text)!;
        const object = { country: code, text: tokens[natTok].text, token: natTok };
        let holder: MentionRef | undefined;
        let a = i;
        let b = i + 1;
        if (sameSentence(i + 1) && /^(to|for)$/.test(lower(tokens[i + 1]))) {
          holder = personAt(idx, i + 2);
          if (holder) b = holder.last;
        }
        if (!holder) {
          // look left: VERB PERSON (with) (a) (new) NAT passport | PERSON's NAT passport | PERSON holds a NAT passport
          let j = natTok - 1;
          while (sameSentence(j) && /^(a|an|the|new|dual|his|her|their|valid|own|with)$/.test(lower(tokens[j]))) j--;
          const possessive = sameSentence(j) && /^['’]s?$/.test(lower(tokens[j]));
          if (possessive) j--;
          const p = sameSentence(j) ? personAt(idx, j) : undefined;
          const given = p !== undefined && sameSentence(p.first - 1) && GIVE_VERBS.test(lower(tokens[p.first - 1]));
          if (p && (given || possessive)) {
            holder = p;
            a = p.first - 1;
          } else if (sameSentence(j) && GIVE_VERBS.test(lower(tokens[j]))) {
            // "X received a Russian passport": the subject before the verb
            let s = j - 1;
            while (sameSentence(s) && /^(has|have|had|was|were|is|also|recently|finally|then|who|,)$/.test(lower(tokens[s]))) s--;
            const subj = sameSentence(s) ? personAt(idx, s) : undefined;
            if (subj && /^(received|receive|receives|obtained|obtain|holds|hold|held|has|had|have|acquired|got|gets|granted|given)$/.test(lower(tokens[j]))) {
              holder = subj;
              a = subj.first;
            }
          }
        }
        if (holder) emit(citizenshipPassport, { type: 'citizenship', role: w.startsWith('passport') ? 'passport' : w, subject: holder.entity.id, object, start: tokens[Math.min(a, natTok)].start, end: tokens[Math.max(b, i + 1) - 1].end });
      }
    }

    // residence (a): PERSON lives|lived in PLACE
    if (residenceLives.enabled && RESIDE_VERBS.test(tokens[i].text) && sameSentence(i + 1) && lower(tokens[i + 1]) === 'in') {
      let s = i - 1;
      while (sameSentence(s) && /^(who|still|now|,|has|had|have|also)$/.test(lower(tokens[s]))) s--;
      const person = (sameSentence(s) ? personAt(idx, s) : undefined) ?? parsedSubject(doc, idx, i);
      let p = i + 2;
      while (sameSentence(p) && /^(the|a)$/.test(lower(tokens[p]))) p++;
      const place = idx.at(p);
      if (person && place && PLACE_TYPES.has(place.entity.type)) {
        emit(residenceLives, { type: 'residence', role: null, subject: person.entity.id, object: { entity: place.entity.id }, ...span(Math.min(person.first, i), place.last) });
      }
    }

    // residence (b): POSS home in PLACE ("his home in Kfar Aza"); not "his parents' home"
    if (residenceHome.enabled && HOME_NOUNS.test(w) && sameSentence(i + 1) && lower(tokens[i + 1]) === 'in') {
      const owner = idx.at(i - 1);
      const place = idx.at(i + 2) ?? idx.at(i + 3);
      if (owner && owner.entity.type === 'PERSON' && place && PLACE_TYPES.has(place.entity.type)) {
        emit(residenceHome, { type: 'residence', role: w, subject: owner.entity.id, object: { entity: place.entity.id }, ...span(i - 1, place.last) });
      }
    }

    // membership: PERSON joined ORG
    if (membershipJoined.enabled && JOIN_VERBS.test(w)) {
      const person = personAt(idx, i - 1);
      let o = i + 1;
      while (sameSentence(o) && /^(the|a)$/.test(lower(tokens[o]))) o++;
      const org = idx.at(o);
      if (person && org && org.entity.type === 'ORG') {
        emit(membershipJoined, { type: 'membership', role: 'member', subject: person.entity.id, object: { entity: org.entity.id }, ...span(person.first, org.last) });
      }
    }
  }
  return out;
}
