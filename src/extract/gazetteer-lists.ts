/** Small closed word lists the rule-based entity and quote stages rely on. */

export const DEMONYMS = [
  'Afghan', 'Albanian', 'Algerian', 'American', 'Andorran', 'Angolan', 'Argentine', 'Argentinian', 'Armenian', 'Australian',
  'Austrian', 'Azerbaijani', 'Azeri', 'Bahraini', 'Bangladeshi', 'Belarusian', 'Belgian', 'Beninese', 'Bhutanese', 'Bolivian',
  'Bosnian', 'Brazilian', 'British', 'Bruneian', 'Bulgarian', 'Burmese', 'Burundian', 'Cambodian', 'Cameroonian', 'Canadian',
  'Chadian', 'Chilean', 'Chinese', 'Colombian', 'Congolese', 'Croatian', 'Cuban', 'Cypriot', 'Czech', 'Danish', 'Dutch',
  'Ecuadorian', 'Egyptian', 'Emirati', 'English', 'Eritrean', 'Estonian', 'Ethiopian', 'European', 'Fijian', 'Filipino', 'Finnish',
  'French', 'Gabonese', 'Gambian', 'Georgian', 'German', 'Ghanaian', 'Greek', 'Guatemalan', 'Guinean', 'Haitian', 'Honduran',
  'Hungarian', 'Icelandic', 'Indian', 'Indonesian', 'Iranian', 'Iraqi', 'Irish', 'Israeli', 'Italian', 'Ivorian', 'Jamaican',
  'Japanese', 'Jordanian', 'Kazakh', 'Kenyan', 'Korean', 'Kosovar', 'Kuwaiti', 'Kyrgyz', 'Lao', 'Laotian', 'Latvian', 'Lebanese',
  'Liberian', 'Libyan', 'Lithuanian', 'Luxembourgish', 'Macedonian', 'Malagasy', 'Malawian', 'Malaysian', 'Malian', 'Maltese',
  'Mauritanian', 'Mexican', 'Moldovan', 'Mongolian', 'Montenegrin', 'Moroccan', 'Mozambican', 'Namibian', 'Nepalese', 'Nepali',
  'Nicaraguan', 'Nigerian', 'Nigerien', 'Norwegian', 'Omani', 'Pakistani', 'Palestinian', 'Panamanian', 'Paraguayan', 'Peruvian',
  'Polish', 'Portuguese', 'Qatari', 'Romanian', 'Russian', 'Rwandan', 'Salvadoran', 'Saudi', 'Scottish', 'Senegalese', 'Serbian',
  'Sierra Leonean', 'Singaporean', 'Slovak', 'Slovenian', 'Somali', 'South African', 'Spanish', 'Sri Lankan', 'Sudanese',
  'Swedish', 'Swiss', 'Syrian', 'Taiwanese', 'Tajik', 'Tanzanian', 'Thai', 'Tibetan', 'Togolese', 'Tunisian', 'Turkish', 'Turkmen',
  'Ugandan', 'Ukrainian', 'Uruguayan', 'Uzbek', 'Venezuelan', 'Vietnamese', 'Welsh', 'Yemeni', 'Zambian', 'Zimbabwean',
  'Kurdish', 'Arab', 'Arabs', 'Persian', 'Pashtun', 'Baloch', 'Druze', 'Bedouin', 'Sunni', 'Shia', 'Shiite', 'Alawite', 'Muslim',
  'Muslims', 'Christian', 'Christians', 'Jewish', 'Jews', 'Catholic', 'Catholics', 'Protestant', 'Orthodox', 'Hindu', 'Hindus',
  'Buddhist', 'Sikh', 'Republican', 'Republicans', 'Democrat', 'Democrats', 'Democratic', 'Communist', 'Communists', 'Soviet',
  'Western', 'Asian', 'African', 'Latin American', 'Caucasian', 'Hispanic', 'Latino', 'Yazidi', 'Rohingya', 'Uyghur', 'Uighur',
  'Israelis', 'Palestinians', 'Americans', 'Russians', 'Ukrainians', 'Iranians', 'Iraqis', 'Syrians', 'Afghans', 'Europeans',
  'Germans', 'Chinese', 'Britons', 'Kurds', 'Saudis', 'Egyptians', 'Lebanese', 'Turks', 'Canadians', 'Australians',
];

/** Titles and roles that precede a person's name and are not part of it ("Ambassador Anatoly Viktorov"). */
export const TITLES = new Set([
  'president', 'vice', 'prime', 'minister', 'ambassador', 'envoy', 'spokesperson', 'spokesman', 'spokeswoman', 'secretary',
  'general', 'gen.', 'lt.', 'col.', 'colonel', 'captain', 'capt.', 'major', 'sergeant', 'sgt.', 'lieutenant', 'commander', 'admiral',
  'chief', 'director', 'chairman', 'chairwoman', 'chair', 'ceo', 'senator', 'sen.', 'rep.', 'representative', 'congressman',
  'congresswoman', 'governor', 'gov.', 'mayor', 'king', 'queen', 'prince', 'princess', 'sheikh', 'pope', 'cardinal', 'bishop',
  'rabbi', 'imam', 'reverend', 'rev.', 'judge', 'justice', 'attorney', 'prosecutor', 'detective', 'officer', 'inspector',
  'dr.', 'dr', 'mr.', 'mrs.', 'ms.', 'mr', 'mrs', 'ms', 'prof.', 'professor', 'sir', 'dame', 'lord', 'lady', 'chancellor',
  'foreign', 'defense', 'defence', 'interior', 'finance', 'deputy', 'acting', 'former', 'late', 'leader', 'premier', 'emir',
  'crown', 'consul', 'diplomat', 'commissioner', 'coach', 'manager', 'founder', 'hostage', 'activist', 'journalist', 'reporter',
  'correspondent', 'anchor', 'actor', 'actress', 'singer', 'author', 'writer', 'lawyer', 'economist', 'analyst', 'negotiator',
  'mediator', 'adviser', 'advisor', 'aide', 'staffer', 'soldier', 'private', 'pvt.', 'corporal', 'cpl.', 'field', 'marshal',
  'speaker', 'mp', 'mk', 'delegate', 'head', 'executive', 'chief-of-staff', 'national', 'security', 'state', 'health',
  'girlfriend', 'boyfriend', 'wife', 'husband', 'mother', 'father', 'brother', 'sister', 'son', 'daughter', 'grandmother',
  'grandfather', 'uncle', 'aunt', 'cousin', 'nephew', 'niece', 'partner', 'fiancé', 'fiancée', 'widow', 'widower',
]);

/** Role nouns a nominal mention can be headed by ("the ambassador", "the spokesperson"). */
export const ROLE_NOUNS = new Set([
  'president', 'minister', 'ambassador', 'envoy', 'spokesperson', 'spokesman', 'spokeswoman', 'secretary', 'general', 'colonel',
  'captain', 'commander', 'chief', 'director', 'chairman', 'chairwoman', 'senator', 'congressman', 'congresswoman', 'governor',
  'mayor', 'king', 'queen', 'prince', 'princess', 'sheikh', 'pope', 'judge', 'prosecutor', 'premier', 'emir', 'chancellor',
  'diplomat', 'consul', 'leader', 'hostage', 'captive', 'detainee', 'prisoner', 'journalist', 'reporter', 'lawyer', 'activist',
  'negotiator', 'mediator', 'soldier', 'officer', 'victim', 'suspect', 'gunman', 'official', 'adviser', 'advisor', 'aide',
]);

/** Kinship nouns: "his mother, Yelena"; genders help pronoun resolution. */
export const KINSHIP: Record<string, 'f' | 'm' | 'x'> = {
  mother: 'f', father: 'm', grandmother: 'f', grandfather: 'm', sister: 'f', brother: 'm', daughter: 'f', son: 'm',
  wife: 'f', husband: 'm', girlfriend: 'f', boyfriend: 'm', aunt: 'f', uncle: 'm', niece: 'f', nephew: 'm', cousin: 'x',
  partner: 'x', fiancée: 'f', fiancé: 'm', fiancee: 'f', fiance: 'm', widow: 'f', widower: 'm', stepmother: 'f', stepfather: 'm',
  granddaughter: 'f', grandson: 'm', grandparent: 'x', parent: 'x', child: 'x', sibling: 'x', mom: 'f', dad: 'm', spouse: 'x',
};

/** Head words that make a capitalised name an organisation. */
export const ORG_HEADS = new Set([
  'embassy', 'ministry', 'government', 'party', 'army', 'forces', 'force', 'navy', 'police', 'council', 'committee', 'commission',
  'agency', 'office', 'department', 'bureau', 'court', 'parliament', 'senate', 'congress', 'assembly', 'union', 'league', 'association',
  'organization', 'organisation', 'foundation', 'institute', 'corporation', 'corp', 'corp.', 'inc', 'inc.', 'ltd', 'ltd.', 'llc',
  'company', 'co.', 'group', 'bank', 'fund', 'news', 'times', 'post', 'press', 'journal', 'herald', 'tribune', 'network', 'agency',
  'authority', 'front', 'movement', 'brigade', 'brigades', 'battalion', 'regiment', 'corps', 'guard', 'service', 'services',
  'network', 'federation', 'alliance', 'coalition', 'society', 'club', 'team', 'board', 'cabinet', 'administration', 'jihad',
  'red cross', 'nations', 'tv', 'radio', 'channel', 'media', 'reuters', 'television', 'broadcasting', 'airlines', 'airways', 'crescent', 'cross', 'unicef', 'hezbollah', 'taliban', 'consulate', 'mission',
]);

/** Head words that make a capitalised name a facility. */
export const FAC_HEADS = new Set([
  'hospital', 'airport', 'prison', 'jail', 'stadium', 'bridge', 'tower', 'building', 'hotel', 'station', 'port', 'base', 'camp',
  'crossing', 'checkpoint', 'mosque', 'church', 'cathedral', 'synagogue', 'temple', 'museum', 'palace', 'square', 'hall', 'center',
  'centre', 'clinic', 'school', 'university', 'college', 'academy', 'library', 'house', 'plant', 'mall', 'market', 'highway', 'road',
  'street', 'avenue', 'park', 'gate', 'complex', 'compound', 'facility', 'terminal', 'harbor', 'harbour', 'cemetery', 'theater', 'theatre',
]);

/** Head words that make a name a geographic location (LOC) rather than a political one. */
export const LOC_HEADS = new Set([
  'river', 'sea', 'ocean', 'lake', 'mountain', 'mountains', 'mount', 'valley', 'desert', 'strip', 'bank', 'gulf', 'bay', 'island',
  'islands', 'peninsula', 'coast', 'region', 'heights', 'plateau', 'canal', 'strait', 'forest', 'basin', 'corridor', 'border',
]);

/** Words that introduce a settlement: "Kibbutz Nahal Oz" is a place. */
export const SETTLEMENT_WORDS = new Set(['kibbutz', 'moshav', 'village', 'town', 'city', 'camp', 'province', 'district', 'county', 'state', 'governorate', 'oblast']);

/** Communication verbs that attribute speech ("said", "wrote", "according to"). */
export const SPEECH_VERBS = new Set([
  'say', 'said', 'says', 'saying', 'tell', 'told', 'tells', 'write', 'wrote', 'writes', 'written', 'add', 'added', 'adds', 'note',
  'noted', 'notes', 'state', 'stated', 'states', 'declare', 'declared', 'announce', 'announced', 'claim', 'claimed', 'claims',
  'explain', 'explained', 'insist', 'insisted', 'argue', 'argued', 'warn', 'warned', 'ask', 'asked', 'reply', 'replied', 'respond',
  'responded', 'comment', 'commented', 'tweet', 'tweeted', 'post', 'posted', 'report', 'reported', 'confirm', 'confirmed',
  'deny', 'denied', 'admit', 'admitted', 'acknowledge', 'acknowledged', 'stress', 'stressed', 'emphasize', 'emphasized',
  'emphasise', 'emphasised', 'recall', 'recalled', 'continue', 'continued', 'quip', 'quipped', 'shout', 'shouted', 'cry', 'cried',
  'remark', 'remarked', 'recount', 'recounted', 'urge', 'urged', 'vow', 'vowed', 'pledge', 'pledged', 'promise', 'promised',
  'assert', 'asserted', 'suggest', 'suggested', 'conclude', 'concluded', 'describe', 'described', 'welcome', 'welcomed',
  'thank', 'thanked', 'accuse', 'accused', 'allege', 'alleged', 'predict', 'predicted', 'believe', 'believes', 'believed',
  'think', 'thinks', 'thought', 'mention', 'mentioned', 'reveal', 'revealed', 'observe', 'observed', 'indicate', 'indicated',
]);

/** Nouns for statements that can stand in for their author ("the statement noted"). */
export const STATEMENT_NOUNS = new Set(['statement', 'communique', 'communiqué', 'release', 'post', 'letter', 'report', 'message', 'announcement', 'tweet', 'notice', 'memo', 'readout', 'filing', 'ruling', 'decision']);

export const PRONOUNS: Record<string, { gender: 'f' | 'm' | 'x' | 'n'; number: 's' | 'p'; person: 1 | 2 | 3 }> = {
  he: { gender: 'm', number: 's', person: 3 }, him: { gender: 'm', number: 's', person: 3 }, his: { gender: 'm', number: 's', person: 3 },
  himself: { gender: 'm', number: 's', person: 3 },
  she: { gender: 'f', number: 's', person: 3 }, her: { gender: 'f', number: 's', person: 3 }, hers: { gender: 'f', number: 's', person: 3 },
  herself: { gender: 'f', number: 's', person: 3 },
  it: { gender: 'n', number: 's', person: 3 }, its: { gender: 'n', number: 's', person: 3 }, itself: { gender: 'n', number: 's', person: 3 },
  they: { gender: 'x', number: 'p', person: 3 }, them: { gender: 'x', number: 'p', person: 3 }, their: { gender: 'x', number: 'p', person: 3 },
  themselves: { gender: 'x', number: 'p', person: 3 },
};

/** Capitalised words that are not names on their own. */
export const NOT_NAMES = new Set([
  'i', 'the', 'a', 'an', 'this', 'that', 'these', 'those', 'he', 'she', 'it', 'they', 'we', 'you', 'his', 'her', 'its', 'their', 'our',
  'my', 'your', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'to', 'of', 'and', 'or', 'but', 'if', 'as', 'after', 'before', 'when',
  'while', 'since', 'during', 'there', 'here', 'what', 'who', 'why', 'how', 'where', 'which', 'yes', 'no', 'not', 'all', 'some',
  'many', 'most', 'one', 'two', 'three', 'mr', 'mrs', 'ms', 'dr', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday',
  'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'today', 'yesterday', 'tomorrow', 'tonight', 'however', 'meanwhile', 'also', 'still', 'then', 'now',
  'according', 'despite', 'although', 'though', 'because', 'so', 'yet', 'even', 'just', 'only', 'both', 'each', 'every', 'any',
  'several', 'last', 'next', 'first', 'new', 'former', 'other', 'another', 'such', 'more', 'less', 'about', 'over', 'under',
  'into', 'through', 'between', 'among', 'against', 'without', 'within', 'upon', 'once', 'please', 'thank', 'thanks', 'we',
  'us', 'me', 'him', 'them', 'do', 'does', 'did', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will',
  'would', 'could', 'should', 'can', 'may', 'might', 'must', 'shall', 'let', 'photo', 'video', 'image', 'read', 'more', 'click',
  'share', 'subscribe', 'advertisement', 'update', 'updated', 'breaking', 'exclusive', 'opinion', 'analysis', 'editor', 'note',
  'staff', 'by', 'whether', 'instead', 'unlike', 'like', 'following', 'amid', 'until', 'unless', 'whatever', 'whoever',
]);

/** Places the Phoenix country blocks miss or file elsewhere. */
export const EXTRA_GPE = [
  'Gaza', 'West Bank', 'East Jerusalem', 'Jerusalem', 'Tel Aviv', 'Ramallah', 'Rafah', 'Khan Younis', 'Beirut', 'Damascus', 'Kyiv',
  'Kiev', 'Donetsk', 'Luhansk', 'Crimea', 'Kharkiv', 'Odesa', 'Odessa', 'Mariupol', 'Kursk', 'Washington', 'London', 'Paris',
  'Berlin', 'Brussels', 'Geneva', 'New York', 'Beijing', 'Tehran', 'Baghdad', 'Cairo', 'Doha', 'Riyadh', 'Ankara', 'Istanbul',
  'Amman', 'Kabul', 'Islamabad', 'New Delhi', 'Tokyo', 'Seoul', 'Pyongyang', 'Taipei', 'Hong Kong', 'Moscow', 'St. Petersburg',
  'Minsk', 'Warsaw', 'Rome', 'Madrid', 'Vienna', 'Stockholm', 'Oslo', 'Copenhagen', 'Helsinki', 'Athens', 'Lisbon', 'Dublin',
  'Ottawa', 'Mexico City', 'Havana', 'Caracas', 'Bogota', 'Lima', 'Santiago', 'Buenos Aires', 'Brasilia', 'Nairobi', 'Lagos',
  'Abuja', 'Khartoum', 'Tripoli', 'Tunis', 'Algiers', 'Rabat', 'Sanaa', 'Aden', 'Muscat', 'Abu Dhabi', 'Dubai', 'Manama',
  'Kuwait City', 'Jakarta', 'Manila', 'Bangkok', 'Hanoi', 'Yangon', 'Dhaka', 'Colombo', 'Kathmandu', 'California', 'Texas',
  'Florida', 'Ukraine', 'Russia', 'Israel', 'Lebanon', 'Syria', 'Iran', 'Iraq', 'Yemen', 'Egypt',
  'Qatar', 'Jordan', 'Turkey', 'United States', 'U.S.', 'US', 'USA', 'UK', 'U.K.', 'Britain', 'Great Britain', 'Palestine',
];
export const EXTRA_LOC = [
  'Gaza Strip', 'Middle East', 'Europe', 'Asia', 'Africa', 'Sinai', 'Negev', 'Golan Heights', 'Red Sea', 'Mediterranean', 'Black Sea', 'Persian Gulf',
  'Gulf', 'Balkans', 'Caucasus', 'Sahel', 'Horn of Africa', 'Donbas', 'Levant', 'North Africa', 'Latin America', 'Scandinavia',
];
