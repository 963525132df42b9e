import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, git, gitRepo, tempDir, write } from '../helpers/cli.js';
import * as g from '../../src/io/git.js';
import { run } from '../../src/io/proc.js';
import { findJust } from '../../src/io/tools.js';

afterAll(cleanup);

describe('git adapter (real repositories)', () => {
  it('head, ancestry, commit existence', async () => {
    const dir = gitRepo();
    const first = (await g.headSha(dir))!;
    expect(first).toMatch(/^[0-9a-f]{40}$/);
    write(dir, 'a.txt', 'a');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'a');
    const second = (await g.headSha(dir))!;
    expect(await g.isAncestor(dir, first, second)).toBe(true);
    expect(await g.isAncestor(dir, second, first)).toBe(false);
    expect(await g.commitExists(dir, first)).toBe(true);
    expect(await g.commitExists(dir, 'f'.repeat(40))).toBe(false);
    expect(await g.isAncestor(dir, 'f'.repeat(40), second)).toBe(false);
  });

  it('no commits yet → null head', async () => {
    const dir = tempDir();
    git(dir, 'init', '-q');
    expect(await g.headSha(dir)).toBeNull();
  });

  it('dirty files include untracked and renamed files and exclude .lynx/', async () => {
    const dir = gitRepo();
    write(dir, 'tracked.txt', '1');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 't');
    write(dir, 'tracked.txt', '2');
    write(dir, 'new dir/untracked file.txt', 'u');
    write(dir, '.lynx/lock.owner.json', '{}');
    git(dir, 'mv', 'README.md', 'READ.md');
    expect((await g.dirtyFiles(dir)).sort()).toEqual(['READ.md', 'new dir/untracked file.txt', 'tracked.txt']);
    expect(await g.isCommitted(dir, 'tracked.txt')).toBe(false);
    expect(await g.isCommitted(dir, 'new dir/untracked file.txt')).toBe(false);
  });

  it('committed and commit order', async () => {
    const dir = gitRepo();
    write(dir, 'notes/breaks.md', 'prediction');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'predictions');
    write(dir, 'solution.md', 'solution');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'solution');
    expect(await g.isCommitted(dir, 'notes/breaks.md')).toBe(true);
    const a = (await g.firstCommit(dir, 'notes/breaks.md'))!;
    const b = (await g.firstCommit(dir, 'solution.md'))!;
    expect(await g.isAncestor(dir, a.sha, b.sha)).toBe(true);
    expect(await g.firstCommit(dir, 'never.md')).toBeUndefined();
    expect(await g.isIgnored(dir, 'x')).toBe(false);
  });
});

describe('process adapter', () => {
  it('captures output, exit code and duration; writes the full log', async () => {
    const dir = tempDir();
    const log = join(dir, 'logs', 'run.log');
    const r = await run(['python3', '-c', 'import sys; print("out"); print("err", file=sys.stderr); sys.exit(3)'], {
      cwd: dir,
      timeoutMs: 10_000,
      logFile: log,
    });
    expect(r.exitCode).toBe(3);
    expect(r.output).toContain('out');
    expect(r.output).toContain('err');
    expect(readFileSync(log, 'utf8')).toContain('out');
  });

  it('caps the in-memory output at the tail', async () => {
    const r = await run(['python3', '-c', 'print("x" * 100000); print("END")'], {
      cwd: tempDir(),
      timeoutMs: 10_000,
      capBytes: 1000,
    });
    expect(r.truncated).toBe(true);
    expect(r.output.length).toBeLessThanOrEqual(1000);
    expect(r.output).toContain('END');
  });

  it('a timeout kills the whole process tree', async () => {
    const dir = tempDir();
    // the child starts a grandchild that would write a file after 3 s; neither may survive
    const script =
      'import subprocess, sys, time\nsubprocess.Popen([sys.executable, "-c", "import time; time.sleep(3); ' +
      'open(\\"survived\\", \\"w\\").write(\\"x\\")"])\ntime.sleep(30)';
    const r = await run(['python3', '-c', script], { cwd: dir, timeoutMs: 500, killGraceMs: 200 });
    expect(r.timedOut).toBe(true);
    expect(r.exitCode).not.toBe(0);
    await new Promise((res) => setTimeout(res, 3500));
    expect(existsSync(join(dir, 'survived'))).toBe(false);
  });

  it('a missing program is an environment error', async () => {
    await expect(run(['definitely-not-a-program-xyz'], { cwd: tempDir(), timeoutMs: 1000 })).rejects.toThrow(
      /command not found: definitely-not-a-program-xyz/,
    );
  });

  it('just is found on PATH or as the bundled rust-just binary', async () => {
    const just = findJust();
    expect(just).toBeDefined();
    const r = await run([just!.path, '--version'], { cwd: tempDir(), timeoutMs: 5000 });
    expect(r.output).toMatch(/^just \d+\.\d+/);
  });
});
