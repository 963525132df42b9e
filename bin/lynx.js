#!/usr/bin/env node
// The published entry point: compiled JavaScript only (never tsx at run time). bin/ and dist/ are
// CommonJS (their package.json files say so): on Node 20 the ESM loader alone costs ~10 ms of the
// start-up budget, and only CommonJS can use V8's code cache there (./compile-cache.js; Node ≥ 22.1
// has its own). See scripts/build-commonjs.ts.
'use strict';
require('./compile-cache.js').enable();
require('../dist/cli.js').main();
