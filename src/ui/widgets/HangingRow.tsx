/**
 * A row with a fixed prefix (a choice number, a mark) and a body that wraps under itself (a hanging indent).
 * The prefix never shrinks: when the body holds a word longer than the line, yoga otherwise shrinks both
 * boxes and the prefix loses its trailing space ("2.numpy…", "4NumPy" at 40 columns). Runs of spaces in
 * the body are collapsed so that no wrapped line starts with a stray space.
 */
import { Box, Text } from 'ink';
import { Prose } from './Prose.js';
import type { ComponentProps } from 'react';

type TextProps = Omit<ComponentProps<typeof Text>, 'children'>;

export const squeeze = (s: string): string =>
  s
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();

/** `tail` follows the body as written (e.g. "  ← your answer"). */
export function HangingRow(p: {
  prefix: string;
  body: string;
  tail?: string;
  prefixProps?: TextProps;
  bodyProps?: TextProps;
}) {
  return (
    <Box>
      <Box flexShrink={0}>
        <Text {...p.prefixProps}>{p.prefix}</Text>
      </Box>
      <Box flexShrink={1} flexGrow={1}>
        <Prose {...p.bodyProps}>
          {squeeze(p.body)}
          {p.tail ?? ''}
        </Prose>
      </Box>
    </Box>
  );
}
