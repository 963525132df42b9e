/** The closing lines of `lynx lab --run`: the outcome, what the run recorded, what to do next. */
import { nn } from '../core/ids.js';
import { formatDuration } from '../core/lab.js';
import type { LabRunResult } from '../core/lab-results.js';
import { paintState } from './lab-view.js';
import type { Theme } from './theme.js';

export function renderRunSummary(r: LabRunResult, t: Theme): string {
  const n = nn(r.phase);
  const total = r.runs.reduce((s, x) => s + x.duration_ms, 0);
  const lines = [
    '',
    `${t.bold(`Lab ${n}/${r.lab} — ${r.title}`)}  ${paintState(t, r.outcome)}  ` +
      `${t.dim(`${r.runs.length} command(s), ${formatDuration(total)}`)}`,
  ];
  const manifests = [...new Set(r.runs.flatMap((x) => x.manifests ?? []))];
  if (manifests.length > 0) lines.push(`  manifests created or changed: ${manifests.join(', ')}`);
  for (const s of r.skipped) lines.push(t.dim(`  skipped ${s.command}: ${s.reason}`));
  if (r.not_run.length > 0) lines.push(t.dim(`  not run (stopped first): ${r.not_run.join('; ')}`));
  const bad = r.runs.find((x) => x.outcome !== 'passed');
  if (bad?.log) lines.push(`  full log: ${bad.log}`);
  const status =
    `lab status: ${r.summary.state}` +
    `${r.summary.state === 'partial' ? ` (${r.summary.ran}/${r.summary.total} commands passed)` : ''}`;
  lines.push(
    t.dim(
      r.runs.length > 0
        ? `  recorded in learners/${r.learner}/phase-${n}/checkpoint.json · ${status}`
        : `  nothing ran, nothing recorded · ${status}`,
    ),
  );
  if (r.outcome !== 'passed') lines.push(t.dim(`  If it failed, write it down before fixing it: lynx journal "…"`));
  return lines.join('\n');
}
