#!/usr/bin/env node
// A dependency-free static server for the built site (or any folder), for trying the page and
// for the browser tests. The page itself needs no server logic: any static host works.
//
//   node tools/serve.mjs [DIR] [PORT] [--host HOST]
//
// DIR defaults to dist/site, PORT to 8179 (0 picks a free port). Prints the page's URL
// (`http://localhost:PORT/`) on its first line of output. Sends each HTML file's own
// Content-Security-Policy (read from its <meta http-equiv> tag, so the header and the meta
// always agree) and the page's policy for every other file. A file with a precompressed copy
// beside it (NAME.br, NAME.gz: tools/precompress.mjs) is sent as that copy to a browser that
// accepts it (Accept-Encoding; Vary says so), with the file's own type and an ETag of its own.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const PAGE_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.pdf': 'application/pdf',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
};

/** The encodings a request accepts (q > 0), of those the site has copies in: 'br', 'gzip'. */
function accepted(header) {
  const ok = new Set();
  for (const part of String(header || '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q && !(Number(q.slice(2)) > 0)) continue;
    if (name === 'br' || name === 'gzip' || name === '*') ok.add(name);
  }
  return ok;
}

/** The copy to send: {file, stat, encoding} (the file itself when no accepted copy exists). */
function variant(file, stat, acceptEncoding) {
  const ok = accepted(acceptEncoding);
  for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
    if (!ok.has(enc) && !ok.has('*')) continue;
    try {
      const s = fs.statSync(file + ext);
      if (s.isFile()) return { file: file + ext, stat: s, encoding: enc };
    } catch {
      // no such copy
    }
  }
  return { file, stat, encoding: null };
}

function parseArgs(argv) {
  const o = { dir: path.join(root, 'dist', 'site'), port: 8179, host: '127.0.0.1' };
  const rest = [];
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === '--host') o.host = argv[++i];
    else if (a === '--port') o.port = Number(argv[++i]);
    else if (a === '--dir') o.dir = path.resolve(argv[++i]);
    else if (a === '-h' || a === '--help') o.help = true;
    else rest.push(a);
  }
  for (const a of rest) {
    if (/^\d+$/.test(a)) o.port = Number(a);
    else o.dir = path.resolve(a);
  }
  return o;
}

const cspCache = new Map();
/** The policy an HTML file declares in its meta tag (cached by mtime), else the page's. */
function cspFor(file, stat) {
  if (!/\.html?$/.test(file)) return PAGE_CSP;
  const hit = cspCache.get(file);
  if (hit && hit.mtime === stat.mtimeMs) return hit.csp;
  let csp = PAGE_CSP;
  try {
    const head = fs.readFileSync(file, 'utf8').slice(0, 8192);
    const m = head.match(/<meta\s+http-equiv=["']Content-Security-Policy["']\s+content=(?:"([^"]+)"|'([^']+)')/i);
    if (m) csp = m[1] || m[2];
  } catch {
    // keep the page's policy
  }
  cspCache.set(file, { mtime: stat.mtimeMs, csp });
  return csp;
}

export function createServer(dir) {
  const base = path.resolve(dir);
  return http.createServer((req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      send(400, 'Bad request\n');
      return;
    }
    if (pathname.includes('\0')) {
      send(400, 'Bad request\n');
      return;
    }
    let file = path.resolve(base, '.' + pathname);
    if (file !== base && !file.startsWith(base + path.sep)) {
      send(403, 'Forbidden\n');
      return;
    }
    fs.stat(file, (err, stat) => {
      if (!err && stat.isDirectory()) {
        if (!pathname.endsWith('/')) {
          res.writeHead(301, { Location: pathname + '/' });
          res.end();
          return;
        }
        file = path.join(file, 'index.html');
        try {
          stat = fs.statSync(file);
        } catch (e) {
          err = e;
        }
      }
      if (err || !stat.isFile()) {
        send(404, 'Not found\n');
        return;
      }
      const type = TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
      const hasCopies = fs.existsSync(file + '.br') || fs.existsSync(file + '.gz');
      const sent = variant(file, stat, req.headers['accept-encoding']);
      // `no-cache` with a validator: the browser keeps each file and asks on every load whether
      // it changed (an edited rules file is seen at once); an unchanged file costs a 304 and no
      // body (nvcheck.wasm is 660 KiB), and its cache entry, with what V8 cached of its compiled
      // code, is kept.
      const etag = `W/"${sent.stat.size.toString(16)}-${Math.floor(sent.stat.mtimeMs).toString(16)}${sent.encoding ? '-' + sent.encoding : ''}"`;
      const headers = {
        'Content-Type': type,
        'Content-Security-Policy': cspFor(file, stat),
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-cache',
        ETag: etag,
        'Last-Modified': stat.mtime.toUTCString(),
        ...(hasCopies ? { Vary: 'Accept-Encoding' } : {}),
        ...(sent.encoding ? { 'Content-Encoding': sent.encoding } : {}),
      };
      if ((req.headers['if-none-match'] || '').split(/\s*,\s*/).includes(etag)) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
      res.writeHead(200, { ...headers, 'Content-Length': sent.stat.size });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      fs.createReadStream(sent.file).on('error', () => res.destroy()).pipe(res);
    });
  });
}

function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.help) {
    process.stdout.write('usage: node tools/serve.mjs [DIR] [PORT] [--host HOST]\n' +
      '  DIR: folder to serve (default dist/site); PORT: default 8179, 0 for a free one\n');
    return;
  }
  if (!fs.existsSync(path.join(o.dir, 'index.html'))) {
    process.stderr.write(`serve: ${o.dir} has no index.html (build the site first: tools/build-site.sh)\n`);
  }
  const server = createServer(o.dir);
  server.on('error', (e) => {
    process.stderr.write(`serve: ${e.message}\n`);
    process.exit(1);
  });
  server.listen(o.port, o.host, () => {
    const { port } = server.address();
    process.stdout.write(`http://localhost:${port}/\n`);
    process.stderr.write(`serving ${o.dir} on ${o.host}:${port} (Ctrl-C to stop)\n`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
