/**
 * `npm run train:move-codes -- --in FILE --out FILE [--codes ROW,ENTRY] [--self-contained]`: rewrites an NLP model
 * file with its transition model snapped to the 7-bit codes the packed table holds and pruned by code
 * (FrozenPerceptron.coded; what `npm run train -- --accurate --beam 8` does before writing, default "8,6"),
 * without retraining. The shipped beam model is the 16-iteration file of issue 19 round nine
 * (`git show 88d06f9:models/nlp-en-beam.bin.gz`, 23.8 MB, reproduced bit for bit by `npm run train -- --accurate
 * --beam 8`) rewritten with the default codes (docs/nlp.md "Round ten"). Deterministic and idempotent.
 * Like train.ts, it leaves out the tagger, lemmatizer and clusters when the accurate model beside --out holds the
 * same (nlp-model.ts encodeSharing; round eleven), unless --self-contained; a sharing --in is read whole.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { decodeModel, encodeModel, getPerceptron, putPerceptron } from '../src/nlp/model-io.js';
import { ACCURATE_MODEL_FILE, encodeSharing, withShared } from '../src/nlp/nlp-model.js';

const { values } = parseArgs({
  options: {
    in: { type: 'string' },
    out: { type: 'string' },
    codes: { type: 'string', default: '8,6' },
    'self-contained': { type: 'boolean', default: false },
  },
});
if (!values.in || !values.out) throw new Error('usage: move-codes --in FILE --out FILE [--codes ROW,ENTRY] [--self-contained]');
const [row, entry] = values.codes.split(',').map(Number);
if (!Number.isInteger(row) || !Number.isInteger(entry)) throw new Error(`--codes ${values.codes}: expected ROW,ENTRY (whole numbers, codes 0–63)`);
const file = withShared(decodeModel(readFileSync(values.in), values.in), dirname(values.in), values.in);
const moves = getPerceptron(file, 'parser.moves', 3);
const coded = moves.coded(row, entry);
for (const name of Object.keys(file.arrays)) if (name.startsWith('parser.moves.')) delete file.arrays[name];
putPerceptron(file.arrays, 'parser.moves', coded);
const meta = file.header.meta as { hyperparameters?: Record<string, unknown> } | undefined;
if (meta?.hyperparameters) meta.hyperparameters.moveCodes = { row, entry };
const written = values['self-contained'] ? { bytes: encodeModel(file), shared: false, why: '--self-contained' } : encodeSharing(file, dirname(values.out), ACCURATE_MODEL_FILE);
writeFileSync(values.out, written.bytes);
console.log(`${values.out}: transition rows ${moves.keys.length} → ${coded.keys.length}, weights ${moves.vals.length} → ${coded.vals.length}; ${written.bytes.length} bytes; ${written.shared ? `tagger, lemmatizer and clusters read from ${ACCURATE_MODEL_FILE}` : `whole (${written.why})`}`);
