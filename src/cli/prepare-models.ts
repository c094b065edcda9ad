/**
 * `npm install` (prepare) builds the load-ready form of the compressed models in models/ (see
 * src/nlp/model-io.ts readyModel), so the first `chronicle` command starts as fast as the later
 * ones. A model that cannot be built now is built on first use instead; this never fails the install.
 */
import { join } from 'node:path';
import { ActorIndex, DEFAULT_ACTOR_MODEL } from '../extract/actors/index.js';
import { defaultModelDir } from '../extract/ner.js';
import { loadCapLexicon, loadGazetteer, loadWeights, MODEL_FILES } from '../extract/ner-model.js';
import { ACCURATE_MODEL_FILE, BEAM_MODEL_FILE, defaultModelPath, loadReadyNlp, modelsDir } from '../nlp/nlp-model.js';
import { getBrownClusters } from '../nlp/representations.js';
import { gazetteer } from '../extract/places/gazetteer.js';
import { readReadyDetector } from '../extract/events/detector.js';
import { gazetteer as nameGazetteer } from '../extract/gazetteer.js';
import { defaultLexicon } from '../extract/events/lexicon.js';

const t0 = performance.now();
const made: string[] = [];
for (const [name, build] of [
  ['NLP model', () => loadReadyNlp(defaultModelPath())],
  ['accurate NLP model', () => loadReadyNlp(join(modelsDir(), ACCURATE_MODEL_FILE))],
  ['beam-search NLP model', () => loadReadyNlp(join(modelsDir(), BEAM_MODEL_FILE))],
  ['actor index', () => ActorIndex.fromFile(process.env.CHRONICLE_ACTORS ?? DEFAULT_ACTOR_MODEL)],
  ['NER weights', () => loadWeights(join(defaultModelDir(), MODEL_FILES.weights))],
  ['NER organisation companion', () => loadWeights(join(defaultModelDir(), MODEL_FILES.orgWeights))],
  ['NER gazetteer', () => loadGazetteer(join(defaultModelDir(), MODEL_FILES.gazetteer))],
  ['NER capitalisation lexicon', () => loadCapLexicon(join(defaultModelDir(), MODEL_FILES.lexicon))],
  ['Brown clusters', () => getBrownClusters()],
  ['places index', () => gazetteer()],
  ['event detector', () => readReadyDetector()],
  ['name gazetteer', () => nameGazetteer()],
  ['event lexicon', () => defaultLexicon()],
] as const) {
  try {
    build();
    made.push(name);
  } catch (err) {
    process.stderr.write(`chronicle: the load-ready ${name} was not built now (${(err as Error).message}); it will be on first use\n`);
  }
}
process.stdout.write(`chronicle: load-ready ${made.join(', ')} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
