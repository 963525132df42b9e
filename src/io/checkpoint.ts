/** learners/<name>/phase-NN/checkpoint.json: read with schema validation, written atomically. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../core/errors.js';
import { checkpointPath, LEARNER_RE, nn } from '../core/ids.js';
import { schemaProblems } from '../core/schema-errors.js';
import type { Checkpoint } from '../schemas/generated/types.js';
import { validateCheckpoint } from '../schemas/generated/checkpoint.validator.js';
import { parseJson } from './yaml.js';
import { CAPS, readRegularText, writeJsonAtomic } from './fsx.js';
import { realInside } from './fsx-read.js';
import type { Workspace } from './workspace.js';

export function readCheckpoint(ws: Workspace, learner: string, phase: number, real?: string): Checkpoint | undefined {
  const rel = checkpointPath(learner, phase);
  // a regular file inside the workspace, capped, strict UTF-8; a dangling symlink is an error, not "none".
  // `real`: its real path as a listing proved it (readCheckpoints), so no realpath(3) again
  const text = readRegularText(ws.abs(rel), {
    display: rel,
    cap: CAPS.json,
    root: ws.root,
    optional: true,
    ...(real !== undefined ? { real } : {}),
  });
  if (text === undefined) return undefined;
  const loaded = parseJson(text, rel);
  if (!validateCheckpoint(loaded.data)) {
    const problems = schemaProblems(validateCheckpoint.errors ?? [], loaded.data, loaded.locate);
    const lines = problems.map((p) => `${rel}${p.line ? `:${p.line}:${p.col ?? 1}` : ''} ${p.path}: ${p.message}`);
    throw new InputError(lines[0] ?? `${rel}: invalid checkpoint`, { details: lines.slice(1), pos: { file: rel } });
  }
  return loaded.data as Checkpoint;
}

/**
 * Every phase's checkpoint for one learner, or the error reading it: one listing of learners/<name>/
 * first, so a phase with no folder costs no lookup (status --all over 30 learners × 42 phases made
 * 1,260 realpath calls, most of them for nothing; issue 20). Anything named phase-NN — a dangling
 * symlink included — is still read, and refused, by readCheckpoint.
 */
export function readCheckpoints(
  ws: Workspace,
  learner: string,
  phases: readonly number[],
): Map<number, Checkpoint | Error> {
  let names: Set<string> | undefined;
  let plain = new Set<string>();
  let realDir: string | undefined;
  try {
    const entries = readdirSync(ws.abs(`learners/${learner}`), { withFileTypes: true });
    names = new Set(entries.map((e) => e.name));
    // a phase folder listed as a directory (not a symlink) is the learner folder's real path plus its name:
    // one realpath(3) for the learner, not one per checkpoint (465 of them in status --all over 30 learners)
    plain = new Set(entries.filter((e) => e.isDirectory()).map((e) => e.name));
  } catch {
    /* not a listable directory: read each, as before */
  }
  try {
    if (plain.size > 0) realDir = realInside(ws.root, ws.abs(`learners/${learner}`), `learners/${learner}`);
  } catch {
    /* a learner folder that is a link out: each read below resolves, and refuses, in full */
  }
  const out = new Map<number, Checkpoint | Error>();
  for (const id of phases) {
    const name = `phase-${nn(id)}`;
    if (names && !names.has(name)) continue;
    try {
      const real = realDir !== undefined && plain.has(name) ? join(realDir, name, 'checkpoint.json') : undefined;
      const cp = readCheckpoint(ws, learner, id, real);
      if (cp) out.set(id, cp);
    } catch (err) {
      out.set(id, err as Error);
    }
  }
  return out;
}

export async function writeCheckpoint(ws: Workspace, cp: Checkpoint): Promise<void> {
  await writeJsonAtomic(ws.abs(checkpointPath(cp.learner, cp.phase)), cp);
}

export function newCheckpoint(learner: string, phase: number): Checkpoint {
  return { schema_version: 1, phase, learner, status: 'not_started' };
}

/** Every learner with a directory under learners/ (the template excluded). */
export function listLearners(ws: Workspace): string[] {
  const dir = ws.abs('learners');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && LEARNER_RE.test(d.name))
    .map((d) => d.name)
    .sort();
}

export const learnerExists = (ws: Workspace, learner: string): boolean =>
  existsSync(join(ws.root, 'learners', learner));
