// engine.mjs: starts the nvcheck WebAssembly module once and offers plain functions (browser and Node).
//
// Browser: serve this file next to nvcheck.mjs and nvcheck.wasm, then
//   import * as engine from './engine.mjs';
//   await engine.load();
//   const result = JSON.parse(engine.evaluate(text, { lang: 'zh-Hans', today: '2026-11-24' }));
// Node (the module is built for the web only, docs/toolchain.md "WebAssembly"): pass the bytes of nvcheck.wasm:
//   await engine.load({ wasmBinary: fs.readFileSync(new URL('nvcheck.wasm', dirUrl)) });
// The page (web/) imports this file as it is; web/early-fetch.js starts it with the page's own
// early request for nvcheck.wasm: load({ fetchWasm }).
//
// Every function but load() is synchronous and needs load() to have finished. Enterprise text may
// be a string (sent as UTF-8, a leading BOM kept) or a Uint8Array (sent byte for byte). Options may
// be an object or JSON text: {"on", "lang", "today", "detail"}. One error convention
// (docs/formats.md "The WebAssembly module"): a failure inside the engine (an exception, out of
// memory), a refused rule set, a bad argument or a stopped engine throws an NvcheckError whose
// `code` says which ("engine_failed", "out_of_memory", "rules_invalid", "bad_argument",
// "not_loaded", "engine_stopped"), for the caller to say in its user's language; an invalid
// enterprise file is not an exception: it gives the invalid result (`"verdict":"invalid"`) as
// every door does.
import createNvcheck from './nvcheck.mjs';

/** An error reported by the engine (not an invalid input file, which is a result). */
export class NvcheckError extends Error {
  constructor(message, code = 'engine_failed', options = undefined) {
    super(message, options);
    this.name = 'NvcheckError';
    this.code = code;
  }
}

let starting = null;  // the promise of the module, once load() was called
let mod = null;       // the module, once started
let how = {};         // load()'s argument, to start again after a crash
let rulesInUse = null;  // the last rules given to setRules, set again after a restart

/**
 * Starts the module (once; later calls return the same promise). After the module crashed (a
 * WebAssembly trap) or failed to start, load() starts a fresh one, with the rules of the last
 * setRules. `fetchWasm()`, if given, is the request for nvcheck.wasm (e.g. one the page made as it
 * opened): it resolves to its Response, compiled while it downloads when the server labels it
 * application/wasm (streaming compilation requires it), else from its bytes; it is called again
 * for each fresh start. Its failure, or an HTTP error, rejects load().
 * @param {{wasmBinary?: ArrayBuffer|Uint8Array, locateFile?: (path: string, prefix: string) => string,
 *   fetchWasm?: () => Promise<Response>}} [options]
 */
export function load(options) {
  if (options) how = options;
  if (!starting) {
    const init = {};
    if (how.wasmBinary) init.wasmBinary = how.wasmBinary;
    if (how.locateFile) init.locateFile = how.locateFile;
    let failed = null;
    if (how.fetchWasm) {
      const make = instantiateFrom(how.fetchWasm);
      failed = new Promise((_, reject) => {
        init.instantiateWasm = (imports, receive) => {
          make(imports).then((instance) => receive(instance), reject);
          return {};  // the exports come through receive()
        };
      });
    }
    const created = createNvcheck(init);
    starting = (failed ? Promise.race([created, failed]) : created).then(
      (m) => {
        if (rulesInUse !== null) m.setRules(rulesInUse);
        mod = m;
        return m;
      },
      (err) => { starting = null; throw err; });
  }
  return starting.then(() => undefined);
}

// The instance made from the Response fetchWasm() resolves to.
function instantiateFrom(fetchWasm) {
  return async (imports) => {
    const resp = await fetchWasm();
    if (!resp.ok) throw new Error(`nvcheck.wasm: HTTP ${resp.status}`);
    const type = (resp.headers.get('content-type') || '').split(';')[0].trim();
    const made = type === 'application/wasm'
      ? await WebAssembly.instantiateStreaming(resp, imports)
      : await WebAssembly.instantiate(await resp.arrayBuffer(), imports);
    return made.instance;
  };
}

/** True once load() has finished. */
export function loaded() {
  return mod !== null;
}

// Calls the module; a JS exception out of it (a trap, a JS stack overflow) becomes an NvcheckError,
// and after a trap the module is dropped: its memory may be inconsistent, so load() starts anew.
function call(name, ...args) {
  return guard(() => mod[name](...args));
}

// Runs fn(), which calls into the module, with the errors of call() above.
function guard(fn) {
  if (!mod) throw new NvcheckError('nvcheck: the engine is not loaded (await load() first)', 'not_loaded');
  try {
    return fn();
  } catch (err) {
    if (err instanceof NvcheckError) throw err;
    if (err instanceof WebAssembly.RuntimeError) {
      mod = null;
      starting = null;
      throw new NvcheckError(`nvcheck: the engine stopped (${err.message}); await load() to start it again`, 'engine_stopped', { cause: err });
    }
    throw new NvcheckError(`nvcheck: ${err && err.message ? err.message : err}`, 'engine_failed', { cause: err });
  }
}

function input(text) {
  if (typeof text === 'string' || text instanceof Uint8Array) return text;
  if (text instanceof ArrayBuffer) return new Uint8Array(text);
  throw new NvcheckError('nvcheck: the enterprise file must be a string, Uint8Array or ArrayBuffer', 'bad_argument');
}

function optionsText(options) {
  if (options === undefined || options === null) return '';
  if (typeof options === 'string') return options;
  return JSON.stringify(options);
}

// The binding returns {"error": "...", "code": "..."} on a failure; nothing else starts that way.
function checked(json) {
  if (!json.startsWith('{"error":')) return json;
  const e = JSON.parse(json);
  const err = new NvcheckError(e.error, e.code || 'engine_failed');
  // A refused rule set: every problem, {document, path, code, message: {zh-Hans, zh-Hant, en}}.
  if (Array.isArray(e.problems)) err.problems = e.problems;
  throw err;
}

// The byte door (wasm/bindings.cpp): the UTF-8 bytes are written straight into the module's
// memory and the output read with one decode, instead of embind's conversion of std::string,
// which walks every byte in JavaScript. Same engine calls, same bytes out.
const CALL = { evaluate: 0, plan: 1, rulesSummary: 2 };
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });  // keep every byte the engine wrote
const LONG_TEXT = 1 << 20;  // above this many UTF-16 units, encode exactly instead of reserving 3 bytes each

// Writes `text` (string or bytes) at `at` in the input buffer of at least `room` bytes; returns
// the number of bytes written.
function put(text, at, room) {
  const heap = mod.HEAPU8;  // read after every call that may grow the memory
  if (typeof text === 'string') return encoder.encodeInto(text, heap.subarray(at, at + room)).written;
  heap.set(text, at);
  return text.length;
}

// Room the UTF-8 of `text` may need: bytes as they are, or 3 per UTF-16 unit (the most UTF-8
// takes for one; a surrogate pair is 4 bytes for 2 units).
const room = (text) => (typeof text === 'string' ? 3 * text.length : text.length);

// The options' UTF-8, kept for the next call (a caller sends the same options every time).
let lastOptions = '';
let lastOptionsBytes = new Uint8Array(0);
function optionsBytes(options) {
  if (options instanceof Uint8Array) return options;  // WTF-8 of options that were not text (below)
  if (options !== lastOptions) {
    lastOptionsBytes = encoder.encode(options);
    lastOptions = options;
  }
  return lastOptionsBytes;
}

// Runs a call through the byte door; null when a string was not text (see notText below).
function byteCall(name, text, options) {
  return guard(() => {
    // A long string is encoded exactly first, so the buffer does not reserve three bytes a unit.
    const body = typeof text === 'string' && text.length > LONG_TEXT ? encoder.encode(text) : text;
    const opts = optionsBytes(options);
    const base = mod._nvcheck_in(room(body) + opts.length);
    if (!base) throw new NvcheckError('nvcheck: out of memory for the input', 'out_of_memory');
    const n = put(body, base, room(body));
    mod.HEAPU8.set(opts, base + n);
    if (notText(text, n) || notText(options, opts.length, n)) return null;
    const size = mod._nvcheck_run(CALL[name], n, opts.length);
    const at = mod._nvcheck_out();
    return decoder.decode(mod.HEAPU8.subarray(at, at + size));
  });
}

// A string with a lone surrogate is not text, but TextEncoder writes U+FFFD for it and the file
// would read as valid. Such a string is sent again as WTF-8 (the surrogate as its three bytes,
// ED A0 80 for U+D800, which are not UTF-8), and the engine refuses those bytes as it refuses
// them from any door. (embind's own conversion is no answer: it joins a lone high surrogate with
// the character after it into another, valid, character.) Only a string whose UTF-8 (`size`
// bytes at `at` in the input buffer) holds U+FFFD (rare) is checked: checking every string costs
// about 5 % of a call, the module's scan much less.
function notText(text, size, at = 0) {
  if (typeof text !== 'string' || size === 0) return false;
  return mod._nvcheck_in_has_replacement(at, size) !== 0 && !wellFormed(text);
}

// A string's bytes with each lone surrogate written as a code point of its own (WTF-8).
function wtf8(text) {
  if (typeof text !== 'string' || wellFormed(text)) return text;
  const out = [];
  for (let i = 0; i < text.length; i += 1) {
    let c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
      i += 1;
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return new Uint8Array(out);
}

const wellFormed = typeof String.prototype.isWellFormed === 'function'
  ? (s) => s.isWellFormed()
  : (s) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

function engineCall(name, text, options) {
  const body = input(text);
  const opts = optionsText(options);
  const out = byteCall(name, body, opts);
  return checked(out === null ? byteCall(name, wtf8(body), wtf8(opts)) : out);
}

/** The result (`nvcheck/result@1`) as JSON text, the same bytes as the CLI's line. */
export function evaluate(text, options) {
  return engineCall('evaluate', text, options);
}

/** The plan (`nvcheck/plan@1`) as JSON text; for an invalid file, the invalid result. */
export function plan(text, options) {
  return engineCall('plan', text, options);
}

/**
 * What the file gives once the plan's `actions` (the plan's action objects, or their JSON text)
 * are done: `nvcheck/what-if@1` JSON text ({changes, result}), or the invalid result.
 */
export function whatIf(text, actions, options) {
  const list = typeof actions === 'string' ? actions : JSON.stringify(actions || []);
  return checked(call('whatIf', wtf8(input(text)), wtf8(list), wtf8(optionsText(options))));
}

/** A date (`YYYY-MM-DD`) for people in `lang`, as the engine's texts write it ('' if not a date). */
export function humanDate(iso, lang = 'en') {
  return checked(call('humanDate', String(iso), lang));
}

/** The limits the engine reads a file with: {file_bytes, records_per_list}. */
export function limits() {
  return JSON.parse(checked(call('limits')));
}

/**
 * The draft report: {verdict: 'pass'|'fail', html, result: null} for a valid file, or
 * {verdict: 'invalid', html: null, result} with the invalid result's JSON text.
 */
export function report(text, options) {
  const r = call('report', wtf8(input(text)), wtf8(optionsText(options)));
  if (r.verdict === 'error') checked(r.result);
  if (r.verdict === 'invalid') return { verdict: r.verdict, html: null, result: r.result };
  return { verdict: r.verdict, html: r.html, result: null };
}

/** The rule data in use: {id, version, standard, texts}. */
export function rulesSummary() {
  return JSON.parse(checked(byteCall('rulesSummary', '', '')));
}

/** Clause 7.4 check of a presented mark code: {well_formed, code, division, ..., problems, notes}. */
export function checkMarkCode(code, lang = 'en') {
  return JSON.parse(checked(call('checkMarkCode', String(code), lang)));
}

/**
 * Replaces the rule data (the standard's JSON: rules/wq179.json's format) until the page reloads.
 * Returns {id, version, edited}; on a bad rules file throws and the rules in use stay: the NvcheckError's
 * `problems` lists each problem of the rule set with its message in the three languages.
 */
export function setRules(standardJson) {
  const text = input(standardJson);
  const done = JSON.parse(checked(call('setRules', text)));
  rulesInUse = text;
  return done;
}

/**
 * What the rules in use change from the built-in ones: {a, b, same, changes: [{kind, clause, path,
 * from, to, items?, message: {zh-Hans, zh-Hant, en}}]} (docs/formats.md "Command line").
 */
export function rulesDiff() {
  return JSON.parse(checked(call('rulesDiff')));
}

/** The engine's version. */
export function version() {
  return call('version');
}
