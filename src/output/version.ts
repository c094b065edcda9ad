/**
 * The extraction result, one JSON object per document. Versioned: a change that removes or
 * renames a field bumps the major version; adding fields or values bumps the minor.
 *
 * 1.1: events carry `factuality` (asserted, negated, future, hypothetical, threatened, alleged,
 * attempted, denied). `negated` and `modality` stay and are derived from it: negated ⇔
 * factuality is negated or denied; modality is future for future events, hypothetical for
 * hypothetical, threatened and attempted ones, else historical or null.
 * 1.2: times carry their TIMEX3 `type`, `mod` and the `anchor` they were counted from; the
 * document says where its publication date was read (`published_source`).
 * 1.3: events carry a calibrated `confidence` (0–1; null when no model scored the event).
 * 1.4: `quotes[].kind` may also be `mixed` (a paraphrase holding quoted words) or `belief` (a
 * belief or expectation attributed to the source); `quotes[].source` gives the words naming the
 * source in that attribution ("Hill", "she", "a senior official").
 * 1.5: places in the world. `entities[].place` links a GPE, LOC or FAC entity to its gazetteer
 * entry (GeoNames id, name, feature code, country, first-level region, latitude, longitude) with
 * the evidence for the choice; `events[].place` gives the event's coordinates and country and
 * `events[].place_source` says which rule placed it: `sentence` (a place in its sentence),
 * `dateline` (the article's dateline) or `none`. Both are always written from 1.5 on; readers of
 * older results find them absent.
 * 1.6: `events[].groups` lists participants no entity stands for, named by a common noun ("police",
 * "protesters", "two soldiers"): `role` (actor or recipient), `text`, `start`, `end` and the CAMEO
 * agent `code` (COP, OPP, MIL … or null). Absent when an event has none; `actor` and `recipient`
 * keep listing entity ids only.
 * 1.7: how sure coreference is. `entities[].mentions[].confidence` on a pronoun or description
 * coreference joined to the entity (the calibrated precision of the rule that linked it, or the
 * ranker's probability); `quotes[].confidence` and `relations[].confidence` when the speaker or a
 * participant is reached through such a link; `events[].confidence` is multiplied by the least sure
 * link among its actors and recipients. All absent where everything is named.
 */
export const SCHEMA_VERSION = '1.7';
