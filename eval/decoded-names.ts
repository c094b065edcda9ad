/**
 * The names a rule example is written against (`node dist/eval/decoded-names.js "TEXT" …`): for
 * each text, what the recogniser and its organisation companion decode before any rule, written
 * as given names ("phrase/TYPE") for a rule's `fires`/`spares` example (src/rules/registry.ts
 * RuleExample), and the ner stage's names after the rules (the example's `names`).
 * CHRONICLE_NER_MODEL=DIR: another model pair.
 */
import { Doc } from '../src/doc.js';
import { tokenizeStage } from '../src/nlp/sentences.js';
import { decodedNamesOf, getNerModel, nerModelError, nerStage } from '../src/extract/ner.js';

const texts = process.argv.slice(2);
if (texts.length === 0) throw new Error('usage: node dist/eval/decoded-names.js "TEXT" …');
const model = getNerModel();
if (!model) throw new Error(`no recogniser: ${nerModelError()}`);
for (const text of texts) {
  const doc = new Doc({ text });
  tokenizeStage.run(doc);
  nerStage.run(doc);
  const given = decodedNamesOf(model, doc);
  const names = doc.mentions.map((m) => `${m.text}/${m.type}`);
  console.log(JSON.stringify({ text, ...given, names }));
}
