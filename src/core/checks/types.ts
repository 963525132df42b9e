/**
 * The checks engine's contract. Kinds are pure functions of (check, context); the context is the
 * port through which they see the workspace (files, git, processes, recorded state). src/io
 * implements it; tests can too.
 */
import type { Check, Phase, Checkpoint, QuizBank } from '../../schemas/generated/types.js';
import type { AttemptRecord } from '../attempts.js';
import type { GradeRecord } from '../grades.js';
import type { CodeOutcome } from '../quiz/grade.js';
import type { Substitution } from '../runner.js';

// The result of one check is the GateResult schema's checkResult (src/schemas: the single source).
export type { CheckResult } from '../../schemas/generated/types.js';
import type { CheckResult } from '../../schemas/generated/types.js';
export type Status = CheckResult['status'];

export type Outcome = Omit<CheckResult, 'id' | 'kind' | 'title' | 'duration_ms'>;

export interface FileInfo {
  exists: boolean;
  isFile: boolean;
  size: number;
}

export interface CommandSpec {
  just?: string;
  args?: string[];
  argv?: string[];
  env?: Record<string, string | undefined>;
  timeout?: number;
  expect_exit?: number;
  label: string;
}
export interface CommandOutcome {
  exitCode: number | null;
  timedOut: boolean;
  interrupted: boolean;
  durationMs: number;
  output: string;
  logFile?: string;
  error?: string;
  /** a runner from lynx.yaml ran in place of the command (src/core/runner.ts) */
  substitution?: Substitution;
}

/**
 * Live progress of each command check (the view in src/ui/check-progress*): `id` tells concurrent
 * commands apart (several run at once under --jobs); the log path is known before the command starts.
 */
export interface CommandProgress {
  start(id: number, label: string, log: string | undefined): void;
  output(id: number, chunk: string): void;
  end(id: number, label: string, r: CommandOutcome): void;
}

/** `notes`: interruptions the reader healed (a torn line skipped, a checkpoint summary behind the log). */
export interface AttemptLog {
  records: AttemptRecord[];
  problems: string[];
  notes?: string[];
}

/**
 * The snapshot's answers to committed and inHistory, without a promise per question: the gate's loop over 5,000
 * manifests awaited seven per manifest, ~20 ms and the garbage they left (issue 20). The same answers as the async
 * calls, which remain for everything else.
 */
export interface GitFacts {
  committed(rel: string): boolean;
  inHistory(sha: string): boolean;
  /** HEAD and the size of its history (a deepened shallow clone has more): what `inHistory` answers from. */
  revision?: string;
}

export interface CheckContext {
  phase: Phase;
  learner: string;
  /** 'static' leaves command checks pending (lynx checkpoint without --run). */
  mode: 'static' | 'full';
  expand(path: string): string;
  fs: {
    info(rel: string): FileInfo;
    read(rel: string): string | undefined;
    /**
     * The file parsed as JSON, undefined when missing; corrupt JSON throws InputError (exit 2). Optional: without it
     * a check parses `read`'s text (the checkpoint's context answers from its doc cache when the file is unchanged).
     */
    json?(rel: string): unknown;
    /** Files matching one pattern or any of several (one directory crawl). */
    glob(pattern: string | string[]): string[];
    /**
     * `lynx checkpoint` only (absent in the gate and report, which judge everything on every run): a check's result
     * remembered for exactly these files, unchanged since, with the git facts it was stored under (io/check-memo.ts).
     */
    memo?: {
      get(name: string, files: readonly string[]): { git: string; value: unknown } | undefined;
      put(name: string, files: readonly string[], git: string, value: unknown): void;
    };
  };
  git: {
    committed(rel: string): Promise<boolean>;
    headSha(): Promise<string | null>;
    /** Does the sha (full or abbreviated) name a commit that is HEAD or an ancestor of it? */
    inHistory(sha: string): Promise<boolean>;
    /** Why a sha is not in history (shallow clone, squash/rebase merge) with the fix; ask only after inHistory said no.
     * [issue 13] */
    whyNotInHistory(sha: string): Promise<string>;
    dirty(): Promise<string[]>;
    firstCommit(rel: string): Promise<{ sha: string; time: number } | undefined>;
    isAncestor(a: string, b: string): Promise<boolean>;
    /** Every tracked path (from the same snapshot: no second git run). */
    tracked(): Promise<Iterable<string>>;
    /** committed and inHistory as plain calls, once the snapshot is taken (see GitFacts). */
    facts(): Promise<GitFacts>;
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
    /** A teacher's grades that count (grades.jsonl; the gate drops those its policy does not admit) and the log's
     * problems. */
    grades?: { records: GradeRecord[]; problems: string[] };
    /** Quiz banks by their sha256: the current one and, for a workspace bank, every committed version (re-grading). */
    banks?: ReadonlyMap<string, QuizBank>;
    /** The plan's text as approved (the committed version whose sha256 the checkpoint records), when it changed since.
     * */
    approvedPlan?: string;
    /** Code items of the latest attempt re-run now (item id → the run's outcome), in full mode. */
    codeRuns?: ReadonlyMap<string, CodeOutcome>;
  };
  /** The DoD item being evaluated (attestations and waivers are keyed by it). */
  itemId?: string;
}

export type KindImpl<K extends Check['kind'] = Check['kind']> = (
  check: Extract<Check, { kind: K }>,
  ctx: CheckContext,
  engine: Engine,
) => Promise<Outcome>;

export const pass = (message: string, extra: Partial<Outcome> = {}): Outcome => ({ status: 'pass', message, ...extra });
export const fail = (message: string, extra: Partial<Outcome> = {}): Outcome => ({ status: 'fail', message, ...extra });

export type Kind = Check['kind'];
export type CheckOf<K extends Kind> = Extract<Check, { kind: K }>;
export type Expand = (path: string) => string;
/** A path a check names, and the JSON pointer (relative to the check) where it sits. */
export type PathRef = [path: string, pointer: string];
/** A data rule broken by a check: the pointer relative to the check, and what is wrong. */
export type DataProblem = [pointer: string, message: string];

/** Words for the plan's §6: how the item will be judged. */
export interface PhraseArgs {
  expand: Expand;
  nn: string;
  item: string;
}

/**
 * The synthetic workspace a fixture generator writes into (src/core/checks/world.ts): files, what is
 * committed and in which order, stand-in commands and recorded state.
 */
export interface FixtureWorld {
  phase: Phase;
  expand: Expand;
  /** Write (or add to) a file; `commit` false leaves it untracked. */
  write(path: string, text: string, opts?: { append?: boolean; commit?: boolean }): void;
  read(path: string): string | undefined;
  remove(path: string): void;
  /** A path that matches a glob (the generator's witness for patterns). */
  witness(pattern: string, n?: number): string;
  commitOrder(path: string): void;
  standIn(label: string, exit: number): void;
  dirty(path: string): void;
  has(need: string): void;
  state: { checkpoint: Checkpoint; attempts: AttemptRecord[]; bankSha256: string | undefined };
  itemId: string;
}

/** The engine seen from inside a kind: composite kinds recurse through it. */
export interface Engine {
  evaluate(check: Check, ctx: CheckContext, id: string): Promise<CheckResult>;
  title(check: Check, x: Expand): string;
  phrase(check: Check, p: PhraseArgs): string;
  paths(check: Check): PathRef[];
  validate(check: Check): DataProblem[];
  fixture(check: Check, w: FixtureWorld, want: 'pass' | 'fail'): void;
}

/** Everything about one check kind, in one place (src/core/checks/kinds/<kind>.ts). */
export interface KindDef<K extends Kind> {
  /** Short label for results when the item has no title (was registry describe()). */
  title(c: CheckOf<K>, x: Expand, engine: Engine): string;
  /** Sentence for the plan's §6 (was dod-text describeCheck()). */
  phrase(c: CheckOf<K>, p: PhraseArgs, engine: Engine): string;
  /** Workspace paths the check names (all must stay inside the workspace). */
  paths(c: CheckOf<K>, engine: Engine): PathRef[];
  /** Kind-specific data rules a schema cannot say. */
  validate(c: CheckOf<K>, engine: Engine): DataProblem[];
  evaluate(c: CheckOf<K>, ctx: CheckContext, engine: Engine): Promise<Outcome>;
  /** Make `w` a workspace where this check passes (or fails): the self-test's generator. */
  fixture(c: CheckOf<K>, w: FixtureWorld, want: 'pass' | 'fail', engine: Engine): void;
}
