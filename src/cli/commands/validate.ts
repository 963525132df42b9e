/**
 * lynx validate [DIR]: schema + cross-references over curriculum and quiz files.
 * Without DIR: the workspace's own copies when lynx.yaml names them, else the bundled sources.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadDataSet, problemLine } from '../../io/data-files.js';
import { packageRoot, lynxVersion } from '../../io/pkg.js';
import { findRoot, loadConfig } from '../../io/workspace.js';
import { UsageError } from '../../core/errors.js';
import type { ValidateReport } from '../../schemas/generated/types.js';
import type { Ctx } from '../context.js';

const MAX_SHOWN = 50;

async function sources(cwd: string, dir: string | undefined): Promise<{ curriculum: string; quizzes: string; root: string; label: string }> {
  if (dir !== undefined) {
    const root = resolve(cwd, dir);
    if (!existsSync(root)) throw new UsageError(`no such directory: ${dir}`);
    return { curriculum: join(root, 'curriculum'), quizzes: join(root, 'quizzes'), root, label: root };
  }
  let wsRoot: string | undefined;
  try { wsRoot = findRoot(cwd); } catch { wsRoot = undefined; }
  if (wsRoot) {
    const config = await loadConfig(wsRoot);
    if (config.curriculum || config.quizzes) {
      return {
        curriculum: config.curriculum ? join(wsRoot, config.curriculum) : join(packageRoot(), 'curriculum'),
        quizzes: config.quizzes ? join(wsRoot, config.quizzes) : join(packageRoot(), 'quizzes'),
        root: wsRoot,
        label: `workspace ${wsRoot}`,
      };
    }
  }
  const pkg = packageRoot();
  return { curriculum: join(pkg, 'curriculum'), quizzes: join(pkg, 'quizzes'), root: pkg, label: 'bundled curriculum' };
}

export async function validate(opts: { cwd: string; dir?: string | undefined }): Promise<ValidateReport> {
  const src = await sources(opts.cwd, opts.dir);
  const data = await loadDataSet(src.curriculum, src.quizzes, src.root);
  return {
    schema_version: 1,
    lynx_version: lynxVersion(),
    source: src.label,
    ok: data.problems.length === 0,
    phases: data.phases.length,
    quiz_banks: data.quizzes.length,
    quiz_items: data.quizzes.reduce((n, q) => n + q.bank.items.length, 0),
    problems: data.problems,
  };
}

export async function validateCommand(ctx: Ctx, dir: string | undefined, breaks?: string | true): Promise<number> {
  if (breaks !== undefined) {
    if (dir !== undefined) throw new UsageError('give either a DIR or --breaks [WORKSPACE], not both');
    // --breaks alone: the self-test of every exact-edit break on the labs' files; with a workspace: the dry run there.
    return breaks === true ? (await import('./validate-breaks.js')).selfTestCommand(ctx) : (await import('./validate-breaks.js')).validateBreaksCommand(ctx, breaks);
  }
  const r = await validate({ cwd: ctx.cwd, dir });
  if (ctx.json) {
    ctx.out(JSON.stringify(r, null, 2));
    return r.ok ? 0 : 2;
  }
  const { theme } = await import('../../ui/theme.js');
  const t = theme();
  const summary = `${r.phases} phases, ${r.quiz_banks} quiz banks, ${r.quiz_items} questions (${r.source})`;
  if (r.ok) {
    ctx.out(`${t.ok('✓')} valid: ${summary}`);
    return 0;
  }
  for (const p of r.problems.slice(0, MAX_SHOWN)) ctx.err(problemLine(p));
  if (r.problems.length > MAX_SHOWN) ctx.err(t.dim(`… and ${r.problems.length - MAX_SHOWN} more (use --json for all)`));
  ctx.err(`${t.bad('✗')} ${r.problems.length} problem(s) in ${summary}`);
  return 2;
}
