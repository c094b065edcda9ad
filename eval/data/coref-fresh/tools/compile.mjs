// Compile the hand annotation (eval/data/coref-fresh/ann/<slug>.txt) to docs.jsonl.
// An .ann file: header lines `# key: value` (id, genre, title, url, date, commit), a blank line, then the text,
// one paragraph a line (an interview turn starts with its speaker's label, "Mike Halterman: …"). Mentions are marked
// ⟦words|entity⟧ and may nest: a pronoun's kind comes from its word; `d:` marks a definite description ("the
// minister"), `o:` any other nominal that refers to a named entity ("his mother", an apposition: scored for precision
// only); no prefix is a name. `entity` is the named entity's id, or `-` for none (pleonastic "it", generic "they", a
// group with no name); an id starting `x-` is named but not a person, organisation or place (an event, a work, an object),
// so its pronouns are not scored for accuracy. Head of a name: its last word before " of ", ",", " who", " that",
// " which", else its last word; of a description or nominal also before " and", " for", " in", " at", " (", and before
// a name apposed after the noun ("his wife Miriam" → wife).
// A header `# folder:` names the AMALGUM folder when it is not `amalgum/<genre>/xml` (fresh16's news: amalgum_extra).
//   node eval/data/coref-fresh/tools/compile.mjs [SET]   (repository root) rewrites eval/data/SET/docs.jsonl, SET one of
//   coref-fresh (fresh13, the default), coref-fresh16, coref-fresh19, coref-fresh22 and coref-fresh23; halves from SET's tools/select.mjs
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { halfOf as fresh13Half } from './select.mjs';

const HE_SHE = /^(?:he|him|his|himself|she|her|hers|herself)$/i;
const IT = /^(?:it|its|itself)$/i;
const THEY = /^(?:they|them|their|theirs|themselves)$/i;
const FIRST_SECOND = /^(?:i|me|my|mine|myself|we|us|our|ours|ourselves|you|your|yours|yourself|yourselves)$/i;

function kindOf(words, prefix) {
  if (prefix === 'd') return 'description';
  if (prefix === 'o') return 'other';
  // "US" the country, not "us": a pronoun is never written in capitals of two letters or more
  if (/^[A-Z]{2,}$/.test(words)) return 'name';
  if (HE_SHE.test(words)) return 'he/she';
  if (IT.test(words)) return 'it';
  if (THEY.test(words)) return 'they';
  if (FIRST_SECOND.test(words)) return 'first/second';
  return 'name';
}

function head(text, start, kind) {
  if (kind !== 'name' && kind !== 'description' && kind !== 'other') return [start, start + text.length];
  const cut = text.search(kind === 'name' ? / of |,| who | that | which / : / of |,| who | that | which | and | for | in | at | \(/);
  let core = (cut > 0 ? text.slice(0, cut) : text).replace(/(?:'s|’s|')$/, '').trimEnd();
  if (kind !== 'name') {
    // a name apposed after the noun is not the head: "his wife Miriam", "the planet KELT-9b" (UD's head is the noun);
    // a title in capitals stays its own head: "the Prime Minister", "Amtrak's CEO"
    const words = core.split(' ');
    let n = words.length;
    while (n > 1 && /^[A-Z]/.test(words[n - 1])) n--;
    if (n < words.length && /^[a-z]/.test(words[n - 1]) && !/^(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your)$/.test(words[n - 1])) core = words.slice(0, n).join(' ');
  }
  const last = core.lastIndexOf(' ') + 1;
  return [start + last, start + core.length];
}

/** `halfOf` is the set's own half rule (fresh13's by default). */
export function compile(source, file = '', halfOf = fresh13Half) {
  const [headerPart, ...body] = source.split(/\n\n/);
  const meta = Object.fromEntries(headerPart.split('\n').map((l) => /^# (\w+): (.*)$/.exec(l)).filter(Boolean).map((m) => [m[1], m[2].trim()]));
  const marked = body.join('\n').split('\n').map((p) => p.trim()).filter(Boolean).join('\n\n');
  let text = '';
  const stack = [];
  const mentions = [];
  for (let i = 0; i < marked.length; i++) {
    const c = marked[i];
    if (c === '⟦') {
      const m = /^([do]):/.exec(marked.slice(i + 1, i + 3));
      stack.push({ start: text.length, prefix: m ? m[1] : '' });
      if (m) i += 2;
    } else if (c === '⟧') throw new Error(`${file}: stray ⟧ at ${i}`);
    else if (c === '|' && stack.length) {
      const close = marked.indexOf('⟧', i);
      const entity = marked.slice(i + 1, close);
      if (!/^(?:-|[a-z0-9][a-z0-9-]*)$/.test(entity)) throw new Error(`${file}: bad entity ${JSON.stringify(entity)} at ${i}`);
      const open = stack.pop();
      const words = text.slice(open.start);
      const kind = kindOf(words, open.prefix);
      const [headStart, headEnd] = head(words, open.start, kind);
      mentions.push({ start: open.start, end: text.length, headStart, headEnd, text: words, kind, entity: entity === '-' ? null : entity });
      i = close;
    } else text += c;
  }
  if (stack.length) throw new Error(`${file}: unclosed ⟦ at ${stack[0].start}`);
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  const id = meta.id;
  return {
    id, slug: file.replace(/^.*\//, '').replace(/\.txt$/, ''), genre: meta.genre, half: halfOf(id), title: meta.title, date: meta.date, url: meta.url,
    licence: 'CC BY 2.5',
    attribution: `Wikinews contributors, English Wikinews (${meta.url}); text from AMALGUM (gucorpling/amalgum, commit ${meta.commit}, ${meta.folder ?? `amalgum/${meta.genre}/xml`}/${id.replace(/^amalgum:/, '')}.xml), rebuilt by hand from its tokens; paragraphs joined by blank lines; coreference annotated by hand`,
    text, mentions,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const set = process.argv[2] ?? 'coref-fresh';
  if (!/^coref-fresh(?:16|19|22|23)?$/.test(set)) throw new Error(`unknown set ${set}: coref-fresh, coref-fresh16, coref-fresh19, coref-fresh22 or coref-fresh23`);
  const DIR = `eval/data/${set}`;
  const { halfOf } = await import(`../../${set}/tools/select.mjs`);
  const files = readdirSync(`${DIR}/ann`).filter((f) => f.endsWith('.txt')).sort();
  const docs = files.map((f) => compile(readFileSync(`${DIR}/ann/${f}`, 'utf8'), f, halfOf));
  writeFileSync(`${DIR}/docs.jsonl`, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  for (const d of docs) {
    const n = (k) => d.mentions.filter((m) => m.kind === k && m.entity).length;
    const none = d.mentions.filter((m) => m.kind !== 'name' && !m.entity).length;
    console.log(`${d.slug}\t${d.genre}\t${d.half}\t${d.text.split(/\s+/).length} words\the/she ${n('he/she')} it ${n('it')} they ${n('they')} desc ${n('description')} 1st/2nd ${n('first/second')} other ${n('other')} unnamed ${none}`);
  }
}
