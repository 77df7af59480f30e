// The "standard" view (#standard, #standard/6.2.8): the text of WQ-179 clauses 5-10 and
// Appendices A-E (rules/standard.json, fetched when the view first opens), in the page's language
// with the printed Chinese beside it; beside each indicator clause (6.1.x, 6.2.x) the values of
// the rule data in use; Appendices A-D as filterable tables read from the rule data
// (rules/wq179.json's appendix_a-d), so an edited rule set shows its own values and lists.
// Every text goes in as text (dom.js `h`), never as HTML.

import { h, fill } from './dom.js';
import { t, getLang } from './i18n.js';

const PRINTED = 'zh-Hans';
let ctx = null;        // {rules: () => RuleData}
let section = null;    // the view's <section>
let data = null;       // promise of rules/standard.json
let shownKey = '';     // language and rule data the view was drawn for
let from = '';         // the clause whose card opened the view (the back link returns there)

/** Link from a clause card of the check to the clause's text in this view. */
export function clauseLink(clause) {
  return h('a', {
    class: 'clause-read', href: `#standard/${clause}`, dataset: { read: clause },
    text: t('standard.read', { clause }),
  });
}

/**
 * Adds the view (hidden) after <main> and follows the address: `#standard[/clause]` opens it,
 * `#clause/6.2.8` goes back to that clause's card in the check, any other address closes it.
 * @param {{rules: () => object}} context the page's rule data in use (web/rules.js RuleData)
 */
export function mountStandardView(context) {
  ctx = context;
  if (section) return;
  section = h('section', { id: 'standard', class: 'standard-view', hidden: true, tabindex: '-1', 'aria-labelledby': 'std-title' });
  document.getElementById('main').after(section);
  window.addEventListener('hashchange', route);
  // A new language (app.js sets <html lang>) or new rule data (the footer names it) redraws it.
  // The clause on screen stays on screen (a presenter switching language stays at 6.2.8).
  const redraw = async () => {
    if (section.hidden) return;
    const onScreen = [...section.querySelectorAll('.std-clause')].find((el) => el.getBoundingClientRect().bottom > 0);
    await draw();
    const again = onScreen && document.getElementById(onScreen.id);
    if (again && again !== onScreen) again.scrollIntoView({ block: 'start' });
  };
  new MutationObserver(redraw).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  const version = document.getElementById('rules-version');
  if (version) new MutationObserver(redraw).observe(version, { childList: true, characterData: true, subtree: true });
  route();
}

function route() {
  const hash = decodeURIComponent(location.hash.slice(1));
  const m = /^standard(?:\/(.+))?$/.exec(hash);
  if (m) {
    open(m[1] || '');
    return;
  }
  const back = /^clause\/(.+)$/.exec(hash);
  close();
  if (back) backToCard(back[1]);
}

async function open(clause) {
  const first = section.hidden;
  section.hidden = false;
  document.body.classList.add('standard-open');
  await draw();
  const target = clause ? document.getElementById('std-' + clause) : null;
  const focus = target ? target.querySelector('.std-heading') : section.querySelector('#std-title');
  if (focus) {
    focus.focus({ preventScroll: true });
    focus.scrollIntoView({ block: 'start' });
  } else if (first) section.focus();
}

function close() {
  if (!section || section.hidden) return;
  section.hidden = true;
  document.body.classList.remove('standard-open');
}

function backToCard(clause) {
  const link = document.querySelector(`#result-details .clause-read[data-read="${CSS.escape(clause)}"]`);
  const target = link || document.getElementById('result');
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
}

/** Asks for the standard's text before the view first opens (app.js: with the page's other files). */
export function preloadStandard() {
  return load();
}

function load() {
  if (!data) {
    data = fetch('rules/standard.json').then((resp) => {
      if (!resp.ok) throw new Error(`rules/standard.json: ${resp.status}`);
      return resp.json();
    });
    data.catch(() => { data = null; });
  }
  return data;
}

async function draw() {
  const rules = ctx.rules();
  const key = `${getLang()}|${rules ? rules.tag : 0}`;
  if (key === shownKey && section.firstChild) return;
  let std;
  try {
    std = await load();
  } catch (err) {
    shownKey = '';
    fill(section, h('h2', { id: 'std-title', tabindex: '-1', text: t('standard.title') }),
      h('p', { class: 'std-error', role: 'alert', text: t('standard.load_failed', { message: err.message }) }));
    return;
  }
  shownKey = key;
  const hashClause = (/^#standard\/(.+)$/.exec(location.hash) || [])[1];
  if (hashClause) from = decodeURIComponent(hashClause);
  fill(section, view(std, rules));
}

// ---- the view ---------------------------------------------------------------------------

function lang() {
  return getLang();
}

/** A three-form text in the page's language (the printed form when it lacks one). */
function pick(obj) {
  if (!obj) return '';
  if (typeof obj === 'string') return obj;
  return obj[lang()] ?? obj[PRINTED] ?? '';
}

function view(std, rules) {
  const clauses = std.clauses || [];
  const backClause = from && (rules && rules.byClause.has(from)) ? from : '';
  return [
    h('div', { class: 'std-top' },
      h('h2', { id: 'std-title', tabindex: '-1' }, rules ? rules.title() : t('standard.title'),
        h('span', { class: 'std-id', text: ` ${std.id}` })),
      h('p', { class: 'std-forms', text: t('standard.forms') }),
      h('p', {}, h('a', { class: 'std-back', href: backClause ? `#clause/${backClause}` : '#result', text: t('standard.back') }))),
    h('nav', { class: 'std-toc', 'aria-labelledby': 'std-toc-title' },
      h('h3', { id: 'std-toc-title', class: 'sr-only', text: t('standard.contents') }),
      h('ul', {}, clauses.filter((c) => c.level === 1).map((c) => h('li', {},
        h('a', { href: `#standard/${c.clause}` }, clauseNumber(c), ' ', pick(c.title)))))),
    clauses.map((c) => clauseCard(c, std, rules)),
  ];
}

function clauseNumber(c) {
  return c.appendix ? t('standard.appendix', { letter: c.clause }) : c.clause;
}

function clauseCard(c, std, rules) {
  const level = Math.min(c.level || 1, 3);
  const heading = h(`h${level + 2}`, { class: 'std-heading', tabindex: '-1' },
    h('span', { class: 'std-num', text: clauseNumber(c) }), ' ', pick(c.title),
    c.kind ? h('span', { class: 'std-kind', text: ` (${pick(c.kind)})` }) : null);
  const text = c.text ? paragraphs(c.text[lang()] || c.text[PRINTED], lang()) : null;
  const printed = c.text && lang() !== PRINTED
    ? h('div', { class: 'std-printed', lang: PRINTED },
      h('p', { class: 'std-label', lang: lang(), text: t('standard.printed') }),
      paragraphs(c.text[PRINTED], PRINTED))
    : null;
  const values = c.rule && rules ? ruleValues(c, rules) : null;
  const table = c.table ? tableOf(c.table, std, rules) : null;
  return h('article', {
    id: 'std-' + c.clause, class: `std-clause level-${level}${values ? ' has-values' : ''}`, dataset: { clause: c.clause },
  },
  heading,
  c.item_of ? h('p', { class: 'std-item-of', text: t('standard.item_of', { clause: c.item_of }) }) : null,
  text || values ? h('div', { class: 'std-body' },
    h('div', { class: 'std-texts' },
      text ? h('div', { class: 'std-text', lang: lang() },
        lang() === 'en' ? h('p', { class: 'std-label', text: t('standard.translation') }) : null,
        lang() === 'zh-Hant' ? h('p', { class: 'std-label', text: t('standard.conversion') }) : null,
        text) : null,
      printed),
    values) : null,
  table,
  c.note ? h('p', { class: 'std-note', lang: lang(), text: pick(c.note) }) : null);
}

function paragraphs(list, l) {
  return (list || []).map((p) => h('p', { lang: l, text: p }));
}

// ---- rule values in use (6.1.x, 6.2.x) ----------------------------------------------------

function ruleValues(c, rules) {
  const rows = [];
  const add = (term, ...desc) => rows.push(h('dt', { text: term }), h('dd', {}, ...desc));
  if (c.rule.basic_requirement) {
    const b = rules.basic.find((x) => x.id === c.rule.basic_requirement);
    if (!b) return null;
    add(t('standard.v.rule'), rules.label(b.label));
    if (b.months !== undefined) add(t('standard.v.period'), t('standard.v.months', { months: b.months }));
  } else {
    const ind = rules.indicators.find((x) => x.id === c.rule.indicator);
    if (!ind) return null;
    const list = ind.records;
    add(t('standard.v.names'), h('ul', {}, ['GD', 'HK', 'MO'].map((r) => h('li', {},
      h('span', { class: 'muted', text: rules.regionLabel(r) }), sep(), rules.indicatorName(ind, r)))));
    add(t('standard.v.window'), ind.window_months
      ? t('standard.v.window_months', { months: ind.window_months, from: rules.fieldLabel(list, ind.window_from) })
      : t('standard.v.no_window', { from: rules.fieldLabel(list, ind.window_from) }));
    if (ind.ongoing_until) add(t('standard.v.ongoing'), t('standard.v.ongoing_until', { until: rules.fieldLabel(list, ind.ongoing_until) }));
    if (ind.resolved_window_months) add(t('standard.v.resolved'), t('standard.v.months', { months: ind.resolved_window_months }));
    add(t('standard.v.threshold'), h('span', { class: 'std-threshold', dataset: { threshold: String(ind.threshold) } },
      t('standard.v.threshold_n', { n: ind.threshold })));
    for (const [name, values] of Object.entries(ind.in_scope || {})) {
      add(t('standard.v.in_scope', { field: rules.fieldLabel(list, name) }),
        h('ul', { class: 'std-scope' }, values.map((v) => h('li', { text: valueLabel(rules, list, name, v) }))));
    }
    if (ind.one_off && ind.one_off.length) {
      const name = Object.keys(ind.in_scope || {})[0];
      add(t('standard.v.one_off'), ind.one_off.map((v) => valueLabel(rules, list, name, v)).join(lang() === 'en' ? ', ' : '、'));
    }
    for (const [name, want] of Object.entries(ind.flags || {})) {
      add(t('standard.v.flag', { field: rules.fieldLabel(list, name) }), rules.enumLabel('boolean', String(want)));
    }
    if (ind.appendix) {
      const n = (rules.std['appendix_' + ind.appendix.toLowerCase()] || []).length;
      add(t('standard.v.appendix'), h('a', { href: `#standard/${ind.appendix}.1`, text: t('standard.v.appendix_n', { letter: ind.appendix, n }) }));
    }
    if (ind.note) rows.push(h('dt', { text: t('standard.v.reading') }), h('dd', { class: 'std-reading', text: rules.label(ind.note) }));
  }
  return h('aside', { class: 'std-values', 'aria-label': t('standard.v.title_short', { clause: c.clause }) },
    h('p', { class: 'std-values-title', text: t('standard.v.title', { id: rules.id, version: rules.version }) }),
    h('dl', {}, rows),
    h('p', {}, h('a', { href: `#clause/${c.clause}`, class: 'std-to-card', text: t('standard.to_card', { clause: c.clause }) })));
}

function sep() {
  return lang() === 'en' ? ': ' : '：';
}

function valueLabel(rules, list, name, value) {
  const f = rules.field(list, name);
  if (f && f.enum) return rules.enumLabel(f.enum, value);
  if (f && f.appendix) return rules.appendixLabel(f.appendix, value);
  return value;
}

// ---- tables ------------------------------------------------------------------------------

function tableOf(id, std, rules) {
  const spec = (std.tables || {})[id];
  if (!spec) return null;
  if (id === '1') return table1(spec, rules);
  if (id === 'E.1') return tableE(spec);
  return appendixTable(id[0], spec, rules);
}

function cells(tag, list, l) {
  return h('tr', {}, list.map((x) => h(tag, { lang: l, text: x })));
}

function table1(spec, rules) {
  const printed = h('table', { class: 'std-table', lang: PRINTED },
    h('caption', { text: spec.caption[PRINTED] }),
    h('thead', {}, cells('th', spec.columns[PRINTED], PRINTED)),
    h('tbody', {}, spec.printed_rows.map((r) => cells('td', r, PRINTED))));
  if (lang() === PRINTED || !rules) return h('div', { class: 'std-table-wrap' }, printed);
  const groups = new Map(rules.groups().map((g) => [g.id, g]));
  const rows = rules.indicators.map((ind, i) => [String(i + 1), rules.label((groups.get(ind.group) || {}).label),
    rules.indicatorName(ind, 'GD'), rules.indicatorName(ind, 'HK'), rules.indicatorName(ind, 'MO'),
    rules.label(ind.description), rules.label(ind.source)]);
  return [
    h('div', { class: 'std-table-wrap' }, h('table', { class: 'std-table', lang: lang() },
      h('caption', { text: pick(spec.caption) }),
      h('thead', {}, cells('th', spec.columns[lang()], lang())),
      h('tbody', {}, rows.map((r) => cells('td', r, lang()))))),
    h('details', { class: 'std-printed-table' }, h('summary', { text: t('standard.printed_table') }),
      h('div', { class: 'std-table-wrap' }, printed)),
  ];
}

/** The names of an appendix entry in the three forms, each marked with its language. */
function names(e) {
  return h('span', { class: 'std-names' },
    h('span', { lang: 'zh-Hans', text: e.as_printed || e.name }),
    e['zh-Hant'] && e['zh-Hant'] !== e.name ? h('span', { lang: 'zh-Hant', text: e['zh-Hant'] }) : null,
    e.en ? h('span', { lang: 'en', text: e.en }) : null);
}

function appendixTable(letter, spec, rules) {
  if (!rules) return null;
  const entries = rules.std['appendix_' + letter.toLowerCase()] || [];
  const rowOf = (e, i) => {
    const lead = [String(i + 1)];
    if (letter === 'A') lead.push(rules.regionLabel(e.region));
    if (letter === 'C') lead.push(rules.enumLabel('certification_category', e.category), rules.label(e.body));
    const note = h('td', {}, e.note ? h('span', { text: rules.label(e.note) }) : null,
      e.remark ? h('span', { class: 'std-remark', text: rules.label(e.remark) }) : null);
    const search = [e.id, e.name, e['zh-Hant'], e.en, ...(e.aliases || []), ...lead.slice(1),
      ...['zh-Hans', 'zh-Hant', 'en'].map((l) => (e.note || {})[l] || '')].join(' ').toLowerCase();
    // Each cell names its column (a phone shows the rows as blocks, standard.css).
    const row = h('tr', { dataset: { id: e.id, search } }, lead.map((x) => h('td', { text: x })), h('td', {}, names(e)), note);
    [...row.children].forEach((td, k) => { td.dataset.col = heads[k] || ''; });
    return row;
  };
  const heads = spec.columns[lang()] || [];
  const rows = entries.map(rowOf);
  const count = h('p', { class: 'std-count', role: 'status' });
  const showCount = (n) => { count.textContent = t('standard.filter_count', { n, total: entries.length }); };
  showCount(entries.length);
  const inputId = `std-filter-${letter}`;
  const input = h('input', {
    type: 'search', id: inputId, class: 'std-filter', autocomplete: 'off', dataset: { appendix: letter },
    oninput: () => {
      const q = input.value.trim().toLowerCase();
      let n = 0;
      for (const r of rows) {
        const hit = !q || r.dataset.search.includes(q);
        r.hidden = !hit;
        if (hit) n += 1;
      }
      showCount(n);
    },
  });
  return h('div', { class: 'std-appendix', dataset: { appendix: letter } },
    h('div', { class: 'std-filter-row' },
      h('label', { for: inputId, text: t('standard.filter', { letter }) }), input, count),
    h('div', { class: 'std-table-wrap' }, h('table', { class: 'std-table' },
      h('caption', { text: pick(spec.caption) }),
      h('thead', {}, cells('th', spec.columns[lang()], lang())),
      h('tbody', {}, rows))),
    letter === 'D' && rules.std.appendix_d_amount_note
      ? h('p', { class: 'std-note', text: rules.label(rules.std.appendix_d_amount_note) }) : null);
}

/** Table E.1 is printed in three languages: each cell shows the forms the print has. */
function tri(obj) {
  return ['zh-Hans', 'zh-Hant', 'en'].filter((l) => obj && obj[l]).map((l) => h('span', { class: 'std-tri', lang: l, text: obj[l] }));
}

function tableE(spec) {
  const parts = [];
  for (const row of spec.rows || []) {
    const values = row.values || {};
    if (row.row === 'title') parts.push(h('p', { class: 'std-e-title' }, tri(row.cells[0])));
    else if (row.row === 'section') parts.push(h('p', { class: 'std-e-section' }, tri(row.cells[0])));
    else if (row.row === 'group') parts.push(h('p', { class: 'std-e-group' }, tri(row.cells[0])), h('p', { class: 'std-e-intro' }, tri(row.cells[1])));
    else if (row.row === 'fields') {
      parts.push(h('div', { class: 'std-table-wrap' }, h('table', { class: 'std-table std-e-fields' }, h('tbody', {}, row.cells.map((c, i) => h('tr', {},
        h('th', { scope: 'row' }, tri(c)), h('td', {}, tri(values[String(i)]))))))));
    } else if (row.row === 'table') {
      const cols = row.columns || [];
      parts.push(h('div', { class: 'std-table-wrap' }, h('table', { class: 'std-table' },
        h('caption', {}, tri(row.cells[0])),
        h('thead', {}, h('tr', {}, cols.map((c) => h('th', { scope: 'col' }, tri(c))))),
        h('tbody', {}, h('tr', {}, cols.map((c, i) => h('td', {}, tri(values[String(i)]))))))));
    }
  }
  return h('div', { class: 'std-e' },
    h('p', { class: 'std-label', text: t('standard.e_printed') }),
    h('p', { class: 'std-e-caption', lang: PRINTED, text: spec.caption[PRINTED] }),
    parts);
}
