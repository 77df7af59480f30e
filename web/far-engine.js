// The engine off the page's thread (engine-worker.js), for a large file (issue 13: a 10,000-record
// file's evaluate or plan was a task of hundreds of ms): the same calls as engine.mjs, each a
// promise of the same JSON text. Without workers, or when the worker fails, null: the caller
// calls the page's engine itself, as for a small file.

let worker = null;
let broken = false;
let rules = null;      // the rules text the page's engine was given (rule-file.js), null: built-in
let next = 0;
const waiting = new Map();  // id -> {resolve}

function start() {
  if (worker || broken) return worker;
  try {
    worker = new Worker(new URL('./engine-worker.js', import.meta.url), { type: 'module' });
  } catch {
    broken = true;
    return null;
  }
  worker.onmessage = ({ data }) => {
    const w = waiting.get(data.id);
    if (!w) return;
    waiting.delete(data.id);
    w.resolve(data.error ? null : data.out);
  };
  worker.onerror = () => {
    // The worker could not start (or stopped): every call waiting, and those to come, are the page's.
    broken = true;
    worker = null;
    for (const w of waiting.values()) w.resolve(null);
    waiting.clear();
  };
  return worker;
}

/** The rules the page's engine now uses (its setRules text): the worker's calls use them too. */
export function useRules(text) {
  rules = text;
}

/**
 * engine.mjs's `call` ('evaluate' or 'plan') of `text` with `options`, run in the worker: a
 * promise of its JSON text, or of null when the worker cannot answer (the caller then asks the
 * page's engine, which says what went wrong in its own way).
 */
export function farCall(call, text, options) {
  const w = start();
  if (!w) return Promise.resolve(null);
  next += 1;
  const id = next;
  return new Promise((resolve) => {
    waiting.set(id, { resolve });
    w.postMessage({ id, call, text, options, rules });
  });
}
