/**
 * `lynx review` (ink): today's due cards one at a time — the question, reveal, then a grade
 * (Again / Hard / Good / Easy). Every grade is recorded before the next card shows, so leaving at
 * any moment loses nothing. An Again card comes back later in the same session (a learning step).
 * Behaviour (state, keys, recording): use-review-session.ts; this file draws it.
 */
import { Box, Text } from 'ink';
import { Prose } from '../widgets/Prose.js';
import { expectedText } from '../../core/quiz/grade.js';
import type { GradeName } from '../../core/review/sm2.js';
import type { ReviewSessionCard } from '../../core/review/results.js';
import { AnswerReview } from '../quiz/FeedbackView.js';
import { QuestionText } from '../quiz/QuestionText.js';
import { dayWord, plain } from '../quiz/format.js';
import { isRelearning } from './review.reducer.js';
import { useReviewSession } from './use-review-session.js';
import { useColors } from '../semantic-colors.js';
import { HangingRow } from '../widgets/HangingRow.js';

/** A due card as the review shows it (the use case builds them: src/app/review.ts). */
export type ReviewCardView = ReviewSessionCard;

export interface ReviewAppProps {
  cards: ReviewCardView[];
  /** All cards due today, before the daily limit. */
  dueTotal: number;
  today: string;
  onGrade: (id: string, grade: GradeName) => Promise<{ due: string }>;
  onExit: (graded: { id: string; grade: GradeName }[]) => void;
  nextReview: () => string | undefined;
}

const BUTTONS = '1 Again · 2 Hard · 3 Good · 4 Easy';

export function ReviewApp(p: ReviewAppProps) {
  const c = useColors();
  const s = useReviewSession({ ids: p.cards.map((x) => x.id), onGrade: p.onGrade, onExit: p.onExit });
  const card = p.cards.find((x) => x.id === s.ids[s.index]);

  const head = <Prose bold>Review · Due today: {p.dueTotal} · Done: {s.graded.length}{card && s.screen !== 'done' ? ` · Card ${s.index + 1} of ${s.ids.length}` : ''}</Prose>;
  if (s.screen === 'done') {
    const counts = (['again', 'hard', 'good', 'easy'] as const).map((g) => [g, s.graded.filter((x) => x.grade === g).length] as const).filter(([, n]) => n > 0);
    const next = p.nextReview();
    return (
      <Box flexDirection="column">
        {head}
        <Text>{p.cards.length === 0 ? 'Nothing due today.' : `Reviewed ${s.graded.length} card${s.graded.length === 1 ? '' : 's'}${counts.length ? ` (${counts.map(([g, n]) => `${g} ${n}`).join(', ')})` : ''}${s.steps ? `; ${s.steps} again card${s.steps === 1 ? '' : 's'} re-shown` : ''}.`}</Text>
        {p.dueTotal > p.cards.length ? <Text dimColor>{p.dueTotal - p.cards.length === 1 ? '1 more due card waits' : `${p.dueTotal - p.cards.length} more due cards wait`} for tomorrow (daily limit).</Text> : null}
        <Text>{next ? `Next review: ${dayWord(next, p.today)}.` : 'Your deck is empty.'}</Text>
        <Text dimColor>Enter to leave</Text>
      </Box>
    );
  }
  if (s.screen === 'error' || !card) {
    return <Box flexDirection="column">{head}<Text {...c.status.error}>✗ {s.error ?? 'no card'}</Text><Text dimColor>Enter to leave</Text></Box>;
  }
  return (
    <Box flexDirection="column">
      {head}
      <Text dimColor>Phase {String(card.phase).padStart(2, '0')}{isRelearning(s) ? ' · again: once more (already scheduled by SM-2)' : card.due < p.today ? ` · overdue since ${card.due}` : ''}</Text>
      {card.leech ? <Text {...c.status.warning}>⚠ leech: missed {card.leech.misses} times — revisit this concept: phase {String(card.phase).padStart(2, '0')}, {card.leech.page}</Text> : null}
      <Box marginTop={1} flexDirection="column">
        <QuestionText item={card.item} />
        {s.screen === 'question' && card.item.choices ? card.item.choices.map((ch, i) => <HangingRow key={i} prefix={`  ${i + 1}. `} body={ch} />) : null}
      </Box>
      {s.screen === 'question' ? <Box marginTop={1}><Prose dimColor>Space reveal the answer · q quit</Prose></Box> : null}
      {s.screen !== 'question' ? (
        <Box flexDirection="column">
          {card.item.answer_type === 'free' && !card.item.keywords?.length
            ? <Text>Model answer: {plain(card.item.model_answer ?? '')}</Text>
            : <AnswerReview item={card.item} given={undefined} expected={expectedText(card.item)} />}
          {card.item.rubric ? <Box marginTop={1}><Text dimColor>{plain(card.item.rubric)}</Text></Box> : null}
          <Box marginTop={1}><Text bold>How well did you recall it? </Text><Text>{s.screen === 'saving' ? 'saving…' : BUTTONS}</Text></Box>
        </Box>
      ) : null}
    </Box>
  );
}
