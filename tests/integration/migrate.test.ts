/**
 * lynx migrate --cohort (issue 17): the demo workspace (phase 00 closed) moves into the cohort layout
 * with git mv, staged and not committed; after the learner commits, `gate 00` and `gate --all` still
 * pass. Refusals (already a cohort, a dirty tree) exit 2 and change nothing; --dry-run changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { cleanup, git, lynx, repoRoot } from '../helpers/cli.js';
import { lynxIn } from '../helpers/app.js';
import { demoCopy, sharedDemo } from '../helpers/shared-demo.js';

afterAll(cleanup);

const validate = new Ajv({ allErrors: true }).compile(
  JSON.parse(readFileSync(join(repoRoot, 'src/schemas/output/migrate.schema.json'), 'utf8')) as object,
);
interface Migrated {
  moves: { from: string; to: string; how: string }[];
  dry_run: boolean;
  committed: boolean;
}

let demo: string;
beforeAll(() => {
  const r = sharedDemo(); // once per run (tests/helpers/shared-demo.ts); this file changes its own copy
  expect(r.code, r.stdout + r.stderr).toBe(0);
  demo = demoCopy();
  expect(git(demo, 'status', '--porcelain')).toBe('');
}, 180_000);

describe('lynx migrate --cohort', () => {
  it('--dry-run lists the moves and changes nothing', async () => {
    const yaml = readFileSync(join(demo, 'lynx.yaml'), 'utf8');
    const r = await lynxIn(['migrate', '--cohort', '--dry-run', '--json'], { cwd: demo });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Migrated;
    expect(validate(out), JSON.stringify(validate.errors)).toBe(true);
    expect(out.dry_run).toBe(true);
    expect(out.moves).toContainEqual({
      from: 'PHASE_00_REPORT.md',
      to: 'learners/demo/PHASE_00_REPORT.md',
      how: 'move',
    });
    expect(out.moves).toContainEqual({
      from: 'experiments/00-seeding-demo/manifest.json',
      to: 'learners/demo/experiments/00-seeding-demo/manifest.json',
      how: 'move',
    });
    expect(out.moves).toContainEqual({
      from: 'docs/phase-00-foundations/lab/00-env-checklist.md',
      to: 'learners/demo/phase-00/lab/00-env-checklist.md',
      how: 'copy',
    });
    expect(git(demo, 'status', '--porcelain')).toBe('');
    expect(readFileSync(join(demo, 'lynx.yaml'), 'utf8')).toBe(yaml);
  });

  it(
    'a cohort layout set by hand, without the moves, fails gate 00 ' + '(the report is not where the layout says)',
    async () => {
      const yaml = readFileSync(join(demo, 'lynx.yaml'), 'utf8');
      writeFileSync(join(demo, 'lynx.yaml'), `${yaml}layout: cohort\n`);
      let g;
      try {
        g = await lynxIn(['gate', '00'], { cwd: demo });
      } finally {
        writeFileSync(join(demo, 'lynx.yaml'), yaml);
      }
      expect(g.code).toBe(1);
      expect(g.stdout).toContain('✗ closure:report');
      expect(g.stdout).toContain('learners/demo/PHASE_00_REPORT.md is missing — the report is at PHASE_00_REPORT.md');
      expect(g.stdout).toContain('lynx migrate --cohort');
    },
  );

  it('refuses a dirty tree (exit 2, nothing moved)', () => {
    writeFileSync(join(demo, 'scratch.txt'), 'not committed\n');
    const r = lynx(['migrate', '--cohort'], { cwd: demo });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not clean.*scratch\.txt/);
    expect(git(demo, 'status', '--porcelain')).toBe('?? scratch.txt\n');
    git(demo, 'clean', '-fq');
  });

  it(
    'moves with git mv, staged not committed, lynx.yaml gains one line; after the commit gate 00 and gate --all ' +
      'pass; a second run is refused',
    async () => {
      const before = readFileSync(join(demo, 'lynx.yaml'), 'utf8');
      const r = await lynxIn(['migrate', '--cohort'], { cwd: demo });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toContain('staged, not committed');
      const staged = git(demo, 'status', '--porcelain');
      expect(staged).toContain('R  PHASE_00_REPORT.md -> learners/demo/PHASE_00_REPORT.md');
      expect(staged).toContain('R  PHASE_00_PLAN.md -> learners/demo/PHASE_00_PLAN.md');
      expect(staged).toContain('A  learners/demo/phase-00/lab/00-env-checklist.md');
      expect(staged).not.toMatch(/^.[MD?]/m); // everything staged, nothing left in the work tree
      // every comment and its alignment kept: the only change is the layout line
      const after = readFileSync(join(demo, 'lynx.yaml'), 'utf8');
      expect(after.replace('layout: cohort\n', '')).toBe(before);
      git(demo, 'commit', '-qm', 'cohort layout (lynx migrate --cohort)');
      const g = await lynxIn(['gate', '00'], { cwd: demo });
      expect(g.code, g.stdout + g.stderr).toBe(0);
      expect(g.stdout).toContain('✓ closure:report');
      const all = await lynxIn(['gate', '--all', '--json'], { cwd: demo });
      expect(all.code, all.stdout).toBe(0);
      expect(
        (JSON.parse(all.stdout) as { phase: number; status: string }[]).map((x) => `${x.phase}:${x.status}`),
      ).toEqual(['0:pass']);
      // history follows the move
      expect(
        git(demo, 'log', '--follow', '--format=%s', '--', 'learners/demo/PHASE_00_REPORT.md')
          .split('\n')
          .filter(Boolean).length,
      ).toBeGreaterThan(1);
      const again = await lynxIn(['migrate', '--cohort'], { cwd: demo });
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('already says layout: cohort');
    },
    120_000,
  );
});
