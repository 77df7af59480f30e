// The page's service worker (registered by offline.js): after one visit the page opens, reloads
// and works with no network. Every file of the site is kept in a cache named by the build's
// version; a new build (another version, so another sw.js) is installed beside the old one and
// waits until the page says "reload to update" and the person agrees. Only the site's own files
// are ever asked for; a request for anything else is left to the browser (the page's policy
// forbids it anyway).
//
// tools/build-site.sh writes the list of files and the version into the copy in dist/site
// (tools/precache.mjs); this source has an empty list, so a page served from web/ caches nothing.

const VERSION = 'dev';
const FILES = [];
const CACHE = `nvcheck-${VERSION}`;
// Read from the network first (the cache when offline): an association may replace the rule data
// beside the page without a rebuild (README), and the page must see it at once.
const FRESH = new Set(['rules/wq179.json']);

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) =>
    // `no-cache`: asked again of the server (a 304 when unchanged), never an older HTTP-cache copy.
    cache.addAll(FILES.map((f) => new Request(f, { cache: 'no-cache' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(keys
    .filter((k) => k.startsWith('nvcheck-') && k !== CACHE).map((k) => caches.delete(k)))));
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'update') self.skipWaiting();
});

function siteFile(url) {
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return null;
  const name = url.pathname.slice(scope.pathname.length);
  return name === '' ? 'index.html' : name;
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const name = siteFile(new URL(req.url));
  if (name === null || !FILES.includes(name)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    if (FRESH.has(name)) {
      try {
        const resp = await fetch(req);
        if (resp.ok) return resp;
      } catch {
        // offline: the copy kept at install
      }
    }
    const hit = await cache.match(name);
    return hit || fetch(req);
  })());
});
