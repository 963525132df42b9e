/** What `lynx lab` and `lynx lab --run` return: the typed results the use cases build and the reporters render. */
import type { Checkpoint } from '../schemas/generated/types.js';
import type { LabRun, LabState, LabSummary } from './lab.js';

export interface LabInfo {
  id: string;
  title: string;
  page: string;
  estimate?: string;
  estimated_minutes?: number;
  state: LabState;
  commands_run: number;
  commands: number;
  duration_ms: number;
  checklist: { path: string; source: 'docs' | 'learner'; exists: boolean; ticked: number; total: number };
}

export interface LabDetail extends LabInfo {
  prereq?: string;
  goal?: string;
  items: { text: string; checked: boolean; block?: string }[];
  deliverables: { path: string; exists: boolean }[];
  steps: { n: number; text: string; page?: string; runnable: boolean; needs?: string[]; expect_exit?: number }[];
  stop_conditions: string[];
  runs: LabRun[];
}

export interface LabReport {
  schema_version: 1;
  phase: number;
  title: string;
  learner: string;
  status: Checkpoint['status'];
  labs: LabInfo[];
  lab?: LabDetail;
}

export interface LabRunResult {
  schema_version: 1;
  phase: number;
  lab: string;
  title: string;
  learner: string;
  /** skipped: every selected command needs what this machine lacks, so nothing ran */
  outcome: LabRun['outcome'] | 'skipped';
  runs: LabRun[];
  skipped: { command: string; reason: string }[];
  not_run: string[];
  summary: LabSummary;
}

/** What a lab run reports while it runs (the live view and the plain stream both consume it). */
export type RunEvent =
  | { type: 'start'; index: number; at: number }
  | { type: 'output'; chunk: string }
  | {
      type: 'end';
      index: number;
      outcome: LabRun['outcome'];
      durationMs: number;
      exitCode: number | null;
      log?: string | undefined;
      note?: string | undefined;
    }
  | { type: 'skip'; index: number; note: string };
