/**
 * Limits on hostile input that are cheap to check before the expensive work starts.
 *
 * Markup depth: the DOM library recurses once per level of nesting and Readability walks
 * ancestors of every node, so a page nested a few thousand levels deep overflows the stack
 * and a few hundred levels already costs seconds (250 levels ≈ 2 s, 500 ≈ 11 s, 1,000 ≈ 65 s
 * measured on this machine). Real article pages nest 10–60 levels; a page deeper than the
 * limit is refused with a clear error before it is parsed.
 *
 * The depth is measured with the parser that builds the tree: linkedom builds its DOM from
 * htmlparser2's events (an element is entered at its open tag and left at its close tag, with
 * htmlparser2's own rules for void elements, implied end tags, comments, raw text and foreign
 * content), so counting the same events with the same options gives the depth of the tree
 * linkedom will build, not an estimate a page can walk around ("<div/>" opens a div in HTML;
 * "<!-->" is a comment; "<noembed>" holds markup). The count stops at the limit.
 */
import { createRequire } from 'node:module';
import type { Parser as HtmlParser } from 'htmlparser2';
import { InputError } from './errors.js';

// htmlparser2 loads when a page is first measured: the extraction pool and the CLI import this
// module for its budgets, and plain text or JSON input never needs a markup parser
let ParserClass: typeof HtmlParser | null = null;
const htmlParser = (): typeof HtmlParser => (ParserClass ??= (createRequire(import.meta.url)('htmlparser2') as { Parser: typeof HtmlParser }).Parser);

export const DEFAULT_MAX_MARKUP_DEPTH = 256;

/** Thrown out of the parser's callback to stop reading once the limit is passed. */
class TooDeep extends Error {}

/** The deepest element nesting of the tree a page parses to (stops counting once past `stopAbove`). Linear in the length. */
export function markupDepth(html: string, stopAbove = Infinity): number {
  let depth = 0;
  let max = 0;
  const Parser = htmlParser();
  const parser = new Parser(
    {
      onopentag() {
        depth++;
        if (depth > max) {
          max = depth;
          if (max > stopAbove) throw new TooDeep();
        }
      },
      onclosetag() {
        if (depth > 0) depth--;
      },
    },
    // the options linkedom parses HTML with (node_modules/linkedom/esm/shared/parse-from-string.js)
    { lowerCaseAttributeNames: false, decodeEntities: true, xmlMode: false },
  );
  try {
    parser.write(html);
    parser.end();
  } catch (err) {
    if (!(err instanceof TooDeep)) throw err;
  }
  return max;
}

/** Refuse a page nested deeper than the limit, with a message that says so. */
export function checkMarkupDepth(html: string, limit = DEFAULT_MAX_MARKUP_DEPTH): void {
  const depth = markupDepth(html, limit);
  if (depth > limit) throw new InputError(`page markup is nested more than ${limit} elements deep; refused (a real article page nests fewer than 100)`);
}

/** Seconds of extraction allowed per megabyte of text, and at least, by default. */
export const DEFAULT_SECONDS_PER_MB = 30;
export const MIN_BUDGET_SECONDS = 30;

/**
 * How long one document may take to extract: `secondsPerMb` per megabyte of text, never less
 * than MIN_BUDGET_SECONDS (a small document on a busy machine). 0 or Infinity: no budget.
 */
export function timeBudgetMs(textLength: number, secondsPerMb = DEFAULT_SECONDS_PER_MB, minSeconds = MIN_BUDGET_SECONDS): number {
  if (!(secondsPerMb > 0) || secondsPerMb === Infinity) return Infinity;
  return Math.max(minSeconds, (secondsPerMb * textLength) / 1048576) * 1000;
}

/** A document that took longer than its time budget. */
export class BudgetError extends InputError {}

export function budgetMessage(ms: number, secondsPerMb: number, minSeconds = MIN_BUDGET_SECONDS): string {
  return `extraction stopped after ${+(ms / 1000).toFixed(1)} s, over its time budget (${secondsPerMb} s per MB of text, at least ${minSeconds} s; --time-budget)`;
}

/** A clear one-line reason for an unexpected failure on one document (never a stack trace). */
export function failureReason(err: unknown): string {
  if (err instanceof InputError) return err.message;
  if (err instanceof RangeError && /call stack/i.test(err.message)) return 'too deeply nested to process (stack overflow); refused';
  const e = err as Error;
  return `could not be processed: ${e?.name ?? 'Error'}: ${String(e?.message ?? err).split('\n')[0].slice(0, 200)}`;
}
