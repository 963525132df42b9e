/**
 * Appending to the day's journal so that concurrent writers lose nothing: the file is created whole
 * (heading included) by link(2), which fails if another process created it first, and every entry
 * is one O_APPEND write, so two entries never interleave.
 */
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { EnvError } from '../core/errors.js';

function createWhole(file: string, content: string): boolean {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
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

/** Returns whether the file was created by this call. */
export function appendEntry(file: string, heading: string, entry: string): boolean {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const created = createWhole(file, heading);
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
