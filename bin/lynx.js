#!/usr/bin/env node
// The published entry point: compiled JavaScript only (never tsx at run time).
import '../dist/cli.js';
