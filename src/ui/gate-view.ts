/** Terminal rendering of a GateResult: one line per check, children indented, what to do next. */
import type { GateResult } from '../schemas/generated/types.js';
import type { Theme } from './theme.js';
import { nn } from '../core/ids.js';
import { substitutionsIn } from '../core/runner.js';

type Check = GateResult['checks'][number];

const MARK: Record<Check['status'], string> = {
  pass: '✓',
  warn: '⚠',
  fail: '✗',
  error: '!',
  skipped: '–',
  pending: '…',
};

function paint(t: Theme, c: Check): string {
  const m = c.waived !== undefined ? 'w' : MARK[c.status];
  if (c.waived !== undefined) return t.warn(m);
  switch (c.status) {
    case 'pass':
      return t.ok(m);
    case 'warn':
      return t.warn(m);
    case 'fail':
      return t.bad(m);
    case 'error':
      return t.bad(m);
    case 'pending':
      return t.info(m);
    default:
      return t.dim(m);
  }
}

function line(c: Check, t: Theme, depth: number, verbose: boolean): string[] {
  const pad = '  '.repeat(depth + 1);
  const title = c.title.length > 110 ? `${c.title.slice(0, 107)}…` : c.title;
  const out = [`${pad}${paint(t, c)} ${depth === 0 ? t.bold(c.id) + '  ' : ''}${title}`];
  const showDetail =
    verbose || c.status === 'fail' || c.status === 'error' || c.status === 'warn' || c.waived !== undefined;
  if (showDetail || c.status === 'pending') out.push(`${pad}    ${t.dim(c.message)}`);
  if (showDetail && c.status !== 'pass') {
    for (const e of (c.evidence ?? []).filter((e) => !c.message.includes(e)).slice(0, 5))
      out.push(`${pad}    ${t.dim(`· ${e}`)}`);
    if (c.log && (c.status === 'fail' || c.status === 'error')) {
      const tail = c.log.trimEnd().split('\n').slice(-8);
      for (const l of tail) out.push(`${pad}    ${t.dim(`│ ${l}`)}`);
    }
  }
  if (c.children && (c.status !== 'pass' || verbose))
    for (const ch of c.children) out.push(...line(ch, t, depth + 1, verbose));
  return out;
}

export function renderGate(r: GateResult, t: Theme, opts: { verbose?: boolean; heading?: string } = {}): string {
  const counts = { pass: 0, warn: 0, fail: 0, error: 0, skipped: 0, pending: 0, waived: 0 };
  for (const c of r.checks) {
    if (c.waived !== undefined) counts.waived++;
    else counts[c.status]++;
  }
  const head =
    opts.heading ??
    `Phase ${nn(r.phase)} · learner ${r.learner}${r.head_sha ? ` · HEAD ${r.head_sha.slice(0, 8)}` : ''}`;
  const lines = [t.bold(head)];
  for (const c of r.checks) lines.push(...line(c, t, 0, opts.verbose === true));
  const subs = substitutionsIn(r.checks);
  if (subs.length > 0) {
    lines.push(
      '',
      t.warn(`! ${subs.length} command(s) ran through the runner in lynx.yaml, not as the curriculum names them:`),
    );
    for (const s of subs) lines.push(`    \`${s.ran}\` in place of \`${s.command}\` ${t.dim(`(${s.reason})`)}`);
  }
  const verdict = r.status === 'pass' ? t.ok('PASS') : r.status === 'fail' ? t.bad('FAIL') : t.bad('ERROR');
  const parts = [
    `${counts.pass} passed`,
    counts.warn ? `${counts.warn} warning(s)` : '',
    `${counts.fail} failed`,
    counts.error ? `${counts.error} error(s)` : '',
    counts.pending ? `${counts.pending} pending` : '',
    counts.skipped ? `${counts.skipped} skipped` : '',
    counts.waived ? `${counts.waived} waived` : '',
  ].filter(Boolean);
  lines.push('', `${verdict}  ${parts.join(' · ')}`);
  return lines.join('\n');
}
