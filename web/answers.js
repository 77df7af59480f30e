// What the person has answered on the page (issue 13, explicit answers): nothing that decides
// the verdict is taken for granted. Each of the ten indicators (Table 1) is answered "none in
// the period" or by its records; each yes/no question of a record (a valid complaint, an
// effective judgment, an annulled penalty, a disputed record...) is answered yes or no.
//
// Kept beside the enterprise file (storage), never inside it: the file stays nvcheck/enterprise@1.
// An imported file answers every list it contains (an empty list is "none") and every question
// of its records (CONTRACT.md: an optional boolean left out is false); a list it does not
// contain stays unanswered.

export class Answers {
  constructor() {
    this.none = new Set();      // record lists answered "none in the period"
    this.open = new WeakMap();  // record or previous application -> its yes/no fields not yet answered
  }

  /** The answers a file gives: the lists it contains, every question of its records. */
  static fromFile(file) {
    const a = new Answers();
    const records = file && file.records && typeof file.records === 'object' ? file.records : {};
    for (const [list, recs] of Object.entries(records)) if (Array.isArray(recs) && recs.length === 0) a.none.add(list);
    return a;
  }

  /** The list's answer: 'none', 'records' (it has records) or null (not answered yet). */
  listAnswer(doc, list) {
    const recs = doc.records[list];
    if (Array.isArray(recs) && recs.length) return 'records';
    return this.none.has(list) ? 'none' : null;
  }

  answerNone(list) {
    this.none.add(list);
  }

  /** A record was added (or "yes, these records" chosen): the list is no longer "none". */
  answerRecords(list) {
    this.none.delete(list);
  }

  /** Marks `fields` of `obj` (a new record) as questions not yet answered. */
  ask(obj, fields) {
    if (fields.length) this.open.set(obj, new Set(fields));
  }

  isOpen(obj, field) {
    const s = this.open.get(obj);
    return Boolean(s && s.has(field));
  }

  answer(obj, field) {
    const s = this.open.get(obj);
    if (!s) return;
    s.delete(field);
    if (!s.size) this.open.delete(obj);
  }

  openFields(obj) {
    const s = obj && this.open.get(obj);
    return s ? [...s] : [];
  }

  hasOpen(obj) {
    return Boolean(obj && this.open.has(obj));
  }

  /**
   * What is still unanswered, in the form's order: `{clause, list, path, index?, fields?}`, a list
   * (no index: neither "none" nor any record) or a record with open questions; and
   * `{previous: i, path, fields}` for a previous application.
   */
  unanswered(doc, rules) {
    const out = [];
    (doc.application.previous || []).forEach((p, i) => {
      if (this.hasOpen(p)) out.push({ previous: i, path: `/application/previous/${i}`, fields: this.openFields(p) });
    });
    for (const ind of rules.indicators) {
      const list = ind.records;
      const answer = this.listAnswer(doc, list);
      if (!answer) {
        out.push({ clause: ind.clause, list, path: `/records/${list}` });
        continue;
      }
      (doc.records[list] || []).forEach((r, index) => {
        if (this.hasOpen(r)) out.push({ clause: ind.clause, list, index, path: `/records/${list}/${index}`, fields: this.openFields(r) });
      });
    }
    return out;
  }

  /** For storage: the lists answered "none" and the open questions by position. */
  toJSON(doc) {
    const open = [];
    (doc.application.previous || []).forEach((p, i) => {
      if (this.hasOpen(p)) open.push([`/application/previous/${i}`, this.openFields(p)]);
    });
    for (const [list, recs] of Object.entries(doc.records)) {
      (recs || []).forEach((r, i) => { if (this.hasOpen(r)) open.push([`/records/${list}/${i}`, this.openFields(r)]); });
    }
    return { none: [...this.none].sort(), open };
  }

  /** The answers saved by toJSON for `doc` (the same document, restored from storage). */
  static fromJSON(doc, saved) {
    const a = new Answers();
    if (!saved || typeof saved !== 'object') return a;
    for (const list of Array.isArray(saved.none) ? saved.none : []) if (typeof list === 'string') a.none.add(list);
    for (const item of Array.isArray(saved.open) ? saved.open : []) {
      if (!Array.isArray(item) || typeof item[0] !== 'string' || !Array.isArray(item[1])) continue;
      const obj = at(doc, item[0]);
      if (obj && typeof obj === 'object') a.ask(obj, item[1].filter((f) => typeof f === 'string' && !(f in obj)));
    }
    return a;
  }

  /** The same answers for `copy`, a clone of `doc` (same shape). */
  cloneFor(doc, copy) {
    return Answers.fromJSON(copy, this.toJSON(doc));
  }
}

function at(doc, pointer) {
  let obj = doc;
  for (const part of pointer.split('/').slice(1)) {
    if (obj === null || typeof obj !== 'object') return null;
    obj = obj[part];
  }
  return obj;
}
