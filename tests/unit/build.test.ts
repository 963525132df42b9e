import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dist = join(root, 'dist');

/** The built CLI (npm test builds first): one code-split build, so module state exists once. */
describe.runIf(existsSync(join(dist, 'meta.json')))('the build', () => {
  const meta = JSON.parse(readFileSync(join(dist, 'meta.json'), 'utf8')) as {
    outputs: Record<string, { inputs: Record<string, unknown> }>;
  };

  it('puts every source module in exactly one output file', () => {
    const owners = new Map<string, string[]>();
    for (const [out, o] of Object.entries(meta.outputs)) {
      if (!out.endsWith('.js')) continue;
      for (const input of Object.keys(o.inputs)) owners.set(input, [...(owners.get(input) ?? []), out]);
    }
    const twice = [...owners].filter(([, outs]) => outs.length > 1).map(([i, outs]) => `${i} in ${outs.join(', ')}`);
    expect(twice).toEqual([]);
    expect(owners.has('src/core/errors.ts')).toBe(true);
  });

  it('has one layer: cli.js and its chunks, no standalone copies', () => {
    // esm-import.js is not a module of src/: the one-line import() the CommonJS files call (build-commonjs.ts)
    expect(readdirSync(dist).filter((f) => f.endsWith('.js'))).toEqual(['cli.js', 'esm-import.js']);
    expect(existsSync(join(dist, 'fast'))).toBe(false);
    expect(existsSync(join(dist, 'lazy'))).toBe(false);
  });

  it('replaces packages by the stub files in src/stubs, not by rewriting their source', () => {
    const inputs = new Set(Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs)));
    expect(inputs.has('src/stubs/is-in-ci.ts')).toBe(true);
    expect([...inputs].some((i) => i.includes('node_modules/is-in-ci/'))).toBe(false);
    expect(inputs.has('src/stubs/commander-child-process.ts')).toBe(true);
    // yoga's entry (whose loader fetches its own inline wasm) is replaced; its wasm and wrapper are used
    expect(inputs.has('src/stubs/yoga-layout.ts')).toBe(true);
    expect([...inputs].some((i) => i.endsWith('yoga-layout/dist/src/index.js'))).toBe(false);
    expect([...inputs].some((i) => i.endsWith('yoga-layout/dist/binaries/yoga-wasm-base64-esm.js'))).toBe(true);
  });

  it('is CommonJS except the screens that need top-level await, which only import() reaches', () => {
    expect(JSON.parse(readFileSync(join(dist, 'package.json'), 'utf8'))).toEqual({ type: 'commonjs' });
    const files = readdirSync(join(dist, 'chunks'));
    const esm = files.filter((f) => f.endsWith('.mjs'));
    // ink, react and yoga-layout (top-level await) and the screens built on them; nothing else
    expect(esm.length).toBeGreaterThan(0);
    expect(esm.length).toBeLessThan(10);
    for (const f of files.filter((x) => x.endsWith('.js'))) {
      const text = readFileSync(join(dist, 'chunks', f), 'utf8');
      // a CommonJS file reaches an ESM one only through esm-import.js, never by require()
      expect(text).not.toMatch(/require\("[^"]*\.mjs"\)/);
      expect(text).not.toMatch(/^import[\s{]/);
      // a builtin imported on demand is require()d: a real import() would start the ESM loader and resolve only
      // after event-loop turns (it held back git's snapshot until a checkpoint had read every manifest)
      expect(text, f).not.toMatch(/__lynxImport\("node:/);
    }
    const cli = readFileSync(join(dist, 'cli.js'), 'utf8');
    expect(cli).not.toMatch(/\bimport\(/);
  });

  it("keeps in ESM only what awaits at the top level: the screens' other dependencies are CommonJS, required", () => {
    const esmOutputs = Object.entries(meta.outputs).filter(
      ([out]) => out.endsWith('.js') && existsSync(join(root, out.replace(/\.js$/, '.mjs'))),
    );
    expect(esmOutputs.length).toBeGreaterThan(0);
    const inEsm = esmOutputs.flatMap(([, o]) => Object.keys(o.inputs));
    expect(inEsm.some((i) => i.includes('node_modules/ink/'))).toBe(true);
    // scripts/island-deps.ts pulled these out of the screens' chunk, so they load with the code cache
    for (const dep of ['react-reconciler', 'react/', 'scheduler', 'emoji-regex', 'yoga-layout/dist/binaries'])
      expect(
        inEsm.filter((i) => i.includes(`node_modules/${dep}`)),
        dep,
      ).toEqual([]);
    expect(existsSync(join(dist, 'island-deps.js'))).toBe(false); // the build-only entry is not shipped
    for (const f of readdirSync(join(dist, 'chunks')).filter((x) => x.endsWith('.mjs'))) {
      const text = readFileSync(join(dist, 'chunks', f), 'utf8');
      // an import of a CommonJS file would run cjs-module-lexer over it at every start: they are require()d
      expect(text, f).not.toMatch(/(?:^|[;}\s])import\s*(?:\{[^}]*\}\s*from\s*)?"\.\/[^"]*\.js"/);
      // …from the screen's own pack of them (scripts/build-pack.ts)
      expect(text, f).toMatch(/require\("\.\/[\w-]+\.deps\.js"\)\.get\("chunks\/chunk-[A-Z0-9]+\.js"\)/);
    }
  });

  it('loads the start-up commands without the ESM loader (no .mjs, no fs/promises)', () => {
    const run = spawnSync(
      process.execPath,
      ['-r', join(root, 'tests', 'fixtures', 'module-list.cjs'), join(root, 'bin', 'lynx.js'), '--help'],
      { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1' } },
    );
    expect(run.status).toBe(0);
    const loaded = run.stderr.split('\n');
    expect(loaded.filter((m) => m.endsWith('.mjs'))).toEqual([]);
    expect(loaded).not.toContain('NativeModule internal/modules/esm/module_job');
    expect(loaded).not.toContain('NativeModule internal/fs/promises');
    expect(loaded.some((m) => m.endsWith(`${join('dist', 'cli.js')}`))).toBe(true);
  });
});
