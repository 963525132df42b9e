/** The text reporter of `lynx break` (spread into text.ts's registry): one view per step; a refusal goes to stderr. */
import { breakRefused, type BreakRun } from '../../core/exit-codes.js';
import type { Theme } from '../theme.js';
import type { Printed } from './text.js';

export async function breakText({ result: r, streamed: stream }: BreakRun, t: Theme): Promise<Printed> {
  const v = await import('../break-view.js');
  const text = r.step === 'show' ? v.renderShow(r, t)
    : r.step === 'start' ? v.renderStart(r, t, stream)
    : r.step === 'observe' ? v.renderObserve(r, t, stream)
    : r.step === 'hint' ? v.renderHint(r, t)
    : r.step === 'diagnose' ? v.renderDiagnose(r, t)
    : r.step === 'confirm' ? v.renderConfirm(r, t, stream)
    : r.step === 'reveal' ? v.renderReveal(r, t)
    : r.step === 'restore' ? v.renderRestore(r, t, stream)
    : v.renderBreakStatus(r, t);
  return breakRefused(r) ? { out: [], err: [text] } : { out: [text] };
}

