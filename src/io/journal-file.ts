/**
 * Appending to the day's journal so that concurrent writers lose nothing: the file is created whole
 * (heading included) by link(2) from a temp file in .lynx/tmp/, which fails if another process
 * created it first, and every entry is one O_APPEND write, so two entries never interleave. Both
 * steps are fsx's appendText (`header`).
 */
import { appendText } from './fsx.js';

/** Returns whether the file was created by this call. tmpDir: on the same filesystem as file (the workspace's
 * .lynx/tmp). */
export function appendEntry(file: string, heading: string, entry: string, tmpDir?: string): boolean {
  return appendText(file, entry, { header: heading, ...(tmpDir !== undefined ? { tmpDir } : {}) });
}
