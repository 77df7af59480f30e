// The built site's modules, as tools/bundle.mjs, tools/precache.mjs and the preload test read
// them: what a module imports, and which modules the page's bundle (app.js) holds.
import fs from 'node:fs';
import path from 'node:path';

/** The site-relative files `file` in `dir` imports statically (`import ... from './x.js'`, `import './x.js'`). */
export function importsOf(dir, file) {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  const found = new Set();
  for (const m of text.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*{}\s,$]+\s*from\s*)?['"](\.{1,2}\/[^'"]+)['"]/g)) {
    found.add(path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1])));
  }
  return [...found];
}

// The bundle's first line names the modules it holds: `// bundle: a.js b.js ...`.
const MARK = '// bundle: ';

/** The first line of a bundle that holds `modules`. */
export const bundleHeader = (modules) => `${MARK}${modules.join(' ')}\n`;

/** The modules the bundle app.js in `dir` holds, or none when the modules are apart. */
export function bundledModules(dir) {
  const file = path.join(dir, 'app.js');
  if (!fs.existsSync(file)) return [];
  const first = fs.readFileSync(file, 'utf8').split('\n', 1)[0];
  return first.startsWith(MARK) ? first.slice(MARK.length).split(' ') : [];
}
