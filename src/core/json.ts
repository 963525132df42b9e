/** JSON parsing that names file:line:col on failure (pure: the caller reads the file). */
import { InputError } from './errors.js';

/** 1-based line and column of a character offset. */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) { line++; last = i; }
  return { line, col: offset - last };
}

export function parseJsonText(text: string, display: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const msg = String((err as Error).message);
    const lc = /line (\d+) column (\d+)/.exec(msg);
    const at = /position (\d+)/.exec(msg);
    const pos = lc ? { line: Number(lc[1]), col: Number(lc[2]) } : at ? lineCol(text, Number(at[1])) : text.trim() === '' ? { line: 1, col: 1 } : lineCol(text, text.length);
    const what = msg.replace(/ in JSON at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)$/, '');
    throw new InputError(`${display}:${pos.line}:${pos.col} invalid JSON: ${what}`, { pos: { file: display, ...pos }, cause: err });
  }
}
