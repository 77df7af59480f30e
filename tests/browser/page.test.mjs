// browser.page: the nvcheck page in Debian's chromium (playwright-core, no browser download).
//
//   tools/build-site.sh && (cd tests/browser && npm ci) && node --test tests/browser/page.test.mjs
//
// Each run starts tools/serve.mjs on a free port for dist/site (or NVCHECK_SITE_DIR) and stops it.
// Screenshots of the main states in three languages go to tests/browser/screenshots/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { LAUNCH as HARNESS_LAUNCH, startServer } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const siteDir = process.env.NVCHECK_SITE_DIR || path.join(root, 'dist', 'site');
const shotsDir = path.join(here, 'screenshots');
const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const PAGE_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";
const LAUNCH = HARNESS_LAUNCH;

let server;
let base;
let origin;
let browser;


before(async () => {
  assert.ok(fs.existsSync(path.join(siteDir, 'index.html')), `no site in ${siteDir}: run tools/build-site.sh first`);
  fs.mkdirSync(shotsDir, { recursive: true });
  const s = await startServer(root, siteDir);
  server = s.child;
  base = s.url;
  origin = new URL(base).origin;
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

// ---- helpers ----------------------------------------------------------------------------

/** A fresh context (empty storage) and the page loaded, with console problems collected. */
async function open(t, { lang = 'en', viewport = { width: 1400, height: 1000 }, bypassCSP = false, serviceWorkers = 'allow' } = {}) {
  const context = await browser.newContext({ viewport, locale: 'en-US', acceptDownloads: true, bypassCSP, serviceWorkers });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content.Security.Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  context.on('request', (r) => requests.push(r.url()));
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  t.after(() => context.close());
  await page.goto(base);
  await page.waitForSelector('.verdict');
  if (lang !== 'en') await setLang(page, lang);
  return { context, page, problems, requests };
}

async function setLang(page, lang) {
  await page.click(`.lang-switch [data-lang="${lang}"]`);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

async function loadSample(page, id) {
  await page.click(`[data-sample="${id}"]`);
  await page.waitForSelector('.notice[data-kind="sample"]');
  await settle(page);
}

/** Waits until pending evaluations have run (the page debounces input by 150 ms). */
async function settle(page) {
  await page.waitForTimeout(250);
}

async function verdict(page) {
  return page.locator('#result-body .verdict').getAttribute('data-verdict');
}

async function waitVerdict(page, v) {
  await page.waitForFunction((want) => {
    const el = document.querySelector('#result-body .verdict');
    return el && el.dataset.verdict === want;
  }, v, { timeout: 5000 });
}

async function earliest(page) {
  return page.locator('#result-body .verdict-earliest').getAttribute('data-earliest');
}

function field(page, p) {
  return page.locator(`[data-path="${p}"]:is(input, select)`);
}

/** What the page's date field at `sel` saves (date-field.js: year, month and day boxes). */
async function dateValue(page, sel) {
  return page.locator(sel + ".date-year").evaluate((el) => el.closest('.date-field').dataset.value);
}

/** Answers the yes/no question at `p` (issue 13: a new record's questions have no default). */
async function answer(page, p, yes) {
  await page.locator(`fieldset.field-question[data-path="${p}"] input[value="${yes ? 'yes' : 'no'}"]`).check();
}

async function exportText(page) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-btn')]);
  const file = await dl.path();
  return fs.readFileSync(file, 'utf8');
}

async function importBuffer(page, name, text) {
  await page.setInputFiles('#import-input', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

async function shot(page, name) {
  // Sections with `content-visibility: auto` (the timeline, the form's records) are drawn in the
  // frame after they come near the viewport: let two frames pass, as a person's eye would.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: path.join(shotsDir, name + '.png'), fullPage: false });
}

function readSample(name) {
  return JSON.parse(fs.readFileSync(path.join(root, 'web', 'samples', name), 'utf8'));
}

// ---- tests ------------------------------------------------------------------------------

test('browser.page every page string exists in three languages with the same placeholders', async () => {
  const { allStrings } = await import(path.join(root, 'web', 'i18n.js'));
  const holes = (str) => [...str.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
  for (const [key, row] of Object.entries(allStrings())) {
    assert.equal(row.length, 3, key);
    for (const str of row) assert.ok(typeof str === 'string' && str.length > 0, key);
    assert.equal(holes(row[1]), holes(row[0]), key);
    assert.equal(holes(row[2]), holes(row[0]), key);
  }
});

// Chinese puts no space between two Chinese words (issue 13, plain words): every page string,
// its placeholders filled as they are filled (numbers and codes, which a space sets apart; dates
// for people, which start with a digit and end with 日; words), has no space with Chinese, or
// Chinese punctuation, on both sides.
test('browser.page Chinese page strings have no stray space, their placeholders filled', async () => {
  const { allStrings } = await import(path.join(root, 'web', 'i18n.js'));
  const number = /^(n|months|resolved|count|total|shown|first|last|threshold|days|year|month|day|position|max|min|digits)$/;
  const code = /^(clause|appendix|letter|id|version|division|code|lang|key|value|schema)$/;
  const date = /^(date|on|since|until)$/;
  const stray = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef] [\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
  const found = [];
  for (const [key, row] of Object.entries(allStrings())) {
    for (const str of row.slice(0, 2)) {
      const filled = str.replace(/\{(\w+)\}/g, (_, k) =>
        number.test(k) ? '12' : code.test(k) ? 'A1' : date.test(k) ? '2027年8月10日' : '示例文字。');
      if (stray.test(filled)) found.push(`${key}: ${str}`);
    }
  }
  assert.deepEqual(found, []);
});

test('browser.page loads under its strict CSP: meta and header agree, engine answers, no violation', async (t) => {
  const resp = await fetch(base);
  assert.equal(resp.headers.get('content-security-policy'), PAGE_CSP);
  const wasm = await fetch(base + 'nvcheck.wasm');
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  const mjs = await fetch(base + 'engine.mjs');
  assert.match(mjs.headers.get('content-type'), /^text\/javascript/);

  const { page, problems } = await open(t);
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.equal(meta, PAGE_CSP);
  // Empty file: the engine says what is missing.
  assert.equal(await verdict(page), 'invalid');
  const missing = await page.locator('#result-body .error-list li').allTextContents();
  assert.ok(missing.length >= 3, missing.join('\n'));
  // Nothing entered yet: the result lists what is missing; no empty field is marked as a mistake
  // (browser.walkthrough: once something is entered, the fields still missing are marked).
  assert.equal(await page.locator('#entries .has-error').count(), 0);
  await loadSample(page, 'gd-pass');
  assert.equal(await verdict(page), 'pass');
  // The report frame (an empty frame: the page's policy) shows its styles without any violation.
  await page.click('#report-show');
  const frame = page.frameLocator('iframe.report-frame');
  await frame.locator('body').filter({ hasText: '广州南沙示例贸易有限公司' }).waitFor({ timeout: 5000 });
  await settle(page);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(problems, []);
});

test('browser.page adding a counting record fails 6.2.1; removing it passes again', async (t) => {
  const { page, problems } = await open(t);
  await loadSample(page, 'gd-pass');
  assert.equal(await verdict(page), 'pass');
  const card = page.locator('#result-details .clause-card[data-clause="6.2.1"]');
  assert.equal(await card.getAttribute('data-status'), 'pass');

  await page.click('#add-administrative_penalties');
  // The new record is p3 (p1 and p2 exist); it is incomplete until filled in.
  const p = '/records/administrative_penalties/2';
  assert.equal(await field(page, p + '/id').inputValue(), 'p3');
  // Its questions are not answered yet: no pass, and the record is not evaluated yet.
  await waitVerdict(page, 'unanswered');
  await answer(page, p + '/annulled', false);
  await answer(page, p + '/disputed', false);
  await waitVerdict(page, 'invalid');
  await field(page, p + '/decided_on').fill('2026-10-01');
  await field(page, p + '/field').selectOption('work_safety');
  await field(page, p + '/type').selectOption('property');
  await waitVerdict(page, 'fail');
  assert.equal(await card.getAttribute('data-status'), 'fail');
  assert.match(await card.innerText(), /p3/);
  assert.equal(await earliest(page), '2027-10-01');
  // The form's clause section and the record say so too.
  assert.equal(await page.locator('#ind-6\\.2\\.1 [data-role="indicator-status"]').innerText(), 'fail');
  assert.match(await page.locator(`li.record[data-path="${p}"] [data-role="record-status"]`).innerText(), /counts/);
  // Its red edge is a class set with its status (no :has() rule: issue 13), and goes with it.
  const edge = () => page.locator(`li.record[data-path="${p}"]`).evaluate((li) => [li.classList.contains('flagged'), getComputedStyle(li).borderLeftColor]);
  const [flagged, red] = await edge();
  assert.equal(flagged, true);
  assert.notEqual(red, await page.locator('li.record[data-path="/records/administrative_penalties/0"]').evaluate((li) => getComputedStyle(li).borderLeftColor));
  await shot(page, 'en-record-added-fail');

  await page.click(`li.record[data-path="${p}"] button.remove`);
  await waitVerdict(page, 'pass');
  assert.equal(await card.getAttribute('data-status'), 'pass');
  assert.deepEqual(problems, []);
});

test('browser.page keyboard: add a record with Enter, focus moves into it, errors sit next to fields', async (t) => {
  const { page } = await open(t);
  await loadSample(page, 'gd-pass');
  await page.focus('#add-judgments');
  await page.keyboard.press('Enter');
  await settle(page);
  const focused = await page.evaluate(() => document.activeElement.dataset.path);
  assert.equal(focused, '/records/judgments/0/case_type');
  await waitVerdict(page, 'unanswered');
  await answer(page, '/records/judgments/0/effective', true);
  await answer(page, '/records/judgments/0/disputed', false);
  await waitVerdict(page, 'invalid');
  // The engine's error for the missing case type is shown next to that select.
  const err = page.locator('[data-path="/records/judgments/0/case_type"].field > .field-error');
  assert.ok(await err.isVisible());
  assert.equal(await field(page, '/records/judgments/0/case_type').getAttribute('aria-invalid'), 'true');
  // End date before start date: the engine's message lands on the end date.
  await field(page, '/records/judgments/0/case_type').selectOption('civil');
  await field(page, '/records/judgments/0/nonperformance_from').fill('2026-05-01');
  await field(page, '/records/judgments/0/performed_on').fill('2026-04-01');
  await settle(page);
  assert.ok(await page.locator('[data-path="/records/judgments/0/performed_on"].field > .field-error').isVisible());
  await shot(page, 'en-field-error');
  // Tab order reaches the language switch and the clear dialog closes with Escape.
  await page.focus('#clear-btn');
  await page.keyboard.press('Enter');
  assert.ok(await page.locator('#clear-dialog').isVisible());
  await page.keyboard.press('Escape');
  assert.ok(!(await page.locator('#clear-dialog').isVisible()));
  assert.equal(await field(page, '/enterprise/name').inputValue(), '广州南沙示例贸易有限公司');
});

test('browser.page appendix fields: an entry counts, a name outside the appendix is kept and does not count', async (t) => {
  const { page, problems } = await open(t);
  await loadSample(page, 'gd-pass');
  await page.click('#add-self_regulatory_violations');
  const p = '/records/self_regulatory_violations/0';
  await answer(page, p + '/disputed', false);
  await field(page, p + '/organization').selectOption('A32');
  await field(page, p + '/measure').selectOption('public_censure');
  await field(page, p + '/imposed_on').fill('2026-09-01');
  await waitVerdict(page, 'fail');
  assert.equal(await page.locator('#result-details .clause-card[data-clause="6.2.5"]').getAttribute('data-status'), 'fail');
  // "Other…" takes a free name: valid input that does not count, with the engine's warning.
  await field(page, p + '/organization').selectOption('__other__');
  const other = page.locator(`[data-path="${p}/organization"].field .other input`);
  assert.ok(await other.isVisible());
  await other.fill('Some Trade Association');
  await waitVerdict(page, 'pass');
  assert.match(await page.locator(`li.record[data-path="${p}"] [data-role="record-status"]`).innerText(), /does not count/);
  assert.match(await page.locator('#result-details .warnings').innerText(), /Some Trade Association/);
  const saved = JSON.parse(await exportText(page));
  assert.equal(saved.records.self_regulatory_violations[0].organization, 'Some Trade Association');
  // Appendix D is a closed list: its select has the six lists and "other", no free text.
  await page.click('#add-risk_list_entries');
  const listOptions = await field(page, '/records/risk_list_entries/0/list').locator('option').evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(listOptions.filter(Boolean).sort(), ['commercial_arrears', 'commercial_restriction', 'credit_overdue', 'other',
    'political_religious', 'seriously_dishonest', 'transaction_fraud']);
  assert.deepEqual(problems, []);
});

test('browser.page a rule data file picked by the user replaces the rules until reload; a bad one is refused', async (t) => {
  const { page, problems } = await open(t);
  await loadSample(page, 'gd-pass');
  const rules = JSON.parse(fs.readFileSync(path.join(root, 'rules', 'wq179.json'), 'utf8'));
  rules.version = 'browser-test-1';
  rules.indicators[0].names.GD.en = 'Administrative penalty (edited list)';
  await page.setInputFiles('#rules-input', { name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(rules)) });
  await page.waitForSelector('.notice[data-kind="rules-loaded"]');
  assert.equal(await page.locator('#ind-6\\.2\\.1 .ind-name').innerText(), 'Administrative penalty (edited list)');
  assert.match(await page.locator('#rules-version').innerText(), /browser-test-1/);
  await page.setInputFiles('#rules-input', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"id": 1') });
  await page.waitForSelector('.notice[data-kind="rules-refused"]');
  assert.match(await page.locator('#rules-version').innerText(), /browser-test-1/);
  assert.equal(await verdict(page), 'pass');
  await page.reload();
  await page.waitForSelector('.verdict');
  assert.equal(await page.locator('#ind-6\\.2\\.1 .ind-name').innerText(), 'Administrative penalty');
  assert.deepEqual(problems, []);
});

test('browser.page language switch keeps input and changes labels; Macao sees its own names', async (t) => {
  const { page, problems } = await open(t);
  await field(page, '/enterprise/name').fill('Test Trading Ltd');
  await field(page, '/enterprise/incorporated_on').fill('2015-01-01');
  assert.equal(await page.locator('#entries fieldset legend').first().innerText(), 'Basic information');

  await setLang(page, 'zh-Hant');
  assert.equal(await field(page, '/enterprise/name').inputValue(), 'Test Trading Ltd');
  assert.equal(await dateValue(page, '[data-path="/enterprise/incorporated_on"]'), '2015-01-01');
  assert.equal(await page.locator('#entries fieldset legend').first().innerText(), '基本資訊');
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-Hant');
  await setLang(page, 'zh-Hans');
  assert.equal(await page.locator('#entries fieldset legend').first().innerText(), '基本信息');
  assert.equal(await field(page, '/enterprise/name').inputValue(), 'Test Trading Ltd');

  await loadSample(page, 'mo-too-young');
  await setLang(page, 'zh-Hant');
  const name621 = page.locator('#ind-6\\.2\\.1 .ind-name');
  assert.equal(await name621.innerText(), '行政違法');
  assert.match(await page.locator('#result-details .clause-card[data-clause="6.2.1"]').innerText(), /行政違法/);
  assert.match(await page.locator('#result-details .clause-card[data-clause="6.1.1"]').innerText(), /2027年3月15日/);
  await shot(page, 'zh-Hant-macao-too-young');
  await setLang(page, 'zh-Hans');
  assert.equal(await name621.innerText(), '行政违法');
  await setLang(page, 'en');
  assert.equal(await name621.innerText(), 'Administrative violation');
  // A Guangdong enterprise sees 行政处罚 under the same clause.
  await field(page, '/enterprise/region').selectOption('GD');
  await setLang(page, 'zh-Hans');
  assert.equal(await name621.innerText(), '行政处罚');
  assert.deepEqual(problems, []);
});

test('browser.page an edit among many records redraws only what changed, and shows what a fresh page shows', async (t) => {
  const { page, problems } = await open(t);
  // 110 records: the sample's 22, and four copies of each under new ids.
  const doc = readSample('gd-many-records.json');
  for (const [list, recs] of Object.entries(doc.records)) {
    doc.records[list] = recs.concat([1, 2, 3, 4].flatMap((k) => recs.map((r) => ({ ...r, id: `${r.id}x${k}` }))));
  }
  await importBuffer(page, 'many.json', JSON.stringify(doc));
  await page.waitForSelector('.notice[data-kind="imported"]');
  await settle(page);
  const card = '#result-details .clause-card[data-clause="6.2.1"]';
  assert.match(await page.locator(card).innerText(), /p1 .*10 March 2027/);
  // Everything the views show, as markup, and the form's marks.
  const snapshot = () => page.evaluate(() => ({
    views: ['result-body', 'result-details', 'timeline-body', 'plan-body'].map((id) => document.getElementById(id).innerHTML),
    marks: [...document.querySelectorAll('#entries [data-role]')].map((el) => `${el.closest('[data-path]').dataset.path} ${el.className}: ${el.textContent}`),
  }));
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('#timeline-body .tl-row, #timeline-body tbody tr, #result-details .clause-card, #result-details .clause-card :is(li, details)')) el.nvKept = true;
  });

  await field(page, '/records/administrative_penalties/0/decided_on').fill('2026-04-10');
  await page.waitForFunction((sel) => /p1 .*10 April 2027/.test(document.querySelector(sel).innerText), card);
  await settle(page);
  const redrawn = await page.evaluate(() => {
    const fresh = (sel, key) => [...document.querySelectorAll(sel)].filter((el) => !el.nvKept).map(key);
    return {
      rows: fresh('#timeline-body .tl-row', (el) => el.dataset.record),
      table: fresh('#timeline-body tbody tr', (el) => el.dataset.record),
      cards: fresh('#result-details .clause-card', (el) => el.dataset.clause),
      items: fresh('#result-details .clause-card li', (el) => `${el.closest('.clause-card').dataset.clause} ${el.querySelector('.record-link').textContent}`),
      details: fresh('#result-details .clause-card details', (el) => el.closest('.clause-card').dataset.clause),
    };
  });
  // The edited record's row (chart and table) and its line in its clause's card; the other 109
  // rows, every card and its list of records not counted (a new <details> restyles the whole
  // page) are kept.
  assert.deepEqual(redrawn, { rows: ['p1'], table: ['p1'], cards: [], items: ['6.2.1 p1'], details: [] });
  assert.ok(await page.locator(`${card} details.not-counted`).count(), 'the card lists records not counted');
  assert.equal(await page.locator('li.record[data-path="/records/administrative_penalties/0"] [data-role="record-status"]').innerText(), 'counts');
  const edited = await snapshot();

  // A fresh page (the autosave holds the edit) draws everything from scratch: the same.
  await page.reload();
  await page.waitForSelector('#plan-body > *');
  await page.waitForSelector('#timeline-body svg');
  await settle(page);
  assert.deepEqual(await snapshot(), edited);
  assert.deepEqual(problems, []);
});

test('browser.page first load: the verdict, the clause cards a frame later, then the form; the rules beside the page read once, before the verdict', async (t) => {
  // The autosave holds a failing sample; the rule data beside the page differs from the built-in
  // copy (another version, another name for 6.2.1): the first verdict already uses it.
  // The service worker is blocked: it asks for every file once more to keep it (offline.test.mjs).
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US', serviceWorkers: 'block' });
  t.after(() => context.close());
  const rules = JSON.parse(fs.readFileSync(path.join(root, 'rules', 'wq179.json'), 'utf8'));
  rules.version = 'beside-the-page-1';
  rules.indicators[0].names.GD.en = 'Administrative penalty (list beside the page)';
  const rulesRequests = [];
  await context.route('**/rules/wq179.json', (route) => {
    rulesRequests.push(route.request().url());
    return route.fulfill({ contentType: 'application/json', body: JSON.stringify(rules) });
  });
  await context.addInitScript((saved) => {
    if (window !== window.top) return;  // not in the report's sandboxed frame
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('nvcheck:v1', saved);
      sessionStorage.setItem('seeded', '1');
    }
    // When each part first appears, in frames counted from the start; and every 6.2.1 name shown.
    const seen = { frame: 0, names: [] };
    window.__seen = seen;
    const tick = () => { seen.frame += 1; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    new MutationObserver(() => {
      for (const [key, sel] of [['verdict', '#result-body .verdict'], ['cards', '#result-details .clause-card'], ['form', '#entries h2']]) {
        if (!(key in seen) && document.querySelector(sel)) seen[key] = seen.frame;
      }
      const name = document.querySelector('#result-details .clause-card[data-clause="6.2.1"] .clause-name');
      if (name && seen.names[seen.names.length - 1] !== name.textContent) seen.names.push(name.textContent);
    }).observe(document, { childList: true, subtree: true, characterData: true });
  }, JSON.stringify({ doc: readSample('gd-many-records.json'), lang: 'en', on: '' }));
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(base);
  await page.waitForSelector('#plan-body > *');
  await page.waitForSelector('#timeline-body svg');
  const seen = await page.evaluate(() => window.__seen);
  assert.ok(seen.cards > seen.verdict, `cards in frame ${seen.cards}, verdict in frame ${seen.verdict}`);
  assert.ok(seen.form >= seen.cards, `form in frame ${seen.form}, cards in frame ${seen.cards}`);
  assert.deepEqual(seen.names, ['Administrative penalty (list beside the page)']);
  assert.match(await page.locator('#rules-version').innerText(), /beside-the-page-1/);
  assert.equal(await verdict(page), 'fail');
  // One request for the rules file: early-fetch.js's request is the one rule-file.js reads.
  await page.waitForTimeout(1000);  // a second request, if any, would have gone out by now
  assert.equal(rulesRequests.length, 1);
  assert.deepEqual(problems, []);
});

test('browser.page export then import gives the same enterprise', async (t) => {
  const { page } = await open(t);
  await loadSample(page, 'gd-many-records');
  const first = await exportText(page);
  const exported = JSON.parse(first);
  assert.equal(exported.schema, 'nvcheck/enterprise@1');
  assert.deepEqual(exported, readSample('gd-many-records.json'));

  // Clear everything (with confirmation), then import the exported file.
  await page.click('#clear-btn');
  await page.click('#clear-confirm');
  await waitVerdict(page, 'invalid');
  assert.equal(await field(page, '/enterprise/name').inputValue(), '');
  await importBuffer(page, 'exported.json', first);
  await page.waitForSelector('.notice[data-kind="imported"]');
  await waitVerdict(page, 'fail');
  const second = await exportText(page);
  assert.equal(second, first);
});

test('browser.page a bad import is refused with a message in the chosen language; nothing is lost', async (t) => {
  const { page, problems } = await open(t);
  await loadSample(page, 'hk-complaints');
  const before = await exportText(page);

  await importBuffer(page, 'notes.txt', 'this is not JSON {');
  await page.waitForSelector('.notice[data-kind="refused"]');
  assert.match(await page.locator('.notice').innerText(), /"notes\.txt" was not imported: the file is not valid JSON/);

  await importBuffer(page, 'other.json', JSON.stringify({ schema: 'something/else@2', enterprise: {} }));
  await page.waitForFunction(() => /other\.json/.test(document.querySelector('.notice').textContent));
  assert.match(await page.locator('.notice').innerText(), /nvcheck enterprise file/);

  const bad = readSample('hk-complaints.json');
  bad.records.contract_complaints[0].resolved_on = '2020-01-01';  // before it was received
  await importBuffer(page, 'bad.json', JSON.stringify(bad));
  await page.waitForFunction(() => /bad\.json/.test(document.querySelector('.notice').textContent));
  const msg = await page.locator('.notice').innerText();
  assert.match(msg, /engine found the errors listed below/);
  assert.match(msg, /\/records\/contract_complaints\/0\/resolved_on/);
  await shot(page, 'en-import-refused');
  // The message follows the language.
  await setLang(page, 'zh-Hans');
  assert.match(await page.locator('.notice').innerText(), /未导入“bad\.json”/);
  await setLang(page, 'en');

  assert.equal(await exportText(page), before);
  assert.equal(await verdict(page), 'fail');
  assert.deepEqual(problems, []);
});

test('browser.page reload keeps the autosaved entries, language and what-if date', async (t) => {
  const { page } = await open(t);
  await field(page, '/enterprise/name').fill('Autosave Co');
  await page.click('#add-risk_list_entries');
  await field(page, '/records/risk_list_entries/0/listed_on').fill('2026-01-05');
  await setLang(page, 'zh-Hant');
  await page.fill('#whatif-on', '2026-06-30');
  await settle(page);
  await page.reload();
  await page.waitForSelector('.verdict');
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-Hant');
  assert.equal(await field(page, '/enterprise/name').inputValue(), 'Autosave Co');
  assert.equal(await dateValue(page, '[data-path="/records/risk_list_entries/0/listed_on"]'), '2026-01-05');
  assert.equal(await dateValue(page, '#whatif-on'), '2026-06-30');
});

test('browser.page a reload asks whether each file changed (ETag) rather than downloading it again', async (t) => {
  // The HTTP cache, as without the service worker (once it is active it answers a reload itself:
  // offline.test.mjs).
  const { page } = await open(t, { serviceWorkers: 'block' });
  await page.waitForSelector('#plan-body > *');
  const asked = [];
  page.on('response', async (r) => {
    const name = r.url().slice(origin.length + 1);
    if (['app.js', 'nvcheck.wasm', 'rules/wq179.json'].includes(name)) {
      asked.push(`${name} ${Boolean((await r.request().allHeaders())['if-none-match'])}`);
    }
  });
  await page.reload();
  await page.waitForSelector('#plan-body > *');
  await page.waitForTimeout(200);
  assert.deepEqual(asked.sort(), ['app.js true', 'nvcheck.wasm true', 'rules/wq179.json true']);
});

test('browser.page what-if date: the complaints sample passes on its earliest date, not the day before', async (t) => {
  const { page } = await open(t);
  await loadSample(page, 'hk-complaints');
  assert.equal(await verdict(page), 'fail');
  assert.equal(await earliest(page), '2027-08-10');
  await page.fill('#whatif-on', '2027-08-09');
  await waitVerdict(page, 'fail');
  await page.fill('#whatif-on', '2027-08-10');
  await waitVerdict(page, 'pass');
  assert.match(await page.locator('#result-body .verdict').innerText(), /what-if date/);
  await shot(page, 'en-whatif-pass');
  await page.click('#whatif-reset');
  await waitVerdict(page, 'fail');
  await page.click('#whatif-earliest');
  await waitVerdict(page, 'pass');
  await page.click('#whatif-reset');
  await waitVerdict(page, 'fail');
  // Typed by keyboard, year, month and day (the page's own field moves from one to the next,
  // whatever the browser's locale): nothing typed is lost on the way.
  await page.focus('#whatif-on');
  await page.keyboard.type('20270810', { delay: 60 });
  await settle(page);
  assert.equal(await dateValue(page, '#whatif-on'), '2027-08-10');
  await waitVerdict(page, 'pass');
});

test('browser.page how to pass: who decides is in the engine\'s words (the record the list\'s end_event.decider names)', async (t) => {
  const { page, problems } = await open(t);
  await loadSample(page, 'gd-actions-dispute');
  const badge = (record) => page.locator(`#plan-body li.action[data-record="${record}"] .badge`).first().innerText();
  assert.equal(await badge('r1'), 'Decided by 商账管理平台');  // the listing's source, not a word for every list
  assert.equal(await badge('t1'), 'Decided by the enterprise itself');
  assert.deepEqual(problems, []);
});

test('browser.page how to pass: Try it moves the date in a what-if copy; apply; disputes upheld', async (t) => {
  const { page, problems } = await open(t);
  await loadSample(page, 'hk-complaints');
  const actions = page.locator('#plan-body li.action');
  assert.equal(await actions.count(), 2);
  assert.equal(await page.locator('[data-role="doing-nothing"] time').getAttribute('datetime'), '2027-08-10');
  assert.equal(await page.locator('[data-role="all-actions"] time').getAttribute('datetime'), '2027-05-24');
  assert.match(await actions.first().innerText(), /t1/);

  await actions.first().locator('button.try').click();
  await page.waitForFunction(() => document.querySelector('#result-body .verdict').dataset.verdict === 'fail' &&
    document.querySelector('#result-body .verdict-earliest').dataset.earliest === '2027-05-24');
  assert.equal(await actions.first().locator('button.try').getAttribute('aria-pressed'), 'true');
  assert.ok(await page.locator('#result-body .whatif-tag').isVisible());
  assert.ok(await page.locator('#timeline-whatif').isVisible());
  // The timeline shows the shorter window of t1 (resolved in the copy) ...
  assert.match(await page.locator('#timeline-body table').textContent(), /24 May 2027/);
  // ... and the saved record is unchanged.
  assert.equal(await dateValue(page, '[data-path="/records/contract_complaints/0/resolved_on"]'), '');
  await page.locator('#timeline').scrollIntoViewIfNeeded();
  await shot(page, 'en-try-it-timeline');
  await page.locator('#plan').scrollIntoViewIfNeeded();
  await shot(page, 'en-try-it-plan');

  await page.click('text=Back to my records');
  await page.waitForFunction(() => document.querySelector('#result-body .verdict-earliest').dataset.earliest === '2027-08-10');
  await actions.first().locator('button.try').click();
  await page.waitForSelector('.whatif-bar');
  await page.click('text=Apply to my records');
  await page.waitForSelector('.notice[data-kind="applied"]');
  assert.equal(await dateValue(page, '[data-path="/records/contract_complaints/0/resolved_on"]'), '2026-11-24');
  assert.equal(await earliest(page), '2027-05-24');
  // Undo brings the saved record back.
  await page.click('.notice button:text("Undo")');
  await page.waitForSelector('.notice[data-kind="undone"]');
  assert.equal(await dateValue(page, '[data-path="/records/contract_complaints/0/resolved_on"]'), '');

  // Disputing t1: if upheld, only t2 counts and 6.2.8 passes.
  assert.match(await page.locator('[data-role="disputes"]').innerText(), /No record is marked as disputed/);
  await answer(page, '/records/contract_complaints/0/disputed', true);
  await page.waitForSelector('[data-role="disputes"][data-verdict="pass"]');
  assert.match(await page.locator('[data-role="disputes"]').innerText(), /t1/);
  // Named by what it is, not by its id alone.
  assert.match(await page.locator('[data-role="disputes"]').innerText(), /contract complaint received on \d+ \w+ \d{4}/);
  assert.equal(await verdict(page), 'fail');  // the check still counts it, as a credit institution would
  assert.match(await page.locator('#result-details .warnings').innerText(), /t1/);
  assert.deepEqual(problems, []);
});

test('browser.page report: shown in a sandboxed frame, downloadable as HTML', async (t) => {
  const { page, problems } = await open(t, { lang: 'zh-Hant' });
  await loadSample(page, 'hk-complaints');
  await page.click('#report-show');
  const frame = page.frameLocator('iframe.report-frame');
  await frame.locator('body').filter({ hasText: '示例物流（香港）有限公司' }).waitFor({ timeout: 5000 });
  // Sandboxed without allow-scripts: nothing in the report runs, so it cannot reach the page;
  // the page writes the report in and prints it (allow-same-origin, allow-modals).
  assert.equal(await page.locator('iframe.report-frame').getAttribute('sandbox'), 'allow-same-origin allow-modals');
  assert.deepEqual(problems, []);
  const ran = await page.evaluate(async () => {
    const doc = document.querySelector('iframe.report-frame').contentDocument;
    window.__frameRan = false;
    const s = doc.createElement('script');
    s.textContent = 'parent.__frameRan = true;';
    doc.body.append(s);
    const img = doc.createElement('img');
    img.setAttribute('onerror', 'parent.__frameRan = true;');
    img.src = 'data:,x';
    doc.body.append(img);
    await new Promise((r) => setTimeout(r, 100));
    s.remove();
    img.remove();
    return { ran: window.__frameRan, scripts: doc.querySelectorAll('script').length };
  });
  assert.deepEqual(ran, { ran: false, scripts: 0 });
  // The browser says it blocked them; that is all it says.
  for (const m of problems.splice(0)) assert.match(m, /sandboxed|allow-scripts|Content Security Policy/, m);
  // The report follows the language.
  await setLang(page, 'en');
  await frame.locator('body').filter({ hasText: 'draft self-assessment' }).waitFor({ timeout: 5000 });
  await setLang(page, 'zh-Hant');
  await frame.locator('body').filter({ hasText: '企業自評草稿' }).waitFor({ timeout: 5000 });
  await page.click('text=列印或存為 PDF');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('text=下載 HTML')]);
  assert.match(dl.suggestedFilename(), /\.html$/);
  const html = fs.readFileSync(await dl.path(), 'utf8');
  assert.match(html, /示例物流（香港）有限公司/);
  await page.locator('#report').scrollIntoViewIfNeeded();
  await shot(page, 'zh-Hant-report');
  assert.deepEqual(problems, []);
});

test('browser.page every request of a full session goes to the page’s own origin', async (t) => {
  const { page, requests, problems } = await open(t);
  for (const lang of ['zh-Hans', 'zh-Hant', 'en']) await setLang(page, lang);
  for (const id of ['gd-pass', 'hk-complaints', 'mo-too-young', 'gd-many-records', 'gd-actions-dispute']) {
    await loadSample(page, id);
  }
  await page.locator('#plan-body button.try').first().click();
  await settle(page);
  await page.click('#report-show');
  await page.frameLocator('iframe.report-frame').locator('body').filter({ hasText: '佛山示例制造有限公司' }).waitFor();
  await exportText(page);
  await page.click('#clear-btn');
  await page.click('#clear-confirm');
  await settle(page);
  assert.ok(requests.length > 10);
  const foreign = requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:' + origin));
  assert.deepEqual(foreign, []);
  assert.deepEqual(problems, []);
});

test('browser.page works offline once loaded: samples, evaluation, plan and report', async (t) => {
  const { context, page, problems, requests } = await open(t);
  const loaded = () => requests.filter((u) => u.includes('/samples/')).length >= 6;
  for (let i = 0; i < 100 && !loaded(); i += 1) await page.waitForTimeout(50);
  assert.ok(loaded(), requests.join('\n'));
  await page.waitForTimeout(200);  // let the last responses arrive
  await context.setOffline(true);
  await loadSample(page, 'gd-actions-dispute');
  assert.equal(await verdict(page), 'fail');
  assert.equal(await page.locator('#plan-body li.action').count(), 3);
  await page.click('#report-show');
  await page.frameLocator('iframe.report-frame').locator('body').filter({ hasText: '佛山示例制造有限公司' }).waitFor({ timeout: 5000 });
  await context.setOffline(false);
  assert.deepEqual(problems, []);
});

test('browser.page axe-core: no serious or critical violation (empty, failing, planned, three languages)', async (t) => {
  // axe is injected, which the page's own CSP would block: this context bypasses CSP (docs/toolchain.md "Tests").
  const { page } = await open(t, { bypassCSP: true });
  const run = async (label) => {
    await page.addScriptTag({ content: axeSource });
    const res = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    });
    const bad = res.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad, [], `${label}: ${JSON.stringify(bad, null, 1)}`);
  };
  await run('empty page');
  await loadSample(page, 'gd-many-records');
  await page.click('.timeline-table summary');
  await page.click('#report-show');
  await run('many records (en)');
  await setLang(page, 'zh-Hant');
  await loadSample(page, 'hk-complaints');
  await page.locator('#plan-body button.try').first().click();
  await settle(page);
  await run('what-if (zh-Hant)');
  await setLang(page, 'zh-Hans');
  await run('zh-Hans');
});

test('browser.page axe-core at phone size (390 px), inside the report frame too, three languages', async (t) => {
  // axe is injected, which the page's (and the frame's) policy would block: this context bypasses CSP.
  const { page } = await open(t, { bypassCSP: true, viewport: { width: 390, height: 844 } });
  const run = async (label) => {
    const frame = await (await page.$('iframe.report-frame')).contentFrame();
    assert.ok(frame, 'the report frame is there');
    // The frame runs no script at all (sandbox without allow-scripts): its document is checked
    // as a page of its own, in this context, with the style sheet the page gave it.
    const css = await frame.evaluate(() => [...document.adoptedStyleSheets].map((s) => [...s.cssRules].map((r) => r.cssText).join('\n')).join('\n'));
    assert.ok(css.length > 1000, 'the report has its style sheet');
    const copy = await page.context().newPage();
    await copy.setViewportSize({ width: 390, height: 844 });
    await copy.setContent(await frame.content());
    await copy.addStyleTag({ content: css });
    for (const [where, target] of [['page', page.mainFrame()], ['report frame', copy.mainFrame()]]) {
      await target.addScriptTag({ content: axeSource });
      const res = await target.evaluate(async () => {
        // The report's "specimen" watermark is decoration (aria-hidden; WCAG 1.4.3 exempts it).
        const r = await window.axe.run({ exclude: [['.watermark']] }, { resultTypes: ['violations'] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      });
      const bad = res.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(bad, [], `${label}, ${where}: ${JSON.stringify(bad, null, 1)}`);
    }
    await copy.close();
  };
  await page.click('#report-show');
  for (const [lang, id] of [['en', 'gd-actions-dispute'], ['zh-Hant', 'hk-complaints'], ['zh-Hans', 'gd-many-records']]) {
    await setLang(page, lang);
    await loadSample(page, id);
    await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
    const frame = page.frameLocator('iframe.report-frame');
    await frame.locator('body h1, body h2').first().waitFor({ timeout: 5000 });
    await run(`${id} (${lang}, 390 px)`);
  }
});

test('browser.page screenshots of the main states in three languages', async (t) => {
  const { page } = await open(t);
  const names = { en: 'en', 'zh-Hans': 'zh-Hans', 'zh-Hant': 'zh-Hant' };
  for (const lang of ['zh-Hans', 'zh-Hant', 'en']) {
    await setLang(page, lang);
    await page.evaluate(() => window.scrollTo(0, 0));
    await loadSample(page, 'hk-complaints');
    await shot(page, `${names[lang]}-1-fail-complaints`);
    await loadSample(page, 'gd-pass');
    await shot(page, `${names[lang]}-2-pass`);
    await loadSample(page, 'gd-many-records');
    await page.locator('#timeline').scrollIntoViewIfNeeded();
    await shot(page, `${names[lang]}-3-timeline-many`);
    await loadSample(page, 'gd-actions-dispute');
    await page.locator('#plan').scrollIntoViewIfNeeded();
    await shot(page, `${names[lang]}-4-plan-dispute`);
  }
  // Phone and projector.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await loadSample(page, 'hk-complaints');
  await shot(page, 'en-phone-top');
  await page.locator('#result').scrollIntoViewIfNeeded();
  await shot(page, 'en-phone-result');
  await page.locator('#ind-6\\.2\\.8').evaluate((el) => el.scrollIntoView());
  await shot(page, 'en-phone-records');
  await page.locator('#timeline').evaluate((el) => el.scrollIntoView());
  await shot(page, 'en-phone-timeline');
  await page.locator('#plan').evaluate((el) => el.scrollIntoView());
  await shot(page, 'en-phone-plan');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await setLang(page, 'zh-Hans');
  await shot(page, 'zh-Hans-projector');
  for (const f of fs.readdirSync(shotsDir)) assert.ok(fs.statSync(path.join(shotsDir, f)).size > 5000, f);
});
