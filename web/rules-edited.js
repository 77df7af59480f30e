// The "edited rules" mark (issue 15): whenever the rules in use are not the built-in ones (the
// engine says so, by their content), the header says so with their version, and lists what they
// change from the built-in rules, in the engine's words in the page language. Text only
// (textContent): a rule file's labels are never read as HTML.

import { t, getLang } from './i18n.js';

/**
 * Fills `el` for `rules` (RuleData, whose `edited` the engine set) and `diff` (the engine's
 * rulesDiff(): {changes: [{message: {zh-Hans, zh-Hant, en}}]}); hides it for the built-in rules.
 */
export function renderRulesEdited(el, rules, diff) {
  if (!rules || !rules.edited) {
    el.hidden = true;
    el.replaceChildren();
    return;
  }
  const lang = getLang();
  const mark = document.createElement('p');
  mark.className = 'rules-edited-mark';
  mark.textContent = t('rules.edited', { id: rules.id, version: rules.version });
  const changes = diff && Array.isArray(diff.changes) ? diff.changes : [];
  const details = document.createElement('details');
  details.className = 'rules-diff';
  const summary = document.createElement('summary');
  summary.textContent = t('rules.diff_title', { count: changes.length });
  const list = document.createElement('ul');
  for (const c of changes) {
    const li = document.createElement('li');
    li.textContent = (c.message && (c.message[lang] || c.message.en)) || '';
    list.append(li);
  }
  if (!changes.length) {
    const li = document.createElement('li');
    li.textContent = t('rules.diff_none');
    list.append(li);
  }
  details.append(summary, list);
  // Keep the list open across a language switch or a re-render.
  const open = el.querySelector('details.rules-diff');
  if (open && open.open) details.open = true;
  el.replaceChildren(mark, details);
  el.hidden = false;
}
