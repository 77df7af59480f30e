// Draws the engine's answer: the verdict and its clause cards, the form's marks, the timeline, the
// plan, the report when shown, and the answer bar; each part only where it changed.

import { h, fill } from './dom.js';
import { t, getLang, humanDate, colon } from './i18n.js';
import * as model from './model.js';
import * as storage from './storage.js';
import { renderResult } from './result-view.js';
import { renderTimeline } from './timeline.js';
import { renderPlan } from './plan-view.js';
import { renderVerdictBar, pillText, onlyMissing } from './verdict-bar.js';
import * as desk from './desk.js';
import { $, state, views } from './page-state.js';
import { renderWhatIfDate, toggleAction, applyTried, discardTried } from './what-if.js';
import { isLarge } from './evaluation.js';
import { nextTask } from './slices.js';

export function region() {
  return (state.viewDoc || state.doc).enterprise.region || 'GD';
}

function recordTarget(id) {
  const where = model.findRecord(state.doc, id);
  return where ? `/records/${where.list}/${where.index}` : null;
}

function gotoRecord(id) {
  const path = recordTarget(id);
  if (path && views.form) views.form.focusPath(path);
}

/**
 * Shows the evaluation. Every view updates in place and rebuilds only what changed (the views key
 * what they show; the form knows its slots), so an edit among 400 records costs about what it
 * changed. Before the form is built (the first load) only the verdict is shown.
 */
export function renderAll() {
  renderVerdict();
  if (views.form) renderRest();
}

/** The result panel: verdict, what-if date, clause by clause; and the header's pill. */
export function renderVerdict() {
  const ctx = {
    rules: state.rules, region: region(),
    whatIf: state.tried.size ? t('whatif.banner', { actions: changeList() }) : '',
    unanswered: state.unanswered.map(describeUnanswered),
    // The cards shown are the last valid answer's while an entry is invalid: marked with what was
    // not answered then.
    unansweredClauses: shownUnanswered().map((u) => u.clause).filter(Boolean),
    gotoRecord, gotoPath: (p) => views.form && views.form.focusPath(p), canGo: (p) => Boolean(views.form && views.form.targetFor(p)),
    describe: (p) => views.form && views.form.describePath(p),
    previous: state.stale ? state.stale.base : null,
    previousUnanswered: state.stale ? state.stale.unanswered : [],
  };
  // On the first load the verdict's frame holds the banner only; the cards and the what-if date
  // (a date input: the first style and layout of its inner fields took 10-40 ms in a fresh page)
  // come a frame later.
  const later = !views.form && !views.cardsShown;
  renderResult($('result-body'), later ? null : $('result-details'), state.view, ctx);
  if (!later) renderWhatIfDate();
  renderPill();
}

/** The evaluation's marks on the form: errors at their fields, each record's and list's status. */
export function renderMarks() {
  views.form.showErrors(state.base.verdict === 'invalid' ? fieldErrors(state.base.errors || []) : []);
  views.form.showStatus(state.stale ? state.stale.base : state.base, state.unanswered,
    state.base.verdict === 'invalid' ? state.base.errors : []);
  markStale();
}

/**
 * The errors shown at their fields. In a form nothing was entered in yet (a first visit,
 * everything cleared), what is missing is listed with the result, not marked at each empty field
 * as a mistake the person never made.
 */
function fieldErrors(errors) {
  return onlyMissing(errors) && model.isEmpty(state.doc) ? [] : errors;
}

/** What was not answered for the answer shown: the last valid one's while an entry is invalid. */
function shownUnanswered() {
  return state.stale ? state.stale.unanswered : state.unanswered;
}

/**
 * What the evaluation shows below and beside the verdict: the form's marks (unless `marks` is
 * false: a large file's were shown in a task before, evaluation.js), timeline, plan.
 */
export function renderRest({ marks = true } = {}) {
  if (marks) renderMarks();

  // A large file's chart is drawn in a task of its own once its form is whole (issue 13).
  if (isLarge(state.doc)) views.form.done.then(nextTask).then(drawTimeline);
  else drawTimeline();
  const note = $('timeline-whatif');
  note.hidden = !state.tried.size;
  note.textContent = state.tried.size ? t('whatif.banner', { actions: changeList() }) : '';

  const planShown = state.stale ? state.stale.plan : state.plan;
  if (!planShown && state.view && state.view.verdict !== 'invalid') {
    // Made in a task after the verdict (a large file, evaluation.js): drawn then.
  } else if (shownUnanswered().length && (state.stale ? state.stale.base : state.base).verdict === 'pass') {
    // Nothing to plan before every question is answered: "it passes" would be a pass not earned.
    fill($('plan-body'), h('p', { class: 'muted', dataset: { role: 'plan-unanswered' }, text: t('plan.unanswered') }));
  } else {
    renderPlan($('plan-body'), planShown, {
      rules: state.rules, region: region(), tried: state.tried, whatIf: changeList(),
      toggle: toggleAction, apply: applyTried, discard: discardTried, gotoRecord,
    });
  }
  // The report (when shown) is a whole document made by the engine: made again once the
  // verdict is on screen, not before.
  if (views.report.shown) afterFrame(() => views.report.refresh());
  renderPill();  // the answer bar's first thing to do comes from the plan
  restShown();
}

// The parts under the form are shown (body.built) once the form is whole and the views under it
// are drawn: nothing they hold arrives later to push what is below.
let restShown;
export const restReady = new Promise((resolve) => { restShown = resolve; });

/** Runs `fn` once the next frame is painted (the verdict on screen first, then the rest). */
function afterFrame(fn) {
  requestAnimationFrame(() => setTimeout(fn, 0));
}

// The chart is drawn at its shown width, as a ResizeObserver reports it after a layout (reading
// clientWidth instead would force a layout of the whole page). The section is observed, not the
// chart's box: with `content-visibility: auto` the chart is not laid out while off screen.
let chartWidth = 0;
let resizeTimer = null;

// What the chart was last drawn from: the same answer of the same file (an entry turned invalid
// shows the last valid one again, adding a record does) is not drawn again. A new evaluation is a
// new result object (evaluation.js), so an edit of the file is never taken for the same.
let drawn = null;

function drawTimeline() {
  if (!state.view || !chartWidth) return;  // drawn as soon as the width is known
  const [result, doc] = state.stale ? [state.stale.base, state.stale.doc] : [state.view, state.viewDoc];
  const now = [result, doc, state.rules, region(), chartWidth, getLang()];
  if (drawn && now.every((x, i) => x === drawn[i])) return;
  drawn = now;
  renderTimeline($('timeline-body'), result, doc, { rules: state.rules, region: region(), width: chartWidth });
}

/** The parts showing the last valid answer say so (a note above each, dimmed). */
function markStale() {
  for (const id of ['result-details', 'timeline-body', 'plan-body']) {
    const body = $(id);
    let note = $(id + '-stale');
    if (!note) {
      note = h('p', { class: 'stale-note', id: id + '-stale', hidden: true });
      body.before(note);
    }
    const text = state.stale ? t('result.stale_part') : '';
    if (note.textContent !== text) note.textContent = text;
    note.hidden = !state.stale;
    body.classList.toggle('stale', Boolean(state.stale));
  }
}

new ResizeObserver((entries) => {
  const w = Math.round(entries[entries.length - 1].contentRect.width);
  if (!w || Math.abs(w - chartWidth) <= 24) return;
  const first = !chartWidth;
  clearTimeout(resizeTimer);
  if (first) {
    chartWidth = w;
    // Drawn in the next frame: drawing here would resize the observed section within this
    // observer's own delivery, which browsers report as an error ("ResizeObserver loop").
    requestAnimationFrame(() => { if (views.form) drawTimeline(); });
  } else {
    resizeTimer = setTimeout(() => { chartWidth = w; if (views.form) drawTimeline(); }, 150);
  }
}).observe($('timeline'));

function changeList() {
  return state.changes.map((c) => t('whatif.action', {
    record: recordName(c.record), field: state.rules.fieldLabel(c.list, c.field), date: humanDate(c.value),
  })).join(getLang() === 'en' ? '; ' : '；');
}

/** A record named by what it is, as the engine named it in the file's result (its id if not). */
function recordName(id) {
  const r = state.base;
  for (const ind of (r && r.indicators) || []) {
    for (const c of [...(ind.counted || []), ...(ind.not_counted || [])]) if (c.record === id && c.name) return c.name;
  }
  return id;
}

/** What is not answered yet, in words, with where it is: `{path, text}`. */
function describeUnanswered(u) {
  const rules = state.rules;
  const sep = colon();
  if (u.previous !== undefined) {
    return { path: u.path, text: t('unanswered.previous', { n: u.previous + 1 }) + sep + u.fields.map((f) => fieldLabel(rules.applicationFields(), f)).join(t('list.sep')) };
  }
  const ind = rules.byClause.get(u.clause);
  const head = `${u.clause} ${rules.indicatorName(ind, region())}`;
  if (u.index === undefined) return { path: u.path, text: head + sep + t('unanswered.list') };
  const rec = state.doc.records[u.list][u.index];
  return {
    path: u.path,
    text: `${head} · ${t('result.record', { id: rec && rec.id ? rec.id : '' })}${sep}${u.fields.map((f) => rules.fieldLabel(u.list, f)).join(t('list.sep'))}`,
  };
}

function fieldLabel(fields, name) {
  const f = fields.find((x) => x.field === name);
  return f ? state.rules.label(f.label) : name;
}

/** The verdict shown: never a pass while a question is not answered (a fail shows at once). */
function shownVerdict(v) {
  return v.verdict === 'pass' && state.unanswered.length ? 'unanswered' : v.verdict;
}

/** The open client's name (issue 16: always shown with the result). */
function openClientName() {
  const id = storage.currentClient();
  const name = desk.clientName(storage.readClientName(id));
  return name || (id ? t('desk.unnamed', { n: storage.clientIds().indexOf(id) + 1 }) : '');
}

/** The answer bar (verdict-bar.js); a new verdict or earliest date is announced. */
export function renderPill() {
  const v = state.view;
  const shown = v ? shownVerdict(v) : '';
  const client = openClientName();
  renderVerdictBar($('status-pill'), $('bar-next'), v, state.plan, shown, client, state.tried.size > 0);
  const shownName = $('result-client');
  if (shownName && shownName.textContent !== client) shownName.textContent = client;
  if (!v) return;
  const key = `${getLang()}|${shown}|${v.earliest_pass_date}`;
  if (key !== state.lastVerdict) {
    state.lastVerdict = key;
    $('sr-live').textContent = pillText(v, shown);
  }
}
