/**
 * Demo steps of the lifecycle area: open phase 00 and stop for approval, approve the plan, run lab
 * 00's gates, write the first journal entry, and diff the manifests of two `just exp` runs. Each
 * step commits its effect, as a learner would, so the tree is clean for the steps that follow.
 */
import * as git from '../../io/git.js';
import type { DemoEnv, DemoStepDef } from './types.js';

async function commit(env: DemoEnv, message: string): Promise<void> {
  await git.addAll(env.dir);
  await git.commit(env.dir, message);
}

export const steps: DemoStepDef[] = [
  {
    title: 'open phase 00: prerequisites and a clean tree checked, PHASE_00_PLAN.md written, stop for approval',
    command: 'lynx phase-start 00',
    run: async (env) => {
      const { phaseStart } = await import('../../app/phase-start.js');
      const r = await phaseStart({ cwd: env.dir, learner: env.learner, phase: 0, force: false });
      await commit(env, 'phase: phase-00 plan');
      const made = [r.plan, ...r.files].filter((f) => f.action === 'created').map((f) => `+ ${f.path}`);
      return {
        ok: r.status === 'planned',
        output: [...made, `status: ${r.status} — read the plan, edit it, commit it, then approve it`].join('\n'),
      };
    },
  },
  {
    title: 'approve the plan: its sha256 is recorded; later edits need a §8 revision entry',
    command: 'lynx phase-start 00 --approve',
    run: async (env) => {
      const { phaseApprove } = await import('../../app/phase-approve.js');
      const r = await phaseApprove({ cwd: env.dir, learner: env.learner, phase: 0 });
      await commit(env, 'phase: phase-00 plan approved');
      return {
        ok: r.approved_now,
        output: `approved ${r.plan.path} (sha256 ${r.plan.sha256.slice(0, 12)}…) — phase 00 in progress`,
      };
    },
  },
  {
    title: "run lab 00's gates through just (bandit needs uv from PyPI: not on this machine)",
    command: 'lynx lab 00 00 --run --only setup,lint,test,audit-deps',
    run: async (env) => {
      const [{ labRun }, { formatDuration }] = await Promise.all([
        import('../../app/lab-run.js'),
        import('../../core/lab.js'),
      ]);
      const r = await labRun({
        cwd: env.dir,
        learner: env.learner,
        phase: 0,
        id: '00',
        only: 'setup,lint,test,audit-deps',
      });
      await commit(env, 'lab: phase-00 env checks run');
      const lines = r.runs.map(
        (x) =>
          `${x.outcome === 'passed' ? '✓' : '✗'} ${x.command ?? ''}  ${x.outcome}  ${formatDuration(x.duration_ms)}`,
      );
      return {
        ok: r.outcome === 'passed',
        output: [
          ...lines,
          `recorded in learners/${env.learner}/phase-00/checkpoint.json; lab 00 is ${r.summary.state} (` +
            `${r.summary.ran}/${r.summary.total} commands)`,
        ].join('\n'),
      };
    },
  },
  {
    title: 'the first journal entry',
    command: 'lynx journal "lab 00: setup, lint, test, audit-deps green; bandit waits for uv"',
    run: async (env) => {
      const { journal } = await import('../../app/journal.js');
      const r = await journal({
        cwd: env.dir,
        learner: env.learner,
        text: 'lab 00: setup, lint, test, audit-deps green; bandit waits for uv (no PyPI on this machine)',
        decision: false,
      });
      await commit(env, 'journal: first entry');
      return { ok: true, output: `${r.path}\n${r.entry}` };
    },
  },
  {
    title: 'run the experiment again and diff the two manifests, by drift category',
    command:
      'just exp 00-seeding-rerun && lynx manifest diff experiments/00-seeding-demo/manifest.json ' +
      'experiments/00-seeding-rerun/manifest.json',
    run: async (env) => {
      const [{ run }, { findJust }, { manifestDiff }, { renderDiff }, { manifestCheck }] = await Promise.all([
        import('../../io/proc.js'),
        import('../../io/tools.js'),
        import('../../app/manifest-diff.js'),
        import('../../core/manifest-drift.js'),
        import('../../app/manifest-check.js'),
      ]);
      const just = findJust();
      if (!just) return { ok: false, output: 'just not found (neither on PATH nor the bundled rust-just)' };
      const x = await run([just.path, 'exp', '00-seeding-rerun'], { cwd: env.dir, timeoutMs: 60_000 });
      if (x.exitCode !== 0) return { ok: false, output: x.output };
      const d = manifestDiff({
        cwd: env.dir,
        a: 'experiments/00-seeding-demo/manifest.json',
        b: 'experiments/00-seeding-rerun/manifest.json',
      });
      await commit(env, 'exp: 00-seeding-rerun');
      const check = await manifestCheck({ cwd: env.dir, paths: [] });
      const why = d.drift
        ? 'exit 1: CODE drift — HEAD moved between the two runs (the commits above), so the runs are not from the ' +
          'same code'
        : 'exit 0: no CODE or VERSIONS drift';
      return {
        ok: check.ok,
        output: [
          ...renderDiff(d.differences, false),
          why,
          `lynx manifest check: ${check.manifests.length} manifest(s), ${check.ok ? 'all clean' : 'with problems'}`,
        ].join('\n'),
      };
    },
  },
];
