/**
 * `hint`: the next level of the hint cascade, counted in the checkpoint. `diagnose`: the learner's
 * diagnosis, compared with the hidden cause by key terms, up to three tries. `reveal`: the answer.
 */
import { compareDiagnosis } from '../../core/break/diagnosis.js';
import type { DiagnoseResult, HintResult, RevealResult } from '../../core/break/results.js';
import type { BreakState } from '../../core/break/model.js';
import { UsageError } from '../../core/errors.js';
import { nn } from '../../core/ids.js';
import { openJournals } from '../../io/break-store.js';
import { withLock } from '../../io/lock.js';
import {
  breakCmd,
  breakState,
  compact,
  now,
  openSession,
  updateBreak,
  type Session,
  type SessionOpts,
} from './session.js';

function requireActive(s: Session, step: string): BreakState | undefined {
  const open = openJournals(s.ws.root, s.phase.id).find((j) => j.journal.break_id === s.brk.id);
  const st = breakState(s.ws, s.learner, s.phase.id);
  if (!open) {
    const why =
      st?.id === s.brk.id && st.state === 'restored'
        ? `it was restored on ${st.restored_at?.slice(0, 10) ?? '?'}`
        : 'it has not been started';
    throw new UsageError(`\`${step}\` needs an active break: break ${s.brk.id} is not active (${why})`, {
      hint: `\`${breakCmd(s)}\` shows the break; \`${breakCmd(s, 'start')}\` starts it.`,
    });
  }
  return st?.id === s.brk.id ? st : undefined;
}

export async function hint(opts: SessionOpts, phaseId: number, breakId?: string): Promise<HintResult> {
  const s = await openSession(opts, phaseId, breakId);
  return withLock(s.ws.root, `lynx break ${nn(s.phase.id)} hint`, async () => {
    const st = requireActive(s, 'hint');
    const total = s.brk.hints.length;
    const used = st?.hints_used ?? 0;
    const exhausted = used >= total;
    const level = exhausted ? total : used + 1;
    if (!exhausted)
      await updateBreak(s.ws, s.learner, s.phase.id, (b) => ({
        ...(b ?? {}),
        id: s.brk.id,
        state: 'active',
        hints_used: level,
      }));
    return {
      step: 'hint',
      phase: s.phase.id,
      id: s.brk.id,
      level,
      total,
      hint: s.brk.hints[level - 1] ?? '',
      hints_used: level,
      exhausted,
      next:
        level < total
          ? `still stuck? \`${breakCmd(s, 'hint')}\` (${total - level} more); when you know: \`` +
            `${breakCmd(s, 'diagnose')} "<the cause>"\``
          : `that was the last hint: \`${breakCmd(s, 'diagnose')} "<the cause>"\``,
    };
  });
}

export const MAX_DIAGNOSES = 3;

/**
 * A learning loop, not a verdict: up to three diagnoses. A miss with tries left offers the next
 * hint (counted, as `hint` would) and keeps the hidden cause hidden; naming the cause, the third
 * try, or `reveal` shows it. Every attempt is kept in the checkpoint with whether it named the cause.
 */
export async function diagnose(
  opts: SessionOpts,
  phaseId: number,
  breakId: string | undefined,
  text: string,
): Promise<DiagnoseResult> {
  const diagnosis = text.trim();
  const s = await openSession(opts, phaseId, breakId);
  if (diagnosis === '')
    throw new UsageError('the diagnosis is empty', {
      hint: `\`${breakCmd(s, 'diagnose')} "what you think causes the symptom"\``,
    });
  return withLock(s.ws.root, `lynx break ${nn(s.phase.id)} diagnose`, async () => {
    const st = requireActive(s, 'diagnose');
    const attempts = st?.diagnoses ?? [];
    if (st?.state === 'diagnosed') {
      const why =
        st.revealed_by === 'named'
          ? 'a diagnosis named the cause'
          : st.revealed_by === 'request'
            ? 'you asked for the answer'
            : `all ${MAX_DIAGNOSES} tries are used`;
      throw new UsageError(`break ${s.brk.id} is already diagnosed (${why}, ${st.diagnosed_at?.slice(0, 10) ?? '?'})`, {
        hint:
          `\`${breakCmd(s, 'reveal')}\` shows the hidden cause and fix again; \`${breakCmd(s, 'restore')}\` ends ` +
          `the break.`,
      });
    }
    const verdict = compareDiagnosis(diagnosis, s.brk.hidden_cause);
    const at = now();
    const attempt = attempts.length + 1;
    const last = attempt >= MAX_DIAGNOSES;
    const done = verdict.names_cause || last;
    const total = s.brk.hints.length;
    const used = st?.hints_used ?? 0;
    // After a miss with tries left: the next hint, never the answer.
    const offer = !done && used < total ? { level: used + 1, total, hint: s.brk.hints[used] ?? '' } : undefined;
    const next = await updateBreak(s.ws, s.learner, s.phase.id, (b) =>
      compact({
        ...(b ?? {}),
        id: s.brk.id,
        state: done ? ('diagnosed' as const) : ('active' as const),
        diagnosis,
        diagnosis_names_cause: verdict.names_cause || (b?.diagnosis_names_cause ?? false),
        diagnoses: [
          ...attempts,
          { text: diagnosis, at, names_cause: verdict.names_cause, score: verdict.score, hints_used: used },
        ],
        hints_used: offer ? offer.level : used,
        diagnosed_at: done ? at : undefined,
        revealed_at: done ? at : undefined,
        revealed_by: done ? (verdict.names_cause ? ('named' as const) : ('last-try' as const)) : undefined,
      }),
    );
    const answer = done
      ? {
          hidden_cause: s.brk.hidden_cause,
          fix: s.brk.fix,
          symptom: s.brk.symptom ?? s.brk.expected_failure,
          teaching_note: s.brk.teaching_note,
        }
      : {};
    return compact({
      step: 'diagnose' as const,
      phase: s.phase.id,
      id: s.brk.id,
      diagnosis,
      verdict,
      attempt,
      max_attempts: MAX_DIAGNOSES,
      done,
      hints_used: next.hints_used ?? 0,
      offered_hint: offer,
      ...answer,
      next: done
        ? `\`${breakCmd(s, 'restore')}\` puts the original bytes back and runs the tests`
        : `${MAX_DIAGNOSES - attempt} tr${MAX_DIAGNOSES - attempt === 1 ? 'y' : 'ies'} left: \`` +
          `${breakCmd(s, 'diagnose')} "<the cause>"\` again${offer ? '' : ' (no hints left)'}; \`` +
          `${breakCmd(s, 'reveal')}\` shows the hidden cause and fix`,
    });
  });
}

/** `reveal`: the hidden cause and the fix, on request; the exercise counts as diagnosed (not named). */
export async function reveal(opts: SessionOpts, phaseId: number, breakId?: string): Promise<RevealResult> {
  const s = await openSession(opts, phaseId, breakId);
  return withLock(s.ws.root, `lynx break ${nn(s.phase.id)} reveal`, async () => {
    const st = requireActive(s, 'reveal');
    const at = now();
    const already = st?.state === 'diagnosed';
    const next =
      already && st
        ? st
        : await updateBreak(s.ws, s.learner, s.phase.id, (b) =>
            compact({
              ...(b ?? {}),
              id: s.brk.id,
              state: 'diagnosed' as const,
              diagnosis_names_cause: b?.diagnosis_names_cause ?? false,
              diagnoses: b?.diagnoses ?? [],
              diagnosed_at: at,
              revealed_at: at,
              revealed_by: 'request' as const,
            }),
          );
    return compact({
      step: 'reveal' as const,
      phase: s.phase.id,
      id: s.brk.id,
      attempts: (next.diagnoses ?? []).map((d) => ({ text: d.text, names_cause: d.names_cause })),
      named: next.diagnosis_names_cause === true,
      hidden_cause: s.brk.hidden_cause,
      fix: s.brk.fix,
      symptom: s.brk.symptom ?? s.brk.expected_failure,
      teaching_note: s.brk.teaching_note,
      next: `\`${breakCmd(s, 'restore')}\` puts the original bytes back and runs the tests`,
    });
  });
}
