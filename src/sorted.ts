/**
 * Binary search over sorted data, written once: the stages keep their mentions, spans and
 * quotes sorted by offset and ask how many come before a position.
 */

/**
 * The number of leading items for which `before(i)` holds, in a list of `length` items ordered
 * so that it holds for a prefix and fails for the rest (a lower bound when `before` is
 * `items[i].start < pos`, an upper bound with `<=`).
 */
export function countWhile(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
