/**
 * quiz-attempts.jsonl: one line per finished attempt, hash-chained. Each record carries the sha256
 * of the previous line's exact text, so editing, deleting or reordering a line breaks the chain.
 * The gate cannot re-run a quiz; it trusts only an intact record.
 */
import { sha256Hex } from './hash.js';
import { InputError } from './errors.js';

export interface AttemptAnswer {
  id: string;
  answer: unknown;
  verdict: 'correct' | 'wrong' | 'partial' | 'self-assessed' | 'skipped';
  points: number;
}

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
  /** When the attempt began (a resumed attempt keeps its start): ties an unfinished attempt to its record. */
  started_at?: string;
  /** sha256 of a torn line (a crash mid-append) just before this record, which it chains past. */
  torn?: string;
  prev: string;
}

export const GENESIS = '0'.repeat(64);
export const sha256 = (s: string): string => sha256Hex(s);

/** The next line to append, chained to the last line's text. */
export function chainLine(record: Omit<AttemptRecord, 'prev'>, lastLine: string | undefined): string {
  return JSON.stringify({ ...record, prev: lastLine === undefined ? GENESIS : sha256(lastLine) });
}

/**
 * A parsed line must be a record before anything reads its fields: `null`, `[]`, `5` or `{}` in the
 * log is bad input (exit 2 naming the line), not a crash.
 */
function assertRecord(v: unknown, file: string, line: number): asserts v is AttemptRecord {
  const r = v as Partial<AttemptRecord> | null;
  const ok =
    r !== null &&
    typeof r === 'object' &&
    !Array.isArray(r) &&
    typeof r.at === 'string' &&
    typeof r.phase === 'number' &&
    Array.isArray(r.answers) &&
    typeof r.score === 'number' &&
    typeof r.passed === 'boolean' &&
    typeof r.prev === 'string';
  if (!ok) {
    const found =
      v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object without them' : typeof v;
    throw new InputError(
      `${file}:${line}:1 not an attempt record: expected a JSON object with at, phase, answers, score, passed ` +
        `and prev — found ${found}`,
      {
        pos: { file, line, col: 1 },
        hint: 'The attempt log is written by lynx only; restore it from git (`git checkout -- <file>`).',
      },
    );
  }
}

export interface ChainCheck {
  records: AttemptRecord[];
  problems: string[];
  notes?: string[];
}

/**
 * Verify a log's text. A torn line (a crash mid-append: unparseable) is ignored with a note when it
 * is the unterminated tail, or when the next record names it (`torn`: its sha256) and chains past it
 * to the last good line — what the writer does after a crash (src/io/jsonl-append.ts). Any other
 * unparseable line, and anything that does not chain, is a problem: the record after an edited line
 * chains to the line as it was. The first `trusted` lines are parsed and checked as records, and their
 * chain links taken as verified (the caller proved those bytes unchanged since they were).
 */
export function verifyChain(text: string, file: string, trusted = 0): ChainCheck {
  const problems: string[] = [];
  const notes: string[] = [];
  const records: AttemptRecord[] = [];
  if (text === '') return { records, problems, notes };
  const lines = text.split('\n');
  const complete = text.endsWith('\n');
  if (complete) lines.pop();
  let prevLine: string | undefined;
  let torn: { line: number; text: string } | undefined;
  lines.forEach((line, i) => {
    const last = i === lines.length - 1;
    let rec: AttemptRecord;
    try {
      rec = JSON.parse(line) as AttemptRecord;
    } catch {
      if (last && !complete) {
        notes.push(`${file}:${i + 1}: torn last line (a crash while appending) ignored`);
        return;
      }
      torn = { line: i + 1, text: line }; // judged by the next record: named and chained past, or not
      return;
    }
    assertRecord(rec, file, i + 1);
    // `trusted`: the first lines as a run of this tool verified them, proven unchanged by their blob id
    // (io/chain-memo.ts, `lynx checkpoint` only); their links need no sha256 again
    if (i < trusted && torn === undefined) {
      records.push(rec);
      prevLine = line;
      return;
    }
    const expected = prevLine === undefined ? GENESIS : sha256(prevLine);
    if (torn !== undefined) {
      if (rec.prev === expected && rec.torn === sha256(torn.text))
        notes.push(`${file}:${torn.line}: torn line (a crash while appending) ignored; the next record chains past it`);
      else problems.push(`${file}:${torn.line}: not valid JSON — the log was edited`);
      torn = undefined;
    }
    if (rec.prev !== expected)
      problems.push(
        `${file}:${i + 1}: hash chain broken (prev ${String(rec.prev).slice(0, 12)}…, expected ` +
          `${expected.slice(0, 12)}…) — a line was edited, removed or reordered`,
      );
    records.push(rec);
    prevLine = line;
  });
  if (torn !== undefined) problems.push(`${file}:${torn.line}: not valid JSON — the log was edited`);
  return { records, problems, notes };
}

/**
 * Split an append-only log into its complete text and a torn tail (the bytes after the last newline
 * that do not parse: a crash mid-append). A complete JSON line that only lacks its newline is kept.
 * Appending after a torn tail would glue the new line onto it, so writers set the tail aside first.
 */
export function splitTornTail(text: string): { good: string; torn: string | undefined; tornLine: number | undefined } {
  if (text === '' || text.endsWith('\n')) return { good: text, torn: undefined, tornLine: undefined };
  const cut = text.lastIndexOf('\n') + 1;
  const tail = text.slice(cut);
  try {
    JSON.parse(tail);
    return { good: `${text}\n`, torn: undefined, tornLine: undefined };
  } catch {
    return { good: text.slice(0, cut), torn: tail, tornLine: text.slice(0, cut).split('\n').length };
  }
}

/** The last complete line of a log's text (what the next record chains to). */
export function lastLine(text: string): string | undefined {
  const lines = text.split('\n').filter((l) => l !== '');
  return lines[lines.length - 1];
}

/** The quiz bank's identity in attempt records: sha256 of its canonical JSON (as compiled). */
export function bankSha256(bank: unknown): string {
  return sha256(JSON.stringify(bank));
}

/** Where a learner's attempt log for a phase lives (workspace-relative). */
export const attemptsFile = (learner: string, phase: number): string =>
  `learners/${learner}/phase-${String(phase).padStart(2, '0')}/quiz-attempts.jsonl`;

/** The anchor the checkpoint keeps of the log's tail (quiz.log_sha256). A torn tail (a crash mid-append) is not the
 * tail. */
export function tailSha256(text: string): string | undefined {
  const last = splitTornTail(text)
    .good.split('\n')
    .filter((l) => l.trim() !== '')
    .at(-1);
  return last === undefined ? undefined : sha256(last);
}

/**
 * The checkpoint's anchor against the log. `behind`: the anchor is an earlier line and every line
 * after it chains — an attempt appended whose checkpoint write was interrupted (a kill between the
 * two). The checkpoint is a cache of the log, so that is healed by resyncing it, not tampering.
 */
export function anchorState(text: string, anchor: string | undefined): 'match' | 'behind' | 'mismatch' {
  if (anchor === undefined || anchor === tailSha256(text)) return 'match';
  const lines = splitTornTail(text)
    .good.split('\n')
    .filter((l) => l.trim() !== '');
  const at = lines.findIndex((l) => sha256(l) === anchor);
  if (at < 0) return 'mismatch';
  // each later line must chain to the one before it (verifyChain reports breaks on its own)
  for (let i = at + 1; i < lines.length; i++) {
    try {
      if ((JSON.parse(lines[i] ?? '') as { prev?: unknown }).prev !== sha256(lines[i - 1] ?? '')) return 'mismatch';
    } catch {
      return 'mismatch';
    }
  }
  return 'behind';
}

/** What the gate says about the anchor: nothing, a note (interrupted write, resynced), or a problem. */
export function anchorCheck(
  text: string,
  anchor: string | undefined,
  file: string,
): { problems: string[]; notes: string[] } {
  const s = anchorState(text, anchor);
  if (s === 'match') return { problems: [], notes: [] };
  if (s === 'behind')
    return {
      problems: [],
      notes: [
        `${file}: the checkpoint's quiz summary was behind the log (a write interrupted after the attempt was ` +
          `recorded); the log is the record — the checkpoint is resynced by the next quiz or checkpoint write`,
      ],
    };
  return {
    problems: [
      `${file}: the last line does not match the checkpoint's quiz.log_sha256 — the log was edited or truncated`,
    ],
    notes: [],
  };
}

/**
 * Append-only across history: every committed version of the log must be a prefix of the current
 * text. `versions` are the committed contents, newest first, with their commit shas; `what` names the
 * log in the message (the attempt log, the grade log).
 */
export function historyProblems(
  current: string,
  versions: readonly { sha: string; text: string }[],
  file: string,
  what = 'the attempt log',
): string[] {
  for (const v of versions) {
    if (current.startsWith(v.text)) continue;
    const old = v.text.split('\n');
    const now = current.split('\n');
    const line = old.findIndex((l, i) => l !== now[i]) + 1;
    return [
      `${file}:${line}: this line was changed after it was committed in ${v.sha.slice(0, 8)} — ${what} ` +
        `is append-only`,
    ];
  }
  return [];
}
