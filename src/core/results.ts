/** The results of the smaller use cases (journal, derive, init, report, attest/waive, demo). */
import type { GateResult } from '../schemas/generated/types.js';
import type { FileAction } from './phase-results.js';

export interface JournalResult {
  schema_version: 1;
  learner: string;
  path: string;
  day: string;
  time: string;
  created: boolean;
  entry: string;
  decision: boolean;
}

export interface DeriveResult {
  schema_version: 1;
  phase: number;
  topic: string;
  path: string;
}

export interface InitResult {
  root: string;
  learner: string;
  actions: FileAction[];
}

/** `healed`: interruptions of an earlier run this one recognised and finished (an orphaned report). */
export interface ReportOutcome {
  gate: GateResult;
  written: string[];
  healed?: string[];
}

export interface DemoStep {
  title: string;
  command: string;
  ok: boolean;
  output: string;
}

/** `try_next`: shell lines to paste, in order (the first is `cd DIR`), spelled so this machine's shell finds each
 * program. */
export interface DemoResult {
  schema_version: 1;
  dir: string;
  ok: boolean;
  steps: DemoStep[];
  try_next?: string[];
}

/** A recorded attestation or waiver (the reason only on a waiver). */
export interface Recorded {
  phase: number;
  item: string;
  at: string;
  by: string;
  reason?: string;
  signed_by?: string;
}
export type AttestResult = { attested: Recorded };
// a waiver always carries its reason (attest.schema.json requires it)
export type WaiveResult = { waived: Recorded & { reason: string } };

export interface DemoEnv {
  /** The demo workspace (a real git repository). */
  dir: string;
  learner: string;
}

export interface DemoStepDef {
  title: string;
  /** What a person would type. */
  command: string;
  run: (env: DemoEnv) => Promise<{ ok: boolean; output: string }>;
}

/** `lynx journal` without TEXT: the day's file edited in $EDITOR. */
export interface JournalEdit {
  path: string;
  added: boolean;
  backup?: string;
}

/** What the GitHub reporter produces: workflow command lines and the job summary (markdown). */
export interface GithubOutput {
  commands: string[];
  summary: string;
}

/** `lynx lab NN ID --peeked`: the honesty flag recorded for one lab. */
export interface PeekedResult {
  phase: number;
  lab: string;
  learner: string;
  checkpoint: string;
}

/** `lynx report NN --draft`: the report sections the DoD reads, scaffolded before closing. */
export interface DraftResult {
  phase: number;
  file: string;
  items: number;
  added: string[];
}
