// A date field of the page's own (issue 13): year, month and day in the page language's order
// and words (2026-02-03; 2026年2月3日), whatever the browser's locale. What it shows is what is
// saved and evaluated: a complete real date is saved as YYYY-MM-DD; anything else (an impossible
// date such as 2026-02-30, a date typed halfway) is refused next to the field in the page's
// language and saved as typed, so the engine marks its record invalid. It is never replaced by
// another date.

import { h } from './dom.js';
import { t, getLang } from './i18n.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `s` is a real date YYYY-MM-DD in years 0001-9999. */
export function isIsoDate(s) {
  const m = typeof s === 'string' && s.match(ISO);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo);
}

function daysIn(y, m) {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** The parts a saved value shows: "2026-02-30" -> ['2026', '02', '30']; other text in the year. */
function partsOf(value) {
  if (typeof value !== 'string' || value === '') return ['', '', ''];
  const m = value.match(/^(\d*)-(\d*)-(\d*)$/);
  return m ? [m[1], m[2], m[3]] : [value, '', ''];
}

/**
 * What the parts make: `{value, problem}`. `value` is what is saved ('' when all are empty; the
 * ISO date when real; the typed text otherwise), `problem` null or why it is refused:
 * 'incomplete', 'year', 'month', 'day' (no such day in that month).
 */
function readParts(y, m, d) {
  if (!y && !m && !d) return { value: '', problem: null };
  const pad = (s) => (/^\d$/.test(s) ? '0' + s : s);
  const value = `${y}-${pad(m)}-${pad(d)}`;
  if (!/^\d{4}$/.test(y) || !/^\d{1,2}$/.test(m) || !/^\d{1,2}$/.test(d)) {
    // Digits missing; or a year of more or fewer than four digits.
    if (/^\d{5,}$/.test(y) || /\D/.test(y + m + d)) return { value, problem: 'year' };
    return { value, problem: 'incomplete' };
  }
  const [yn, mn, dn] = [Number(y), Number(m), Number(d)];
  if (yn < 1) return { value, problem: 'year' };
  if (mn < 1 || mn > 12) return { value, problem: 'month' };
  if (dn < 1 || dn > daysIn(yn, mn)) return { value, problem: 'day' };
  return { value, problem: null };
}

/** The refusal in the page's language. */
function problemText(problem, y, m, d) {
  switch (problem) {
    case 'incomplete': return t('date.incomplete');
    case 'year': return t('date.bad_year');
    case 'month': return t('date.bad_month', { month: String(Number(m)) });
    case 'day': {
      const days = daysIn(Number(y), Number(m));
      return t('date.bad_day', { year: String(Number(y)), month: monthName(Number(m)), day: String(Number(d)), days: String(days) });
    }
    default: return '';
  }
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

function monthName(m) {
  return getLang() === 'en' ? MONTHS_EN[m - 1] : String(m);
}

/**
 * A date field. `id` goes to the year box (the field's <label for> names it); `path` is the JSON
 * pointer it edits (data-path on the year box, data-focus on each box); `describedby` the ids that
 * describe it. `onChange(value, problem)` gets what is saved and why it is refused (null: a real
 * date or empty). The element's `dataset.value` is what it saves.
 */
export function dateField({ id, value, path, describedby = '', onChange }) {
  const [y0, m0, d0] = partsOf(value);
  const msgId = id + '-date';
  const zh = getLang() !== 'en';
  const box = (part, val, size, attrs = {}) => h('input', {
    type: 'text', inputmode: 'numeric', autocomplete: 'off', spellcheck: 'false',
    class: `date-part date-${part}`, size: String(size), value: val,
    placeholder: zh ? '' : t(`date.ph_${part}`),
    'aria-label': t(`date.${part}`),
    'aria-describedby': [msgId, describedby].filter(Boolean).join(' '),
    ...attrs,
  });
  const year = box('year', y0, 4, { id, 'data-path': path || null, 'data-focus': path || id });
  const month = box('month', m0, 2, { 'data-focus': (path || id) + '#month' });
  const day = box('day', d0, 2, { 'data-focus': (path || id) + '#day' });
  const sep = (text) => h('span', { class: 'date-sep', 'aria-hidden': 'true', text });
  const msg = h('p', { class: 'date-error', id: msgId, role: 'alert', hidden: true });
  const wrap = h('span', { class: 'date-field', role: 'group', dataset: { value: typeof value === 'string' ? value : '' } },
    year, sep(zh ? '年' : '-'), month, sep(zh ? '月' : '-'), day, zh ? sep('日') : null);
  const root = h('span', { class: 'date-field-box' }, wrap, msg);

  let shown = null;
  const show = (problem, now) => {
    // A date typed halfway is said on leaving the field; an impossible one at once.
    const say = problem && (problem !== 'incomplete' || now);
    const text = say ? problemText(problem, year.value, month.value, day.value) : '';
    if (text === shown) return;
    shown = text;
    msg.textContent = text;
    msg.hidden = !text;
    wrap.classList.toggle('refused', Boolean(text));
    for (const b of [year, month, day]) {
      if (text) b.setAttribute('aria-invalid', 'true');
      else b.removeAttribute('aria-invalid');
    }
  };
  const update = () => {
    const r = readParts(year.value.trim(), month.value.trim(), day.value.trim());
    wrap.dataset.value = r.value;
    show(r.problem, false);
    onChange(r.value, r.problem);
  };
  // A whole date typed or pasted into the year box (2026-02-03, 2026/2/3, 2026年2月3日) is spread.
  year.addEventListener('input', () => {
    const v = year.value;
    const split = v.match(/^\s*(\d{1,4})\D+(\d{1,2})\D+(\d{1,2})\D*$/);
    if (split) {
      [year.value, month.value, day.value] = [split[1], split[2], split[3]];
    } else if (/^\d{4}$/.test(v) && document.activeElement === year && !month.value) {
      month.focus();
    }
    update();
  });
  month.addEventListener('input', () => {
    if ((/^\d{2}$/.test(month.value) || /^[2-9]$/.test(month.value)) && document.activeElement === month && !day.value) day.focus();
    update();
  });
  day.addEventListener('input', update);
  // Backspace in an empty box goes back to the one before.
  const back = (from, to) => from.addEventListener('keydown', (ev) => {
    if (ev.key === 'Backspace' && from.value === '') { ev.preventDefault(); to.focus(); }
  });
  back(month, year);
  back(day, month);
  root.addEventListener('focusout', (ev) => {
    if (root.contains(ev.relatedTarget)) return;
    const r = readParts(year.value.trim(), month.value.trim(), day.value.trim());
    show(r.problem, true);
  });
  // A saved value that is not a real date says so from the start.
  const first = readParts(y0, m0, d0);
  if (first.problem) show(first.problem, true);
  root.control = year;
  root.setValue = (v) => {
    [year.value, month.value, day.value] = partsOf(v);
    wrap.dataset.value = typeof v === 'string' ? v : '';
    const r = readParts(year.value, month.value, day.value);
    show(r.problem, true);
  };
  return root;
}
