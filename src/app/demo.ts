/**
 * lynx demo: make a real demo workspace (a git repository from templates/demo-workspace/) and walk
 * the ritual in it, step by step, printing what each lynx command says. Steps are data (src/cli/demo-steps),
 * so later features add their step there.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, renameSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { packageRoot } from '../io/pkg.js';
import * as git from '../io/git.js';

import type { DemoEnv, DemoResult, DemoStep, DemoStepDef } from '../core/results.js';

async function makeWorkspace(dirOpt: string | undefined, cwd: string): Promise<string> {
  let dir: string;
  if (dirOpt !== undefined) {
    dir = resolve(cwd, dirOpt);
    if (existsSync(dir) && readdirSync(dir).length > 0)
      throw new UsageError(`--dir ${dirOpt} is not empty; the demo needs a new or empty directory`);
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

/** The steps are data the caller passes (src/cli/demo-steps: each prints what its command says). */
export async function demo(opts: {
  cwd: string;
  dir?: string | undefined;
  steps: readonly DemoStepDef[];
  onStep?: ((s: DemoStep) => void) | undefined;
}): Promise<DemoResult> {
  const dir = await makeWorkspace(opts.dir, opts.cwd);
  const env: DemoEnv = { dir, learner: 'demo' };
  const done: DemoStep[] = [];
  for (const s of opts.steps) {
    const r = await s.run(env);
    const step = { title: s.title, command: s.command, ok: r.ok, output: r.output };
    done.push(step);
    opts.onStep?.(step);
    if (!r.ok) break;
  }
  return { schema_version: 1, dir, ok: done.every((s) => s.ok), steps: done };
}
