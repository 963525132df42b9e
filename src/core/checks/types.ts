/**
 * The checks engine's contract. Kinds are pure functions of (check, context); the context is the
 * port through which they see the workspace (files, git, processes, recorded state). src/io
 * implements it; tests can too.
 */
import type { Check, Phase, Checkpoint, QuizBank } from '../../schemas/generated/types.js';
import type { AttemptRecord } from '../attempts.js';

// The result of one check is the GateResult schema's checkResult (src/schemas: the single source).
export type { CheckResult } from '../../schemas/generated/types.js';
import type { CheckResult } from '../../schemas/generated/types.js';
export type Status = CheckResult['status'];

export type Outcome = Omit<CheckResult, 'id' | 'kind' | 'title' | 'duration_ms'>;

export interface FileInfo { exists: boolean; isFile: boolean; size: number }

export interface CommandSpec { just?: string; args?: string[]; argv?: string[]; env?: Record<string, string | undefined>; timeout?: number; expect_exit?: number; label: string }
export interface CommandOutcome { exitCode: number | null; timedOut: boolean; interrupted: boolean; durationMs: number; output: string; logFile?: string; error?: string }

export interface AttemptLog { records: AttemptRecord[]; problems: string[] }

export interface CheckContext {
  phase: Phase;
  learner: string;
  /** 'static' leaves command checks pending (lynx checkpoint without --run). */
  mode: 'static' | 'full';
  expand(path: string): string;
  fs: {
    info(rel: string): FileInfo;
    read(rel: string): string | undefined;
    /** Files matching one pattern or any of several (one directory crawl). */
    glob(pattern: string | string[]): string[];
  };
  git: {
    committed(rel: string): Promise<boolean>;
    headSha(): Promise<string | null>;
    /** Does the sha (full or abbreviated) name a commit that is HEAD or an ancestor of it? */
    inHistory(sha: string): Promise<boolean>;
    /** Why a sha is not in history (shallow clone, squash/rebase merge) with the fix; ask only after inHistory said no. [issue 13] */
    whyNotInHistory(sha: string): Promise<string>;
    dirty(): Promise<string[]>;
    firstCommit(rel: string): Promise<{ sha: string; time: number } | undefined>;
    isAncestor(a: string, b: string): Promise<boolean>;
    /** Every tracked path (from the same snapshot: no second git run). */
    tracked(): Iterable<string>;
  };
  run(spec: CommandSpec): Promise<CommandOutcome>;
  /** What this machine has (gpu, cuda, docker, network, cloud, perf). */
  has(need: string): boolean;
  state: {
    checkpoint: Checkpoint | undefined;
    attempts: AttemptLog;
    bank: QuizBank | undefined;
    bankSha256: string | undefined;
    /** Open break journals for this phase (.lynx/breaks), as workspace-relative paths. */
    breakJournals: string[];
  };
  /** The DoD item being evaluated (attestations and waivers are keyed by it). */
  itemId?: string;
}

export type KindImpl<K extends Check['kind'] = Check['kind']> = (check: Extract<Check, { kind: K }>, ctx: CheckContext) => Promise<Outcome>;

export const pass = (message: string, extra: Partial<Outcome> = {}): Outcome => ({ status: 'pass', message, ...extra });
export const fail = (message: string, extra: Partial<Outcome> = {}): Outcome => ({ status: 'fail', message, ...extra });
