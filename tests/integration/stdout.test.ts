/**
 * io/stdout.ts: lynx writes to fd 1 itself (no process.stdout to create), and stays a well-behaved filter: a
 * reader that goes away ends the run quietly with its own exit code; a full non-blocking pipe still gets every
 * byte, in order. Real pipes of 4 KiB (tests/fixtures/small-pipe.py), the built CLI spawned.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bin, cleanup, lynx, repoRoot, workspace } from '../helpers/cli.js';

afterAll(cleanup);

const pipe = (mode: 'close' | 'slow-nonblocking', args: string[], cwd: string) => {
  const r = spawnSync(
    'python3',
    [join(repoRoot, 'tests', 'fixtures', 'small-pipe.py'), mode, process.execPath, bin, ...args],
    {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    },
  );
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { code: number; stderr: string; out: string };
};

describe("lynx's stdout", () => {
  it('ends quietly, with the exit code it had, when the reader goes away (`lynx status --json | head -c 100`)', () => {
    const dir = workspace('ana');
    const whole = lynx(['status', '--json'], { cwd: dir });
    expect(whole.stdout.length).toBeGreaterThan(4096); // more than the pipe holds: a write meets EPIPE
    const r = pipe('close', ['status', '--json'], dir);
    expect(r).toEqual({ code: whole.code, stderr: '', out: whole.stdout.slice(0, 100) });
    // a command that fails keeps its failing code (the gate of an unstarted phase: 1)
    const gate = pipe('close', ['gate', '00', '--json'], dir);
    expect(gate.code).toBe(1);
    expect(gate.stderr).not.toMatch(/EPIPE|Error/);
  });

  it('gives a full non-blocking pipe every byte, in order (the rest goes through process.stdout)', () => {
    const dir = workspace('ana');
    const whole = lynx(['status', '--json'], { cwd: dir });
    const r = pipe('slow-nonblocking', ['status', '--json'], dir);
    expect(r).toEqual({ code: 0, stderr: '', out: whole.stdout });
    const help = lynx(['--help'], { cwd: dir });
    expect(pipe('slow-nonblocking', ['--help'], dir)).toEqual({ code: 0, stderr: '', out: help.stdout });
  });
});
