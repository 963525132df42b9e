/**
 * bin/compile-cache.js: V8's code cache for dist/. On Node 20 lynx's own hook (hit, miss, a rejected
 * or stale entry recompiled, an unwritable directory ignored); on Node ≥ 22.1 the built-in cache.
 * Run on both Nodes by .ci/run (the Node 24 pass runs tests/integration).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const hook = join(root, 'bin', 'compile-cache.js');
const builtIn =
  (process.versions.node.split('.').map(Number) as [number, number])[0] >= 23 ||
  /^22\.([1-9]|\d\d)\./.test(process.versions.node);
const temps: string[] = [];
const temp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'lynx-cc-'));
  temps.push(d);
  return d;
};
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

/** A stand-in dist/ with one CommonJS module, loaded through the hook by a fresh node process. */
function world(): { dist: string; cache: string; mod: string } {
  const base = temp();
  const dist = join(base, 'dist');
  const mod = join(dist, 'mod.js');
  spawnSync('mkdir', ['-p', dist]);
  writeFileSync(join(dist, 'package.json'), '{ "type": "commonjs" }\n');
  writeFileSync(mod, 'module.exports = { answer: () => 40 + 2, file: __filename };\n');
  return { dist, cache: join(base, 'cache'), mod };
}

function load(w: { dist: string; cache: string; mod: string }, env: Record<string, string> = {}) {
  const script = `
    const events = [];
    const mode = require(${JSON.stringify(hook)}).enable({
      env: { LYNX_COMPILE_CACHE: ${JSON.stringify(w.cache)}, ...${JSON.stringify(env)} },
      dist: ${JSON.stringify(w.dist)},
      onEvent: (kind) => events.push(kind),
    });
    const m = require(${JSON.stringify(w.mod)});
    process.on('exit', () => console.log(JSON.stringify({ mode, events, answer: m.answer(), file: m.file })));`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as {
    mode: string;
    events: string[];
    answer: number;
    file: string;
  };
}

describe.skipIf(builtIn)('the Node 20 code cache (bin/compile-cache.js)', () => {
  it('compiles and writes on the first run, then reads the entry', () => {
    const w = world();
    const first = load(w);
    expect(first).toMatchObject({ mode: 'lynx', events: ['miss', 'written'], answer: 42, file: w.mod });
    expect(readdirSync(w.cache)).toHaveLength(1);
    const second = load(w);
    expect(second).toMatchObject({ mode: 'lynx', events: ['hit'], answer: 42 });
  });

  it('a rebuilt file of the same size is a new entry: the new code runs, not the cached one', () => {
    const w = world();
    load(w);
    writeFileSync(w.mod, 'module.exports = { answer: () => 40 + 3, file: __filename };\n');
    const later = new Date(statSync(w.mod).mtimeMs + 5000);
    utimesSync(w.mod, later, later);
    const run = load(w);
    expect(run.events).toEqual(['miss', 'written']);
    expect(run.answer).toBe(43);
  });

  it('a corrupt entry is rejected by V8, recompiled and rewritten', () => {
    const w = world();
    load(w);
    const [entry] = readdirSync(w.cache);
    writeFileSync(join(w.cache, entry ?? ''), Buffer.from('not a code cache at all'));
    const run = load(w);
    expect(run.events).toEqual(['rejected', 'written']);
    expect(run.answer).toBe(42);
    expect(readFileSync(join(w.cache, entry ?? '')).length).toBeGreaterThan(100);
    expect(load(w).events).toEqual(['hit']);
  });

  it('an unusable cache directory (a file in its place) costs nothing but the cache', () => {
    const w = world();
    writeFileSync(w.cache, 'a file, not a directory');
    const run = load(w);
    expect(run.answer).toBe(42);
    expect(run.events).toEqual(['miss']);
  });

  it('LYNX_COMPILE_CACHE=0 turns it off', () => {
    const w = world();
    const run = load(w, { LYNX_COMPILE_CACHE: '0' });
    expect(run).toMatchObject({ mode: 'off', events: [], answer: 42 });
  });
});

describe.runIf(builtIn)('the built-in code cache (Node ≥ 22.1)', () => {
  it('is what enable() turns on, in lynx cache directory', () => {
    const w = world();
    const run = load(w);
    expect(run).toMatchObject({ mode: 'node', events: [], answer: 42 });
    expect(readdirSync(w.cache).length).toBeGreaterThan(0);
  });
});

describe('the real entry point', () => {
  it('fills the cache for the files a command loads and gives the same answer from it', () => {
    const cache = temp();
    const env = { PATH: process.env.PATH ?? '', HOME: temp(), NO_COLOR: '1', LYNX_COMPILE_CACHE: cache };
    const run = () => spawnSync(process.execPath, [join(root, 'bin', 'lynx.js'), '--help'], { encoding: 'utf8', env });
    const first = run();
    expect(first.status).toBe(0);
    expect(readdirSync(cache).length).toBeGreaterThan(0);
    const second = run();
    expect(second.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stdout).toBe(readFileSync(join(root, 'tests', 'fixtures', 'help.txt'), 'utf8'));
  });
});
