/**
 * The markdown reporter: gate results as a GitHub-flavoured markdown job summary (what GitHub shows
 * under a run). A totals line first (the one thing a reviewer reads), then one collapsed <details>
 * per phase and learner. Cells are escaped so a check message or a waiver's reason cannot break the
 * table or inject HTML. (The closing report, PHASE_NN_REPORT.md, is a file the report use case
 * writes from a template: core/report.ts, not a reporter.)
 */
import { nn } from '../../core/ids.js';
import type { GateResult } from '../../schemas/generated/types.js';
import { leaves } from './flatten.js';
import { classGateRows } from '../../core/gate-class.js';

/** Table-cell text: no pipes, no newlines, no HTML (GitHub renders raw HTML in a summary). */
export const cell = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '&#124;')
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/`/g, '&#96;');

type Check = GateResult['checks'][number];
const outcome = (c: Check): string =>
  c.waived !== undefined ? 'waived' : c.attested ? `${c.status} (attested)` : c.status;

export function totals(results: readonly GateResult[]): string {
  const checks = results.flatMap((r) => leaves(r.checks));
  const passed = results.filter((r) => r.status === 'pass').length;
  const waived = checks.filter((c) => c.waived !== undefined).length;
  const attested = checks.filter((c) => c.waived === undefined && c.attested === true).length;
  return (
    `**lynx gate: ${results.length} phase(s), ${passed} passed, ${results.length - passed} failed, ${waived} ` +
    `waived, ${attested} attested**`
  );
}

/** The class table a teacher reads first: one row per learner, the worst verdict of their phases. */
export function classTable(learners: readonly string[], results: readonly GateResult[]): string[] {
  const rows = classGateRows(learners, results);
  const mark = { pass: '✅ pass', fail: '❌ fail', error: '⚠️ error', none: '— nothing closed' };
  return [
    `**lynx gate --all-learners: ${rows.length} learner(s), ` +
      `${rows.filter((r) => r.status === 'fail' || r.status === 'error').length} not passing**`,
    '',
    '| learner | result | phases verified | passed | failed |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${cell(r.learner)} | ${mark[r.status]} | ${r.phases.map(nn).join(', ') || '—'} | ${r.passed} | ` +
        `${r.failed + r.errors} |`,
    ),
    '',
  ];
}

export function markdown(results: readonly GateResult[], learners?: readonly string[]): string {
  const lines = [...(learners ? classTable(learners, results) : []), totals(results), ''];
  for (const r of results) {
    lines.push(
      `<details><summary>Phase ${nn(r.phase)} · ${cell(r.learner)} · ${r.status.toUpperCase()}</summary>`,
      '',
      '| check | result | detail |',
      '| --- | --- | --- |',
    );
    for (const c of leaves(r.checks))
      lines.push(
        `| ${cell(c.id)} | ${outcome(c)} | ` +
          `${cell((c.waived !== undefined ? `waived: ${c.waived}` : c.message).slice(0, 300))} |`,
      );
    lines.push('', '</details>', '');
  }
  return lines.join('\n');
}
