/**
 * An organisation named in full, then by the last words of its name with "the" (issue 23, fifteenth session, coref37):
 * "the Brazilian Air Force … the Air Force's methodology", "the U.S. Senate … The Senate took H.R.1424", "the Labour
 * Party … the Party". News shortens a name this way once it has given it; the recogniser either leaves the short form
 * unnamed or makes it an entity of its own, and the description rules, which read a lower-case head noun, pass over a
 * capitalised one. Here "the" with a run of capitalised words that is the tail of exactly one organisation's longer
 * name, given before it, becomes a description of that organisation; an entity the short form alone makes (every name
 * of it that form) joins the organisation.
 */
import type { Doc, Entity, Mention } from '../../doc.js';
import { defineRule } from '../../rules/registry.js';
import { linkFields } from './confidence.js';
import { lw, tokenOwners } from './mentions.js';
import { aliasWords, AliasTable, MAX_SHORT_WORDS, nameTails } from '../aliases.js';

export const reducedOrgNameRule = defineRule({
  id: 'coref.reduced-org-name',
  stage: 'coref',
  action: 'label',
  summary: '"the Air Force" after "the Brazilian Air Force", "The Senate" after "the U.S. Senate": "the" with a run of capitalised words that ends the noun phrase and is the last words of exactly one organisation\'s longer name given before it is that organisation (a description; an entity the short form alone made joins it); two organisations with that tail ("the Times" after the New York Times and the Los Angeles Times), or a name going on after the run ("the Department of Justice"), and no link',
  fires: ['The Brazilian Air Force opened an inquiry on Monday. The Air Force said the pilots were at fault.'],
  spares: ['The New York Times and the Los Angeles Times ran the story. The Times said the pilots were at fault.', 'The Brazilian Air Force opened an inquiry. The Air Force Academy said the pilots were at fault.'],
  source: 'src/extract/coref/names-reduced.ts',
});

/** A capitalised word of a name: "Air", "U.S.", "Al-Aqsa" (no digits, no lone punctuation). */
const CAPITALISED = /^\p{Lu}[\p{L}.&'’-]*$/u;
export const seriesRule = defineRule({
  id: 'coref.reduced-org-name-series',
  stage: 'coref',
  action: 'veto',
  summary: 'a name whose words before the rest say which one of a series or which part it is (lexicon/en/name-series.tsv: "Second Crusade", "Old Catholic Church", "Eastern Carpathians") gives coref.reduced-org-name no short form: "the Crusade", "the Catholic Church" are the whole or another member',
  fires: ['The Second Crusade Council met in 1147. The Crusade Council failed.'],
  spares: ['The Brazilian Air Force opened an inquiry on Monday. The Air Force said the pilots were at fault.'],
  source: 'src/extract/coref/names-reduced.ts',
});

/** f, answered once per entity and key. */
function memo(f: (e: Entity, key: string) => boolean): (e: Entity, key: string) => boolean {
  const seen = new Map<Entity, Map<string, boolean>>();
  return (e, key) => {
    let byKey = seen.get(e);
    if (!byKey) seen.set(e, (byKey = new Map()));
    let v = byKey.get(key);
    if (v === undefined) byKey.set(key, (v = f(e, key)));
    return v;
  };
}

export function linkReducedNames(doc: Doc): void {
  if (!reducedOrgNameRule.enabled) return;
  const toks = doc.tokens;
  // every tail of every organisation's longer name ("air force", "force" of "Brazilian Air Force") → the organisations
  // with that tail and where each was first named that way (the alias layer's tails, src/extract/aliases.ts)
  const tails = new AliasTable<Entity>();
  for (const e of doc.entities) {
    if (e.type !== 'ORG') continue;
    for (const m of e.mentions) {
      if (m.kind !== 'name') continue;
      // "Second Crusade", "Old Catholic Church": the rest of the name is the whole or another of the series, no short form
      for (const key of nameTails(m.text, seriesRule.enabled, () => seriesRule.fired(m.start, m.end))) tails.add(key, e, 'tail', m);
    }
  }
  if (!tails.size) return;
  // (asked once per entity and short form: a short form may recur many times, and each asking reads every mention)
  const owners = tokenOwners(doc);
  // an entity every name of which is the short form (no longer name of its own): it may join the organisation
  const shortOnly = memo((e: Entity, key: string) => e.type === 'ORG' && e.mentions.every((m) => m.kind !== 'name' || aliasWords(m.text).join(' ') === key));
  const joined = new Map<Entity, Entity>();
  const added: { e: Entity; m: Mention }[] = [];
  for (let i = 0; i + 1 < toks.length; i++) {
    if (lw(toks[i]) !== 'the' || owners[i]) continue;
    let j = i + 1;
    while (j < toks.length && j - i <= MAX_SHORT_WORDS && toks[j].sentence === toks[i].sentence && CAPITALISED.test(toks[j].text)) j++;
    const n = j - i - 1;
    if (n < 1) continue;
    // the run ends the name: a further capitalised word, "of" and one ("the Department of Justice"), or a hyphen ("the
    // Scientology - owned ship") goes on
    const next = toks[j];
    if (next && next.sentence === toks[i].sentence && (CAPITALISED.test(next.text) || /^[-–]$/.test(next.text) || (lw(next) === 'of' && CAPITALISED.test(toks[j + 1]?.text ?? '')))) continue;
    const key = toks.slice(i + 1, j).map((t) => t.text.toLowerCase()).join(' ');
    const by = tails.lookup(key);
    // (more than the one organisation and the short form's own entity: refused before any reading, so a short form many
    // names share costs nothing per occurrence)
    if (!by || by.size > 2) continue;
    // the short form's tokens: none owned, or all by one entity that is only the short form
    const own = owners[i + 1];
    if (toks.slice(i + 1, j).some((t, k) => owners[i + 1 + k] !== own)) continue;
    if (own && !shortOnly(own, key)) continue;
    // one organisation with this tail, named in full before it; another with it anywhere leaves the short form open
    const others = [...by].filter(([e]) => e !== own);
    if (others.length !== 1 || others[0][1].start >= toks[i].start) continue;
    const [target, full] = others[0];
    const end = toks[j - 1].end;
    const rule = reducedOrgNameRule;
    rule.fired(toks[i].start, end);
    doc.aliases.push({ start: toks[i + 1].start, end, text: doc.text.slice(toks[i + 1].start, end), entity: target.id, full: { start: full.start, end: full.end, text: full.text }, reason: 'tail', rule: rule.id });
    // "the Home Office letter", "the Scientology website": the short form modifies the noun after it, whose "the" it
    // is: no description (an entity the short form made still joins the organisation)
    const last = toks[j - 1];
    const modifies = last.deprel === 'compound' || (next !== undefined && next.upos === 'NOUN' && last.head === j);
    if (own) joined.set(own, target);
    if (modifies) continue;
    // the description beside the name the short form made, if it made one: the names layer keeps its name ("Senate"),
    // the description ("The Senate") is the link
    added.push({ e: target, m: { start: toks[i].start, end, text: doc.text.slice(toks[i].start, end), kind: 'nominal', type: target.type, entity: target.id, source: 'coref', ...linkFields(rule.id) } });
    for (let k = i; k < j; k++) owners[k] = target;
  }
  for (const { e, m } of added) e.mentions.push(m);
  if (!joined.size) return;
  // an entity of the short form alone joins its organisation, every mention of it (a bare "Senate" too)
  for (const [from, to] of joined) {
    for (const m of from.mentions) to.mentions.push({ ...m, entity: to.id, type: to.type });
  }
  doc.entities = doc.entities.filter((e) => !joined.has(e));
  for (const e of joined.values()) e.mentions.sort((a, b) => a.start - b.start);
}
