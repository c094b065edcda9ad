/**
 * `npm install` (prepare) builds the load-ready form of the compressed models in models/ (see
 * model-io.ts readyModel), so the first `chronicle` command starts as fast as the later ones.
 * A model that cannot be built now is built on first use instead; this never fails the install.
 */
import { defaultModelPath, loadReadyNlp } from './nlp-model.js';

try {
  const t0 = performance.now();
  const { built } = loadReadyNlp(defaultModelPath());
  if (built) process.stdout.write(`chronicle: load-ready NLP model built in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
} catch (err) {
  process.stderr.write(`chronicle: the load-ready NLP model was not built now (${(err as Error).message}); it will be on first use\n`);
}
