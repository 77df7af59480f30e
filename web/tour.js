// The guided tour (issue 16 item 4): for association staff on a projector. Starting from a demo
// enterprise it walks, a step at a time with a short caption, through the verdict and the clause
// cards, the text of the complaints clause (6.2.8) in the standard view, a record added so the
// verdict, the timeline and the earliest pass date move, and a what-if date. It works the page's
// own controls (the sample button, the card's link, "add a record", the fields, the what-if
// button) and reads the engine's answers; it never computes a verdict.
//
// The enterprise on screen is changed only while the tour runs: app.js takes a copy of it before
// the first step (snapshot), saves nothing meanwhile (hold) and puts the copy back when the tour
// stops (restore), so the person's own entries are never lost. Captions are in web/i18n.js; the
// standard's numbers in them (clause, window, threshold) are filled from the rule data in use.

import { h } from './dom.js';
import { t, humanDate } from './i18n.js';

const SAMPLE = 'gd-pass';              // web/samples/: a Guangdong enterprise that passes, with one valid complaint
const LIST = 'contract_complaints';    // the records of the complaints clause (6.2.8 in WQ-179)
const AUTO_MS = 9000;                  // auto-advance: time on each step once it is shown
const WAIT_MS = 8000;                  // longest wait for the page to answer a step

let app = null;      // hooks from app.js
let tour = null;     // the running tour, or null

/**
 * @param {{rules: () => object, doc: () => object, result: () => object, unanswered: () => any[],
 *          snapshot: () => object, restore: (s: object) => void, hold: (on: boolean) => void,
 *          notify: (text: () => string) => void}} hooks
 */
export function mountTour(hooks) {
  app = hooks;
  const button = document.getElementById('tour-btn');
  if (button) {
    button.disabled = false;
    button.addEventListener('click', () => start());
  }
  document.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Escape' || !tour || document.querySelector('dialog[open]')) return;
    ev.preventDefault();
    stop();
  });
  // A language switch redraws the caption in the new language.
  new MutationObserver(() => { if (tour) renderPanel(); }).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

// ---- the steps --------------------------------------------------------------------------
// Each step: run() does what the step shows (through the page's controls) and keeps what its
// caption needs in `data`; show() brings its part of the page back on screen (Back); caption()
// is read in the page's language at the time it is drawn.

const verdictWord = (v) => (v === 'pass' ? t('result.pass') : v === 'fail' ? t('result.fail') : t('result.invalid'));
/** The earliest date it could pass: the evaluation date for a pass, the engine's date for a fail. */
const passDate = (r) => (r.verdict === 'pass' ? r.evaluated_on : r.earliest_pass_date || '');

function indicator() {
  return app.rules().indicators.find((i) => i.records === LIST);
}

const STEPS = [
  {
    id: 'load',
    target: () => document.getElementById('result'),
    async run(data) {
      const before = noticeEl();
      const button = document.querySelector(`[data-sample="${SAMPLE}"]`);
      if (!button) throw new Error(SAMPLE);
      button.click();
      await until(() => noticeEl() !== before && noticeEl() && noticeEl().dataset.kind === 'sample');
      await until(() => settled() && document.querySelector('#result-details .clause-card'));
      data.result = app.result();
    },
    show: closeStandard,
    caption: (data) => t('tour.c.load', {
      name: app.doc().enterprise.name || '',
      region: app.rules().regionLabel(app.doc().enterprise.region),
      verdict: verdictWord(data.result.verdict),
    }),
  },
  {
    id: 'cards',
    target: () => document.getElementById('result-details'),
    async run(data) {
      const cards = [...document.querySelectorAll('#result-details .clause-card')];
      data.first = cards[0].dataset.clause;
      data.last = cards[cards.length - 1].dataset.clause;
    },
    show: closeStandard,
    caption: (data) => t('tour.c.cards', { first: data.first, last: data.last }),
  },
  {
    id: 'text',
    target: () => document.getElementById('std-' + indicator().clause),
    async run() {
      const clause = indicator().clause;
      const link = document.querySelector(`#result-details .clause-card[data-clause="${CSS.escape(clause)}"] .clause-read`);
      if (!link) throw new Error(clause);
      link.click();
      await until(() => !document.getElementById('standard').hidden &&
        document.querySelector(`[id="std-${CSS.escape(clause)}"] .std-heading`));
    },
    async show() {
      const clause = indicator().clause;
      if (location.hash !== `#standard/${clause}`) location.hash = `standard/${clause}`;
      await until(() => document.querySelector(`[id="std-${CSS.escape(clause)}"] .std-heading`));
      document.getElementById('std-' + clause).scrollIntoView({ block: 'start' });
    },
    caption: () => {
      const ind = indicator();
      return t('tour.c.text', {
        clause: ind.clause, name: app.rules().indicatorName(ind, app.doc().enterprise.region),
        months: ind.window_months, threshold: ind.threshold, resolved: ind.resolved_window_months,
      });
    },
  },
  {
    id: 'add',
    target: () => {
      const recs = app.doc().records[LIST] || [];
      return document.querySelector(`li.record[data-path="/records/${LIST}/${recs.length - 1}"]`) || document.getElementById('ind-' + indicator().clause);
    },
    async run(data) {
      const clause = indicator().clause;
      // Back to the check through the clause text's own link back to its card.
      const back = document.querySelector(`[id="std-${CSS.escape(clause)}"] .std-to-card`);
      if (back) back.click();
      await until(() => document.getElementById('standard').hidden);
      data.before = app.result();
      data.date = monthBefore(data.before.evaluated_on);
      const add = document.getElementById('add-' + LIST);
      add.scrollIntoView({ block: 'center' });
      add.click();
      const index = app.doc().records[LIST].length - 1;
      const path = `/records/${LIST}/${index}`;
      await until(() => document.querySelector(`[data-path="${path}/received_on"]`));
      data.id = app.doc().records[LIST][index].id;
      choose(`${path}/contract_type`, inScope());
      yesNo(`${path}/valid`, true);
      typeDate(`${path}/received_on`, data.date);
      choose(`${path}/default_type`, firstOption(`${path}/default_type`));
      typeText(`${path}/matter`, t('tour.demo_matter'));
      typeText(`${path}/source`, t('tour.demo_source'));
      yesNo(`${path}/disputed`, false);
      // The engine's answer with the new record in it, every question answered.
      await until(() => settled() && app.unanswered().length === 0 && mentions(app.result(), data.id));
      data.after = app.result();
      data.type = app.rules().enumLabel(app.rules().field(LIST, 'contract_type').enum, inScope());
    },
    show: closeStandard,
    caption: (data) => t('tour.c.add', { clause: indicator().clause, type: data.type, date: humanDate(data.date) }),
  },
  {
    id: 'verdict',
    target: () => document.getElementById('result'),
    async run(data, all) {
      Object.assign(data, { before: all.add.before, after: all.add.after });
    },
    show: closeStandard,
    caption: (data) => t('tour.c.verdict', {
      before: verdictWord(data.before.verdict), after: verdictWord(data.after.verdict),
      date_before: humanDate(passDate(data.before)), date_after: humanDate(passDate(data.after)),
    }),
  },
  {
    id: 'timeline',
    target: () => document.getElementById('timeline'),
    async run(data) {
      data.date = passDate(app.result());
    },
    show: closeStandard,
    caption: (data) => t('tour.c.timeline', { clause: indicator().clause, date: humanDate(data.date) }),
  },
  {
    id: 'whatif',
    target: () => document.getElementById('whatif'),
    async run(data) {
      const earliest = app.result().earliest_pass_date;
      const button = document.getElementById('whatif-earliest');
      if (!button || !earliest) throw new Error('whatif');
      button.click();
      await until(() => settled() && app.result().evaluated_on === earliest);
      data.date = earliest;
      data.result = app.result();
    },
    show: closeStandard,
    caption: (data) => t('tour.c.whatif', { date: humanDate(data.date), verdict: verdictWord(data.result.verdict) }),
  },
  {
    id: 'end',
    target: () => null,
    async run() {},
    show: closeStandard,
    caption: () => t('tour.c.end'),
  },
];

// ---- running it -------------------------------------------------------------------------

async function start() {
  if (tour || !app || !app.result()) return;
  tour = {
    index: -1, busy: false, playing: false, timer: null, error: '',
    saved: app.snapshot(), hash: location.hash, checkpoints: [], data: {},
    opener: document.activeElement,
  };
  app.hold(true);
  document.documentElement.classList.add('touring');
  buildPanel();
  document.getElementById('tour-title').focus();
  await go(0);
}

/** Runs step `i` from the state before it (forward) or brings it back (Back). */
async function go(i) {
  if (!tour || tour.busy || i < 0 || i >= STEPS.length) return;
  const current = tour;
  clearTimeout(current.timer);
  current.busy = true;
  current.error = '';
  renderPanel();
  const focusWas = document.activeElement;
  try {
    if (i > current.index) {
      for (let k = current.index + 1; k <= i; k++) {
        current.checkpoints[k] = app.snapshot();
        current.data[STEPS[k].id] = {};
        await STEPS[k].run(current.data[STEPS[k].id], current.data);
        if (tour !== current) return;
      }
    } else {
      // Back: the page as it was once step i had run (before step i + 1), then its view.
      app.restore(current.checkpoints[i + 1]);
      await settle();
      await STEPS[i].show();
    }
    current.index = i;
  } catch (err) {
    current.error = t('tour.failed', { message: err && err.message ? err.message : String(err) });
  } finally {
    current.busy = false;
  }
  if (tour !== current) return;
  highlight();
  renderPanel();
  // The page's controls the step used took the focus: it goes back to the tour's buttons.
  const panel = document.getElementById('tour');
  if (panel && !panel.contains(document.activeElement)) {
    (panel.contains(focusWas) && !focusWas.disabled ? focusWas : panel.querySelector('[data-tour="next"]')).focus({ preventScroll: true });
  }
  if (current.playing) schedule();
}

function schedule() {
  clearTimeout(tour.timer);
  if (tour.index >= STEPS.length - 1) {
    tour.playing = false;
    renderPanel();
    return;
  }
  tour.timer = setTimeout(() => go(tour.index + 1), AUTO_MS);
}

function togglePlay() {
  if (!tour) return;
  tour.playing = !tour.playing;
  if (tour.playing && !tour.busy) schedule();
  else clearTimeout(tour.timer);
  renderPanel();
}

/** Ends the tour: the person's own entries are put back as they were, and saved again. */
export function stop() {
  if (!tour) return;
  const ended = tour;
  tour = null;
  clearTimeout(ended.timer);
  unhighlight();
  app.restore(ended.saved);
  app.hold(false);
  if (location.hash !== ended.hash) {
    if (ended.hash) location.hash = ended.hash;
    else {
      history.replaceState(null, '', location.pathname + location.search);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    }
  }
  document.documentElement.classList.remove('touring');
  const panel = document.getElementById('tour');
  if (panel) panel.remove();
  app.notify(() => t('tour.restored'));
  const back = ended.opener && ended.opener.isConnected ? ended.opener : document.getElementById('tour-btn');
  if (back) back.focus();
}

// ---- the caption panel ------------------------------------------------------------------

function buildPanel() {
  const panel = h('section', { id: 'tour', class: 'tour-panel', role: 'region', 'aria-labelledby': 'tour-title' },
    h('div', { class: 'tour-head' },
      h('h2', { id: 'tour-title', tabindex: '-1' }),
      h('span', { class: 'tour-count', dataset: { role: 'tour-count' } })),
    h('p', { class: 'tour-caption', id: 'tour-caption', 'aria-live': 'polite', dataset: { role: 'tour-caption' } }),
    h('div', { class: 'buttons' },
      h('button', { type: 'button', class: 'btn', dataset: { tour: 'back' }, onclick: () => go(tour.index - 1) }),
      h('button', { type: 'button', class: 'btn primary', dataset: { tour: 'next' }, onclick: () => (tour.index >= STEPS.length - 1 ? stop() : go(tour.index + 1)) }),
      h('button', { type: 'button', class: 'btn', dataset: { tour: 'play' }, 'aria-pressed': 'false', onclick: togglePlay }),
      h('button', { type: 'button', class: 'btn', dataset: { tour: 'stop' }, onclick: stop })));
  document.body.append(panel);
  renderPanel();
}

function renderPanel() {
  const panel = document.getElementById('tour');
  if (!panel || !tour) return;
  const step = STEPS[tour.index];
  const set = (sel, text) => { const el = panel.querySelector(sel); if (el.textContent !== text) el.textContent = text; };
  set('#tour-title', t('tour.title'));
  set('[data-role="tour-count"]', t('tour.step', { n: Math.max(tour.index, 0) + 1, total: STEPS.length }));
  const caption = tour.error || (tour.busy ? t('tour.working') : step ? step.caption(tour.data[step.id]) : '');
  set('#tour-caption', caption);
  panel.dataset.step = step ? step.id : '';
  panel.dataset.busy = tour.busy ? 'true' : 'false';
  panel.dataset.error = tour.error ? 'true' : 'false';
  const back = panel.querySelector('[data-tour="back"]');
  const next = panel.querySelector('[data-tour="next"]');
  const play = panel.querySelector('[data-tour="play"]');
  back.textContent = t('tour.back');
  back.disabled = tour.busy || tour.index <= 0;
  next.textContent = tour.index >= STEPS.length - 1 ? t('tour.finish') : t('tour.next');
  next.disabled = tour.busy;
  play.textContent = tour.playing ? t('tour.pause') : t('tour.play');
  play.setAttribute('aria-pressed', tour.playing ? 'true' : 'false');
  panel.querySelector('[data-tour="stop"]').textContent = t('tour.stop');
}

function highlight() {
  unhighlight();
  const step = STEPS[tour.index];
  const el = step && step.target();
  if (!el) return;
  el.classList.add('tour-target');
  el.scrollIntoView({ block: 'start' });
}

function unhighlight() {
  for (const el of document.querySelectorAll('.tour-target')) el.classList.remove('tour-target');
}

// ---- the page's controls ----------------------------------------------------------------

function control(path) {
  if (!tour) throw new Error('stopped');
  const el = document.querySelector(`[data-path="${CSS.escape(path)}"]:is(input, select)`);
  if (!el) throw new Error(path);
  return el;
}

function choose(path, value) {
  const el = control(path);
  el.value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

function typeText(path, text) {
  const el = control(path);
  el.value = text;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/** The page's date field: a whole date typed into its first box is spread over the three. */
function typeDate(path, iso) {
  typeText(path, iso);
}

function yesNo(path, yes) {
  if (!tour) throw new Error('stopped');
  const el = document.querySelector(`fieldset.field-question[data-path="${CSS.escape(path)}"] input[value="${yes ? 'yes' : 'no'}"]`);
  if (!el) throw new Error(path);
  el.click();
}

function firstOption(path) {
  const opt = [...control(path).options].find((o) => o.value);
  return opt ? opt.value : '';
}

/** The first contract type the rule data counts for the complaints clause. */
function inScope() {
  const scope = indicator().in_scope || {};
  return (scope.contract_type || [])[0] || firstOption(`/records/${LIST}/0/contract_type`);
}

// ---- waiting for the page ---------------------------------------------------------------

function noticeEl() {
  return document.querySelector('#notices .notice');
}

/** The page has evaluated what is on screen (no evaluation waiting). */
function settled() {
  const r = app.result();
  return Boolean(r) && r.verdict !== 'invalid';
}

/** Whether the result names the record `id` among a clause's records. */
function mentions(result, id) {
  return Boolean(result && Array.isArray(result.indicators) && result.indicators.some((ind) =>
    ['counted', 'not_counted'].some((k) => Array.isArray(ind[k]) && ind[k].some((c) => c.record === id))));
}

function until(fn, ms = WAIT_MS, what = tour && STEPS[tour.index + 1] ? STEPS[tour.index + 1].id : '') {
  const owner = tour;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const check = () => {
      // Stopped meanwhile: the step goes no further (the entries put back are never touched).
      if (tour !== owner || !owner) {
        reject(new Error('stopped'));
        return;
      }
      let ok = false;
      try { ok = fn(); } catch { ok = false; }
      if (ok) resolve(ok);
      else if (performance.now() - started > ms) reject(new Error(t('tour.timeout', { step: what })));
      else setTimeout(check, 50);
    };
    check();
  });
}

function settle() {
  return new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
}

async function closeStandard() {
  const std = document.getElementById('standard');
  if (std && !std.hidden) location.hash = `clause/${indicator().clause}`;
  await until(() => !std || std.hidden);
}

/** The day one month before `iso` (the day of month kept when the month has it). */
function monthBefore(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  const py = m === 1 ? y - 1 : y;
  const pm = m === 1 ? 12 : m - 1;
  const days = new Date(Date.UTC(py, pm, 0)).getUTCDate();
  const p = (n) => String(n).padStart(2, '0');
  return `${py}-${p(pm)}-${p(Math.min(d, days))}`;
}

