/**
 * lynx demo, black-box (it is `npm start`): one demo is built per test run (tests/helpers/shared-demo.ts,
 * shared with the files that need a demo workspace) and every test reads it — the workspace, the
 * lifecycle steps, the break steps — instead of each running its own ~10 s demo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { cleanup, git, lynx, repoRoot, type Run } from '../helpers/cli.js';
import { sharedDemo } from '../helpers/shared-demo.js';
import { call } from '../helpers/app.js';
import type { DemoResult } from '../../src/core/results.js';

afterAll(cleanup);

interface Step {
  command: string;
  ok: boolean;
  output: string;
}
let dir: string;
let r: Run;
let out: { dir: string; ok: boolean; steps: Step[] };

beforeAll(() => {
  ({ dir, ...r } = sharedDemo());
  out = JSON.parse(r.stdout) as typeof out;
}, 150_000);

describe('lynx demo', () => {
  it('builds a real demo workspace and walks every step', () => {
    expect(out.steps.filter((s) => !s.ok)).toEqual([]);
    expect(r.code).toBe(0);
    expect(out.dir).toBe(dir);
    for (const f of [
      'lynx.yaml',
      'Justfile',
      'src/utils/seeding.py',
      'learners/demo/progress.md',
      'experiments/00-seeding-demo/manifest.json',
    ])
      expect(existsSync(join(dir, f)), f).toBe(true);
    const m = JSON.parse(readFileSync(join(dir, 'experiments/00-seeding-demo/manifest.json'), 'utf8')) as {
      git_sha: string;
      git_dirty: boolean;
    };
    expect(m.git_dirty).toBe(false);
    expect(git(dir, 'cat-file', '-t', m.git_sha).trim()).toBe('commit');
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it(
    'the text report of the same run exits 0 and says where ' + 'the workspace is; a non-empty --dir is refused',
    async () => {
      const text = await call('demo', () => out as unknown as DemoResult, { cwd: dir });
      expect(text.code).toBe(0);
      expect(text.stdout).toContain(`cd ${dir}`);
      // the demo's own directory is now not empty
      const r2 = lynx(['demo', '--dir', dir], { cwd: dir });
      expect(r2.code).toBe(2);
      expect(r2.stderr).toContain('is not empty');
    },
  );
});

describe('lynx demo: the lifecycle steps', () => {
  it(
    'phase-start 00, --approve, lab 00 --run, a journal entry and a manifest diff of two `just exp` runs, each ' +
      'committed',
    () => {
      const step = (cmd: string) => out.steps.find((s) => s.command.startsWith(cmd));
      for (const c of [
        'lynx phase-start 00',
        'lynx phase-start 00 --approve',
        'lynx lab 00 00 --run',
        'lynx journal',
        'just exp 00-seeding-rerun',
      ])
        expect(step(c)?.ok, c).toBe(true);
      expect(step('lynx phase-start 00')?.output).toContain('+ PHASE_00_PLAN.md');
      expect(step('lynx lab 00 00 --run')?.output).toMatch(/✓ just test {2}passed/);
      expect(step('just exp 00-seeding-rerun')?.output).toMatch(/^\[CODE\] git_sha: [0-9a-f]{40} -> [0-9a-f]{40}$/m);
      expect(step('just exp 00-seeding-rerun')?.output).toContain('lynx manifest check: 2 manifest(s), all clean');
      // the state the later steps (quiz, break, report) build on: approved plan, recorded runs, a journal
      const log = git(dir, 'log', '--format=%s');
      for (const m of [
        'phase: phase-00 plan',
        'phase: phase-00 plan approved',
        'lab: phase-00 env checks run',
        'journal: first entry',
        'exp: 00-seeding-rerun',
      ])
        expect(log).toContain(m);
      const show = (rev: string, path: string): string => git(dir, 'show', `${rev}:${path}`);
      const rev = git(dir, 'log', '--format=%H', '--grep', '^exp: 00-seeding-rerun$').trim();
      const atRerun = JSON.parse(show(rev, 'learners/demo/phase-00/checkpoint.json')) as {
        status: string;
        plan_sha256: string;
        labs: Record<string, { outcome: string }[]>;
      };
      expect(atRerun.status).toBe('in_progress');
      expect(atRerun.plan_sha256).toBe(createHash('sha256').update(show(rev, 'PHASE_00_PLAN.md')).digest('hex'));
      expect(atRerun.labs['00']?.map((x) => x.outcome)).toEqual(['passed', 'passed', 'passed', 'passed']);
      const journal = step('lynx journal')?.output.split('\n')[0] ?? '';
      expect(journal).toMatch(/^learners\/demo\/journal\/\d{4}-\d\d-\d\d\.md$/);
      expect(show(rev, journal)).toMatch(/^\d\d:\d\d — lab 00: setup, lint, test, audit-deps green/m);
      expect(readFileSync(join(dir, 'experiments/00-seeding-rerun/manifest.json'), 'utf8')).toContain(
        '"git_dirty": false',
      );
    },
  );
});

describe("lynx demo runs phase 00's break end to end", () => {
  it('predictions committed, start (tests red), hint, diagnose, restore (tests green), tree committed', () => {
    const steps = out.steps.filter((s) => s.command.startsWith('lynx break'));
    expect(steps.map((s) => s.command.split(' ').slice(0, 4).join(' '))).toEqual([
      'lynx break 00 &&',
      'lynx break 00 start',
      'lynx break 00 hint',
      'lynx break 00 diagnose',
      'lynx break 00 restore',
    ]);
    expect(steps.filter((s) => !s.ok)).toEqual([]);
    expect(steps[1]?.output).toContain('just test → exit 1');
    expect(steps[4]?.output).toContain('just test → exit 0');
    // the target is byte-identical to the shipped one, and the break left nothing uncommitted
    expect(readFileSync(join(dir, 'src/utils/seeding.py'))).toEqual(
      readFileSync(join(repoRoot, 'templates/demo-workspace/src/utils/seeding.py')),
    );
    expect(git(dir, 'log', '--format=%s')).toContain('phase-00: break pythonhashseed done and restored');
    const cp = JSON.parse(readFileSync(join(dir, 'learners/demo/phase-00/checkpoint.json'), 'utf8')) as {
      break: { state: string; hints_used: number };
    };
    expect(cp.break).toMatchObject({ state: 'restored', hints_used: 1 });
  });
});
