// The built site served by tools/serve.mjs's own server, wrapped to count every request (each
// file must be fetched once), to play "offline" (every request then fails at the socket), to
// answer 404 for chosen files, and to put the problem probe (probe.js) first in the page, since
// not every driver can add a script before the page's own (WebKitWebDriver cannot, nor read the
// console).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, PAGE_CSP } from '../../tools/serve.mjs';

const PROBE = '/__nvcheck_probe.js';
const probeSource = fs.readFileSync(new URL('./probe.js', import.meta.url), 'utf8');

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Starts the site on a free port: {url, requests, setOffline(bool), missing (a Set of paths
 * answered 404), close()}. `requests` lists every request but the probe's, in order.
 */
export async function startSite(dir = process.env.NVCHECK_SITE_DIR || path.join(root, 'dist', 'site')) {
  const server = createServer(dir);
  const [serve] = server.listeners('request');
  server.removeAllListeners('request');
  const requests = [];  // {path, status} in the order they came
  const missing = new Set();
  let offline = false;
  server.on('request', (req, res) => {
    const entry = { path: new URL(req.url, 'http://x').pathname, status: 0 };
    if (entry.path === PROBE && !offline) {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(probeSource);
      return;
    }
    if (entry.path === '/sw.js') {
      // This scenario tests the page itself, request by request: its service worker (whose
      // precache fetches every file a second time) is replaced by one that does nothing. The real
      // worker's offline reload and update are tested in chromium (tests/browser/offline.test.mjs).
      // Like the probe it is the test's own, not a site file: not counted, answered even
      // "offline" (a browser checks a worker's script for updates on its own schedule).
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end("self.addEventListener('install', () => self.skipWaiting());\n");
      return;
    }
    requests.push(entry);
    if (offline) {
      entry.status = -1;
      req.socket.destroy();
      return;
    }
    res.on('finish', () => { entry.status = res.statusCode; });
    if (missing.has(entry.path)) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found\n');
      return;
    }
    if (entry.path === '/' || entry.path === '/index.html') {
      // The page as built, with the probe as the first script (same origin: the policy allows it).
      const page = fs.readFileSync(path.join(dir, 'index.html'), 'utf8')
        .replace('<head>', `<head>\n<script src="${PROBE}"></script>`);
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PAGE_CSP, 'Cache-Control': 'no-store' });
      res.end(page);
      return;
    }
    serve(req, res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://localhost:${server.address().port}/`;
  return {
    url,
    requests,
    missing,
    setOffline(v) {
      offline = v;
      if (v) server.closeAllConnections();  // kept-alive sockets too
    },
    close() {
      server.closeAllConnections();
      return new Promise((r) => server.close(r));
    },
  };
}
