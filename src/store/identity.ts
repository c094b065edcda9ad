/**
 * Cross-document identity: groups the entities of many documents into one identity per real
 * entity. A document's entity joins an existing identity only on evidence, which is kept with
 * a confidence:
 *  - a full name that agrees in surname and given name, allowing transliteration variants;
 *  - a surname alone, when exactly one known person carries it (or the context picks one);
 *  - a given name alone, only when a relation ties it to the same person the identity is
 *    tied to (Yelena, mother of Trufanov = Elena Trufanova, mother of Trufanov);
 *  - for organisations and places, the same folded name.
 * Two full names with the same surname and different given names never merge. Manual
 * decisions (must-link / cannot-link between stable references) override the rules and are
 * applied whenever identities are recomputed, so they survive re-ingestion.
 */
import { acronymOf, foldName, givenNamesAgree, givenVariants, initialsOf, orgKey, parsePersonName, sameNameToken, skeleton, type PersonName } from './names.js';

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
  /** partner cluster id → relation types seen, for relation evidence */
  partners: Map<Cluster, Set<string>>;
  /** co-occurring clusters */
  neighbours: Set<Cluster>;
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
    const order = (m: Member) => {
      if (m.type !== 'PERSON') return 1;
      const p = parsePersonName(m.name);
      return p.surname ? 0 : 2;
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
      partners: new Map(),
      neighbours: new Set(),
    };
    this.clusters.set(c.id, c);
    return c;
  }

  private attach(m: Member, c: Cluster): void {
    const old = this.clusterOf.get(m.id);
    if (old === c) return;
    if (old) old.members = old.members.filter((x) => x.id !== m.id);
    this.members.set(m.id, m);
    this.byRef.set(m.ref, m);
    this.clusterOf.set(m.id, c);
    c.members.push(m);
    for (const name of [m.name, ...m.aliases]) {
      if (m.type === 'PERSON') {
        const p = parsePersonName(name);
        for (const n of p.nicknames) {
          c.nicknames.add(n);
          this.indexKey(`g:${skeleton(n)}`, c);
        }
        if (p.surname && p.given) {
          if (!c.fullNames.some((f) => f.tokens.join(' ') === p.tokens.join(' '))) c.fullNames.push(p);
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
    for (const name of [m.name, ...m.aliases]) {
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

  /**
   * Weak links (a single name) are refused when the documents contradict each other on a
   * nationality; shared occupations count as context.
   */
  private attributeClash(m: Member, c: Cluster): boolean {
    const mine = m.attributes?.nationality;
    if (!mine) return false;
    return c.members.some((x) => x.attributes?.nationality && x.attributes.nationality.toLowerCase() !== mine.toLowerCase());
  }

  private sharedAttributes(m: Member, c: Cluster): string[] {
    const out: string[] = [];
    for (const [k, v] of Object.entries(m.attributes ?? {})) {
      if (c.members.some((x) => x.attributes?.[k]?.toLowerCase() === v.toLowerCase())) out.push(`${k} ${v}`);
    }
    return out;
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
      const partnerName = partner.members[0]?.name ?? String(partner.id);
      if (seen.has(exact)) return `${r.type}${r.role ? ` (${r.role})` : ''} of ${partnerName} in both`;
      if (seen.has(`${r.side}:${r.type}:`)) return `${r.type} relation to ${partnerName} in both`;
    }
    return null;
  }

  /** Co-occurring people or organisations shared with the candidate's other documents. */
  private contextOverlap(m: Member, doc: Member[], c: Cluster): string[] {
    const out: string[] = this.sharedAttributes(m, c);
    for (const other of doc) {
      if (other === m || (other.type !== 'PERSON' && other.type !== 'ORG')) continue;
      const oc = this.clusterOf.get(other.id);
      if (oc && oc !== c && c.neighbours.has(oc)) out.push(other.name);
    }
    return out;
  }

  private decide(m: Member, doc: Member[]): Link {
    const none: Link = { member: m.id, cluster: 0, confidence: 1, method: 'new', evidence: 'no earlier identity matched' };
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
    if (m.type !== 'PERSON') {
      const names = [m.name, ...m.aliases];
      const keys = new Set(names.map(orgKey));
      for (const c of candidates) {
        const hit = [...keys].find((k) => c.orgKeys.has(k));
        if (hit) return { member: m.id, cluster: c.id, confidence: 0.95, method: 'name', evidence: `same name “${hit}”` };
      }
      // an acronym joins the one identity whose full name has those initials ("UN" / "United
      // Nations"); a full name joins an identity known only by its acronym
      const acr = names.map(acronymOf).find((x) => x !== null) ?? null;
      if (acr) {
        const byInitials = candidates.filter((c) => c.initials.has(acr));
        if (byInitials.length === 1) return { member: m.id, cluster: byInitials[0].id, confidence: 0.8, method: 'acronym', evidence: `“${m.name}” is the acronym of “${byInitials[0].members[0].name}”` };
      }
      const ini = names.map(initialsOf).find((x) => x !== null) ?? null;
      if (ini) {
        const byAcronym = candidates.filter((c) => c.acronyms.has(ini) && c.initials.size === 0);
        if (byAcronym.length === 1) return { member: m.id, cluster: byAcronym[0].id, confidence: 0.8, method: 'acronym', evidence: `“${byAcronym[0].members[0].name}” is the acronym of “${m.name}”` };
      }
      return none;
    }
    const p = parsePersonName(m.name);
    const aliasNames = m.aliases.map(parsePersonName);
    if (p.surname && p.given) {
      let best: { c: Cluster; score: number; evidence: string } | null = null;
      for (const c of candidates) {
        const agree = c.fullNames.filter((f) => sameNameToken(lastToken(f.surname!), lastToken(p.surname!)));
        if (agree.length === 0) continue;
        const givenOk = agree.some((f) => givenNamesAgree(f.given!, p.given!) || c.nicknames.has(p.given!) || p.nicknames.includes(f.given!));
        // a different given name with the same surname is a different person: never merge
        if (!givenOk) continue;
        const exact = agree.some((f) => f.tokens.join(' ') === p.tokens.join(' '));
        const score = exact ? 0.97 : 0.9;
        const f = agree.find((x) => givenNamesAgree(x.given!, p.given!)) ?? agree[0];
        const why: string[] = [];
        if (f.given !== p.given) why.push(sameNameToken(f.given!, p.given!) ? `given name ${p.given}/${f.given} spelt differently` : givenNamesAgree(f.given!, p.given!) ? `${p.given}/${f.given}: short form or initial` : `${p.given} is a nickname used for this person`);
        if (f.surname !== p.surname) why.push(`surname ${p.surname}/${f.surname} transliterated differently`);
        const evidence = exact ? `same full name “${m.name}”` : `name variant of “${f.tokens.join(' ')}”: ${why.join('; ')}`;
        if (!best || score > best.score) best = { c, score, evidence };
      }
      if (best) return { member: m.id, cluster: best.c.id, confidence: best.score, method: 'name', evidence: best.evidence };
      // an identity known only by this given name ("Yelena"): the full name joins it when a
      // relation ties both to the same person, or several people appear with both
      const byGiven = candidates.filter((c) => c.fullNames.length === 0 && !this.attributeClash(m, c) && ([...c.singles].some((s) => sameNameToken(s, p.given!)) || c.nicknames.has(p.given!)));
      for (const c of byGiven) {
        const why = this.relationEvidence(m, c);
        if (why) return { member: m.id, cluster: c.id, confidence: 0.85, method: 'relation', evidence: `“${m.name}” and ${describe(c)}: ${why}` };
      }
      for (const c of byGiven) {
        const overlap = this.contextOverlap(m, doc, c).filter((n) => n !== m.name);
        if (overlap.length >= 2) return { member: m.id, cluster: c.id, confidence: 0.7, method: 'context', evidence: `“${m.name}” and ${describe(c)} both appear with ${overlap.slice(0, 3).join(', ')}` };
      }
      // an identity so far known only by this surname (no full name yet) takes the full name
      const surnameOnly = candidates.filter((c) => c.fullNames.length === 0 && [...c.singles].some((s) => sameNameToken(s, lastToken(p.surname!))));
      if (surnameOnly.length === 1) return { member: m.id, cluster: surnameOnly[0].id, confidence: 0.7, method: 'surname', evidence: `full name “${m.name}” for an identity known only as “${[...surnameOnly[0].singles][0]}”` };
      return none;
    }
    if (p.tokens.length !== 1) return none;
    const token = p.tokens[0];
    // a single name is weak evidence: never against a contradicting nationality
    const weak = candidates.filter((c) => !this.attributeClash(m, c));
    candidates.length = 0;
    candidates.push(...weak);
    // 1. relation evidence picks among people sharing the token as surname, given name or nickname
    const named = candidates.filter((c) =>
      c.fullNames.some((f) => sameNameToken(lastToken(f.surname!), token) || sameNameToken(f.given!, token)) ||
      [...c.singles].some((s) => sameNameToken(s, token)) || c.nicknames.has(token) ||
      aliasNames.some((a) => a.given && c.fullNames.some((f) => givenNamesAgree(f.given!, a.given!) && sameNameToken(lastToken(f.surname!), lastToken(a.surname!)))),
    );
    for (const c of named) {
      const why = this.relationEvidence(m, c);
      if (why) return { member: m.id, cluster: c.id, confidence: 0.85, method: 'relation', evidence: `“${m.name}” and ${describe(c)}: ${why}` };
    }
    // 2. a surname alone: the one person known by that surname, or the one the context picks
    const bySurname = candidates.filter((c) => c.fullNames.some((f) => sameNameToken(lastToken(f.surname!), token)));
    if (bySurname.length === 1) {
      const overlap = this.contextOverlap(m, doc, bySurname[0]);
      return {
        member: m.id,
        cluster: bySurname[0].id,
        confidence: overlap.length ? 0.8 : 0.6,
        method: 'surname',
        evidence: `surname “${m.name}”; the only known person named ${describe(bySurname[0])}${overlap.length ? `; also with ${overlap.slice(0, 3).join(', ')}` : ''}`,
      };
    }
    if (bySurname.length > 1) {
      const scored = bySurname.map((c) => ({ c, overlap: this.contextOverlap(m, doc, c) })).sort((a, b) => b.overlap.length - a.overlap.length);
      if (scored[0].overlap.length > 0 && scored[0].overlap.length > scored[1].overlap.length) {
        return { member: m.id, cluster: scored[0].c.id, confidence: 0.65, method: 'context', evidence: `surname “${m.name}” shared by ${bySurname.length} people; context (${scored[0].overlap.slice(0, 3).join(', ')}) picks ${describe(scored[0].c)}` };
      }
      return none;
    }
    // 3. the same single name in another document, with shared context
    const sameSingle = candidates.filter((c) => c.fullNames.length === 0 && [...c.singles].some((s) => sameNameToken(s, token)));
    for (const c of sameSingle) {
      const overlap = this.contextOverlap(m, doc, c);
      if (overlap.length >= 2) return { member: m.id, cluster: c.id, confidence: 0.6, method: 'context', evidence: `single name “${m.name}”, also with ${overlap.slice(0, 3).join(', ')}` };
    }
    return none;
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

function lastToken(s: string): string {
  const parts = s.split(' ');
  return parts[parts.length - 1];
}

function describe(c: Cluster): string {
  const f = c.fullNames[0];
  return f ? `“${f.tokens.join(' ')}”` : `“${c.members[0]?.name ?? '?'}”`;
}
