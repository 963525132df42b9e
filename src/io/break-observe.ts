/**
 * Running a break's observe commands (and the tests after restore) through src/io/run-command:
 * what this machine can run, then each runnable step with its exit code, duration and output tail.
 */
import { accessSync, constants } from 'node:fs';
import type { ObserveFacts, ObservePlan } from '../core/break/observe-plan.js';
import type { StepResult } from '../core/break/results.js';
import type { CommandSpec } from '../core/checks/types.js';
import { justRecipes, resolveArgv, runCommand } from './run-command.js';
import { capabilities, findJust, onPath } from './tools.js';
import type { Workspace } from './workspace.js';

const TAIL_LINES = 20;

export async function observeFacts(ws: Workspace): Promise<ObserveFacts> {
  const have = capabilities();
  const recipes = findJust() ? await justRecipes(ws).catch(() => undefined) : undefined;
  return {
    hasProgram: (name) => {
      if (name.includes('/')) {
        try {
          accessSync(ws.abs(name), constants.X_OK);
          return true;
        } catch {
          return false;
        }
      }
      return onPath(name) !== undefined;
    },
    recipes,
    recipeName: (n) => ws.config.recipes?.[n] ?? n,
    has: (need) => have.has(need),
  };
}

const tailOf = (s: string): string => s.replace(/\s+$/, '').split('\n').slice(-TAIL_LINES).join('\n');

export async function runSpec(
  ws: Workspace,
  phase: number,
  spec: CommandSpec,
  text: string,
  onOutput?: (s: string) => void,
): Promise<StepResult> {
  const argv = await resolveArgv(ws, spec).catch(() => undefined);
  const r = await runCommand(ws, spec, phase, onOutput);
  const res: StepResult = {
    text,
    action: 'run',
    ...(argv ? { argv } : {}),
    exit_code: r.exitCode,
    duration_ms: r.durationMs,
    tail: tailOf(r.output),
    ...(r.timedOut ? { timed_out: true } : {}),
    ...(r.interrupted ? { interrupted: true } : {}),
    ...(r.logFile ? { log: r.logFile } : {}),
    ...(r.error ? { error: r.error } : {}),
  };
  if (spec.expect_exit !== undefined) {
    res.expect_exit = spec.expect_exit;
    res.as_expected = r.exitCode === spec.expect_exit;
  }
  return res;
}

/** Run every runnable step in order (and the fallback); skipped and manual steps are reported as such. */
export async function runPlan(
  ws: Workspace,
  phase: number,
  plan: ObservePlan,
  onOutput?: (s: string) => void,
): Promise<StepResult[]> {
  const out: StepResult[] = [];
  for (const s of plan.steps) {
    if (s.action === 'run')
      out.push({ ...(await runSpec(ws, phase, s.spec, s.text, onOutput)), ...(s.note ? { reason: s.note } : {}) });
    else if (s.action === 'skip') out.push({ text: s.text, action: 'skip', reason: s.reason });
    else out.push({ text: s.text, action: 'manual' });
  }
  if (plan.fallback)
    out.push({
      ...(await runSpec(ws, phase, plan.fallback.spec, plan.fallback.text, onOutput)),
      fallback: true,
      reason: plan.fallback.reason,
    });
  return out;
}
