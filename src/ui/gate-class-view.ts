/**
 * `lynx gate --all-learners` in a terminal: the class table first (what a teacher scans), then the
 * full gate of every phase that did not pass; passing phases are one line each in the table.
 */
import { classGateRows } from '../core/gate-class.js';
import { nn } from '../core/ids.js';
import type { GateResult } from '../schemas/generated/types.js';
import { table, type Theme } from './theme.js';
import type { renderGate as RenderGate } from './gate-view.js';

export function renderGateClass(
  learners: readonly string[],
  results: readonly GateResult[],
  t: Theme,
  renderGate: typeof RenderGate,
): string[] {
  const rows = classGateRows(learners, results);
  const mark = {
    pass: t.ok('✓ pass'),
    fail: t.bad('✗ fail'),
    error: t.warn('! error'),
    none: t.dim('— nothing closed'),
  };
  const out = [t.bold(`Gate · ${rows.length} learner(s) · ${results.length} closed phase(s) verified`), ''];
  out.push(
    ...table([
      ['learner', 'result', 'phases', 'passed', 'failed'].map((h) => t.dim(h)),
      ...rows.map((r) => [
        t.bold(r.learner),
        mark[r.status],
        r.phases.map(nn).join(' ') || '—',
        String(r.passed),
        String(r.failed + r.errors),
      ]),
    ]),
  );
  for (const g of results.filter((x) => x.status !== 'pass'))
    out.push('', renderGate(g, t, { heading: `Gate · phase ${nn(g.phase)} · learner ${g.learner}` }));
  return out;
}
