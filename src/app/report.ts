/**
 * lynx report NN: close the phase. The full gate (commands included); on failure nothing is
 * written and every failing item says why. On pass: PHASE_NN_REPORT.md, then checkpoint.json
 * (done, closed_at, head_sha, report_sha256, curriculum_sha256, gate_digest[, signature]), then
 * progress.md — each written atomically, under the workspace lock.
 */
import { layoutOf } from '../io/workspace.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openTarget, gateResult, type Target } from './target.js';
import { reportView, renderReport } from '../core/report.js';
import { mergeBlock } from '../core/report-block.js';
import { openQuestions } from '../core/plan-rules.js';
import { parseTestCounts } from '../core/measure.js';
import { attemptsFile, sha256 } from '../core/attempts.js';
import { UsageError } from '../core/errors.js';
import { nn } from '../core/ids.js';
import type { ReportOutcome } from '../core/results.js';
import type { CommandProgress } from '../io/check-context.js';
import { phaseIndex } from '../io/curriculum.js';
import { readCheckpoint, newCheckpoint } from '../io/checkpoint.js';
import { progressPath, saveCheckpoint } from './progress.js';
import { CAPS, killPoint, readRegular, writeAtomic } from '../io/fsx.js';
import { forgetOutput, ownOutputs, recordOutput } from '../io/own-outputs.js';
import { withLock } from '../io/lock.js';
import { packageRoot, lynxVersion } from '../io/pkg.js';
import { sourceLines, manifestRows } from '../io/measure.js';
import { sign } from '../io/signing.js';
import { closureDigest, tailAtClose } from '../core/closure-digest.js';
import type { Checkpoint, GateResult } from '../schemas/generated/types.js';

async function close(
  t: Target,
  gate: GateResult,
  ctx: Awaited<ReturnType<typeof gateResult>>['ctx'],
): Promise<string[]> {
  const { ws, learner, phase } = t;
  const index = await phaseIndex(ws);
  const curriculumSha = index.find((p) => p.id === phase.id)?.sha256 ?? '';
  const closedAt = gate.finished_at;
  const tests = gate.checks
    .flatMap((c) => [c, ...(c.children ?? [])])
    .filter((c) => c.kind === 'command' && c.log)
    .flatMap((c) => {
      const count = parseTestCounts(c.log ?? '');
      return count ? [{ command: /^`([^`]+)`/.exec(c.message)?.[1] ?? c.title, count }] : [];
    });
  const layout = layoutOf(ws, learner);
  const plan = ctx.fs.read(layout.plan(phase.id));
  const view = reportView({
    phase,
    learner,
    gate,
    checkpoint: ctx.state.checkpoint,
    closedAt,
    lynxVersion: lynxVersion(),
    curriculumSha256: curriculumSha,
    tests,
    languages: sourceLines(ws, await ctx.git.tracked()),
    manifests: manifestRows(ctx),
    attempts: ctx.state.attempts.records,
    plan,
    openQuestions: plan === undefined ? [] : await openQuestions(plan),
    unlocks: index.filter((p) => p.requires.includes(phase.id)).map((p) => ({ id: p.id, title: p.title })),
    exists: (p) => ctx.fs.info(p).exists,
    expand: (p) => ctx.expand(p),
  });
  const template = readFileSync(join(packageRoot(), 'templates', 'PHASE_REPORT.md'), 'utf8');
  // the learner's sections stay byte-identical: lynx writes only its marked block (core/report-block.ts)
  const report = mergeBlock(
    ctx.fs.read(layout.report(phase.id)),
    renderReport(template, view),
    `# Phase ${nn(phase.id)} report — ${phase.title}`,
  );
  const reportSha = sha256(report);
  const prev = readCheckpoint(ws, learner, phase.id) ?? newCheckpoint(learner, phase.id);
  const dod = { ...(prev.dod ?? {}) };
  for (const item of phase.dod) dod[item.id] = gate.checks.find((c) => c.id === item.id)?.status === 'pass';
  if (phase.id === 0) dod.env_checklist_completed = dod['env-checklist-completed'] ?? false;
  // local state is a cache: the closing checkpoint re-derives the quiz summary from the verified log
  const attempts = ctx.state.attempts.records;
  const lastAttempt = attempts.at(-1);
  const quiz = lastAttempt
    ? {
        ...(prev.quiz ?? {}),
        attempts: attempts.length,
        last: lastAttempt.score,
        best: Math.max(...attempts.map((a) => a.score)),
        passed: lastAttempt.passed,
        last_at: lastAttempt.at,
      }
    : prev.quiz;
  const fields = {
    ...prev,
    ...(quiz ? { quiz } : {}),
    dod,
    closed_at: closedAt,
    head_sha: gate.head_sha ?? '',
    report_sha256: reportSha,
    curriculum_sha256: curriculumSha,
  };
  // the signature binds what the gate can recompute: these fields, the report's bytes, the attempt log's tail
  const logText = ctx.fs.read(attemptsFile(learner, phase.id));
  const digest = closureDigest({
    checkpoint: fields,
    reportSha256: reportSha,
    logSha256: tailAtClose(logText, closedAt),
  });
  const signature = await sign(ws, digest);
  const { signature: _old, ...unsigned } = fields;
  const next: Checkpoint = {
    ...unsigned,
    status: signature ? 'attested' : 'done',
    gate_digest: digest,
    ...(signature ? { signature } : {}),
  };
  // Order matters for a crash: the report first, then the checkpoint that vouches for it, then the view.
  // The report's bytes are recorded as lynx's own first: killed before the checkpoint, the orphaned
  // report is recognised by the next `lynx report` (not "1 uncommitted path") and rewritten.
  const reportAbs = ws.abs(layout.report(phase.id));
  await recordOutput(ws.root, reportAbs, report);
  await writeAtomic(reportAbs, report);
  killPoint('report:written');
  await saveCheckpoint(ws, next); // and progress.md, the view, last
  await forgetOutput(ws.root, reportAbs);
  return [layout.report(phase.id), `learners/${learner}/phase-${nn(phase.id)}/checkpoint.json`, progressPath(learner)];
}

export async function report(opts: {
  cwd: string;
  learner?: string | undefined;
  phase: string;
  jobs?: number | undefined;
  progress?: CommandProgress | undefined;
}): Promise<ReportOutcome> {
  const t = await openTarget(opts.cwd, opts.learner, opts.phase);
  return withLock(t.ws.root, `lynx report ${nn(t.phase.id)}`, async () => {
    const cp = readCheckpoint(t.ws, t.learner, t.phase.id);
    if (cp?.status === 'done' || cp?.status === 'attested')
      throw new UsageError(
        `phase ${nn(t.phase.id)} is already closed (${cp.closed_at?.slice(0, 10) ?? '?'}); \`lynx gate ` +
          `${nn(t.phase.id)}\` verifies it`,
      );
    const reportRel = layoutOf(t.ws, t.learner).report(t.phase.id);
    // validate first: the report lynx will merge into and the plan are read now (a FIFO or a dangling link is exit 2
    // before the gate runs)
    for (const rel of [reportRel, layoutOf(t.ws, t.learner).plan(t.phase.id)])
      readRegular(t.ws.abs(rel), { display: rel, cap: CAPS.learner, root: t.ws.root, optional: true });
    const orphan = ownOutputs(t.ws.root)(reportRel);
    const { result, ctx } = await gateResult(
      t,
      {
        mode: 'full',
        ...(opts.jobs !== undefined ? { jobs: opts.jobs } : {}),
        ...(opts.progress ? { progress: opts.progress } : {}),
      },
      { ritual: true, requireClean: true },
    );
    const healed = orphan
      ? [
          `${layoutOf(t.ws, t.learner).report(t.phase.id)} was lynx's own report from an interrupted \`lynx ` +
            `report\` (its checkpoint was never written)${result.status === 'pass' ? '; rewritten' : ''}`,
        ]
      : [];
    if (result.status !== 'pass') return { gate: result, written: [], healed };
    return { gate: result, written: await close(t, result, ctx), healed };
  });
}
