/** What `lynx phase-start` and `--approve` return. */
import type { Checkpoint } from '../schemas/generated/types.js';
import type { PlanState } from './plan.js';

/** One file a command ensured: made, updated, left as it was, or kept because the learner edited it. */
export interface FileAction {
  path: string;
  action: 'created' | 'unchanged' | 'kept' | 'updated';
}

export interface PhaseStartResult {
  schema_version: 1;
  phase: number;
  title: string;
  learner: string;
  status: Checkpoint['status'];
  /** opened now, or it was already open (planned / in progress) */
  opened: boolean;
  plan: { path: string; action: FileAction['action'] | 'rewritten'; backup?: string; state?: PlanState['state'] };
  files: FileAction[];
  forced: string[];
  docs: string;
  read_order: { path: string; note?: string }[];
  /** tools the phase's labs and DoD run that this machine lacks (a warning: the phase opens anyway) */
  missing_tools?: { tools: { name: string; kind: string; impossible: string }[]; see: string };
}

export interface ApproveResult {
  schema_version: 1;
  phase: number;
  title: string;
  learner: string;
  status: 'in_progress';
  /** approved now, or it had been approved before */
  approved_now: boolean;
  approved_at: string;
  plan: { path: string; sha256: string; state: PlanState['state']; revisions?: number };
  open_questions: string[];
}
