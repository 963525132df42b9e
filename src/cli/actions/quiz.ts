/**
 * lynx quiz NN: argv → grade an answer file (src/app/quiz-answers.ts), or open the interactive
 * session (src/app/quiz.ts) and hand it to the ink screens → present. Exit codes: core/exit-codes.ts.
 */
import { UsageError } from '../../core/errors.js';
import type { Outcome } from '../../core/exit-codes.js';
import { nn, parsePhase } from '../../core/ids.js';
import type { Ctx } from '../context.js';
import { present } from '../present.js';

export async function quizCommand(
  ctx: Ctx,
  opts: { answers?: string; partial?: boolean; practice?: boolean },
  phaseArg: string,
): Promise<Outcome> {
  const phase = parsePhase(phaseArg);
  const practice = opts.practice === true;
  if (opts.partial === true && opts.answers === undefined)
    throw new UsageError('--partial grades an answer file that leaves questions out; it needs --answers FILE');
  if (opts.answers !== undefined) {
    const { quizAnswers } = await import('../../app/quiz-answers.js');
    return present(
      ctx,
      'quiz',
      await quizAnswers({
        cwd: ctx.cwd,
        learner: ctx.learner,
        phase,
        answers: opts.answers,
        partial: opts.partial === true,
        practice,
      }),
    );
  }
  if (ctx.json)
    throw new UsageError('--json prints the result of --answers; the interactive quiz draws in the terminal', {
      hint: `lynx quiz ${nn(phase)} --answers FILE --json`,
    });
  if (!ctx.isTTY) {
    // a phase with no quiz (41) says so, not that it needs a terminal it could not use anyway
    const [{ openWorkspace }, { loadPhase }] = await Promise.all([
      import('../../io/workspace.js'),
      import('../../io/curriculum.js'),
    ]);
    if ((await loadPhase(await openWorkspace(ctx.cwd), phase)).quiz.file === undefined)
      throw new UsageError(`phase ${nn(phase)} has no quiz`, {
        hint: `\`lynx status ${nn(phase)}\` shows what its DoD asks instead.`,
      });
    throw new UsageError(`lynx quiz ${nn(phase)} is interactive and needs a terminal`, {
      hint:
        `Pass the answers instead: lynx quiz ${nn(phase)} --answers answers.yaml (or --answers - to read them ` +
        `from stdin), e.g. {q-${nn(phase)}-01: 1, q-${nn(phase)}-02: [0, 2], q-${nn(phase)}-03: "text"}.`,
    });
  }
  // The ink screens (ESM, no code cache on Node 20; yoga compiles its wasm) load while the session
  // opens — its reads and git run meanwhile — rather than after it: the first frame comes sooner.
  const screens = import('../../ui/quiz/run-quiz.js');
  screens.catch(() => undefined); // awaited below; an error there is reported there, not as unhandled
  const { openQuizSession } = await import('../../app/quiz.js');
  const session = await openQuizSession({
    cwd: ctx.cwd,
    learner: ctx.learner,
    phase,
    practice,
    onSaveError: (m) => ctx.err(`! ${m}`),
  });
  for (const n of session.notices) ctx.err(`! ${n}`);
  const { runQuizInk } = await screens;
  return present(ctx, 'quiz-session', { phase: session.phase, exit: await runQuizInk(session) });
}
