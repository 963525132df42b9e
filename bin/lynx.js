#!/usr/bin/env node
// The published entry point: compiled JavaScript only (never tsx at run time).
// Node ≥ 22.1 caches compiled bytecode across runs (free start-up time); older Nodes lack the API.
import module from 'node:module';

module.enableCompileCache?.();
await import('../dist/cli.js');
