// The built site served by tools/serve.mjs's own server, wrapped to count every request (each
// file must be fetched once), to play "offline" (every request then fails at the socket) and to
// answer 404 for chosen files. The site is a copy of the built one with the problem probe
// (probe.js) added as a file of its own and put first in the page, since not every driver can add
// a script before the page's own (WebKitWebDriver cannot, nor read the console); the copy is then
// stamped again by the build's own tools/precache.mjs, so that its service worker (the real one)
// keeps the page as served, probe included, and works offline.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createServer } from '../../tools/serve.mjs';

const PROBE = '__nvcheck_probe.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A copy of the built site `dir` with the probe first in its page; resolves to its folder. */
function siteWithProbe(dir) {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'nvcheck-engines-site-'));
  fs.cpSync(dir, copy, { recursive: true });
  fs.copyFileSync(new URL('./probe.js', import.meta.url), path.join(copy, PROBE));
  const page = path.join(copy, 'index.html');
  // The page as built, with the probe as the first script (same origin: the policy allows it).
  fs.writeFileSync(page, fs.readFileSync(page, 'utf8').replace('<head>', `<head>\n<script src="${PROBE}"></script>`));
  execFileSync(process.execPath, [path.join(root, 'tools', 'precache.mjs'), copy], { stdio: 'ignore' });
  // Their precompressed copies again (tools/precompress.mjs writes them for the whole site).
  for (const f of ['index.html', 'sw.js', PROBE]) {
    const raw = fs.readFileSync(path.join(copy, f));
    fs.writeFileSync(path.join(copy, f + '.br'), zlib.brotliCompressSync(raw));
    fs.writeFileSync(path.join(copy, f + '.gz'), zlib.gzipSync(raw));
  }
  return copy;
}

/**
 * Starts the site on a free port: {url, files (the service worker's), requests, setOffline(bool),
 * missing (a Set of paths answered 404), close()}. `requests` lists every request, in order: {path, status (-1: refused
 * offline), worker (the browser's fetch of a service worker's script: `Service-Worker: script`)}.
 */
export async function startSite(dir = process.env.NVCHECK_SITE_DIR || path.join(root, 'dist', 'site')) {
  const copy = siteWithProbe(dir);
  const server = createServer(copy);
  const [serve] = server.listeners('request');
  server.removeAllListeners('request');
  const requests = [];
  const missing = new Set();
  let offline = false;
  server.on('request', (req, res) => {
    const entry = { path: new URL(req.url, 'http://x').pathname, status: 0, worker: req.headers['service-worker'] === 'script' };
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
    serve(req, res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://localhost:${server.address().port}/`;
  // The worker's files, as the build's tool wrote them into the copy's sw.js.
  const files = Object.keys(JSON.parse(fs.readFileSync(path.join(copy, 'sw.js'), 'utf8').match(/^const FILES = (\{.*\});$/m)[1]));
  return {
    url,
    files,
    requests,
    missing,
    setOffline(v) {
      offline = v;
      if (v) server.closeAllConnections();  // kept-alive sockets too
    },
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      fs.rmSync(copy, { recursive: true, force: true });
    },
  };
}
