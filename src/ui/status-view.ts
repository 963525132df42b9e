/** Plain-text status: a table and a one-line progress strip (no ink: status must start fast). */
import type { HumanRecord, LearnerStatus, PhaseStatus } from '../core/status.js';
import { nn } from '../core/ids.js';
import { table, type Theme } from './theme.js';

export const STATUS_SYMBOL: Record<PhaseStatus, string> = {
  not_started: '·',
  planned: '○',
  in_progress: '◐',
  done: '●',
  attested: '◆',
  invalid: '✗',
};

const LABEL: Record<PhaseStatus, string> = {
  not_started: 'not started',
  planned: 'planned',
  in_progress: 'in progress',
  done: 'done',
  attested: 'attested',
  invalid: 'invalid',
};

function paint(t: Theme, s: PhaseStatus, text: string): string {
  switch (s) {
    case 'done':
      return t.ok(text);
    case 'attested':
      return t.accent(text);
    case 'in_progress':
      return t.info(text);
    case 'planned':
      return t.warn(text);
    case 'invalid':
      return t.bad(text);
    default:
      return t.dim(text);
  }
}

const pct = (x: number | null): string => (x === null ? '—' : `${Math.round(x * 100)}%`);
const day = (iso: string | null): string => (iso ? iso.slice(0, 10) : '—');

export function progressStrip(st: LearnerStatus, t: Theme): string {
  const cells = st.rows.map((r) => paint(t, r.status, STATUS_SYMBOL[r.status])).join('');
  const closed = st.counts.done + st.counts.attested;
  return `${cells}  ${closed}/${st.rows.length} closed`;
}

/** "1 waived (teacher-bo, signed) · 1 attested (self)": a waived item must never read as plain done. */
export function recordsCell(waivers: readonly HumanRecord[], attestations: readonly HumanRecord[]): string {
  const who = (rs: readonly HumanRecord[]): string =>
    [...new Set(rs.map((r) => `${r.self ? 'self' : r.by}${r.signed ? ', signed' : ''}`))].join('; ');
  const parts: string[] = [];
  if (waivers.length > 0) parts.push(`${waivers.length} waived (${who(waivers)})`);
  if (attestations.length > 0) parts.push(`${attestations.length} attested (${who(attestations)})`);
  return parts.join(' · ');
}

export function renderStatus(st: LearnerStatus, t: Theme, extra: string[] = []): string {
  const lines: string[] = [];
  lines.push(t.bold(`Learner ${st.learner}`) + (st.current !== null ? `  ·  current phase ${nn(st.current)}` : ''));
  lines.push(progressStrip(st, t));
  lines.push('');
  // the waivers column appears only when a phase has a record: most learners' tables stay as they were
  const records = st.rows.some((r) => (r.waivers?.length ?? 0) + (r.attestations?.length ?? 0) > 0);
  const rows: string[][] = [
    [
      t.dim('NN'),
      t.dim('phase'),
      t.dim('status'),
      t.dim('quiz'),
      t.dim('opened'),
      t.dim('closed'),
      ...(records ? [t.dim('waivers · attestations')] : []),
    ],
  ];
  for (const r of st.rows) {
    const quiz = r.quiz ? `${pct(r.quiz.best)} ${r.quiz.passed ? '✓' : '✗'} (${r.quiz.attempts})` : '—';
    const cell = recordsCell(r.waivers ?? [], r.attestations ?? []);
    rows.push([
      nn(r.phase),
      r.title,
      paint(t, r.status, `${STATUS_SYMBOL[r.status]} ${LABEL[r.status]}`),
      quiz,
      day(r.opened),
      day(r.closed),
      ...(records ? [cell === '' ? '—' : t.warn(cell)] : []),
    ]);
  }
  lines.push(...table(rows));
  const errors = st.rows.filter((r) => r.error);
  if (errors.length > 0) {
    lines.push('');
    for (const r of errors) lines.push(t.bad(`✗ ${r.error ?? ''}`));
  }
  lines.push('');
  lines.push(
    t.dim(
      `legend: ` +
        `${(['not_started', 'planned', 'in_progress', 'done', 'attested'] as const).map((s) => `${STATUS_SYMBOL[s]} ${LABEL[s]}`).join('  ')}`,
    ),
  );
  lines.push(...extra);
  return lines.join('\n');
}
