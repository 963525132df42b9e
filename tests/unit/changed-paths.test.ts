import { describe, expect, it } from 'vitest';
import { ANY, touched, touches, touchesOf } from '../../src/core/changed-paths.js';

describe('core/changed-paths: which (learner, phase) a changed path touches', () => {
  it('maps learner, root, docs and experiment paths', () => {
    expect(touchesOf('learners/ana/phase-07/checkpoint.json')).toEqual([{ learner: 'ana', phase: 7 }]);
    expect(touchesOf('learners/ana/journal/2026-11-20.md')).toEqual([{ learner: 'ana', phase: ANY }]);
    expect(touchesOf('PHASE_03_PLAN.md')).toEqual([{ learner: ANY, phase: 3 }]);
    expect(touchesOf('PHASE_03_REPORT.md')).toEqual([{ learner: ANY, phase: 3 }]);
    expect(touchesOf('docs/phase-12-attention/lab/01.md')).toEqual([{ learner: ANY, phase: 12 }]);
    expect(touchesOf('experiments/04-seeding/run-1/manifest.json')).toEqual([{ learner: ANY, phase: 4 }]);
    expect(touchesOf('experiments/ana-09-sweep/manifest.json')).toEqual([{ learner: ANY, phase: 9 }]);
    expect(touchesOf('experiments/cohort-phase-10-lr/manifest.json')).toEqual([{ learner: ANY, phase: 10 }]);
  });
  it('ignores what no closed phase is verified from: other code, progress.md, the learner template', () => {
    for (const p of [
      'src/model.py',
      'Justfile',
      'README.md',
      'learners/ana/progress.md',
      'learners/_template/profile.md',
      'PHASE_3_PLAN.md',
      'experiments/misc/manifest.json',
    ])
      expect(touchesOf(p), p).toEqual([]);
  });
  it('selects by learner and phase', () => {
    const ts = touches(['learners/ana/phase-02/notes.md', 'PHASE_05_REPORT.md', 'learners/bob/reviews.jsonl']);
    expect(touched(ts, 'ana', 2)).toBe(true);
    expect(touched(ts, 'ana', 3)).toBe(false);
    expect(touched(ts, 'cy', 5)).toBe(true);
    expect(touched(ts, 'bob', 30)).toBe(true);
    expect(touched(ts, 'cy', 2)).toBe(false);
    expect(touched([], 'ana', 0)).toBe(false);
  });
});
