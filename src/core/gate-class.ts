/**
 * The class table of `lynx gate --all-learners` (issue 17): one row per learner, the worst of their
 * phases' verdicts first in every renderer (text, --json, the GitHub job summary). Pure.
 */
import type { GateResult } from '../schemas/generated/types.js';

export type ClassGateStatus = GateResult['status'] | 'none';

export interface ClassGateRow {
  learner: string;
  status: ClassGateStatus;
  phases: number[];
  passed: number;
  failed: number;
  errors: number;
}

const RANK: Record<ClassGateStatus, number> = { none: 0, pass: 1, error: 2, fail: 3 };

/** The worst verdict: a failing gate beats an environment error, which beats a pass (the exit code's order). */
export const worst = (ss: readonly ClassGateStatus[]): ClassGateStatus =>
  ss.reduce<ClassGateStatus>((w, s) => (RANK[s] > RANK[w] ? s : w), 'none');

export function classGateRows(learners: readonly string[], results: readonly GateResult[]): ClassGateRow[] {
  return learners.map((learner) => {
    const mine = results.filter((r) => r.learner === learner);
    return {
      learner,
      status: worst(mine.map((r) => r.status)),
      phases: mine.map((r) => r.phase),
      passed: mine.filter((r) => r.status === 'pass').length,
      failed: mine.filter((r) => r.status === 'fail').length,
      errors: mine.filter((r) => r.status === 'error').length,
    };
  });
}
