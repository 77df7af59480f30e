// The page's language: the static texts (data-i18n), the rules' version and "edited rules" mark,
// and switching the language (every view drawn again in it).

import * as engine from './engine.mjs';
import { t, setLang, getLang, LANGS } from './i18n.js';
import { renderRulesEdited } from './rules-edited.js';
import { keepPlace } from './keep-place.js';
import { evaluateNow } from './evaluation.js';
import { renderNotice } from './notices.js';
import { $, state, views } from './page-state.js';
import { renderSamples } from './samples.js';
import { persist } from './saved-entries.js';
import { renderWhatIfDate } from './what-if.js';

export function applyStatic() {
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

export function switchLang(lang) {
  if (!LANGS.includes(lang) || lang === getLang()) return;
  const restorePlace = keepPlace($('answer-bar'));
  setLang(lang);
  persist();
  applyStatic();
  if (!state.rules) return;
  if (views.form) {
    views.form.render();
    views.report.render();
    views.markCode.render();
    renderSamples();
    views.deskView.render();
    views.notesView.render();
  }
  if ($('whatif-on')) renderWhatIfDate(true);
  renderNotice();
  evaluateNow();
  restorePlace();
}
