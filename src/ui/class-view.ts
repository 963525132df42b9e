/** Plain-text class view: one row per learner, the progress strip in the status view's symbols. */
import type { ClassReport } from '../core/class-view.js';
import { nn } from '../core/ids.js';
import type { PhaseStatus } from '../core/status.js';
import { STATUS_SYMBOL } from './status-view.js';
import { table, type Theme } from './theme.js';

const FROM: Record<string, PhaseStatus> = {
  '#': 'done',
  '>': 'in_progress',
  '+': 'planned',
  '.': 'not_started',
  '!': 'invalid',
};

export function renderClass(r: ClassReport, t: Theme): string[] {
  const head = [
    'learner',
    'current',
    'closed',
    'last quiz',
    'due',
    'waivers',
    'attested',
    'last activity',
    'progress',
  ].map((h) => t.dim(h));
  const rows = r.learners.map((l) => [
    t.bold(l.learner),
    l.current_phase === null ? '—' : `${nn(l.current_phase)} ${(l.current_status ?? '').replace('_', ' ')}`,
    `${l.phases_closed}/${r.phases}`,
    l.last_quiz === null ? '—' : `${Math.round(l.last_quiz * 100)}%`,
    String(l.reviews_due),
    String(l.waivers),
    String(l.attestations),
    l.last_activity?.slice(0, 10) ?? '—',
    [...l.strip].map((c) => STATUS_SYMBOL[FROM[c] ?? 'not_started']).join(''),
  ]);
  return [
    ...table([head, ...rows]),
    '',
    t.dim(`${r.learners.length} learner(s) · lynx class --csv · lynx class --html class.html · lynx status NN --all`),
  ];
}
