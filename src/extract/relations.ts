/**
 * The `relations` stage: who is whose relative, who holds which position where, who is a
 * citizen of, member of, resident of, or held captive by whom — each with the characters of its
 * evidence — plus age, nationality and occupation attributes on persons.
 *
 * Two sources feed it: descriptions attached to an entity (titles, appositions, copulas, its own
 * nominal mentions; see roles/describe.ts) and verb/preposition patterns (relations/patterns.ts).
 * Needs entities with mentions (the `entities` stage); uses the parse when present.
 */
import { participantsConfidence } from './coref/confidence.js';
import type { Doc, Entity, Relation } from '../doc.js';
import type { Stage } from '../pipeline.js';
import { describe, MentionIndex, nationalityCode, sharesStem, type Description, type MentionRef } from './roles/describe.js';
import { actorIndex } from './actors/index.js';
import { normKey } from './actors/dictionary.js';
import { findPatternFacts } from './relations/patterns.js';

export type RelationType = 'family' | 'position' | 'citizenship' | 'membership' | 'residence' | 'held_by';

const ORGISH = new Set(['ORG', 'GPE', 'NORP', 'FAC']);
const PLACES = new Set(['GPE', 'LOC', 'FAC']);

/** The entity standing for a country code: its GPE entity ("Russia"), else a NORP one ("Russian"). */
export function countryEntity(doc: Doc, code: string): Entity | null {
  const cache = (doc.notes.get('relations.countries') as { entities: Entity[]; map: Map<string, Entity | null> } | undefined);
  if (cache && cache.entities === doc.entities && cache.map.has(code)) return cache.map.get(code)!;
  const found = findCountryEntity(doc, code);
  const map = cache && cache.entities === doc.entities ? cache.map : new Map<string, Entity | null>();
  map.set(code, found);
  doc.notes.set('relations.countries', { entities: doc.entities, map });
  return found;
}

function findCountryEntity(doc: Doc, code: string): Entity | null {
  let norp: Entity | null = null;
  const idx = actorIndex();
  for (const e of doc.entities) {
    if (e.type !== 'GPE' && e.type !== 'NORP') continue;
    const names = [...new Set([e.name, ...e.mentions.filter((m) => m.kind === 'name').map((m) => m.text)])];
    // by name only: a city coded with its country ("Aceh" → IDN) does not stand for the country
    const hit = names.some((n) => {
      const key = normKey(n.replace(/^the\s+/i, ''));
      return nationalityCode(key) === code && idx.lookup(key).some((id) => idx.countryCodeOf(id) === code && sharesStem(key, idx.record(id)));
    });
    if (!hit) continue;
    if (e.type === 'GPE') return e;
    norp ??= e;
  }
  return norp;
}

/** A nationality adjective ("Russian", "Israeli", "French"), not a country or state name ("Pennsylvania"). */
function adjectival(word: string): boolean {
  return /(an|ish|ese|i|ic|ch|ek)$/i.test(word) && !/(stan|land|ia)$/i.test(word);
}

interface Pending {
  type: RelationType;
  role: string | null;
  subject: string;
  object: string;
  start: number;
  end: number;
}

/**
 * The country of the speaker of a sentence: the first other entity mentioned in it whose actor
 * code starts with a country ("The ambassador … our compatriot, the Russian Embassy wrote" → RUS).
 */
function speakerCountry(doc: Doc, idx: MentionIndex, d: Description): string | null {
  const s = doc.sentences[d.sentence];
  if (!s) return null;
  const index = actorIndex();
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const r = idx.at(i);
    if (!r || r.entity.id === d.entity || r.first !== i) continue;
    for (const c of r.entity.codes ?? []) {
      const root = c.code.slice(0, 3);
      if (index.country(root)) return root;
    }
  }
  return null;
}

/** The first organisation or place introduced by at/for/with/of in tokens [from, to). */
function laterOrg(doc: Doc, idx: MentionIndex, from: number, to: number): MentionRef | null {
  for (let q = from; q < to; q++) {
    // the description ends at a verb ("Bertie Ahern, the Prime Minister of Ireland visited the White House")
    if (/^VB[DZP]?$/.test(doc.tokens[q].xpos ?? '')) return null;
    if (!/^(at|for|with|of)$/i.test(doc.tokens[q].text)) continue;
    let j = q + 1;
    if (j < to && /^(the|a|an)$/i.test(doc.tokens[j].text)) j++;
    const r = idx.at(j);
    // "of Mozambique's National Electoral Commission": the organisation the place's possessive qualifies
    const owned = r && r.first === j && PLACES.has(r.entity.type) && /^['’]s?$/.test(doc.tokens[r.last]?.text ?? '') ? idx.at(r.last + 1) : null;
    if (owned && owned.first === r!.last + 1 && owned.mention.kind === 'name' && owned.entity.type === 'ORG') return owned;
    if (r && r.first === j && r.mention.kind === 'name' && ORGISH.has(r.entity.type)) return r;
  }
  return null;
}

/** Relations and attributes implied by one description. */
function fromDescription(doc: Doc, idx: MentionIndex, d: Description, emit: (r: Pending) => void, attr: (entity: string, key: string, value: string) => void): void {
  const p = d.phrase;
  const subject = doc.entityById(d.entity);
  if (!subject) return;
  const isPerson = subject.type === 'PERSON';
  if (p.age !== null && isPerson) attr(d.entity, 'age', String(p.age));
  const head = p.head;
  const ev = { start: d.start, end: d.end };
  const byCountry = (code: string) => countryEntity(doc, code)?.id ?? null;
  const lastModifier = (types: Set<string>): MentionRef | undefined => [...p.modifiers].reverse().find((m) => types.has(m.entity.type));

  if (!head) {
    // "X, of Kibbutz Nir Oz" / "X, from Haifa"
    const c = p.complement;
    if (isPerson && c && c.ref && (c.prep === 'of' || c.prep === 'from') && PLACES.has(c.ref.entity.type) && d.via !== 'title') {
      emit({ type: 'residence', role: null, subject: d.entity, object: c.ref.entity.id, ...ev });
    }
    return;
  }
  if (isPerson) {
    // "Swedish journalist Karin Holm", "an American hostage": a nationality the text gives the
    // person (not one inside an organisation's name: "Russian Embassy spokesman") is citizenship
    for (const n of p.nationalities) {
      if (n.token >= head.from || !adjectival(n.text)) continue;
      if (p.modifiers.some((m) => m.entity.type !== 'NORP' && n.token >= m.first && n.token < m.last)) continue;
      if (head.cls !== 'captive') attr(d.entity, 'nationality', n.text);
      const country = byCountry(n.code);
      if (country && country !== d.entity && !p.former) emit({ type: 'citizenship', role: null, subject: d.entity, object: country, ...ev });
    }
  }
  const comp = p.complement;
  const compRef = comp?.ref ?? null;
  const former = p.former ? 'former ' : '';
  switch (head.cls) {
    case 'kin': {
      // a plural kin noun names the relation of each listed person ("his parents, X and Y"), not of a nominal
      if (!isPerson || (head.plural && !d.name)) return;
      let object = p.possessor?.entity ?? null;
      if (!object && comp && comp.prep === 'of' && compRef && compRef.entity.type === 'PERSON') object = compRef.entity.id;
      if (object && object !== d.entity && doc.entityById(object)?.type === 'PERSON') emit({ type: 'family', role: head.role, subject: d.entity, object, ...ev });
      return;
    }
    case 'position':
    case 'occupation':
    case 'descriptor':
    case 'member': {
      if (isPerson && (head.cls === 'position' || head.cls === 'occupation')) attr(d.entity, 'occupation', head.role);
      let object: string | null = null;
      let atLater = false;
      // "the United Nations humanitarian coordinator for Sudan": the organisation before the role
      // employs; the country after "for"/"to" is the remit
      const orgBefore = lastModifier(new Set(['ORG']));
      // (also when the remit names no entity: "the UN High Commissioner for Human Rights")
      if (orgBefore && comp && /^(for|to|in)$/.test(comp.prep) && ((compRef && PLACES.has(compRef.entity.type)) || (!compRef && !comp.nationality))) {
        object = orgBefore.entity.id;
      } else if (compRef && comp && /^(of|for|at|with|in)$/.test(comp.prep) && (ORGISH.has(compRef.entity.type) || (comp.prep !== 'in' && compRef.entity.type === 'PERSON'))) {
        object = compRef.entity.type === 'NORP' ? (comp.nationality ? byCountry(comp.nationality.code) : null) ?? compRef.entity.id : compRef.entity.id;
        if (comp.prep === 'in' && !PLACES.has(compRef.entity.type) && compRef.entity.type !== 'ORG') object = null;
      } else if (comp && !compRef && comp.nationality && (comp.prep === 'of' || comp.prep === 'for')) {
        object = byCountry(comp.nationality.code);
      }
      // "a reporter for the Gothenburg daily X" with X unrecognised: the employer is named but not
      // known, so neither a nationality nor a place before the role stands in for it
      const employerUnnamed = comp !== null && !compRef && !comp.nationality && /^(for|at|with)$/.test(comp.prep);
      if (!object && !employerUnnamed) {
        const mod = lastModifier(ORGISH);
        if (mod) {
          if (mod.entity.type === 'NORP') {
            const nat = p.nationalities.find((n) => n.token >= mod.first && n.token < mod.last);
            object = (nat ? byCountry(nat.code) : null) ?? mod.entity.id;
          } else object = mod.entity.id;
        }
      }
      if (!object && !employerUnnamed) {
        const nat = p.nationalities.find((n) => n.token < head.from);
        if (nat) object = byCountry(nat.code);
      }
      if (!object && comp && !compRef) {
        // a later complement names the organisation: "curator of the exhibition at Tate Modern"
        const ref = laterOrg(doc, idx, comp.to, p.to);
        if (ref) {
          object = ref.entity.id;
          atLater = true;
        }
      }
      if (!object && p.possessor?.entity && head.cls !== 'member') object = p.possessor.entity;
      if (!object || object === d.entity) return;
      if (head.cls === 'member') {
        const o = doc.entityById(object);
        if (o && o.type !== 'ORG') return; // "Israeli soldiers" is nationality, not membership
        emit({ type: 'membership', role: head.role, subject: d.entity, object, ...ev });
      } else if (head.cls === 'position' || ((atLater || (comp && /^(at|for|with)$/.test(comp.prep))) && doc.entityById(object)?.type !== 'PERSON')) {
        emit({ type: 'position', role: former + p.title, subject: d.entity, object, ...ev });
      }
      return;
    }
    case 'captive': {
      let captor: string | null = null;
      if (compRef && comp && /^(of|by)$/.test(comp.prep) && (compRef.entity.type === 'ORG' || compRef.entity.type === 'PERSON')) captor = compRef.entity.id;
      captor ??= lastModifier(new Set(['ORG']))?.entity.id ?? null;
      if (captor && captor !== d.entity) emit({ type: 'held_by', role: head.role, subject: d.entity, object: captor, ...ev });
      if (isPerson) for (const n of p.nationalities) if (n.token < head.from && adjectival(n.text) && !p.modifiers.some((m) => m.entity.type === 'ORG' && n.token >= m.first && n.token < m.last)) attr(d.entity, 'nationality', n.text);
      return;
    }
    case 'citizen': {
      const codes = new Set<string>();
      for (const n of p.nationalities) codes.add(n.code);
      if (comp?.nationality) codes.add(comp.nationality.code);
      // "our compatriot": the country of whoever speaks in the sentence (an entity with a state code)
      if (codes.size === 0 && p.possessor && (p.possessor.pronoun === 'our' || p.possessor.pronoun === 'their')) {
        const code = speakerCountry(doc, idx, d);
        if (code) codes.add(code);
      }
      for (const code of codes) {
        const country = byCountry(code);
        if (country && country !== d.entity) emit({ type: 'citizenship', role: head.role, subject: d.entity, object: country, ...ev });
        const nat = p.nationalities.find((n) => n.code === code);
        if (isPerson && nat && adjectival(nat.text)) attr(d.entity, 'nationality', nat.text);
      }
      return;
    }
    case 'resident': {
      let place: string | null = null;
      if (compRef && comp && comp.prep === 'of' && PLACES.has(compRef.entity.type)) place = compRef.entity.id;
      place ??= lastModifier(PLACES)?.entity.id ?? null;
      if (place && place !== d.entity) emit({ type: 'residence', role: head.role, subject: d.entity, object: place, ...ev });
      return;
    }
  }
}

/** Find relations and person attributes; returns them without touching the Doc. */
export function findRelations(doc: Doc): { relations: Relation[]; attributes: Map<string, Record<string, string>> } {
  const relations: Relation[] = [];
  const attributes = new Map<string, Record<string, string>>();
  if (doc.entities.length === 0 || doc.tokens.length === 0) return { relations, attributes };
  const seen = new Set<string>();
  const emit = (r: Pending) => {
    if (r.subject === r.object) return;
    // one captivity, citizenship, residence or membership per pair; family and positions by role
    const key = r.type === 'family' || r.type === 'position' ? `${r.type}|${r.role ?? ''}|${r.subject}|${r.object}` : `${r.type}|${r.subject}|${r.object}`;
    if (seen.has(key)) return;
    seen.add(key);
    // a participant reached through a pronoun or description ("his mother, Yelena") is as sure as that link
    const confidence = participantsConfidence(doc, [{ entity: r.subject, start: r.start, end: r.end }, { entity: r.object, start: r.start, end: r.end }]);
    relations.push({ type: r.type, role: r.role, subject: r.subject, object: r.object, start: r.start, end: r.end, ...(confidence !== undefined ? { confidence } : {}) });
  };
  const attr = (entity: string, key: string, value: string) => {
    const a = attributes.get(entity) ?? {};
    const cur = a[key];
    if (!cur) a[key] = value;
    else if (key !== 'age' && !cur.split(', ').some((v) => v.toLowerCase() === value.toLowerCase())) a[key] = `${cur}, ${value}`;
    attributes.set(entity, a);
  };
  const idx = new MentionIndex(doc);
  for (const d of describe(doc)) fromDescription(doc, idx, d, emit, attr);

  for (const f of findPatternFacts(doc, idx)) {
    let object: string | null;
    if ('entity' in f.object) object = f.object.entity;
    else {
      object = countryEntity(doc, f.object.country)?.id ?? null;
      const subj = doc.entityById(f.subject);
      if (f.type === 'citizenship' && subj?.type === 'PERSON') attr(f.subject, 'nationality', f.object.text);
    }
    if (object) emit({ type: f.type, role: f.role, subject: f.subject, object, start: f.start, end: f.end });
  }
  relations.sort((a, b) => a.start - b.start || a.end - b.end);
  return { relations, attributes };
}

export const relationsStage: Stage = {
  name: 'relations',
  requires: ['entities'], uses: ['coref', 'codes', 'tags', 'parse'], provides: ['relations', 'attributes', 'codes.citizenship'],
  run(doc: Doc): void {
    const { relations, attributes } = findRelations(doc);
    doc.relations = relations;
    for (const [id, attrs] of attributes) {
      const e = doc.entityById(id);
      if (e) e.attributes = { ...(e.attributes ?? {}), ...attrs };
    }
    // a citizen's country code joins the person's actor codes when none names that country
    for (const r of relations) {
      if (r.type !== 'citizenship') continue;
      const person = doc.entityById(r.subject);
      const country = doc.entityById(r.object);
      const code = country?.codes?.find((c) => /^[A-Z]{3}$/.test(c.code))?.code ?? (country ? nationalityCode(country.name) : null);
      if (!person || !code) continue;
      person.codes ??= [];
      if (!person.codes.some((c) => c.code.startsWith(code))) person.codes.push({ code, source: `citizenship of ${country!.name} (relations)` });
    }
  },
};
