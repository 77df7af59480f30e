// The answer bar (index.html #answer-bar, sticky): the verdict with the earliest pass date, and
// the first thing to do, as the engine gave them (result and plan). Shown on every screen, so the
// answer is never twelve screens of form away. Its rows have fixed heights (style.css).

import { t, humanDate } from './i18n.js';

/** What the verdict pill says: the verdict and, for a fail, the earliest date it could pass. */
export function pillText(result, shown = result.verdict) {
  const v = result.verdict;
  // Never a pass while a question is open (app.js shownVerdict); a fail shows at once.
  if (shown === 'unanswered') return t('result.unanswered');
  if (v === 'pass') return t('result.pass');
  if (v === 'fail') {
    return result.earliest_pass_date
      ? `${t('result.fail')} · ${t('result.apply_from', { date: humanDate(result.earliest_pass_date) })}`
      : `${t('result.fail')} · ${t('bar.no_date')}`;  // short: the bar holds two lines at most
  }
  return t('result.invalid');
}

/** Whether the engine's errors are all required entries not given yet (nothing to correct). */
export function onlyMissing(errors) {
  return Array.isArray(errors) && errors.length > 0 && errors.every((e) => e.code === 'missing_field');
}

/**
 * The first thing to do: the plan's first action that brings the date forward, else what there
 * is to wait for, else what the verdict asks (apply, fill in, correct the input). `plan` may be
 * null while it is being made.
 */
export function firstStep(result, plan, shown = result.verdict) {
  if (shown === 'unanswered') return t('bar.answer');
  // Only required entries missing (a first visit, an empty form): nothing to correct yet.
  if (result.verdict === 'invalid') return onlyMissing(result.errors) ? t('bar.fill_in') : t('plan.invalid');
  if (result.verdict === 'pass') return t('result.apply_now');
  if (!plan || plan.schema !== 'nvcheck/plan@1') return '';
  // The first action that brings the date forward; one that changes nothing on its own only if
  // the actions together do (the engine's dates say which); else what there is to wait for.
  const actions = plan.actions || [];
  const waits = plan.waits || [];
  const helps = actions.find((a) => !a.changes_nothing);
  if (helps) return helps.text;
  const together = plan.earliest_pass_date_all_actions;
  if (actions.length && together && (!plan.earliest_pass_date || together < plan.earliest_pass_date)) return actions[0].text;
  const wait = waits.find((w) => w.clears_on) || waits[0];
  if (wait) return wait.text;
  if (actions.length) return actions[0].text;
  return t('plan.no_actions');
}

/**
 * Fills the bar; `result` null before the first evaluation. `client`: the open client's name
 * (issue 16), shown first on the step's row.
 */
export function renderVerdictBar(pill, next, result, plan, shown = result ? result.verdict : '', client = '', whatIf = false) {
  if (!result) {
    pill.className = 'status-pill';
    pill.textContent = '';
    next.textContent = '';
    return;
  }
  // While actions are tried the answer shown is the what-if copy's: the bar says so, and that
  // the next thing is to keep or drop them (not to do again what is being tried).
  const text = whatIf ? t('bar.whatif', { answer: pillText(result, shown) }) : pillText(result, shown);
  pill.className = `status-pill v-${shown}`;
  if (pill.textContent !== text) {
    // In a span of its own: the pill centres it, the span keeps it to two whole lines (style.css).
    const span = document.createElement('span');
    span.className = 'pill-text';
    span.textContent = text;
    pill.replaceChildren(span);
  }
  pill.title = text;
  const step = whatIf ? t('bar.whatif_next') : firstStep(result, plan, shown);
  const label = step ? t('bar.next') : '';
  if (next.dataset.text !== client + '|' + label + step) {
    next.dataset.text = client + '|' + label + step;
    next.replaceChildren();
    if (client) {
      const c = document.createElement('span');
      c.className = 'bar-client';
      c.textContent = client;
      next.append(c);
    }
    if (step) {
      const b = document.createElement('span');
      b.className = 'bar-label';
      b.textContent = label;
      next.append(b, step);
    }
    next.title = client && step ? `${client} · ${step}` : client || step;
  }
}
