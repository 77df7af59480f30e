// browser.dates (issue 13, a date field of our own): year, month and day in the page language's
// order, whatever the browser's locale; an impossible date (2026-02-30) is refused next to the
// field in the user's language and never replaced by another date; what is shown is what is
// saved and evaluated. At 390 px and 1280 px; screenshots in three languages.
//
//   tools/build-site.sh && (cd tests/browser && npm ci) && node --test tests/browser/dates.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startAll, open, SIZES, setLang, settle, verdict, waitVerdict, loadSample, shot, savedClient,
} from './helpers.mjs';

let env;
before(async () => { env = await startAll(); });
after(async () => { if (env) await env.stop(); });

const INC = '/enterprise/incorporated_on';
const box = (page, p) => page.locator(`.field[data-path="${p}"] .date-field`);
const part = (page, p, which) => box(page, p).locator(`input.date-${which}`);
const refusal = (page, p) => page.locator(`.field[data-path="${p}"] .date-error`);
const saved = savedClient;  // the open client of the desk (issue 16)
const shown = async (page, p) => Promise.all(['year', 'month', 'day'].map((w) => part(page, p, w).inputValue()));

/** Types a date box by box, as a person with a keyboard would (the field moves on by itself). */
async function typeDate(page, p, digits) {
  for (const w of ['day', 'month', 'year']) await part(page, p, w).fill('');
  await part(page, p, 'year').focus();
  await page.keyboard.type(digits, { delay: 30 });
}

for (const [size, viewport] of SIZES) {
  test(`browser.dates ${size}: 2026-02-30 is refused in the user's language, saved as typed, never as another date`, async (t) => {
    const { page, problems } = await open(t, env, { viewport });
    await loadSample(page, 'gd-pass');
    assert.equal(await verdict(page), 'pass');
    const before = (await saved(page)).doc.enterprise.incorporated_on;
    assert.match(before, /^\d{4}-\d{2}-\d{2}$/);
    // The order of the language: year, month, day, with 年 月 日 in Chinese.
    await setLang(page, 'zh-Hans');
    assert.deepEqual(await box(page, INC).locator('.date-sep').allTextContents(), ['年', '月', '日']);
    await setLang(page, 'en');
    assert.deepEqual(await box(page, INC).locator('.date-sep').allTextContents(), ['-', '-']);

    await typeDate(page, INC, '20260230');
    await settle(page);
    assert.deepEqual(await shown(page, INC), ['2026', '02', '30']);
    assert.ok(await refusal(page, INC).isVisible());
    assert.match(await refusal(page, INC).innerText(), /There is no 30 February 2026/);
    assert.equal(await part(page, INC, 'day').getAttribute('aria-invalid'), 'true');
    // Saved as typed, not as 2026-02-03, 2026-03-02 or the old date; the file is not evaluated.
    assert.equal((await saved(page)).doc.enterprise.incorporated_on, '2026-02-30');
    await waitVerdict(page, 'invalid');
    for (const [lang, tag] of [['en', 'en'], ['zh-Hans', 'zh-Hans'], ['zh-Hant', 'zh-Hant']]) {
      await setLang(page, lang);
      await box(page, INC).scrollIntoViewIfNeeded();
      await shot(page, `dates-${tag}-${size}-refused`);
    }
    assert.match(await refusal(page, INC).innerText(), /2026年2月沒有30日/);
    await setLang(page, 'zh-Hans');
    assert.match(await refusal(page, INC).innerText(), /2026年2月没有30日/);

    // After a reload the field shows what was typed, and refuses it again.
    await page.reload();
    await page.waitForSelector('section.indicator');
    assert.deepEqual(await shown(page, INC), ['2026', '02', '30']);
    assert.ok(await refusal(page, INC).isVisible());
    // Corrected, the date is used and the message goes.
    await part(page, INC, 'day').fill('28');
    await settle(page);
    assert.ok(!(await refusal(page, INC).isVisible()));
    assert.equal((await saved(page)).doc.enterprise.incorporated_on, '2026-02-28');
    assert.deepEqual(problems, []);
  });
}

test('browser.dates a date typed halfway is said on leaving the field and saved as typed', async (t) => {
  const { page, problems } = await open(t, env);
  await loadSample(page, 'hk-complaints');
  const p = '/records/contract_complaints/0/resolved_on';
  await part(page, p, 'year').fill('2026');
  await part(page, p, 'month').fill('9');
  await settle(page);
  // Still typing: nothing said yet; the record is not evaluated with some other date.
  assert.ok(!(await refusal(page, p).isVisible()));
  assert.equal((await saved(page)).doc.records.contract_complaints[0].resolved_on, '2026-09-');
  await page.locator('[data-path="/records/contract_complaints/0/matter"]:is(input)').focus();
  assert.match(await refusal(page, p).innerText(), /not complete/);
  await waitVerdict(page, 'invalid');
  // A whole date pasted into the year box is spread over the three.
  await part(page, p, 'year').fill('2026-09-09');
  await settle(page);
  assert.deepEqual(await shown(page, p), ['2026', '09', '09']);
  assert.equal((await saved(page)).doc.records.contract_complaints[0].resolved_on, '2026-09-09');
  await waitVerdict(page, 'fail');
  assert.deepEqual(problems, []);
});

test('browser.dates the what-if date refuses 2026-02-30 too and evaluates no other date', async (t) => {
  const { page, problems } = await open(t, env, { viewport: SIZES[0][1] });
  await loadSample(page, 'hk-complaints');
  await waitVerdict(page, 'fail');
  const w = page.locator('#whatif .date-field');
  await page.locator('#whatif-on').focus();
  await page.keyboard.type('20260230', { delay: 30 });
  await settle(page);
  assert.deepEqual(await Promise.all(['year', 'month', 'day'].map((x) => w.locator(`.date-${x}`).inputValue())), ['2026', '02', '30']);
  assert.match(await page.locator('#whatif .date-error').innerText(), /There is no 30 February 2026/);
  assert.equal((await saved(page)).on, '2026-02-30');
  await waitVerdict(page, 'invalid');
  assert.match(await page.locator('#result-body').innerText(), /planned application date is not a real date/);
  await page.locator('#whatif').scrollIntoViewIfNeeded();
  await shot(page, 'dates-en-phone-whatif-refused');
  await page.click('#whatif-reset');
  await waitVerdict(page, 'fail');
  assert.equal((await saved(page)).on, '');
  assert.deepEqual(problems, []);
});
