/**
 * The closure checks `lynx gate` runs before re-running the DoD: is the phase closed, is the report
 * the one the checkpoint vouches for, is the closing commit in this history, is the signature valid,
 * is the curriculum the one it was closed against. Pure: the use case gathers the facts (hashes,
 * git ancestry, the signature verdict) through io and passes them in.
 */
import type { Checkpoint } from '../schemas/generated/types.js';
import type { CheckResult } from './checks/types.js';
import { checkpointPath, nn } from './ids.js';
import { isClosed } from './status.js';

export interface ClosureFacts {
  phase: number;
  learner: string;
  checkpoint: Checkpoint | undefined;
  /** PHASE_NN_REPORT.md's path and the sha256 of its text, or undefined when it is missing. */
  report: {
    path: string;
    sha256: string | undefined;
    /** the other layout's path, when the report is there instead (a layout switched without moving the files) */
    elsewhere?: string | undefined;
  };
  /** Whether the checkpoint's head_sha is an ancestor of HEAD (false when none is recorded). */
  headInHistory: boolean;
  /** Why head_sha is not in this history (shallow clone, squash or rebase merge), when it is not. */
  whyNotInHistory?: string | undefined;
  /** The verdict on the checkpoint's signature, when it carries one. */
  signature?: { ok: boolean; message: string } | undefined;
  /** The phase's curriculum sha256 now. */
  curriculumSha256: string | undefined;
}

export function closureChecks(f: ClosureFacts): CheckResult[] {
  const cp = f.checkpoint;
  const id = nn(f.phase);
  const out: CheckResult[] = [];
  const add = (suffix: string, title: string, ok: boolean, message: string, evidence: string[] = []): void => {
    out.push({ id: `closure:${suffix}`, kind: 'closure', title, status: ok ? 'pass' : 'fail', message, evidence });
  };
  const cpPath = checkpointPath(f.learner, f.phase);
  if (!cp || !isClosed(cp.status)) {
    add(
      'closed',
      `phase ${id} is closed`,
      false,
      `${cpPath} says ${cp?.status ?? 'nothing (missing)'} — close the phase with \`lynx report ${id}\``,
      [cpPath],
    );
    return out;
  }
  // identity (issue 15): a folder copied from another learner, or a learner field edited, names someone else
  if (cp.learner !== f.learner)
    add(
      'learner',
      `the checkpoint is ${f.learner}'s`,
      false,
      `${cpPath} names learner "${cp.learner}", not "${f.learner}" — these records are someone else's`,
      [cpPath],
    );
  if (cp.phase !== f.phase)
    add('phase', `the checkpoint is phase ${id}'s`, false, `${cpPath} is for phase ${cp.phase}, not ${f.phase}`, [
      cpPath,
    ]);
  const closedAt = Date.parse(cp.closed_at ?? '');
  const late = [...(cp.waivers ?? []), ...(cp.attestations ?? [])].find(
    (r) => Number.isFinite(closedAt) && Date.parse(r.at) > closedAt,
  );
  if (late) {
    const r = late;
    add(
      'after-close',
      'nothing was recorded after closing',
      false,
      `${cpPath}: "${r.item}" was ${'reason' in r ? 'waived' : 'attested'} on ${r.at.slice(0, 10)}, after the ` +
        `phase closed on ${(cp.closed_at ?? '').slice(0, 10)} — closed means closed`,
      [cpPath],
    );
  }
  add('closed', `phase ${id} is closed`, true, `${cp.status} on ${cp.closed_at?.slice(0, 10) ?? '?'}`, [cpPath]);
  const rep = f.report.path;
  const actual = f.report.sha256;
  if (actual === undefined)
    add(
      'report',
      `${rep} is the report the checkpoint vouches for`,
      false,
      f.report.elsewhere
        ? `${rep} is missing — the report is at ${f.report.elsewhere}: lynx.yaml's layout changed without the ` +
            `files moving (\`lynx migrate --cohort\` moves them)`
        : `${rep} is missing`,
    );
  else {
    add(
      'report',
      `${rep} is the report the checkpoint vouches for`,
      actual === cp.report_sha256,
      actual === cp.report_sha256
        ? `sha256 ${actual.slice(0, 12)} matches`
        : `${rep} was changed after the phase closed (sha256 ${actual.slice(0, 12)}, recorded ` +
            `${(cp.report_sha256 ?? '').slice(0, 12)})`,
      [rep],
    );
  }
  const head = cp.head_sha ?? '';
  add(
    'head',
    'the closing commit is in this history',
    head !== '' && f.headInHistory,
    head
      ? `head_sha ` +
          `${f.headInHistory ? `${head.slice(0, 12)} is an ancestor of HEAD` : (f.whyNotInHistory ?? `${head.slice(0, 12)} is not in this branch's history`)}`
      : 'no head_sha recorded',
    [cpPath],
  );
  if (cp.signature && f.signature)
    add(
      'signature',
      'the checkpoint signature is valid',
      f.signature.ok,
      f.signature.message || (f.signature.ok ? 'valid' : 'invalid'),
      [cpPath],
    );
  else if (cp.status === 'attested')
    add(
      'signature',
      'the checkpoint signature is valid',
      false,
      'status is attested but the checkpoint carries no signature',
      [cpPath],
    );
  const current = f.curriculumSha256;
  // a changed curriculum never passes silently: the checks below are the current ones, not those the phase closed with
  out.push({
    id: 'closure:curriculum',
    kind: 'closure',
    title: 'curriculum version',
    status: current === cp.curriculum_sha256 ? 'pass' : 'warn',
    message:
      current === cp.curriculum_sha256
        ? 'same curriculum as at closing'
        : `the phase's curriculum changed since closing (${(cp.curriculum_sha256 ?? '').slice(0, 12)} → ` +
          `${(current ?? '').slice(0, 12)}); checks below use the current one`,
  });
  return out;
}
