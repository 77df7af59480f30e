// The page's boot sequence: the saved entries and the language, the buttons' handlers, the
// engine's start (early-fetch.js) and its first verdict, then the form and the other views
// (build-views.js). Each part of the page has its own module; no rule logic lives here.

import * as engine from './engine.mjs';
import { startEngine, rulesFileBeside } from './early-fetch.js';
import { t, setLang, LANGS, useDateWriter } from './i18n.js';
import { RuleData } from './rules.js';
import * as model from './model.js';
import * as storage from './storage.js';
import { Answers } from './answers.js';
import { mountStandardView } from './standard-view.js';
import './offline.js';
import './present.js';  // presentation mode (issue 16): on before the first paint
import { nextTask } from './slices.js';
import { buildPage } from './build-views.js';
import { evaluateNow, planNow } from './evaluation.js';
import { exportFile, importFile } from './files.js';
import { applyStatic, switchLang } from './language.js';
import { $, state, views } from './page-state.js';
import { renderVerdict, renderRest } from './result-render.js';
import { rulesBesideThePage, loadRulesFile } from './rule-file.js';
import { onSampleClick } from './samples.js';
import { persist, otherTabChanged, clearEverything, confirmClear } from './saved-entries.js';

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
    if (file && views.form) importFile(file);
  });
  $('clear-btn').addEventListener('click', clearEverything);
  $('rules-btn').addEventListener('click', () => $('rules-input').click());
  $('rules-input').addEventListener('change', (ev) => {
    const file = ev.target.files && ev.target.files[0];
    ev.target.value = '';
    if (file && views.form) loadRulesFile(file);
  });
  $('clear-confirm').addEventListener('click', confirmClear);
  storage.onOtherTab(otherTabChanged);
  $('clear-cancel').addEventListener('click', () => $('clear-dialog').close());

  // The module and the rules file beside the page are fetched at the same time.
  // The instance is made in one task, the built-in rules read (the first call) in the next.
  const starting = startEngine().then(nextTask).then(() => engine.rulesSummary());
  const besideText = rulesFileBeside();
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
  if (!views.form) {
    requestAnimationFrame(() => requestAnimationFrame(() => {
      views.cardsShown = true;
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

boot();
