/**
 * The break's side effects on disk: journals in .lynx/breaks/, and the target files themselves.
 * A target is written as temp file + fsync + rename (+ fsync of the directory), so a kill at any
 * moment leaves it either old or new. The temp file has a fixed name in .lynx/tmp/ (same
 * filesystem, so the rename is atomic), never beside the target: a kill between write and rename
 * leaves nothing in the learner's tree, and recovery knows exactly which stray file is ours.
 */
import { sha256Hex } from '../core/hash.js';
import { existsSync, lstatSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CLOSED_DIR, JOURNAL_DIR, journalName, journalProblems, type Journal } from '../core/break/journal.js';
import { EnvError, InputError } from '../core/errors.js';
import { nn } from '../core/ids.js';
import type { PathKind } from '../core/break/model.js';
import { CAPS, fsyncDirOf, readRegular, readRegularText, writeFileAtomicSync, writeJsonAtomic } from './fsx.js';
import { openBreakJournals } from './notices.js';
import { parseJson } from './yaml.js';

export const sha256Bytes = (b: Buffer): string => sha256Hex(b);

/**
 * Crash-test hook: LYNX_TEST_KILL_AT=<point> makes this process SIGKILL itself at that point
 * (no cleanup, no finally blocks), so tests exercise real recovery rather than a simulation.
 */
export { killPoint } from './fsx.js';

export function targetKind(root: string, rel: string): PathKind {
  try {
    const s = lstatSync(join(root, rel));
    return s.isSymbolicLink() ? 'symlink' : s.isDirectory() ? 'dir' : s.isFile() ? 'file' : 'dir';
  } catch {
    return 'missing';
  }
}

export interface TargetBytes {
  bytes: Buffer;
  sha256: string;
  mode: number;
}

export function readTarget(root: string, rel: string): TargetBytes | undefined {
  const abs = join(root, rel);
  if (!existsSync(abs)) return undefined;
  // through fsx-read: a FIFO or /dev/zero in a target's place is refused (exit 2), never read forever
  const bytes = readRegular(abs, { display: rel, cap: CAPS.learner });
  return { bytes, sha256: sha256Bytes(bytes), mode: lstatSync(abs).mode & 0o7777 };
}

/** Our temp file for a target: one fixed name per target path. */
export const tmpFor = (rel: string): string => `.lynx/tmp/break-${rel.replace(/[^A-Za-z0-9._-]/g, '_')}.tmp`;
/** Beside the target: only when .lynx/ is on another filesystem (rename across devices fails). */
const tmpBeside = (rel: string): string => join(dirname(rel), `.${basename(rel)}.lynx-break.tmp`);

/** Replace a target's bytes atomically, keeping its permission bits. `point` names the crash-test hooks. */
export function writeTarget(root: string, rel: string, bytes: Buffer, mode: number, point: string): void {
  // fsx: O_EXCL|O_NOFOLLOW temp at our fixed name (a planted symlink there is removed, never followed),
  // fchmod so the umask cannot change an executable's bits, rename; beside the target on EXDEV
  writeFileAtomicSync(join(root, rel), bytes, { mode, tmp: { path: join(root, tmpFor(rel)) }, point });
}

/** Remove our own temp file left by a kill between write and rename; true when there was one. */
export function removeStrayTmp(root: string, rel: string): boolean {
  let found = false;
  for (const tmp of [tmpFor(rel), tmpBeside(rel)].map((t) => join(root, t))) {
    if (!existsSync(tmp)) continue;
    rmSync(tmp, { force: true });
    found = true;
  }
  return found;
}

export interface OpenJournal {
  rel: string;
  journal: Journal;
}

export function readJournal(root: string, rel: string): Journal {
  // a journal carries the target's original bytes (base64): the log cap, not the small JSON one
  const loaded = parseJson(readRegularText(join(root, rel), { display: rel, cap: CAPS.log }), rel);
  const problems = journalProblems(loaded.data);
  if (problems.length > 0)
    throw new InputError(`${rel}: not a valid break journal: ${problems[0] ?? ''}`, {
      details: problems.slice(1),
      pos: { file: rel },
      hint:
        "The journal holds the original bytes of the break's target: do not edit it. If it is damaged, restore " +
        'the file from git yourself and delete the journal.',
    });
  return loaded.data as Journal;
}

/** Open journals of one phase (or all), parsed. */
export function openJournals(root: string, phase?: number): OpenJournal[] {
  return openBreakJournals(root)
    .filter((rel) => phase === undefined || basename(rel).startsWith(`${nn(phase)}-`))
    .map((rel) => ({ rel, journal: readJournal(root, rel) }));
}

export async function writeJournal(root: string, j: Journal): Promise<string> {
  const rel = `${JOURNAL_DIR}/${journalName(j.phase, j.break_id)}`;
  await writeJsonAtomic(join(root, rel), j);
  return rel;
}

const stampOf = (iso: string): string => iso.replace(/[:.]/g, '-');

/** Close: move the journal into closed/, where it no longer matches *.journal.json. */
export function closeJournal(root: string, j: Journal, at: string): string {
  const from = join(root, JOURNAL_DIR, journalName(j.phase, j.break_id));
  const rel = `${CLOSED_DIR}/${nn(j.phase)}-${j.break_id}.${stampOf(at)}.journal.closed.json`;
  mkdirSync(join(root, CLOSED_DIR), { recursive: true });
  renameSync(from, join(root, rel));
  fsyncDirOf(join(root, JOURNAL_DIR, 'x'));
  return rel;
}

/** Keep the learner's current bytes of a target beside the journal before a forced restore. */
export function saveCurrent(root: string, j: Journal, rel: string, current: TargetBytes, at: string): string {
  const dest = `${JOURNAL_DIR}/${nn(j.phase)}-${j.break_id}.${stampOf(at)}.saved/${rel}`;
  const abs = join(root, dest);
  try {
    writeFileAtomicSync(abs, current.bytes, { mode: current.mode });
  } catch (err) {
    throw new EnvError(`cannot save ${rel} beside the journal: ${(err as Error).message}`, { cause: err });
  }
  return dest;
}
