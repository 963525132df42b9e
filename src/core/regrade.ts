/**
 * Re-grading (issue 15, "recompute, don't trust"): every attempt's deterministic answers (mcq, multi,
 * numeric, short, conjugation-form, and code when its run is supplied) are graded again against the
 * bank whose sha256 the attempt records, and the recorded verdict must be what the grader says now.
 * An attempt must answer exactly the bank's askable items, each once. Free answers are judgement, not
 * re-gradable (a teacher grades them: core/grades.ts). A bank that cannot be found (a bundled bank of
 * an older lynx, a workspace bank never committed) is a note, not a failure: the latest attempt must
 * be on the current bank anyway (the quiz check), so only history goes un-re-graded. Pure.
 */
import type { AttemptRecord } from './attempts.js';
import type { QuizBank } from '../schemas/generated/types.js';
import { gradeItem, type CodeOutcome } from './quiz/grade.js';
import { parseAnswerValue } from './quiz/answers.js';

const DETERMINISTIC = new Set(['mcq', 'multi', 'numeric', 'short', 'conjugation-form', 'code']);

export interface Regrade {
  problems: string[];
  notes: string[];
}

/** One record against its bank; `where` is file:line. `code`: the latest attempt's code runs, when re-run. */
export function regradeRecord(
  rec: AttemptRecord,
  bank: QuizBank,
  where: string,
  code?: ReadonlyMap<string, CodeOutcome>,
): string[] {
  const out: string[] = [];
  const items = new Map(bank.items.map((i) => [i.id, i]));
  const askable = bank.items.filter((i) => i.askable !== false).map((i) => i.id);
  const seen = new Set<string>();
  for (const a of rec.answers) {
    const item = items.get(a.id);
    if (!item) {
      out.push(`${where}: answer ${String(a.id)} is not an item of the bank the attempt was taken on`);
      continue;
    }
    if (seen.has(a.id)) out.push(`${where}: answer ${a.id} appears twice`);
    seen.add(a.id);
    if (
      !DETERMINISTIC.has(item.answer_type) ||
      (a.verdict === 'skipped' && (a.answer === null || a.answer === undefined))
    )
      continue;
    // not re-run here (static mode, or not the latest attempt)
    if (item.answer_type === 'code' && !code?.has(a.id)) continue;
    const given = parseAnswerValue(item, a.answer);
    const g = typeof given === 'string' ? undefined : gradeItem(item, given, code?.get(a.id));
    const verdict = g?.verdict ?? 'wrong';
    if (verdict !== a.verdict || (g?.points ?? 0) !== a.points)
      out.push(
        `${where}: answer ${a.id} (${item.answer_type}) is recorded ${a.verdict} but grades ${verdict} against ` +
          `the bank — the record was not written by lynx quiz`,
      );
  }
  const missing = askable.filter((id) => !seen.has(id));
  if (missing.length > 0)
    out.push(
      `${where}: the attempt does not answer ${missing.length} of the bank's ${askable.length} question(s) (` +
        `${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}) — lynx quiz records every question ` +
        `asked`,
    );
  return out;
}

/** Every record of a log against the bank at its recorded hash. */
export function regradeLog(
  records: readonly AttemptRecord[],
  banks: ReadonlyMap<string, QuizBank>,
  file: string,
  code?: ReadonlyMap<string, CodeOutcome>,
): Regrade {
  const problems: string[] = [];
  const unknown: number[] = [];
  records.forEach((rec, i) => {
    const bank = banks.get(rec.bank_sha256);
    if (!bank) {
      unknown.push(i + 1);
      return;
    }
    problems.push(...regradeRecord(rec, bank, `${file}:${i + 1}`, i === records.length - 1 ? code : undefined));
  });
  const notes =
    unknown.length > 0
      ? [
          `${file}: line(s) ${unknown.join(', ')} were taken on a quiz bank this workspace no longer has (not ` +
            `in its history); not re-graded`,
        ]
      : [];
  return { problems, notes };
}
