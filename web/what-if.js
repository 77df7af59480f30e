// The what-if date ("what if I apply on ...") and the plan's actions tried on a copy: try, apply
// to the entries (with undo) or discard.

import { h, fill, keyed } from './dom.js';
import { t } from './i18n.js';
import { dateField } from './date-field.js';
import { actionKey } from './plan-view.js';
import { evaluateSoon, evaluateNow } from './evaluation.js';
import { notify } from './notices.js';
import { $, state, views } from './page-state.js';
import { persist } from './saved-entries.js';

/**
 * The what-if date control. Its input is made once (and again on a language switch): replacing
 * it while someone types a date segment by segment would lose what they typed.
 */
let whatIfBox = null;

export function renderWhatIfDate(rebuild = false) {
  const box = $('whatif');
  let input = $('whatif-on');
  if (!input || rebuild) {
    // The page's own date field: a date refused as typed is kept (and says so), never another one.
    whatIfBox = dateField({
      id: 'whatif-on', value: state.on, describedby: 'whatif-hint',
      onChange: (v) => {
        state.on = v;
        persist();
        evaluateSoon(150);
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

export function toggleAction(a) {
  const key = actionKey(a);
  if (state.tried.has(key)) state.tried.delete(key);
  else state.tried.set(key, a);
  evaluateNow();
}

export function applyTried() {
  const previous = state.doc;
  const previousAnswers = state.answers;
  state.answers = state.answers.cloneFor(state.doc, state.viewDoc);
  state.doc = state.viewDoc;
  state.tried.clear();
  persist();
  views.form.render();
  evaluateNow();
  notify({
    tone: 'ok', kind: 'applied', render: () => t('whatif.applied'),
    undo: () => {
      state.doc = previous;
      state.answers = previousAnswers;
      persist();
      views.form.render();
      evaluateNow();
      notify({ tone: 'ok', kind: 'undone', render: () => t('undone') });
    },
  });
}

export function discardTried() {
  state.tried.clear();
  evaluateNow();
}
