// The engine in a dedicated worker (issue 13): a large file's evaluate and plan, seconds of
// engine work on a 10,000-record file, run off the page's thread, so the page stays responsive
// while they run. The same module (engine.mjs, nvcheck.mjs, nvcheck.wasm beside this file) and the
// same rules as the page's engine (far-engine.js sends the page's rules first): the same JSON
// text out. Small files never come here (evaluation.js).
//
// Message in: {id, rules?: text|null, call: 'evaluate'|'plan', text, options}; out: {id, out}
// (the engine's JSON text) or {id, error: {message, code}}.

import * as engine from './engine.mjs';

const started = engine.load({ fetchWasm: () => fetch(new URL('nvcheck.wasm', import.meta.url)) });
let rulesSet = null;  // the rules text given with setRules (null: the built-in ones)

self.onmessage = async ({ data }) => {
  const { id, call, text, options } = data;
  try {
    await started;
    if ('rules' in data && data.rules !== rulesSet && data.rules !== null) {
      engine.setRules(data.rules);
      rulesSet = data.rules;
    }
    const out = call === 'plan' ? engine.plan(text, options) : engine.evaluate(text, options);
    self.postMessage({ id, out });
  } catch (err) {
    self.postMessage({ id, error: { message: err && err.message ? err.message : String(err), code: err && err.code } });
  }
};
