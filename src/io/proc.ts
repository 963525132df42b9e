/**
 * The one adapter for child processes (execa). argv arrays only — never a shell line built from
 * user text — an explicit cwd, a timeout on every run, and the whole process tree killed on
 * timeout or Ctrl-C: the child leads its own process group and we signal the group.
 *
 * A group of its own also means a SIGKILL of lynx (which no handler sees) would leave the recipe
 * running. So the child starts through a tiny `sh` watchdog that stays in the group: it polls lynx's
 * pid and kills the whole group once lynx is gone, however lynx died. SIGHUP (the terminal closed)
 * is handled like SIGTERM, and after every run lynx kills the group (grandchildren and watchdog).
 */
import { accessSync, constants, createWriteStream, mkdirSync, statSync, type WriteStream } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { EnvError } from '../core/errors.js';

export interface RunOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  timeoutMs: number;
  /** Live output (stdout and stderr interleaved). */
  onOutput?: (chunk: string) => void;
  /** Bytes of output kept in memory (the tail); the full output goes to logFile. */
  capBytes?: number;
  logFile?: string;
  /** Grace between SIGTERM and SIGKILL. */
  killGraceMs?: number;
  /** Text written to the child's stdin (default: no stdin). */
  input?: string;
}

export interface RunResult {
  argv: string[];
  exitCode: number | null;
  signal: string | undefined;
  timedOut: boolean;
  interrupted: boolean;
  durationMs: number;
  output: string;
  truncated: boolean;
  logFile: string | undefined;
  pid: number | undefined;
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

/** `file` as the OS would find it on PATH (the watchdog's exec would only say "not found" in the output). */
function onPath(file: string, cwd: string, path: string | undefined): boolean {
  const exe = (p: string): boolean => {
    try {
      accessSync(p, constants.X_OK);
      return statSync(p).isFile();
    } catch {
      return false;
    }
  };
  if (file.includes('/')) return exe(file.startsWith('/') ? file : join(cwd, file));
  return (path ?? '').split(delimiter).some((d) => d !== '' && exe(join(d, file)));
}

/**
 * The watchdog: `sh -c WATCHDOG sh <lynx pid> <file> <args…>`. The poller runs in the background with
 * no stdio (so it never holds the output pipe open), then the shell execs the real command, which
 * keeps the shell's pid: it is still the group leader and its exit status is the command's.
 */
const WATCHDOG =
  'p=$1; shift; ( while kill -0 "$p" 2>/dev/null; do sleep 0.3; done; kill -KILL 0 ) </dev/null >/dev/null 2>&1 ' +
  '& exec "$@"';

export async function run(argv: readonly string[], opts: RunOptions): Promise<RunResult> {
  const [file] = argv;
  if (!file) throw new Error('run: empty argv');
  const envPath = opts.env?.PATH ?? process.env.PATH;
  if (!onPath(file, opts.cwd, envPath))
    throw new EnvError(`command not found: ${file}`, { hint: `Install ${file} or put it on PATH.` });
  const { execa } = await import('execa');
  const cap = opts.capBytes ?? 64 * 1024;
  let tail = '';
  let truncated = false;
  let log: WriteStream | undefined;
  if (opts.logFile) {
    mkdirSync(dirname(opts.logFile), { recursive: true });
    log = createWriteStream(opts.logFile);
  }
  const started = performance.now();
  const child = execa('/bin/sh', ['-c', WATCHDOG, 'sh', String(process.pid), ...argv], {
    cwd: opts.cwd,
    env: Object.fromEntries(Object.entries(opts.env ?? {}).filter((e): e is [string, string] => e[1] !== undefined)),
    extendEnv: true,
    detached: true, // own process group, so the whole tree can be signalled
    reject: false,
    ...(opts.input !== undefined ? { input: opts.input } : { stdin: 'ignore' as const }),
    all: true,
    buffer: false,
    stripFinalNewline: false,
    cleanup: true,
  });
  const pid = child.pid;
  let timedOut = false;
  let interrupted = false;
  const stop = (why: 'timeout' | 'interrupt'): void => {
    if (why === 'timeout') timedOut = true;
    else interrupted = true;
    if (pid === undefined) return;
    killGroup(pid, 'SIGTERM');
    setTimeout(() => killGroup(pid, 'SIGKILL'), opts.killGraceMs ?? 2000).unref();
  };
  const timer = setTimeout(() => stop('timeout'), opts.timeoutMs);
  const onSigint = (): void => stop('interrupt');
  const onSigterm = (): void => stop('interrupt');
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  process.on('SIGHUP', onSigterm); // the terminal closed: the same as being asked to stop
  child.all?.setEncoding('utf8');
  child.all?.on('data', (chunk: string) => {
    log?.write(chunk);
    opts.onOutput?.(chunk);
    tail += chunk;
    if (tail.length > cap) {
      tail = tail.slice(tail.length - cap);
      truncated = true;
    }
  });
  try {
    const result = await child;
    if (result.failed && result.exitCode === undefined && !result.signal && !timedOut && !interrupted) {
      const code = (result as { code?: string }).code;
      if (code === 'ENOENT')
        throw new EnvError(`command not found: ${file}`, { hint: `Install ${file} or put it on PATH.` });
      throw new EnvError(`could not run ${file}: ${result.shortMessage}`);
    }
    // The group still holds the watchdog, and maybe grandchildren that outlived the leader: none stays.
    if (pid !== undefined) killGroup(pid, 'SIGKILL');
    return {
      argv: [...argv],
      exitCode: result.exitCode ?? null,
      signal: result.signal ?? undefined,
      timedOut,
      interrupted,
      durationMs: Math.round(performance.now() - started),
      output: tail,
      truncated,
      logFile: opts.logFile,
      pid,
    };
  } finally {
    clearTimeout(timer);
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
    process.off('SIGHUP', onSigterm);
    await new Promise<void>((resolve) => {
      if (log) log.end(resolve);
      else resolve();
    });
  }
}

/** Run and capture stdout only, for version probes (short timeout, no log). */
export async function capture(
  argv: readonly string[],
  cwd: string,
  timeoutMs = 5000,
): Promise<{ ok: boolean; stdout: string; exitCode: number | null }> {
  const [file, ...args] = argv;
  if (!file) throw new Error('capture: empty argv');
  const { execa } = await import('execa');
  const r = await execa(file, args, { cwd, reject: false, timeout: timeoutMs, stdin: 'ignore', all: true });
  return { ok: !r.failed, stdout: String(r.all ?? r.stdout ?? ''), exitCode: r.exitCode ?? null };
}

/**
 * Run an interactive program on the learner's terminal ($EDITOR): inherited stdio, no timeout (a
 * person is using it), argv only. Callers make sure a TTY is there first.
 */
export async function runInteractive(argv: readonly string[], cwd: string): Promise<number | null> {
  const [file, ...args] = argv;
  if (!file) throw new Error('runInteractive: empty argv');
  const { execa } = await import('execa');
  const r = await execa(file, args, { cwd, stdio: 'inherit', reject: false });
  if (r.failed && r.exitCode === undefined && (r as { code?: string }).code === 'ENOENT')
    throw new EnvError(`command not found: ${file}`, { hint: 'Set $EDITOR (or $VISUAL) to an editor on your PATH.' });
  return r.exitCode ?? null;
}
