/** JSON parsing that names file:line:col on failure (pure: the caller reads the file). */
import { InputError } from './errors.js';

/** 1-based line and column of a character offset. */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++)
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  return { line, col: offset - last };
}

/** Deeper than this is not data a person wrote; recursive consumers (validators, toJS) would overflow the stack. */
export const MAX_DEPTH = 256;

/** Offset where nesting first passes `max` (strings skipped), or -1. One pass, no recursion. */
export function depthExceeded(text: string, max = MAX_DEPTH): number {
  if (text.length <= max) return -1; // too short to open more than `max` brackets (a manifest: ~150 characters)
  // no deeper than the brackets it opens: counted with native indexOf, a checkpoint (~4 KB, ~20 brackets) needs
  // no scan — the scan below runs cold in the interpreter at start-up (~1.5 ms of `lynx status`, measured)
  let open = 0;
  for (const b of ['{', '[']) for (let i = text.indexOf(b); i !== -1 && open <= max; i = text.indexOf(b, i + 1)) open++;
  if (open <= max) return -1;
  let depth = 0;
  let inStr = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inStr) {
      if (c === 92)
        i++; // backslash: skip the escaped char
      else if (c === 34) inStr = false;
    } else if (c === 34) inStr = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return -1;
}

export function parseJsonText(text: string, display: string): unknown {
  const deep = depthExceeded(text);
  if (deep >= 0) {
    const pos = lineCol(text, deep);
    throw new InputError(`${display}:${pos.line}:${pos.col} invalid JSON: nested deeper than ${MAX_DEPTH} levels`, {
      pos: { file: display, ...pos },
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const msg = String((err as Error).message);
    const lc = /line (\d+) column (\d+)/.exec(msg);
    const at = /position (\d+)/.exec(msg);
    const pos = lc
      ? { line: Number(lc[1]), col: Number(lc[2]) }
      : at
        ? lineCol(text, Number(at[1]))
        : text.trim() === ''
          ? { line: 1, col: 1 }
          : lineCol(text, text.length);
    const what = msg.replace(/ in JSON at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)$/, '');
    throw new InputError(`${display}:${pos.line}:${pos.col} invalid JSON: ${what}`, {
      pos: { file: display, ...pos },
      cause: err,
    });
  }
}
