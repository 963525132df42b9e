/**
 * The break journal: everything needed to put a target back byte-for-byte, written atomically
 * to .lynx/breaks/NN-<break id>.journal.json before the target is touched. The gate treats any
 * open journal whose name contains `/NN-` as an active break of phase NN; restore closes it by
 * moving it to .lynx/breaks/closed/ (where it no longer matches *.journal.json).
 */
import { nn } from '../ids.js';

export const JOURNAL_DIR = '.lynx/breaks';
export const CLOSED_DIR = '.lynx/breaks/closed';
export const journalName = (phase: number, breakId: string): string => `${nn(phase)}-${breakId}.journal.json`;
export const journalRel = (phase: number, breakId: string): string => `${JOURNAL_DIR}/${journalName(phase, breakId)}`;

/** prepared: journal written, target not yet touched · applied: the target holds the mutant (or the learner's manual
 * edit) · restoring: restore began. */
export type Stage = 'prepared' | 'applied' | 'restoring';

export interface JournalFile {
  path: string;
  /** Permission bits, restored with the bytes. */
  mode: number;
  original_b64: string;
  original_sha256: string;
  /** Absent for a manual edit until `observe` records what the learner's edit produced. */
  mutant_b64?: string;
  mutant_sha256?: string;
}

export interface Journal {
  schema_version: 1;
  kind: 'lynx-break-journal';
  phase: number;
  break_id: string;
  learner: string;
  /** edit: lynx wrote the mutant · manual: the learner edits by hand (prose-only or diagnostic breaks). */
  mode: 'edit' | 'manual';
  stage: Stage;
  created_at: string;
  head: string | null;
  lynx_version: string;
  predictions: { path: string; commit: string; committed_at: string };
  files: JournalFile[];
}

const isStr = (v: unknown): v is string => typeof v === 'string';
const SHA = /^[0-9a-f]{64}$/;

/** Validate a parsed journal; problems name the JSON path, what was expected and what was found. */
export function journalProblems(data: unknown): string[] {
  const p: string[] = [];
  const found = (v: unknown): string => (v === undefined ? 'nothing' : (JSON.stringify(v) ?? typeof v).slice(0, 60));
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return [`(root): expected an object — found ${found(data)}`];
  const j = data as Record<string, unknown>;
  if (j.kind !== 'lynx-break-journal') p.push(`kind: expected "lynx-break-journal" — found ${found(j.kind)}`);
  if (j.schema_version !== 1) p.push(`schema_version: expected 1 — found ${found(j.schema_version)}`);
  if (typeof j.phase !== 'number' || !Number.isInteger(j.phase))
    p.push(`phase: expected an integer — found ${found(j.phase)}`);
  for (const k of ['break_id', 'learner', 'created_at', 'lynx_version'] as const)
    if (!isStr(j[k])) p.push(`${k}: expected a string — found ${found(j[k])}`);
  if (j.mode !== 'edit' && j.mode !== 'manual') p.push(`mode: expected "edit" or "manual" — found ${found(j.mode)}`);
  if (!['prepared', 'applied', 'restoring'].includes(j.stage as string))
    p.push(`stage: expected prepared, applied or restoring — found ${found(j.stage)}`);
  if (!Array.isArray(j.files)) p.push(`files: expected an array — found ${found(j.files)}`);
  else
    j.files.forEach((f: unknown, i) => {
      const r = (f ?? {}) as Record<string, unknown>;
      if (!isStr(r.path)) p.push(`files[${i}].path: expected a string — found ${found(r.path)}`);
      if (!isStr(r.original_b64))
        p.push(`files[${i}].original_b64: expected base64 bytes — found ${found(r.original_b64)}`);
      if (!isStr(r.original_sha256) || !SHA.test(r.original_sha256))
        p.push(`files[${i}].original_sha256: expected a sha256 — found ${found(r.original_sha256)}`);
      if (r.mutant_sha256 !== undefined && (!isStr(r.mutant_sha256) || !SHA.test(r.mutant_sha256)))
        p.push(`files[${i}].mutant_sha256: expected a sha256 — found ${found(r.mutant_sha256)}`);
      if (typeof r.mode !== 'number') p.push(`files[${i}].mode: expected a number — found ${found(r.mode)}`);
    });
  return p;
}

/** Where a target stands against its journal. */
export type FileState = 'original' | 'mutant' | 'changed' | 'missing';

export function classify(f: JournalFile, currentSha: string | undefined): FileState {
  if (currentSha === undefined) return 'missing';
  if (currentSha === f.original_sha256) return 'original';
  if (f.mutant_sha256 !== undefined && currentSha === f.mutant_sha256) return 'mutant';
  return 'changed';
}

/** `NN-id.journal.json` → phase and id (for notices about journals of other phases). */
export function parseJournalName(name: string): { phase: number; id: string } | undefined {
  const m = /(?:^|\/)(\d{2})-([a-z0-9-]+)\.journal\.json$/.exec(name);
  return m ? { phase: Number(m[1]), id: m[2] ?? '' } : undefined;
}
