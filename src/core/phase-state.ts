/**
 * The mid-phase view `lynx checkpoint` adds to the DoD: lab runs, open questions in the plan's §7,
 * time since the phase opened. Status only (pending = not there yet), never blocking by itself.
 */
import type { Checkpoint, Phase } from '../schemas/generated/types.js';
import type { CheckResult } from './checks/types.js';
import { openQuestions } from './plan-rules.js';

export function labsCheck(phase: Phase, cp: Checkpoint | undefined): CheckResult {
  const runs = cp?.labs ?? {};
  const rows = phase.labs.map((l) => {
    const last = runs[l.id]?.at(-1);
    return last
      ? `lab ${l.id}: ${last.outcome} (${Math.round(last.duration_ms / 60000)} min` +
          `${l.estimated_minutes ? ` of ~${l.estimated_minutes}` : ''})`
      : `lab ${l.id}: not run`;
  });
  const passed = phase.labs.filter((l) => runs[l.id]?.at(-1)?.outcome === 'passed').length;
  return {
    id: 'state:labs',
    kind: 'labs',
    title: `labs run: ${passed}/${phase.labs.length} passed`,
    status: passed === phase.labs.length ? 'pass' : 'pending',
    message: rows.join('; ') || 'this phase has no labs',
    evidence: rows,
  };
}

export async function openQuestionsCheck(plan: string | undefined, planName: string): Promise<CheckResult> {
  const base = { id: 'state:open-questions', kind: 'plan', title: `${planName} §7 open questions` };
  if (plan === undefined) return { ...base, status: 'pending', message: `${planName} not written yet` };
  const open = await openQuestions(plan);
  if (open.length === 0) return { ...base, status: 'pass', message: 'no open question' };
  return {
    ...base,
    status: 'pending',
    message: `${open.length} open question(s) — resolve them before coding against them`,
    evidence: open.slice(0, 10),
  };
}

export function sinceOpenedCheck(cp: Checkpoint | undefined, now: Date): CheckResult {
  const base = { id: 'state:opened', kind: 'time', title: 'time since the phase opened' };
  const opened = cp?.approved_at ?? cp?.planned_at;
  if (!opened) return { ...base, status: 'pending', message: 'the phase has not been opened (`lynx phase-start NN`)' };
  const days = (now.getTime() - Date.parse(opened)) / 86_400_000;
  const text = days < 1 ? `${Math.max(1, Math.round(days * 24))} hour(s)` : `${Math.floor(days)} day(s)`;
  return {
    ...base,
    status: 'pass',
    message: `opened ${opened.slice(0, 10)} (${text} ago), status ${cp?.status ?? 'not_started'}`,
  };
}
