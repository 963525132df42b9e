/**
 * The markdown reporter: gate results as a GitHub-flavoured markdown summary (the job summary
 * GitHub shows under a run). Cells are escaped so a check message cannot break the table or
 * inject HTML. (The closing report, PHASE_NN_REPORT.md, is a file the report use case writes from
 * a template: core/report.ts, not a reporter.)
 */
import { nn } from '../../core/ids.js';
import type { GateResult } from '../../schemas/generated/types.js';

/** Table-cell text: no pipes, no newlines, no HTML. */
export const cell = (s: string): string => s
  .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  .replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function markdown(results: readonly GateResult[]): string {
  const lines = ['## lynx gate', ''];
  for (const r of results) {
    lines.push(`### Phase ${nn(r.phase)} · ${cell(r.learner)} · ${r.status.toUpperCase()}`, '', '| check | result | detail |', '| --- | --- | --- |');
    for (const c of r.checks) lines.push(`| ${cell(c.id)} | ${c.waived !== undefined ? 'waived' : c.status} | ${cell((c.waived ?? c.message).slice(0, 200))} |`);
    lines.push('');
  }
  return lines.join('\n');
}
