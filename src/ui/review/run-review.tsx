/** The review's ink entry: a thin adapter that renders ReviewApp over today's queue and resolves with the grades given. */
import { render } from 'ink';
import chalk from 'chalk';
import type { GradeName } from '../../core/review/sm2.js';
import { theme } from '../theme.js';
import { ColorsContext, semanticColors } from '../semantic-colors.js';
import { ReviewApp, type ReviewCardView } from './ReviewApp.js';

export interface ReviewRun {
  cards: ReviewCardView[];
  dueTotal: number;
  today: string;
  onGrade: (id: string, grade: GradeName) => Promise<{ due: string }>;
  nextReview: () => string | undefined;
}

export async function runReviewInk(r: ReviewRun): Promise<{ id: string; grade: GradeName }[]> {
  const level = theme().c.level;
  chalk.level = level; // ink styles through chalk's shared instance
  let graded: { id: string; grade: GradeName }[] = [];
  const app = render(
    <ColorsContext.Provider value={semanticColors(level > 0)}>
      <ReviewApp cards={r.cards} dueTotal={r.dueTotal} today={r.today} onGrade={r.onGrade} nextReview={r.nextReview} onExit={(g) => { graded = g; }} />
    </ColorsContext.Provider>,
    { exitOnCtrlC: false, patchConsole: false },
  );
  await app.waitUntilExit();
  return graded;
}
