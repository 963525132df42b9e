/** `lynx status NN --all` in a terminal: one row per learner for one phase. */
import type { PhaseClassReport } from '../core/phase-class.js';
import { nn } from '../core/ids.js';
import { recordsCell, STATUS_SYMBOL } from './status-view.js';
import { table, type Theme } from './theme.js';

const pct = (x: number | null): string => (x === null ? '—' : `${Math.round(x * 100)}%`);

export function renderPhaseClass(r: PhaseClassReport, t: Theme): string[] {
  const head = ['learner', 'state', 'quiz', 'labs', 'waivers · attestations', 'last activity'].map((h) => t.dim(h));
  const rows = r.learners.map((l) => [
    t.bold(l.learner),
    `${STATUS_SYMBOL[l.status]} ${l.status.replace('_', ' ')}`,
    l.quiz ? `${pct(l.quiz.last)} ${l.quiz.passed ? '✓' : '✗'} (${l.quiz.attempts})` : '—',
    `${l.labs.passed}/${l.labs.total} passed` +
      `${l.labs.run > l.labs.passed ? `, ${l.labs.run - l.labs.passed} failing` : ''}`,
    recordsCell(l.waivers, l.attestations) || '—',
    l.last_activity?.slice(0, 10) ?? '—',
  ]);
  const errors = r.learners.filter((l) => l.error).map((l) => t.bad(`✗ ${l.error ?? ''}`));
  return [
    t.bold(`Phase ${nn(r.phase.id)} — ${r.phase.title} · ${r.learners.length} learner(s)`),
    '',
    ...table([head, ...rows]),
    ...(errors.length ? ['', ...errors] : []),
  ];
}
