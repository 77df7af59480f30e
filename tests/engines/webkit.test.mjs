// The page in webkit (see engines.mjs and scenario.mjs).
import { scenario } from './scenario.mjs';
import { webkit } from './engines.mjs';

scenario(webkit);
