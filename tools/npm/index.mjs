// nvcheck's npm entry: the engine adapter (engine.mjs) as it is, with a load() that finds
// nvcheck.wasm beside this file under Node (the module itself is built for the web).
export * from './engine.mjs';
import { load as loadModule } from './engine.mjs';

/**
 * Starts the module. In a browser, nvcheck.wasm is fetched beside nvcheck.mjs; under Node its
 * bytes are read from this package unless options.wasmBinary is given.
 */
export async function load(options = {}) {
  if (!options.wasmBinary && !options.locateFile && typeof process === 'object' && process.versions && process.versions.node) {
    const { readFile } = await import('node:fs/promises');
    options = { ...options, wasmBinary: await readFile(new URL('./nvcheck.wasm', import.meta.url)) };
  }
  return loadModule(options);
}
