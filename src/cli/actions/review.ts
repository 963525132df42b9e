/**
 * lynx review: argv → today's queue (--json), grades given on the command line (--grade), or the
 * interactive review over the queue (src/app/review.ts use cases, src/ui/review screens) → present.
 */
import { UsageError } from '../../core/errors.js';
import type { Outcome } from '../../core/exit-codes.js';
import { GRADE_NAMES, type GradeName } from '../../core/review/sm2.js';
import type { Ctx } from '../context.js';
import { present } from '../present.js';

function parseGrade(s: string): { id: string; grade: GradeName } {
  const m = /^([^=\s]+)=(\w+)$/.exec(s.trim());
  const grade = m?.[2]?.toLowerCase() as GradeName | undefined;
  if (!m?.[1] || !grade || !GRADE_NAMES.includes(grade)) throw new UsageError(`--grade ${s}: expected ID=${GRADE_NAMES.join('|')} (e.g. q-00-03=good)`);
  return { id: m[1], grade };
}

export async function reviewCommand(ctx: Ctx, opts: { limit?: string; grade?: string[] }): Promise<Outcome> {
  const limit = opts.limit === undefined ? undefined : Number(opts.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new UsageError(`--limit ${opts.limit}: expected a whole number of cards, 1 or more`);
  const app = await import('../../app/review.js');
  if (opts.grade && opts.grade.length > 0) {
    return present(ctx, 'review-grade', await app.reviewGrades({ cwd: ctx.cwd, learner: ctx.learner, grades: opts.grade.map(parseGrade) }));
  }
  if (ctx.json) {
    const { items: _items, ...report } = await app.reviewQueue({ cwd: ctx.cwd, learner: ctx.learner, limit });
    return present(ctx, 'review', report);
  }
  const session = await app.openReviewSession({ cwd: ctx.cwd, learner: ctx.learner, limit });
  if (!ctx.isTTY) {
    throw new UsageError('lynx review is interactive and needs a terminal', { hint: '`lynx review --json` lists today\'s due cards; `lynx review --grade q-00-03=good` grades one (again|hard|good|easy).' });
  }
  const { runReviewInk } = await import('../../ui/review/run-review.js');
  for (const w of session.report.warnings) ctx.err(`! ${w}`);
  const graded = await runReviewInk({ cards: session.cards, dueTotal: session.report.due_total, today: session.report.today, onGrade: session.grade, nextReview: session.nextReview });
  return present(ctx, 'review-session', { graded: graded.length, shown: session.cards.length });
}
