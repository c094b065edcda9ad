/**
 * Eval helper: PETRARCH-style actor coding of noun phrases with an actor and an agent
 * dictionary (the fictional PETR.Validate.* ones for the unit-test records). Every noun
 * phrase of the parse whose words match an actor and/or agent phrase becomes an entity with
 * the combined code ("Arnor's foreign minister" → ARNGOVFRM, "the government" → ---GOV),
 * which is what the event coder then reads as participants.
 */
import type { Doc } from '../src/doc.js';
import { codeOn, type DictPhrase } from '../src/extract/events/petrarch.js';

const CHUNK_RELS = new Set(['compound', 'flat', 'flat:name', 'amod', 'det', 'nmod:poss', 'nummod', 'fixed', 'nmod:desc', 'obl:unmarked', 'case']);
const HEAD_RELS = /^(nsubj|obj|iobj|obl|nmod|conj|appos|root|dep|compound|flat|nsubj:pass|csubj|vocative|dislocated|orphan)/;

export interface PhraseIndex {
  byFirst: Map<string, DictPhrase[]>;
}

export function indexPhrases(phrases: DictPhrase[]): PhraseIndex {
  const byFirst = new Map<string, DictPhrase[]>();
  for (const p of phrases) {
    if (!p.words.length) continue;
    const k = p.words[0];
    const list = byFirst.get(k) ?? [];
    list.push(p);
    byFirst.set(k, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byFirst };
}

function wordMatches(token: string, word: string, last: boolean, exact: boolean): boolean {
  if (token === word) return true;
  // TABARI/PETRARCH: a phrase not ending in '_' matches as a stem ("ARGENTIN" → Argentina)
  // short final words are abbreviations ("THE_AU", "THE_KU"), not stems
  if (last && !exact && word.length >= 4 && token.startsWith(word)) return true;
  return false;
}

/** Longest dictionary phrase starting at each word of `words`; returns [start, length, phrase]. */
function findPhrases(words: string[], index: PhraseIndex, stems = true): [number, number, DictPhrase][] {
  const out: [number, number, DictPhrase][] = [];
  for (let s = 0; s < words.length; s++) {
    // stems are keyed by their first word; try the exact word and, for one-word stems, prefixes
    const cands = [...(index.byFirst.get(words[s]) ?? [])];
    for (let len = Math.min(words[s].length - 1, 12); stems && len >= 3; len--) {
      const more = index.byFirst.get(words[s].slice(0, len));
      if (more) cands.push(...more.filter((p) => p.words.length === 1 && !p.exact));
    }
    for (const p of cands) {
      if (s + p.words.length > words.length) continue;
      if (p.words.every((w, j) => wordMatches(words[s + j], w, j === p.words.length - 1, p.exact || !stems))) {
        out.push([s, p.words.length, p]);
        s += p.words.length - 1;
        break;
      }
    }
  }
  return out;
}

/** `date`: the story date as a YYYYMMDD number, for date-restricted actor codes. */
export function codeActors(doc: Doc, actors: PhraseIndex, agents: PhraseIndex, date: number | null = null): void {
  const n = doc.tokens.length;
  const children: number[][] = Array.from({ length: n }, () => []);
  for (const t of doc.tokens) if ((t.head ?? -1) >= 0) children[t.head!].push(t.i);
  let next = 1;
  for (const t of doc.tokens) {
    // capitalised words the tagger mistook ("Fornost/ADV and Gondor") can still be actors
    const nominal = t.upos === 'NOUN' || t.upos === 'PROPN' || t.upos === 'ADJ';
    const capitalised = /^[A-Z]/.test(t.text) && !['PRON', 'DET', 'ADP', 'CCONJ', 'SCONJ', 'AUX', 'PART', 'PUNCT'].includes(t.upos ?? '');
    if (!nominal && !capitalised) continue;
    if (nominal && !HEAD_RELS.test(t.deprel ?? '')) continue;
    // the noun phrase: the head and its pre-modifiers (names, adjectives, possessors, compounds)
    const chunk: number[] = [];
    const stack = [t.i];
    while (stack.length) {
      const k = stack.pop()!;
      chunk.push(k);
      for (const c of children[k]) {
        const rel = doc.tokens[c].deprel ?? '';
        if (!CHUNK_RELS.has(rel) || (c > t.i && !rel.startsWith('flat'))) continue;
        if (rel === 'case' && !/^'s?$/i.test(doc.tokens[c].text)) continue; // only the possessive 's
        stack.push(c);
      }
    }
    chunk.sort((a, b) => a - b);
    const words = chunk.map((k) => doc.tokens[k].text.toUpperCase().replace(/'S$/, ''));
    const actorHits = findPhrases(words, actors);
    // agents list their plurals explicitly and match whole words ("DIPLOMAT" is not "diplomatic");
    // an agent may run on into an of-phrase ("Ministry of Silly Walks")
    const agentWords = words.slice();
    for (const c of children[t.i]) {
      if (c < t.i || !(doc.tokens[c].deprel ?? '').startsWith('nmod')) continue;
      const sub: number[] = [];
      const st = [c];
      while (st.length) { const k = st.pop()!; sub.push(k); st.push(...children[k]); }
      sub.sort((a, b) => a - b);
      if (doc.tokens[sub[0]].text.toLowerCase() !== 'of') continue;
      agentWords.push(...sub.map((k) => doc.tokens[k].text.toUpperCase()));
      break;
    }
    const agentHits = findPhrases(agentWords, agents, false);
    if (!actorHits.length && !agentHits.length) continue;
    // the actor nearest the head names the phrase; agents add their codes before/after it
    // the first actor of the phrase names it ("Ithilen's minister Calimehtar" → Ithilen), as in PETRARCH
    let actor = actorHits.length ? codeOn(actorHits[0][2], date) : '---';
    if (!actorHits.length) {
      // "soldiers from Gondor", "the ambassadors of Arnor, Osgiliath and Gondor", "activists in Arnor"
      const owners: string[] = [];
      for (const c of children[t.i]) {
        if (!(doc.tokens[c].deprel ?? '').startsWith('nmod')) continue;
        const prep = children[c].map((k) => doc.tokens[k]).find((x) => x.deprel === 'case')?.text.toLowerCase();
        if (prep !== 'of' && prep !== 'from' && prep !== 'in') continue;
        for (const k of [c, ...children[c].filter((x) => doc.tokens[x].deprel === 'conj')]) {
          const hit = findPhrases([doc.tokens[k].text.toUpperCase()], actors)[0];
          if (hit) owners.push(codeOn(hit[2], date));
        }
        if (owners.length) break;
      }
      if (owners.length) actor = owners.join('/');
    }
    // "A/B/C": the phrase names several actors
    const codes = actor.split('/').filter(Boolean).map((base) => {
      let code = base;
      for (const [, , a] of agentHits) {
        const bare = a.code.replace(/~/g, '');
        if (code.endsWith(bare) || code.startsWith(bare)) continue; // "White House officials": USAGOV already says GOV
        if (a.code.startsWith('~')) code = code + a.code.slice(1);
        else if (a.code.endsWith('~')) code = a.code.slice(0, -1) + code;
        else code = code + a.code;
      }
      return code.toUpperCase();
    });
    const start = doc.tokens[chunk[0]].start;
    const end = doc.tokens[chunk[chunk.length - 1]].end;
    const id = `act${next++}`;
    doc.entities.push({
      id, type: 'ORG', name: doc.text.slice(start, end),
      mentions: [{ start, end, text: doc.text.slice(start, end), kind: 'name', type: 'ORG', entity: id }],
      codes: codes.map((code) => ({ code, source: 'petrarch' })),
    });
  }
}
