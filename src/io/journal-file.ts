/**
 * Appending to the day's journal so that concurrent writers lose nothing: the file is created whole
 * (heading included) by link(2), which fails if another process created it first, and every entry
 * is one O_APPEND write, so two entries never interleave. The temp file lives in lynx's own
 * .lynx/tmp/ (same filesystem), so a kill mid-create leaves nothing in the learner's tree.
 */
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { EnvError } from '../core/errors.js';

function createWhole(file: string, content: string, tmpDir: string): boolean {
  mkdirSync(tmpDir, { recursive: true });
  const tmp = join(tmpDir, `${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  writeFileSync(tmp, content, { flag: 'wx' });
  try {
    linkSync(tmp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Returns whether the file was created by this call. tmpDir: on the same filesystem as file. */
export function appendEntry(file: string, heading: string, entry: string, tmpDir: string): boolean {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const created = createWhole(file, heading, tmpDir);
    const fd = openSync(file, 'a');
    try {
      writeSync(fd, entry);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return created;
  } catch (err) {
    throw new EnvError(`cannot append to ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { cause: err });
  }
}
