// The result panel: verdict banner, basic requirements and indicators clause by clause, and
// warnings, all as the engine returned them (`nvcheck/result@1`).

import { h, fill, keepFocus } from './dom.js';
import { t, humanDate, getLang } from './i18n.js';
import { stripPath } from './forms.js';

// Words are spaced in English only.
function sp() {
  return getLang() === 'en' ? ' ' : '';
}

function dateEl(iso) {
  return h('time', { datetime: iso, text: humanDate(iso) });
}

/**
 * @param {HTMLElement} bannerRoot  gets the verdict banner
 * @param {HTMLElement} detailsRoot gets the clause-by-clause list and the warnings
 * @param {object} result  nvcheck/result@1
 * @param {{rules, region, onSource, whatIf: string, gotoRecord: (id) => void,
 *          gotoPath: (path) => boolean, canGo: (path) => boolean}} ctx
 */
export function renderResult(bannerRoot, detailsRoot, result, ctx) {
  keepFocus(bannerRoot, () => fill(bannerRoot, banner(result, ctx)));
  keepFocus(detailsRoot, () => fill(detailsRoot, result.verdict === 'invalid' ? null : details(result, ctx)));
}

function banner(r, ctx) {
  const { rules } = ctx;
  const v = r.verdict;
  const label = v === 'pass' ? t('result.pass') : v === 'fail' ? t('result.fail') : t('result.invalid');
  const icon = v === 'pass' ? '✓' : v === 'fail' ? '✗' : '!';
  const parts = [
    ctx.whatIf ? h('p', { class: 'whatif-tag', text: ctx.whatIf }) : null,
    h('p', { class: 'verdict-label', id: 'verdict-label' },
      h('span', { class: 'verdict-icon', 'aria-hidden': 'true', text: icon }),
      h('span', { class: 'verdict-text', text: label })),
  ];
  if (r.evaluated_on) {
    parts.push(h('p', { class: 'verdict-date' },
      t('result.on'), sp(), dateEl(r.evaluated_on), sp(),
      h('span', { class: 'muted', text: t('result.on_source.' + ctx.onSource) })));
  }
  if (v === 'fail') {
    parts.push(r.earliest_pass_date
      ? h('p', { class: 'verdict-earliest', dataset: { earliest: r.earliest_pass_date } },
        h('strong', {}, t('result.apply_from', { date: humanDate(r.earliest_pass_date) })),
        h('span', { class: 'iso', text: ` (${r.earliest_pass_date})` }))
      : h('p', { class: 'verdict-earliest', dataset: { earliest: '' } }, t('result.no_date')));
  } else if (v === 'pass') {
    parts.push(h('p', { class: 'verdict-earliest', dataset: { earliest: r.earliest_pass_date || '' } }, t('result.apply_now')));
  } else {
    parts.push(h('p', { text: t('result.invalid_help') }));
    parts.push(h('ul', { class: 'error-list' }, (r.errors || []).map((e) => h('li', {},
      ctx.describe(e.path)
        ? [h('strong', { text: ctx.describe(e.path) }), (getLang() === 'en' ? ': ' : '：'), stripPath(e.message, e.path)]
        : h('span', { text: e.message }),
      ' ',
      ctx.canGo(e.path)
        ? h('button', {
          type: 'button', class: 'link', 'data-focus': 'goto' + e.path,
          onclick: () => ctx.gotoPath(e.path), text: t('result.go_to_field'),
        })
        : null))));
  }
  parts.push(h('p', { class: 'draft-note', text: rules.text('text.draft_notice') || t('result.draft') }));
  return h('div', {
    class: `verdict v-${v}`, 'aria-labelledby': 'verdict-label', role: 'group',
    dataset: { verdict: v },
  }, parts);
}

function recordButton(id, ctx) {
  return h('button', {
    type: 'button', class: 'record-link', 'data-focus': 'rec-link-' + id,
    'aria-label': t('result.record', { id }), onclick: () => ctx.gotoRecord(id), text: id,
  });
}

function details(r, ctx) {
  const { rules, region } = ctx;
  const basic = h('ul', { class: 'clause-list' }, (r.basic_requirements || []).map((b) => h('li', {
    class: `clause-card st-${b.status}`, dataset: { clause: b.clause, status: b.status },
  },
  h('div', { class: 'clause-head' },
    h('span', { class: 'clause', text: b.clause }), ' ',
    h('span', { class: 'clause-name', text: rules.clauseName(b.clause, region) }),
    h('span', { class: `badge st-${b.status}`, text: rules.text('text.' + b.status) || b.status })),
  b.reason ? h('p', { class: 'reason', text: b.reason }) : null,
  b.status === 'not_met'
    ? h('p', { class: 'clears' }, b.clears_on ? t('result.met_from', { date: humanDate(b.clears_on) }) : t('result.never_clears'))
    : null)));

  const inds = h('ul', { class: 'clause-list' }, (r.indicators || []).map((ind) => {
    const counted = ind.counted || [];
    const notCounted = ind.not_counted || [];
    return h('li', { class: `clause-card st-${ind.status}`, dataset: { clause: ind.clause, status: ind.status } },
      h('div', { class: 'clause-head' },
        h('span', { class: 'clause', text: ind.clause }), ' ',
        h('span', { class: 'clause-name', text: rules.clauseName(ind.clause, region) }),
        h('span', { class: `badge st-${ind.status}`, text: rules.text('text.' + ind.status) || ind.status })),
      ind.status === 'fail'
        ? h('p', { class: 'clears' }, ind.clears_on
          ? t('result.clears_on', { date: humanDate(ind.clears_on) })
          : t('result.never_clears'))
        : null,
      counted.length
        ? h('div', { class: 'counted' },
          h('p', { class: 'sub-title', text: `${t('result.counted')} (${counted.length})` }),
          h('ul', {}, counted.map((c) => h('li', {},
            recordButton(c.record, ctx), ' ', h('span', { text: c.reason }), ' ',
            h('span', { class: 'until' }, '— ', c.counts_until
              ? t('result.counts_until', { date: humanDate(c.counts_until) })
              : t('result.counts_open'))))))
        : null,
      notCounted.length
        ? h('details', { class: 'not-counted' },
          h('summary', { text: `${t('result.not_counted')} (${notCounted.length})` }),
          h('ul', {}, notCounted.map((c) => h('li', {}, recordButton(c.record, ctx), ' ', h('span', { text: c.reason })))))
        : null);
  }));

  const warnings = (r.warnings || []).length
    ? h('section', { class: 'warnings', 'aria-labelledby': 'warnings-title' },
      h('h3', { id: 'warnings-title', text: rules.text('text.warnings') || t('result.warnings') }),
      h('ul', {}, r.warnings.map((w) => h('li', {}, w.record ? [recordButton(w.record, ctx), ' '] : null, h('span', { text: w.message })))))
    : null;

  return [
    warnings,
    h('h3', { text: rules.text('text.basic') || t('section.basic_requirements') }),
    basic,
    h('h3', { text: rules.text('text.indicators') || t('section.indicators') }),
    inds,
  ];
}
