/**
 * The class view (issue 17): one row per learner from the same status model `lynx status` uses,
 * plus what a teacher scans for — waivers, self-attestations, reviews due, last activity. Pure: the
 * use case reads the checkpoints; CSV here is the grade export (one header, one row per learner).
 */
import type { Checkpoint } from '../schemas/generated/types.js';
import { isClosed, type LearnerStatus, type PhaseStatus } from './status.js';

export interface ClassRow {
  learner: string;
  current_phase: number | null;
  current_status: PhaseStatus | null;
  phases_closed: number;
  last_quiz: number | null;
  reviews_due: number;
  waivers: number;
  attestations: number;
  last_activity: string | null;
  /** One character per phase: # closed, > in progress, + planned, . not started, ! invalid. */
  strip: string;
  /** The phases that have a date, oldest first (the HTML timeline). */
  timeline: { phase: number; status: PhaseStatus; opened: string | null; closed: string | null }[];
}

export interface ClassReport {
  schema_version: 1;
  phases: number;
  learners: ClassRow[];
}

const MARK: Record<PhaseStatus, string> = {
  done: '#',
  attested: '#',
  in_progress: '>',
  planned: '+',
  not_started: '.',
  invalid: '!',
};

export function classRow(st: LearnerStatus, cps: readonly Checkpoint[], reviewsDue: number): ClassRow {
  const current = st.current === null ? undefined : st.rows.find((r) => r.phase === st.current);
  const dates = cps
    .flatMap((c) => [c.planned_at, c.approved_at, c.closed_at, c.quiz?.last_at, ...(c.waivers ?? []).map((w) => w.at)])
    .filter((d): d is string => typeof d === 'string')
    .sort();
  const quizzed = st.rows.filter((r) => r.quiz?.last != null);
  const lastQuiz = cps
    .filter((c) => c.quiz?.last_at)
    .sort((a, b) => (a.quiz?.last_at ?? '').localeCompare(b.quiz?.last_at ?? ''))
    .at(-1)?.quiz?.last;
  return {
    learner: st.learner,
    current_phase: current?.phase ?? null,
    current_status: current?.status ?? null,
    phases_closed: st.rows.filter((r) => isClosed(r.status)).length,
    last_quiz: lastQuiz ?? quizzed.at(-1)?.quiz?.last ?? null,
    reviews_due: reviewsDue,
    waivers: cps.reduce((n, c) => n + (c.waivers?.length ?? 0), 0),
    attestations: cps.reduce((n, c) => n + (c.attestations?.length ?? 0), 0),
    last_activity: dates.at(-1) ?? null,
    strip: st.rows.map((r) => MARK[r.status]).join(''),
    timeline: st.rows
      .filter((r) => r.opened !== null || r.closed !== null)
      .map((r) => ({ phase: r.phase, status: r.status, opened: r.opened, closed: r.closed })),
  };
}

export type ClassSort = 'learner' | 'progress' | 'activity';

export function sortRows(rows: ClassRow[], by: ClassSort): ClassRow[] {
  const out = [...rows];
  if (by === 'progress') out.sort((a, b) => b.phases_closed - a.phases_closed || a.learner.localeCompare(b.learner));
  else if (by === 'activity')
    out.sort(
      (a, b) => (b.last_activity ?? '').localeCompare(a.last_activity ?? '') || a.learner.localeCompare(b.learner),
    );
  else out.sort((a, b) => a.learner.localeCompare(b.learner));
  return out;
}

export const CSV_COLUMNS = [
  'learner',
  'current_phase',
  'current_status',
  'phases_closed',
  'last_quiz',
  'reviews_due',
  'waivers',
  'attestations',
  'last_activity',
  'strip',
] as const;

const cell = (v: string | number | null): string => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** RFC 4180 CSV; a cell that a spreadsheet would run as a formula is quoted (never evaluated). */
export function toCsv(rows: readonly ClassRow[]): string {
  return (
    [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n'
  );
}
