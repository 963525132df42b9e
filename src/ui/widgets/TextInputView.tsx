/**
 * A text field (view only): the value with an inverse cursor cell, a dim placeholder when empty.
 * `rawCursor` draws the cell with the terminal's own inverse escape: inverse is not colour, so the
 * cursor stays visible under NO_COLOR, when ink's styles are off.
 */
import { Box, Text } from 'ink';
import type { TextState } from './text-input.reducer.js';

function Cell(props: { ch: string; raw: boolean }) {
  return props.raw ? <Text>{`\u001b[7m${props.ch}\u001b[27m`}</Text> : <Text inverse>{props.ch}</Text>;
}

export function TextInputView(props: { state: TextState; placeholder: string; focused: boolean; rawCursor?: boolean }) {
  const raw = props.rawCursor === true;
  const chars = [...props.state.value];
  const at = Math.min(props.state.cursor, chars.length);
  if (chars.length === 0) {
    return (
      <Box>
        <Text>{'› '}</Text>
        {props.focused ? <Cell ch=" " raw={raw} /> : <Text> </Text>}
        <Text dimColor>{props.placeholder}</Text>
      </Box>
    );
  }
  // render line by line so the cursor can sit at the end of any line
  const lines: { text: string; cursorAt: number | undefined }[] = [];
  let start = 0;
  for (let i = 0; i <= chars.length; i++) {
    if (i === chars.length || chars[i] === '\n') {
      lines.push({ text: chars.slice(start, i).join(''), cursorAt: at >= start && at <= i ? at - start : undefined });
      start = i + 1;
    }
  }
  return (
    <Box flexDirection="column">
      {lines.map((l, n) => {
        const lc = [...l.text];
        const c = props.focused ? l.cursorAt : undefined;
        return (
          <Text key={n}>
            {n === 0 ? '› ' : '  '}
            {c === undefined ? (
              l.text
            ) : (
              <>
                {lc.slice(0, c).join('')}
                <Cell ch={lc[c] ?? ' '} raw={raw} />
                {lc.slice(c + 1).join('')}
              </>
            )}
          </Text>
        );
      })}
    </Box>
  );
}
