// The module's view calls (issue 15, item 4): whatIf gives what the file edited by hand gives, for
// every action the demo samples' plans list; humanDate writes dates as the engine's texts do;
// limits() is the limit the engine refuses a file by; every failure comes back one way (an
// NvcheckError with a code), through embind and the byte door alike.
//
//   node --test tests/wasm/views.test.mjs
// Environment: NVCHECK_WASM_DIR (default build-wasm/wasm).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WASM_DIR = path.resolve(process.env.NVCHECK_WASM_DIR || path.join(ROOT, 'build-wasm/wasm'));
const engine = await import(pathToFileURL(path.join(WASM_DIR, 'engine.mjs')).href);
await engine.load({ wasmBinary: fs.readFileSync(path.join(WASM_DIR, 'nvcheck.wasm')) });

const END = {
  release_coercion: 'released_on', perform_judgment: 'performed_on', close_criminal_case: 'closed_on',
  end_measure: 'ended_on', resolve_complaint: 'resolved_on', remove_listing: 'removed_on',
};
const samples = fs.readdirSync(path.join(ROOT, 'web/samples')).filter((n) => n.endsWith('.json') && n !== 'index.json').sort();

test('wasm.views whatIf: each action of each sample\'s plan gives what the file edited by hand gives', () => {
  let compared = 0;
  for (const name of samples) {
    const text = fs.readFileSync(path.join(ROOT, 'web/samples', name), 'utf8');
    for (const lang of ['en', 'zh-Hans']) {
      const opts = { lang, on: '2026-11-24', detail: true };
      const plan = JSON.parse(engine.plan(text, opts));
      if (plan.schema !== 'nvcheck/plan@1') continue;
      for (const a of plan.actions) {
        const doc = JSON.parse(text);
        const rec = Object.values(doc.records).flat().find((r) => r.id === a.record);
        rec[END[a.action]] = a.done_on;
        const w = JSON.parse(engine.whatIf(text, [a], opts));
        assert.equal(w.schema, 'nvcheck/what-if@1', name);
        assert.deepEqual(w.result, JSON.parse(engine.evaluate(JSON.stringify(doc), opts)), `${name} ${a.record}`);
        assert.deepEqual(w.changes.map((c) => [c.record, c.field, c.value]), [[a.record, END[a.action], a.done_on]]);
        compared += 1;
      }
    }
  }
  assert.ok(compared >= 4, `compared ${compared}`);
});

test('wasm.views whatIf: an action the plan does not list is the invalid result with bad_action', () => {
  const text = fs.readFileSync(path.join(ROOT, 'web/samples/hk-complaints.json'), 'utf8');
  const r = JSON.parse(engine.whatIf(text, [{ record: 'nobody', clause: '6.2.8', action: 'resolve_complaint', done_on: '2026-11-24' }], { on: '2026-11-24' }));
  assert.equal(r.verdict, 'invalid');
  assert.deepEqual(r.errors.map((e) => e.code), ['bad_action']);
});

test('wasm.views humanDate and limits are the engine\'s', () => {
  assert.equal(engine.humanDate('2027-06-30', 'en'), '30 June 2027');
  assert.equal(engine.humanDate('2027-06-30', 'zh-Hant'), '2027年6月30日');
  assert.equal(engine.humanDate('2027-02-30', 'en'), '');
  const { file_bytes: max } = engine.limits();
  const big = '{"schema":"nvcheck/enterprise@1","x":"' + 'a'.repeat(max) + '"}';
  assert.deepEqual(JSON.parse(engine.evaluate(big, { on: '2026-01-01' })).errors.map((e) => e.code), ['too_large']);
});

test('wasm.views one error convention: a thrown NvcheckError with a code', () => {
  const codeOf = (fn) => { try { fn(); } catch (err) { assert.ok(err instanceof engine.NvcheckError); return err.code; } return null; };
  assert.equal(codeOf(() => engine.setRules('{"id":1}')), 'rules_invalid');
  assert.equal(codeOf(() => engine.checkMarkCode('123', 'xx')), 'bad_argument');
  assert.equal(codeOf(() => engine.humanDate('2027-01-01', 'xx')), 'bad_argument');
  assert.equal(codeOf(() => engine.evaluate(42)), 'bad_argument');
});
