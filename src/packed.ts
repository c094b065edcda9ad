/**
 * Arrays of one elements kind for the hot shared lists (tokens, a sentence's words, lexemes).
 * `xs.map(f)` makes a packed array while its caller runs in the interpreter but a holey one once
 * TurboFan has inlined the map into an optimised caller, so a list's kind changed part-way through
 * a batch and every stage's optimised code that read such lists deoptimised ("wrong map") and was
 * compiled again — in each `--jobs` worker (docs/speed.md, eleventh round). Pushing keeps it packed.
 */
export function packedMap<T, U>(xs: readonly T[], f: (x: T, i: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < xs.length; i++) out.push(f(xs[i], i));
  return out;
}

/**
 * An empty list of the elements kind a list of strings or objects has. To V8 `[]` is a list of small
 * integers: where a function returns `[]` for "none" and a list of strings otherwise, code optimised on
 * the one kind deoptimises on meeting the other ("wrong map") and is compiled again, in every worker.
 * A list made here keeps the kind (kinds only ever widen). Share one only where no one adds to it.
 */
export function emptyList<T>(): T[] {
  const out: unknown[] = [undefined];
  out.pop();
  return out as T[];
}
