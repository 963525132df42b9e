/** What each `lynx break` step returns: one result model, rendered as text (src/ui/break-view) or --json. */
import type { DiagnosisVerdict } from './diagnosis.js';
import type { FileState } from './journal.js';
import type { BreakState } from './model.js';
import type { Written } from './predictions.js';

/** One observe command (or the tests) as run, skipped, or left to the learner. */
export interface StepResult {
  text: string;
  action: 'run' | 'skip' | 'manual';
  /** Runs the workspace's test recipe in place of observe commands that cannot run here. */
  fallback?: boolean;
  reason?: string;
  argv?: string[];
  exit_code?: number | null;
  expect_exit?: number;
  /** exit_code == expect_exit (when the page says what the command should return). */
  as_expected?: boolean;
  duration_ms?: number;
  timed_out?: boolean;
  interrupted?: boolean;
  tail?: string;
  log?: string;
  error?: string;
}

export interface PredictionsCheck {
  path: string;
  format: 'markdown' | 'yaml-entry';
  exists: boolean;
  written: Written;
  committed: boolean;
  /** The last commit that touched the predictions (the evidence start records). */
  commit?: { sha: string; at: string };
}

export interface ShowResult {
  step: 'show';
  phase: number;
  id: string;
  title: string;
  concept: string;
  kind: 'edit' | 'diagnostic';
  hypothesis?: string;
  targets: { path: string; description?: string; edit?: { find: string; replace: string } }[];
  manual_steps?: string[];
  observe: string[];
  hints_total: number;
  predictions: PredictionsCheck & { created: boolean };
  state?: BreakState;
  journal?: { rel: string; stage: string; mode: string; files: { path: string; state: FileState }[] };
  next: string;
}

/** Where lynx found the learner's equivalent of a target, when it is not exactly the listed file. */
export interface LocatedTarget {
  path: string;
  listed: string;
  where: 'listed' | 'alternative' | 'elsewhere';
  how: 'exact' | 'tolerant';
  lines: number[];
  diff: string;
}

export interface StartResult {
  step: 'start';
  phase: number;
  id: string;
  title: string;
  /** guided: nothing to journal yet — the learner makes the edit, then `lynx break NN confirm`. */
  mode: 'edit' | 'manual' | 'guided';
  /** Targets applied somewhere other than exactly at the listed path (each confirmed first). */
  located?: LocatedTarget[];
  why?: string;
  /** Absent for a guided start: nothing is journaled until `confirm`. */
  journal?: string;
  head: string | null;
  predictions: { path: string; commit: string; committed_at: string };
  files: { path: string; original_sha256: string; mutant_sha256?: string; matches?: { line: number; how: string }[] }[];
  absent: string[];
  instructions: string[];
  observations: StepResult[];
  next: string;
}

export interface ObserveResult {
  step: 'observe';
  phase: number;
  id: string;
  mode: 'edit' | 'manual';
  files: { path: string; state: FileState; recorded: boolean }[];
  observations: StepResult[];
  next: string;
}

export interface ConfirmResult {
  step: 'confirm';
  phase: number;
  id: string;
  journal: string;
  files: { path: string; original_sha256: string; mutant_sha256: string }[];
  observations: StepResult[];
  /** seen: a step failed (or exited as the page expects) · not-seen: every step passed · unknown: nothing ran. */
  symptom: 'seen' | 'not-seen' | 'unknown';
  next: string;
}

export interface HintResult {
  step: 'hint';
  phase: number;
  id: string;
  level: number;
  total: number;
  hint: string;
  hints_used: number;
  exhausted: boolean;
  next: string;
}

export interface DiagnoseResult {
  step: 'diagnose';
  phase: number;
  id: string;
  diagnosis: string;
  verdict: DiagnosisVerdict;
  hints_used: number;
  /** This try (1-based) of max_attempts; done = named the cause or the last try. */
  attempt: number;
  max_attempts: number;
  done: boolean;
  /** After a miss with tries left: the next hint (counted as used). */
  offered_hint?: { level: number; total: number; hint: string };
  /** Only once done: the answer. */
  hidden_cause?: string;
  fix?: string;
  symptom?: string;
  teaching_note?: string;
  next: string;
}

export interface RevealResult {
  step: 'reveal';
  phase: number;
  id: string;
  attempts: { text: string; names_cause: boolean }[];
  named: boolean;
  hidden_cause: string;
  fix?: string;
  symptom?: string;
  teaching_note?: string;
  next: string;
}

export interface FileRestore {
  path: string;
  found: FileState;
  action: 'restored' | 'already-original' | 'refused';
  saved?: string;
  diff_vs_mutant?: string;
  diff_vs_original?: string;
}

export interface RestoreOutcome {
  ok: boolean;
  files: FileRestore[];
  closed?: string;
  state?: 'restored' | 'predicted';
  forced: boolean;
  removed_tmp: string[];
}

export interface RestoreResult extends RestoreOutcome {
  step: 'restore';
  phase: number;
  id: string;
  journal: string;
  tests: StepResult[];
  next: string;
}

export interface ActiveBreak {
  journal: string;
  phase: number;
  id: string;
  learner: string;
  mode: 'edit' | 'manual';
  stage: string;
  started_at: string;
  head: string | null;
  files: { path: string; state: FileState }[];
  restore: string;
}

export interface StatusResult {
  step: 'status';
  active: ActiveBreak[];
  /** What this run finished or cleaned up after an interrupted start or restore. */
  recovered: string[];
  /** Journals that cannot be read (reported, never touched). */
  unreadable: string[];
  notes: string[];
  phase?: { phase: number; state?: BreakState };
}

export type BreakResult =
  | ShowResult
  | StartResult
  | ConfirmResult
  | RevealResult
  | ObserveResult
  | HintResult
  | DiagnoseResult
  | RestoreResult
  | StatusResult;
