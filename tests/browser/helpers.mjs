// Helpers the browser tests of issue 13 share (answers, dates, tabs): the site served on a free
// port, Debian's chromium, a fresh page at a phone's or a desktop's width, and small waits.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { LAUNCH, startServer } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '..', '..');
export const siteDir = process.env.NVCHECK_SITE_DIR || path.join(root, 'dist', 'site');
export const shotsDir = path.join(here, 'screenshots');

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };
export const SIZES = [['phone', PHONE], ['desktop', DESKTOP]];

/** Starts the server and the browser; returns {base, browser, stop}. */
export async function startAll() {
  assert.ok(fs.existsSync(path.join(siteDir, 'index.html')), `no site in ${siteDir}: run tools/build-site.sh first`);
  fs.mkdirSync(shotsDir, { recursive: true });
  const s = await startServer(root, siteDir);
  const browser = await chromium.launch(LAUNCH);
  const stop = async () => {
    await browser.close();
    s.child.removeAllListeners('exit');
    const gone = new Promise((r) => s.child.once('exit', r));
    s.child.kill('SIGTERM');
    await gone;
  };
  return { base: s.url, browser, stop };
}

/** A fresh context (empty storage) and the page loaded, with page errors collected. */
export async function open(t, env, { viewport = DESKTOP, context = null } = {}) {
  const ctx = context || await env.browser.newContext({ viewport, locale: 'en-US', acceptDownloads: true });
  const page = await ctx.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  if (!context) t.after(() => ctx.close());
  await page.goto(env.base);
  await page.waitForSelector('#result-body .verdict');
  await page.waitForSelector('section.indicator');
  return { context: ctx, page, problems };
}

export async function setLang(page, lang) {
  await page.click(`.lang-switch [data-lang="${lang}"]`);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/** Waits until pending evaluations have run (the page debounces input by 150 ms). */
export async function settle(page) {
  await page.waitForTimeout(250);
}

export async function verdict(page) {
  return page.locator('#result-body .verdict').getAttribute('data-verdict');
}

export async function waitVerdict(page, v) {
  await page.waitForFunction((want) => {
    const el = document.querySelector('#result-body .verdict');
    return el && el.dataset.verdict === want;
  }, v, { timeout: 5000 });
}

export function field(page, p) {
  return page.locator(`[data-path="${p}"]:is(input, select)`);
}

export async function loadSample(page, id) {
  await page.click(`[data-sample="${id}"]`);
  await page.waitForSelector('.notice[data-kind="sample"]');
  await settle(page);
}

export async function exportText(page) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-btn')]);
  return fs.readFileSync(await dl.path(), 'utf8');
}

/**
 * Imports a file. An import adds a client (issue 16); when the enterprise is already one, the
 * page asks, and `duplicate` answers: 'replace' (the default: the file's entries replace the
 * client's, as an import did before the desk), 'copy' or 'cancel'.
 */
export async function importText(page, name, text, { duplicate = 'replace' } = {}) {
  await page.evaluate(() => document.getElementById('notices').replaceChildren());
  await page.setInputFiles('#import-input', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.waitForSelector('.notice[data-kind="imported"], .notice[data-kind="refused"], #duplicate-dialog[open]');
  if (await page.locator('#duplicate-dialog[open]').count()) {
    await page.click(`#dup-${duplicate}`);
    await page.waitForSelector('.notice[data-kind="imported"], .notice[data-kind="import-cancelled"]');
  }
  await settle(page);
}

export async function shot(page, name) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: path.join(shotsDir, name + '.png'), fullPage: false });
}

/** The list's answer radio: 'none' or 'records'. */
export function listAnswer(page, list, value) {
  return page.locator(`section.indicator[data-path="/records/${list}"] [data-role="list-answer"] input[value="${value}"]`);
}

/** The yes/no radio of a question at `p`. */
export function question(page, p, yes) {
  return page.locator(`fieldset.field-question[data-path="${p}"] input[value="${yes ? 'yes' : 'no'}"]`);
}

/** Name, region and incorporation date: what the engine requires before it evaluates. */
export async function basics(page, { name = 'Test Trading Ltd', region = 'GD', incorporated = '2015-03-01' } = {}) {
  await field(page, '/enterprise/name').fill(name);
  await field(page, '/enterprise/region').selectOption(region);
  await setDate(page, '/enterprise/incorporated_on', incorporated);
  await settle(page);
}

/** Enters an ISO date into the date field at `p` (whatever control the page uses for dates). */
export async function setDate(page, p, iso) {
  const loc = page.locator(`[data-path="${p}"]:is(input, select)`).first();
  const type = await loc.getAttribute('type');
  if (type === 'date') {
    await loc.fill(iso);
    return;
  }
  await loc.fill(iso);
  await loc.blur();
}

export const LISTS = ['administrative_penalties', 'administrative_coercions', 'judgments', 'criminal_cases',
  'self_regulatory_violations', 'community_violations', 'certification_violations', 'contract_complaints',
  'commitment_complaints', 'risk_list_entries'];

/** What this browser saved for the open client of the desk (web/storage.js): {doc, answers, on, notes}. */
export function savedClient(page) {
  return page.evaluate(() => {
    const desk = JSON.parse(localStorage.getItem('nvcheck:desk'));
    return desk ? JSON.parse(localStorage.getItem('nvcheck:client:' + desk.current)) : null;
  });
}
