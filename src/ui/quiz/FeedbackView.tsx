/** After an answer: the verdict, the key, and the curriculum's own explanation (rubric). */
import { Box, Text } from 'ink';
import { HangingRow } from '../widgets/HangingRow.js';
import { Prose } from '../widgets/Prose.js';
import type { Given, Graded, QuizItem } from '../../core/quiz/grade.js';
import { plain } from './format.js';
import { useColors, type SemanticColors } from '../semantic-colors.js';

type Status = keyof SemanticColors['status'];

const VERDICT: Record<Graded['verdict'], { sym: string; word: string; status: Status }> = {
  correct: { sym: '✓', word: 'correct', status: 'success' },
  wrong: { sym: '✗', word: 'wrong', status: 'error' },
  partial: { sym: '~', word: 'partly right (no point)', status: 'warning' },
  'self-assessed': { sym: '?', word: 'self-assessed', status: 'warning' },
  skipped: { sym: '·', word: 'not answered', status: 'warning' },
};

export function verdictLine(g: Graded): string {
  const v = VERDICT[g.verdict];
  const word = g.verdict === 'self-assessed' ? `self-assessed: ${g.points === 1 ? 'right' : 'wrong'}` : v.word;
  return `${v.sym} ${word}${g.feedback && g.verdict !== 'correct' ? ` — ${g.feedback}` : ''}`;
}

function chosen(g: Given | undefined): number[] {
  return g?.kind === 'choice' ? [g.index] : g?.kind === 'choices' ? g.indices : [];
}

export function AnswerReview(props: { item: QuizItem; given: Given | undefined; expected: string }) {
  const { item } = props;
  if (item.choices && (item.answer_type === 'mcq' || item.answer_type === 'multi')) {
    const key = Array.isArray(item.correct) ? item.correct.map(Number) : [Number(item.correct)];
    const mine = chosen(props.given);
    return (
      <Box flexDirection="column">
        {item.choices.map((c, i) => (
          <HangingRow key={i} prefix={`${key.includes(i) ? '✓' : ' '} ${i + 1}. `} body={c} tail={mine.includes(i) ? '  ← your answer' : ''} />
        ))}
      </Box>
    );
  }
  const text = props.given?.kind === 'text' ? props.given.text : props.given?.kind === 'number' ? String(props.given.value) : '';
  return (
    <Box flexDirection="column">
      {props.given ? <Text>Your answer: {text}</Text> : null}
      <Text>{props.given ? 'Expected: ' : 'Answer: '}{plain(props.expected)}</Text>
    </Box>
  );
}

export function FeedbackView(props: { item: QuizItem; graded: Graded; given: Given | undefined; hint: string }) {
  const c = useColors();
  const v = VERDICT[props.graded.verdict];
  const status: Status = props.graded.verdict === 'self-assessed' ? (props.graded.points === 1 ? 'success' : 'error') : v.status;
  return (
    <Box flexDirection="column">
      <Text bold {...c.status[status]}>{verdictLine(props.graded)}</Text>
      <Box marginTop={1} flexDirection="column"><AnswerReview item={props.item} given={props.given} expected={props.graded.expected} /></Box>
      {props.item.rubric ? <Box marginTop={1}><Text dimColor>{plain(props.item.rubric)}</Text></Box> : null}
      <Box marginTop={1}><Prose dimColor>{props.hint}</Prose></Box>
    </Box>
  );
}

export function SelfAssessView(props: { item: QuizItem; given: Given | undefined; graded?: Graded | undefined }) {
  const text = props.given?.kind === 'text' ? props.given.text : '';
  return (
    <Box flexDirection="column">
      {props.graded?.claimable ? <Text>The grader did not find what it looks for ({props.graded.feedback}). Compare with the model answer: if yours says the same, it counts, marked self-assessed.</Text> : null}
      <Text>Your answer: {text}</Text>
      <Box marginTop={1} flexDirection="column">
        <Text bold>Model answer:</Text>
        <Text>{plain(props.item.model_answer ?? props.item.rubric ?? '')}</Text>
      </Box>
      <Box marginTop={1}><Text bold>Did your answer say the same? </Text><Text dimColor>y yes · n no</Text></Box>
    </Box>
  );
}
