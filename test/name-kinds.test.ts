import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kindNames } from '../src/extract/name-kinds.js';
import type { TokenSpan } from '../src/extract/name-spans.js';

/** The spans kindNames leaves on a document (sentences split at spaces), given [sentence, start, end, type] spans. */
function kinds(doc: string[], given: [number, number, number, TokenSpan['type']][]): string[] {
  const sentences = doc.map((s) => s.split(' '));
  const out: TokenSpan[][] = sentences.map(() => []);
  for (const [k, start, end, type] of given) out[k].push({ start, end, type });
  kindNames(sentences, out, () => {});
  return out.flatMap((spans, k) => spans.map((s) => `${sentences[k].slice(s.start, s.end).join(' ')}/${s.type}`));
}

test('a name beside a vehicle noun is a product in every mention of the article', () => {
  // apposition after the name; the article's other mentions follow
  assert.deepEqual(
    kinds(['The Tallert Alabama , a US-flagged container ship , was attacked .', 'The crew of Tallert Alabama escaped .'], [[0, 1, 3, 'GPE'], [1, 3, 5, 'ORG']]),
    ['Tallert Alabama/PRODUCT', 'Tallert Alabama/PRODUCT'],
  );
  // right after the noun, also where the models left it untagged
  assert.deepEqual(kinds(['She was sent to the cruise ship Zelwinds in 1996 .', 'Zelwinds sailed on .'], [[1, 0, 1, 'PERSON']]), ['Zelwinds/PRODUCT', 'Zelwinds/PRODUCT']);
  // behind a ship's prefix the name is a name whatever follows it
  assert.deepEqual(kinds(['The cargo ship MV Tallert Star vanished at sea .'], []), ['Tallert Star/PRODUCT']);
  assert.deepEqual(kinds(['The cargo ship MV Tallert vanished at sea .', 'Tallert was found .'], [[0, 4, 5, 'PERSON'], [1, 0, 1, 'PERSON']]), ['Tallert/PRODUCT', 'Tallert/PRODUCT']);
  // a sentence-opening subject of "is a … NOUN"
  assert.deepEqual(kinds(['Zardust is a NASA space capsule that landed .', 'They studied Zardust .'], [[0, 3, 4, 'ORG'], [1, 2, 3, 'PERSON']]), ['Zardust/PRODUCT', 'NASA/ORG', 'Zardust/PRODUCT']);
  // a moon, a band
  assert.deepEqual(kinds(["They studied Jupiter 's moon Zeuropa today ."], [[0, 2, 3, 'PERSON'], [0, 5, 6, 'ORG']]), ['Jupiter/PERSON', 'Zeuropa/LOC']);
  assert.deepEqual(kinds(['She sang for Irish rock band The Cranberries .'], [[0, 3, 4, 'NORP'], [0, 7, 8, 'GPE']]), ['Irish/NORP', 'Cranberries/ORG']);
});

test('a verb, a modifier, a person named in full and fame are spared', () => {
  // "ship" the verb, after a function word
  assert.deepEqual(kinds(['They will ship Tallert phones next week .'], [[0, 3, 4, 'ORG']]), ['Tallert/ORG']);
  // a name that goes on into a lower-case word is its modifier ("the ship Tallert visited")
  assert.deepEqual(kinds(['He boarded the ship Tallert visited .'], [[0, 4, 5, 'PERSON']]), ['Tallert/PERSON']);
  // "star" names fame too: no person is a star by the noun
  assert.deepEqual(kinds(["It was the film 's star Tom Kell ."], [[0, 6, 8, 'PERSON']]), ['Tom Kell/PERSON']);
  assert.deepEqual(kinds(['Madonna , a pop star , sang .'], [[0, 0, 1, 'PERSON']]), ['Madonna/PERSON']);
  // a full person name is no vehicle by an apposition, and a ship named after a person leaves the person's other mentions
  assert.deepEqual(kinds(['Tom Kell , a rescue ship , sailed .'], [[0, 0, 2, 'PERSON']]), ['Tom Kell/PERSON']);
  assert.deepEqual(
    kinds(['They named the ship after Alan Kurdi , a child .', 'Their ship , MV Alan Kurdi , sailed .'], [[0, 5, 7, 'PERSON'], [1, 4, 6, 'PERSON']]),
    ['Alan Kurdi/PERSON', 'Alan Kurdi/PRODUCT'],
  );
  // a surname of a person named in full keeps its person mentions; a prefix alone is no name; ", the ship is" is a clause
  assert.deepEqual(
    kinds(['Tom Kell wrote novels .', 'Kell was born in 1799 .', 'The rock band Kell is named after him .'], [[0, 0, 2, 'PERSON'], [1, 0, 1, 'PERSON'], [2, 3, 4, 'GPE']]),
    ['Tom Kell/PERSON', 'Kell/PERSON', 'Kell/ORG'],
  );
  assert.deepEqual(kinds(['It was sunk by the cruiser HMS " Tallert " .'], []), []);
  assert.deepEqual(kinds(['During the years in the Delta Zone , the ship is repaired .'], [[0, 5, 7, 'LOC']]), ['Delta Zone/LOC']);
  // two kinds for the same words: left as they are
  assert.deepEqual(kinds(['The ship Tallert sank .', 'The band Tallert played .'], [[0, 2, 3, 'ORG'], [1, 2, 3, 'PERSON']]), ['Tallert/ORG', 'Tallert/PERSON']);
});
