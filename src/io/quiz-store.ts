/**
 * A learner's quiz state on disk: the hash-chained attempt log (learners/<name>/phase-NN/
 * quiz-attempts.jsonl), the checkpoint's quiz summary, and the unfinished attempt of an interactive
 * quiz (.lynx/quiz/<name>/phase-NN.json, rewritten atomically after every answer so a crash or
 * Ctrl-C loses nothing).
 */
import { rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { attemptsFile, verifyChain, type AttemptRecord } from '../core/attempts.js';
import { nn } from '../core/ids.js';
import type { Graded } from '../core/quiz/grade.js';
import { readLog, tornWarning } from './jsonl-append.js';
import { CAPS, readRegularText, writeJsonAtomic } from './fsx.js';
import type { Workspace } from './workspace.js';

/** The verified attempt log; `warnings` are torn lines ignored (a crash while appending). */
export interface AttemptLog {
  records: AttemptRecord[];
  problems: string[];
  warnings: string[];
}

export function readAttempts(ws: Workspace, learner: string, phase: number): AttemptLog {
  const rel = attemptsFile(learner, phase);
  const { text, torn } = readLog(ws, rel);
  const { records, problems, notes } = verifyChain(text, rel);
  return { records, problems, warnings: [...(notes ?? []), ...(torn ? [tornWarning(torn)] : [])] };
}

/** An interactive attempt in progress: enough to resume exactly where it stopped. */
export interface Progress {
  v: 1;
  learner: string;
  phase: number;
  bank_sha256: string;
  started_at: string;
  /** Time spent in earlier sessions of this attempt. */
  elapsed_ms: number;
  index: number;
  /** Answers in the answer-file form, by item id. */
  answers: Record<string, unknown>;
  /** Verdicts so far (a resumed attempt does not re-run code or re-ask a self-assessment). */
  graded: Record<string, Graded>;
  /** Items whose verdict was already shown (they cannot be changed any more). */
  revealed: string[];
  /** Text typed but not sent when the learner left, by item id. */
  drafts?: Record<string, string>;
  pid: number;
  host: string;
  saved_at: string;
}

export const progressFile = (learner: string, phase: number): string => `.lynx/quiz/${learner}/phase-${nn(phase)}.json`;

export function readProgress(ws: Workspace, learner: string, phase: number): Progress | undefined {
  const abs = ws.abs(progressFile(learner, phase));
  try {
    const text = readRegularText(abs, { display: progressFile(learner, phase), cap: CAPS.json, optional: true });
    if (text === undefined) return undefined;
    const p = JSON.parse(text) as Progress | null;
    return p?.v === 1 && p.learner === learner && p.phase === phase ? p : undefined;
  } catch {
    return undefined; // written atomically, so unreadable means foreign: start afresh
  }
}

export async function saveProgress(ws: Workspace, p: Omit<Progress, 'pid' | 'host' | 'saved_at'>): Promise<void> {
  await writeJsonAtomic(ws.abs(progressFile(p.learner, p.phase)), {
    ...p,
    pid: process.pid,
    host: hostname(),
    saved_at: new Date().toISOString(),
  });
}

export function dropProgress(ws: Workspace, learner: string, phase: number): void {
  rmSync(ws.abs(progressFile(learner, phase)), { force: true });
}

/** Is another live process on this host running this attempt right now? */
export function progressOwnerAlive(p: Progress): boolean {
  if (p.host !== hostname() || p.pid === process.pid) return false;
  try {
    process.kill(p.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
