import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { Doc, type Mention } from '../src/doc.js';
import { tokenizeStage } from '../src/nlp/sentences.js';
import { decodedNamesOf, defaultModelDir, getNerModel, nerStage, recogniseDoc, withDecodedNames } from '../src/extract/ner.js';
import { decodeWeights, emissions, encodeWeights, loadNerModel, loadTypeProfiles, makeNerModel, MODEL_FILES, tagsToSpans, BIO_TAGS, TagSet, viterbi } from '../src/extract/ner-model.js';
import { withoutRules } from '../src/rules/registry.js';
import { FrozenPerceptron } from '../src/nlp/perceptron.js';
import { decodeModel, encodeModel } from '../src/nlp/model-io.js';
import { MAX_KEYS, WordCache, selfKeys } from '../src/extract/ner-features.js';
import { readExternal, readGumDoc, retokenize } from '../train/ner-data.js';
import { buildGazetteer, isCountryBlock, placeCategories } from '../train/ner-gazetteer.js';
import { PLACES_DIR } from '../train/ner-train.js';
import { sentenceKeysOf } from '../src/extract/ner-model.js';
import { docCaps, sentenceView } from '../src/extract/ner-features.js';

const dataDir = resolve(process.env.CHRONICLE_DATA ?? '../shared/data');
const gumDir = join(dataDir, 'gum', 'dep');

function names(text: string): Mention[] {
  const doc = new Doc({ text });
  tokenizeStage.run(doc);
  nerStage.run(doc);
  assert.equal(doc.notes.get('ner.error'), undefined, String(doc.notes.get('ner.error')));
  return doc.mentions;
}

function find(ms: Mention[], text: string): Mention | undefined {
  return ms.find((m) => m.text === text);
}

test('the shipped model loads', () => {
  assert.ok(getNerModel(), 'models/ner should load');
});

test('a title before a name is not part of it; the country in the title is its own name', () => {
  const ms = names('President of Russia Vladimir Putin met Israeli Prime Minister Benjamin Netanyahu in Moscow on Saturday.');
  assert.equal(find(ms, 'Russia')?.type, 'GPE');
  assert.equal(find(ms, 'Vladimir Putin')?.type, 'PERSON');
  assert.equal(find(ms, 'Benjamin Netanyahu')?.type, 'PERSON');
  assert.equal(find(ms, 'Israeli')?.type, 'NORP');
  assert.equal(find(ms, 'Moscow')?.type, 'GPE');
  assert.ok(!ms.some((m) => /President|Minister/.test(m.text)), JSON.stringify(ms));
  assert.ok(!ms.some((m) => m.text.includes('Saturday')), 'a weekday is never a name');
});

test('countries whose Phoenix codes are all dated, and their cities, are places in the gazetteer, not people', { skip: !existsSync(join(dataDir, 'petrarch2', 'dictionaries')) && 'PETRARCH2 not found' }, () => {
  assert.ok(isCountryBlock(['USRUKR <910824', 'UKRUNR 910824-911221', 'UKR >911221']));
  assert.ok(isCountryBlock(['IRQ <20030320', 'IRQOCC 20030320-20060520']));
  assert.ok(!isCountryBlock(['UKRELI 520101-911205', 'UKRGOV 911205-940719']), 'an office holder is no country');
  const g = buildGazetteer(join(dataDir, 'petrarch2'), undefined, { datedCountries: true });
  const gpe = new Set(g.GPE);
  const per = new Set(g.PER);
  for (const w of ['ukraine', 'iraq', 'kuwait', 'south sudan', 'kazakhstan', 'belarus', 'basra', 'kirkuk', 'juba', 'astana', 'yerevan', 'tbilisi']) {
    assert.ok(gpe.has(w) && !per.has(w), w);
  }
  // a spelling of a country's name is no nationality adjective
  assert.ok(!g.NORP.includes('kazakstan') && g.NORP.includes('kazakh'));
});

test('in news about countries whose Phoenix codes are all dated, a lone name the model takes for a person is the place', () => {
  // the model's gazetteer (a feature file, fixed with its weights) lists these as people; the rules read
  // the name gazetteer's places over it (ner.name-gazetteer-places)
  for (const [text, place] of [
    ['Kuwait will raise its oil output next month, the state news agency reported.', 'Kuwait'],
    ['The governor of Kirkuk met tribal leaders to discuss the disputed oil revenues.', 'Kirkuk'],
    ['Armenia accused Azerbaijan of shelling border villages, the defence ministry in Yerevan said.', 'Yerevan'],
    ['Belarus moved troops toward Minsk as Lithuania closed two crossings near Vilnius.', 'Belarus'],
  ]) {
    const ms = names(text);
    assert.equal(find(ms, place)?.type, 'GPE', `${place}: ${JSON.stringify(ms.map((m) => [m.text, m.type]))}`);
  }
  // a person's name stays a person's
  const ms = names('Jordan Peterson said he would speak in Tbilisi.');
  assert.equal(find(ms, 'Jordan Peterson')?.type, 'PERSON', JSON.stringify(ms));
});

test('a country between a title and a person is split off, but a given name that is a country is not', () => {
  const ms = names('The talks were held “on the orders of the President of France Emmanuel Macron.”');
  assert.equal(find(ms, 'France')?.type, 'GPE');
  assert.equal(find(ms, 'Emmanuel Macron')?.type, 'PERSON');
  const ms2 = names('The Prime Minister of Israel Benjamin Netanyahu said the army would respond.');
  assert.equal(find(ms2, 'Israel')?.type, 'GPE');
  assert.equal(find(ms2, 'Benjamin Netanyahu')?.type, 'PERSON');
  const ms3 = names('Defence Minister Israel Katz said the operation would continue.');
  assert.equal(find(ms3, 'Israel Katz')?.type, 'PERSON', JSON.stringify(ms3));
});

test('a hospital is a facility or organisation, never a person; nationality adjectives are NORP', () => {
  const ms = names('He was taken to Sheba Hospital in Ramat Gan, where doctors from the Russian embassy visited him.');
  const sheba = find(ms, 'Sheba Hospital');
  assert.ok(sheba && (sheba.type === 'FAC' || sheba.type === 'ORG'), JSON.stringify(ms));
  assert.equal(find(ms, 'Russian')?.type, 'NORP');
  assert.ok(!ms.some((m) => m.type === 'PERSON'), JSON.stringify(ms));
});

test('organisations, settlements and people in one news sentence', () => {
  const ms = names('Alexander Trufanov, 29, was abducted by Islamic Jihad militants from Kibbutz Nir Oz on October 7, 2023.');
  assert.equal(find(ms, 'Alexander Trufanov')?.type, 'PERSON');
  assert.equal(find(ms, 'Islamic Jihad')?.type, 'ORG');
  assert.notEqual(find(ms, 'Kibbutz Nir Oz')?.type ?? 'GPE', 'PERSON');
  const ms2 = names('The Russian Foreign Ministry said Anatoly Viktorov, the ambassador, met Microsoft executives in Brussels on Monday.');
  assert.equal(find(ms2, 'Russian Foreign Ministry')?.type, 'ORG');
  assert.equal(find(ms2, 'Anatoly Viktorov')?.type, 'PERSON');
  assert.equal(find(ms2, 'Microsoft')?.type, 'ORG');
  assert.equal(find(ms2, 'Brussels')?.type, 'GPE');
  assert.ok(!ms2.some((m) => m.text === 'Monday'));
});

test('a name in apposition to a kinship noun is a person', () => {
  for (const [text, name] of [['Her uncle, Lior, was also taken to Gaza.', 'Lior'], ['Their mother, Orly, said nothing.', 'Orly']]) {
    const ms = names(text);
    assert.equal(find(ms, name)?.type, 'PERSON', JSON.stringify(ms));
  }
});

test('event names are events, not people or organisations', () => {
  const ms = names('Will NBC show the Winter Olympics and the Paralympic Games live in the United States?');
  for (const m of ms.filter((x) => /Olympics|Games/.test(x.text))) assert.equal(m.type, 'EVENT', JSON.stringify(ms));
  assert.ok(ms.some((m) => /Olympics/.test(m.text)), JSON.stringify(ms));
  assert.equal(find(ms, 'United States')?.type, 'GPE');
});

test('mentions are names from the model with exact offsets', () => {
  const text = 'Kremlin spokesman Dmitry Peskov told reporters that Moscow would not comment.';
  const doc = new Doc({ text });
  tokenizeStage.run(doc);
  nerStage.run(doc);
  assert.ok(doc.mentions.length >= 2);
  for (const m of doc.mentions) {
    assert.equal(m.kind, 'name');
    assert.equal(m.source, 'model');
    assert.equal(text.slice(m.start, m.end), m.text);
    assert.equal(m.entity, undefined, 'the ner stage builds no entities');
  }
  assert.equal(doc.entities.length, 0);
});

test('a surname repeats the person named in full earlier in the document', () => {
  const spans = recogniseDoc(getNerModel()!, [
    ['The', 'column', 'was', 'written', 'by', 'Dan', 'Savage', '.'],
    ['Savage', "'s", 'readers', 'voted', 'on', 'the', 'definition', '.'],
  ]);
  assert.deepEqual(spans[1].map((s) => [s.start, s.end, s.type]), [[0, 1, 'PERSON']]);
});

test('odd input never throws and yields no names', () => {
  for (const text of ['', '   ', '!!! ??? ...', '😀 😀 😀', 'x'.repeat(5000), '\n\n\n']) {
    const doc = new Doc({ text });
    tokenizeStage.run(doc);
    nerStage.run(doc);
    assert.equal(doc.mentions.length, 0, text.slice(0, 20));
  }
});

test('BIO decoding and the weights format round-trip', () => {
  const t = (s: string) => BIO_TAGS.index.get(s)!;
  assert.deepEqual(tagsToSpans([t('B-PERSON'), t('I-PERSON'), t('O'), t('B-GPE'), t('B-GPE')]), [
    { start: 0, end: 2, type: 'PERSON' },
    { start: 3, end: 4, type: 'GPE' },
    { start: 4, end: 5, type: 'GPE' },
  ]);
  const model = getNerModel()!;
  // the process's model runs on the load-ready tables (no rows to re-encode): round-trip the shipped file's
  const w = decodeWeights(readFileSync(join(defaultModelDir(), MODEL_FILES.weights)));
  assert.ok(w.scorer instanceof FrozenPerceptron);
  const again = decodeWeights(encodeWeights(w.scorer, w.trans, w.start, w.oBias, model.brown?.sha256 ?? null));
  // the reloaded weights, scored without the per-word vector cache, give the same emissions
  const plain = makeNerModel(again, model.gazetteer, model.lexicon, false, model.brown);
  const words = 'Putin met Anatoly Viktorov in Moscow on Monday , the Kremlin said .'.split(' ');
  const a = emissions(model, words);
  const b = emissions(plain, words);
  assert.equal(a.length, b.length);
  let nonzero = 0;
  for (let i = 0; i < a.length; i++) {
    assert.ok(Math.abs(a[i] - b[i]) < 1e-3, `emission ${i}: ${a[i]} vs ${b[i]}`);
    if (a[i] !== 0) nonzero++;
  }
  assert.ok(nonzero > a.length / 2);
});

test('GUM names as training gold: titles and descriptors stripped, hyphenated given names whole, countries as written', { skip: !existsSync(gumDir) && 'GUM not found' }, () => {
  const gaz = getNerModel()!.gazetteer;
  const spans = (id: string) => {
    const out: string[] = [];
    for (const s of readGumDoc(join(gumDir, id + '.conllu'), gaz).sentences) {
      for (const sp of tagsToSpans(s.tags.map((t) => BIO_TAGS.index.get(t) ?? 0))) out.push(s.words.slice(sp.start, sp.end).join(' ') + '/' + sp.type);
    }
    return out;
  };
  const lanterns = spans('GUM_news_lanterns');
  assert.ok(lanterns.includes('Hau Lung - bin/PERSON'), 'the flat name runs over the hyphen');
  const hackers = spans('GUM_news_hackers');
  assert.ok(hackers.includes('Tom Cruise/PERSON') && !hackers.some((s) => s.startsWith('Scientologist ')), 'a descriptor is not part of the name');
  const taxes = spans('GUM_news_taxes');
  assert.ok(taxes.includes('Toccafondi/PERSON') && !taxes.includes('Undersecretary/PERSON'), 'a title head hands over to its apposed name');
  // "Sweden defeated South Korea": GUM's organisation reading of a country is tagged as written
  const soccer = spans('GUM_news_soccer');
  assert.ok(soccer.includes('Sweden/GPE') && !soccer.includes('Sweden/ORG'));
});

test('external corpora as training gold: titles, pronouns and descriptions cut to the names they hold', () => {
  const gaz = getNerModel()!.gazetteer;
  // one token a line, the source's own labels (re3d's marks titles, pronouns and descriptions)
  const rows = (sent: string) => sent.split(' ').map((t) => t.replace('/', '\t')).join('\n');
  const text = ['# newdoc id = x:1',
    rows('Col./B-Person Jane/I-Person Orlov/I-Person said/O we/B-Organisation saw/O U.S./B-Organisation service/I-Organisation members/I-Organisation in/O the/B-Location city/I-Location of/I-Location Raqqah/I-Location ./O'),
    '',
    rows('Kurdish/B-Nationality rebels/O met/O the/B-Organisation Syrian/I-Organisation Democratic/I-Organisation Forces/I-Organisation near/O Vermillion/B-Location ,/I-Location South/I-Location Dakota/I-Location ./O'),
    '',
    rows('The/B-Person commander/I-Person of/I-Person Orbis/I-Person Command/I-Person spoke/O ./O'),
    '',
    rows('Rebels/B-Organisation left/O Tal/B-Location Afar/I-Location ./O'),
    ''].join('\n');
  const stats = { documents: 0, sentences: 0, skipped: 0, names: {} as Record<string, number> };
  const docs = readExternal(text, 're3d', gaz, stats);
  const spans = docs.flatMap((d) => d.sentences.map((s) => tagsToSpans(s.tags.map((t) => BIO_TAGS.index.get(t) ?? 0)).map((sp) => s.words.slice(sp.start, sp.end).join(' ') + '/' + sp.type)));
  assert.deepEqual(spans[0], ['Jane Orlov/PERSON', 'U.S./GPE', 'Raqqah/GPE'], 'title, pronoun and descriptions off');
  assert.deepEqual(spans[1], ['Kurdish/NORP', 'Syrian Democratic Forces/ORG', 'Vermillion/GPE', 'South Dakota/GPE']);
  assert.deepEqual(spans[2], ['Tal Afar/GPE'], 'a lower-case description is no name');
  assert.equal(stats.skipped, 1, 'an office described around an organisation leaves its sentence out');
  assert.equal(stats.sentences, 4);
});

test('span discipline: "or" splits two names, a title\'s place is not part of its holder, cups are events', () => {
  const a = names('Visitors can walk from NTU Hospital Station or Shandao Station to the square.');
  assert.ok(find(a, 'NTU Hospital Station') && find(a, 'Shandao Station'), JSON.stringify(a.map((m) => m.text)));
  const b = names('According to the Ambassador to the United States Hamdullah Mohib, the team was safe.');
  assert.equal(find(b, 'United States')?.type, 'GPE', JSON.stringify(b.map((m) => m.text)));
  assert.equal(find(b, 'Hamdullah Mohib')?.type, 'PERSON');
  // …but an organisation named after the country stays whole
  const c = names('He wrote to the Ambassador to the United States Postal Service board.');
  assert.ok(!find(c, 'Postal Service'), JSON.stringify(c.map((m) => m.text)));
  const d = names('Spain won the 2010 World Cup in South Africa.');
  assert.equal(find(d, 'World Cup')?.type, 'EVENT');
});

test('names an acronym spells, names after class nouns and a mid-sentence "The", facilities named after people', () => {
  const a = names('Deputies of Movimento 5 Stelle (M5S) met the Democratic Forces for the Liberation of Rwanda (FDLR).');
  assert.equal(find(a, 'Movimento 5 Stelle')?.type, 'ORG', JSON.stringify(a.map((m) => m.text)));
  assert.equal(find(a, 'Democratic Forces for the Liberation of Rwanda')?.type, 'ORG');
  const jnim = names('A statement came from the Jama\'at Nusrat al-Islam wal-Muslimin (JNIM), and the Hay\'at Tahrir al-Sham (HTS) group denied it.');
  assert.equal(find(jnim, 'Jama\'at Nusrat al-Islam wal-Muslimin')?.type, 'ORG', JSON.stringify(jnim.map((m) => `${m.text}/${m.type}`)));
  assert.equal(find(jnim, 'JNIM')?.type, 'ORG');
  assert.equal(jnim.filter((m) => m.text === 'HTS').length, 1, 'one acronym mention');
  assert.equal(find(jnim, 'HTS')?.type, 'ORG');
  const b = names('A spokesman for the ICRC (International Committee of the Red Cross) said the convoy was hit.');
  assert.equal(find(b, 'International Committee of the Red Cross')?.type, 'ORG', JSON.stringify(b.map((m) => m.text)));
  const c = names('The secularist magazine MicroMega called it historic, and the militant group Al-Shabaab denied it.');
  assert.equal(find(c, 'MicroMega')?.type, 'ORG', JSON.stringify(c.map((m) => m.text)));
  assert.equal(find(c, 'Al-Shabaab')?.type, 'ORG');
  // a capitalised "The" inside a sentence opens a name; the same name at a sentence start follows
  const d = names('The Onion: an interview. Nobody goes out in The Onion without a joke ready.');
  assert.equal(d.filter((m) => m.text === 'Onion' && m.type === 'ORG').length, 2, JSON.stringify(d.map((m) => m.text)));
  const e = names('Thousands crowded onto the Chiang Kai Shek Memorial near downtown Taipei.');
  assert.equal(find(e, 'Chiang Kai Shek Memorial')?.type, 'FAC', JSON.stringify(e.map((m) => m.text)));
  const h = names('President Joe Biden welcomed the released Americans at Andrews Air Force Base late on Thursday.');
  assert.equal(find(h, 'Andrews Air Force Base')?.type, 'FAC', JSON.stringify(h.map((m) => `${m.text}/${m.type}`)));
  const g = names('The story ran in everything from US Weekly to Time Magazine, and Qatar Airways denied it.');
  assert.equal(find(g, 'US Weekly')?.type, 'ORG', JSON.stringify(g.map((m) => `${m.text}/${m.type}`)));
  assert.equal(find(g, 'Qatar Airways')?.type, 'ORG');
  const f = names('Comments by former Pennsylvania Senator Rick Santorum, and Washington State University Simon Ličen.');
  assert.equal(find(f, 'Pennsylvania')?.type, 'GPE', JSON.stringify(f.map((m) => `${m.text}/${m.type}`)));
  assert.equal(find(f, 'Simon Ličen')?.type, 'PERSON');
});

test('retokenize carries corpus names onto our tokens and drops names that end inside a token', () => {
  const s = retokenize({
    words: ['Shaikh', 'Abdullah', 'al', '-', 'Ani', 'backed', 'a', 'pro', '-', 'Beijing', 'list', '.'],
    tags: ['O', 'B-PERSON', 'I-PERSON', 'I-PERSON', 'I-PERSON', 'O', 'O', 'O', 'O', 'B-GPE', 'O', 'O'],
    text: 'Shaikh Abdullah al-Ani backed a pro-Beijing list.',
    newPar: false,
  });
  assert.deepEqual(s.words, ['Shaikh', 'Abdullah', 'al-Ani', 'backed', 'a', 'pro-Beijing', 'list', '.']);
  assert.deepEqual(s.tags, ['O', 'B-PERSON', 'I-PERSON', 'O', 'O', 'O', 'O', 'O']);
});

test('a place before a comma and its state or country, organisations over "for"/"on", titles over "of"', () => {
  const a = names('Ahmed Mohamed, a 14-year-old boy from Irving, Texas, was arrested at his school.');
  assert.equal(find(a, 'Irving')?.type, 'GPE', JSON.stringify(a.map((m) => `${m.text}/${m.type}`)));
  const b = names('Polaroids were donated by the Andy Warhol Foundation for the Visual Arts and studied at the Council on Foreign Relations.');
  assert.equal(find(b, 'Andy Warhol Foundation for the Visual Arts')?.type, 'ORG', JSON.stringify(b.map((m) => m.text)));
  assert.equal(find(b, 'Council on Foreign Relations')?.type, 'ORG');
  const c = names('John Kerry, the Secretary of State, contacted the foreign minister.');
  assert.ok(!find(c, 'Secretary of State'), JSON.stringify(c.map((m) => m.text)));
  // a person followed by a country's possessive is no place
  const d = names('He met Mohib, Afghanistan\'s ambassador, on Monday.');
  assert.notEqual(find(d, 'Mohib')?.type, 'GPE');
});

test('list items are alike; plural class nouns name each coordinated name; institution words open organisations', () => {
  const a = names('The story ran in The Brooklyn Paper, The New York Times, Jezebel, Metro.us, EDGE on the Net, and Instinct Magazine.');
  for (const n of ['Jezebel', 'Metro.us', 'EDGE on the Net']) assert.equal(find(a, n)?.type, 'ORG', `${n}: ${JSON.stringify(a.map((m) => `${m.text}/${m.type}`))}`);
  // a list of places with one unknown member is not forced when the types are mixed
  const b = names('The court ruled that the religious schools Santo Spirito and Immacolata in Livorno must pay.');
  assert.equal(find(b, 'Santo Spirito')?.type, 'ORG', JSON.stringify(b.map((m) => `${m.text}/${m.type}`)));
  assert.equal(find(b, 'Immacolata')?.type, 'ORG');
  const c = names('Instituto Gonzaga, a catholic school in Milan, and fighters of Jaish al-Adl were named.');
  assert.equal(find(c, 'Instituto Gonzaga')?.type, 'ORG', JSON.stringify(c.map((m) => `${m.text}/${m.type}`)));
});

test('a middle initial sits inside a person name', () => {
  const a = names('The church was founded by science fiction writer L. Ron Hubbard, and the bar is co-owned by John-Christian G. Rauschenberg.');
  assert.ok(find(a, 'L. Ron Hubbard'), JSON.stringify(a.map((m) => `${m.text}/${m.type}`)));
  assert.ok(find(a, 'John-Christian G. Rauschenberg'));
});

test('a quoted nickname sits inside a person name; a known place after a place preposition is tagged', () => {
  const a = names('Joaquín "El Chapo" Guzmán was flown to New York, and Alexander “Sasha” Trufanov thanked the doctors in Jerusalem.');
  assert.ok(find(a, 'Joaquín "El Chapo" Guzmán'), JSON.stringify(a.map((m) => `${m.text}/${m.type}`)));
  assert.ok(find(a, 'Alexander “Sasha” Trufanov'));
  assert.equal(find(a, 'Jerusalem')?.type, 'GPE');
});

test('an acronym tied to a person by "of" or a possessive is their organisation', () => {
  const a = names('Leung Kwok-hung of LSD and Wong Kwok-kin of the FTU were re-elected, while DAB\'s Ben Chan lost; John Smith of the UK watched.');
  assert.equal(find(a, 'LSD')?.type, 'ORG', JSON.stringify(a.map((m) => `${m.text}/${m.type}`)));
  assert.equal(find(a, 'FTU')?.type, 'ORG');
  assert.equal(find(a, 'DAB')?.type, 'ORG');
  assert.equal(find(a, 'UK')?.type, 'GPE');
  const b = names('The soldiers were handed over in Darfur, the RSF said in a statement; the CEO said nothing.');
  assert.equal(find(b, 'RSF')?.type, 'ORG', JSON.stringify(b.map((m) => `${m.text}/${m.type}`)));
  assert.ok(!find(b, 'CEO'));
});

test('a verb inside a span splits it; a bin/ibn name from the group dictionaries is a person', () => {
  const a = names('The camp lost seats, with Junius Ho defeating Lee Cheuk-yan by around five thousand votes.');
  assert.ok(find(a, 'Junius Ho') && find(a, 'Lee Cheuk-yan'), JSON.stringify(a.map((m) => `${m.text}/${m.type}`)));
  const b = names('A video of Osama bin Laden was shown, and Bank of America and Leonardo da Vinci kept their particles.');
  assert.equal(find(b, 'Osama bin Laden')?.type, 'PERSON', JSON.stringify(b.map((m) => `${m.text}/${m.type}`)));
  assert.ok(find(b, 'Bank of America') && find(b, 'Leonardo da Vinci'));
});

test('a place after "near", a country that is also a given name, a newspaper after its city', () => {
  const a = names('Marie Dubois was abducted by gunmen near Gao on June 9.');
  assert.equal(find(a, 'Gao')?.type, 'GPE', JSON.stringify(a.map((m) => `${m.text}/${m.type}`)));
  const b = names('Borrell called the verdict a serious setback for Georgia\'s bid to join the bloc.');
  assert.equal(find(b, 'Georgia')?.type, 'GPE', JSON.stringify(b.map((m) => `${m.text}/${m.type}`)));
  // beside a surname the given name is the person's; alone it is the country
  const c = names('Israel Katz said Israel would respond. Katz spoke later.');
  assert.equal(find(c, 'Israel Katz')?.type, 'PERSON');
  assert.equal(c.find((m) => m.text === 'Israel')?.type, 'GPE', JSON.stringify(c.map((m) => `${m.text}/${m.type}`)));
  const d = names('Holmqvist, a freelance reporter for the Gothenburg daily Vastra Posten, was arrested.');
  assert.equal(find(d, 'Vastra Posten')?.type, 'ORG', JSON.stringify(d.map((m) => `${m.text}/${m.type}`)));
});

test('a capitalised run ending in an organisation word is one; a person\'s name before an organisation joins it', () => {
  const a = names('The Hostages and Missing Families Forum thanked the envoy on Sunday.');
  assert.equal(find(a, 'Hostages and Missing Families Forum')?.type, 'ORG', JSON.stringify(a.map((m) => `${m.text}/${m.type}`)));
  const b = names('Abu Obeida, the spokesman of the Izz ad-Din al-Qassam Brigades, said the group would free three captives.');
  assert.equal(find(b, 'Izz ad-Din al-Qassam Brigades')?.type, 'ORG', JSON.stringify(b.map((m) => `${m.text}/${m.type}`)));
  assert.equal(find(b, 'Abu Obeida')?.type, 'PERSON');
});

test('military ranks in abbreviation leave the name; a hyphenated Arabic article matches the dictionaries', () => {
  const a = names('Army spokesman Brig. Gen. Onyema Nwachukwu said the captives were safe.');
  assert.ok(find(a, 'Onyema Nwachukwu'), JSON.stringify(a.map((m) => `${m.text}/${m.type}`)));
  assert.ok(!a.some((m) => /Brig/.test(m.text)));
  const b = names('Al-Shabaab militants stormed a hotel in Mogadishu on Friday night.');
  assert.equal(find(b, 'Al-Shabaab')?.type, 'ORG', JSON.stringify(b.map((m) => `${m.text}/${m.type}`)));
});

test('a nationality or place before a title, a place before a party word, "Chair" as a title', () => {
  const a = names('Tesla chief Elon Musk met German Chancellor Olaf Scholz, Fed Chair Jerome Powell and Sen. Elizabeth Warren, a Massachusetts Democrat.');
  assert.equal(find(a, 'German')?.type, 'NORP', JSON.stringify(a.map((m) => `${m.text}/${m.type}`)));
  assert.ok(!a.some((m) => /Chancellor|Chair /.test(m.text)));
  assert.ok(find(a, 'Jerome Powell'));
  assert.equal(find(a, 'Massachusetts')?.type, 'GPE');
  assert.equal(find(a, 'Democrat')?.type, 'NORP');
});

test('an unknown word closing a place phrase after "in" is a place; an organisation head before "for/of" names the whole', () => {
  const a = names('He had been held in a detention centre in Taganrog. He played in Batman: The Animated Series.');
  assert.equal(find(a, 'Taganrog')?.type, 'GPE', JSON.stringify(a.map((m) => `${m.text}/${m.type}`)));
  assert.notEqual(find(a, 'Batman')?.type, 'GPE');
  const b = names('The exchange was the 55th, according to Ukraine\'s Coordination Headquarters for the Treatment of Prisoners of War.');
  assert.equal(find(b, 'Coordination Headquarters for the Treatment of Prisoners of War')?.type, 'ORG', JSON.stringify(b.map((m) => `${m.text}/${m.type}`)));
});

test('names joined by particles or ending on an "al-" word are one person; group names from the dictionaries', () => {
  const a = names('Pieter van der Berg, 44, and Jan de Vries, 39, were seized by Houthi fighters near Sanaa.');
  assert.equal(find(a, 'Pieter van der Berg')?.type, 'PERSON', JSON.stringify(a.map((m) => `${m.text}/${m.type}`)));
  assert.equal(find(a, 'Jan de Vries')?.type, 'PERSON');
  assert.ok(!find(a, 'Berg') && find(a, 'Houthi')?.type !== 'PERSON');
  const b = names('Abdul-Malik al-Houthi, the group\'s leader, praised Ayman al-Zawahiri, and she flew to Rio de Janeiro.');
  assert.equal(find(b, 'Abdul-Malik al-Houthi')?.type, 'PERSON', JSON.stringify(b.map((m) => `${m.text}/${m.type}`)));
  assert.equal(find(b, 'Ayman al-Zawahiri')?.type, 'PERSON');
  assert.equal(find(b, 'Rio de Janeiro')?.type, 'GPE');
});

test('a person before an office in apposition; a lower-case "al-" organisation from the dictionaries', () => {
  const a = names('Volker Turk, the UN High Commissioner for Human Rights, said the releases were not enough.');
  assert.equal(find(a, 'Volker Turk')?.type, 'PERSON', JSON.stringify(a.map((m) => `${m.text}/${m.type}`)));
  const c = names('He had been held by an al-Qaeda affiliate in Mali.');
  assert.equal(find(c, 'al-Qaeda')?.type, 'ORG', JSON.stringify(c.map((m) => `${m.text}/${m.type}`)));
});

test('a tag scheme per model: BILOU for organisations, BIO for the rest, read back from the file', () => {
  const bilou = new TagSet(['ORG']);
  assert.equal(BIO_TAGS.n, 23);
  assert.equal(bilou.n, 25);
  assert.deepEqual(bilou.tags.filter((t) => t.endsWith('-ORG')), ['B-ORG', 'I-ORG', 'L-ORG', 'U-ORG']);
  assert.equal(TagSet.fromTags(bilou.tags)?.tags.join(' '), bilou.tags.join(' '));
  assert.equal(TagSet.fromTags(['O', 'B-GPE', 'I-GPE', 'B-PERSON', 'I-PERSON']), null, 'a tag list of another build (another type order) is refused');
  assert.equal(TagSet.fromTags(['O', 'I-PERSON', 'B-PERSON']), null);
  // an organisation specialist: ORG alone, BILOU; other names are O in its training data
  const orgOnly = new TagSet(['ORG'], ['ORG']);
  assert.deepEqual(orgOnly.tags, ['O', 'B-ORG', 'I-ORG', 'L-ORG', 'U-ORG']);
  assert.equal(TagSet.fromTags(orgOnly.tags)?.tags.join(' '), orgOnly.tags.join(' '));
  assert.deepEqual(orgOnly.fromBio(['B-PERSON', 'I-PERSON', 'O', 'B-ORG', 'I-ORG', 'B-ORG']), ['O', 'O', 'O', 'B-ORG', 'L-ORG', 'U-ORG']);
  // gold BIO → BILOU: a one-word organisation is U, a longer one ends on L; persons keep BIO
  assert.deepEqual(bilou.fromBio(['B-ORG', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'B-PERSON', 'I-PERSON']), ['U-ORG', 'O', 'B-ORG', 'I-ORG', 'L-ORG', 'B-PERSON', 'I-PERSON']);
  const t = (s: string) => bilou.index.get(s)!;
  assert.deepEqual(bilou.spans([t('U-ORG'), t('B-ORG'), t('L-ORG'), t('O'), t('B-PERSON')]), [
    { start: 0, end: 1, type: 'ORG' },
    { start: 1, end: 3, type: 'ORG' },
    { start: 4, end: 5, type: 'PERSON' },
  ]);
  // an open organisation must go on to its L-ORG: no O, no other name after B-ORG
  assert.ok(bilou.allowed(t('B-ORG'), t('L-ORG')) && bilou.allowed(t('I-ORG'), t('I-ORG')));
  assert.ok(!bilou.allowed(t('B-ORG'), t('O')) && !bilou.allowed(t('B-ORG'), t('B-PERSON')) && !bilou.allowed(t('O'), t('L-ORG')));
  assert.ok(bilou.allowed(t('B-PERSON'), t('O')), 'BIO types close anywhere');
  // Viterbi honours it: emissions that favour B-ORG then O decode to a closed name
  const T = bilou.n;
  const em = new Float32Array(2 * T);
  em[t('B-ORG')] = 5;
  em[T + t('O')] = 5;
  em[T + t('L-ORG')] = 1;
  const zero = (k: number) => new Float32Array(k);
  // (B-ORG O would score 10 but leaves the name open; B-ORG L-ORG 6 beats U-ORG O and O O, 5 each)
  assert.deepEqual([...viterbi(em, 2, zero(T * T), zero(T), bilou)].map((x) => bilou.tags[x]), ['B-ORG', 'L-ORG']);
  // the file records the scheme; decoding rebuilds it
  const w = decodeWeights(readFileSync(join(defaultModelDir(), MODEL_FILES.orgWeights)));
  assert.equal(w.tags.tags.join(' '), bilou.tags.join(' '));
  assert.equal(decodeWeights(readFileSync(join(defaultModelDir(), MODEL_FILES.weights))).tags.tags.join(' '), BIO_TAGS.tags.join(' '));
});

test('rule examples on given names: the models\' own decoding given back gives the names the stage finds; a given name must sit on token edges', () => {
  const model = getNerModel()!;
  const texts = [
    'Deputies of Movimento 5 Stelle (M5S) met the Democratic Forces for the Liberation of Rwanda (FDLR).',
    'Melia was convicted by the Tbilisi City Court of organising mass unrest. Volker Turk, the UN High Commissioner for Human Rights, said so.',
    'Pieter van der Berg, 44, and Jan de Vries, 39, were seized by Houthi fighters near Sanaa.',
  ];
  for (const text of texts) {
    const doc = new Doc({ text });
    tokenizeStage.run(doc);
    const given = decodedNamesOf(model, doc);
    const live = names(text).map((m) => `${m.text}/${m.type}/${m.start}`);
    assert.deepEqual(withDecodedNames(given, () => names(text)).map((m) => `${m.text}/${m.type}/${m.start}`), live, text);
  }
  // given names decide: the same sentence with other names given ends otherwise
  const text = 'Fans of Real Madrid gathered outside the stadium.';
  assert.deepEqual(withDecodedNames({ decoded: ['Real Madrid/GPE'], companion: [] }, () => names(text)).map((m) => `${m.text}/${m.type}`), ['Real Madrid/GPE']);
  assert.deepEqual(withDecodedNames({ decoded: [], companion: ['Real Madrid/ORG'] }, () => names(text)).map((m) => `${m.text}/${m.type}`), ['Real Madrid/ORG']);
  for (const bad of ['Real Madri/ORG', 'Real Madrid', 'Barcelona/ORG', 'Real Madrid/TEAM']) {
    const doc = new Doc({ text });
    tokenizeStage.run(doc);
    withDecodedNames({ decoded: [bad] }, () => nerStage.run(doc));
    assert.match(String(doc.notes.get('ner.error')), /given name/, bad);
  }
});

test('the organisation companion is shipped and loaded, and its organisations replace the BIO model\'s (ner.org-model)', () => {
  const model = getNerModel()!;
  assert.ok(model.org, 'models/ner/weights-org.bin.gz loads as the companion');
  assert.equal(model.org.weights.tags.bilou.has('ORG'), true);
  assert.equal(model.weights.tags.bilou.size, 0, 'the recogniser itself tags BIO');
  // the combination on the decoding the shipped pair gave when this was written (the BIO model
  // missed "WeWork", the companion named it), so that a retrain does not move the test; the company written
  // "Zenwork" here, since ner.camel-case-orgs names a CamelCase "WeWork" whatever the models say
  const sentences = ['She worked for Zenwork and later for SoftBank in Tokyo .'.split(' ')];
  const bio = [[{ start: 7, end: 8, type: 'ORG' as const }, { start: 9, end: 10, type: 'GPE' as const }]];
  const org = [[{ start: 3, end: 4, type: 'ORG' as const }, ...bio[0]]];
  const both = recogniseDoc(model, sentences, undefined, { model: bio, companion: org })[0];
  const restore = withoutRules(['ner.org-model']);
  let alone;
  try {
    alone = recogniseDoc(model, sentences, undefined, { model: bio, companion: org })[0];
  } finally {
    restore();
  }
  const companion = recogniseDoc(model.org, sentences, undefined, { model: org, companion: org })[0];
  const show = (xs: { start: number; end: number; type: string }[]) => xs.map((x) => `${sentences[0].slice(x.start, x.end).join(' ')}/${x.type}`).join(', ');
  // with the companion: exactly its ORG names, and the BIO names that overlap none of them
  const orgs = companion.filter((x) => x.type === 'ORG');
  assert.deepEqual(show(both.filter((x) => x.type === 'ORG')), show(orgs));
  for (const x of alone) {
    if (x.type === 'ORG') continue;
    const overlapped = orgs.some((o) => o.start < x.end && x.start < o.end);
    assert.equal(both.some((y) => y.start === x.start && y.end === x.end && y.type === x.type), !overlapped, show([x]));
  }
  assert.notEqual(show(both), show(alone), `the companion changes this sentence: ${show(alone)} → ${show(both)}`);
  // and end to end, whatever the weights: the pair names the company
  assert.equal(find(names('She worked for WeWork and later for SoftBank in Tokyo.'), 'WeWork')?.type, 'ORG');
});

test('the companion shares the recogniser\'s word cache and sentence features: the same names as with a cache of its own', () => {
  const model = getNerModel()!;
  assert.equal(model.org?.cache, model.cache, 'one feature pass for both models');
  const org = model.org!;
  const separate = { ...model, org: { ...org, cache: new WordCache({ gazetteer: org.gazetteer, lexicon: org.lexicon, brown: org.brown, vectors: org.vectors }) } };
  const sentences = [
    'She worked for WeWork and later for SoftBank in Tokyo .',
    'Fans of Real Madrid gathered outside the stadium , the club said .',
    'Orbis Labs and Tarrow Bank signed the deal with the Harlan Institute for Policy Studies .',
  ].map((t) => t.split(' '));
  const show = (out: { start: number; end: number; type: string }[][]) => JSON.stringify(out);
  assert.equal(show(recogniseDoc(model, sentences)), show(recogniseDoc(separate, sentences)));
});

test('one set of sentence keys serves both models: emissions as when each model builds its own', () => {
  const model = getNerModel()!;
  const org = model.org!;
  const words = 'Orbis Labs hired Dana Whitlow , a former Tarrow Bank analyst , in Kherson last May .'.split(' ');
  const v = sentenceView(words, model.cache, model, docCaps([words]));
  const keys = sentenceKeysOf(v);
  assert.equal(keys.wideAt.length, words.length + 1);
  assert.ok(keys.marks.length > 0, 'gazetteer and capitalised-run keys are there ("Kherson", "Orbis Labs")');
  for (const m of [model, org]) {
    const shared = m.weights.emissionsFor(v, m.cache, m.frozen, keys);
    const own = m.weights.emissionsFor(v, m.cache, m.frozen);
    assert.deepEqual([...shared], [...own]);
  }
});

test('place categories for the gazetteer features (--places): one per name key, by kind and population; lower-case words left out', { skip: !existsSync(join(PLACES_DIR, 'names.tsv')) && 'models/places not built' }, () => {
  const cats = placeCategories(PLACES_DIR, new Set(['reading']));
  assert.equal(cats.get('france'), 'CTRY');
  assert.equal(cats.get('bavaria'), 'ADM1');
  assert.equal(cats.get('taganrog'), 'TOWN5');
  assert.equal(cats.get('new york'), 'ADM1', 'a state and a city: the state ranks first');
  assert.equal(cats.get('reading'), undefined, 'a word the labelled text writes in lower case is no evidence');
  assert.ok([...cats.keys()].every((k) => !/\d/.test(k)));
});

test('corpus type profiles (--types): a profiled word gets the profile keys, an unknown word none; the load-ready table keeps the values', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ner-types-'));
  const path = join(dir, 'types.tsv.gz');
  // word, n, then the percentages inside person / organisation / place / other names
  writeFileSync(path, gzipSync('quorvane\t120\t2\t91\t3\t0\nbrakowicz\t40\t88\t0\t5\t0\n'));
  const types = loadTypeProfiles(path);
  assert.equal(types.get('quorvane'), '120\t2\t91\t3\t0');
  assert.equal(types.get('tarrow'), undefined);
  assert.equal(loadTypeProfiles(path).sha256, types.sha256, 'the second load reads the load-ready file: the same sha256');
  const model = getNerModel()!;
  const keysOf = (cache: WordCache, w: string) => selfKeys(cache.get(w), new Uint32Array(MAX_KEYS), 0);
  const plain = new WordCache({ gazetteer: model.gazetteer, lexicon: model.lexicon, brown: model.brown });
  const typed = new WordCache({ gazetteer: model.gazetteer, lexicon: model.lexicon, brown: model.brown, types });
  assert.equal(keysOf(typed, 'Quorvane'), keysOf(plain, 'Quorvane') + 7);
  assert.equal(keysOf(typed, 'Tarrow'), keysOf(plain, 'Tarrow'));
  assert.notEqual(typed.get('Quorvane').tcDom, typed.get('Brakowicz').tcDom, 'an organisation and a person differ in their dominant class');
});

test('a companion trained without the corpus type profiles (--org-without-types) loads beside a BIO model trained with them; other profiles are refused', () => {
  const shipped = defaultModelDir();
  const dir = mkdtempSync(join(tmpdir(), 'ner-org-plain-'));
  writeFileSync(join(dir, MODEL_FILES.types), gzipSync('quorvane\t120\t2\t91\t3\t0\n'));
  const types = loadTypeProfiles(join(dir, MODEL_FILES.types));
  // the shipped BIO weights stamped as trained with these profiles; the companion's file as shipped (no profiles)
  const stamp = (file: string, sha: string | null) => {
    const m = decodeModel(readFileSync(join(shipped, file)), file);
    if (sha) m.header.types = sha;
    else delete m.header.types;
    return encodeModel(m);
  };
  writeFileSync(join(dir, MODEL_FILES.weights), stamp(MODEL_FILES.weights, types.sha256));
  writeFileSync(join(dir, MODEL_FILES.orgWeights), stamp(MODEL_FILES.orgWeights, null));
  for (const f of [MODEL_FILES.gazetteer, MODEL_FILES.lexicon]) writeFileSync(join(dir, f), readFileSync(join(shipped, f)));
  const model = loadNerModel(dir);
  assert.equal(model.types?.sha256, types.sha256);
  assert.ok(model.org && model.org.cache === model.cache, 'the companion shares the word cache, profiles included');
  // a companion stamped with other profiles is refused
  writeFileSync(join(dir, MODEL_FILES.orgWeights), stamp(MODEL_FILES.orgWeights, 'f'.repeat(64)));
  rmSync(join(dir, 'weights-org.ready.bin'), { force: true });
  assert.throws(() => loadNerModel(dir), /other word representations/);
});

test('a word\'s first gazetteer node is asked for once per word, also when the word starts no phrase (null is kept)', () => {
  const model = getNerModel()!;
  const asked = new Map<string, number>();
  const gazetteer = Object.create(model.gazetteer) as typeof model.gazetteer;
  gazetteer.firstNode = (word: string) => {
    asked.set(word, (asked.get(word) ?? 0) + 1);
    return model.gazetteer.firstNode(word);
  };
  const ctx = { gazetteer, lexicon: model.lexicon, brown: model.brown, vectors: model.vectors, types: model.types };
  const cache = new WordCache(ctx);
  const words = 'The officials met officials in Kherson and the officials left Kherson .'.split(' ');
  const first = sentenceView(words, cache, ctx, docCaps([words]));
  const again = sentenceView(words, cache, ctx, docCaps([words]));
  assert.equal(model.gazetteer.firstNode('officials'), null, 'a word that starts no phrase');
  assert.ok(model.gazetteer.firstNode('kherson'), 'a word that starts one');
  for (const w of ['officials', 'kherson', '.']) assert.equal(asked.get(w), 1, w);
  assert.equal(asked.get('the'), 2, 'once per word as written ("The", "the"): the word cache\'s key');
  assert.deepEqual(again.gaz, first.gaz, 'the same gazetteer features from the kept nodes');
  assert.ok(first.gaz[5].length > 0, '"Kherson" carries its gazetteer features');
});

test('a word cache that forgets its words mid-sentence scores as one that keeps them (word score rows in a pool)', () => {
  const model = getNerModel()!;
  const ctx = { gazetteer: model.gazetteer, lexicon: model.lexicon, brown: model.brown, vectors: model.vectors, types: model.types };
  // four words: cleared (and its score pools emptied) several times within each sentence
  const tiny = new WordCache(ctx, 4);
  const sentences = [
    // fills the fresh cache exactly; the next sentence finds those four scored, then clears it
    'the club said .',
    'the club said . Orbis Labs hired Dana Whitlow in Kherson .',
    'Orbis Labs hired Dana Whitlow , a former Tarrow Bank analyst , in Kherson last May .',
    'She worked for WeWork and later for SoftBank in Tokyo .',
    'Fans of Real Madrid gathered outside the stadium , the club said .',
    'Orbis Labs hired Dana Whitlow , a former Tarrow Bank analyst , in Kherson last May .',
  ].map((t) => t.split(' '));
  const caps = docCaps(sentences);
  for (const words of sentences) {
    for (const weights of [model.weights, model.org!.weights]) {
      const kept = weights.emissionsFor(sentenceView(words, model.cache, model, caps), model.cache, true);
      const v = sentenceView(words, tiny, model, caps);
      assert.deepEqual(weights.emissionsFor(v, tiny, true), kept, words.join(' '));
      // again on the same view, its rows now in the pool
      assert.deepEqual(weights.emissionsFor(v, tiny, true), kept, words.join(' '));
    }
  }
});

test('ner.doc-person-parts carries no function word: a ship typed a person does not make every "The" one', () => {
  const text = 'Libyan authorities say hijackers seized the oil tanker The New al-Fateh off the coast on Monday. The hijackers demanded money. The navy said the crew was safe and The New al-Fateh would return to port.';
  const lone = names(text).filter((m) => m.text === 'The');
  assert.deepEqual(lone.map((m) => m.start), []);
});

test('ner.org-short-form: an organisation named with trailing head words labels its name without them; not a body inside another, a numbered thing, a place, nor a run that goes on', () => {
  const run = (text: string, decoded: string[]) => withDecodedNames({ decoded, companion: decoded.filter((d) => d.endsWith('/ORG')) }, () => names(text)).map((m) => `${m.text}/${m.type}`);
  assert.deepEqual(run('SoftBank Group Corp. agreed to take control of the company. The deal gives SoftBank about 80 percent.', ['SoftBank Group Corp./ORG']), ['SoftBank Group Corp./ORG', 'SoftBank/ORG']);
  assert.deepEqual(run('Visitors to the Smithsonian Institution came back. The Smithsonian said so.', ['Smithsonian Institution/ORG']), ['Smithsonian Institution/ORG', 'Smithsonian/ORG']);
  // a one-word name the recogniser typed a person is the organisation
  assert.deepEqual(run('The Mozilla Foundation hired him, and he said Mozilla would grow.', ['Mozilla Foundation/ORG', 'Mozilla/PERSON']), ['Mozilla Foundation/ORG', 'Mozilla/ORG']);
  // a body inside another ("Board" is no short-form head) and a numbered thing ("CentOS 8") stay apart
  assert.deepEqual(run('The Tallert Board met on Monday. Tallert said no.', ['Tallert Board/ORG']), ['Tallert Board/ORG']);
  assert.deepEqual(run('Tallert Group sells software. Tallert 8 is out.', ['Tallert Group/ORG']), ['Tallert Group/ORG']);
  // inside a longer run, or before a possessive that goes on as one, the short form is part of another name
  assert.ok(!run('Tallert Group sells software. The Tallert Vision Fund bought it.', ['Tallert Group/ORG']).includes('Tallert/ORG'));
  assert.deepEqual(run("The New Tallert Party won. Voters of New Tallert's Party cheered.", ['New Tallert Party/ORG']), ['New Tallert Party/ORG']);
  // a place (gazetteer) is no short form: "Texas" of "Texas Instruments Inc."
  assert.deepEqual(run('Texas Instruments Inc. grew. Texas voted on Monday.', ['Texas Instruments Inc./ORG', 'Texas/GPE']), ['Texas Instruments Inc./ORG', 'Texas/GPE']);
});

test('ner.ordinal-names: an ordinal in figures before capitalised words ending in a facility or unit head is one name; not before another head', () => {
  const run = (text: string, decoded: string[]) => withDecodedNames({ decoded, companion: [] }, () => names(text)).map((m) => `${m.text}/${m.type}`);
  assert.deepEqual(run('The restaurant is located on 38th Street near the park.', []), ['38th Street/FAC']);
  assert.deepEqual(run('A spokesman for the 5th Fleet reported the attack.', []), ['5th Fleet/ORG']);
  // a span the model made over the words alone grows to the ordinal
  assert.deepEqual(run('The 3rd Infantry Division crossed the river.', ['Infantry Division/ORG']), ['3rd Infantry Division/ORG']);
  // no head word: "21st Century" is a time, not a name
  assert.deepEqual(run('Life in the 21st Century is fast.', []), []);
  const restore = withoutRules(['ner.ordinal-names']);
  try { assert.deepEqual(run('The restaurant is located on 38th Street near the park.', []), []); } finally { restore(); }
});
