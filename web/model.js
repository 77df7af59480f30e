// The enterprise being entered, kept as the file itself (`nvcheck/enterprise@1`, docs/formats.md),
// and its serialisation: what is exported is exactly what the engine evaluates.

const SCHEMA = 'nvcheck/enterprise@1';

// Record id prefixes, as docs/formats.md's examples write them (any unique id is fine).
const ID_PREFIX = {
  administrative_penalties: 'p',
  administrative_coercions: 'c',
  judgments: 'j',
  criminal_cases: 'k',
  self_regulatory_violations: 's',
  community_violations: 'n',
  certification_violations: 'v',
  contract_complaints: 't',
  commitment_complaints: 'w',
  risk_list_entries: 'r',
};

export function emptyDoc() {
  return { schema: SCHEMA, enterprise: {}, application: { previous: [] }, certification: {}, records: {} };
}

export function clone(doc) {
  return JSON.parse(JSON.stringify(doc));
}

/** Fills the containers the forms edit; keeps everything else the file had. */
export function normalise(doc) {
  const d = doc && typeof doc === 'object' && !Array.isArray(doc) ? doc : emptyDoc();
  if (!d.enterprise || typeof d.enterprise !== 'object') d.enterprise = {};
  if (!d.application || typeof d.application !== 'object') d.application = {};
  if (!Array.isArray(d.application.previous)) d.application.previous = [];
  if (!d.certification || typeof d.certification !== 'object') d.certification = {};
  if (!d.records || typeof d.records !== 'object') d.records = {};
  for (const [k, v] of Object.entries(d.records)) if (!Array.isArray(v)) d.records[k] = [];
  d.schema = SCHEMA;
  return d;
}

function isEmptyValue(v) {
  return v === undefined || v === '';
}

const keepValue = (k, v) => !isEmptyValue(v);

// Keys in `order` first (display order), then the others as they came. `inOrder`: the keys of
// `order` as a set, made once for a list's records (toFile writes hundreds on every edit).
function ordered(obj, order, keep = keepValue, inOrder = new Set(order)) {
  const out = {};
  for (const k of order) if (k in obj && keep(k, obj[k])) out[k] = obj[k];
  for (const k of Object.keys(obj)) if (!inOrder.has(k) && keep(k, obj[k])) out[k] = obj[k];
  return out;
}

/**
 * The enterprise file for the engine and for export. Empty text and dates are left out; lists
 * and records keep their order, so the engine's error paths (`/records/judgments/0/...`) point
 * at the form's rows. Empty optional sections are left out. With `answers` (answers.js), a list
 * answered "none" is written as an empty list and a list not answered yet is left out; with
 * `answered` also, a record (or previous application) with a question not yet answered is left
 * out: the engine evaluates only what was answered (evalFile maps its paths back).
 */
export function toFile(doc, rules, answers = null, answered = false, kept = null) {
  // `doc` is not copied (only normalised in place): every object of the file is made anew
  // (ordered), holding the entries' own values (the callers write it out as JSON or read it).
  // Copying the whole file first (a JSON round trip) was a third of the page's side of an
  // evaluation of a 400-record enterprise (issue 13).
  const d = normalise(doc);
  const out = { schema: SCHEMA };
  out.enterprise = ordered(d.enterprise, rules ? rules.enterpriseFields().map((f) => f.field) : []);

  const appOrder = ['date', 'previous'];
  const prevOrder = rules ? rules.applicationFields().map((f) => f.field).filter((f) => f !== 'date') : [];
  const keep = (list, recs) => {
    if (!answered || !answers) return recs;
    const idx = [];
    const outRecs = recs.filter((r, i) => {
      const ok = !answers.hasOpen(r);
      if (ok) idx.push(i);
      return ok;
    });
    if (kept) kept.set(list, idx);
    return outRecs;
  };
  const previous = keep('/application/previous', d.application.previous);
  const app = ordered({ ...d.application, previous }, appOrder, (k, v) => (k === 'previous' ? v.length > 0 : !isEmptyValue(v)));
  if (app.previous) app.previous = app.previous.map((p) => ordered(p, prevOrder));
  if (Object.keys(app).length) out.application = app;

  const cert = ordered(d.certification, rules ? rules.certificationFields().map((f) => f.field) : [],
    (k, v) => !isEmptyValue(v) && v !== null);
  if (Object.keys(cert).length) out.certification = cert;

  const records = {};
  const listOrder = rules ? rules.recordLists().map((l) => l.list) : Object.keys(d.records);
  for (const list of [...listOrder, ...Object.keys(d.records).filter((k) => !listOrder.includes(k))]) {
    const recs = keep(list, d.records[list] || []);
    if (!recs.length) {
      if (answers && answers.none.has(list) && !(d.records[list] || []).length) records[list] = [];
      continue;
    }
    const order = rules ? rules.fields(list).map((f) => f.field) : [];
    const inOrder = new Set(order);
    records[list] = recs.map((r) => ordered(r, order, keepValue, inOrder));
  }
  if (Object.keys(records).length) out.records = records;

  for (const [k, v] of Object.entries(d)) {
    if (!['schema', 'enterprise', 'application', 'certification', 'records'].includes(k)) out[k] = v;
  }
  return out;
}

/**
 * What the engine evaluates: the answered part of the file (records with a question not yet
 * answered are left out), and `path(p)`, which maps an error path of that text back to the form's
 * row (`/records/judgments/1/...` of the text is the form's third judgment when the second is
 * left out).
 */
export function evalFile(doc, rules, answers) {
  const kept = new Map();
  const text = JSON.stringify(toFile(doc, rules, answers, true, kept));
  const path = (p) => {
    if (typeof p !== 'string') return p;
    const m = p.match(/^(\/records\/[^/]+|\/application\/previous)\/(\d+)(.*)$/);
    if (!m) return p;
    const list = m[1].startsWith('/records/') ? m[1].slice(9) : m[1];
    const idx = kept.get(list);
    const i = idx ? idx[Number(m[2])] : undefined;
    return i === undefined ? p : `${m[1]}/${i}${m[3]}`;
  };
  return { text, path };
}

/** Pretty text for export (2-space indent, final newline). */
export function toExportText(doc, rules, answers = null) {
  return JSON.stringify(toFile(doc, rules, answers), null, 2) + '\n';
}

function allIds(doc) {
  const ids = new Set();
  for (const recs of Object.values(doc.records || {})) for (const r of recs || []) if (r && r.id) ids.add(r.id);
  return ids;
}

/** True when the entries hold nothing yet (no enterprise field, no record): a client still empty. */
export function isEmpty(doc) {
  const f = toFile(doc);
  return Object.keys(f).length === 2 && Object.keys(f.enterprise).length === 0;
}

/**
 * A new record of `list` with a fresh id. Its yes/no questions are left unanswered (no default:
 * the caller asks them, answers.js); `questions(fields)` lists them.
 */
export function newRecord(doc, list, rules) {
  const prefix = ID_PREFIX[list] || 'x';
  const ids = allIds(doc);
  let n = 1;
  while (ids.has(prefix + n)) n += 1;
  return { id: prefix + n };
}

export function newPrevious() {
  return {};
}

/** The yes/no questions among `fields` (rule data field definitions). */
export function questions(fields) {
  return fields.filter((f) => f.kind === 'bool').map((f) => f.field);
}

/** Where the record with `id` is: `{list, index}` or null. */
export function findRecord(doc, id) {
  for (const [list, recs] of Object.entries(doc.records || {})) {
    const index = (recs || []).findIndex((r) => r && r.id === id);
    if (index >= 0) return { list, index };
  }
  return null;
}

/**
 * A copy of `doc` with the engine's what-if `changes` (core/src/what_if.cpp: each
 * `{record, list, field, value}`) written in, as the engine wrote them into the file it checked.
 */
export function withChanges(doc, changes) {
  const copy = clone(doc);
  for (const c of changes) {
    const rec = ((copy.records && copy.records[c.list]) || []).find((r) => r && r.id === c.record);
    if (rec) rec[c.field] = c.value;
  }
  return copy;
}
