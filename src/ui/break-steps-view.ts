/** Plain-text rendering of observe runs (shared by start, observe and restore). */
import type { StepResult } from '../core/break/results.js';
import type { Theme } from './theme.js';

const secs = (ms: number | undefined): string => (ms === undefined ? '' : `${(ms / 1000).toFixed(1)} s`);
function firstLine(t: string): string {
  const lines = t.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  return `${(lines[0] ?? t).trim()}${lines.length > 1 ? ' …' : ''}`;
}
/** `just` by name, not by the path lynx resolved it to. */
const shown = (argv: readonly string[]): string =>
  argv.map((a, i) => (i === 0 ? a.replace(/^.*[\\/]/, '') : /[\s"'$]/.test(a) ? JSON.stringify(a) : a)).join(' ');

export function renderSteps(steps: readonly StepResult[], t: Theme, opts: { streamed?: boolean } = {}): string[] {
  const out: string[] = [];
  for (const s of steps) {
    const cmd = s.argv ? shown(s.argv) : firstLine(s.text);
    if (s.action === 'manual') {
      out.push(`  ${t.info('▸')} by hand: ${s.text.split('\n').join('\n      ')}`);
      continue;
    }
    if (s.action === 'skip') {
      out.push(`  ${t.warn('!')} ${firstLine(s.text)} ${t.dim(`— skipped: ${s.reason ?? ''}`)}`);
      continue;
    }
    if (s.reason) out.push(`  ${t.info('↳')} ${s.reason}`);
    const code =
      s.exit_code === null || s.exit_code === undefined
        ? s.timed_out
          ? 'timed out'
          : s.interrupted
            ? 'interrupted'
            : 'did not run'
        : `exit ${s.exit_code}`;
    const mark = s.exit_code === 0 ? t.ok('✓') : t.bad('✗');
    const expected =
      s.expect_exit === undefined
        ? ''
        : s.as_expected
          ? t.dim(` (the page expects exit ${s.expect_exit}: as expected)`)
          : t.warn(` (the page expects exit ${s.expect_exit})`);
    out.push(`  ${mark} ${t.bold(cmd)}  ${code} · ${secs(s.duration_ms)}${expected}`);
    if (s.error) out.push(`    ${t.bad(s.error)}`);
    if (!opts.streamed && s.tail) for (const l of s.tail.split('\n')) out.push(`    ${t.dim('│')} ${l}`);
    if (s.log) out.push(`    ${t.dim(`full log: ${s.log}`)}`);
  }
  return out;
}
