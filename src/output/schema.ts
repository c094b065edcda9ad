import { z } from 'zod';
import { ENTITY_TYPES, FACTUALITY_INFO, type Factuality } from '../doc.js';

// the version and its history are in version.ts: the extraction path reads it without loading zod
import { SCHEMA_VERSION } from './version.js';
export { SCHEMA_VERSION };

export const FACTUALITY_VALUES = Object.keys(FACTUALITY_INFO) as [Factuality, ...Factuality[]];

const offsets = { start: z.number().int().nonnegative(), end: z.number().int().nonnegative() };
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const confidence = z.number().min(0).max(1);

export const MentionSchema = z.object({
  ...offsets,
  text: z.string(),
  kind: z.enum(['name', 'nominal', 'pronoun']),
  /** for a pronoun or description coreference joined to the entity: how sure the link is (since 1.7; absent on names) */
  confidence: confidence.optional(),
});

/** The gazetteer entry a place entity names, since 1.5 (src/extract/places). */
export const PlaceLinkSchema = z.object({
  /** gazetteer id: iso:LB (a country), admin1:LB.09 (a first-level region), geonames:266826 (a town), area:red-sea (no country) */
  id: z.string(),
  name: z.string(),
  /** GeoNames feature code: PCLI, ADM1, PPLC, PPLA, PPL … ; CONT, OCN, SEA, RGN for places in no one country */
  feature: z.string(),
  /** ISO 3166-1 alpha-2; null for a place in no one country (a sea, a continent, "the Middle East") */
  country: z.string().nullable(),
  admin1: z.string().nullable(),
  lat: z.number(),
  lon: z.number(),
  /** the chosen entry's score minus the best entry's in another country (99: no other country) */
  margin: z.number(),
  evidence: z.array(z.object({ rule: z.string(), detail: z.string(), weight: z.number() })),
});

export const EntitySchema = z.object({
  id: z.string(),
  type: z.enum(ENTITY_TYPES as [string, ...string[]]),
  name: z.string(),
  mentions: z.array(MentionSchema),
  codes: z.array(z.object({ code: z.string(), source: z.string() })).optional(),
  attributes: z.record(z.string(), z.string()).optional(),
  /** where in the world a GPE, LOC or FAC entity is, when resolved (since 1.5) */
  place: PlaceLinkSchema.optional(),
});

/** An event's place in the world, since 1.5: the place entity (or the dateline) and its coordinates. */
export const EventPlaceSchema = z.object({
  entity: z.string().nullable(),
  name: z.string(),
  id: z.string().nullable(),
  country: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
});

export const PLACE_SOURCES = ['sentence', 'dateline', 'none'] as const;

export const QuoteSchema = z.object({
  ...offsets,
  text: z.string(),
  speaker: z.string().nullable(),
  speaker_text: z.string().optional(),
  kind: z.enum(['direct', 'indirect', 'mixed', 'belief']),
  cue: z.object({ ...offsets, text: z.string() }).optional(),
  /** the words naming the source in this attribution ("Hill", "he", "a senior official"), since 1.4 */
  source: z.object({ ...offsets, text: z.string() }).optional(),
  /** how sure the speaker is when the attribution reaches it through a pronoun or description (since 1.7; absent when it names the speaker) */
  confidence: confidence.optional(),
});

export const TimeSchema = z.object({
  ...offsets,
  text: z.string(),
  /** TIMEX3 value: 2025-02-15, 2025-W07, 2025-Q3, 2025-H1, 2025-SU, 2025-02-14TMO, FY2025, P3M, PXY, PRESENT_REF, XXXX-10-07 … */
  value: z.string(),
  /** TIMEX3 type */
  type: z.enum(['DATE', 'TIME', 'DURATION', 'SET']).optional(),
  /** TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER, LESS_THAN, MORE_THAN, EQUAL_OR_LESS, EQUAL_OR_MORE … */
  mod: z.string().optional(),
  /** what a relative value was counted from: the publication date, the dateline, or an earlier time in the text (its offsets) */
  anchor: z.object({ kind: z.enum(['publication', 'dateline', 'text']), value: z.string(), start: z.number().int().optional(), end: z.number().int().optional() }).optional(),
  evidence: z.string().optional(),
});

export const RelationSchema = z.object({
  type: z.string(),
  role: z.string().nullable().optional(),
  subject: z.string(),
  object: z.string(),
  ...offsets,
  /** how sure the participants are when one is reached through a pronoun or description (since 1.7; absent when both are named) */
  confidence: confidence.optional(),
});

export const EventSchema = z.object({
  id: z.string(),
  type: z.string(),
  mode: z.string().nullable(),
  cameo: z.string().nullable(),
  trigger: z.object({ ...offsets, text: z.string() }),
  actor: z.array(z.string()),
  recipient: z.array(z.string()),
  /** participants no entity stands for, named by a common noun ("police", "protesters"), with their CAMEO agent code (since 1.6; absent when none) */
  groups: z.array(z.object({ role: z.enum(['actor', 'recipient']), text: z.string(), ...offsets, code: z.string().nullable() })).optional(),
  date: z.object({ value: z.string().nullable(), text: z.string().optional(), basis: z.string() }).nullable(),
  location: z.string().nullable(),
  /** whether the text reports the event as having happened; only asserted events make case statuses */
  factuality: z.enum(FACTUALITY_VALUES),
  /** calibrated probability that the event is real and of this type (null: no model scored it) */
  confidence: z.number().min(0).max(1).nullable(),
  /** derived: factuality is negated or denied */
  negated: z.boolean(),
  /** derived PLOVER auxiliary mode: future, hypothetical (also threatened, attempted) or historical */
  modality: z.string().nullable(),
  reported_by: z.string().nullable(),
  sentence: z.number().int(),
  /** where in the world (since 1.5; null when nothing places it) */
  place: EventPlaceSchema.nullable().optional(),
  /** which rule placed it: a place in its sentence, the dateline, or none (since 1.5) */
  place_source: z.enum(PLACE_SOURCES).optional(),
});

export const TokenSchema = z.object({
  ...offsets,
  text: z.string(),
  upos: z.string().optional(),
  xpos: z.string().optional(),
  lemma: z.string().optional(),
  /** index of the head token in `tokens`, -1 for the sentence root */
  head: z.number().int().optional(),
  deprel: z.string().optional(),
});

export const ResultSchema = z.object({
  schema: z.literal(SCHEMA_VERSION),
  id: z.string(),
  source: z.string().nullable(),
  url: z.string().nullable(),
  title: z.string().nullable(),
  published: isoDate.nullable(),
  /** where the publication date was read: input, json-ld, meta, microdata, time, url, dateline, feed (null: none trustworthy) */
  published_source: z.string().nullable().optional(),
  /** page metadata, for documents read from HTML */
  meta: z.object({ byline: z.string().nullable(), site_name: z.string().nullable(), language: z.string().nullable() }).optional(),
  text: z.string(),
  sentences: z.array(z.object(offsets)),
  entities: z.array(EntitySchema),
  quotes: z.array(QuoteSchema),
  times: z.array(TimeSchema),
  relations: z.array(RelationSchema),
  events: z.array(EventSchema),
  tokens: z.array(TokenSchema).optional(),
});

export type Result = z.infer<typeof ResultSchema>;
export type EntityOut = z.infer<typeof EntitySchema>;
export type QuoteOut = z.infer<typeof QuoteSchema>;
export type EventOut = z.infer<typeof EventSchema>;
export type RelationOut = z.infer<typeof RelationSchema>;
export type PlaceLinkOut = z.infer<typeof PlaceLinkSchema>;
export type EventPlaceOut = z.infer<typeof EventPlaceSchema>;
