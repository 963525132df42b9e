/**
 * Every state or report write goes through here: temp file + fsync + rename,
 * so a Ctrl-C or a kill at any moment leaves each file either old or new.
 */
import { mkdirSync, openSync, writeSync, fsyncSync, closeSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { EnvError } from '../core/errors.js';

/**
 * Where temp files go: `.lynx/tmp/` of the enclosing workspace (same filesystem, so rename is
 * atomic). write-file-atomic puts its temp file beside the target, and a SIGKILL between write and
 * rename would leave a stray file in the learner's tree — which the next gate reports as dirty.
 */
function tmpDirFor(file: string): string {
  let dir = dirname(resolve(file));
  for (let i = 0; i < 12; i++) {
    if (existsSync(join(dir, '.lynx')) || existsSync(join(dir, 'lynx.yaml'))) return join(dir, '.lynx', 'tmp');
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return dirname(resolve(file));
}

/** temp file + write + fsync + rename + fsync(dir): the file is either old or new, never torn. */
export function writeAtomic(file: string, content: string, opts: { tmpBeside?: boolean } = {}): Promise<void> {
  // tmpBeside: for files outside lynx's care (a CI artefact): do not create .lynx/ for them
  const tmpDir = opts.tmpBeside ? dirname(resolve(file)) : tmpDirFor(file);
  const tmp = join(tmpDir, `${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    mkdirSync(dirname(file), { recursive: true });
    mkdirSync(tmpDir, { recursive: true });
    const fd = openSync(tmp, 'w', 0o644);
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
    // the rename itself must reach the disk too
    try { const d = openSync(dirname(file), 'r'); try { fsyncSync(d); } finally { closeSync(d); } } catch { /* not supported on every fs */ }
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new EnvError(`cannot write ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { cause: err });
  }
  return Promise.resolve();
}

export async function writeJsonAtomic(file: string, data: unknown): Promise<void> {
  await writeAtomic(file, `${JSON.stringify(data, null, 2)}\n`);
}

/**
 * Append one line (O_APPEND, then fsync). Appends of one small write are atomic with respect to
 * other appenders on a local filesystem, so concurrent writers interleave whole lines.
 */
export function appendLine(file: string, line: string): void {
  if (line.includes('\n')) throw new Error('appendLine: a line must not contain a newline');
  try {
    mkdirSync(dirname(file), { recursive: true });
    const fd = openSync(file, 'a');
    try {
      writeSync(fd, `${line}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    throw new EnvError(`cannot append to ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { cause: err });
  }
}
