/**
 * What every way of taking a quiz starts with (interactive and --answers): loading the bank and the
 * learner's attempt log, refusing a phase not open yet (unless practice), refusing an edited log,
 * and refusing a retake while the cooldown after a failed attempt runs.
 */
import { join } from 'node:path';
import { UsageError } from '../core/errors.js';
import { docsDir, askableItems } from '../core/curriculum.js';
import { bankSha256 } from '../core/attempts.js';
import { nn } from '../core/ids.js';
import type { QuizItem } from '../core/quiz/grade.js';
import { cooldownUntil, DEFAULT_COOLDOWN_MINUTES, missedIds } from '../core/quiz/outcome.js';
import { revisit, type Revisit } from '../core/quiz/concepts.js';
import type { Phase, QuizBank } from '../schemas/generated/types.js';
import { isClosed, type PhaseStatus } from '../core/status.js';
import { notOpenReason } from '../core/quiz/open.js';
import { readCheckpoint } from '../io/checkpoint.js';
import { loadPhase, loadQuizBank } from '../io/curriculum.js';
import { openWorkspace, resolveLearner, type Workspace } from '../io/workspace.js';
import { readAttempts, type AttemptLog } from '../io/quiz-store.js';
export interface QuizSetup {
  ws: Workspace;
  learner: string;
  phase: Phase;
  bank: QuizBank;
  bankSha: string;
  items: QuizItem[];
  threshold: number;
  log: AttemptLog;
  cooldownBase: number;
  feedback: 'each' | 'end';
  docs: string;
  /** Practice: recorded apart (quiz-practice.jsonl), no cooldown, no review cards, no checkpoint change. */
  practice: boolean;
  /** Why the attempt is practice although --practice was not given: the phase is closed (closed means closed). */
  closedNote?: string | undefined;
}

/** A quiz for a phase not open yet is refused (exit 2) unless it is practice. */
function assertOpen(ws: Workspace, learner: string, phase: Phase): void {
  const status = (id: number): PhaseStatus => readCheckpoint(ws, learner, id)?.status ?? 'not_started';
  const reason = notOpenReason({
    phase: phase.id,
    status: status(phase.id),
    requires: phase.requires.map((r) => ({ phase: r, status: status(r) })),
  });
  if (reason) {
    throw new UsageError(reason, {
      hint:
        `Nothing was recorded. Practise it apart from the record with \`lynx quiz ${nn(phase.id)} --practice\` ` +
        `(no cooldown, no review cards).`,
    });
  }
}

export async function setupQuiz(opts: {
  cwd: string;
  learner: string | undefined;
  phase: number;
  practice?: boolean;
}): Promise<QuizSetup> {
  const ws = await openWorkspace(opts.cwd);
  const learner = resolveLearner(ws, opts.learner);
  // a workspace's own quiz files are validated here: a bad one stops before the first question
  const phase = await loadPhase(ws, opts.phase);
  const bank = await loadQuizBank(ws, phase);
  if (!bank)
    throw new UsageError(`phase ${nn(opts.phase)} has no quiz`, { hint: 'Phase 41 is the only phase without one.' });
  // closed means closed (issue 15): a retake of a closed phase's quiz is practice — it never rewrites the
  // checkpoint's quiz summary, nor appends to the attempt log the closure's digest anchors
  const cp = readCheckpoint(ws, learner, phase.id);
  const closedNote =
    cp && isClosed(cp.status) && opts.practice !== true
      ? `phase ${nn(phase.id)} is closed (${cp.status} on ${cp.closed_at?.slice(0, 10) ?? '?'}): this attempt is ` +
        `practice — its verdict stays the one it closed with`
      : undefined;
  const practice = opts.practice === true || closedNote !== undefined;
  if (!practice) assertOpen(ws, learner, phase);
  const log = readAttempts(ws, learner, phase.id);
  if (log.problems.length > 0) {
    throw new UsageError(`the attempt log is not intact: ${log.problems[0] ?? ''}`, {
      details: log.problems.slice(1),
      hint:
        'quiz-attempts.jsonl is append-only and hash-chained; restore it from git (`git checkout -- <file>`) ' +
        'before taking the quiz again.',
    });
  }
  return {
    ws,
    learner,
    phase,
    bank,
    bankSha: bankSha256(bank),
    items: askableItems(bank),
    threshold: phase.quiz.threshold,
    log,
    cooldownBase: ws.config.quiz?.cooldown_minutes ?? DEFAULT_COOLDOWN_MINUTES,
    feedback: ws.config.quiz?.feedback ?? 'each',
    docs: join(ws.config.docs ?? 'docs', docsDir(phase).replace(/^docs\//, '')),
    practice,
    ...(closedNote !== undefined ? { closedNote } : {}),
  };
}

/** The items missed in an attempt, with their concepts and theory pages. */
export function revisitFor(setup: QuizSetup, ids: readonly string[]): Revisit[] {
  return revisit(
    setup.phase,
    setup.items.filter((i) => ids.includes(i.id)),
    setup.docs,
  );
}

/** No retake while the cooldown after a failed attempt runs: exit 2, with what to revisit meanwhile. */
export function assertNoCooldown(setup: QuizSetup, now: Date): void {
  if (setup.practice) return;
  const until = cooldownUntil(setup.log.records, setup.cooldownBase);
  if (!until || until <= now) return;
  const last = setup.log.records[setup.log.records.length - 1];
  const mins = Math.ceil((until.getTime() - now.getTime()) / 60_000);
  const fails = setup.log.records.length - setup.log.records.map((r) => r.passed).lastIndexOf(true) - 1;
  throw new UsageError(
    `the phase ${nn(setup.phase.id)} quiz can be retaken at ${until.toISOString().slice(11, 16)} UTC (in ${mins}` +
      ` min), after ${fails} failed attempt${fails === 1 ? '' : 's'} in a row`,
    {
      details: last
        ? revisitFor(setup, missedIds(last)).map((r) => `revisit ${r.id}: ${r.concepts.join(', ')} → ${r.page}`)
        : [],
      hint:
        'The wait grows with each failed attempt (lynx.yaml quiz.cooldown_minutes): use it to re-read, not to ' +
        'guess.',
    },
  );
}
