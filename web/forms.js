// The entry forms: basic information, application, certification and the ten indicators with
// their records. Built from the rule data (fields, enumerations, appendices, questions); every
// control carries the JSON pointer of the value it edits, so the engine's errors land next to it.

import { h, fill, uid, keepFocus, append } from './dom.js';
import { t } from './i18n.js';
import { newRecord, newPrevious, questions } from './model.js';
import { dateField } from './date-field.js';

const OTHER = '__other__';

export class EntryForm {
  /**
   * @param {HTMLElement} root
   * @param {{rules: import('./rules.js').RuleData, doc: () => object, changed: (structural: boolean) => void,
   *          today: () => string, announce: (msg: string) => void,
   *          answers: () => import('./answers.js').Answers}} ctx
   */
  constructor(root, ctx) {
    this.root = root;
    this.ctx = ctx;
  }

  get rules() {
    return this.ctx.rules;
  }

  get answers() {
    return this.ctx.answers();
  }

  /**
   * The help line of a field, from the rule data's texts (`help.<scope>.<field>.<region>`, then
   * `help.<scope>.<field>`, then `help.<field>`): what it is and where to find it.
   */
  help(scope, field) {
    const region = this.ctx.doc().enterprise.region;
    for (const key of [`help.${scope}.${field}.${region}`, `help.${scope}.${field}`, `help.${field}`]) {
      if (this.rules.hasText(key)) return this.rules.text(key);
    }
    return '';
  }

  render() {
    keepFocus(this.root, () => {
      const doc = this.ctx.doc();
      const region = doc.enterprise.region;
      fill(this.root,
        h('h2', { id: 'entries-title', text: t('entries.title') }),
        this.enterpriseSection(doc),
        this.applicationSection(doc),
        this.certificationSection(doc),
        h('h3', { class: 'indicators-title', text: t('section.indicators') }),
        this.rules.groups().map((g) => this.groupSection(doc, g, region)),
        this.ungrouped().map((ind) => this.indicatorSection(doc, ind, region)));
    });
    this.index();
  }

  /**
   * Indexes the form once per render: the element showing each JSON pointer, the status slots of
   * each record and indicator. Every evaluation then touches only what it changes, instead of
   * walking ~3,400 controls with querySelectorAll (which, rewriting every slot, also made the
   * browser lay the whole form out again).
   */
  index() {
    this.targets = new Map();  // pointer -> the field, record or section showing its errors
    for (const el of this.root.querySelectorAll('[data-path]')) {
      if (el.tagName !== 'INPUT' && el.tagName !== 'SELECT' && !this.targets.has(el.dataset.path)) this.targets.set(el.dataset.path, el);
    }
    this.badges = new Map();   // clause -> its indicator-status badge
    for (const sec of this.root.querySelectorAll('section.indicator[data-clause]')) {
      this.badges.set(sec.dataset.clause, sec.querySelector('[data-role="indicator-status"]'));
    }
    this.errorsShown = new Map();  // target -> {slot, control, text}
    this.statusShown = new Map();  // status or reason slot -> {text, cls}
    this.slots = new Map();        // record pointer -> {status, reason}, found when first needed
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

  /** Indicators no group of the rule data lists (none in WQ-179; shown all the same). */
  ungrouped() {
    const grouped = new Set(this.rules.groups().flatMap((g) => g.indicators || []));
    return this.rules.indicators.filter((ind) => !grouped.has(ind.clause));
  }

  // ---- sections -------------------------------------------------------------------------

  enterpriseSection(doc) {
    const e = doc.enterprise;
    return h('fieldset', { class: 'card', dataset: { path: '/enterprise' } },
      h('legend', { text: t('section.enterprise') }),
      h('div', { class: 'grid' },
        this.rules.enterpriseFields().map((f) => this.field(f, e, '/enterprise', {
          wide: f.field === 'name', scope: 'enterprise',
          structural: f.field === 'region',
          datalist: f.field === 'division_code' ? this.divisionList(e.region) : null,
        }))),
      h('p', { class: 'field-error section-error', hidden: true }));
  }

  divisionList(region) {
    const id = uid('divisions');
    const codes = (this.rules.std.division_codes || []).filter((c) => !region || c.region === region);
    return h('datalist', { id }, codes.map((c) => h('option', { value: c.code, label: `${c.code} ${this.rules.label(c.name)}` })));
  }

  applicationSection(doc) {
    const app = doc.application;
    const [dateField, ...prevFields] = this.rules.applicationFields();
    const prev = app.previous;
    const list = h('ol', { class: 'previous-list' });
    prev.forEach((p, i) => {
      const path = `/application/previous/${i}`;
      list.append(h('li', { class: 'record', dataset: { path } },
        h('div', { class: 'grid' }, prevFields.map((f) => this.field(f, p, path, { scope: 'previous' }))),
        h('button', {
          type: 'button', class: 'btn-small remove', 'data-focus': `${path}#remove`,
          'aria-label': t('previous.remove_label', { n: i + 1 }), text: t('record.remove'),
          onclick: () => { prev.splice(i, 1); this.ctx.changed(true); this.focusAfterRemove('#add-previous'); },
        }),
        h('p', { class: 'field-error section-error', hidden: true })));
    });
    const basics = this.rules.basic.map((b) => h('li', {},
      h('span', { class: 'clause', text: b.clause }), ' ', this.rules.label(b.question)));
    return h('fieldset', { class: 'card', dataset: { path: '/application' } },
      h('legend', { text: t('section.application') }),
      h('div', { class: 'grid' },
        dateField ? this.field(dateField, app, '/application', {
          scope: 'application', hint: t('application.date_hint', { today: this.ctx.today() }),
        }) : null),
      h('fieldset', { class: 'sub', dataset: { path: '/application/previous' } },
        h('legend', { text: t('section.previous') }),
        prev.length ? list : h('p', { class: 'none', text: t('previous.none') }),
        h('button', {
          type: 'button', class: 'btn-small add', id: 'add-previous', 'data-focus': 'add-previous',
          text: t('previous.add'),
          onclick: () => {
            const p = newPrevious();
            prev.push(p);
            this.answers.ask(p, questions(prevFields));
            this.ctx.changed(true);
            this.focusPath(`/application/previous/${prev.length - 1}/result_on`);
          },
        })),
      h('details', { class: 'basics' },
        h('summary', { text: t('section.basic_requirements') }),
        h('p', { text: this.rules.label(this.rules.std.basic_requirements_intro) }),
        h('ul', {}, basics)),
      h('p', { class: 'field-error section-error', hidden: true }));
  }

  certificationSection(doc) {
    return h('fieldset', { class: 'card', dataset: { path: '/certification' } },
      h('legend', { text: t('section.certification') }),
      h('div', { class: 'grid' },
        this.rules.certificationFields().map((f) => this.field(f, doc.certification, '/certification', { scope: 'certification' }))),
      h('p', { class: 'field-error section-error', hidden: true }));
  }

  groupSection(doc, group, region) {
    const inds = (group.indicators || []).map((c) => this.rules.byClause.get(c)).filter(Boolean);
    return h('section', { class: 'group', 'aria-labelledby': `group-${group.id}` },
      h('h3', { id: `group-${group.id}`, class: 'group-title' },
        h('span', { class: 'clause', text: group.clause }), ' ', this.rules.label(group.label)),
      inds.map((ind) => this.indicatorSection(doc, ind, region)));
  }

  indicatorSection(doc, ind, region) {
    const list = ind.records;
    if (!Array.isArray(doc.records[list])) doc.records[list] = [];
    const recs = doc.records[list];
    const name = this.rules.indicatorName(ind, region);
    const headId = `ind-${ind.clause.replace(/\./g, '-')}-title`;
    const addId = `add-${list}`;
    const answer = this.answers.listAnswer(doc, list);
    const addRecord = () => {
      const rec = newRecord(doc, list, this.rules);
      recs.push(rec);
      this.answers.answerRecords(list);
      this.answers.ask(rec, questions(this.rules.fields(list)));
      this.ctx.changed(true);
      const firstEditable = this.rules.fields(list).find((f) => f.field !== 'id');
      this.focusPath(`/records/${list}/${recs.length - 1}/${firstEditable ? firstEditable.field : 'id'}`);
    };
    const body = recs.length
      ? h('ol', { class: 'records', 'aria-label': t('record.table', { clause: ind.clause, name }) },
        recs.map((r, i) => this.recordItem(list, recs, r, i, addId)))
      : answer === 'none'
        ? h('p', { class: 'none', text: t('record.none') })
        : h('p', { class: 'none unanswered', text: t('record.unanswered') });
    return h('section', {
      class: 'card indicator', id: `ind-${ind.clause}`, 'aria-labelledby': headId,
      dataset: { clause: ind.clause, path: `/records/${list}` },
    },
    h('div', { class: 'indicator-head' },
      h('h4', { id: headId },
        h('span', { class: 'clause', text: ind.clause }), ' ', h('span', { class: 'ind-name', text: name })),
      h('span', { class: 'badge', dataset: { role: 'indicator-status' } })),
    this.listQuestion(ind, list, answer, headId, addRecord),
    h('details', { class: 'requirements' },
      h('summary', { text: t('indicator.requirements') }),
      h('p', { text: this.rules.label(ind.requirements) }),
      ind.note ? h('p', { class: 'note', text: this.rules.label(ind.note) }) : null),
    body,
    h('button', {
      type: 'button', class: 'btn-small add', id: addId, 'data-focus': addId, 'aria-describedby': headId,
      onclick: addRecord,
    }, h('span', { 'aria-hidden': 'true', text: '+ ' }), t('record.add')),
    h('p', { class: 'field-error section-error', hidden: true }));
  }

  /**
   * The indicator's question with its two explicit answers, neither chosen until the person
   * chooses: "none in the period" (only while there is no record) or "yes, these records" (adds
   * the first record).
   */
  listQuestion(ind, list, answer, headId, addRecord) {
    const name = uid('answer');
    const path = `/records/${list}`;
    const radio = (value, text, attrs) => h('label', { class: 'choice' },
      h('input', { type: 'radio', name, value, checked: answer === value, ...attrs }), h('span', { text }));
    return h('fieldset', { class: 'list-answer' + (answer ? '' : ' open'), dataset: { role: 'list-answer' } },
      h('legend', { class: 'question', text: this.rules.label(ind.question) }),
      h('div', { class: 'choices' },
        radio('none', t('answer.none'), {
          'data-focus': path, disabled: answer === 'records',
          onchange: () => { this.answers.answerNone(list); this.ctx.changed(true); },
        }),
        radio('records', t('answer.records'), {
          'data-focus': path + '#records',
          onchange: () => { if (answer !== 'records') addRecord(); },
        })),
      answer === 'records' ? h('p', { class: 'hint', text: t('answer.none_disabled') }) : null);
  }

  recordItem(list, recs, rec, i, addId) {
    const path = `/records/${list}/${i}`;
    const title = h('span', { class: 'record-title', text: t('result.record', { id: rec.id ?? '' }) });
    const li = h('li', { class: 'record', id: `rec-${list}-${i}`, dataset: { path, list, index: String(i) } },
      h('div', { class: 'record-head' },
        title,
        h('span', { class: 'record-status', dataset: { role: 'record-status' } }),
        h('button', {
          type: 'button', class: 'btn-small remove', 'data-focus': `${path}#remove`,
          'aria-label': t('record.remove_label', { id: rec.id ?? '' }), text: t('record.remove'),
          onclick: () => {
            const id = rec.id;
            recs.splice(i, 1);
            this.ctx.changed(true);
            this.ctx.announce(t('record.removed', { id }));
            this.focusAfterRemove('#' + CSS.escape(addId));
          },
        })),
      h('div', { class: 'grid' },
        this.rules.fields(list).map((f) => this.field(f, rec, path, {
          list, scope: list,
          onInput: f.field === 'id' ? (v) => { title.textContent = t('result.record', { id: v }); } : null,
        }))),
      h('p', { class: 'record-reason', dataset: { role: 'record-reason' } }),
      h('p', { class: 'field-error section-error', hidden: true }));
    return li;
  }

  focusAfterRemove(selector) {
    const el = this.root.querySelector(selector);
    if (el) el.focus();
  }

  // ---- one field ------------------------------------------------------------------------

  /**
   * A labelled control for field definition `f` (`{field, kind, enum?, appendix?, label}`)
   * editing `obj[f.field]`, with an error slot. `base` is the JSON pointer of `obj`.
   */
  field(f, obj, base, opts = {}) {
    const key = f.field;
    const path = `${base}/${key}`;
    const id = uid('f');
    const errId = id + '-err';
    const label = this.rules.label(f.label);
    const set = (v, structural = false) => {
      if (v === '' || v === undefined) delete obj[key];
      else obj[key] = v;
      if (opts.onInput) opts.onInput(v ?? '');
      this.ctx.changed(structural || Boolean(opts.structural));
    };
    const value = obj[key];
    let control;
    const extra = [];
    const common = { id, 'data-focus': path, 'data-path': path, 'aria-describedby': errId };

    const help = opts.scope ? this.help(opts.scope, key) : '';
    const helpId = help ? id + '-help' : null;

    if (f.kind === 'bool') return this.question(f, obj, path, { id, errId, help, helpId, label });

    let dateBox = null;
    if (f.kind === 'date') {
      // The page's own date field: what it shows is what is saved (a date refused as typed too).
      dateBox = dateField({
        id, path, value: typeof value === 'string' ? value : '',
        describedby: [errId, opts.hint ? id + '-hint' : null, helpId].filter(Boolean).join(' '),
        onChange: (v) => set(v),
      });
      control = dateBox.control;
    } else if (f.kind === 'enum') {
      control = this.select(common, this.rules.enumOptions(f.enum), value, (v) => set(v));
    } else if (f.kind === 'appendix') {
      const closed = this.rules.appendixIsClosed(f.appendix);
      if (closed) {
        const opts2 = [
          ...this.rules.appendixEntries(f.appendix).map((e) => [e.id, e.label]),
          ...this.rules.enumOptions(this.rules.closedAppendixEnum(f.appendix))
            .filter(([v]) => !this.rules.appendixEntries(f.appendix).some((e) => e.id === v)),
        ];
        control = this.select(common, opts2, value, (v) => set(v));
      } else {
        const entries = this.rules.appendixEntries(f.appendix);
        const known = typeof value === 'string' && entries.some((e) => e.id === value);
        const isOther = typeof value === 'string' && value !== '' && !known;
        const otherId = uid('other');
        const other = h('input', {
          type: 'text', id: otherId, 'data-focus': path + '#other', value: isOther ? value : '',
          'aria-describedby': errId + ' ' + otherId + '-hint',
          oninput: (ev) => set(ev.target.value),
        });
        const otherWrap = h('div', { class: 'other', hidden: !isOther },
          h('label', { for: otherId, text: t('other_name') }),
          other,
          h('p', { class: 'hint', id: otherId + '-hint', text: t('other_hint', { appendix: f.appendix }) }));
        const groups = new Map();
        for (const e of entries) {
          if (!groups.has(e.group)) groups.set(e.group, []);
          groups.get(e.group).push(e);
        }
        const sel = h('select', {
          ...common,
          onchange: (ev) => {
            if (ev.target.value === OTHER) {
              otherWrap.hidden = false;
              set(other.value);
              other.focus();
            } else {
              otherWrap.hidden = true;
              set(ev.target.value);
            }
          },
        },
        h('option', { value: '', text: t('choose') }),
        [...groups.entries()].map(([g, es]) => {
          const opts3 = es.map((e) => h('option', { value: e.id, text: `${e.id.length <= 3 ? e.id + ' ' : ''}${e.label}` }));
          return g ? h('optgroup', { label: this.rules.groupLabel(g) }, opts3) : opts3;
        }),
        h('option', { value: OTHER, text: t('other_free') }));
        sel.value = isOther ? OTHER : known ? value : '';
        control = sel;
        extra.push(otherWrap);
      }
    } else {
      control = h('input', {
        ...common, type: 'text', value: typeof value === 'string' ? value : '',
        autocomplete: 'off', spellcheck: 'false',
        list: opts.datalist ? opts.datalist.id : null,
        oninput: (ev) => set(ev.target.value),
      });
      if (opts.datalist) extra.push(opts.datalist);
    }
    const hintId = opts.hint ? id + '-hint' : null;
    if (!dateBox) control.setAttribute('aria-describedby', [errId, hintId, helpId].filter(Boolean).join(' '));
    return h('div', { class: 'field' + (opts.wide ? ' wide' : ''), dataset: { path } },
      h('label', { for: id, text: label }),
      dateBox || control,
      extra,
      opts.hint ? h('p', { class: 'hint', id: hintId, text: opts.hint }) : null,
      help ? h('p', { class: 'hint help', id: helpId, text: help }) : null,
      h('p', { class: 'field-error', id: errId, hidden: true }));
  }

  /**
   * A yes/no question of a record (valid complaint, effective judgment, annulled penalty,
   * disputed, false information...): two radios, neither chosen while it is not answered (a new
   * record's questions are open, answers.js); a file's value is its answer (an optional one left
   * out is "no", CONTRACT.md).
   */
  question(f, obj, path, { id, errId, help, helpId, label }) {
    const key = f.field;
    const open = this.answers.isOpen(obj, key);
    const noteId = id + '-open';
    const wrap = h('fieldset', { class: 'field field-question' + (open ? ' open' : ''), dataset: { path } });
    const note = h('p', { class: 'open-note', id: noteId, hidden: !open, text: t('answer.open') });
    const choose = (v) => {
      obj[key] = v;
      this.answers.answer(obj, key);
      wrap.classList.remove('open');
      note.hidden = true;
      this.ctx.changed(false);
    };
    const describedby = [errId, helpId, noteId].filter(Boolean).join(' ');
    const radio = (v, text, focus) => h('label', { class: 'choice' },
      h('input', {
        type: 'radio', name: id, value: v ? 'yes' : 'no', 'data-path': path, 'data-focus': focus,
        checked: !open && (obj[key] === true) === v, 'aria-describedby': describedby,
        onchange: () => choose(v),
      }), h('span', { text }));
    return append(wrap, [
      h('legend', { text: label }),
      h('div', { class: 'choices' }, radio(true, t('answer.yes'), path), radio(false, t('answer.no'), path + '#no')),
      note,
      help ? h('p', { class: 'hint help', id: helpId, text: help }) : null,
      h('p', { class: 'field-error', id: errId, hidden: true })]);
  }

  select(attrs, options, value, onChange) {
    const sel = h('select', { ...attrs, onchange: (ev) => onChange(ev.target.value) },
      h('option', { value: '', text: t('choose') }),
      options.map(([v, l]) => h('option', { value: v, text: l })));
    // A value the rule data does not list (an imported file) is kept and shown as it is.
    if (typeof value === 'string' && value !== '' && !options.some(([v]) => v === value)) {
      sel.append(h('option', { value, text: value }));
    }
    sel.value = typeof value === 'string' ? value : '';
    return sel;
  }

  // ---- engine feedback ------------------------------------------------------------------

  /** Shows each error next to the control its JSON pointer names (changing only what differs). */
  showErrors(errors) {
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

  /** Focuses the control of `path` (or its nearest container). */
  focusPath(path) {
    const control = this.root.querySelector(`[data-focus="${CSS.escape(path)}"]`);
    if (control) {
      control.focus();
      control.scrollIntoView({ block: 'center', behavior: 'smooth' });
      return true;
    }
    const target = this.targetFor(path);
    if (target) {
      const c = target.querySelector('input, select, button');
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
    for (const [el, was] of this.statusShown) {
      if (next.has(el)) continue;
      el.textContent = '';
      if (was.cls) el.classList.remove(was.cls);
    }
    for (const [el, now] of next) {
      const was = this.statusShown.get(el);
      if (was && was.text === now.text && was.cls === now.cls) continue;
      if (!was || was.text !== now.text) el.textContent = now.text;
      if (was && was.cls && was.cls !== now.cls) el.classList.remove(was.cls);
      if (now.cls) el.classList.add(now.cls);
    }
    this.statusShown = next;
  }
}
