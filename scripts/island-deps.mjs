/**
 * A build-only entry point (scripts/build.ts removes its output file): it reaches the interactive screens'
 * dependencies that have no top-level await, so esbuild's splitting puts them in chunks of their own rather
 * than in the screens' ESM chunk. Those chunks become CommonJS (scripts/build-commonjs.ts) and load with
 * V8's code cache (bin/compile-cache.js); what stays ESM is ink's own modules and the yoga stub, which await at
 * the top level (measured on a pty, caches warm: quiz first frame 3.45 → 3.24 × `node -e ''`).
 * Re-exported, not imported for effect: a package marked side-effect free would be dropped. JavaScript, not
 * TypeScript: most of these packages ship no types, and nothing imports this file.
 */
export * as reactReconciler from 'react-reconciler';
export * as reconcilerConstants from 'react-reconciler/constants.js';
export * as react from 'react';
export * as jsxRuntime from 'react/jsx-runtime';
export * as scheduler from 'scheduler';
export * as yogaWasm from '../node_modules/yoga-layout/dist/binaries/yoga-wasm-base64-esm.js';
export * as yogaWrap from '../node_modules/yoga-layout/dist/src/wrapAssembly.js';
export * as emojiRegex from 'emoji-regex';
export * as sliceAnsi from 'slice-ansi';
export * as stringWidth from 'string-width';
export * as wrapAnsi from 'wrap-ansi';
export * as cliTruncate from 'cli-truncate';
export * as signalExit from 'signal-exit';
export * as ansiEscapes from 'ansi-escapes';
export * as stackUtils from 'stack-utils';
