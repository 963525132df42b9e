/** "Phase 00 · Question 3 of 5 · 04:12 elapsed" and a progress bar of answered questions. */
import { Box, Text } from 'ink';
import { Prose } from '../widgets/Prose.js';
import { elapsed, progressBar } from './format.js';
import { useColors } from '../semantic-colors.js';

export function Header(props: { phase: number; index: number; total: number; answered: number; elapsedMs: number }) {
  const c = useColors();
  const nn = String(props.phase).padStart(2, '0');
  return (
    <Box flexDirection="column" marginBottom={1}>
      <Prose bold>Phase {nn} · Question {props.index + 1} of {props.total} · {elapsed(props.elapsedMs)} elapsed</Prose>
      <Text>
        <Text {...c.ui.progress}>{progressBar(props.answered, props.total)}</Text>
        <Text dimColor> {props.answered}/{props.total} answered</Text>
      </Text>
    </Box>
  );
}
