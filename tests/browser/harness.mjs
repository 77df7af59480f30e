// What the browser tests and the page benchmark share: how Debian's chromium is launched (never a
// downloaded browser) and how tools/serve.mjs is started on a free port.
import { spawn } from 'node:child_process';
import path from 'node:path';

export const LAUNCH = {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run'],
};

/** Starts tools/serve.mjs for `siteDir` on a free port; resolves to {child, url}. */
export function startServer(root, siteDir) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'tools', 'serve.mjs'), siteDir, '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error('serve.mjs did not start')), 10000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/^(http:\/\/localhost:\d+\/)\n/);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    });
    child.on('exit', (code) => reject(new Error(`serve.mjs exited (${code})`)));
  });
}
