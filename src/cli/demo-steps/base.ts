/** The demo's first steps: make the workspace a lynx workspace, run an experiment, and look around. */
import { join } from 'node:path';
import * as git from '../../io/git.js';
import type { DemoStepDef } from './types.js';

export const steps: DemoStepDef[] = [
  {
    title: 'turn the repository into a lynx workspace, with its Claude Code commands and subagents',
    command: 'lynx init --learner demo --claude',
    run: async (env) => {
      const { init } = await import('../../app/init.js');
      const r = await init({ cwd: env.dir, learner: env.learner, claude: true });
      await git.addAll(env.dir);
      await git.commit(env.dir, 'lynx init --claude: workspace config, learner folder, .claude/ and CLAUDE.md');
      return {
        ok: true,
        output: r.actions
          .filter((a) => a.action !== 'unchanged')
          .map((a) => `${a.action} ${a.path}`)
          .join('\n'),
      };
    },
  },
  {
    title: 'run an experiment: its manifest records the real git sha and dirtiness',
    command: 'just exp 00-seeding-demo',
    run: async (env) => {
      const [{ run }, { findJust }, { readFileSync }] = await Promise.all([
        import('../../io/proc.js'),
        import('../../io/tools.js'),
        import('node:fs'),
      ]);
      const just = findJust();
      if (!just) return { ok: false, output: 'just not found (neither on PATH nor the bundled rust-just)' };
      const r = await run([just.path, 'exp', '00-seeding-demo'], { cwd: env.dir, timeoutMs: 60_000 });
      if (r.exitCode !== 0) return { ok: false, output: r.output };
      const m = JSON.parse(readFileSync(join(env.dir, 'experiments/00-seeding-demo/manifest.json'), 'utf8')) as {
        git_sha: string;
        git_dirty: boolean;
        seed: number;
        metrics: { final_loss: number };
      };
      await git.addAll(env.dir);
      await git.commit(env.dir, 'exp: 00-seeding-demo manifest');
      return {
        ok: true,
        output:
          `experiments/00-seeding-demo/manifest.json  git_sha ${m.git_sha.slice(0, 12)}  git_dirty ` +
          `${String(m.git_dirty)}  seed ${m.seed}  final_loss ${m.metrics.final_loss}`,
      };
    },
  },
  {
    title: 'where every phase stands',
    command: 'lynx status',
    run: async (env) => {
      const [{ status }, { renderStatus }, { theme }] = await Promise.all([
        import('../../app/status.js'),
        import('../../ui/status-view.js'),
        import('../../ui/theme.js'),
      ]);
      const r = await status({ cwd: env.dir, learner: env.learner });
      const l = r.learners[0];
      if (!l) return { ok: false, output: 'no learner' };
      return {
        ok: true,
        output:
          renderStatus(
            { learner: l.learner, current: l.current, counts: l.counts, rows: l.phases.map((p) => ({ ...p })) },
            theme(),
          )
            .split('\n')
            .slice(0, 8)
            .join('\n') + '\n  …',
      };
    },
  },
  {
    title: 'the curriculum lynx runs is valid',
    command: 'lynx validate',
    run: async (env) => {
      const { validate } = await import('../../app/validate.js');
      const r = await validate({ cwd: env.dir });
      return {
        ok: r.ok,
        output:
          `${r.ok ? 'valid' : 'INVALID'}: ${r.phases} phases, ${r.quiz_banks} quiz banks, ${r.quiz_items} ` +
          `questions`,
      };
    },
  },
  {
    title: 'tools and workspace health',
    command: 'lynx doctor',
    run: async (env) => {
      const { doctor } = await import('../../app/doctor.js');
      const r = await doctor({ cwd: env.dir, learner: env.learner });
      const tools = r.tools.map(
        (t) => `${t.found ? '✓' : t.required ? '✗' : '!'} ${t.name} ${t.version ?? (t.found ? '' : 'not found')}`,
      );
      const ws =
        r.workspace?.checks.map((c) => `${c.status === 'ok' ? '✓' : c.status === 'warn' ? '!' : '✗'} ${c.message}`) ??
        [];
      return { ok: r.ok, output: [...tools, ...ws].join('\n') };
    },
  },
];
