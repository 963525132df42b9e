/**
 * lynx demo: make a real demo workspace (a git repository from templates/demo-workspace/) and walk
 * the ritual in it, step by step, printing what each lynx command says. Steps are data, so later
 * features add their step here.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, renameSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { packageRoot } from '../../io/pkg.js';
import * as git from '../../io/git.js';
import type { Ctx } from '../context.js';

import type { DemoEnv, DemoStepDef } from '../demo-steps/types.js';
import { steps as lifecycleSteps } from '../demo-steps/lifecycle.js';
import { steps as quizSteps } from '../demo-steps/quiz.js';
import { steps as breakSteps } from '../demo-steps/break.js';
import { steps as gatekeeperSteps } from '../demo-steps/gatekeeper.js';

export interface DemoStep { title: string; command: string; ok: boolean; output: string }

const baseSteps: DemoStepDef[] = [
  {
    title: 'turn the repository into a lynx workspace, with its Claude Code commands and subagents',
    command: 'lynx init --learner demo --claude',
    run: async (env) => {
      const [{ init }, { claudeInstall }] = await Promise.all([import('./init.js'), import('../../app/claude-install.js')]);
      const r = await init({ cwd: env.dir, learner: env.learner });
      const c = await claudeInstall({ cwd: env.dir });
      await git.addAll(env.dir);
      await git.commit(env.dir, 'lynx init --claude: workspace config, learner folder, .claude/ and CLAUDE.md');
      return { ok: true, output: [...r.actions, ...c.actions].filter((a) => a.action !== 'unchanged').map((a) => `${a.action} ${a.path}`).join('\n') };
    },
  },
  {
    title: 'run an experiment: its manifest records the real git sha and dirtiness',
    command: 'just exp 00-seeding-demo',
    run: async (env) => {
      const [{ run }, { findJust }, { readFileSync }] = await Promise.all([import('../../io/proc.js'), import('../../io/tools.js'), import('node:fs')]);
      const just = findJust();
      if (!just) return { ok: false, output: 'just not found (neither on PATH nor the bundled rust-just)' };
      const r = await run([just.path, 'exp', '00-seeding-demo'], { cwd: env.dir, timeoutMs: 60_000 });
      if (r.exitCode !== 0) return { ok: false, output: r.output };
      const m = JSON.parse(readFileSync(join(env.dir, 'experiments/00-seeding-demo/manifest.json'), 'utf8')) as { git_sha: string; git_dirty: boolean; seed: number; metrics: { final_loss: number } };
      await git.addAll(env.dir);
      await git.commit(env.dir, 'exp: 00-seeding-demo manifest');
      return { ok: true, output: `experiments/00-seeding-demo/manifest.json  git_sha ${m.git_sha.slice(0, 12)}  git_dirty ${String(m.git_dirty)}  seed ${m.seed}  final_loss ${m.metrics.final_loss}` };
    },
  },
  {
    title: 'where every phase stands',
    command: 'lynx status',
    run: async (env) => {
      const [{ status }, { renderStatus }, { theme }] = await Promise.all([import('./status.js'), import('../../ui/status-view.js'), import('../../ui/theme.js')]);
      const r = await status({ cwd: env.dir, learner: env.learner });
      const l = r.learners[0];
      if (!l) return { ok: false, output: 'no learner' };
      return { ok: true, output: renderStatus({ learner: l.learner, current: l.current, counts: l.counts, rows: l.phases.map((p) => ({ ...p })) }, theme()).split('\n').slice(0, 8).join('\n') + '\n  …' };
    },
  },
  {
    title: 'the curriculum lynx runs is valid',
    command: 'lynx validate',
    run: async (env) => {
      const { validate } = await import('./validate.js');
      const r = await validate({ cwd: env.dir });
      return { ok: r.ok, output: `${r.ok ? 'valid' : 'INVALID'}: ${r.phases} phases, ${r.quiz_banks} quiz banks, ${r.quiz_items} questions` };
    },
  },
  {
    title: 'tools and workspace health',
    command: 'lynx doctor',
    run: async (env) => {
      const { doctor } = await import('./doctor.js');
      const r = await doctor({ cwd: env.dir, learner: env.learner });
      const tools = r.tools.map((t) => `${t.found ? '✓' : t.required ? '✗' : '!'} ${t.name} ${t.version ?? (t.found ? '' : 'not found')}`);
      const ws = r.workspace?.checks.map((c) => `${c.status === 'ok' ? '✓' : c.status === 'warn' ? '!' : '✗'} ${c.message}`) ?? [];
      return { ok: r.ok, output: [...tools, ...ws].join('\n') };
    },
  },
];

/** The ritual, in order: open the workspace, plan and run the phase, quiz, break, then close it. */
const steps: DemoStepDef[] = [...baseSteps, ...lifecycleSteps, ...quizSteps, ...breakSteps, ...gatekeeperSteps];

async function makeWorkspace(dirOpt: string | undefined, cwd: string): Promise<string> {
  let dir: string;
  if (dirOpt !== undefined) {
    dir = resolve(cwd, dirOpt);
    if (existsSync(dir) && readdirSync(dir).length > 0) throw new UsageError(`--dir ${dirOpt} is not empty; the demo needs a new or empty directory`);
    mkdirSync(dir, { recursive: true });
  } else {
    dir = mkdtempSync(join(tmpdir(), 'lynx-demo-'));
  }
  cpSync(join(packageRoot(), 'templates', 'demo-workspace'), dir, { recursive: true });
  renameSync(join(dir, 'gitignore.template'), join(dir, '.gitignore'));
  await git.init(dir);
  await git.setLocalConfig(dir, 'user.name', 'Lynx Demo');
  await git.setLocalConfig(dir, 'user.email', 'demo@lynx.invalid');
  await git.setLocalConfig(dir, 'commit.gpgsign', 'false');
  await git.addAll(dir);
  await git.commit(dir, 'demo: starting workspace (Justfile, seeding, tests, experiment script)');
  return dir;
}

export async function demo(opts: { cwd: string; dir?: string | undefined; onStep?: ((s: DemoStep) => void) | undefined }): Promise<{ dir: string; ok: boolean; steps: DemoStep[] }> {
  const dir = await makeWorkspace(opts.dir, opts.cwd);
  const env: DemoEnv = { dir, learner: 'demo' };
  const done: DemoStep[] = [];
  for (const s of steps) {
    const r = await s.run(env);
    const step = { title: s.title, command: s.command, ok: r.ok, output: r.output };
    done.push(step);
    opts.onStep?.(step);
    if (!r.ok) break;
  }
  return { dir, ok: done.every((s) => s.ok), steps: done };
}

export async function demoCommand(ctx: Ctx, dir: string | undefined): Promise<number> {
  const { theme } = await import('../../ui/theme.js');
  const t = theme();
  const r = await demo({
    cwd: ctx.cwd,
    dir,
    onStep: ctx.json ? undefined : (s) => {
      ctx.out(`${s.ok ? t.ok('✓') : t.bad('✗')} ${t.bold(s.title)}  ${t.dim(`$ ${s.command}`)}`);
      ctx.out(s.output.split('\n').map((l) => `    ${l}`).join('\n'));
    },
  });
  if (ctx.json) {
    ctx.out(JSON.stringify({ schema_version: 1, dir: r.dir, ok: r.ok, steps: r.steps }, null, 2));
    return r.ok ? 0 : 1;
  }
  ctx.out('');
  ctx.out(`${t.bold('Demo workspace:')} ${r.dir}`);
  ctx.out('Try next:');
  for (const l of [`cd ${r.dir}`, 'lynx status', 'lynx doctor', 'just test', 'just exp 00-seeding-demo']) ctx.out(`  ${t.info('$')} ${l}`);
  ctx.out(t.dim(`(run lynx from this checkout as: node ${join(packageRoot(), 'bin', 'lynx.js')} …)`));
  return r.ok ? 0 : 1;
}
