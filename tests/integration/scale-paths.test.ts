/**
 * Issue 20's fast paths for many manifests, proved against the slow ones on real trees: the narrowed glob
 * finds exactly what the glob finds (symlinks included), a read through a listed real path falls back to full
 * resolution when the file changed since, and the static gate's early manifest check keeps the error order.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { cleanup, git, tempDir, workspace, write } from '../helpers/cli.js';
import { openWorkspace } from '../../src/io/workspace.js';
import { loadPhase } from '../../src/io/curriculum.js';
import { buildContext } from '../../src/io/check-context.js';
import { runGate } from '../../src/core/gate.js';
import { phaseManifestGlobs } from '../../src/core/gate-manifests.js';
import { readRegularText } from '../../src/io/fsx-read.js';
import { InputError } from '../../src/core/errors.js';
import { capabilities } from '../../src/io/tools.js';

afterAll(cleanup);

const manifest = (sha: string, seed = 0): string =>
  JSON.stringify({ id: 'run', git_sha: sha, git_dirty: false, seed, versions: { python: '3.11.7' } });

async function context(dir: string) {
  const ws = await openWorkspace(dir);
  return buildContext(ws, 'ana', await loadPhase(ws, 0), { mode: 'static' });
}

describe("the manifests' narrowed glob", () => {
  it('finds what the glob finds: any depth, all three conventions, symlinks as the glob treats them', async () => {
    const dir = workspace('ana');
    const sha = git(dir, 'rev-parse', 'HEAD').trim();
    for (const rel of [
      'experiments/00-a/manifest.json',
      'experiments/00-b/deep/er/manifest.json',
      'experiments/x-00-c/manifest.json',
      'experiments/x-phase-00-d/manifest.json',
      'experiments/01-other/manifest.json', // another phase
      'experiments/00-e/not-a-manifest.json',
      'experiments/00-e/manifest.json.bak',
      'elsewhere/manifest.json',
      'elsewhere/dir/manifest.json',
    ])
      write(dir, rel, manifest(sha));
    mkdirSync(join(dir, 'experiments/00-f/manifest.json'), { recursive: true }); // a directory of that name
    symlinkSync(join(dir, 'elsewhere/manifest.json'), join(dir, 'experiments/00-a/linked-manifest.json'));
    mkdirSync(join(dir, 'experiments/00-g'));
    symlinkSync('../../elsewhere/manifest.json', join(dir, 'experiments/00-g/manifest.json')); // a link to a file
    symlinkSync(join(dir, 'elsewhere/dir'), join(dir, 'experiments/00-h')); // a linked directory: not descended
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'experiments/00-b/linked')); // nor one deeper down
    const ctx = await context(dir);
    const patterns = phaseManifestGlobs(0);
    const slow = globSync(patterns, { cwd: dir, onlyFiles: true, dot: true, followSymbolicLinks: false });
    const fast = ctx.fs.glob(patterns);
    // the glob's own answer, plus a link to a file of that name (counted, then resolved when read, since wave 3)
    expect(fast).toEqual([...slow, 'experiments/00-g/manifest.json'].sort());
    expect(fast).toEqual([
      'experiments/00-a/manifest.json',
      'experiments/00-b/deep/er/manifest.json',
      'experiments/00-g/manifest.json',
      'experiments/x-00-c/manifest.json',
      'experiments/x-phase-00-d/manifest.json',
    ]);
    for (const p of fast) expect(ctx.fs.read(p)).toBe(manifest(sha)); // the linked one read through its target
  });

  it('refuses a manifest linking out of the workspace, or experiments/ linked out, when listed', async () => {
    const dir = workspace('ana');
    const out = tempDir();
    writeFileSync(join(out, 'manifest.json'), manifest('0'.repeat(40)));
    mkdirSync(join(dir, 'experiments/00-a'), { recursive: true });
    symlinkSync(join(out, 'manifest.json'), join(dir, 'experiments/00-a/manifest.json'));
    const ctx = await context(dir);
    expect(() => ctx.fs.glob(phaseManifestGlobs(0))).toThrow(/outside the workspace/);

    const dir2 = workspace('ana');
    mkdirSync(join(out, 'exp/00-run'), { recursive: true });
    writeFileSync(join(out, 'exp/00-run/manifest.json'), manifest('0'.repeat(40)));
    symlinkSync(join(out, 'exp'), join(dir2, 'experiments'));
    const ctx2 = await context(dir2);
    expect(() => ctx2.fs.glob(phaseManifestGlobs(0))).toThrow(/experiments: resolves to .*outside the workspace/);
    // with no match under it there is nothing to refuse (as before): the glob is empty
    rmSync(join(out, 'exp/00-run'), { recursive: true });
    expect(ctx2.fs.glob(phaseManifestGlobs(0))).toEqual([]);
  });

  it('a listed file replaced since (by a link out, a link in, or nothing) is resolved in full when read', async () => {
    const dir = workspace('ana');
    const sha = git(dir, 'rev-parse', 'HEAD').trim();
    const rel = 'experiments/00-a/manifest.json';
    write(dir, rel, manifest(sha, 1));
    write(dir, 'elsewhere/manifest.json', manifest(sha, 2));
    const out = tempDir();
    writeFileSync(join(out, 'manifest.json'), manifest(sha, 3));
    const ctx = await context(dir);
    expect(ctx.fs.glob(phaseManifestGlobs(0))).toEqual([rel]);
    expect(ctx.fs.read(rel)).toBe(manifest(sha, 1));
    rmSync(join(dir, rel));
    symlinkSync(join(dir, 'elsewhere/manifest.json'), join(dir, rel));
    expect(ctx.fs.read(rel)).toBe(manifest(sha, 2));
    rmSync(join(dir, rel));
    symlinkSync(join(out, 'manifest.json'), join(dir, rel));
    expect(() => ctx.fs.read(rel)).toThrow(/outside the workspace/);
    rmSync(join(dir, rel));
    expect(ctx.fs.read(rel)).toBeUndefined();
  });
});

describe('readRegularText with a real path already proved', () => {
  it('reads it; follows nothing at it; refuses what the full resolution refuses', () => {
    const root = tempDir();
    const out = tempDir();
    writeFileSync(join(root, 'a.json'), '{"a":1}');
    writeFileSync(join(root, 'b.json'), '{"b":2}');
    writeFileSync(join(out, 'c.json'), '{"c":3}');
    const read = (real: string) =>
      readRegularText(join(root, 'a.json'), { display: 'a.json', cap: 1024, root, optional: true, real });
    expect(read(join(root, 'a.json'))).toBe('{"a":1}');
    symlinkSync(join(out, 'c.json'), join(root, 'l.json'));
    // the "real" path is a link now: never read through; the path itself decides (a.json, inside)
    expect(read(join(root, 'l.json'))).toBe('{"a":1}');
    rmSync(join(root, 'a.json'));
    symlinkSync(join(out, 'c.json'), join(root, 'a.json'));
    expect(() => read(join(root, 'a.json'))).toThrow(InputError);
    rmSync(join(root, 'a.json'));
    expect(read(join(root, 'a.json'))).toBeUndefined();
  });

  it('reads to the size fstat gave, or to EOF, and keeps the cap', () => {
    const root = tempDir();
    writeFileSync(join(root, 'big.txt'), 'x'.repeat(2000));
    writeFileSync(join(root, 'empty.txt'), '');
    const opts = { root, optional: true as const };
    expect(readRegularText(join(root, 'big.txt'), { ...opts, display: 'big.txt', cap: 4096 })).toHaveLength(2000);
    expect(readRegularText(join(root, 'empty.txt'), { ...opts, display: 'empty.txt', cap: 10 })).toBe('');
    expect(() => readRegularText(join(root, 'big.txt'), { ...opts, display: 'big.txt', cap: 1999 })).toThrow(
      /over the 0 MiB limit/,
    );
    // ASCII and UTF-8 both decode; a NUL is refused either way, naming its line and column
    writeFileSync(join(root, 'u.txt'), 'é\n');
    expect(readRegularText(join(root, 'u.txt'), { ...opts, display: 'u.txt', cap: 10 })).toBe('é\n');
    writeFileSync(join(root, 'n.txt'), 'ab\ncd\0');
    expect(() => readRegularText(join(root, 'n.txt'), { ...opts, display: 'n.txt', cap: 10 })).toThrow(
      /n\.txt:2:3 a NUL byte/,
    );
  });
});

describe("the static gate's early manifest check", () => {
  it("names a DoD item's corrupt file before a corrupt manifest, as when it ran last; either alone", async () => {
    const dir = workspace('ana');
    const sha = git(dir, 'rev-parse', 'HEAD').trim();
    write(dir, 'experiments/00-a/manifest.json', '{"git_sha": ');
    mkdirSync(join(dir, '.claude'), { recursive: true });
    writeFileSync(join(dir, '.claude/settings.json'), Buffer.from([0x7b, 0xff, 0x7d])); // a DoD grep reads it
    const run = async () => runGate(await context(dir), { ritual: true, requireClean: false });
    await expect(run()).rejects.toThrow(/\.claude\/settings\.json:1:2 not valid UTF-8/);
    write(dir, '.claude/settings.json', '{}');
    await expect(run()).rejects.toThrow(/experiments\/00-a\/manifest\.json:1:\d+ invalid JSON/);
    write(dir, 'experiments/00-a/manifest.json', manifest(sha));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'a manifest');
    const ok = await run();
    expect(ok.checks.find((c) => c.id === 'gate:manifests')).toMatchObject({
      status: 'pass',
      message: '1 manifest(s) clean',
    });
    expect(ok.checks.map((c) => c.id).slice(-3)).toEqual(['gate:manifests', 'gate:plan', 'gate:honesty']);
  });
});

describe('capabilities', () => {
  it('probed once per PATH and LYNX_HAVE, again when either changes', () => {
    const bin = tempDir();
    const saved = { PATH: process.env.PATH, LYNX_HAVE: process.env.LYNX_HAVE };
    try {
      process.env.PATH = bin;
      delete process.env.LYNX_HAVE;
      expect(capabilities().has('gpu')).toBe(false);
      writeFileSync(join(bin, 'nvidia-smi'), '#!/bin/sh\n', { mode: 0o755 });
      expect(capabilities().has('gpu')).toBe(false); // the same PATH: the first probe stands for the run
      process.env.PATH = `${bin}:`;
      expect(capabilities().has('gpu')).toBe(true);
      process.env.LYNX_HAVE = 'cloud';
      expect(capabilities().has('cloud')).toBe(true);
      capabilities().add('tampered');
      expect(capabilities().has('tampered')).toBe(false); // each caller gets its own copy
    } finally {
      process.env.PATH = saved.PATH;
      if (saved.LYNX_HAVE === undefined) delete process.env.LYNX_HAVE;
      else process.env.LYNX_HAVE = saved.LYNX_HAVE;
    }
  });
});
