/**
 * lynx validate [DIR]: schema + cross-references over curriculum and quiz files.
 * Without DIR: the workspace's own copies when lynx.yaml names them, else the bundled sources.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadDataSet } from '../io/data-files.js';
import { packageRoot, lynxVersion } from '../io/pkg.js';
import { findRoot, loadConfig } from '../io/workspace.js';
import { UsageError } from '../core/errors.js';
import type { ValidateReport } from '../schemas/generated/types.js';

async function sources(
  cwd: string,
  dir: string | undefined,
): Promise<{ curriculum: string; quizzes: string; root: string; label: string }> {
  if (dir !== undefined) {
    const root = resolve(cwd, dir);
    if (!existsSync(root)) throw new UsageError(`no such directory: ${dir}`);
    return { curriculum: join(root, 'curriculum'), quizzes: join(root, 'quizzes'), root, label: root };
  }
  let wsRoot: string | undefined;
  try {
    wsRoot = findRoot(cwd);
  } catch {
    wsRoot = undefined;
  }
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

export async function validate(opts: {
  cwd: string;
  dir?: string | undefined;
  checks?: boolean;
}): Promise<ValidateReport> {
  const src = await sources(opts.cwd, opts.dir);
  const t0 = performance.now();
  const data = await loadDataSet(src.curriculum, src.quizzes, src.root, { checks: opts.checks === true });
  return {
    schema_version: 1,
    lynx_version: lynxVersion(),
    source: src.label,
    ok: data.problems.length === 0,
    phases: data.phases.length,
    quiz_banks: data.quizzes.length,
    quiz_items: data.quizzes.reduce((n, q) => n + q.bank.items.length, 0),
    problems: data.problems,
    ...(data.selfTest
      ? {
          self_test: {
            items: data.selfTest.items,
            checks: data.selfTest.checks,
            ms: Math.round(performance.now() - t0),
          },
        }
      : {}),
  };
}
