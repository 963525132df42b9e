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
    // the golden file is the contract: regenerate it deliberately (node bin/lynx.js --help > tests/fixtures/help.txt)
    expect(r.stdout).toBe(readFileSync(join(repoRoot, 'tests/fixtures/help.txt'), 'utf8'));
    for (const cmd of [
      'init',
      'status',
      'validate',
      'doctor',
      'demo',
      'phase-start',
      'lab',
      'journal',
      'derive',
      'manifest',
      'break',
      'quiz',
      'review',
      'checkpoint',
      'report',
      'gate',
      'attest',
      'waive',
    ])
      expect(r.stdout).toMatch(new RegExp(`^  ${cmd} `, 'm'));
    expect(r.stdout).toContain(
      'Exit codes: 0 done · 1 a gate failed · 2 bad usage or input · 3 internal or environment failure.',
    );
  });

  it('each command has help with examples', () => {
    for (const cmd of [
      'init',
      'status',
      'validate',
      'doctor',
      'demo',
      'phase-start',
      'lab',
      'journal',
      'derive',
      'manifest',
      'manifest diff',
      'manifest check',
      'break',
      'quiz',
      'review',
      'checkpoint',
      'report',
      'gate',
      'attest',
      'waive',
    ]) {
      const r = lynx([...cmd.split(' '), '--help'], { cwd: tempDir() });
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
