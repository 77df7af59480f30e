// The npm package (tools/build-npm.sh): its tarball installs offline into an empty project, and
// there, under Node, `import 'nvcheck'` gives the golden bytes; its name, version and rule data are
// the engine's; the declarations name every call the adapter exports.
//   tools/build-npm.sh && node --test tests/npm/
// Environment: NVCHECK_NPM_TGZ (default: the one dist/nvcheck-*.tgz).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(ROOT, 'dist');
const tgzs = fs.existsSync(dist) ? fs.readdirSync(dist).filter((f) => /^nvcheck-.*\.tgz$/.test(f)) : [];
const TGZ = process.env.NVCHECK_NPM_TGZ || (tgzs.length === 1 ? path.join(dist, tgzs[0]) : null);
if (!TGZ || !fs.existsSync(TGZ)) throw new Error('no dist/nvcheck-*.tgz: run tools/build-npm.sh (or set NVCHECK_NPM_TGZ)');

// An empty project with the tarball installed, offline (the package has no dependencies).
const project = fs.mkdtempSync(path.join(os.tmpdir(), 'nvcheck-npm-'));
process.on('exit', () => fs.rmSync(project, { recursive: true, force: true }));
fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', TGZ], { cwd: project, stdio: 'pipe' });
const installed = path.join(project, 'node_modules/nvcheck');

// Runs a script inside the project (so that 'nvcheck' resolves as any user's import does).
function runInProject(source, input = '') {
  const file = path.join(project, `run-${process.hrtime.bigint()}.mjs`);
  fs.writeFileSync(file, source);
  return execFileSync(process.execPath, [file], { cwd: project, input, maxBuffer: 64 << 20 }).toString('utf8');
}

test('the installed package evaluates and plans a golden case byte for byte, in three languages', () => {
  const cases = ['01-gd-pass-on-anniversaries', '20-mo-complaint-resolution-changes-or-not', '11-hk-coercion-release'];
  const script = `
    import * as nvcheck from 'nvcheck';
    import { readFileSync } from 'node:fs';
    await nvcheck.load();
    const out = {};
    for (const [name, file, on] of JSON.parse(readFileSync(0, 'utf8'))) {
      for (const lang of ['en', 'zh-Hans', 'zh-Hant']) {
        const text = readFileSync(file, 'utf8');
        const options = on ? { lang, on } : { lang };
        out[name + '.' + lang + '.result.json'] = nvcheck.evaluate(text, options) + '\\n';
        out[name + '.' + lang + '.plan.json'] = nvcheck.plan(text, options) + '\\n';
      }
    }
    process.stdout.write(JSON.stringify(out));`;
  const input = cases.map((c) => {
    const expect = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/cases/good', `${c}.expect.json`), 'utf8'));
    return [c, path.join(ROOT, 'tests/cases/good', `${c}.json`), expect.on ?? null];
  });
  const out = JSON.parse(runInProject(script, JSON.stringify(input)));
  assert.equal(Object.keys(out).length, cases.length * 6);
  for (const [name, text] of Object.entries(out)) {
    assert.equal(text, fs.readFileSync(path.join(ROOT, 'tests/cases/golden/good', name), 'utf8'), name);
  }
});

test("the package's name and version are the engine's, and it names the rule data the module carries", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
  const got = JSON.parse(runInProject(`
    import * as nvcheck from 'nvcheck';
    await nvcheck.load();
    const s = nvcheck.rulesSummary();
    process.stdout.write(JSON.stringify({ version: nvcheck.version(), id: s.id, rules: s.version }));`));
  assert.equal(pkg.name, 'nvcheck');
  assert.equal(pkg.version, got.version);
  assert.deepEqual(pkg.nvcheck, { engine: got.version, rules: { id: got.id, version: got.rules } });
  const cmake = fs.readFileSync(path.join(ROOT, 'CMakeLists.txt'), 'utf8');
  assert.equal(pkg.version, /project\(nvcheck\s+VERSION\s+([0-9.]+)/.exec(cmake)[1]);
  assert.equal(path.basename(TGZ), `nvcheck-${pkg.version}.tgz`);
});

test('an invalid file is a result, not an exception; the package holds only its own files', () => {
  const out = runInProject(`
    import * as nvcheck from 'nvcheck';
    await nvcheck.load();
    process.stdout.write(nvcheck.evaluate('{ not json'));`);
  assert.equal(JSON.parse(out).verdict, 'invalid');
  assert.deepEqual(fs.readdirSync(installed).sort(),
    ['README.md', 'engine.mjs', 'index.d.ts', 'index.mjs', 'nvcheck.mjs', 'nvcheck.wasm', 'package.json']);
  const readme = fs.readFileSync(path.join(installed, 'README.md'), 'utf8');
  const example = /```js\n([\s\S]*?)```/.exec(readme)[1].trim().split('\n');
  assert.ok(example.length <= 10, `the README's example has ${example.length} lines`);
});

test('index.d.ts declares every function the package exports', async () => {
  const names = Object.keys(JSON.parse(runInProject(`
    import * as nvcheck from 'nvcheck';
    process.stdout.write(JSON.stringify(Object.fromEntries(Object.keys(nvcheck).map((k) => [k, 1]))));`)));
  const dts = fs.readFileSync(path.join(installed, 'index.d.ts'), 'utf8');
  assert.ok(names.length >= 9, names.join());
  for (const name of names) {
    assert.match(dts, new RegExp(`export (declare )?(function|class) ${name}\\b`), `${name} is not declared`);
  }
});
