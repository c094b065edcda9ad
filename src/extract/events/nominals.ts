/**
 * Nominal events: nouns that name an event ("his release", "the agreement", "the attack").
 * PETRARCH's dictionaries code verbs only, so this table is Chronicle's: each noun gets the
 * CAMEO code of the verb it nominalises, and says which participant its possessor and its
 * "of"-phrase name (the released person in "his release", the attacker in "Israel's attack").
 */
export interface NominalEvent {
  code: string;
  /** role of the possessor ("his release" → recipient) */
  poss: 'actor' | 'recipient';
  /** role of the of-phrase ("the release of hostages" → recipient) */
  of: 'actor' | 'recipient';
  /** symmetric events name their parties together ("an agreement between A and B") */
  symmetric?: true;
  /** an event only when its participants are people ("the freedom of X", not "freedom of speech", "the freedom of Palestine") */
  people?: true;
}

const patient = (code: string): NominalEvent => ({ code, poss: 'recipient', of: 'recipient' });
const agentive = (code: string, of: 'actor' | 'recipient' = 'recipient'): NominalEvent => ({ code, poss: 'actor', of });
const mutual = (code: string): NominalEvent => ({ code, poss: 'actor', of: 'actor', symmetric: true });

export const NOMINAL_EVENTS: Record<string, NominalEvent> = {
  release: patient('0841'),
  liberation: patient('0841'),
  repatriation: patient('0841'),
  freedom: { ...patient('0841'), people: true },
  abduction: patient('181'),
  kidnapping: patient('181'),
  kidnap: patient('181'),
  hijacking: patient('181'),
  capture: patient('181'),
  arrest: patient('173'),
  detention: patient('173'),
  imprisonment: patient('173'),
  deportation: patient('174'),
  expulsion: patient('174'),
  killing: patient('1823'),
  murder: patient('1823'),
  execution: patient('1823'),
  assassination: patient('186'),
  torture: patient('1822'),
  attack: agentive('190'),
  assault: agentive('190'),
  offensive: agentive('190'),
  raid: agentive('190'),
  airstrike: agentive('195'),
  bombardment: agentive('195'),
  bombing: agentive('183'),
  shelling: agentive('194'),
  shooting: agentive('190'),
  massacre: agentive('202'),
  invasion: agentive('192', 'recipient'),
  occupation: agentive('192', 'recipient'),
  blockade: agentive('191', 'recipient'),
  siege: agentive('191', 'recipient'),
  agreement: mutual('030'),
  deal: mutual('030'),
  accord: mutual('030'),
  pact: mutual('030'),
  treaty: mutual('030'),
  ceasefire: mutual('0871'),
  truce: mutual('0871'),
  meeting: mutual('040'),
  talks: mutual('046'),
  negotiation: mutual('046'),
  summit: mutual('040'),
  visit: agentive('042', 'actor'),
  protest: agentive('141', 'actor'),
  demonstration: agentive('141', 'actor'),
  sanction: agentive('163'),
  embargo: agentive('163'),
  accusation: agentive('112', 'actor'),
  condemnation: agentive('111', 'actor'),
  threat: agentive('130', 'actor'),
  withdrawal: agentive('0872', 'actor'),
};

/** The table as a Map: asked of every noun's lemma, a string made per document, which an object look-up would first find in V8's string table (gazetteer-lists.ts, PRONOUNS). */
const NOMINAL_EVENT_OF: ReadonlyMap<string, NominalEvent> = new Map(Object.entries(NOMINAL_EVENTS));

export function nominalEvent(lemma: string): NominalEvent | undefined {
  return NOMINAL_EVENT_OF.get(lemma);
}
