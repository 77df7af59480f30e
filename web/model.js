// The enterprise being entered, kept as the file itself (`nvcheck/enterprise@1`, docs/formats.md),
// and its serialisation: what is exported is exactly what the engine evaluates.

export const SCHEMA = 'nvcheck/enterprise@1';

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

// Keys in `order` first (display order), then the others as they came.
function ordered(obj, order, keep = (k, v) => !isEmptyValue(v)) {
  const out = {};
  for (const k of order) if (k in obj && keep(k, obj[k])) out[k] = obj[k];
  for (const [k, v] of Object.entries(obj)) if (!(k in out) && !order.includes(k) && keep(k, v)) out[k] = v;
  return out;
}

/**
 * The enterprise file for the engine and for export. Empty text and dates are left out; lists
 * and records keep their order, so the engine's error paths (`/records/judgments/0/...`) point
 * at the form's rows. Empty optional sections are left out.
 */
export function toFile(doc, rules) {
  const d = normalise(clone(doc));
  const out = { schema: SCHEMA };
  out.enterprise = ordered(d.enterprise, rules ? rules.enterpriseFields().map((f) => f.field) : []);

  const appOrder = ['date', 'previous'];
  const prevOrder = rules ? rules.applicationFields().map((f) => f.field).filter((f) => f !== 'date') : [];
  const app = ordered(d.application, appOrder, (k, v) => (k === 'previous' ? v.length > 0 : !isEmptyValue(v)));
  if (app.previous) app.previous = app.previous.map((p) => ordered(p, prevOrder));
  if (Object.keys(app).length) out.application = app;

  const cert = ordered(d.certification, rules ? rules.certificationFields().map((f) => f.field) : [],
    (k, v) => !isEmptyValue(v) && v !== null);
  if (Object.keys(cert).length) out.certification = cert;

  const records = {};
  const listOrder = rules ? rules.recordLists().map((l) => l.list) : Object.keys(d.records);
  for (const list of [...listOrder, ...Object.keys(d.records).filter((k) => !listOrder.includes(k))]) {
    const recs = d.records[list];
    if (!recs || !recs.length) continue;
    const order = rules ? rules.fields(list).map((f) => f.field) : [];
    records[list] = recs.map((r) => ordered(r, order));
  }
  if (Object.keys(records).length) out.records = records;

  for (const [k, v] of Object.entries(d)) {
    if (!['schema', 'enterprise', 'application', 'certification', 'records'].includes(k)) out[k] = v;
  }
  return out;
}

export function toText(doc, rules) {
  return JSON.stringify(toFile(doc, rules));
}

/** Pretty text for export (2-space indent, final newline). */
export function toExportText(doc, rules) {
  return JSON.stringify(toFile(doc, rules), null, 2) + '\n';
}

/** True when nothing has been entered. */
export function isEmpty(doc) {
  const f = toFile(doc);
  return Object.keys(f).length === 2 && Object.keys(f.enterprise).length === 0;
}

function allIds(doc) {
  const ids = new Set();
  for (const recs of Object.values(doc.records || {})) for (const r of recs || []) if (r && r.id) ids.add(r.id);
  return ids;
}

/** A new record of `list`: a fresh id and every yes/no field set to no. */
export function newRecord(doc, list, rules) {
  const prefix = ID_PREFIX[list] || 'x';
  const ids = allIds(doc);
  let n = 1;
  while (ids.has(prefix + n)) n += 1;
  const rec = { id: prefix + n };
  for (const f of rules.fields(list)) if (f.kind === 'bool') rec[f.field] = false;
  return rec;
}

export function newPrevious(rules) {
  const p = {};
  for (const f of rules.applicationFields()) if (f.kind === 'bool') p[f.field] = false;
  return p;
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
 * Applies plan actions to a copy: each sets its record's end event (the clause's `ongoing_until`
 * field in the rule data: released_on, performed_on, closed_on, ended_on, resolved_on,
 * removed_on) to the action's `done_on`. Returns the copy and what changed.
 */
export function applyActions(doc, actions, rules) {
  const copy = clone(doc);
  const changes = [];
  for (const a of actions) {
    const ind = rules.byClause.get(a.clause);
    const field = rules.endField(a.clause);
    if (!ind || !field) continue;
    const rec = (copy.records[ind.records] || []).find((r) => r && r.id === a.record);
    if (!rec) continue;
    rec[field] = a.done_on;
    changes.push({ record: a.record, list: ind.records, field, date: a.done_on });
  }
  return { doc: copy, changes };
}
