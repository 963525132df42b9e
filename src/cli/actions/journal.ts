/** lynx journal [TEXT] [--decision]: argv (or piped stdin) → the journal use case (or $EDITOR on the day's file, in a
 * terminal) → present. */
import { editJournal, journal } from '../../app/journal.js';
import { UsageError } from '../../core/errors.js';
import type { Outcome } from '../../core/exit-codes.js';
import type { Ctx } from '../context.js';
import { present } from '../present.js';

export async function journalCommand(ctx: Ctx, o: { decision?: boolean }, words: string[]): Promise<Outcome> {
  let text = words.join(' ');
  // `echo "…" | lynx journal`: a pipe on stdin is the entry (a terminal there means $EDITOR)
  if (words.length === 0 && !ctx.isTTY && process.stdin.isTTY !== true)
    text = await (await import('../../io/stdin.js')).readStdinText();
  if (text.trim() === '') {
    if (o.decision)
      throw new UsageError('--decision needs the decision as TEXT', {
        hint: 'lynx journal --decision "keep X because Y"',
      });
    if (!ctx.isTTY || ctx.json)
      throw new UsageError('no TEXT, nothing on stdin, and no terminal to open $EDITOR in', {
        hint:
          'Pass the entry as an argument: lynx journal "what failed on first try and how I fixed it" (or pipe it: ' +
          'echo "…" | lynx journal)',
      });
    return present(ctx, 'journal-edit', await editJournal({ cwd: ctx.cwd, learner: ctx.learner }));
  }
  return present(
    ctx,
    'journal',
    await journal({ cwd: ctx.cwd, learner: ctx.learner, text, decision: o.decision === true }),
  );
}
