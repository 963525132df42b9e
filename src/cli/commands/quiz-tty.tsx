/**
 * The interactive quiz: resume an unfinished attempt or start one, render QuizApp with ink, save
 * after every answer, record the attempt at the end. Ink and React load only here.
 */
import { nn } from '../../core/ids.js';
import { UsageError } from '../../core/errors.js';
import { parseAnswerValue } from '../../core/quiz/answers.js';
import { recordForm, type Given, type Graded } from '../../core/quiz/grade.js';
import { dropProgress, progressOwnerAlive, readProgress, saveProgress, type Progress } from '../../io/quiz-store.js';
import { assertNoCooldown, finishAttempt, gradeOne, type QuizSetup } from './quiz-session.js';
import type { QuizExit, Restored, Snapshot } from '../../ui/quiz/QuizApp.js';
import type { Ctx } from '../context.js';

/** A saved attempt that can be resumed, or a note on why the saved one cannot. */
function resumable(setup: QuizSetup): { progress: Progress | undefined; note: string | undefined } {
  const p = readProgress(setup.ws, setup.learner, setup.phase.id);
  if (!p) return { progress: undefined, note: undefined };
  if (progressOwnerAlive(p)) {
    throw new UsageError(`another lynx quiz ${nn(setup.phase.id)} session (pid ${p.pid}) is running this attempt`, { hint: 'Finish or leave it there first.' });
  }
  const recorded = setup.log.records.some((r) => r.started_at === p.started_at);
  if (recorded || p.bank_sha256 !== setup.bankSha) {
    dropProgress(setup.ws, setup.learner, setup.phase.id);
    return { progress: undefined, note: recorded ? undefined : 'the quiz bank changed since your unfinished attempt, so it starts afresh' };
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
  const drafts = Object.fromEntries(Object.entries(p.drafts ?? {}).filter(([id, t]) => typeof t === 'string' && !(id in graded) && setup.items.some((i) => i.id === id)));
  return { index: p.index, answers, graded, revealed: p.revealed.filter((id) => id in graded), drafts, elapsedMs: p.elapsed_ms, startedAt: p.started_at };
}

/** The learner left (q, Esc or Ctrl-C, confirmed): the shell's code for an interrupted command. */
export const LEFT_EXIT = 130;

const BRACKETED_PASTE_ON = '\u001b[?2004h';
const BRACKETED_PASTE_OFF = '\u001b[?2004l';

export async function runInteractive(ctx: Ctx, setup: QuizSetup): Promise<number> {
  // practice is one sitting: it never resumes, nor touches the real attempt's saved progress
  const { progress, note } = setup.practice ? { progress: undefined, note: undefined } : resumable(setup);
  if (!progress) assertNoCooldown(setup, new Date());
  const startedAt = progress ? new Date(progress.started_at) : new Date();
  const [{ render }, { QuizApp }, { theme }, { default: chalk }] = await Promise.all([import('ink'), import('../../ui/quiz/QuizApp.js'), import('../../ui/theme.js'), import('chalk')]);
  // ink styles through chalk's shared instance; lynx decides the level (NO_COLOR, FORCE_COLOR, TTY)
  const level = theme().c.level;
  chalk.level = level;
  for (const w of [...setup.log.warnings, ...(note ? [note] : [])]) ctx.err(`! ${w}`);

  // one write at a time, in order: the last snapshot always wins
  let saving: Promise<void> = Promise.resolve();
  const save = (s: Snapshot): void => {
    if (setup.practice) return;
    if (Object.keys(s.answers).length === 0 && Object.keys(s.drafts).length === 0) return; // nothing typed yet: nothing to resume
    const data = {
      v: 1 as const, learner: setup.learner, phase: setup.phase.id, bank_sha256: setup.bankSha, started_at: startedAt.toISOString(),
      elapsed_ms: Math.round(s.elapsedMs), index: s.index,
      answers: Object.fromEntries(Object.entries(s.answers).map(([id, g]) => [id, recordForm(g)])),
      graded: s.graded, revealed: s.revealed, drafts: s.drafts,
    };
    saving = saving.then(() => saveProgress(setup.ws, data)).catch((e: unknown) => { ctx.err(`! could not save your progress: ${e instanceof Error ? e.message : String(e)}`); });
  };
  let exitWith = { kind: 'left', answered: 0, drafts: 0 } as QuizExit;
  const onFinish = async (graded: Graded[], elapsedMs: number) => {
    await saving;
    const f = await finishAttempt(setup, graded, 'interactive', startedAt, elapsedMs);
    if (!setup.practice) dropProgress(setup.ws, setup.learner, setup.phase.id);
    return f.info;
  };

  process.stdout.write(BRACKETED_PASTE_ON);
  const off = (): void => { process.stdout.write(BRACKETED_PASTE_OFF); };
  process.once('exit', off);
  const app = render(
    <QuizApp
      phase={setup.phase.id} items={setup.items} feedback={setup.feedback} restored={progress ? restore(setup, progress) : undefined}
      color={level > 0} rawCursor now={() => Date.now()} grade={gradeOne}
      onProgress={save} onRestart={() => dropProgress(setup.ws, setup.learner, setup.phase.id)}
      onFinish={onFinish} onExit={(e) => { exitWith = e; }}
    />,
    { exitOnCtrlC: false, patchConsole: false },
  );
  try {
    await app.waitUntilExit();
    await saving;
  } finally {
    off();
    process.off('exit', off);
  }
  if (exitWith.kind === 'left') {
    const kept = exitWith.answered + exitWith.drafts;
    ctx.err(kept > 0 ? `Your ${exitWith.answered} answer(s)${exitWith.drafts > 0 ? ` and ${exitWith.drafts} unsent draft(s)` : ''} are saved; \`lynx quiz ${nn(setup.phase.id)}\` resumes this attempt at its first unanswered question.` : 'Left the quiz; nothing was recorded.');
    // leaving is not a failed gate (1): 130, as for an interrupted command
    return LEFT_EXIT;
  }
  return exitWith.passed ? 0 : 1;
}
