/**
 * Typed errors carry their exit code (DESIGN §3); only the entry point prints them
 * and sets process.exitCode. 0 done · 1 gate failed · 2 bad usage/input · 3 internal/environment ·
 * 130 interrupted (Ctrl-C) or the learner left an interactive command · 143 terminated (SIGTERM).
 */
export type ExitCode = 0 | 1 | 2 | 3 | 130 | 143;

export class LynxError extends Error {
  readonly exitCode: ExitCode;
  /** Extra lines shown under the message (capped by the renderer). */
  readonly details: readonly string[];
  /** What the user can do next. */
  readonly hint: string | undefined;
  constructor(
    message: string,
    exitCode: ExitCode,
    opts: { details?: readonly string[]; hint?: string; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = new.target.name;
    this.exitCode = exitCode;
    this.details = opts.details ?? [];
    this.hint = opts.hint;
  }
}

/** Bad usage: unknown phase, bad learner name, not a workspace, refused operation. Exit 2. */
export class UsageError extends LynxError {
  constructor(message: string, opts: { details?: readonly string[]; hint?: string; cause?: unknown } = {}) {
    super(message, 2, opts);
  }
}

/** A position in an input file, 1-based. */
export interface SourcePos {
  file: string;
  line?: number;
  col?: number;
}

/** Bad input: invalid YAML/JSON, schema violation. Exit 2. Each detail names file:line:col. */
export class InputError extends LynxError {
  readonly pos: SourcePos | undefined;
  constructor(
    message: string,
    opts: { pos?: SourcePos; details?: readonly string[]; hint?: string; cause?: unknown } = {},
  ) {
    super(message, 2, opts);
    this.pos = opts.pos;
  }
}

/** The learner's work is not there yet: failing checks, quiz below threshold. Exit 1. */
export class GateFailed extends LynxError {
  constructor(message: string, opts: { details?: readonly string[]; hint?: string } = {}) {
    super(message, 1, opts);
  }
}

/** Environment or internal failure: git missing, state unwritable. Exit 3. */
export class EnvError extends LynxError {
  constructor(message: string, opts: { details?: readonly string[]; hint?: string; cause?: unknown } = {}) {
    super(message, 3, opts);
  }
}

/**
 * The workspace lock is held by another live lynx process. A usage error to the user (exit 2: wait
 * and run again), and a named one to code that may wait for it (a finished lab run must be recorded).
 */
export class LockedError extends UsageError {}

/** The learner left an interactive command, or Ctrl-C stopped a run. Exit 130 (143 for SIGTERM). */
export class Interrupted extends LynxError {
  constructor(message: string, opts: { signal?: 'SIGINT' | 'SIGTERM'; hint?: string } = {}) {
    super(message, opts.signal === 'SIGTERM' ? 143 : 130, opts);
  }
}

export function formatPos(pos: SourcePos): string {
  return pos.line === undefined ? pos.file : `${pos.file}:${pos.line}:${pos.col ?? 1}`;
}
