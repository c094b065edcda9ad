/**
 * Milliseconds per round of each task: after a warm-up (model loading, JIT), the tasks run in
 * turn, round after round, and each keeps its fastest round — on a shared machine the least
 * disturbed one, with background load spread over all alike (running one task's rounds and
 * then the other's let a burst of load fall on one side only: ratios moved 3× between runs).
 */
export function timeInTurn(rounds: number, tasks: Array<() => void>): number[] {
  for (const t of tasks) t();
  const best = tasks.map(() => Infinity);
  for (let r = 0; r < rounds; r++) {
    tasks.forEach((task, i) => {
      const t0 = performance.now();
      task();
      best[i] = Math.min(best[i], performance.now() - t0);
    });
  }
  return best;
}
