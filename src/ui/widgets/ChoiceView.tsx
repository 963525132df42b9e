/** A choice list (view only): cursor, ticks for multi-select, 1-based numbers matching the keys. */
import { Box, Text } from 'ink';
import type { ChoiceState } from './choice.reducer.js';

export function ChoiceView(props: { choices: readonly string[]; state: ChoiceState; color: boolean; marks?: readonly ('right' | 'wrong' | undefined)[] }) {
  const { state, choices } = props;
  return (
    <Box flexDirection="column">
      {choices.map((c, i) => {
        const here = state.cursor === i;
        const ticked = state.selected.includes(i);
        const box = state.multi ? (ticked ? '[x] ' : '[ ] ') : '';
        const mark = props.marks?.[i];
        return (
          <Box key={i}>
            <Text {...(props.color && here ? { color: 'cyan' } : {})} bold={here}>{here ? '❯ ' : '  '}{box}{i + 1}. </Text>
            <Box flexShrink={1}><Text {...(props.color && here ? { color: 'cyan' } : {})}>{c}{mark === 'right' ? ' ✓' : mark === 'wrong' ? ' ✗' : ''}</Text></Box>
          </Box>
        );
      })}
    </Box>
  );
}
