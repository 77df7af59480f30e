#!/usr/bin/env node
// Writes the service worker's list of files and the build's version into dist/site/sw.js
// (tools/build-site.sh runs it): every file of the site but the worker itself and the
// precompressed copies, and a version made of their contents, so that a new build is a new
// sw.js and the browser installs it (web/sw.js, web/offline.js).
//
//   node tools/precache.mjs DIR
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dir = path.resolve(process.argv[2] || 'dist/site');

function walk(d, rel = '') {
  const out = [];
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(path.join(d, e.name), r));
    else out.push(r);
  }
  return out;
}

const files = walk(dir).filter((f) => f !== 'sw.js' && !/\.(br|gz)$/.test(f)).sort();
const hash = crypto.createHash('sha256');
for (const f of files) hash.update(f).update('\0').update(fs.readFileSync(path.join(dir, f))).update('\0');
const version = hash.digest('hex').slice(0, 16);

const swPath = path.join(dir, 'sw.js');
const src = fs.readFileSync(swPath, 'utf8');
const out = src
  .replace(/^const VERSION = '[^']*';$/m, `const VERSION = '${version}';`)
  .replace(/^const FILES = \[\];$/m, `const FILES = ${JSON.stringify(files)};`);
if (out === src || !out.includes(version) || !out.includes('"index.html"')) {
  process.stderr.write('precache: sw.js has no VERSION/FILES lines to fill\n');
  process.exit(1);
}
fs.writeFileSync(swPath, out);
process.stdout.write(`precache: ${files.length} files, version ${version}\n`);
