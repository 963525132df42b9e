/**
 * `lynx status NN --all` (issue 17): one phase across the class — a row per learner with the phase's
 * state, quiz, labs, waivers and attestations, and last activity. Pure: the use case reads the
 * checkpoints; this folds one learner's checkpoint of the phase into a row.
 */
import type { Checkpoint } from '../schemas/generated/types.js';
import { humanRecords, type HumanRecord, type PhaseStatus } from './status.js';

export interface PhaseClassRow {
  learner: string;
  status: PhaseStatus;
  quiz: { last: number | null; best: number | null; attempts: number; passed: boolean } | null;
  /** Labs with at least one recorded run, and how many of those last passed, of the phase's labs. */
  labs: { total: number; run: number; passed: number };
  waivers: HumanRecord[];
  attestations: HumanRecord[];
  last_activity: string | null;
  error?: string;
}

export interface PhaseClassReport {
  schema_version: 1;
  phase: { id: number; title: string; labs: number; threshold: number };
  learners: PhaseClassRow[];
}

export function phaseClassRow(
  learner: string,
  labIds: readonly string[],
  cp: Checkpoint | Error | undefined,
): PhaseClassRow {
  const none = { total: labIds.length, run: 0, passed: 0 };
  if (cp instanceof Error)
    return {
      learner,
      status: 'invalid',
      quiz: null,
      labs: none,
      waivers: [],
      attestations: [],
      last_activity: null,
      error: cp.message,
    };
  if (!cp)
    return {
      learner,
      status: 'not_started',
      quiz: null,
      labs: none,
      waivers: [],
      attestations: [],
      last_activity: null,
    };
  const runs = labIds.map((id) => cp.labs?.[id] ?? []);
  const dates = [
    cp.planned_at,
    cp.approved_at,
    cp.closed_at,
    cp.quiz?.last_at,
    ...(cp.waivers ?? []).map((w) => w.at),
    ...(cp.attestations ?? []).map((a) => a.at),
    ...runs.flat().map((r) => r.started_at),
  ]
    .filter((d): d is string => typeof d === 'string')
    .sort();
  const q = cp.quiz;
  return {
    learner,
    status: cp.status,
    quiz:
      q && q.attempts > 0
        ? { last: q.last ?? null, best: q.best ?? null, attempts: q.attempts, passed: q.passed ?? false }
        : null,
    labs: {
      total: labIds.length,
      run: runs.filter((r) => r.length > 0).length,
      passed: runs.filter((r) => r.at(-1)?.outcome === 'passed').length,
    },
    waivers: humanRecords(cp, 'waivers'),
    attestations: humanRecords(cp, 'attestations'),
    last_activity: dates.at(-1) ?? null,
  };
}
