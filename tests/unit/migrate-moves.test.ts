import { describe, expect, it } from 'vitest';
import { migrationMoves } from '../../src/core/migrate.js';
import { layoutFor } from '../../src/core/layout.js';

describe('migrationMoves: where migrate --cohort puts each tracked file', () => {
  const tracked = [
    'PHASE_00_PLAN.md',
    'PHASE_00_REPORT.md',
    'experiments/00-a/manifest.json',
    'models/m.manifest.json',
    'docs/phase-00-x/lab/00-env.md',
    'docs/phase-03-y/lab/01.md',
    'docs/phase-00-x/theory/a.md',
    'src/main.py',
    'learners/ana/progress.md',
    'README.md',
  ];
  it('moves plans, reports and artifacts, copies the lab pages of opened phases only, leaves the rest', () => {
    const moves = migrationMoves(tracked, 'ana', new Set([0]), 'docs');
    expect(moves).toEqual([
      { from: 'PHASE_00_PLAN.md', to: 'learners/ana/PHASE_00_PLAN.md', how: 'move' },
      { from: 'PHASE_00_REPORT.md', to: 'learners/ana/PHASE_00_REPORT.md', how: 'move' },
      { from: 'docs/phase-00-x/lab/00-env.md', to: 'learners/ana/phase-00/lab/00-env.md', how: 'copy' },
      { from: 'experiments/00-a/manifest.json', to: 'learners/ana/experiments/00-a/manifest.json', how: 'move' },
      { from: 'models/m.manifest.json', to: 'learners/ana/models/m.manifest.json', how: 'move' },
    ]);
    // every destination is exactly where the cohort layout looks (closure and checks follow the move)
    const { reroot } = layoutFor('cohort', 'ana');
    for (const m of moves) expect(reroot(m.from)).toBe(m.to);
  });
  it('a lab page outside the configured docs root is not the curriculum page: not copied', () => {
    expect(migrationMoves(['pages/phase-00-x/lab/00.md'], 'ana', new Set([0]), 'docs')).toEqual([]);
    expect(migrationMoves(['pages/phase-00-x/lab/00.md'], 'ana', new Set([0]), 'pages')).toHaveLength(1);
  });
});
