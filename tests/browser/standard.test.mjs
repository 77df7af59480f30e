// browser.standard: the "standard" view (web/standard-view.js, rules/standard.json) in Debian's
// chromium at 390 px (phone) and 1280 px (projector), in three languages; and a check under Node
// that rules/standard.json holds every clause of 5-10 and Appendices A-E in three forms.
//
//   tools/build-site.sh && (cd tests/browser && npm ci) && node --test tests/browser/standard.test.mjs
//
// Screenshots go to tests/browser/screenshots/standard-*.png.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { LAUNCH, startServer } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const siteDir = process.env.NVCHECK_SITE_DIR || path.join(root, 'dist', 'site');
const shotsDir = path.join(here, 'screenshots');
const seedFile = path.join(root, '..', 'shared', 'seeds', 'wq179-standard-zh.txt');
const LANGS = ['zh-Hans', 'zh-Hant', 'en'];
const PHONE = { width: 390, height: 844 };
const PROJECTOR = { width: 1280, height: 800 };

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const std = JSON.parse(fs.readFileSync(path.join(root, 'rules', 'standard.json'), 'utf8'));
const wq = JSON.parse(fs.readFileSync(path.join(root, 'rules', 'wq179.json'), 'utf8'));

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

// ---- helpers ----------------------------------------------------------------------------

async function open(t, { lang = 'zh-Hans', viewport = PROJECTOR, bypassCSP = false } = {}) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', bypassCSP });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content.Security.Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  t.after(() => context.close());
  await page.goto(base);
  await page.waitForSelector('.verdict');
  // An empty file is invalid (no clause cards): a demo enterprise is loaded.
  await page.click('[data-sample="hk-complaints"]');
  await page.waitForSelector('#result-details .clause-card');
  if (lang !== 'zh-Hans') await setLang(page, lang);
  return { page, problems };
}

async function setLang(page, lang) {
  await page.click(`.lang-switch [data-lang="${lang}"]`);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/** Opens the view at `clause` through the address, as a link would. */
async function gotoClause(page, clause) {
  await page.evaluate((c) => { location.hash = c ? `#standard/${c}` : '#standard'; }, clause);
  await page.waitForSelector(clause ? `[id="std-${clause}"]` : '#standard .std-clause');
}

async function shot(page, name) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: path.join(shotsDir, name + '.png'), fullPage: false });
}

const byClause = new Map(std.clauses.map((c) => [c.clause, c]));
const indicatorClauses = std.clauses.filter((c) => /^6\.[12]\.\d+$/.test(c.clause));

// ---- the data ---------------------------------------------------------------------------

test('browser.standard rules/standard.json: every clause has its title and text in three forms', () => {
  assert.ok(std.clauses.length >= 50);
  for (const c of std.clauses) {
    for (const l of LANGS) assert.ok(c.title[l] && c.title[l].trim(), `${c.clause} title ${l}`);
    if (!c.text) continue;
    const n = c.text['zh-Hans'].length;
    assert.ok(n > 0, c.clause);
    for (const l of LANGS) {
      assert.equal(c.text[l].length, n, `${c.clause} ${l}: one paragraph per printed paragraph`);
      for (const p of c.text[l]) assert.ok(typeof p === 'string' && p.trim(), `${c.clause} ${l}`);
    }
    // The traditional form is a conversion, not a copy of the printed text (short lines such as
    // "a) 标识名称；" aside, at least one paragraph differs) and the English is not Chinese.
    assert.ok(c.text['zh-Hant'].some((p, i) => p !== c.text['zh-Hans'][i]) || c.text['zh-Hans'].join('').length < 8, `${c.clause} zh-Hant`);
    assert.ok(c.text.en.every((p) => !/[\u4e00-\u9fff]{6}/.test(p.replace(/"[^"]*"/g, ''))), `${c.clause} en`);
  }
  // Every indicator and basic requirement of the rule data has its clause, linked by its id.
  for (const ind of wq.indicators) assert.equal(byClause.get(ind.clause)?.rule?.indicator, ind.id, ind.clause);
  for (const b of wq.basic_requirements) assert.equal(byClause.get(b.clause)?.rule?.basic_requirement, b.id, b.clause);
  assert.equal(std.forms.en, 'project_translation');
});

test('browser.standard rules/standard.json: every clause of 5-10 and A-E of the standard is there, its text as printed', (t) => {
  if (!fs.existsSync(seedFile)) {
    t.skip('the standard (shared/seeds) is not beside the repository');
    return;
  }
  const seed = fs.readFileSync(seedFile, 'utf8');
  const lines = seed.split('\n').map((l) => l.trim());
  const flat = lines.join('');
  const headings = [];
  let inTable1 = false;
  let inAppendices = false;
  for (const l of lines) {
    if (l === '附 录 A') inAppendices = true;  // from here only "A.1 ..." (the tables' rows are numbered too)
    // Clause headings: "6.2.8 合同类投诉", "10 报告规范", and the appendices' "A.1 自律组织范围";
    // not Table 1's rows ("7 管理认证违规"), from its caption to clause 6.
    if (l === '表 1 指标结构表') inTable1 = true;
    if (l === '6 评定要求') inTable1 = false;
    const m = /^((?:[5-9]|10)(?:\.\d+){0,2}|[A-E]\.1) (\S+)$/.exec(l);
    if (m && !inTable1 && (!inAppendices || /^[A-E]/.test(m[1]))) headings.push([m[1], m[2]]);
  }
  assert.ok(headings.length >= 45, `${headings.length} headings found`);
  for (const [num, title] of headings) {
    assert.ok(byClause.has(num), `clause ${num} ${title} is missing`);
    assert.equal(byClause.get(num).title['zh-Hans'], title, num);
  }
  for (const letter of 'ABCDE') assert.ok(seed.includes(`附 录 ${letter}`) && byClause.get(letter)?.appendix === letter, letter);
  for (const c of std.clauses) {
    for (const p of (c.text || {})['zh-Hans'] || []) {
      if (c.clause === '7.4' && p.startsWith('（')) continue;  // the figure's labels, described
      assert.ok(flat.includes(p), `${c.clause}: "${p}" is not the printed text`);
    }
  }
  // Table 1's cells: the print interleaves the columns' lines, so each cell's characters are
  // looked for in order within the table's text.
  const table1 = seed.slice(seed.indexOf('表 1 指标结构表'), seed.indexOf('6 评定要求')).replace(/\s/g, '');
  const inOrder = (cell) => {
    let at = 0;
    for (const ch of cell.replace(/\s/g, '')) {
      at = table1.indexOf(ch, at);
      if (at < 0) return false;
      at += 1;
    }
    return true;
  };
  for (const row of std.tables['1'].printed_rows) for (const cell of row) assert.ok(inOrder(cell), cell);
});

// ---- the view ---------------------------------------------------------------------------

for (const viewport of [PHONE, PROJECTOR]) {
  test(`browser.standard every clause of 6.1-6.2 shows its Chinese text (${viewport.width} px)`, async (t) => {
    const { page, problems } = await open(t, { viewport });
    await gotoClause(page, '6.2.8');
    for (const c of indicatorClauses) {
      const text = await page.locator(`[id="std-${c.clause}"] .std-text`).innerText();
      for (const p of c.text['zh-Hans']) assert.ok(text.includes(p), `${c.clause}: ${p}`);
      assert.equal(await page.locator(`[id="std-${c.clause}"] .std-values`).count(), 1, `${c.clause} has its rule values`);
    }
    // In English the printed Chinese is beside the translation, and the translation says what it is.
    // Switched where the reader is (as a header kept on screen allows: no scroll to the top first).
    await page.evaluate(() => document.querySelector('.lang-switch [data-lang="en"]').click());
    await page.waitForSelector('[id="std-6.2.8"] .std-printed');
    // The clause on screen stays there across the switch (a presenter keeps their place).
    const top = await page.evaluate(() => document.getElementById('std-6.2.8').getBoundingClientRect().top);
    assert.ok(top > -40 && top < 100, `6.2.8 is at ${top} px after the language switch`);
    for (const c of indicatorClauses) {
      const printed = await page.locator(`[id="std-${c.clause}"] .std-printed`).innerText();
      for (const p of c.text['zh-Hans']) assert.ok(printed.includes(p), `${c.clause} printed: ${p}`);
      const en = await page.locator(`[id="std-${c.clause}"] .std-text`).innerText();
      assert.ok(en.includes(c.text.en[0]), c.clause);
      assert.match(en, /project's translation \(not official\)/);
    }
    // The page never scrolls sideways: only the wide tables scroll, in their own box.
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(wide <= 0, `the page is ${wide} px wider than the window`);
    assert.deepEqual(problems, []);
  });
}

test('browser.standard the values shown for 6.2.8 come from the rule data in use (an edited rule set)', async (t) => {
  const { page, problems } = await open(t, { lang: 'en' });
  await gotoClause(page, '6.2.8');
  const card = page.locator('[id="std-6.2.8"] .std-values');
  const ind = wq.indicators.find((i) => i.clause === '6.2.8');
  assert.equal(await card.locator('.std-threshold').getAttribute('data-threshold'), String(ind.threshold));
  assert.match(await card.innerText(), new RegExp(`${ind.window_months} months from`));

  // A rule set with another complaint threshold and window, loaded with the page's rule-file
  // loader while the view is open: the view shows the new numbers.
  const edited = structuredClone(wq);
  edited.version = wq.version + '-test';
  const e = edited.indicators.find((i) => i.clause === '6.2.8');
  e.threshold = 5;
  e.window_months = 30;
  e.in_scope.contract_type = ['labour'];
  await page.setInputFiles('#rules-input', { name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(edited)) });
  await page.waitForSelector('.notice[data-kind="rules-loaded"]');
  await page.waitForFunction(() => document.querySelector('[id="std-6.2.8"] .std-threshold')?.dataset.threshold === '5');
  const text = await card.innerText();
  assert.match(text, /5 or more records counted/);
  assert.match(text, /30 months from/);
  assert.match(text, new RegExp(`version ${edited.version.replace(/[.]/g, '\\.')}`));
  const scope = await card.locator('.std-scope li').allInnerTexts();
  assert.deepEqual(scope, [wq.enums.contract_type.labour.en]);
  // The clause's text is the standard's, whatever the rule data says.
  assert.match(await page.locator('[id="std-6.2.8"] .std-printed').innerText(), /2 次以上/);
  assert.deepEqual(problems, []);
});

test('browser.standard the filter box filters Appendix A (and the tables come from the rule data)', async (t) => {
  const { page, problems } = await open(t, { viewport: PHONE });
  await gotoClause(page, 'A.1');
  const rows = page.locator('.std-appendix[data-appendix="A"] tbody tr');
  const visible = () => page.locator('.std-appendix[data-appendix="A"] tbody tr:not([hidden])');
  assert.equal(await rows.count(), wq.appendix_a.length);
  const filter = page.getByLabel('筛选附录 A');
  await filter.fill('澳门');
  const macao = wq.appendix_a.filter((e) => e.region === 'MO').map((e) => e.id);
  assert.deepEqual(await visible().evaluateAll((trs) => trs.map((tr) => tr.dataset.id)), macao);
  assert.match(await page.locator('.std-appendix[data-appendix="A"] .std-count').innerText(), new RegExp(`${macao.length} / ${wq.appendix_a.length}`));
  // By an English name or an alias too.
  await filter.fill('general chamber of commerce');
  const hits = await visible().evaluateAll((trs) => trs.map((tr) => tr.dataset.id));
  assert.ok(hits.length >= 1 && hits.length < 5, hits.join());
  for (const id of hits) {
    const e = wq.appendix_a.find((x) => x.id === id);
    assert.match([e.en, ...e.aliases].join(' ').toLowerCase(), /general chamber of commerce/);
  }
  await filter.fill('');
  assert.equal(await visible().count(), wq.appendix_a.length);
  // Appendix D's 说明 notes are shown, in the page's language.
  await setLang(page, 'zh-Hant');
  await page.waitForSelector('.std-appendix[data-appendix="D"]');
  const d = await page.locator('.std-appendix[data-appendix="D"]').innerText();
  for (const e of wq.appendix_d) assert.ok(d.includes(e.note['zh-Hant']) && d.includes(e['zh-Hant']), e.id);
  assert.deepEqual(problems, []);
});

test('browser.standard a clause card links to its text and the text links back (keyboard)', async (t) => {
  const { page, problems } = await open(t, { lang: 'en', viewport: PHONE });
  const read = page.locator('#result-details .clause-card[data-clause="6.2.8"] .clause-read');
  assert.equal(await read.innerText(), 'Read clause 6.2.8');
  await read.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#standard/6.2.8' && !document.getElementById('standard').hidden &&
    document.activeElement.closest('.std-clause'));
  assert.equal(await page.locator('main').isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement.closest('.std-clause')?.dataset.clause), '6.2.8');
  assert.ok(await page.locator('[id="std-6.2.8"] .std-heading').isVisible());
  // Back to the card, with the focus on its link.
  const back = page.locator('[id="std-6.2.8"] .std-to-card');
  await back.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('standard').hidden);
  assert.ok(await page.locator('main').isVisible());
  assert.equal(await page.evaluate(() => document.activeElement.dataset.read), '6.2.8');
  // A basic requirement's card too, and the header's link opens the view at its start.
  await page.locator('#result-details .clause-card[data-clause="6.1.1"] .clause-read').click();
  await page.waitForFunction(() => location.hash === '#standard/6.1.1');
  assert.match(await page.locator('[id="std-6.1.1"] .std-printed').innerText(), /成立时间不少于 18 个月/);
  await page.locator('.std-back').click();
  await page.waitForFunction(() => document.getElementById('standard').hidden);
  await page.locator('.standard-link[href="#standard"]').click();
  await page.waitForFunction(() => location.hash === '#standard' && document.activeElement.id === 'std-title');
  assert.deepEqual(problems, []);
});

test('browser.standard screenshots: 390 and 1280 px in three languages', async (t) => {
  for (const viewport of [PHONE, PROJECTOR]) {
    for (const lang of LANGS) {
      const { page, problems } = await open(t, { lang, viewport });
      await gotoClause(page, '');
      await shot(page, `standard-top-${lang}-${viewport.width}`);
      await gotoClause(page, '6.2.8');
      await shot(page, `standard-6.2.8-${lang}-${viewport.width}`);
      await gotoClause(page, 'A.1');
      await shot(page, `standard-A-${lang}-${viewport.width}`);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(wide <= 0, `${lang} ${viewport.width}: the page is ${wide} px wider than the window`);
      assert.deepEqual(problems, []);
    }
  }
});

test('browser.standard axe-core: the view has no serious or critical violation (three languages)', async (t) => {
  // axe is injected, which the page's own CSP would block: this context bypasses CSP.
  const { page } = await open(t, { bypassCSP: true });
  await gotoClause(page, '6.2.8');
  for (const lang of LANGS) {
    if (lang !== 'zh-Hans') {
      await setLang(page, lang);
      await page.waitForSelector('[id="std-6.2.8"] .std-values');
    }
    await page.addScriptTag({ content: axeSource });
    const res = await page.evaluate(async () => {
      const r = await window.axe.run(document.getElementById('standard'), { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    });
    const bad = res.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad, [], `${lang}: ${JSON.stringify(bad, null, 1)}`);
  }
});

test('browser.standard the Hong Kong and Macao demo companies are named in their region\'s usage and answer every record list', () => {
  const index = JSON.parse(fs.readFileSync(path.join(root, 'web', 'samples', 'index.json'), 'utf8')).samples;
  const lists = wq.indicators.map((i) => i.records);
  for (const [file, region, name] of [['hk-harbour-lantern.json', 'HK', /Limited$/], ['mo-lotus-dourado.json', 'MO', /Limitada/]]) {
    assert.ok(index.some((s) => s.file === file), `${file} is offered on the page`);
    const doc = JSON.parse(fs.readFileSync(path.join(root, 'web', 'samples', file), 'utf8'));
    assert.equal(doc.enterprise.region, region);
    assert.match(doc.enterprise.name, name);
    assert.match(doc.enterprise.division_code, new RegExp('^' + wq.regions[region].division_prefix));
    for (const list of lists) assert.ok(Array.isArray(doc.records[list]), `${file}: ${list} is answered (an empty list: none)`);
  }
});
