/**
 * lynx gate NN|--all: CI's verification of closed phases from a clean checkout. For each: the
 * closure artefacts (checkpoint closed, report present with its recorded sha256, head_sha in
 * history, signature when present), then every check re-run. Writes nothing but --junit FILE.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gateResult, openTarget, type Target } from './gate-common.js';
import { reportFile } from '../../core/gate.js';
import { sha256 } from '../../core/attempts.js';
import { isClosed } from '../../core/status.js';
import { nn } from '../../core/ids.js';
import { UsageError } from '../../core/errors.js';
import type { CheckContext, CheckResult } from '../../core/checks/types.js';
import { phaseIndex, loadPhase } from '../../io/curriculum.js';
import { readCheckpoint } from '../../io/checkpoint.js';
import { disableCacheWrites, openWorkspace, resolveLearner } from '../../io/workspace.js';
import { verify } from '../../io/signing.js';
import { writeAtomic } from '../../io/fsx.js';
import type { GateResult } from '../../schemas/generated/types.js';
import type { Ctx } from '../context.js';

async function closure(t: Target, ctx: CheckContext, tmp: string): Promise<CheckResult[]> {
  const cp = ctx.state.checkpoint;
  const id = nn(t.phase.id);
  const out: CheckResult[] = [];
  const add = (suffix: string, title: string, ok: boolean, message: string, evidence: string[] = []): void => {
    out.push({ id: `closure:${suffix}`, kind: 'closure', title, status: ok ? 'pass' : 'fail', message, evidence });
  };
  const cpPath = `learners/${t.learner}/phase-${id}/checkpoint.json`;
  if (!cp || !isClosed(cp.status)) {
    add('closed', `phase ${id} is closed`, false, `${cpPath} says ${cp?.status ?? 'nothing (missing)'} — close the phase with \`lynx report ${id}\``, [cpPath]);
    return out;
  }
  add('closed', `phase ${id} is closed`, true, `${cp.status} on ${cp.closed_at?.slice(0, 10) ?? '?'}`, [cpPath]);
  const rep = ctx.fs.read(reportFile(t.phase.id));
  if (rep === undefined) add('report', `${reportFile(t.phase.id)} is the report the checkpoint vouches for`, false, `${reportFile(t.phase.id)} is missing`);
  else {
    const actual = sha256(rep);
    add('report', `${reportFile(t.phase.id)} is the report the checkpoint vouches for`, actual === cp.report_sha256,
      actual === cp.report_sha256 ? `sha256 ${actual.slice(0, 12)} matches` : `${reportFile(t.phase.id)} was changed after the phase closed (sha256 ${actual.slice(0, 12)}, recorded ${(cp.report_sha256 ?? '').slice(0, 12)})`, [reportFile(t.phase.id)]);
  }
  const head = cp.head_sha ?? '';
  add('head', 'the closing commit is in this history', head !== '' && (await ctx.git.inHistory(head)), head ? `head_sha ${head.slice(0, 12)} ${(await ctx.git.inHistory(head)) ? 'is an ancestor of HEAD' : 'is not in this branch\'s history'}` : 'no head_sha recorded', [cpPath]);
  if (cp.signature) {
    const v = await verify(t.ws, cp.gate_digest ?? '', cp.signature, tmp);
    add('signature', 'the checkpoint signature is valid', v.ok, v.message || (v.ok ? 'valid' : 'invalid'), [cpPath]);
  } else if (cp.status === 'attested') add('signature', 'the checkpoint signature is valid', false, 'status is attested but the checkpoint carries no signature', [cpPath]);
  const current = (await phaseIndex(t.ws)).find((p) => p.id === t.phase.id)?.sha256;
  // a changed curriculum never passes silently: the checks below are the current ones, not those the phase closed with
  out.push({ id: 'closure:curriculum', kind: 'closure', title: 'curriculum version', status: current === cp.curriculum_sha256 ? 'pass' : 'warn', message: current === cp.curriculum_sha256 ? 'same curriculum as at closing' : `the phase's curriculum changed since closing (${(cp.curriculum_sha256 ?? '').slice(0, 12)} → ${(current ?? '').slice(0, 12)}); checks below use the current one` });
  return out;
}

export async function gate(opts: { cwd: string; learner?: string | undefined; phase?: string | undefined; all?: boolean }): Promise<GateResult[]> {
  disableCacheWrites();
  let phases: number[];
  const ws = await openWorkspace(opts.cwd);
  const learner = resolveLearner(ws, opts.learner);
  if (opts.all) {
    const index = await phaseIndex(ws);
    phases = index.filter((p) => { const cp = readCheckpoint(ws, learner, p.id); return cp !== undefined && isClosed(cp.status); }).map((p) => p.id);
  } else if (opts.phase !== undefined) {
    phases = [(await openTarget(opts.cwd, learner, opts.phase)).phase.id];
  } else throw new UsageError('give a phase (lynx gate 07) or --all');
  const tmp = mkdtempSync(join(tmpdir(), 'lynx-gate-'));
  try {
    const results: GateResult[] = [];
    for (const id of phases) {
      const t: Target = { ws, learner, phase: await loadPhase(ws, id) };
      const { result } = await gateResult(t, { mode: 'full', logRoot: tmp }, { ritual: true, requireClean: true }, (ctx) => closure(t, ctx, tmp));
      results.push(result);
    }
    return results;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export async function gateCommand(ctx: Ctx, o: { all?: boolean; junit?: string }, phase: string | undefined): Promise<number> {
  if (phase !== undefined && o.all) throw new UsageError('give either a phase or --all, not both');
  const results = await gate({ cwd: ctx.cwd, learner: ctx.learner, phase, all: o.all === true });
  if (o.junit) {
    const { junit } = await import('../../ui/junit.js');
    await writeAtomic(join(ctx.cwd, o.junit), junit(results), { tmpBeside: true });
  }
  const { emitGithub } = await import('../../io/github.js');
  await emitGithub(results);
  const code = results.some((r) => r.status === 'fail') ? 1 : results.some((r) => r.status === 'error') ? 3 : 0;
  if (ctx.json) {
    ctx.out(JSON.stringify(o.all ? results : results[0], null, 2));
    return code;
  }
  const [{ theme }, { renderGate }] = await Promise.all([import('../../ui/theme.js'), import('../../ui/gate-view.js')]);
  const th = theme();
  if (results.length === 0) ctx.out('no closed phase to verify');
  for (const r of results) ctx.out(`${renderGate(r, th, { heading: `Gate · phase ${nn(r.phase)} · learner ${r.learner}` })}\n`);
  return code;
}
