// The take rule the fresh coreference selectors share (fresh23 on; fresh22's and earlier selectors keep their own frozen
// copies): each genre's order less its skips, up to that genre's count, and halves alternating in taken order.
/** `taken(genre)`: `order(genre)` less the names `skipped(genre, name)`, the first `counts[genre]`. */
export const takeRule = (order, skipped, counts) => (genre) => order(genre).filter((n) => !skipped(genre, n)).slice(0, counts[genre]);
/** `halfOf(id)`: A for a genre's 1st, 3rd … taken document, B for its 2nd, 4th …; undefined for any other id. */
export const alternatingHalves = (taken) => (id) => {
  const m = /^(?:amalgum:)?AMALGUM_(news|interview)_([a-z]+)$/.exec(id);
  if (!m) return undefined;
  const i = taken(m[1]).indexOf(m[2]);
  return i < 0 ? undefined : i % 2 === 0 ? 'A' : 'B';
};
