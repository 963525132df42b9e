/**
 * progress.md: a rendered view of the checkpoints, never a source of truth. Re-rendered by every
 * command that changes a phase's state (src/app/progress.ts), so an open phase reads "in progress"
 * and a waived item is never hidden behind "done".
 */
import type { HumanRecord, LearnerStatus } from './status.js';
import { nn } from './ids.js';

const WORD: Record<string, string> = {
  not_started: 'not started',
  planned: 'planned',
  in_progress: 'in progress',
  done: 'done',
  attested: 'done (attested)',
  invalid: 'invalid checkpoint',
};

const esc = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** "bandit-clean by teacher-bo (signed)": who judged which item, and whether a signature covers it. */
const records = (label: string, rs: readonly HumanRecord[]): string[] =>
  rs.length === 0
    ? []
    : [
        `${label}: ` +
          `${rs.map((r) => `${esc(r.item)} by ${r.self ? `${esc(r.by)} (self)` : esc(r.by)}${r.signed ? ', signed' : ', unsigned'}`).join('; ')}`,
      ];

export function renderProgress(st: LearnerStatus): string {
  const lines = [
    `# Progress — ${st.learner}`,
    '',
    '<!-- Rendered by lynx from learners/<name>/phase-NN/checkpoint.json. Edits here are overwritten. -->',
    '',
    '| Phase | Title | Status | Quiz | Opened | Closed | Waivers · attestations |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of st.rows) {
    const quiz = r.quiz?.best != null ? `${Math.round(r.quiz.best * 100)}%` : '—';
    const recs = [...records('waived', r.waivers), ...records('attested', r.attestations)].join(' · ') || '—';
    lines.push(
      `| ${nn(r.phase)} | ${esc(r.title)} | ${WORD[r.status] ?? r.status} | ${quiz} | ` +
        `${r.opened?.slice(0, 10) ?? '—'} | ${r.closed?.slice(0, 10) ?? '—'} | ${recs} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
