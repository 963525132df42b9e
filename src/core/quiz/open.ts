/**
 * May this phase's quiz be taken for the record (pure)? Only when the phase is open: started
 * (planned, in progress) or closed, or ready to start because every phase it requires is closed.
 * A quiz for a later phase would otherwise start a cooldown and fill the review deck with cards for
 * material the learner has not reached; `--practice` takes it apart from the record instead.
 */
import { nn } from '../ids.js';
import { isClosed, type PhaseStatus } from '../status.js';

export interface OpenFacts {
  phase: number;
  status: PhaseStatus;
  requires: { phase: number; status: PhaseStatus }[];
}

/** Why the quiz is refused, or undefined when it may be taken. */
export function notOpenReason(f: OpenFacts): string | undefined {
  if (f.status !== 'not_started') return undefined;
  const open = f.requires.filter((r) => !isClosed(r.status));
  if (open.length === 0) return undefined;
  return (
    `phase ${nn(f.phase)} is not open yet: it requires ` +
    `${open.map((r) => `phase ${nn(r.phase)} (${r.status.replace('_', ' ')})`).join(', ')}`
  );
}
