/**
 * A peer's whole-process extraction of one document, for the start-up comparison (startup.ts):
 * `node startup-peer.js compromise|wink FILE` loads the library, reads the file and prints what
 * it finds, as `chronicle extract` does for its own layers.
 */
import { readFileSync } from 'node:fs';

const [which, file] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');

if (which === 'compromise') {
  const { default: nlp } = await import('compromise');
  const { default: datesPlugin } = await import('compromise-dates');
  const doc = nlp.extend(datesPlugin as Parameters<typeof nlp.extend>[0])(text) as ReturnType<typeof nlp> & { dates?: () => { json: () => unknown } };
  process.stdout.write(JSON.stringify({
    people: doc.people().json(), places: doc.places().json(), organizations: doc.organizations().json(),
    quotations: doc.quotations().json(), dates: doc.dates?.().json(),
  }) + '\n');
} else if (which === 'wink') {
  const { default: winkNLP } = await import('wink-nlp');
  const { default: model } = await import('wink-eng-lite-web-model');
  const nlp = winkNLP(model);
  const doc = nlp.readDoc(text);
  process.stdout.write(JSON.stringify({ entities: doc.entities().out(nlp.its.detail), pos: doc.tokens().out(nlp.its.pos) }) + '\n');
} else {
  process.stderr.write('usage: startup-peer.js compromise|wink FILE\n');
  process.exitCode = 2;
}
