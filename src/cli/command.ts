/** A `chronicle` sub-command (its one-line summary is in commands/index.ts). `run` returns the process exit code. */
export interface Command {
  name: string;
  usage: string;
  run(argv: string[]): Promise<number>;
}

/** Exit codes, documented in the README. */
export const EXIT = { OK: 0, SOME_FAILED: 1, USAGE: 2 } as const;

/** A user error: printed as one line on stderr, never with a stack trace. */
export class UsageError extends Error {}
