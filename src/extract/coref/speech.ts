/**
 * First person inside quotes (stage `coref-speech`, after quotes, issue 23 item 2): in a direct
 * quote whose speaker is known, "I", "me", "my", "myself" are the speaker when the speaker is a
 * person; "we", "us", "our" are the speaker when the speaker is an organisation or a government
 * ("We will not negotiate," the ministry said). A person's "we" is their side, not them, and "you" is
 * whoever they address: both stay unlinked. Nothing outside a quote is touched, so a byline's author
 * never gains the story's "I".
 */
import type { Doc, Mention } from '../../doc.js';
import type { Stage } from '../../pipeline.js';
import { speechPerson } from './words.js';

export function resolveSpeech(doc: Doc): number {
  const byId = new Map(doc.entities.map((e) => [e.id, e]));
  const taken = new Set<number>();
  for (const e of doc.entities) for (const m of e.mentions) taken.add(m.start);
  let added = 0;
  for (const q of doc.quotes) {
    if (q.kind !== 'direct' || !q.speaker) continue;
    const speaker = byId.get(q.speaker);
    if (!speaker) continue;
    const person = speaker.type === 'PERSON';
    const body = speaker.type === 'ORG' || speaker.type === 'GPE';
    if (!person && !body) continue;
    for (let i = doc.tokenAt(q.start); i < doc.tokens.length && doc.tokens[i].start < q.end; i++) {
      const t = doc.tokens[i];
      if (t.start < q.start || taken.has(t.start)) continue;
      const who = speechPerson(t.text);
      if (!((who === 'I' && person) || (who === 'we' && body))) continue;
      const m: Mention = { start: t.start, end: t.end, text: t.text, kind: 'pronoun', type: speaker.type, entity: speaker.id, source: 'coref-speech' };
      speaker.mentions.push(m);
      taken.add(t.start);
      added++;
    }
  }
  if (added) {
    for (const e of doc.entities) e.mentions.sort((a, b) => a.start - b.start);
    doc.mentions = doc.entities.flatMap((e) => e.mentions).sort((a, b) => a.start - b.start);
  }
  return added;
}

export const corefSpeechStage: Stage = {
  name: 'coref-speech',
  requires: ['tokens', 'quotes'], uses: ['entities', 'coref'], provides: ['coref.speech'],
  run(doc: Doc) {
    resolveSpeech(doc);
  },
};
