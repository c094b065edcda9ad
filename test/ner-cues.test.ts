import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// a cue file of our own, read instead of models/ner/cues.tsv.gz (set before the module loads it)
const dir = mkdtempSync(join(tmpdir(), 'chronicle-cues-'));
const cueFile = join(dir, 'cues.tsv.gz');
writeFileSync(cueFile, gzipSync([
  'brakowicz tallert\t12\t0\t92\t8\t0', // an organisation by its cues
  'orvendal\t12\t50\t50\t0\t0', // split between person and organisation
  'quendiro\t3\t0\t100\t0\t0', // too few cues
  'zelvana\t40\t0\t10\t90\t0', // a place
].join('\n') + '\n'));
process.env.CHRONICLE_NER_CUES = cueFile;
const { cueOrganisation } = await import('../src/extract/ner-cues.js');
const { Doc } = await import('../src/doc.js');
const { tokenizeStage } = await import('../src/nlp/sentences.js');
const { namesStage, corpusCues } = await import('../src/extract/names.js');
const { withoutRules } = await import('../src/rules/registry.js');

test('cue profiles: an organisation needs 5 cues, 80 % of them for organisations', () => {
  assert.equal(cueOrganisation(['Brakowicz', 'Tallert']), true);
  assert.equal(cueOrganisation(['BRAKOWICZ', 'TALLERT']), true, 'looked up in lower case');
  assert.equal(cueOrganisation(['Orvendal']), false, 'split between classes');
  assert.equal(cueOrganisation(['Quendiro']), false, 'too few cues');
  assert.equal(cueOrganisation(['Zelvana']), false, 'a place');
  assert.equal(cueOrganisation(['Brakowicz']), false, 'a run is looked up whole');
});

function ruleNames(text: string): string[] {
  const doc = new Doc({ text });
  tokenizeStage.run(doc);
  namesStage.run(doc);
  return doc.mentions.filter((m) => m.source === 'rules').map((m) => `${m.text}/${m.type}`);
}

test('names.corpus-cues: a chunk the cues call an organisation is one where nothing else types it', () => {
  const text = 'Analysts said Brakowicz Tallert would cut prices again, and Orvendal agreed.';
  const on = ruleNames(text);
  assert.ok(on.includes('Brakowicz Tallert/ORG'), on.join(', '));
  assert.ok(!on.includes('Orvendal/ORG'), on.join(', '));
  const undo = withoutRules([corpusCues.id]);
  let off: string[];
  try {
    off = ruleNames(text);
  } finally {
    undo();
  }
  assert.ok(!off.includes('Brakowicz Tallert/ORG'), 'without the rule the chunk is a weak person guess');
});
