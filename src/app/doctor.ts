/** lynx doctor: the tools lynx needs and the workspace's health, with what to do about each problem. */
import { existsSync } from 'node:fs';
import { probeTools } from '../io/tools.js';
import { findRoot, loadConfig, openWorkspace, resolveLearner, type Workspace } from '../io/workspace.js';
import { isIgnored, headSha } from '../io/git.js';
import { lockState, readLockOwner } from '../io/lock.js';
import { openBreakJournals } from '../io/notices.js';
import { loadPhase, phaseIndex } from '../io/curriculum.js';
import { listPhaseStatus } from '../io/phase-status.js';
import { phaseTools } from '../io/phase-tools.js';
import { nn, parsePhase } from '../core/ids.js';
import { lynxVersion } from '../io/pkg.js';
import { LynxError } from '../core/errors.js';
import type { DoctorReport } from '../schemas/generated/types.js';

type Check = NonNullable<DoctorReport['workspace']>['checks'][number];

async function workspaceChecks(root: string, learnerFlag: string | undefined): Promise<Check[]> {
  const checks: Check[] = [];
  const add = (id: string, status: Check['status'], message: string, hint?: string): void => {
    checks.push({ id, status, message, ...(hint ? { hint } : {}) });
  };
  let ws: Workspace | undefined;
  try {
    const config = await loadConfig(root);
    ws = { root, config, abs: (rel) => `${root}/${rel}` };
    add('config', 'ok', 'lynx.yaml is valid');
  } catch (err) {
    add(
      'config',
      'fail',
      err instanceof LynxError ? err.message : String(err),
      'Fix lynx.yaml; the message names the line.',
    );
  }
  try {
    const learner = resolveLearner(ws, learnerFlag);
    if (existsSync(`${root}/learners/${learner}`))
      add('learner', 'ok', `learner ${learner}: learners/${learner}/ exists`);
    else
      add(
        'learner',
        'fail',
        `learner ${learner} has no directory learners/${learner}/`,
        `Run \`lynx init --learner ${learner}\`.`,
      );
  } catch (err) {
    add(
      'learner',
      'warn',
      err instanceof LynxError ? err.message : String(err),
      err instanceof LynxError ? err.hint : undefined,
    );
  }
  if (ws) {
    try {
      const index = await phaseIndex(ws);
      add(
        'curriculum',
        index.length === 42 ? 'ok' : 'warn',
        `curriculum: ${index.length} phases${ws.config.curriculum ? ` from ${ws.config.curriculum}` : ' (bundled)'}`,
      );
    } catch (err) {
      add('curriculum', 'fail', err instanceof LynxError ? err.message : String(err), 'Run `lynx validate`.');
    }
  }
  add(
    'lynx-ignored',
    (await isIgnored(root, '.lynx/lock')) ? 'ok' : 'warn',
    (await isIgnored(root, '.lynx/lock'))
      ? '.lynx/ is git-ignored'
      : ".lynx/ is not git-ignored (lynx's private state would show as dirty)",
    'Add `.lynx/` to .gitignore (`lynx init` does it).',
  );
  add(
    'head',
    (await headSha(root)) ? 'ok' : 'warn',
    (await headSha(root)) ? 'the repository has commits' : 'the repository has no commits yet',
    'Commit once: the gate anchors everything to a commit.',
  );
  const lock = lockState(root);
  const owner = readLockOwner(root);
  if (lock === 'free') add('lock', 'ok', 'no lock held');
  else if (lock === 'stale')
    add(
      'lock',
      'warn',
      `stale lock from dead pid ${owner?.pid ?? '?'} (${owner?.command ?? '?'})`,
      'It is recovered automatically by the next command that writes.',
    );
  else
    add(
      'lock',
      'warn',
      `lock held by pid ${owner?.pid ?? '?'} (${owner?.command ?? 'unknown'}) since ${owner?.since ?? '?'}`,
      'Another lynx command is running; wait for it.',
    );
  const journals = openBreakJournals(root);
  if (journals.length === 0) add('breaks', 'ok', 'no active break');
  else
    add(
      'breaks',
      'warn',
      `active break journal(s): ${journals.join(', ')}`,
      'Restore with `lynx break <NN> restore` (or check `lynx break <NN> status`).',
    );
  return checks;
}

/** The learner's open phase (planned or in progress), for the phase-less doctor's pointer to `lynx doctor NN`. */
async function openPhase(root: string, learnerFlag: string | undefined): Promise<number | undefined> {
  try {
    const ws = await openWorkspace(root);
    const learner = resolveLearner(ws, learnerFlag);
    const open = (await listPhaseStatus(ws, learner)).find((p) => p.status === 'planned' || p.status === 'in_progress');
    return open?.phase;
  } catch {
    return undefined; // the workspace checks above say what is wrong
  }
}

/**
 * `phase`: `lynx doctor NN` adds the tools that phase's labs and DoD run (src/io/phase-tools.ts); uv is then
 * required when the phase still needs it on this machine (a runner in lynx.yaml may stand in for it), and any
 * missing tool of the phase fails the doctor. Without NN, uv stays optional and the open phase is named.
 */
export async function doctor(opts: {
  cwd: string;
  learner?: string | undefined;
  phase?: string | undefined;
}): Promise<DoctorReport> {
  const tools = await probeTools(opts.cwd);
  let root: string | undefined;
  try {
    root = findRoot(opts.cwd);
  } catch (err) {
    if (opts.phase !== undefined) throw err; // `doctor NN` reads the workspace's curriculum and Justfile
    root = undefined;
  }
  let section: DoctorReport['phase'];
  if (opts.phase !== undefined && root) {
    const ws = await openWorkspace(root);
    const phase = await loadPhase(ws, parsePhase(opts.phase));
    section = await phaseTools(ws, phase);
    const uvUses = section.tools.find((t) => t.kind === 'path' && t.name === 'uv');
    for (const t of tools)
      if (t.name === 'uv' && uvUses) {
        t.required = true;
        t.purpose = `phase ${nn(phase.id)} runs \`uv run …\` (${uvUses.used_by.length} command(s))`;
      }
  }
  const workspace = root ? { root, checks: await workspaceChecks(root, opts.learner) } : null;
  const current = root && opts.phase === undefined ? await openPhase(root, opts.learner) : undefined;
  const ok =
    tools.every((t) => t.found || !t.required) &&
    !(workspace?.checks.some((c) => c.status === 'fail') ?? false) &&
    section?.ok !== false;
  return {
    schema_version: 1,
    lynx_version: lynxVersion(),
    node: process.version,
    ok,
    tools,
    workspace,
    ...(current !== undefined ? { current_phase: current } : {}),
    ...(section ? { phase: section } : {}),
  };
}
