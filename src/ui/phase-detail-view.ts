/** `lynx status NN`: one phase in detail, plain text. */
import type { StatusReport } from '../schemas/generated/types.js';
import { nn } from '../core/ids.js';
import { STATUS_SYMBOL } from './status-view.js';
import type { Theme } from './theme.js';

export function renderPhaseDetail(p: NonNullable<StatusReport['phase']>, t: Theme): string {
  const lines = [
    t.bold(`Phase ${nn(p.id)} — ${p.title}`) + `  ${STATUS_SYMBOL[p.status]} ${p.status.replace('_', ' ')}`,
  ];
  if (p.goal) lines.push(t.dim(`Goal: ${p.goal}`));
  lines.push(
    `Requires: ` +
      `${p.requires.length === 0 ? 'none' : p.requires.map((r) => `${nn(r.phase)} ${r.title} (${r.status.replace('_', ' ')})`).join(', ')}`,
  );
  lines.push('', t.bold(`Definition of Done (${p.dod.length})`));
  for (const d of p.dod) lines.push(`  ${d.id} ${t.dim(`[${d.kind}]`)}  ${d.text}`);
  lines.push('', t.bold(`Labs (${p.labs.length})`));
  for (const l of p.labs)
    lines.push(`  ${l.id}  ${l.title}${l.estimated_time ? t.dim(`  ~${l.estimated_time}`) : ''}  ${t.dim(l.file)}`);
  lines.push('', t.bold(`Breaks (${p.breaks.length})`));
  for (const b of p.breaks) lines.push(`  ${b.id}  ${b.title}`);
  lines.push(
    '',
    p.quiz.file === undefined
      ? 'Quiz: none — this phase has no quiz'
      : `Quiz: ${p.quiz.file}  pass ≥ ${Math.round(p.quiz.threshold * 100)}%`,
  );
  return lines.join('\n');
}
