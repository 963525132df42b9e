/**
 * The one adapter for files lynx writes: temp file + fsync + rename (+ fsync of the directory), so
 * a Ctrl-C or a kill at any moment leaves each file either old or new; appends are one O_APPEND
 * write each, so concurrent writers interleave whole lines. Reading with limits is in fsx-read.ts.
 *
 * Temp files are created O_EXCL | O_NOFOLLOW: a symlink planted at a temp name (a fixed name, for
 * break targets) is never written through, and they live in the workspace's `.lynx/tmp/`, which
 * must be a real directory inside the workspace (see lynxDir): a committed `.lynx` symlink would
 * otherwise put lynx's state, and its temp files, wherever it points.
 */
import {
  closeSync,
  constants,
  fchmodSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { randomHex } from '../core/hash.js';
import { EnvError, InputError, UsageError } from '../core/errors.js';
import { checkLynxDir, readRegular } from './fsx-read.js';

export { checkLynxDir, readInside, readRegular, readRegularText, realInside, CAPS } from './fsx-read.js';

const { O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW, O_APPEND, O_NONBLOCK } = constants;

/** Crash-test hook: LYNX_TEST_KILL_AT=<point> SIGKILLs this process there (no cleanup runs). */
export function killPoint(point: string | undefined): void {
  if (point !== undefined && process.env.LYNX_TEST_KILL_AT === point) process.kill(process.pid, 'SIGKILL');
}

/** `<root>/.lynx`, created if missing; refused unless a real directory inside the workspace. */
export function lynxDir(root: string): string {
  const dir = join(root, '.lynx');
  try {
    lstatSync(dir);
  } catch {
    mkdirSync(dir, { recursive: true });
  }
  checkLynxDir(root);
  return dir;
}

function realTmpDir(root: string): string {
  const tmp = join(lynxDir(root), 'tmp');
  try {
    mkdirSync(tmp);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  if (!lstatSync(tmp).isDirectory()) throw new UsageError(`${tmp} is not a directory: remove it`);
  return tmp;
}

/** The workspace root above `file` (the nearest directory with lynx.yaml or .lynx/), if any. */
function workspaceOf(file: string): string | undefined {
  let dir = dirname(resolve(file));
  for (let i = 0; i < 16; i++) {
    for (const n of ['.lynx', 'lynx.yaml']) {
      try {
        lstatSync(join(dir, n));
        return dir;
      } catch {
        /* go up */
      }
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

/** The parent directory of a file lynx writes must really be inside its workspace (no symlinked dir out). */
function assertParentInside(root: string, file: string): void {
  const realRoot = realpathSync(root);
  const realParent = realpathSync(dirname(resolve(file)));
  const rel = relative(realRoot, realParent);
  if (rel.startsWith(`..${sep}`) || rel === '..' || resolve(realRoot, rel) !== realParent) {
    throw new UsageError(
      `${relative(root, file)}: its directory resolves to ${realParent}, outside the workspace — lynx does not ` +
        `write through symlinks out of it`,
    );
  }
}

export interface WriteOptions {
  /** Create only: returns false (and writes nothing) when the file already exists (link(2)). */
  exclusive?: boolean;
  /** Permission bits, set with fchmod so the umask cannot change them (default 0o644). */
  mode?: number;
  /**
   * Where the temp file goes: 'lynx' (default) = the workspace's .lynx/tmp (same filesystem, so the
   * rename is atomic, and a kill leaves nothing in the learner's tree); 'beside' = next to the target
   * (files outside lynx's care, e.g. a CI artefact); or an explicit path (break targets use a fixed
   * name per target, so recovery knows which stray file is its own).
   */
  tmp?: 'lynx' | 'beside' | { path: string };
  /** Crash-test point fired after the temp file is written, before the rename. */
  point?: string;
}

function tmpPathFor(file: string, opts: WriteOptions): string {
  const unique = `${basename(file)}.${process.pid}.${randomHex(4)}.tmp`;
  if (opts.tmp === 'beside') return join(dirname(resolve(file)), `.${unique}`);
  if (typeof opts.tmp === 'object') return opts.tmp.path;
  const root = workspaceOf(file);
  return root === undefined ? join(dirname(resolve(file)), `.${unique}`) : join(realTmpDir(root), unique);
}

/** fsync the directory holding `file` (after a rename in it). */
export const fsyncDirOf = (file: string): void => fsyncDir(dirname(file));

function fsyncDir(dir: string): void {
  try {
    const d = openSync(dir, 'r');
    try {
      fsyncSync(d);
    } finally {
      closeSync(d);
    }
  } catch {
    /* not supported on every fs */
  }
}

function createTmp(tmp: string, content: string | Buffer, mode: number): void {
  // a fixed-name temp left by a kill (or a planted symlink) is removed, never followed
  rmSync(tmp, { force: true });
  const fd = openSync(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode);
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content) : content);
    fchmodSync(fd, mode);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** `file` as the learner knows it: relative to its workspace. */
const shown = (file: string): string => {
  const root = workspaceOf(file);
  return root === undefined ? file : relative(root, resolve(file));
};

/** A directory where lynx would write a file is the learner's input, not lynx's failure: exit 2, not EISDIR. */
function refuseDirectory(file: string): void {
  let st;
  try {
    st = lstatSync(file);
  } catch {
    return;
  }
  if (st.isDirectory())
    throw new InputError(`${shown(file)}: a directory, expected a regular file — lynx writes a file there`, {
      pos: { file },
    });
}

/**
 * Write a file whole. Returns false only for `exclusive` when the file already existed. Synchronous:
 * callers under the workspace lock need no interleaving, and the async wrapper below says so.
 */
export function writeFileAtomicSync(file: string, content: string | Buffer, opts: WriteOptions = {}): boolean {
  const mode = opts.mode ?? 0o644;
  let tmp: string | undefined;
  refuseDirectory(file);
  try {
    mkdirSync(dirname(file), { recursive: true });
    const root = opts.tmp === 'beside' ? undefined : workspaceOf(file);
    if (root !== undefined) {
      assertParentInside(root, file);
      realTmpDir(root);
    }
    tmp = tmpPathFor(file, opts);
    mkdirSync(dirname(tmp), { recursive: true });
    createTmp(tmp, content, mode);
    killPoint(opts.point === undefined ? undefined : `${opts.point}:tmp-written`);
    if (opts.exclusive) {
      try {
        linkSync(tmp, file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw e;
      } finally {
        rmSync(tmp, { force: true });
      }
    } else {
      try {
        renameSync(tmp, file);
      } catch (e) {
        // .lynx/ on another filesystem than the target: fall back to a temp beside it
        if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
        rmSync(tmp, { force: true });
        tmp =
          typeof opts.tmp === 'object'
            ? join(dirname(resolve(file)), `.${basename(file)}.lynx-break.tmp`)
            : join(dirname(resolve(file)), `.${basename(file)}.${process.pid}.lynx.tmp`);
        createTmp(tmp, content, mode);
        renameSync(tmp, file);
      }
    }
    fsyncDir(dirname(file)); // the rename itself must reach the disk too
    return true;
  } catch (err) {
    if (tmp !== undefined) rmSync(tmp, { force: true });
    if (err instanceof UsageError) throw err;
    throw new EnvError(`cannot write ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { cause: err });
  }
}

/**
 * The same write for async callers. It is synchronous inside, and says so: the Promise only carries
 * the result (callers hold the workspace lock, so nothing else writes meanwhile).
 * `{ tmpBeside: true }` is the older spelling of `{ tmp: 'beside' }`.
 */
export function writeAtomic(
  file: string,
  content: string | Buffer,
  opts: WriteOptions & { tmpBeside?: boolean } = {},
): Promise<void> {
  const { tmpBeside, ...rest } = opts;
  try {
    writeFileAtomicSync(file, content, tmpBeside === true ? { ...rest, tmp: 'beside' } : rest);
    return Promise.resolve();
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
}

export async function writeJsonAtomic(file: string, data: unknown): Promise<void> {
  await writeAtomic(file, `${JSON.stringify(data, null, 2)}\n`);
}

export interface AppendOptions {
  /** The file's current bytes end in a torn line (a crash mid-append): close it with a newline in the same write. */
  afterTorn?: boolean;
  /** Created whole with this text (e.g. a heading) if missing, by link(2): concurrent creators lose nothing. */
  header?: string;
  /** Where the header's temp file goes (default: the workspace's .lynx/tmp). */
  tmpDir?: string;
}

/**
 * Append text (one or more whole lines) in one O_APPEND write, then fsync. Appends of one small
 * write are atomic with respect to other appenders on a local filesystem. Returns whether the file
 * was created by this call (with `header`).
 */
export function appendText(file: string, text: string, opts: AppendOptions = {}): boolean {
  // only onto a regular file: a FIFO would block the open, a symlink would be written through
  let st;
  try {
    st = lstatSync(file);
  } catch {
    /* created below */
  }
  if (st !== undefined && !st.isFile()) {
    throw new InputError(
      `${shown(file)}: ` +
        `${st.isSymbolicLink() ? 'a symlink' : st.isDirectory() ? 'a directory' : st.isFIFO() ? 'a FIFO' : 'not a regular file'}` +
        `, expected a regular file — lynx appends to it`,
      { pos: { file } },
    );
  }
  try {
    mkdirSync(dirname(file), { recursive: true });
    const root = workspaceOf(file);
    if (root !== undefined) assertParentInside(root, file);
    const tmp =
      opts.tmpDir === undefined
        ? {}
        : {
            tmp: { path: join(opts.tmpDir, `${basename(file)}.${process.pid}.${randomHex(4)}.tmp`) },
          };
    const created =
      opts.header === undefined ? false : writeFileAtomicSync(file, opts.header, { exclusive: true, ...tmp });
    if (text === '') return created;
    const fd = openSync(file, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_NONBLOCK, 0o644);
    try {
      writeSync(fd, `${opts.afterTorn ? '\n' : ''}${text}`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return created;
  } catch (err) {
    if (err instanceof UsageError || err instanceof EnvError || err instanceof InputError) throw err;
    throw new EnvError(`cannot append to ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, {
      cause: err,
    });
  }
}

/** Append one line (no newline inside it). */
export function appendLine(file: string, line: string, opts: { afterTorn?: boolean } = {}): void {
  if (line.includes('\n')) throw new Error('appendLine: a line must not contain a newline');
  appendText(file, `${line}\n`, opts);
}

/** Read helper for writers that must see what is there (a regular file, capped), or undefined when missing. */
export function readIfRegular(file: string, display: string, cap: number): Buffer | undefined {
  return readRegular(file, { display, cap, optional: true });
}
