import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { cleanup, git, gitRepo, lynx, tempDir, write, type Run } from '../helpers/cli.js';
import { call } from '../helpers/app.js';
import { manifestDiff } from '../../src/app/manifest-diff.js';
import { manifestCheck } from '../../src/app/manifest-check.js';

// In process (tests/helpers/app.ts): the manifest diff/check use cases presented as the CLI would;
// the first case stays black-box (argv, --quiet, the process's exit code and exact streams).
const only = ({ code, stdout, stderr }: Run): Run => ({ code, stdout, stderr });
const diff = async (dir: string, a: string, b: string, o: { quiet?: boolean; json?: boolean } = {}): Promise<Run> =>
  only(
    await call('manifest-diff', () => manifestDiff({ cwd: dir, a, b }), {
      cwd: dir,
      quiet: o.quiet === true,
      json: o.json === true,
    }),
  );
const check = async (dir: string, paths: string[] = [], json = false): Promise<Run> =>
  only(await call('manifest-check', () => manifestCheck({ cwd: dir, paths }), { cwd: dir, json }));

afterAll(cleanup);

// monday.json from Phase 0 theory 04 §1 (L3315-3323); tuesday.json as Lab 04 §1 builds it: "same, but with numpy
// 2.0.2".
const MONDAY = {
  git_sha: 'a1b2c3d',
  git_dirty: false,
  seed: 42,
  versions: { python: '3.11.9', numpy: '2.0.1', torch: 'not installed' },
  hardware: { cpu: 'Intel i5-8250U', ram_gb: 62, os: 'Fedora 43' },
  env: { OMP_NUM_THREADS: '8', PYTHONHASHSEED: '42' },
  mean_loss: 0.4321,
};
const TUESDAY = { ...MONDAY, versions: { ...MONDAY.versions, numpy: '2.0.2' } };

function demo(files: Record<string, unknown>): string {
  const dir = tempDir();
  for (const [f, v] of Object.entries(files))
    write(dir, f, typeof v === 'string' ? v : `${JSON.stringify(v, null, 2)}\n`);
  return dir;
}

describe('lynx manifest diff', () => {
  it("the text's own example: exactly one VERSIONS line, the no-differences line, exit 1", () => {
    const dir = demo({ 'experiments/diff-demo/monday.json': MONDAY, 'experiments/diff-demo/tuesday.json': TUESDAY });
    const r = lynx(['manifest', 'diff', 'experiments/diff-demo/monday.json', 'experiments/diff-demo/tuesday.json'], {
      cwd: dir,
    });
    expect(r).toEqual({
      code: 1,
      stdout: '[VERSIONS] numpy: 2.0.1 -> 2.0.2\n(no differences in CODE, HARDWARE, ENV, TIME, OTHER)\n',
      stderr: '',
    });
    const q = lynx(
      ['manifest', 'diff', 'experiments/diff-demo/monday.json', 'experiments/diff-demo/tuesday.json', '--quiet'],
      { cwd: dir },
    );
    expect(q).toEqual({ code: 1, stdout: '[VERSIONS] numpy: 2.0.1 -> 2.0.2\n', stderr: '' });
  });

  it('identical manifests exit 0; a missing key prints <missing>; groups print in drift order', async () => {
    const { OMP_NUM_THREADS: _omp, ...envNoOmp } = MONDAY.env;
    const dir = demo({
      'a.json': MONDAY,
      'b.json': MONDAY,
      'no-omp.json': { ...MONDAY, env: envNoOmp },
      'later.json': {
        ...MONDAY,
        git_dirty: true,
        hardware: { ...MONDAY.hardware, gpu: 'none' },
        wall_seconds: 6.31,
        mean_loss: 0.4327,
      },
    });
    expect(await diff(dir, 'a.json', 'b.json')).toEqual({
      code: 0,
      stdout: '(no differences in CODE, VERSIONS, HARDWARE, ENV, TIME, OTHER)\n',
      stderr: '',
    });
    expect(await diff(dir, 'no-omp.json', 'a.json')).toEqual({
      code: 0,
      stdout: '[ENV] OMP_NUM_THREADS: <missing> -> 8\n(no differences in CODE, VERSIONS, HARDWARE, TIME, OTHER)\n',
      stderr: '',
    });
    const r = await diff(dir, 'later.json', 'a.json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        '[CODE] git_dirty: true -> false',
        '[HARDWARE] gpu: none -> <missing>',
        '[TIME] wall_seconds: 6.31 -> <missing>',
        '[OTHER] mean_loss: 0.4327 -> 0.4321',
        '(no differences in VERSIONS, ENV)',
        '',
      ].join('\n'),
    );
    const j = JSON.parse((await diff(dir, 'a.json', 'later.json', { json: true })).stdout) as {
      drift: boolean;
      differences: { category: string; key: string }[];
      no_differences_in: string[];
    };
    expect(j.drift).toBe(true);
    expect(j.differences.map((d) => d.key)).toEqual(['git_dirty', 'hardware.gpu', 'wall_seconds', 'mean_loss']);
    expect(j.no_differences_in).toEqual(['VERSIONS', 'ENV']);
  });

  it('unreadable input exits 2 naming the file (and line:column for bad JSON)', async () => {
    const dir = demo({
      'a.json': MONDAY,
      'broken.json': '{\n  "git_sha": "a1b2c3d",\n  "seed": 42,,\n}\n',
      'list.json': [1, 2],
    });
    const missing = await diff(dir, 'a.json', 'nope.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json: file not found');
    const broken = await diff(dir, 'broken.json', 'a.json');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.json:3:\d+ invalid JSON/);
    expect((await diff(dir, 'a.json', 'list.json')).code).toBe(2);
  });
});

describe('lynx manifest check', () => {
  function repo(): { dir: string; head: string; other: string } {
    const dir = gitRepo();
    git(dir, 'checkout', '-q', '-b', 'side');
    write(dir, 'side.txt', 'side\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'side');
    const other = git(dir, 'rev-parse', 'HEAD').trim();
    git(dir, 'checkout', '-q', 'main');
    const head = git(dir, 'rev-parse', 'HEAD').trim();
    return { dir, head, other };
  }
  const good = (sha: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    id: 'x',
    git_sha: sha,
    git_dirty: false,
    seed: 42,
    versions: { python: '3.11.9' },
    started_at: '2026-05-22T19:14:02Z',
    finished_at: '2026-05-22T19:14:08Z',
    wall_seconds: 6.31,
    ...extra,
  });

  it('every manifest under experiments/: one line each; exit 1 naming each problem', async () => {
    const { dir, head, other } = repo();
    write(dir, 'experiments/00-good/manifest.json', JSON.stringify(good(head)));
    write(dir, 'experiments/00-dirty/manifest.json', JSON.stringify(good(head, { git_dirty: true })));
    write(dir, 'experiments/00-branch/manifest.json', JSON.stringify(good(other)));
    write(dir, 'experiments/00-ghost/manifest.json', JSON.stringify(good('f'.repeat(40))));
    write(
      dir,
      'experiments/00-times/manifest.json',
      JSON.stringify(good(head.slice(0, 7), { started_at: '2026-05-22 19:14:02', wall_seconds: 60 })),
    );
    write(dir, 'experiments/00-wall/manifest.json', JSON.stringify(good(head, { wall_seconds: 60 })));
    write(dir, 'experiments/00-thin/manifest.json', JSON.stringify({ git_sha: head, git_dirty: false }));
    const r = await check(dir, []);
    expect(r.code).toBe(1);
    const line = (name: string): string =>
      r.stdout.split('\n').find((l) => l.includes(`experiments/00-${name}/manifest.json`)) ?? '';
    expect(line('good')).toMatch(/^✓ .*git_sha [0-9a-f]{12} in history, clean, 6\.31 s$/);
    expect(line('dirty')).toContain('✗ experiments/00-dirty/manifest.json  git_dirty is true');
    expect(line('branch')).toContain('is a commit but not an ancestor of HEAD');
    expect(line('ghost')).toContain('git_sha ffffffffffff is not a commit in this repository');
    expect(line('times')).toContain('started_at "2026-05-22 19:14:02" has no time zone');
    expect(line('wall')).toContain('wall_seconds 60 disagrees with finished_at − started_at = 6 s');
    expect(r.stdout).toContain('✗ experiments/00-thin/manifest.json  missing required field "seed"');
    expect(r.stdout).toContain('    missing required field "versions"');
    expect(r.stdout).toContain('7 manifest(s), 6 with problems');
  });

  it('named paths, --json; clean manifests exit 0; unreadable ones exit 2', async () => {
    const { dir, head } = repo();
    write(dir, 'experiments/00-good/manifest.json', JSON.stringify(good(head)));
    write(dir, 'experiments/00-bad/manifest.json', '{ "git_sha": ');
    const ok = await check(join(dir), ['experiments/00-good/manifest.json'], true);
    expect(ok.code).toBe(0);
    const j = JSON.parse(ok.stdout) as {
      ok: boolean;
      head: string;
      manifests: { path: string; status: string; problems: string[] }[];
    };
    expect(j).toMatchObject({
      ok: true,
      head,
      manifests: [{ path: 'experiments/00-good/manifest.json', status: 'ok', problems: [] }],
    });
    const bad = await check(dir, []);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toMatch(
      /✗ experiments\/00-bad\/manifest\.json {2}experiments\/00-bad\/manifest\.json:1:\d+ invalid JSON/,
    );
    expect((await check(dir, ['nope.json'])).code).toBe(2);
    expect((await check(tempDir(), [])).code).toBe(2);
  });
});
