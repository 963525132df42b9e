/**
 * Typed errors carry their exit code (DESIGN §3); only the entry point prints them
 * and sets process.exitCode. 0 done · 1 gate failed · 2 bad usage/input · 3 internal/environment.
 */
export type ExitCode = 0 | 1 | 2 | 3;

/**
 * The same error class can exist twice in one process (the split bundle and a command's standalone
 * bundle, see scripts/build.ts), so `instanceof` is decided by a brand every instance carries: the
 * names of its classes, under a registry-wide symbol.
 */
const BRAND = Symbol.for('lynx.error.kinds');

export class LynxError extends Error {
  static override [Symbol.hasInstance](x: unknown): boolean {
    const kinds = (x as Record<symbol, unknown> | null)?.[BRAND];
    return typeof x === 'object' && x !== null && Array.isArray(kinds) && kinds.includes(this.name);
  }

  readonly [BRAND]: string[];
  readonly exitCode: ExitCode;
  /** Extra lines shown under the message (capped by the renderer). */
  readonly details: readonly string[];
  /** What the user can do next. */
  readonly hint: string | undefined;
  constructor(message: string, exitCode: ExitCode, opts: { details?: readonly string[]; hint?: string; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = new.target.name;
    const kinds: string[] = [];
    for (let c: unknown = new.target; typeof c === 'function' && c !== Error; c = Object.getPrototypeOf(c)) kinds.push((c as { name: string }).name);
    this[BRAND] = kinds;
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
export interface SourcePos { file: string; line?: number; col?: number }

/** Bad input: invalid YAML/JSON, schema violation. Exit 2. Each detail names file:line:col. */
export class InputError extends LynxError {
  readonly pos: SourcePos | undefined;
  constructor(message: string, opts: { pos?: SourcePos; details?: readonly string[]; hint?: string; cause?: unknown } = {}) {
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

export function formatPos(pos: SourcePos): string {
  return pos.line === undefined ? pos.file : `${pos.file}:${pos.line}:${pos.col ?? 1}`;
}

/** The workspace lock is held by another live lynx process. Exit 2 (a UsageError: the user waits and retries). */
export class LockedError extends UsageError {}
