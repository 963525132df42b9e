/**
 * Issue 21: every long run looks like `lab --run`. Phase 00 of the gate fixture's curriculum walked in
 * a real terminal (tmux): `checkpoint --run` and `report` show the running command live (spinner,
 * elapsed time, log path, the tail of its output); Ctrl-C in each stops the whole run with exit 130
 * and nothing written. Without a terminal: one line per command check, and SIGINT / SIGTERM give
 * 130 / 143. The recipe's slowness is a real sleep the test sets (SLOW_S).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { baseEnv, bin, cleanup, git, write } from '../helpers/cli.js';
import { commitAll, passingWorkspace } from '../helpers/gate-fixture.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const socket = `lynx-progress-${process.pid}`;
const tmux = (...args: string[]): string =>
  execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const shq = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['-L', socket, 'kill-server']);
  cleanup();
});

/** The passing workspace, whose `just test` first prints a line and sleeps SLOW_S seconds. */
function slowWorkspace(): string {
  const dir = passingWorkspace();
  write(
    dir,
    'scripts/slow.py',
    'import os, time\nprint("warming up: step 1", flush=True)\ntime.sleep(float(os.environ.get("SLOW_S", ' +
      '"0")))\nprint("warm", flush=True)\n',
  );
  write(
    dir,
    'Justfile',
    'test:\n    python3 scripts/slow.py\n    python3 -m unittest discover -s tests -t . -q\n\nexp:\n    python3 ' +
      'scripts/exp.py\n',
  );
  commitAll(dir, 'a slow test recipe');
  return dir;
}

/** Nothing lynx owns changed: the tree is clean, no report, the checkpoint byte-identical, no lock left. */
function untouched(dir: string, checkpointBefore: string): void {
  expect(git(dir, 'status', '--porcelain')).toBe('');
  expect(existsSync(join(dir, 'PHASE_00_REPORT.md'))).toBe(false);
  expect(readFileSync(join(dir, 'learners/ana/phase-00/checkpoint.json'), 'utf8')).toBe(checkpointBefore);
  expect(existsSync(join(dir, '.lynx/lock'))).toBe(false);
  expect(spawnSync('pgrep', ['-f', 'scripts/slow.py']).stdout.toString().trim()).toBe('');
}

function session(name: string, dir: string, args: string, slow: number) {
  tmux(
    'new-session',
    '-d',
    '-s',
    name,
    '-x',
    '120',
    '-y',
    '40',
    '-c',
    dir,
    '-e',
    'NO_COLOR=1',
    '-e',
    `SLOW_S=${slow}`,
    `${shq(process.execPath)} ${shq(bin)} ${args}; echo LYNX-EXIT:$?; sleep 600`,
  );
  const screen = (): string => tmux('capture-pane', '-p', '-S', '-200', '-t', name);
  const waitFor = async (text: string | RegExp, timeoutMs = 30_000): Promise<string> => {
    const t0 = Date.now();
    for (;;) {
      const s = screen();
      if (typeof text === 'string' ? s.includes(text) : text.test(s)) return s;
      if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${String(text)}; the pane shows:\n${s}`);
      await sleep(50);
    }
  };
  return {
    screen,
    waitFor,
    ctrlC: () => {
      tmux('send-keys', '-t', name, 'C-c');
    },
  };
}

// the running command's row: spinner, label, elapsed time, log path; then the tail of its output
const LIVE =
  /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] just test {2}\d+(\.\d)? ?s {2}log: \.lynx\/logs\/00-just-test-[^\n]+\.log\n(?: {2}│ [^\n]*\n)* {2}│ warming up: step 1/;

describe.skipIf(!hasTmux)(
  `live progress and Ctrl-C in a terminal (tmux)${hasTmux ? '' : ' — skipped: tmux is not installed'}`,
  () => {
    it('checkpoint --run shows the running command live, then its one-line result', async () => {
      const dir = slowWorkspace();
      const s = session('cp-live', dir, 'checkpoint 00 --run', 2);
      expect(await s.waitFor(LIVE)).toMatch(LIVE);
      const end = await s.waitFor('LYNX-EXIT:0');
      expect(end).toMatch(/✓ just test {2}exit 0 {2}\d/);
    });

    it('Ctrl-C during checkpoint --run stops the run: exit 130, the recipe killed, nothing written', async () => {
      const dir = slowWorkspace();
      const before = readFileSync(join(dir, 'learners/ana/phase-00/checkpoint.json'), 'utf8');
      const s = session('cp-int', dir, 'checkpoint 00 --run', 60);
      await s.waitFor(LIVE);
      s.ctrlC();
      const end = await s.waitFor('LYNX-EXIT:130');
      expect(end).toContain('interrupted (Ctrl-C)');
      expect(end).not.toContain('Checkpoint'); // no result printed as if the run had finished
      untouched(dir, before);
    });

    it('report shows the gate live and closes the phase', async () => {
      const dir = slowWorkspace();
      const s = session('rep-live', dir, 'report 00', 2);
      await s.waitFor(LIVE);
      await s.waitFor('LYNX-EXIT:0');
      expect(existsSync(join(dir, 'PHASE_00_REPORT.md'))).toBe(true);
    });

    it('Ctrl-C during report: exit 130, no report, checkpoint unchanged, no lock left', async () => {
      const dir = slowWorkspace();
      const before = readFileSync(join(dir, 'learners/ana/phase-00/checkpoint.json'), 'utf8');
      const s = session('rep-int', dir, 'report 00', 60);
      await s.waitFor(LIVE);
      s.ctrlC();
      expect(await s.waitFor('LYNX-EXIT:130')).toContain('nothing was written');
      untouched(dir, before);
    });
  },
);

/** lynx without a terminal, signalled once its recipe printed its first line. */
async function signalled(
  dir: string,
  args: string[],
  sig: NodeJS.Signals,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: dir,
    env: baseEnv({ SLOW_S: '60' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const log = join(dir, '.lynx/logs');
  const t0 = Date.now();
  // the recipe is running once its log holds the first line
  while (
    !(existsSync(log) && spawnSync('grep', ['-rl', 'warming up', log], { encoding: 'utf8' }).stdout.trim() !== '') &&
    Date.now() - t0 < 30_000
  )
    await sleep(50);
  child.kill(sig);
  const code = await new Promise<number | null>((r) => child.on('close', (c) => r(c)));
  return { code, stdout, stderr };
}

describe('without a terminal', () => {
  it('checkpoint --run --json prints one line per command check on stderr; stdout stays the JSON result', () => {
    const dir = slowWorkspace();
    const r = spawnSync(process.execPath, [bin, 'checkpoint', '00', '--run', '--json'], {
      cwd: dir,
      env: baseEnv(),
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^✓ just test {2}exit 0 {2}\d+(\.\d)? ?s {2}log: \.lynx\/logs\/00-just-test-.*\.log$/m);
    expect((JSON.parse(r.stdout) as { phase: number }).phase).toBe(0);
  });

  it('SIGINT during report exits 130 and SIGTERM exits 143, nothing written either way', async () => {
    for (const [sig, want] of [
      ['SIGINT', 130],
      ['SIGTERM', 143],
    ] as const) {
      const dir = slowWorkspace();
      const before = readFileSync(join(dir, 'learners/ana/phase-00/checkpoint.json'), 'utf8');
      const r = await signalled(dir, ['report', '00'], sig);
      expect(r.code, `${sig}: ${r.stderr}`).toBe(want);
      await sleep(700); // the watchdog polls every 0.3 s for a lynx that is gone
      untouched(dir, before);
    }
  });

  it('a failing recipe still gives its one line with the exit code (the line can fail too)', () => {
    const dir = slowWorkspace();
    write(dir, 'Justfile', 'test:\n    exit 3\n\nexp:\n    python3 scripts/exp.py\n');
    commitAll(dir, 'broken tests');
    const r = spawnSync(process.execPath, [bin, 'checkpoint', '00', '--run'], {
      cwd: dir,
      env: baseEnv(),
      encoding: 'utf8',
    });
    expect(r.stderr).toMatch(/^✗ just test {2}exit 3 /m);
  });
});
