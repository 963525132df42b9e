/** The quiz's questions to the learner (views only): resume?, leave?, finish with gaps?, and a failure. */
import { Box, Text } from 'ink';
import { elapsed } from './format.js';
import { useColors } from '../semantic-colors.js';

const nn = (phase: number): string => String(phase).padStart(2, '0');

export function ResumePrompt(props: { startedAt: string | undefined; answered: number; total: number; elapsedMs: number }) {
  return (
    <Box flexDirection="column">
      <Text bold>You have an unfinished attempt{props.startedAt ? ` from ${props.startedAt.slice(0, 16).replace('T', ' ')} UTC` : ''}: {props.answered} of {props.total} answered, {elapsed(props.elapsedMs)} spent.</Text>
      <Text dimColor>y resume where you stopped · n start over (the saved answers are dropped)</Text>
    </Box>
  );
}

export function LeavePrompt(props: { phase: number; answered: number }) {
  const n = props.answered;
  return (
    <Box flexDirection="column">
      <Text bold>Leave the quiz? </Text>
      <Text>{n === 0 ? 'Nothing is answered yet, so nothing is kept.' : `Your ${n} answer${n === 1 ? ' is' : 's are'} saved; \`lynx quiz ${nn(props.phase)}\` resumes this attempt.`}</Text>
      <Text dimColor>y leave · n stay</Text>
    </Box>
  );
}

export function FinishPrompt(props: { unanswered: string[] }) {
  const left = props.unanswered;
  return (
    <Box flexDirection="column">
      <Text bold>{left.length} question{left.length === 1 ? '' : 's'} not answered: {left.join(', ')}</Text>
      <Text dimColor>Enter go to the first · f finish now (they count as wrong) · q quit</Text>
    </Box>
  );
}

export function FailedView(props: { phase: number; error: string | undefined }) {
  const c = useColors();
  return (
    <Box flexDirection="column">
      <Text bold {...c.status.error}>✗ {props.error}</Text>
      <Text>Your answers are saved; run `lynx quiz {nn(props.phase)}` again to resume.</Text>
      <Text dimColor>Enter to leave</Text>
    </Box>
  );
}
