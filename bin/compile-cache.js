// V8's code cache for lynx's own files in dist/: compiled bytecode kept across runs, so a start-up
// deserialises instead of parsing (`status` spends ~15 ms less). Node ≥ 22.1 has this built in
// (module.enableCompileCache, used when present); on Node 20 lynx does what it does, for dist/ only:
// compile each CommonJS file with vm.Script and the cached data, and write new data when the process
// exits. v8-compile-cache does the same for every module, but hashes each file with node:crypto (itself
// a few ms to load) and keeps one cache for all packages; this one keys on path, size and mtime and
// never touches node_modules.
//
// The cache is an optimisation and never trusted for meaning: V8 checks each entry against the source
// (length, V8 version and flags) and rejects a mismatch, which is then recompiled and rewritten; a key
// that names the file's size and mtime makes a rebuilt file a new entry; every write is temp + rename,
// so a concurrent or interrupted run leaves an entry whole or absent; any error disables it for the run.
//
//   LYNX_COMPILE_CACHE=0      off
//   LYNX_COMPILE_CACHE=<dir>  where the entries go (default: $XDG_CACHE_HOME or ~/.cache, then lynx/compile-cache)
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const dist = path.join(__dirname, '..', 'dist') + path.sep;

function cacheDir(env) {
  const set = env.LYNX_COMPILE_CACHE;
  if (set === '0' || set === 'off') return undefined;
  if (set) return path.resolve(set);
  const base = env.XDG_CACHE_HOME || (env.HOME ? path.join(env.HOME, '.cache') : undefined);
  return base ? path.join(base, 'lynx', 'compile-cache') : undefined;
}

/** The cache file of one module: its path under dist/, size and mtime, and the V8 that made it. */
function entryName(filename, stat) {
  const rel = filename.slice(dist.length).replace(/[\\/]/g, '_');
  return `${rel}-${stat.size}-${Math.trunc(stat.mtimeMs)}-${process.versions.v8}.bin`;
}

/**
 * Turn the cache on for this process. `onEvent(kind, file)` (tests) hears `hit`, `miss`, `rejected`
 * and `written`. Returns what was enabled: 'node' (the built-in cache), 'lynx' (this one) or 'off'.
 */
function enable(options = {}) {
  const env = options.env || process.env;
  const dir = cacheDir(env);
  if (!dir) return 'off';
  if (typeof Module.enableCompileCache === 'function') {
    Module.enableCompileCache(dir);
    return 'node';
  }
  const vm = require('node:vm');
  const onEvent = options.onEvent || (() => {});
  const root = options.dist ? path.resolve(options.dist) + path.sep : dist;
  const compile = Module.prototype._compile;
  const fresh = [];
  Module.prototype._compile = function (content, filename) {
    // esm-import.js calls import(), which vm.Script code cannot do on Node 20: it compiles natively
    if (!filename.startsWith(root) || filename.endsWith(`${path.sep}esm-import.js`))
      return compile.call(this, content, filename);
    let file;
    let cached;
    try {
      file = path.join(dir, entryName(filename, fs.statSync(filename)));
      cached = fs.readFileSync(file);
    } catch {
      cached = undefined;
    }
    const script = new vm.Script(Module.wrap(content), { filename, cachedData: cached });
    if (!cached) onEvent('miss', filename);
    else if (script.cachedDataRejected) onEvent('rejected', filename);
    else onEvent('hit', filename);
    if (file && (!cached || script.cachedDataRejected)) fresh.push({ file, script, filename });
    const require = Module.createRequire(filename);
    return script
      .runInThisContext({ displayErrors: true })
      .call(this.exports, this.exports, require, this, filename, path.dirname(filename));
  };
  // at exit the scripts hold every function this run compiled: the richest cache to write
  process.once('exit', () => {
    if (fresh.length === 0) return;
    try {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      for (const { file, script, filename } of fresh) {
        const tmp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(tmp, file);
        onEvent('written', filename);
      }
    } catch {
      // a read-only or full disk: lynx runs as well without the cache
    }
  });
  return 'lynx';
}

module.exports = { enable };
