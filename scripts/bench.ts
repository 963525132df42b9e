/**
 * npm run bench: start-up budgets as ratios to `node -e ''` measured in the same run.
 * Runs are paired and interleaved (baseline, target, baseline, target, …) so machine load affects
 * both sides alike; we report medians and the ratio of medians, and write BENCHMARKS.md.
 *   npx tsx scripts/bench.ts [--runs N] [--only name,name] [--no-write]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'lynx.js');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] || 0) || 21;
const only = args.includes('--only') ? (args[args.indexOf('--only') + 1] ?? '').split(',') : undefined;

interface Case { name: string; argv: string[]; cwd?: string; budget: number; env?: Record<string, string>; setup?: () => string }

function time(argv: string[], cwd: string, env: Record<string, string>): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr.toString()}`);
  return ms;
}

const median = (xs: number[]): number => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };

function makeDemo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lynx-bench-'));
  const r = spawnSync(process.execPath, [bin, 'demo', '--dir', join(dir, 'ws')], { stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0) throw new Error('lynx demo failed; cannot bench status');
  return join(dir, 'ws');
}

let demoDir: string | undefined;
const demo = (): string => (demoDir ??= makeDemo());

const cases: Case[] = [
  { name: 'lynx --help', argv: [bin, '--help'], budget: 1.35 },
  { name: 'lynx status', argv: [bin, 'status'], budget: 1.6, setup: demo },
];

const rows: string[] = [];
let failed = false;
for (const c of cases) {
  if (only && !only.some((o) => c.name.includes(o))) continue;
  const cwd = c.setup ? c.setup() : root;
  time(c.argv, cwd, c.env ?? {}); // warm the file cache
  time(['-e', ''], cwd, {});
  const base: number[] = [];
  const target: number[] = [];
  for (let i = 0; i < runs; i++) {
    base.push(time(['-e', ''], cwd, {}));
    target.push(time(c.argv, cwd, c.env ?? {}));
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
if (demoDir) rmSync(join(demoDir, '..'), { recursive: true, force: true });

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
