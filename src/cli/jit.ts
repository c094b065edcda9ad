/**
 * JIT tier-up for batch extraction. V8 optimises a function with TurboFan after a budget of
 * interpreted bytecode (default 67,584); the pipeline's large functions (event coding, coreference
 * rules, quote finding) are optimised that early on partial type feedback, deoptimise when a new
 * kind of document arrives, and are compiled again — each compile of the largest costs 0.3 s of a
 * background thread. On 300 GUM/EWT documents TurboFan took 9.5 of 23 s of CPU; with a budget six
 * times larger it takes 3.8 s and the run 16–17 s, the main thread no slower (docs/speed.md,
 * "JIT tier-up"). A worker thread per `--jobs` compiles everything again, so this is most of what a
 * second worker cost. Set once, before the pipeline's code runs; V8 flags are process-wide, so
 * worker threads inherit it. Only the CLI sets it: a program using the library keeps its own flags.
 */
import { setFlagsFromString } from 'node:v8';

export const JIT_INTERRUPT_BUDGET = 400_000;

/** Apply the tier-up budget unless CHRONICLE_JIT_DEFAULTS=1 (for A/B measurement). Returns whether it did. */
export function tuneJit(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.CHRONICLE_JIT_DEFAULTS === '1') return false;
  setFlagsFromString(`--interrupt-budget=${JIT_INTERRUPT_BUDGET}`);
  return true;
}
