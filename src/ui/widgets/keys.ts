/**
 * Keys that arrive together: a terminal delivers fast typing, a paste or tmux send-keys as one
 * chunk ("2\r"), which ink reports as a single input. Screens whose keys are single characters
 * take such a chunk apart, so "2 then Enter" means just that however it arrives.
 */
import type { Key } from 'ink';

export function eachKey(input: string, key: Key, fn: (input: string, key: Key) => void): void {
  const chars = [...input];
  if (chars.length <= 1 || key.ctrl || key.meta) {
    fn(input, key);
    return;
  }
  for (const c of chars) fn(c === '\r' || c === '\n' ? '' : c, { ...key, return: c === '\r' || c === '\n' });
}
