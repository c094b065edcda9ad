/**
 * The wire dateline a story opens with: "TRIPOLI, Lebanon —", "KYIV, Ukraine (Reuters) -",
 * "GAZA CITY --", "WASHINGTON, Feb. 16, 2025 (AP) —". Its place is where the reporter filed from,
 * the usual place of what the article tells when a sentence names none.
 */

export interface Dateline {
  /** the place as written ("TRIPOLI") and where */
  place: { start: number; end: number; text: string };
  /** the region or country after it ("Lebanon"), when written */
  within: { start: number; end: number; text: string } | null;
}

/** How far into the text a dateline may start (after a headline, a byline and a date line). */
const SEARCH = 600;

// PLACE[, Region][, Feb. 16[, 2025]][ (Agency)] — ; the place in capitals, or any capitalised
// words when an agency in brackets shows it is a dateline
const DATELINE =
  /^(\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3})(?:, (\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}))?(?:, \p{Lu}[a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)?( ?\([\p{L} .&-]{1,30}\))? ?(?:—|–|--|-|―) ?(?=\S)/u;

/** The dateline opening one of the text's first lines, or null. */
export function findDateline(text: string): Dateline | null {
  let at = 0;
  while (at < Math.min(text.length, SEARCH)) {
    const nl = text.indexOf('\n', at);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(at, Math.min(lineEnd, at + 200));
    const m = DATELINE.exec(line);
    if (m) {
      const place = m[1];
      const caps = /^[\p{Lu}\s.'’-]+$/u.test(place) && /\p{Lu}{2}/u.test(place);
      if (caps || m[3]) {
        const within = m[2];
        const w = within ? at + m[0].indexOf(within, place.length) : -1;
        return {
          place: { start: at, end: at + place.length, text: place },
          within: within ? { start: w, end: w + within.length, text: within } : null,
        };
      }
    }
    if (nl < 0) break;
    at = nl + 1;
  }
  return null;
}
