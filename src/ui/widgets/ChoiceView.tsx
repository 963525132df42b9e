/** A choice list (view only): cursor, ticks for multi-select, 1-based numbers matching the keys. */
import { Box } from 'ink';
import { HangingRow } from './HangingRow.js';
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
          <HangingRow key={i} prefix={`${here ? '❯ ' : '  '}${box}${i + 1}. `} body={`${c}${mark === 'right' ? ' ✓' : mark === 'wrong' ? ' ✗' : ''}`}
            prefixProps={{ ...(props.color && here ? { color: 'cyan' } : {}), bold: here }} bodyProps={props.color && here ? { color: 'cyan' } : {}} />
        );
      })}
    </Box>
  );
}
