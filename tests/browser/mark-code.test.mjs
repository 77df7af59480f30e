// browser.mark-code: clause 7.4's "check a mark code" box, and the report's language choice with
// its download name, in Debian's chromium (playwright-core, no browser download).
//
//   tools/build-site.sh && (cd tests/browser && npm ci) && node --test tests/browser/mark-code.test.mjs
//
// The box must say what `nvcheck mark-code CODE --format text` says, word for word, in each
// language: the expected lines come from the native CLI (NVCHECK_BUILD_DIR, default build/).
// Screenshots go to tests/browser/screenshots/ (390 px and 1280 px, three languages).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { LAUNCH, startServer } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const siteDir = process.env.NVCHECK_SITE_DIR || path.join(root, 'dist', 'site');
const cli = path.resolve(root, process.env.NVCHECK_BUILD_DIR || 'build', 'cli', 'nvcheck');
const shotsDir = path.join(here, 'screenshots');

let server;
let base;
let browser;

before(async () => {
  assert.ok(fs.existsSync(path.join(siteDir, 'index.html')), `no site in ${siteDir}: run tools/build-site.sh first`);
  assert.ok(fs.existsSync(cli), `no ${cli}: build the command line first`);
  fs.mkdirSync(shotsDir, { recursive: true });
  const s = await startServer(root, siteDir);
  server = s.child;
  base = s.url;
  browser = await chromium.launch(LAUNCH);
});

after(async () => {
  if (browser) await browser.close();
  if (server) {
    server.removeAllListeners('exit');
    const gone = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await gone;
  }
});

async function open(t, { lang = 'en', width = 1280 } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-US', acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content.Security.Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  t.after(() => context.close());
  await page.goto(base);
  await page.waitForSelector('.verdict');
  if (lang !== 'en') {
    await page.click(`.lang-switch [data-lang="${lang}"]`);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  }
  return { page, problems };
}

/** What `nvcheck mark-code CODE --format text` prints, as lines without indents and list dashes. */
function cliLines(code, lang) {
  let out;
  try {
    out = execFileSync(cli, ['mark-code', code, '--lang', lang, '--format', 'text'], { encoding: 'utf8' });
  } catch (err) {
    out = err.stdout;  // exit 1: not well formed
  }
  return out.split('\n').map((l) => l.trim().replace(/^- /, '').replace(/\s+/g, ' ')).filter(Boolean);
}

/** The box's answer, as lines (the verdict's check mark left out). */
async function pageLines(page) {
  const text = await page.locator('#mark-code-out').innerText();
  return text.split('\n').map((l) => l.trim().replace(/^[\u2713\u2717] /, '').replace(/\s+/g, ' ')).filter(Boolean);
}

const CODES = [
  '440115 123 20250101 1234',   // well formed, a known division
  '440115123202501011234',      // the same without spaces
  '440199 123 20250101 1234',   // well formed, a division missing from the rule data (a note)
  '990115 12 2025013 1234',     // wrong length and outside the Greater Bay Area
  '810000 123 20250230 1234',   // not a real date
  '44O115 123 20250101 1234',   // a letter O
  '4401 15 123 20250101 1234',  // spaces inside a part
];

for (const lang of ['zh-Hans', 'zh-Hant', 'en']) {
  test(`browser.mark-code the box says what nvcheck mark-code says (${lang})`, async (t) => {
    const { page, problems } = await open(t, { lang });
    await page.locator('#mark-code').scrollIntoViewIfNeeded();
    // Nothing entered: the box asks for a code, and says nothing of its form.
    await page.click('#mark-code-btn');
    assert.ok((await pageLines(page)).length === 1);
    for (const code of CODES) {
      await page.fill('#mark-code-input', code);
      await page.click('#mark-code-btn');
      const want = cliLines(code, lang);
      assert.ok(want.length >= 1, code);
      assert.deepEqual(await pageLines(page), want, code);
      const wellFormed = await page.locator('#mark-code-out [data-well-formed]').getAttribute('data-well-formed');
      assert.equal(wellFormed, String(want.length >= 2 && !/not well formed|不正确|不正確/.test(want[0])), code);
    }
    // Enter checks too; a language switch says the same answer in the other language.
    await page.fill('#mark-code-input', CODES[0]);
    await page.press('#mark-code-input', 'Enter');
    assert.deepEqual(await pageLines(page), cliLines(CODES[0], lang));
    const other = lang === 'en' ? 'zh-Hant' : 'en';
    await page.click(`.lang-switch [data-lang="${other}"]`);
    await page.waitForFunction((l) => document.documentElement.lang === l, other);
    assert.deepEqual(await pageLines(page), cliLines(CODES[0], other));
    assert.deepEqual(problems, []);
  });
}

for (const width of [390, 1280]) {
  for (const lang of ['zh-Hans', 'zh-Hant', 'en']) {
    test(`browser.mark-code screenshot ${lang} at ${width} px`, async (t) => {
      const { page, problems } = await open(t, { lang, width });
      await page.fill('#mark-code-input', CODES[3]);
      await page.click('#mark-code-btn');
      await page.locator('#mark-code').scrollIntoViewIfNeeded();
      // The box fits the width (no sideways scrolling on a phone).
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `page wider than the viewport by ${overflow} px`);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await page.screenshot({ path: path.join(shotsDir, `mark-code-${lang}-${width}.png`) });
      assert.deepEqual(problems, []);
    });
  }
}

test('browser.mark-code the report in three languages at once, downloaded under the enterprise\'s name', async (t) => {
  const { page, problems } = await open(t, { lang: 'zh-Hant' });
  await page.click('[data-sample="hk-complaints"]');
  await page.waitForSelector('.notice[data-kind="sample"]');
  await page.waitForTimeout(250);
  const options = await page.locator('#report-lang option').allTextContents();
  assert.deepEqual(options, ['简体', '繁體', 'English', '三语 · 三語 · Trilingual']);
  assert.equal(await page.locator('#report-lang').inputValue(), 'zh-Hant');  // the page's language first
  await page.click('#report-show');
  const frame = page.frameLocator('iframe.report-frame');
  await frame.locator('body').filter({ hasText: '通訊位址' }).waitFor({ timeout: 5000 });
  await page.selectOption('#report-lang', 'all');
  // Table E.1's labels in their three printed forms.
  await frame.locator('body').filter({ hasText: 'Nature of Business' }).waitFor({ timeout: 5000 });
  for (const label of ['通讯地址', '通訊位址', 'Address', '经营范围', '經營範圍', '守法状况', 'Illegal / Compliance with legal']) {
    assert.ok(await frame.locator('body').filter({ hasText: label }).count(), label);
  }
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('text=下載 HTML')]);
  const name = dl.suggestedFilename();
  assert.match(name, /^nvcheck-report-示例物流-香港-有限公司-\d{4}-\d{2}-\d{2}-all\.html$/);
  const html = fs.readFileSync(await dl.path(), 'utf8');
  assert.match(html, /<span lang="zh-Hant">通訊位址<\/span>/);
  // The choice stays when the page's language changes; back to the page's language on request.
  await page.click('.lang-switch [data-lang="en"]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.locator('#report-lang').inputValue(), 'all');
  await page.selectOption('#report-lang', 'en');
  await frame.locator('body').filter({ hasText: 'Nature of Business (business scope)' }).waitFor({ timeout: 5000 });
  const [dl2] = await Promise.all([page.waitForEvent('download'), page.click('text=Download HTML')]);
  assert.match(dl2.suggestedFilename(), /-en\.html$/);
  assert.deepEqual(problems, []);
});

test('browser.mark-code the download name keeps only letters and digits of the enterprise\'s name', async () => {
  const { reportFileName } = await import(path.join(siteDir, 'report-view.js'))  // the built page: its imports (the adapter) are there;
  assert.equal(reportFileName('示例物流（香港）有限公司', '2026-12-01', 'zh-Hant'), 'nvcheck-report-示例物流-香港-有限公司-2026-12-01-zh-Hant.html');
  for (const hostile of ['../../etc/passwd', '<script>alert(1)</script>', 'a\\b:c*d?"e|f', '\u202Egnp.exe', 'CON\u0000.txt']) {
    const name = reportFileName(hostile, '2026-12-01', 'en');
    assert.match(name, /^nvcheck-report-[\p{L}\p{N}-]+-2026-12-01-en\.html$/u, hostile);
    assert.ok(!name.includes('..') && !/[\\/<>:"|?*\u0000-\u001f\u202e]/.test(name), name);
  }
  assert.equal(reportFileName('', '2026-12-01', 'all'), 'nvcheck-report-enterprise-2026-12-01-all.html');
  assert.equal(reportFileName('x', 'not a date', 'en'), 'nvcheck-report-x-undated-en.html');
  assert.equal(Array.from(reportFileName('长'.repeat(200), '2026-12-01', 'en')).length, 'nvcheck-report--2026-12-01-en.html'.length + 60);
});
