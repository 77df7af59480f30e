// browser.rules_edited: rules that are not the built-in ones are said on the page (issue 15): a
// rule file loaded with the page's loader shows the "edited rules" mark with its version and the
// list of what it changes from the built-in rules, in the page language; the draft report says so
// too. At phone (390 px) and desktop (1280 px) widths, in Debian's chromium.
//
//   tools/build-site.sh && node --test tests/browser/rules-edited.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAll } from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const shotsDir = path.join(here, 'screenshots');

// The server and the browser: the suite's own (helpers.mjs).
let env;
before(async () => { env = await startAll(); });
after(async () => { if (env) await env.stop(); });

async function open(t, width) {
  const context = await env.browser.newContext({ viewport: { width, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  t.after(() => context.close());
  await page.goto(env.base);
  await page.waitForSelector('.verdict');
  return { page, problems };
}

async function setLang(page, lang) {
  await page.click(`.lang-switch [data-lang="${lang}"]`);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

// The shipped rules with a new version, a longer 6.2.1 window and Appendix A's first entry removed.
function editedRules() {
  const rules = JSON.parse(fs.readFileSync(path.join(root, 'rules', 'wq179.json'), 'utf8'));
  rules.version = 'edited-test-7';
  rules.indicators[0].window_months = 24;
  rules.appendix_a.shift();
  return Buffer.from(JSON.stringify(rules));
}

const items = (page) => page.locator('#rules-edited .rules-diff li').allTextContents();

for (const width of [390, 1280]) {
  test(`browser.rules_edited an edited rule file shows the mark, its version and the changes; the report says so (${width} px)`, async (t) => {
    const { page, problems } = await open(t, width);
    await setLang(page, 'en');
    await page.click('[data-sample="gd-pass"]');
    await page.waitForSelector('.notice[data-kind="sample"]');
    // The built-in rules (and the same rules served beside the page): no mark.
    assert.equal(await page.locator('#rules-edited').isVisible(), false);

    await page.setInputFiles('#rules-input', { name: 'edited.json', mimeType: 'application/json', buffer: editedRules() });
    await page.waitForSelector('.notice[data-kind="rules-loaded"]');
    const mark = page.locator('#rules-edited .rules-edited-mark');
    assert.ok(await mark.isVisible());
    assert.equal(await mark.innerText(), 'Edited rule data: WQ-179 version edited-test-7, not the built-in rules.');
    assert.equal(await page.locator('#rules-edited summary').innerText(), 'Changes from the built-in rules (3)');
    await page.click('#rules-edited summary');
    assert.deepEqual(await items(page), [
      'Version: 2026.11-1 → edited-test-7',
      '6.2.1 Administrative penalty: window 12 → 24 months',
      'Appendix A: "A01 Hong Kong China Chamber of Commerce" removed',
    ]);
    // Nothing wider than the screen.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
    await page.locator('#rules-edited').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shotsDir, `rules-edited-${width}-en.png`) });

    // In the page language, the list kept open.
    await setLang(page, 'zh-Hans');
    assert.equal(await mark.innerText(), '规则数据已修改：WQ-179 版本 edited-test-7，不是内置规则。');
    assert.ok(await page.locator('#rules-edited details').evaluate((d) => d.open));
    assert.equal((await items(page))[1], '6.2.1 行政处罚：期限 12 → 24 个月');
    await page.screenshot({ path: path.join(shotsDir, `rules-edited-${width}-zh-Hans.png`) });
    await setLang(page, 'zh-Hant');
    assert.equal((await items(page))[2], '附錄 A：刪除「A01 香港中國商會」');
    await page.screenshot({ path: path.join(shotsDir, `rules-edited-${width}-zh-Hant.png`) });

    // The draft report carries the notice with the version.
    await page.click('#report-show');
    const notice = page.frameLocator('iframe.report-frame').locator('.edited-rules');
    await notice.waitFor({ timeout: 5000 });
    assert.match(await notice.innerText(), /edited-test-7/);
    assert.match(await notice.innerText(), /規則資料經過修改/);

    // A reload brings the built-in rules back: no mark.
    await page.reload();
    await page.waitForSelector('.verdict');
    assert.equal(await page.locator('#rules-edited').isVisible(), false);
    assert.deepEqual(problems, []);
  });
}

// The page remembers the engine's last result by its text and options (evaluation.js): rules
// loaded from a file must be evaluated afresh, not answered with the built-in rules' result.
test('browser.rules_edited the same enterprise under rules loaded from a file gets their verdict', async (t) => {
  const { page, problems } = await open(t, 1280);
  await setLang(page, 'en');
  await page.click('[data-sample="gd-pass"]');
  await page.waitForSelector('.notice[data-kind="sample"]');
  await page.waitForFunction(() => document.querySelector('#result-body .verdict')?.dataset.verdict === 'pass');
  const rules = JSON.parse(fs.readFileSync(path.join(root, 'rules', 'wq179.json'), 'utf8'));
  rules.version = 'edited-test-8';
  rules.basic_requirements[0].months = 1200;  // 6.1.1: incorporated for 100 years
  await page.setInputFiles('#rules-input', { name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(rules)) });
  await page.waitForSelector('.notice[data-kind="rules-loaded"]');
  await page.waitForFunction(() => document.querySelector('#result-body .verdict')?.dataset.verdict === 'fail', null, { timeout: 10000 });
  assert.deepEqual(problems, []);
});
