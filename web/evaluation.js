// Live evaluation through the engine (engine.mjs): the result, the plan and the what-if of the
// answered part of the file, the last valid answer kept while an entry is invalid, a crashed
// engine started again.

import * as engine from './engine.mjs';
import { startEngine } from './early-fetch.js';
import { h, fill } from './dom.js';
import { t, getLang } from './i18n.js';
import * as model from './model.js';
import { isIsoDate } from './date-field.js';
import { actionKey } from './plan-view.js';
import { buildPage } from './build-views.js';
import { $, state, views } from './page-state.js';
import { renderAll, renderVerdict, renderRest, renderMarks } from './result-render.js';
import { nextTask } from './slices.js';
import { persistSoon } from './saved-entries.js';
import { farCall } from './far-engine.js';
import * as storage from './storage.js';

let timer = null;
let generation = 0;  // each evaluation's number: a later one replaces the tasks an earlier one left
let pending = 0;     // the evaluation of a large file under way over several tasks (its generation)

/**
 * Whether the answer of a large file is still being made (in the worker, then over several
 * tasks): the desk's row of the open client waits for it rather than ask the engine itself.
 */
export function answerPending() {
  return pending !== 0 && pending === generation;
}

// Above this many records the plan (a call of the engine that grows faster than the file) and the
// views it feeds are made in tasks after the verdict's (issue 13: a 10,000-record import was one
// task of seconds), as on the first load.
const PLAN_LATER = 1000;

function recordCount(doc) {
  let n = 0;
  for (const recs of Object.values(doc.records || {})) n += Array.isArray(recs) ? recs.length : 0;
  return n;
}

/** Whether `doc` is a large file, whose evaluation is shown over several tasks (PLAN_LATER). */
export function isLarge(doc) {
  return recordCount(doc) > PLAN_LATER;
}

// `detail`: the engine says where the evaluation date came from and where each window starts.
function options() {
  return { lang: getLang(), today: state.today, on: state.on || undefined, detail: true };
}

/**
 * Something changed in the form: its part changed when its shape did (forms.js patches only that
 * part), then, each in a task of its own after this one (the edit itself stays cheap), the save
 * with the notes' list of records, and the evaluation.
 */
export function changed(structural) {
  if (structural) views.form.render();
  persistSoon(() => { if (views.notesView) views.notesView.refresh(); });
  evaluateSoon(structural ? 0 : 150);
}

/** Evaluates again in `ms` ms (typing: once it pauses), replacing an evaluation pending. */
export function evaluateSoon(ms) {
  clearTimeout(timer);
  due = true;
  timer = setTimeout(evaluateNow, ms);
}
let due = false;  // an evaluation asked for (evaluateSoon) has not run yet

/**
 * The page's answer for its entries, as the desk's row of client `id` shows it, when that client
 * is the one open and the answer is the one of its saved entries: `{doc, unanswered, result,
 * plan}`, else null (another client, an evaluation still to come, the guided tour's or another
 * tab's entries, a what-if date refused as typed: the desk evaluates the stored entries itself).
 */
export function openAnswer(id) {
  if (id !== storage.currentClient() || due || answerPending() || state.tour || state.otherTab) return null;
  if (state.on && !isIsoDate(state.on)) return null;
  if (!state.base || !state.plan) return null;
  return { doc: state.doc, unanswered: state.unanswered, result: state.base, plan: state.plan };
}

// The engine's last result and plan, by the rules, text and options they were asked for: the
// desk's row of the open client asks for the same as the page's evaluation did (issue 13: a
// 10,000-record file's plan is seconds of engine; an edit of a 400-record one was evaluated
// twice). Rules loaded from a file (rule-file.js) are another state.rules: nothing is given again.
const last = { evaluate: null, plan: null };

function optionsKey(opts) {
  return JSON.stringify([opts.lang, opts.today, opts.on || '', Boolean(opts.detail)]);
}

function remembered(kind, text, opts, call) {
  const key = optionsKey(opts);
  const hit = last[kind];
  if (hit && hit.rules === state.rules && hit.key === key && hit.text === text) return hit.value;
  const value = JSON.parse(call());
  last[kind] = { rules: state.rules, key, text, value };
  return value;
}

/** The engine's result for `text` (parsed), the last one again when it was asked for already. */
export function evaluateText(text, opts) {
  return remembered('evaluate', text, opts, () => engine.evaluate(text, opts));
}

/** The engine's plan for `text` (parsed), the last one again when it was asked for already. */
export function planText(text, opts) {
  return remembered('plan', text, opts, () => engine.plan(text, opts));
}

// The texts whose call the worker could not answer (far-engine.js): the page's engine answers them.
const notFar = { evaluate: null, plan: null };

/**
 * A large file's engine call (`kind`: 'evaluate' or 'plan') made in the worker (issue 13: seconds
 * of engine on the page's thread), its answer remembered as the page's own call would remember
 * it: a promise settled once it is, or null when the answer is there already (or the worker could
 * not give it: the page's engine is then asked, as for a small file).
 */
function offThread(kind, text, opts) {
  const key = optionsKey(opts);
  const hit = last[kind];
  if ((hit && hit.rules === state.rules && hit.key === key && hit.text === text) || notFar[kind] === text) return null;
  const rules = state.rules;
  return farCall(kind, text, opts).then((out) => {
    let value = null;
    try {
      value = out === null ? null : JSON.parse(out);
    } catch {
      value = null;
    }
    if (value === null) notFar[kind] = text;
    else last[kind] = { rules, key, text, value };
  });
}

/**
 * The engine's answer for the answered part of the file (`ev`: model.evalFile), its error paths
 * pointing at the form's rows.
 */
function evaluateAnswered(ev, opts) {
  return { res: placeErrors(evaluateText(ev.text, opts), ev), text: ev.text };
}

// An invalid result's errors placed at the form's rows (the engine's `path` is of the answered part).
function placeErrors(res, ev) {
  // A copy: the engine's result is remembered as it came (evaluateText).
  if (res.verdict === 'invalid' && Array.isArray(res.errors)) return { ...res, errors: res.errors.map((e) => ({ ...e, path: ev.path(e.path) })) };
  return res;
}

/**
 * The tried actions done by the engine (what_if) on the answered part of the file: the result
 * shown, and the changes, copied into the form's file for "apply" and the timeline.
 */
function whatIfNow(opts) {
  const ev = model.evalFile(state.doc, state.rules, state.answers);
  const w = JSON.parse(engine.whatIf(ev.text, [...state.tried.values()], opts));
  if (w.schema !== 'nvcheck/what-if@1') return { view: placeErrors(w, ev), changes: [], doc: state.doc };
  return { view: placeErrors(w.result, ev), changes: w.changes, doc: model.withChanges(state.doc, w.changes) };
}

export function evaluateNow() {
  clearTimeout(timer);
  due = false;
  generation += 1;
  if (!state.rules) return;
  const opts = options();
  if (state.on && !isIsoDate(state.on)) {
    // A what-if date refused as typed is not replaced by another one: nothing is evaluated for it.
    state.unanswered = state.answers.unanswered(state.doc, state.rules);
    state.base = { schema: 'nvcheck/result@1', verdict: 'invalid', errors: [{ path: '', code: 'whatif_date', message: t('whatif.bad_date') }] };
    state.plan = state.base;
    state.view = state.base;
    state.viewDoc = state.doc;
    state.changes = [];
    // The last valid answer stays on screen, marked out of date, as for an invalid entry (for
    // the date it was made for: this one is no date yet).
    staleNow(opts, { asMade: true });
    if (!views.form) buildPage();
    renderAll();
    return;
  }
  try {
    state.unanswered = state.answers.unanswered(state.doc, state.rules);
    const ev = model.evalFile(state.doc, state.rules, state.answers);
    // A large file without tried actions: the engine's call in the worker, then this again.
    const far = views.form && !state.tried.size && isLarge(state.doc) ? offThread('evaluate', ev.text, opts) : null;
    if (far) {
      const mine = generation;
      pending = mine;
      // In a task after the worker's message (whose task parsed its answer).
      far.then(nextTask).then(() => { if (mine === generation) evaluateNow(); });
      return;
    }
    const evaluated = evaluateAnswered(ev, opts);
    const text = evaluated.text;
    state.base = evaluated.res;
    // The plan is shown below the verdict: on the first load (no form yet) it is made once the
    // verdict is on screen (planNow). Nothing can be tried before there is a plan to try.
    // A large file without tried actions has its plan made in a task of its own (below).
    const later = views.form && !state.tried.size && recordCount(state.doc) > PLAN_LATER;
    state.plan = state.base.verdict === 'invalid' ? state.base : views.form && !later ? planText(text, opts) : null;
    // Tried actions follow the current plan (their dates move with the evaluation date).
    const actions = (state.plan && state.plan.actions) || [];
    const fresh = new Map();
    for (const a of actions) if (state.tried.has(actionKey(a))) fresh.set(actionKey(a), a);
    state.tried = fresh;
    if (state.tried.size && state.base.verdict !== 'invalid') {
      const tried = whatIfNow(opts);
      state.viewDoc = tried.doc;
      state.changes = tried.changes;
      state.view = tried.view;
    } else {
      state.viewDoc = state.doc;
      state.changes = [];
      state.view = state.base;
    }
    // The last answer of a valid file, shown marked out of date while an entry is invalid.
    // Its answer in this language and on this date is the one just made (no second engine call
    // when the next entry turns invalid: adding a record does).
    if (state.base.verdict !== 'invalid') {
      // Its file (`doc`) is read back from the text only if an entry turns invalid (staleNow).
      state.good = { text, doc: null, unanswered: state.unanswered, made: state.plan ? { key: JSON.stringify(opts), base: state.base, plan: state.plan } : null };
    }
    staleNow(opts);
    state.engineBroken = false;
  } catch (err) {
    engineFailed(err);
    return;
  }
  if (!views.form && state.base.verdict === 'invalid') {
    // The first load of a file the engine cannot evaluate yet (a first visit: an empty form): the
    // verdict now, and in a task of its own the form its errors point into with the views under it
    // (one long task less as the page starts, issue 13's Lighthouse target).
    renderVerdict();
    nextTask().then(() => {
      if (!views.form) buildPage();
      renderAll();
    });
    return;
  }
  if (views.form && !state.plan) {
    // A large file: the verdict, the plan, then the form's marks, timeline and plan it feeds, each
    // in a task of its own after the engine's (issue 13), unless a newer evaluation came meanwhile.
    const mine = generation;
    pending = mine;
    const step = (fn) => () => (mine === generation && fn() !== false ? nextTask() : Promise.reject());
    nextTask()
      .then(step(renderVerdict))
      .then(() => (mine === generation ? planOffThread() : Promise.reject()))
      .then(step(planNow))
      .then(step(renderMarks))
      .then(() => {
        if (mine !== generation || !state.plan) return;
        renderRest({ marks: false });  // the verdict and the form's marks are on screen already
        pending = 0;
        // The desk's row of this client, which waited for this answer (answerPending).
        if (views.deskView) views.deskView.refreshSoon();
      }, () => {});
    return;
  }
  renderAll();
}

/**
 * While an entry is invalid, the answer of the last valid entries stays on screen, marked out of
 * date (issue 13: one bad date no longer blanks the verdict, the plan, the timeline): made again
 * from that file for the current language and date, so it reads as the rest of the page.
 */
function staleNow(opts, { asMade = false } = {}) {
  state.stale = null;
  if (state.base.verdict !== 'invalid' || !state.good) return;
  const key = JSON.stringify(opts);
  const g = state.good;
  if (asMade && !g.made) return;
  if (!asMade && (!g.made || g.made.key !== key)) {
    const base = JSON.parse(engine.evaluate(g.text, opts));
    if (base.verdict === 'invalid') return;
    g.made = { key, base, plan: JSON.parse(engine.plan(g.text, opts)) };
  }
  if (!g.doc) g.doc = JSON.parse(g.text);
  // With what was not answered then: an answer that had open questions was no pass.
  state.stale = { base: g.made.base, plan: g.made.plan, doc: g.doc, unanswered: g.unanswered || [] };
}

function engineFailed(err) {
  fill($('result-body'), h('div', { class: 'verdict v-invalid', role: 'alert' },
    h('p', { text: t('app.engine_error', { message: err && err.message ? err.message : String(err) }) })));
  if (!state.engineBroken) {
    // After a trap the adapter starts a fresh module; try once more.
    state.engineBroken = true;
    startEngine().then(() => evaluateNow(), () => {});
  }
}

/** The draft report: `{verdict, html}` or `{verdict: 'invalid', result}` (parsed). */
export function reportOf(text, opts) {
  const r = engine.report(text, opts);
  return r.verdict === 'invalid' ? { verdict: r.verdict, result: JSON.parse(r.result) } : r;
}

// The plan of a large file made in the worker, for planNow to find (a promise).
function planOffThread() {
  if (state.plan) return Promise.resolve();
  try {
    return offThread('plan', model.evalFile(state.doc, state.rules, state.answers).text, options()) || Promise.resolve();
  } catch {
    return Promise.resolve();  // planNow says it
  }
}

/** The plan of the records shown, when evaluateNow left it for later; false if the engine failed. */
export function planNow() {
  if (state.plan) return true;
  try {
    state.plan = planText(model.evalFile(state.doc, state.rules, state.answers).text, options());
    return true;
  } catch (err) {
    engineFailed(err);
    return false;
  }
}
