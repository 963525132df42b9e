/** A bare attempt record (no answers) for chain tests: what chainLine needs, with the score and pass it states. */
import type { AttemptRecord } from '../../src/core/attempts.js';

export const bareRecord = (score: number, learner = 'a'): Omit<AttemptRecord, 'prev'> => ({
  v: 1,
  at: '2026-01-01T00:00:00Z',
  phase: 0,
  learner,
  bank_sha256: 'b',
  mode: 'answers-file',
  answers: [],
  score,
  threshold: 0.7,
  passed: score >= 0.7,
});
