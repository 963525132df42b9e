import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, lynx, tempDir } from '../helpers/cli.js';
import { lynxIn } from '../helpers/app.js';
import { passingWorkspace } from '../helpers/gate-fixture.js';

afterAll(cleanup);

describe('--learner naming no learner folder', () => {
  it(
    'gate, status, checkpoint: exit 2 naming the learners that exist; no learner at all: status --all --json is ' +
      'an empty list',
    async () => {
      const dir = passingWorkspace();
      for (const args of [['gate', '--all'], ['status'], ['checkpoint', '00']]) {
        const r = await lynxIn(['--learner', 'nobody', ...args], { cwd: dir });
        expect(r.code, args.join(' ')).toBe(2);
        expect(r.stderr).toContain('--learner nobody: no learner folder learners/nobody/ — the learners are: ana');
      }
      expect((await lynxIn(['--learner', 'ana', 'status'], { cwd: dir })).code).toBe(0);
      rmSync(join(dir, 'learners'), { recursive: true, force: true });
      const all = await lynxIn(['status', '--all', '--json'], { cwd: dir });
      expect(all.code).toBe(0);
      expect((JSON.parse(all.stdout) as { learners: unknown[] }).learners).toEqual([]);
      expect((await lynxIn(['--learner', 'ana', 'status'], { cwd: dir })).stderr).toContain(
        'this workspace has no learner yet',
      );
    },
  );
});

describe('the job summary never turns a failing gate into an internal error', () => {
  it('a missing directory is created; unset or unwritable is a stderr warning; the failing gate still exits 1', () => {
    const dir = passingWorkspace(); // phase 00 open: `gate 00` fails
    const summary = join(tempDir(), 'no', 'such', 'dir', 'summary.md');
    const s = lynx(['gate', '00'], { cwd: dir, env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary } });
    expect(s.code).toBe(1);
    expect(readFileSync(summary, 'utf8')).toMatch(
      /^\*\*lynx gate: 1 phase\(s\), 0 passed, 1 failed, \d+ waived, \d+ attested\*\*\n/,
    );
    const unset = lynx(['gate', '00'], { cwd: dir, env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: '' } });
    expect(unset.code).toBe(1);
    expect(unset.stderr).toContain('GITHUB_STEP_SUMMARY is not set: no job summary written');
    const blocked = join(tempDir(), 'a-file');
    writeFileSync(blocked, 'x');
    const bad = lynx(['gate', '00'], {
      cwd: dir,
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: join(blocked, 'summary.md') },
    });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`cannot write the job summary to ${join(blocked, 'summary.md')}`);
  });
});
