/**
 * Files lynx writes into the workspace outside .lynx/ (a `--junit` report inside the checkout):
 * recorded in .lynx/outputs.json with the sha256 of what was written, so lynx's own git-clean check
 * does not fail the next run on lynx's own output. Only the exact bytes lynx wrote are excused: a
 * file edited afterwards (or a learner's file at that path) is dirty as any other.
 */
import { sha256Hex } from '../core/hash.js';
import { join, relative, sep } from 'node:path';
import { CAPS, lynxDir, readRegular, readRegularText, writeAtomic } from './fsx.js';

const FILE = 'outputs.json';
const sha = (b: Buffer | string): string => sha256Hex(b);

function read(root: string): Record<string, string> {
  try {
    // through fsx-read: a FIFO or /dev/zero planted here must not hang every git-clean check
    const v = JSON.parse(
      readRegularText(join(root, '.lynx', FILE), { display: `.lynx/${FILE}`, cap: CAPS.json, optional: true }) ?? '{}',
    ) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {};
  } catch {
    return {};
  } // missing or corrupt: nothing is excused
}

const relIn = (root: string, abs: string): string | undefined => {
  const rel = relative(root, abs).split(sep).join('/');
  return rel === '' || rel.startsWith('../') || rel === '..' || /^[A-Za-z]:|^\//.test(rel) || rel.startsWith('.lynx/')
    ? undefined
    : rel;
};

/**
 * Record `abs` (just written, or about to be written, with `content`) when it lies inside the
 * workspace at `root`. Recorded before a write, it lets the next run recognise a file orphaned by a
 * kill between that write and the next one as lynx's own (a report whose checkpoint never came).
 */
export async function recordOutput(root: string, abs: string, content: string): Promise<void> {
  const rel = relIn(root, abs);
  if (rel === undefined) return;
  await writeAtomic(join(lynxDir(root), FILE), `${JSON.stringify({ ...read(root), [rel]: sha(content) }, null, 2)}\n`, {
    tmpBeside: true,
  });
}

/** Stop excusing `abs` (its write is complete and vouched for elsewhere, e.g. by the checkpoint). */
export async function forgetOutput(root: string, abs: string): Promise<void> {
  const rel = relIn(root, abs);
  const rec = read(root);
  if (rel === undefined || !(rel in rec)) return;
  const { [rel]: _gone, ...rest } = rec;
  await writeAtomic(join(lynxDir(root), FILE), `${JSON.stringify(rest, null, 2)}\n`, { tmpBeside: true });
}

/** A predicate: is this workspace-relative path a file lynx wrote, unchanged since? */
export function ownOutputs(root: string): (rel: string) => boolean {
  const rec = read(root);
  return (rel) => {
    const want = rec[rel];
    if (want === undefined) return false;
    try {
      return sha(readRegular(join(root, rel), { display: rel, cap: CAPS.learner, root })) === want;
    } catch {
      return false;
    }
  };
}
