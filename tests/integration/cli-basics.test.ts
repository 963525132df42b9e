import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, lynx, tempDir, repoRoot } from '../helpers/cli.js';

afterAll(cleanup);

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };

describe('lynx --help / --version (exact output)', () => {
  it('--version prints the package version and exits 0', () => {
    const r = lynx(['--version'], { cwd: tempDir() });
    expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('--help lists every registered command, the exit codes and the environment', () => {
    const r = lynx(['--help'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`Usage: lynx [options] [command]

The curriculum runner and phase gatekeeper of Lynx Cortex.
plan → approve → build → teach → run → report → reflect

Options:
  -V, --version                   print the lynx version
  -C, --cwd <dir>                 run as if started in <dir>
  --learner <name>                the learner (default: LYNX_LEARNER, then
                                  lynx.yaml)
  -h, --help                      show help

Commands:
  init [options]                  make the current git repository a lynx
                                  workspace
  status [options] [NN]           every phase: status, quiz score, dates, and a
                                  progress strip
  validate [options] [dir]        validate curriculum and quiz files (schema +
                                  cross-references)
  doctor [options]                check tools (git, just, python3, uv) and
                                  workspace health
  demo [options]                  make a demo workspace and walk phase 00 in it
  break [options] <NN> [step...]  the break exercise: predict, start, observe,
                                  hint, diagnose, restore
  checkpoint [options] [NN]       mid-phase health check, status only: every DoD
                                  item, labs, quiz, break, git
  report [options] <NN>           close a phase: run the full gate; on pass
                                  write PHASE_NN_REPORT.md, checkpoint.json,
                                  progress.md
  gate [options] [NN]             CI: verify closed phases from a clean checkout
                                  (writes nothing but --junit)
  attest [options] <NN> <item>    record that a person judged a DoD item met (an
                                  "attest" check)
  waive [options] <NN> <item>     explicitly waive a DoD item, with a reason the
                                  report will show
  help [command]                  display help for command

Exit codes: 0 done · 1 a gate failed · 2 bad usage or input · 3 internal or environment failure.
Environment: LYNX_LEARNER, NO_COLOR / FORCE_COLOR, LYNX_DEBUG=1 (stack traces).
`);
  });

  it('each command has help with examples', () => {
    for (const cmd of ['init', 'status', 'validate', 'doctor', 'demo', 'break']) {
      const r = lynx([cmd, '--help'], { cwd: tempDir() });
      expect(r.code, cmd).toBe(0);
      expect(r.stdout, cmd).toContain(`Usage: lynx ${cmd}`);
      expect(r.stdout, cmd).toContain('Examples:');
    }
  });

  it('an unknown command or option is bad usage: exit 2', () => {
    const a = lynx(['frobnicate'], { cwd: tempDir() });
    expect(a.code).toBe(2);
    expect(a.stderr).toContain("unknown command 'frobnicate'");
    const b = lynx(['status', '--bogus'], { cwd: tempDir() });
    expect(b.code).toBe(2);
    expect(b.stderr).toContain("unknown option '--bogus'");
  });
});
