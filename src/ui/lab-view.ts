/** `lynx lab NN` and `lynx lab NN ID`: plain text (no ink: listing must start fast). */
import { nn } from '../core/ids.js';
import { formatDuration, type LabState } from '../core/lab.js';
import type { LabDetail, LabInfo, LabReport } from '../core/lab-results.js';
import { table, type Theme } from './theme.js';

export function paintState(t: Theme, s: LabState | 'skipped'): string {
  const text = s.replace('_', ' ');
  switch (s) {
    case 'passed':
      return t.ok(`✓ ${text}`);
    case 'failed':
    case 'timed_out':
      return t.bad(`✗ ${text}`);
    case 'interrupted':
      return t.warn(`! ${text}`);
    case 'partial':
      return t.info(`◐ ${text}`);
    case 'skipped':
      return t.warn(`- ${text}`);
    default:
      return t.dim(`· ${text}`);
  }
}

const timing = (l: LabInfo): string => {
  const ran = l.state === 'not run' ? '—' : formatDuration(l.duration_ms);
  return l.estimate ? `${ran} / est. ${l.estimate}` : ran;
};

const progress = (l: LabInfo): string => (l.checklist.total === 0 ? '—' : `${l.checklist.ticked}/${l.checklist.total}`);

export function renderLabList(r: LabReport, t: Theme): string {
  const rows = [[t.dim('lab'), t.dim('title'), t.dim('status'), t.dim('time / estimate'), t.dim('checklist')]];
  for (const l of r.labs)
    rows.push([
      l.id,
      l.title,
      paintState(t, l.state) + (l.state === 'partial' ? t.dim(` ${l.commands_run}/${l.commands}`) : ''),
      timing(l),
      progress(l),
    ]);
  const lines = [
    t.bold(`Phase ${nn(r.phase)} — ${r.title}: labs`) + t.dim(`  (${r.learner}, phase ${r.status.replace('_', ' ')})`),
    ...table(rows),
  ];
  if (r.labs.length === 0) lines.push(t.dim('  this phase has no labs'));
  lines.push(
    '',
    t.dim(`lynx lab ${nn(r.phase)} <ID> shows one lab; lynx lab ${nn(r.phase)} <ID> --run runs its commands`),
  );
  return lines.join('\n');
}

export function renderLabDetail(r: LabReport, l: LabDetail, t: Theme): string {
  const n = nn(r.phase);
  const lines = [
    t.bold(`Lab ${n}/${l.id} — ${l.title}`) + `  ${paintState(t, l.state)}` + t.dim(`  ${timing(l)}`),
    t.dim(l.page),
  ];
  if (l.prereq) lines.push(`Pre-req: ${l.prereq}`);
  if (l.goal) lines.push(`Goal: ${l.goal}`);
  lines.push(
    '',
    t.bold(`Checklist ${progress(l)}`) +
      t.dim(`  ${l.checklist.path}${l.checklist.exists ? '' : ` (not created yet: lynx phase-start ${n})`}`),
  );
  let block: string | undefined;
  for (const i of l.items) {
    if (i.block && i.block !== block) {
      block = i.block;
      lines.push(t.dim(`  ${block}`));
    }
    lines.push(`  ${i.checked ? t.ok('[x]') : '[ ]'} ${i.text.replace(/\s*\n\s*/g, ' ')}`);
  }
  if (l.deliverables.length > 0) {
    lines.push('', t.bold('Deliverables'));
    for (const d of l.deliverables) lines.push(`  ${d.exists ? t.ok('✓') : t.dim('·')} ${d.path}`);
  }
  if (l.steps.length > 0) {
    lines.push('', t.bold('Commands') + t.dim(`  lynx lab ${n} ${l.id} --run [--only N,…]`));
    for (const s of l.steps) {
      const notes = [
        s.runnable ? '' : 'by hand',
        s.page ? `the page: ${s.page}` : '',
        s.needs ? `needs ${s.needs.join(', ')}` : '',
        s.expect_exit !== undefined ? `expects exit ${s.expect_exit}` : '',
      ]
        .filter(Boolean)
        .join(', ');
      lines.push(`  ${String(s.n).padStart(2)}. ${s.text}${notes ? t.dim(`  (${notes})`) : ''}`);
    }
  }
  if (l.stop_conditions.length > 0) lines.push('', ...l.stop_conditions.map((s) => t.warn(`! ${s}`)));
  if (l.runs.length > 0) {
    lines.push('', t.bold('Recent runs'));
    for (const run of l.runs)
      lines.push(
        `  ${run.started_at.slice(0, 16).replace('T', ' ')}  ${paintState(t, run.outcome)}  ` +
          `${formatDuration(run.duration_ms)}  ${run.command ?? ''}` +
          `${run.exit_code !== undefined && run.exit_code !== null ? t.dim(`  exit ${run.exit_code}`) : ''}` +
          `${run.log ? t.dim(`  ${run.log}`) : ''}`,
      );
  }
  return lines.join('\n');
}
