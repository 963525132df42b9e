/**
 * The JSON reporter: one document on stdout, the shape each command's schema names. Most results
 * are their own JSON; the few that wrap or pick are listed here, once.
 *
 * Every kind's output is typed by the type generated from its published schema
 * (src/schemas/output/*.schema.json → src/schemas/generated/output-types.ts), so a result that
 * loses or retypes a field its schema requires fails the typecheck, and a kind added to
 * ResultKinds without a schema has no entry in JsonOf and fails it too.
 */
import type { ResultKind, ResultKinds } from '../../core/exit-codes.js';
import type { DoctorReport, GateResult, StatusReport, ValidateReport } from '../../schemas/generated/types.js';
import type * as J from '../../schemas/generated/output-types.js';
import type { JournalEdit } from '../../core/results.js';
import type { QuizSessionResult } from '../../core/quiz/session-results.js';
import type { ReviewSessionResult } from '../../core/review/results.js';
import { classGateRows } from '../../core/gate-class.js';

/** What `--json` prints for each result kind. */
export interface JsonOf {
  gate: GateResult | J.GateList.GateList | J.GateClass.GateClass;
  report: J.Report.ReportResult;
  checkpoint: GateResult;
  status: StatusReport;
  next: J.Next.NextJson;
  'phase-start': J.PhaseStart.PhaseStartJson;
  'phase-approve': J.PhaseApprove.PhaseApproveJson;
  lab: J.Lab.LabJson;
  'lab-peeked': J.LabPeeked.LabPeekedJson;
  'report-draft': J.ReportDraft.ReportDraftJson;
  'lab-run': J.LabRun.LabRunJson;
  attest: J.Attest.AttestResult;
  waive: J.Attest.AttestResult;
  journal: J.Journal.JournalResult;
  /** never printed: `lynx journal --json` without TEXT is refused (exit 2) before $EDITOR opens */
  'journal-edit': JournalEdit;
  derive: J.Derive.DeriveJson;
  'manifest-diff': J.ManifestDiff.ManifestDiffJson;
  'manifest-check': J.ManifestCheck.ManifestCheck;
  init: J.Init.InitResult;
  doctor: DoctorReport;
  validate: ValidateReport;
  'validate-breaks': J.ValidateBreaks.ValidateBreaksJson;
  'break-self-test': J.ValidateSelfTest.ValidateSelfTestJson;
  demo: J.Demo.DemoJson;
  class: J.Class.ClassReport;
  grade: J.Grade.GradeResult;
  signoff: J.Signoff.SignoffResult;
  'status-phase': J.StatusPhase.PhaseClassReport;
  migrate: J.Migrate.MigrateResult;
  quiz: J.QuizResult.QuizResultJson;
  /** never printed: the interactive quiz refuses --json (exit 2); `--answers FILE --json` is `quiz` */
  'quiz-session': QuizSessionResult;
  review: J.Review.ReviewJson;
  'review-grade': J.Review.ReviewJson;
  /** never printed: `lynx review --json` is the queue (`review`), not the interactive session */
  'review-session': ReviewSessionResult;
  'claude-install': J.ClaudeInstall.ClaudeInstallJson;
  break: J.Break.BreakJson;
}

/**
 * A value as JSON.stringify writes it: a property whose value may be undefined is left out, so the
 * schema's optional property is what it becomes (the result types say `x: T | undefined`). An
 * `unknown` field cannot be checked at compile time (the tests validate real outputs instead).
 */
/** `x: T | undefined` (left out when undefined), not `x: unknown` (which JSON.stringify may well print). */
type MayBeUndefined<V> = unknown extends V ? false : undefined extends V ? true : false;
export type AsJson<T> = unknown extends T
  ? // eslint-disable-next-line @typescript-eslint/no-explicit-any
    any
  : T extends readonly (infer U)[]
    ? AsJson<U>[]
    : T extends object
      ? { [K in keyof T as MayBeUndefined<T[K]> extends true ? K : never]?: AsJson<Exclude<T[K], undefined>> } & {
          [K in keyof T as MayBeUndefined<T[K]> extends true ? never : K]: AsJson<T[K]>;
        }
      : T;

// the result is its own JSON; the cast is what JSON.stringify does to undefined properties
const same = <T>(r: T): AsJson<T> => r as AsJson<T>;

const shape: { [K in ResultKind]: (r: ResultKinds[K]) => JsonOf[K] } = {
  // --all-learners: the class table and every result (src/schemas/output/gate-class.schema.json)
  gate: (r) =>
    r.learners
      ? { schema_version: 1, learners: classGateRows(r.learners, r.results), results: r.results }
      : r.all
        ? r.results
        : (r.results[0] as GateResult),
  report: (r) => ({ ...r.gate, written: r.written }),
  checkpoint: (r) => r.gate,
  status: same,
  next: same,
  'phase-start': same,
  'phase-approve': same,
  lab: same,
  'lab-peeked': (r) => ({ peeked: r }),
  'report-draft': same,
  'lab-run': same,
  attest: same,
  waive: same,
  journal: same,
  'journal-edit': same,
  derive: same,
  'manifest-diff': same,
  'manifest-check': same,
  init: (r) => ({ schema_version: 1, root: r.root, learner: r.learner, actions: r.actions }),
  doctor: same,
  validate: same,
  'validate-breaks': same,
  'break-self-test': same,
  demo: same,
  class: same,
  grade: same,
  signoff: same,
  'status-phase': same,
  migrate: same,
  quiz: same,
  'quiz-session': same,
  review: same,
  'review-grade': same,
  'review-session': same,
  'claude-install': same,
  break: (r) => same({ schema_version: 1 as const, ...r.result }),
};

export function json<K extends ResultKind>(kind: K, result: ResultKinds[K]): string {
  return JSON.stringify((shape[kind] as (r: ResultKinds[K]) => JsonOf[K])(result), null, 2);
}
