/**
 * Coreference (issue 23, coref12): what kind of thing a name is, as the text says it ("Velvet Harbour, a folk band",
 * "the planet Zarvik-4b"), so that "the band", "the planet", "it" and "they" find it; and a name in a list of people is
 * no antecedent of the next sentence's "he". Sentences of our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, linkOf, linkWithout } from './helpers/coref-links.js';
import { withoutRules } from '../src/rules/registry.js';

test('a name the recogniser misses, introduced by a class noun, becomes an entity with its later occurrences', () => {
  const text = 'Astronomers announced the discovery of an exoplanet, named Zarvik-4b, on Monday. Zarvik-4b is hotter than most stars.';
  const d = doc(text);
  const e = d.entities.find((x) => x.name === 'Zarvik-4b');
  assert.ok(e, 'Zarvik-4b is an entity');
  assert.equal(e!.type, 'LOC');
  assert.equal(e!.mentions.filter((m) => m.kind === 'name').length, 2);
  // without the rule, nothing makes it an entity
  const restore = withoutRules(['coref.kind-introduced-name']);
  try {
    assert.equal(doc(text).entities.some((x) => x.name === 'Zarvik-4b'), false);
  } finally {
    restore();
  }
});

test('"the planet", "the star", "the band" go to the name the text gave that kind', () => {
  const sky = 'The team observed the planet Zarvik-4b for a year. It orbits its star, Zarvik-4, every two days. Zarvik-4 is a young yellow star. The planet is very hot, and the star is very bright.';
  const d = doc(sky);
  assert.equal(linkOf(d, 'The planet'), 'Zarvik-4b');
  assert.equal(linkOf(d, 'the star'), 'Zarvik-4');
  // apposition with a capitalised adjective, and a description with lower-case modifiers
  const band = 'Tom Kell wrote songs for Velvet Harbour, a British band, until 1999. He left the folk rock band after a tour of Japan.';
  assert.equal(linkOf(doc(band), 'the folk rock band'), 'Velvet Harbour');
  // the copula gives the kind too
  assert.equal(linkOf(doc('Velvet Harbour is a band from Leeds. Tom Kell joined the band in 1990.'), 'the band'), 'Velvet Harbour');
  // switched off, "the band" stays unlinked
  assert.equal(linkWithout('coref.kind-description', band, 'the folk rock band'), '');
});

test('a kind description stays unlinked when two names share the kind, or when it predicates or introduces', () => {
  assert.equal(linkOf(doc('Tom Kell wrote songs for Velvet Harbour, a folk band, and Iron Meadow, a rock band. He left the band in 2001.'), 'the band'), '');
  // a superlative or a copular predicate says what something is (a named subject's predicate is
  // coref.predicate-description's)
  assert.equal(linkWithout('coref.predicate-description', 'Astronomers watched the planet Zarvik-4b. Zarvik-4b is the hottest planet ever found.', 'the hottest planet'), '');
  assert.equal(linkOf(doc('Astronomers watched the planet Zarvik-4b. They say the hottest planet ever found is smaller.'), 'the hottest planet'), '');
  // "the band members" are people, "the band of volunteers" something else
  assert.equal(linkOf(doc('Tom Kell wrote songs for Velvet Harbour, a folk band. The band members were paid.'), 'The band'), '');
  // no name of the kind: nothing to link to
  assert.equal(linkOf(doc('Tom Kell played in a folk band. The band toured Japan.'), 'The band'), '');
});

test('a planet is "it", a band is "they"', () => {
  const d = doc('Astronomers observed the planet Zarvik-4b for a year. The planet takes two days to orbit its star.');
  assert.equal(linkOf(d, 'its star'), 'Zarvik-4b');
  assert.equal(linkWithout('coref.kind-pronoun', 'Astronomers observed the planet Zarvik-4b for a year. The planet takes two days to orbit its star.', 'its star'), '');
  // "its" whose nearest mention is no subject, when the same planet is the sentence's subject
  const e = doc('Astronomers observed the planet Zarvik-4b. Zarvik-4b is locked to its star, with one side of the planet always facing its star.');
  assert.equal(linkOf(e, 'its star', 1), 'Zarvik-4b');
  // a band's "their", when no other plural lies between
  const b = 'Tom Kell wrote songs for rock band Velvet Harbour. Velvet Harbour toured Japan in May, and their new drummer joined in June.';
  assert.equal(linkOf(doc(b), 'their'), 'Velvet Harbour');
  assert.equal(linkWithout('coref.kind-pronoun', b, 'their'), '');
  assert.equal(linkOf(doc('Tom Kell wrote songs for rock band Velvet Harbour. Velvet Harbour toured Japan with the fans, and their new drummer joined in June.'), 'their'), '');
});

test('"he" after a list of people goes past the list to the paragraph\'s subject', () => {
  const text = 'Daniel Ortiz founded the trust in 1990. The board added Mark Hale, Paul Wade, and the lawyer Tom Kell as trustees. He served as its chair until 2001.';
  assert.equal(linkOf(doc(text), 'He served'), 'Daniel Ortiz');
  assert.notEqual(linkWithout('coref.listed-name-not-antecedent', text, 'He served'), 'Daniel Ortiz');
  // one person named alone is still the next sentence's "he"
  assert.equal(linkOf(doc('Daniel Ortiz founded the trust in 1990. The board added Mark Hale as a trustee. He served until 2001.'), 'He served'), 'Mark Hale');
});

test('kinds are not read from what only looks like an apposition, a person\'s fame, or the wrong type', () => {
  // "However, the band has …": a sentence's first word before a subject is no name
  const d = doc('Tom Kell left in 1999. However, the band has recorded two albums since.');
  assert.equal(d.entities.some((e) => e.name === 'However'), false);
  // "film star Mira Sol" is a person, not a star of the sky
  const f = doc('The film launched the career of South films star Mirasol. Mirasol later moved to Chennai.');
  assert.equal(f.entities.some((e) => e.type === 'LOC' && e.name === 'Mirasol'), false);
  // a band's own name as the verb's subject is not its object: "Deathstars supported the band"
  const t = 'Tom Kell wrote songs for rock band Velvet Harbour. The Swedish industrial band Iron Meadow supported the band on tour.';
  assert.notEqual(linkOf(doc(t), 'the band'), 'Iron Meadow');
  // a new one of the kind since the name ("a humongous planet") is what "the planet" means
  const p = 'Astronomers observed the planet Zarvik-4b in May. Later they saw signs of a young planet near another star. The planet may be forming now.';
  assert.equal(linkOf(doc(p), 'The planet'), '');
});
