/**
 * Recompute, don't trust (issue 15): an attempt record's stored score and verdict are derived data,
 * so the gate re-derives them from the record's own answers. A record appended by hand with a valid
 * chain but `score: 1` over wrong answers, or one that names another learner, fails here, naming the
 * line. Pure.
 */
import type { AttemptRecord } from './attempts.js';

/** Points a verdict may carry: the graders give 1 only to a correct or self-judged-right answer. */
const allowedPoints: Record<AttemptRecord['answers'][number]['verdict'], readonly number[]> = {
  correct: [1],
  wrong: [0],
  partial: [0],
  skipped: [0],
  'self-assessed': [0, 1],
};

/** Every inconsistency of one record, each prefixed with `file:line:`. */
export function recordProblems(rec: AttemptRecord, where: string, learner: string, phase: number): string[] {
  const out: string[] = [];
  if (rec.learner !== learner)
    out.push(
      `${where}: the attempt names learner "${String(rec.learner)}", not "${learner}" — this log is someone else's`,
    );
  if (rec.phase !== phase) out.push(`${where}: the attempt is for phase ${rec.phase}, not ${phase}`);
  let points = 0;
  for (const a of rec.answers) {
    const ok = allowedPoints[a.verdict] as readonly number[] | undefined;
    if (ok === undefined || !ok.includes(a.points))
      out.push(
        `${where}: answer ${String(a.id)} has verdict ${String(a.verdict)} with ${String(a.points)} point(s) — ` +
          `no grader gives that`,
      );
    points += typeof a.points === 'number' ? a.points : 0;
  }
  const score = rec.answers.length === 0 ? 0 : points / rec.answers.length;
  if (Math.abs(score - rec.score) > 1e-9)
    out.push(
      `${where}: stored score ${rec.score} but its answers score ${points}/${rec.answers.length} = ` +
        `${Math.round(score * 1000) / 1000} — the record was not written by lynx quiz`,
    );
  if (rec.passed !== rec.score + 1e-9 >= rec.threshold)
    out.push(
      `${where}: passed is ${String(rec.passed)} but score ${rec.score} vs threshold ${rec.threshold} says otherwise`,
    );
  return out;
}

/** The problems of a whole log's records (line numbers are the records' order in the log). */
export function auditRecords(
  records: readonly AttemptRecord[],
  file: string,
  learner: string,
  phase: number,
): string[] {
  return records.flatMap((r, i) => recordProblems(r, `${file}:${i + 1}`, learner, phase));
}
