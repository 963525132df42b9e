/**
 * scripts/build-pack.ts: which modules each pack holds, and that a packed dist/ runs each module once, with its
 * own chunk's paths, whichever packs define it — on a small stand-in dist/ run by a real node.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { packCommonJs, planPacks } from '../../scripts/build-pack.js';

type Imp = [path: string, kind: 'import-statement' | 'dynamic-import'];
const meta = (graph: Record<string, Imp[]>): Metafile => ({
  inputs: {},
  outputs: Object.fromEntries(
    Object.entries(graph).map(([id, imps]) => [
      `dist/${id}`,
      { bytes: 0, inputs: {}, exports: [], imports: imps.map(([path, kind]) => ({ path: `dist/${path}`, kind })) },
    ]),
  ),
});

// cli loads a statically and X, Y on demand; X and Y share b; X loads Z on demand, which needs b and c
const graph: Record<string, Imp[]> = {
  'cli.js': [
    ['chunks/a.js', 'import-statement'],
    ['chunks/x.js', 'dynamic-import'],
    ['chunks/y.js', 'dynamic-import'],
  ],
  'chunks/a.js': [],
  'chunks/b.js': [],
  'chunks/c.js': [],
  'chunks/x.js': [
    ['chunks/b.js', 'import-statement'],
    ['chunks/z.js', 'dynamic-import'],
  ],
  'chunks/y.js': [['chunks/b.js', 'import-statement']],
  'chunks/z.js': [
    ['chunks/b.js', 'import-statement'],
    ['chunks/c.js', 'import-statement'],
  ],
};

const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

describe('the packs', () => {
  it('hold what each load needs, less what every way to it has loaded', () => {
    const packs = Object.fromEntries(planPacks(meta(graph), () => false).map((p) => [p.file, p.members]));
    expect(packs).toEqual({
      'cli.js': ['chunks/a.js', 'cli.js'],
      'chunks/x.js': ['chunks/b.js', 'chunks/x.js'],
      'chunks/y.js': ['chunks/b.js', 'chunks/y.js'],
      // only reached through x, whose pack defined b
      'chunks/z.js': ['chunks/c.js', 'chunks/z.js'],
    });
  });

  it('keeps a module reached two ways in each pack that cannot count on the other', () => {
    const g = { ...graph, 'chunks/y.js': [...(graph['chunks/y.js'] ?? []), ['chunks/z.js', 'dynamic-import'] as Imp] };
    const z = planPacks(meta(g), () => false).find((p) => p.file === 'chunks/z.js');
    // from x, b is there; from y too: both defined it — so z still needs only c
    expect(z?.members).toEqual(['chunks/c.js', 'chunks/z.js']);
    const g2 = { ...g, 'chunks/y.js': [['chunks/z.js', 'dynamic-import'] as Imp] };
    // now y does not load b: z must carry it
    expect(planPacks(meta(g2), () => false).find((p) => p.file === 'chunks/z.js')?.members).toEqual([
      'chunks/b.js',
      'chunks/c.js',
      'chunks/z.js',
    ]);
  });

  it("gives an ESM screen's pack only what its static ESM imports, which run first, have not loaded", () => {
    // cli loads screen.mjs on demand; it imports ink.mjs statically; both require r, and the screen also s
    const esm = new Set(['chunks/screen.js', 'chunks/ink.js']);
    const packs = planPacks(
      meta({
        'cli.js': [['chunks/screen.js', 'dynamic-import']],
        'chunks/screen.js': [
          ['chunks/ink.js', 'import-statement'],
          ['chunks/r.js', 'import-statement'],
          ['chunks/s.js', 'import-statement'],
        ],
        'chunks/ink.js': [['chunks/r.js', 'import-statement']],
        'chunks/r.js': [],
        'chunks/s.js': [],
      }),
      (id) => esm.has(id),
    );
    expect(Object.fromEntries(packs.map((p) => [p.file, p.members]))).toEqual({
      'cli.js': ['cli.js'],
      'chunks/ink.deps.js': ['chunks/r.js'],
      'chunks/screen.deps.js': ['chunks/s.js'],
    });
    // loaded on demand instead, ink runs after the screen's requires: the screen's pack must carry r itself
    const later = planPacks(
      meta({
        'cli.js': [['chunks/screen.js', 'dynamic-import']],
        'chunks/screen.js': [
          ['chunks/ink.js', 'dynamic-import'],
          ['chunks/r.js', 'import-statement'],
        ],
        'chunks/ink.js': [['chunks/r.js', 'import-statement']],
        'chunks/r.js': [],
      }),
      (id) => esm.has(id),
    );
    expect(later.find((p) => p.file === 'chunks/screen.deps.js')?.members).toEqual(['chunks/r.js']);
    expect(later.find((p) => p.file === 'chunks/ink.deps.js')?.members).toEqual([]);
  });

  it('run each module once, with its own chunk as __filename, whichever pack defined it', () => {
    const dist = mkdtempSync(join(tmpdir(), 'lynx-pack-'));
    temps.push(dist);
    mkdirSync(join(dist, 'chunks'));
    writeFileSync(join(dist, 'package.json'), '{ "type": "commonjs" }\n');
    const src: Record<string, string> = {
      'cli.js':
        'const a=require("./chunks/a.js");' +
        'const x=require("./chunks/x.js"),y=require("./chunks/y.js");' +
        'console.log(JSON.stringify({a:a.file,b:globalThis.bRuns,same:x.b===y.b,z:x.z().c}));',
      'chunks/a.js': 'exports.file=require("node:path").relative(process.cwd(),__filename);',
      'chunks/b.js': 'globalThis.bRuns=(globalThis.bRuns||0)+1;exports.id={};',
      'chunks/c.js': 'exports.c=__dirname.endsWith("chunks");',
      'chunks/x.js': 'exports.b=require("./b.js").id;exports.z=()=>require("./z.js");',
      'chunks/y.js': 'exports.b=require("./b.js").id;',
      'chunks/z.js': 'require("./b.js");exports.c=require("./c.js").c;',
    };
    for (const [f, text] of Object.entries(src)) writeFileSync(join(dist, f), text);
    const r = packCommonJs(dist, meta(graph), Object.keys(src), []);
    expect(r.modules).toBe(7);
    // the modules are in the packs now, not in files of their own
    expect(existsSync(join(dist, 'chunks', 'a.js'))).toBe(false);
    expect(readFileSync(join(dist, 'chunks', 'y.js'), 'utf8')).toContain('"chunks/b.js"');
    const run = spawnSync(process.execPath, [join(dist, 'cli.js')], { cwd: dist, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ a: join('chunks', 'a.js'), b: 1, same: true, z: true });
  });

  it('refuses a require it cannot place, naming the file', () => {
    const dist = mkdtempSync(join(tmpdir(), 'lynx-pack-'));
    temps.push(dist);
    writeFileSync(join(dist, 'cli.js'), 'require("./elsewhere.js");');
    expect(() => packCommonJs(dist, meta({ 'cli.js': [] }), ['cli.js'], [])).toThrow(
      /cli\.js: cannot pack `require\("\.\/elsewhere\.js"\)`/,
    );
    // an ESM screen's require the packs cannot answer is refused too, before any file is written
    writeFileSync(join(dist, 'cli.js'), 'exports.ok=1;');
    writeFileSync(join(dist, 'screen.mjs'), 'const{x}=require("./nowhere.js");');
    const m = meta({ 'cli.js': [['screen.js', 'dynamic-import']], 'screen.js': [] });
    expect(() => packCommonJs(dist, m, ['cli.js'], ['screen.mjs'])).toThrow(/screen\.mjs: cannot reach/);
    expect(readFileSync(join(dist, 'cli.js'), 'utf8')).toBe('exports.ok=1;');
  });
});
