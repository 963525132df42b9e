/** What phase-start and its approval print: what was written, the read order, and what to do next. */
import { nn } from '../core/ids.js';
import type { ApproveResult, PhaseStartResult } from '../core/phase-results.js';
import type { Theme } from './theme.js';

const MARK = { created: '+', updated: '~', unchanged: '=', kept: '!', rewritten: '~' } as const;

function planLines(r: PhaseStartResult, t: Theme): string[] {
  const p = r.plan;
  const note =
    p.action === 'kept'
      ? t.warn('  (kept: it differs from the template and holds your edits; --force rewrites it, keeping a backup)')
      : p.action === 'rewritten'
        ? t.warn(`  (rewritten; your version is saved at ${p.backup ?? '?'})`)
        : '';
  return [`  ${MARK[p.action]} ${p.path}${note}`];
}

function revisionLine(state: string | undefined, path: string, t: Theme): string[] {
  if (state === 'unlogged')
    return [
      t.bad(
        `✗ ${path} changed after approval but §8 Revisions log has no entry — add one "- YYYY-MM-DD — what ` +
          `changed and why" bullet`,
      ),
    ];
  if (state === 'revised') return [t.dim(`${path} changed after approval; §8 logs the revision(s)`)];
  return [];
}

export function renderPhaseStart(r: PhaseStartResult, t: Theme): string {
  const n = nn(r.phase);
  const head = r.opened
    ? `${t.ok('✓')} ${t.bold(`Phase ${n} — ${r.title}`)} planned for ${r.learner}`
    : `${t.info('•')} ${t.bold(`Phase ${n} — ${r.title}`)} is already ${r.status.replace('_', ' ')} for ${r.learner}`;
  const lines = [head, ...planLines(r, t)];
  for (const f of r.files) if (f.action !== 'unchanged') lines.push(`  ${MARK[f.action]} ${f.path}`);
  for (const f of r.forced) lines.push(t.warn(`  forced: ${f}`));
  lines.push(...revisionLine(r.plan.state, r.plan.path, t));
  if (r.missing_tools) {
    const m = r.missing_tools;
    lines.push('', t.warn(`! ${m.tools.length} tool(s) this phase runs are missing on this machine:`));
    for (const x of m.tools)
      lines.push(`    ${x.name}${x.kind === 'env' ? " (in uv's environment)" : ''} — ${x.impossible}`);
    lines.push(t.dim(`    \`${m.see}\` shows what each is used by (and lynx.yaml's runner, for a machine without uv)`));
  }
  lines.push('', t.bold(`Read, in this order (${r.docs}/):`));
  r.read_order.forEach((x, i) =>
    lines.push(
      `  ${String(i + 1).padStart(2)}. ${x.path}${x.note ? t.dim(` — ${x.note.replace(/\s*\n\s*/g, ' ')}`) : ''}`,
    ),
  );
  lines.push('', t.bold('Next:'));
  if (r.status === 'planned') {
    lines.push(`  1. Read ${r.plan.path}; fill in §1 locked decisions, §2 design and §7 open questions.`);
    lines.push(
      `  2. Commit it: git add ${r.plan.path} learners/${r.learner}/phase-${n} && git commit -m "phase: phase-` +
        `${n} plan"`,
    );
    lines.push(`  3. Approve it: lynx phase-start ${n} --approve`);
    lines.push(t.dim(`Stopped: phase ${n} is planned; nothing else happens until you approve the plan.`));
  } else {
    lines.push(`  lynx lab ${n}  ·  lynx checkpoint ${n}  ·  lynx journal "…"`);
  }
  return lines.join('\n');
}

export function renderApprove(r: ApproveResult, t: Theme): string {
  const n = nn(r.phase);
  const lines = r.approved_now
    ? [
        `${t.ok('✓')} ${t.bold(`Phase ${n} — ${r.title}`)} approved: ${r.plan.path} (sha256 ` +
          `${r.plan.sha256.slice(0, 12)}…) — now in progress`,
        t.dim(`From now on every change to ${r.plan.path} needs an entry in §8 Revisions log.`),
      ]
    : [
        `${t.info('•')} ${t.bold(`Phase ${n} — ${r.title}`)} was approved on ${r.approved_at.slice(0, 10)} ` +
          `(sha256 ${r.plan.sha256.slice(0, 12)}…); approval is recorded once`,
      ];
  if (!r.approved_now && r.plan.state === 'unchanged') lines.push(t.dim(`${r.plan.path} is unchanged since approval`));
  lines.push(...revisionLine(r.plan.state, r.plan.path, t));
  if (r.open_questions.length > 0) {
    lines.push(t.warn(`! §7 has ${r.open_questions.length} open question(s) — don't code against them:`));
    for (const q of r.open_questions.slice(0, 10)) lines.push(t.warn(`    - ${q}`));
  }
  lines.push(
    '',
    t.bold('Next:'),
    `  lynx lab ${n}            the labs and their status`,
    `  lynx lab ${n} <ID> --run  run a lab's commands`,
    `  lynx journal "…"        note what failed first and how you fixed it`,
  );
  return lines.join('\n');
}
