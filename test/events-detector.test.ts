// The learned event detector: cross-validated on the annotated set by whole document (raw text
// through the real pipeline), it must hold floors near the figures in docs/events.md and beat the
// rule coder; the shipped model must load and carry its calibration and thresholds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crossValidation, prepare } from '../train/events.js';
import { scores } from '../train/events-set.js';
import { readDetectorModel } from '../src/extract/events/detector.js';

test('the shipped detector model loads with its thresholds and a monotone calibration', () => {
  const model = readDetectorModel();
  assert.ok(model, 'models/events/detector.json.gz is missing');
  assert.equal(model.classes[0], 'NONE');
  assert.equal(model.classes.length, 17);
  assert.ok(model.threshold > 0 && model.threshold < 1);
  const { y } = model.calibration;
  for (let k = 1; k < y.length; k++) assert.ok(y[k] >= y[k - 1], 'calibration must not decrease');
});

test('cross-validated on the annotated set, the detector beats the rule coder and holds its floors', () => {
  const cv = crossValidation(prepare());
  const after = scores(cv.wikinews), before = scores(cv.rulesWikinews);
  // figures (docs/events.md): rules P 0.560 R 0.288 type 0.662; detector P 0.722 R 0.726 type 0.827
  // (with the retrained recogniser of issue 13: P 0.740 → 0.722, R 0.703 → 0.726, same F1;
  // with group participants and the retrained detector: P 0.715 R 0.731 type 0.832 all right 0.343)
  assert.ok(after.precision >= 0.70, `event precision ${after.precision.toFixed(3)}`);
  assert.ok(after.recall >= 0.58, `event recall ${after.recall.toFixed(3)}`);
  assert.ok(after.typeAccuracy >= 0.8, `type accuracy ${after.typeAccuracy.toFixed(3)}`);
  assert.ok(after.factualityAccuracy >= 0.8, `factuality accuracy ${after.factualityAccuracy.toFixed(3)}`);
  assert.ok(after.allRightPrecision >= 0.30, `all right ${after.allRightPrecision.toFixed(3)}`);
  // roles (issue 14 item 3; group participants, clause control): actor 0.470 → 0.619, recipient 0.437 → 0.629
  assert.ok(after.actorAccuracy >= 0.58, `actor accuracy ${after.actorAccuracy.toFixed(3)}`);
  assert.ok(after.recipientAccuracy >= 0.58, `recipient accuracy ${after.recipientAccuracy.toFixed(3)}`);
  assert.ok(after.precision > before.precision && after.recall > before.recall, 'the detector must beat the rule coder');
  // confidence is calibrated: in each well-filled bin the share right is near the mean confidence
  for (const bin of cv.reliability) if (bin.n >= 50) assert.ok(Math.abs(bin.mean - bin.right) < 0.1, JSON.stringify(bin));
});

test('the detector scores a candidate from its hashed features exactly as from their names', async () => {
  const { createPipeline } = await import('../src/extract.js');
  const { describeCandidates } = await import('../src/extract/events/coder.js');
  const { defaultLexicon } = await import('../src/extract/events/lexicon.js');
  const { candidateFeatures } = await import('../src/extract/events/features.js');
  const { barVetoedType, brownLookup, classProbabilities, defaultDetector } = await import('../src/extract/events/detector.js');
  const detector = defaultDetector();
  const model = readDetectorModel();
  assert.ok(detector && model);
  const doc = createPipeline().without('events').process({
    id: 'hashed', published: '2024-03-02',
    text: 'Rebels abducted two engineers near the border on Monday. The army said it had arrested three suspects, ' +
      'and the minister condemned the attack. Talks between the two governments will resume next week.',
  });
  const { candidates } = describeCandidates(doc, defaultLexicon(), {}, true, detector.nouns);
  assert.ok(candidates.length >= 4, `candidates: ${candidates.length}`);
  const clusters = model.clusters ? brownLookup() ?? undefined : undefined;
  for (const { p, ctx } of candidates) {
    const names = candidateFeatures(p, ctx, clusters);
    const expected = classProbabilities(model, names);
    if (model.hardVetoes) barVetoedType(p, ctx, model.classes, expected);
    const got: Float64Array = detector.read(p, ctx).probs;
    assert.deepEqual([...got], [...expected], `${p.lemma}: ${names.length} features`);
  }
});
