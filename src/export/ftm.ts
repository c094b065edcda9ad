/**
 * FollowTheMoney (FtM) entities as JSON lines, the format Aleph and OpenSanctions load
 * (`ftm import`, `alephclient write-entities`): `{"id", "schema", "properties": {name: [values]}}`.
 *
 * - identities: PERSON → Person, ORG → Organization, GPE/LOC/FAC → Address (with the country
 *   and coordinates of their place resolution when there is one); other types are not FtM things
 *   and are left out with the facts that need them;
 * - each stored document → Article, and a Documentation link from it to every identity it names;
 * - events → Event (PLOVER type and CAMEO code as keywords, date, place, country, the people and
 *   organisations involved, the article as proof);
 * - relations → Family, Membership, Employment, and UnknownLink for the others (citizenship,
 *   residence, captivity), each with its sentence and source.
 *
 * Documents and what they tell are written as they are read; the identities they refer to are
 * written once each at the end, with what the documents said of them (a place's country and
 * coordinates, a person's citizenship countries): memory grows with the identities, not with the
 * documents. Mapping and examples: docs/exports.md.
 */
import type { Result } from '../output/schema.js';
import type { ExportDocument, ExportIdentity, ExportReader, ExportScope } from '../store/export.js';
import { entityPlace, eventPlace, eventPlaceEntity, PLACE_ENTITY_TYPES, type ExportPlace } from './place.js';
import { eventSentence, identitiesOf, inScope, readableDocuments, type ExportHooks } from './common.js';

export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

type Doc = ExportDocument & { result: Result };

/** The FtM schema of an identity of this entity type, or null when FtM has none for it. */
export function ftmSchemaOf(type: string): 'Person' | 'Organization' | 'Address' | null {
  if (type === 'PERSON') return 'Person';
  if (type === 'ORG') return 'Organization';
  if (PLACE_ENTITY_TYPES.has(type)) return 'Address';
  return null;
}

/** Ids: a Chronicle namespace, then what the id stands for. */
export const ftmId = {
  identity: (id: number) => `chronicle-entity-${id}`,
  document: (id: number) => `chronicle-document-${id}`,
  event: (doc: number, local: string) => `chronicle-event-${doc}-${local}`,
  relation: (doc: number, index: number) => `chronicle-relation-${doc}-${index}`,
  documentation: (doc: number, identity: number) => `chronicle-mention-${doc}-${identity}`,
  place: (key: string) => `chronicle-place-${key.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 120)}`,
};

/** FtM's largest value of each type (its model's maxLength): longer values are cut. */
const MAX = { name: 384, string: 1024, address: 250, text: 65000, url: 4096 } as const;

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** An entity without empty values (FtM values are non-empty strings). */
function entity(id: string, schema: string, props: Record<string, ReadonlyArray<string | number | null | undefined> | string | number | null | undefined>): FtmEntity {
  const properties: Record<string, string[]> = {};
  for (const [k, raw] of Object.entries(props)) {
    const list = (Array.isArray(raw) ? raw : [raw]) as Array<string | number | null | undefined>;
    const values = [...new Set(list.filter((v): v is string | number => v !== null && v !== undefined && String(v).trim() !== '').map(String))];
    if (values.length) properties[k] = values;
  }
  return { id, schema, properties };
}

/** A date FtM takes: 2025, 2025-02 or 2025-02-15 (TIMEX3 weeks, seasons and durations are not dates). */
function ftmDate(v: string | null | undefined): string | null {
  return v && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v) ? v : null;
}

/** A URL FtM takes: http(s), well-formed, within its length (a document stored with another kind of locator gives none). */
function ftmUrl(u: string | null): string | null {
  if (!u || u.length > MAX.url || !/^https?:\/\//i.test(u)) return null;
  try {
    new URL(u);
    return u;
  } catch {
    return null;
  }
}

function ftmCountry(c: string | null): string | null {
  return c ? c.toLowerCase() : null;
}

/** A name safe as a file name for Article.fileName (FtM requires one for documents). */
function fileName(doc: Doc): string {
  const base = (doc.external_id ?? `document-${doc.id}`).replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 200);
  return `${base}.txt`;
}

function article(doc: Doc): FtmEntity {
  return entity(ftmId.document(doc.id), 'Article', {
    name: clip(doc.title ?? doc.external_id ?? `document ${doc.id}`, MAX.name),
    title: doc.title ? clip(doc.title, MAX.string) : null,
    fileName: fileName(doc),
    mimeType: 'text/plain',
    publishedAt: ftmDate(doc.published),
    publisher: doc.source ? clip(doc.source, MAX.string) : null,
    sourceUrl: ftmUrl(doc.url),
    bodyText: clip(doc.result.text, MAX.text),
  });
}

function identityEntity(i: ExportIdentity, known: Known): FtmEntity | null {
  const schema = ftmSchemaOf(i.type);
  if (!schema) return null;
  const aliases = i.aliases.map((a) => clip(a, MAX.name));
  const place = known.place;
  if (schema === 'Person') {
    return entity(ftmId.identity(i.id), 'Person', { name: clip(i.name, MAX.name), alias: aliases, citizenship: [...known.citizenship ?? []].map(ftmCountry) });
  }
  if (schema === 'Address') {
    return entity(ftmId.identity(i.id), 'Address', {
      name: clip(i.name, MAX.name), full: clip(place?.name ?? i.name, MAX.address), alias: aliases,
      country: ftmCountry(place?.country ?? null), latitude: place?.lat, longitude: place?.lon,
    });
  }
  return entity(ftmId.identity(i.id), schema, { name: clip(i.name, MAX.name), alias: aliases });
}

/** How a Chronicle relation reads in FtM, given the schemas of its two sides. */
function relationEntity(doc: Doc, index: number, r: Result['relations'][number], subject: { id: number; schema: string }, object: { id: number; schema: string }): FtmEntity {
  const id = ftmId.relation(doc.id, index);
  const source = {
    summary: clip(doc.result.text.slice(r.start, r.end), MAX.text),
    sourceUrl: ftmUrl(doc.url), publisher: doc.source ? clip(doc.source, MAX.string) : null, recordId: `${doc.id}:relation:${index}`,
    description: `${r.type}${r.role ? ` (${r.role})` : ''}, from ${doc.title ? `"${clip(doc.title, 200)}"` : `document ${doc.id}`}${doc.published ? ` published ${doc.published}` : ''}`,
  };
  const s = ftmId.identity(subject.id);
  const o = ftmId.identity(object.id);
  const role = r.role ? clip(r.role, MAX.string) : null;
  // "Yelena, his mother" is stored as subject Yelena, role mother, object him: the relative is the subject
  if (r.type === 'family' && subject.schema === 'Person' && object.schema === 'Person') {
    return entity(id, 'Family', { person: o, relative: s, relationship: role ?? 'family', ...source });
  }
  if (r.type === 'membership' && subject.schema !== 'Address' && object.schema === 'Organization') {
    return entity(id, 'Membership', { member: s, organization: o, role, ...source });
  }
  if (r.type === 'position' && subject.schema === 'Person' && object.schema === 'Organization') {
    return entity(id, 'Employment', { employee: s, employer: o, role, ...source });
  }
  return entity(id, 'UnknownLink', { subject: s, object: o, role: clip(`${r.type.replace(/_/g, ' ')}${r.role ? `: ${r.role}` : ''}`, MAX.string), ...source });
}

/** What the export learns about an identity from the documents, written with it at the end. */
interface Known {
  /** a place's first resolution in any document */
  place: ExportPlace | null;
  /** countries of its citizenship relations, from the resolution of the country named (made when there is one) */
  citizenship?: Set<string>;
}

/** One FtM export: each document's entities as it is read, the identities they refer to at the end. */
class FtmWriter {
  /** identities referred to (memory grows with identities, not with documents) */
  private readonly known = new Map<number, Known>();
  /** places of events that have no entity of their own (the dateline's), written once */
  private readonly placeEntities = new Set<string>();

  constructor(private readonly reader: ExportReader, private readonly scope: ExportScope) {}

  private schemaOf(doc: Doc, local: string | null | undefined): { id: number; schema: string } | null {
    const i = local ? doc.identities.get(local) : undefined;
    const schema = i ? ftmSchemaOf(i.type) : null;
    return i && schema ? { id: i.id, schema } : null;
  }

  private wanted(id: number): boolean {
    return this.scope.kind === 'store' || this.scope.identities.has(id);
  }

  private refer(id: number): Known {
    let k = this.known.get(id);
    if (!k) this.known.set(id, k = { place: null });
    return k;
  }

  document(doc: Doc): string {
    const out: FtmEntity[] = [article(doc)];
    const byLocal = new Map(doc.result.entities.map((e) => [e.id, e]));
    const typeOf = new Map([...doc.identities.values()].map((x) => [x.id, x.type]));
    const placeOf = (local: string) => (ftmSchemaOf(byLocal.get(local)?.type ?? '') === 'Address' ? entityPlace(byLocal.get(local)) : null);
    for (const [id, type] of typeOf) {
      if (!ftmSchemaOf(type) || !this.wanted(id)) continue;
      this.refer(id);
      out.push(entity(ftmId.documentation(doc.id, id), 'Documentation', {
        document: ftmId.document(doc.id), entity: ftmId.identity(id), role: 'mentioned', date: ftmDate(doc.published),
      }));
    }
    // places: the first resolution any document gives them
    for (const [local, i] of doc.identities) {
      const k = this.known.get(i.id);
      if (k && !k.place && ftmSchemaOf(i.type) === 'Address') k.place = placeOf(local);
    }
    const legal = (ids: number[]) => ids.filter((id) => typeOf.get(id) === 'PERSON' || typeOf.get(id) === 'ORG');
    for (const ev of doc.result.events) {
      const actors = identitiesOf(doc, ev.actor);
      const recipients = identitiesOf(doc, ev.recipient);
      const placeLocal = eventPlaceEntity(ev);
      const location = this.schemaOf(doc, placeLocal);
      if (!inScope(this.scope, [...actors, ...recipients, location?.id])) continue;
      const loc = placeLocal ? byLocal.get(placeLocal) : undefined;
      const place = eventPlace(ev, loc, loc?.name ?? null);
      let address: string | null = null;
      if (location?.schema === 'Address') {
        address = ftmId.identity(location.id);
        const k = this.refer(location.id);
        if (!k.place && placeLocal) k.place = placeOf(placeLocal);
      } else if (place.lat !== null || place.country) {
        // a place the event has without an entity of its own (the dateline's)
        address = ftmId.place(place.id ?? `${place.country ?? ''}-${place.name ?? ''}-${place.lat ?? ''}-${place.lon ?? ''}`);
        if (!this.placeEntities.has(address)) {
          this.placeEntities.add(address);
          out.push(entity(address, 'Address', {
            name: clip(place.name ?? place.country ?? 'place', MAX.name), full: clip(place.name ?? place.country ?? 'place', MAX.address),
            country: ftmCountry(place.country), latitude: place.lat, longitude: place.lon,
          }));
        }
      }
      const involved = [...legal(actors), ...legal(recipients)];
      for (const id of involved) this.refer(id);
      const name = (ids: string[]) => ids.map((l) => byLocal.get(l)?.name).filter(Boolean).join(', ');
      out.push(entity(ftmId.event(doc.id, ev.id), 'Event', {
        name: clip(`${ev.type}${ev.mode ? ` (${ev.mode})` : ''}: ${ev.trigger.text}`, MAX.name),
        date: ftmDate(ev.date?.value),
        summary: clip(eventSentence(doc.result, ev), MAX.text),
        description: clip([
          ev.actor.length ? `actor: ${name(ev.actor)}` : '', ev.recipient.length ? `recipient: ${name(ev.recipient)}` : '',
          ev.factuality ? `factuality: ${ev.factuality}` : '', ev.cameo ? `CAMEO ${ev.cameo}` : '', place.source ? `place from the ${place.source}` : '',
        ].filter(Boolean).join('; '), MAX.text),
        keywords: [`PLOVER:${ev.type}`, ev.mode ? `PLOVER:${ev.type}:${ev.mode}` : null, ev.cameo ? `CAMEO:${ev.cameo}` : null, ev.factuality],
        involved: involved.map(ftmId.identity),
        organizer: legal(actors).map(ftmId.identity),
        location: place.name ? clip(place.name, MAX.address) : null,
        country: ftmCountry(place.country),
        addressEntity: address,
        proof: ftmId.document(doc.id),
        sourceUrl: ftmUrl(doc.url),
        publisher: doc.source ? clip(doc.source, MAX.string) : null,
        recordId: `${doc.id}:${ev.id}`,
      }));
    }
    doc.result.relations.forEach((r, index) => {
      const s = this.schemaOf(doc, r.subject);
      const o = this.schemaOf(doc, r.object);
      if (!inScope(this.scope, [doc.identities.get(r.subject)?.id, doc.identities.get(r.object)?.id])) return;
      // a side FtM has no thing for (a nationality word, a work of art): nothing to link
      if (!s || !o) return;
      this.refer(s.id);
      this.refer(o.id);
      if (r.type === 'citizenship' && s.schema === 'Person') {
        const country = placeOf(r.object)?.country;
        if (country) (this.refer(s.id).citizenship ??= new Set()).add(country);
      }
      out.push(relationEntity(doc, index, r, s, o));
    });
    return out.map((e) => JSON.stringify(e)).join('\n') + '\n';
  }

  /** The identities referred to, a page at a time, with what the documents said of them. */
  async *finish(): AsyncGenerator<string> {
    const ids = [...this.known.keys()].sort((a, b) => a - b);
    for (let i = 0; i < ids.length; i += 400) {
      let out = '';
      for (const identity of await this.reader.identities(ids.slice(i, i + 400))) {
        const e = identityEntity(identity, this.known.get(identity.id)!);
        if (e) out += JSON.stringify(e) + '\n';
      }
      if (out) yield out;
    }
  }
}

/** The whole export, a chunk of JSON lines per document. */
export async function* exportFtm(reader: ExportReader, scope: ExportScope, hooks: ExportHooks = {}): AsyncGenerator<string> {
  const writer = new FtmWriter(reader, scope);
  for await (const doc of readableDocuments(reader, scope, hooks)) yield writer.document(doc);
  yield* writer.finish();
}
