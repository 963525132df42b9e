/**
 * lynx quiz NN: argv → grade an answer file (src/app/quiz-answers.ts), or open the interactive
 * session (src/app/quiz.ts) and hand it to the ink screens → present. Exit codes: core/exit-codes.ts.
 */
import { UsageError } from '../../core/errors.js';
import type { Outcome } from '../../core/exit-codes.js';
import { nn, parsePhase } from '../../core/ids.js';
import type { Ctx } from '../context.js';
import { present } from '../present.js';

export async function quizCommand(ctx: Ctx, opts: { answers?: string; partial?: boolean; practice?: boolean }, phaseArg: string): Promise<Outcome> {
  const phase = parsePhase(phaseArg);
  const practice = opts.practice === true;
  if (opts.partial === true && opts.answers === undefined) throw new UsageError('--partial grades an answer file that leaves questions out; it needs --answers FILE');
  if (opts.answers !== undefined) {
    const { quizAnswers } = await import('../../app/quiz-answers.js');
    return present(ctx, 'quiz', await quizAnswers({ cwd: ctx.cwd, learner: ctx.learner, phase, answers: opts.answers, partial: opts.partial === true, practice }));
  }
  if (ctx.json) throw new UsageError('--json prints the result of --answers; the interactive quiz draws in the terminal', { hint: `lynx quiz ${nn(phase)} --answers FILE --json` });
  if (!ctx.isTTY) {
    throw new UsageError(`lynx quiz ${nn(phase)} is interactive and needs a terminal`, {
      hint: `Pass the answers instead: lynx quiz ${nn(phase)} --answers answers.yaml (or --answers - to read them from stdin), e.g. {q-${nn(phase)}-01: 1, q-${nn(phase)}-02: [0, 2], q-${nn(phase)}-03: "text"}.`,
    });
  }
  const [{ openQuizSession }, { runQuizInk }] = await Promise.all([import('../../app/quiz.js'), import('../../ui/quiz/run-quiz.js')]);
  const session = await openQuizSession({ cwd: ctx.cwd, learner: ctx.learner, phase, practice, onSaveError: (m) => ctx.err(`! ${m}`) });
  for (const n of session.notices) ctx.err(`! ${n}`);
  return present(ctx, 'quiz-session', { phase: session.phase, exit: await runQuizInk(session) });
}
