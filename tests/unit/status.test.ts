import { describe, expect, it } from 'vitest';
import { buildStatus } from '../../src/core/status.js';
import { renderProgress } from '../../src/core/progress.js';
import type { PhaseSummary } from '../../src/core/curriculum.js';

const index: PhaseSummary[] = [0, 1, 2].map((id) => ({
  id,
  slug: `s${id}`,
  title: `Title ${id}`,
  requires: id ? [id - 1] : [],
  threshold: 0.7,
  quiz_file: null,
  labs: 1,
  dod: 1,
  breaks: 1,
  sha256: 'x',
}));

describe('status model', () => {
  it('counts statuses, finds the current phase, and keeps invalid checkpoints visible', () => {
    const st = buildStatus(
      'ana',
      index,
      new Map<number, never>([
        [
          0,
          {
            schema_version: 1,
            phase: 0,
            learner: 'ana',
            status: 'done',
            closed_at: '2026-05-23T10:00:00Z',
            quiz: { attempts: 2, best: 0.8, last: 0.8, passed: true },
          } as never,
        ],
        [
          1,
          {
            schema_version: 1,
            phase: 1,
            learner: 'ana',
            status: 'in_progress',
            approved_at: '2026-05-24T10:00:00Z',
          } as never,
        ],
        [2, new Error('learners/ana/phase-02/checkpoint.json:1:1 invalid JSON') as never],
      ]),
    );
    expect(st.counts).toEqual({ not_started: 0, planned: 0, in_progress: 1, done: 1, attested: 0, invalid: 1 });
    expect(st.current).toBe(1);
    expect(st.rows[0]?.quiz).toEqual({ best: 0.8, last: 0.8, attempts: 2, passed: true, threshold: 0.7 });
    expect(st.rows[2]?.error).toContain('invalid JSON');
    const md = renderProgress(st);
    expect(md).toContain('| 00 | Title 0 | done | 80% | — | 2026-05-23 | — |');
    expect(md).toContain('| 01 | Title 1 | in progress | — | 2026-05-24 | — | — |');
  });
});
