/** progress.md: a rendered view of the checkpoints, never a source of truth. */
import type { LearnerStatus } from './status.js';
import { nn } from './ids.js';

const WORD: Record<string, string> = {
  not_started: 'not started', planned: 'planned', in_progress: 'in-flight', done: 'done', attested: 'done (attested)', invalid: 'invalid checkpoint',
};

export function renderProgress(st: LearnerStatus): string {
  const lines = [
    `# Progress — ${st.learner}`,
    '',
    '<!-- Rendered by lynx from learners/<name>/phase-NN/checkpoint.json. Edits here are overwritten. -->',
    '',
    '| Phase | Title | Status | Quiz | Opened | Closed |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of st.rows) {
    const quiz = r.quiz?.best != null ? `${Math.round(r.quiz.best * 100)}%` : '—';
    lines.push(`| ${nn(r.phase)} | ${r.title.replace(/\|/g, '\\|')} | ${WORD[r.status] ?? r.status} | ${quiz} | ${r.opened?.slice(0, 10) ?? '—'} | ${r.closed?.slice(0, 10) ?? '—'} |`);
  }
  return `${lines.join('\n')}\n`;
}
