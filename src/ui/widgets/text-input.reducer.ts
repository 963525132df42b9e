/**
 * A text field's state (pure): the value and a cursor counted in code points, so emoji and accents
 * move as one character. Multi-line fields keep newlines; single-line ones turn pasted newlines
 * into spaces.
 */
export interface TextState {
  value: string;
  cursor: number;
  multiline: boolean;
}

export type TextAction =
  | { type: 'insert'; text: string }
  | { type: 'newline' }
  | { type: 'backspace' }
  | { type: 'delete' }
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'up' }
  | { type: 'down' }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'killToStart' }
  | { type: 'killToEnd' }
  | { type: 'deleteWord' };

export const initText = (value = '', multiline = false): TextState => ({ value, cursor: [...value].length, multiline });

/** Control characters other than newline never reach the value (a stray escape would garble the screen). */
const printable = (s: string): string =>
  [...s]
    .filter((ch) => {
      const c = ch.codePointAt(0) ?? 0;
      return c === 10 || (c >= 32 && c !== 127);
    })
    .join('');

/** Where the current line starts / ends (indices into chars). */
function lineBounds(chars: readonly string[], at: number): { start: number; end: number } {
  let start = at;
  while (start > 0 && chars[start - 1] !== '\n') start--;
  let end = at;
  while (end < chars.length && chars[end] !== '\n') end++;
  return { start, end };
}

function splice(s: TextState, chars: string[], from: number, to: number, insert: string[]): TextState {
  const next = [...chars.slice(0, from), ...insert, ...chars.slice(to)];
  return { ...s, value: next.join(''), cursor: from + insert.length };
}

export function textReducer(s: TextState, a: TextAction): TextState {
  const chars = [...s.value];
  const at = Math.min(s.cursor, chars.length);
  switch (a.type) {
    case 'insert': {
      let text = a.text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ');
      text = printable(text);
      if (!s.multiline) text = text.replace(/\n+/g, ' ');
      return text === '' ? s : splice(s, chars, at, at, [...text]);
    }
    case 'newline':
      return s.multiline ? splice(s, chars, at, at, ['\n']) : s;
    case 'backspace':
      return at === 0 ? s : splice(s, chars, at - 1, at, []);
    case 'delete':
      return at >= chars.length ? s : splice(s, chars, at, at + 1, []);
    case 'left':
      return { ...s, cursor: Math.max(0, at - 1) };
    case 'right':
      return { ...s, cursor: Math.min(chars.length, at + 1) };
    case 'home':
      return { ...s, cursor: lineBounds(chars, at).start };
    case 'end':
      return { ...s, cursor: lineBounds(chars, at).end };
    case 'up':
    case 'down': {
      const { start, end } = lineBounds(chars, at);
      const col = at - start;
      if (a.type === 'up') {
        if (start === 0) return { ...s, cursor: 0 };
        const prev = lineBounds(chars, start - 1);
        return { ...s, cursor: Math.min(prev.start + col, prev.end) };
      }
      if (end >= chars.length) return { ...s, cursor: chars.length };
      const next = lineBounds(chars, end + 1);
      return { ...s, cursor: Math.min(next.start + col, next.end) };
    }
    case 'killToStart':
      return splice(s, chars, lineBounds(chars, at).start, at, []);
    case 'killToEnd':
      return splice(s, chars, at, lineBounds(chars, at).end, []);
    case 'deleteWord': {
      let i = at;
      while (i > 0 && /\s/.test(chars[i - 1] ?? '')) i--;
      while (i > 0 && !/\s/.test(chars[i - 1] ?? '')) i--;
      return splice(s, chars, i, at, []);
    }
  }
}
