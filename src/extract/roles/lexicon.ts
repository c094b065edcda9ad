/**
 * Role nouns: the words that say how a person stands to someone or something
 * ("mother", "ambassador", "member", "hostage", "citizen"). Relations and actor codes
 * both read them. Keys are lower-case singular forms; plural and variant spellings map
 * onto them through `roleOf`.
 */

/** `descriptor`: a noun outside the lexicon heading an apposition ("Moreau, a restaurateur") */
export type RoleClass = 'kin' | 'position' | 'member' | 'captive' | 'citizen' | 'resident' | 'occupation' | 'descriptor';

export interface RoleInfo {
  /** canonical lower-case role ("mother", "spokesperson") */
  role: string;
  cls: RoleClass;
  /** grammatical gender when the noun fixes it (for pronoun fallback) */
  gender?: 'f' | 'm';
}

const KIN_F = ['mother', 'grandmother', 'daughter', 'granddaughter', 'sister', 'half-sister', 'stepsister', 'wife', 'girlfriend', 'fiancee', 'widow', 'aunt', 'niece', 'stepmother', 'stepdaughter', 'mother-in-law', 'daughter-in-law', 'sister-in-law', 'great-grandmother'];
const KIN_M = ['father', 'grandfather', 'son', 'grandson', 'brother', 'half-brother', 'stepbrother', 'husband', 'boyfriend', 'fiance', 'widower', 'uncle', 'nephew', 'stepfather', 'stepson', 'father-in-law', 'son-in-law', 'brother-in-law', 'great-grandfather'];
const KIN_N = ['partner', 'spouse', 'cousin', 'parent', 'child', 'sibling', 'twin', 'grandchild', 'grandparent', 'relative', 'stepchild', 'in-law'];
/** informal and variant spellings → canonical */
const KIN_ALIAS: Record<string, string> = {
  mom: 'mother', mum: 'mother', mommy: 'mother', mummy: 'mother', mama: 'mother', dad: 'father', daddy: 'father', papa: 'father',
  grandma: 'grandmother', granny: 'grandmother', grandpa: 'grandfather', 'fiancée': 'fiancee', 'fiancé': 'fiance',
  'half-sibling': 'sibling', children: 'child', grandchildren: 'grandchild', stepchildren: 'stepchild',
};

/** Positions held at an organisation or state (the object of a `position` relation). */
const POSITIONS = [
  'president', 'vice-president', 'vice president', 'prime minister', 'deputy prime minister', 'minister', 'foreign minister',
  'defence minister', 'defense minister', 'interior minister', 'finance minister', 'justice minister', 'health minister',
  'ambassador', 'envoy', 'consul', 'consul general', 'diplomat', 'attache', 'spokesperson', 'spokesman', 'spokeswoman',
  'press secretary', 'secretary', 'secretary-general', 'secretary general', 'secretary of state', 'undersecretary', 'chancellor',
  'king', 'queen', 'prince', 'princess', 'emir', 'sultan', 'monarch', 'premier', 'governor', 'mayor', 'senator', 'congressman',
  'congresswoman', 'lawmaker', 'legislator', 'mp', 'member of parliament', 'speaker', 'chairman', 'chairwoman', 'chair',
  'chairperson', 'ceo', 'chief executive', 'director', 'director-general', 'director general', 'head', 'chief', 'leader',
  'commander', 'general', 'lieutenant', 'colonel', 'major general', 'captain', 'admiral', 'officer', 'official', 'adviser', 'advisor',
  'aide', 'negotiator', 'coordinator', 'representative', 'delegate', 'correspondent', 'editor', 'editor-in-chief', 'founder',
  'co-founder', 'executive', 'manager', 'owner', 'coach', 'judge', 'prosecutor', 'attorney general', 'attorney-general',
  'police chief', 'commissioner', 'rabbi', 'imam', 'bishop', 'pope', 'cardinal', 'patriarch', 'dean', 'rector',
  'chief of staff', 'head of state', 'vice chairman', 'deputy', 'deputy head', 'deputy leader', 'deputy director',
  'treasurer', 'ombudsman', 'envoy', 'regent', 'emissary', 'mediator', 'liaison', 'staffer', 'employee', 'analyst',
  'researcher', 'professor', 'lecturer', 'fellow', 'anchor', 'reporter', 'columnist', 'producer', 'partner',
];

/** Membership of a group (the object of a `membership` relation). */
const MEMBERS = [
  'member', 'militant', 'fighter', 'operative', 'gunman', 'gunmen', 'terrorist', 'soldier', 'guerrilla', 'insurgent', 'rebel',
  'supporter', 'loyalist', 'recruit', 'volunteer', 'activist', 'commando', 'jihadist', 'affiliate', 'associate', 'cadre',
  'paramilitary', 'trooper', 'reservist', 'player', 'player',
];

const CAPTIVES = ['hostage', 'captive', 'prisoner', 'detainee', 'abductee', 'prisoner of war', 'pow', 'kidnap victim', 'kidnapping victim'];
const CITIZENS = ['citizen', 'national', 'passport holder', 'compatriot', 'countryman', 'countrywoman', 'subject', 'dual national', 'dual citizen'];
const RESIDENTS = ['resident', 'native', 'inhabitant', 'villager', 'residents'];
/** Occupations without an organisation object (attributes only). */
const OCCUPATIONS = [
  'journalist', 'photographer', 'doctor', 'physician', 'surgeon', 'nurse', 'paramedic', 'teacher', 'student', 'lawyer', 'farmer',
  'engineer', 'scientist', 'artist', 'musician', 'singer', 'actor', 'actress', 'writer', 'author', 'poet', 'filmmaker',
  'businessman', 'businesswoman', 'entrepreneur', 'economist', 'historian', 'worker', 'driver', 'pilot', 'priest', 'monk',
  'nun', 'police officer', 'policeman', 'policewoman', 'firefighter', 'medic', 'athlete', 'footballer', 'blogger', 'dancer',
  'architect', 'chef', 'accountant', 'programmer', 'designer', 'veteran', 'pensioner', 'retiree', 'mechanic', 'electrician',
  'carpenter', 'plumber', 'shopkeeper', 'merchant', 'trader', 'banker', 'investor', 'billionaire', 'tycoon', 'model',
  'politician', 'sailor', 'missionary', 'rapporteur',
];

const TABLE = new Map<string, RoleInfo>();
function add(words: string[], cls: RoleClass, gender?: 'f' | 'm'): void {
  for (const w of words) if (!TABLE.has(w)) TABLE.set(w, { role: w, cls, ...(gender ? { gender } : {}) });
}
add(KIN_F, 'kin', 'f');
add(KIN_M, 'kin', 'm');
add(KIN_N, 'kin');
add(CAPTIVES, 'captive');
add(CITIZENS, 'citizen');
add(RESIDENTS.filter((w) => w !== 'residents'), 'resident');
add(MEMBERS, 'member');
add(POSITIONS, 'position');
add(OCCUPATIONS, 'occupation');
for (const [alias, canon] of Object.entries(KIN_ALIAS)) {
  const info = TABLE.get(canon);
  if (info) TABLE.set(alias, info);
}
for (const w of ['spokesman', 'spokeswoman', 'chairman', 'chairwoman', 'congressman', 'congresswoman', 'businessman', 'businesswoman', 'policewoman', 'policeman', 'countrywoman', 'countryman']) {
  const info = TABLE.get(w);
  if (info && /woman$/.test(w)) TABLE.set(w, { ...info, gender: 'f' });
  else if (info && /man$/.test(w)) TABLE.set(w, { ...info, gender: 'm' });
}

/** Longest role phrase in the table, in words. */
export const MAX_ROLE_WORDS = Math.max(...[...TABLE.keys()].map((k) => k.split(/\s+/).length));

function singular(w: string): string[] {
  const out: string[] = [];
  if (/men$/.test(w)) out.push(w.replace(/men$/, 'man'));
  if (/ies$/.test(w)) out.push(w.replace(/ies$/, 'y'));
  if (/(ss|sh|ch|x)es$/.test(w)) out.push(w.replace(/es$/, ''));
  if (/s$/.test(w) && !/ss$/.test(w)) out.push(w.replace(/s$/, ''));
  return out;
}

/** Last words of every role phrase, singular and plural, for a cheap first test. */
const LAST_WORDS = new Set<string>();
for (const k of TABLE.keys()) {
  const w = k.split(' ').pop()!;
  LAST_WORDS.add(w);
}

/** Can a role phrase end with this (lower-case) word? A cheap test before building phrases. */
export function mayEndRole(word: string): boolean {
  return LAST_WORDS.has(word) || singular(word).some((s) => LAST_WORDS.has(s));
}

/** The role a (possibly multi-word, possibly plural) phrase names, or null. */
export function roleOf(phrase: string): (RoleInfo & { plural: boolean }) | null {
  const sp = phrase.lastIndexOf(' ');
  const lastRaw = (sp < 0 ? phrase : phrase.slice(sp + 1)).toLowerCase();
  if (!LAST_WORDS.has(lastRaw) && !singular(lastRaw).some((s) => LAST_WORDS.has(s))) return null;
  const p = phrase.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
  const direct = TABLE.get(p);
  if (direct) return { ...direct, plural: p === 'children' || p === 'grandchildren' || p === 'gunmen' };
  // plural only on the last word ("sons", "members of parliament" is handled word by word)
  const words = p.split(' ');
  const last = words[words.length - 1];
  for (const s of singular(last)) {
    const hit = TABLE.get([...words.slice(0, -1), s].join(' '));
    if (hit) return { ...hit, plural: true };
  }
  return null;
}

/** Possessive determiners and the gender/number they carry. */
export const POSSESSIVE_PRONOUNS: Record<string, 'm' | 'f' | 'n' | 'p'> = {
  his: 'm', her: 'f', its: 'n', their: 'p', my: 'p', our: 'p', your: 'p',
};

/** Modifiers that may sit inside a title before the head role noun. */
export const TITLE_MODIFIERS = new Set([
  'former', 'ex', 'ex-', 'then', 'acting', 'interim', 'deputy', 'vice', 'assistant', 'associate', 'senior', 'junior', 'chief',
  'top', 'head', 'lead', 'leading', 'veteran', 'longtime', 'long-time', 'outgoing', 'incoming', 'new', 'late', 'first',
  'second', 'foreign', 'defence', 'defense', 'interior', 'finance', 'justice', 'health', 'prime', 'general', 'military',
  'press', 'government', 'state', 'presidential', 'elected', 'newly', 'de', 'facto', 'self-proclaimed', 'alleged',
  'israeli-born', 'russian-born', 'dual', 'young', 'elderly', 'teenage', 'female', 'male', 'fellow', 'retired', 'serving',
  'freed', 'released', 'kidnapped', 'abducted', 'captured', 'wounded', 'slain', 'murdered', 'killed',
]);

/** Words that are never part of a title and stop the leftward walk. */
export const TITLE_STOPS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'with', 'by', 'and', 'or', 'but', 'on', 'at', 'from', 'as', 'than',
  'who', 'which', 'whom', 'whose', 'said', 'says', 'told', 'is', 'was', 'are', 'were', 'be', 'been', 'has', 'have', 'had',
  'met', 'after', 'before', 'when', 'while', 'including', 'like', 'between', 'among', 'about', 'into', 'over', 'under',
]);
