// Where the engine's answer shows on the entry form: the index of the element that shows each JSON
// pointer and each indicator's badge, the errors next to their controls, each record's and
// indicator's status, and focusing a pointer. The base of EntryForm (forms.js), which builds the
// form and indexes each part as it adds it; only what changed since the last evaluation is touched.

import { t } from './i18n.js';
import { nextTask } from './slices.js';

const STATUS_CHUNK = 2000;  // status and reason slots written in one task (two per record)

export class FormMarks {
  clearIndex() {
    if (this.nearScreen) this.nearScreen.disconnect();
    this.targets = new Map();  // pointer -> the field, record or section showing its errors
    this.badges = new Map();   // clause -> its indicator-status badge
    this.slots = new Map();    // record pointer -> {status, reason}, found when first needed
    this.errorsShown = new Map();  // target -> {slot, control, text}
    this.statusShown = new Map();  // status or reason slot -> {text, cls}
  }

  /**
   * Indexes a part of the form once, as it is added: the element showing each JSON pointer, the
   * status slots of each indicator. Every evaluation then touches only what it changes, instead
   * of walking ~3,400 controls with querySelectorAll (which, rewriting every slot, also made the
   * browser lay the whole form out again). The first element in document order wins.
   */
  indexIn(el) {
    const all = el.matches('[data-path]') ? [el, ...el.querySelectorAll('[data-path]')] : el.querySelectorAll('[data-path]');
    for (const x of all) {
      if (x.tagName !== 'INPUT' && x.tagName !== 'SELECT' && !this.targets.has(x.dataset.path)) this.targets.set(x.dataset.path, x);
    }
    const secs = el.matches('section.indicator[data-clause]') ? [el] : el.querySelectorAll('section.indicator[data-clause]');
    for (const sec of secs) this.badges.set(sec.dataset.clause, sec.querySelector('[data-role="indicator-status"]'));
  }

  /** Forgets the pointers under `prefix` (a part replaced or renumbered). */
  unindex(prefix) {
    for (const map of [this.targets, this.slots]) {
      for (const k of [...map.keys()]) if (k === prefix || k.startsWith(prefix + '/')) map.delete(k);
    }
  }

  /** Forgets the pointers of the records of `list` from index `from` on (a record removed there). */
  unindexFrom(list, from) {
    const prefix = `/records/${list}/`;
    for (const map of [this.targets, this.slots]) {
      for (const k of [...map.keys()]) {
        if (!k.startsWith(prefix)) continue;
        const n = parseInt(k.slice(prefix.length), 10);
        if (n >= from) map.delete(k);
      }
    }
  }

  /** What the last evaluation said, shown on the parts added since (cheap: only new slots change). */
  reapply() {
    if (this.lastErrors) this.showErrors(this.lastErrors);
    if (!this.lastStatus) return;
    // A large form still being built: the statuses once it is whole (each part added would
    // otherwise walk every record's, issue 13), see statusWhenWhole.
    if (this.steps && this.statusAtEnd) this.statusLater = true;
    else this.showStatus(...this.lastStatus);
  }

  /** The statuses left for the end of the build (reapply) shown now. */
  statusWhenWhole() {
    if (!this.statusLater) return;
    this.statusLater = false;
    if (this.lastStatus) this.showStatus(...this.lastStatus);
  }

  /** The status and reason slots of the record at `path`, or null. */
  recordSlots(path) {
    let slots = this.slots.get(path);
    if (!slots) {
      const li = this.targets.get(path);
      if (!li || !li.matches('li.record')) return null;
      slots = { status: li.querySelector('[data-role="record-status"]'), reason: li.querySelector('[data-role="record-reason"]') };
      this.slots.set(path, slots);
    }
    return slots;
  }

  /** Shows each error next to the control its JSON pointer names (changing only what differs). */
  showErrors(errors) {
    this.showingErrors = true;
    try {
      this.showErrorsNow(errors);
    } finally {
      this.showingErrors = false;
    }
  }

  showErrorsNow(errors) {
    this.lastErrors = errors;
    const next = new Map();
    for (const err of errors || []) {
      const target = this.targetFor(err.path);
      if (!target) continue;
      // A date the date field refuses is said there already, in the same words' place.
      if (err.code === 'bad_date' && target.querySelector(':scope .date-field.refused')) continue;
      let shown = next.get(target);
      if (!shown) {
        const slot = target.querySelector(':scope > .field-error');
        if (!slot) continue;
        shown = { slot, text: '', control: null };
        next.set(target, shown);
      }
      const msg = err.message;  // the engine's message names no path: `path` places it
      shown.text = shown.text ? shown.text + ' ' + msg : msg;
      const control = target.querySelector('[data-path]');
      if (control && control.dataset.path === err.path) shown.control = control;
    }
    for (const [target, was] of this.errorsShown) {
      const now = next.get(target);
      if (now && now.text === was.text && now.control === was.control) continue;
      was.slot.hidden = true;
      was.slot.textContent = '';
      target.classList.remove('has-error');
      if (was.control) was.control.removeAttribute('aria-invalid');
    }
    for (const [target, now] of next) {
      const was = this.errorsShown.get(target);
      if (was && now.text === was.text && now.control === was.control) continue;
      now.slot.textContent = now.text;
      now.slot.hidden = false;
      target.classList.add('has-error');
      if (now.control) now.control.setAttribute('aria-invalid', 'true');
    }
    this.errorsShown = next;
  }

  /** The element that shows an error at `path` (the field, else its record or section). */
  targetFor(path) {
    const rec = typeof path === 'string' && path.match(/^\/records\/[^/]+\/\d+/);
    if (rec) this.fillRecord(this.targets.get(rec[0]));
    let p = path || '';
    while (p) {
      const el = this.targets.get(p);
      if (el) return el;
      p = p.slice(0, p.lastIndexOf('/'));
    }
    return null;
  }

  /** Where `path` is in words ("6.2.8 Record t1 · Date resolved"), or null. */
  describePath(path) {
    const target = this.targetFor(path);
    if (!target) return null;
    const parts = [];
    const sec = target.closest('[data-clause]');
    if (sec) parts.push(sec.dataset.clause);
    const rec = target.closest('li.record');
    if (rec && rec.querySelector('.record-title')) parts.push(rec.querySelector('.record-title').textContent);
    const label = target.matches('.field') ? target.querySelector(':scope > label, :scope > legend') : null;
    if (label) parts.push(label.textContent.trim());
    else if (!rec) {
      const legend = target.querySelector(':scope > legend');
      if (legend) parts.push(legend.textContent);
    }
    return parts.length ? parts.join(' · ') : null;
  }

  /** The control that edits `path`, built if it was not yet, or null. */
  controlFor(path) {
    this.finish();  // the part it names may not be built yet
    this.targetFor(path);  // (and a record's fields)
    return this.root.querySelector(`[data-focus="${CSS.escape(path)}"]`);
  }

  /** Focuses the control of `path` (or its nearest container). */
  focusPath(path) {
    const control = this.controlFor(path);
    if (control) {
      // Without scrolling to it first (the browser's own scroll would lay out the page now, in
      // the edit's task): it is scrolled into view in the next frame (at once: a smooth scroll
      // through a form of thousands of controls is a frame of layout and paint each step).
      control.focus({ preventScroll: true });
      requestAnimationFrame(() => control.scrollIntoView({ block: 'center' }));
      return true;
    }
    const target = this.targetFor(path);
    if (target) {
      // A record's first field, not the first button in its heading (its "Remove": a second
      // Enter on a record's link in the result would remove the record).
      const c = target.querySelector('input, select, textarea') || target.querySelector('button:not(.remove)');
      target.scrollIntoView({ block: 'center', behavior: 'smooth' });
      if (c) c.focus();
      return true;
    }
    return false;
  }

  /**
   * Shows, per record and indicator, what the engine said (counted or not, with the reason), and
   * what is not answered yet: an indicator whose question or records' questions are open is
   * "not answered yet" unless it already fails; a record with an open question says which.
   */
  showStatus(result, unanswered = [], errors = []) {
    this.lastStatus = [result, unanswered, errors];
    const doc = this.ctx.doc();
    const next = new Map();  // slot -> {text, cls}
    const countedMark = { text: t('record.status.counted'), cls: 'st-counted' };
    const notCountedMark = { text: t('record.status.not_counted'), cls: 'st-not-counted' };
    const openMark = { text: t('record.status.open'), cls: 'st-open' };
    const openClauses = new Set();
    for (const u of unanswered) {
      if (!u.clause) continue;
      openClauses.add(u.clause);
      if (u.index === undefined) continue;
      const slots = this.recordSlots(u.path);
      if (!slots) continue;
      next.set(slots.status, openMark);
      next.set(slots.reason, { text: t('record.open_questions', { questions: u.fields.map((f) => this.rules.fieldLabel(u.list, f)).join(t('list.sep')) }), cls: '' });
    }
    // A record with an invalid entry says so where it is (the field shows the error).
    const invalidMark = { text: t('record.status.invalid'), cls: 'st-invalid' };
    const invalidRecords = new Set();
    for (const e of errors || []) {
      const m = typeof e.path === 'string' && e.path.match(/^\/records\/[^/]+\/\d+/);
      if (m) invalidRecords.add(m[0]);
    }
    const unansweredBadge = { text: t('result.unanswered_badge'), cls: 'st-unanswered' };
    for (const c of openClauses) {
      const badge = this.badges.get(c);
      if (badge) next.set(badge, unansweredBadge);
    }
    if (result && result.verdict !== 'invalid') {
      for (const ind of result.indicators || []) {
        const def = this.rules.byClause.get(ind.clause);
        if (!def) continue;
        const badge = this.badges.get(ind.clause);
        if (badge && !(openClauses.has(ind.clause) && ind.status !== 'fail')) next.set(badge, { text: this.rules.text('text.' + ind.status) || ind.status, cls: 'st-' + ind.status });
        const recs = doc.records[def.records] || [];
        const where = new Map();
        recs.forEach((r, i) => { if (r && !where.has(r.id)) where.set(r.id, i); });
        const mark = (entry, counted) => {
          const slots = this.recordSlots(`/records/${def.records}/${where.get(entry.record)}`);
          if (!slots) return;
          next.set(slots.status, counted ? countedMark : notCountedMark);
          next.set(slots.reason, { text: entry.reason || '', cls: '' });
        };
        for (const c of ind.counted || []) mark(c, true);
        for (const c of ind.not_counted || []) mark(c, false);
      }
    }
    for (const path of invalidRecords) {
      const slots = this.recordSlots(path);
      if (slots) next.set(slots.status, invalidMark);
    }
    const shown = this.statusShown;  // what the slots show now
    for (const [el, was] of shown) {
      if (next.has(el)) continue;
      el.textContent = '';
      if (was.cls) el.classList.remove(was.cls);
      flagRecord(el, '');
      shown.delete(el);
    }
    const changes = [...next];
    const write = (from, to) => {
      for (let i = from; i < to; i += 1) {
        const [el, now] = changes[i];
        const was = shown.get(el);
        if (was && was.text === now.text && was.cls === now.cls) continue;
        if (!was || was.text !== now.text) el.textContent = now.text;
        if (was && was.cls && was.cls !== now.cls) el.classList.remove(was.cls);
        if (now.cls) el.classList.add(now.cls);
        flagRecord(el, now.cls);
        shown.set(el, now);
      }
    };
    // Thousands of slots (a large file) are written STATUS_CHUNK a task (issue 13); a newer call
    // stops a run under way and starts from what is shown.
    const run = {};
    this.statusRun = run;
    let at = 0;
    const more = () => {
      if (this.statusRun !== run) return;
      write(at, at = Math.min(changes.length, at + STATUS_CHUNK));
      if (at < changes.length) nextTask().then(more);
    };
    more();
  }
}

/**
 * A record counted or with an invalid entry has a red edge: a class on its item, set with its
 * status (issue 13: a `:has()` rule made the browser check the records' items on every change
 * inside them, ~10-40 ms of style per added or removed record of a 400-record enterprise).
 */
function flagRecord(slot, cls) {
  if (slot.dataset.role !== 'record-status') return;
  const li = slot.closest('li.record');
  if (li) li.classList.toggle('flagged', cls === 'st-counted' || cls === 'st-invalid');
}
