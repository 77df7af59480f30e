#!/usr/bin/env node
// Writes the JSON Schemas (draft 2020-12) of nvcheck's three formats from the rule data's
// descriptors, so they cannot drift from what the engine reads and writes:
//   schemas/enterprise.schema.json  nvcheck/enterprise@1 (rules/wq179.json enterprise_fields,
//                                   application_fields, certification_fields, record_fields, enums)
//   schemas/result.schema.json      nvcheck/result@1 (clauses and indicator ids from the rule data)
//   schemas/plan.schema.json        nvcheck/plan@1
// The shapes follow CONTRACT.md; what the rule data does not say (which record fields are
// required) is written here once and checked against the parser's table (core/src/parse.cpp) by
// tests/schemas/schemas.test.mjs.
//   node tools/gen-schemas.mjs           write the files
//   node tools/gen-schemas.mjs --check   exit 1 when a committed file differs from the generated one
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rules = JSON.parse(readFileSync(join(root, 'rules/wq179.json'), 'utf8'));

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';
// Limits on input (README "Limits on input"; core Limits). maxLength counts characters, the
// engine bytes: a string of 4,096 characters beyond ASCII may still be refused by the engine.
const MAX_STRING = 4096;
const MAX_RECORDS = 10000;
const MAX_PREVIOUS = 1000;
// A date as the engine reads it: YYYY-MM-DD, a real day of the years 0001-9999 (format "date"
// checks the day; it allows the year 0000).
const DATE_PATTERN = '^(?!0000)[0-9]{4}-[0-9]{2}-[0-9]{2}$';

// CONTRACT.md "Required and optional fields": per list, the fields a record must have besides
// its id: the start date, the enumerations and appendix values that decide scope, the flags.
// A record list's required fields are the rule data's (`record_fields[].required`, which the engine reads).
export const REQUIRED_RECORD_FIELDS = Object.fromEntries(
  Object.entries(rules.record_fields).map(([list, fields]) => [list, fields.filter((f) => f.required).map((f) => f.field)]));
const REQUIRED_ENTERPRISE = ['name', 'region', 'incorporated_on'];
const NON_EMPTY = new Set(['id', 'name']);  // empty_id, empty_value
const PREVIOUS_FIELDS = new Set(['result_on', 'outcome', 'false_information']);
const REQUIRED_PREVIOUS = ['result_on', 'outcome'];

function enumValues(name) {
  const e = rules.enums[name];
  if (!e) throw new Error(`rules/wq179.json: enum ${name} is not defined`);
  return Object.keys(e);
}

// One descriptor ({field, kind, enum, label}) as a schema property.
function fieldSchema(d, required) {
  const title = d.label && d.label.en;
  const t = (type) => (required ? type : [type, 'null']);
  let s;
  switch (d.kind) {
    case 'text':
      s = { type: t('string'), maxLength: MAX_STRING };
      if (NON_EMPTY.has(d.field)) s.minLength = 1;
      break;
    case 'appendix':  // an appendix id, or a name as the appendix writes it, or any other name
      s = { type: t('string'), minLength: 1, maxLength: MAX_STRING };
      break;
    case 'date':
      s = { type: t('string'), format: 'date', pattern: DATE_PATTERN };
      break;
    case 'bool':
      s = { type: t('boolean') };
      break;
    case 'enum':
      s = { type: t('string'), enum: required ? enumValues(d.enum) : [...enumValues(d.enum), null] };
      break;
    default:
      throw new Error(`rules/wq179.json: field ${d.field} has an unknown kind ${d.kind}`);
  }
  return title ? { title, ...s } : s;
}

function objectOf(descriptors, required, { nullable = false } = {}) {
  for (const r of required)
    if (!descriptors.some((d) => d.field === r)) throw new Error(`rules/wq179.json: required field ${r} has no descriptor`);
  const properties = {};
  for (const d of descriptors) properties[d.field] = fieldSchema(d, required.includes(d.field));
  // Unknown fields are kept, ignored and named in a warning (CONTRACT.md): allowed here.
  const s = { type: nullable ? ['object', 'null'] : 'object', properties };
  if (required.length) s.required = required;
  return s;
}

function enterpriseSchema() {
  const recordLists = {};
  for (const [list, fields] of Object.entries(rules.record_fields)) {
    const required = REQUIRED_RECORD_FIELDS[list];
    recordLists[list] = { type: ['array', 'null'], maxItems: MAX_RECORDS, items: objectOf(fields, required) };
  }
  for (const list of Object.keys(REQUIRED_RECORD_FIELDS))
    if (!rules.record_fields[list]) throw new Error(`tools/gen-schemas.mjs: ${list} is not in the rule data`);
  const app = rules.application_fields;
  const application = objectOf(app.filter((d) => !PREVIOUS_FIELDS.has(d.field)), [], { nullable: true });
  application.properties.previous = {
    type: ['array', 'null'],
    maxItems: MAX_PREVIOUS,
    items: objectOf(app.filter((d) => PREVIOUS_FIELDS.has(d.field)), REQUIRED_PREVIOUS),
  };
  return {
    $schema: DRAFT,
    $id: 'urn:nvcheck:schema:enterprise@1',
    title: 'nvcheck enterprise file (nvcheck/enterprise@1)',
    description: `An enterprise's records for a pre-check against ${rules.id} (${rules.title?.en ?? ''}). ` +
      'Generated from rules/wq179.json by tools/gen-schemas.mjs. The engine also refuses what a schema cannot ' +
      'say: a key given twice, a duplicate record id, an end date before its start date, more than 16 levels ' +
      'of nesting, a file over 8 MiB, a string over 4,096 bytes.',
    type: 'object',
    required: ['schema', 'enterprise'],
    properties: {
      schema: { const: 'nvcheck/enterprise@1' },
      enterprise: objectOf(rules.enterprise_fields, REQUIRED_ENTERPRISE),
      application,
      certification: objectOf(rules.certification_fields, [], { nullable: true }),
      records: {
        type: ['object', 'null'],
        properties: recordLists,
        additionalProperties: false,  // a misspelt list would drop its records: an input error
      },
    },
  };
}

// --- outputs: compact JSON written by core/src/result_json.cpp, keys as CONTRACT.md shows them -----
const date = { type: 'string', format: 'date', pattern: DATE_PATTERN };
const dateOrNull = { type: ['string', 'null'], format: 'date', pattern: DATE_PATTERN };
const closed = (properties, extra = {}) => ({
  type: 'object', properties, required: Object.keys(properties), additionalProperties: false, ...extra,
});
// The same with members written only on request (the `detail` option, docs/formats.md "Options").
const withOptional = (schema, optional) => ({
  ...schema, properties: { ...schema.properties, ...optional },
});
const basicClauses = rules.basic_requirements.map((b) => b.clause);
const indicatorClauses = rules.indicators.map((i) => i.clause);
const indicatorIds = rules.indicators.map((i) => i.id);
// edited: not the built-in rule set (its content differs from rules/ as the engine was built).
const rulesRef = closed({ id: { type: 'string' }, version: { type: 'string' }, edited: { type: 'boolean' } });
const warning = closed({ record: { type: ['string', 'null'] }, code: { type: 'string' }, message: { type: 'string' } });

function resultSchema() {
  return {
    $schema: DRAFT,
    $id: 'urn:nvcheck:schema:result@1',
    title: 'nvcheck result (nvcheck/result@1)',
    description: `The clause-by-clause verdict of ${rules.id}, or the errors of an invalid file. Generated from ` +
      'rules/wq179.json by tools/gen-schemas.mjs.',
    ...withOptional(closed({
      schema: { const: 'nvcheck/result@1' },
      rules: rulesRef,
      evaluated_on: dateOrNull,
      verdict: { enum: ['pass', 'fail', 'invalid'] },
      basic_requirements: {
        type: 'array',
        maxItems: basicClauses.length,
        items: closed({
          clause: { enum: basicClauses },
          status: { enum: ['met', 'not_met'] },
          reason: { type: 'string' },
          clears_on: dateOrNull,
        }),
      },
      indicators: {
        type: 'array',
        maxItems: indicatorClauses.length,
        items: closed({
          clause: { enum: indicatorClauses },
          id: { enum: indicatorIds },
          status: { enum: ['pass', 'fail'] },
          counted: {
            type: 'array',
            items: withOptional(closed({ record: { type: 'string' }, reason: { type: 'string' }, counts_until: dateOrNull }),
              { name: { type: 'string' }, counts_from: dateOrNull }),
          },
          not_counted: {
            type: 'array',
            items: withOptional(closed({ record: { type: 'string' }, reason: { type: 'string' } }), { name: { type: 'string' } }),
          },
          clears_on: dateOrNull,
        }),
      },
      earliest_pass_date: dateOrNull,
      warnings: { type: 'array', items: warning },
      errors: {
        type: 'array',
        items: closed({ path: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } }),
      },
    }), { evaluated_on_source: { enum: ['on', 'application_date', 'today'] } }),
    // A valid result has every clause, in order; an invalid one none, and no pass date.
    if: { type: 'object', properties: { verdict: { const: 'invalid' } } },
    then: {
      properties: {
        basic_requirements: { type: 'array', maxItems: 0 }, indicators: { type: 'array', maxItems: 0 },
        earliest_pass_date: { type: 'null' }, errors: { type: 'array', minItems: 1 },
      },
    },
    else: {
      properties: {
        evaluated_on: date,
        basic_requirements: {
          type: 'array',
          minItems: basicClauses.length,
          maxItems: basicClauses.length,
          prefixItems: basicClauses.map((c) => ({ type: 'object', properties: { clause: { const: c } } })),
        },
        indicators: {
          type: 'array',
          minItems: indicatorClauses.length,
          maxItems: indicatorClauses.length,
          prefixItems: indicatorClauses.map((c, i) => ({ type: 'object', properties: { clause: { const: c }, id: { const: indicatorIds[i] } } })),
        },
        errors: { type: 'array', maxItems: 0 },
      },
    },
  };
}

function planSchema() {
  const clause = { enum: [...basicClauses, ...indicatorClauses] };
  return {
    $schema: DRAFT,
    $id: 'urn:nvcheck:schema:plan@1',
    title: 'nvcheck plan (nvcheck/plan@1)',
    description: 'The route to passing (clause 8.8): actions, disputes and waits. For an invalid file the engine ' +
      'returns the invalid result (nvcheck/result@1) instead. Generated from rules/wq179.json by tools/gen-schemas.mjs.',
    ...closed({
      schema: { const: 'nvcheck/plan@1' },
      rules: rulesRef,
      evaluated_on: date,
      verdict: { enum: ['pass', 'fail'] },
      earliest_pass_date: dateOrNull,
      earliest_pass_date_all_actions: dateOrNull,
      actions: {
        type: 'array',
        items: closed({
          record: { type: 'string' },
          clause,
          action: { enum: ['release_coercion', 'perform_judgment', 'close_criminal_case', 'end_measure', 'resolve_complaint', 'remove_listing'] },
          decided_by: { enum: ['enterprise', 'authority'] },
          decider: { type: 'string' },  // who decides, in words (the list's end_event.decider)
          done_on: date,
          counts_until: dateOrNull,
          clause_clears_on: dateOrNull,
          earliest_pass_date: dateOrNull,
          changes_nothing: { type: 'boolean' },
          text: { type: 'string' },
        }),
      },
      disputes: {
        anyOf: [
          { type: 'null' },
          closed({ records: { type: 'array', items: { type: 'string' } }, names: { type: 'array', items: { type: 'string' } }, verdict: { enum: ['pass', 'fail'] }, earliest_pass_date: dateOrNull }),
        ],
      },
      waits: { type: 'array', items: closed({ clause, clears_on: dateOrNull, text: { type: 'string' } }) },
      warnings: { type: 'array', items: warning },
    }),
  };
}

// nvcheck/desk@1 (issue 16): the consultant's desk, several enterprise files each with its
// counselling notes (clause 8.8), which stay beside the enterprise file and are never evaluated.
const MAX_NOTE = 1 << 20;
function deskSchema() {
  const note = { type: 'string', maxLength: MAX_NOTE };
  return {
    $schema: DRAFT,
    $id: 'urn:nvcheck:schema:desk@1',
    title: "nvcheck consultant's desk (nvcheck/desk@1)",
    description: 'Several enterprises (each an nvcheck/enterprise@1 file) with their counselling notes (clause 8.8 of ' +
      `${rules.id}), as the page exports and imports them. The notes are never evaluated; the report prints them ` +
      'when asked. Generated by tools/gen-schemas.mjs.',
    type: 'object',
    required: ['schema', 'clients'],
    additionalProperties: false,
    properties: {
      schema: { const: 'nvcheck/desk@1' },
      exported_on: date,
      consultant: { type: 'string', maxLength: MAX_STRING },
      clients: {
        type: 'array',
        minItems: 1,
        maxItems: MAX_RECORDS,
        items: {
          type: 'object',
          required: ['enterprise'],
          additionalProperties: false,
          properties: {
            enterprise: { $ref: 'urn:nvcheck:schema:enterprise@1' },
            label: { type: 'string', maxLength: MAX_STRING },
            notes: {
              type: 'object',
              additionalProperties: false,
              properties: {
                enterprise: note,
                records: { type: 'object', propertyNames: { minLength: 1, maxLength: MAX_STRING }, additionalProperties: note },
              },
            },
          },
        },
      },
    },
  };
}

export const schemas = {
  'enterprise.schema.json': enterpriseSchema(),
  'result.schema.json': resultSchema(),
  'plan.schema.json': planSchema(),
  'desk.schema.json': deskSchema(),
};
export const text = (s) => JSON.stringify(s, null, 2) + '\n';

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = join(root, 'schemas');
  const check = process.argv.includes('--check');
  let stale = 0;
  mkdirSync(dir, { recursive: true });
  for (const [name, schema] of Object.entries(schemas)) {
    const path = join(dir, name);
    if (check) {
      let old = '';
      try { old = readFileSync(path, 'utf8'); } catch { /* missing */ }
      if (old !== text(schema)) { console.error(`gen-schemas: schemas/${name} is not what rules/wq179.json gives; run node tools/gen-schemas.mjs`); stale++; }
    } else {
      writeFileSync(path, text(schema));
      console.log(`gen-schemas: wrote schemas/${name}`);
    }
  }
  process.exit(stale ? 1 : 0);
}
