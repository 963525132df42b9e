import { describe, expect, it } from 'vitest';
import { layoutFor, ownerOf } from '../../src/core/layout.js';

describe('core/layout', () => {
  it("single-learner: every path stays where it is (today's layout)", () => {
    const l = layoutFor('single', 'ana');
    expect(l.plan(7)).toBe('PHASE_07_PLAN.md');
    expect(l.report(0)).toBe('PHASE_00_REPORT.md');
    expect(l.reroot('experiments/00-*/manifest.json')).toBe('experiments/00-*/manifest.json');
    expect(l.checklistOnDocsPage).toBe(true);
  });
  it('cohort: plan, report, experiments and lab pages move under learners/<name>/, idempotently', () => {
    const l = layoutFor('cohort', 'ana');
    expect(l.plan(7)).toBe('learners/ana/PHASE_07_PLAN.md');
    expect(l.report(0)).toBe('learners/ana/PHASE_00_REPORT.md');
    expect(l.reroot('experiments/00-*/manifest.json')).toBe('learners/ana/experiments/00-*/manifest.json');
    expect(l.reroot('docs/phase-00-foundations/lab/00-env-checklist.md')).toBe(
      'learners/ana/phase-00/lab/00-env-checklist.md',
    );
    expect(l.reroot(l.report(0))).toBe(l.report(0));
    expect(l.reroot('src/calc.py')).toBe('src/calc.py'); // code is shared
    expect(l.reroot('notes/PHASE_00_REPORT.md')).toBe('notes/PHASE_00_REPORT.md');
    expect(l.manifestGlobs[0]).toBe('learners/ana/experiments/**/manifest.json');
    expect(ownerOf('learners/ben/experiments/x/manifest.json')).toBe('ben');
    expect(ownerOf('experiments/x/manifest.json')).toBeUndefined();
  });
});
