/**
 * The parse as the quotes stage reads it: the parse layer with three kinds of slip mended that no
 * finished English sentence allows, so that the speaker does not hang on which slips a given parser
 * model makes (a better model makes other ones: "The Greek statement called for talks" read as a
 * noun with a participle, "US Secretary of State Mike Pompeo posted" with two subjects).
 *
 * - quotes.one-subject: a predicate has one subject. Two subjects before one verb are either one
 *   phrase the parse split ("Conservative MP | Philip Hammond commented": the second joins the
 *   first), or a relative pronoun that belongs to the clause the verb reports ("which | state media
 *   said were under control": the pronoun is no subject of "said").
 *   The same rule takes an agent only with "by": an obl:agent without it is an object the parse
 *   mislabelled ("which outlets have projected | Joe Biden won").
 * - quotes.verbless-sentence: a sentence whose root is a noun and whose only verb is a past form
 *   hung on that noun as a participle ("The statement | called for talks.") is a clause: the verb
 *   is its predicate and the noun its subject. A by-phrase or a passive auxiliary keeps the
 *   participle ("The statement issued by the ministry on Monday.").
 * - quotes.title-name: a name written right after a noun with nothing between ("MP Philip Hammond")
 *   is one phrase with it, not an apposition (an apposition is set off by punctuation).
 * - quotes.comma-apposition: a noun "conjoined" to another with no conjunction anywhere in the
 *   coordination and set off by commas on both sides is an apposition ("The port operator, Calverton
 *   Terminals, said").
 *
 * The view is the document with its tokens copied and mended; the document itself is never changed.
 */
import { tokenCopy, type Dependents, type Doc, type Token } from '../../doc.js';
import { set, speechVerb } from '../../lexicon/index.js';
import { cueOf, presentCueForm } from './cues.js';
import { bareClause, clauseHungBefore, objectClauseHungAbove, quantifierSubject, commaApposition, commaSubject, invertedClause, nounTaggedCue, cueBeforeQuotation, intensiveReflexive, prepositionSubject, oneSubject, semicolonSubject, addresseeTo, participlePredicate, participleWithSubject, relativePredicate, splitName, titleName, verbTaggedNameStart, verblessSentence } from './rules.js';
import { subtreeSpan } from '../../nlp/subtree.js';

interface Edit {
  i: number;
  head: number;
  deprel: string;
  /** a word of a name the tagger took for a verb is a proper noun again */
  upos?: string;
  xpos?: string;
  lemma?: string;
}

const RELATIVE = set('function-words', { uses: 'quotes-relative' });
const FINITE = /^(?:VBD|VBZ|VBP|MD)$/;

function oneSubjectEdits(toks: readonly Token[], children: Dependents, out: Edit[]): void {
  const isSubjectOf = (h: number) => (c: number) => c < h && (toks[c].deprel ?? '').startsWith('nsubj');
  for (let h = 0; h < toks.length; h++) {
    // nearly every token has fewer than two subjects: count before building the list (this runs on every token)
    let count = 0;
    for (const c of children[h]) if (c < h && (toks[c].deprel ?? '').startsWith('nsubj') && ++count === 2) break;
    if (count < 2) continue;
    const subjects = children[h].filter(isSubjectOf(h));
    if (semicolonSubject.enabled) {
      // a subject across a semicolon is another clause's: it leaves the verb (and is no part of the subject after it)
      const own = subjects.filter((c) => !acrossSemicolon(toks, children, c, h));
      for (const c of subjects) if (!own.includes(c)) {
        out.push({ i: c, head: h, deprel: 'dep' });
        semicolonSubject.fired(toks[c].start, toks[h].end);
      }
      if (own.length < 2) continue;
      subjects.splice(0, subjects.length, ...own);
    }
    const last = subjects[subjects.length - 1];
    const [lastFrom] = subtreeSpan(children, last);
    for (const c of subjects.slice(0, -1)) {
      const t = toks[c];
      if (RELATIVE.has(t.text.toLowerCase()) && (t.upos === 'PRON' || /^W/.test(t.xpos ?? '') || t.upos === 'DET')) {
        // "which state media said were under control": the pronoun is what was said to be
        out.push({ i: c, head: h, deprel: 'obj' });
        oneSubject.fired(t.start, t.end);
        continue;
      }
      const [, to] = subtreeSpan(children, c);
      const between = toks.slice(to + 1, lastFrom);
      // (a phrase opening on a determiner is a new one: "told reporters | the border was closed")
      const fresh = toks[lastFrom].upos === 'DET' || toks[lastFrom].upos === 'PRON' || toks[lastFrom].xpos === 'PRP$';
      if (c === subjects[subjects.length - 2] && !fresh && between.every((x) => x.text === ',')) {
        // one phrase split in two: "US Secretary of State | Mike Pompeo posted"
        out.push({ i: last, head: c, deprel: between.length ? 'appos' : 'flat' });
        oneSubject.fired(t.start, toks[last].end);
      }
    }
  }
}

/**
 * quotes.semicolon-subject: a semicolon closes a clause, and no subject reaches over it to a verb written after it. The parse
 * sometimes gives a verb two subjects, one on each side ("The number of injured is now 12; reports from residents suggest …":
 * "number" and "reports" both subjects of "suggest"); the one before the semicolon belongs to the clause the semicolon closes.
 * Only when the words from the subject to the semicolon hold a finite verb, a clause of their own: a list of subjects set
 * apart by semicolons ("Ana Ruiz, of Lyon; and Tom Blake, of Leeds, said") holds none and is left as parsed.
 */
function acrossSemicolon(toks: readonly Token[], children: Dependents, c: number, h: number): boolean {
  const [from, to] = subtreeSpan(children, c);
  for (let k = to + 1; k < h; k++) {
    if (toks[k].text !== ';' || toks[k].sentence !== toks[h].sentence) continue;
    // the words before the semicolon are a clause of their own: they hold a finite verb (a list of names holds none)
    for (let j = from; j < k; j++) if (FINITE.test(toks[j].xpos ?? '')) return true;
    return false;
  }
  return false;
}

/** An agent is written with "by": an obl:agent without it is an object the parse mislabelled ("have projected | Joe Biden won"). */
function agentEdits(toks: readonly Token[], children: Dependents, out: Edit[]): void {
  for (const t of toks) {
    if (t.deprel !== 'obl:agent' || t.head === undefined || t.head < 0) continue;
    if (children[t.i].some((x) => toks[x].text.toLowerCase() === 'by')) continue;
    out.push({ i: t.i, head: t.head, deprel: 'obj' });
    oneSubject.fired(t.start, t.end);
  }
}

function verblessEdits(toks: readonly Token[], children: Dependents, sentences: Doc['sentences'], out: Edit[]): void {
  for (const s of sentences) {
    let root = -1;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) if (toks[i].head === -1) { root = i; break; }
    if (root < 0) continue;
    // (or a determiner standing alone for people: "Some | reported wanting to draft articles of impeachment")
    const quantifier = quantifierSubject.enabled && /^(?:DET|PRON)$/.test(toks[root].upos ?? '') && QUANTIFIERS.has(toks[root].text.toLowerCase()) && !children[root].some((c) => c < root);
    if (!/^(?:NOUN|PROPN)$/.test(toks[root].upos ?? '') && !quantifier) continue;
    if (children[root].some((c) => /^(?:cop|nsubj)/.test(toks[c].deprel ?? ''))) continue;
    const verb = children[root].find((c) => c > root && toks[c].deprel === 'acl' && toks[c].upos === 'VERB' && /^VB[DN]$/.test(toks[c].xpos ?? ''));
    if (verb === undefined) continue;
    // a bracketed aside is no predicate: "Speaker John Boehner (pictured) announced …"
    if (toks[verb - 1]?.text === '(') continue;
    // a passive participle keeps its reading: "the statement issued by the ministry"
    if (children[verb].some((c) => /^(?:aux|obl:agent|nsubj)/.test(toks[c].deprel ?? '') || (toks[c].deprel === 'obl' && children[c].some((x) => toks[x].text.toLowerCase() === 'by')))) continue;
    // nothing but the noun's own words between it and the verb, no comma
    if (toks.slice(root + 1, verb).some((t) => t.text === ',' || t.head === undefined || t.head < 0)) continue;
    const [, rootTo] = subtreeSpan(children, root, verb);
    if (rootTo >= verb) continue;
    // no other predicate hangs on the noun (a relative clause on it is no predicate of the sentence)
    const finiteClause = (c: number): boolean => FINITE.test(toks[c].xpos ?? '') || children[c].some((x) => /^(?:aux|cop)/.test(toks[x].deprel ?? '') && FINITE.test(toks[x].xpos ?? ''));
    if (children[root].some((c) => c !== verb && toks[c].deprel !== 'acl:relcl' && finiteClause(c))) continue;
    out.push({ i: verb, head: -1, deprel: 'root' });
    out.push({ i: root, head: verb, deprel: 'nsubj' });
    for (const c of children[root]) {
      if (c <= verb) continue;
      const d = toks[c].deprel ?? '';
      out.push({ i: c, head: verb, deprel: d === 'acl' ? 'advcl' : d === 'nmod' ? 'obl' : d });
    }
    (quantifier ? quantifierSubject : verblessSentence).fired(toks[root].start, toks[verb].end);
  }
}

const QUANTIFIERS = set('event-words', { uses: 'quotes-quantifiers' });

/** Deprels that keep a noun inside the phrase of the noun it hangs on ("Sharif Hotak, | of the council", "critics, | including two groups"). */
const NOMINAL_LINK = /^(?:nmod|nmod:poss|nmod:unmarked|nmod:desc|appos|flat|compound|conj)$/;

/**
 * quotes.participle-predicate: a sentence the parse rooted on a noun, with a cue's past form hung as a participle (acl) on a
 * noun of that noun's phrase after a comma or a noun-only run ("Sharif Hotak, of the Maidan Wardak council, | described
 * witnessing …", "The bank's critics, including two consumer groups, | accused …"), or as a modifier (amod) of a noun after it
 * ("Speaker John Boehner (pictured) | announced yesterday that …"): the verb is the sentence's predicate, the root noun its
 * subject. A clause conjoined to the noun with a subject of its own ("Eyewitnesses described …, | and one survivor said …")
 * goes with the verb; any other predicate of the noun, a passive auxiliary, a by-phrase, a subject or subordinator of the verb's
 * own keeps the parse. A sentence opening on a preposition ("At that sit-in last week, …") is left alone: its root may be the
 * fronted phrase, not the subject. (quotes.verbless-sentence reads the simplest case, a participle right on the root.)
 */
function participlePredicateEdits(toks: readonly Token[], children: Dependents, sentences: Doc['sentences'], out: Edit[]): void {
  for (const s of sentences) {
    let root = -1;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) if (toks[i].head === -1) { root = i; break; }
    if (root < 0 || !/^(?:NOUN|PROPN)$/.test(toks[root].upos ?? '') || toks[s.tokenStart].upos === 'ADP') continue;
    if (children[root].some((c) => /^(?:cop|nsubj|nsubj:pass|expl)$/.test(toks[c].deprel ?? ''))) continue;
    // the nouns of the root's phrase, up to the first verb (a list: the root and what hangs on it by nominal links)
    const chain = new Set<number>([root]);
    let verb = -1;
    for (let i = root + 1; i < s.tokenEnd && verb < 0; i++) {
      const t = toks[i];
      const h = t.head ?? -1;
      // (a bracketed aside is skipped whole: "Speaker John Boehner (pictured) announced")
      if (t.text === '(') {
        let close = i + 1;
        while (close < s.tokenEnd && close - i < 8 && toks[close].text !== ')') close++;
        if (toks[close]?.text !== ')') break;
        i = close;
        continue;
      }
      if ((t.upos === 'VERB' || t.upos === 'AUX') && !/^(?:case|fixed|cc)$/.test(t.deprel ?? '')) {
        if (!/^(?:acl|amod)$/.test(t.deprel ?? '') || !/^VB[DN]$/.test(t.xpos ?? '') || !cueOf(t)) break;
        verb = i;
        break;
      }
      if (chain.has(h) && h < i && /^(?:NOUN|PROPN|NUM|PRON)$/.test(t.upos ?? '') && NOMINAL_LINK.test(t.deprel ?? '')) chain.add(i);
    }
    if (verb < 0) continue;
    const v = toks[verb];
    const h = v.head ?? -1;
    const prev = toks[verb - 1];
    let amodHead = -1;
    if (v.deprel === 'acl') {
      // hung on a noun of the phrase, after a comma or a bracket closing what came between ("…, of the council, | described")
      if (!chain.has(h)) continue;
    } else {
      // a modifier of the noun after it ("announced | yesterday"): after a comma or bracket, never inside a noun phrase's own words
      if (h <= verb || !chain.has(toks[h].head ?? -2) || !/^[,)]$/.test(prev.text)) continue;
      amodHead = h;
    }
    const own = children[verb];
    if (own.some((c) => /^(?:aux|aux:pass|cop|nsubj|nsubj:pass|mark|obl:agent)$/.test(toks[c].deprel ?? '') || (toks[c].deprel === 'obl' && children[c].some((x) => (toks[x].text ?? '').toLowerCase() === 'by')))) continue;
    // no other predicate of the phrase: a finite clause on one of its nouns other than a relative clause, unless it has
    // a subject of its own and is conjoined after the verb (an independent clause: "…, and one survivor said …")
    const finiteClause = (c: number): boolean => FINITE.test(toks[c].xpos ?? '') || children[c].some((x) => /^(?:aux|cop)/.test(toks[x].deprel ?? '') && FINITE.test(toks[x].xpos ?? ''));
    const moved: number[] = [];
    let blocked = false;
    for (const n of [...chain, ...(amodHead >= 0 ? [amodHead] : [])]) {
      for (const c of children[n]) {
        if (c === verb || c === amodHead) continue;
        const d = toks[c].deprel ?? '';
        if (c > verb && (d === 'conj' || d === 'parataxis') && children[c].some((x) => /^nsubj/.test(toks[x].deprel ?? '') && x < c)) { moved.push(c); continue; }
        if (n !== amodHead && d !== 'acl:relcl' && (toks[c].upos === 'VERB' || toks[c].upos === 'AUX') && finiteClause(c)) { blocked = true; break; }
        if (c > verb && n !== amodHead) moved.push(c);
        else if (c > verb && n === amodHead && c > amodHead) moved.push(c);
      }
      if (blocked) break;
    }
    if (blocked) continue;
    // the verb has something to report after it: an object, a clause or a complement ("commented in an editorial, saying …"
    // has none of its own, and its reading as a predicate would take the subject's apposition for a trailing clause)
    const lowered = (k: number): string => (toks[k].text ?? '').toLowerCase();
    const reports = (c: number): boolean => c > verb && (/^(?:obj|iobj|ccomp|xcomp)$/.test(toks[c].deprel ?? '')
      || (/^(?:obl|advcl|acl|nmod)$/.test(toks[c].deprel ?? '') && children[c].some((x) => x < c && /^(?:for|of|as|on|that|to)$/.test(lowered(x)))));
    if (!own.some(reports) && !(amodHead >= 0 && children[amodHead].some(reports))) continue;
    // a participle right on the root with no comma and no clause conjoined after it is quotes.verbless-sentence's
    if (v.deprel === 'acl' && h === root && !/^[,)]$/.test(prev.text) && !moved.some((c) => /^(?:conj|parataxis)$/.test(toks[c].deprel ?? '') && children[c].some((x) => /^nsubj/.test(toks[x].deprel ?? '')))) continue;
    out.push({ i: verb, head: -1, deprel: 'root', upos: 'VERB', xpos: 'VBD' });
    out.push({ i: root, head: verb, deprel: 'nsubj' });
    if (amodHead >= 0) out.push({ i: amodHead, head: verb, deprel: 'obl' });
    for (const c of moved) {
      const d = toks[c].deprel ?? 'dep';
      out.push({ i: c, head: verb, deprel: d === 'acl' ? 'advcl' : d === 'nmod' ? 'obl' : d });
    }
    participlePredicate.fired(toks[root].start, v.end);
  }
}

function titleNameEdits(toks: readonly Token[], children: Dependents, out: Edit[]): void {
  for (const t of toks) {
    if (t.deprel !== 'appos' || t.upos !== 'PROPN' || t.head === undefined || t.head < 0 || t.head > t.i) continue;
    const h = toks[t.head];
    if (!/^(?:NOUN|PROPN)$/.test(h.upos ?? '')) continue;
    // written right after the head's own words, with no punctuation between
    const [, headTo] = subtreeSpan(children, t.head, t.i);
    const [from] = subtreeSpan(children, t.i);
    if (headTo + 1 !== from || toks.slice(h.i + 1, t.i).some((x) => x.upos === 'PUNCT')) continue;
    out.push({ i: t.i, head: t.head, deprel: 'flat' });
    titleName.fired(h.start, t.end);
  }
}

function commaAppositionEdits(toks: readonly Token[], children: Dependents, out: Edit[]): void {
  // per head, once: does any of its conjuncts carry a conjunction (a long list stays linear)
  const coordinated = new Map<number, boolean>();
  for (const t of toks) {
    if (t.deprel !== 'conj' || t.head === undefined || t.head < 0 || t.head > t.i) continue;
    if (!/^(?:NOUN|PROPN)$/.test(t.upos ?? '') || !/^(?:NOUN|PROPN)$/.test(toks[t.head].upos ?? '')) continue;
    // a coordination has its conjunction ("A, B and C"): none on this conjunct or its siblings
    let withConjunction = coordinated.get(t.head);
    if (withConjunction === undefined) {
      withConjunction = children[t.head].some((c) => toks[c].deprel === 'conj' && children[c].some((x) => /^(?:cc|cc:preconj)$/.test(toks[x].deprel ?? '')));
      coordinated.set(t.head, withConjunction);
    }
    if (withConjunction) continue;
    // set off by commas on both sides: "The port operator, Calverton Terminals, said"
    const [from, to] = subtreeSpan(children, t.i);
    const before = toks[from].text === ',' ? from : from - 1;
    const after = toks[to].text === ',' ? to : to + 1;
    if (toks[before]?.text !== ',' || toks[after]?.text !== ',') continue;
    out.push({ i: t.i, head: t.head, deprel: 'appos' });
    commaApposition.fired(toks[t.head].start, t.end);
  }
}

/**
 * quotes.comma-subject: a subject "conjoined" with no conjunction anywhere in the coordination to the
 * phrase written after a comma right before its verb: that phrase is the verb's subject (its conjuncts
 * one phrase, headed by the last), and the first closed a fronted phrase ("In response to a lawsuit by
 * the group National Coalition for Men, | U.S. District Judge Gray Miller ruled").
 */
function commaSubjectEdits(toks: readonly Token[], children: Dependents, out: Edit[]): void {
  for (const t of toks) {
    const v = t.head ?? -1;
    if (!/^nsubj/.test(t.deprel ?? '') || v <= t.i || toks[v].upos !== 'VERB') continue;
    const conjuncts = children[t.i].filter((c) => toks[c].deprel === 'conj' && c < v);
    if (!conjuncts.length || [t.i, ...conjuncts].some((k) => children[k].some((x) => /^(?:cc|cc:preconj)$/.test(toks[x].deprel ?? '')))) continue;
    // the last conjunct ends right before the verb; the comma before the phrase it opens
    const last = conjuncts[conjuncts.length - 1];
    if (!/^(?:NOUN|PROPN)$/.test(toks[last].upos ?? '') || subtreeSpan(children, last)[1] !== v - 1) continue;
    // (a conjunct's subtree may hold the comma before it)
    const commaBefore = (k: number): number => {
      const [from] = subtreeSpan(children, k);
      return toks[from].text === ',' ? from : from - 1;
    };
    let comma = commaBefore(last);
    const phrase = [last];
    for (let k = conjuncts.length - 2; k >= 0 && toks[comma]?.text !== ','; k--) {
      if (subtreeSpan(children, conjuncts[k])[1] !== comma) break;
      phrase.push(conjuncts[k]);
      comma = commaBefore(conjuncts[k]);
    }
    if (toks[comma]?.text !== ',' || comma <= subtreeSpan(children, t.i, conjuncts[0])[1]) continue;
    out.push({ i: last, head: v, deprel: t.deprel! });
    for (const k of phrase.slice(1)) out.push({ i: k, head: last, deprel: 'compound' });
    out.push({ i: t.i, head: v, deprel: 'dep' });
    commaSubject.fired(toks[comma + 1].start, toks[last].end);
  }
}

const FINITE_WORD = (t: Token): boolean => FINITE.test(t.xpos ?? '');

/** A predicate is finite: its own form, or a finite auxiliary or copula of it ("were diminishing", "could be a threat"). */
function finitePredicate(toks: readonly Token[], children: Dependents, v: number): boolean {
  return FINITE_WORD(toks[v]) || children[v].some((c) => /^(?:aux|aux:pass|cop)$/.test(toks[c].deprel ?? '') && FINITE_WORD(toks[c]));
}

/**
 * (quotes.bare-clause) A cue with no complement followed at once by a finite clause the parse hung on a
 * verb before the cue: the clause is the cue's ("filed a motion claiming | the order was unlawful" with
 * the clause on "filed"). Whether it found one.
 */
function clauseOverCue(toks: readonly Token[], children: Dependents, t: Token, out: Edit[]): boolean {
  if (children[t.i].some((c) => c > t.i && /^(?:obj|xcomp|ccomp)$/.test(toks[c].deprel ?? ''))) return false;
  const next = t.i + 1;
  for (let v = next; v < toks.length && v < next + 12; v++) {
    const h = toks[v].head ?? -1;
    // (quotes.clause-hung-before: or as a relative clause on a word before the cue: "…
    // the issue, in which he asserted | he had won the election" with "won" a relative clause on the sentence's root)
    const elsewhere = clauseHungBefore.enabled && toks[v].deprel === 'acl:relcl';
    if ((toks[v].deprel !== 'ccomp' && !elsewhere) || h < 0 || h >= t.i || subtreeSpan(children, v)[0] !== next) continue;
    if (!children[v].some((c) => /^nsubj/.test(toks[c].deprel ?? '') && c < v) || !finitePredicate(toks, children, v)) return false;
    if (toks[v].deprel !== 'ccomp' && children[v].some((c) => /^(?:mark|cc)$/.test(toks[c].deprel ?? '') || /^W/.test(toks[c].xpos ?? ''))) return false;
    // (a relative pronoun before the cue's subject is its object: "what we say | they are" reports nothing; "in which he asserted" does)
    if (toks[v].deprel !== 'ccomp') {
      const subj = children[t.i].find((c) => c < t.i && /^nsubj/.test(toks[c].deprel ?? ''));
      const k = subj === undefined ? t.i - 1 : subtreeSpan(children, subj)[0] - 1;
      if (k >= 0 && /^(?:what|that|which|who|whom)$/i.test(toks[k].text) && toks[k - 1]?.upos !== 'ADP') return false;
    }
    out.push({ i: v, head: t.i, deprel: 'ccomp' });
    (toks[v].deprel === 'ccomp' ? bareClause : clauseHungBefore).fired(t.start, toks[v].end);
    return true;
  }
  return false;
}

/**
 * quotes.bare-clause: a clause reported without "that" is the cue's complement. The parse may hang it
 * as an adverbial clause ("indicated on Monday | the chances … were already diminishing") or split it
 * into an object and a verbless conjunct ("warned | the delayed transition process | could be a
 * threat"); a finite clause with its own subject and no subordinator, or a finite predicate written
 * right after the object with no conjunction, is what the cue reports.
 */
function bareClauseEdits(toks: readonly Token[], children: Dependents, out: Edit[]): void {
  for (const t of toks) {
    const cue = cueOf(t);
    if (!cue || !cue.frames.has('clause') || t.upos !== 'VERB') continue;
    const kids = children[t.i];
    if (kids.some((c) => toks[c].deprel === 'ccomp' && c > t.i)) continue;
    if (clauseOverCue(toks, children, t, out)) continue;
    for (const a of kids) {
      if (a < t.i || toks[a].deprel !== 'advcl') continue;
      const own = children[a];
      if (own.some((c) => /^(?:mark|cc)$/.test(toks[c].deprel ?? '') || (toks[c].deprel === 'advmod' && /^W/.test(toks[c].xpos ?? '')))) continue;
      if (!own.some((c) => /^nsubj/.test(toks[c].deprel ?? '') && c < a) || !finitePredicate(toks, children, a)) continue;
      out.push({ i: a, head: t.i, deprel: 'ccomp' });
      bareClause.fired(t.start, toks[a].end);
      break;
    }
    // (an addressee object too: "warned residents | could" has no other subject for "could")
    // (or a noun phrase the parse took for an open complement: "claim | all the dead in Rann | have been buried")
    const obj = kids.find((c) => c > t.i && ((toks[c].deprel === 'obj' && /^(?:NOUN|PROPN)$/.test(toks[c].upos ?? '')) || (toks[c].deprel === 'xcomp' && /^(?:NOUN|PROPN|ADJ)$/.test(toks[c].upos ?? '') && children[c].some((x) => toks[x].deprel === 'det'))));
    if (obj === undefined) continue;
    const [objFrom, objTo] = subtreeSpan(children, obj);
    // a plain noun phrase, no clause of its own inside ("no trace … despite X claiming a source" is none)
    if (toks.slice(objFrom, objTo + 1).some((x) => (x.upos === 'VERB' && x.deprel !== 'amod') || x.upos === 'AUX')) continue;
    // the predicate hung on the cue, or (quotes.object-clause-hung-above) on a word above it in its sentence: "found no
    // trace of explosives despite Znak.com claiming | an anonymous source | described …" with "described" on "found"
    const holders = [t.i];
    if (objectClauseHungAbove.enabled) {
      for (let h = t.head ?? -1, up = 0; h >= 0 && up < 4 && toks[h].sentence === t.sentence; h = toks[h].head ?? -1, up++) holders.push(h);
    }
    let done = false;
    for (const holder of holders) {
      for (const v of children[holder]) {
        // (or as an open complement, which is never finite: "reported | its source | said …")
        // (above the cue, only a relation no finite verb holds there: a conjunct or parataxis of a verb above is
        // that verb's own clause — "told X the frequency … suggested some deep pattern | frogs fell into …")
        if (v <= obj || !(holder === t.i ? /^(?:conj|parataxis|dep|obl|xcomp)$/ : /^(?:dep|obl|xcomp)$/).test(toks[v].deprel ?? '')) continue;
        const own = children[v];
        if (own.some((c) => /^(?:cc|mark|case|nsubj|nsubj:pass|expl)$/.test(toks[c].deprel ?? ''))) continue;
        const [vFrom] = subtreeSpan(children, v);
        if (vFrom !== objTo + 1 || !finitePredicate(toks, children, v)) continue;
        out.push({ i: v, head: t.i, deprel: 'ccomp' });
        out.push({ i: obj, head: v, deprel: /^(?:aux:pass)$/.test(own.map((c) => toks[c].deprel).find((d) => d === 'aux:pass') ?? '') ? 'nsubj:pass' : 'nsubj' });
        (holder === t.i ? bareClause : objectClauseHungAbove).fired(t.start, toks[v].end);
        done = true;
        break;
      }
      if (done) break;
    }
  }
}

/**
 * quotes.relative-predicate: "SUBJECT, who/which …, VERB …" — a relative clause set off by commas
 * between a subject and its verb. The parse may root the sentence on the relative clause's verb and
 * hang the real predicate on it as a conjunct ("The family of Jonas Berger, who was kidnapped in May,
 * | appealed on Saturday"), or root it on the noun ("The Islamic Front, which is linked to …, |
 * subsequently claimed"). A finite verb with no subject of its own right after the closing comma is
 * the predicate of the noun phrase before ", who".
 */
function relativePredicateEdits(toks: readonly Token[], children: Dependents, sentences: Doc['sentences'], out: Edit[]): void {
  for (const s of sentences) {
    let root = -1;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) if (toks[i].head === -1) { root = i; break; }
    if (root < 0) continue;
    for (let r = s.tokenStart + 2; r < s.tokenEnd - 2; r++) {
      if (toks[r - 1].text !== ',' || !RELATIVE.has(toks[r].text.toLowerCase()) || !/^(?:PRON|DET)$/.test(toks[r].upos ?? '')) continue;
      const rel = toks[r].head ?? -1;
      if (rel < 0 || rel < r) continue;
      // the antecedent: the noun before the comma, up its phrase while the heads stay before the pronoun
      let n = r - 2;
      if (!/^(?:NOUN|PROPN)$/.test(toks[n].upos ?? '')) continue;
      for (let up = 0; up < 12 && (toks[n].head ?? -1) >= s.tokenStart && toks[n].head! < r - 1 && /^(?:flat|appos|nmod|compound|fixed)/.test(toks[n].deprel ?? ''); up++) n = toks[n].head!;
      if (n < s.tokenStart || !/^(?:NOUN|PROPN)$/.test(toks[n].upos ?? '')) continue;
      // the closing comma: the first after the relative verb's own words, then the verb (adverbs may stand before it)
      let k = rel + 1;
      // (a relative clause of a few dozen words at most: a long run-on sentence stays linear)
      while (k < s.tokenEnd && toks[k].text !== ',' && k - rel < 40) k++;
      if (toks[k]?.text !== ',') continue;
      let v = k + 1;
      while (v < s.tokenEnd && toks[v].upos === 'ADV') v++;
      if (k >= s.tokenEnd - 1 || v >= s.tokenEnd || toks[v].upos !== 'VERB') continue;
      const pastOk = toks[v].xpos === 'VBN' && !children[v].some((c) => /^aux/.test(toks[c].deprel ?? ''));
      if (!FINITE_WORD(toks[v]) && !pastOk) continue;
      if (children[v].some((c) => /^(?:nsubj|nsubj:pass|expl|mark)$/.test(toks[c].deprel ?? '') && c < v)) continue;
      // only where the parse rooted the sentence on the relative verb or on the noun, and hung the verb on it
      const vh = toks[v].head ?? -1;
      if (!((root === rel || root === n) && (vh === rel || vh === n))) continue;
      out.push({ i: v, head: -1, deprel: 'root' });
      out.push({ i: n, head: v, deprel: 'nsubj' });
      out.push({ i: rel, head: n, deprel: 'acl:relcl' });
      for (const c of children[root]) {
        if (c <= k || c === v) continue;
        out.push({ i: c, head: v, deprel: toks[c].deprel === 'acl' ? 'advcl' : toks[c].deprel ?? 'dep' });
      }
      relativePredicate.fired(toks[n].start, toks[v].end);
      break;
    }
  }
}

/**
 * quotes.split-name: a name of several words the tagger broke with a verb ("Human Rights | Watch have called for …":
 * "Watch" a passive auxiliary of "called", "Human Rights" its subject) is one proper noun phrase, the subject of the
 * verb the broken word hung on, when that verb follows the name and has no subject of its own.
 */
function splitNameEdits(doc: Doc, children: Dependents, out: Edit[]): void {
  const toks = doc.tokens;
  for (const e of doc.entities) {
    for (const m of e.mentions) {
      if (m.kind !== 'name') continue;
      const a = doc.tokenAt(m.start);
      let b = a;
      while (b + 1 < toks.length && toks[b + 1].end <= m.end) b++;
      if (b === a || toks[a].sentence !== toks[b].sentence) continue;
      const verbs: number[] = [];
      for (let k = a; k <= b; k++) if (/^(?:VERB|AUX)$/.test(toks[k].upos ?? '') || /^VB/.test(toks[k].xpos ?? '')) verbs.push(k);
      if (verbs.length !== 1) continue;
      const v = verbs[0];
      const h = toks[v].head ?? -1;
      if (h <= b || toks[h].upos !== 'VERB' || !/^(?:aux|aux:pass|cop)$/.test(toks[v].deprel ?? '')) continue;
      if (children[h].some((c) => (c < a || c > b) && (toks[c].deprel ?? '').startsWith('nsubj'))) continue;
      for (let k = a; k < b; k++) out.push({ i: k, head: b, deprel: 'flat', ...(k === v ? { upos: 'PROPN', xpos: 'NNP' } : {}) });
      out.push({ i: b, head: h, deprel: 'nsubj', ...(b === v ? { upos: 'PROPN', xpos: 'NNP' } : {}) });
      splitName.fired(m.start, toks[h].end);
    }
  }
}

/**
 * quotes.verb-tagged-name-start: "the" + a capitalised word tagged as a verb + capitalised words, right before a verb that has
 * no subject ("the Combined Joint Task Force Operation Inherent Resolve released …": "Combined" a verb, "Force" its object,
 * "the" hung on "released") is one proper-noun phrase and that verb's subject. A determiner never governs a verb's phrase,
 * and a capitalised word inside a sentence after "the" opens a name.
 */
function verbTaggedNameStartEdits(toks: readonly Token[], children: Dependents, out: Edit[]): void {
  for (let i = 1; i + 2 < toks.length; i++) {
    const t = toks[i];
    if (t.upos !== 'VERB' || !/^VB[DNG]$/.test(t.xpos ?? '') || !/^\p{Lu}\p{Ll}/u.test(t.text)) continue;
    const det = toks[i - 1];
    if (det.sentence !== t.sentence || det.text.toLowerCase() !== 'the' || det.upos !== 'DET') continue;
    // the capitalised words after it, then the verb they are the subject of
    let r = i;
    while (r + 1 < toks.length && toks[r + 1].sentence === t.sentence && /^(?:PROPN|NOUN|ADJ)$/.test(toks[r + 1].upos ?? '') && /^\p{Lu}/u.test(toks[r + 1].text)) r++;
    if (r === i || r + 1 >= toks.length) continue;
    const v = r + 1;
    const verb = toks[v];
    if (verb.sentence !== t.sentence || verb.upos !== 'VERB' || !FINITE.test(verb.xpos ?? '')) continue;
    if (children[v].some((c) => (toks[c].deprel ?? '').startsWith('nsubj'))) continue;
    // the parse hung the run on the false verb, and the false verb (or the determiner) on the real one
    if ((det.head ?? -1) !== v && (t.head ?? -1) !== v) continue;
    for (let k = i; k < r; k++) out.push({ i: k, head: r, deprel: k === i ? 'compound' : 'flat', ...(k === i ? { upos: 'PROPN', xpos: 'NNP', lemma: t.text } : {}) });
    out.push({ i: i - 1, head: r, deprel: 'det' });
    out.push({ i: r, head: v, deprel: 'nsubj' });
    verbTaggedNameStart.fired(det.start, verb.end);
  }
}

/**
 * quotes.noun-tagged-cue: a present form of a clause-taking cue the tagger took for a plural noun, between the end of a
 * noun phrase and a finite clause whose subject opens right after it ("The military | claims | it is in a final push",
 * "Znak.com | claims | FSB sources have …"), is the verb of its sentence: the phrase before it is its subject and the
 * clause its complement. A noun reading has no clause of its own right after it ("Police reports | show the man was
 * armed": a verb follows), nor a determiner, possessive or adjective of its own just before ("the claims", "Trump's claims").
 */
function nounTaggedCueEdits(toks: readonly Token[], children: Dependents, out: Edit[]): void {
  for (const t of toks) {
    if (!/^NNS$/.test(t.xpos ?? '') || t.text !== t.text.toLowerCase()) continue;
    const cue = presentCueForm(t.text);
    if (!cue || !cue.frames.has('clause')) continue;
    const prev = toks[t.i - 1];
    const next = toks[t.i + 1];
    if (!prev || !next || prev.sentence !== t.sentence || next.sentence !== t.sentence) continue;
    // the subject phrase ends right before it on a noun or a name ("The military": an adjective after its article)
    const nounEnd = /^(?:NOUN|PROPN)$/.test(prev.upos ?? '') || (prev.upos === 'ADJ' && toks[t.i - 2]?.upos === 'DET');
    if (!nounEnd || /^['’]s?$/.test(prev.text)) continue;
    // the clause after it: a finite predicate whose subject's phrase opens right after the cue
    let p = -1;
    for (let c = next.i; c < toks.length && c < next.i + 12 && toks[c].sentence === t.sentence; c++) {
      if (!/^nsubj/.test(toks[c].deprel ?? '') || subtreeSpan(children, c)[0] !== next.i) continue;
      const h = toks[c].head ?? -1;
      if (h > c && h !== t.i && finitePredicate(toks, children, h)) { p = h; break; }
    }
    if (p < 0) continue;
    if (t.head === p) {
      // the cue hung in the clause as a noun ("claims" the subject of "push"): it heads the clause instead
      const own = children[t.i].filter((c) => c < t.i);
      const subject = [...own].reverse().find((c) => /^(?:NOUN|PROPN|ADJ)$/.test(toks[c].upos ?? ''));
      if (subject === undefined || subject !== t.i - 1 && subtreeSpan(children, subject)[1] !== t.i - 1) continue;
      out.push({ i: t.i, head: toks[p].head ?? -1, deprel: toks[p].deprel ?? 'root', upos: 'VERB', xpos: 'VBZ', lemma: cue.lemma });
      out.push({ i: p, head: t.i, deprel: 'ccomp' });
      out.push({ i: subject, head: t.i, deprel: 'nsubj' });
      for (const c of own) if (c !== subject) out.push({ i: c, head: subject, deprel: toks[c].deprel ?? 'dep' });
      // what opened the sentence before the subject ("On Monday, …") belongs to the cue
      const [from] = subtreeSpan(children, subject);
      for (const c of children[p]) if (c < Math.min(from, ...own)) out.push({ i: c, head: t.i, deprel: toks[c].deprel ?? 'dep' });
    } else if (t.head !== undefined && t.head >= 0 && t.head < t.i && subtreeSpan(children, t.head, t.i)[1] === t.i - 1 && /^(?:NOUN|PROPN)$/.test(toks[t.head].upos ?? '')) {
      // the cue hung on the noun before it ("Znak.com | claims" an object of the name): the noun is its subject
      const subject = t.head;
      if (!(toks[p].head === t.i || children[t.i].includes(p))) continue;
      out.push({ i: t.i, head: toks[subject].head ?? -1, deprel: toks[subject].deprel ?? 'root', upos: 'VERB', xpos: 'VBZ', lemma: cue.lemma });
      out.push({ i: subject, head: t.i, deprel: 'nsubj' });
      for (const c of children[subject]) if (c > t.i) out.push({ i: c, head: t.i, deprel: toks[c].deprel ?? 'dep' });
    } else continue;
    nounTaggedCue.fired(t.start, t.end);
  }
}

/**
 * quotes.cue-before-quotation: a present form of a cue the tagger took for a plural noun, written right after a noun it
 * heads as that noun's compound and right before an opening quotation mark ("The study | reports | "For each …"", "The
 * ministry | states | "…"") is the verb of its sentence and the noun its subject: a noun reading has its own determiner,
 * possessive or adjective and no noun right before it ("the reports", "Trump's claims", "The two reports"), and a
 * quotation mark right after a subject and a cue form is what the verb hands over to.
 */
function cueBeforeQuotationEdits(toks: readonly Token[], children: Dependents, out: Edit[]): void {
  for (const t of toks) {
    if (t.xpos !== 'NNS' || t.text !== t.text.toLowerCase()) continue;
    const prev = toks[t.i - 1];
    const next = toks[t.i + 1];
    if (!prev || !next || prev.sentence !== t.sentence || next.sentence !== t.sentence || !/^["\u201c]$/.test(next.text) || next.start < t.end + 1) continue;
    if (!/^(?:NOUN|PROPN)$/.test(prev.upos ?? '') || prev.head !== t.i || !/^(?:compound|nmod)/.test(prev.deprel ?? '')) continue;
    const cue = presentCueForm(t.text);
    if (!cue) continue;
    out.push({ i: t.i, head: t.head ?? -1, deprel: t.deprel ?? 'root', upos: 'VERB', xpos: 'VBZ', lemma: cue.lemma });
    out.push({ i: prev.i, head: t.i, deprel: 'nsubj' });
    // the subject's determiner and modifiers the parse hung on the cue go with the subject
    for (const c of children[t.i]) if (c < prev.i) out.push({ i: c, head: prev.i, deprel: toks[c].deprel ?? 'dep' });
    cueBeforeQuotation.fired(t.start, t.end);
  }
}

/**
 * quotes.intensive-reflexive: a reflexive pronoun written right after a noun ("The study | itself | outlined …", "the
 * minister himself") the parse made its verb's subject, with the noun hung on the same verb as an oblique, an object or a
 * second subject, is the noun's intensifier and the noun the subject: a reflexive is a verb's subject in no finished
 * English clause.
 */
function intensiveReflexiveEdits(toks: readonly Token[], out: Edit[]): void {
  for (const t of toks) {
    if (!/^nsubj/.test(t.deprel ?? '') || !/^(?:itself|himself|herself|themselves)$/i.test(t.text)) continue;
    const prev = toks[t.i - 1];
    const v = t.head ?? -1;
    if (!prev || v < 0 || prev.sentence !== t.sentence || prev.head !== v || !/^(?:NOUN|PROPN)$/.test(prev.upos ?? '') || !/^(?:obl|obj|nmod|dep|nsubj)(?::|$)/.test(prev.deprel ?? '')) continue;
    if (prev.deprel !== t.deprel) out.push({ i: prev.i, head: v, deprel: t.deprel ?? 'nsubj' });
    out.push({ i: t.i, head: prev.i, deprel: 'nmod:npmod' });
    intensiveReflexive.fired(prev.start, t.end);
  }
}

/**
 * quotes.preposition-subject: a preposition the parse made the subordinator of a finite verb whose subject is the noun right
 * after it ("reports | from | locals suggest …": "from" a mark, "locals" the subject) opens a prepositional phrase of the noun
 * right before it, and that noun is the verb's subject: "from", "of", "in" subordinate no finished clause. Only the
 * prepositions no clause follows (not "for", "as", "like", "because", "than", "until", "after", "before", "since", "while").
 */
function prepositionSubjectEdits(toks: readonly Token[], children: Dependents, out: Edit[]): void {
  for (const t of toks) {
    if (t.deprel !== 'mark' || t.upos !== 'ADP' || !/^(?:from|of|in|at|among|with|by)$/i.test(t.text)) continue;
    const v = t.head ?? -1;
    const before = toks[t.i - 1];
    const after = toks[t.i + 1];
    if (v < 0 || !before || !after || before.sentence !== t.sentence || !/^(?:NOUN|PROPN)$/.test(before.upos ?? '')) continue;
    if (after.head !== v || !/^nsubj/.test(after.deprel ?? '') || !/^(?:NOUN|PROPN)$/.test(after.upos ?? '') || !FINITE.test(toks[v].xpos ?? '')) continue;
    // the subject phrase is only the noun after the preposition, and the verb follows it at once
    if (children[after.i].some((c) => c > after.i) || v !== after.i + 1) continue;
    out.push({ i: before.i, head: v, deprel: after.deprel ?? 'nsubj' });
    out.push({ i: after.i, head: before.i, deprel: 'nmod' });
    out.push({ i: t.i, head: after.i, deprel: 'case' });
    prepositionSubject.fired(before.start, after.end);
  }
}

/**
 * quotes.inverted-clause: a finite clause-taking cue the parse hung as an adverbial clause on the finite clause written right
 * after it ("Airfleets states | the aircraft uses the A300": "states" an advcl of "uses") heads that clause: the clause is its
 * complement, and what the clause's verb held before the cue is the cue's. A real adverbial clause has its subordinator
 * ("as the minister states, …", "when she says …"), and a clause with "that" is no inversion.
 */
function invertedClauseEdits(toks: readonly Token[], children: Dependents, out: Edit[]): void {
  for (const t of toks) {
    if (t.upos !== 'VERB' || !/^(?:advcl|parataxis)$/.test(t.deprel ?? '')) continue;
    // (a past participle with a subject of its own and no auxiliary is the tagger's past tense: "Some also noted/VBN | the colors …")
    const pastWithSubject = participleWithSubject.enabled && t.xpos === 'VBN'
      && children[t.i].some((c) => c < t.i && toks[c].deprel === 'nsubj') && !children[t.i].some((c) => /^(?:aux|aux:pass|cop)$/.test(toks[c].deprel ?? ''));
    if (!FINITE_WORD(t) && !pastWithSubject) continue;
    const p = t.head ?? -1;
    if (p <= t.i + 1 || !finitePredicate(toks, children, p) || toks[p].sentence !== t.sentence) continue;
    const cue = cueOf(t);
    if (!cue || !cue.frames.has('clause')) continue;
    const own = children[t.i];
    if (own.some((c) => toks[c].deprel === 'mark' || (toks[c].deprel === 'advmod' && /^W/.test(toks[c].xpos ?? '')) || (c > t.i && /^(?:ccomp|obj|xcomp)$/.test(toks[c].deprel ?? '')))) continue;
    // the clause's subject opens right after the cue
    const subject = children[p].find((c) => /^nsubj/.test(toks[c].deprel ?? '') && c > t.i && subtreeSpan(children, c)[0] === t.i + 1);
    if (subject === undefined) continue;
    out.push({ i: t.i, head: toks[p].head ?? -1, deprel: toks[p].deprel ?? 'root' });
    out.push({ i: p, head: t.i, deprel: 'ccomp' });
    // (the cue is active: a passive subject of the clause's verb is the cue's subject, and a second one after a comma its apposition,
    // "One of them, a retired teacher, said")
    let subj = -1;
    for (const c of children[p]) {
      if (c >= t.i) continue;
      const d = toks[c].deprel ?? 'dep';
      if (/^nsubj/.test(d) && subj >= 0) out.push({ i: c, head: subj, deprel: 'appos' });
      else out.push({ i: c, head: t.i, deprel: /^nsubj/.test(d) ? 'nsubj' : d });
      if (/^nsubj/.test(d) && subj < 0) subj = c;
    }
    invertedClause.fired(t.start, toks[p].end);
    if (!FINITE_WORD(t)) participleWithSubject.fired(t.start, t.end);
  }
}

/**
 * quotes.addressee-to: a speech verb that takes the one spoken to after "to" and no infinitive ("speak": its lexicon row is
 * tagged `quotes-addressee-to`) is followed by "to" and the addressee, not by an infinitive. When the tagger reads "speaking | to | state television" as an infinitive
 * ("state" a verb, "television" its object), the infinitive's verb is a cue only by that misreading: "to" opens the
 * addressee's phrase, the noun after the word is its head, and the word modifies it. Only a bare noun (no determiner
 * before it), so a purpose clause with its own object phrase keeps its verb ("spoke to state his case").
 */
function addresseeToEdits(toks: readonly Token[], children: Dependents, out: Edit[]): void {
  for (const t of toks) {
    if (t.xpos !== 'VB' || !/^(?:xcomp|advcl)$/.test(t.deprel ?? '')) continue;
    const to = toks[t.i - 1];
    const speech = toks[t.i - 2];
    const noun = toks[t.i + 1];
    if (!to || !speech || !noun || to.text.toLowerCase() !== 'to' || to.deprel !== 'mark' || to.head !== t.i || t.head !== speech.i) continue;
    if (speech.upos !== 'VERB' || noun.sentence !== t.sentence || noun.upos !== 'NOUN' || noun.head !== t.i || noun.deprel !== 'obj') continue;
    if (!speechVerb((speech.lemma ?? speech.text).toLowerCase(), 'quotes-addressee-to') || !cueOf(t)) continue;
    if (children[noun.i].some((c) => c < noun.i)) continue;
    out.push({ i: noun.i, head: speech.i, deprel: 'obl' });
    out.push({ i: to.i, head: noun.i, deprel: 'case', upos: 'ADP', xpos: 'IN' });
    out.push({ i: t.i, head: noun.i, deprel: 'compound', upos: 'NOUN', xpos: 'NN' });
    // what else hung on the misread verb (a comma closing the aside) goes up to the speech verb
    for (const c of children[t.i]) if (c !== to.i && c !== noun.i) out.push({ i: c, head: speech.i, deprel: toks[c].deprel ?? 'dep' });
    addresseeTo.fired(to.start, noun.end);
  }
}

/** The document as the quotes stage reads it: the same document when nothing needs mending, else a view with mended token copies. */
export function parseView(doc: Doc): Doc {
  const toks = doc.tokens;
  if (!toks.length || toks[0].deprel === undefined) return doc;
  const children = doc.dependents();
  const edits: Edit[] = [];
  if (oneSubject.enabled) oneSubjectEdits(toks, children, edits);
  if (oneSubject.enabled) agentEdits(toks, children, edits);
  if (verblessSentence.enabled) verblessEdits(toks, children, doc.sentences, edits);
  if (participlePredicate.enabled) participlePredicateEdits(toks, children, doc.sentences, edits);
  if (titleName.enabled) titleNameEdits(toks, children, edits);
  if (commaApposition.enabled) commaAppositionEdits(toks, children, edits);
  if (bareClause.enabled) bareClauseEdits(toks, children, edits);
  if (relativePredicate.enabled) relativePredicateEdits(toks, children, doc.sentences, edits);
  if (commaSubject.enabled) commaSubjectEdits(toks, children, edits);
  if (splitName.enabled) splitNameEdits(doc, children, edits);
  if (verbTaggedNameStart.enabled) verbTaggedNameStartEdits(toks, children, edits);
  if (nounTaggedCue.enabled) nounTaggedCueEdits(toks, children, edits);
  if (invertedClause.enabled) invertedClauseEdits(toks, children, edits);
  if (cueBeforeQuotation.enabled) cueBeforeQuotationEdits(toks, children, edits);
  if (intensiveReflexive.enabled) intensiveReflexiveEdits(toks, edits);
  if (prepositionSubject.enabled) prepositionSubjectEdits(toks, children, edits);
  if (addresseeTo.enabled) addresseeToEdits(toks, children, edits);
  if (!edits.length) return doc;
  const tokens = toks.slice();
  for (const e of edits) {
    const t = tokenCopy(tokens[e.i]);
    t.head = e.head;
    t.deprel = e.deprel;
    if (e.upos) {
      t.upos = e.upos;
      t.xpos = e.xpos;
    }
    if (e.lemma) t.lemma = e.lemma;
    tokens[e.i] = t;
  }
  const view = doc.copy();
  view.tokens = tokens;
  return view;
}
