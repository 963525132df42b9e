/**
 * Children die with lynx: a recipe runs in its own process group, so a SIGKILL of lynx (no handler
 * runs) would leave it running but for the watchdog in that group (src/io/proc.ts). SIGHUP (the
 * terminal closed) is handled like SIGTERM. Every command that runs recipes is killed here: `lab
 * --run`, `checkpoint --run` and `report` (the gate's command checks).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { baseEnv, bin, cleanup, git, lynx, workspace, write } from '../helpers/cli.js';
import { commitAll, passingWorkspace } from '../helpers/gate-fixture.js';
import { SPAWN_GRANDCHILD } from '../helpers/spawn-script.js';

afterAll(cleanup);

const JUSTFILE = `audit-deps:
    python3 scripts/spawn.py pids.txt
`;
const SPAWN = SPAWN_GRANDCHILD;

function labWorkspace(): string {
  const dir = workspace('ana');
  write(dir, 'Justfile', JUSTFILE);
  write(dir, 'scripts/spawn.py', SPAWN);
  write(dir, '.gitignore', `${readFileSync(join(dir, '.gitignore'), 'utf8')}pids.txt\n`);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'recipes');
  expect(lynx(['phase-start', '00'], { cwd: dir }).code).toBe(0);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'plan');
  expect(lynx(['phase-start', '00', '--approve'], { cwd: dir }).code).toBe(0);
  return dir;
}

/** Every live process whose working directory is inside `dir` (the recipe, just, sh, the watchdog…). */
function survivors(dir: string): number[] {
  const out: number[] = [];
  for (const p of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      if (/^\d+ \(.*\) [ZX]/.test(readFileSync(`/proc/${p}/stat`, 'utf8'))) continue;
      const cwd = readlinkSync(`/proc/${p}/cwd`);
      if (cwd === dir || cwd.startsWith(`${dir}/`)) out.push(Number(p));
    } catch {
      /* gone, or not ours to read */
    }
  }
  return out;
}

async function noSurvivor(dir: string, ms: number): Promise<number[]> {
  const end = Date.now() + ms;
  for (;;) {
    const left = survivors(dir);
    if (left.length === 0 || Date.now() > end) return left;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The mini curriculum's passing workspace whose `just test` (a DoD command check) hangs with a grandchild. */
function gateWorkspace(): string {
  const dir = passingWorkspace();
  write(dir, 'Justfile', 'test:\n    python3 scripts/spawn.py pids.txt\n\nexp:\n    python3 scripts/exp.py\n');
  write(dir, 'scripts/spawn.py', SPAWN);
  write(dir, '.gitignore', `${readFileSync(join(dir, '.gitignore'), 'utf8')}pids.txt\n`);
  commitAll(dir, 'a test recipe that hangs');
  return dir;
}

async function killDuringRun(
  signal: NodeJS.Signals,
  argv = ['lab', '00', '00', '--run', '--only', 'audit-deps'],
  make = labWorkspace,
): Promise<{ dir: string; before: number[]; after: number[] }> {
  const dir = make();
  const env = baseEnv();
  const child = spawn(process.execPath, [bin, ...argv], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<void>((res) => child.on('close', () => res()));
  const end = Date.now() + 20_000;
  // lab --run streams the recipe's output; the gate does not, so there the pid file alone says it started
  const started = (): boolean =>
    existsSync(join(dir, 'pids.txt')) &&
    readFileSync(join(dir, 'pids.txt'), 'utf8').includes(' ') &&
    (argv[0] !== 'lab' || out.includes('started'));
  while (!started()) {
    if (Date.now() > end) throw new Error(`the recipe never started: ${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const before = survivors(dir).filter((p) => p !== child.pid);
  child.kill(signal);
  await exited;
  return { dir, before, after: await noSurvivor(dir, 5000) };
}

describe('children die with lynx', () => {
  it('SIGKILL of lynx during lab --run: no process of the recipe survives within 5 s', async () => {
    const { dir, before, after } = await killDuringRun('SIGKILL');
    const [cmd, grandchild] = readFileSync(join(dir, 'pids.txt'), 'utf8').trim().split(' ').map(Number);
    expect(before).toEqual(expect.arrayContaining([cmd, grandchild])); // they were running
    expect(after).toEqual([]);
  }, 60_000);

  it('SIGHUP of lynx during lab --run (terminal closed): handled like SIGTERM, no survivor', async () => {
    const { before, after } = await killDuringRun('SIGHUP');
    expect(before.length).toBeGreaterThanOrEqual(2);
    expect(after).toEqual([]);
  }, 60_000);

  it('SIGKILL of lynx during checkpoint --run: no process of the DoD command survives within 5 s', async () => {
    const { dir, before, after } = await killDuringRun('SIGKILL', ['checkpoint', '00', '--run'], gateWorkspace);
    const [cmd, grandchild] = readFileSync(join(dir, 'pids.txt'), 'utf8').trim().split(' ').map(Number);
    expect(before).toEqual(expect.arrayContaining([cmd, grandchild]));
    expect(after).toEqual([]);
  }, 60_000);

  it("SIGKILL of lynx during report: no process of the gate's commands survives within 5 s", async () => {
    const { dir, before, after } = await killDuringRun('SIGKILL', ['report', '00'], gateWorkspace);
    const [cmd, grandchild] = readFileSync(join(dir, 'pids.txt'), 'utf8').trim().split(' ').map(Number);
    expect(before).toEqual(expect.arrayContaining([cmd, grandchild]));
    expect(after).toEqual([]);
  }, 60_000);

  it('SIGHUP of lynx during report: handled like SIGTERM, no survivor, nothing closed', async () => {
    const { dir, before, after } = await killDuringRun('SIGHUP', ['report', '00'], gateWorkspace);
    expect(before.length).toBeGreaterThanOrEqual(2);
    expect(after).toEqual([]);
    expect(existsSync(join(dir, 'PHASE_00_REPORT.md'))).toBe(false);
  }, 60_000);
});
