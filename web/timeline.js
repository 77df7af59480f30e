// The timeline: every record's counting window as the engine gave it (from `counts_from` to
// `counts_until`, or open-ended), the evaluation date and the earliest pass date, as an
// SVG chart with a table as its text alternative. Only engine output decides what counts and
// until when; the page only places dates on an axis.

import { h, s, fill, keyed, keyedNewInChunks } from './dom.js';
import { nextTask } from './slices.js';
import { t, humanDate, getLang, colon } from './i18n.js';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

// Day numbers by date: a chart of 400 records asks for the same few hundred dates many times.
const dayCache = new Map();
function dayNum(iso) {
  let n = dayCache.get(iso);
  if (n === undefined) {
    const [y, m, d] = iso.split('-').map(Number);
    const dt = new Date(0);
    dt.setUTCFullYear(y, m - 1, d);
    n = Math.round(dt.getTime() / 86400000);
    if (dayCache.size > 50000) dayCache.clear();
    dayCache.set(iso, n);
  }
  return n;
}

function isoOf(day) {
  const dt = new Date(day * 86400000);
  const p = (n, w = 2) => String(n).padStart(w, '0');
  return `${p(dt.getUTCFullYear(), 4)}-${p(dt.getUTCMonth() + 1)}-${p(dt.getUTCDate())}`;
}

/** The rows the chart and the table show, from the result and the file it came from. */
function timelineRows(result, doc, rules, region) {
  const rows = [];
  for (const b of result.basic_requirements || []) {
    if (b.status !== 'not_met') continue;
    rows.push({
      kind: 'basic', clause: b.clause, name: rules.clauseName(b.clause, region), record: '',
      from: result.evaluated_on, until: b.clears_on, open: !b.clears_on, dates: [],
    });
  }
  for (const ind of result.indicators || []) {
    const def = rules.byClause.get(ind.clause);
    if (!def) continue;
    const list = def.records;
    const recs = (doc.records && doc.records[list]) || [];
    const dateFields = rules.dateFields(list);
    const labels = new Map(dateFields.map((f) => [f, rules.fieldLabel(list, f)]));
    const counted = new Map((ind.counted || []).map((c) => [c.record, c]));
    const notCounted = new Map((ind.not_counted || []).map((c) => [c.record, c]));
    for (const rec of recs) {
      if (!rec || typeof rec.id !== 'string') continue;
      const dates = dateFields
        .filter((f) => typeof rec[f] === 'string' && ISO.test(rec[f]))
        .map((f) => ({ field: f, label: labels.get(f), date: rec[f] }));
      // The record by what it is, as the engine names it (`name`, asked with `detail`).
      const said = counted.get(rec.id) || notCounted.get(rec.id);
      const named = (said && said.name) || t('result.record', { id: rec.id });
      const base = { clause: ind.clause, name: rules.clauseName(ind.clause, region), record: rec.id, named, dates };
      if (counted.has(rec.id)) {
        const c = counted.get(rec.id);
        // Where its window starts, as the engine counts it (`counts_from`, asked with `detail`).
        rows.push({ ...base, kind: ind.status === 'fail' ? 'counted-fail' : 'counted', from: c.counts_from || result.evaluated_on,
          until: c.counts_until, open: !c.counts_until, reason: c.reason });
      } else if (notCounted.has(rec.id)) {
        rows.push({ ...base, kind: 'not-counted', from: null, until: null, open: false, reason: notCounted.get(rec.id).reason });
      }
    }
  }
  return rows;
}

// At most MAX_ROWS rows are drawn (issue 13: a file of 10,000 records drew ~40,000 nodes in one
// task, over a second, for a chart 260,000 px tall): those that decide the verdict first (the
// basic requirements not met, the records that count), then the others, each in its order.
const MAX_ROWS = 1000;

function drawn(rows) {
  if (rows.length <= MAX_ROWS) return rows;
  const first = rows.filter((r) => r.kind !== 'not-counted');
  const keep = new Set(first.slice(0, MAX_ROWS));
  for (const r of rows) {
    if (keep.size >= MAX_ROWS) break;
    keep.add(r);
  }
  return rows.filter((r) => keep.has(r));
}

// The chart is drawn at the width it is shown (one SVG unit = one CSS pixel), so its text
// stays readable from a phone to a projector.
const RIGHT = 30;
// A row: the record's name on a line of its own (its id is only a detail, issue 13), its bar below.
const ROW = 40;
const NAME_Y = 13;
const BAR_TOP = 18;
const BAR_HEIGHT = ROW - BAR_TOP - 5;
const TOP = 46;

// The chart's elements, made once per root and updated in place: an edit among 400 records
// redraws the rows it changed, not the ~5,500 nodes of the whole chart and table.
const charts = new WeakMap();

function chartOf(root) {
  let c = charts.get(root);
  if (!c) {
    const titleId = 'timeline-svg-title';
    c = {
      caption: h('p', { class: 'tl-caption', 'aria-hidden': 'true' }),
      title: s('title', { id: titleId }),
      axis: s('g', { class: 'tl-axis' }),
      stripes: s('g', {}),
      body: s('g', { class: 'tl-rows' }),  // the records' rows (tests find them by this class)
      marks: s('g', {}),
      legend: h('div', {}),
      summary: h('summary', {}),
      thead: h('thead', {}),
      tbody: h('tbody', {}),
    };
    c.svg = s('svg', {
      role: 'img', 'aria-labelledby': titleId, class: 'timeline-svg', preserveAspectRatio: 'xMinYMin meet',
    // The date lines under the rows: a record's name, with its halo, stays readable over them.
    }, c.title, defs(), c.axis, c.stripes, c.marks, c.body);
    c.scroll = h('div', { class: 'timeline-scroll', role: 'group', tabindex: '0' }, c.svg);
    // Scrolled sideways on a narrow screen: focusable, so a keyboard can scroll it (named below).
    c.tableScroll = h('div', { class: 'table-scroll', role: 'group', tabindex: '0' }, h('table', {}, c.thead, c.tbody));
    c.table = h('details', { class: 'timeline-table' }, c.summary, c.tableScroll);
    charts.set(root, c);
  }
  // After a message replaced the chart (an invalid file), the same elements come back.
  if (c.caption.parentNode !== root) fill(root, c.caption, c.scroll, c.legend, c.table);
  return c;
}

function defs() {
  return s('defs', {},
    s('pattern', { id: 'tl-hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      s('rect', { width: 6, height: 6, fill: '#eef0f3' }),
      s('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#5b6472', 'stroke-width': 2.5 })),
    ...['fail', 'counted', 'basic'].map((k) => s('marker', {
      id: `tl-arrow-${k}`, viewBox: '0 0 10 10', refX: 8, refY: 5, markerWidth: 5, markerHeight: 5, orient: 'auto',
    }, s('path', { d: 'M0,0 L10,5 L0,10 z', class: `tl-arrow-${k}` }))));
}

function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs)) if (el.getAttribute(k) !== String(v)) el.setAttribute(k, String(v));
}

// Places a row at `y`; its transform is written only when it moved (the row remembers its `y`:
// reading the attribute of 400 rows back on every edit cost more than the rest of their update).
function moveTo(g, y) {
  if (g.nvY === y) return;
  g.nvY = y;
  g.setAttribute('transform', `translate(0 ${y})`);
}

/**
 * @param {HTMLElement} root
 * @param {object} result nvcheck/result@1 (of the file shown, what-if changes included)
 * @param {object} doc the enterprise file the result is for
 * @param {{rules, region, width: number}} ctx width: the shown width, measured by the caller
 *   (reading it here would force a layout of the whole page on every edit)
 */
export function renderTimeline(root, result, doc, ctx) {
  const { rules, region } = ctx;
  if (!result || result.verdict === 'invalid') {
    fill(root, h('p', { class: 'muted', text: t('timeline.invalid') }));
    return;
  }
  const all = timelineRows(result, doc, rules, region);
  if (!all.length) {
    fill(root, h('p', { class: 'muted', text: t('timeline.empty') }));
    return;
  }
  const rows = drawn(all);
  const W = Math.max(320, Math.min(1600, Math.round(ctx.width || 960)));
  const LEFT = W < 560 ? 92 : 130;
  const on = result.evaluated_on;
  const earliest = result.earliest_pass_date;

  // Axis range: every date shown, padded; open-ended windows get room for their arrow.
  const days = [dayNum(on)];
  if (earliest) days.push(dayNum(earliest));
  for (const r of rows) {
    if (r.from) days.push(dayNum(r.from));
    if (r.until) days.push(dayNum(r.until));
    for (const d of r.dates) days.push(dayNum(d.date));
  }
  let lo = Math.min(...days);
  let hi = Math.max(...days);
  const span0 = Math.max(hi - lo, 60);
  const anyOpen = rows.some((r) => r.open);
  lo -= Math.round(span0 * 0.04) + 10;
  hi += Math.round(span0 * (anyOpen ? 0.15 : 0.05)) + 10;
  // Ticks at least ~80 px apart: every 1, 3, 6 months or 1, 2, 5, 10 years.
  const pxPerMonth = ((W - LEFT - RIGHT) * 30.44) / (hi - lo);
  const step = [1, 3, 6, 12, 24, 60, 120].find((m) => m * pxPerMonth >= 80) || 240;
  // The range is widened to whole ticks, so an edit whose dates stay inside it keeps the axis, and
  // every row drawn on it is kept as it is.
  lo = dayNum(monthIso(Math.floor(monthIndex(isoOf(lo)) / step) * step));
  hi = dayNum(monthIso(Math.ceil((monthIndex(isoOf(hi)) + 1) / step) * step));
  const x = (iso) => LEFT + ((dayNum(iso) - lo) / (hi - lo)) * (W - LEFT - RIGHT);
  const xEnd = W - RIGHT;
  const height = TOP + rows.length * ROW + 34;

  const summary = t('timeline.summary', {
    n: all.filter((r) => r.record).length,
    on: humanDate(on),
    earliest: earliest ? t('timeline.earliest', { date: humanDate(earliest) }) : t('timeline.no_earliest'),
  }) + (rows.length < all.length ? ' ' + t('timeline.capped', { shown: rows.filter((r) => r.record).length }) : '');
  const c = chartOf(root);
  setText(c.caption, summary);
  setAttrs(c.scroll, { 'aria-label': summary });
  setText(c.title, summary);
  setAttrs(c.svg, { viewBox: `0 0 ${W} ${height}`, width: W, height });

  const scale = `${getLang()}|${lo}|${hi}|${W}`;
  const keys = new Map(rows.map((r) => [r, JSON.stringify(r)]));
  keyed(c.axis, [`${scale}|${height}|${step}`], (k) => k, () => axis(lo, hi, step, x, height, W));
  keyed(c.stripes, rows.filter((_, i) => i % 2 === 0).map((_, j) => TOP + 2 * j * ROW), (y) => `${y}|${W}`,
    (y) => s('rect', { x: 0, y, width: W, height: ROW, class: 'tl-stripe' }));
  // A row is drawn at y = 0 and moved by its transform: a row above that comes or goes moves the
  // rows below without redrawing them.
  // Many rows drawn anew (a first drawing of a large file's, issue 13) are drawn 100 a task.
  keyedNewInChunks(c.body, rows, (r) => `${scale}|${keys.get(r)}`, (r) => row(r, x, xEnd, Math.floor((LEFT - 12) / 8)), nextTask, 100,
    (g, r, i) => moveTo(g, TOP + i * ROW));
  keyed(c.marks, [JSON.stringify([scale, on, earliest, height])], (k) => k, () => markers(on, earliest, x, W, height));

  const flags = [rows.some((r) => r.kind === 'basic'), Boolean(earliest), rows.some((r) => r.open)];
  keyed(c.legend, [`${getLang()}|${flags}`], (k) => k, () => legend(...flags));
  setText(c.summary, t('timeline.table'));
  setAttrs(c.tableScroll, { 'aria-label': t('timeline.table') });
  keyed(c.thead, [getLang()], (k) => k, () => h('tr', {},
    ['timeline.col.clause', 'timeline.col.record', 'timeline.col.status', 'timeline.col.from', 'timeline.col.until', 'timeline.col.dates']
      .map((k) => h('th', { scope: 'col', text: t(k) }))));
  keyedNewInChunks(c.tbody, rows, (r) => `${getLang()}|${keys.get(r)}`, tableRow, nextTask);
}

// Months counted from year 0, and back to the ISO date of the month's first day.
function monthIndex(iso) {
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
}
function monthIso(index) {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

// A month on the axis as the language writes one ("2026年4月", "Apr 2026"), not as ISO digits.
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function monthTick(year, month) {
  return t('timeline.tick_month', { year, month: getLang() === 'en' ? EN_MONTHS[month - 1] : month });
}

function axis(lo, hi, step, x, height, width) {
  const g = s('g', {});
  let lastRight = -Infinity;  // where the last label drawn ends
  const startIso = isoOf(lo);
  let ty = Number(startIso.slice(0, 4));
  let tm = Number(startIso.slice(5, 7));
  for (let guard = 0; guard < 120000; guard += 1) {
    tm += 1;
    if (tm > 12) { tm = 1; ty += 1; }
    if (step < 12 ? (tm - 1) % step !== 0 : tm !== 1 || ty % (step / 12) !== 0) continue;
    const iso = `${String(ty).padStart(4, '0')}-${String(tm).padStart(2, '0')}-01`;
    if (dayNum(iso) > hi) break;
    const xx = x(iso);
    g.append(s('line', { x1: xx, x2: xx, y1: TOP - 8, y2: height - 30, class: 'tl-grid' }));
    // A label that would run past the chart's right edge ends at its line instead, unless it
    // would then run into the label before it (its line is left unlabelled).
    const label = step >= 12 ? String(ty) : monthTick(ty, tm);
    const w = textWidth(label, 12);
    const past = xx + 2 + w > width - 2;
    if (past && xx - 2 - w < lastRight + 6) continue;
    lastRight = past ? xx - 2 : xx + 2 + w;
    g.append(s('text', {
      x: past ? xx - 2 : xx + 2, y: TOP - 12, class: 'tl-tick', 'text-anchor': past ? 'end' : null, text: label,
    }));
  }
  return g;
}

// The left column holds the clause; a label longer than it (`chars` characters) is cut with an
// ellipsis: it would run under the bars and markers (unreadable, and below contrast). The record's
// name (or the requirement's) is written above its bar, cut to the chart's width; the row's title
// has both whole.
function row(r, x, xEnd, chars) {
  const cy = BAR_TOP + BAR_HEIGHT / 2;
  const g = s('g', { class: `tl-row tl-${r.kind}`, dataset: { record: r.record, clause: r.clause } });
  const label = r.clause;
  g.append(s('text', { x: 8, y: cy + 4, class: 'tl-label', text: label.length > chars ? `${label.slice(0, chars - 1)}…` : label }));
  const named = r.record ? r.named : r.name;
  const startX = r.kind === 'not-counted' ? Math.min(...r.dates.map((d) => x(d.date))) - 5 : x(r.from);
  if (named) g.append(nameLabel(named, startX, xEnd));
  let tip;
  if (r.kind === 'not-counted') {
    tip = `${r.clause} ${r.named}: ${t('record.status.not_counted')} — ${r.dates.map((d) => `${d.label} ${humanDate(d.date)}`).join(', ')}`;
    for (const d of r.dates) {
      g.append(s('circle', { cx: x(d.date), cy, r: 4.5, class: 'tl-dot' }, s('title', { text: `${r.named}${getLang() === 'en' ? ', ' : '，'}${d.label}${colon()}${humanDate(d.date)}` })));
    }
  } else {
    const x1 = x(r.from);
    // Open-ended: a solid bar, then a dashed tail with an arrow to the edge (it goes on).
    const x2 = r.open ? Math.max(x1 + 2, xEnd - 48) : x(r.until);
    const kind = r.kind === 'basic' ? 'basic' : r.kind === 'counted-fail' ? 'fail' : 'counted';
    tip = r.kind === 'basic'
      ? `${r.clause}: ${r.open ? t('result.never_clears') : t('result.met_from', { date: humanDate(r.until) })}`
      : `${r.clause} ${r.named}: ${humanDate(r.from)} → ${r.open ? t('result.counts_open') : humanDate(r.until)}`;
    g.append(s('rect', {
      x: x1, y: BAR_TOP, width: Math.max(x2 - x1, 2), height: BAR_HEIGHT, rx: 3,
      class: `tl-bar tl-bar-${kind}`,
    }, s('title', { text: tip })));
    if (r.open) {
      g.append(s('line', {
        x1: x2, x2: xEnd - 6, y1: cy, y2: cy, class: `tl-open tl-open-${kind}`, 'marker-end': `url(#tl-arrow-${kind})`,
      }));
    }
    for (const d of r.dates) {
      if (d.date !== r.from) g.append(s('circle', { cx: x(d.date), cy, r: 3, class: 'tl-tick-dot' }, s('title', { text: `${d.label}${colon()}${humanDate(d.date)}` })));
    }
  }
  g.append(s('title', { text: tip }));
  return g;
}

// A text's width at the chart's small sizes, estimated from its characters (a Chinese one is
// about as wide as the font's size, a Latin letter a little over half): enough to place it.
function textWidth(text, size) {
  return [...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? size : size * 0.56), 0);
}

// A record's name above its bar: from the bar's start, moved left (over the clause's column if it
// must: its line is free there) to end inside the chart, and cut with an ellipsis when it is wider
// than the chart.
function nameLabel(text, startX, xEnd) {
  const left = 8;
  const room = xEnd - left;
  let shown = text;
  if (textWidth(shown, 11) > room) {
    const chars = [...text];
    while (chars.length > 1 && textWidth(chars.join('') + '…', 11) > room) chars.pop();
    shown = chars.join('') + '…';
  }
  const nameX = Math.max(left, Math.min(startX, xEnd - textWidth(shown, 11)));
  return s('text', { x: Math.round(nameX), y: NAME_Y, class: 'tl-name', text: shown });
}

// A marker's label at `xx`, written for people, placed where it fits in the chart's width: after
// the line, before it, or centred on the chart (its width estimated from its characters: about
// 7 px for a Latin letter and 12 px for a Chinese one at the labels' 12 px bold).
function markerLabel(xx, y, W, text) {
  const width = [...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 12 : 7), 0);
  const place = xx + 4 + width <= W ? { x: xx + 4, 'text-anchor': 'start' }
    : xx - 4 - width >= 0 ? { x: xx - 4, 'text-anchor': 'end' }
      : { x: W / 2, 'text-anchor': 'middle' };
  return s('text', { ...place, y, class: 'tl-marker-label', text });
}

// The evaluation date and the earliest pass date.
function markers(on, earliest, x, W, height) {
  const lineY2 = height - 30;
  const xd = x(on);
  const g = s('g', {}, s('g', { class: 'tl-on' },
    s('line', { x1: xd, x2: xd, y1: TOP - 24, y2: lineY2 }),
    markerLabel(xd, TOP - 28, W, `${t('timeline.legend.on')} ${humanDate(on)}`)));
  if (earliest) {
    const xe = x(earliest);
    g.append(s('g', { class: 'tl-earliest' },
      s('line', { x1: xe, x2: xe, y1: TOP - 8, y2: lineY2 + 8 }),
      markerLabel(xe, lineY2 + 22, W, `${t('timeline.legend.earliest')} ${humanDate(earliest)}`)));
  }
  return g;
}

function legend(withBasic, withEarliest, withOpen) {
  const item = (cls, key) => h('li', {}, h('span', { class: `swatch ${cls}`, 'aria-hidden': 'true' }), t(key));
  return h('ul', { class: 'tl-legend', 'aria-label': t('timeline.legend') },
    item('sw-fail', 'timeline.legend.counted_fail'),
    item('sw-counted', 'timeline.legend.counted'),
    withOpen ? item('sw-open', 'timeline.legend.open') : null,
    item('sw-dot', 'timeline.legend.not_counted'),
    item('sw-on', 'timeline.legend.on'),
    withEarliest ? item('sw-earliest', 'timeline.legend.earliest') : null,
    withBasic ? item('sw-basic', 'timeline.legend.basic') : null);
}

function tableRow(r) {
  const status = r.kind === 'basic' ? t('timeline.legend.basic')
    : r.kind === 'not-counted' ? t('record.status.not_counted') : t('record.status.counted');
  return h('tr', { dataset: { record: r.record, kind: r.kind } },
    h('td', {}, `${r.clause} ${r.name}`),
    h('td', { text: r.named || '—' }),
    h('td', { text: status }),
    h('td', { text: r.from ? humanDate(r.from) : '—' }),
    h('td', { text: r.kind === 'not-counted' ? '—' : r.open ? t('timeline.open') : humanDate(r.until) }),
    h('td', { text: r.dates.map((d) => `${d.label}${colon()}${humanDate(d.date)}`).join(t('list.sep')) || '—' }));
}
