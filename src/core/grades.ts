/**
 * A teacher's grades of self-assessed free answers (issue 17, `lynx grade NN --learner ana`):
 * learners/<name>/phase-NN/grades.jsonl, one signed record per verdict, hash-chained like the attempt
 * log so a line cannot be edited, dropped or reordered. A grade names the attempt (its line in the
 * attempt log and its time) and the item; the last grade of an item wins. A teacher never acts as the
 * learner: `by` is the signer's principal, `learner` whose answer it judged. Pure.
 */
import { GENESIS, sha256, type AttemptRecord } from './attempts.js';
import { nn } from './ids.js';

export interface GradeRecord {
  v: 1;
  at: string;
  phase: number;
  learner: string;
  /** The graded attempt: its 1-based line in quiz-attempts.jsonl and its `at`. */
  attempt_line: number;
  attempt_at: string;
  item: string;
  verdict: 'correct' | 'wrong';
  note?: string;
  by: string;
  signed_by?: string;
  signature?: string;
  prev: string;
}

export const gradesFile = (learner: string, phase: number): string =>
  `learners/${learner}/phase-${nn(phase)}/grades.jsonl`;

/** The next line, chained to the last one's text (the signature is over the fields, not the chain). */
export function gradeLine(fields: Omit<GradeRecord, 'prev'>, last: string | undefined): string {
  return JSON.stringify({ ...fields, prev: last === undefined ? GENESIS : sha256(last) });
}

/** The log's records with their line numbers, and what breaks the chain or the shape (file:line). */
export function parseGrades(
  text: string,
  file: string,
): { records: { rec: GradeRecord; line: number }[]; problems: string[] } {
  const records: { rec: GradeRecord; line: number }[] = [];
  const problems: string[] = [];
  let prev: string | undefined;
  text.split('\n').forEach((l, i) => {
    if (l.trim() === '') return;
    let rec: GradeRecord;
    try {
      rec = JSON.parse(l) as GradeRecord;
    } catch {
      problems.push(`${file}:${i + 1}: not valid JSON — the grade log was edited`);
      prev = l;
      return;
    }
    const ok =
      rec !== null &&
      typeof rec === 'object' &&
      typeof rec.item === 'string' &&
      (rec.verdict === 'correct' || rec.verdict === 'wrong') &&
      typeof rec.attempt_line === 'number' &&
      typeof rec.by === 'string' &&
      typeof rec.at === 'string';
    if (!ok) problems.push(`${file}:${i + 1}: not a grade record (item, verdict correct|wrong, attempt_line, by, at)`);
    else if (rec.prev !== (prev === undefined ? GENESIS : sha256(prev)))
      problems.push(`${file}:${i + 1}: hash chain broken — a grade was edited, removed or reordered`);
    else records.push({ rec, line: i + 1 });
    prev = l;
  });
  return { records, problems };
}

/** The latest grade per item of one attempt. */
export function gradesOf(
  grades: readonly GradeRecord[],
  attemptLine: number,
  attemptAt: string,
): Map<string, GradeRecord> {
  const out = new Map<string, GradeRecord>();
  for (const g of grades) if (g.attempt_line === attemptLine && g.attempt_at === attemptAt) out.set(g.item, g);
  return out;
}

/**
 * The attempt's score once the teacher's grades replace the learner's self-assessments: a self-assessed
 * answer graded `wrong` scores 0, `correct` scores 1. Grades of items that were not self-assessed do
 * not count (a teacher re-grades judgement, not the deterministic key).
 */
export function gradedScore(
  rec: AttemptRecord,
  grades: ReadonlyMap<string, GradeRecord>,
): { score: number; passed: boolean; changed: string[] } {
  let points = 0;
  const changed: string[] = [];
  for (const a of rec.answers) {
    const g = a.verdict === 'self-assessed' ? grades.get(a.id) : undefined;
    const p = g ? (g.verdict === 'correct' ? 1 : 0) : a.points;
    if (g && p !== a.points)
      changed.push(`${a.id}: self-assessed ${a.points === 1 ? 'right' : 'wrong'}, graded ${g.verdict} by ${g.by}`);
    points += p;
  }
  const score = rec.answers.length === 0 ? 0 : points / rec.answers.length;
  return { score, passed: score + 1e-9 >= rec.threshold, changed };
}

/** What `lynx grade` shows and records (src/schemas/output/grade.schema.json). */
export interface GradeItem {
  id: string;
  prompt: string;
  model_answer: string;
  answer: string;
  self_assessed: 'right' | 'wrong';
  graded?: { verdict: 'correct' | 'wrong'; by: string; at: string };
}
export interface GradeResult {
  phase: number;
  learner: string;
  attempt: { line: number; at: string } | null;
  items: GradeItem[];
  recorded?: { item: string; verdict: 'correct' | 'wrong'; by: string; at: string; file: string };
}
