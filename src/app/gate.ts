/**
 * lynx gate NN|--all: CI's verification of closed phases from a clean checkout. For each: the
 * closure artefacts (checkpoint closed, report present with its recorded sha256, head_sha in
 * history, signature when present), then every check re-run. Writes nothing but --junit FILE.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gateResult, openTarget, type Target } from './target.js';
import { attemptsFile, sha256 } from '../core/attempts.js';
import { closureDigest, tailAtClose } from '../core/closure-digest.js';
import { parseSignoff, signoffFile, type SignoffFacts } from '../core/signoff.js';
import { canonicalRecord, teacherSigned } from '../core/records.js';
import { policyOf } from '../core/policy.js';
import { teachers } from '../io/allowed-signers.js';
import { isClosed } from '../core/status.js';
import { closureChecks } from '../core/closure.js';
import { layoutFor } from '../core/layout.js';
import { CAPS, readRegularText } from '../io/fsx-read.js';
import { UsageError } from '../core/errors.js';
import type { CheckContext, CheckResult, CommandOutcome } from '../core/checks/types.js';
import { phaseIndex, loadPhase } from '../io/curriculum.js';
import { listLearners, readCheckpoint } from '../io/checkpoint.js';
import { disableCacheWrites, layoutOf, openWorkspace, resolveLearner, type Workspace } from '../io/workspace.js';
import { parsePhase } from '../core/ids.js';
import { RECORD_NAMESPACE, verify } from '../io/signing.js';
import * as git from '../io/git.js';
import { changedPaths } from '../io/history.js';
import { touches, touched, type Touch } from '../core/changed-paths.js';
import type { CommandProgress } from '../io/check-context.js';
import type { Checkpoint, GateResult } from '../schemas/generated/types.js';
import { recordChecks, type RecordCounts } from './records.js';

/** Gather the facts the closure checks judge (through io), then judge them in core. */
async function closure(t: Target, ctx: CheckContext, tmp: string): Promise<CheckResult[]> {
  const cp = ctx.state.checkpoint;
  const repPath = layoutOf(t.ws, t.learner).report(t.phase.id); // closure follows the layout (migrate --cohort)
  const rep = ctx.fs.read(repPath);
  const head = cp?.head_sha ?? '';
  // missing where the layout says: is it where the other layout would put it, with the recorded hash?
  const other =
    rep === undefined
      ? layoutFor(t.ws.config.layout === 'cohort' ? 'single' : 'cohort', t.learner).report(t.phase.id)
      : undefined;
  // read as is, not through ctx.fs (which re-roots every path into this learner's layout)
  const there =
    other === undefined
      ? undefined
      : readRegularText(t.ws.abs(other), { display: other, cap: CAPS.learner, root: t.ws.root, optional: true });
  const elsewhere = there !== undefined && sha256(there) === cp?.report_sha256 ? other : undefined;
  // recomputed from what is there now, never the stored gate_digest (issue 15); the log's tail as it was at closing
  const digest = cp
    ? closureDigest({
        checkpoint: cp,
        reportSha256: rep === undefined ? undefined : sha256(rep),
        logSha256: tailAtClose(ctx.fs.read(attemptsFile(t.learner, t.phase.id)), cp.closed_at),
      })
    : undefined;
  return closureChecks({
    phase: t.phase.id,
    learner: t.learner,
    checkpoint: cp,
    report: { path: repPath, sha256: rep === undefined ? undefined : sha256(rep), elsewhere },
    headInHistory: head !== '' && (await ctx.git.inHistory(head)),
    // a shallow clone or a squash/rebase merge gets its cause and fix named (issue 13)
    whyNotInHistory: head !== '' && !(await ctx.git.inHistory(head)) ? await ctx.git.whyNotInHistory(head) : undefined,
    // verified against the digest recomputed from what is there now, not the stored gate_digest (issue 15)
    signature: cp?.signature && digest !== undefined ? await verify(t.ws, digest, cp.signature, tmp) : undefined,
    curriculumSha256: (await phaseIndex(t.ws)).find((p) => p.id === t.phase.id)?.sha256,
    digest,
    reportText: rep,
    signoff: digest === undefined ? undefined : await signoffFacts(t, ctx, digest, tmp),
  });
}

/** A teacher's sign-off of this closure: the record read as committed, its signature verified with ssh-keygen. */
async function signoffFacts(t: Target, ctx: CheckContext, digest: string, tmp: string): Promise<SignoffFacts> {
  const file = signoffFile(t.learner, t.phase.id);
  const text = ctx.fs.read(file);
  const { record } = text === undefined ? {} : parseSignoff(text, file);
  const verified = record
    ? await verify(t.ws, canonicalRecord('signoff', t.phase.id, { ...record }), record.signature, tmp, RECORD_NAMESPACE)
    : undefined;
  return {
    phase: t.phase.id,
    learner: t.learner,
    required: policyOf(t.ws.config).closure === 'teacher',
    file,
    text,
    digest,
    verified,
    teacher: teacherSigned(verified, teachers(t.ws), t.learner),
  };
}

export interface GateOpts {
  cwd: string;
  learner?: string | undefined;
  phase?: string | undefined;
  all?: boolean;
  changedSince?: string | undefined;
  jobs?: number | undefined;
  strict?: boolean | undefined;
  progress?: CommandProgress | undefined;
}

/**
 * The closed phases of a learner, narrowed to one phase or to those a change since REF touches, with the
 * checkpoint read to decide: the gate verifies that one (not a second read per phase, issue 20).
 */
async function closedPhases(
  ws: Workspace,
  learner: string,
  only: number | undefined,
  ts: Touch[] | undefined,
): Promise<Closed[]> {
  const out: Closed[] = [];
  for (const p of await phaseIndex(ws)) {
    if (only !== undefined && p.id !== only) continue;
    const checkpoint = readCheckpoint(ws, learner, p.id);
    if (checkpoint !== undefined && isClosed(checkpoint.status) && (ts === undefined || touched(ts, learner, p.id)))
      out.push({ learner, id: p.id, checkpoint });
  }
  return out;
}

interface Closed {
  learner: string;
  id: number;
  checkpoint?: Checkpoint;
}

export async function gate(opts: GateOpts): Promise<GateResult[]> {
  disableCacheWrites();
  let phases: Closed[];
  const ws = await openWorkspace(opts.cwd);
  const learner = resolveLearner(ws, opts.learner);
  if (opts.all || opts.changedSince !== undefined) {
    // incremental gating: only the closed phases the change since REF touches
    const ts = opts.changedSince !== undefined ? touches(await changedPaths(ws.root, opts.changedSince)) : undefined;
    phases = await closedPhases(ws, learner, undefined, ts);
  } else if (opts.phase !== undefined) {
    phases = [{ learner, id: (await openTarget(opts.cwd, learner, opts.phase)).phase.id }];
  } else throw new UsageError('give a phase (lynx gate 07), --all or --changed-since REF');
  return verifyAll(ws, phases, opts.jobs, opts.strict === true, opts.progress);
}

/**
 * `lynx gate --all-learners [NN|--all|--changed-since REF]` (issue 17): every learner's closed phases
 * (or only phase NN, or only those a change touches) in one process with one git snapshot. A learner
 * with nothing closed is listed, with no result: the class table shows them, the exit code ignores them.
 */
export async function gateClass(
  opts: Omit<GateOpts, 'learner'>,
): Promise<{ learners: string[]; results: GateResult[] }> {
  disableCacheWrites();
  const ws = await openWorkspace(opts.cwd);
  const learners = listLearners(ws);
  if (learners.length === 0)
    throw new UsageError('no learners in this workspace (learners/ is empty)', {
      hint: 'Add one with `lynx init --learner NAME`.',
    });
  const only = opts.phase === undefined ? undefined : (await loadPhase(ws, parsePhase(opts.phase))).id;
  const ts = opts.changedSince !== undefined ? touches(await changedPaths(ws.root, opts.changedSince)) : undefined;
  const targets: Closed[] = [];
  for (const learner of learners) targets.push(...(await closedPhases(ws, learner, only, ts)));
  return { learners, results: await verifyAll(ws, targets, opts.jobs, opts.strict === true, opts.progress) };
}

async function verifyAll(
  ws: Workspace,
  targets: readonly Closed[],
  jobs: number | undefined,
  strict: boolean,
  p: CommandProgress | undefined,
): Promise<GateResult[]> {
  const tmp = mkdtempSync(join(tmpdir(), 'lynx-gate-'));
  // the gate's logs live in a temp dir removed at the end: the live view names no path that will be gone
  const progress = p && {
    start: (id: number, label: string) => p.start(id, label, undefined),
    output: (id: number, chunk: string) => p.output(id, chunk),
    end: (id: number, label: string, r: CommandOutcome) => {
      const { logFile: _gone, ...rest } = r;
      p.end(id, label, rest);
    },
  };
  // one git snapshot for every phase and learner verified
  const snapshot = targets.length > 0 ? git.snapshot(ws.root) : undefined;
  try {
    const results: GateResult[] = [];
    for (const { learner, id, checkpoint } of targets) {
      const t: Target = { ws, learner, phase: await loadPhase(ws, id) };
      let counts: RecordCounts | undefined;
      // waivers, attestations and grades are judged before the DoD runs: which grades count changes the quiz's score
      const extra = async (ctx: CheckContext): Promise<CheckResult[]> => {
        const r = await recordChecks(t, ctx, tmp, strict);
        counts = r.counts;
        return [...(await closure(t, ctx, tmp)), ...r.checks];
      };
      const { result } = await gateResult(
        t,
        {
          mode: 'full',
          logRoot: tmp,
          ...(checkpoint ? { checkpoint } : {}),
          ...(jobs !== undefined ? { jobs } : {}),
          ...(snapshot ? { snapshot } : {}),
          ...(progress ? { progress } : {}),
        },
        { ritual: true, requireClean: true },
        extra,
      );
      results.push(counts ? { ...result, records: counts } : result);
    }
    return results;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
