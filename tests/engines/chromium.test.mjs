// The page in chromium (see engines.mjs and scenario.mjs).
import { scenario } from './scenario.mjs';
import { chromium } from './engines.mjs';

scenario(chromium);
