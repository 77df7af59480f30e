// engine.mjs: starts the nvcheck WebAssembly module once and offers plain functions (browser and Node).
//
// Browser: serve this file next to nvcheck.mjs and nvcheck.wasm, then
//   import * as engine from './engine.mjs';
//   await engine.load();
//   const result = JSON.parse(engine.evaluate(text, { lang: 'zh-Hans', today: '2026-11-24' }));
// Node (the module is built for the web only, TOOLCHAIN.md): pass the bytes of nvcheck.wasm:
//   await engine.load({ wasmBinary: fs.readFileSync(new URL('nvcheck.wasm', dirUrl)) });
//
// Every function but load() is synchronous and needs load() to have finished. Enterprise text may
// be a string (sent as UTF-8, a leading BOM kept) or a Uint8Array (sent byte for byte). Options may
// be an object or JSON text: {"on", "lang", "today"}. A failure inside the engine (an exception,
// out of memory) or a bad argument throws an NvcheckError; an invalid enterprise file is not an
// exception: it gives the invalid result (`"verdict":"invalid"`) as every door does.
import createNvcheck from './nvcheck.mjs';

/** An error reported by the engine (not an invalid input file, which is a result). */
export class NvcheckError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = 'NvcheckError';
  }
}

let starting = null;  // the promise of the module, once load() was called
let mod = null;       // the module, once started
let how = {};         // load()'s argument, to start again after a crash
let rulesInUse = null;  // the last rules given to setRules, set again after a restart

/**
 * Starts the module (once; later calls return the same promise). After the module crashed (a
 * WebAssembly trap), load() starts a fresh one, with the rules of the last setRules.
 * @param {{wasmBinary?: ArrayBuffer|Uint8Array, locateFile?: (path: string, prefix: string) => string}} [options]
 */
export function load(options) {
  if (options) how = options;
  if (!starting) {
    const init = {};
    if (how.wasmBinary) init.wasmBinary = how.wasmBinary;
    if (how.locateFile) init.locateFile = how.locateFile;
    starting = createNvcheck(init).then(
      (m) => {
        if (rulesInUse !== null) m.setRules(rulesInUse);
        mod = m;
        return m;
      },
      (err) => { starting = null; throw err; });
  }
  return starting.then(() => undefined);
}

/** True once load() has finished. */
export function loaded() {
  return mod !== null;
}

// Calls the module; a JS exception out of it (a trap, a JS stack overflow) becomes an NvcheckError,
// and after a trap the module is dropped: its memory may be inconsistent, so load() starts anew.
function call(name, ...args) {
  if (!mod) throw new NvcheckError('nvcheck: the engine is not loaded (await load() first)');
  try {
    return mod[name](...args);
  } catch (err) {
    if (err instanceof WebAssembly.RuntimeError) {
      mod = null;
      starting = null;
      throw new NvcheckError(`nvcheck: the engine stopped (${err.message}); await load() to start it again`, { cause: err });
    }
    throw new NvcheckError(`nvcheck: ${err && err.message ? err.message : err}`, { cause: err });
  }
}

function input(text) {
  if (typeof text === 'string' || text instanceof Uint8Array) return text;
  if (text instanceof ArrayBuffer) return new Uint8Array(text);
  throw new NvcheckError('nvcheck: the enterprise file must be a string, Uint8Array or ArrayBuffer');
}

function optionsText(options) {
  if (options === undefined || options === null) return '';
  if (typeof options === 'string') return options;
  return JSON.stringify(options);
}

// The binding returns {"error": "..."} when the engine threw; nothing else starts that way.
function checked(json) {
  if (json.startsWith('{"error":')) throw new NvcheckError(JSON.parse(json).error);
  return json;
}

/** The result (`nvcheck/result@1`) as JSON text, the same bytes as the CLI's line. */
export function evaluate(text, options) {
  return checked(call('evaluate', input(text), optionsText(options)));
}

/** The plan (`nvcheck/plan@1`) as JSON text; for an invalid file, the invalid result. */
export function plan(text, options) {
  return checked(call('plan', input(text), optionsText(options)));
}

/**
 * The draft report: {verdict: 'pass'|'fail', html, result: null} for a valid file, or
 * {verdict: 'invalid', html: null, result} with the invalid result's JSON text.
 */
export function report(text, options) {
  const r = call('report', input(text), optionsText(options));
  if (r.verdict === 'error') checked(r.result);
  if (r.verdict === 'invalid') return { verdict: r.verdict, html: null, result: r.result };
  return { verdict: r.verdict, html: r.html, result: null };
}

/** The rule data in use: {id, version, standard, texts}. */
export function rulesSummary() {
  return JSON.parse(checked(call('rulesSummary')));
}

/** Clause 7.4 check of a presented mark code: {well_formed, code, division, ..., problems, notes}. */
export function checkMarkCode(code, lang = 'en') {
  return JSON.parse(checked(call('checkMarkCode', String(code), lang)));
}

/**
 * Replaces the rule data (the standard's JSON: rules/wq179.json's format) until the page reloads.
 * Returns {id, version}; on a bad rules file throws and the rules in use stay.
 */
export function setRules(standardJson) {
  const text = input(standardJson);
  const done = JSON.parse(checked(call('setRules', text)));
  rulesInUse = text;
  return done;
}

/** The engine's version. */
export function version() {
  return call('version');
}
