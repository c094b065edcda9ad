/**
 * Limits on hostile input that are cheap to check before the expensive work starts.
 *
 * Markup depth: the DOM library recurses once per level of nesting and Readability walks
 * ancestors of every node, so a page nested a few thousand levels deep overflows the stack
 * and a few hundred levels already costs seconds (250 levels ≈ 2 s, 500 ≈ 11 s, 1,000 ≈ 65 s
 * measured on this machine). Real article pages nest 10–60 levels; a page deeper than the
 * limit is refused with a clear error before it is parsed. The depth is estimated with a
 * linear scan that follows what an HTML parser does closely enough: void elements, self-closed
 * tags, comments and raw text (script, style) do not nest, a close tag closes up to its open
 * tag, and p, li, td and the like close an open sibling of the same name.
 */
import { InputError } from './errors.js';

export const DEFAULT_MAX_MARKUP_DEPTH = 256;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'basefont', 'bgsound', 'frame', 'keygen', 'image']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
/** elements whose start closes an open element of the same name (an approximation of the spec's implied end tags) */
const SIBLING_CLOSES = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rt', 'rp']);
const TAG_START = /<(\/?)([A-Za-z][A-Za-z0-9:_-]*)/y;

/** The deepest element nesting in a page (stops counting once past `stopAbove`). Linear in the length. */
export function markupDepth(html: string, stopAbove = Infinity): number {
  const stack: string[] = [];
  let max = 0;
  let i = 0;
  let nextGt = -1;
  while ((i = html.indexOf('<', i)) !== -1) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      if (end === -1) break;
      i = end + 3;
      continue;
    }
    TAG_START.lastIndex = i;
    const m = TAG_START.exec(html);
    if (!m) {
      i++;
      continue;
    }
    const close = m[1] === '/';
    const name = m[2].toLowerCase();
    i += m[0].length;
    // the tag's end: one forward-moving search for '>', so runs of unclosed '<' stay linear
    if (nextGt < i) nextGt = html.indexOf('>', i);
    if (nextGt === -1) break;
    const selfClosed = html.charCodeAt(nextGt - 1) === 47; // '/'
    i = nextGt + 1;
    if (close) {
      const at = stack.lastIndexOf(name);
      if (at !== -1) stack.length = at;
      continue;
    }
    if (VOID.has(name) || selfClosed) continue;
    if (RAW_TEXT.has(name)) {
      const endTag = new RegExp(`</${name}`, 'gi');
      endTag.lastIndex = i;
      const e = endTag.exec(html);
      if (!e) break;
      i = e.index;
      continue;
    }
    if (SIBLING_CLOSES.has(name) && stack[stack.length - 1] === name) stack.pop();
    stack.push(name);
    if (stack.length > max) {
      max = stack.length;
      if (max > stopAbove) return max;
    }
  }
  return max;
}

/** Refuse a page nested deeper than the limit, with a message that says so. */
export function checkMarkupDepth(html: string, limit = DEFAULT_MAX_MARKUP_DEPTH): void {
  const depth = markupDepth(html, limit);
  if (depth > limit) throw new InputError(`page markup is nested more than ${limit} elements deep; refused (a real article page nests fewer than 100)`);
}
