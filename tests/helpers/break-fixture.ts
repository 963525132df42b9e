/**
 * A real workspace for break tests: the demo workspace (Justfile, src/utils/seeding.py, python3
 * tests) in a new git repository, made a lynx workspace for learner borja and committed. Phase
 * 00's break applies to it for real.
 */
import { cpSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { git, lynx, repoRoot, runCopyOf, tempDir, write } from './cli.js';
import { lynxIn } from './app.js';

export const TARGET = 'src/utils/seeding.py';
export const PREDICTIONS = 'learners/borja/phase-00/notes/breaks.md';
export const CHECKPOINT = 'learners/borja/phase-00/checkpoint.json';
export const JOURNAL = '.lynx/breaks/00-pythonhashseed.journal.json';
export const MUTANT_LINE = '    # os.environ["PYTHONHASHSEED"] = str(seed)  # /break: removed';
export const PREDICTION_TEXT =
  'The seeding tests for random still pass, but the test that expects PYTHONHASHSEED in the environment of ' +
  'child processes fails.\n';

/** A copy of the break workspace, built once per test run (init + commit are the slow part). */
export function breakWorkspace(): string {
  return runCopyOf('break', buildBreakWorkspace);
}

function buildBreakWorkspace(): string {
  const dir = tempDir('lynx-break-');
  cpSync(join(repoRoot, 'templates', 'demo-workspace'), dir, { recursive: true });
  renameSync(join(dir, 'gitignore.template'), join(dir, '.gitignore'));
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.name', 'Test Learner');
  git(dir, 'config', 'user.email', 'learner@example.invalid');
  git(dir, 'config', 'commit.gpgsign', 'false');
  const r = lynx(['init', '--learner', 'borja'], { cwd: dir });
  if (r.code !== 0) throw new Error(`lynx init failed: ${r.stderr}`);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'workspace');
  return dir;
}

/** `lynx break 00` (creates the template; in process), then predictions written and committed. */
export async function commitPredictions(dir: string): Promise<void> {
  const r = await lynxIn(['break', '00'], { cwd: dir });
  if (r.code !== 0) throw new Error(`lynx break 00 failed: ${r.stderr}`);
  write(dir, PREDICTIONS, readFileSync(join(dir, PREDICTIONS), 'utf8') + PREDICTION_TEXT);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'phase-00: break predictions');
}

export const read = (dir: string, rel: string): string => readFileSync(join(dir, rel), 'utf8');

/** Every file of the tree (lynx's .lynx/ and git's .git/ aside) → sha256, to prove nothing else changed. */
export function treeHashes(dir: string, except: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      const rel = relative(dir, p);
      if (rel === '.git' || rel === '.lynx' || except.includes(rel) || e === '__pycache__') continue;
      if (statSync(p).isDirectory()) walk(p);
      else out[rel] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

export const openJournals = (dir: string): string[] => {
  try {
    return readdirSync(join(dir, '.lynx', 'breaks')).filter((f) => f.endsWith('.journal.json'));
  } catch {
    return [];
  }
};
