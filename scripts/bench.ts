/**
 * npm run bench: start-up budgets as ratios to `node -e ''` measured in the same run.
 * Runs are paired and interleaved (baseline, target, baseline, target, …) so machine load affects
 * both sides alike; we report medians and the ratio of medians, and write BENCHMARKS.md.
 *   npx tsx scripts/bench.ts [--runs N] [--only name,name] [--no-write]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'lynx.js');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] || 0) || 21;
const only = args.includes('--only') ? (args[args.indexOf('--only') + 1] ?? '').split(',') : undefined;

/** `pty`: time until this text is on screen, on a pseudo-terminal (scripts/pty-first-frame.py). */
interface Case { name: string; argv: string[]; cwd?: string; budget: number; env?: Record<string, string>; setup?: () => string; pty?: string }

function time(argv: string[], cwd: string, env: Record<string, string>): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr.toString()}`);
  return ms;
}

/**
 * The interactive commands' budgets are about what the learner sees: the time from start until the
 * first frame is on a real terminal. A python pty driver starts the program on a pseudo-terminal and
 * reports the milliseconds until `marker` appears (or, with no marker, until exit — the baseline,
 * measured through the same driver so its fork/pty cost is on both sides).
 */
function timePty(marker: string, argv: string[], cwd: string, env: Record<string, string>): number {
  const r = spawnSync('python3', [join(root, 'scripts', 'pty-first-frame.py'), marker, process.execPath, ...argv], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${argv.join(' ')} on a pty: ${r.stderr}`);
  return Number(r.stdout.trim());
}

const median = (xs: number[]): number => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };

/** A fresh workspace: a git repository initialised by `lynx init` (what `status` runs against). */
function makeDemo(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'lynx-bench-')), 'ws');
  mkdirSync(dir);
  const sh = (cmd: string, a: string[]): void => {
    const r = spawnSync(cmd, a, { cwd: dir, stdio: 'pipe', env: { ...process.env, NO_COLOR: '1' } });
    if (r.status !== 0) throw new Error(`${cmd} ${a.join(' ')} failed: ${String(r.stderr)}`);
  };
  sh('git', ['init', '-q']);
  sh('git', ['config', 'user.email', 'bench@lynx.invalid']);
  sh('git', ['config', 'user.name', 'bench']);
  sh(process.execPath, [bin, 'init', '--learner', 'demo']);
  sh('git', ['add', '-A']);
  sh('git', ['commit', '-q', '-m', 'workspace']);
  return dir;
}

let demoDir: string | undefined;
const demo = (): string => (demoDir ??= makeDemo());

/** The demo workspace `lynx demo` leaves: phase 00 closed, a quiz attempt, a review deck. */
function makeWalked(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'lynx-bench-')), 'ws');
  const r = spawnSync(process.execPath, [bin, 'demo', '--dir', dir], { stdio: 'pipe', env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0) throw new Error(`lynx demo failed: ${String(r.stdout)}${String(r.stderr)}`);
  return dir;
}
let walkedDir: string | undefined;
const walked = (): string => (walkedDir ??= makeWalked());

/** A heavy workspace for `checkpoint`: 500 committed manifests and state for all 42 phases. */
function makeHeavy(): string {
  const dir = makeDemo();
  const sha = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' }).stdout.trim();
  for (let i = 0; i < 500; i++) {
    const phase = String(i % 42).padStart(2, '0');
    const d = join(dir, 'experiments', `${phase}-run-${i}`);
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'manifest.json'), JSON.stringify({ id: `${phase}-run-${i}`, git_sha: sha, git_dirty: false, seed: i, versions: { python: '3.11.7' }, metrics: { final_loss: 0.1 } }));
  }
  for (let p = 0; p < 42; p++) {
    const nn = String(p).padStart(2, '0');
    mkdirSync(join(dir, 'learners', 'demo', `phase-${nn}`), { recursive: true });
    writeFileSync(join(dir, 'learners', 'demo', `phase-${nn}`, 'checkpoint.json'), JSON.stringify({ schema_version: 1, phase: p, learner: 'demo', status: p === 0 ? 'in_progress' : 'done', planned_at: '2026-05-22T10:00:00Z', closed_at: '2026-05-23T10:00:00Z', quiz: { attempts: 1, best: 0.8, last: 0.8, passed: true } }, null, 2));
  }
  spawnSync('git', ['add', '-A'], { cwd: dir });
  spawnSync('git', ['commit', '-q', '-m', 'bench: 500 manifests, 42 phases of state'], { cwd: dir });
  return dir;
}
let heavyDir: string | undefined;
const heavy = (): string => (heavyDir ??= makeHeavy());

const cases: Case[] = [
  { name: 'lynx --help', argv: [bin, '--help'], budget: 1.35 },
  { name: 'lynx status (fresh workspace)', argv: [bin, 'status'], budget: 1.6, setup: demo },
  { name: 'lynx status (demo workspace: phase 00 closed, quiz taken, review deck)', argv: [bin, 'status'], budget: 1.6, setup: walked },
  { name: 'lynx checkpoint 00 (static, 500 manifests, 42 phases of state)', argv: [bin, 'checkpoint', '00'], budget: 2.5, setup: heavy },
  { name: 'lynx quiz 00 (first question on screen, on a pty)', argv: [bin, 'quiz', '00'], budget: 4, setup: demo, pty: 'Question 1 of 5' },
];

const rows: string[] = [];
let failed = false;
for (const c of cases) {
  if (only && !only.some((o) => c.name.includes(o))) continue;
  const cwd = c.setup ? c.setup() : root;
  const measure = (argv: string[], env: Record<string, string>, marker: string): number => (c.pty === undefined ? time(argv, cwd, env) : timePty(marker, argv, cwd, env));
  measure(c.argv, c.env ?? {}, c.pty ?? ''); // warm the file cache
  measure(['-e', ''], {}, '');
  const base: number[] = [];
  const target: number[] = [];
  for (let i = 0; i < runs; i++) {
    base.push(measure(['-e', ''], {}, ''));
    target.push(measure(c.argv, c.env ?? {}, c.pty ?? ''));
  }
  const b = median(base);
  const t = median(target);
  const ratio = t / b;
  const ok = ratio <= c.budget;
  failed ||= !ok;
  const line = `| ${c.name} | ${t.toFixed(1)} ms | ${b.toFixed(1)} ms | ${ratio.toFixed(2)}× | ≤ ${c.budget}× | ${ok ? 'pass' : 'FAIL'} |`;
  console.log(line);
  rows.push(line);
}
if (args.includes('--keep')) console.log(`kept: ${[demoDir, heavyDir, walkedDir].filter(Boolean).join(' ')}`);
else for (const d of [demoDir, heavyDir, walkedDir]) if (d) rmSync(join(d, '..'), { recursive: true, force: true });

if (!args.includes('--no-write')) {
  const md = `# Benchmarks

Start-up budgets from DESIGN §8, measured by \`npm run bench\` (scripts/bench.ts): each command and
\`node -e ''\` are run ${runs} times, paired and interleaved, in the same run; the table gives the
medians and the ratio of medians. Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version},
${new Date().toISOString().slice(0, 10)}.

| command | median | node -e '' | ratio | budget | result |
|---|---|---|---|---|---|
${rows.join('\n')}
`;
  writeFileSync(join(root, 'BENCHMARKS.md'), md);
}
if (failed) process.exitCode = 1;
