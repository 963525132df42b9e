/** The end of an attempt: score against the threshold, what was missed, the review deck, the cooldown. */
import { Box, Text } from 'ink';
import type { Graded, QuizItem } from '../../core/quiz/grade.js';
import type { FinishInfo } from '../../core/quiz/session-results.js';
import { cleanTitle, dayWord, elapsed, pct, plain, selfAssessedLine } from './format.js';
import { verdictLine } from './FeedbackView.js';
import { useColors } from '../semantic-colors.js';

/** With feedback at the end, each answer's verdict and the curriculum's explanation, in order. */
function Verdicts(props: { items: readonly { item: QuizItem; graded: Graded | undefined }[] }) {
  const c = useColors();
  return (
    <Box flexDirection="column" marginTop={1}>
      {props.items.map(({ item, graded }) => (
        <Box key={item.id} flexDirection="column" marginBottom={1}>
          <Text bold>{item.id} {cleanTitle(item.title ?? '')}</Text>
          <Text {...(graded?.points === 1 ? c.status.success : c.status.error)}>  {graded ? verdictLine(graded) : '· not answered'}</Text>
          {graded?.points !== 1 ? <Text>  Answer: {plain(graded?.expected ?? '')}</Text> : null}
          {item.rubric ? <Text dimColor>  {plain(item.rubric)}</Text> : null}
        </Box>
      ))}
    </Box>
  );
}

export type { FinishInfo } from '../../core/quiz/session-results.js';

export function reviewLine(f: Pick<FinishInfo, 'added' | 'already' | 'nextReview' | 'today'>): string {
  const n = f.added.length;
  const parts = [`${n} question${n === 1 ? '' : 's'} added to your review deck`];
  if (f.already.length > 0) parts.push(`${f.already.length} already in it`);
  return `${parts.join(', ')}${f.nextReview ? `; next review: ${dayWord(f.nextReview, f.today)}` : ''}.`;
}

export function cooldownLine(until: string, now: number): string {
  const mins = Math.max(1, Math.ceil((Date.parse(until) - now) / 60_000));
  return `Retake after ${until.slice(11, 16)} UTC (in ${mins} min): time to revisit, not to guess.`;
}

export function SummaryView(props: { phase: number; info: FinishInfo; elapsedMs: number; now: number; verdicts?: readonly { item: QuizItem; graded: Graded | undefined }[] | undefined }) {
  const f = props.info;
  const c = useColors();
  return (
    <Box flexDirection="column">
      <Text bold>Phase {String(props.phase).padStart(2, '0')} quiz · finished in {elapsed(props.elapsedMs)}</Text>
      <Text>
        Score {pct(f.score)} ({f.points} of {f.total}) · pass ≥ {pct(f.threshold)} ·{' '}
        <Text bold {...(f.passed ? c.status.success : c.status.error)}>{f.passed ? 'PASSED' : 'NOT PASSED'}</Text>
      </Text>
      {f.selfAssessed && f.selfAssessed.length > 0 ? <Text {...c.status.warning}>{selfAssessedLine(f.selfAssessed)}</Text> : null}
      {props.verdicts ? <Verdicts items={props.verdicts} /> : null}
      {f.missed.length > 0 && !props.verdicts ? (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>Missed:</Text>
          {f.missed.map((m) => <Text key={m.id}>  ✗ {m.id} {m.title}{m.verdict === 'skipped' ? ' (not answered)' : ''}</Text>)}
        </Box>
      ) : null}
      {f.missed.length > 0 ? <Box marginTop={1}><Text>{reviewLine(f)}</Text></Box> : null}
      {!f.passed && f.cooldownUntil ? <Text {...c.status.warning}>{cooldownLine(f.cooldownUntil, props.now)}</Text> : null}
      {!f.passed && f.revisit.length > 0 ? (
        <Box flexDirection="column">
          <Text bold>Revisit:</Text>
          {f.revisit.map((r) => <Text key={r.id}>  {r.concepts.join(', ')} → {r.page}</Text>)}
        </Box>
      ) : null}
      {f.warnings.map((w) => <Text key={w} {...c.status.warning}>! {w}</Text>)}
      <Box marginTop={1}><Text dimColor>Enter to leave</Text></Box>
    </Box>
  );
}
