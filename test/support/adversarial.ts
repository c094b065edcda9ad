/**
 * Adversarial input families: ordinary-looking news text built to make any stage whose cost
 * grows faster than the text show it. Each family stresses one kind of lookup:
 *  - org-place: organisations, places and nationalities side by side (mention settling, typing);
 *  - lists: long lists of people sharing surnames and given names (name clustering, coreference);
 *  - quotes: quotes and speakers, closed, unclosed and nested, in long paragraphs (quote pass);
 *  - titles: titles, roles, family relations and acronyms (relations, actors, acronym linking);
 *  - dates: dates, weekdays and relative times (times stage, event dating);
 *  - events: abductions, releases, arrests with their participants (events, coreference);
 *  - pronouns: pronouns and nominals referring back over long distances (coreference);
 *  - markup: an article page (paragraphs, links, lists, captions, nested containers).
 * The text is generated from a seeded generator, so a family at a size is always the same.
 * Used by test/complexity.test.ts (50 KB against 200 KB), bench/complexity.ts (up to 5 MB)
 * and `npm run fuzz`.
 */

export const TEXT_FAMILIES = ['org-place', 'lists', 'quotes', 'titles', 'dates', 'events', 'pronouns'] as const;
export const FAMILIES = [...TEXT_FAMILIES, 'markup'] as const;
export type Family = (typeof FAMILIES)[number];

import { seededRandom as rng } from '../../src/nlp/random.js';
/** A small deterministic generator (mulberry32; src/nlp/random.ts). */
export { rng };

const GIVEN = ['Anna', 'Boris', 'Elena', 'Yusuf', 'Maria', 'Ahmed', 'Sasha', 'Fatima', 'David', 'Irina', 'Omar', 'Leila', 'Pieter', 'Chen', 'Amadou', 'Noa'];
const SURNAMES = ['Petrova', 'Ivanov', 'Trufanov', 'Haddad', 'Kovacs', 'Mansour', 'Cohen', 'Diallo', 'van der Berg', 'Nguyen', 'Okafor', 'Rahman'];
const ORGS = ['the United Nations', 'Hamas', 'the Red Cross', 'the World Food Programme', 'Amnesty International', 'the European Union', 'Hezbollah', 'the Rapid Support Forces', 'Reuters', 'the Foreign Ministry'];
const PLACES = ['Israel', 'Gaza', 'Khartoum', 'Kyiv', 'Bamako', 'Tehran', 'Geneva', 'Doha', 'Cairo', 'Beirut', 'Moscow', 'Kidal'];
const NATIONALITIES = ['French', 'Egyptian', 'Qatari', 'Russian', 'Ukrainian', 'Malian', 'Iranian', 'Israeli', 'American', 'Sudanese'];
const TITLES = ['President', 'Prime Minister', 'Foreign Minister', 'General', 'Ambassador', 'Secretary-General', 'Judge', 'Colonel'];
const ROLES = ['spokesman', 'mother', 'lawyer', 'son', 'brother', 'envoy', 'commander', 'wife'];
const VERBS = ['abducted', 'released', 'arrested', 'freed', 'detained', 'met', 'accused', 'sentenced', 'kidnapped', 'handed over'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const PRONOUNS = ['He', 'She', 'They', 'His mother', 'Her lawyer', 'The group', 'The minister', 'Its leader'];

/** One sentence (or short paragraph) of a family. */
function unit(family: Family, r: () => number, i: number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const person = () => `${pick(GIVEN)} ${pick(SURNAMES)}`;
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  switch (family) {
    case 'org-place':
      // the issue's sentence, and the same shape with other names
      return i % 3 === 0
        ? 'The United Nations and Hamas met in Israel and Gaza with French and Egyptian officials. '
        : `${cap(pick(ORGS))} and ${pick(ORGS)} met in ${pick(PLACES)} and ${pick(PLACES)} with ${pick(NATIONALITIES)} and ${pick(NATIONALITIES)} officials from the ${pick(PLACES)} Office of ${pick(ORGS).replace(/^the /, '')}. `;
    case 'lists': {
      const n = 8 + Math.floor(r() * 25);
      const names = Array.from({ length: n }, () => (r() < 0.3 ? pick(SURNAMES) : `${person()}${r() < 0.4 ? `, ${18 + Math.floor(r() * 60)}` : ''}`));
      return `Those released included ${names.slice(0, -1).join(', ')} and ${names[n - 1]}, officials in ${pick(PLACES)} said. ${pick(SURNAMES)} was among them. `;
    }
    case 'quotes': {
      const k = i % 5;
      if (k === 0) return `"We will not stop until they are home," said ${person()}, ${pick(ROLES)} of one of the hostages. `;
      if (k === 1) return `"Yes," ${pick(['he', 'she'])} said. "No. Never. ${pick(ORGS)} knows why," ${pick(['he', 'she'])} added. `;
      if (k === 2) return `${person()} told reporters: "They took him from ${pick(PLACES)} on ${pick(WEEKDAYS)} and we heard nothing. `; // left open
      if (k === 3) return `According to ${pick(ORGS)}, “the talks in ${pick(PLACES)} ‘failed again,’ as ${person()} put it.” `;
      return `"${pick(PLACES)} is quiet," the ${pick(ROLES)} said, "but '${pick(ORGS)}' is not."\n\n`;
    }
    case 'titles':
      return `${pick(TITLES)} ${person()}, whose ${pick(ROLES)} ${person()} was ${pick(VERBS)} by ${pick(ORGS)} (${['UN', 'WFP', 'RSF', 'EU', 'ICRC'][i % 5]}), met ${pick(NATIONALITIES)} ${pick(TITLES)} ${person()} and the ${pick(ROLES)} of ${pick(TITLES)} ${person()} in ${pick(PLACES)}. `;
    case 'dates':
      return `On ${pick(WEEKDAYS)}, ${pick(MONTHS)} ${1 + Math.floor(r() * 28)}, ${2015 + Math.floor(r() * 10)}, two days after the ${1 + Math.floor(r() * 28)} ${pick(MONTHS)} talks and ${pick(['last week', 'a year earlier', 'the next day', 'in 2019', 'since October 7', 'by mid-2024'])}, ${person()} was ${pick(VERBS)} at 10:30 a.m. `;
    case 'events':
      return `${cap(pick(ORGS))} ${pick(VERBS)} ${person()} and ${person()} in ${pick(PLACES)} on ${pick(WEEKDAYS)}, and police ${pick(VERBS)} ${r() < 0.5 ? 'two men' : person()} near ${pick(PLACES)}. `;
    case 'pronouns':
      return i % 4 === 0
        ? `${person()} was ${pick(VERBS)} in ${pick(PLACES)}. `
        : `${pick(PRONOUNS)} said ${pick(['he', 'she', 'they', 'it'])} had told ${pick(['him', 'her', 'them'])} that ${pick(['his', 'her', 'their', 'its'])} ${pick(ROLES)} was ${pick(VERBS)}. `;
    case 'markup': {
      const text = `${cap(pick(ORGS))} said ${person()} was ${pick(VERBS)} in ${pick(PLACES)} on ${pick(WEEKDAYS)}, ${pick(MONTHS)} ${1 + Math.floor(r() * 28)}.`;
      const k = i % 6;
      if (k === 0) return `<div class="para"><p>${text} <a href="/a/${i}">Read more</a> about <b><i>${pick(PLACES)}</i></b>.</p></div>\n`;
      if (k === 1) return `<figure><img src="/i/${i}.jpg" alt=""><figcaption>${text} (Reuters)</figcaption></figure>\n`;
      if (k === 2) return `<ul class="related"><li><a href="/r/${i}">${pick(ORGS)}</a></li><li><a href="/s/${i}">${pick(PLACES)}</a></li></ul>\n`;
      if (k === 3) return `<section><div><div><article-part><p>${text}</p><p>${text.replace(/\.$/, '')}, officials said.</p></article-part></div></div></section>\n`;
      if (k === 4) return `<p>${text}<br>${text}<span class="share">Share</span></p><!-- ad --><script>var x = ${i};</script>\n`;
      return `<blockquote><p>"${text}"</p></blockquote><table><tr><td>${pick(PLACES)}</td><td>${i}</td></tr></table>\n`;
    }
  }
}

/** A text (or, for 'markup', an HTML page) of the family of about `bytes` characters. */
export function adversarial(family: Family, bytes: number, seed = 1): string {
  const r = rng(seed * 7919 + FAMILIES.indexOf(family));
  const parts: string[] = [];
  let size = 0;
  // paragraphs of about twenty units, as news has (the quotes family also breaks its own)
  for (let i = 0; size < bytes; i++) {
    const u = unit(family, r, i) + (family !== 'markup' && i % 20 === 19 ? '\n\n' : '');
    parts.push(u);
    size += u.length;
  }
  const body = parts.join('');
  if (family !== 'markup') return body;
  return `<!DOCTYPE html><html lang="en"><head><title>A story - Example News</title><meta property="article:published_time" content="2024-03-04T10:00:00Z"></head><body><nav><a href="/">Home</a></nav><main><article><h1>A story</h1>\n${body}</article></main><footer>© Example News</footer></body></html>`;
}
