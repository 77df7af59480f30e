// The page's door to the engine: starts the WebAssembly adapter (engine.mjs, served beside this
// file with nvcheck.mjs and nvcheck.wasm) and returns parsed JSON. Every verdict, date, reason
// and plan the page shows comes from here.

import * as adapter from './engine.mjs';
import { take } from './early-fetch.js';
import { nextTask } from './slices.js';

let started = null;

/**
 * The module compiled from the response early-fetch.js requested (the page's only request for
 * nvcheck.wasm), while it downloads; from its bytes if the server did not label it
 * application/wasm, which streaming compilation requires.
 */
async function instantiate(imports) {
  const resp = await take('wasm');
  if (!resp.ok) throw new Error(`nvcheck.wasm: HTTP ${resp.status}`);
  const type = (resp.headers.get('content-type') || '').split(';')[0].trim();
  const made = type === 'application/wasm'
    ? await WebAssembly.instantiateStreaming(resp, imports)
    : await WebAssembly.instantiate(await resp.arrayBuffer(), imports);
  return made.instance;
}

/** The text of rules/wq179.json beside the page, or null (requested by early-fetch.js). */
export function rulesBesideThePage() {
  return take('rules').then((resp) => (resp.ok ? resp.text() : null), () => null);
}

/** Starts the engine once; resolves to the rule data summary. */
export function start() {
  if (!started) {
    // The instance is made in one task, the built-in rules read (the first call) in the next.
    started = adapter.load({ instantiate }).then(nextTask).then(() => adapter.rulesSummary());
    started.catch(() => { started = null; });
  }
  return started;
}

/** Starts again (after the adapter dropped a crashed module). */
export function restart() {
  started = null;
  return start();
}

function opts(lang, today, on, detail) {
  const o = { lang, today };
  if (on) o.on = on;
  if (detail) o.detail = true;
  return o;
}

/**
 * Replaces the rule data (rules/wq179.json's format) until the page reloads; returns the new
 * summary. Throws (and the rules in use stay) when the engine refuses the file.
 */
export function setRules(text) {
  adapter.setRules(text);
  return adapter.rulesSummary();
}

/** What the rules in use change from the built-in ones (`changes`, each with its message). */
export function rulesDiff() {
  return adapter.rulesDiff();
}

/** `nvcheck/result@1` for the enterprise file text. */
export function evaluate(text, { lang, today, on, detail }) {
  return JSON.parse(adapter.evaluate(text, opts(lang, today, on, detail)));
}

/** `nvcheck/plan@1`, or the invalid result for an invalid file. */
export function plan(text, { lang, today, on, detail }) {
  return JSON.parse(adapter.plan(text, opts(lang, today, on, detail)));
}

/** The tried plan actions done: `nvcheck/what-if@1` ({changes, result}) or the invalid result. */
export function whatIf(text, actions, { lang, today, on, detail }) {
  return JSON.parse(adapter.whatIf(text, actions, opts(lang, today, on, detail)));
}

/** A date for people in `lang`, as the engine's texts write it. */
export function humanDate(iso, lang) {
  return adapter.humanDate(iso, lang);
}

/** The limits the engine reads a file with: {file_bytes, records_per_list}. */
export function limits() {
  return adapter.limits();
}

/**
 * The draft report: `{verdict, html}` or `{verdict: 'invalid', result}` (parsed). The counselling
 * notes and the consultant (clause 8.8, desk.reportOptions) are report options, printed escaped.
 */
export function report(text, { lang, today, on, consultant, notes, record_notes: recordNotes }) {
  const o = opts(lang, today, on);
  if (consultant) o.consultant = consultant;
  if (notes) o.notes = notes;
  if (recordNotes) o.record_notes = recordNotes;
  const r = adapter.report(text, o);
  return r.verdict === 'invalid' ? { verdict: r.verdict, result: JSON.parse(r.result) } : r;
}
