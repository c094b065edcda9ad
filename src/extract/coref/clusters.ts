/**
 * Clusters: what the resolver knows about each discourse entity so far — a named entity (all the
 * mentions the entities stage grouped, plus the pronouns and descriptions linked to it) or an
 * unnamed one started by a noun phrase ("a plan", "the boy"). Features read these aggregates, kept
 * up to date as markables join, so a candidate costs a constant.
 */
import type { Entity } from '../../doc.js';
import { givenNameGender } from './genders.js';
import { notApposed } from './rules.js';
import type { DocView, Markable } from './markables.js';
import { nounGender, titleGender, type Gender } from './words.js';

export interface Cluster {
  id: number;
  entity: Entity | null;
  /** markables joined so far, in text order */
  mentions: Markable[];
  /** entity type for a named cluster; for an unnamed one 'np' */
  type: string;
  /** head words of its descriptions and noun phrases, and role words written beside its names */
  heads: Set<string>;
  /** lower-case words of its names */
  nameWords: Set<string>;
  /** gender evidence: from the given name (log-odds of she), from nouns and titles, from linked pronouns */
  nameLogOdds: number;
  nounF: number;
  nounM: number;
  pronF: number;
  pronM: number;
  /** pronoun evidence of number and animacy */
  pronIt: number;
  pronThey: number;
  plural: boolean;
  /** a person by its words (a PERSON entity, a person noun, he/she) */
  person: boolean;
  headline: boolean;
  /** gold group (training only) */
  group?: string;
}

const logit = (p: number) => Math.log(p / (1 - p));

export function newCluster(id: number, first: Markable, view: DocView): Cluster {
  const c: Cluster = {
    id, entity: first.entity ?? null, mentions: [], type: first.entity ? first.entity.type : 'np', heads: new Set(), nameWords: new Set(),
    nameLogOdds: 0, nounF: 0, nounM: 0, pronF: 0, pronM: 0, pronIt: 0, pronThey: 0, plural: false, person: false, headline: false,
  };
  if (c.entity) describeEntity(c, c.entity, view);
  else {
    c.plural = first.plural;
    c.person = first.personNoun || first.pronoun === 'he' || first.pronoun === 'she';
  }
  return c;
}

/** What the whole document says about a named entity, wherever it says it: names, titles, role words. */
function describeEntity(c: Cluster, e: Entity, view: DocView): void {
  const toks = view.tokens;
  c.person = e.type === 'PERSON';
  let bestGiven: string | null = null;
  for (const m of e.mentions) {
    if (m.kind !== 'name') continue;
    const words = m.text.split(/\s+/);
    for (const w of words) c.nameWords.add(w.toLowerCase().replace(/[’']s$/, ''));
    for (const r of notApposed.has(m) ? [] : m.roles ?? []) {
      c.heads.add(r);
      const g = nounGender(r);
      if (g === 'f') c.nounF++;
      else if (g === 'm') c.nounM++;
    }
    if (e.type !== 'PERSON') continue;
    const k = view.doc.tokenAt(m.start);
    const title = titleGender(toks[k - 1]?.text ?? '') ?? titleGender(words[0]);
    if (title === 'f') c.nounF++;
    else if (title === 'm') c.nounM++;
    // the given name: the first word of a name of two words or more (after a title)
    const given = words.length >= 2 ? (titleGender(words[0]) ? words[1] : words[0]) : null;
    if (given && words.length - (titleGender(words[0]) ? 1 : 0) >= 2 && !bestGiven) bestGiven = given;
  }
  if (bestGiven) {
    const g = givenNameGender(bestGiven);
    if (g) c.nameLogOdds = Math.max(-4, Math.min(4, logit(Math.min(0.98, Math.max(0.02, g.female))))) * Math.min(1, g.evidence / 5);
  }
  c.plural = e.type === 'NORP';
}

/** Add a markable to the cluster, updating what it knows. */
export function join(c: Cluster, m: Markable): void {
  c.mentions.push(m);
  if (m.paragraph === 0 && m.sentence === 0) c.headline = true;
  if (m.kind === 'pronoun') {
    if (m.pronoun === 'he') c.pronM++;
    else if (m.pronoun === 'she') c.pronF++;
    else if (m.pronoun === 'it') c.pronIt++;
    else if (m.pronoun === 'they') c.pronThey++;
  } else if (m.kind === 'description' || m.kind === 'np' || m.kind === 'nominal') {
    c.heads.add(m.word);
    const g = m.gender ?? nounGender(m.word);
    if (g === 'f') c.nounF++;
    else if (g === 'm') c.nounM++;
    if (!c.entity && m.personNoun) c.person = true;
  }
}

/** Gender bin of a cluster: F / f / ? / m / M (strong or weak she / he, or unknown). */
export function genderBin(c: Cluster): string {
  const lo = c.nameLogOdds + 2 * (c.nounF - c.nounM) + (c.pronF - c.pronM);
  if (lo >= 2) return 'F';
  if (lo >= 0.5) return 'f';
  if (lo <= -2) return 'M';
  if (lo <= -0.5) return 'm';
  return '?';
}

export type { Gender };
