import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, git, lynx, tempDir } from '../helpers/cli.js';

afterAll(cleanup);

describe('lynx demo', () => {
  it('builds a real demo workspace and walks every step', () => {
    const dir = join(tempDir(), 'demo');
    const r = lynx(['demo', '--dir', dir, '--json'], { cwd: tempDir(), timeout: 120_000 });
    const out = JSON.parse(r.stdout) as { dir: string; ok: boolean; steps: { command: string; ok: boolean; output: string }[] };
    expect(out.steps.filter((s) => !s.ok)).toEqual([]);
    expect(r.code).toBe(0);
    expect(out.dir).toBe(dir);
    for (const f of ['lynx.yaml', 'Justfile', 'src/utils/seeding.py', 'learners/demo/progress.md', 'experiments/00-seeding-demo/manifest.json']) expect(existsSync(join(dir, f)), f).toBe(true);
    const m = JSON.parse(readFileSync(join(dir, 'experiments/00-seeding-demo/manifest.json'), 'utf8')) as { git_sha: string; git_dirty: boolean };
    expect(m.git_dirty).toBe(false);
    expect(git(dir, 'cat-file', '-t', m.git_sha).trim()).toBe('commit');
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('refuses a non-empty --dir', () => {
    const dir = tempDir();
    const r1 = lynx(['demo', '--dir', dir], { cwd: dir });
    expect(r1.code).toBe(0);
    const r2 = lynx(['demo', '--dir', dir], { cwd: dir });
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('is not empty');
  });
});
