/**
 * Issue 14.4: no gate check is constant. Reading a lab's solutions first (`lynx lab NN ID --peeked`)
 * shows as a warning in the checkpoint, the report and the gate, never as a silent ✓; a curriculum
 * changed since closing is a warning in `lynx gate`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, lynx } from '../helpers/cli.js';
import { passingWorkspace, commitAll } from '../helpers/gate-fixture.js';
import { lynxIn } from '../helpers/app.js';

afterAll(cleanup);

interface Gate {
  status: string;
  checks: { id: string; status: string; message: string }[];
}
const check = (g: Gate, id: string) => g.checks.find((c) => c.id === id);

describe('honesty flag and curriculum drift', () => {
  it(
    'an untouched flag passes; --peeked makes gate:honesty a warning that names the lab, in checkpoint, report ' +
      'and gate',
    async () => {
      const dir = passingWorkspace();
      const before = JSON.parse((await lynxIn(['checkpoint', '00', '--json'], { cwd: dir })).stdout) as Gate;
      expect(check(before, 'gate:honesty')?.status).toBe('pass');

      const r = await lynxIn(['lab', '00', '00', '--peeked'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      const cp = JSON.parse(readFileSync(join(dir, 'learners/ana/phase-00/checkpoint.json'), 'utf8')) as {
        dod: Record<string, boolean>;
      };
      expect(cp.dod).toMatchObject({ lab_attempted_before_solutions: false, lab_00_attempted_before_solutions: false });
      expect((await lynxIn(['lab', '00', '--peeked'], { cwd: dir })).code).toBe(2);
      commitAll(dir, 'record: read lab 00 solutions first');

      const after = JSON.parse((await lynxIn(['checkpoint', '00', '--json'], { cwd: dir })).stdout) as Gate;
      expect(check(after, 'gate:honesty')).toMatchObject({
        status: 'warn',
        message: expect.stringContaining('lab 00'),
      });
      const text = lynx(['checkpoint', '00'], { cwd: dir });
      expect(text.stdout).toMatch(/⚠ gate:honesty/);

      const rep = await lynxIn(['report', '00', '--json'], { cwd: dir });
      const rj = JSON.parse(rep.stdout) as Gate;
      expect(
        rj.checks.filter((c) => c.status !== 'pass' && c.status !== 'warn').map((c) => `${c.id}: ${c.message}`),
      ).toEqual([]);
      expect(rep.code).toBe(0);
      expect(readFileSync(join(dir, 'PHASE_00_REPORT.md'), 'utf8')).toContain(
        '`dod.lab_attempted_before_solutions: false`',
      );
      commitAll(dir, 'close phase 00');

      const g = JSON.parse((await lynxIn(['gate', '00', '--json'], { cwd: dir })).stdout) as Gate;
      expect(check(g, 'gate:honesty')?.status).toBe('warn');
      expect(check(g, 'closure:curriculum')?.status).toBe('pass');

      const yaml = join(dir, 'data/curriculum/phase-00-mini/phase.yaml');
      writeFileSync(
        yaml,
        readFileSync(yaml, 'utf8').replace(
          'goal: exercise every check kind.',
          'goal: exercise every check kind, changed.',
        ),
      );
      commitAll(dir, 'edit the curriculum after closing');
      // spawned: a new process reads the edited curriculum (the in-process tier caches it per workspace)
      const g2 = JSON.parse(lynx(['gate', '00', '--json'], { cwd: dir }).stdout) as Gate;
      expect(check(g2, 'closure:curriculum')).toMatchObject({
        status: 'warn',
        message: expect.stringContaining('changed since closing'),
      });
    },
  );
});
