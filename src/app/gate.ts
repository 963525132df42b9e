/**
 * lynx gate NN|--all: CI's verification of closed phases from a clean checkout. For each: the
 * closure artefacts (checkpoint closed, report present with its recorded sha256, head_sha in
 * history, signature when present), then every check re-run. Writes nothing but --junit FILE.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gateResult, openTarget, type Target } from './target.js';
import { attemptsFile, sha256, tailSha256 } from '../core/attempts.js';
import { closureDigest } from '../core/closure-digest.js';
import { isClosed } from '../core/status.js';
import { closureChecks } from '../core/closure.js';
import { UsageError } from '../core/errors.js';
import type { CheckContext, CheckResult, CommandOutcome } from '../core/checks/types.js';
import { phaseIndex, loadPhase } from '../io/curriculum.js';
import { readCheckpoint } from '../io/checkpoint.js';
import { disableCacheWrites, layoutOf, openWorkspace, resolveLearner } from '../io/workspace.js';
import { verify } from '../io/signing.js';
import * as git from '../io/git.js';
import { changedPaths } from '../io/history.js';
import { touches, touched } from '../core/changed-paths.js';
import type { CommandProgress } from '../io/check-context.js';
import type { GateResult } from '../schemas/generated/types.js';

const logTail = (ctx: CheckContext, t: Target): string | undefined => {
  const text = ctx.fs.read(attemptsFile(t.learner, t.phase.id));
  return text === undefined ? undefined : tailSha256(text);
};

/** Gather the facts the closure checks judge (through io), then judge them in core. */
async function closure(t: Target, ctx: CheckContext, tmp: string): Promise<CheckResult[]> {
  const cp = ctx.state.checkpoint;
  const repPath = layoutOf(t.ws, t.learner).report(t.phase.id); // closure follows the layout (migrate --cohort)
  const rep = ctx.fs.read(repPath);
  const head = cp?.head_sha ?? '';
  return closureChecks({
    phase: t.phase.id, learner: t.learner, checkpoint: cp,
    report: { path: repPath, sha256: rep === undefined ? undefined : sha256(rep) },
    headInHistory: head !== '' && (await ctx.git.inHistory(head)),
    // a shallow clone or a squash/rebase merge gets its cause and fix named (issue 13)
    whyNotInHistory: head !== '' && !(await ctx.git.inHistory(head)) ? await ctx.git.whyNotInHistory(head) : undefined,
    // verified against the digest recomputed from what is there now, not the stored gate_digest (issue 15)
    signature: cp?.signature ? await verify(t.ws, closureDigest({ checkpoint: cp, reportSha256: rep === undefined ? undefined : sha256(rep), logSha256: logTail(ctx, t) }), cp.signature, tmp) : undefined,
    curriculumSha256: (await phaseIndex(t.ws)).find((p) => p.id === t.phase.id)?.sha256,
  });
}

export async function gate(opts: { cwd: string; learner?: string | undefined; phase?: string | undefined; all?: boolean; changedSince?: string | undefined; jobs?: number | undefined; progress?: CommandProgress | undefined }): Promise<GateResult[]> {
  disableCacheWrites();
  let phases: number[];
  const ws = await openWorkspace(opts.cwd);
  const learner = resolveLearner(ws, opts.learner);
  if (opts.all || opts.changedSince !== undefined) {
    const index = await phaseIndex(ws);
    phases = index.filter((p) => { const cp = readCheckpoint(ws, learner, p.id); return cp !== undefined && isClosed(cp.status); }).map((p) => p.id);
    // incremental gating: only the closed phases the change since REF touches
    if (opts.changedSince !== undefined) {
      const ts = touches(await changedPaths(ws.root, opts.changedSince));
      phases = phases.filter((id) => touched(ts, learner, id));
    }
  } else if (opts.phase !== undefined) {
    phases = [(await openTarget(opts.cwd, learner, opts.phase)).phase.id];
  } else throw new UsageError('give a phase (lynx gate 07), --all or --changed-since REF');
  const tmp = mkdtempSync(join(tmpdir(), 'lynx-gate-'));
  // the gate's logs live in a temp dir removed at the end: the live view names no path that will be gone
  const p = opts.progress;
  const progress = p && { start: (id: number, label: string) => p.start(id, label, undefined), output: (id: number, chunk: string) => p.output(id, chunk), end: (id: number, label: string, r: CommandOutcome) => { const { logFile: _gone, ...rest } = r; p.end(id, label, rest); } };
  const snapshot = phases.length > 0 ? git.snapshot(ws.root) : undefined; // one git snapshot for every phase verified
  try {
    const results: GateResult[] = [];
    for (const id of phases) {
      const t: Target = { ws, learner, phase: await loadPhase(ws, id) };
      const { result } = await gateResult(t, { mode: 'full', logRoot: tmp, ...(opts.jobs !== undefined ? { jobs: opts.jobs } : {}), ...(snapshot ? { snapshot } : {}), ...(progress ? { progress } : {}) }, { ritual: true, requireClean: true }, (ctx) => closure(t, ctx, tmp));
      results.push(result);
    }
    return results;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
