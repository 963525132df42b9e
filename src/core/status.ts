/** The status view model: one row per phase from the curriculum index and the learner's checkpoints. */
import type { Checkpoint } from '../schemas/generated/types.js';
import type { PhaseSummary } from './curriculum.js';

export type PhaseStatus = Checkpoint['status'] | 'invalid';

export interface StatusRow {
  phase: number;
  title: string;
  status: PhaseStatus;
  quiz: { best: number | null; last: number | null; attempts: number; passed: boolean; threshold: number } | null;
  opened: string | null;
  closed: string | null;
  /** Waivers and attestations recorded for the phase: who, and whether a signature covers them. */
  waivers: HumanRecord[];
  attestations: HumanRecord[];
  error?: string;
}

/** A waiver or attestation as a view shows it: `self` = the learner judged their own item; `signed` = a signature
 * covers it. */
export interface HumanRecord {
  item: string;
  by: string;
  at: string;
  self: boolean;
  signed: boolean;
}

/**
 * A closing signature covers the checkpoint's waivers and attestations (core/closure-digest.ts); a
 * record may also carry a signature of its own (a teacher's, from the trust work).
 */
export function humanRecords(cp: Checkpoint, kind: 'waivers' | 'attestations'): HumanRecord[] {
  return (cp[kind] ?? []).map((r) => ({
    item: r.item,
    by: r.by,
    at: r.at,
    self: r.by === cp.learner,
    signed:
      typeof (r as { signature?: unknown }).signature === 'string' ||
      (typeof cp.signature === 'string' && (cp.closed_at === undefined || r.at <= cp.closed_at)),
  }));
}

export interface LearnerStatus {
  learner: string;
  rows: StatusRow[];
  counts: Record<PhaseStatus, number>;
  /** The phase in progress (or planned), if any. */
  current: number | null;
}

export function buildStatus(
  learner: string,
  index: readonly PhaseSummary[],
  checkpoints: ReadonlyMap<number, Checkpoint | Error>,
): LearnerStatus {
  const counts: Record<PhaseStatus, number> = {
    not_started: 0,
    planned: 0,
    in_progress: 0,
    done: 0,
    attested: 0,
    invalid: 0,
  };
  let current: number | null = null;
  const rows = index.map((p): StatusRow => {
    const cp = checkpoints.get(p.id);
    if (cp instanceof Error) {
      counts.invalid++;
      return {
        phase: p.id,
        title: p.title,
        status: 'invalid',
        quiz: null,
        opened: null,
        closed: null,
        waivers: [],
        attestations: [],
        error: cp.message,
      };
    }
    const status = cp?.status ?? 'not_started';
    counts[status]++;
    if ((status === 'in_progress' || status === 'planned') && current === null) current = p.id;
    const q = cp?.quiz;
    return {
      phase: p.id,
      title: p.title,
      status,
      quiz:
        q && q.attempts > 0
          ? {
              best: q.best ?? null,
              last: q.last ?? null,
              attempts: q.attempts,
              passed: q.passed ?? false,
              threshold: p.threshold,
            }
          : null,
      opened: cp?.approved_at ?? cp?.planned_at ?? null,
      closed: cp?.closed_at ?? null,
      waivers: cp ? humanRecords(cp, 'waivers') : [],
      attestations: cp ? humanRecords(cp, 'attestations') : [],
    };
  });
  return { learner, rows, counts, current };
}

export const isClosed = (s: PhaseStatus): boolean => s === 'done' || s === 'attested';
