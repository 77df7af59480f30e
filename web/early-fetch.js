// The page's early requests and the engine's start: the two files the first verdict waits for
// are requested as soon as the page's first frame is drawn, and the engine (engine.mjs) starts from them. index.html
// loads this module on its own (async, no static imports), so the requests go out before the
// engine's modules have arrived and the WebAssembly module compiles while the page's other modules
// load. Each request is the one its reader uses: a file is fetched once in every engine, without
// depending on how a browser matches a <link rel=preload> to a later fetch (WebKit fetched both
// files twice, Firefox the rules).

const FILES = {
  wasm: () => fetch(new URL('nvcheck.wasm', import.meta.url), { credentials: 'same-origin' }),
  // Asked afresh (ETag): an edited rules file is seen at once.
  rules: () => fetch(new URL('rules/wq179.json', import.meta.url), { cache: 'no-cache' }),
};

// Once the page's first frame is on screen (issue 13, Lighthouse mobile): the module's download
// and compile would share the phone's network and processor with what that frame needs (the page,
// its styles, its first texts). The browser says when it painted (the first-contentful-paint
// entry, known once the frame is presented); where it does not, two frames later. A hidden page
// has no frames: its requests go out at once, as they do after half a second whatever happens.
const painted = new Promise((resolve) => {
  if (document.visibilityState === 'hidden' || typeof requestAnimationFrame !== 'function') {
    resolve();
    return;
  }
  setTimeout(resolve, 500);
  const types = (typeof PerformanceObserver === 'function' && PerformanceObserver.supportedEntryTypes) || [];
  if (types.includes('paint')) {
    const seen = new PerformanceObserver((list) => {
      if (list.getEntries().some((e) => e.name === 'first-contentful-paint')) {
        seen.disconnect();
        resolve();
      }
    });
    seen.observe({ type: 'paint', buffered: true });
  } else {
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)));
  }
});

const early = {};
for (const [name, get] of Object.entries(FILES)) {
  early[name] = painted.then(get);
  early[name].catch(() => {});  // a failure is its reader's to report, not an unhandled rejection
}

/** The response of `name` ('wasm' or 'rules'): the early request the first time, a new one after. */
function take(name) {
  const p = early[name] || FILES[name]();
  early[name] = null;
  return p;
}

/**
 * Starts the engine (engine.mjs load()) from the early request for nvcheck.wasm. Later calls get
 * the same start; after a failed start or a crash (the adapter forgets it) the engine starts
 * again, with a new request.
 */
export function startEngine() {
  return import('./engine.mjs').then((engine) => engine.load({ fetchWasm: () => take('wasm') }));
}

/** The text of rules/wq179.json beside the page, or null. */
export function rulesFileBeside() {
  return take('rules').then((resp) => (resp.ok ? resp.text() : null), () => null);
}

// At once, while the page's other modules load (a failure is reported by app.js's start).
startEngine().catch(() => {});
