/**
 * Long documents by sections: a text longer than SECTION_CHARS is cut at paragraph breaks, each
 * section goes through the pipeline as a Doc of its own, is turned into its result and dropped, and
 * the section results are joined into one. Peak memory then follows the section, not the document
 * (a 5 MB text held ~1M token objects and every layer at once), and stages that look across the
 * whole document stay linear.
 *
 * Joining: offsets, sentence and token indexes are shifted by where the section starts; entities
 * of one type with the same name are one entity, and a lone surname joins the one person of the
 * document who bears it ("Obama" after "Barack Obama" in an earlier section). Ids are renumbered
 * in order of first appearance (e1, e2 …, ev1, ev2 …), so a one-section document keeps its own.
 * What a section cannot see: a pronoun whose antecedent is in the section before, a quote whose
 * speaker is named in the section before.
 */
import type { DocInput } from '../doc.js';
import type { Result } from './schema.js';

/** Sections are at most this long (characters); shorter documents are processed whole. */
export const SECTION_CHARS = 200_000;

/**
 * Where to cut `text` into sections of at most `max` characters: at a paragraph break when one
 * lies in the window's second half, else a line break, else a sentence end, else a space, else at
 * `max`. Returns the sections' start offsets (the first is 0).
 */
export function sectionStarts(text: string, max = SECTION_CHARS): number[] {
  const starts = [0];
  let from = 0;
  while (text.length - from > max) {
    const end = from + max;
    const floor = from + Math.floor(max / 2);
    const cut = lastBreak(text, floor, end, /\n[ \t]*\n\s*/g) ?? lastBreak(text, floor, end, /\n\s*/g) ?? lastBreak(text, floor, end, /[.!?]["'”’)]*\s+/g) ?? lastBreak(text, floor, end, /\s+/g) ?? end;
    starts.push(cut);
    from = cut;
  }
  return starts;
}

/** The end of the last match of `re` (global) that starts in [floor, end) and ends by `end`. */
function lastBreak(text: string, floor: number, end: number, re: RegExp): number | null {
  const window = text.slice(floor, end);
  let best: number | null = null;
  re.lastIndex = 0;
  for (let m = re.exec(window); m; m = re.exec(window)) {
    const stop = floor + m.index + m[0].length;
    if (stop < end && stop > floor) best = stop;
    if (m[0].length === 0) re.lastIndex++;
  }
  return best;
}

/** Run `extractOne` on each section of a long input and join the results; a short input goes whole. */
export function extractBySections(input: DocInput, extractOne: (section: DocInput) => Result, max = SECTION_CHARS): Result {
  const starts = sectionStarts(input.text, max);
  if (starts.length === 1) return extractOne(input);
  const joiner = new SectionJoiner();
  let published = input.published ?? null;
  let publishedSource = input.publishedSource ?? null;
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k];
    const end = k + 1 < starts.length ? starts[k + 1] : input.text.length;
    const part = extractOne({ ...input, text: input.text.slice(start, end), published, publishedSource });
    // the first section settles the publication date (a dateline read, a placeholder cleared); the rest keep it
    if (k === 0) {
      published = part.published;
      publishedSource = part.published_source ?? null;
    }
    joiner.add(part, start);
  }
  return joiner.result(input.text);
}

type Entity = Result['entities'][number];

/** Joins section results in order (each added once, with the offset its text starts at). */
export class SectionJoiner {
  private first: Result | null = null;
  private readonly entities: Entity[] = [];
  private readonly byKey = new Map<string, Entity>();
  /** lower-cased last word of a multi-word person's name → that person (null when two people share it) */
  private readonly bySurname = new Map<string, Entity | null>();
  private readonly sentences: Result['sentences'] = [];
  private readonly quotes: Result['quotes'] = [];
  private readonly times: Result['times'] = [];
  private readonly relations: Result['relations'] = [];
  private readonly events: Result['events'] = [];
  private tokens: NonNullable<Result['tokens']> | null = null;

  add(part: Result, offset: number): void {
    this.first ??= part;
    const sentenceBase = this.sentences.length;
    const tokenBase = this.tokens?.length ?? 0;
    const ids = new Map<string, string>();
    // matched against earlier sections only: two entities a section keeps apart stay apart
    const joined = part.entities.map((e) => this.joinEntity(e, offset));
    part.entities.forEach((e, k) => ids.set(e.id, joined[k].id));
    for (const e of joined) this.index(e);
    const id = (x: string | null): string | null => (x === null ? null : ids.get(x) ?? x);
    const span = <T extends { start: number; end: number }>(s: T): T => ({ ...s, start: s.start + offset, end: s.end + offset });

    for (const s of part.sentences) this.sentences.push(span(s));
    for (const q of part.quotes) {
      this.quotes.push({ ...span(q), speaker: id(q.speaker), ...(q.cue ? { cue: span(q.cue) } : {}), ...(q.source ? { source: span(q.source) } : {}) });
    }
    for (const t of part.times) {
      const anchor = t.anchor && t.anchor.start !== undefined && t.anchor.end !== undefined ? { ...t.anchor, start: t.anchor.start + offset, end: t.anchor.end + offset } : t.anchor;
      this.times.push({ ...span(t), ...(anchor ? { anchor } : {}) });
    }
    for (const r of part.relations) this.relations.push({ ...span(r), subject: id(r.subject) ?? r.subject, object: id(r.object) ?? r.object });
    for (const ev of part.events) {
      this.events.push({
        ...ev,
        id: `ev${this.events.length + 1}`,
        trigger: span(ev.trigger),
        actor: ev.actor.map((a) => id(a) ?? a),
        recipient: ev.recipient.map((a) => id(a) ?? a),
        ...(ev.groups ? { groups: ev.groups.map(span) } : {}),
        location: id(ev.location),
        reported_by: id(ev.reported_by),
        sentence: ev.sentence + sentenceBase,
        place: ev.place ? { ...ev.place, entity: id(ev.place.entity) } : ev.place,
      });
    }
    if (part.tokens) {
      this.tokens ??= [];
      for (const t of part.tokens) this.tokens.push({ ...span(t), ...(t.head !== undefined ? { head: t.head >= 0 ? t.head + tokenBase : t.head } : {}) });
    }
  }

  /** The document's entity this section's entity is (a new one when none matches). */
  private joinEntity(e: Entity, offset: number): Entity {
    const key = `${e.type}|${e.name.toLowerCase()}`;
    const words = e.name.split(/\s+/);
    let into = this.byKey.get(key) ?? (e.type === 'PERSON' && words.length === 1 ? this.bySurname.get(words[0].toLowerCase()) ?? undefined : undefined);
    const mentions = e.mentions.map((m) => ({ ...m, start: m.start + offset, end: m.end + offset }));
    if (!into) {
      into = { ...e, id: `e${this.entities.length + 1}`, mentions };
      this.entities.push(into);
    } else {
      into.mentions.push(...mentions);
      // a fuller name read later names the entity ("Obama", then "Barack Obama")
      if (e.name.length > into.name.length && e.name.toLowerCase().endsWith(into.name.toLowerCase())) into.name = e.name;
      if (e.codes?.length) {
        const have = new Set((into.codes ?? []).map((c) => `${c.code}|${c.source}`));
        into.codes = [...(into.codes ?? []), ...e.codes.filter((c) => !have.has(`${c.code}|${c.source}`))];
      }
      if (e.attributes) into.attributes = { ...e.attributes, ...(into.attributes ?? {}) };
      if (!into.place && e.place) into.place = e.place;
    }
    return into;
  }

  /** Make an entity findable by later sections: by its name, and a person by their surname. */
  private index(e: Entity): void {
    const key = `${e.type}|${e.name.toLowerCase()}`;
    if (!this.byKey.has(key)) this.byKey.set(key, e);
    const words = e.name.split(/\s+/);
    if (e.type === 'PERSON' && words.length > 1) {
      const surname = words[words.length - 1].toLowerCase();
      const had = this.bySurname.get(surname);
      this.bySurname.set(surname, had === undefined || had === e ? e : null);
    }
  }

  result(text: string): Result {
    if (!this.first) throw new Error('no section was added');
    return {
      ...this.first,
      text,
      sentences: this.sentences,
      entities: this.entities,
      quotes: this.quotes,
      times: this.times,
      relations: this.relations,
      events: this.events,
      ...(this.tokens ? { tokens: this.tokens } : {}),
    };
  }
}
