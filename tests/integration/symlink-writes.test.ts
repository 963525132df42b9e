/**
 * No write through a planted symlink: a symlink at break start's fixed temp name, at the legacy
 * lock owner, or a committed `.lynx` pointing out of the workspace is refused or replaced, and
 * the file it points to is never written. `/.lynx` is in the ignore rule (a `.lynx/` rule would not
 * match a committed symlink named .lynx).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, git, lynx, tempDir, workspace } from '../helpers/cli.js';
import { lynxIn } from '../helpers/app.js';
import { breakWorkspace, commitPredictions, MUTANT_LINE, TARGET } from '../helpers/break-fixture.js';

afterAll(cleanup);

const VICTIM = 'the victim file: lynx must never write here\n';

function victim(): string {
  const f = join(tempDir('lynx-victim-'), 'victim.txt');
  writeFileSync(f, VICTIM);
  return f;
}

describe('symlink writes', () => {
  it(
    'break start: a symlink at its fixed temp name is removed, not written through; the target stays a regular ' +
      'file',
    async () => {
      const dir = breakWorkspace();
      await commitPredictions(dir);
      const v = victim();
      mkdirSync(join(dir, '.lynx', 'tmp'), { recursive: true });
      symlinkSync(v, join(dir, '.lynx', 'tmp', `break-${TARGET.replace(/[^A-Za-z0-9._-]/g, '_')}.tmp`));
      const r = await lynxIn(['break', '00', 'start'], { cwd: dir });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(readFileSync(v, 'utf8')).toBe(VICTIM);
      expect(lstatSync(join(dir, TARGET)).isFile()).toBe(true);
      expect(readFileSync(join(dir, TARGET), 'utf8')).toContain(MUTANT_LINE);
      expect((await lynxIn(['break', '00', 'restore'], { cwd: dir })).code).toBe(0);
    },
    60_000,
  );

  it(
    'a symlink at .lynx/lock.owner.json (legacy owner) is never written through ' + 'by a writer taking the lock',
    async () => {
      const dir = workspace('ana');
      const v = victim();
      mkdirSync(join(dir, '.lynx'), { recursive: true });
      symlinkSync(v, join(dir, '.lynx', 'lock.owner.json'));
      const r = await lynxIn(['init', '--learner', 'bo'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(v, 'utf8')).toBe(VICTIM);
    },
    30_000,
  );

  it(
    'a symlink at .lynx/lock/owner.json: stale (not the owner lynx wrote), ' + 'taken over, the target untouched',
    async () => {
      const dir = workspace('ana');
      const v = victim();
      mkdirSync(join(dir, '.lynx', 'lock'), { recursive: true });
      symlinkSync(v, join(dir, '.lynx', 'lock', 'owner.json'));
      const r = await lynxIn(['init', '--learner', 'bo'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(v, 'utf8')).toBe(VICTIM);
    },
    30_000,
  );

  it(
    'a committed .lynx symlink out of the workspace: every command refuses (exit 2) and nothing is written where ' +
      'it points',
    () => {
      const dir = workspace('ana');
      const out = tempDir('lynx-outside-');
      rmSync(join(dir, '.lynx'), { recursive: true, force: true });
      symlinkSync(out, join(dir, '.lynx'));
      git(dir, 'add', '-f', '.lynx');
      git(dir, 'commit', '-q', '-m', 'a hostile .lynx');
      for (const argv of [['status'], ['journal', 'a note'], ['init', '--learner', 'bo'], ['phase-start', '00']]) {
        const r = lynx(argv, { cwd: dir });
        expect(r.code, `${argv.join(' ')}: ${r.stdout}${r.stderr}`).toBe(2);
        expect(r.stderr).toContain('.lynx');
      }
      expect(readdirSync(out)).toEqual([]);
    },
    60_000,
  );

  it('init ignores /.lynx (matches a file or symlink named .lynx, not only a directory)', () => {
    const dir = workspace('ana');
    expect(readFileSync(join(dir, '.gitignore'), 'utf8').split('\n')).toContain('/.lynx');
    rmSync(join(dir, '.lynx'), { recursive: true, force: true });
    symlinkSync('/tmp', join(dir, '.lynx'));
    expect(git(dir, 'check-ignore', '.lynx').trim()).toBe('.lynx');
  });
});
