/**
 * `lynx quiz NN` in a terminal, as a use case: open the session (resume an unfinished attempt or
 * start one, refusing a retake during a cooldown), save it after every answer, record it at the end.
 * The ink screens (src/ui/quiz) drive it through the callbacks of the session this returns; they
 * never touch files.
 */
import { nn } from '../core/ids.js';
import { UsageError } from '../core/errors.js';
import { parseAnswerValue } from '../core/quiz/answers.js';
import { recordForm, type Given, type Graded, type QuizItem } from '../core/quiz/grade.js';
import type { FinishInfo, Restored, Snapshot } from '../core/quiz/session-results.js';
import { dropProgress, progressOwnerAlive, readProgress, saveProgress, type Progress } from '../io/quiz-store.js';
import { assertNoCooldown, setupQuiz, type QuizSetup } from './quiz-setup.js';
import { finishAttempt, gradeOne } from './quiz-finish.js';

export interface QuizSession {
  phase: number;
  items: QuizItem[];
  feedback: 'each' | 'end';
  practice: boolean;
  /** The unfinished attempt being resumed, if any. */
  restored: Restored | undefined;
  /** To show before the first question: torn log lines ignored, a saved attempt dropped. */
  notices: string[];
  grade: (item: QuizItem, given: Given) => Promise<Graded>;
  /** Queue a save of the attempt so far; saves run one at a time, in order, so the last one wins. */
  save: (s: Snapshot) => void;
  /** The learner chose to start over: the saved answers are dropped. */
  restart: () => void;
  /** Record the finished attempt (after the queued saves) and drop the saved progress. */
  finish: (graded: Graded[], elapsedMs: number) => Promise<FinishInfo>;
  /** Resolves when every queued save is written. */
  settled: () => Promise<void>;
}

/** A saved attempt that can be resumed, or a note on why the saved one cannot. */
function resumable(setup: QuizSetup): { progress: Progress | undefined; note: string | undefined } {
  const p = readProgress(setup.ws, setup.learner, setup.phase.id);
  if (!p) return { progress: undefined, note: undefined };
  if (progressOwnerAlive(p)) {
    throw new UsageError(`another lynx quiz ${nn(setup.phase.id)} session (pid ${p.pid}) is running this attempt`, {
      hint: 'Finish or leave it there first.',
    });
  }
  const recorded = setup.log.records.some((r) => r.started_at === p.started_at);
  if (recorded || p.bank_sha256 !== setup.bankSha) {
    dropProgress(setup.ws, setup.learner, setup.phase.id);
    return {
      progress: undefined,
      note: recorded ? undefined : 'the quiz bank changed since your unfinished attempt, so it starts afresh',
    };
  }
  return { progress: p, note: undefined };
}

function restore(setup: QuizSetup, p: Progress): Restored {
  const answers: Record<string, Given> = {};
  for (const item of setup.items) {
    if (!(item.id in p.answers)) continue;
    const g = parseAnswerValue(item, p.answers[item.id]);
    if (typeof g !== 'string') answers[item.id] = g;
  }
  const graded = Object.fromEntries(Object.entries(p.graded).filter(([id]) => id in answers));
  const drafts = Object.fromEntries(
    Object.entries(p.drafts ?? {}).filter(
      ([id, t]) => typeof t === 'string' && !(id in graded) && setup.items.some((i) => i.id === id),
    ),
  );
  return {
    index: p.index,
    answers,
    graded,
    revealed: p.revealed.filter((id) => id in graded),
    drafts,
    elapsedMs: p.elapsed_ms,
    startedAt: p.started_at,
  };
}

export async function openQuizSession(opts: {
  cwd: string;
  learner: string | undefined;
  phase: number;
  practice?: boolean;
  onSaveError: (message: string) => void;
}): Promise<QuizSession> {
  const setup = await setupQuiz(opts);
  // practice is one sitting: it never resumes, nor touches the real attempt's saved progress
  const { progress, note } = setup.practice ? { progress: undefined, note: undefined } : resumable(setup);
  if (!progress) assertNoCooldown(setup, new Date());
  const startedAt = progress ? new Date(progress.started_at) : new Date();

  let saving: Promise<void> = Promise.resolve();
  const save = (s: Snapshot): void => {
    if (setup.practice) return;
    // nothing typed yet: nothing to resume
    if (Object.keys(s.answers).length === 0 && Object.keys(s.drafts).length === 0) return;
    const data = {
      v: 1 as const,
      learner: setup.learner,
      phase: setup.phase.id,
      bank_sha256: setup.bankSha,
      started_at: startedAt.toISOString(),
      elapsed_ms: Math.round(s.elapsedMs),
      index: s.index,
      answers: Object.fromEntries(Object.entries(s.answers).map(([id, g]) => [id, recordForm(g)])),
      graded: s.graded,
      revealed: s.revealed,
      drafts: s.drafts,
    };
    saving = saving
      .then(() => saveProgress(setup.ws, data))
      .catch((e: unknown) => {
        opts.onSaveError(`could not save your progress: ${e instanceof Error ? e.message : String(e)}`);
      });
  };
  return {
    phase: setup.phase.id,
    items: setup.items,
    feedback: setup.feedback,
    practice: setup.practice,
    restored: progress ? restore(setup, progress) : undefined,
    notices: [...setup.log.warnings, ...(note ? [note] : []), ...(setup.closedNote ? [setup.closedNote] : [])],
    grade: gradeOne,
    save,
    restart: () => dropProgress(setup.ws, setup.learner, setup.phase.id),
    finish: async (graded, elapsedMs) => {
      await saving;
      const f = await finishAttempt(setup, graded, 'interactive', startedAt, elapsedMs);
      if (!setup.practice) dropProgress(setup.ws, setup.learner, setup.phase.id);
      return f.info;
    },
    settled: () => saving,
  };
}
