// The three engines, each from Debian's own browser package and driven the way it can be (no
// browser is ever downloaded): Chromium (`chromium`) through playwright-core, WebKit
// (`webkit2gtk-driver`: WebKitWebDriver and MiniBrowser, under an Xvfb this file starts) through
// selenium-webdriver, Firefox (`firefox-esr`) through puppeteer-core over WebDriver BiDi.
//
// Each engine offers the same few calls to scenario.mjs:
//   open(url)            load the page
//   js(fn, ...args)      run fn in the page, resolve to its (JSON) result; fn may be async
//   click(selector)      a real click on the element
//   type(selector, text) real keystrokes into a text field (cleared first)
//   download(selector)   click, then resolve to {name, text} of the file the browser saved
//   shot(name)           a PNG screenshot into tests/engines/screenshots/
//   printed()            (where the engine can print to a file) resolves to the PDF printed
//   consoleErrors()      what the driver saw in the console (errors), where it can see it
//   close()
// and says what its session can do:
//   httpCache            false where the session has no HTTP cache for the service worker to take
//                        the page's files from (WebKit's automation session is ephemeral)
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const shotsDir = path.join(here, 'screenshots');
const VIEWPORT = { width: 1280, height: 900 };

function tempDir(name) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `nvcheck-${name}-`));
}

/** What is in `dir`: name -> modification time (savedFile's `before`). */
function listing(dir) {
  return new Map(fs.readdirSync(dir).map((f) => [f, fs.statSync(path.join(dir, f)).mtimeMs]));
}

/** Resolves to the one file that appears (or is written again) in `dir`, once complete. */
async function savedFile(dir, before, timeout = 30000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    // The newest file that is new or written again (a browser may leave another beside it).
    const fresh = [...listing(dir)].filter(([f, t]) => before.get(f) !== t && !/\.(part|crdownload|download)$/.test(f) && !f.startsWith('.'))
      .sort((a, b) => b[1] - a[1]).map(([f]) => f);
    if (fresh.length >= 1) {
      const file = path.join(dir, fresh[0]);
      const text = fs.statSync(file).isFile() ? fs.readFileSync(file, 'utf8') : '';
      if (text.length > 0) return { name: fresh[0], text };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no file saved in ${dir}`);
}

/** Resolves to `file` once it exists and its size stopped changing. */
async function fileWritten(file, timeout = 20000) {
  const end = Date.now() + timeout;
  let size = -1;
  while (Date.now() < end) {
    const now = fs.existsSync(file) ? fs.statSync(file).size : -1;
    if (now > 0 && now === size) return file;
    size = now;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${file} was not written`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

// ---- Chromium: playwright-core ----------------------------------------------------------

export async function chromium() {
  const { chromium: pw } = await import('playwright-core');
  const { LAUNCH } = await import('../browser/harness.mjs');
  const browser = await pw.launch(LAUNCH);
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US', acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push('pageerror: ' + e.message));
  return {
    name: 'chromium',
    httpCache: true,
    version: browser.version(),
    open: (url) => page.goto(url),
    js: (fn, ...args) => page.evaluate(fn, args),
    click: (sel) => page.click(sel),
    type: async (sel, text) => { await page.fill(sel, ''); await page.type(sel, text); },
    download: async (sel) => {
      const [dl] = await Promise.all([page.waitForEvent('download'), page.click(sel)]);
      return { name: dl.suggestedFilename(), text: fs.readFileSync(await dl.path(), 'utf8') };
    },
    shot: (name) => page.screenshot({ path: path.join(shotsDir, `chromium-${name}.png`) }),
    consoleErrors: () => errors.slice(),
    close: () => browser.close(),
  };
}

// ---- Firefox: puppeteer-core, WebDriver BiDi --------------------------------------------

export async function firefox() {
  const { default: puppeteer } = await import('puppeteer-core');
  const downloads = tempDir('firefox-downloads');
  // Print goes, without a dialog, to a PDF file: the test sees that the frame really printed.
  const pdf = path.join(downloads, 'printed.pdf');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr',
    headless: true,
    protocolTimeout: 60000,
    userDataDir: tempDir('firefox-profile'),
    extraPrefsFirefox: {
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.alwaysOpenPanel': false,
      'intl.accept_languages': 'en-US',
      'print.always_print_silent': true,
      'print.show_print_progress': false,
      print_printer: 'Mozilla Save to PDF',
      'print.printer_Mozilla_Save_to_PDF.print_to_file': true,
      'print.printer_Mozilla_Save_to_PDF.print_to_filename': pdf,
    },
  });
  const page = await browser.newPage();
  await page.setViewport(VIEWPORT);
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push('pageerror: ' + (e && e.message ? e.message : e)));
  return {
    name: 'firefox',
    httpCache: true,
    version: await browser.version(),
    open: (url) => page.goto(url),
    js: (fn, ...args) => page.evaluate(fn, args),
    // Scrolled to first: a section with `content-visibility: auto` has no box while off screen.
    click: async (sel) => {
      await page.$eval(sel, (el) => el.scrollIntoView({ block: 'center' }));
      await page.click(sel);
    },
    type: async (sel, text) => {
      await page.$eval(sel, (el) => { el.value = ''; });
      await page.type(sel, text);
    },
    download: async (sel) => {
      const before = listing(downloads);
      await page.$eval(sel, (el) => el.scrollIntoView({ block: 'center' }));
      await page.click(sel);
      return savedFile(downloads, before);
    },
    printed: () => fileWritten(pdf),
    shot: (name) => page.screenshot({ path: path.join(shotsDir, `firefox-${name}.png`) }),
    consoleErrors: () => errors.slice(),
    close: () => browser.close(),
  };
}

// ---- WebKit: WebKitWebDriver + MiniBrowser under Xvfb, selenium-webdriver -----------------

/** MiniBrowser of libwebkit2gtk-4.1-0 (webkit2gtk-driver's dependency), found with dpkg -L. */
function miniBrowser() {
  if (process.env.MINIBROWSER) return process.env.MINIBROWSER;
  const files = execFileSync('dpkg', ['-L', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' }).split('\n');
  const found = files.find((f) => f.endsWith('/MiniBrowser'));
  if (!found) throw new Error('MiniBrowser not found (apt-get install webkit2gtk-driver)');
  return found;
}

/** Starts Xvfb on a free display; resolves to {display, stop()}. */
function startXvfb() {
  return new Promise((resolve, reject) => {
    const x = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1400x1000x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    x.on('error', reject);
    x.on('exit', (code) => reject(new Error(`Xvfb exited (${code})`)));
    x.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/^(\d+)\n/);
      if (m) resolve({ display: `:${m[1]}`, stop: () => { x.removeAllListeners('exit'); x.kill(); } });
    });
  });
}

/** Waits until the driver answers on `port`. */
async function driverUp(port, child) {
  for (let i = 0; i < 100; i += 1) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode})`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/status`);
      if (r.ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('WebKitWebDriver did not start');
}

export async function webkit() {
  const { Builder, By } = await import('selenium-webdriver');
  const xvfb = await startXvfb();
  const home = tempDir('webkit-home');  // MiniBrowser saves downloads in $HOME
  const port = await freePort();
  const env = { ...process.env, DISPLAY: xvfb.display, HOME: home, XDG_DOWNLOAD_DIR: home, LANG: 'en_US.UTF-8', LANGUAGE: 'en_US' };
  delete env.WAYLAND_DISPLAY;
  const wd = spawn('WebKitWebDriver', [`--port=${port}`], { stdio: 'ignore', env });
  let driver;
  try {
    await driverUp(port, wd);
    driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: miniBrowser(), args: ['--automation'] },
    }).build();
    await driver.manage().window().setRect({ x: 0, y: 0, ...VIEWPORT });
  } catch (err) {
    wd.kill();
    xvfb.stop();
    throw err;
  }
  const el = (sel) => driver.findElement(By.css(sel));
  // Scrolls the element into view and, once the page has drawn two frames, listens for the
  // click on it (window.__nvcheckHit: null until the next click, then whether it reached it).
  const settledInView = (sel) => driver.executeAsyncScript(
    `const done = arguments[arguments.length - 1];
     const e = document.querySelector(arguments[0]);
     if (e) e.scrollIntoView({ block: 'center' });
     window.__nvcheckHit = null;
     const sel = arguments[0];
     // Matched when the click comes: the page may have replaced the element meanwhile.
     if (e) {
       document.addEventListener('click', (ev) => { window.__nvcheckHit = ev.target instanceof Element && ev.target.closest(sel) !== null; }, { capture: true, once: true });
     }
     requestAnimationFrame(() => requestAnimationFrame(() => done()));`, sel);
  // Whether the last click reached its element (false: WebKitWebDriver clicked where the element
  // was found, and something else was there by then). The driver may answer before the page has
  // the event: waited for, up to 2 s. A page that left meanwhile: it did.
  const clickArrived = () => driver.executeAsyncScript(
    `const done = arguments[arguments.length - 1];
     const end = performance.now() + 2000;
     (function poll() {
       if (window.__nvcheckHit !== null || performance.now() > end) done(window.__nvcheckHit !== false);
       else setTimeout(poll, 20);
     })();`).catch(() => true);
  // Clicks `sel` until the click reaches it: found and scrolled to again after a stale or not
  // interactable element (the page replaced it, or WebKit found it moving or covered for a
  // moment) or a click that landed elsewhere.
  async function clickReaching(sel) {
    for (let i = 0; ; i += 1) {
      try {
        await settledInView(sel);
        await (await el(sel)).click();
        if (await clickArrived()) return;
        if (i >= 5) throw new Error(`webkit: the click on ${sel} landed elsewhere ${i + 1} times`);
      } catch (err) {
        if (!['StaleElementReferenceError', 'ElementNotInteractableError'].includes(err.name) || i >= 5) throw err;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const version = (await driver.getCapabilities()).get('browserVersion');
  return {
    name: 'webkit',
    // MiniBrowser in automation mode uses an ephemeral session (no disk cache: a first visit's
    // worker must ask the server again for what the page loaded); webkitPlain() below opens a
    // persistent one, where each file is fetched once.
    httpCache: false,
    version: `WebKitGTK ${version}`,
    open: (url) => driver.get(url),
    // The function's source is sent; the page calls it with the arguments and the driver awaits it.
    js: (fn, ...args) => driver.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       Promise.resolve((${fn.toString()})(arguments[0])).then((v) => done({ v }), (e) => done({ e: String(e && e.stack || e) }));`,
      args).then((r) => {
      if (r && 'e' in r) throw new Error(r.e);
      return r ? r.v : undefined;
    }),
    // Found again if the page replaced the element meanwhile (the sample list is rendered anew
    // once it arrives: a button found before is then stale). Scrolled to first, and clicked once
    // the page has drawn two frames since; clicked again if the click did not reach the element:
    // WebKitWebDriver clicks at the point where it found the element, and a section that gets
    // its box as it comes on screen (`content-visibility: auto`) can move the element in between
    // (a click then went to whatever was there, once a legend of the form: the button's action
    // never ran).
    click: (sel) => clickReaching(sel),
    type: async (sel, text) => {
      const e = await el(sel);
      await e.clear();
      await e.sendKeys(text);
    },
    download: async (sel) => {
      const before = listing(home);
      await clickReaching(sel);
      return savedFile(home, before);
    },
    shot: async (name) => fs.writeFileSync(path.join(shotsDir, `webkit-${name}.png`), Buffer.from(await driver.takeScreenshot(), 'base64')),
    consoleErrors: () => [],  // WebKitWebDriver does not give the console: probe.js's record is all
    close: async () => {
      try {
        await driver.quit();
      } finally {
        wd.kill();
        xvfb.stop();
      }
    },
  };
}

/**
 * MiniBrowser without automation, in a persistent profile of its own (as a person's browser
 * keeps a disk cache), opened on `url` under an Xvfb of its own: nothing drives it; the caller
 * watches the server. Resolves to {close()}.
 */
export async function webkitPlain(url) {
  const xvfb = await startXvfb();
  const home = tempDir('webkit-plain-home');
  const env = { ...process.env, DISPLAY: xvfb.display, HOME: home, LANG: 'en_US.UTF-8', LANGUAGE: 'en_US' };
  delete env.WAYLAND_DISPLAY;
  const mb = spawn(miniBrowser(), [url], { stdio: 'ignore', env });
  return {
    close: async () => {
      const gone = new Promise((r) => { if (mb.exitCode !== null) r(); else mb.once('exit', r); });
      mb.kill();
      await gone;
      xvfb.stop();
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}
