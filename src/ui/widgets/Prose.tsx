/**
 * Text that wraps without a stray space: ink wraps with wrap-ansi `trim: false` (to keep deliberate
 * indentation), so a line that fills the width exactly hands the following space to the next line
 * (" · q quit"). Transform runs per output line after wrapping; continuation lines lose leading spaces
 * (behind any colour codes), the first line keeps its own.
 */
import { Text, Transform } from 'ink';
import type { ComponentProps } from 'react';

/** Colour codes (SGR) then spaces; ESC is built, not written, as a literal control character in a regex is a lint
 * error. */
const ESC = String.fromCharCode(27);
const LEAD = new RegExp(`^((?:${ESC}\\[[0-9;]*m)*) +`, 'u');

export const dropLeadingSpace = (line: string, index: number): string =>
  index === 0 ? line : line.replace(LEAD, '$1');

export function Prose(p: ComponentProps<typeof Text>) {
  return (
    <Transform transform={dropLeadingSpace}>
      <Text {...p} />
    </Transform>
  );
}
