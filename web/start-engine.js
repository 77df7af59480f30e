// Starts the engine as soon as its own modules have arrived: index.html loads this file as an
// async module, which runs without waiting for the page's other modules or for the document to
// be parsed, so the WebAssembly module compiles while they load. app.js's start() then gets the
// same promise (and reports a failure: start() forgets a failed attempt, app.js tries again).
import { start } from './engine.js';

start().catch(() => {});
