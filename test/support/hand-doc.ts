/**
 * Hand-built documents for stage tests: tokens and sentences from the real tokenizer, entities
 * and mentions written out by the test (what the NER and coreference stages would produce).
 */
import { Doc, type EntityType, type MentionKind } from '../../src/doc.js';
import { tokenizeStage } from '../../src/nlp/sentences.js';

export interface MentionSpec {
  /** the surface text; every whole-word occurrence is a mention unless `nth` picks one */
  text: string;
  kind?: MentionKind;
  /** 0-based occurrence among whole-word matches of `text` */
  nth?: number | number[];
}

export interface EntitySpec {
  id: string;
  type: EntityType;
  name: string;
  mentions: (string | MentionSpec)[];
}

function occurrences(text: string, surface: string): number[] {
  const out: number[] = [];
  const isWord = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
  for (let i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + 1)) {
    if (isWord(text[i - 1]) || isWord(text[i + surface.length])) continue;
    out.push(i);
  }
  return out;
}

export function handDoc(text: string, entities: EntitySpec[], published: string | null = '2025-02-16'): Doc {
  const doc = new Doc({ id: 'hand', text, published });
  tokenizeStage.run(doc);
  const taken: [number, number][] = [];
  const free = (a: number, b: number) => !taken.some(([x, y]) => a < y && b > x);
  for (const spec of entities) {
    const mentions = [];
    for (const m of spec.mentions) {
      const ms: MentionSpec = typeof m === 'string' ? { text: m } : m;
      const all = occurrences(text, ms.text);
      if (all.length === 0) throw new Error(`hand doc: "${ms.text}" not in text`);
      const picks = ms.nth === undefined ? all : (Array.isArray(ms.nth) ? ms.nth : [ms.nth]).map((n) => all[n]);
      for (const start of picks) {
        if (start === undefined) throw new Error(`hand doc: occurrence of "${ms.text}" missing`);
        // an occurrence inside a longer mention already written (e.g. "Trufanov" in "Alexander Trufanov") is skipped
        if (ms.nth === undefined && !free(start, start + ms.text.length)) continue;
        taken.push([start, start + ms.text.length]);
        mentions.push({ start, end: start + ms.text.length, text: ms.text, kind: ms.kind ?? 'name', type: spec.type, entity: spec.id });
      }
    }
    mentions.sort((a, b) => a.start - b.start);
    doc.entities.push({ id: spec.id, type: spec.type, name: spec.name, mentions });
  }
  return doc;
}
