/**
 * quiz-attempts.jsonl: one line per finished attempt, hash-chained. Each record carries the sha256
 * of the previous line's exact text, so editing, deleting or reordering a line breaks the chain.
 * The gate cannot re-run a quiz; it trusts only an intact record.
 */
import { createHash } from 'node:crypto';

export interface AttemptAnswer { id: string; answer: unknown; verdict: 'correct' | 'wrong' | 'partial' | 'self-assessed' | 'skipped'; points: number }

export interface AttemptRecord {
  v: 1;
  at: string;
  phase: number;
  learner: string;
  bank_sha256: string;
  mode: 'interactive' | 'answers-file';
  answers: AttemptAnswer[];
  score: number;
  threshold: number;
  passed: boolean;
  duration_ms?: number;
  prev: string;
}

export const GENESIS = '0'.repeat(64);
export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** The next line to append, chained to the last line's text. */
export function chainLine(record: Omit<AttemptRecord, 'prev'>, lastLine: string | undefined): string {
  return JSON.stringify({ ...record, prev: lastLine === undefined ? GENESIS : sha256(lastLine) });
}

export interface ChainCheck { records: AttemptRecord[]; problems: string[] }

/**
 * Verify a log's text. A torn last line (crash mid-append: no trailing newline, unparseable) is
 * ignored with a note; anything else that does not chain is a problem.
 */
export function verifyChain(text: string, file: string): ChainCheck {
  const problems: string[] = [];
  const records: AttemptRecord[] = [];
  if (text === '') return { records, problems };
  const lines = text.split('\n');
  const complete = text.endsWith('\n');
  if (complete) lines.pop();
  let prevLine: string | undefined;
  lines.forEach((line, i) => {
    const last = i === lines.length - 1;
    let rec: AttemptRecord;
    try {
      rec = JSON.parse(line) as AttemptRecord;
    } catch {
      if (last && !complete) return; // torn tail: the append never finished
      problems.push(`${file}:${i + 1}: not valid JSON — the log was edited`);
      return;
    }
    const expected = prevLine === undefined ? GENESIS : sha256(prevLine);
    if (rec.prev !== expected) problems.push(`${file}:${i + 1}: hash chain broken (prev ${String(rec.prev).slice(0, 12)}…, expected ${expected.slice(0, 12)}…) — a line was edited, removed or reordered`);
    records.push(rec);
    prevLine = line;
  });
  return { records, problems };
}

/** The quiz bank's identity in attempt records: sha256 of its canonical JSON (as compiled). */
export function bankSha256(bank: unknown): string {
  return sha256(JSON.stringify(bank));
}

/** Where a learner's attempt log for a phase lives (workspace-relative). */
export const attemptsFile = (learner: string, phase: number): string =>
  `learners/${learner}/phase-${String(phase).padStart(2, '0')}/quiz-attempts.jsonl`;

/** The anchor the checkpoint keeps of the log's tail (quiz.log_sha256). */
export function tailSha256(text: string): string | undefined {
  const last = text.split('\n').filter((l) => l.trim() !== '').at(-1);
  return last === undefined ? undefined : sha256(last);
}

/**
 * Append-only across history: every committed version of the log must be a prefix of the current
 * text. `versions` are the committed contents, newest first, with their commit shas.
 */
export function historyProblems(current: string, versions: readonly { sha: string; text: string }[], file: string): string[] {
  for (const v of versions) {
    if (current.startsWith(v.text)) continue;
    const old = v.text.split('\n');
    const now = current.split('\n');
    const line = old.findIndex((l, i) => l !== now[i]) + 1;
    return [`${file}:${line}: this line was changed after it was committed in ${v.sha.slice(0, 8)} — the attempt log is append-only`];
  }
  return [];
}
