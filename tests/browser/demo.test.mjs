// browser.demo: the association's demo (issue 16 item 4) in Debian's chromium: the guided tour
// (web/tour.js) runs through every step through the page's own controls, the verdict and the
// earliest pass date move when it adds a record, and the person's own entries are as they were
// afterwards; presentation mode (web/present.js, present.css): no panel scrolling inside itself at
// 1280x720 and at 150 % zoom, the language switch on screen after scrolling, no field cut off, the
// count of requests since loading at zero (and counting one when one is made). Projector (1280x720,
// 1920x1080) and phone (390 px) screenshots in three languages go to
// tests/browser/screenshots/demo-*.png.
//
//   tools/build-site.sh && (cd tests/browser && npm ci) && node --test tests/browser/demo.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAll, open, basics, field, settle, exportText, shot, setLang, loadSample, savedClient } from './helpers.mjs';

const LANGS = ['zh-Hans', 'zh-Hant', 'en'];
const PROJECTOR = { width: 1280, height: 720 };
const FULL_HD = { width: 1920, height: 1080 };
const ZOOM_150 = { width: 853, height: 480 };  // 1280x720 at 150 %
const PHONE = { width: 390, height: 844 };
const STEPS = ['load', 'cards', 'text', 'add', 'verdict', 'timeline', 'whatif', 'end'];

let env;
before(async () => { env = await startAll(); });
after(async () => { if (env) await env.stop(); });

// ---- helpers ----------------------------------------------------------------------------

async function openAt(t, viewport, { url = '', deviceScaleFactor = 1 } = {}) {
  const context = await env.browser.newContext({ viewport, deviceScaleFactor, locale: 'en-US', acceptDownloads: true });
  t.after(() => context.close());
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(env.base + url);
  await page.waitForSelector('#result-body .verdict');
  await page.waitForSelector('section.indicator');
  return { page, problems, context };
}

/** Waits until the tour shows a step (not working on one) and returns its id. */
async function tourStep(page) {
  await page.waitForFunction(() => {
    const p = document.getElementById('tour');
    return p && p.dataset.busy === 'false' && p.dataset.step;
  }, null, { timeout: 15000 });
  const error = await page.locator('#tour').getAttribute('data-error');
  assert.equal(error, 'false', await page.locator('#tour-caption').innerText());
  return page.locator('#tour').getAttribute('data-step');
}

async function shown(page) {
  return page.evaluate(() => ({
    verdict: document.querySelector('#result-body .verdict').dataset.verdict,
    earliest: (document.querySelector('#result-body .verdict-earliest') || {}).textContent || '',
    pill: document.getElementById('status-pill').textContent,
    caption: document.getElementById('tour-caption').textContent,
  }));
}

/** Own entries: a Guangdong enterprise with one answered list, saved in the browser. */
async function ownEntries(page) {
  await basics(page, { name: 'My Own Trading Ltd', region: 'GD', incorporated: '2012-05-06' });
  await page.locator('section.indicator[data-path="/records/judgments"] [data-role="list-answer"] input[value="none"]').check();
  await settle(page);
  return savedClient(page);
}

/** The client the person had open when the tour started (the tour's sample is a client of its own). */
const openClientId = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('nvcheck:desk')).current);
const ownClient = (page, id) => page.evaluate((k) => JSON.parse(localStorage.getItem('nvcheck:client:' + k)), id);

const withoutLang = (s) => ({ doc: s.doc, answers: s.answers, on: s.on });

/**
 * Elements that scroll inside themselves: overflow auto or scroll with more content than room
 * (the form's text boxes aside: a browser scrolls a long value inside its box).
 */
async function innerScrollers(page) {
  return page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
      if (el.matches('input, select, textarea, option') || !el.getClientRects().length) continue;
      const cs = getComputedStyle(el);
      const y = /auto|scroll/.test(cs.overflowY) && el.scrollHeight > el.clientHeight + 1;
      const x = /auto|scroll/.test(cs.overflowX) && el.scrollWidth > el.clientWidth + 1;
      if (x || y) out.push(`${el.tagName.toLowerCase()}#${el.id}.${[...el.classList].join('.')} ${x ? 'x' : ''}${y ? 'y' : ''}`);
    }
    if (document.documentElement.scrollWidth > window.innerWidth + 1) out.push(`page ${document.documentElement.scrollWidth} px wide`);
    return out;
  });
}

/** Fields whose control goes past its field's box or the window (cut off). */
async function cutFields(page) {
  return page.evaluate(() => {
    const out = [];
    for (const c of document.querySelectorAll('main :is(input[type="text"], select)')) {
      if (!c.getClientRects().length) continue;
      const r = c.getBoundingClientRect();
      const box = c.closest('.field, .card, section').getBoundingClientRect();
      if (r.right > box.right + 1 || r.left < box.left - 1 || r.right > window.innerWidth) out.push(c.dataset.path || c.id);
    }
    return out;
  });
}

async function langSwitchOnScreen(page) {
  return page.evaluate(() => {
    const r = document.querySelector('.lang-switch').getBoundingClientRect();
    return r.width > 0 && r.top >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth + 1;
  });
}

async function requestCount(page) {
  await page.waitForFunction(() => document.getElementById('request-count')?.dataset.count !== '', null, { timeout: 15000 });
  return page.evaluate(() => {
    const el = document.getElementById('request-count');
    return { n: el.dataset.count, text: el.textContent, visible: el.getClientRects().length > 0 && getComputedStyle(el).display !== 'none' };
  });
}

// ---- the guided tour --------------------------------------------------------------------

test('browser.demo the tour runs through every step: the verdict and the pass date move; the own entries stay', async (t) => {
  const { page, problems } = await openAt(t, PROJECTOR);
  const saved = await ownEntries(page);
  const ownId = await openClientId(page);
  const exported = await exportText(page);
  const clientsBefore = await page.locator('#client-list [data-client]').count();
  await page.click('#tour-btn');
  const seen = [];
  const at = {};
  for (;;) {
    const step = await tourStep(page);
    seen.push(step);
    at[step] = await shown(page);
    // Nothing of the demo is saved over the person's entries while it runs.
    assert.deepEqual(withoutLang(await ownClient(page, ownId)), withoutLang(saved), step);
    if (step === 'text') {
      assert.equal(await page.evaluate(() => document.getElementById('standard').hidden), false);
      assert.ok(await page.locator('[id="std-6.2.8"].tour-target').isVisible(), 'the clause text is shown');
    }
    if (step === 'end') break;
    await page.locator('#tour [data-tour="next"]').click();
  }
  assert.deepEqual(seen, STEPS);
  assert.equal(at.load.verdict, 'pass', 'the demo enterprise passes');
  assert.equal(at.add.verdict, 'fail', 'the added complaint fails it');
  assert.notEqual(at.add.earliest, at.load.earliest, 'the earliest pass date changed');
  assert.ok(at.add.earliest.length > 0);
  assert.match(at.text.caption, /6\.2\.8/);
  assert.match(at.verdict.caption, /Pass → Fail/);
  assert.equal(at.whatif.verdict, 'pass', 'on the earliest pass date it passes');
  await page.locator('#tour [data-tour="next"]').click();  // Finish
  await page.waitForSelector('#tour', { state: 'detached' });
  await page.waitForSelector('.notice[data-kind="tour"]');
  await settle(page);
  assert.equal(await field(page, '/enterprise/name').inputValue(), 'My Own Trading Ltd');
  assert.deepEqual(withoutLang(await savedClient(page)), withoutLang(saved));
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tour-btn', 'the focus is back on the tour button');
  assert.equal(await exportText(page), exported);
  // The tour's sample was shown, never kept: the desk has the clients it had.
  assert.equal(await page.locator('#client-list [data-client]').count(), clientsBefore);
  assert.equal(await openClientId(page), ownId);
  assert.deepEqual(problems, []);
});

test('browser.demo the tour: keyboard (Back, Escape stops), auto-advance, captions in three languages', async (t) => {
  const { page, problems } = await openAt(t, PROJECTOR);
  const saved = await ownEntries(page);
  await page.focus('#tour-btn');
  await page.keyboard.press('Enter');
  assert.equal(await tourStep(page), 'load');
  assert.ok(await page.evaluate(() => document.getElementById('tour').contains(document.activeElement)), 'focus in the tour');
  await page.locator('#tour [data-tour="next"]').press('Enter');
  assert.equal(await tourStep(page), 'cards');
  await page.locator('#tour [data-tour="next"]').press('Enter');
  assert.equal(await tourStep(page), 'text');
  assert.ok(await page.evaluate(() => document.getElementById('tour').contains(document.activeElement)), 'focus back in the tour after the link');
  // The caption follows the language; its numbers come from the rule data.
  for (const lang of LANGS) {
    await setLang(page, lang);
    const caption = await page.locator('#tour-caption').innerText();
    assert.match(caption, /6\.2\.8/, lang);
    assert.match(caption, /12/, lang);
  }
  await page.locator('#tour [data-tour="back"]').press('Enter');
  assert.equal(await tourStep(page), 'cards');
  assert.equal(await page.evaluate(() => document.getElementById('standard').hidden), true, 'Back leaves the text');
  // Auto-advance: the next step comes by itself.
  await page.locator('#tour [data-tour="play"]').press('Enter');
  assert.equal(await page.locator('#tour [data-tour="play"]').getAttribute('aria-pressed'), 'true');
  await page.waitForFunction(() => document.getElementById('tour').dataset.step === 'text' && document.getElementById('tour').dataset.busy === 'false', null, { timeout: 30000 });
  await page.keyboard.press('Escape');
  await page.waitForSelector('#tour', { state: 'detached' });
  await settle(page);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tour-btn');
  assert.equal(await page.evaluate(() => document.getElementById('standard').hidden), true);
  assert.deepEqual(withoutLang(await savedClient(page)), withoutLang(saved));
  assert.equal(await field(page, '/enterprise/name').inputValue(), 'My Own Trading Ltd');
  assert.deepEqual(problems, []);
});

// ---- presentation mode ------------------------------------------------------------------

for (const [name, viewport, scale] of [['1280x720', PROJECTOR, 1], ['150 % zoom', ZOOM_150, 1.5]]) {
  test(`browser.demo presentation mode at ${name}: no inner scrolling, nothing cut off, the language switch on screen`, async (t) => {
    const { page, problems } = await openAt(t, viewport, { url: '?present', deviceScaleFactor: scale });
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains('present')));
    await loadSample(page, 'gd-many-records');
    await page.locator('#timeline').scrollIntoViewIfNeeded();
    await page.waitForSelector('#timeline-body svg, #timeline-body table');
    await settle(page);
    assert.deepEqual(await innerScrollers(page), [], 'the check');
    assert.deepEqual(await cutFields(page), [], 'fields');
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await settle(page);
    assert.ok(await langSwitchOnScreen(page), 'the language switch after scrolling');
    // The standard view, its Appendix tables included.
    await page.goto(env.base + '?present#standard/6.2.8');
    await page.waitForSelector('[id="std-6.2.8"] .std-printed');
    await page.waitForSelector('.std-appendix');
    await settle(page);
    assert.deepEqual(await innerScrollers(page), [], 'the standard');
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await settle(page);
    assert.ok(await langSwitchOnScreen(page), 'the language switch in the standard view');
    assert.deepEqual(problems, []);
  });
}

test('browser.demo presentation mode: the toggle is kept; the request count reads zero after loading and counts a request', async (t) => {
  const { page, problems } = await openAt(t, PROJECTOR);
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('present')), false);
  await page.click('#present-btn');
  assert.equal(await page.getAttribute('#present-btn', 'aria-pressed'), 'true');
  await page.reload();
  await page.waitForSelector('#result-body .verdict');
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains('present')), 'kept after a reload');
  assert.equal(await page.getAttribute('#present-btn', 'aria-pressed'), 'true');
  let c = await requestCount(page);
  assert.equal(c.n, '0');
  assert.ok(c.visible);
  assert.equal(c.text, 'Network requests since loading: 0');
  // A normal demo: a sample, the standard's text, the tour.
  await loadSample(page, 'hk-complaints');
  await page.click('#result-details .clause-card[data-clause="6.2.8"] .clause-read');
  await page.waitForSelector('[id="std-6.2.8"] .std-printed');
  await page.click('[id="std-6.2.8"] .std-to-card');
  await page.click('#tour-btn');
  await tourStep(page);
  await page.keyboard.press('Escape');
  await page.waitForSelector('#tour', { state: 'detached' });
  c = await requestCount(page);
  assert.equal(c.n, '0', 'no request during a demo');
  // The count is real: a request made now is counted.
  // (the rule data: the service worker, in control since the reload, asks the network first)
  await page.evaluate(() => fetch("rules/wq179.json", { cache: "no-store" }).then((r) => r.text()));
  await page.waitForFunction(() => document.getElementById('request-count').dataset.count === '1');
  await page.click('#present-btn');
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('present')), false);
  await page.reload();
  await page.waitForSelector('#result-body .verdict');
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('present')), false, 'off is kept too');
  assert.deepEqual(problems, []);
});

// ---- screenshots ------------------------------------------------------------------------

for (const [name, viewport] of [['1280x720', PROJECTOR], ['1920x1080', FULL_HD], ['phone', PHONE]]) {
  test(`browser.demo screenshots at ${name}: presentation mode and the tour in three languages`, async (t) => {
    const { page, problems } = await openAt(t, viewport, { url: '?present' });
    for (const lang of LANGS) {
      await setLang(page, lang);
      await loadSample(page, 'hk-harbour-lantern');
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, `demo-present-${name}-${lang}`);
      await page.click('#tour-btn');
      for (const step of STEPS) {
        assert.equal(await tourStep(page), step);
        if (step === 'text' || step === 'verdict') await shot(page, `demo-tour-${step}-${name}-${lang}`);
        if (step === 'end') break;
        await page.locator('#tour [data-tour="next"]').click();
      }
      await page.keyboard.press('Escape');
      await page.waitForSelector('#tour', { state: 'detached' });
      assert.ok(await langSwitchOnScreen(page), lang);
    }
    assert.deepEqual(problems, []);
  });
}
