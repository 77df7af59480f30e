// The page's service worker (registered by offline.js): after one visit the page opens, reloads
// and works with no network. Every file of the site is kept in a cache named by the build's
// version; a new build (another version, so another sw.js) is installed beside the old one and
// waits until the page says "reload to update" and the person agrees. Only the site's own files
// are ever asked for; a request for anything else is left to the browser (the page's policy
// forbids it anyway).
//
// tools/build-site.sh writes the files, each with the SHA-256 of its bytes, and the version into
// the copy in dist/site (tools/precache.mjs); this source has an empty list, so a page served from
// web/ caches nothing.
//
// Each file is fetched once (issue 18), and the cache holds the files of THIS version only
// (docs/offline.md):
// - A copy is taken from wherever it already is before the server is asked: the previous
//   version's cache (an update: the unchanged files), else the browser's HTTP cache (a first
//   visit: what the page has just loaded, `only-if-cached`, so no request goes out).
// - Whatever its source, a copy is kept only if its bytes have this version's SHA-256: an older
//   copy in the HTTP cache (a file changed since a visit before) is not this version's, and is
//   then asked of the server (`no-cache`). A server whose file is still another (it holds another
//   build than this sw.js) fails the worker: a cache is this version's, complete, or none at all.
// - On a first visit the files the page has not loaded are asked for only once this worker
//   controls the page (activate, after clients.claim()) and the page has said that its own
//   requests made before are over (offline.js: 'settled'; what it loaded is then in the HTTP
//   cache): a request the page makes after the claim is answered by this worker (a fetch event
//   waits until the worker is activated, by then the file is kept), so the page and the worker
//   never both ask for one file. An update asks the server in install, since it must be complete
//   before the page offers it.
// The rule data (FRESH) is the exception: an association may replace it beside the page without a
// rebuild (README), so it is not part of the version. It is read from the network first, and the
// copy kept is the last one the server gave (the page checks the data's own id and version).

const VERSION = 'dev';
const FILES = {};
const CACHE = `nvcheck-${VERSION}`;
// Read from the network first (the cache when offline): an association may replace the rule data
// beside the page without a rebuild (README), and the page must see it at once.
const FRESH = new Set(['rules/wq179.json']);

const NAMES = Object.keys(FILES);
const urlOf = (name) => new URL(name, self.registration.scope).href;

async function sha256(buf) {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', buf));
  return Array.from(d, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** `resp` if it is this version's `name` (its bytes' SHA-256, any bytes for FRESH), else null. */
async function ofThisVersion(name, resp) {
  if (!resp || !resp.ok) return null;
  if (FRESH.has(name)) return resp;
  return (await sha256(await resp.clone().arrayBuffer())) === FILES[name] ? resp : null;
}

/** A copy of `name` in a previous version's cache (same bytes: an unchanged file), or null. */
async function fromOldCaches(name) {
  for (const key of await caches.keys()) {
    if (!key.startsWith('nvcheck-') || key === CACHE) continue;
    const hit = await ofThisVersion(name, await (await caches.open(key)).match(urlOf(name), { ignoreVary: true }));
    if (hit) return hit;
  }
  return null;
}

/** The page's own copy of `name` in the HTTP cache, without any request (the page: `./` too). */
async function fromHttpCache(name) {
  const urls = name === 'index.html' ? [self.registration.scope, urlOf(name)] : [urlOf(name)];
  for (const url of urls) {
    try {
      const hit = await ofThisVersion(name, await fetch(url, { cache: 'only-if-cached', mode: 'same-origin' }));
      if (hit) return hit;
    } catch {
      // not in the HTTP cache
    }
  }
  return null;
}

/** `name` asked of the server; rejects unless it is this version's file. */
async function fromServer(name) {
  const resp = await fetch(urlOf(name), { cache: 'no-cache' });
  const ok = await ofThisVersion(name, resp);
  if (!ok) throw new Error(`sw.js: ${name} on the server is not version ${VERSION}'s (${resp.status})`);
  return ok;
}

// Files being asked of the server by fill(): name -> promise (the fetch handler waits for it
// rather than asking again).
const pending = new Map();

/** Puts in the cache every file not in it yet, from `sources` in order; the names still missing. */
async function fill(cache, sources) {
  const missing = [];
  await Promise.all(NAMES.map(async (name) => {
    if (await cache.match(urlOf(name), { ignoreVary: true })) return;  // kept by an earlier try
    for (const source of sources) {
      const got = source(name);
      if (source === fromServer) pending.set(name, got);
      try {
        const resp = await got;
        if (resp) {
          await cache.put(urlOf(name), resp);
          return;
        }
      } finally {
        pending.delete(name);
      }
    }
    missing.push(name);
  }));
  return missing;
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // An update (a worker is active) is completed here; a first visit's worker takes only what the
    // page has already loaded, and the rest once it controls the page (activate).
    const update = Boolean(self.registration.active);
    await fill(cache, update ? [fromOldCaches, fromHttpCache, fromServer] : [fromOldCaches, fromHttpCache]);
  })());
});

// Resolved by the page's 'settled' message (offline.js).
let pageSettled = () => {};

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // The page's word, or 30 s if no page says it (one closed meanwhile): then the HTTP cache.
    const settled = new Promise((resolve) => {
      pageSettled = resolve;
      setTimeout(resolve, 30000);
    });
    await self.clients.claim();
    const cache = await caches.open(CACHE);
    // An update's cache is complete (install); a first visit's waits for the page, if one is open.
    const complete = (await Promise.all(NAMES.map((n) => cache.match(urlOf(n), { ignoreVary: true })))).every(Boolean);
    if (!complete && (await self.clients.matchAll({ type: 'window' })).length > 0) await settled;
    try {
      await fill(cache, [fromOldCaches, fromHttpCache, fromServer]);
    } catch (err) {
      // Another build on the server, or the network gone before every file was kept: no cache
      // that mixes versions or misses a file. The page goes on from the network; its next visit
      // registers the worker again.
      await caches.delete(CACHE);
      await self.registration.unregister();
      throw err;
    }
    const keys = await caches.keys();
    await Promise.all(keys.filter((k) => k.startsWith('nvcheck-') && k !== CACHE).map((k) => caches.delete(k)));
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'update') self.skipWaiting();
  if (event.data && event.data.type === 'settled') pageSettled();
});

function siteFile(url) {
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return null;
  const name = url.pathname.slice(scope.pathname.length);
  return name === '' ? 'index.html' : name;
}

/** The kept copy of `name` (once fill() has it, if it is asking the server now), or undefined. */
async function kept(cache, name) {
  const hit = await cache.match(urlOf(name), { ignoreVary: true });
  if (hit || !pending.has(name)) return hit;
  await pending.get(name).catch(() => {});
  return cache.match(urlOf(name), { ignoreVary: true });
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const name = siteFile(new URL(req.url));
  if (name === null || !Object.hasOwn(FILES, name)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    if (FRESH.has(name)) {
      try {
        const resp = await fetch(req);
        if (resp.ok) {
          // The copy for offline is the last one the server gave.
          await cache.put(urlOf(name), resp.clone());
          return resp;
        }
      } catch {
        // offline: the copy kept
      }
    }
    return (await kept(cache, name)) || fetch(req);
  })());
});
