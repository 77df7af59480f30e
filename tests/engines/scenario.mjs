// One session of a person on the page, the same in every engine (chromium.test.mjs,
// webkit.test.mjs, firefox.test.mjs): load, each demo sample's verdict (as the engine gives it
// under Node), an edit, the language switch, export then import, the report shown, printed and
// downloaded, each file fetched once (the page's own requests and its service worker's, the real
// one), offline in the open page and after a reload, no problem in the console, and a report the
// frame cannot show. The steps run in order on one page; each is its own test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startSite, root } from './site.mjs';
import { shotsDir } from './engines.mjs';

const siteDir = process.env.NVCHECK_SITE_DIR || path.join(root, 'dist', 'site');

function localToday() {
  const now = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** Each demo sample: {id, name, verdict, earliest} as the built site's own module says under Node. */
async function samplesByTheEngine() {
  const engine = await import(pathToFileURL(path.join(siteDir, 'engine.mjs')).href);
  await engine.load({ wasmBinary: fs.readFileSync(path.join(siteDir, 'nvcheck.wasm')) });
  const index = JSON.parse(fs.readFileSync(path.join(siteDir, 'samples', 'index.json'), 'utf8'));
  return index.samples.map((s) => {
    const text = fs.readFileSync(path.join(siteDir, 'samples', s.file), 'utf8');
    const r = JSON.parse(engine.evaluate(text, { lang: 'en', today: localToday() }));
    return { id: s.id, text, name: JSON.parse(text).enterprise.name, verdict: r.verdict, earliest: r.earliest_pass_date || '' };
  });
}

// ---- in the page (each function gets one argument, an array) ----------------------------------

const shown = () => {
  const v = document.querySelector('#result-body .verdict');
  const e = document.querySelector('#result-body .verdict-earliest');
  return v ? { verdict: v.dataset.verdict, earliest: e ? e.dataset.earliest : '' } : null;
};

/** The report frame's text, or null while it shows none. */
const reportText = () => {
  const f = document.querySelector('iframe.report-frame');
  const d = f && f.contentDocument;
  return d && d.documentElement.hasAttribute('data-report') ? d.body.innerText : null;
};

/** Puts a file in the import field, as a person picking it would. */
const pickFile = async ([selector, name, text]) => {
  const input = document.querySelector(selector);
  const dt = new DataTransfer();
  dt.items.add(new File([text], name, { type: 'application/json' }));
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
};

/** Sets a date or select field as its control would (input and change events). */
const setField = ([p, value]) => {
  const el = document.querySelector(`[data-path="${p}"]:is(input, select)`);
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
  return el.value;
};

/** Answers "no" to the yes/no question at `p` (a radio pair with neither chosen at first). */
const answerNo = ([p]) => {
  const el = document.querySelector(`fieldset.field-question[data-path="${p}"] input[value="no"]`);
  el.click();
  return el.checked;
};

/** Runs the scenario against the engine `make()` starts. */
export function scenario(make) {
  let site;
  let b;  // the engine
  let samples;
  let requestsBeforeOffline = 0;

  async function until(fn, args = [], { timeout = 15000, what = fn.toString() } = {}) {
    const end = Date.now() + timeout;
    let last;
    while (Date.now() < end) {
      last = await b.js(fn, ...args);
      if (last) return last;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`${b.name}: waited ${timeout} ms for ${what} (last: ${JSON.stringify(last)})`);
  }

  const verdictIs = (want) => until(([w]) => {
    const v = document.querySelector('#result-body .verdict');
    return v && v.dataset.verdict === w;
  }, [want], { what: `verdict ${want}` });

  async function loadSample(id) {
    // Clicked again if no notice came (WebKit once lost a click on a button the page had just
    // replaced, right after a reload).
    for (let attempt = 1; ; attempt += 1) {
      await b.click(`[data-sample="${id}"]`);
      try {
        await until(([i]) => {
          // A sample already a client with other entries (the desk, issue 16): the page asks; it replaces.
          if (document.querySelector('#duplicate-dialog[open]')) document.getElementById('dup-replace').click();
          const n = document.querySelector('.notice[data-kind="sample"]');
          return n && document.querySelector(`[data-sample="${i}"]`) && document.querySelector('#result-body .verdict') !== null;
        }, [id], { timeout: attempt < 3 ? 5000 : 15000 });
        break;
      } catch (err) {
        if (attempt >= 3) throw err;
      }
    }
    // The page evaluates after a 150 ms debounce at most; wait until the sample's name is shown.
    const name = samples.find((s) => s.id === id).name;
    await until(([n]) => document.querySelector('[data-path="/enterprise/name"]:is(input)')?.value === n, [name], { what: `${id} loaded` });
  }

  async function setLang(lang) {
    await b.click(`.lang-switch [data-lang="${lang}"]`);
    await until(([l]) => document.documentElement.lang === l, [lang], { what: `language ${lang}` });
  }

  // What the probe recorded in pages already left (a reload starts a new record).
  const earlierPages = [];
  async function problems() {
    const inPage = await b.js(() => (window.__problems || ['probe.js did not run']).slice());
    return [...earlierPages, ...inPage, ...b.consoleErrors()];
  }

  /** Opens the page again (a reload), keeping what the probe recorded in this one. */
  async function reopen() {
    earlierPages.push(...await b.js(() => (window.__problems || ['probe.js did not run']).slice()));
    await b.open(site.url);
  }

  /** Waits until the service worker controls the page, activated: it has kept every file. */
  async function workerInControl() {
    await until(() => navigator.serviceWorker.controller?.state === 'activated', [], { timeout: 30000, what: 'the service worker in control' });
    return b.js(async () => {
      const keys = await caches.keys();
      return { keys, kept: keys.length === 1 ? (await (await caches.open(keys[0])).keys()).length : -1 };
    });
  }

  before(async () => {
    assert.ok(fs.existsSync(path.join(siteDir, 'index.html')), `no site in ${siteDir}: run tools/build-site.sh first`);
    fs.mkdirSync(shotsDir, { recursive: true });
    samples = await samplesByTheEngine();
    site = await startSite(siteDir);
    b = await make();
  });

  after(async () => {
    if (b) await b.close();
    if (site) await site.close();
  });

  test('loads under its policy: the engine answers (an empty file is invalid)', async () => {
    await b.open(site.url);
    await until(shown, [], { what: 'the first verdict' });
    assert.equal((await b.js(shown)).verdict, 'invalid');
    assert.ok(await b.js(() => document.querySelectorAll('#result-body .error-list li').length >= 3));
  });

  test('each demo sample shows the verdict and earliest date the engine gives', async () => {
    await until(([n]) => document.querySelectorAll('[data-sample]').length === n, [samples.length]);
    for (const s of samples) {
      await loadSample(s.id);
      await verdictIs(s.verdict);
      assert.deepEqual(await b.js(shown), { verdict: s.verdict, earliest: s.earliest }, s.id);
    }
    assert.ok(samples.some((s) => s.verdict === 'pass') && samples.some((s) => s.verdict === 'fail'));
  });

  test('an edit: typing the name, adding a counting penalty fails 6.2.1', async () => {
    await loadSample('gd-pass');
    await verdictIs('pass');
    await b.type('[data-path="/enterprise/name"]:is(input)', 'Edited Trading Co');
    await b.click('#add-administrative_penalties');
    const p = '/records/administrative_penalties/2';
    await until(([q]) => document.querySelector(`[data-path="${q}/decided_on"]:is(input)`) !== null, [p]);
    await b.js(setField, `${p}/decided_on`, '2026-10-01');
    await b.js(setField, `${p}/field`, 'work_safety');
    await b.js(setField, `${p}/type`, 'property');
    // Its yes/no questions have no default: until they are answered the record is not evaluated.
    await b.js(answerNo, `${p}/annulled`);
    await b.js(answerNo, `${p}/disputed`);
    await verdictIs('fail');
    await until(() => document.querySelector('#result-details .clause-card[data-clause="6.2.1"]')?.dataset.status === 'fail');
    assert.equal((await b.js(shown)).earliest, '2027-10-01');
    await b.shot('edit-fail');
  });

  test('the language switch changes the labels and keeps the input', async () => {
    await setLang('zh-Hant');
    assert.equal(await b.js(() => document.getElementById('result-title').textContent), '結論');
    assert.equal(await b.js(() => document.querySelector('[data-path="/enterprise/name"]:is(input)').value), 'Edited Trading Co');
    await b.shot('zh-Hant');
    await setLang('zh-Hans');
    assert.equal(await b.js(() => document.getElementById('result-title').textContent), '结论');
    await setLang('en');
    assert.equal(await b.js(() => document.getElementById('result-title').textContent), 'Result');
    await verdictIs('fail');
  });

  test('export saves the enterprise file; import reads one back', async () => {
    const file = await b.download('#export-btn');
    assert.match(file.name, /\.json$/);
    const doc = JSON.parse(file.text);
    assert.equal(doc.schema, 'nvcheck/enterprise@1');
    assert.equal(doc.enterprise.name, 'Edited Trading Co');
    assert.equal(doc.records.administrative_penalties[2].decided_on, '2026-10-01');
    // Another file, then the exported one again.
    const hk = samples.find((s) => s.id === 'hk-complaints');
    await b.js(pickFile, '#import-input', 'hk.json', hk.text);
    await until(([n]) => document.querySelector('[data-path="/enterprise/name"]:is(input)')?.value === n, [hk.name]);
    await verdictIs(hk.verdict);
    await b.js(pickFile, '#import-input', file.name, file.text);
    // The same enterprise is a client already (the desk, issue 16): the page asks; it replaces.
    await until(() => document.querySelector('#duplicate-dialog[open]') !== null
      || document.querySelector('[data-path="/enterprise/name"]:is(input)')?.value === 'Edited Trading Co');
    await b.js(() => { if (document.querySelector('#duplicate-dialog[open]')) document.getElementById('dup-replace').click(); });
    await until(() => document.querySelector('[data-path="/enterprise/name"]:is(input)')?.value === 'Edited Trading Co');
    await verdictIs('fail');
    assert.equal((await b.js(shown)).earliest, '2027-10-01');
  });

  test('the report: shown with its styles in a frame without script, printed, downloaded', async () => {
    await b.click('#report-show');
    const text = await until(reportText, [], { what: 'the report in its frame' });
    assert.match(text, /Edited Trading Co/);
    // Its style sheet applies, as a constructed sheet (the page's policy, which the empty frame
    // has, refuses an inline <style>): none is left in it.
    const look = await b.js(() => {
      const d = document.querySelector('iframe.report-frame').contentDocument;
      return { sheets: d.adoptedStyleSheets.length, styles: d.querySelectorAll('style').length, maxWidth: getComputedStyle(d.querySelector('main')).maxWidth, scripts: d.scripts.length };
    });
    assert.equal(look.sheets, 1);
    assert.equal(look.styles, 0);
    assert.notEqual(look.maxWidth, 'none');
    assert.equal(look.scripts, 0);
    assert.equal(await b.js(() => document.querySelector('iframe.report-frame').getAttribute('sandbox')), 'allow-same-origin allow-modals');
    // It follows the language.
    await setLang('zh-Hant');
    await until(() => /企業自評草稿/.test(document.querySelector('iframe.report-frame').contentDocument.body.innerText));
    await b.js(() => document.getElementById('report').scrollIntoView());
    await b.shot('report-zh-Hant');
    await setLang('en');
    await until(() => /draft self-assessment/.test(document.querySelector('iframe.report-frame').contentDocument.body.innerText));
    // Print: the frame's own print (allowed in it); the page goes on answering.
    const printBtn = '#report-body .buttons button:nth-child(2)';
    assert.equal(await b.js(([s]) => document.querySelector(s).disabled, printBtn), false);
    await b.click(printBtn);
    assert.equal(await b.js(() => 1 + 1), 2);
    if (b.printed) {
      // This engine prints to a file: it holds the report, not the page.
      const printed = execFileSync('pdftotext', [await b.printed(), '-'], { encoding: 'utf8' });
      assert.match(printed, /Edited Trading Co/);
      assert.match(printed, /Integrity and compliance rating report/);
      assert.doesNotMatch(printed, /Sample enterprises/);
    }
    const file = await b.download('#report-body .buttons button:nth-child(3)');
    assert.match(file.name, /\.html$/);
    assert.match(file.text, /Edited Trading Co/);
    assert.match(file.text, /^<!DOCTYPE html>/);
  });

  test('each file of the site was fetched once, by the page or its service worker, and every answer was 200', async () => {
    const kept = await workerInControl();
    assert.equal(kept.kept, site.files.length, `the worker keeps every file (${JSON.stringify(kept.keys)})`);
    await new Promise((r) => setTimeout(r, 500));  // any late request would have gone out
    // The page is one file, opened as its folder (`/`) or by name.
    const file = (r) => (r.path === '/' ? '/index.html' : r.path);
    // sw.js is fetched by the browser itself, not by the page: once for the page's register() and
    // again whenever the browser checks it for a new version (the Service Worker spec's update
    // check, on each navigation the worker handles, which Firefox and WebKit also run on their own
    // schedule; the `Service-Worker: script` header marks these fetches). Those are the browser's
    // doing: the page registers once per load (offline.js). Every other file counts.
    const workerScript = site.requests.filter((r) => r.path === '/sw.js');
    assert.ok(workerScript.length >= 1, 'sw.js was fetched');
    assert.deepEqual(workerScript.filter((r) => !r.worker || ![200, 304].includes(r.status)), []);
    const count = new Map();
    for (const r of site.requests) if (r.path !== '/sw.js') count.set(file(r), (count.get(file(r)) || 0) + 1);
    // A session with no HTTP cache (WebKit's automation session) gives the worker nothing of what
    // the page loaded: it asks once more for those (webkit.test.mjs checks a persistent session).
    const most = b.httpCache ? 1 : 2;
    const twice = [...count].filter(([, n]) => n < 1 || n > most).map(([p, n]) => `${p} x${n}`);
    assert.deepEqual(twice, [], JSON.stringify(site.requests.map((r) => r.path)));
    assert.deepEqual(site.files.filter((f) => !count.has('/' + f)), [], 'every file of the site was fetched');
    assert.deepEqual([...count.keys()].filter((p) => !site.files.includes(p.slice(1))), [], 'only files of the site');
    for (const p of ['/index.html', '/nvcheck.wasm', '/nvcheck.mjs', '/rules/wq179.json', '/samples/index.json']) {
      assert.ok(count.has(p), `${p} was not fetched`);
    }
    assert.deepEqual(site.requests.filter((r) => r.path !== '/sw.js' && r.status !== 200), []);
    requestsBeforeOffline = site.requests.length;
  });

  test('offline once loaded: samples, an edit, the language and the report, with no request', async () => {
    // From here (not from the end of the test before: if that one failed, this one would list
    // the whole session's requests).
    requestsBeforeOffline = site.requests.length;
    site.setOffline(true);
    try {
      await loadSample('gd-actions-dispute');
      const s = samples.find((x) => x.id === 'gd-actions-dispute');
      await verdictIs(s.verdict);
      await until(() => document.querySelectorAll('#plan-body li.action').length > 0);
      await setLang('zh-Hans');
      await b.click('#report-show');
      await until(([n]) => (document.querySelector('iframe.report-frame').contentDocument.body.innerText || '').includes(n), [s.name]);
      await setLang('en');
      // (Only a check of sw.js by the browser, see above, may have tried the network.)
      assert.deepEqual(site.requests.slice(requestsBeforeOffline).filter((r) => !r.worker), []);
    } finally {
      site.setOffline(false);
    }
  });

  test('offline after one visit: a reload opens the page, the saved enterprise, a sample and the draft report', async () => {
    const saved = samples.find((x) => x.id === 'gd-actions-dispute');
    const other = samples.find((x) => x.id === 'hk-complaints');
    site.setOffline(true);
    const from = site.requests.length;
    try {
      await reopen();
      await until(shown, [], { what: 'the verdict after an offline reload' });
      await until(([n]) => document.querySelector('[data-path="/enterprise/name"]:is(input)')?.value === n, [saved.name], { what: 'the saved enterprise' });
      await verdictIs(saved.verdict);
      assert.equal(await b.js(() => Boolean(navigator.serviceWorker.controller)), true);
      await until(([n]) => document.querySelectorAll('[data-sample]').length === n, [samples.length]);
      await loadSample(other.id);
      await verdictIs(other.verdict);
      assert.deepEqual(await b.js(shown), { verdict: other.verdict, earliest: other.earliest });
      await b.click('#report-show');
      const text = await until(reportText, [], { what: 'the draft report after an offline reload' });
      assert.ok(text.includes(other.name), text.slice(0, 200));
      await b.js(() => document.getElementById('report').scrollIntoView());
      await b.shot('offline-reload-report');
      // What tried the network: the rule data (the worker reads it from the network first, then
      // its copy) and the browser's own check of sw.js; nothing else.
      const tried = site.requests.slice(from).filter((r) => !r.worker).map((r) => r.path);
      const expected = new Set(['/rules/wq179.json']);
      assert.deepEqual([...new Set(tried)].filter((p) => !expected.has(p)), []);
    } finally {
      site.setOffline(false);
    }
  });

  test('no error in the console of the whole session', async () => {
    assert.deepEqual(await problems(), []);
  });

  test('a report the frame cannot show: the page says so and still offers the download', async () => {
    // A browser that cannot write the report into the frame (here: its HTML parser fails, as in
    // a browser without one the page can use) in a fresh page.
    await reopen();
    await until(shown);
    await until(() => document.querySelectorAll('[data-sample]').length > 0);
    await b.js(() => { DOMParser.prototype.parseFromString = () => { throw new Error('no parser'); }; });
    await loadSample('gd-pass');
    await b.click('#report-show');
    const status = await until(() => document.querySelector('.report-status')?.textContent, [], { what: 'the failure message' });
    assert.match(status, /preview could not be shown.*Download the HTML file/);
    assert.deepEqual(await b.js(() => [...document.querySelectorAll('#report-body .buttons button')].map((x) => x.disabled)), [false, true, false]);
    assert.equal(await b.js(() => document.querySelector('.report-frame-box').hidden), true);
    const file = await b.download('#report-body .buttons button:nth-child(3)');
    assert.match(file.text, new RegExp(samples.find((x) => x.id === 'gd-pass').name));
    await b.js(() => document.getElementById('report').scrollIntoView());
    await b.shot('report-frame-failed');
    assert.deepEqual(await problems(), []);
  });
}
