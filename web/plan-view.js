// "How to pass" (docs/rules.md "Route to passing"; issue 9): the engine's plan with a "Try it" button
// per action, which shows the action's effect in a what-if copy without touching the records.

import { h, keepFocus, keyed } from './dom.js';
import { t, humanDate, getLang } from './i18n.js';

export function actionKey(a) {
  return `${a.clause}|${a.record}|${a.action}`;
}

function dateOr(iso, none) {
  return iso ? h('time', { datetime: iso, text: humanDate(iso) }) : none;
}

/**
 * @param {HTMLElement} root
 * @param {object} plan nvcheck/plan@1 (or the invalid result)
 * @param {{rules, region, tried: Map<string, object>, whatIf: string, toggle: (a) => void, apply: () => void,
 *          discard: () => void, gotoRecord: (id) => void}} ctx
 */
export function renderPlan(root, plan, ctx) {
  keepFocus(root, () => content(root, plan, ctx));
}

/**
 * The plan's parts, each keyed by what it shows: after an edit only the parts and the actions
 * that changed are rebuilt (a file of hundreds of records can have hundreds of actions).
 */
function content(root, plan, ctx) {
  const { rules } = ctx;
  const context = `${getLang()}|${ctx.region}|${rules.tag}`;
  const part = (key, make) => ({ key: `${key}|${context}`, make });
  if (!plan || plan.verdict === 'invalid' || plan.schema !== 'nvcheck/plan@1') {
    keyed(root, [part('invalid', () => h('p', { class: 'muted', text: t('plan.invalid') }))], (p) => p.key, (p) => p.make());
    return;
  }
  const none = rules.text('text.earliest_none') || t('result.no_date');
  const actions = plan.actions || [];
  const waits = plan.waits || [];
  const d = plan.disputes;
  const parts = [];
  if (plan.verdict === 'pass') parts.push(part('pass', () => h('p', { class: 'plan-pass', text: t('plan.passing') })));
  parts.push(part(`dates|${plan.earliest_pass_date}|${plan.earliest_pass_date_all_actions}`, () => h('dl', { class: 'plan-dates' },
    h('div', {}, h('dt', { text: rules.text('text.plan.doing_nothing') }),
      h('dd', { dataset: { role: 'doing-nothing' } }, dateOr(plan.earliest_pass_date, none))),
    h('div', {}, h('dt', { text: rules.text('text.plan.all_actions') }),
      h('dd', { dataset: { role: 'all-actions' } }, dateOr(plan.earliest_pass_date_all_actions, none))))));
  if (ctx.tried.size) parts.push(part(`whatif|${ctx.whatIf}`, () => whatIfBar(ctx)));
  parts.push(part('h-actions', () => h('h3', { text: rules.text('text.plan.actions') || t('plan.title') })));
  parts.push(actions.length
    ? part('actions', () => h('ol', { class: 'actions' }))
    : part('no-actions', () => h('p', { class: 'muted', text: t('plan.no_actions') })));
  parts.push(part('h-waits', () => h('h3', { text: rules.text('text.plan.waits') })));
  parts.push(part(`waits|${JSON.stringify(waits)}|${plan.verdict}|${plan.earliest_pass_date}`, () => (waits.length
    // The engine's sentence as it is: it names the clause and the date it clears on already.
    ? h('ul', { class: 'waits' }, waits.map((w) => h('li', { dataset: { clause: w.clause }, text: w.text })))
    // No clause is left to time alone; but doing nothing is itself a wait when it fails today.
    // Failing with no date at all, time alone never makes it pass: "nothing to wait for" would
    // read as "it passes now".
    : h('p', { class: 'muted', dataset: { role: 'no-waits' }, text: plan.verdict !== 'fail' ? t('plan.no_waits')
      : plan.earliest_pass_date ? t('plan.no_waits_but', { date: humanDate(plan.earliest_pass_date) })
        : t('plan.no_waits_never') }))));
  parts.push(part('h-disputes', () => h('h3', { text: rules.text('text.plan.disputes') })));
  parts.push(part(`disputes|${JSON.stringify(d)}`, () => disputes(d, rules, none)));
  const nodes = keyed(root, parts, (p) => p.key, (p) => p.make());
  if (actions.length) {
    const list = nodes[parts.findIndex((p) => p.key.startsWith('actions|'))];
    keyed(list, actions, (a) => `${ctx.tried.has(actionKey(a))}|${JSON.stringify(a)}`, (a) => actionItem(a, ctx));
  }
}

function disputes(d, rules, none) {
  const disputedLabel = rules.recordLists().length ? rules.fieldLabel(rules.recordLists()[0].list, 'disputed') : '';
  if (!d) return h('p', { class: 'muted', dataset: { role: 'disputes' }, text: t('plan.disputes_none', { label: disputedLabel }) });
  const verdictLabel = d.verdict === 'pass' ? t('result.pass') : d.verdict === 'fail' ? t('result.fail') : d.verdict;
  return h('div', { class: `disputes v-${d.verdict}`, dataset: { role: 'disputes', verdict: d.verdict } },
    // The records named by what they are, in the engine's words (their ids are in the names).
    h('p', { text: t('plan.disputes_records', { ids: d.names.join(rules.text('text.list.records')) }) }),
    h('p', {}, h('strong', { text: t('plan.disputes_verdict', { verdict: verdictLabel }) })),
    h('p', {}, t('plan.disputes_earliest', { date: '' }), dateOr(d.earliest_pass_date, none)));
}

function whatIfBar(ctx) {
  return h('div', { class: 'whatif-bar', role: 'region', 'aria-label': t('whatif.title') },
    h('p', { text: t('whatif.banner', { actions: ctx.whatIf }) }),
    h('div', { class: 'buttons' },
      h('button', { type: 'button', class: 'btn primary', 'data-focus': 'whatif-apply', onclick: ctx.apply, text: t('whatif.apply') }),
      h('button', { type: 'button', class: 'btn', 'data-focus': 'whatif-discard', onclick: ctx.discard, text: t('whatif.discard') })));
}

function actionItem(a, ctx) {
  const key = actionKey(a);
  const pressed = ctx.tried.has(key);
  // Who decides, in the engine's words (the record's field that the list's end_event.decider names).
  const who = a.decider;
  const effects = [
    a.counts_until === a.done_on ? t('plan.effect.stops_now')
      : a.counts_until ? t('plan.effect.counts_until', { date: humanDate(a.counts_until) }) : null,
    a.clause_clears_on
      ? t('plan.effect.clause_clears', { clause: a.clause, date: humanDate(a.clause_clears_on) })
      : t('plan.effect.clause_never', { clause: a.clause }),
    a.earliest_pass_date
      ? t('plan.effect.earliest', { date: humanDate(a.earliest_pass_date) })
      : t('plan.effect.earliest_none'),
  ].filter(Boolean);
  const textId = 'action-' + key.replace(/[^A-Za-z0-9_-]/g, '_');
  return h('li', { class: 'action' + (pressed ? ' tried' : ''), dataset: { record: a.record, clause: a.clause, action: a.action } },
    h('p', { class: 'action-text', id: textId, text: a.text }),
    h('p', { class: 'action-meta' },
      h('span', { class: `badge decided-${a.decided_by}` }, t('plan.decided_by', { who })),
      ' ',
      a.changes_nothing ? h('span', { class: 'badge nothing', text: t('plan.changes_nothing') }) : null),
    h('p', { class: 'action-effect' }, h('span', { class: 'muted', text: t('plan.effect') }), effects.join(' · ')),
    h('button', {
      type: 'button', class: 'btn try', 'aria-pressed': pressed ? 'true' : 'false',
      'data-focus': 'try-' + key, 'aria-describedby': textId,
      onclick: () => ctx.toggle(a),
      text: pressed ? t('plan.untry') : t('plan.try'),
    }));
}
