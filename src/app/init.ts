/**
 * lynx init: make the current git repository a workspace. Idempotent: creates what is missing,
 * leaves identical files alone, and never overwrites a file the learner changed (it says so).
 */
import { readInside } from '../io/fsx.js';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { assertLearner } from '../core/ids.js';
import { buildStatus } from '../core/status.js';
import { renderProgress } from '../core/progress.js';
import type { InitResult } from '../core/results.js';
import { ensureFile, ensureLine, ensureLines, ensureTree, type Action } from '../io/scaffold.js';
import { parseConfig, CONFIG_FILE } from '../io/workspace.js';
import { packageRoot, lynxInstallSpec } from '../io/pkg.js';
import { phaseIndex } from '../io/curriculum.js';
import { withLock } from '../io/lock.js';
import { readFileSync } from 'node:fs';

function gitRoot(cwd: string): string {
  let dir = resolve(cwd);
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const up = dirname(dir);
    if (up === dir)
      throw new UsageError(`not a git repository: ${resolve(cwd)}`, {
        hint: 'Run `git init` first: a lynx workspace is a git repository.',
      });
    dir = up;
  }
}

/**
 * What lynx hashes stays byte-identical on every checkout: checkpoint.json records the sha256 of the plan, the
 * report and the attempt log, and the logs are hash-chained line by line, so a checkout that turns LF into CRLF
 * (core.autocrlf=true, the Git for Windows default) would break every closed phase. `eol=lf` keeps them LF in
 * the work tree whatever core.autocrlf says. The comment line comes first so a reader of the file sees why.
 */
export const LF_ATTRIBUTES = [
  '# lynx hashes these files (plans, reports, logs): keep them LF on every checkout, whatever core.autocrlf says',
  'PHASE_*_PLAN.md text eol=lf',
  'PHASE_*_REPORT.md text eol=lf',
  'learners/**/*.md text eol=lf',
  'learners/**/*.json text eol=lf',
  'learners/**/*.jsonl text eol=lf',
];

/** Where `lynx init --ci` puts the workflow; the template pins the lynx that wrote it (DESIGN: CI gate). */
export const CI_WORKFLOW = '.github/workflows/lynx-gate.yml';

export async function init(opts: {
  cwd: string;
  learner?: string | undefined;
  ci?: boolean;
  claude?: boolean;
  mcp?: boolean;
}): Promise<InitResult> {
  if (opts.mcp && !opts.claude) throw new UsageError('--mcp goes with --claude', { hint: 'lynx init --claude --mcp' });
  const root = gitRoot(opts.cwd);
  const existingText = readInside(root, CONFIG_FILE);
  const existing = existingText !== undefined ? await parseConfig(existingText, CONFIG_FILE) : undefined;
  const flag = opts.learner ?? process.env.LYNX_LEARNER;
  const learner =
    flag !== undefined
      ? assertLearner(flag, opts.learner !== undefined ? '--learner' : 'LYNX_LEARNER')
      : (existing?.learner ??
        (() => {
          throw new UsageError('which learner? pass --learner NAME', { hint: 'e.g. `lynx init --learner borja`' });
        })());
  const tpl = join(packageRoot(), 'templates');
  const r = await withLock(root, 'lynx init', async (): Promise<InitResult> => {
    const actions: Action[] = [];
    actions.push(
      await ensureFile(root, CONFIG_FILE, readFileSync(join(tpl, 'lynx.yaml'), 'utf8').replace('{{learner}}', learner)),
    );
    // a file or symlink named .lynx too, not only a directory
    actions.push(await ensureLine(root, '.gitignore', '/.lynx'));
    actions.push(await ensureLines(root, '.gitattributes', LF_ATTRIBUTES));
    actions.push(...(await ensureTree(root, join(tpl, 'learner', '_template'), 'learners/_template')));
    // A new learner is a copy of the workspace's own template (the curriculum's `cp -r learners/_template/`).
    actions.push(...(await ensureTree(root, join(root, 'learners', '_template'), `learners/${learner}`)));
    const index = await phaseIndex();
    actions.push(
      await ensureFile(root, `learners/${learner}/progress.md`, renderProgress(buildStatus(learner, index, new Map()))),
    );
    // --ci: the same rule as every scaffolded file (an edited workflow is kept and reported, never overwritten)
    if (opts.ci)
      actions.push(
        await ensureFile(
          root,
          CI_WORKFLOW,
          readFileSync(join(tpl, 'ci', 'lynx-gate.yml'), 'utf8').replace('{{lynx_package}}', lynxInstallSpec()),
        ),
      );
    return { root, learner, actions };
  });
  // --claude: the Claude Code files, with the same never-overwrite rule (src/app/claude-install.ts); it takes the lock
  // itself
  if (opts.claude)
    r.actions.push(
      ...(await (await import('./claude-install.js')).claudeInstall({ cwd: r.root, mcp: opts.mcp === true })).actions,
    );
  return r;
}
