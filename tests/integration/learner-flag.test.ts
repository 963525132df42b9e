import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, lynx } from '../helpers/cli.js';
import { passingWorkspace } from '../helpers/gate-fixture.js';

afterAll(cleanup);

describe('--learner naming no learner folder', () => {
  it('gate, status, checkpoint: exit 2 naming the learners that exist; no learner at all: status --all --json is an empty list', () => {
    const dir = passingWorkspace();
    for (const args of [['gate', '--all'], ['status'], ['checkpoint', '00']]) {
      const r = lynx(['--learner', 'nobody', ...args], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('--learner nobody: no learner folder learners/nobody/ — the learners are: ana');
    }
    expect(lynx(['--learner', 'ana', 'status'], { cwd: dir }).code).toBe(0);
    rmSync(join(dir, 'learners'), { recursive: true, force: true });
    const all = lynx(['status', '--all', '--json'], { cwd: dir });
    expect(all.code).toBe(0);
    expect((JSON.parse(all.stdout) as { learners: unknown[] }).learners).toEqual([]);
    expect(lynx(['--learner', 'ana', 'status'], { cwd: dir }).stderr).toContain('this workspace has no learner yet');
  });
});
