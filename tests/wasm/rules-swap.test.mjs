// Swapping the rule data in the module never changes a result (issue 15): setRules with copies of
// the standard that only add an Appendix A entry, many times, and every golden case compared with
// what the built-in rules give; a bad rule set is refused with its problems and the rules stay.
//
//   node --test tests/wasm/rules-swap.test.mjs
// Environment: NVCHECK_WASM_DIR (default build-wasm/wasm), NVCHECK_CASES_DIR (default tests/cases).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WASM_DIR = path.resolve(process.env.NVCHECK_WASM_DIR || path.join(ROOT, 'build-wasm/wasm'));
const CASES = path.resolve(process.env.NVCHECK_CASES_DIR || path.join(ROOT, 'tests/cases'));
const LANGS = ['en', 'zh-Hans', 'zh-Hant'];

const engine = await import(pathToFileURL(path.join(WASM_DIR, 'engine.mjs')).href);
await engine.load({ wasmBinary: fs.readFileSync(path.join(WASM_DIR, 'nvcheck.wasm')) });

const standard = fs.readFileSync(path.join(ROOT, 'rules/wq179.json'), 'utf8');

function inputs() {
  const out = [];
  for (const dir of ['good', 'invalid']) {
    for (const name of fs.readdirSync(path.join(CASES, dir)).sort()) {
      if (name.endsWith('.json') && !name.includes('.expect.')) out.push(fs.readFileSync(path.join(CASES, dir, name), 'utf8'));
    }
  }
  return out;
}

// The standard with one more Appendix A entry: the same allocation sizes round after round. The
// rule id and version are kept, so the results' "rules" member is the built-in one's but for
// "edited", true for these rules (their content is not the built-in set's).
function copyWithEntry(round) {
  const s = JSON.parse(standard);
  s.appendix_a.push({ id: 'A33', region: 'GD', name: `新商会${round % 10}`, 'zh-Hant': '新商會', en: 'New Chamber' });
  return JSON.stringify(s);
}

// A built-in result as the same rules marked as edited give it (the first "rules" member).
const edited = (text) => text.replace('"edited":false}', '"edited":true}');

test('setRules many times: every golden case gives what the built-in rules give', () => {
  const cases = inputs();
  assert.ok(cases.length > 20);
  const options = LANGS.map((lang) => ({ lang, today: '2026-06-01' }));
  const want = cases.map((c) => options.map((o) => [engine.evaluate(c, o), engine.plan(c, o)]));
  const builtinSummary = engine.rulesSummary();
  let compared = 0;
  for (let round = 0; round < 300; round++) {
    engine.setRules(copyWithEntry(round));
    // A few cases each round, every case over the rounds (the swap is what is tested).
    for (let k = round % 4; k < cases.length; k += 4) {
      options.forEach((o, l) => {
        assert.equal(engine.evaluate(cases[k], o), edited(want[k][l][0]), `round ${round}, case ${k}, ${o.lang}`);
        assert.equal(engine.plan(cases[k], o), edited(want[k][l][1]), `round ${round}, case ${k}, ${o.lang}`);
        compared += 2;
      });
    }
  }
  assert.ok(compared > 1000);
  engine.setRules(standard);
  assert.equal(engine.rulesSummary().texts['reason.annulled'].en, builtinSummary.texts['reason.annulled'].en);
  assert.equal(engine.evaluate(cases[0], options[0]), want[0][0][0]);  // the shipped rules: not edited
});

test('setRules refuses a bad rule set with every problem in three languages, and the rules stay', () => {
  const s = JSON.parse(standard);
  s.indicators[0].window_months = 141110341;
  s.indicators[7].threshold = 2.5;
  s.basic_requirements[0].months = 1e10;
  const before = engine.rulesSummary().version;
  assert.throws(() => engine.setRules(JSON.stringify(s)), (err) => {
    assert.equal(err.name, 'NvcheckError');
    assert.equal(err.problems.length, 3);
    const paths = err.problems.map((p) => p.path).sort();
    assert.deepEqual(paths, ['/basic_requirements/0/months', '/indicators/0/window_months', '/indicators/7/threshold']);
    const window = err.problems.find((p) => p.path === '/indicators/0/window_months');
    assert.equal(window.message.en, 'wq179.json, /indicators/0/window_months: 141110341 is out of range; it must be a whole number from 1 to 1200.');
    assert.match(window.message['zh-Hans'], /超出范围/);
    assert.match(window.message['zh-Hant'], /超出範圍/);
    return true;
  });
  assert.equal(engine.rulesSummary().version, before);
  // 1e10 was accepted by the module before (an out-of-range double to int conversion).
  const t = JSON.parse(standard);
  t.indicators[0].window_months = 1e10;
  assert.throws(() => engine.setRules(JSON.stringify(t)), (err) => ['not_integer', 'out_of_range'].includes(err.problems[0].code));
});
