// Long work in slices (issue 13: the page stays responsive while it builds a large form or starts
// the engine). Between two slices the browser may paint, handle input and run other tasks: a
// slice ends once it has run `budget` ms, at the next point the work says it may stop.

/** A promise settled in a later task (scheduler.yield where there is one, else a 0 ms timer). */
export function nextTask() {
  if (globalThis.scheduler && typeof globalThis.scheduler.yield === 'function') return globalThis.scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs the generator `steps` (each `yield` a point where it may stop) in slices of about `budget`
 * ms, one slice per task. `current()` false stops it (newer work replaced it). Resolves to true
 * once every step has run, false when stopped. `steps.finish()`-style flushing: see `drain`.
 */
export async function runInSlices(steps, { budget = 8, current = () => true } = {}) {
  let start = performance.now();
  for (;;) {
    if (!current()) return false;
    const { done } = steps.next();
    if (done) return true;
    if (performance.now() - start >= budget) {
      await nextTask();
      start = performance.now();
    }
  }
}

/** Runs the rest of `steps` now, in this task. */
export function drain(steps) {
  while (!steps.next().done) { /* every remaining step */ }
}
