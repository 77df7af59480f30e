// browser.tabs (issue 13, nothing lost): an invalid record is marked where it is while the last
// answer stays on screen, marked out of date; a second tab's change is noticed (storage events)
// and the page offers to load it or keep its own, saving over nothing meanwhile; a full storage
// says what to do (export). At 390 px and 1280 px.
//
//   tools/build-site.sh && (cd tests/browser && npm ci) && node --test tests/browser/tabs.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  startAll, open, SIZES, DESKTOP, settle, verdict, waitVerdict, loadSample, shot, setLang, field,
  savedClient,
} from './helpers.mjs';

let env;
before(async () => { env = await startAll(); });
after(async () => { if (env) await env.stop(); });

const saved = savedClient;  // the open client of the desk (issue 16)
const END = '/records/contract_complaints/0/resolved_on';

for (const [size, viewport] of SIZES) {
  test(`browser.tabs ${size}: one bad date marks its record; verdict, plan and timeline stay, out of date`, async (t) => {
    const { page, problems } = await open(t, env, { viewport });
    await loadSample(page, 'hk-complaints');
    await waitVerdict(page, 'fail');
    const cards = await page.locator('#result-details .clause-card').count();
    assert.ok(cards > 10);
    // t1 was received on 2026-08-10: resolved on 2026-01-01 is before its start.
    await field(page, END).fill('2026-01-01');
    await waitVerdict(page, 'invalid');
    // The record is marked where it is, the field says why.
    assert.equal(await page.locator('li.record[data-path="/records/contract_complaints/0"] [data-role="record-status"]').innerText(), 'to correct');
    assert.ok(await page.locator(`.field[data-path="${END}"] > .field-error`).isVisible());
    // The rest of the answer is still there, marked out of date.
    assert.match(await page.locator('#result-body [data-role="stale"]').innerText(), /Fail, apply on or after 10 August 2027/);
    assert.equal(await page.locator('#result-details .clause-card').count(), cards);
    for (const id of ['result-details', 'timeline-body', 'plan-body']) {
      assert.ok(await page.locator(`#${id}-stale`).isVisible(), id);
      assert.equal(await page.locator(`#${id}.stale`).count(), 1, id);
    }
    assert.ok(await page.locator('#plan-body li.action').count() > 0);
    assert.ok(await page.locator('#timeline-body svg, #timeline-body table').count() > 0);
    // In another language the out-of-date answer follows.
    await setLang(page, 'zh-Hant');
    assert.match(await page.locator('#result-body [data-role="stale"]').innerText(), /未通過/);
    await page.locator('#result').scrollIntoViewIfNeeded();
    await shot(page, `tabs-zh-Hant-${size}-stale`);
    await setLang(page, 'en');
    await page.locator('li.record[data-path="/records/contract_complaints/0"]').scrollIntoViewIfNeeded();
    await shot(page, `tabs-en-${size}-invalid-record`);
    // Fixed, the answer is current again.
    await field(page, END).fill('2026-09-01');
    await waitVerdict(page, 'fail');
    assert.ok(!(await page.locator('#result-details-stale').isVisible()));
    assert.equal(await page.locator('#plan-body.stale').count(), 0);
    assert.deepEqual(problems, []);
  });

  test(`browser.tabs ${size}: a second tab's change is noticed; this tab saves over nothing until told`, async (t) => {
    const context = await env.browser.newContext({ viewport, locale: 'en-US', acceptDownloads: true });
    t.after(() => context.close());
    const { page: a, problems } = await open(t, env, { context });
    await loadSample(a, 'gd-pass');
    const { page: b } = await open(t, env, { context });
    assert.equal(await field(b, '/enterprise/name').inputValue(), '广州南沙示例贸易有限公司');
    // Opening the page in a second tab changes nothing: no notice.
    await settle(a);
    assert.equal(await a.locator('.notice[data-kind="other-tab"]').count(), 0);

    // Tab B changes the name: tab A says so and stops saving.
    await field(b, '/enterprise/name').fill('Renamed in tab B');
    await settle(b);
    await a.waitForSelector('.notice[data-kind="other-tab"]');
    assert.match(await a.locator('#save-state').innerText(), /Not saved: another tab/);
    await a.bringToFront();
    await shot(a, `tabs-en-${size}-other-tab`);
    // An edit in tab A now does not overwrite tab B's entries.
    await field(a, '/enterprise/address').fill('Edited in tab A');
    await settle(a);
    assert.equal((await saved(a)).doc.enterprise.name, 'Renamed in tab B');
    assert.notEqual((await saved(a)).doc.enterprise.address, 'Edited in tab A');
    // "Keep this tab's entries": tab A saves its own, and now tab B is told.
    await a.click('#tab-keep');
    await settle(a);
    assert.equal((await saved(a)).doc.enterprise.address, 'Edited in tab A');
    assert.match(await a.locator('#save-state').innerText(), /Saved in this browser/);
    await b.waitForSelector('.notice[data-kind="other-tab"]');
    // "Load the other tab's entries": tab B shows tab A's.
    await b.click('#tab-load');
    await b.waitForSelector('.notice[data-kind="tab-loaded"]');
    assert.equal(await field(b, '/enterprise/address').inputValue(), 'Edited in tab A');
    assert.equal(await field(b, '/enterprise/name').inputValue(), '广州南沙示例贸易有限公司');
    // Opening the page in a second tab changes nothing: no notice.
    await settle(a);
    assert.equal(await a.locator('.notice[data-kind="other-tab"]').count(), 0);
    assert.equal(await verdict(b), 'pass');
    assert.deepEqual(problems, []);
  });
}

test('browser.tabs a full storage says so and offers the export', async (t) => {
  const context = await env.browser.newContext({ viewport: DESKTOP, locale: 'en-US', acceptDownloads: true });
  t.after(() => context.close());
  // The browser's storage, full on demand: setItem throws as a full localStorage does.
  await context.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (window.__full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, k, v);
    };
  });
  const { page, problems } = await open(t, env, { context });
  await loadSample(page, 'gd-pass');
  await page.evaluate(() => { window.__full = true; });
  await field(page, '/enterprise/name').fill('Not saved Ltd');
  await settle(page);
  await page.waitForSelector('.notice[data-kind="storage-full"]');
  assert.match(await page.locator('.notice').innerText(), /storage is full.*Export the enterprise file/s);
  assert.match(await page.locator('#save-state').innerText(), /Storage full, not saved/);
  await shot(page, 'tabs-en-desktop-storage-full');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#storage-full-export')]);
  const out = JSON.parse(fs.readFileSync(await dl.path(), 'utf8'));
  assert.equal(out.enterprise.name, 'Not saved Ltd');
  // Room again: the next change is saved and the page says so.
  await page.evaluate(() => { window.__full = false; });
  await field(page, '/enterprise/name').fill('Saved again Ltd');
  await settle(page);
  assert.match(await page.locator('#save-state').innerText(), /Saved in this browser/);
  assert.equal((await saved(page)).doc.enterprise.name, 'Saved again Ltd');
  assert.deepEqual(problems, []);
});
