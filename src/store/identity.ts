/**
 * Cross-document identity: groups the entities of many documents into one identity per real
 * entity. A document's entity joins an existing identity only on evidence that fits its type,
 * kept with a confidence and said in words (docs/store.md has the rules and examples):
 *  - people: the same full name, or a spelling of it (transliteration, short form); a lone
 *    surname only with agreeing context — a title, occupation, nationality or a distinctive
 *    person or organisation named with it in both; a lone given name only through a relation
 *    to the same person, or two distinctive people or titles in common;
 *  - organisations: the same name, never against another country or parent written next to
 *    it; a generic name ("Supreme Court", "Parliament", "the Army", one common word) only with
 *    a country in common;
 *  - places: the same name (or acronym), never when their actor codes put them in different
 *    countries.
 * Never on a first name alone, a pronoun or one common word. Two full names with the same
 * surname and different given names never merge. Manual decisions (must-link / cannot-link
 * between stable references) override the rules and survive re-ingestion.
 */
import type { EntityContext } from './context.js';
import { shortFormJoin as aliasShortForms } from '../extract/entities.js';
import { acronymOf, closeSurname, foldName, givenNamesAgree, givenVariants, initialsOf, isCommonWord, orgKey, parsePersonName, sameNameToken, shortFormKey, skeleton, type PersonName } from './names.js';

/** Links below this confidence are shown as "check" in the app. */
export const LOW_CONFIDENCE = 0.8;

export interface MemberRelation {
  type: string;
  role: string | null;
  /** the other doc-entity (row id) */
  partner: number;
  /** 'subject' when this entity is the relation's subject */
  side: 'subject' | 'object';
}

/** One entity of one document, as the resolver sees it. */
export interface Member {
  /** doc_entities row id */
  id: number;
  document: number;
  /** stable across re-ingestion: content hash, type and folded name */
  ref: string;
  type: string;
  name: string;
  /** mention texts of kind 'name' */
  aliases: string[];
  relations: MemberRelation[];
  mentions: number;
  /** what the document says about the entity: occupation, nationality, … */
  attributes?: Record<string, string>;
  /** countries, parents, titles, genericity, read from the document at ingest (context.ts) */
  context?: EntityContext;
}

export interface Link {
  member: number;
  cluster: number;
  confidence: number;
  method: string;
  evidence: string;
}

export interface Decision {
  kind: 'merge' | 'split';
  a: string;
  b: string;
}

interface Cluster {
  id: number;
  type: string;
  members: Member[];
  /** person names with given name and surname */
  fullNames: PersonName[];
  nicknames: Set<string>;
  /** single-token person names */
  singles: Set<string>;
  orgKeys: Set<string>;
  /** acronyms written as such ("UN") and initials of multi-word names ("United Nations" → un) */
  acronyms: Set<string>;
  initials: Set<string>;
  /** the short forms its organisation names give ("Smithsonian Institution" → smithsonian; the alias layer's short-form) */
  shortForms: Set<string>;
  /** partner cluster id → relation types seen, for relation evidence */
  partners: Map<Cluster, Set<string>>;
  /** co-occurring clusters */
  neighbours: Set<Cluster>;
  /** documents the members come from (document → members) */
  docs: Map<number, number>;
  /** full names as written, by their folded tokens */
  written: Map<string, string>;
}

const PLACE_TYPES = new Set(['GPE', 'LOC', 'FAC']);
function compatibleTypes(a: string, b: string): boolean {
  return a === b || (PLACE_TYPES.has(a) && PLACE_TYPES.has(b));
}

export function memberRef(hash: string, type: string, name: string): string {
  return `${hash}#${type}#${foldName(name)}`;
}

export class Resolver {
  private clusters = new Map<number, Cluster>();
  private clusterOf = new Map<number, Cluster>();
  private members = new Map<number, Member>();
  private byRef = new Map<string, Member>();
  private must = new Map<string, Set<string>>();
  private cannot = new Map<string, Set<string>>();
  private nextTemp = -1;
  /** blocking index: name key → clusters holding a name with that key */
  private index = new Map<string, Set<Cluster>>();
  /** links produced since the last drain() */
  private changed = new Map<number, Link>();
  /** clusters removed by merges since the last drain() */
  private removedClusters = new Set<number>();
  /** every document seen, for how distinctive a co-occurring identity is */
  private documents = new Set<number>();

  constructor(decisions: Decision[] = []) {
    for (const d of decisions) this.addDecision(d);
  }

  addDecision(d: Decision): void {
    const table = d.kind === 'merge' ? this.must : this.cannot;
    if (!table.has(d.a)) table.set(d.a, new Set());
    if (!table.has(d.b)) table.set(d.b, new Set());
    table.get(d.a)!.add(d.b);
    table.get(d.b)!.add(d.a);
  }

  /** Restore a stored assignment without re-deciding it. */
  restore(member: Member, clusterId: number): void {
    let c = this.clusters.get(clusterId);
    if (!c) {
      c = this.newCluster(member.type, clusterId);
    }
    this.attach(member, c);
  }

  /** Rebuild co-occurrence and relation indexes after restore() calls. */
  /** Index the context of documents whose members were just restored (another writer's new documents). */
  indexDocuments(lists: Member[][]): void {
    for (const list of lists) this.indexContext(list);
  }

  reindex(): void {
    const byDoc = new Map<number, Member[]>();
    for (const m of this.members.values()) {
      if (!byDoc.has(m.document)) byDoc.set(m.document, []);
      byDoc.get(m.document)!.push(m);
    }
    for (const list of byDoc.values()) this.indexContext(list);
  }

  clusterIdOf(memberId: number): number | undefined {
    return this.clusterOf.get(memberId)?.id;
  }

  membersOf(clusterId: number): Member[] {
    return this.clusters.get(clusterId)?.members ?? [];
  }

  /** Resolve the entities of one document; returns nothing, read links with drain(). */
  addDocument(list: Member[]): void {
    // organisations and places first (people's context), then full names, then lone names
    const order = (m: Member) => {
      // "the Supreme Court" after the "Supreme Court of Pakistan" it stands for
      if (m.type !== 'PERSON') return m.context?.sameAs ? 0.5 : 0;
      const p = parsePersonName(m.name);
      return p.surname ? 1 : 2;
    };
    const sorted = list.slice().sort((a, b) => order(a) - order(b) || b.mentions - a.mentions);
    for (const m of sorted) this.members.set(m.id, m);
    for (const m of sorted) this.byRef.set(m.ref, m);
    for (const m of sorted) {
      const link = this.decide(m, list);
      let c = link.cluster !== 0 ? this.clusters.get(link.cluster) : undefined;
      if (!c) c = this.newCluster(m.type);
      this.attach(m, c);
      this.changed.set(m.id, { ...link, cluster: c.id });
    }
    this.indexContext(list);
    this.applyMustLinks(list);
  }

  /** Links decided (or moved) since the last call, and clusters that no longer exist. */
  drain(): { links: Link[]; removed: number[] } {
    const links = [...this.changed.values()].map((l) => ({ ...l, cluster: this.clusterOf.get(l.member)!.id }));
    const removed = [...this.removedClusters];
    this.changed.clear();
    this.removedClusters.clear();
    return { links, removed };
  }

  /** Give a temporary (negative) cluster its database id. */
  renameCluster(from: number, to: number): void {
    const c = this.clusters.get(from);
    if (!c || from === to) return;
    // partners and neighbours hold the cluster objects, so nothing else needs renaming
    this.clusters.delete(from);
    c.id = to;
    this.clusters.set(to, c);
  }

  private newCluster(type: string, id?: number): Cluster {
    const c: Cluster = {
      id: id ?? this.nextTemp--,
      type,
      members: [],
      fullNames: [],
      nicknames: new Set(),
      singles: new Set(),
      orgKeys: new Set(),
      acronyms: new Set(),
      initials: new Set(),
      shortForms: new Set(),
      partners: new Map(),
      neighbours: new Set(),
      docs: new Map(),
      written: new Map(),
    };
    this.clusters.set(c.id, c);
    return c;
  }

  private attach(m: Member, c: Cluster): void {
    const old = this.clusterOf.get(m.id);
    if (old === c) return;
    if (old) {
      old.members = old.members.filter((x) => x.id !== m.id);
      const n = (old.docs.get(m.document) ?? 1) - 1;
      if (n > 0) old.docs.set(m.document, n);
      else old.docs.delete(m.document);
    }
    c.docs.set(m.document, (c.docs.get(m.document) ?? 0) + 1);
    this.documents.add(m.document);
    this.members.set(m.id, m);
    this.byRef.set(m.ref, m);
    this.clusterOf.set(m.id, c);
    c.members.push(m);
    for (const name of namesOf(m)) {
      if (m.type === 'PERSON') {
        const p = parsePersonName(name);
        for (const n of p.nicknames) {
          c.nicknames.add(n);
          this.indexKey(`g:${skeleton(n)}`, c);
        }
        if (p.surname && p.given) {
          if (!c.fullNames.some((f) => f.tokens.join(' ') === p.tokens.join(' '))) c.fullNames.push(p);
          if (!c.written.has(p.tokens.join(' '))) c.written.set(p.tokens.join(' '), name.replace(/\s+/g, ' ').trim());
          this.indexKey(`s:${skeleton(lastToken(p.surname))}`, c);
          this.indexKey(`g:${skeleton(p.given)}`, c);
        } else if (p.tokens.length === 1) {
          c.singles.add(p.tokens[0]);
          this.indexKey(`s:${skeleton(p.tokens[0])}`, c);
          this.indexKey(`g:${skeleton(p.tokens[0])}`, c);
        }
      } else {
        const key = orgKey(name);
        c.orgKeys.add(key);
        this.indexKey(`o:${key}`, c);
        const acr = acronymOf(name);
        if (acr) {
          c.acronyms.add(acr);
          this.indexKey(`a:${acr}`, c);
        }
        const ini = initialsOf(name);
        if (ini) {
          c.initials.add(ini);
          this.indexKey(`a:${ini}`, c);
        }
        const short = m.type === 'ORG' ? shortFormKey(name) : null;
        if (short) {
          c.shortForms.add(short);
          this.indexKey(`f:${short}`, c);
        }
      }
    }
  }

  private indexKey(key: string, c: Cluster): void {
    let set = this.index.get(key);
    if (!set) this.index.set(key, (set = new Set()));
    set.add(c);
  }

  /** Clusters sharing a blocking key with the member: only these can match it. */
  private lookup(m: Member): Cluster[] {
    const keys = new Set<string>();
    for (const name of namesOf(m)) {
      if (m.type === 'PERSON') {
        const p = parsePersonName(name);
        const tokens = p.surname && p.given ? [p.given, lastToken(p.surname)] : p.tokens.length === 1 ? [p.tokens[0]] : [];
        if (p.surname) keys.add(`s:${skeleton(lastToken(p.surname))}`);
        for (const t of tokens) {
          keys.add(`s:${skeleton(t)}`);
          for (const v of givenVariants(t)) keys.add(`g:${skeleton(v)}`);
        }
      } else {
        keys.add(`o:${orgKey(name)}`);
        const acr = acronymOf(name);
        if (acr) keys.add(`a:${acr}`);
        const ini = initialsOf(name);
        if (ini) keys.add(`a:${ini}`);
        if (m.type === 'ORG') {
          // identities this name is the short form of, and the identity named by this name's short form
          keys.add(`f:${orgKey(name)}`);
          const short = shortFormKey(name);
          if (short) keys.add(`o:${short}`);
        }
      }
    }
    const out = new Set<Cluster>();
    for (const k of keys) for (const c of this.index.get(k) ?? []) if (this.clusters.get(c.id) === c && c.members.length > 0) out.add(c);
    return [...out];
  }

  private indexContext(list: Member[]): void {
    const here = list.map((m) => this.clusterOf.get(m.id)!);
    for (const m of list) {
      const c = this.clusterOf.get(m.id)!;
      for (const o of here) if (o !== c) c.neighbours.add(o);
      for (const r of m.relations) {
        const partner = this.clusterOf.get(r.partner);
        if (!partner) continue;
        const key = `${r.side}:${r.type}:${r.role ?? ''}`;
        if (!c.partners.has(partner)) c.partners.set(partner, new Set());
        c.partners.get(partner)!.add(key);
        c.partners.get(partner)!.add(`${r.side}:${r.type}:`);
      }
    }
  }

  /** A nationality the two documents contradict each other on, in words; null when none. */
  private attributeClash(m: Member, c: Cluster): string | null {
    const mine = m.attributes?.nationality;
    if (!mine) return null;
    const other = c.members.find((x) => x.attributes?.nationality && x.attributes.nationality.toLowerCase() !== mine.toLowerCase());
    return other ? `${mine} here, ${other.attributes!.nationality} in the other article` : null;
  }

  private blocked(m: Member, c: Cluster): boolean {
    const no = this.cannot.get(m.ref);
    if (!no) return false;
    return c.members.some((x) => no.has(x.ref));
  }

  /** Relation evidence: m is related (same type) to a cluster that candidate c is related to. */
  private relationEvidence(m: Member, c: Cluster): string | null {
    for (const r of m.relations) {
      const partner = this.clusterOf.get(r.partner);
      if (!partner) continue;
      const seen = c.partners.get(partner);
      if (!seen) continue;
      const exact = `${r.side}:${r.type}:${r.role ?? ''}`;
      const partnerName = describe(partner);
      if (seen.has(exact)) return r.role ? `${r.side === 'subject' ? `the ${r.role} of` : `with ${r.role}`} ${partnerName} in both` : `a ${r.type} relation to ${partnerName} in both`;
      if (seen.has(`${r.side}:${r.type}:`)) return `a ${r.type} relation to ${partnerName} in both`;
    }
    return null;
  }

  /**
   * Does an identity say something about its neighbours? One named in most documents (the
   * outlet, the country everybody mentions) is no evidence that two namesakes are one person.
   */
  private distinctive(c: Cluster): boolean {
    return c.docs.size <= Math.max(3, this.documents.size * 0.1);
  }

  /**
   * What both documents say of a person besides the name, in words. Strong: an occupation or a
   * title in both, a distinctive person or organisation named in both. Weak: a nationality or
   * country in both (many people share one).
   */
  private personContext(m: Member, doc: Member[], c: Cluster): { strong: string[]; weak: string[] } {
    const strong: string[] = [];
    const weak: string[] = [];
    const occupation = m.attributes?.occupation?.toLowerCase();
    if (occupation && c.members.some((x) => x.attributes?.occupation?.toLowerCase() === occupation)) strong.push(`called “${occupation}” in both`);
    for (const t of m.context?.titles ?? []) {
      if (t === 'former' || t === 'late') continue;
      if (c.members.some((x) => x.context?.titles?.includes(t))) strong.push(`the title “${t}” in both`);
    }
    for (const other of doc) {
      if (other === m || (other.type !== 'PERSON' && other.type !== 'ORG')) continue;
      const oc = this.clusterOf.get(other.id);
      if (oc && oc !== c && c.neighbours.has(oc) && this.distinctive(oc)) strong.push(`named with ${describe(oc)} in both`);
    }
    const nationality = m.attributes?.nationality?.toLowerCase();
    if (nationality && c.members.some((x) => x.attributes?.nationality?.toLowerCase() === nationality)) weak.push(`${m.attributes!.nationality} in both`);
    for (const [code, words] of Object.entries(m.context?.countries ?? {})) {
      if (c.members.some((x) => x.context?.countries?.[code] !== undefined)) weak.push(`tied to ${words} in both`);
    }
    return { strong: [...new Set(strong)], weak: [...new Set(weak)] };
  }

  private decide(m: Member, doc: Member[]): Link {
    const none = (why = 'no earlier identity matched'): Link => ({ member: m.id, cluster: 0, confidence: 1, method: 'new', evidence: why });
    // manual merge wins
    for (const ref of this.must.get(m.ref) ?? []) {
      const other = this.byRef.get(ref);
      const c = other && this.clusterOf.get(other.id);
      if (c && !this.blocked(m, c)) return { member: m.id, cluster: c.id, confidence: 1, method: 'manual', evidence: 'merged by hand' };
    }
    // two people of one document are two people (coreference decided); two places or
    // organisations of one document with the same name are one ("US" and "United States")
    const candidates = this.lookup(m)
      .filter((c) => compatibleTypes(c.type, m.type) && !this.blocked(m, c) && !(m.type === 'PERSON' && c.members.some((x) => x.document === m.document)))
      .sort((a, b) => b.members.length - a.members.length);
    const link = m.type === 'PERSON' ? this.decidePerson(m, doc, candidates) : this.decideNamed(m, doc, candidates);
    return link.cluster === 0 ? none(link.evidence || undefined) : link;
  }

  /**
   * Organisations and places: the same name (or an acronym of it), and nothing that says
   * they are two: another country or parent written next to them, or, for a generic name,
   * no country in common at all.
   */
  private decideNamed(m: Member, doc: Member[], candidates: Cluster[]): Link {
    const fuller = m.context?.sameAs ? doc.find((x) => x !== m && x.type === m.type && x.name === m.context!.sameAs) : undefined;
    const fullerCluster = fuller && this.clusterOf.get(fuller.id);
    if (fullerCluster && !this.blocked(m, fullerCluster)) {
      return { member: m.id, cluster: fullerCluster.id, confidence: 0.9, method: 'context', evidence: `“${m.name}” here is the “${fuller!.context?.trimmed ?? fuller!.name}” the article names in full` };
    }
    const names = namesOf(m);
    const byKey = new Map<string, string>();
    for (const n of names) if (!byKey.has(orgKey(n))) byKey.set(orgKey(n), n);
    const isPlace = PLACE_TYPES.has(m.type);
    const generic = !isPlace && Boolean(m.context?.generic);
    let best: { c: Cluster; score: number; evidence: string } | null = null;
    let refusal = '';
    const consider = (c: Cluster, shown: string, base: number, how: string) => {
      // a name many countries' institutions carry on either side needs a country in common: a
      // qualified name ("U.S. Supreme Court") whose article also calls it "the Supreme Court" must
      // not join another country's bare "Supreme Court" through that short form
      const eitherGeneric = generic || (!isPlace && c.members.some((x) => x.context?.generic));
      const v = this.sameInstitution(m, c, shown, eitherGeneric, isPlace);
      if (!v.ok) {
        refusal ||= v.why;
        return;
      }
      const score = Math.min(base, v.score);
      const evidence = `${how}${v.why ? `; ${v.why}` : ''}`;
      if (!best || score > best.score) best = { c, score, evidence };
    };
    for (const c of candidates) {
      const hit = [...byKey.keys()].find((k) => c.orgKeys.has(k));
      if (hit) consider(c, byKey.get(hit)!, 0.95, `same name “${byKey.get(hit)}” in both`);
    }
    if (!best) {
      // an acronym joins the one identity whose full name has those initials ("UN" / "United
      // Nations"); a full name joins an identity known only by its acronym
      const acr = names.map(acronymOf).find((x) => x !== null) ?? null;
      if (acr) {
        const byInitials = candidates.filter((c) => c.initials.has(acr));
        if (byInitials.length === 1) consider(byInitials[0], m.name, 0.8, `“${m.name}” is the acronym of “${byInitials[0].members[0].name}”`);
      }
      const ini = names.map(initialsOf).find((x) => x !== null) ?? null;
      if (ini) {
        const byAcronym = candidates.filter((c) => c.acronyms.has(ini) && c.initials.size === 0);
        if (byAcronym.length === 1) consider(byAcronym[0], m.name, 0.8, `“${byAcronym[0].members[0].name}” is the acronym of “${m.name}”`);
      }
    }
    if (!best && m.type === 'ORG' && aliasShortForms.enabled) {
      // the alias layer's short form across articles (src/extract/aliases.ts): "the Smithsonian" joins the one identity
      // named "Smithsonian Institution"; a full name joins the one identity known only by its short form
      const byShort = candidates.filter((c) => c.type === 'ORG' && [...byKey.keys()].some((k) => c.shortForms.has(k)));
      if (byShort.length === 1) {
        consider(byShort[0], m.name, 0.8, `“${m.name}” is the short form of “${byShort[0].members[0].name}”`);
      }
      const shorts = new Set(names.map(shortFormKey).filter((x): x is string => x !== null));
      const byFull = shorts.size ? candidates.filter((c) => c.type === 'ORG' && c.shortForms.size === 0 && [...c.orgKeys].some((k) => shorts.has(k))) : [];
      if (!best && byFull.length === 1) {
        consider(byFull[0], m.name, 0.8, `“${byFull[0].members[0].name}” is the short form of “${m.name}”`);
      }
    }
    const chosen = best as { c: Cluster; score: number; evidence: string } | null;
    if (chosen) return { member: m.id, cluster: chosen.c.id, confidence: chosen.score, method: chosen.score >= 0.9 ? 'name' : chosen.evidence.includes('acronym') ? 'acronym' : chosen.evidence.includes('short form') ? 'alias' : 'context', evidence: chosen.evidence };
    return { member: m.id, cluster: 0, confidence: 1, method: 'new', evidence: refusal ? `not joined: ${refusal}` : '' };
  }

  /**
   * Are an organisation (or place) and an identity with its name one institution? Countries
   * and parents written next to them must agree; a generic name needs a country in common —
   * written, or failing that the country both articles are mainly about.
   */
  private sameInstitution(m: Member, c: Cluster, shown: string, generic: boolean, isPlace: boolean): { ok: boolean; score: number; why: string } {
    const mine = m.context?.countries ?? {};
    const theirs = new Map<string, string>();
    for (const x of c.members) for (const [k, v] of Object.entries(x.context?.countries ?? {})) if (!theirs.has(k)) theirs.set(k, v);
    const mineCodes = Object.keys(mine);
    if (mineCodes.length && theirs.size) {
      const shared = mineCodes.filter((k) => theirs.has(k));
      if (shared.length === 0) {
        const what = isPlace ? 'place' : 'institution';
        return { ok: false, score: 0, why: `“${shown}” here is the ${what} of ${Object.values(mine).join(', ')}; “${c.members[0].name}” elsewhere, of ${[...theirs.values()].join(', ')}` };
      }
      return { ok: true, score: 0.95, why: generic ? `both of ${mine[shared[0]].replace(/['’]s$/, '')}` : '' };
    }
    const mineParents = m.context?.parents ?? {};
    const theirParents = new Map<string, string>();
    for (const x of c.members) for (const [k, v] of Object.entries(x.context?.parents ?? {})) theirParents.set(k, v);
    if (Object.keys(mineParents).length && theirParents.size) {
      const shared = Object.keys(mineParents).filter((k) => theirParents.has(k));
      if (shared.length === 0) return { ok: false, score: 0, why: `“${shown}” here belongs to ${Object.values(mineParents).join(', ')}, the other to ${[...theirParents.values()].join(', ')}` };
      return { ok: true, score: 0.95, why: `both of ${mineParents[shared[0]]}` };
    }
    if (!generic) return { ok: true, score: 0.95, why: '' };
    // a generic name with no country written next to it on one side: the articles' main countries
    const mineEff = mineCodes.length ? mineCodes : m.context?.docCountry ? [m.context.docCountry[0]] : [];
    const theirsEff = new Map<string, string>(theirs);
    if (theirsEff.size === 0) for (const x of c.members) if (x.context?.docCountry) theirsEff.set(x.context.docCountry[0], x.context.docCountry[1]);
    const shared = mineEff.find((k) => theirsEff.has(k));
    if (shared) {
      const name = mine[shared] ?? theirs.get(shared) ?? theirsEff.get(shared)!;
      return { ok: true, score: 0.75, why: `no country written next to it in every article, but all of them are mainly about ${name}` };
    }
    return { ok: false, score: 0, why: `“${shown}” is a name many countries' institutions carry, and nothing ties the two to one country` };
  }

  private decidePerson(m: Member, doc: Member[], candidates: Cluster[]): Link {
    const p = parsePersonName(m.name);
    const aliasNames = m.aliases.map(parsePersonName);
    const link = (c: Cluster, confidence: number, method: string, evidence: string): Link => ({ member: m.id, cluster: c.id, confidence, method, evidence });
    if (p.surname && p.given) {
      let best: { c: Cluster; score: number; evidence: string } | null = null;
      for (const c of candidates) {
        const agree = c.fullNames.filter((f) => sameNameToken(lastToken(f.surname!), lastToken(p.surname!)));
        if (agree.length === 0) continue;
        const givenOk = agree.some((f) => givenNamesAgree(f.given!, p.given!) || c.nicknames.has(p.given!) || p.nicknames.includes(f.given!));
        // a different given name with the same surname is a different person: never merge
        if (!givenOk) continue;
        const exact = agree.some((f) => f.tokens.join(' ') === p.tokens.join(' '));
        const f = agree.find((x) => x.tokens.join(' ') === p.tokens.join(' ')) ?? agree.find((x) => givenNamesAgree(x.given!, p.given!)) ?? agree[0];
        const theirs = c.written.get(f.tokens.join(' ')) ?? f.tokens.join(' ');
        let score = exact ? 0.97 : 0.9;
        let evidence: string;
        if (exact) evidence = `same full name “${m.name}” in both`;
        else if (f.given!.length === 1 || p.given!.length === 1) {
          // an initial is a weak given name: only with something else in common
          const ctx = this.personContext(m, doc, c);
          score = ctx.strong.length ? 0.85 : 0.7;
          evidence = `“${m.name}” and “${theirs}”: an initial for the given name${ctx.strong.length ? `; ${ctx.strong.slice(0, 2).join('; ')}` : ''}`;
        } else if (!givenNamesAgree(f.given!, p.given!)) evidence = `“${m.name}” and “${theirs}”: “${capital(p.given!)}” is a name this person goes by`;
        else if (!sameNameToken(f.given!, p.given!)) evidence = `“${m.name}” and “${theirs}”: ${capital(p.given!)} is a short form of ${capital(f.given!)} (or the reverse)`;
        else evidence = `“${m.name}” and “${theirs}” are spellings of one name`;
        if (!best || score > best.score) best = { c, score, evidence };
      }
      if (best) return link(best.c, best.score, 'name', best.evidence);
      // an identity known only by this given name ("Yelena"): the full name joins it when a
      // relation ties both to the same person, or distinctive people appear with both
      const byGiven = candidates.filter((c) => c.fullNames.length === 0 && !this.attributeClash(m, c) && ([...c.singles].some((s) => sameNameToken(s, p.given!)) || c.nicknames.has(p.given!)));
      for (const c of byGiven) {
        const why = this.relationEvidence(m, c);
        if (why) return link(c, 0.85, 'relation', `“${m.name}” and ${describe(c)}: ${why}`);
      }
      for (const c of byGiven) {
        const { strong } = this.personContext(m, doc, c);
        if (strong.length >= 2) return link(c, 0.7, 'context', `“${m.name}” and ${describe(c)}: ${strong.slice(0, 3).join('; ')}`);
      }
      // an identity so far known only by this surname ("Obama") takes the full name when
      // something besides the name agrees
      const surnameOnly = candidates.filter((c) => c.fullNames.length === 0 && [...c.singles].some((s) => closeSurname(s, lastToken(p.surname!))));
      const picked = this.byContext(m, doc, surnameOnly);
      if (picked) return link(picked.c, picked.score, 'surname', `full name “${m.name}” for ${describe(picked.c)}: ${picked.why}`);
      if (surnameOnly.length) return { member: m.id, cluster: 0, confidence: 1, method: 'new', evidence: `not joined to ${describe(surnameOnly[0])}: only the surname agrees` };
      return { member: m.id, cluster: 0, confidence: 1, method: 'new', evidence: '' };
    }
    if (p.tokens.length !== 1) return { member: m.id, cluster: 0, confidence: 1, method: 'new', evidence: '' };
    const token = p.tokens[0];
    // a single name is weak evidence: never against a contradicting nationality
    const weak = candidates.filter((c) => !this.attributeClash(m, c));
    // 1. relation evidence picks among people sharing the token as surname, given name or nickname
    const named = weak.filter((c) =>
      c.fullNames.some((f) => sameNameToken(lastToken(f.surname!), token) || sameNameToken(f.given!, token)) ||
      [...c.singles].some((s) => sameNameToken(s, token)) || c.nicknames.has(token) ||
      aliasNames.some((a) => a.given && c.fullNames.some((f) => givenNamesAgree(f.given!, a.given!) && sameNameToken(lastToken(f.surname!), lastToken(a.surname!)))),
    );
    for (const c of named) {
      const why = this.relationEvidence(m, c);
      if (why) return link(c, 0.85, 'relation', `“${m.name}” and ${describe(c)}: ${why}`);
    }
    // 2. a surname alone: the person known by that surname whom the context picks
    const bySurname = weak.filter((c) => c.fullNames.some((f) => closeSurname(token, lastToken(f.surname!))));
    const picked = this.byContext(m, doc, bySurname);
    if (picked) return link(picked.c, picked.score, bySurname.length > 1 ? 'context' : 'surname', `surname “${m.name}” of ${describe(picked.c)}${bySurname.length > 1 ? ` (one of ${bySurname.length} people with it)` : ''}: ${picked.why}`);
    // 3. the same single name in another document, with distinctive people or titles in common
    const sameSingle = weak.filter((c) => c.fullNames.length === 0 && [...c.singles].some((s) => closeSurname(token, s)));
    for (const c of sameSingle) {
      const { strong } = this.personContext(m, doc, c);
      if (strong.length >= 2) return link(c, 0.65, 'context', `single name “${m.name}” in both: ${strong.slice(0, 3).join('; ')}`);
    }
    const first = bySurname[0] ?? sameSingle[0] ?? (named.length ? named[0] : undefined);
    const why = first ? `not joined to ${describe(first)}: ${isCommonWord(token) ? `“${m.name}” is also a common word, and ` : ''}only the name agrees` : '';
    return { member: m.id, cluster: 0, confidence: 1, method: 'new', evidence: why };
  }

  /**
   * The one identity among people with a matching name that the context picks: something
   * strong in common (an occupation, a title, a distinctive neighbour), or failing that a
   * nationality — and more of it than any other namesake. A common word needs strong context.
   */
  private byContext(m: Member, doc: Member[], cands: Cluster[]): { c: Cluster; score: number; why: string } | null {
    const common = parsePersonName(m.name).tokens.length === 1 && isCommonWord(parsePersonName(m.name).tokens[0]);
    const scored = cands.map((c) => ({ c, ...this.personContext(m, doc, c) }))
      .map((x) => ({ ...x, points: x.strong.length * 2 + (common ? 0 : x.weak.length) }))
      .filter((x) => x.points > 0)
      .sort((a, b) => b.points - a.points);
    if (scored.length === 0 || (scored.length > 1 && scored[1].points === scored[0].points)) return null;
    const top = scored[0];
    const score = top.strong.length ? (top.strong.length + top.weak.length >= 2 ? 0.85 : 0.8) : 0.7;
    return { c: top.c, score, why: [...top.strong, ...top.weak].slice(0, 3).join('; ') };
  }

  private applyMustLinks(list: Member[]): void {
    for (const m of list) {
      for (const ref of this.must.get(m.ref) ?? []) {
        const other = this.byRef.get(ref);
        if (!other) continue;
        const a = this.clusterOf.get(m.id)!;
        const b = this.clusterOf.get(other.id)!;
        if (a === b) continue;
        if (b.members.some((x) => this.blocked(x, a))) continue;
        this.mergeClusters(a, b);
      }
    }
  }

  /** Move every member of `from` into `into`. */
  mergeClusters(into: Cluster, from: Cluster): void {
    for (const x of from.members.slice()) {
      this.attach(x, into);
      const prev = this.changed.get(x.id);
      this.changed.set(x.id, prev && prev.method === 'manual' ? prev : { member: x.id, cluster: into.id, confidence: 1, method: 'manual', evidence: 'merged by hand' });
    }
    for (const [k, v] of from.partners) into.partners.set(k, new Set([...(into.partners.get(k) ?? []), ...v]));
    for (const n of from.neighbours) if (n !== into) into.neighbours.add(n);
    into.neighbours.delete(from);
    // merges are rare (manual): repoint the other clusters' references at the survivor
    for (const other of this.clusters.values()) {
      const p = other.partners.get(from);
      if (p) {
        other.partners.delete(from);
        other.partners.set(into, new Set([...(other.partners.get(into) ?? []), ...p]));
      }
      if (other.neighbours.delete(from) && other !== into) other.neighbours.add(into);
    }
    this.clusters.delete(from.id);
    if (from.id > 0) this.removedClusters.add(from.id);
  }
}

/** The names a member goes by: its name, its other name mentions, and its name without time words the recogniser took in. */
function namesOf(m: Member): string[] {
  return m.context?.trimmed ? [m.name, ...m.aliases, m.context.trimmed] : [m.name, ...m.aliases];
}

function lastToken(s: string): string {
  const parts = s.split(' ');
  return parts[parts.length - 1];
}

/** A folded name word as a name is written: "sasha" → "Sasha". */
function capital(word: string): string {
  return word.replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** An identity in words: its first full name as written, else its first member's name. */
function describe(c: Cluster): string {
  const f = c.fullNames[0];
  return f ? `“${c.written.get(f.tokens.join(' ')) ?? f.tokens.join(' ')}”` : `“${c.members[0]?.name ?? '?'}”`;
}
