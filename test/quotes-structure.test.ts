/**
 * Speakers from the structure of attribution (issue 22, third round): pronoun antecedents by
 * subject preference and agreement, the cue a quotation belongs to, and source phrases the parse
 * splits. Sentences of our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameOf, run } from './helpers.js';

test('"they" in a subordinate clause stands for the plural subject before it, kept as words', () => {
  const r = run('Union officials went to the Harbour Road police station, where they claimed the files had been stolen.');
  const q = r.quotes.find((x) => x.text.includes('files had been stolen'));
  assert.ok(q);
  assert.equal(q.speaker, null);
  assert.equal(q.speaker_text, 'Union officials');
});

test('"It" opening a sentence stands for the body that was the subject of the sentence before', () => {
  const r = run('The Farmers Alliance has launched a campaign against the new land tax. It is also urging members to withhold their payments.');
  const q = r.quotes.find((x) => x.cue?.text === 'urging');
  assert.ok(q);
  assert.equal(nameOf(r, q.speaker), 'Farmers Alliance');
});

test('a "she" speaker is the woman, not the man, named in the sentence before', () => {
  const r = run('David Rios met Anna Weber at the station on Monday. She said the trains would run again by Friday.');
  const q = r.quotes.find((x) => x.text.includes('trains would run'));
  assert.ok(q);
  assert.equal(nameOf(r, q.speaker), 'Anna Weber');
});

test('a document names its author, not a person in its prepositional phrase', () => {
  const r = run('The hearing ended early. Judge Peter Holm issued a ruling against Senator Anna Berg finding that the contract was void.');
  const q = r.quotes.find((x) => x.text.includes('contract was void'));
  assert.ok(q);
  assert.equal(nameOf(r, q.speaker), 'Peter Holm');
});

test('a cue whose object is a relative pronoun leaves the quotation to the cue before it', () => {
  const r = run('Speaker Ana Holm commented on the vote — which the Herald noted as a rare move — "This house will not be silenced."');
  const q = r.quotes.find((x) => x.kind === 'direct');
  assert.ok(q);
  assert.equal(q.cue?.text, 'commented');
  assert.equal(nameOf(r, q.speaker), 'Ana Holm');
});

test('a quotation hanging on a passive agent goes to that cue, not to a cue after it in another clause', () => {
  const r = run('The mayor was told by Fire Chief Ivan Petrov of "at least 30 people under the debris", while Deputy Governor Oleg Sarin indicated 60 were missing.');
  const q = r.quotes.find((x) => x.kind === 'direct');
  assert.ok(q);
  assert.equal(nameOf(r, q.speaker), 'Ivan Petrov');
  const other = r.quotes.find((x) => x.text === '60 were missing');
  assert.ok(other);
  assert.equal(nameOf(r, other.speaker), 'Oleg Sarin');
});

test('a title with a bracketed abbreviation before the name: the person is the speaker', () => {
  const r = run('Member of Parliament (MP) Clara Voss of the Green Party added, "The bill is a disgrace to this chamber."');
  const q = r.quotes.find((x) => x.kind === 'direct');
  assert.ok(q);
  assert.equal(nameOf(r, q.speaker), 'Clara Voss');
});

test('a car the recogniser took for a person is no antecedent of "she"', () => {
  const r = run('Witnesses said the Volvo had come from the base, and officers spoke with Anne Mercer. She told police she had diplomatic immunity.');
  const q = r.quotes.find((x) => x.cue?.text === 'told');
  assert.ok(q);
  assert.equal(nameOf(r, q.speaker), 'Anne Mercer');
});

test('two clauses joined by ", but" are not one subject phrase', () => {
  const r = run('The first reports spoke of drone attacks, but the Saudi government said the attack included cruise missiles.');
  const q = r.quotes.find((x) => x.text.includes('cruise missiles'));
  assert.ok(q);
  assert.equal(q.speaker_text, 'the Saudi government');
});

test('a participial adjective and a bracketed abbreviation stay in the subject read off the words', () => {
  const r = run('Late on Friday, the Kurdish-led Northern Unity Front (NUF) announced it had signed a truce with the army.');
  const q = r.quotes.find((x) => x.text.includes('signed a truce'));
  assert.ok(q);
  assert.ok(q.speaker !== null || q.speaker_text, 'a speaker is found');
  assert.match(q.source?.text ?? '', /Northern Unity Front/);
});

test('a statement described by its origin is not the last speaker\'s', () => {
  const r = run('According to the BBC, the border was closed on Monday. The Greek statement called for talks to resume.');
  const q = r.quotes.find((x) => x.cue?.text === 'called');
  assert.ok(q);
  assert.equal(q.speaker, null);
  assert.equal(q.speaker_text, 'The Greek statement');
});

test('the issuer of a document is the head of the subject, not a place in its prepositional phrase', () => {
  const r = run('Farmers and landowners from the border state of Arizona filed a motion claiming the order was unlawful.');
  const q = r.quotes.find((x) => x.cue?.text === 'claiming');
  assert.ok(q);
  assert.equal(q.speaker, null);
  const p = run('US Secretary of State Mike Pompeo posted a message on Twitter blaming Iran for the attacks.');
  const b = p.quotes.find((x) => x.cue?.text === 'blaming');
  assert.ok(b);
  assert.equal(nameOf(p, b.speaker), 'Mike Pompeo');
});

test('kind: a naming cue with a quotation after its object gives a mixed quote beside the direct one', () => {
  const r = run('Shop owners called the demand "unprecedented" last week.');
  const mixed = r.quotes.find((x) => x.kind === 'mixed');
  assert.ok(mixed);
  assert.equal(mixed.text, 'the demand "unprecedented"');
  assert.ok(r.quotes.some((x) => x.kind === 'direct' && x.text === 'unprecedented'));
  const none = run('Shop owners called the police last week.');
  assert.equal(none.quotes.length, 0);
});

test('a lead that introduces its actor by description: the one person named later with that role', () => {
  const r = run('A federal judge in Ohio ruled on Friday that the county map was unlawful.\n\nIn a 40-page opinion, Judge Karen Holt wrote that the lines had been drawn to dilute votes.');
  const q = r.quotes.find((x) => x.text.includes('county map'));
  assert.ok(q);
  assert.equal(nameOf(r, q.speaker), 'Karen Holt');
  // no one named later with the role: the description stays words
  const s = run('A senior official in Bamako said on Friday that the convoy had been ambushed.\n\nThe army sent reinforcements to the north.');
  const o = s.quotes.find((x) => x.text.includes('convoy'));
  assert.ok(o);
  assert.equal(o.speaker, null);
  assert.equal(o.speaker_text, 'A senior official in Bamako');
});

test('"According to X, CLAUSE." frames its sentence even when a cue inside the clause reports a claim', () => {
  const r = run('According to the ministry, rebels said the bridge had been destroyed.');
  const outer = r.quotes.find((x) => x.cue?.text === 'According to');
  assert.ok(outer);
  assert.equal(outer.text, 'rebels said the bridge had been destroyed');
  assert.equal(outer.speaker_text ?? nameOf(r, outer.speaker), 'the ministry');
  assert.ok(r.quotes.some((x) => x.cue?.text === 'said' && x.text === 'the bridge had been destroyed'));
});

test('a date\'s comma stays inside the "according to" phrase', () => {
  const r = run('According to a March 14, 2019 NATO press release, Hungary spent 1.15% of its GDP on defence in 2018.');
  const q = r.quotes.find((x) => x.cue?.text === 'According to');
  assert.ok(q);
  assert.equal(q.source?.text, 'a March 14, 2019 NATO press release');
  assert.equal(nameOf(r, q.speaker), 'NATO');
});

test('a participial cue after a comma closes the reported clause before it', () => {
  const r = run('Governor Ana Ruiz claimed she made the decision alone, insisting she was never pressured by anyone.');
  const q = r.quotes.find((x) => x.cue?.text === 'claimed');
  assert.ok(q);
  assert.equal(q.text, 'she made the decision alone');
  const s = run('Governor Ana Ruiz claimed she made the decision alone, leaving the capital on Monday.');
  assert.ok(s.quotes.some((x) => x.cue?.text === 'claimed' && x.text.includes('leaving the capital')));
});

test('a paragraph closing on a cue and a colon introduces the quotation opening the next paragraph', () => {
  const r = run('In her ruling, Judge Ana Ruiz wrote:\n\n"The state has offered no reason for the delay. The order is lifted."');
  const q = r.quotes.find((x) => x.kind === 'direct');
  assert.ok(q);
  assert.equal(nameOf(r, q.speaker), 'Ana Ruiz');
  const s = run('In her ruling, Judge Ana Ruiz lifted the order.\n\n"The state has offered no reason for the delay. The order is lifted."');
  const o = s.quotes.find((x) => x.kind === 'direct');
  assert.ok(o);
  assert.equal(o.cue, undefined);
});

test('the phrase between a clause-taking cue and a finite cue is the inner speaker', () => {
  const r = run('The website further reported its source said that the tenant had moved in the day before.');
  const inner = r.quotes.find((x) => x.cue?.text === 'said');
  assert.ok(inner);
  assert.equal(inner.speaker_text, 'its source');
});

test('"they" skips a plural subject that names no people ("Results"), and a described lead speaker must share its modifier', () => {
  const r = run('The researchers watched the flies for a month. Results showed the flies hovered over both animals, but over zebras they did not slow down. They said the stripes confused the flies.');
  const q = r.quotes.find((x) => x.text.includes('stripes confused'));
  assert.ok(q);
  assert.notEqual(q.speaker_text, 'Results');
  const s = run('The minister suffered two deep wounds in the attack, according to a hospital spokesperson.\n\nPolice spokesperson Dedi Prasetyo said the attacker had been detained.');
  const o = s.quotes.find((x) => x.cue?.text === 'according to');
  assert.ok(o);
  assert.equal(o.speaker, null);
  assert.equal(o.speaker_text, 'a hospital spokesperson');
});

// ---- robust to the parse (fifth round): slips of one parser model or another do not move the speaker

test('a relative pronoun parsed as a second subject of the cue belongs to the reported clause', () => {
  const r = run('The fire spread to a warehouse and an oil depot, which state media said were under control.');
  const q = r.quotes.find((x) => x.cue?.text === 'said');
  assert.ok(q);
  assert.equal(q.speaker_text, 'state media');
});

test('a title and the name after it are one source phrase however the parse splits them', () => {
  const r = run('Conservative MP Philip Hammond commented that the vote was a disgrace. Police spokeswoman Helen Ward said two men were arrested.');
  assert.equal(nameOf(r, r.quotes.find((x) => x.cue?.text === 'commented')?.speaker ?? null), 'Philip Hammond');
  assert.equal(nameOf(r, r.quotes.find((x) => x.cue?.text === 'said')?.speaker ?? null), 'Helen Ward');
});

test('a noun with a past participle and no other verb is a clause: "A statement called for calm."', () => {
  const r = run('Riots broke out in the port on Sunday. A joint statement called for calm.');
  const q = r.quotes.find((x) => x.cue?.text === 'called');
  assert.ok(q);
  assert.equal(q.speaker_text, 'A joint statement');
});

test('the quotes stage reads a mended copy of the parse and leaves the document\'s own parse alone', async () => {
  const { Doc } = await import('../src/doc.js');
  const { quotesStage } = await import('../src/extract/quotes.js');
  // "A joint statement called for calm." as a parser may leave it: the noun the root, "called" a participle on it
  const text = 'A joint statement called for calm.';
  const rows: [string, string, string, number, string][] = [
    ['A', 'DET', 'DT', 2, 'det'], ['joint', 'ADJ', 'JJ', 2, 'amod'], ['statement', 'NOUN', 'NN', -1, 'root'],
    ['called', 'VERB', 'VBN', 2, 'acl'], ['for', 'ADP', 'IN', 5, 'case'], ['calm', 'NOUN', 'NN', 3, 'obl'], ['.', 'PUNCT', '.', 2, 'punct'],
  ];
  const doc = new Doc({ id: 't', text, published: null });
  let at = 0;
  doc.tokens = rows.map(([w, upos, xpos, head, deprel], i) => {
    const start = text.indexOf(w, at);
    at = start + w.length;
    return { i, start, end: at, text: w, sentence: 0, spaceAfter: text[at] === ' ', upos, xpos, lemma: w === 'called' ? 'call' : w.toLowerCase(), head, deprel };
  });
  doc.sentences = [{ start: 0, end: text.length, tokenStart: 0, tokenEnd: rows.length, paragraph: 0 }];
  const before = JSON.stringify(doc.tokens);
  quotesStage.run(doc);
  const q = doc.quotes.find((x) => x.cue?.text === 'called');
  assert.ok(q, 'the cue is read as the predicate');
  assert.equal(q.speaker_text, 'A joint statement');
  assert.equal(JSON.stringify(doc.tokens), before);
});

test('a description keeps the name it gives in apposition when no entity stands for it', () => {
  const r = run('One news site, Zentranet, claims the fire was set deliberately.');
  const q = r.quotes.find((x) => x.cue?.text === 'claims');
  assert.ok(q);
  assert.equal(q.speaker, null);
  assert.equal(q.speaker_text, 'Zentranet');
});

test('a participle is no trailing attribution, and a cue beside the reported clause is none of its content', () => {
  const r = run('Reuters reported the attack was the deadliest this year, with officials reporting at the time 40 soldiers killed.');
  assert.ok(!r.quotes.some((q) => q.cue?.text === 'reporting' && q.text.includes('Reuters')));
  const d = run('The ministry denies the two blasts are related; reports describe speculation that a gas leak was the cause.');
  const q = d.quotes.find((x) => x.cue?.text === 'denies');
  assert.ok(q);
  assert.ok(!q.text.includes('reports describe'), q.text);
});

test('a cue on an adjective predicate takes the predicate\'s subject', () => {
  const r = run('The ministry was quick to deny the report. Canada was more forceful in blaming Iran for the attack.');
  const q = r.quotes.find((x) => x.cue?.text === 'deny');
  assert.ok(q);
  assert.equal(q.speaker_text, 'The ministry');
  assert.equal(nameOf(r, r.quotes.find((x) => x.cue?.text === 'blaming')?.speaker ?? null), 'Canada');
  const far = run('One of the daughters even went as far as to say that the parents had been kind.');
  assert.match(far.quotes.find((x) => x.cue?.text === 'say')?.speaker_text ?? '', /daughters/);
});

test('a name set off by commas after a description is its apposition, kept as speaker_text when no entity stands for it', () => {
  const r = run('Dock workers voted to extend the strike. The port operator, Calverton Terminals, said its offer remained on the table.');
  const q = r.quotes.find((x) => x.cue?.text === 'said');
  assert.ok(q);
  assert.ok(q.speaker_text === 'Calverton Terminals' || nameOf(r, q.speaker) === 'Calverton Terminals', `${q.speaker_text} / ${nameOf(r, q.speaker)}`);
  const list = run('The port operator, the union and the city council said talks would resume.');
  assert.ok(!list.quotes.some((x) => x.speaker_text === 'the union'));
});

test('a person in apposition after a role noun\'s phrase is the speaker, whichever noun the parse hung the name on', () => {
  const r = run('The head teacher of Brookfield Academy, Samuel Adeyemi, warned that the school might close.');
  const q = r.quotes.find((x) => x.cue?.text === 'warned');
  assert.ok(q);
  assert.equal(nameOf(r, q.speaker), 'Samuel Adeyemi');
});

test('the parse view: an agent needs "by", and the document keeps its own parse', async () => {
  const { Doc } = await import('../src/doc.js');
  const { parseView } = await import('../src/extract/quotes/parse-view.js');
  const text = 'Outlets projected Biden won.';
  const rows: [string, string, string, number, string][] = [
    ['Outlets', 'NOUN', 'NNS', 1, 'nsubj'], ['projected', 'VERB', 'VBD', -1, 'root'], ['Biden', 'PROPN', 'NNP', 1, 'obl:agent'], ['won', 'VERB', 'VBD', 1, 'conj'], ['.', 'PUNCT', '.', 1, 'punct'],
  ];
  const doc = new Doc({ id: 't', text, published: null });
  let at = 0;
  doc.tokens = rows.map(([w, upos, xpos, head, deprel], i) => {
    const start = text.indexOf(w, at);
    at = start + w.length;
    return { i, start, end: at, text: w, sentence: 0, spaceAfter: text[at] === ' ', upos, xpos, lemma: w.toLowerCase(), head, deprel };
  });
  doc.sentences = [{ start: 0, end: text.length, tokenStart: 0, tokenEnd: rows.length, paragraph: 0 }];
  const view = parseView(doc);
  assert.equal(view.tokens[2].deprel, 'obj');
  assert.equal(doc.tokens[2].deprel, 'obl:agent');
  assert.equal(view.text, doc.text);
});

test('a state\'s government named by its nationality or its name speaks for the state; a bare or plural description stays words', () => {
  const r = run('Norway closed its embassy in Caracas on Monday. The Norwegian government said the staff were safe. Later, Venezuela\'s government denied any threat to diplomats. Norwegian officials said talks would continue. The government added that flights were suspended.');
  const by = (s: string) => r.quotes.find((x) => x.text.includes(s));
  assert.equal(nameOf(r, by('staff were safe')?.speaker ?? null), 'Norway');
  assert.equal(nameOf(r, by('any threat')?.speaker ?? null), 'Venezuela');
  assert.equal(by('talks would continue')?.speaker, null);
  assert.equal(by('flights were suspended')?.speaker, null);
});

test('a gerund cue the parse hung on a verb as its clausal complement takes that verb\'s subject', async () => {
  const { Doc } = await import('../src/doc.js');
  const { quotesStage } = await import('../src/extract/quotes.js');
  const text = 'Ana Ruiz nodded, explaining that the money ran out.';
  // the parse a model may give: "explaining" a ccomp of "nodded" (not the advcl a participle usually is)
  const rows: [string, string, string, number, string][] = [
    ['Ana', 'PROPN', 'NNP', 2, 'nsubj'], ['Ruiz', 'PROPN', 'NNP', 0, 'flat'], ['nodded', 'VERB', 'VBD', -1, 'root'], [',', 'PUNCT', ',', 4, 'punct'],
    ['explaining', 'VERB', 'VBG', 2, 'ccomp'], ['that', 'SCONJ', 'IN', 9, 'mark'], ['the', 'DET', 'DT', 7, 'det'], ['money', 'NOUN', 'NN', 8, 'nsubj'],
    ['ran', 'VERB', 'VBD', 4, 'ccomp'], ['out', 'ADP', 'RP', 8, 'compound:prt'], ['.', 'PUNCT', '.', 2, 'punct'],
  ];
  const doc = new Doc({ id: 't', text, published: null });
  let at = 0;
  doc.tokens = rows.map(([w, upos, xpos, head, deprel], i) => {
    const start = text.indexOf(w, at);
    at = start + w.length;
    return { i, start, end: at, text: w, sentence: 0, spaceAfter: text[at] === ' ', upos, xpos, lemma: w === 'explaining' ? 'explain' : w === 'ran' ? 'run' : w.toLowerCase(), head, deprel };
  });
  doc.sentences = [{ start: 0, end: text.length, tokenStart: 0, tokenEnd: rows.length, paragraph: 0 }];
  quotesStage.run(doc);
  const q = doc.quotes.find((x) => x.text.includes('money'));
  assert.ok(q, 'the reported clause is attributed');
  assert.equal(q.source?.text, 'Ana Ruiz');
});

test('a fronted phrase with no comma before a name: the name is the speaker, not the phrase', () => {
  for (const text of [
    'At a press conference Health Minister Ana Ruiz later said the deal was dead.',
    'In an interview on Sunday Ana Ruiz again said that the deal was dead.',
  ]) {
    const r = run(text);
    const q = r.quotes.find((x) => x.text.includes('deal was dead'));
    assert.ok(q, text);
    assert.equal(nameOf(r, q.speaker), 'Ana Ruiz', text);
    assert.ok(!/conference|interview/.test(q.source?.text ?? ''), q.source?.text);
  }
});

test('a name before an apposition is no subject read after an adjunct', () => {
  const r = run('"He should have had a plan," Liberal Leader and former Environment Minister under Tom Berg, Ana Ruiz, said today.');
  const q = r.quotes.find((x) => x.text.includes('should have had a plan'));
  assert.ok(q);
  assert.notEqual(nameOf(r, q.speaker), 'Tom Berg');
});
