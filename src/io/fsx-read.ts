/**
 * Reading a file lynx did not write as if it were hostile: only a regular file (a FIFO would block,
 * /dev/zero would never end, a directory is EISDIR), at most a cap of bytes per kind (a refusal that
 * names the cap, not 1.9 GB of memory), strict UTF-8 with no NUL byte, and — given the workspace
 * root — a real path inside the workspace (a committed `notes/link.md -> /etc/passwd` is refused).
 * The file is opened O_NONBLOCK and checked with fstat on the open descriptor, so what is checked is
 * what is read.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { isAscii } from 'node:buffer';
import { join, relative, resolve, sep } from 'node:path';
import { InputError, UsageError } from '../core/errors.js';
import { lineCol } from '../core/json.js';

/** Size caps per kind of file, in bytes. */
export const CAPS = {
  /** lynx.yaml, phase/quiz overrides, answers files, plans, notes */
  text: 4 * 1024 * 1024,
  /** checkpoint, journals, manifests, progress */
  json: 16 * 1024 * 1024,
  /** append-only logs (attempts, reviews) */
  log: 64 * 1024 * 1024,
  /** learner files a check reads or hashes */
  learner: 64 * 1024 * 1024,
} as const;

const mib = (n: number): string => `${Math.round(n / 1024 / 1024)} MiB`;

export interface ReadOptions {
  /** Name in messages (workspace-relative). */
  display: string;
  cap: number;
  /** Missing → undefined instead of an error. A dangling or looping symlink is never "missing". */
  optional?: boolean;
  /** The real path must stay inside this directory (the workspace root). */
  root?: string;
  /**
   * The file's real path, already proven inside `root` by a directory listing that followed no symlink
   * (check-context's glob): no realpath(3) again. It is opened O_NOFOLLOW, so a file replaced by a
   * symlink since the listing is resolved and checked in full, never read through.
   */
  real?: string;
}

/**
 * realpath(3) in one system call: fs.realpathSync's JavaScript walk lstats every component of every
 * path, which was most of `checkpoint` over 5,000 manifests (issue 20). The root's real path is
 * asked once per run (a workspace root does not move while lynx runs).
 */
const realpath = realpathSync.native;
const realRoots = new Map<string, string>();
function realRootOf(root: string): string {
  let r = realRoots.get(root);
  if (r === undefined) {
    r = realpath(root);
    realRoots.set(root, r);
  }
  return r;
}

/** The real path of `abs`, which must be inside `root`; undefined when nothing is there at all. */
export function realInside(root: string, abs: string, display: string): string | undefined {
  let real: string;
  try {
    real = realpath(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    let link = false;
    try {
      link = lstatSync(abs).isSymbolicLink();
    } catch {
      /* nothing there */
    }
    if (code === 'ENOENT' && !link) return undefined;
    throw new InputError(
      `${display}: ` +
        `${code === 'ELOOP' ? 'a symlink loop' : link ? 'a dangling symlink' : `cannot resolve (${code ?? String(e)})`}`,
      { pos: { file: display } },
    );
  }
  const realRoot = realRootOf(root);
  const rel = relative(realRoot, real);
  if (rel === '..' || rel.startsWith(`..${sep}`) || resolve(realRoot, rel) !== real) {
    throw new InputError(
      `${display}: resolves to ${real}, outside the workspace — lynx reads nothing through a symlink out of it`,
      { pos: { file: display } },
    );
  }
  return real;
}

function kindOf(st: ReturnType<typeof fstatSync>): string {
  return st.isDirectory()
    ? 'a directory'
    : st.isFIFO()
      ? 'a FIFO'
      : st.isCharacterDevice() || st.isBlockDevice()
        ? 'a device'
        : st.isSocket()
          ? 'a socket'
          : 'not a regular file';
}

/** The bytes of a regular file, capped. */
export function readRegular(abs: string, opts: ReadOptions & { optional: true }): Buffer | undefined;
export function readRegular(abs: string, opts: ReadOptions): Buffer;
export function readRegular(abs: string, opts: ReadOptions): Buffer | undefined {
  const { display, cap } = opts;
  if (opts.real !== undefined && opts.root !== undefined) {
    try {
      return readOpen(openSync(opts.real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW), opts);
    } catch (e) {
      if (e instanceof InputError) throw e;
      // gone or now a symlink (ELOOP under O_NOFOLLOW): the full resolution below decides
      return readRegular(abs, { display, cap, root: opts.root, ...(opts.optional ? { optional: true } : {}) });
    }
  }
  const path = opts.root === undefined ? abs : realInside(opts.root, abs, display);
  if (path === undefined) {
    if (opts.optional) return undefined;
    throw new InputError(`${display}: file not found`, { pos: { file: display } });
  }
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && opts.optional && opts.root === undefined) {
      let link = false;
      try {
        link = lstatSync(abs).isSymbolicLink();
      } catch {
        /* nothing there */
      }
      if (!link) return undefined;
    }
    throw new InputError(
      `${display}: ` +
        `${code === 'ENOENT' ? 'file not found (or a dangling symlink)' : code === 'ELOOP' ? 'a symlink loop' : `cannot read (${code ?? String(e)})`}`,
      { pos: { file: display }, cause: e },
    );
  }
  return readOpen(fd, opts);
}

/** Read an open descriptor to EOF: a regular file, at most the cap; closes it. */
function readOpen(fd: number, { display, cap }: ReadOptions): Buffer {
  try {
    const st = fstatSync(fd);
    if (!st.isFile())
      throw new InputError(`${display}: ${kindOf(st)}, expected a regular file`, { pos: { file: display } });
    if (st.size > cap)
      throw new InputError(`${display}: ${mib(st.size)} is over the ${mib(cap)} limit for this kind of file`, {
        pos: { file: display },
      });
    // read to EOF but never past the cap (the file may grow between fstat and read)
    // unzeroed (pooled for small files): only the bytes read are returned
    const buf = Buffer.allocUnsafe(Math.min(cap + 1, st.size + 1));
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        if (n > cap)
          throw new InputError(`${display}: over the ${mib(cap)} limit for this kind of file`, {
            pos: { file: display },
          });
        break;
      }
      const r = readSync(fd, buf, n, buf.length - n, null);
      if (r === 0) break;
      n += r;
      // all fstat promised: done, without one more read(2) to see EOF (issue 20: 5,000 manifests). A size of 0
      // promises nothing (procfs-like files): those are read to EOF.
      if (n === st.size) break;
    }
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Strict UTF-8 text with no NUL byte; a refusal names the byte's line and column. */
export function decodeText(bytes: Buffer, display: string): string {
  // ASCII (every manifest and checkpoint lynx writes) needs no UTF-8 decoder: one native scan, then a copy
  // (issue 20: the decoder's per-call cost over 5,000 manifests). A NUL byte is still refused below.
  if (isAscii(bytes) && !bytes.includes(0)) return bytes.toString('latin1');
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    // find the first bad byte by decoding growing prefixes' valid part
    const good = bytes.toString('utf8');
    const bad = good.indexOf('\uFFFD');
    const pos = lineCol(good, bad < 0 ? 0 : bad);
    throw new InputError(`${display}:${pos.line}:${pos.col} not valid UTF-8 text`, {
      pos: { file: display, ...pos },
      hint: 'Save the file as UTF-8.',
    });
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const pos = lineCol(text, nul);
    throw new InputError(`${display}:${pos.line}:${pos.col} a NUL byte in a text file`, {
      pos: { file: display, ...pos },
    });
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * A workspace file as text (`rel` from the root): a regular file inside the workspace, capped, strict
 * UTF-8; undefined when nothing is there (a dangling or looping symlink is an error, not "missing").
 */
export function readInside(root: string, rel: string, cap: number = CAPS.text): string | undefined {
  return readRegularText(join(root, rel), { display: rel, cap, root, optional: true });
}

export function readRegularText(abs: string, opts: ReadOptions & { optional: true }): string | undefined;
export function readRegularText(abs: string, opts: ReadOptions): string;
export function readRegularText(abs: string, opts: ReadOptions): string | undefined {
  const bytes = readRegular(abs, opts);
  return bytes === undefined ? undefined : decodeText(bytes, opts.display);
}

/**
 * `<root>/.lynx`, when present, must be a real directory whose real path is inside the workspace: a
 * committed `.lynx` symlink would put lynx's state, and its temp files, wherever it points. Checked
 * on every run (openWorkspace) and before every temp file; reads only.
 */
export function checkLynxDir(root: string): void {
  const dir = join(root, '.lynx');
  let st;
  try {
    st = lstatSync(dir);
  } catch {
    return;
  }
  let real: string | undefined;
  try {
    real = realpathSync(dir);
  } catch {
    /* dangling */
  }
  if (!st.isDirectory() || real !== join(realpathSync(root), '.lynx')) {
    throw new UsageError(
      `${dir} is ${st.isSymbolicLink() ? 'a symlink' : 'not a directory'}: lynx keeps its state there and will ` +
        `not follow it out of the workspace`,
      {
        hint: 'Remove it (`git rm --cached .lynx` if it was committed), and keep `/.lynx` in .gitignore.',
      },
    );
  }
}
