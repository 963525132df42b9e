/**
 * Semantic colours. NO_COLOR disables colour (https://no-color.org), FORCE_COLOR forces it;
 * otherwise colour only on a TTY. Every coloured thing also has a symbol, so nothing depends on colour.
 */
import chalk, { Chalk, type ChalkInstance } from 'chalk';

// the stream is looked at last (asked for by name, not made by a default argument): with NO_COLOR or FORCE_COLOR
// set, process.stdout need not be created at all
function level(stream: NodeJS.WriteStream | undefined): 0 | 1 | 2 | 3 {
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '0' && force !== 'false') return force === '2' ? 2 : force === '3' ? 3 : 1;
  if (force === '0' || force === 'false') return 0;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return 0;
  return (stream ?? process.stdout).isTTY ? chalk.level || 1 : 0;
}

export interface Theme {
  c: ChalkInstance;
  ok: (s: string) => string;
  bad: (s: string) => string;
  warn: (s: string) => string;
  info: (s: string) => string;
  dim: (s: string) => string;
  bold: (s: string) => string;
  accent: (s: string) => string;
}

export function theme(stream?: NodeJS.WriteStream): Theme {
  const c = new Chalk({ level: level(stream) });
  return {
    c,
    ok: (s) => c.green(s),
    bad: (s) => c.red(s),
    warn: (s) => c.yellow(s),
    info: (s) => c.cyan(s),
    dim: (s) => c.dim(s),
    bold: (s) => c.bold(s),
    accent: (s) => c.magenta(s),
  };
}

/** Visible width ignoring ANSI escapes (for aligning coloured cells). */
export function visibleLength(s: string): number {
  // eslint-disable-next-line no-control-regex
  return [...s.replace(/\u001b\[[0-9;]*m/g, '')].length;
}

export function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - visibleLength(s)));
}

export function table(rows: string[][], gap = 2): string[] {
  const widths: number[] = [];
  for (const r of rows)
    r.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, visibleLength(cell));
    });
  return rows.map((r) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : pad(cell, (widths[i] ?? 0) + gap)))
      .join('')
      .trimEnd(),
  );
}
