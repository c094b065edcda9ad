// ner-fresh23: compiles the hand annotation (ann/<name>.ann, anchored by text) into gold.jsonl (character offsets), with
// the same format and rules as ner-news (eval/data/ner-news/tools/compile.mjs, through ../../ner-news/tools/amalgum-set.mjs).
//   node eval/data/ner-fresh23/tools/compile.mjs [--check]     writes gold.jsonl (--check: only verifies it is current)
// Prints only totals by type (no names): the set is unseen, lead-only.
import { compileSet, compileSetCli, readSetDocs } from '../../ner-news/tools/amalgum-set.mjs';

const DIR = 'eval/data/ner-fresh23';

export const readDocs = () => readSetDocs(DIR);
export const compileAll = () => compileSet(DIR);

if (import.meta.url === `file://${process.argv[1]}`) compileSetCli(DIR, process.argv.slice(2));
