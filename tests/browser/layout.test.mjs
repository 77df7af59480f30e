// browser.layout: the page on any screen (issue 13, item 3). No horizontal overflow at 320, 390
// and 1280 px with every sample loaded and its records opened; the answer bar (verdict, earliest
// pass date, first thing to do, language switch) in view deep in the form, and a language switch
// keeps the reader's place; layout shift within its budget on a first visit and on a reload with a
// saved enterprise (PerformanceObserver 'layout-shift': a layout budget, not a timing).
// Screenshots at 320, 390 and 1280 px in three languages go to tests/browser/screenshots/.
//
//   tools/build-site.sh && (cd tests/browser && npm ci) && node --test tests/browser/layout.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { LAUNCH, startServer } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const siteDir = process.env.NVCHECK_SITE_DIR || path.join(root, 'dist', 'site');
const shotsDir = path.join(here, 'screenshots');
const SAMPLES = JSON.parse(fs.readFileSync(path.join(root, 'web', 'samples', 'index.json'), 'utf8')).samples;
const LOCALE = { 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-HK', en: 'en-US' };
const CLS_BUDGET = 0.05;

let server;
let base;
let browser;

before(async () => {
  assert.ok(fs.existsSync(path.join(siteDir, 'index.html')), `no site in ${siteDir}: run tools/build-site.sh first`);
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

/** A fresh context at `width` (a phone: touch and mobile viewport) with the page in `lang`. */
async function open(t, width, lang, { init } = {}) {
  const phone = width < 800;
  const context = await browser.newContext({
    viewport: { width, height: phone ? 844 : 900 }, isMobile: phone, hasTouch: phone, locale: LOCALE[lang],
  });
  t.after(() => context.close());
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  return { context, page, problems };
}

async function ready(page) {
  await page.waitForSelector('#result-body .verdict');
  await page.waitForSelector('#plan-body > *');
}

async function loadSample(page, id) {
  await page.click(`[data-sample="${id}"]`);
  await page.waitForSelector('.notice[data-kind="sample"]');
  await page.waitForTimeout(250);  // the page evaluates 150 ms after a change
}

async function frames(page, n = 2) {
  await page.evaluate((k) => new Promise((r) => {
    const step = (i) => (i ? requestAnimationFrame(() => step(i - 1)) : r());
    step(k);
  }), n);
}

/**
 * The document's width, and every element that reaches past the screen's width (not inside a
 * scroller). The screen's width, not innerWidth: a phone zooms a wider page out to fit, and its
 * innerWidth is then the page's.
 */
function overflow(page, width) {
  return page.evaluate((iw) => {
    const wide = [];
    for (const el of document.querySelectorAll('body *')) {
      const b = el.getBoundingClientRect();
      if (!b.width || (b.right <= iw + 0.5 && b.left >= -0.5)) continue;
      let inScroller = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') { inScroller = true; break; }
      }
      if (!inScroller && getComputedStyle(el).position !== 'fixed' && !el.closest('.sr-only, .skip-link')) {
        wide.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${Math.round(b.left)}..${Math.round(b.right)}`);
      }
    }
    return { scrollWidth: Math.max(document.scrollingElement.scrollWidth, window.innerWidth), innerWidth: iw, wide: wide.slice(0, 10) };
  }, width);
}

test('browser.layout the sample buttons in index.html are the samples of samples/index.json, in three languages', async () => {
  const html = fs.readFileSync(path.join(root, 'web', 'index.html'), 'utf8');
  const inHtml = [...html.matchAll(/<button[^>]*data-sample="([^"]+)"[^>]*>(.*?)<\/button>/g)].map((m) => [m[1],
    Object.fromEntries([...m[2].matchAll(/<span lang="([^"]+)">([^<]*)<\/span>/g)].map((s) => [s[1], s[2]]))]);
  assert.deepEqual(inHtml, SAMPLES.map((s) => [s.id, s.title]));
});

for (const width of [320, 390, 1280]) {
  test(`browser.layout no horizontal overflow at ${width} px: every sample, records and tables open, three languages`, async (t) => {
    const { page, problems } = await open(t, width, 'en');
    await page.goto(base);
    await ready(page);
    await page.click('#report-show');  // the report frame stays shown from now on
    for (const lang of ['en', 'zh-Hant', 'zh-Hans']) {
      await page.click(`.lang-switch [data-lang="${lang}"]`);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      for (const s of SAMPLES) {
        await loadSample(page, s.id);
        await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
        await frames(page);
        const o = await overflow(page, width);
        assert.ok(o.scrollWidth <= o.innerWidth && o.wide.length === 0,
          `${width} px, ${lang}, ${s.id}: document ${o.scrollWidth} px wide in ${o.innerWidth}: ${o.wide.join('; ')}`);
      }
      // What a person sees: the top, and deep in the form with the answer bar over it.
      await loadSample(page, 'hk-complaints');
      await page.evaluate(() => window.scrollTo(0, 0));
      await frames(page);
      await page.screenshot({ path: path.join(shotsDir, `layout-${width}-${lang}-top.png`) });
      await page.locator('[id="ind-6.2.8"]').evaluate((el) => el.scrollIntoView());
      await frames(page);
      await page.screenshot({ path: path.join(shotsDir, `layout-${width}-${lang}-form.png`) });
    }
    assert.deepEqual(problems, []);
  });
}

test('browser.layout deep in the form the answer bar shows the verdict, the earliest date and the first step; a language switch keeps the place', async (t) => {
  for (const [width, lang] of [[320, 'zh-Hant'], [375, 'en'], [390, 'en'], [1280, 'en'], [1280, 'zh-Hans']]) {
    const { page, problems } = await open(t, width, lang);
    await page.goto(base);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    await ready(page);
    await loadSample(page, 'hk-complaints');
    const earliest = await page.locator('#result-body .verdict-earliest').getAttribute('data-earliest');
    assert.match(earliest, /^\d{4}-\d{2}-\d{2}$/);
    const anchor = page.locator('[id="ind-6.2.8"]');
    await anchor.evaluate((el) => el.scrollIntoView());  // just under the bar (scroll-margin-top)
    await frames(page);
    const inView = (sel) => page.locator(sel).evaluate((el) => {
      const b = el.getBoundingClientRect();
      return b.width > 0 && b.height > 0 && b.top >= 0 && b.bottom <= window.innerHeight &&
        document.elementFromPoint(b.left + Math.min(8, b.width / 2), b.top + b.height / 2)?.closest('#answer-bar') !== null;
    });
    assert.ok(await page.evaluate(() => window.scrollY) > 2000, 'deep in the form');
    for (const sel of ['#status-pill', '#bar-next', '.lang-switch [data-lang="zh-Hant"]']) assert.ok(await inView(sel), `${width} px: ${sel} in view`);
    // The pill holds the verdict and the earliest date (the whole text, not cut: a phone may take two lines).
    // Cut: more than the pill's height (the first line clipped at the top), or more lines than
    // its text's span shows (an ellipsis).
    const pill = await page.locator('#status-pill').evaluate((el) => {
      const over = (e) => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1;
      const span = el.querySelector('.pill-text');
      return { text: el.textContent, cut: over(el) || !span || over(span) };
    });
    const [fail, human] = await page.evaluate(async (iso) => {
      // The page's strings module on its own (the page runs its bundled copy): told the page's
      // language and the engine's way of writing dates, as the page's start tells its own.
      const i18n = await import('./i18n.js');
      const engine = await import('./engine.mjs');
      i18n.setLang(document.documentElement.lang);
      i18n.useDateWriter(engine.humanDate);
      return [i18n.t('result.fail'), i18n.humanDate(iso)];
    }, earliest);
    assert.ok(pill.text.startsWith(fail) && pill.text.includes(human), `${width} px pill: ${pill.text}`);
    assert.equal(pill.cut, false, `${width} px: the pill's text is cut: ${pill.text}`);
    const plan = await page.locator('#plan-body li.action .action-text').first().textContent();
    assert.ok((await page.locator('#bar-next').textContent()).includes(plan), `${width} px: first step ${plan}`);
    // ... and its words show, not an ellipsis after the label (at 1280 px it was cut to "N…"):
    // its box takes at least a third of the bar, or all the phone's width but the margins.
    const room = await page.evaluate(() => [document.getElementById('bar-next').clientWidth, document.getElementById('answer-bar').clientWidth]);
    assert.ok(room[0] >= Math.min(room[1] / 3, room[1] - 40), `${width} px: the first step has ${room[0]} of ${room[1]} px`);
    // Switching language keeps the place: the indicator under the bar stays where it was.
    const before = await anchor.evaluate((el) => el.getBoundingClientRect().top);
    for (const other of ['zh-Hant', 'en', 'zh-Hans'].filter((l) => l !== lang).concat(lang)) {
      // A tap where the button is (page.click would first scroll the sticky bar's button "into
      // view", out of the scroll padding, and so move the page itself).
      await page.locator(`.lang-switch [data-lang="${other}"]`).dispatchEvent('click');
      await page.waitForFunction((l) => document.documentElement.lang === l, other);
      await frames(page, 3);
      const now = await anchor.evaluate((el) => el.getBoundingClientRect().top);
      assert.ok(Math.abs(now - before) <= 8, `${width} px, ${other}: the form moved from ${before} to ${now} on screen`);
    }
    assert.ok(await inView('#status-pill'));
    assert.deepEqual(problems, []);
  }
});

// Every shift is summed (no input is given while measuring): PerformanceObserver, buffered.
function measureShifts() {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__shifts.push({ value: e.value, sources: e.sources.map((s) => (s.node && (s.node.id || s.node.className || s.node.nodeName)) || '?') });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

async function shifts(page) {
  await ready(page);
  await page.waitForSelector('#timeline-body > *', { state: 'attached' });
  await page.waitForTimeout(600);
  await frames(page, 3);
  const list = await page.evaluate(() => window.__shifts);
  return { total: list.reduce((a, e) => a + e.value, 0), list };
}

for (const [width, lang] of [[390, 'en'], [390, 'zh-Hans'], [1280, 'en'], [1280, 'zh-Hant']]) {
  test(`browser.layout layout shift at most ${CLS_BUDGET} at ${width} px (${lang}): a first visit and a reload with a saved enterprise`, async (t) => {
    const { page, problems } = await open(t, width, lang, { init: measureShifts });
    await page.goto(base);
    const first = await shifts(page);
    assert.ok(first.total <= CLS_BUDGET, `first visit: ${first.total.toFixed(3)} ${JSON.stringify(first.list)}`);
    await loadSample(page, 'gd-many-records');
    await page.waitForTimeout(300);  // autosaved
    await page.reload();
    const again = await shifts(page);
    assert.equal(await page.locator('#result-body .verdict').getAttribute('data-verdict'), 'fail');
    assert.ok(again.total <= CLS_BUDGET, `reload: ${again.total.toFixed(3)} ${JSON.stringify(again.list)}`);
    assert.deepEqual(problems, []);
  });
}
