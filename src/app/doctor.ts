/** lynx doctor: the tools lynx needs and the workspace's health, with what to do about each problem. */
import { existsSync } from 'node:fs';
import { probeTools } from '../io/tools.js';
import { findRoot, loadConfig, resolveLearner, type Workspace } from '../io/workspace.js';
import { isIgnored, headSha } from '../io/git.js';
import { lockState, readLockOwner } from '../io/lock.js';
import { openBreakJournals } from '../io/notices.js';
import { phaseIndex } from '../io/curriculum.js';
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

export async function doctor(opts: { cwd: string; learner?: string | undefined }): Promise<DoctorReport> {
  const tools = await probeTools(opts.cwd);
  let root: string | undefined;
  try {
    root = findRoot(opts.cwd);
  } catch {
    root = undefined;
  }
  const workspace = root ? { root, checks: await workspaceChecks(root, opts.learner) } : null;
  const ok =
    tools.every((t) => t.found || !t.required) && !(workspace?.checks.some((c) => c.status === 'fail') ?? false);
  return { schema_version: 1, lynx_version: lynxVersion(), node: process.version, ok, tools, workspace };
}
