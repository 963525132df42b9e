/**
 * Files lynx writes into the workspace outside .lynx/ (a `--junit` report inside the checkout):
 * recorded in .lynx/outputs.json with the sha256 of what was written, so lynx's own git-clean check
 * does not fail the next run on lynx's own output. Only the exact bytes lynx wrote are excused: a
 * file edited afterwards (or a learner's file at that path) is dirty as any other.
 */
import { sha256Hex } from '../core/hash.js';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { lynxDir, writeAtomic } from './fsx.js';

const FILE = 'outputs.json';
const sha = (b: Buffer | string): string => sha256Hex(b);

function read(root: string): Record<string, string> {
  try {
    const v = JSON.parse(readFileSync(join(root, '.lynx', FILE), 'utf8')) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, string> : {};
  } catch { return {}; } // missing or corrupt: nothing is excused
}

/** Record `abs` (just written with `content`) when it lies inside the workspace at `root`. */
export async function recordOutput(root: string, abs: string, content: string): Promise<void> {
  const rel = relative(root, abs).split(sep).join('/');
  if (rel === '' || rel.startsWith('../') || rel === '..' || /^[A-Za-z]:|^\//.test(rel) || rel.startsWith('.lynx/')) return;
  await writeAtomic(join(lynxDir(root), FILE), `${JSON.stringify({ ...read(root), [rel]: sha(content) }, null, 2)}\n`, { tmpBeside: true });
}

/** A predicate: is this workspace-relative path a file lynx wrote, unchanged since? */
export function ownOutputs(root: string): (rel: string) => boolean {
  const rec = read(root);
  return (rel) => {
    const want = rec[rel];
    if (want === undefined) return false;
    try { return sha(readFileSync(join(root, rel))) === want; } catch { return false; }
  };
}
