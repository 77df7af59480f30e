// The JSON Schemas of schemas/ (draft 2020-12, ajv): generated from the rule data (the committed
// files are what tools/gen-schemas.mjs writes), the parser's table of required fields agrees,
// every golden input and output is valid, and every invalid golden input is refused by the
// schema at the very paths the engine names, or by the engine for a reason no schema can say.
//
//   (cd tests/schemas && npm ci) && node --test tests/schemas/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { schemas, text, REQUIRED_RECORD_FIELDS } from '../../tools/gen-schemas.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CASES = path.join(ROOT, 'tests/cases');
const read = (p) => fs.readFileSync(p, 'utf8');
const jsonFiles = (dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.expect.json')).sort();

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv, ['date']);
const validate = {};
for (const name of ['enterprise', 'result', 'plan']) {
  validate[name] = ajv.compile(JSON.parse(read(path.join(ROOT, 'schemas', `${name}.schema.json`))));
}
// The desk (nvcheck/desk@1) refers to the enterprise schema by its $id, compiled above.
validate.desk = ajv.compile(JSON.parse(read(path.join(ROOT, 'schemas', 'desk.schema.json'))));
const problems = (v) => (v.errors || []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');

// What the engine refuses that a JSON Schema cannot express (a key twice, ids unique across
// records, dates compared, nesting depth, not JSON at all in the engine's strict reading).
const ENGINE_ONLY = new Set(['invalid_json', 'duplicate_key', 'duplicate_id', 'end_before_start', 'too_deep', 'too_large']);

// The paths ajv names: a missing property or an extra one is named by its own path, as the engine does.
function schemaPaths(errors) {
  const out = new Set();
  for (const e of errors) {
    if (e.keyword === 'required') out.add(`${e.instancePath}/${e.params.missingProperty}`);
    else if (e.keyword === 'additionalProperties') out.add(`${e.instancePath}/${e.params.additionalProperty}`);
    else if (e.keyword !== 'if') out.add(e.instancePath);
  }
  return out;
}

test('the committed schemas are what the rule data gives (node tools/gen-schemas.mjs)', () => {
  for (const [name, schema] of Object.entries(schemas)) {
    assert.equal(read(path.join(ROOT, 'schemas', name)), text(schema), `schemas/${name} is stale: run node tools/gen-schemas.mjs`);
  }
});

test("the schema's record fields are the rule data's, which the parser reads (core/src/parse.cpp through Rules::lists)", () => {
  const data = JSON.parse(read(path.join(ROOT, 'rules/wq179.json')));
  const enterprise = JSON.parse(read(path.join(ROOT, 'schemas/enterprise.schema.json')));
  const lists = enterprise.properties.records.properties;
  assert.deepEqual(Object.keys(lists), Object.keys(data.record_fields), 'one schema list per record list');
  for (const [list, fields] of Object.entries(data.record_fields)) {
    const required = fields.filter((f) => f.required).map((f) => f.field).sort();
    assert.deepEqual([...lists[list].items.required].sort(), required, list);
    assert.deepEqual([...REQUIRED_RECORD_FIELDS[list]].sort(), required, list);
    assert.deepEqual(Object.keys(lists[list].items.properties).sort(), fields.map((f) => f.field).sort(), list);
  }
  // The parser keeps no table of its own.
  assert.doesNotMatch(read(path.join(ROOT, 'core/src/parse.cpp')), /k\w*Fields\[\]\s*=/);
});

test('every golden input is a valid enterprise file', () => {
  const dirs = [path.join(CASES, 'good'), path.join(ROOT, 'web/samples'), path.join(CASES, 'reports')];
  let n = 0;
  for (const dir of dirs) {
    for (const f of jsonFiles(dir)) {
      const doc = JSON.parse(read(path.join(dir, f)).replace(/^\uFEFF/, ''));
      if (doc.schema !== 'nvcheck/enterprise@1') continue;  // e.g. web/samples/index.json
      assert.ok(validate.enterprise(doc), `${path.relative(ROOT, dir)}/${f}: ${problems(validate.enterprise)}`);
      n++;
    }
  }
  assert.ok(n >= 40, `only ${n} inputs`);
});

test('every golden result and plan is valid against its schema', () => {
  let n = 0;
  for (const sub of ['good', 'invalid']) {
    const dir = path.join(CASES, 'golden', sub);
    for (const f of jsonFiles(dir)) {
      const doc = JSON.parse(read(path.join(dir, f)));
      const v = doc.schema === 'nvcheck/plan@1' ? validate.plan : validate.result;
      assert.ok(v(doc), `golden/${sub}/${f}: ${problems(v)}`);
      // Results and plans name their schema, as files do.
      assert.equal(doc.schema, f.endsWith('.plan.json') && sub === 'good' ? 'nvcheck/plan@1' : 'nvcheck/result@1', f);
      n++;
    }
  }
  assert.ok(n >= 300, `only ${n} outputs`);
});

test('the schemas refuse what they must: a valid result without a clause, a plan with an unknown action', () => {
  const result = JSON.parse(read(path.join(CASES, 'golden/good/01-gd-pass-on-anniversaries.en.result.json')));
  result.indicators.pop();
  assert.equal(validate.result(result), false);
  const plans = jsonFiles(path.join(CASES, 'golden/good')).filter((f) => f.endsWith('.en.plan.json'))
    .map((f) => JSON.parse(read(path.join(CASES, 'golden/good', f)))).filter((p) => p.actions.length);
  assert.ok(plans.length > 0);
  plans[0].actions[0].action = 'bribe_official';
  assert.equal(validate.plan(plans[0]), false);
});

test('every invalid golden input is refused: by the schema at the paths the engine names, or by the engine alone', () => {
  const dir = path.join(CASES, 'invalid');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bySchema = 0;
  for (const f of jsonFiles(dir)) {
    const stem = f.slice(0, -'.json'.length);
    const golden = JSON.parse(read(path.join(CASES, 'golden/invalid', `${stem}.en.result.json`)));
    assert.equal(golden.verdict, 'invalid', f);
    const codes = golden.errors.map((e) => e.code);
    let doc;
    try {
      doc = JSON.parse(decoder.decode(fs.readFileSync(path.join(dir, f))).replace(/^\uFEFF/, ''));
    } catch {
      assert.deepEqual(codes, ['invalid_json'], `${f}: not JSON, the engine must say so`);
      continue;
    }
    // JSON for JSON.parse but not for the engine's strict reader (a number beyond a double):
    // the engine reads no field, so there are no paths to compare.
    if (codes.includes('invalid_json')) {
      assert.deepEqual(codes, ['invalid_json'], f);
      continue;
    }
    const valid = validate.enterprise(doc);
    const enginePaths = new Set(golden.errors.filter((e) => !ENGINE_ONLY.has(e.code)).map((e) => e.path));
    if (valid) {
      assert.equal(enginePaths.size, 0, `${f}: the schema accepts what the engine refuses with ${codes}`);
      continue;
    }
    bySchema++;
    assert.deepEqual([...schemaPaths(validate.enterprise.errors)].sort(), [...enginePaths].sort(),
      `${f}: schema and engine name different places (${problems(validate.enterprise)})`);
  }
  assert.ok(bySchema >= 10, `only ${bySchema} refused by the schema`);
});

test('the desk file (nvcheck/desk@1): enterprises with their notes; each enterprise checked by its own schema', () => {
  const inputs = jsonFiles(path.join(CASES, 'good')).slice(0, 3).map((f) => JSON.parse(read(path.join(CASES, 'good', f))));
  assert.ok(inputs.length >= 2);
  const desk = {
    schema: 'nvcheck/desk@1',
    exported_on: '2026-12-01',
    consultant: 'Chan Tai Man',
    clients: inputs.map((enterprise, i) => ({
      enterprise,
      label: `Client ${i}`,
      notes: { enterprise: '<script>alert(1)</script> 辅导记录', records: { p1: 'Asked the authority for the decision.' } },
    })),
  };
  assert.ok(validate.desk(desk), problems(validate.desk));
  assert.ok(validate.desk({ schema: 'nvcheck/desk@1', clients: [{ enterprise: inputs[0] }] }), problems(validate.desk));
  const refused = (d, why) => assert.equal(validate.desk(d), false, why);
  refused({ ...desk, schema: 'nvcheck/desk@2' }, 'another version');
  refused({ ...desk, clients: [] }, 'no client');
  refused({ schema: 'nvcheck/desk@1' }, 'no clients at all');
  refused({ ...desk, clients: [{ notes: {} }] }, 'a client without its enterprise');
  refused({ ...desk, clients: [{ enterprise: { ...inputs[0], schema: 'nvcheck/enterprise@9' } }] }, 'an enterprise its schema refuses');
  refused({ ...desk, clients: [{ enterprise: inputs[0], notes: { enterprise: 1 } }] }, 'a note that is not text');
  refused({ ...desk, clients: [{ enterprise: inputs[0], notes: { records: { p1: ['x'] } } }] }, 'a record note that is not text');
  refused({ ...desk, clients: [{ enterprise: inputs[0], evaluated: true }] }, 'a key the desk does not have');
  refused({ ...desk, exported_on: '2026-13-01' }, 'a date that is not one');
});
