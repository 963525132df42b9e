/**
 * One exit code per result kind (DESIGN §3), in one table: the commands return a typed outcome and
 * only the entry point turns it into a number. 0 done · 1 a gate failed · 2 bad usage or input ·
 * 3 lynx could not evaluate (environment) · 130/143 interrupted. Errors carry their own code.
 */
import type { DoctorReport, GateResult, StatusReport, ValidateReport } from '../schemas/generated/types.js';
import type { ExitCode } from './errors.js';
import type { NextReport } from './next.js';
import type { LabReport, LabRunResult } from './lab-results.js';
import type { DiffResult, ManifestCheckResult } from './manifest-results.js';
import type { ApproveResult, PhaseStartResult } from './phase-results.js';
import type {
  PeekedResult,
  DraftResult,
  AttestResult,
  DemoResult,
  DeriveResult,
  InitResult,
  JournalEdit,
  JournalResult,
  ReportOutcome,
  WaiveResult,
} from './results.js';
import type { ClassReport } from './class-view.js';
import type { GradeResult } from './grades.js';
import type { SignoffResult } from './signoff.js';
import type { PhaseClassReport } from './phase-class.js';
import type { MigrateResult } from './migrate.js';
import type { BreaksReport, SelfTestReport } from './break/validate-results.js';
import type { QuizResult } from './quiz/result.js';
import type { ClaudeInstallResult } from './claude-results.js';
import type { BreakResult } from './break/results.js';
import type { QuizSessionResult } from './quiz/session-results.js';
import type { ReviewGradeResult, ReviewReport, ReviewSessionResult } from './review/results.js';

/** `lynx gate`: one result per phase verified; `all` = the --all form (its JSON is the list). */
/** `learners`: the --all-learners form (every learner of the workspace, a class table first). */
export interface GateRun {
  results: GateResult[];
  all: boolean;
  changedSince?: string;
  learners?: string[];
}
/** `lynx checkpoint`: the gate result plus the workspace notices shown above it. */
export interface CheckpointRun {
  gate: GateResult;
  notices: string[];
  run: boolean;
}
/** `lynx break`: one step's result; `streamed` = its commands' output already went to the terminal. */
export interface BreakRun {
  result: BreakResult;
  streamed: boolean;
}
/** A restore that did not put the bytes back, or a status with unreadable journals (exit 2, shown on stderr). */
export const breakRefused = (r: BreakResult): boolean =>
  (r.step === 'restore' && !r.ok) || (r.step === 'status' && r.unreadable.length > 0);

export interface ResultKinds {
  gate: GateRun;
  report: ReportOutcome;
  checkpoint: CheckpointRun;
  status: StatusReport;
  next: NextReport;
  'phase-start': PhaseStartResult;
  'phase-approve': ApproveResult;
  lab: LabReport;
  'lab-peeked': PeekedResult;
  'report-draft': DraftResult;
  'lab-run': LabRunResult;
  attest: AttestResult;
  waive: WaiveResult;
  grade: GradeResult;
  signoff: SignoffResult;
  journal: JournalResult;
  'journal-edit': JournalEdit;
  derive: DeriveResult;
  'manifest-diff': DiffResult;
  'manifest-check': ManifestCheckResult;
  init: InitResult;
  doctor: DoctorReport;
  validate: ValidateReport;
  'validate-breaks': BreaksReport;
  'break-self-test': SelfTestReport;
  demo: DemoResult;
  class: ClassReport;
  'status-phase': PhaseClassReport;
  migrate: MigrateResult;
  quiz: QuizResult;
  'quiz-session': QuizSessionResult;
  review: ReviewReport;
  'review-grade': ReviewGradeResult;
  'review-session': ReviewSessionResult;
  'claude-install': ClaudeInstallResult;
  break: BreakRun;
}
export type ResultKind = keyof ResultKinds;
/** What a command hands back to the entry point: the kind and the result it presented. */
export type Outcome = { [K in ResultKind]: { kind: K; result: ResultKinds[K] } }[ResultKind];

/** error = lynx could not evaluate a check (a tool missing, a timeout of lynx's own): environment. */
export const gateCode = (status: GateResult['status']): ExitCode => (status === 'pass' ? 0 : status === 'fail' ? 1 : 3);

const TABLE: { [K in ResultKind]: (r: ResultKinds[K]) => ExitCode } = {
  gate: (r) => (r.results.some((g) => g.status === 'fail') ? 1 : r.results.some((g) => g.status === 'error') ? 3 : 0),
  report: (r) => gateCode(r.gate.status),
  // status only: a mid-phase health check never fails
  checkpoint: () => 0,
  next: () => 0,
  status: (r) => (r.learners.some((l) => l.counts.invalid > 0) ? 2 : 0),
  // an edit to the approved plan without a §8 revisions entry is the learner's work not being there yet
  'phase-start': (r) => (r.plan.state === 'unlogged' ? 1 : 0),
  'phase-approve': (r) => (r.plan.state === 'unlogged' ? 1 : 0),
  lab: () => 0,
  'lab-peeked': () => 0,
  'report-draft': () => 0,
  // Ctrl-C stopped it: the interrupted contract, not a failing gate
  'lab-run': (r) => (r.outcome === 'passed' ? 0 : r.outcome === 'interrupted' ? 130 : 1),
  attest: () => 0,
  waive: () => 0,
  grade: () => 0,
  signoff: () => 0,
  journal: () => 0,
  'journal-edit': () => 0,
  derive: () => 0,
  'manifest-diff': (r) => (r.drift ? 1 : 0),
  'manifest-check': (r) => (r.manifests.some((m) => m.status === 'unreadable') ? 2 : r.ok ? 0 : 1),
  init: () => 0,
  doctor: (r) =>
    r.tools.some((t) => t.required && !t.found) ? 3 : r.workspace?.checks.some((c) => c.status === 'fail') ? 2 : 0,
  validate: (r) => (r.ok ? 0 : 2),
  'validate-breaks': (r) => (r.ok ? 0 : 2),
  'break-self-test': (r) => (r.ok ? 0 : 2),
  demo: (r) => (r.ok ? 0 : 1),
  class: () => 0,
  migrate: () => 0,
  // an unreadable checkpoint is bad input, as in `lynx status`
  'status-phase': (r) => (r.learners.some((l) => l.status === 'invalid') ? 2 : 0),
  // below the threshold is a gate not passed yet
  quiz: (r) => (r.passed ? 0 : 1),
  // leaving the quiz is not a failed gate: 130, as for an interrupted command
  'quiz-session': (r) => (r.exit.kind === 'left' ? 130 : r.exit.passed ? 0 : 1),
  review: () => 0,
  'review-grade': () => 0,
  // every grade is recorded as it is given: leaving the review early loses nothing
  'review-session': () => 0,
  'claude-install': () => 0,
  // a restore that did not put the bytes back, or unreadable journals: bad state to fix first
  break: ({ result }) => (breakRefused(result) ? 2 : 0),
};

/**
 * The exit code of an outcome. A bare number is accepted for the commands that still compute their
 * own (the Claude Code Stop hook, whose 0/1 is Claude Code's contract, and `lynx mcp`).
 */
export function exitCode(o: Outcome | number): number {
  if (typeof o === 'number') return o;
  return (TABLE[o.kind] as (r: unknown) => ExitCode)(o.result);
}

/** The signal a run was stopped by → its exit code (128 + signal number, as shells report it). */
export const signalCode = (signal: 'SIGINT' | 'SIGTERM'): ExitCode => (signal === 'SIGTERM' ? 143 : 130);
