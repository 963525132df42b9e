/**
 * Recording a finished attempt: the chained line in quiz-attempts.jsonl, then the checkpoint's quiz
 * summary. Separate from quiz-store so the checkpoint validator loads only when an attempt ends,
 * not before the first question is on screen.
 */
import { attemptsFile, chainLine, sha256, type AttemptRecord } from '../core/attempts.js';
import { quizSummary } from '../core/quiz/outcome.js';
import { appendToLog } from './jsonl-append.js';
import { killPoint } from './fsx.js';
import { newCheckpoint, readCheckpoint } from './checkpoint.js';
import { readAttempts, type AttemptLog } from './quiz-store.js';
import type { Workspace } from './workspace.js';
import type { Checkpoint } from '../schemas/generated/types.js';

/**
 * Append a finished attempt (chained to the last complete line), then refresh the checkpoint's quiz
 * summary from the log, anchored to the line just written (quiz.log_sha256). Under the lock.
 * Validate first, write after: the checkpoint is read (and refused if corrupt) before the append, so
 * an attempt that will exit 2 leaves the log, the checkpoint and the deck byte for byte as they were.
 */
/** `save` writes the checkpoint: src/app/quiz-finish.ts passes src/app/progress.ts saveCheckpoint, which also
 * re-renders progress.md. */
export async function recordAttempt(
  ws: Workspace,
  record: Omit<AttemptRecord, 'prev'>,
  cooldownBase: number,
  save: (ws: Workspace, cp: Checkpoint) => Promise<void>,
): Promise<AttemptLog> {
  const rel = attemptsFile(record.learner, record.phase);
  const cp = readCheckpoint(ws, record.learner, record.phase) ?? newCheckpoint(record.learner, record.phase);
  // after a crash mid-append the record acknowledges the torn line it follows (see verifyChain)
  const { line } = appendToLog(ws, rel, (last, torn) =>
    chainLine(torn === undefined ? record : { ...record, torn: sha256(torn) }, last),
  );
  killPoint('quiz:appended');
  const log = readAttempts(ws, record.learner, record.phase);
  await save(ws, { ...cp, quiz: { ...quizSummary(log.records, cooldownBase), log_sha256: sha256(line) } });
  return log;
}
