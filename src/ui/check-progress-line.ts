/** One finished command check as one line: what a run without a terminal prints (and the ink view's done rows). */
import { formatDuration } from '../core/lab.js';
import type { CmdView } from './check-progress-state.js';
import type { Theme } from './theme.js';

export function checkLine(c: CmdView, t: Theme): string {
  const mark = c.status === 'passed' ? t.ok('✓') : c.status === 'interrupted' ? t.warn('!') : t.bad('✗');
  const what =
    c.status === 'passed' || c.status === 'failed' ? `exit ${c.exitCode ?? '?'}` : c.status.replace('_', ' ');
  const time = c.durationMs !== undefined && c.status !== 'error' ? `  ${formatDuration(c.durationMs)}` : '';
  return (
    `${mark} ${c.label}  ` + `${t.dim(`${what}${time}${c.note ? `  ${c.note}` : ''}${c.log ? `  log: ${c.log}` : ''}`)}`
  );
}
