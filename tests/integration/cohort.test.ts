/**
 * Several learners in one repository (issue 17): in a cohort (lynx.yaml `layout: cohort`) each
 * learner's plan, report, manifests and checklist live under learners/<name>/, so five learners
 * share a repository without one's files passing, failing or overwriting another's gate.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, lynx } from '../helpers/cli.js';
import { lynxIn } from '../helpers/app.js';
import { cohort, work } from '../helpers/cohort-fixture.js';
import { commitAll } from '../helpers/gate-fixture.js';

afterAll(cleanup);

describe('cohort layout', () => {
  it(
    'five learners: three close phase 00 with their own files, every gate passes; a dirty manifest fails only its ' +
      'learner',
    async () => {
      const dir = cohort();
      for (const l of ['ana', 'ben', 'cyd']) {
        work(dir, l);
        const r = await lynxIn(['--learner', l, 'report', '00'], { cwd: dir });
        expect(r.code, `${l}: ${r.stdout}${r.stderr}`).toBe(0);
        commitAll(dir, `${l}: close 00`);
      }
      // each report is its learner's own file: nothing at the root, no one's overwritten
      expect(existsSync(join(dir, 'PHASE_00_REPORT.md'))).toBe(false);
      for (const l of ['ana', 'ben', 'cyd'])
        expect(readFileSync(join(dir, `learners/${l}/PHASE_00_REPORT.md`), 'utf8')).toContain(`${l} learned`);
      // dee commits a dirty manifest and leaves the checklist open
      work(dir, 'dee', { dirty: true, ticked: false });
      for (const l of ['ana', 'ben', 'cyd']) {
        const g = await lynxIn(['--learner', l, 'gate', '00'], { cwd: dir });
        expect(g.code, `${l}: ${g.stdout}${g.stderr}`).toBe(0);
      }
      const d = await lynxIn(['--learner', 'dee', 'report', '00', '--json'], { cwd: dir });
      expect(d.code).not.toBe(0);
      const checks = JSON.parse(d.stdout) as {
        gate?: { checks: { id: string; status: string; message: string }[] };
        checks?: { id: string; status: string; message: string }[];
      };
      const list = checks.gate?.checks ?? checks.checks ?? [];
      expect(list.find((c) => c.id === 'run-loss')?.status).toBe('fail');
      expect(list.find((c) => c.id === 'checklist')?.status).toBe('fail');
      expect(list.find((c) => c.id === 'run-loss')?.message).toContain('learners/dee/');
    },
    120_000,
  );

  it('in a single-learner workspace the same root paths are shared (the layout is the only difference)', () => {
    const dir = cohort();
    writeFileSync(join(dir, 'lynx.yaml'), 'schema_version: 1\ncurriculum: data/curriculum\nquizzes: data/quizzes\n');
    commitAll(dir, 'single layout');
    work(dir, 'ana');
    // the plan is read from the root in a single-learner workspace: ana's plan under learners/ is not it
    const r = lynx(['--learner', 'ana', 'report', '00'], { cwd: dir });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toMatch(/✗ gate:plan/);
    expect(r.stdout).toMatch(/✗ checklist/); // the shared docs page, unticked, is ana's checklist here
  }, 60_000);
});
