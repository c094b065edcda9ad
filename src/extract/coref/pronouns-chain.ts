/**
 * Third-person pronouns that carry on a chain the rules have started (coref28, issue 23):
 *  - "they", "them", "their" after a "they" already linked to a named organisation, country or people, with nothing
 *    plural between: "Iran is at a stage where I think they have only enriched … There's no proof that they have a
 *    nuclear weapon" — once a body is spoken of as "they", the next "they" with no other plural in reach is the same
 *    body (the plural counterpart of coref.he-she-pronoun-chain).
 * Runs after the group and plural passes (src/extract/coref/groups.ts, plural.ts), on what they leave.
 */
import type { Doc, Entity, Mention } from '../../doc.js';
import { PRONOUNS } from '../gazetteer-lists.js';
import { findQuoteSpans } from '../quotes.js';
import { defineRule } from '../../rules/registry.js';
import { linkFields, MODEL_BASIS } from './confidence.js';
import { pluralKind } from './kinds.js';
import { otherPlural, THEY_TYPES } from './groups.js';
import { labelRule, spanAt, turnLabels } from './rules.js';
import { lw, tokenOwners } from './mentions.js';

export const theyChainRule = defineRule({
  id: 'coref.they-chain',
  stage: 'coref',
  action: 'label',
  summary: '"they", "them", "their" whose nearest plural before it, in its own sentence or the one before, is a "they" already linked to a named organisation, country or people is that body: the chain goes on while nothing else plural (an unnamed plural noun, an unlinked plural pronoun, "those"), no other named organisation, place or people and no turn label comes between, and both stand inside the same quotation or both outside',
  fires: ['Portugal is at a stage where I think they have only spent a little of the money. There is no proof that they have a plan.'],
  spares: ['Portugal is at a stage where I think they have only spent a little of the money. The inspectors say that they have a plan.', 'Portugal is at a stage where I think they have only spent a little of the money. Spain says they have a plan.'],
  source: 'src/extract/coref/pronouns-chain.ts',
});

const THEY_FORMS = /^(?:they|them|their)$/i;

/** The linked they/them/their an unlinked one at i carries on from (its token), or -1. */
function chainedBody(doc: Doc, owners: (Entity | undefined)[], i: number): number {
  const toks = doc.tokens;
  const sent = toks[i].sentence;
  const first = doc.sentences[Math.max(0, sent - 1)].tokenStart;
  for (let k = i - 1; k >= first; k--) {
    const e = owners[k];
    if (e && THEY_FORMS.test(toks[k].text)) return THEY_TYPES.has(e.type) || pluralKind(doc, e) ? k : -1;
    if (e && e.type !== 'PERSON') return -1;
    if (otherPlural(doc, owners, k)) return -1;
  }
  return -1;
}

/** Some span of `spans` (in text order) starts in [from, to). */
function spanStartsIn(spans: readonly { start: number }[], from: number, to: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length && spans[lo].start < to;
}

export function linkPronounChains(doc: Doc): void {
  if (!theyChainRule.enabled) return;
  const toks = doc.tokens;
  let owners: (Entity | undefined)[] | null = null;
  let quoted: { start: number; end: number }[] | null = null;
  let labels: { start: number; end: number }[] | null = null;
  let learned: Set<number> | null = null;
  for (let i = 0; i < toks.length; i++) {
    if (!THEY_FORMS.test(toks[i].text) || PRONOUNS.get(lw(toks[i]))?.number !== 'p') continue;
    owners ??= tokenOwners(doc);
    if (owners[i]) continue;
    const k = chainedBody(doc, owners, i);
    if (k < 0) continue;
    // (only a chain the rules started: the learned ranker's "they", when it is asked to link them, is not sure enough to go on from)
    learned ??= new Set(doc.entities.flatMap((e) => e.mentions.filter((m) => m.corefBasis === MODEL_BASIS).map((m) => m.start)));
    if (learned.has(toks[k].start)) continue;
    const e = owners[k]!;
    // the same quotation as the "they" it carries on from (or none), no turn label between
    quoted ??= findQuoteSpans(doc.text);
    labels ??= labelRule.enabled ? turnLabels(doc.text) : [];
    if (spanAt(quoted, toks[i].start) !== spanAt(quoted, toks[k].start)) continue;
    if (spanStartsIn(labels, toks[k].end, toks[i].start)) continue;
    const m: Mention = { start: toks[i].start, end: toks[i].end, text: toks[i].text, kind: 'pronoun', type: e.type, entity: e.id, source: 'coref', ...linkFields(theyChainRule.id) };
    e.mentions.push(m);
    owners[i] = e;
    theyChainRule.fired(toks[i].start, toks[i].end);
  }
}
