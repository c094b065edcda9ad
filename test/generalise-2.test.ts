/**
 * Generalisation checks found by reading the extraction of new hostage and detention stories
 * (test/fixtures/articles-2/, written for this purpose). Each test is a sentence of its own,
 * neither from the seed article nor from those stories, exercising one mechanism through the
 * whole pipeline.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entity, eventsWith, nameOf, namesOf, run, runRules } from './helpers.js';
import type { Result } from '../src/output/schema.js';

// ---- events ----

test('events: a noun modifying a noun for people is no pattern object ("freed an aid worker" is a release, not aid)', () => {
  const r = run('Government troops freed a British aid worker, Tom Hale, in Mogadishu on Friday.');
  const [e] = eventsWith(r, 'freed');
  assert.ok(e, JSON.stringify(r.events));
  assert.equal(e.type, 'RETREAT');
  assert.equal(e.mode, 'release');
  assert.deepEqual(namesOf(r, e.recipient), ['Tom Hale']);
});

test('events: releasing a video is publishing, not freeing; a relative clause is not searched for the recipient', () => {
  const r = run('The rebels released a video on Monday in which Tom Hale asked for help.');
  assert.equal(r.events.filter((e) => e.type === 'RETREAT').length, 0, JSON.stringify(r.events));
});

test('events: a meeting told as done is a consultation, not an intent to meet (CAMEO "meet … at" = 036)', () => {
  const r = run('Prime Minister Ana Ruiz met Pope Francis at the Vatican on Tuesday.');
  const [e] = eventsWith(r, 'met');
  assert.ok(e);
  assert.equal(e.type, 'CONSULT');
  assert.deepEqual(namesOf(r, e.actor), ['Ana Ruiz']);
  // a meeting still to come keeps the intent
  const f = run('Prime Minister Ana Ruiz will meet Pope Francis at the Vatican on Tuesday.');
  assert.equal(eventsWith(f, 'meet')[0]?.type, 'AGREE');
});

test('events: a light verb with an idiom noun is no event ("took place at the airbase")', () => {
  const r = run('The handover took place at Bagram airbase in Afghanistan.');
  assert.deepEqual(eventsWith(r, 'took'), []);
});

test('events: a mediator alone makes a mediation event', () => {
  const r = run('The deal was brokered by Oman.');
  const [e] = eventsWith(r, 'brokered');
  assert.ok(e);
  assert.equal(e.type, 'CONSULT');
  assert.deepEqual(namesOf(r, e.actor), ['Oman']);
});

test('events: "is expected to V" codes V, not the raising verb', () => {
  const r = run('The rebels are expected to release Tom Hale next week.');
  assert.deepEqual(eventsWith(r, 'expected'), []);
  const [e] = eventsWith(r, 'release');
  assert.ok(e);
  assert.equal(e.modality, 'future');
});

test('events: a war is no recipient ("the biggest swap since the Second World War")', () => {
  const r = run('Moscow and Kyiv exchanged 90 prisoners in the biggest swap since the Second World War.');
  const [e] = eventsWith(r, 'exchanged');
  assert.ok(e);
  assert.deepEqual(namesOf(r, e.recipient), []);
  assert.deepEqual(namesOf(r, e.actor), ['Moscow', 'Kyiv']);
});

test('events: an unnamed group met is the recipient; the next predicate\'s target does not leak into it', () => {
  const r = run('Envoy Hans Grundberg met a group of relatives on Sunday and promised to raise their case with Sanaa.');
  for (const e of eventsWith(r, 'met')) assert.ok(!namesOf(r, e.recipient).includes('Sanaa'), JSON.stringify(e));
});

test('events: "X, whose husband Y was detained" — Y is detained, not X', () => {
  const r = run('Maryam Nouri, whose husband Reza was detained in Tabriz in 2021, said she had not seen him since.');
  const [e] = eventsWith(r, 'detained');
  assert.ok(e);
  assert.deepEqual(namesOf(r, e.recipient), ['Reza']);
  assert.equal(e.date?.value, '2021');
});

test('events: a share of a group stands for the group ("three of the Nepali students were killed")', () => {
  const r = run('Three of the Nepali students were killed in the raid.');
  const [e] = eventsWith(r, 'killed');
  assert.ok(e);
  assert.deepEqual(namesOf(r, e.recipient), ['Nepali']);
});

test('events: "Among those released … were X" — the demonstrative stands for the predicate noun', () => {
  // the roles the candidate carries (the learned detector, which decides in the default pipeline, declines this one)
  const r = runRules('Among those released by the Taliban were Austrian tourist Peter Brandt and his guide.');
  const [e] = eventsWith(r, 'released');
  assert.ok(e);
  assert.ok(namesOf(r, e.recipient).includes('Peter Brandt'), JSON.stringify(e));
  assert.deepEqual(namesOf(r, e.actor), ['Taliban']);
});

test('events: being allowed to do something is no release', () => {
  const r = run('Her lawyer, Amir Daneshvar, said he had been allowed to visit her twice.');
  assert.ok(!r.events.some((e) => e.mode === 'release'), JSON.stringify(r.events));
});

test('events: the place of an arrest is not the object of a pattern ("arrested at the airport" seizes no airport)', () => {
  const r = run('Nilufar Karimova was arrested at Tashkent airport in May.');
  const [e] = eventsWith(r, 'arrested');
  assert.ok(e);
  assert.equal(e.type, 'COERCE');
  assert.equal(e.mode, 'arrest');
});


// ---- quotes ----

function quoteWith(r: Result, words: string) {
  const q = r.quotes.find((x) => x.text.includes(words));
  assert.ok(q, `no quote with "${words}": ${JSON.stringify(r.quotes.map((x) => x.text))}`);
  return q;
}

test('quotes: a nationality before a title is not the speaker ("Kenyan Foreign Minister X said")', () => {
  const r = run('Kenyan Foreign Minister Musalia Mudavadi said the two pilots would be flown home on Sunday.');
  assert.equal(nameOf(r, quoteWith(r, 'pilots would be flown home').speaker), 'Musalia Mudavadi');
});

test('quotes: "according to a spokesman for his office" — the possessor is not the speaker', () => {
  const r = run('Envoy Martin Griffiths met the families on Friday, according to a spokesman for his office.');
  const q = quoteWith(r, 'met the families');
  assert.equal(q.speaker, null);
  assert.match(q.speaker_text ?? '', /spokesman/);
});

test('quotes: an attribution followed by a participial tail ("…, an official said, speaking on condition of anonymity")', () => {
  const r = run('The prisoners were moved to a military base near the border, a senior security official said, speaking on condition of anonymity.');
  const q = quoteWith(r, 'prisoners were moved');
  assert.match(q.speaker_text ?? '', /official/);
  assert.equal(q.kind, 'indirect');
});
// ---- relations ----

function relation(r: Result, type: string, subject: string) {
  return r.relations.filter((x) => x.type === type && nameOf(r, x.subject) === subject).map((x) => ({ role: x.role, object: nameOf(r, x.object) }));
}

test('relations: "X, whose brother Y" makes Y the brother of X', () => {
  const r = run('The appeal was filed by Leila Darwish, whose brother Karim was abducted in Idlib in 2015.');
  assert.deepEqual(relation(r, 'family', 'Karim'), [{ role: 'brother', object: 'Leila Darwish' }]);
});

test('relations: a nationality before a person\'s role is citizenship ("Danish aid worker Mette Holm")', () => {
  const r = run('Danish aid worker Mette Holm was released on Tuesday, Denmark\'s foreign ministry said.');
  assert.deepEqual(relation(r, 'citizenship', 'Mette Holm').map((x) => x.object), ['Denmark']);
});

test('relations: demonyms the Phoenix dictionary lacks still name their country ("Swedish diplomat")', () => {
  const r = run('Swedish diplomat Lars Nilsson met Taliban officials in Kabul on Monday. Sweden closed its embassy in 2021.');
  assert.deepEqual(relation(r, 'citizenship', 'Lars Nilsson').map((x) => x.object), ['Sweden']);
  assert.ok(entity(r, 'Swedish')?.codes?.some((c) => c.code === 'SWE'), JSON.stringify(entity(r, 'Swedish')));
});

test('relations: a courtesy title between the title and the name ("Foreign Minister Sheikh X")', () => {
  const r = run('Emirati Foreign Minister Sheikh Abdullah bin Zayed thanked the mediators.');
  assert.deepEqual(relation(r, 'position', 'Abdullah bin Zayed').map((x) => x.role), ['Foreign Minister']);
});

test('relations: a city modifying the employer noun is not the employer ("a reporter for the Kazan daily …")', () => {
  const r = run('Ivan Petrov, a reporter for the Kazan daily Vechernyaya, was detained on Friday.');
  assert.deepEqual(relation(r, 'position', 'Ivan Petrov').filter((x) => x.object === 'Kazan'), []);
});
// ---- times ----

function timeOf(r: Result, text: string): string | undefined {
  return r.times.find((t) => t.text === text)?.value;
}

test('times: a day and month written with its year earlier is the same date told again', () => {
  const r = run('The journalist was arrested on May 2, 2022, in Minsk.\n\nHer trial opened last month.\n\nShe denies the charges.\n\nShe has been held since her May 2 arrest.', '2024-02-10');
  assert.equal(timeOf(r, 'May 2'), '2022-05-02');
});

test('times: a past date within a month of publication outweighs an older narrative year in another paragraph', () => {
  const r = run('The war began on February 24, 2022.\n\nThe ceasefire, which took effect on February 1, has largely held.', '2024-02-10');
  assert.equal(timeOf(r, 'February 1'), '2024-02-01');
});

test('times: "would" in reported speech is a future seen from the report ("said the exchange would take place on Thursday")', () => {
  const r = run('The minister said the next exchange would take place on Thursday.', '2024-02-12');
  assert.equal(timeOf(r, 'Thursday'), '2024-02-15');
});
// ---- coreference ----

test('coref: "her lawyer said" before "her lawyer, Amir Farhadi" is the same person (the one lawyer named)', () => {
  const r = run('The trial was held behind closed doors, her lawyer said on Monday. "This was not justice," said her lawyer, Amir Farhadi, after the hearing.');
  assert.equal(nameOf(r, quoteWith(r, 'behind closed doors').speaker), 'Amir Farhadi');
});

test('coref: "its" after an unnamed organisation noun in its sentence is not an organisation named before', () => {
  const r = run('Ukraine thanked Turkey for its help on Monday. The charity said it had closed its office in Kharkiv.');
  const second = r.text.lastIndexOf('its office');
  for (const e of r.entities) assert.ok(!e.mentions.some((m) => m.start === second), `${e.name} took "its office"`);
  // the "its" with the organisation in its own sentence still resolves
  assert.ok(entity(r, 'Turkey')?.mentions.some((m) => m.text === 'its'));
});

test('relations: a capital ending in -i is no country adjective ("Tbilisi" does not stand for Georgia)', () => {
  const r = run('He was detained outside his home in Tbilisi on February 23. Georgian Prime Minister Irakli Kobakhidze rejected the criticism.');
  const objects = r.relations.filter((x) => nameOf(r, x.subject) === 'Irakli Kobakhidze').map((x) => nameOf(r, x.object));
  assert.ok(objects.length > 0, JSON.stringify(r.relations));
  assert.ok(!objects.includes('Tbilisi'), JSON.stringify(objects));
});

test('times: a year naming an event ("the 2019 protests") does not pull a later yearless date of a dated story back to it', () => {
  const r = run('Melia was convicted two weeks ago of organising mass unrest during the 2019 protests. He was detained by police outside his home on February 23 and has been held since then.', '2024-10-03');
  assert.equal(timeOf(r, 'February 23'), '2024-02-23');
});

test('events: a nationality parsed as the head of a title phrase still lets the titled person act', () => {
  const r = run('Georgian Prime Minister Irakli Kobakhidze rejected the criticism last Tuesday.');
  const [e] = eventsWith(r, 'rejected');
  assert.ok(e);
  assert.ok(namesOf(r, e.actor).includes('Irakli Kobakhidze'), JSON.stringify(namesOf(r, e.actor)));
});

test('events: "called the verdict a setback" names the verdict; it is no call for anything', () => {
  // the rule coder's naming veto; the learned detector reads the veto as one feature among many and,
  // on this sentence, still says REQUEST (a known error: docs/events.md, "What the detector gets wrong")
  assert.deepEqual(eventsWith(runRules('EU foreign policy chief Josep Borrell called the verdict a "serious setback" for Georgia\'s bid to join the bloc.'), 'called'), []);
});

test('events: "mediate" codes a mediation, and a participle with its own agent in an oblique gives no recipient', () => {
  const r = run('Armenia and Azerbaijan swapped 32 prisoners on Wednesday in a deal mediated by the United Arab Emirates.');
  const [swap] = eventsWith(r, 'swapped');
  assert.ok(swap);
  assert.deepEqual(namesOf(r, swap.recipient), []);
  const [m] = eventsWith(r, 'mediated');
  assert.ok(m);
  assert.equal(m.type, 'CONSULT');
  assert.deepEqual(namesOf(r, m.actor), ['United Arab Emirates']);
});

test('events: "remain in custody" is no refusal by the detainees (CAMEO\'s ENDURE pattern reversed the roles)', () => {
  const r = run('More than 300 Nigerians remain in Libyan custody.');
  assert.deepEqual(eventsWith(r, 'remain'), []);
});

test('events: people returned are released; a place after "in the … region" is no recipient of a non-attack; a prenominal -ing is an adjective', () => {
  const r = run('Turkey\'s Foreign Ministry said 12 Swedish citizens had been returned to Stockholm.');
  const [e] = eventsWith(r, 'returned');
  assert.ok(e, JSON.stringify(r.events));
  assert.equal(e.type, 'RETREAT');
  assert.equal(e.mode, 'release');
  // outside attacks (which PETRARCH codes against the place) a place after "in the … region" is only the place
  const k = run('The charity Mercy Corps suspended its operations in the Sumy region on Friday.');
  for (const x of k.events) assert.ok(!namesOf(k, x.recipient).some((n) => /Sumy/.test(n ?? '')), JSON.stringify(x));
  const s = run('Aid convoys reached the surrounding villages of Kidal on Friday.');
  assert.deepEqual(eventsWith(s, 'surrounding'), []);
});

test('quotes: "X said CLAUSE" parsed with the cue hanging on the reported verb still reports the clause', () => {
  const r = run('Turkey\'s Foreign Ministry said 12 Swedish citizens had been returned to Stockholm.');
  const q = quoteWith(r, 'citizens had been returned');
  assert.equal(q.kind, 'indirect');
  assert.match(nameOf(r, q.speaker) ?? '', /Foreign Ministry/);
});

test('quotes: ", it said." after a body\'s statement continues that body; a person\'s earlier quote does not take it', () => {
  const r = run('"We are relieved," President Ana Ruiz said. The interior ministry said 40 detainees had been freed. The detainees were flown to the capital, it said.');
  const q = quoteWith(r, 'flown to the capital');
  assert.equal(q.speaker, null);
  assert.match(q.speaker_text ?? '', /interior ministry/);
  const named = run('"We are relieved," President Ana Ruiz said. Egypt\'s Foreign Ministry said 40 detainees had been freed. The detainees were flown to Cairo, it said.');
  assert.match(nameOf(named, quoteWith(named, 'flown to Cairo').speaker) ?? '', /Foreign Ministry/);
});

test('coref: a pronoun chain carries on ("he asked Macron …" then "His daughter" is his, not Macron\'s)', () => {
  const r = run('Pierre Laval was released on Monday. In a video last year, he asked Emmanuel Macron to negotiate with the kidnappers. His daughter, Anne Laval, said the family was relieved.');
  assert.deepEqual(relation(r, 'family', 'Anne Laval'), [{ role: 'daughter', object: 'Pierre Laval' }]);
});

test('events: a person seized by gunmen is abducted, by police arrested', () => {
  const r = run('Olivier Dubreuil was seized by gunmen from the Islamic State in Menaka in April 2021.');
  const [e] = eventsWith(r, 'seized');
  assert.ok(e);
  assert.equal(e.type, 'ASSAULT');
  assert.equal(e.mode, 'abduct');
  assert.deepEqual(namesOf(r, e.recipient), ['Olivier Dubreuil']);
  const p = run('Police seized the journalist Ana Lima at her home in Luanda.');
  const [f] = eventsWith(p, 'seized');
  assert.ok(f);
  assert.equal(f.type, 'COERCE');
  assert.equal(f.mode, 'arrest');
});

test('events: the speaker of a trailing attribution is no participant ("France did not pay a ransom, Foreign Minister X insisted")', () => {
  const r = run('France did not pay a ransom, Foreign Minister Catherine Colonna insisted on Tuesday.');
  for (const e of r.events) assert.ok(!namesOf(r, e.recipient).includes('Catherine Colonna'), JSON.stringify(e));
});

test('quotes: "according to an official in Niamey" — the place locates the speaker, it does not speak', () => {
  const r = run('Niger\'s President Mohamed Bazoum had personally followed the case, according to an official in Niamey.');
  const q = quoteWith(r, 'followed the case');
  assert.equal(q.speaker, null);
  assert.equal(q.speaker_text, 'an official in Niamey');
  const s = run('The talks collapsed on Friday, Doha said.');
  assert.equal(nameOf(s, quoteWith(s, 'talks collapsed').speaker), 'Doha');
});

test('events: a person "taken by" militants is abducted (a light verb with a person taken by an armed group); "taken to hospital" is nothing', () => {
  const r = run('Rachel Levy, whose son Dan was taken by Hamas militants on October 7, 2023, spoke at the United Nations. The boy was taken to hospital.');
  const taken = eventsWith(r, 'taken');
  assert.equal(taken.length, 1, JSON.stringify(taken));
  assert.equal(taken[0].mode, 'abduct');
  assert.deepEqual(namesOf(r, taken[0].recipient), ['Dan']);
  assert.deepEqual(namesOf(r, taken[0].actor), ['Hamas']);
});

test('events: words of a trailing attribution are no pattern nouns ("…, the Prisoners\' Society said" holds no prisoners)', () => {
  const r = run('Israeli forces detained 15 Palestinians in overnight raids in the city of Jenin, the Palestinian Prisoners\' Society said.');
  const [e] = eventsWith(r, 'detained');
  assert.ok(e);
  assert.equal(e.type, 'COERCE');
  assert.equal(e.mode, 'arrest');
});

test('relations: "X was taken by Hamas militants" is a passive, not a description of X as a militant', () => {
  const r = run('Rachel Levy, whose son Dan was taken by Hamas militants on October 7, 2023, spoke at the United Nations.');
  assert.deepEqual(relation(r, 'membership', 'Dan'), []);
});

test('quotes: a short full sentence after a quote in its paragraph is more of the quote', () => {
  const r = run('Rachel Levy spoke in New York. "Dan has been held for 404 days," she told the council. "Every day matters."');
  const q = quoteWith(r, 'Every day matters');
  assert.equal(nameOf(r, q.speaker), 'Rachel Levy');
});

test('times: "later" inside the clause orders the date after the one before ("was later seen in a video in April")', () => {
  const r = run('Dan was abducted on October 7, 2023.\n\nHe was later seen in a video published in April.', '2024-11-14');
  assert.equal(timeOf(r, 'April'), '2024-04');
});

test('events + coref: "X, Colombia\'s largest group, admitted that one of its units had abducted Y" — its is X\'s; the statement verb is no event', () => {
  const r = run('The National Liberation Army, Colombia\'s largest guerrilla group, admitted last week that one of its units had abducted Luis Manuel Diaz from his home in Barrancas.');
  assert.deepEqual(eventsWith(r, 'admitted'), []);
  const [e] = eventsWith(r, 'abducted');
  assert.ok(e, JSON.stringify(r.events));
  assert.deepEqual(namesOf(r, e.actor), ['National Liberation Army']);
  assert.deepEqual(namesOf(r, e.recipient), ['Luis Manuel Diaz']);
  const q = quoteWith(r, 'had abducted');
  assert.ok(q.text.startsWith('one of its units had abducted'), q.text);
});

test('events: being flown somewhere is no visit by the one carried', () => {
  const r = run('Diaz was released on Thursday. He was flown by helicopter to the city of Valledupar.');
  assert.deepEqual(eventsWith(r, 'flown'), []);
});

test('coref: "the footballer" is the person the article called "footballer X"; an unnamed person subject keeps "his" in its sentence', () => {
  const r = run('Police found the car of Liverpool footballer Luis Diaz on Friday. The footballer had appealed for his father\'s release on Sunday.');
  const diaz = entity(r, 'Luis Diaz');
  assert.ok(diaz?.mentions.some((m) => m.text === 'The footballer'), JSON.stringify(diaz?.mentions));
  const s = run('Pablo Beltran said the talks would go on. The footballer had appealed for his father\'s release.');
  assert.ok(!entity(s, 'Pablo Beltran')?.mentions.some((m) => m.text === 'his'));
});

test('quotes: "X said …, according to a statement" is one claim by X, not a second one by the statement', () => {
  const r = run('The ELN\'s chief negotiator, Pablo Beltran, said the group would suspend kidnappings, according to a statement published on Saturday.');
  assert.equal(r.quotes.length, 1, JSON.stringify(r.quotes));
  assert.equal(nameOf(r, r.quotes[0].speaker), 'Pablo Beltran');
  assert.equal(r.quotes[0].text, 'the group would suspend kidnappings');
});

test('events: an infinitive the tagger read as an adjective ("urged Caracas to free X", "refused to free Y") is still coded, with its controller as actor', () => {
  const r = run('Spokesman Matthew Miller urged Caracas to free Joseph Cristella without delay. Hamas refused to free Arbel Yehud.');
  const frees = eventsWith(r, 'free');
  assert.equal(frees.length, 2, JSON.stringify(r.events));
  assert.deepEqual(namesOf(r, frees[0].actor), ['Caracas']);
  assert.deepEqual(namesOf(r, frees[0].recipient), ['Joseph Cristella']);
  assert.equal(frees[0].modality, 'hypothetical');
  assert.deepEqual(namesOf(r, frees[1].actor), ['Hamas']);
  assert.equal(frees[1].negated, true);
});

test('entities: a bare surname shared by relatives goes to the person the story named first (its subject)', () => {
  const r = run('Joseph Cristella, 38, was arrested in Caracas in November. "We are living a nightmare," his sister Amanda Cristella said.\n\nThe State Department has designated Cristella as wrongfully detained.');
  const joseph = entity(r, 'Joseph Cristella');
  const bare = r.text.lastIndexOf('Cristella');
  assert.ok(joseph?.mentions.some((m) => m.start === bare), JSON.stringify(r.entities.map((e) => [e.name, e.mentions.map((m) => m.start)])));
});

test('events: the date of a relative clause the parse hung as a conjunct is not the main verb\'s ("freed … X, who had been detained in March 2023")', () => {
  const r = run('Among those freed by Moscow were American journalist Evan Marsh, who had been detained in Yekaterinburg in March 2023, and Paul Whitfield.', '2024-08-02');
  const [freed] = eventsWith(r, 'freed');
  assert.ok(freed);
  assert.notEqual(freed.date?.value, '2023-03');
  const [det] = eventsWith(r, 'detained');
  assert.equal(det?.date?.value, '2023-03');
});

test('relations: a rank word stays in the title ("Iran\'s deputy foreign minister, X")', () => {
  const r = run('Iran\'s deputy foreign minister, Ali Bagheri Kani, met the negotiators in Muscat last week.');
  assert.deepEqual(relation(r, 'position', 'Ali Bagheri Kani'), [{ role: 'deputy foreign minister', object: 'Iran' }]);
});

test('relations: detention by a state or group, a relative "who was held by", and an active "is holding" are captivity', () => {
  assert.deepEqual(relation(run('Evan Marsh has been detained by Russia since March 2023.'), 'held_by', 'Evan Marsh').map((x) => x.object), ['Russia']);
  assert.deepEqual(relation(run('Hamas is holding Arbel Yehud, the army said.'), 'held_by', 'Arbel Yehud').map((x) => x.object), ['Hamas']);
  assert.deepEqual(relation(run('The Taliban detained Peter Brandt in Kabul.'), 'held_by', 'Peter Brandt').map((x) => x.object), ['Taliban']);
  const r = run('Olivier Dubreuil, who was held by Ansar al-Din for two years, was freed on Monday.');
  assert.deepEqual(relation(r, 'held_by', 'Olivier Dubreuil').map((x) => x.object), ['Ansar al-Din']);
});

test('events: the place named with its noun ("in the city of El Fasher") is the event\'s location; a trailing attribution may carry a long participial tail', () => {
  const r = run('At least 23 people were killed when a drone struck a market in the city of El Fasher on Sunday, local activists said, blaming the paramilitary Rapid Support Forces (RSF).');
  const [e] = eventsWith(r, 'struck');
  assert.ok(e, JSON.stringify(r.events));
  assert.equal(nameOf(r, e.location), 'El Fasher');
  const q = quoteWith(r, 'drone struck a market');
  assert.equal(q.speaker_text, 'local activists');
});

test('events: a preposition of a date is no pattern word ("has been fighting the RSF since April 2023")', () => {
  const r = run('The army has been fighting the Rapid Support Forces since April 2023.');
  const [e] = eventsWith(r, 'fighting');
  assert.ok(e, JSON.stringify(r.events));
  assert.equal(e.type, 'ASSAULT');
});

test('relations: "the United Nations humanitarian coordinator for Sudan, X" works for the UN; Sudan is the remit', () => {
  const r = run('The United Nations humanitarian coordinator for Sudan, Clementine Nkweta-Salami, condemned the strike.');
  assert.deepEqual(relation(r, 'position', 'Clementine Nkweta-Salami').map((x) => x.object), ['United Nations']);
});

test('quotes: an organisation heading a title phrase gives way to the person it titles ("Hamas official Osama Hamdan told …")', () => {
  const r = run('Hamas official Osama Hamdan told Al Jazeera that the group had received Israel\'s response and was studying it.');
  assert.equal(nameOf(r, quoteWith(r, 'studying it').speaker), 'Osama Hamdan');
  const s = run('The Kremlin said Moscow would respond.');
  assert.equal(nameOf(s, quoteWith(s, 'Moscow would respond').speaker), 'Kremlin');
});

test('events: an organisation heading a title phrase lets the titled person act too ("Hamas official X accused Israel")', () => {
  const r = run('Hamas official Osama Hamdan accused Israel of stalling the talks.');
  const [e] = eventsWith(r, 'accused');
  assert.ok(e);
  assert.ok(namesOf(r, e.actor).includes('Osama Hamdan'), JSON.stringify(namesOf(r, e.actor)));
  assert.deepEqual(namesOf(r, e.recipient), ['Israel']);
});
