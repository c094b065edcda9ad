/**
 * The quotes stage's rules, registered with examples and ablation switches (docs/rules.md,
 * docs/quotes.md keeps their measured gains). Each rule is one mechanism of attribution the stage
 * applies where it is written (quotes.ts, quotes/source.ts, quotes/reported.ts); switched off
 * (`CHRONICLE_WITHOUT=quotes.x`), the stage does without it.
 */
import { defineRule } from '../../rules/registry.js';

const src = 'src/extract/quotes';

// ---- what is attributed ---------------------------------------------------------------------

export const reportedSpeech = defineRule({
  id: 'quotes.reported-speech', stage: 'quotes', action: 'label', source: `${src}.ts`,
  summary: 'a cue verb outside quotation marks attributes the content its frame gives (a clause, an object): an indirect quote',
  fires: ['Defence Minister Yoav Stern said that the operation would continue.'],
  spares: ['Defence Minister Yoav Stern visited the troops on Monday.'],
});

export const objectComplement = defineRule({
  id: 'quotes.object-complement', stage: 'quotes', action: 'extend', source: `${src}/reported.ts`,
  summary: 'a cue whose frame takes a complement after its object attributes both: "accused X of Y", "described X as Y", "urged X to Y"',
  fires: ['Opposition leader Mara Fares accused the government of hiding the death toll.'],
  spares: ['Opposition leader Mara Fares said the government was hiding the death toll.'],
});

export const trailingAttribution = defineRule({
  id: 'quotes.trailing-attribution', stage: 'quotes', action: 'label', source: `${src}/reported.ts`,
  summary: 'a cue that closes its sentence ("…, police said") attributes the clause before it',
  fires: ['Twelve people were arrested in the capital overnight, police said.'],
  spares: ['Police said twelve people were arrested in the capital overnight.'],
});

export const accordingTo = defineRule({
  id: 'quotes.according-to', stage: 'quotes', action: 'label', source: `${src}.ts`,
  summary: '"according to X" attributes its clause (or the quotation beside it) to X',
  fires: ['According to the Red Cross, 40 people were evacuated from the valley.'],
  spares: ['The Red Cross evacuated 40 people from the valley.'],
});

export const belief = defineRule({
  id: 'quotes.belief', stage: 'quotes', action: 'label', source: `${src}/reported.ts`,
  summary: 'a cue of belief or expectation (believe, fear, expect) attributes its clause as kind "belief"',
  fires: ['Doctors in the region fear that the outbreak will spread to the coast.'],
  spares: ['Doctors in the region said that the outbreak will spread to the coast.'],
});

export const mistaggedCue = defineRule({
  id: 'quotes.mistagged-cue', stage: 'quotes', action: 'label', source: `${src}/cues.ts`,
  summary: 'a cue form the tagger took for a noun is a cue when "that" or a colon follows it ("Critics argue that …")',
  fires: ['Experts caution that the data are incomplete.'],
  spares: ['The caution of experts about the data was ignored.'],
});

export const shortQuoteNeedsCue = defineRule({
  id: 'quotes.short-quote-needs-cue', stage: 'quotes', action: 'veto', source: `${src}.ts`,
  summary: 'a quotation of fewer than four words or a quoted title is an utterance only when its cue governs it or stands right by it',
  fires: ['The minister said on Monday that the team, which later won "first prize" in Geneva, had trained for a year.'],
  spares: ['The minister called the plan "a non-starter" on Monday.'],
});

export const quotedTerm = defineRule({
  id: 'quotes.quoted-term', stage: 'quotes', action: 'veto', source: `${src}/terms.ts`,
  summary: 'a quotation that names or titles something is no utterance: after a naming word ("dubbed", "known as", "named their robot", a passive "called"), in brackets as a gloss, between a determiner and a noun ("the "…" model"), or a title after a common noun ("the case "…"") that no cue governs; a quoted title no cue governs is not attributed through "according to"',
  fires: ['Officials launched a programme dubbed "Green Horizon Twenty" in the capital, the minister said on Monday.'],
  spares: ['Opposition leader Mara Fares dubbed the programme "a waste of public money" on Monday.'],
});

export const interviewAnswers = defineRule({
  id: 'quotes.interview-answers', stage: 'quotes', action: 'label', source: `${src}.ts`,
  summary: 'in a Q/A interview, each answer line is a direct quote of the person the introduction names most',
  fires: ['Reporter Ana Silva spoke to the farmer Tomas Berg about the drought. Tomas Berg has farmed here for thirty years.\n\nQ: How bad is it?\n\nA: The worst I have seen in my life.'],
  spares: ['Reporter Ana Silva spoke to the farmer Tomas Berg about the drought.\n\nThe worst is yet to come, officials warned.'],
});

// ---- who said it ----------------------------------------------------------------------------

export const invertedSubject = defineRule({
  id: 'quotes.inverted-subject', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a cue right after a quotation or comma takes the phrase after it as its subject ("…," said Hill.) when the parse gives none',
  fires: ['"We are ready," insisted the coach.'],
  spares: ['"We are ready," the coach insisted.'],
});

export const nextSentenceCue = defineRule({
  id: 'quotes.next-sentence-cue', stage: 'quotes', action: 'label', source: `${src}.ts`,
  summary: 'a quotation closing on ? or ! ends its sentence; a cue opening the next sentence of the paragraph attributes it',
  fires: ['"Who pays for all of this?" asked Senator Lena Moss at the hearing.'],
  spares: ['"Who pays for all of this?" The question hung over the hearing.'],
});

export const relativeClauseCue = defineRule({
  id: 'quotes.relative-clause-cue', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a cue in a relative clause ("X, who told reporters …") takes the antecedent of the relative pronoun as its source (from the parse, else the noun phrase before ", who")',
  fires: ['The talks were led by Senator Paula Moss, who told reporters on Monday that a deal was close.', 'The report was written by Anna Berg, who said the data were incomplete.'],
  spares: ['The talks were led by Senator Paula Moss. She told reporters that a deal was close.'],
});

export const passiveAgent = defineRule({
  id: 'quotes.passive-agent', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a passive cue that still attributes (its subject was spoken to, or a clause or complement follows) names its source in the by-phrase ("he was told by Minister Zinichev that …")',
  fires: ['The families were told by Interior Minister Karl Weber that the search would go on.'],
  spares: ['Interior Minister Karl Weber told the families that the search would go on.', 'The police believe the letter, written by the suspect, was posted on Friday. "It is a threat," said Chief Ana Costa.'],
});

export const controllerSubject = defineRule({
  id: 'quotes.controller-subject', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a participle or infinitive cue, or a cue conjoined to another verb, shares its controller\'s subject ("Pompeo posted a message, saying …")',
  fires: ['Secretary of State Mike Pompeo posted a message on Twitter on Sunday, saying that the attack was unacceptable.'],
  spares: ['Secretary of State Mike Pompeo said on Sunday that the attack was unacceptable.'],
});

export const personInTitle = defineRule({
  id: 'quotes.person-in-title', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a person named inside or in apposition to a title phrase is the speaker, not the body or place in the title ("Hamas official Osama Hamdan")',
  fires: ['Hamas official Osama Hamdan said the group would not disarm.'],
  spares: ['A Hamas official said the group would not disarm.'],
});

export const statementAuthor = defineRule({
  id: 'quotes.statement-author', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a statement or document stands for its author: its possessor, a by-phrase, or the subject of the verb that issued it',
  fires: ["The Interior Ministry's statement said that the border would reopen on Monday."],
  spares: ['The Interior Ministry said that the border would reopen on Monday.'],
});

export const describedPossessor = defineRule({
  id: 'quotes.described-possessor', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a statement whose possessor is a definite role description ("the judge\'s statement") stands for the person written with that role; a part of a statement ("Part of the statement") for the statement\'s author',
  fires: ['Judge Maria Lopez, who was appointed in 2015, struck down the law in Austin on Friday. The judge\'s statement said "the law cannot stand as written."'],
  spares: ['Judge Maria Lopez, who was appointed in 2015, struck down the law in Austin on Friday. A statement said "the law cannot stand as written."'],
});

export const pronounNotCoArgument = defineRule({
  id: 'quotes.pronoun-not-co-argument', stage: 'quotes', action: 'veto', source: `${src}/source.ts`,
  summary: 'a pronoun speaker is never an entity named among its own cue\'s objects and obliques ("In an interview with Dawn, she said"): coreference\'s answer is set aside',
  fires: ['Maria Costa founded the charity in 2010. In an interview with Dawn Fraser, she said that the charity had helped 400 families.'],
  spares: ['Maria Costa founded the charity in 2010. In an interview, she said that the charity had helped 400 families.'],
});

export const roleDescription = defineRule({
  id: 'quotes.role-description', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a definite role description ("the foreign minister") is the person written with those role words before',
  fires: ['Foreign Minister Marcelo Ebrard met his Chinese counterpart on Monday. Mexico\'s foreign minister said that trade would grow.'],
  spares: ['Foreign Minister Marcelo Ebrard met his Chinese counterpart on Monday. A deputy minister said that trade would grow.'],
});

export const appositionRole = defineRule({
  id: 'quotes.apposition-role', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a role noun in apposition after a name ("Gáspár Maróth, the government commissioner,") lets a later definite description ("the commissioner") name that person',
  fires: ['The paper interviewed Gabor Marot, the government commissioner for defence, on Monday. The commissioner said the loan was secured.'],
  spares: ['The paper interviewed Gabor Marot on Monday. The commissioner said the loan was secured.'],
});

export const pronounAgreement = defineRule({
  id: 'quotes.pronoun-agreement', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a pronoun speaker takes coreference\'s answer only when gender and number agree; else the latest speaker or person that agrees',
  // (not "Mrs Clara Dunn met Jordan Lee …, and she said": coreference now reads the title subject's name itself, coref26)
  fires: ['On Monday, Jordan Lee met Mrs Clara Dunn at the station, and she said the trains would run again by Friday.'],
  spares: ['Helen Ward met Tom Baker on Monday. She said the roads would reopen.'],
});

export const trailingPronounSubject = defineRule({
  id: 'quotes.trailing-pronoun-subject', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a pronoun source of a trailing attribution stands for the subject of the clause it closes when they agree ("Prosecutors charged him, they said")',
  fires: ['The mayor spoke on Monday. State prosecutors charged the suspect with murder, they said on Sunday.'],
  spares: ['The mayor spoke on Monday. The suspect was charged with murder, she said on Sunday.'],
});

export const continuesSpeaker = defineRule({
  id: 'quotes.continues-speaker', stage: 'quotes', action: 'label', source: `${src}.ts`,
  summary: 'a quotation with no cue continues the previous speaker in its paragraph (or the previous paragraph\'s when it stands alone), and the paragraphs of one running quotation share a speaker',
  fires: ['"We heard the water before we saw it," Mayor Elena Ruiz said. "Then the lights went out."'],
  spares: ['"We heard the water before we saw it," Mayor Elena Ruiz said.'],
});

export const subjectAntecedent = defineRule({
  id: 'quotes.subject-antecedent', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a "they" or "it" speaker coreference left alone stands for the nearest subject before it in its sentence, else the main subject of the sentence before, when number and kind agree ("Union officials went to the station, where they claimed …")',
  fires: ['Union officials went to the Harbour Road police station, where they claimed the files had been stolen.'],
  spares: ['Union officials went to the Harbour Road police station. The files had been stolen, the clerk claimed.'],
});

export const relativeObjectCue = defineRule({
  id: 'quotes.relative-object-cue', stage: 'quotes', action: 'veto', source: `${src}.ts`,
  summary: 'a cue whose object is a relative pronoun ("which the BBC noted as unusual") has its content and attributes no quotation beside it',
  fires: ['Speaker Ana Holm commented on the vote — which the Herald noted as a rare move — "This house will not be silenced."'],
  spares: ['Speaker Ana Holm commented on the vote, and the Herald noted: "This house will not be silenced."'],
});

export const statementLastSpeaker = defineRule({
  id: 'quotes.statement-last-speaker', stage: 'quotes', action: 'label', source: `${src}.ts`,
  summary: 'a statement noun as the source with no author of its own ("the statement said", "the statement added") is the last speaker\'s: a document speaks for whoever issued it, and the text names the issuer before (measured +1 on dev, 0 on the other sets, docs/quotes.md seventeenth round)',
  fires: ['Mayor Ana Ruiz said on Monday that the bridge would reopen in May. The statement added that the work would cost $4 million.'],
  spares: ['Mayor Ana Ruiz said on Monday that the bridge would reopen in May. Engineers added that the work would cost $4 million.'],
});

export const speakerFill = defineRule({
  id: 'quotes.speaker-fill', stage: 'quotes', action: 'label', source: `${src}/speaker-ranker.ts`,
  summary: 'a quotation the cascade found no source for (no source phrase read, no veto) takes the learned ranker\'s speaker, with the fill\'s calibrated confidence (CHRONICLE_QUOTES_SPEAKER=fill, the default)',
  fires: ['Harbour master Tomas Berg walked along the broken pier on Monday. "Nobody expected the water to rise so fast."'],
  spares: ['Mrs Clara Dunn opened the bakery on Mill Street in 1990. The shop was sold last year. The new owners have kept its name. A woman who has lived on the street for forty years was waiting outside on Monday. She said the bread was not what it used to be.'],
});

export const theyNeedsAntecedent = defineRule({
  id: 'quotes.they-needs-antecedent', stage: 'quotes', action: 'veto', source: `${src}/source.ts`,
  summary: 'a "they" speaker coreference left alone is the subject that agrees in its sentence or the one before, never the latest speaker or body named further back: left empty instead',
  fires: ['The Red Cross said the convoy was attacked on Monday. The drivers had left the depot at dawn. The road was closed for hours. They said two drivers were hurt.'],
  spares: ['The Red Cross said the convoy was attacked on Monday. Aid agencies reported the road closed. They said two drivers were hurt.'],
});

export const antecedentInReach = defineRule({
  id: 'quotes.antecedent-in-reach', stage: 'quotes', action: 'veto', source: `${src}/source.ts`,
  summary: 'a pronoun speaker coreference did not settle takes the latest speaker or person that agrees only when they were written in the three sentences before; else it stays empty',
  fires: ['Mrs Clara Dunn opened the bakery on Mill Street in 1990. The shop was sold last year. The new owners have kept its name. A woman who has lived on the street for forty years was waiting outside on Monday. She said the bread was not what it used to be.'],
  spares: ['Mrs Clara Dunn opened the bakery on Mill Street in 1990. The shop was sold last year. She said the bread was not what it used to be.'],
});

export const unlikePerson = defineRule({
  id: 'quotes.unlike-person', stage: 'quotes', action: 'veto', source: `${src}/source.ts`,
  summary: 'a "person" written as no person is (one word after an article, "the Volvo", or a plural noun) is no antecedent of a he or she speaker',
  fires: [{ text: 'Officers spoke with Anne Mercer. Witnesses said the Wanderer had come from the base, and she told police she had diplomatic immunity.', decoded: ['Anne Mercer/PERSON', 'Wanderer/PERSON'] }],
  spares: [{ text: 'Officers spoke with Anne Mercer. Witnesses said the car had come from the base, and she told police she had diplomatic immunity.', decoded: ['Anne Mercer/PERSON'] }],
});

export const quotedName = defineRule({
  id: 'quotes.quoted-name', stage: 'quotes', action: 'extend', source: `${src}/reported.ts`,
  summary: 'a naming cue (call, term, dub) whose object a quotation follows attributes both, as a mixed quote, however the parse hung the quotation ("called the demand "unprecedented"")',
  fires: ['Shop owners called the demand "unprecedented" last week.'],
  spares: ['Shop owners called the police last week.'],
});

export const leadDescription = defineRule({
  id: 'quotes.lead-description', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'an indefinite role description in the first paragraph ("A federal judge ruled …") is the one person the article later names with that role word',
  fires: ['A federal judge in Ohio ruled on Friday that the county map was unlawful.\n\nIn a 40-page opinion, Judge Karen Holt wrote that the lines had been drawn to dilute votes.'],
  spares: ['A federal judge in Ohio ruled on Friday that the county map was unlawful.\n\nIn a 40-page opinion, the court wrote that the lines had been drawn to dilute votes.'],
});

export const accordingFrames = defineRule({
  id: 'quotes.according-frames', stage: 'quotes', action: 'label', source: `${src}.ts`,
  summary: '"According to X, CLAUSE." opening or closing its sentence attributes the clause to X even when a cue inside the clause reports a claim of its own (nested)',
  fires: ['According to the ministry, rebels said the bridge had been destroyed.'],
  spares: ['Rebels said on Monday, according to the ministry, that the bridge had been destroyed.'],
});

export const participleCue = defineRule({
  id: 'quotes.participle-cue', stage: 'quotes', action: 'extend', source: `${src}/reported.ts`,
  summary: 'a participial cue after a comma inside a reported clause ("…, insisting she was never pressured") closes the content before it: it reports a claim of its own',
  fires: ['Governor Ana Ruiz claimed she made the decision alone, insisting she was never pressured by anyone.'],
  spares: ['Governor Ana Ruiz claimed she made the decision alone, leaving the capital on Monday.'],
});

export const unknownCue = defineRule({
  id: 'quotes.unknown-cue', stage: 'quotes', action: 'label', source: `${src}.ts`,
  summary: 'a quotation handed over by its comma to a clause of only a subject and a verb the lexicon does not know ("…," Berg joked.; "…," retorted Ruiz.) is attributed through that verb',
  fires: ['"I have never seen so many journalists in one room," Foreign Minister Tom Berg joked.'],
  spares: ['"I have never seen so many journalists in one room," Foreign Minister Tom Berg said.', '"Nobody expected this," the minister wrote in his diary.'],
});

export const possessorNotRole = defineRule({
  id: 'quotes.possessor-not-role', stage: 'quotes', action: 'veto', source: `${src}/source.ts`,
  summary: 'the words of a possessor are not the role of the one described: "the mayor\'s spokesman" is the spokesman, not the person written as mayor',
  fires: ['Mayor Ana Ruiz visited the flooded districts on Monday. The mayor\'s spokesman said the town needed more help.'],
  spares: ['Mayor Ana Ruiz visited the flooded districts on Monday. The mayor said the town needed more help.'],
});

export const itNotGroup = defineRule({
  id: 'quotes.it-not-group', stage: 'quotes', action: 'veto', source: `${src}/source.ts`,
  summary: 'an "it" speaker is never a speaker that stood for several: "Farmers in the valley said … The ministry promised help. It said …" is not the farmers',
  fires: ['Farmers in the valley said they had lost their harvest. The ministry of agriculture promised help. It said compensation would be paid by June.'],
  spares: ['The ministry of agriculture promised help to the farmers. It said compensation would be paid by June.'],
});

export const reachOverQuotation = defineRule({
  id: 'quotes.reach-over-quotation', stage: 'quotes', action: 'extend', source: `${src}/source.ts`,
  summary: 'the sentences a pronoun\'s antecedent may lie back (quotes.antecedent-in-reach) do not count sentences wholly inside quotation marks: a speaker\'s quoted words name no new referent',
  fires: ['Mayor Ana Ruiz demanded more money for the town. "We will not wait. We will not be quiet. We will go to the capital. We will sleep outside the ministry." She also asked for more police.'],
  spares: ['Mayor Ana Ruiz demanded more money for the town. The council met on Monday. The budget was cut. Roads were closed. Schools shut early. She also asked for more police.'],
});

export const pronounNotNamedInQuote = defineRule({
  id: 'quotes.pronoun-not-named-in-quote', stage: 'quotes', action: 'veto', source: `${src}.ts`,
  summary: 'a pronoun speaker is nobody the quotation names by name (speakers do not call themselves by name): "Berg accused Kowal\'s government of lying, a charge Kowal denied. "I cannot accept Berg\'s lies," he said" is not Berg',
  fires: ['At the summit, President Tom Berg accused the government of President Jan Kowal of lying, a charge that Kowal quickly denied. "I cannot accept Berg\'s lies," he said.'],
  spares: ['At the summit, President Tom Berg accused the government of President Jan Kowal of lying, a charge that Kowal quickly denied. "I cannot accept these lies," he said.'],
});

export const afterDirectSpeech = defineRule({
  id: 'quotes.after-direct-speech', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a he/she subject opening its sentence right after direct speech (quoted sentences skipped) is the speaker of that speech when they agree, over coreference\'s pick',
  fires: ['At the summit, President Tom Berg accused President Jan Kowal of lying. "I cannot accept these lies," Kowal said. "These hands are clean." He admitted there had been talks with the rebels.'],
  spares: ['At the summit, President Tom Berg accused President Jan Kowal of lying. "I cannot accept these lies," Kowal said. Berg left the room. He admitted there had been talks with the rebels.'],
});

export const passiveController = defineRule({
  id: 'quotes.passive-controller', stage: 'quotes', action: 'extend', source: `${src}/source.ts`,
  summary: 'a participle cue hung on a passive verb with no agent is said by that verb\'s passive subject ("she was captured on video saying: "…"", "He was heard shouting that …")',
  fires: ['Veteran columnist Ana Ruiz, 89, announced her retirement yesterday. Her departure was announced after she was captured on video saying: "These people have no right to be here."'],
  spares: ['Veteran columnist Ana Ruiz, 89, announced her retirement yesterday. Her departure was announced after she was captured on video by a student saying: "These people have no right to be here."'],
});

export const mistaggedNameSubject = defineRule({
  id: 'quotes.mistagged-name-subject', stage: 'quotes', action: 'extend', source: `${src}/source.ts`,
  summary: 'a word of a name the tagger took for an adverb or a verb is read as a name in the subject read off the words ("Huang went on to call …": the parse hung "Huang" on "went" as an adverb)',
  fires: ['Margaret Huang spoke on Monday. Huang went on to call the order "long overdue."'],
  spares: ['Margaret Huang spoke on Monday. Later she went on to call the order "long overdue."'],
});

export const adverbBeforeCue = defineRule({
  id: 'quotes.adverb-before-cue', stage: 'quotes', action: 'extend', source: `${src}/source.ts`,
  summary: 'the subject read off the words before a conjoined cue skips any adverb or auxiliary of the cue, not only the listed ones ("The body … has yet to be found but the Foreign and Commonwealth Office has now confirmed that …": the Office, not the body the parse shared through "but")',
  fires: ['The body of the diver has yet to be found but the Foreign and Commonwealth Office has now confirmed that he died on Wednesday.'],
  spares: ['The body of the diver has yet to be found but the Foreign and Commonwealth Office has confirmed that he died on Wednesday.'],
});

export const xcompController = defineRule({
  id: 'quotes.xcomp-controller', stage: 'quotes', action: 'extend', source: `${src}/source.ts`,
  summary: 'a perfect split over a parenthesis: a cue the parse hung on "have" as an open complement (xcomp), tagged a past form, takes the subject of "have" ("Analysts have, however, suggested little had changed")',
  fires: ['Mayor Ana Ruiz announced a new cabinet on Monday. Analysts have, however, suggested little had changed within the council.'],
  spares: ['Mayor Ana Ruiz announced a new cabinet on Monday. Analysts have suggested little had changed within the council.'],
});

export const runOnAfterReport = defineRule({
  id: 'quotes.run-on-after-report', stage: 'quotes', action: 'label', source: `${src}.ts`,
  summary: 'a quotation with no cue standing alone in its paragraph continues the latest speaker of its paragraph or the one before, reported speech included, and a continued speaker carries on over the next paragraphs',
  fires: ['Mayor Ana Ruiz said the plant would close by 2030.\n\n"This is the hardest decision I have had to make."'],
  spares: ['Mayor Ana Ruiz said the plant would close by 2030.\n\nWorkers at the plant were angry.\n\nThe union met on Friday.\n\n"This is the hardest decision I have had to make."'],
});

export const introducedBlock = defineRule({
  id: 'quotes.introduced-block', stage: 'quotes', action: 'label', source: `${src}.ts`,
  summary: 'a paragraph closing on a cue and a colon or comma ("Judge Ana Ruiz wrote:") introduces the quotation that opens the next paragraph',
  fires: ['In her ruling, Judge Ana Ruiz wrote:\n\n"The state has offered no reason for the delay. The order is lifted."'],
  spares: ['In her ruling, Judge Ana Ruiz lifted the order.\n\n"The state has offered no reason for the delay. The order is lifted."'],
});

export const embeddedSubject = defineRule({
  id: 'quotes.embedded-subject', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a phrase between a clause-taking cue and a finite cue is the subject of the reported clause, not an object ("The website reported its source said that …")',
  fires: ['The website further reported its source said that the tenant had moved in the day before.'],
  spares: ['The website further reported the fire, and a neighbour said that the tenant had moved in the day before.'],
});

// ---- the parse as the stage reads it (quotes/parse-view.ts, fifth round) ----------------------

export const oneSubject = defineRule({
  id: 'quotes.one-subject', stage: 'quotes', action: 'extend', source: `${src}/parse-view.ts`,
  summary: 'a verb has the arguments a sentence allows: one subject — two parsed before it are one phrase the parse split ("US Secretary of State | Mike Pompeo posted"), or a relative pronoun that belongs to the reported clause ("which | state media said were under control") — and an agent only with "by" (else it is an object: "have projected | Joe Biden won")',
  // (the parse stage's own parse.one-subject already joins "US Secretary of State | Mike Pompeo" and "Police spokeswoman | Helen Ward")
  // (one sentence with a slip of each model: the shipped one takes "Conservative" and "MP" for two subjects,
  // the round-three candidate takes "which" for a second subject of "said")
  fires: ['Conservative MP Philip Hammond commented on the fires, which state media said were under control.'],
  spares: ['The minister told reporters the border was closed.'],
});

export const verblessSentence = defineRule({
  id: 'quotes.verbless-sentence', stage: 'quotes', action: 'extend', source: `${src}/parse-view.ts`,
  summary: 'a sentence whose root is a noun and whose only verb is a past form hung on it as a participle is a clause: the verb is the predicate, the noun its subject ("The Greek statement called for talks"); a by-phrase or passive auxiliary keeps the participle',
  fires: ['The attacks triggered major fires at a processing plant and an oil field. A statement called for calm.'],
  spares: ['The statement issued by the ministry on Monday.'],
});

export const titleName = defineRule({
  id: 'quotes.title-name', stage: 'quotes', action: 'extend', source: `${src}/parse-view.ts`,
  summary: 'a name written right after a noun with no punctuation between ("MP Philip Hammond") is one phrase with it, not an apposition',
  fires: ['The union leader Maria Costa said the strike would go on.'],
  spares: ['The chairman, Hammond, said the strike would go on.'],
});

export const descriptionName = defineRule({
  id: 'quotes.description-name', stage: 'quotes', action: 'extend', source: `${src}/source.ts`,
  summary: 'a description no entity stands for keeps the proper name it gives its referent in apposition: "One news site, Zentranet, claims" → speaker_text "Zentranet"',
  fires: ['One news site, Zentranet, claims the fire was set deliberately.'],
  spares: ['One news site claims the fire was set deliberately.'],
});

export const adjectiveController = defineRule({
  id: 'quotes.adjective-controller', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a participle or infinitive cue on an adjective predicate, or on an adverb of a verb, takes the predicate\'s subject: "The ministry was quick to deny the report", "was more forceful in blaming Iran", "went as far as to say"',
  fires: ['The ministry was quick to deny the report.'],
  spares: ['The ministry was quick and denied the report.'],
});

export const commaApposition = defineRule({
  id: 'quotes.comma-apposition', stage: 'quotes', action: 'extend', source: `${src}/parse-view.ts`,
  summary: 'a noun parsed as conjoined to another with no conjunction anywhere in the coordination, set off by commas on both sides, is an apposition ("The port operator, Calverton Terminals, said")',
  fires: ['The port operator, Calverton Terminals, said its offer remained on the table.'],
  spares: ['The port operator, the union and the city council said talks would resume.'],
});

export const commaSubject = defineRule({
  id: 'quotes.comma-subject', stage: 'quotes', action: 'extend', source: `${src}/parse-view.ts`,
  summary: 'a subject parsed as conjoined with no conjunction to the phrase written after a comma right before its verb: that phrase is the subject, the first closes a fronted phrase ("In response to a lawsuit by the group X, | Judge Y ruled")',
  fires: ['In a ruling on a suit by the group Public Citizen, U.S. District Judge Amy Berman Jackson said the order was unlawful.'],
  spares: ['The port operator, the union and the city council said talks would resume.', 'Police, firefighters, paramedics said the fire was out.'],
});

export const roleApposition = defineRule({
  id: 'quotes.role-apposition', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a person named in apposition right after the phrase of a role noun is the speaker, whichever noun of the phrase the parse hung the name on ("The head teacher of Brookfield Academy, Samuel Adeyemi, warned")',
  fires: ['The head teacher of Brookfield Academy, Samuel Adeyemi, warned that the school might close.'],
  spares: ['The head of Brookfield Academy warned that the school might close.'],
});

// ---- sixth round --------------------------------------------------------------------------------

export const groupThey = defineRule({
  id: 'quotes.group-they', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a "they" speaker coreference left alone stands for names joined by "and" as a subject before it ("Ana Silva and Tom Berg … They said"), or for the latest speaker that stood for several (a plural noun or joined names) in the three sentences before',
  fires: ['Ana Silva and Tom Berg spoke to reporters at the hospital on Friday. "We thought we would die up there," they said.'],
  spares: ['Ana Silva spoke to reporters at the hospital on Friday. "We thought we would die up there," they said.'],
});

export const groupDescription = defineRule({
  id: 'quotes.group-description', stage: 'quotes', action: 'label', source: `${src}/groups.ts`,
  summary: 'a definite plural description ("Both officers", "the ministers", "The two") stands for the people named together before it with that word ("Two police officers, Marc Dubois and Luc Martin,", "Foreign Minister Ana Silva and Foreign Minister Tom Berg") or that number',
  fires: ['Two police officers, Marc Dubois and Luc Martin, were sentenced on Tuesday. Both officers said they would appeal.'],
  spares: ['Two police officers were sentenced on Tuesday. Both officers said they would appeal.'],
});

export const bareClause = defineRule({
  id: 'quotes.bare-clause', stage: 'quotes', action: 'extend', source: `${src}/parse-view.ts`,
  summary: 'a clause reported without "that" is the cue\'s complement however the parse hung it: a finite clause with its own subject and no subordinator hung as an adverbial clause, or a finite predicate written right after the object with no conjunction ("warned | the delayed process | could be a threat")',
  fires: ['Health Minister Vera Lind indicated on Monday the chances of those trapped being found alive were already diminishing.'],
  spares: ['Health Minister Vera Lind indicated on Monday that the chances of those trapped being found alive were already diminishing.'],
});

export const relativePredicate = defineRule({
  id: 'quotes.relative-predicate', stage: 'quotes', action: 'extend', source: `${src}/parse-view.ts`,
  summary: 'parse view: "SUBJECT, who/which …, VERB": a finite verb with no subject of its own right after a relative clause set off by commas is the predicate of the noun phrase before it, where the parse rooted the sentence on the relative verb or the noun',
  fires: ['The family of aid worker Jonas Berger, who was kidnapped in the north of the country in May, appealed on Saturday for his release.'],
  spares: ['The family of aid worker Jonas Berger appealed on Saturday for his release.'],
});

// ---- seventh round ------------------------------------------------------------------------------

export const stateVoice = defineRule({
  id: 'quotes.state-voice', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a state\'s government named by its nationality or its name ("the Russian government", "Iran\'s administration") speaks for the state the document names',
  fires: ['Russia moved troops to the border on Monday. The Russian government said the exercise was routine.'],
  spares: ['Russia moved troops to the border on Monday. The government said the exercise was routine.'],
});

export const nameAfterAdjunct = defineRule({
  id: 'quotes.name-after-adjunct', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a cue the parse gave no subject, after a fronted phrase with no comma that ends on a person\'s or organisation\'s name ("At a press conference Health Minister Ana Ruiz later said"), has that name (with the title words before it) for its subject, not the adjunct\'s words',
  fires: ['At a press conference Health Minister Ana Ruiz later said the deal was dead.'],
  spares: ['At a press conference, Health Minister Ana Ruiz later said the deal was dead.'],
});

// ---- tenth round --------------------------------------------------------------------------------

export const quotedAsSaying = defineRule({
  id: 'quotes.quoted-as-saying', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a cue participle after "as" beside an object ("quoted Ana Ruiz as saying …", "cited the ministry as stating …") is said by that object (or the name an apposition on it describes), not by the subject of the verb: a nested attribution',
  fires: ['The Daily Courier quoted Ana Ruiz, the harbour master, as saying "the cranes will not move until Monday."'],
  spares: ['The Daily Courier interviewed Ana Ruiz, the harbour master, saying "the cranes will not move until Monday."'],
});

export const statementColon = defineRule({
  id: 'quotes.statement-colon', stage: 'quotes', action: 'label', source: `${src}.ts`,
  summary: 'a quotation a colon hands over from a statement noun ("issued a statement: "…"", "posted a message on Twitter: "…"") is said by the source of the verb the noun hangs on, when no cue verb in the sentence takes it',
  fires: ['Mayor Ana Ruiz spoke to reporters on Monday. Later, the harbour master issued a statement: "The cranes will not move until the strike is over."'],
  spares: ['Mayor Ana Ruiz spoke to reporters on Monday. Later, the harbour master issued new rules: "The cranes will not move until the strike is over."'],
});

export const withAbsolute = defineRule({
  id: 'quotes.with-absolute', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a gerund cue after "with" and a noun phrase ("…, with local media reporting …") is said by that phrase, not by the subject of the clause it hangs on',
  fires: ['Two bridges were closed on Monday, with local radio reporting that the river was still rising.'],
  spares: ['Two bridges were closed on Monday, the ministry reporting that the river was still rising.'],
});

export const prepositionAbsolute = defineRule({
  id: 'quotes.preposition-absolute', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a gerund cue after "despite", "amid" or "without" and a noun phrase ("… found no trace of explosives despite Znak.com claiming …") is said by that phrase, as after "with" (quotes.with-absolute), not by the noun or clause the parse hung it on; the prepositions are rows tagged quotes-absolute in lexicon/en/function-words.tsv',
  fires: ['The port authority says it found no fault in the cranes despite the dockers union claiming that two of them had failed.'],
  spares: ['The port authority says it found no fault in the cranes despite claiming earlier that two of them had failed.'],
});

export const parentheticalParticiple = defineRule({
  id: 'quotes.parenthetical-participle', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a gerund cue set off by commas right after a person\'s or body\'s name that is no subject, closing on ", and"/", or" and a noun phrase, is an aside on that name inside a list of noun phrases: said by the name, not by the clause\'s subject ("he helped facilitate a meeting between Giuliani, claiming to represent the State Department, and Andriy Yermak")',
  fires: ['In July, the envoy arranged a meeting between Tom Blake, claiming to speak for the ministry, and a group of farmers.'],
  spares: ['Police arrested Tom Blake, claiming he had stolen a car, and took him to the station.'],
});

export const sharedComplement = defineRule({
  id: 'quotes.shared-complement', stage: 'quotes', action: 'extend', source: `${src}/reported.ts`,
  summary: 'two clause cues joined by ", and" share the clause after the second one\'s comma (right-node raising): "General Moeldoko said according to the Jakarta Post, and an Australian Defence Force spokesperson confirmed, that they agreed …" — the first cue reports the same clause, not its adjuncts',
  fires: ['The harbour master said on Monday, and a union spokesman confirmed, that the cranes would stay idle until March.'],
  spares: ['The harbour master said on Monday that the cranes would stay idle, and a union spokesman confirmed the date.'],
});

export const timeAdjunct = defineRule({
  id: 'quotes.time-adjunct', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a date or time after the head of a source phrase ("The port authority on Tuesday said", "Reports as of Wednesday said") is an adjunct of the clause, not part of the words that name the source',
  fires: ['The port authority on Tuesday said the cranes would not move.'],
  spares: ['The port authority said on Tuesday the cranes would not move.'],
});

export const describedBody = defineRule({
  id: 'quotes.described-body', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a definite description of a body that names nothing ("The industry publication stated", "the company said"; head nouns tagged `speaker` in lexicon/en/org-nouns.tsv) is the organisation that spoke in the attribution just before, in its sentence or the one before',
  fires: ['The Harbour Gazette reported on Monday that the cranes had stopped. The weekly publication said the strike would last a month.'],
  spares: ['The Harbour Gazette reported on Monday that the cranes had stopped. Mayor Ana Ruiz met the strikers. The weekly publication said the strike would last a month.'],
});

// ---- twelfth round (held3 half A) -------------------------------------------------------------

export const pronounNotInClause = defineRule({
  id: 'quotes.pronoun-not-in-clause', stage: 'quotes', action: 'veto', source: `${src}/source.ts`,
  summary: 'a pronoun speaker is nobody named, outside quotation marks, in the rest of its own clause ("He also added that Zuma did not …": he is not Zuma); the next agreeing speaker is taken instead',
  fires: ['President Jan Kowal arrived in London on Monday. His spokesman Tom Berg spoke to reporters. He added that Kowal did not "appreciate the questions".'],
  spares: ['President Jan Kowal arrived in London on Monday. His spokesman Tom Berg spoke to reporters. He added that the president did not "appreciate the questions".'],
});

export const participleAfterCue = defineRule({
  id: 'quotes.participle-after-cue', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a participle cue after "CUE ," shares that cue\'s subject however the parse hung it ("…," Ana Ruiz said, adding that her plan …); a participle cue opening its sentence shares the subject of the main clause after its comma ("Announcing that …, Mayor Ana Ruiz said")',
  fires: ['"The port will reopen," Ana Ruiz said, adding that she hopes her plan will serve as a model.'],
  spares: ['"The port will reopen," Ana Ruiz said on Monday.'],
});

export const conjunctInReport = defineRule({
  id: 'quotes.conjunct-in-report', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a conjoined cue the parse hung inside what an earlier cue reports (its clause or quotation) shares that cue\'s subject ("She added that the mayor did not "want … culture" and claimed that …")',
  fires: ['Tom Berg spoke on Monday. He added that the mayor did not "enjoy reading things which are unfair to his staff" and claimed that it was obvious that the report was wrong.'],
  spares: ['Tom Berg spoke on Monday. He added that the report was wrong.'],
});

export const issuedStatement = defineRule({
  id: 'quotes.issued-statement', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a statement noun written right after a verb of issuing (lexicon/en/issuing-verbs.tsv) is that verb\'s object whatever role the parse gave it: its author is the verb\'s subject ("Harbour Lines issued a statement saying "…"")',
  fires: ['Harbour Lines issued a statement saying "The usual route was earlier declared safe by the port authority."'],
  spares: ['Harbour Lines read a statement saying "The usual route was earlier declared safe by the port authority."'],
});

export const documentAgentRule = defineRule({
  id: 'quotes.document-agent', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a source that is a thing said or written, handed by a participle of issuing to a by-agent ("according to e-mails sent by her family", "the fears expressed by a senior official"), is that agent\'s word',
  fires: ['The singer died on Friday, according to e-mails sent by her family.'],
  spares: ['The singer died on Friday, according to e-mails seen by reporters.'],
});

export const relativeOnParticiple = defineRule({
  id: 'quotes.relative-on-participle', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a relative clause cue the parse hung on a participle modifying a noun has that noun for its antecedent, not the adjunct closing the participle ("a Gazette report released on Wednesday that claimed …" → the report, not Wednesday)',
  fires: ['Overshadowing the talks was a Harbour Gazette report released on Wednesday that claimed that the cranes had been sold.'],
  spares: ['Overshadowing the talks was a Harbour Gazette report that claimed that the cranes had been sold.'],
});

export const relativeGapObject = defineRule({
  id: 'quotes.relative-gap-object', stage: 'quotes', action: 'label', source: `${src}/reported.ts`,
  summary: 'a cue that takes an object, heading a relative clause with a subject of its own and no object (the noun it modifies is that object), attributes the noun phrase: "…, a charge the bank denied" reports "a charge", not the clause before it (twenty-first round)',
  fires: ['Residents accused the council of hiding the report, a charge the council denied.'],
  spares: ['Residents accused the council of hiding the report, a firm which denied any wrongdoing.'],
});

export const passiveContent = defineRule({
  id: 'quotes.passive-content', stage: 'quotes', action: 'label', source: `${src}/reported.ts`,
  summary: 'a passive cue with a by-agent attributes what it is said of — its subject, or its infinitive ("were reported by local media to have visited …") — to the agent: "Her death was announced by the Harbour Workers Union", "The attack was claimed by the Houthi movement" (eighth round, measured and kept off main; taken up in the twelfth)',
  fires: ['The bombing was condemned by the Harbour Workers Union.'],
  spares: ['The letter was written by a local teacher.'],
});

export const statementParticiple = defineRule({
  id: 'quotes.statement-participle', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a participle cue the parse hung on a noun inside a statement\'s prepositional phrase belongs to the statement ("signed a letter to the mayor and the Harbour Board expressing their concern that …": the letter, so its signers, not the Board)',
  fires: ['Eight councillors signed a letter to the mayor and the Harbour Board expressing their concern that the port would close.'],
  spares: ['Eight councillors met the mayor and the Harbour Board, expressing their concern that the port would close.'],
});

export const previousSubjectSpeaker = defineRule({
  id: 'quotes.previous-subject-speaker', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a he/she speaker right after a sentence whose main subject spoke is that speaker — a person who agrees, or a description whose role noun does not say otherwise — over a person coreference found elsewhere in that sentence ("Tom Berg, the head of the union, vowed … despite the arrest of Jan Kowal. "…," he said" → Berg)',
  fires: ['Jan Kowal was arrested on Monday. He denied the charges. Tom Berg, the head of the union, vowed the strike would go on despite the arrest of Kowal. "We will not stop," he said in a statement.'],
  spares: ['Jan Kowal was arrested on Monday. He denied the charges. "We will not stop," he said in a statement.'],
});

export const documentColon = defineRule({
  id: 'quotes.document-colon', stage: 'quotes', action: 'extend', source: `${src}.ts`,
  summary: 'a quotation opening right after a colon that closes a narrated clause whose subject is a statement or document noun ("The study itself outlined the link: "…"") is the document\'s: its author when one is found, else its words (quotes.clause-colon asks a person or body by name)',
  fires: ['Researchers in Lund published a study on Monday. The study itself outlined the link between the two: "Sharks were only seen when the orcas were absent."'],
  spares: ['The council voted to close the library on Monday. The old library had a sign on its door: "Closed for good."'],
});

export const clauseColon = defineRule({
  id: 'quotes.clause-colon', stage: 'quotes', action: 'extend', source: `${src}.ts`,
  summary: 'a quotation opening right after a colon that closes a narrated clause with no cue ("Mayor Ana Ruiz took a parting shot on the radio: "…"") is said by that clause\'s main subject, when it names a person or a body',
  fires: ['The council voted to close the library on Monday. Mayor Ana Ruiz took a parting shot on the radio: "This is a sad day for the town."'],
  spares: ['The council voted to close the library on Monday. The old library had a sign on its door: "Closed for good."'],
});

export const compoundRole = defineRule({
  id: 'quotes.compound-role', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a role written capitalised in apposition ("Tomas Lind, Director General of the Harbour Fisheries Agency,") is a role of the person, as a lower-case one was, and a definite role description of several words ("The director general of …") matches a person written with that role phrase — so the description is that person (quotes.role-description)',
  fires: ['The director general of the Harbour Fisheries Agency is calling for more money for fish farms. Tomas Lind told delegates that a billion people go hungry. Tomas Lind, Director General of the Harbour Fisheries Agency, says 30 countries face a food crisis.'],
  spares: ['The director general of the Harbour Fisheries Agency is calling for more money for fish farms. Tomas Lind told delegates that a billion people go hungry. Tomas Lind, a fisherman from the coast, says 30 countries face a food crisis.'],
});

export const participleOnThing = defineRule({
  id: 'quotes.participle-on-thing', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a participle cue the parse hung on a noun that cannot speak (no person, body, role, people noun, statement or name: "labs") belongs to the clause above it: the subject of the first verb up the tree whose subject may speak ("X stood by the claim that the trucks were mobile labs, saying "…"" → X, not "mobile labs")',
  fires: ['On Monday, Ana Ruiz stood by the claim that the trucks were mobile labs, saying "It is what we think it is".'],
  spares: ['On Monday, Ana Ruiz met a group of protesters saying "It is what we think it is".'],
});

export const freeAdjunct = defineRule({
  id: 'quotes.free-adjunct', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a participle cue right after a comma is a free adjunct of its clause: where the parse hung it on a noun inside a prepositional phrase, on a noun that cannot speak, or on the predicate of a reported clause whose subject cannot speak, it takes the subject of the first predicate up the tree whose subject may speak ("gave the closing speech on the final evening, urging …" → the speaker, not the evening; "said the inquiry would not be fair, saying …" → the one who said it); a statement or document noun on the way keeps its participle',
  fires: ['Mayor John Carter said the inquiry would not be fair, saying he expected "a political outcome".'],
  spares: ['Mayor John Carter said the inquiry would not be fair and expected "a political outcome".'],
});

export const possessiveMedium = defineRule({
  id: 'quotes.possessive-medium', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a source phrase whose determiner is a possessive pronoun that coreference linked to a person, body or place, headed by a statement or document noun or a speaking organisation noun (website, newspaper), is that entity ("The agency was closed by the shutdown; however, its website notes that …" → the agency; "Their statement read …")',
  fires: ['The Harbour Safety Agency was closed during the strike. However, its website notes that its hotline is still open.'],
  spares: ['The Harbour Safety Agency was closed during the strike. However, the website notes that the hotline is still open.'],
});

export const lastConjunctSubject = defineRule({
  id: 'quotes.last-conjunct-subject', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a "they"/"it" speaker taken from the sentence before (quotes.subject-antecedent) is the subject of that sentence\'s last clause conjoined to its main one, when that subject agrees, not the main clause\'s ("Some aid groups have suggested …, and the Harbour Rights Council is urging a probe. They say …" → the Council)',
  fires: ['The strike hit a camp near the border. Some aid groups have suggested the strike was a crime, and the Harbour Rights Council is urging an independent probe. They say twenty tents were destroyed.'],
  spares: ['The strike hit a camp near the border. Some aid groups have suggested the strike was a crime, and the probe is expected to take a year. They say twenty tents were destroyed.'],
});

export const splitName = defineRule({
  id: 'quotes.split-name', stage: 'quotes', action: 'extend', source: `${src}/parse-view.ts`,
  summary: 'parse view: a name of several words the tagger broke with a verb ("Human Rights | Watch have called for …": "Watch" a passive auxiliary) is one proper noun phrase, the subject of the verb the broken word hung on, when that verb follows the name and has no subject of its own — so the cue is active and has its subject',
  fires: ['Human Rights Watch have called for an inquiry into the strike on the camp.'],
  spares: ['Human Rights Watch called for an inquiry into the strike on the camp.'],
});

export const titleAfterPreposition = defineRule({
  id: 'quotes.title-after-preposition', stage: 'quotes', action: 'veto', source: `${src}/source.ts`,
  summary: 'a person named inside a prepositional phrase of the source is not the speaker when titles or role words stand between the preposition and the name ("A spokesman for President Ana Ruiz said" is the spokesman, as "A spokesman for Ana Ruiz" already was)',
  fires: ['A spokesman for Professor Ana Ruiz said the talks were over.'],
  spares: ['Professor Ana Ruiz said the talks were over.'],
});

export const invertedName = defineRule({
  id: 'quotes.inverted-name', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'after a cue set right after a quotation ("…," said …), a person\'s name opening the words after the cue behind role words and titles only is the inverted subject, whatever the parse made of the role words and however long the adjunct after the name; extends quotes.inverted-subject, off with it ("…," said study co-author Professor Ana Ruiz of the University of Leeds)',
  fires: ['Astronomers found water on the planet. "This is the best candidate," said lead author Professor Ana Ruiz of the University of Leeds.'],
  spares: ['Astronomers found water on the planet. "This is the best candidate," said a spokesman for the University of Leeds.'],
});

export const describedPersonPronoun = defineRule({
  id: 'quotes.described-person-pronoun', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a he/she speaker right after a person described with no name spoke ("a woman in the village told Reuters", "One of them, a retired teacher, said") — by quotes.after-direct-speech or quotes.previous-subject-speaker — is that description when its nouns agree (roles, lexicon/en/person-nouns.tsv), over a named person coreference or recency found further back',
  fires: ['The mayor, Ana Ruiz, urged calm. Residents described a night of gunfire. "We hid in the cellar," a woman in the village told Reuters. She said her house had been hit.'],
  spares: ['The mayor, Ana Ruiz, urged calm. Residents described a night of gunfire. "We hid in the cellar," a man in the village told Reuters. She said her house had been hit.'],
});

export const accordingInRelative = defineRule({
  id: 'quotes.according-in-relative', stage: 'quotes', action: 'label', source: `${src}.ts`,
  summary: '"…, which according to X had …": an "according to" phrase opening a relative clause attributes the rest of that clause to X, not the main clause before it',
  fires: ['The first tremor struck at 00:37 local time, which according to the Harbour Seismic Service had a magnitude of 4.7.'],
  spares: ['The first tremor struck at 00:37 local time, according to the Harbour Seismic Service.'],
});

export const phrasalCue = defineRule({
  id: 'quotes.phrasal-cue', stage: 'quotes', action: 'label', source: `${src}.ts`,
  summary: 'a verb with its particle is a cue of its own when the lexicon lists the pair (lexicon/en/speech-verbs.tsv: "rule out", "point out"), with the pair\'s frames: "ruled out the possibility of a tsunami" (a bare object), "pointed out that …"',
  fires: ['The Harbour Tsunami Service ruled out the possibility of a tsunami.'],
  spares: ['The Harbour Tsunami Service ruled the harbour closed for a day.'],
});

export const gerundComplement = defineRule({
  id: 'quotes.gerund-complement', stage: 'quotes', action: 'extend', source: `${src}/reported.ts`,
  summary: 'a gerund is what a cue attributes when the cue takes an object ("announced leaving the joint venture", "denied knowing") or "to" ("confessed to killing his sister", "admitted to ordering the payments"); frames from lexicon/en/speech-verbs.tsv',
  fires: ['Harbour Freight announced leaving its joint venture in February.', 'The driver confessed to causing the crash.'],
  spares: ['Harbour Freight said leaving the venture was hard.'],
});

export const objectInfinitive = defineRule({
  id: 'quotes.object-infinitive', stage: 'quotes', action: 'extend', source: `${src}/reported.ts`,
  summary: 'a cue taking "X to do Y" (frame `to` in lexicon/en/speech-verbs.tsv: ask, urge, encourage, warn …) attributes its object and the infinitive also when the parse hung the infinitive on the object ("asked the council | to help the families")',
  fires: ['The president asked the council to help the families.'],
  spares: ['The president thanked the council to help the families.'],
});

export const nounTaggedCue = defineRule({
  id: 'quotes.noun-tagged-cue', stage: 'quotes', action: 'extend', source: `${src}/parse-view.ts`,
  summary: 'parse view: a present form of a clause-taking cue the tagger took for a plural noun, between a noun phrase and a finite clause whose subject opens right after it ("The military | claims | it is in a final push"), is the verb: the phrase before it its subject, the clause its complement; a noun reading ("Police reports | show …", "the claims", "Trump\'s claims") is left alone',
  fires: ['The military claims it is in a final push against the rebels.'],
  spares: ['Police reports show the man was armed when he entered the bank.'],
});

export const cueBeforeQuotation = defineRule({
  id: 'quotes.cue-before-quotation', stage: 'quotes', action: 'extend', source: `${src}/parse-view.ts`,
  summary: 'parse view: a present cue form the tagger took for a plural noun, right after the noun it was hung on as a compound and right before an opening quotation mark, is the verb and that noun its subject ("The study | reports | "…""); a noun reading with its own determiner or number ("The two reports "…"") is left alone',
  fires: ['The Ostrava Institute published a survey on Monday. The survey reports "nine in ten households now own a car".'],
  spares: ['The two reports "on the state of the harbour" were never published, the council heard.'],
});

export const intensiveReflexive = defineRule({
  id: 'quotes.intensive-reflexive', stage: 'quotes', action: 'extend', source: `${src}/parse-view.ts`,
  summary: 'parse view: a reflexive pronoun right after a noun, parsed as the verb\'s subject with the noun an oblique or object of the same verb ("The study | itself | outlined"), intensifies the noun, which is the subject',
  fires: ['Researchers in Lund published a study on Monday. The study itself outlined the link between the two: "Sharks were only seen when the orcas were absent."'],
  spares: ['Mayor Ana Ruiz said on Monday that she herself would lead the talks.'],
});

export const prepositionSubject = defineRule({
  id: 'quotes.preposition-subject', stage: 'quotes', action: 'extend', source: `${src}/parse-view.ts`,
  summary: 'parse view: a preposition parsed as the subordinator of a finite verb whose one-word subject follows it ("reports | from | locals suggest …") opens a phrase of the noun before it, which is the verb\'s subject',
  fires: ['The number of wounded is 39; reports from locals suggest 33 people remain missing.'],
  spares: ['The number of wounded is 39, and locals suggest 33 people remain missing.'],
});

export const semicolonSubject = defineRule({
  id: 'quotes.semicolon-subject', stage: 'quotes', action: 'veto', source: `${src}/parse-view.ts`,
  summary: 'parse view: a subject the parse hung across a semicolon on a verb after it ("The number of injured is now 12; reports from residents suggest …") is the closed clause\'s, not the verb\'s: a semicolon is a clause boundary no subject crosses',
  fires: ['The number of injured is now 12; reports from residents suggest that more people are trapped in the old quarter.'],
  spares: ['Ana Ruiz, of Lyon; and Tom Blake, of Leeds, said the talks had failed.'],
});

export const addresseeTo = defineRule({
  id: 'quotes.addressee-to', stage: 'quotes', action: 'veto', source: `${src}/parse-view.ts`,
  summary: 'parse view: after a speech verb that takes no infinitive ("speak"), "to" and a cue word before a bare noun read as an infinitive ("speaking | to state | television") are the addressee\'s phrase: the word modifies the noun and is no cue',
  fires: ['According to Defence Minister Ali Reza, speaking to state television, the army will withdraw from the border by Friday.'],
  spares: ['The minister spoke to state his case before the vote.'],
});

export const invertedClause = defineRule({
  id: 'quotes.inverted-clause', stage: 'quotes', action: 'extend', source: `${src}/parse-view.ts`,
  summary: 'parse view: a finite clause-taking cue the parse hung as an adverbial clause on the finite clause right after it ("Airfleets states | the aircraft uses the A300") heads that clause, its complement; a real adverbial clause keeps its subordinator ("As the minister states, the plan …")',
  fires: ['One of them, a local teacher, said her son had been held for fourteen months.'],
  spares: ['As the register states, the vessel carries grain and timber.'],
});

export const accordingBeforeClause = defineRule({
  id: 'quotes.according-before-clause', stage: 'quotes', action: 'label', source: `${src}.ts`,
  summary: '"CLAUSE, according to X, who said … / but …": an "according to" phrase set off by commas after a clause with a finite verb attributes that clause to X, also when the sentence goes on with a relative clause or another clause (before, any other cue in the sentence silenced it)',
  fires: ['The fire began at 10:39 a.m. local time, according to police, who said firefighters arrived six minutes later.'],
  spares: ['The fire began at 10:39 a.m. local time, police said, and firefighters arrived six minutes later.'],
});

export const reportedSpeakerPronoun = defineRule({
  id: 'quotes.reported-speaker-pronoun', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a he/she opening its clause after a sentence in which a body reports what a person said ("Reuters reported that an unnamed official said …") is that person, the subject of the reported cue, when it agrees — not the body, nor a person named elsewhere in the sentence',
  fires: ['Reuters reported that an unnamed police official confirmed the arrest and said the suspect had been armed at the time of Mayor Ana Ruiz\'s visit. "He had two knives," he said.'],
  spares: ['Reuters reported that the police had confirmed the arrest at the time of Mayor Ana Ruiz\'s visit. "He had two knives," she said.'],
});

// ---- twenty-second round ------------------------------------------------------------------------

export const participlePredicate = defineRule({
  id: 'quotes.participle-predicate', stage: 'quotes', action: 'extend', source: `${src}/parse-view.ts`,
  summary: 'parse view: in a sentence the parse rooted on a noun, a cue\'s past form it hung as a participle on a noun of that noun\'s phrase — after an apposition or prepositional phrase set off by commas ("Sharif Hotak, of the provincial council, described …", "The head teacher …, Samuel Adeyemi, warned …"), or with a clause of its own conjoined ("Eyewitnesses described …, and one survivor said …") — is the predicate: the noun its subject; a passive auxiliary, a by-phrase, a subject or subordinator of its own, or another predicate of the noun keeps the participle',
  fires: ['The head of the clinic, Dr Ana Ruiz, warned on Monday that the ward would close.'],
  spares: ['The head of the clinic, Dr Ana Ruiz, warned by the board on Monday, resigned.'],
});

export const participleWithSubject = defineRule({
  id: 'quotes.participle-with-subject', stage: 'quotes', action: 'extend', source: `${src}/parse-view.ts`,
  summary: 'parse view (with quotes.inverted-clause): a cue tagged as a past participle with a subject of its own and no auxiliary is a past tense, finite ("Some also noted/VBN | the colors appeared to resemble …", "noted" an adverbial clause of "appeared"): it heads the clause after it',
  fires: ['Some also noted the lights appeared to move quickly across the sky.'],
  spares: ['As some noted, the lights appeared to move quickly across the sky.'],
});

// ---- twelfth session, quotes23 -----------------------------------------------------------------

export const bylineBlock = defineRule({
  id: 'quotes.byline-block', stage: 'quotes', action: 'label', source: `${src}.ts`,
  summary: 'a paragraph that is only a dash and a name ("– European Court of Justice", "—Sabrina Bennoui, of RSF") signs the block quotation above it: the quotation filling the paragraph before it, or, unmarked, the paragraphs after the last one a colon closes (up to four) — a direct quote of that name, and the words inside it are quoted, not narrated',
  fires: ['The court set out its reasoning:\n\nBy today\'s judgment, the Court answers that the directive does not preclude such an order.\n\n– European Court of Justice'],
  spares: ['The rescue went on through the night.\n\n—Emergency crews calling a halt to work at dawn'],
});

export const timeObject = defineRule({
  id: 'quotes.time-object', stage: 'quotes', action: 'extend', source: `${src}/reported.ts`,
  summary: 'a cue\'s object that is only a date or time (the times layer) is when it spoke, not what it said: it is no content, and the clause with a subject of its own after it is ("Officials stated Wednesday, some of the debris will be flown back")',
  fires: ['Malaysian officials stated Wednesday, some of the debris found in the Maldives will be brought back to Malaysia.'],
  spares: ['Malaysian officials stated their position on Wednesday, and some of the debris was brought back to Malaysia.'],
});

export const nameBeforeApposition = defineRule({
  id: 'quotes.name-before-apposition', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a cue whose parsed subject is a noun inside an apposition set off by commas, right after a person\'s or body\'s name, takes the name (read off the words) for its subject, when the apposition names no one itself ("Airfleets, a database detailing the aircraft of carriers, states …"; \'"…," Jessica Caldwell, Edmunds\' executive director of industry analysis, said\')',
  fires: ['"The end of the calendar year is always strong," Jessica Caldwell, Edmunds\' executive director of industry analysis, said in a statement.'],
  spares: ['"The end of the calendar year is always strong," said Jessica Caldwell, and Edmunds\' executive director of industry analysis agreed.'],
});

export const participleOnRolePhrase = defineRule({
  id: 'quotes.participle-on-role-phrase', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a participle cue whose subject the parse read as "for X" right after a role noun ("…, with a spokesperson | for them saying: "…"", the "for X to …" reading) is said by the role\'s phrase with its "for X", not by X',
  fires: ['The Foreign Office confirmed he died on Wednesday, with a spokesperson for them saying: "We are aware of the death of a British national."'],
  spares: ['The Foreign Office confirmed he died on Wednesday, with officials saying: "We are aware of the death of a British national."'],
});

// ---- thirteenth session (quotes24): document sources and names the tagger broke ---------------

export const documentAntecedent = defineRule({
  id: 'quotes.document-antecedent', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a definite statement or document noun that names no author of its own ("the statement read", "the filing said") is the author of the nearest earlier mention of the same noun that names one: its possessor, by-phrase or issuer ("X released a statement saying …"), or the speaker who spoke "in a statement" — before the last-speaker guess',
  fires: ['Harbour Lines released a statement on Friday saying the ferry had been repaired. A spokesperson told reporters the route would reopen. "No passengers were hurt," read the statement.'],
  spares: ['A spokesperson told reporters the route would reopen. "No passengers were hurt," read the statement.'],
});

export const verbTaggedNameStart = defineRule({
  id: 'quotes.verb-tagged-name-start', stage: 'quotes', action: 'extend', source: `${src}/parse-view.ts`,
  summary: 'parse view: "the" + a capitalised word tagged as a verb + capitalised words, right before a verb with no subject ("the Combined Joint Task Force released": "Combined" a verb with "Force" its object) is one proper-noun phrase, that verb\'s subject',
  fires: ['On Friday, the Combined Joint Task Force Operation Inherent Resolve released a statement saying the attack caused no casualties.'],
  spares: ['On Friday, the task force combined its units and released a statement saying the attack caused no casualties.'],
});

export const documentAct = defineRule({
  id: 'quotes.document-act', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a definite document noun that names no author and has no earlier mention naming one is the subject of the nearest verb before it whose act the document records (`acts` in lexicon/en/document-nouns.tsv: "Trump declared a national emergency … The proclamation said" → Trump; "The court ruled … according to the ruling")',
  fires: ['On Friday, President Ana Ruiz declared a national emergency over the floods. Aid agencies welcomed the move. The proclamation said the emergency began on March 1.'],
  spares: ['On Friday, aid agencies welcomed new funding for the flood zone. The proclamation said the emergency began on March 1.'],
});

export const timeAdjunctClause = defineRule({
  id: 'quotes.time-adjunct-clause', stage: 'quotes', action: 'extend', source: `${src}/reported.ts`,
  summary: 'a clause-taking cue with only a time adjunct after it (the times layer: "ruled on September 11") reports the clause with a subject of its own after it, also where the parse made that clause a conjunct of the cue with no conjunction ("the Court of Session ruled on September 11 the prorogation was unlawful"), as `quotes.time-object` does for a time object',
  fires: ['Following that reasoning, the Court of Session in Scotland ruled on September 11 the prorogation was unlawful.'],
  spares: ['Following that reasoning, the Court of Session in Scotland ruled on September 11, and the prorogation was unlawful.'],
});

export const thatAfterApposition = defineRule({
  id: 'quotes.that-after-apposition', stage: 'quotes', action: 'extend', source: `${src}/reported.ts`,
  summary: 'an addressee cue ("told") whose parse gives no content reports the clause after "that" when only the addressee and an apposition set off by commas stand between ("told Anadolu Agency, a local news outlet, that one of the deceased was …")',
  fires: ['A hospital official told Anadolu Agency, a local news outlet, that one of the deceased was Jalal Saifur Rahman, a director of the commission.'],
  spares: ['A hospital official told Anadolu Agency, a local news outlet. That one of the deceased was Jalal Saifur Rahman was confirmed later.'],
});

// ---- fourteenth session (quotes25): speakers through the trail of attributions -----------------

export const describedBodyReach = defineRule({
  id: 'quotes.described-body-reach', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a definite description of a body that names nothing (`quotes.described-body`) continues the latest body that spoke before it, in its sentence or the one before — an organisation, or a name no entity stands for kept as its words ("Znak.com reported … The website further reported") — passing over the attributions of unnamed sources between ("its source said")',
  fires: ['Newsline.com reported its source said the bridge had been mined. The website further reported the army had closed the road.'],
  spares: ['Newsline.com reported its source said the bridge had been mined. Colonel Ana Ruiz said the road was open. The website further reported the army had closed the road.'],
});

export const descriptionNamedInClause = defineRule({
  id: 'quotes.description-named-in-clause', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a description source whose own relative clause or participle gives its name ("A spokesman …, who gave his name only as Farid Osman, told …", "A nurse named Carla Dominguez said"; verbs in lexicon/en/naming-verbs.tsv) is that person, or the name\'s words when no entity stands for it',
  fires: ['A spokesman for the rebel alliance, who gave his name only as Farid Osman, told reporters that the group remained committed to the truce.'],
  spares: ['A spokesman for the rebel alliance, who gave no name, told reporters that the group remained committed to the truce.'],
});

export const coordinatedTail = defineRule({
  id: 'quotes.coordinated-tail', stage: 'quotes', action: 'veto', source: `${src}/reported.ts`,
  summary: 'a clause after ", and" / ", but" that follows a cue is a new clause, not what the cue reports: a trailing attribution "…, X said, and …" reports the clause before it (before: the clause after "and", or nothing when the surface reading met its verb)',
  fires: ['The plant was sold on Monday. Orders will keep the plant busy for years, Maróth said, and the loan will be repaid by 2025.'],
  spares: ['The plant was sold on Monday. Maróth said that orders will keep the plant busy for years and the loan will be repaid by 2025.'],
});

export const quantifierSubject = defineRule({
  id: 'quotes.quantifier-subject', stage: 'quotes', action: 'extend', source: `${src}/parse-view.ts`,
  summary: 'parse view: a determiner standing alone for people at the head of a sentence ("Some", "Many", "Several"; lexicon/en/event-words.tsv `quotes-quantifiers`), which the parse made the root with the past verb after it a participle on it ("Some | reported wanting to draft articles"), is that verb\'s subject, as `quotes.verbless-sentence` reads a noun',
  fires: ['Over 200 members favoured an inquiry. Some reported wanting to draft articles of impeachment.'],
  spares: ['Over 200 members favoured an inquiry. Some members reported wanting to draft articles of impeachment.'],
});

export const statementWith = defineRule({
  id: 'quotes.statement-with', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a statement noun (a plural too, by its lemma: "tweets") that a cue verb\'s subject answered with ("Others responded with tweets calling the attack "monstrous"", "the ministry replied with a statement saying …") is that subject\'s word, as `quotes.statement-author` reads an issuing verb\'s object',
  fires: ['The attack shocked the country. Others responded with tweets calling the attack "monstrous".'],
  spares: ['The attack shocked the country. Others were shown tweets calling the attack "monstrous".'],
});

export const nearerCue = defineRule({
  id: 'quotes.nearer-cue', stage: 'quotes', action: 'label', source: `${src}.ts`,
  summary: 'a quotation after a cue whose clause runs on, after a comma, into a participial cue of the same speaker nearer the quotation ("Murphy claimed she acted alone, insisting she was "never pressured"", "He interpreted it as a right, commenting, "…"") is the participle\'s; the first cue reports its own clause (before: the quotation took the first cue and its claim went unreported); a second quotation the participle reports goes with it (\'citing the move as a "grave abuse" and "contrary to law"\'); and a participle whose own content a colon closes before the quotation ("Trump responded …, attacking the subpoena as a political strategy: "…"") leaves the quotation to the same speaker\'s cue before it that takes only quotations',
  fires: ['Governor Ana Ruiz claimed she made the decision alone, adding, "Nobody in the capital ever pressured me."'],
  spares: ['Governor Ana Ruiz claimed she made the decision alone, leaving the capital on Monday: "I was never pressured by anyone in the capital."'],
});

export const clauseHungBefore = defineRule({
  id: 'quotes.clause-hung-before', stage: 'quotes', action: 'extend', source: `${src}/parse-view.ts`,
  summary: 'parse view: a clause-taking cue with no complement followed at once by a finite clause with its own subject, which the parse hung as a relative or adverbial clause or a parataxis on a word before the cue ("… his rhetoric on the issue, in which he asserted | he had won the election"), reports that clause, as `quotes.bare-clause` reads one hung as a complement there',
  fires: ["The mayor's response is a drastic departure in tone from his previous rhetoric and demeanor regarding the issue, in which he asserted he had won the election despite several key districts certifying their results in favor of Ruiz."],
  spares: ["The mayor's response is a drastic departure in tone from his previous rhetoric and demeanor regarding the issue, in which he asserted that he had won the election despite several key districts certifying their results in favor of Ruiz."],
});

export const objectClauseHungAbove = defineRule({
  id: 'quotes.object-clause-hung-above', stage: 'quotes', action: 'extend', source: `${src}/parse-view.ts`,
  summary: 'parse view: as `quotes.bare-clause` reads "warned | the delayed transition process | could be a threat", a finite predicate with no subject written right after a clause cue\'s plain noun-phrase object is the reported clause with that object its subject also where the parse hung the predicate on a word above the cue in its sentence ("found no trace of explosives despite Znak.com claiming | an anonymous source | described …", "described" an open complement of "found")',
  fires: ['The port authority says it found no fault in the cranes despite the dockers union claiming a crane operator reported two failures last week.'],
  spares: ['The port authority says it found no fault in the cranes despite the dockers union claiming a crane operator, and reported two failures last week.'],
});

export const itIssuedDocument = defineRule({
  id: 'quotes.it-issued-document', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'an "it" speaker opening the sentence after one whose main verb put out a statement or document ("The leaders at the summit approved a declaration … It also mentioned …"; issuing verbs in lexicon/en/issuing-verbs.tsv) is that document, and speaks for whoever put it out — the verb\'s subject — over a place or body coreference chose',
  fires: ['The ministers at the meeting in Lima approved a declaration in which Peru apologized for the raid. It also mentioned a pledge to fight threats posed by "irregular or criminal groups."'],
  spares: ['The ministers at the meeting in Lima discussed a declaration in which Peru apologized for the raid. It also mentioned a pledge to fight threats posed by "irregular or criminal groups."'],
});

// ---- fifteenth session, second round (quotes27): a description by the head word of an organisation's name ----

export const descriptionNameHead = defineRule({
  id: 'quotes.description-name-head', stage: 'quotes', action: 'label', source: `${src}/source.ts`,
  summary: 'a definite description source with no name in it ("The chamber said") whose head noun is the head word of exactly one name written before it ("the Lagos Chamber of Commerce") that no entity stands for is that name (coreference\'s index, src/extract/coref/name-heads.ts; for an organisation entity coreference links the description itself and the source reads that link); two such names, or none, leave it a description',
  fires: ['Business groups, including the Lagos Chamber of Commerce, urged both sides to settle. The chamber said that exporters were already missing shipments.'],
  spares: ['The Lagos Chamber of Commerce and the Kano Chamber of Commerce urged both sides to settle. The chamber said that exporters were already missing shipments.'],
});

// ---- sixteenth session, second round (quotes29): a reporting clause set inside what it reports ----

export const parentheticalCue = defineRule({
  id: 'quotes.parenthetical-cue', stage: 'quotes', action: 'extend', source: `${src}/reported.ts`,
  summary: 'a finite cue with its subject (or an inverted subject after it) set off by two commas inside a sentence, with words of the sentence on both sides ("The fire, officials said, spread …", "The plan, he added, would cost …"), reports the sentence around it, not only the words after it (before: the words after the second comma, or the words before it, whichever the parse hung the cue on)',
  fires: ['The fire, officials said, spread quickly through the warehouse on Tuesday.'],
  spares: ['The minister, who said the plan would fail, resigned on Tuesday.', 'In Lagos, officials said the fire spread quickly through the warehouse.'],
});

// ---- interview transcripts (quotes28) ---------------------------------------------------------

export const labelledAnswers = defineRule({
  id: 'quotes.labelled-answers', stage: 'quotes', action: 'label', source: `${src}/answers.ts`,
  summary: 'in a transcript (two question turns or more under a marked label — "((WN)) …?", "Reporter: …?" — each followed by a labelled paragraph), an answer paragraph is a direct quote with no marks of its label\'s speaker: a label of the same kind or a bare one ("MS We did not …", "Grace Mwangi I opened …"), resolved to the person it names or whose initials it is; unlabelled paragraphs after an answer, before the next turn, are more of it, and no cue inside an answer reports for another',
  fires: ['Grace Mwangi, a nurse, opened a clinic in Kisumu. Wikinews spoke to Mwangi.\n\n((WN)) When did you open it?\n\nGM We opened it in 2015, with two nurses.\n\n((WN)) Why Kisumu?\n\nGM My family lives there, and I was born there.'],
  spares: ['Grace Mwangi, a nurse, opened a clinic in Kisumu. Wikinews spoke to Mwangi.\n\n((WN)) When did you open it?\n\nThe clinic opened in 2015, with two nurses.\n\nGM said her family lives there.'],
});

export const questionYou = defineRule({
  id: 'quotes.question-you', stage: 'quotes', action: 'label', source: `${src}/answers.ts`,
  summary: 'in a transcript read by quotes.labelled-answers, "you" as the source of an attribution an interviewer\'s question reports ("((WN)) You noted that …") is the speaker of the answer that follows',
  fires: ['Grace Mwangi, a nurse, opened a clinic in Kisumu. Wikinews spoke to Mwangi.\n\n((WN)) When did you open it?\n\nGM We opened it in 2015.\n\n((WN)) You said that the nurses stayed. Why?\n\nGM They believed in the clinic.'],
  spares: ['Grace Mwangi runs a clinic in Kisumu.\n\nYou said that the nurses stayed, a visitor told her.'],
});

export const questionAsks = defineRule({
  id: 'quotes.question-asks', stage: 'quotes', action: 'veto', source: `${src}/answers.ts`,
  summary: 'in a transcript read by quotes.labelled-answers, a cue in an interviewer\'s question sentence ("Why do you think that might be?") asks and attributes nothing',
  fires: ['Grace Mwangi, a nurse, opened a clinic in Kisumu. Wikinews spoke to Mwangi.\n\n((WN)) Do you think the clinic will grow?\n\nGM We hope so.\n\n((WN)) Why Kisumu?\n\nGM My family lives there.'],
  spares: ['Grace Mwangi, a nurse, opened a clinic in Kisumu. Wikinews spoke to Mwangi.\n\n((WN)) You said that the clinic will grow. Why?\n\nGM We hope so.\n\n((WN)) Why Kisumu?\n\nGM My family lives there.'],
});
