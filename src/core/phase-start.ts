/**
 * When a phase may open (the `/phase-start` ritual, DIGEST §1.5): its prerequisites are closed, the
 * tree is committed, and no other phase is open. Pure: the caller gathers the facts.
 */
import { nn } from './ids.js';
import { isClosed, type PhaseStatus } from './status.js';

export interface PhaseRef {
  phase: number;
  title: string;
  status: PhaseStatus;
}

export interface StartFacts {
  phase: number;
  requires: PhaseRef[];
  /** Uncommitted paths (lynx's own state and this phase's own files already left out). */
  dirty: string[];
  /** Other phases of this learner that are planned or in progress. */
  open: PhaseRef[];
  force: boolean;
}

export interface Refusal {
  reason: 'prerequisite' | 'dirty' | 'open-phase';
  message: string;
}

const label = (s: PhaseStatus): string => s.replace('_', ' ');

export function refusals(f: StartFacts): Refusal[] {
  const out: Refusal[] = [];
  for (const r of f.requires) {
    if (!isClosed(r.status))
      out.push({
        reason: 'prerequisite',
        message:
          `required phase ${nn(r.phase)} ${r.title} is not closed (it is ${label(r.status)}; close it with \`lynx ` +
          `report ${nn(r.phase)}\`)`,
      });
  }
  if (f.dirty.length > 0) {
    const shown = f.dirty.slice(0, 8).join(', ');
    out.push({
      reason: 'dirty',
      message:
        `the working tree has ${f.dirty.length} uncommitted path(s): ${shown}${f.dirty.length > 8 ? ', …' : ''} ` +
        `(commit or stash them)`,
    });
  }
  if (!f.force) {
    for (const o of f.open)
      out.push({
        reason: 'open-phase',
        message: `phase ${nn(o.phase)} ${o.title} is ${label(o.status)} (finish it first, or pass --force)`,
      });
  }
  return out;
}

/** Paths phase-start itself writes for this phase: they never block a re-run. */
export function ownPaths(phase: number, learner: string): (p: string) => boolean {
  const plan = `PHASE_${nn(phase)}_PLAN.md`;
  const dir = `learners/${learner}/phase-${nn(phase)}/`;
  return (p) => p === plan || p.startsWith(dir);
}
