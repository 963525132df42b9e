/**
 * lynx lab NN ID --run: run a lab's commands in order through src/io (just from PATH or the bundled
 * rust-just, arguments verbatim, a timeout each, the whole process tree killed on timeout or Ctrl-C,
 * the full log in .lynx/logs/). Each command's run — start, duration, outcome, exit code, log, the
 * manifests it created or changed — is appended to checkpoint.json under the workspace lock.
 */
import { existsSync } from 'node:fs';
import { LockedError, UsageError } from '../core/errors.js';
import { nn } from '../core/ids.js';
import { commandLabel, isRunnable, selectCommands, summarizeRuns, type LabCommand, type LabRun } from '../core/lab.js';
import type { Phase } from '../schemas/generated/types.js';
import { readCheckpoint } from '../io/checkpoint.js';
import { saveCheckpoint } from './progress.js';
import { lockState, withLock } from '../io/lock.js';
import { now } from '../io/clock.js';
import { changed, manifestHashes } from '../io/manifest-files.js';
import { justRecipes, runCommand } from '../io/run-command.js';
import { capabilities } from '../io/tools.js';
import type { Workspace } from '../io/workspace.js';
import type { LabRunResult, RunEvent } from '../core/lab-results.js';
import { openTarget } from './target.js';
import { layoutOf } from '../io/workspace.js';
import { findLab } from './lab.js';

export interface LabRunOptions {
  cwd: string;
  learner?: string | undefined;
  phase: number;
  id: string;
  only?: string | undefined;
  timeout?: string | undefined;
  extra?: string[];
  onEvent?: (e: RunEvent) => void;
  /** Called once the commands are known, before any runs (the live view needs their labels). */
  onPlan?: (labels: string[], title: string) => void;
}

/** What this machine lacks of a command's needs (see capabilities). */
function missingNeeds(c: LabCommand, have: ReadonlySet<string>): string[] {
  return (c.needs ?? []).filter((x) => !have.has(x));
}

/** A missing recipe stops the run before anything starts, naming the Justfile and what it has. */
async function checkRecipes(ws: Workspace, cmds: LabCommand[]): Promise<void> {
  const wanted = cmds.filter((c) => c.just !== undefined).map((c) => ws.config.recipes?.[c.just ?? ''] ?? c.just ?? '');
  if (wanted.length === 0) return;
  const file = ['Justfile', 'justfile', '.justfile'].find((f) => existsSync(ws.abs(f)));
  const recipes = await justRecipes(ws);
  if (!file || recipes === undefined)
    throw new UsageError(`no Justfile in ${ws.root}: \`just ${wanted[0] ?? ''}\` cannot run`, {
      hint: 'Add a Justfile with the recipes the lab names (see the lab page).',
    });
  const missing = [...new Set(wanted.filter((r) => !recipes.includes(r)))];
  if (missing.length > 0) {
    throw new UsageError(
      `${ws.abs(file)} has no recipe ${missing.map((m) => `\`${m}\``).join(', ')} — it has: ` +
        `${recipes.join(', ') || 'none'}`,
      {
        hint: `Add the recipe, or map it in lynx.yaml: recipes: { ${missing[0] ?? ''}: <your recipe> }`,
      },
    );
  }
}

function timeoutSeconds(ws: Workspace, c: LabCommand, flag: string | undefined): number {
  if (flag !== undefined) {
    const s = Number(flag);
    if (!Number.isFinite(s) || s <= 0) throw new UsageError(`--timeout expects seconds > 0 — found "${flag}"`);
    return s;
  }
  return c.timeout ?? ws.config.timeouts?.lab ?? 1800;
}

function requireInProgress(ws: Workspace, learner: string, phase: Phase): void {
  const st = readCheckpoint(ws, learner, phase.id)?.status ?? 'not_started';
  const n = nn(phase.id);
  if (st === 'in_progress') return;
  const why = {
    not_started: `phase ${n} has not started: \`lynx phase-start ${n}\`, then approve the plan`,
    planned: `phase ${n} is planned but its plan is not approved: \`lynx phase-start ${n} --approve\``,
    done: `phase ${n} is closed`,
    attested: `phase ${n} is closed`,
  }[st];
  throw new UsageError(
    `lab runs are recorded while a phase is in progress — ${why}`,
    st === 'done' || st === 'attested'
      ? { hint: "Run the recipes with `just` directly; a closed phase's record stays as it was." }
      : {},
  );
}

async function record(ws: Workspace, learner: string, phase: number, lab: string, run: LabRun): Promise<void> {
  // Read-modify-write under the lock, fresh each time: a run may take an hour, the lock only a moment.
  // A run that just finished must not be lost to another lynx command holding the lock: wait for it.
  for (let waited = 0; ; waited += 200) {
    try {
      await withLock(ws.root, `lynx lab ${nn(phase)} ${lab} --run`, async () => {
        const cp = readCheckpoint(ws, learner, phase);
        if (!cp) return;
        await saveCheckpoint(ws, { ...cp, labs: { ...cp.labs, [lab]: [...(cp.labs?.[lab] ?? []), run] } });
      });
      return;
    } catch (err) {
      if (!(err instanceof LockedError) || lockState(ws.root) !== 'held' || waited >= 30_000) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

export async function labRun(o: LabRunOptions): Promise<LabRunResult> {
  const { ws, learner, phase } = await openTarget(o.cwd, o.learner, o.phase, { requireFolder: true });
  const lab = findLab(phase, o.id);
  requireInProgress(ws, learner, phase);
  const { picked, unknown } = selectCommands(lab, o.only);
  const all = (lab.commands ?? []).map(commandLabel);
  if (unknown.length > 0)
    throw new UsageError(
      `lab ${nn(phase.id)}/${lab.id} has no command lynx can run as ${unknown.map((u) => `"${u}"`).join(', ')}`,
      {
        details: (lab.commands ?? []).map(
          (c, i) => `${i + 1}. ${commandLabel(c)}${isRunnable(c) ? '' : '  (by hand)'}`,
        ),
        hint: 'Pick by number or recipe name: --only 1,3 or --only setup,lint',
      },
    );
  if (picked.length === 0)
    throw new UsageError(
      `lab ${nn(phase.id)}/${lab.id} has no command lynx can run${all.length ? ` (by hand: ${all.join('; ')})` : ''}`,
    );
  const extra = o.extra ?? [];
  if (extra.length > 0 && picked.length !== 1)
    throw new UsageError(`extra arguments go to one command; ${picked.length} are selected`, {
      hint: 'Pick it with --only, e.g. --only 1 -- --tag broken',
    });
  const timeouts = picked.map((c) => timeoutSeconds(ws, c, o.timeout));
  const have = capabilities();
  await checkRecipes(
    ws,
    picked.filter((c) => missingNeeds(c, have).length === 0),
  );
  const labels = picked.map((c) => [commandLabel(c), ...extra].join(' '));
  o.onPlan?.(labels, `Lab ${nn(phase.id)}/${lab.id} — ${lab.title}`);

  // Between commands Ctrl-C must still stop the lab (proc.ts handles it while a command runs).
  let interrupted = false;
  const onSig = (): void => {
    interrupted = true;
  };
  process.on('SIGINT', onSig);
  const runs: LabRun[] = [];
  const skipped: LabRunResult['skipped'] = [];
  try {
    for (const [i, c] of picked.entries()) {
      const label = labels[i] ?? '';
      if (interrupted) break;
      const lacks = missingNeeds(c, have);
      if (lacks.length > 0) {
        skipped.push({
          command: label,
          reason: `needs ${lacks.join(', ')} (set LYNX_HAVE=${lacks.join(',')} if this machine has it)`,
        });
        o.onEvent?.({ type: 'skip', index: i, note: `needs ${lacks.join(', ')}` });
        continue;
      }
      const before = manifestHashes(ws.root, layoutOf(ws, learner).manifestGlobs);
      const startedAt = now().toISOString();
      o.onEvent?.({ type: 'start', index: i, at: Date.now() });
      const spec = {
        label: `${lab.id}-${label}`,
        timeout: timeouts[i] ?? 1800,
        ...(c.just !== undefined
          ? { just: c.just, args: [...(c.args ?? []), ...extra] }
          : { argv: [...(c.argv ?? []), ...extra] }),
        ...(c.env ? { env: c.env } : {}),
      };
      const r = await runCommand(ws, spec, phase.id, (chunk) => o.onEvent?.({ type: 'output', chunk }));
      const outcome: LabRun['outcome'] = r.interrupted
        ? 'interrupted'
        : r.timedOut
          ? 'timed_out'
          : r.exitCode === (c.expect_exit ?? 0) && r.error === undefined
            ? 'passed'
            : 'failed';
      if (r.error) o.onEvent?.({ type: 'output', chunk: `lynx: ${r.error}\n` });
      const manifests = changed(before, manifestHashes(ws.root, layoutOf(ws, learner).manifestGlobs));
      const run: LabRun = {
        started_at: startedAt,
        duration_ms: r.durationMs,
        outcome,
        exit_code: r.exitCode,
        command: label,
        ...(r.logFile ? { log: r.logFile } : {}),
        manifests,
        ...(r.substitution ? { substituted: r.substitution } : {}),
      };
      await record(ws, learner, phase.id, lab.id, run);
      runs.push(run);
      o.onEvent?.({
        type: 'end',
        index: i,
        outcome,
        durationMs: r.durationMs,
        exitCode: r.exitCode,
        log: r.logFile,
        note: outcome === 'timed_out' ? `after ${timeouts[i] ?? 0} s` : r.error,
      });
      if (outcome === 'interrupted') interrupted = true;
      if (outcome !== 'passed') break;
    }
  } finally {
    process.off('SIGINT', onSig);
  }
  const bad = runs.find((r) => r.outcome !== 'passed');
  const outcome: LabRunResult['outcome'] =
    bad?.outcome ?? (interrupted ? 'interrupted' : runs.length === 0 ? 'skipped' : 'passed');
  const cp = readCheckpoint(ws, learner, phase.id);
  return {
    schema_version: 1,
    phase: phase.id,
    lab: lab.id,
    title: lab.title,
    learner,
    outcome,
    runs,
    skipped,
    not_run: labels.filter((l) => !runs.some((r) => r.command === l) && !skipped.some((s) => s.command === l)),
    summary: summarizeRuns(lab, cp?.labs?.[lab.id] ?? []),
  };
}
