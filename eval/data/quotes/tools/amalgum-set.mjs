// A fresh quote set taken from AMALGUM's Wikinews news files (held3, held4): the selection order and halves by SHA-1, and
// `add`, which appends texts rebuilt by hand (line 1 title, 2 URL, 3 date, then one paragraph a line) to docs.jsonl.
import { readFileSync, appendFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

const sha = (s) => createHash('sha1').update(s).digest('hex');
export const idOf = (name) => `AMALGUM_news_${name}`;

/**
 * `split` names the set (and the hash salt of its halves), `folder` the AMALGUM folder the files come from; `halves: false`
 * for a set that is unseen whole (held5): no half is given. `salt` prefixes the id in the order's hash (held6: a new order;
 * held3–held5 have none). `halfBy(id)`, when given, fixes the half instead of the hash (held7: alternating in taken order).
 */
export function amalgumSet({ split, prefix, folder, listed, halves = true, salt = '', halfBy }) {
  // `halfBy` (held7): a rule of the set's own for the half of an id, instead of the hash of held3/held4
  const halfOf = (id) => (!halves ? undefined : halfBy ? halfBy(id) : parseInt(sha(`${split}-half:${id}`)[0], 16) < 8 ? 'A' : 'B');
  const order = () => [...listed].sort((a, b) => (sha(salt + idOf(a)) < sha(salt + idOf(b)) ? -1 : 1));
  const slug = (t) => `${prefix}-` + t.toLowerCase().normalize('NFKD').replace(/[^a-z0-9 ]+/g, ' ').split(/\s+/)
    .filter((w) => w && !/^(a|an|the|of|in|on|to|for|and|at|as|by)$/.test(w)).slice(0, 4).join('-');
  const add = (files) => {
    for (const f of files) {
      const name = f.replace(/^.*\//, '').replace(/\.txt$/, '');
      const [title, url, date, ...rest] = readFileSync(f, 'utf8').split('\n');
      const id = `amalgum:${idOf(name)}`;
      const text = rest.join('\n').split('\n').map((p) => p.trim()).filter(Boolean).join('\n\n');
      const rec = { id, slug: slug(title), origin: 'wikinews', split, ...(halves ? { half: halfOf(id) } : {}), title, date, url, licence: 'CC BY 2.5',
        attribution: `Wikinews contributors, English Wikinews (${url}); text from AMALGUM (gucorpling/amalgum, ${folder}/${idOf(name)}.xml), rebuilt by hand from its tokens; paragraphs joined by blank lines`,
        text };
      appendFileSync('eval/data/quotes/docs.jsonl', JSON.stringify(rec) + '\n');
      console.log(`${rec.slug}\t${rec.half ?? '-'}\t${text.split(/\s+/).length}`);
    }
  };
  /** The command line: `order` prints the names in selection order with their half; `add FILE...` appends texts. */
  const main = (argv) => {
    const [cmd, ...files] = argv;
    if (cmd === 'order') for (const n of order()) console.log(`${sha(salt + idOf(n)).slice(0, 12)}\t${n}\t${halfOf(`amalgum:${idOf(n)}`) ?? '-'}`);
    else if (cmd === 'add') add(files);
    else { console.error(`usage: ${split}.mjs order | add FILE...`); process.exit(1); }
  };
  return { halfOf, order, slug, add, main };
}
