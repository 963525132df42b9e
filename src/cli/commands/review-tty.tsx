/** The interactive review: ReviewApp (ink) over today's queue; each grade is recorded before the next card. */
import type { QuizItem } from '../../core/quiz/grade.js';
import type { GradeName } from '../../core/review/sm2.js';
import { gradeCard, reviewQueue, type ReviewReport } from './review.js';
import type { Ctx } from '../context.js';
import type { ReviewCardView } from '../../ui/review/ReviewApp.js';

export async function runReview(ctx: Ctx, report: ReviewReport, items: Map<string, { item: QuizItem; page: string }>): Promise<number> {
  const [{ render }, { ReviewApp }, { theme }, { default: chalk }] = await Promise.all([import('ink'), import('../../ui/review/ReviewApp.js'), import('../../ui/theme.js'), import('chalk')]);
  const level = theme().c.level;
  chalk.level = level; // ink styles through chalk's shared instance

  for (const w of report.warnings) ctx.err(`! ${w}`);
  const cards: ReviewCardView[] = report.cards.flatMap((c) => {
    const it = items.get(c.id);
    return it ? [{ id: c.id, phase: c.phase, item: it.item, due: c.due, leech: c.leech ? { misses: c.misses, page: it.page } : undefined }] : [];
  });
  let next: string | undefined = report.next_review ?? undefined;
  let graded: { id: string; grade: GradeName }[] = [];
  const app = render(
    <ReviewApp
      cards={cards} dueTotal={report.due_total} today={report.today} color={level > 0}
      onGrade={async (id, grade) => {
        const r = await gradeCard({ cwd: ctx.cwd, learner: report.learner, id, grade });
        next = (await reviewQueue({ cwd: ctx.cwd, learner: report.learner })).next_review ?? undefined;
        return { due: r.due };
      }}
      nextReview={() => next}
      onExit={(g) => { graded = g; }}
    />,
    { exitOnCtrlC: false, patchConsole: false },
  );
  await app.waitUntilExit();
  if (graded.length < cards.length) ctx.err(`${graded.length} of ${cards.length} due card(s) reviewed; the rest stay due.`);
  return 0;
}
