import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { baseEnv, bin, cleanup, copyOf, git, lynx, repoRoot, workspace, write } from '../helpers/cli.js';
import { call } from '../helpers/app.js';
import { phaseStart } from '../../src/app/phase-start.js';
import { phaseApprove } from '../../src/app/phase-approve.js';
import { labReport } from '../../src/app/lab.js';
import { SPAWN_GRANDCHILD } from '../helpers/spawn-script.js';

afterAll(cleanup);

interface Run {
  started_at: string;
  duration_ms: number;
  outcome: string;
  exit_code: number | null;
  command: string;
  log?: string;
  manifests?: string[];
}
const runs = (dir: string): Run[] =>
  (
    JSON.parse(readFileSync(join(dir, 'learners/ana/phase-00/checkpoint.json'), 'utf8')) as {
      labs?: Record<string, Run[]>;
    }
  ).labs?.['00'] ?? [];

// The learner's recipes for lab 00 (just setup / lint / test / audit-deps), real python3 scripts.
const JUSTFILE = `set positional-arguments := true

setup *args:
    python3 scripts/setup.py "$@"

lint:
    python3 -c "import sys; print('lint: 2 problems'); sys.exit(3)"

test:
    python3 scripts/spawn.py test-pids.txt

audit-deps:
    python3 scripts/spawn.py audit-pids.txt
`;
const SETUP = `import json, os, sys
os.makedirs("experiments/00-lab", exist_ok=True)
with open("experiments/00-lab/manifest.json", "w") as f:
    json.dump({"git_sha": "0" * 40, "git_dirty": False, "seed": 1, "versions": {}, "args": sys.argv[1:]}, f)
print("setup ok", json.dumps(sys.argv[1:]))
`;
const SPAWN = SPAWN_GRANDCHILD;

// Listing, showing, opening and approving run in process (tests/helpers/app.ts); every `--run` stays
// black-box: its live output is the command's stream, and timeouts, Ctrl-C and the lock are the process's.
const approve = (dir: string) => call('phase-approve', () => phaseApprove({ cwd: dir, phase: 0 }), { cwd: dir });
const labs = (dir: string, id?: string, json = false) =>
  call('lab', () => labReport({ cwd: dir, phase: 0, id }), { cwd: dir, json });

/** The recipes committed and phase 00 planned: built once per file, a copy per test. */
let template: Promise<string> | undefined;
async function labWorkspace(): Promise<string> {
  const tpl = await (template ??= buildLabWorkspace());
  return copyOf('lab', () => tpl);
}

async function buildLabWorkspace(): Promise<string> {
  const dir = workspace('ana');
  write(dir, 'Justfile', JUSTFILE);
  write(dir, 'scripts/setup.py', SETUP);
  write(dir, 'scripts/spawn.py', SPAWN);
  write(dir, '.gitignore', `${readFileSync(join(dir, '.gitignore'), 'utf8')}*-pids.txt\n`);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'recipes');
  expect((await call('phase-start', () => phaseStart({ cwd: dir, phase: 0, force: false }), { cwd: dir })).code).toBe(
    0,
  );
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'plan');
  return dir;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) [ZX]/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function gone(pids: number[], ms = 3000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (pids.every((p) => !alive(p))) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return pids.every((p) => !alive(p));
}

const pidsIn = (dir: string, f: string): number[] => readFileSync(join(dir, f), 'utf8').trim().split(' ').map(Number);

describe('lynx lab', () => {
  it('runs only in an approved phase; lists and shows labs with status, estimate and checklist progress', async () => {
    const dir = await labWorkspace();
    const early = lynx(['lab', '00', '00', '--run'], { cwd: dir });
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('phase-start 00 --approve');
    expect((await approve(dir)).code).toBe(0);
    const list = await labs(dir);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^00 +Env checklist +· not run +— +0\/37$/m);
    expect(list.stdout).toMatch(
      /^04 +Write a manifest-diff helper +· not run +— \/ est\. < 5 minutes wall-clock +0\/6$/m,
    );
    const checklist = join(dir, 'learners/ana/phase-00/lab/00-env-checklist.md');
    write(
      dir,
      'learners/ana/phase-00/lab/00-env-checklist.md',
      readFileSync(checklist, 'utf8').replace('- [ ] uname -a', '- [x] uname -a'),
    );
    const show = await labs(dir, '00');
    expect(show.stdout).toContain('Checklist 1/37');
    expect(show.stdout).toContain('  Block A — System\n  [x] uname -a shows Linux ≥ 6.x.');
    expect(show.stdout).toContain(' 5. uv run bandit -r src/');
    expect(show.stdout).toContain('· learners/ana/journal/YYYY-MM-DD.md');
  });

  it(
    'a passing run: recorded in checkpoint.json with duration, exit code, log and the manifests it wrote; ' +
      'arguments pass verbatim',
    async () => {
      const dir = await labWorkspace();
      await approve(dir);
      const r = lynx(['lab', '00', '00', '--run', '--only', 'setup', '--', '--tag', 'two words'], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('setup ok ["--tag", "two words"]');
      expect(r.stdout).toMatch(/✓ just setup --tag two words {2}passed/);
      const [run] = runs(dir);
      expect(run).toMatchObject({
        outcome: 'passed',
        exit_code: 0,
        command: 'just setup --tag two words',
        manifests: ['experiments/00-lab/manifest.json'],
      });
      expect(run?.duration_ms).toBeGreaterThan(0);
      expect(readFileSync(join(dir, run?.log ?? 'x'), 'utf8')).toContain('setup ok');
      expect(run?.log).toMatch(/^\.lynx\/logs\/00-/);
      // a second identical run changes nothing in experiments/: no manifest is reported
      write(
        dir,
        'scripts/setup.py',
        SETUP.replace('"args": sys.argv[1:]', '"args": []').replace(
          'print("setup ok", json.dumps(sys.argv[1:]))',
          'print("setup ok")',
        ),
      );
      lynx(['lab', '00', '00', '--run', '--only', '1'], { cwd: dir });
      lynx(['lab', '00', '00', '--run', '--only', '1'], { cwd: dir });
      expect(runs(dir).map((x) => x.manifests)).toEqual([
        ['experiments/00-lab/manifest.json'],
        ['experiments/00-lab/manifest.json'],
        [],
      ]);
    },
  );

  it('a failing run stops the lab there and records the exit code; the listing says failed', async () => {
    const dir = await labWorkspace();
    await approve(dir);
    const r = lynx(['lab', '00', '00', '--run', '--only', 'setup,lint,test'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('lint: 2 problems');
    expect(r.stdout).toContain('✗ just lint  failed (exit 3)');
    expect(r.stdout).toContain('not run (stopped first): just test');
    expect(runs(dir).map((x) => [x.command, x.outcome, x.exit_code])).toEqual([
      ['just setup', 'passed', 0],
      ['just lint', 'failed', 3],
    ]);
    const j = JSON.parse((await labs(dir, undefined, true)).stdout) as { labs: { id: string; state: string }[] };
    expect(j.labs.find((l) => l.id === '00')?.state).toBe('failed');
  });

  it('a timeout from lynx.yaml (timeouts.lab) kills the whole process tree: no child survives', async () => {
    const dir = await labWorkspace();
    await approve(dir);
    write(dir, 'lynx.yaml', readFileSync(join(dir, 'lynx.yaml'), 'utf8').replace(/lab: \d+/, 'lab: 1'));
    const t0 = Date.now();
    const r = lynx(['lab', '00', '00', '--run', '--only', 'test'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(r.stdout).toMatch(/✗ just test {2}timed out .* after 1 s/);
    const [run] = runs(dir);
    expect(run?.outcome).toBe('timed_out');
    expect(run?.duration_ms).toBeGreaterThanOrEqual(1000);
    const pids = pidsIn(dir, 'test-pids.txt');
    expect(pids).toHaveLength(2);
    expect(await gone(pids)).toBe(true);
  });

  it('Ctrl-C kills the whole process tree and records the run as interrupted', async () => {
    const dir = await labWorkspace();
    await approve(dir);
    const env = baseEnv();
    const child = spawn(process.execPath, [bin, 'lab', '00', '00', '--run', '--only', 'audit-deps'], {
      cwd: dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const exited = new Promise<number | null>((res) => child.on('close', (c) => res(c)));
    const end = Date.now() + 20_000;
    while (!existsSync(join(dir, 'audit-pids.txt')) || !out.includes('started')) {
      if (Date.now() > end) throw new Error(`the recipe never started: ${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const pids = pidsIn(dir, 'audit-pids.txt');
    expect(pids.map(alive)).toEqual([true, true]); // the child and its grandchild are running
    child.kill('SIGINT');
    expect(await exited).toBe(130); // DESIGN §3: an interrupted run exits 130
    expect(out).toContain('interrupted');
    const [run] = runs(dir);
    expect(run).toMatchObject({ outcome: 'interrupted', command: 'just audit-deps' });
    expect(await gone(pids)).toBe(true);
  });

  it(
    'a run that ends while another lynx command holds the ' + 'workspace lock waits for it and is still recorded',
    async () => {
      const dir = await labWorkspace();
      await approve(dir);
      const script = `import { acquireLock } from ${JSON.stringify(join(repoRoot, 'src/io/lock.ts'))};
const release = await acquireLock(process.argv.at(-1), 'lynx test-holder');
console.log('held');
setTimeout(() => { void release(); }, 2500);`;
      const holder = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, '--', dir], {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((res) =>
        holder.stdout.on('data', (d: Buffer) => {
          if (d.toString().includes('held')) res();
        }),
      );
      const t0 = Date.now();
      const r = lynx(['lab', '00', '00', '--run', '--only', 'setup'], { cwd: dir });
      expect(r.code).toBe(0);
      expect(Date.now() - t0).toBeGreaterThan(1500);
      expect(runs(dir).map((x) => x.outcome)).toEqual(['passed']);
      await new Promise((res) => holder.on('close', res));
    },
  );

  it(
    'a command that needs what this machine lacks (a cloud ' + 'GPU) is skipped, said so, and nothing is recorded',
    async () => {
      const dir = workspace('ana');
      write(
        dir,
        'learners/ana/phase-23/checkpoint.json',
        JSON.stringify({ schema_version: 1, phase: 23, learner: 'ana', status: 'in_progress' }),
      );
      const r = lynx(['lab', '23', '00', '--run', '--only', '2'], { cwd: dir, env: { LYNX_HAVE: '' } });
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('- lsb_release -a skipped: needs cloud');
      expect(r.stdout).toContain('- skipped');
      expect(r.stdout).toContain('skipped lsb_release -a: needs cloud (set LYNX_HAVE=cloud if this machine has it)');
      expect(r.stdout).toContain('nothing ran, nothing recorded');
      expect(JSON.parse(readFileSync(join(dir, 'learners/ana/phase-23/checkpoint.json'), 'utf8'))).not.toHaveProperty(
        'labs',
      );
      const manual = lynx(['lab', '23', '00', '--run', '--only', '1'], { cwd: dir });
      expect(manual.code).toBe(2);
      expect(manual.stderr).toContain('has no command lynx can run as "1 (done by hand)"');
      expect(manual.stderr).toContain('  1. ssh-keygen -t ed25519 -C "lynx-cortex-phase23"  (by hand)');
    },
  );

  it('a missing recipe is a clear error naming the Justfile and its recipes; nothing runs', async () => {
    const dir = await labWorkspace();
    await approve(dir);
    const r = lynx(['lab', '00', '01', '--run'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${join(dir, 'Justfile')} has no recipe \`manifest\` — it has: audit-deps, lint, setup, test`,
    );
    expect(runs(dir)).toEqual([]);
    const unknown = lynx(['lab', '00', '00', '--run', '--only', 'deploy'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('lab 00/00 has no command lynx can run as "deploy"');
    const badLab = await labs(dir, '09');
    expect(badLab.code).toBe(2);
    expect(badLab.stderr).toContain('phase 00 has no lab "09" — its labs are 00, 01, 02, 03, 04');
  });
});
