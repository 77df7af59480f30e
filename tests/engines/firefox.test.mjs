// The page in firefox (see engines.mjs and scenario.mjs).
import { scenario } from './scenario.mjs';
import { firefox } from './engines.mjs';

scenario(firefox);
