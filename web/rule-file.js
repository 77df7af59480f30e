// The rule-file loader: the rules file beside the page (when it differs from the built-in data)
// and one the person picks, each checked by the engine and refused with its problems.

import * as engine from './engine.mjs';
import { useRules } from './far-engine.js';
import { t, getLang } from './i18n.js';
import { RuleData } from './rules.js';
import { evaluateNow } from './evaluation.js';
import { applyStatic } from './language.js';
import { notify } from './notices.js';
import { state, views } from './page-state.js';
import { renderSamples } from './samples.js';

/**
 * A rules file served beside the page (rules/wq179.json, copied there by tools/build-site.sh)
 * replaces the built-in rule data when its id or version differs: an association can adjust
 * the lists without a rebuild.
 */
export async function rulesBesideThePage(summary, textPromise) {
  try {
    const text = await textPromise;
    if (text === null) return;
    const head = JSON.parse(text);
    if (head.id === summary.id && head.version === summary.version) return;
    engine.setRules(text);
    useRules(text);
    state.rules = new RuleData(engine.rulesSummary());
  } catch {
    // Keep the built-in rules.
  }
}

/** Rule data picked by the user: in use until the page reloads. */
export async function loadRulesFile(file) {
  let text;
  try {
    text = await file.text();
    engine.setRules(text);
    useRules(text);
    state.rules = new RuleData(engine.rulesSummary());
  } catch (err) {
    // A refused rule set: the engine's own list of problems, in the language shown.
    const problems = err && Array.isArray(err.problems) ? err.problems : null;
    const message = () => (problems ? problems.map((p) => p.message[getLang()]).join(' ')
      : err && err.message ? err.message : String(err));
    notify({ tone: 'error', kind: 'rules-refused', render: () => t('rules.refused', { name: file.name, message: message() }) });
    return;
  }
  applyStatic();
  views.form.render();
  views.report.render();
  renderSamples();
  evaluateNow();
  const { id, version } = state.rules;
  notify({ tone: 'ok', kind: 'rules-loaded', render: () => t('rules.loaded', { name: file.name, id, version }) });
}
