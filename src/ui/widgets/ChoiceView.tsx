/** A choice list (view only): cursor, ticks for multi-select, 1-based numbers matching the keys. */
import { Box } from 'ink';
import { HangingRow } from './HangingRow.js';
import type { ChoiceState } from './choice.reducer.js';
import { useColors } from '../semantic-colors.js';

export function ChoiceView(props: { choices: readonly string[]; state: ChoiceState; marks?: readonly ('right' | 'wrong' | undefined)[] }) {
  const { state, choices } = props;
  const c = useColors();
  return (
    <Box flexDirection="column">
      {choices.map((choice, i) => {
        const here = state.cursor === i;
        const ticked = state.selected.includes(i);
        const box = state.multi ? (ticked ? '[x] ' : '[ ] ') : '';
        const mark = props.marks?.[i];
        return (
          <HangingRow key={i} prefix={`${here ? '❯ ' : '  '}${box}${i + 1}. `} body={`${choice}${mark === 'right' ? ' ✓' : mark === 'wrong' ? ' ✗' : ''}`}
            prefixProps={{ ...(here ? c.text.accent : {}), bold: here }} bodyProps={here ? c.text.accent : {}} />
        );
      })}
    </Box>
  );
}
