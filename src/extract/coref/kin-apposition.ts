/**
 * "Mohammed Waseem, brother of feminist Qandeel Baloch, was sentenced for her murder": a kinship noun of one gender,
 * set off after a person's name with no determiner and followed by "of", says that person's gender. It is evidence
 * the text gives independently of any pronoun, so it must be known before coreference links he/she — otherwise the
 * first wrong link ("her" → Waseem, the sister's given name unknown) becomes the gender the later links agree with.
 * (With a determiner, "Waseem, the brother of …", the apposition is a nominal mention of its own: coref.ts.)
 */
import type { Doc } from '../../doc.js';
import { defineRule } from '../../rules/registry.js';
import { KINSHIP } from '../gazetteer-lists.js';
import { lw } from './mentions.js';

type Gender = 'f' | 'm' | 'x';

export const kinOfGenderRule = defineRule({
  id: 'coref.kin-of-apposition-gender',
  stage: 'coref',
  action: 'label',
  summary: 'a gendered kinship noun set off after a person\'s name and followed by "of" ("Mohammed Waseem, brother of Qandeel Baloch,"; "Ana Ruiz, daughter of …") fixes that person\'s gender before any pronoun is linked; not when the name is itself the object of "of" ("the mother of Tom Hale, sister of …" could be the mother\'s), nor when the person\'s mentions give both genders this way',
  fires: ['Arif Nadeem, brother of activist Zarteel Haidar, was sentenced for her murder on Friday.'],
  spares: ['The court in Leeds sentenced Arif Nadeem for her murder on Friday.'],
  source: 'src/extract/coref/kin-apposition.ts',
});

/** Set the genders the kinship appositions give, where none is known yet. */
export function noteKinOfGenders(doc: Doc, genders: Map<string, Gender>): void {
  if (!kinOfGenderRule.enabled) return;
  for (const e of doc.entities) {
    if (e.type !== 'PERSON' || genders.has(e.id)) continue;
    let found: 'f' | 'm' | null = null;
    let clash = false;
    let at: { start: number; end: number } | null = null;
    for (const m of e.mentions) {
      if (m.kind !== 'name') continue;
      const g = kinAfter(doc, m);
      if (!g) continue;
      if (found && found !== g) clash = true;
      found = g;
      at ??= m;
    }
    if (found && !clash && at) {
      genders.set(e.id, found);
      kinOfGenderRule.fired(at.start, at.end);
    }
  }
}

/** The gender of "brother"/"sister" in "NAME, brother of …" after mention m, else null. */
function kinAfter(doc: Doc, m: { start: number; end: number }): 'f' | 'm' | null {
  const toks = doc.tokens;
  const first = doc.tokenAt(m.start);
  const after = doc.tokenAt(m.end);
  const sep = toks[after];
  if (!sep || sep.text !== ',' || sep.sentence !== toks[first].sentence) return null;
  // "the mother of Tom Hale, sister of …": whose sister is not sure
  if (first > 0 && lw(toks[first - 1]) === 'of') return null;
  const noun = toks[after + 1];
  const of = toks[after + 2];
  if (!noun || !of || of.sentence !== sep.sentence || lw(of) !== 'of' || !/^\p{Ll}+$/u.test(noun.text)) return null;
  const g = KINSHIP.get(noun.text);
  return g === 'f' || g === 'm' ? g : null;
}
