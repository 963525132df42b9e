/** The text reporters of the quiz and review results (spread into text.ts's registry). */
import { nn } from '../../core/ids.js';
import type { ResultKinds } from '../../core/exit-codes.js';
import type { Theme } from '../theme.js';
import type { Printed } from './text.js';

type QuizKinds = 'quiz' | 'quiz-session' | 'review' | 'review-grade' | 'review-session';

export const quizText: { [K in QuizKinds]: (r: ResultKinds[K], t: Theme) => Printed | Promise<Printed> } = {
  quiz: async (r, t) => ({ out: [(await import('../quiz-result-view.js')).renderQuizResult(r, t)] }),
  'quiz-session': ({ phase, exit }) => {
    if (exit.kind !== 'left') return { out: [] };
    const kept = exit.answered + exit.drafts;
    return {
      out: [],
      err: [kept > 0
        ? `Your ${exit.answered} answer(s)${exit.drafts > 0 ? ` and ${exit.drafts} unsent draft(s)` : ''} are saved; \`lynx quiz ${nn(phase)}\` resumes this attempt at its first unanswered question.`
        : 'Left the quiz; nothing was recorded.'],
    };
  },
  review: (r, t) => ({
    out: [
      t.bold(`Review · ${r.learner} · due today: ${r.due_total}${r.due_total > r.cards.length ? ` (${r.cards.length} within the daily limit)` : ''}`),
      ...r.cards.map((c) => `  ${c.id} ${c.title}${c.overdue ? t.dim(` · overdue since ${c.due}`) : ''}${c.leech ? t.warn(' · leech') : ''}`),
    ],
  }),
  'review-grade': (r) => ({ out: r.graded.map((d) => `✓ ${d.id}: ${d.grade} — next review ${d.due} (in ${d.interval} day${d.interval === 1 ? '' : 's'})`) }),
  'review-session': (r) => ({ out: [], ...(r.graded < r.shown ? { err: [`${r.graded} of ${r.shown} due card(s) reviewed; the rest stay due.`] } : {}) }),
};
