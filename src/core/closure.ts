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
import { BEGIN, END } from './report-block.js';
import { signoffCheck, type SignoffFacts } from './signoff.js';

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
  /** The closure digest recomputed from the checkpoint, the report's bytes and the attempt log (closure-digest.ts). */
  digest?: string | undefined;
  /** The report's text, for lynx's own block (undefined when missing). */
  reportText?: string | undefined;
  /** A teacher's sign-off (policy.closure: teacher), judged in core/signoff.ts. */
  signoff?: SignoffFacts | undefined;
}

/**
 * What lynx's block in a report says of the closure: the learner and the closing commit it names
 * (templates/PHASE_REPORT.md, "Gate record"). Undefined when the report has no block of lynx's.
 */
export function reportBlockFacts(text: string): { learner?: string; head?: string } | undefined {
  const start = text.indexOf(BEGIN);
  const end = start < 0 ? -1 : text.indexOf(END, start);
  if (start < 0 || end < 0) return undefined;
  const block = text.slice(start, end);
  const learner = /^- \*\*Learner:\*\* (\S+)/m.exec(block)?.[1];
  const head = /^- \*\*Closed:\*\* .* at commit `([0-9a-f]*)`/m.exec(block)?.[1];
  return { ...(learner !== undefined ? { learner } : {}), ...(head !== undefined ? { head } : {}) };
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
  // what `lynx report` writes that a hand-written report lacks: its block, naming this learner and closing commit
  if (f.reportText !== undefined) {
    const b = reportBlockFacts(f.reportText);
    const want = (cp.head_sha ?? '').slice(0, 12);
    const wrong = !b
      ? `${rep} has no block written by lynx report (${BEGIN} … ${END}) — a report written by hand does not close ` +
        `a phase`
      : b.learner !== cp.learner
        ? `${rep}'s gate record names learner "${b.learner ?? '?'}", not "${cp.learner}"`
        : want === '' || b.head !== want
          ? `${rep}'s gate record names commit ${b.head ?? '?'}, the checkpoint's head_sha is ${want || 'missing'}`
          : undefined;
    add(
      'report-block',
      `${rep} carries lynx's gate record of this closure`,
      wrong === undefined,
      wrong ?? `written by lynx report for ${cp.learner} at ${want}`,
      [rep],
    );
  }
  // recompute, don't trust: closure fields edited (or written) by hand do not match the digest lynx report stored
  if (f.digest !== undefined)
    add(
      'digest',
      'the closure fields are the ones lynx report wrote',
      cp.gate_digest === f.digest,
      cp.gate_digest === f.digest
        ? `gate_digest ${f.digest.slice(0, 12)} recomputed from the checkpoint, the report and the attempt log`
        : cp.gate_digest === undefined
          ? `${cpPath} has no gate_digest: the phase was not closed by lynx report`
          : `${cpPath}'s gate_digest ${cp.gate_digest.slice(0, 12)} does not match the closure recomputed from the ` +
            `checkpoint, the report and the attempt log (${f.digest.slice(0, 12)}) — the closure fields (dod, ` +
            `waivers, attestations, break, closed_at, head_sha), the report or the attempt log changed after closing`,
      [cpPath],
    );
  const signoff = f.signoff ? signoffCheck(f.signoff) : undefined;
  if (signoff) out.push(signoff);
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
