// The two files the first verdict waits for, requested the moment the page starts: index.html
// loads this module on its own (async, no imports), so the requests go out before the engine's
// modules have arrived. Each request is the one its reader uses (engine.js takes the responses):
// a file is fetched once in every engine, without depending on how a browser matches a
// <link rel=preload> to a later fetch (WebKit fetched both files twice, Firefox the rules).

const FILES = {
  wasm: () => fetch(new URL('nvcheck.wasm', import.meta.url), { credentials: 'same-origin' }),
  // Asked afresh (ETag): an edited rules file is seen at once.
  rules: () => fetch(new URL('rules/wq179.json', import.meta.url), { cache: 'no-cache' }),
};

const early = {};
for (const [name, get] of Object.entries(FILES)) {
  early[name] = get();
  early[name].catch(() => {});  // a failure is its reader's to report, not an unhandled rejection
}

/** The response of `name` ('wasm' or 'rules'): the early request the first time, a new one after. */
export function take(name) {
  const p = early[name] || FILES[name]();
  early[name] = null;
  return p;
}
