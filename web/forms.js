// The entry forms: basic information, application, certification and the ten indicators with
// their records. Built from the rule data (fields, enumerations, appendices, questions); every
// control carries the JSON pointer of the value it edits, so the engine's errors land next to it.

import { h, fill, uid, keepFocus, append } from './dom.js';
import { t, humanDate } from './i18n.js';
import { newRecord, newPrevious, questions } from './model.js';
import { dateField } from './date-field.js';
import { runInSlices, drain } from './slices.js';
import { FormMarks } from './form-marks.js';

const OTHER = '__other__';
// Above this many records, a record's fields are built near the screen (issue 13: a 400-record
// enterprise's fields were 44,000 elements, and focusing the field of an added record, or laying
// out a frame, cost ~10 ms for them).
const LAZY_RECORDS = 200;
const WATCH_EVERY = 16;     // of such records, one item in this many is watched for coming near
// How near (px) a watched item is when it fills the items around it (half a run each side): an
// item on screen is at most half a run from a watched one, and an item not built yet is at most
// its intrinsic height (style.css: 20rem, 44rem on phones) tall.
const NEAR_PX = 6000;

/** Whether a record holds nothing the person entered (only the id the page gave it). */
function blankRecord(rec) {
  return Boolean(rec) && Object.keys(rec).every((k) => k === 'id' || rec[k] === '' || rec[k] === null || rec[k] === undefined);
}

export class EntryForm extends FormMarks {
  /**
   * @param {HTMLElement} root
   * @param {{rules: import('./rules.js').RuleData, doc: () => object, changed: (structural: boolean) => void,
   *          today: () => string, announce: (msg: string) => void,
   *          answers: () => import('./answers.js').Answers}} ctx
   */
  constructor(root, ctx) {
    super();
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

  /**
   * Builds the form. A new file (the first build, an import, a sample) is built in slices, top to
   * bottom, each part appended once it is whole (nothing on screen moves: the form only grows at
   * its end), so a file of thousands of records leaves the page responsive; the same file again
   * (a language switch, a region's new help texts) is built at once, keeping the focus. An edit
   * that adds or removes a record, or answers a list, changes only its own part (`patch`).
   * Resolves once the whole form is built.
   */
  render() {
    const doc = this.ctx.doc();
    const patch = this.patch;
    this.patch = null;
    if (patch && this.steps === null && doc === this.doc) {
      patch();
      return this.done;
    }
    const fresh = doc !== this.doc;
    this.doc = doc;
    this.generation = (this.generation || 0) + 1;
    const generation = this.generation;
    this.clearIndex();
    const steps = this.build(doc);
    this.steps = steps;
    if (!fresh) {
      keepFocus(this.root, () => {
        this.root.replaceChildren();
        drain(steps);
      });
      this.steps = null;
      this.statusWhenWhole();
      this.done = Promise.resolve(true);
      return this.done;
    }
    this.root.replaceChildren();
    this.statusAtEnd = this.lazyRecords(doc);  // a large form's statuses once it is whole (form-marks.js)
    this.done = runInSlices(steps, { current: () => this.generation === generation }).then((all) => {
      if (this.generation === generation) {
        this.steps = null;
        this.statusWhenWhole();
      }
      return all;
    });
    return this.done;
  }

  /** Builds the rest of the form now (something needs a part not built yet). */
  finish() {
    if (this.steps) {
      drain(this.steps);
      this.steps = null;
      this.statusWhenWhole();
    }
  }

  /** The form's parts in document order, each appended when whole; `yield`: it may stop there. */
  * build(doc) {
    const region = doc.enterprise.region;
    const add = (el) => {
      this.root.append(el);
      this.indexIn(el);
      this.reapply();
    };
    add(h('h2', { id: 'entries-title', text: t('entries.title') }));
    add(this.enterpriseSection(doc));
    yield;
    add(this.applicationSection(doc));
    yield;
    add(this.certificationSection(doc));
    yield;
    add(h('h3', { class: 'indicators-title', text: t('section.indicators') }));
    for (const g of this.rules.groups()) {
      const group = this.groupSection(g);
      add(group);
      for (const c of g.indicators || []) {
        const ind = this.rules.byClause.get(c);
        if (ind) yield* this.buildIndicator(doc, ind, region, group);
      }
    }
    for (const ind of this.ungrouped()) yield* this.buildIndicator(doc, ind, region, this.root);
  }

  /** One indicator's section, its records built a few at a time, appended to `parent` when whole. */
  * buildIndicator(doc, ind, region, parent) {
    const { section, items } = this.indicatorSection(doc, ind, region);
    yield;
    for (let i = 0; i < items.length; i += 1) {
      items[i]();
      if (i % 4 === 3) yield;
    }
    parent.append(section);
    this.indexIn(section);
    this.reapply();
    yield;
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
          onclick: () => {
            prev.splice(i, 1);
            this.patch = () => this.replacePart('/application', () => this.applicationSection(doc));
            this.ctx.changed(true);
            this.focusAfterRemove('#add-previous');
          },
        }),
        h('p', { class: 'field-error section-error', hidden: true })));
    });
    const basics = this.rules.basic.map((b) => h('li', {},
      h('span', { class: 'clause', text: b.clause }), ' ', this.rules.label(b.question)));
    return h('fieldset', { class: 'card', dataset: { path: '/application' } },
      h('legend', { text: t('section.application') }),
      h('div', { class: 'grid' },
        dateField ? this.field(dateField, app, '/application', {
          scope: 'application', hint: t('application.date_hint', { today: humanDate(this.ctx.today()) }),
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
            this.patch = () => this.replacePart('/application', () => this.applicationSection(doc));
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

  /** A group of indicators (its sections are added by build). */
  groupSection(group) {
    return h('section', { class: 'group', 'aria-labelledby': `group-${group.id}` },
      h('h3', { id: `group-${group.id}`, class: 'group-title' },
        h('span', { class: 'clause', text: group.clause }), ' ', this.rules.label(group.label)));
  }

  /**
   * An indicator's section: `{section, items}`, `items` one function per record that builds it
   * and appends it to the section's list (run by build, in order).
   */
  indicatorSection(doc, ind, region) {
    const list = ind.records;
    if (!Array.isArray(doc.records[list])) doc.records[list] = [];
    const recs = doc.records[list];
    const name = this.rules.indicatorName(ind, region);
    const headId = `ind-${ind.clause.replace(/\./g, '-')}-title`;
    const addId = `add-${list}`;
    const answer = this.answers.listAnswer(doc, list);
    const addRecord = ({ keepFocus: stay = false } = {}) => {
      const rec = newRecord(doc, list, this.rules);
      recs.push(rec);
      this.answers.answerRecords(list);
      this.answers.ask(rec, questions(this.rules.fields(list)));
      this.patch = () => this.recordAdded(doc, ind, region);
      this.ctx.changed(true);
      if (!stay) this.focusRecordSoon(list, rec);
    };
    // Only records with nothing entered (an answer "yes" that can still be changed back).
    const onlyBlank = () => recs.length > 0 && recs.every(blankRecord);
    const ol = recs.length
      ? h('ol', { class: 'records', 'aria-label': t('record.table', { clause: ind.clause, name }) })
      : null;
    const body = ol
      || (answer === 'none'
        ? h('p', { class: 'none', text: t('record.none') })
        : h('p', { class: 'none unanswered', text: t('record.unanswered') }));
    const section = h('section', {
      class: 'card indicator', id: `ind-${ind.clause}`, 'aria-labelledby': headId,
      dataset: { clause: ind.clause, path: `/records/${list}` },
    },
    h('div', { class: 'indicator-head' },
      h('h4', { id: headId },
        h('span', { class: 'clause', text: ind.clause }), ' ', h('span', { class: 'ind-name', text: name })),
      h('span', { class: 'badge', dataset: { role: 'indicator-status' } })),
    this.listQuestion(ind, list, answer, headId, addRecord, {
      onlyBlank,
      beforeNone: () => {
        // Records with nothing entered yet (an answer "yes" changed back) go with the answer "none".
        if (onlyBlank()) recs.splice(0, recs.length);
        this.patch = () => this.replaceIndicator(doc, ind, region);
      },
      // Drawn again as it is now (a record got entries since it was drawn: "none" closes).
      redraw: () => {
        this.patch = () => this.replaceIndicator(doc, ind, region);
        this.render();
      },
    }),
    h('details', { class: 'requirements' },
      h('summary', { text: t('indicator.requirements') }),
      h('p', { text: this.rules.label(ind.requirements) }),
      ind.note ? h('p', { class: 'note', text: this.rules.label(ind.note) }) : null),
    body,
    h('p', { class: 'record-undo', dataset: { role: 'record-undo' }, hidden: true }),
    h('button', {
      type: 'button', class: 'btn-small add', id: addId, 'data-focus': addId, 'aria-describedby': headId,
      onclick: addRecord,
    }, h('span', { 'aria-hidden': 'true', text: '+ ' }), t('record.add')),
    h('p', { class: 'field-error section-error', hidden: true }));
    const lazy = this.lazyRecords(doc);
    const items = recs.map((r, i) => () => ol.append(this.recordItem(doc, ind, region, r, i, lazy)));
    return { section, items };
  }

  /** Builds the part showing `path` again, in place (`make()` makes it). */
  replacePart(path, make) {
    const old = this.targets.get(path);
    const part = make();
    if (!old) return;
    // The focus stays on the same control (a list answered: its radio).
    const active = document.activeElement;
    const key = active && old.contains(active) ? active.dataset.focus : null;
    old.replaceWith(part);
    const again = key && part.querySelector(`[data-focus="${CSS.escape(key)}"]`);
    if (again) again.focus({ preventScroll: true });
    this.unindex(path);
    this.indexIn(part);
    this.reapply();
  }

  /** The section of the indicator whose records are `list`, as shown. */
  sectionOf(list) {
    return this.targets.get(`/records/${list}`) || null;
  }

  /** Builds an indicator's section again, in place (its list answered, its first record added or last removed). */
  replaceIndicator(doc, ind, region) {
    this.replacePart(`/records/${ind.records}`, () => {
      const { section, items } = this.indicatorSection(doc, ind, region);
      for (const item of items) item();
      return section;
    });
  }

  /** A record added at the end of its list: only its item is built (or the section, for a first record). */
  recordAdded(doc, ind, region) {
    const list = ind.records;
    const recs = doc.records[list];
    const ol = this.sectionOf(list) && this.sectionOf(list).querySelector(':scope > ol.records');
    if (!ol || recs.length < 2) {
      this.replaceIndicator(doc, ind, region);
      return;
    }
    const li = this.recordItem(doc, ind, region, recs[recs.length - 1], recs.length - 1);
    ol.append(li);
    this.indexIn(li);
    this.reapply();
  }

  /**
   * The record that was item `i` of its list removed: its item goes and the items after it are
   * renumbered (their JSON pointers move up by one) instead of building the list again.
   */
  recordRemoved(doc, ind, region, i) {
    const list = ind.records;
    const recs = doc.records[list];
    const section = this.sectionOf(list);
    const ol = section && section.querySelector(':scope > ol.records');
    if (!ol || !recs.length || !ol.children[i]) {
      this.replaceIndicator(doc, ind, region);
      return;
    }
    ol.children[i].remove();
    // Only the pointers of the removed record and of those after it change: they are forgotten,
    // and each moved item, renumbered in one pass over its own pointers, is indexed again.
    this.unindexFrom(list, i);
    for (let j = i; j < ol.children.length; j += 1) {
      const li = ol.children[j];
      renumber(li, list, j);
      this.indexIn(li);
    }
    // Nothing is shown again from the last evaluation (reapply): each moved item keeps its own
    // marks, and that evaluation's error paths would now name the records after the removed one
    // (the evaluation asked for with this change comes in the next task).
  }
  /**
   * The indicator's question with its two explicit answers, neither chosen until the person
   * chooses: "none in the period" (only while there is no record) or "yes, these records" (adds
   * the first record).
   */
  listQuestion(ind, list, answer, headId, addRecord, { beforeNone, onlyBlank, redraw }) {
    const name = uid('answer');
    const path = `/records/${list}`;
    const radio = (value, text, attrs) => h('label', { class: 'choice' },
      h('input', { type: 'radio', name, value, checked: answer === value, ...attrs }), h('span', { text }));
    // "None" stays open while the list's records have nothing entered (arrow keys in the group
    // choose "yes" on the way: they can choose "none" again, which takes that empty record away).
    const noneClosed = answer === 'records' && !onlyBlank();
    // Chosen with an arrow key, "yes" adds its record but leaves the focus in the question (the
    // arrow keys go on through the choices); chosen by a click or Space, the focus goes to it.
    let byArrow = false;
    return h('fieldset', {
      class: 'list-answer' + (answer ? '' : ' open'), dataset: { role: 'list-answer' },
      onkeydown: (ev) => { byArrow = /^Arrow/.test(ev.key); },
      onpointerdown: () => { byArrow = false; },
    },
      h('legend', { class: 'question', text: this.rules.label(ind.question) }),
      h('div', { class: 'choices' },
        radio('none', t('answer.none'), {
          'data-focus': path, disabled: noneClosed,
          onchange: (ev) => {
            if (answer === 'records' && !onlyBlank()) {
              // Something was entered in a record since: "none" would lose it. The answer stays,
              // and the question is drawn as it is now ("none" closed, and why).
              redraw();
              const yes = this.root.querySelector(`[data-focus="${CSS.escape(path + '#records')}"]`);
              if (yes) yes.focus({ preventScroll: true });
              this.ctx.announce(t('answer.none_disabled'));
              return;
            }
            this.answers.answerNone(list);
            beforeNone();
            this.ctx.changed(true);
          },
        }),
        radio('records', t('answer.records'), {
          'data-focus': path + '#records',
          onchange: () => { if (answer !== 'records') addRecord({ keepFocus: byArrow }); },
        })),
      noneClosed ? h('p', { class: 'hint', text: t('answer.none_disabled') }) : null);
  }

  /**
   * Whether the records' fields are built only as they come near the screen: a file of thousands
   * of records (issue 13: a 10,000-record import stays responsive) would otherwise make hundreds
   * of thousands of controls. Each record's heading, status and reason are there from the start.
   */
  lazyRecords(doc) {
    let n = 0;
    for (const recs of Object.values(doc.records || {})) n += Array.isArray(recs) ? recs.length : 0;
    return n > LAZY_RECORDS;
  }

  /** Builds the fields of a record whose item was made without them (lazyRecords). */
  fillRecord(li) {
    const fill = li && li.fillFields;
    if (!fill) return;
    li.fillFields = null;
    if (this.nearScreen) this.nearScreen.unobserve(li);
    fill();
  }

  /** A watched item came near the screen: the items half a run before and after it get their fields. */
  fillNear(li) {
    this.nearScreen.unobserve(li);
    let el = li;
    for (let k = 0; el && k <= WATCH_EVERY / 2; k += 1, el = el.previousElementSibling) this.fillRecord(el);
    el = li.nextElementSibling;
    for (let k = 1; el && k < WATCH_EVERY / 2; k += 1, el = el.nextElementSibling) this.fillRecord(el);
  }

  recordItem(doc, ind, region, rec, i, lazy = false) {
    const list = ind.records;
    const recs = doc.records[list];
    const addId = `add-${list}`;
    const path = `/records/${list}/${i}`;
    const title = h('span', { class: 'record-title', text: t('result.record', { id: rec.id ?? '' }) });
    const grid = (at) => h('div', { class: 'grid' },
      this.rules.fields(list).map((f) => this.field(f, rec, at, {
        list, scope: list,
        onInput: f.field === 'id' ? (v) => { title.textContent = t('result.record', { id: v }); } : null,
      })));
    // No id: its JSON pointer names it (data-path). Removing a record renumbers the pointers of
    // those after it, and changing their ids made the browser restyle each one (issue 13).
    // The item's content is in a box of its own that is skipped while off screen
    // (`content-visibility: auto`, style.css), not the item itself: removing an element that is
    // itself such a box (a style containment root) made Chromium update the whole document's
    // style, ~10 ms for a record removed among 400 (issue 13); removing its parent does not.
    const li = h('li', { class: 'record', dataset: { path, list, index: String(i) } }, h('div', { class: 'record-body' },
      h('div', { class: 'record-head' },
        title,
        h('span', { class: 'record-status', dataset: { role: 'record-status' } }),
        h('button', {
          type: 'button', class: 'btn-small remove', 'data-focus': `${path}#remove`,
          'aria-label': t('record.remove_label', { id: rec.id ?? '' }), text: t('record.remove'),
          onclick: () => {
            const id = rec.id;
            const at = recs.indexOf(rec);  // where it is now (the records before it may have gone)
            if (at < 0) return;
            recs.splice(at, 1);
            this.patch = () => this.recordRemoved(doc, ind, region, at);
            this.ctx.changed(true);
            this.ctx.announce(t('record.removed', { id }));
            // Said where it happened, with an undo that the focus goes to (a second Enter or tap
            // puts the record back rather than removing another).
            const undo = this.offerUndo(doc, ind, region, rec, at);
            if (undo) this.focusSoon(() => undo, 'nearest');
            else this.focusAfterRemove('#' + CSS.escape(addId));
          },
        })),
      lazy ? null : grid(path),
      h('p', { class: 'record-reason', dataset: { role: 'record-reason' } })),
    h('p', { class: 'field-error section-error', hidden: true }));
    if (lazy) {
      // Built when it comes near the screen, or when something needs it (focus, an error).
      li.fillFields = () => {
        const g = grid(li.dataset.path);  // its pointer now (records before it may have gone)
        li.querySelector(':scope > .record-body > .record-reason').before(g);
        li.pointers = null;  // its fields' pointers too (renumber)
        this.indexIn(g);
        if (this.lastErrors && !this.showingErrors) this.showErrors(this.lastErrors);
      };
      if (!this.nearScreen) {
        this.nearScreen = new IntersectionObserver((entries) => {
          for (const e of entries) if (e.isIntersecting) this.fillNear(e.target);
        }, { rootMargin: `${NEAR_PX}px 0px` });
      }
      // One item in WATCH_EVERY is watched (10,000 watched items were tens of ms of every frame,
      // issue 13), and the last of a list (it has no watched one after it).
      if (i % WATCH_EVERY === 0 || i === recs.length - 1) this.nearScreen.observe(li);
    }
    return li;
  }

  /**
   * The note under a list after one of its records was removed: what was removed and an "Undo"
   * button, which puts the record back where it was (its entries and open questions with it).
   * Returns the button, or null when the list's section is not shown.
   */
  offerUndo(doc, ind, region, rec, at) {
    const list = ind.records;
    const section = this.sectionOf(list);
    const note = section && section.querySelector(':scope > [data-role="record-undo"]');
    if (!note) return null;
    const id = rec.id ?? '';
    const button = h('button', {
      type: 'button', class: 'btn-small', 'data-focus': `/records/${list}#undo`, text: t('undo'),
      'aria-label': t('record.undo_label', { id }),
      onclick: () => {
        const recs = doc.records[list];
        // Not after the whole form was made again from other entries (a sample, an import).
        if (doc !== this.ctx.doc() || !Array.isArray(recs) || recs.includes(rec)) return;
        const i = Math.min(at, recs.length);
        recs.splice(i, 0, rec);
        this.answers.answerRecords(list);
        this.patch = () => this.replaceIndicator(doc, ind, region);
        this.ctx.changed(true);
        this.ctx.announce(t('record.restored', { id }));
        this.focusRecordSoon(list, rec);
      },
    });
    fill(note, h('span', { text: t('record.removed', { id }) }), ' ', button);
    note.hidden = false;
    return button;
  }

  /** Focuses the first field of record `rec` of `list` once it is drawn (focusSoon). */
  focusRecordSoon(list, rec) {
    const recs = this.ctx.doc().records[list] || [];
    const first = this.rules.fields(list).find((f) => f.field !== 'id');
    this.focusSoon(() => recs.includes(rec) && this.controlFor(`/records/${list}/${recs.indexOf(rec)}/${first ? first.field : 'id'}`), 'center');
  }

  focusAfterRemove(selector) {
    this.focusSoon(() => this.root.querySelector(selector), 'nearest');
  }

  /**
   * After a record is added or removed, the focus goes to `find()` (found then) and it is scrolled
   * into view, once the change and its evaluation are drawn: the page's tasks the click queued
   * first (the save, the evaluation), then the next frame. Focused in the click's task, the
   * browser laid the form out there for the focus, and again in the frame for the evaluation
   * (issue 13: 10-14 ms of each add or remove in a 400-record enterprise). Nothing is focused if
   * the focus moved meanwhile (to something else than the page's body, where it goes when the
   * focused button is removed).
   */
  focusSoon(find, block) {
    const was = document.activeElement;
    setTimeout(() => requestAnimationFrame(() => setTimeout(() => {
      const now = document.activeElement;
      if (now && now !== was && now !== document.body) return;
      const el = find();
      if (!el || !el.isConnected) return;
      el.focus({ preventScroll: true });
      el.scrollIntoView({ block });
    }, 0)), 0);
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
}

/**
 * The JSON pointers in a record's item (data-path, data-focus): `[element, attribute, rest]`, each
 * value the record's own pointer followed by `rest`. Found once per item (its fields built again,
 * they are found again), so that a record removed among hundreds renumbers those after it in one
 * pass over their pointers, without searching each item again (issue 13).
 */
function pointersOf(li) {
  if (li.pointers) return li.pointers;
  const at = li.dataset.path;
  const found = [];
  for (const el of [li, ...li.querySelectorAll('[data-path], [data-focus]')]) {
    for (const attr of ['data-path', 'data-focus']) {
      const v = el.getAttribute(attr);
      if (v !== null && (v === at || v.startsWith(at + '/') || v.startsWith(at + '#'))) found.push([el, attr, v.slice(at.length)]);
    }
  }
  li.pointers = found;
  return found;
}

/** A record's item moved to index `to` of its list: every JSON pointer in it says so. */
function renumber(li, list, to) {
  const pointers = pointersOf(li);
  const now = `/records/${list}/${to}`;
  li.dataset.index = String(to);
  for (const [el, attr, rest] of pointers) el.setAttribute(attr, now + rest);
}
