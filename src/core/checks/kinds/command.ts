/** command: a learner's `just` recipe or an argv, exit code checked, output kept as evidence. */
import { fail, pass, type KindDef } from '../types.js';
import { code, needsWord } from './shared.js';

const LOG_CAP = 4000;

export function commandLabel(c: {
  just?: string;
  args?: string[];
  argv?: string[];
  env?: Record<string, string | undefined>;
}): string {
  const env = Object.entries(c.env ?? {})
    .map(([k, v]) => `${k}=${v} `)
    .join('');
  return env + (c.just !== undefined ? ['just', c.just, ...(c.args ?? [])].join(' ') : (c.argv ?? []).join(' '));
}

export const command: KindDef<'command'> = {
  title: (c) => `\`${commandLabel(c)}\``,
  phrase(c) {
    const env = Object.entries(c.env ?? {})
      .map(([k, v]) => `${k}=${v} `)
      .join('');
    const argv = c.just !== undefined ? ['just', c.just, ...(c.args ?? [])] : [...(c.argv ?? [])];
    return (
      `${code(env + argv.join(' '))} exits ${c.expect_exit ?? 0}` +
      `${c.timeout !== undefined ? ` within ${c.timeout} s` : ''}${needsWord(c.needs)}`
    );
  },
  paths: () => [],
  validate: () => [],
  async evaluate(c, ctx) {
    const label = commandLabel(c);
    const unmet = (c.needs ?? []).filter((n) => !ctx.has(n));
    if (unmet.length > 0)
      return fail(`needs ${unmet.join(', ')}, which this machine does not have: \`${label}\``, {
        expected: `${label} exits ${c.expect_exit ?? 0}`,
        actual: `not run (no ${unmet.join(', ')})`,
      });
    if (ctx.mode === 'static')
      return { status: 'pending', message: `not run in a static checkpoint: \`${label}\` (use --run)` };
    const r = await ctx.run({
      ...(c.just !== undefined ? { just: c.just } : {}),
      ...(c.args ? { args: c.args } : {}),
      ...(c.argv ? { argv: c.argv } : {}),
      ...(c.env ? { env: c.env } : {}),
      ...(c.timeout !== undefined ? { timeout: c.timeout } : {}),
      label,
    });
    const want = c.expect_exit ?? 0;
    const log = r.output.length > LOG_CAP ? `…${r.output.slice(-LOG_CAP)}` : r.output;
    const evidence = r.logFile ? [r.logFile] : [];
    // the report and the gate's output say what ran in place of the curriculum's command
    const sub = r.substitution ? { substitution: r.substitution } : {};
    if (r.error !== undefined) return { status: 'error', message: r.error, log, evidence, ...sub };
    if (r.timedOut)
      return fail(`\`${label}\` timed out after ${Math.round(r.durationMs / 1000)} s (process tree killed)`, {
        expected: `exit ${want}`,
        actual: 'timeout',
        log,
        evidence,
        ...sub,
      });
    if (r.interrupted) return { status: 'error', message: `\`${label}\` was interrupted`, log, evidence, ...sub };
    if (r.exitCode !== want)
      return fail(`\`${label}\` exited ${r.exitCode ?? 'by signal'}; expected ${want}`, {
        expected: `exit ${want}`,
        actual: `exit ${r.exitCode ?? 'signal'}`,
        log,
        evidence,
        ...sub,
      });
    return pass(`\`${label}\` exited ${want} in ${(r.durationMs / 1000).toFixed(1)} s`, {
      expected: `exit ${want}`,
      actual: `exit ${r.exitCode ?? ''}`,
      log,
      evidence,
      ...sub,
    });
  },
  // a stand-in program under the command's label: exits as expected, or not
  fixture(c, w, want) {
    for (const n of c.needs ?? []) w.has(n);
    const ok = c.expect_exit ?? 0;
    w.standIn(commandLabel(c), want === 'pass' ? ok : ok === 0 ? 1 : 0);
  },
};
