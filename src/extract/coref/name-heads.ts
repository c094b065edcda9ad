/**
 * The document's names by their head word (sixteenth session, coref38; moved here from the quotes stage, where quotes27
 * kept it for `quotes.description-name-head`): "the Lagos Chamber of Commerce … The chamber said" — a definite description
 * whose head noun is the head word of exactly one name written before it stands for that name. When an organisation entity
 * stands for the name, coreference links the description itself (`coref.description-name-head` in rules.ts, over the
 * entities' own names) and the quotes stage reads that link; the quotes stage asks this index only for a name no entity
 * stands for (the recogniser found "Lagos" alone in "the Lagos Chamber of Commerce"). One index per document, built on
 * first use from the tokens and the name mentions (linear); each question walks one word's list.
 */
import type { Doc, Entity } from '../../doc.js';

/** One name of the index: the organisation an entity stands for, or the run's words when no entity covers its head word. */
interface HeadName {
  entity?: Entity;
  text?: string;
  /** where the run starts */
  at: number;
}

const memo = new WeakMap<Doc, Map<string, HeadName[]>>();

/**
 * The capitalised names of the document by their head word, in text order: a run of capitalised words (joined by
 * "of"/"for" between capitalised words), not opening its sentence, of two words or more. The organisation an entity
 * stands for when one's name covers the head word; the run's words when no entity's name does; runs whose head word is a
 * person's or a place's name are left out.
 */
function build(doc: Doc): Map<string, HeadName[]> {
  const toks = doc.tokens;
  const owners: (Entity | undefined)[] = new Array(toks.length);
  for (const e of doc.entities) {
    for (const m of e.mentions) {
      if (m.kind !== 'name') continue;
      for (let i = doc.tokenAt(m.start); i < toks.length && toks[i].start < m.end; i++) owners[i] = e;
    }
  }
  const index = new Map<string, HeadName[]>();
  const cap = (k: number): boolean => k >= 1 && k < toks.length && /^\p{Lu}\p{L}*$/u.test(toks[k].text) && toks[k].sentence === toks[k - 1].sentence;
  const joiner = (k: number): boolean => k < toks.length && (toks[k].text === 'of' || toks[k].text === 'for');
  for (let i = 0; i < toks.length; i++) {
    if (!cap(i) || cap(i - 1) || (i >= 2 && joiner(i - 1) && cap(i - 2))) continue;
    let j = i;
    for (;;) {
      if (cap(j + 1)) j++;
      else if (joiner(j + 1) && cap(j + 2)) j += 2;
      else break;
    }
    if (j === i) continue;
    let h = j;
    for (let k = i + 1; k <= j; k++) if (joiner(k)) { h = k - 1; break; }
    const o = owners[h];
    const at = toks[i].start;
    const entry: HeadName | null = o?.type === 'ORG' ? { entity: o, at } : !o ? { text: doc.text.slice(at, toks[j].end), at } : null;
    if (entry) {
      const word = toks[h].text.toLowerCase();
      const list = index.get(word);
      if (list) list.push(entry);
      else index.set(word, [entry]);
    }
    i = j;
  }
  return index;
}

/**
 * The one name whose head word is `word` among those written before character `before`: its entity (when the entity is
 * still one of the document's), or its words; null for none or for two different names.
 */
export function nameByHeadWord(doc: Doc, word: string, before: number): { entity?: Entity; text?: string } | null {
  let index = memo.get(doc);
  if (!index) {
    index = build(doc);
    memo.set(doc, index);
  }
  const list = index.get(word);
  if (!list) return null;
  let found: HeadName | null = null;
  for (const x of list) {
    if (x.at >= before) break;
    if (found && (found.entity ?? found.text) !== (x.entity ?? x.text)) return null;
    found = x;
  }
  if (!found) return null;
  if (found.entity) return doc.entityById(found.entity.id) === found.entity ? { entity: found.entity } : null;
  return { text: found.text };
}
