// The npm package in a browser: the files of the packed tarball (dist/nvcheck-*.tgz), served as a
// web app would serve its node_modules/nvcheck/, imported by a page in Debian's chromium, give the
// golden bytes. Nothing but the package's own files is requested.
//   tools/build-npm.sh && (cd tests/browser && npm ci) && node --test tests/npm/browser.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// playwright-core and the launch options are the browser tests' own (tests/browser).
const require = createRequire(path.join(ROOT, 'tests/browser/package.json'));
const { chromium } = require('playwright-core');
const { LAUNCH } = await import(path.join(ROOT, 'tests/browser/harness.mjs'));

const dist = path.join(ROOT, 'dist');
const tgzs = fs.existsSync(dist) ? fs.readdirSync(dist).filter((f) => /^nvcheck-.*\.tgz$/.test(f)) : [];
const TGZ = process.env.NVCHECK_NPM_TGZ || (tgzs.length === 1 ? path.join(dist, tgzs[0]) : null);
if (!TGZ || !fs.existsSync(TGZ)) throw new Error('no dist/nvcheck-*.tgz: run tools/build-npm.sh (or set NVCHECK_NPM_TGZ)');

const unpacked = fs.mkdtempSync(path.join(os.tmpdir(), 'nvcheck-npm-web-'));
process.on('exit', () => fs.rmSync(unpacked, { recursive: true, force: true }));
execFileSync('tar', ['-xzf', TGZ, '-C', unpacked]);
const pkg = path.join(unpacked, 'package');

const ORIGIN = 'http://nvcheck.test';
const TYPES = { '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html', '.json': 'application/json' };
const PAGE = '<!doctype html><meta charset="utf-8"><title>nvcheck from npm</title><script type="module" src="/app.mjs"></script>';
const APP = `import * as nvcheck from '/node_modules/nvcheck/index.mjs';
window.run = async (text, lang) => { await nvcheck.load(); return [nvcheck.evaluate(text, { lang }), nvcheck.plan(text, { lang })]; };
window.ready = true;`;

test('the packed package runs in chromium, imported from its files, and gives the golden bytes', async () => {
  const browser = await chromium.launch(LAUNCH);
  try {
    const page = await browser.newPage();
    const requested = [];
    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      requested.push(url.href);
      if (url.origin !== ORIGIN) return route.abort();
      if (url.pathname === '/') return route.fulfill({ body: PAGE, contentType: TYPES['.html'] });
      if (url.pathname === '/app.mjs') return route.fulfill({ body: APP, contentType: TYPES['.mjs'] });
      const prefix = '/node_modules/nvcheck/';
      if (!url.pathname.startsWith(prefix)) return route.fulfill({ status: 404, body: '' });
      const file = path.join(pkg, url.pathname.slice(prefix.length));
      if (!file.startsWith(pkg) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: '' });
      return route.fulfill({ body: fs.readFileSync(file), contentType: TYPES[path.extname(file)] || 'application/octet-stream' });
    });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(ORIGIN + '/');
    await page.waitForFunction(() => window.ready === true);
    const name = '01-gd-pass-on-anniversaries';
    const text = fs.readFileSync(path.join(ROOT, 'tests/cases/good', `${name}.json`), 'utf8');
    for (const lang of ['en', 'zh-Hans', 'zh-Hant']) {
      const [result, plan] = await page.evaluate(([t, l]) => window.run(t, l), [text, lang]);
      assert.equal(result + '\n', fs.readFileSync(path.join(ROOT, 'tests/cases/golden/good', `${name}.${lang}.result.json`), 'utf8'), `${lang} result`);
      assert.equal(plan + '\n', fs.readFileSync(path.join(ROOT, 'tests/cases/golden/good', `${name}.${lang}.plan.json`), 'utf8'), `${lang} plan`);
    }
    assert.deepEqual(errors, []);
    assert.ok(requested.some((u) => u.endsWith('/node_modules/nvcheck/nvcheck.wasm')), 'the wasm came from the package');
    assert.deepEqual(requested.filter((u) => !u.startsWith(ORIGIN + '/')), [], 'only the package and the page are requested');
  } finally {
    await browser.close();
  }
});
