/**
 * The rules a PHASE_NN_PLAN.md obeys, shared by phase-start/--approve, checkpoint, report and the
 * gate: where it lives, its §7 open questions, its §8 revision entries, and whether it changed
 * after approval. Kept apart from the plan's view so the gate loads no template code.
 */
import { nn } from './ids.js';
import { section, tasks } from './markdown-tasks.js';
import { sha256 } from './attempts.js';

export const planFileName = (phase: number): string => `PHASE_${nn(phase)}_PLAN.md`;

/** §8 entries: list items or table rows (not the header or separator), as the gate counts them. */
export function revisionEntries(text: string): string[] {
  const log = section(text, /^#+\s*§?\s*8\b|revisions/i) ?? '';
  return log
    .split('\n')
    .filter(
      (l) =>
        /^\s*([-*]|\d+\.)\s+\S/.test(l) ||
        (/^\s*\|/.test(l) && !/^\s*\|[\s|:-]+\|\s*$/.test(l) && !/\|\s*date\s*\|/i.test(l)),
    );
}

/** §7 open questions: task items not ticked (plain list items count as open too). */
export async function openQuestions(text: string): Promise<string[]> {
  const s = section(text, /^#+\s*§?\s*7\b|open questions/i);
  if (s === undefined) return [];
  const t = await tasks(s);
  const plain = s
    .split('\n')
    .filter((l) => /^\s*[-*]\s+(?!\[[ xX]\])\S/.test(l))
    .map((l) => l.replace(/^\s*[-*]\s+/, ''));
  return [...t.filter((x) => !x.checked).map((x) => x.text), ...plain];
}

export type PlanState =
  { state: 'unapproved' } | { state: 'unchanged' } | { state: 'revised'; entries: number } | { state: 'unlogged' };

/**
 * After approval the plan may change only with a §8 entry (the gate enforces the same rule), and
 * only an entry newer than the approved text counts (issue 15): a bullet already in §8 when the plan
 * was approved licenses nothing later. With the approved text (found in git history by its sha256)
 * its entries are subtracted (a date typed in an entry is the learner's word, so it decides nothing).
 */
export function planState(
  text: string,
  approved: { plan_sha256?: string | undefined; approved_at?: string | undefined },
  approvedText?: string,
): PlanState {
  if (!approved.plan_sha256 || !approved.approved_at) return { state: 'unapproved' };
  if (sha256(text) === approved.plan_sha256) return { state: 'unchanged' };
  const before = new Map<string, number>();
  for (const e of approvedText === undefined ? [] : revisionEntries(approvedText))
    before.set(e.trim(), (before.get(e.trim()) ?? 0) + 1);
  const entries = revisionEntries(text).filter((e) => {
    const n = before.get(e.trim()) ?? 0;
    if (n > 0) {
      before.set(e.trim(), n - 1);
      return false;
    }
    return true;
  }).length;
  return entries > 0 ? { state: 'revised', entries } : { state: 'unlogged' };
}
