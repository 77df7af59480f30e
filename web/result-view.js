// The result panel: verdict banner, basic requirements and indicators clause by clause, and
// warnings, all as the engine returned them (`nvcheck/result@1`).

import { h, fill, keepFocus, keyed, keyedInChunks } from './dom.js';
import { nextTask } from './slices.js';
import { t, humanDate, getLang } from './i18n.js';
import { clauseLink } from './standard-view.js';

// Words are spaced in English only.
function sp() {
  return getLang() === 'en' ? ' ' : '';
}

// The text `key` with its `{name}` placeholder replaced by the node `node`.
function tWith(key, name, node) {
  const [before, after = ''] = t(key, { [name]: '\u0000' }).split('\u0000');
  return [before, node, after];
}

function dateEl(iso) {
  return h('time', { datetime: iso, text: humanDate(iso) });
}

/**
 * @param {HTMLElement} bannerRoot  gets the verdict banner
 * @param {HTMLElement|null} detailsRoot gets the clause-by-clause list and the warnings (null:
 *   left as it is, for now)
 * @param {object} result  nvcheck/result@1
 * @param {{rules, region, whatIf: string, gotoRecord: (id) => void,
 *          gotoPath: (path) => boolean, canGo: (path) => boolean}} ctx
 */
export function renderResult(bannerRoot, detailsRoot, result, ctx) {
  // What every part shown depends on besides its own data: the language, the region's names and
  // the rule data in use. Parts whose data and context are unchanged are kept as they are.
  const context = `${getLang()}|${ctx.region}|${ctx.rules.tag}`;
  const r = result;
  const unanswered = ctx.unanswered || [];
  const bannerKey = JSON.stringify([context, r.verdict, r.evaluated_on, r.earliest_pass_date, ctx.whatIf, r.evaluated_on_source,
    unanswered.map((u) => [u.path, u.text, ctx.canGo(u.path)]),
    ctx.previous ? [ctx.previous.verdict, ctx.previous.earliest_pass_date, (ctx.previousUnanswered || []).length > 0] : null,
    r.verdict === 'invalid' ? (r.errors || []).map((e) => [e.path, e.message, ctx.describe(e.path), ctx.canGo(e.path)]) : null]);
  keepFocus(bannerRoot, () => keyed(bannerRoot, [r], () => bannerKey, () => banner(r, ctx)));
  // While an entry is invalid the clauses of the last valid answer stay, marked out of date.
  const shown = r.verdict === 'invalid' && ctx.previous ? ctx.previous : r;
  if (!detailsRoot) return;
  // The same answer of the engine shown in the same context is left as it is (issue 13: a record
  // added with its questions open leaves the answer as it was, and walking the ~20 cards and
  // their 400 records' lines again cost ~3 ms): the engine's result for the same file is the
  // same object (evaluation.js remembers it).
  const drawnNow = [shown, context, (ctx.unansweredClauses || []).join(' ')];
  const was = drawnDetails.get(detailsRoot);
  if (was && was.every((x, i) => x === drawnNow[i]) && detailsRoot.firstChild) return;
  drawnDetails.set(detailsRoot, drawnNow);
  keepFocus(detailsRoot, () => {
    if (shown.verdict === 'invalid') fill(detailsRoot);
    else details(detailsRoot, shown, ctx, context);
  });
}

// What each details root shows: [the result, its context, the clauses with open questions].
const drawnDetails = new WeakMap();

/** What is not answered yet, each with a button to its question. */
function unansweredList(items, ctx) {
  return h('ul', { class: 'unanswered-list' }, items.map((u) => h('li', {},
    h('span', { text: u.text }), ' ',
    ctx.canGo(u.path)
      ? h('button', {
        type: 'button', class: 'link', 'data-focus': 'goto' + u.path,
        onclick: () => ctx.gotoPath(u.path), text: t('result.go_to_question'),
      })
      : null)));
}

function banner(r, ctx) {
  const { rules } = ctx;
  const unanswered = ctx.unanswered || [];
  // Never a pass while a question is not answered; a fail shows at once.
  const v = r.verdict === 'pass' && unanswered.length ? 'unanswered' : r.verdict;
  const label = v === 'pass' ? t('result.pass') : v === 'fail' ? t('result.fail') : v === 'unanswered' ? t('result.unanswered') : t('result.invalid');
  const icon = v === 'pass' ? '✓' : v === 'fail' ? '✗' : v === 'unanswered' ? '?' : '!';
  const parts = [
    ctx.whatIf ? h('p', { class: 'whatif-tag', text: ctx.whatIf }) : null,
    h('p', { class: 'verdict-label', id: 'verdict-label' },
      h('span', { class: 'verdict-icon', 'aria-hidden': 'true', text: icon }),
      // elementtiming: the browser reports when the verdict is painted (bench/page_bench.mjs).
      h('span', { class: 'verdict-text', elementtiming: 'verdict', text: label })),
  ];
  if (r.evaluated_on) {
    parts.push(h('p', { class: 'verdict-date' },
      t('result.on'), sp(), dateEl(r.evaluated_on), sp(),
      r.evaluated_on_source ? h('span', { class: 'muted', text: t('result.on_source.' + r.evaluated_on_source) }) : null));
  }
  if (v === 'fail') {
    parts.push(r.earliest_pass_date
      ? h('p', { class: 'verdict-earliest', dataset: { earliest: r.earliest_pass_date } },
        // The date as the language writes it (a <time> carries it for machines): not twice.
        h('strong', {}, tWith('result.apply_from', 'date', dateEl(r.earliest_pass_date))))
      : h('p', { class: 'verdict-earliest', dataset: { earliest: '' } }, t('result.no_date')));
    if (unanswered.length) {
      parts.push(h('p', { class: 'unanswered-note', text: t('result.unanswered_also', { n: unanswered.length }) }));
      parts.push(unansweredList(unanswered, ctx));
    }
  } else if (v === 'pass') {
    parts.push(h('p', { class: 'verdict-earliest', dataset: { earliest: r.earliest_pass_date || '' } }, t('result.apply_now')));
  } else if (v === 'unanswered') {
    parts.push(h('p', { class: 'unanswered-note', text: t('result.unanswered_help', { n: unanswered.length }) }));
    parts.push(unansweredList(unanswered, ctx));
  } else {
    if (ctx.previous) {
      const pv = ctx.previous;
      // What that answer showed: no pass while a question was open then.
      const openThen = (ctx.previousUnanswered || []).length > 0;
      const before = pv.verdict === 'pass' && openThen ? t('result.unanswered') : pv.verdict === 'pass' ? t('result.pass') : t('result.fail');
      parts.push(h('p', { class: 'stale-note', dataset: { role: 'stale' } }, t('result.stale', {
        verdict: before,
        earliest: pv.verdict === 'fail' && pv.earliest_pass_date ? t('result.stale_earliest', { date: humanDate(pv.earliest_pass_date) }) : '',
      })));
    }
    parts.push(h('p', { text: t('result.invalid_help') }));
    // The engine's message says where in words (the record, the field): not said twice.
    parts.push(h('ul', { class: 'error-list' }, (r.errors || []).map((e) => h('li', {},
      h('span', { text: e.message }),
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

/**
 * The warnings and the clauses, one card each: a basic requirement's card is rebuilt when it
 * changed, an indicator's card is kept and updated in place (updateIndicatorCard).
 * The lists are keyed by the context, so a new language, region or rule data starts them afresh.
 */
function details(root, r, ctx, context) {
  const { rules } = ctx;
  const warnings = r.warnings || [];
  const [, , basic, , inds] = keyed(root, [
    { key: `w|${context}|${JSON.stringify(warnings)}`, make: () => (warnings.length ? warningsBox(warnings, ctx) : document.createTextNode('')) },  // (holds the place)
    { key: `hb|${context}`, make: () => h('h3', { text: rules.text('text.basic') || t('section.basic_requirements') }) },
    { key: `ub|${context}`, make: () => h('ul', { class: 'clause-list' }) },
    // elementtiming: the browser reports when the cards are painted (bench/page_bench.mjs).
    { key: `hi|${context}`, make: () => h('h3', { elementtiming: 'clauses', text: rules.text('text.indicators') || t('section.indicators') }) },
    { key: `ui|${context}`, make: () => h('ul', { class: 'clause-list' }) },
  ], (p) => p.key, (p) => p.make());
  keyed(basic, r.basic_requirements || [], (b) => JSON.stringify(b), (b) => basicCard(b, ctx));
  // An indicator with a question not answered yet is not shown as passing.
  const open = new Set((ctx.unansweredClauses || []));
  const shown = (r.indicators || []).map((ind) => (ind.status === 'pass' && open.has(ind.clause) ? { ...ind, status: 'unanswered' } : ind));
  keyed(inds, shown, (ind) => ind.clause, indicatorCard, (card, ind) => updateIndicatorCard(card, ind, ctx));
}

function basicCard(b, ctx) {
  const { rules, region } = ctx;
  return h('li', {
    class: `clause-card st-${b.status}`, dataset: { clause: b.clause, status: b.status },
  },
  h('div', { class: 'clause-head' },
    h('span', { class: 'clause', text: b.clause }), ' ',
    h('span', { class: 'clause-name', text: rules.clauseName(b.clause, region) }),
    h('span', { class: `badge st-${b.status}`, text: rules.text('text.' + b.status) || b.status })),
  b.reason ? h('p', { class: 'reason', text: b.reason }) : null,
  b.status === 'not_met'
    ? h('p', { class: 'clears' }, b.clears_on ? t('result.met_from', { date: humanDate(b.clears_on) }) : t('result.never_clears'))
    : null,
  clauseLink(b.clause));
}

/**
 * An indicator's card, kept while its clause is shown: `updateIndicatorCard` changes only the parts
 * that changed. Building a new card would also build a new <details> (the records not counted),
 * and inserting any <details> makes Chromium restyle the whole document (~10 ms on a page of
 * 30,000 elements, a file of 400 records), however small the card.
 */
function indicatorCard(ind) {
  return h('li', { class: 'clause-card', dataset: { clause: ind.clause } });
}

function updateIndicatorCard(card, ind, ctx) {
  const { rules, region } = ctx;
  const counted = ind.counted || [];
  const notCounted = ind.not_counted || [];
  if (card.dataset.status !== ind.status) {
    card.className = `clause-card st-${ind.status}`;
    card.dataset.status = ind.status;
  }
  // One node per part, each kept while what it shows is the same (the lists: while there is one).
  keyed(card, [
    { key: `head|${ind.status}`, make: () => h('div', { class: 'clause-head' },
      h('span', { class: 'clause', text: ind.clause }), ' ',
      h('span', { class: 'clause-name', text: rules.clauseName(ind.clause, region) }),
      h('span', { class: `badge st-${ind.status}`, text: rules.text('text.' + ind.status) || (ind.status === 'unanswered' ? t('result.unanswered_badge') : ind.status) })) },
    ind.status === 'fail' && { key: `clears|${ind.clears_on}`, make: () => h('p', { class: 'clears' }, ind.clears_on
      ? t('result.clears_on', { date: humanDate(ind.clears_on) })
      : t('result.never_clears')) },
    counted.length && { key: 'counted', make: () => h('div', { class: 'counted' }, h('p', { class: 'sub-title' }), h('ul')) },
    notCounted.length && { key: 'not-counted', make: () => h('details', { class: 'not-counted' }, h('summary'), h('ul')) },
    { key: 'read', make: () => clauseLink(ind.clause) },  // its text in the standard view
  ].filter(Boolean), (p) => p.key, (p) => p.make());
  // The lists: their title (with the count) and one item per record, keyed by what it shows.
  const list = (box, title, items, make) => {
    if (!box) return;
    if (box.firstChild.textContent !== title) box.firstChild.textContent = title;
    keyedInChunks(box.lastChild, items, (c) => JSON.stringify(c), make, nextTask);
  };
  list(card.querySelector(':scope > .counted'), `${t('result.counted')} (${counted.length})`, counted, (c) => h('li', {},
    recordButton(c.record, ctx), ' ', h('span', { text: c.reason }), ' ',
    h('span', { class: 'until' }, '— ', c.counts_until
      ? t('result.counts_until', { date: humanDate(c.counts_until) })
      : t('result.counts_open'))));
  list(card.querySelector(':scope > .not-counted'), `${t('result.not_counted')} (${notCounted.length})`, notCounted,
    (c) => h('li', {}, recordButton(c.record, ctx), ' ', h('span', { text: c.reason })));
}

function warningsBox(warnings, ctx) {
  const { rules } = ctx;
  return h('section', { class: 'warnings', 'aria-labelledby': 'warnings-title' },
    h('h3', { id: 'warnings-title', text: rules.text('text.warnings') || t('result.warnings') }),
    h('ul', {}, warnings.map((w) => h('li', {}, w.record ? [recordButton(w.record, ctx), ' '] : null, h('span', { text: w.message })))));
}
