/**
 * `hint`: the next level of the hint cascade, counted in the checkpoint. `diagnose`: the learner's
 * diagnosis, compared with the hidden cause by key terms; then the hidden cause and the fix.
 */
import { compareDiagnosis } from '../../../core/break/diagnosis.js';
import type { DiagnoseResult, HintResult } from '../../../core/break/results.js';
import type { BreakState } from '../../../core/break/model.js';
import { UsageError } from '../../../core/errors.js';
import { nn } from '../../../core/ids.js';
import { openJournals } from '../../../io/break-store.js';
import { withLock } from '../../../io/lock.js';
import { breakCmd, breakState, compact, now, openSession, updateBreak, type Session, type SessionOpts } from './session.js';

function requireActive(s: Session, step: string): BreakState | undefined {
  const open = openJournals(s.ws.root, s.phase.id).find((j) => j.journal.break_id === s.brk.id);
  const st = breakState(s.ws, s.learner, s.phase.id);
  if (!open) {
    const why = st?.id === s.brk.id && st.state === 'restored' ? `it was restored on ${st.restored_at?.slice(0, 10) ?? '?'}` : 'it has not been started';
    throw new UsageError(`\`${step}\` needs an active break: break ${s.brk.id} is not active (${why})`, { hint: `\`${breakCmd(s)}\` shows the break; \`${breakCmd(s, 'start')}\` starts it.` });
  }
  return st?.id === s.brk.id ? st : undefined;
}


export async function hint(opts: SessionOpts, phaseId: number, breakId?: string): Promise<HintResult> {
  const s = await openSession(opts, phaseId, breakId);
  return withLock(s.ws.root, `lynx break ${nn(s.phase.id)} hint`, async () => {
    const st = requireActive(s, 'hint');
    if (st?.state === 'diagnosed') throw new UsageError(`break ${s.brk.id} is already diagnosed: the hidden cause was revealed`, { hint: `\`${breakCmd(s, 'restore')}\` ends the break.` });
    const total = s.brk.hints.length;
    const used = st?.hints_used ?? 0;
    const exhausted = used >= total;
    const level = exhausted ? total : used + 1;
    if (!exhausted) await updateBreak(s.ws, s.learner, s.phase.id, (b) => ({ ...(b ?? {}), id: s.brk.id, state: 'active', hints_used: level }));
    return {
      step: 'hint', phase: s.phase.id, id: s.brk.id, level, total, hint: s.brk.hints[level - 1] ?? '', hints_used: level, exhausted,
      next: level < total ? `still stuck? \`${breakCmd(s, 'hint')}\` (${total - level} more); when you know: \`${breakCmd(s, 'diagnose')} "<the cause>"\`` : `that was the last hint: \`${breakCmd(s, 'diagnose')} "<the cause>"\``,
    };
  });
}


export async function diagnose(opts: SessionOpts, phaseId: number, breakId: string | undefined, text: string): Promise<DiagnoseResult> {
  const diagnosis = text.trim();
  const s = await openSession(opts, phaseId, breakId);
  if (diagnosis === '') throw new UsageError('the diagnosis is empty', { hint: `\`${breakCmd(s, 'diagnose')} "what you think causes the symptom"\`` });
  return withLock(s.ws.root, `lynx break ${nn(s.phase.id)} diagnose`, async () => {
    const st = requireActive(s, 'diagnose');
    if (st?.state === 'diagnosed') throw new UsageError(`break ${s.brk.id} was already diagnosed on ${st.diagnosed_at?.slice(0, 10) ?? '?'} (the hidden cause has been revealed)`, { hint: `\`${breakCmd(s, 'restore')}\` ends the break.` });
    const verdict = compareDiagnosis(diagnosis, s.brk.hidden_cause);
    const next = await updateBreak(s.ws, s.learner, s.phase.id, (b) => ({ ...(b ?? {}), id: s.brk.id, state: 'diagnosed', diagnosis, diagnosis_names_cause: verdict.names_cause, diagnosed_at: now() }));
    return compact({
      step: 'diagnose' as const, phase: s.phase.id, id: s.brk.id, diagnosis, verdict, hints_used: next.hints_used ?? 0,
      hidden_cause: s.brk.hidden_cause, fix: s.brk.fix, symptom: s.brk.symptom ?? s.brk.expected_failure, teaching_note: s.brk.teaching_note,
      next: `\`${breakCmd(s, 'restore')}\` puts the original bytes back and runs the tests`,
    });
  });
}
