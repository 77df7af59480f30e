// The page's controller: state (the enterprise file, language, what-if date, tried actions),
// autosave, live evaluation through the engine, and the views. No rule logic lives here.

import * as engine from './engine.js';
import { h, fill, keyed, download } from './dom.js';
import { t, setLang, getLang, LANGS, localToday, humanDate, useDateWriter } from './i18n.js';
import { RuleData } from './rules.js';
import { renderRulesEdited } from './rules-edited.js';
import * as model from './model.js';
import * as storage from './storage.js';
import { Answers } from './answers.js';
import { dateField, isIsoDate } from './date-field.js';
import { EntryForm } from './forms.js';
import { renderResult } from './result-view.js';
import { renderTimeline } from './timeline.js';
import { renderPlan, actionKey } from './plan-view.js';
import { ReportView } from './report-view.js';
import { mountStandardView, preloadStandard } from './standard-view.js';
import { renderVerdictBar, pillText } from './verdict-bar.js';
import { keepPlace } from './keep-place.js';
import './offline.js';
import { MarkCodeBox } from './mark-code.js';
import './present.js';  // presentation mode (issue 16): on before the first paint
import { mountTour } from './tour.js';
import { nextTask } from './slices.js';
import * as desk from './desk.js';
import { DeskView, askDuplicate } from './desk-view.js';
import { NotesView } from './notes.js';

const $ = (id) => document.getElementById(id);

const state = {
  rules: null,
  doc: model.emptyDoc(),
  answers: new Answers(),  // what the person answered (answers.js), beside the file
  unanswered: [],          // what is not answered yet (answers.unanswered)
  on: '',                  // what-if evaluation date ('' = application date or today)
  tried: new Map(),        // plan actions tried in the what-if copy, by key
  today: localToday(),
  base: null,              // result of the saved records
  view: null,              // result shown (what-if copy when actions are tried)
  viewDoc: null,
  changes: [],
  plan: null,
  samples: [],
  notice: null,            // {tone, render: () => nodes, undo?}
  lastVerdict: null,
  rulesDiff: null,         // the engine's rulesDiff() for the rules of tag rulesDiffTag (edited rules only)
  rulesDiffTag: 0,
  engineBroken: false,
};

let form;      // the entry form and the report view: built right after the first verdict is shown
let report;
let markCode;  // clause 7.4: the "check a mark code" box
let deskView;  // issue 16: the clients and their summary, and the counselling notes (8.8)
let notesView;
let cardsShown = false;  // the clause cards may be drawn (from the frame after the first verdict's)
let timer = null;

// ---- language and static text ------------------------------------------------------------

function applyStatic() {
  document.documentElement.lang = getLang();
  // Only the texts that changed: boot calls this twice, and rewriting the same text would make the
  // verdict's frame lay out (and shape) the header and the page's other static texts again.
  for (const el of document.querySelectorAll('[data-i18n]')) {
    const text = t(el.dataset.i18n);
    if (el.textContent !== text) el.textContent = text;
  }
  for (const b of document.querySelectorAll('.lang-switch [data-lang]')) {
    b.setAttribute('aria-pressed', b.dataset.lang === getLang() ? 'true' : 'false');
  }
  document.title = `${t('app.title')} · WQ-179`;
  if (state.rules) $('rules-version').textContent = t('footer.rules', { id: state.rules.id, version: state.rules.version });
  showRulesEdited();
}

/** The "edited rules" mark and the changes from the built-in rules (none for the built-in ones). */
function showRulesEdited() {
  const rules = state.rules;
  if (rules && rules.edited && state.rulesDiffTag !== rules.tag) {
    try {
      state.rulesDiff = engine.rulesDiff();
    } catch {
      state.rulesDiff = null;  // the mark still shows; the list is empty
    }
    state.rulesDiffTag = rules.tag;
  }
  renderRulesEdited($('rules-edited'), rules, rules && rules.edited ? state.rulesDiff : null);
}

function switchLang(lang) {
  if (!LANGS.includes(lang) || lang === getLang()) return;
  const restorePlace = keepPlace($('answer-bar'));
  setLang(lang);
  persist();
  applyStatic();
  if (!state.rules) return;
  if (form) {
    form.render();
    report.render();
    markCode.render();
    renderSamples();
    deskView.render();
    notesView.render();
  }
  if ($('whatif-on')) renderWhatIfDate(true);
  renderNotice();
  evaluateNow();
  restorePlace();
}

// ---- persistence -------------------------------------------------------------------------

function persist() {
  const el = $('save-state');
  if (state.tour) {
    // The guided tour (tour.js) runs on a copy: nothing is saved until it puts the entries back.
    el.textContent = t('tour.not_saved');
    el.classList.add('warn');
    return;
  }
  if (state.otherTab) {
    // Another tab saved other entries: nothing is written over them until the person chooses.
    el.textContent = t('tab.not_saved');
    el.classList.add('warn');
    return;
  }
  const res = storage.save({ doc: state.doc, answers: state.answers.toJSON(state.doc), lang: getLang(), on: state.on });
  el.textContent = res === 'ok' ? t('saved') : res === 'full' ? t('storage.full_short') : t('not_saved');
  el.classList.toggle('warn', res !== 'ok');
  if (deskView) deskView.refreshSoon();
  if (res === 'full' && !state.storageFull) {
    // Said once until a save works again: what to do is to export the file.
    notify({
      tone: 'error', kind: 'storage-full', render: () => t('storage.full'),
      actions: [{ id: 'storage-full-export', text: t('file.export'), onclick: () => exportFile() }],
    });
  }
  state.storageFull = res === 'full';
}

/**
 * Another tab of this page saved other entries (a storage event): this tab says so, stops
 * saving over them and offers to load them or keep its own.
 */
function otherTabChanged(saved) {
  state.otherTab = saved || { doc: model.emptyDoc() };
  persist();
  notify({
    tone: 'warn', kind: 'other-tab', render: () => t('tab.changed'),
    actions: [
      { id: 'tab-load', text: t('tab.load'), onclick: () => loadOtherTab() },
      { id: 'tab-keep', text: t('tab.keep'), onclick: () => keepThisTab() },
    ],
    sticky: true,
  });
}

function loadOtherTab() {
  const saved = state.otherTab;
  state.otherTab = null;
  if (LANGS.includes(saved.lang) && saved.lang !== getLang()) {
    setLang(saved.lang);
    applyStatic();
    if (form) report.render();
    renderSamples();
  }
  showSaved(saved);
  notify({ tone: 'ok', kind: 'tab-loaded', render: () => t('tab.loaded') });
}

/** Shows saved entries: another tab's, or another client of the desk (desk-view.js). */
function showSaved(saved) {
  state.doc = model.normalise(saved.doc && typeof saved.doc === 'object' ? saved.doc : model.emptyDoc());
  state.answers = Answers.fromJSON(state.doc, saved.answers);
  state.on = typeof saved.on === 'string' && /^\d*-\d*-\d*$/.test(saved.on) ? saved.on : '';
  state.tried.clear();
  state.good = null;
  if (form) form.render();
  if ($('whatif-on')) renderWhatIfDate(true);
  persist();
  evaluateNow();
  if (notesView) notesView.render();
}

/** Opens another client of the desk: a second tab's notice was about the one left. */
function openClient(saved) {
  if (state.otherTab || (state.notice && state.notice.kind === 'other-tab')) {
    state.otherTab = null;
    state.notice = null;
    renderNotice();
  }
  showSaved(saved);
  if (report) report.render();
}

/**
 * Issue 16: a loaded sample or an imported file becomes a client of its own (the open client
 * stays as it was), or fills the open client when that one is still empty. When the same
 * enterprise is already a client, asks: replace it, add a copy, or cancel. Undo goes back.
 */
async function addAsClient(doc, name, message, kind, notes = null) {
  const same = desk.sameEnterprise(doc);
  // The very same entries already a client (a sample loaded again): that client is opened.
  const fresh = model.normalise(JSON.parse(JSON.stringify(doc)));
  const freshAnswers = JSON.stringify(Answers.fromFile(JSON.parse(JSON.stringify(doc))).toJSON(fresh));
  const identical = notes ? null : same.find(({ client }) => JSON.stringify(client.doc) === JSON.stringify(fresh)
    && JSON.stringify(client.answers) === freshAnswers);
  if (identical) {
    const previousId = storage.currentClient();
    if (identical.id !== previousId) {
      storage.setCurrent(identical.id);
      openClient({ doc: identical.client.doc, answers: identical.client.answers, on: identical.client.on });
    }
    if (kind) {
      notify({
        tone: 'ok', kind, render: message,
        undo: () => {
          storage.setCurrent(previousId);
          const back = storage.readClient(previousId) || {};
          openClient({ doc: back.doc, answers: back.answers, on: back.on });
          notify({ tone: 'ok', kind: 'undone', render: () => t('undone') });
        },
      });
    }
    return identical.id;
  }
  const choice = same.length ? await askDuplicate(name) : 'add';
  if (choice === 'cancel') {
    notify({ tone: 'warn', kind: 'import-cancelled', render: () => t('desk.import_cancelled', { name }) });
    return null;
  }
  const previousId = storage.currentClient();
  const previous = storage.readClient(previousId);
  const answers = Answers.fromFile(doc);
  const norm = model.normalise(doc);
  const record = { doc: norm, answers: answers.toJSON(norm), on: '' };
  let id;
  let replaced = null;
  const emptyNow = previous && model.isEmpty(previous.doc || model.emptyDoc()) && !desk.clientName(previous)
    && !desk.notesOf(previous).enterprise && !Object.keys(desk.notesOf(previous).records).length;
  if (choice === 'replace' || (choice === 'add' && emptyNow)) {
    id = choice === 'replace' ? same[0].id : previousId;
    replaced = storage.readClient(id);
    desk.updateClient(id, (c) => {
      Object.assign(c, record);
      if (notes) c.notes = notes;
    });
  } else {
    id = desk.addClient({ ...record, label: choice === 'copy' ? t('desk.copy_of', { name }) : '', notes: notes || desk.emptyNotes() }, previousId);
    if (!id) {
      notify({ tone: 'error', kind: 'storage-full', render: () => t('storage.full') });
      return null;
    }
  }
  storage.setCurrent(id);
  state.otherTab = null;
  showSaved(record);
  state.answers = answers;
  state.on = '';
  if (kind) {
    notify({
      tone: 'ok', kind, render: message,
      undo: () => {
        if (replaced) storage.writeClient(id, replaced);
        else desk.remove(id);
        storage.setCurrent(storage.readClient(previousId) ? previousId : storage.clientIds()[0]);
        const back = storage.readClient(storage.currentClient()) || {};
        openClient({ doc: back.doc, answers: back.answers, on: back.on });
        notify({ tone: 'ok', kind: 'undone', render: () => t('undone') });
      },
    });
  }
  return id;
}

function keepThisTab() {
  state.otherTab = null;
  persist();
  notify({ tone: 'ok', kind: 'tab-kept', render: () => t('tab.kept') });
}

// ---- notices (import, samples, undo) -------------------------------------------------------

function notify(notice) {
  state.notice = notice;
  renderNotice();
}

function renderNotice() {
  const box = $('notices');
  const n = state.notice;
  if (!n) {
    fill(box);
    return;
  }
  fill(box, h('div', { class: `notice tone-${n.tone}`, dataset: { kind: n.kind || '' } },
    h('div', { class: 'notice-body' }, n.render()),
    h('div', { class: 'buttons' },
      (n.actions || []).map((a) => h('button', { type: 'button', class: 'btn', id: a.id, onclick: a.onclick, text: a.text })),
      n.undo ? h('button', {
        type: 'button', class: 'btn', onclick: () => { n.undo(); }, text: t('undo'),
      }) : null,
      n.sticky ? null : h('button', {
        type: 'button', class: 'btn-small', 'aria-label': t('dismiss'), text: '×',
        onclick: () => { state.notice = null; renderNotice(); },
      }))));
}

/** Replaces the entries with `doc`, keeping the previous ones for Undo. */
function replaceDoc(doc, message, kind) {
  const previous = state.doc;
  const previousAnswers = state.answers;
  const previousOn = state.on;
  // The file answers the lists it contains (an empty one: "none"); the others stay unanswered.
  state.answers = Answers.fromFile(doc);
  state.doc = model.normalise(doc);
  state.good = null;
  state.on = '';  // a new file is evaluated on its own application date first
  state.tried.clear();
  persist();
  form.render();
  evaluateNow();
  notify({
    tone: 'ok', kind, render: message,
    undo: () => {
      state.doc = previous;
      state.answers = previousAnswers;
      state.on = previousOn;
      state.tried.clear();
      persist();
      form.render();
      evaluateNow();
      notify({ tone: 'ok', kind: 'undone', render: () => t('undone') });
    },
  });
}

// ---- evaluation ----------------------------------------------------------------------------

// `detail`: the engine says where the evaluation date came from and where each window starts.
function options() {
  return { lang: getLang(), today: state.today, on: state.on || undefined, detail: true };
}

/** Something changed in the form: save, rebuild the form when its shape changed, re-evaluate. */
function changed(structural) {
  persist();
  if (structural) form.render();
  if (notesView) notesView.refresh();
  clearTimeout(timer);
  timer = setTimeout(evaluateNow, structural ? 0 : 150);
}

/**
 * The engine's answer for the answered part of the file (model.evalFile), its error paths
 * pointing at the form's rows.
 */
function evaluateAnswered(doc, answers, opts) {
  const ev = model.evalFile(doc, state.rules, answers);
  return { res: placeErrors(engine.evaluate(ev.text, opts), ev), text: ev.text };
}

// An invalid result's errors placed at the form's rows (the engine's `path` is of the answered part).
function placeErrors(res, ev) {
  if (res.verdict === 'invalid' && Array.isArray(res.errors)) res.errors = res.errors.map((e) => ({ ...e, path: ev.path(e.path) }));
  return res;
}

/**
 * The tried actions done by the engine (what_if) on the answered part of the file: the result
 * shown, and the changes, copied into the form's file for "apply" and the timeline.
 */
function whatIfNow(opts) {
  const ev = model.evalFile(state.doc, state.rules, state.answers);
  const w = engine.whatIf(ev.text, [...state.tried.values()], opts);
  if (w.schema !== 'nvcheck/what-if@1') return { view: placeErrors(w, ev), changes: [], doc: state.doc };
  return { view: placeErrors(w.result, ev), changes: w.changes, doc: model.withChanges(state.doc, w.changes) };
}

function evaluateNow() {
  clearTimeout(timer);
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
    staleNow(opts);
    if (!form) buildPage();
    renderAll();
    return;
  }
  try {
    state.unanswered = state.answers.unanswered(state.doc, state.rules);
    const evaluated = evaluateAnswered(state.doc, state.answers, opts);
    const text = evaluated.text;
    state.base = evaluated.res;
    // The plan is shown below the verdict: on the first load (no form yet) it is made once the
    // verdict is on screen (planNow). Nothing can be tried before there is a plan to try.
    state.plan = state.base.verdict === 'invalid' ? state.base : form ? engine.plan(text, opts) : null;
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
    if (state.base.verdict !== 'invalid') state.good = { text, doc: JSON.parse(text), made: null };
    staleNow(opts);
    state.engineBroken = false;
  } catch (err) {
    engineFailed(err);
    return;
  }
  if (!form && state.base.verdict === 'invalid') buildPage();
  renderAll();
}

/**
 * While an entry is invalid, the answer of the last valid entries stays on screen, marked out of
 * date (issue 13: one bad date no longer blanks the verdict, the plan, the timeline): made again
 * from that file for the current language and date, so it reads as the rest of the page.
 */
function staleNow(opts) {
  state.stale = null;
  if (state.base.verdict !== 'invalid' || !state.good) return;
  const key = JSON.stringify(opts);
  const g = state.good;
  if (!g.made || g.made.key !== key) {
    const base = engine.evaluate(g.text, opts);
    if (base.verdict === 'invalid') return;
    g.made = { key, base, plan: engine.plan(g.text, opts) };
  }
  state.stale = { base: g.made.base, plan: g.made.plan, doc: g.doc };
}

function engineFailed(err) {
  fill($('result-body'), h('div', { class: 'verdict v-invalid', role: 'alert' },
    h('p', { text: t('app.engine_error', { message: err && err.message ? err.message : String(err) }) })));
  if (!state.engineBroken) {
    // After a trap the adapter starts a fresh module; try once more.
    state.engineBroken = true;
    engine.restart().then(() => evaluateNow(), () => {});
  }
}

function region() {
  return (state.viewDoc || state.doc).enterprise.region || 'GD';
}

function recordTarget(id) {
  const where = model.findRecord(state.doc, id);
  return where ? `/records/${where.list}/${where.index}` : null;
}

function gotoRecord(id) {
  const path = recordTarget(id);
  if (path && form) form.focusPath(path);
}

/**
 * Shows the evaluation. Every view updates in place and rebuilds only what changed (the views key
 * what they show; the form knows its slots), so an edit among 400 records costs about what it
 * changed. Before the form is built (the first load) only the verdict is shown.
 */
function renderAll() {
  renderVerdict();
  if (form) renderRest();
}

/** The result panel: verdict, what-if date, clause by clause; and the header's pill. */
function renderVerdict() {
  const ctx = {
    rules: state.rules, region: region(),
    whatIf: state.tried.size ? t('whatif.banner', { actions: changeList() }) : '',
    unanswered: state.unanswered.map(describeUnanswered),
    unansweredClauses: state.unanswered.map((u) => u.clause).filter(Boolean),
    gotoRecord, gotoPath: (p) => form && form.focusPath(p), canGo: (p) => Boolean(form && form.targetFor(p)),
    describe: (p) => form && form.describePath(p),
    previous: state.stale ? state.stale.base : null,
  };
  // On the first load the verdict's frame holds the banner only; the cards and the what-if date
  // (a date input: the first style and layout of its inner fields took 10-40 ms in a fresh page)
  // come a frame later.
  const later = !form && !cardsShown;
  renderResult($('result-body'), later ? null : $('result-details'), state.view, ctx);
  if (!later) renderWhatIfDate();
  renderPill();
}

/** What the evaluation shows below and beside the verdict: the form's marks, timeline, plan. */
function renderRest() {
  form.showErrors(state.base.verdict === 'invalid' ? state.base.errors : []);
  form.showStatus(state.stale ? state.stale.base : state.base, state.unanswered,
    state.base.verdict === 'invalid' ? state.base.errors : []);
  markStale();

  drawTimeline();
  const note = $('timeline-whatif');
  note.hidden = !state.tried.size;
  note.textContent = state.tried.size ? t('whatif.banner', { actions: changeList() }) : '';

  const planShown = state.stale ? state.stale.plan : state.plan;
  if (state.unanswered.length && (state.stale ? state.stale.base : state.base).verdict === 'pass') {
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
  if (report.shown) afterFrame(() => report.refresh());
  renderPill();  // the answer bar's first thing to do comes from the plan
  restShown();
}

// The parts under the form are shown (body.built) once the form is whole and the views under it
// are drawn: nothing they hold arrives later to push what is below.
let restShown;
const restReady = new Promise((resolve) => { restShown = resolve; });

/** Runs `fn` once the next frame is painted (the verdict on screen first, then the rest). */
function afterFrame(fn) {
  requestAnimationFrame(() => setTimeout(fn, 0));
}

// The chart is drawn at its shown width, as a ResizeObserver reports it after a layout (reading
// clientWidth instead would force a layout of the whole page). The section is observed, not the
// chart's box: with `content-visibility: auto` the chart is not laid out while off screen.
let chartWidth = 0;
let resizeTimer = null;

function drawTimeline() {
  if (!state.view || !chartWidth) return;  // drawn as soon as the width is known
  const [result, doc] = state.stale ? [state.stale.base, state.stale.doc] : [state.view, state.viewDoc];
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
    requestAnimationFrame(() => { if (form) drawTimeline(); });
  } else {
    resizeTimer = setTimeout(() => { chartWidth = w; if (form) drawTimeline(); }, 150);
  }
}).observe($('timeline'));

function changeList() {
  return state.changes.map((c) => t('whatif.action', {
    record: c.record, field: state.rules.fieldLabel(c.list, c.field), date: humanDate(c.value),
  })).join(getLang() === 'en' ? '; ' : '；');
}

/** What is not answered yet, in words, with where it is: `{path, text}`. */
function describeUnanswered(u) {
  const rules = state.rules;
  const sep = getLang() === 'en' ? ': ' : '：';
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
  const name = desk.clientName(storage.readClient(id));
  return name || (id ? t('desk.unnamed', { n: storage.clientIds().indexOf(id) + 1 }) : '');
}

/** The answer bar (verdict-bar.js); a new verdict or earliest date is announced. */
function renderPill() {
  const v = state.view;
  const shown = v ? shownVerdict(v) : '';
  const client = openClientName();
  renderVerdictBar($('status-pill'), $('bar-next'), v, state.plan, shown, client);
  const shownName = $('result-client');
  if (shownName && shownName.textContent !== client) shownName.textContent = client;
  if (!v) return;
  const key = `${getLang()}|${shown}|${v.earliest_pass_date}`;
  if (key !== state.lastVerdict) {
    state.lastVerdict = key;
    $('sr-live').textContent = pillText(v, shown);
  }
}

// ---- what-if date and tried actions --------------------------------------------------------

/**
 * The what-if date control. Its input is made once (and again on a language switch): replacing
 * it while someone types a date segment by segment would lose what they typed.
 */
let whatIfBox = null;

function renderWhatIfDate(rebuild = false) {
  const box = $('whatif');
  let input = $('whatif-on');
  if (!input || rebuild) {
    // The page's own date field: a date refused as typed is kept (and says so), never another one.
    whatIfBox = dateField({
      id: 'whatif-on', value: state.on, describedby: 'whatif-hint',
      onChange: (v) => {
        state.on = v;
        persist();
        clearTimeout(timer);
        timer = setTimeout(evaluateNow, 150);
      },
    });
    input = whatIfBox.control;
    fill(box,
      h('h3', { text: t('whatif.title') }),
      h('div', { class: 'whatif-row' },
        h('div', { class: 'field' },
          h('label', { for: 'whatif-on', text: t('whatif.date') }),
          whatIfBox),
        h('div', { class: 'buttons', id: 'whatif-buttons' })),
      h('p', { class: 'hint', id: 'whatif-hint', text: t('whatif.hint') }));
  }
  if (!whatIfBox.contains(document.activeElement) && whatIfBox.firstChild.dataset.value !== state.on) whatIfBox.setValue(state.on);

  const v = state.view;
  const earliest = v && v.verdict === 'fail' ? v.earliest_pass_date : null;
  const buttons = $('whatif-buttons');
  const active = document.activeElement && buttons.contains(document.activeElement) ? document.activeElement.id : null;
  // Kept while they stay the same (the container is new whenever the input is).
  keyed(buttons, [state.on ? 'reset' : null, earliest ? `earliest|${earliest}` : null].filter(Boolean), (k) => k, (k) => (k === 'reset'
    ? h('button', {
      type: 'button', class: 'btn-small', id: 'whatif-reset', text: t('whatif.reset'),
      onclick: () => { state.on = ''; whatIfBox.setValue(''); persist(); evaluateNow(); input.focus(); },
    })
    : h('button', {
      type: 'button', class: 'btn-small', id: 'whatif-earliest', text: t('whatif.use_earliest'),
      onclick: () => { state.on = earliest; whatIfBox.setValue(earliest); persist(); evaluateNow(); input.focus(); },
    })));
  if (active && document.activeElement !== $(active)) ($(active) || input).focus();
}

function toggleAction(a) {
  const key = actionKey(a);
  if (state.tried.has(key)) state.tried.delete(key);
  else state.tried.set(key, a);
  evaluateNow();
}

function applyTried() {
  const previous = state.doc;
  const previousAnswers = state.answers;
  state.answers = state.answers.cloneFor(state.doc, state.viewDoc);
  state.doc = state.viewDoc;
  state.tried.clear();
  persist();
  form.render();
  evaluateNow();
  notify({
    tone: 'ok', kind: 'applied', render: () => t('whatif.applied'),
    undo: () => {
      state.doc = previous;
      state.answers = previousAnswers;
      persist();
      form.render();
      evaluateNow();
      notify({ tone: 'ok', kind: 'undone', render: () => t('undone') });
    },
  });
}

function discardTried() {
  state.tried.clear();
  evaluateNow();
}

// ---- files -----------------------------------------------------------------------------

/** Works before the engine has started too (with no rule data, keys keep their order). */
function exportFile() {
  // Named by the enterprise (Chinese names kept) and the day (desk.js fileName).
  const name = desk.clientName(storage.readClient(storage.currentClient())) || state.doc.enterprise.name;
  // Only what was answered: a list not answered yet is left out, one answered "none" is empty.
  download(desk.fileName('', name, state.today, 'json'), model.toExportText(state.doc, state.rules, state.answers), 'application/json');
  // A yes/no question not answered yet is left out of the file, where it would read as "no"
  // (or, for a valid complaint or an effective judgment, be missing): said at once.
  const open = state.rules ? state.unanswered.filter((u) => u.fields).length : 0;
  if (open) notify({ tone: 'warn', kind: 'export-open', render: () => t('file.exported_open', { n: open }) });
}

/** Checks a file with the engine; returns the parsed file or the reasons it was refused. */
// `text` is the file's text, or its bytes (an imported file: the engine then sees exactly what
// the CLI would, a byte-order mark or bytes that are not UTF-8 included).
function checkFile(text) {
  const res = engine.evaluate(text, { lang: getLang(), today: state.today });
  if (res.verdict !== 'invalid') {
    try {
      const str = typeof text === 'string' ? text : new TextDecoder('utf-8', { fatal: true }).decode(text);
      return { doc: JSON.parse(str.replace(/^\uFEFF/, '')) };
    } catch {
      return { refused: { why: t('file.not_json'), errors: [] } };
    }
  }
  const errors = res.errors || [];
  const codes = errors.map((e) => e.code);
  if (codes.includes('invalid_json')) return { refused: { why: t('file.not_json'), errors } };
  if (codes.includes('unsupported_schema')) return { refused: { why: t('file.wrong_schema'), errors } };
  if (codes.includes('too_large')) return { refused: { why: t('file.too_large'), errors } };
  return { refused: { why: t('file.engine_errors'), errors } };
}

function refusedNotice(name, text) {
  notify({
    tone: 'error', kind: 'refused',
    // Re-checked on a language switch, so the engine's messages follow the language.
    render: () => {
      const r = text === null ? { refused: { why: t('file.unreadable'), errors: [] } } : checkFile(text);
      const refused = r.refused || { why: '', errors: [] };
      return [
        h('p', { text: t('file.refused', { name, why: refused.why }) }),
        refused.errors.length
          ? h('ul', {}, refused.errors.slice(0, 12).map((e) => h('li', {},
            e.path ? [h('code', { text: e.path }), ' '] : null, e.message)))
          : null,
      ];
    },
  });
}

async function importFile(file) {
  let text = null;
  const maxFile = engine.limits().file_bytes;  // the engine's own limit, said before reading
  if (file.size <= maxFile) {
    try {
      text = new Uint8Array(await file.arrayBuffer());
    } catch {
      text = null;
    }
  }
  if (text === null) {
    notify({
      tone: 'error', kind: 'refused',
      render: () => h('p', { text: t('file.refused', { name: file.name, why: t(file.size > maxFile ? 'file.too_large' : 'file.unreadable') }) }),
    });
    return;
  }
  const deskDoc = deskFileIn(text);
  if (deskDoc) {
    importDesk(file.name, deskDoc);
    return;
  }
  let r;
  try {
    r = checkFile(text);
  } catch (err) {
    notify({ tone: 'error', kind: 'refused', render: () => t('app.engine_error', { message: err.message }) });
    return;
  }
  if (r.refused) {
    refusedNotice(file.name, text);
    return;
  }
  addAsClient(r.doc, file.name, () => t('file.imported', { name: file.name }), 'imported');
}

/** The desk file (`nvcheck/desk@1`) in these bytes, parsed, or null when it is another file. */
function deskFileIn(bytes) {
  try {
    const v = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''));
    return v && typeof v === 'object' && v.schema === desk.DESK_SCHEMA ? v : null;
  } catch {
    return null;
  }
}

/**
 * Adds every client of a desk file (each enterprise checked by the engine first: one refused
 * refuses the file, saying which and why), asking for each one already here.
 */
async function importDesk(fileName, file) {
  const list = Array.isArray(file.clients) ? file.clients : null;
  const why = [];
  const docs = [];
  if (!list || !list.length) why.push(t('file.wrong_schema'));
  else {
    list.forEach((c, i) => {
      const r = c && typeof c === 'object' && c.enterprise && typeof c.enterprise === 'object'
        ? checkFile(JSON.stringify(c.enterprise)) : { refused: { why: t('file.wrong_schema'), errors: [] } };
      if (r.refused) why.push(t('desk.bad_desk', { n: i + 1, why: r.refused.why + (r.refused.errors[0] ? ` ${r.refused.errors[0].message}` : '') }));
      else docs.push({ doc: r.doc, notes: desk.notesOf(c), label: typeof c.label === 'string' ? c.label : '' });
    });
  }
  if (why.length) {
    notify({ tone: 'error', kind: 'refused', render: () => [h('p', { text: t('file.refused', { name: fileName, why: '' }) }), h('ul', {}, why.slice(0, 12).map((w) => h('li', { text: w })))] });
    return;
  }
  if (typeof file.consultant === 'string' && file.consultant.trim() && !desk.settings().consultant) desk.setSettings({ consultant: file.consultant.trim() });
  let added = 0;
  for (const c of docs) {
    const name = c.label || (c.doc.enterprise && c.doc.enterprise.name) || fileName;
    const id = await addAsClient(c.doc, name, null, null, c.notes);
    if (id) {
      added += 1;
      if (c.label) desk.rename(id, c.label);
    }
  }
  if (deskView) deskView.refresh();
  notify({ tone: 'ok', kind: 'imported', render: () => t('desk.imported_desk', { name: fileName, n: added }) });
}

/** The whole desk as one file (`nvcheck/desk@1`): every client's enterprise file and notes. */
function exportDesk() {
  const file = desk.deskFile((client) => {
    const doc = model.normalise(client.doc ? JSON.parse(JSON.stringify(client.doc)) : model.emptyDoc());
    return model.toFile(doc, state.rules, Answers.fromJSON(doc, client.answers));
  }, state.today);
  download(desk.fileName('desk', desk.settings().consultant || 'clients', state.today, 'json'), JSON.stringify(file, null, 2) + '\n', 'application/json');
}

function fetchSampleText(sample) {
  if (!sample.text) {
    sample.text = fetch('samples/' + encodeURIComponent(sample.file), { cache: 'no-cache' }).then((resp) => {
      if (!resp.ok) throw new Error(`${resp.status}`);
      return resp.text();
    });
    sample.text.catch(() => { sample.text = null; });
  }
  return sample.text;
}

async function loadSample(sample) {
  try {
    const text = await fetchSampleText(sample);
    const r = checkFile(text);
    if (r.refused) {
      refusedNotice(sample.file, text);
      return;
    }
    addAsClient(r.doc, state.rules.label(sample.title), () => t('samples.loaded', { name: state.rules.label(sample.title) }), 'sample');
  } catch (err) {
    notify({ tone: 'error', kind: 'sample-failed', render: () => t('samples.failed', { message: err.message }) });
  }
}

// Each button holds its title in the three languages, as index.html has them before the list
// arrives (style.css shows the page's language): the list replaces them with buttons of the same
// size. A click is handled by the box (boot), on the buttons of index.html too.
function renderSamples() {
  const box = $('sample-buttons');
  fill(box, state.samples.map((s) => h('button', {
    type: 'button', class: 'btn-small sample', dataset: { sample: s.id || s.file },
    title: s.description ? state.rules.label(s.description) : null,
  }, LANGS.map((lang) => h('span', {
    lang, text: s.title && typeof s.title === 'object' ? (s.title[lang] || state.rules.label(s.title)) : String(s.title),
  })))));
}

// The list of samples, once fetched: asked for when the form is built (buildPage).
let samplesListed;
const samplesReady = new Promise((resolve) => { samplesListed = resolve; });

function onSampleClick(ev) {
  const b = ev.target.closest('[data-sample]');
  if (!b) return;
  samplesReady.then(() => {
    const sample = state.samples.find((s) => (s.id || s.file) === b.dataset.sample);
    if (sample) loadSample(sample);
  });
}

async function fetchSamples() {
  try {
    const resp = await fetch('samples/index.json', { cache: 'no-cache' });
    if (!resp.ok) return;
    const list = await resp.json();
    state.samples = Array.isArray(list.samples) ? list.samples : Array.isArray(list) ? list : [];
    renderSamples();
    // The samples are small: fetched now, they also load offline later.
    for (const sample of state.samples) fetchSampleText(sample).catch(() => {});
  } catch {
    // Samples are optional: the page works without them.
  }
}

function clearEverything() {
  if (!form) return;
  const dialog = $('clear-dialog');
  dialog.showModal();
}

function confirmClear() {
  $('clear-dialog').close();
  state.doc = model.emptyDoc();
  state.answers = new Answers();
  state.on = '';
  state.tried.clear();
  state.good = null;
  state.otherTab = null;
  storage.clear();
  persist();
  form.render();
  evaluateNow();
  notify({ tone: 'ok', kind: 'cleared', render: () => t('clear.done') });
  $('clear-btn').focus();
}

// ---- rule data ----------------------------------------------------------------------------

/**
 * A rules file served beside the page (rules/wq179.json, copied there by tools/build-site.sh)
 * replaces the built-in rule data when its id or version differs: an association can adjust
 * the lists without a rebuild.
 */
async function rulesBesideThePage(summary, textPromise) {
  try {
    const text = await textPromise;
    if (text === null) return;
    const head = JSON.parse(text);
    if (head.id === summary.id && head.version === summary.version) return;
    state.rules = new RuleData(engine.setRules(text));
  } catch {
    // Keep the built-in rules.
  }
}

/** Rule data picked by the user: in use until the page reloads. */
async function loadRulesFile(file) {
  let text;
  try {
    text = await file.text();
    state.rules = new RuleData(engine.setRules(text));
  } catch (err) {
    // A refused rule set: the engine's own list of problems, in the language shown.
    const problems = err && Array.isArray(err.problems) ? err.problems : null;
    const message = () => (problems ? problems.map((p) => p.message[getLang()]).join(' ')
      : err && err.message ? err.message : String(err));
    notify({ tone: 'error', kind: 'rules-refused', render: () => t('rules.refused', { name: file.name, message: message() }) });
    return;
  }
  applyStatic();
  form.render();
  report.render();
  renderSamples();
  evaluateNow();
  const { id, version } = state.rules;
  notify({ tone: 'ok', kind: 'rules-loaded', render: () => t('rules.loaded', { name: file.name, id, version }) });
}

// ---- start -----------------------------------------------------------------------------

async function boot() {
  const saved = storage.load();
  const browserLang = (navigator.language || '').toLowerCase();
  const guess = browserLang.startsWith('zh')
    ? (/hant|tw|hk|mo/.test(browserLang) ? 'zh-Hant' : 'zh-Hans')
    : browserLang ? 'en' : 'zh-Hans';
  setLang(saved && LANGS.includes(saved.lang) ? saved.lang : guess);
  // The saved entries are restored before the engine starts, so nothing done meanwhile (a
  // language switch saves) can overwrite them.
  if (saved && saved.doc && typeof saved.doc === 'object') {
    state.doc = model.normalise(saved.doc);
    // An entry saved before the page asked for explicit answers restores none: its empty lists
    // are asked again.
    state.answers = Answers.fromJSON(state.doc, saved.answers);
  }
  // A what-if date refused as typed is restored as typed (and refused again).
  if (saved && typeof saved.on === 'string' && /^\d*-\d*-\d*$/.test(saved.on)) state.on = saved.on;
  applyStatic();

  for (const b of document.querySelectorAll('.lang-switch [data-lang]')) {
    b.addEventListener('click', () => switchLang(b.dataset.lang));
  }
  $('sample-buttons').addEventListener('click', onSampleClick);
  $('export-btn').addEventListener('click', () => exportFile());
  $('import-btn').addEventListener('click', () => $('import-input').click());
  $('import-input').addEventListener('change', (ev) => {
    const file = ev.target.files && ev.target.files[0];
    ev.target.value = '';
    if (file && form) importFile(file);
  });
  $('clear-btn').addEventListener('click', clearEverything);
  $('rules-btn').addEventListener('click', () => $('rules-input').click());
  $('rules-input').addEventListener('change', (ev) => {
    const file = ev.target.files && ev.target.files[0];
    ev.target.value = '';
    if (file && form) loadRulesFile(file);
  });
  $('clear-confirm').addEventListener('click', confirmClear);
  storage.onOtherTab(otherTabChanged);
  $('clear-cancel').addEventListener('click', () => $('clear-dialog').close());

  // The module and the rules file beside the page are fetched at the same time.
  const starting = engine.start();
  const besideText = engine.rulesBesideThePage();
  let summary;
  try {
    summary = await starting;
  } catch (err) {
    $('loading').textContent = t('app.engine_failed', { message: err && err.message ? err.message : String(err) });
    $('loading').classList.add('error');
    return;
  }
  useDateWriter(engine.humanDate);  // dates for people as the engine's texts write them
  state.rules = new RuleData(summary);
  await rulesBesideThePage(summary, besideText);
  applyStatic();
  mountStandardView({ rules: () => state.rules });  // #standard: the standard's text and the values in use
  await nextTask();  // the engine's start and its first evaluation: two tasks, not one long one
  $('loading').hidden = true;
  document.body.classList.add('ready');
  // The verdict first, alone in its frame (its first layout is the page's, ~10 ms; with the ~20
  // clause cards 15-25 ms more); the cards in the next frame; then the form (hundreds of controls
  // for a large file), the timeline and the plan. An invalid file builds the form first: its
  // errors point into it.
  evaluateNow();
  persist();
  if (!form) {
    requestAnimationFrame(() => requestAnimationFrame(() => {
      cardsShown = true;
      if (state.view) renderVerdict();
      // The form is built in slices (forms.js); the plan and the views it feeds in tasks of their own.
      setTimeout(async () => {
        buildPage();
        await nextTask();
        if (!state.view || !planNow()) return;
        await nextTask();
        renderRest();
      }, 0);
    }));
  }
}

/** The plan of the records shown, when evaluateNow left it for later; false if the engine failed. */
function planNow() {
  if (state.plan) return true;
  try {
    state.plan = engine.plan(model.evalFile(state.doc, state.rules, state.answers).text, options());
    return true;
  } catch (err) {
    engineFailed(err);
    return false;
  }
}

/** The entry form and the report view; then the demo samples are fetched. */
function buildPage() {
  if (form) return;
  form = new EntryForm($('entries'), {
    get rules() { return state.rules; },
    doc: () => state.doc,
    answers: () => state.answers,
    changed,
    today: () => state.today,
    announce: (msg) => { $('sr-live').textContent = msg; },
  });
  report = new ReportView($('report-body'), {
    // A report of a file with questions not answered yet would report a pass nobody earned.
    make: (lang) => (state.unanswered.length
      ? { verdict: 'unanswered' }
      : engine.report(model.evalFile(state.doc, state.rules, state.answers).text,
        { ...options(), lang, ...desk.reportOptions(storage.currentClient(), state.doc) })),
    name: () => desk.clientName(storage.readClient(storage.currentClient())) || (state.doc.enterprise && state.doc.enterprise.name) || '',
    date: () => (state.view && state.view.evaluated_on ? state.view.evaluated_on : state.today),
  });
  markCode = new MarkCodeBox($('mark-code-body'), { rules: () => state.rules });
  deskView = new DeskView($('desk-body'), {
    rules: () => state.rules, today: () => state.today, evaluate: engine.evaluate, plan: engine.plan,
    regionName: (r) => state.rules.regionLabel(r), open: openClient, notify, exportDesk,
    announce: (msg) => { $('sr-live').textContent = msg; },
    nameField: () => document.querySelector('[data-path="/enterprise/name"]:is(input)'),
    entriesRenamed: () => { renderPill(); if (report) report.render(); },
  });
  notesView = new NotesView($('notes-body'), {
    rules: () => state.rules, doc: () => state.doc, region,
    reportChanged: () => { if (report && report.shown) report.refresh(); },
  });
  const whole = form.render();
  report.render();
  markCode.render();
  deskView.render();
  notesView.render();
  Promise.all([whole, restReady]).then(() => document.body.classList.add('built'));
  const listed = fetchSamples();
  samplesListed(listed);
  // Every file a demo uses is asked for now (the samples, the standard's text): once they have
  // arrived, 'nvcheck:loaded': offline.js registers the service worker then, and present.js
  // counts the requests made after it (none).
  listed.then(() => Promise.allSettled([...state.samples.map(fetchSampleText), preloadStandard()]))
    .then(() => document.dispatchEvent(new Event('nvcheck:loaded')));
  mountTour(tourHooks());
}

/** What the guided tour (tour.js) may read and do: it works on a copy of the entries. */
function tourHooks() {
  return {
    rules: () => state.rules,
    doc: () => state.doc,
    result: () => state.view,
    unanswered: () => state.unanswered,
    // The client too: the tour's sample becomes a client of its own (the desk), so putting the
    // copy back also opens the client it came from.
    snapshot: () => ({ client: storage.currentClient(), doc: JSON.parse(JSON.stringify(state.doc)), answers: state.answers.toJSON(state.doc), on: state.on }),
    restore: (s) => {
      if (s.client && s.client !== storage.currentClient() && storage.readClient(s.client)) storage.setCurrent(s.client);
      state.doc = model.normalise(JSON.parse(JSON.stringify(s.doc)));
      state.answers = Answers.fromJSON(state.doc, s.answers);
      state.on = s.on;
      state.tried.clear();
      state.good = null;
      state.notice = null;
      renderNotice();
      persist();
      form.render();
      renderWhatIfDate(true);
      evaluateNow();
      renderPill();
      if (deskView) deskView.render();
    },
    hold: (on) => { state.tour = on; persist(); },
    notify: (text) => notify({ tone: 'ok', kind: 'tour', render: text }),
  };
}

boot();
