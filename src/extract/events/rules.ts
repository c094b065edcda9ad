/**
 * The event coder's hand-written rules, registered (src/rules/registry.ts) with examples and an
 * ablation switch: `CHRONICLE_WITHOUT=events.veto-light npm run eval:events`, or
 * `npm run ablate:events` for the whole table (docs/events.md). A veto drops a candidate for the
 * rule coder; the learned detector reads it as a feature. Measured gains: docs/events.md.
 */
import { defineRule, type Rule } from '../../rules/registry.js';

const SOURCE = 'src/extract/events/coder.ts';

const veto = (name: string, summary: string, fires: string[], spares: string[]): Rule =>
  defineRule({ id: `events.veto-${name}`, stage: 'events', action: 'veto', summary, fires, spares, source: SOURCE });

/** The veto rules by the name a candidate's `veto` carries. */
export const VETO: Readonly<Record<string, Rule>> = {
  statement: veto('statement', 'a verb of saying with a complement reports a statement (CAMEO 01), no event of its own',
    ['The minister said that the talks with Armenia had failed.'], ['The minister criticised Armenia over the talks.']),
  movement: veto('movement', 'a verb of going somewhere is a meeting only through a pattern ("arrived for talks"), not by default',
    ['The delegation left Baku on Monday.'], ['The delegation met Armenian officials in Baku on Monday.']),
  light: veto('light', 'a light verb (take, make, give, hold …) codes an event only through a pattern, never by default',
    ['The government gave the city a new hospital.'], ['Gunmen took three engineers hostage near Kaduna.']),
  idiom: veto('idiom', 'a light verb with the noun of an idiom ("took place", "took effect") says nothing of its own',
    ['The handover took place at the airport in Kabul.'], ['Police took the suspects into custody in Kabul.']),
  carried: veto('carried', 'being flown, sent or brought somewhere is no visit or meeting of the one carried',
    ['Maria Lopez was flown to Bogota on Sunday.'], ['Maria Lopez flew to Bogota for talks with President Petro on Sunday.']),
  naming: veto('naming', 'a verb of naming with a noun complement ("called the verdict a setback") is no call for anything',
    ['Senator Ruiz called the verdict a serious setback for Georgia.'], ['Senator Ruiz called for the release of the prisoners.']),
  raising: veto('raising', 'a passive raising verb ("is expected to free") is none; its complement is the event',
    ['The rebels are expected to release Tom Hale next week.'], ['The rebels released Tom Hale last week.']),
  contest: veto('contest', '"defeated", "beat" in a sentence about an election or a match are contests, not assaults',
    ['Brazil beat Argentina in the final of the cup.'], ['The army defeated the rebels near Goma.']),
  'expel-thing': veto('expel-thing', 'expelling and deporting are done to people: "removed a video" is no expulsion',
    ['YouTube removed the video from its site.'], ['Russia expelled two British diplomats on Friday.']),
  'thing-patient': veto('thing-patient', 'killing, abducting and arresting are done to people: "execute the sentence" names a thing',
    ['Officials will execute the sentence on Friday.'], ['Militants executed Ivan Petrov in Raqqa.']),
  'nobody-met': veto('nobody-met', 'a dictionary default of meeting needs someone met: "left the ship" is no consultation',
    ['The minister visited the hospital on Friday.'], ['The minister visited Emmanuel Macron in Paris on Friday.']),
  modifier: veto('modifier', 'an event noun modifying a noun names a kind of thing: "detention center", "release date"',
    ['He was held at the Brooklyn detention center for a year.'], ['His detention lasted a year.']),
  accident: veto('accident', 'a killing or injury an accident or disaster caused is no act of anyone: "killed in a stampede", "a crane accident killed"',
    ['A crane accident killed 107 people in Mecca.', 'At least 345 pilgrims were killed in a stampede near Mecca.'], ['Gunmen killed 12 pilgrims near Mecca.']),
  freedom: veto('freedom', '"freedom" is a release only when gained ("secured the freedom of X"), not when demanded',
    ['Activists campaigned for the freedom of Ana Lima.'], ['Diplomats secured the freedom of Ana Lima.']),
};

/** Carrying someone to a hospital is care: no candidate at all, whatever the detector would read in its subject. */
export const MEDICAL_TRANSPORT = defineRule({
  id: 'events.medical-transport', stage: 'events', action: 'veto', source: SOURCE,
  summary: 'being taken, rushed or flown to a hospital or clinic is care, not a seizure or a visit: the verb gives no event (the wounded, "the boy" linked to a hostage)',
  fires: ['Gunmen attacked a bus near Kano on Monday. The boy was taken to hospital.', 'Three children were rushed to a clinic in Gaza.'],
  spares: ['Gunmen took three engineers hostage near Kaduna.', 'Police took the suspects to a prison in Kaduna.'],
});

/** The veto names, for ablation tables. */
export const VETO_RULES = Object.keys(VETO);

/**
 * Credits, bylines, captions and related links (the 'boilerplate' layer) are not prose: their
 * sentences give no candidates and an entity named only there (a byline's author) is never a
 * participant, even through a pronoun.
 */
export const SKIP_BOILERPLATE = defineRule({
  id: 'events.skip-boilerplate', stage: 'events', action: 'veto',
  summary: 'sentences marked as boilerplate (credits, bylines, captions, related links) give no events; their names are no participants',
  fires: ['Ana Lima was freed on Monday.\n\nContributing: Kristine Phillips'],
  spares: ['Ana Lima was freed on Monday by Kristine Phillips.'],
  source: SOURCE,
});

/**
 * A participant no entity stands for, named by a common noun: "police", "protesters", "the army",
 * "two soldiers" (the Phoenix agent dictionary's nouns and the coder's participant nouns). It fills
 * the role with its words and CAMEO agent code (EventRecord.groups) when no entity does.
 */
export const GROUP_ACTORS = defineRule({
  id: 'events.group-actors', stage: 'events', action: 'extend',
  summary: 'a group of people named by a common noun ("police", "protesters", "the army") fills a role no entity fills, with its words and CAMEO agent code',
  fires: ['Police arrested three protesters in Cairo on Monday.'],
  spares: ['Egyptian police arrested Ahmed Samir in Cairo on Monday.'],
  source: 'src/extract/events/arguments.ts',
});

/**
 * Control the parse shows as an adverbial clause: the infinitive of an object-control verb is done
 * by its object or addressee ("urged the government to release"), a gerund after of/with/for by
 * the head's object ("accused Anonymous of plotting"), any other such clause by the head's subject.
 */
export const CLAUSE_CONTROL = defineRule({
  id: 'events.clause-control', stage: 'events', action: 'extend',
  summary: 'an infinitive or of/with/for-gerund clause without a subject takes its controller: the head\'s object for control verbs and accusations, else its subject',
  fires: ['The UN called on both sides to respect the ceasefire.', 'The guard is accused of striking an inmate.'],
  spares: ['The Kremlin attacked Ukraine on Monday.'],
  source: 'src/extract/events/coder.ts',
});
