/**
 * lynx init: make the current git repository a workspace. Idempotent: creates what is missing,
 * leaves identical files alone, and never overwrites a file the learner changed (it says so).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { assertLearner } from '../../core/ids.js';
import { buildStatus } from '../../core/status.js';
import { renderProgress } from '../../core/progress.js';
import { ensureFile, ensureLine, ensureTree, type Action } from '../../io/scaffold.js';
import { parseConfig, CONFIG_FILE } from '../../io/workspace.js';
import { packageRoot } from '../../io/pkg.js';
import { phaseIndex } from '../../io/curriculum.js';
import { withLock } from '../../io/lock.js';
import { readFileSync } from 'node:fs';
import type { Ctx } from '../context.js';

function gitRoot(cwd: string): string {
  let dir = resolve(cwd);
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new UsageError(`not a git repository: ${resolve(cwd)}`, { hint: 'Run `git init` first: a lynx workspace is a git repository.' });
    dir = up;
  }
}

export interface InitResult { root: string; learner: string; actions: Action[] }

export async function init(opts: { cwd: string; learner?: string | undefined }): Promise<InitResult> {
  const root = gitRoot(opts.cwd);
  const configPath = join(root, CONFIG_FILE);
  const existing = existsSync(configPath) ? await parseConfig(readFileSync(configPath, 'utf8'), CONFIG_FILE) : undefined;
  const flag = opts.learner ?? process.env.LYNX_LEARNER;
  const learner = flag !== undefined
    ? assertLearner(flag, opts.learner !== undefined ? '--learner' : 'LYNX_LEARNER')
    : existing?.learner ?? (() => { throw new UsageError('which learner? pass --learner NAME', { hint: 'e.g. `lynx init --learner borja`' }); })();
  const tpl = join(packageRoot(), 'templates');
  return withLock(root, 'lynx init', async () => {
    const actions: Action[] = [];
    actions.push(await ensureFile(root, CONFIG_FILE, readFileSync(join(tpl, 'lynx.yaml'), 'utf8').replace('{{learner}}', learner)));
    actions.push(await ensureLine(root, '.gitignore', '.lynx/'));
    actions.push(...await ensureTree(root, join(tpl, 'learner', '_template'), 'learners/_template'));
    // A new learner is a copy of the workspace's own template (the curriculum's `cp -r learners/_template/`).
    actions.push(...await ensureTree(root, join(root, 'learners', '_template'), `learners/${learner}`));
    const index = await phaseIndex();
    actions.push(await ensureFile(root, `learners/${learner}/progress.md`, renderProgress(buildStatus(learner, index, new Map()))));
    return { root, learner, actions };
  });
}

export async function initCommand(ctx: Ctx, o: { claude?: boolean; mcp?: boolean } = {}): Promise<number> {
  if (o.mcp && !o.claude) throw new UsageError('--mcp goes with --claude', { hint: 'lynx init --claude --mcp' });
  const r = await init({ cwd: ctx.cwd, learner: ctx.learner });
  // --claude: the Claude Code files, with the same never-overwrite rule (src/app/claude-install.ts)
  if (o.claude) r.actions.push(...(await (await import('../../app/claude-install.js')).claudeInstall({ cwd: r.root, mcp: o.mcp === true })).actions);
  if (ctx.json) {
    ctx.out(JSON.stringify({ schema_version: 1, root: r.root, learner: r.learner, actions: r.actions }, null, 2));
    return 0;
  }
  const { theme } = await import('../../ui/theme.js');
  const t = theme();
  const mark = { created: t.ok('+'), updated: t.ok('~'), unchanged: t.dim('='), kept: t.warn('!') };
  for (const a of r.actions) if (a.action !== 'unchanged') ctx.out(`${mark[a.action]} ${a.path}${a.action === 'kept' ? t.dim('  (kept: it differs from the template and may hold your edits)') : ''}`);
  const created = r.actions.filter((a) => a.action === 'created').length;
  ctx.out(`${t.ok('✓')} workspace ready at ${r.root} for learner ${t.bold(r.learner)}${created === 0 ? ' (nothing to do)' : ''}`);
  ctx.out(t.dim('next: lynx status · lynx doctor · commit lynx.yaml and learners/'));
  return 0;
}
