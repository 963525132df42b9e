import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, git, lynx, repoRoot } from '../helpers/cli.js';
import { lynxIn } from '../helpers/app.js';
import { breakWorkspace, read, TARGET, treeHashes } from '../helpers/break-fixture.js';

afterAll(cleanup);

interface Report {
  ok: boolean;
  checked: number;
  breaks: {
    phase: number;
    id: string;
    status: string;
    reason: string;
    restored?: boolean;
    observe?: { baseline_exit: number; mutant_exit: number }[];
  }[];
}

describe('lynx validate --breaks WORKSPACE', () => {
  it(
    "applies phase 00's break in a temporary copy: matches " + 'once, detectable, restored; the workspace is untouched',
    async () => {
      const dir = breakWorkspace();
      const before = treeHashes(dir);
      const r = await lynxIn(['validate', '--breaks', dir, '--json'], { cwd: repoRoot });
      expect(r.code, r.stderr).toBe(0);
      const rep = JSON.parse(r.stdout) as Report;
      expect(rep).toMatchObject({ ok: true, checked: 1 });
      const b00 = rep.breaks.find((b) => b.phase === 0);
      expect(b00).toMatchObject({
        id: 'pythonhashseed',
        status: 'detectable',
        restored: true,
        observe: [{ baseline_exit: 0, mutant_exit: 1 }],
      });
      expect(b00?.reason).toContain("observing with `just test`, the workspace's test recipe, instead");
      expect(rep.breaks.filter((b) => b.status === 'skipped')).toHaveLength(40);
      expect(treeHashes(dir)).toEqual(before);
      expect(existsSync(join(dir, '.lynx', 'breaks'))).toBe(false);
      // the shipped demo template itself (no git, no lynx.yaml) passes too
      const tpl = lynx(['validate', '--breaks', 'templates/demo-workspace'], { cwd: repoRoot });
      expect(tpl.code, tpl.stderr).toBe(0);
      expect(tpl.stdout).toContain('✓ 00 pythonhashseed: detectable');
    },
  );

  it('a break the observe result cannot see is not detectable: exit 2', async () => {
    const dir = breakWorkspace();
    writeFileSync(
      join(dir, 'tests/test_seeding.py'),
      'import unittest\n\nclass T(unittest.TestCase):\n    def test_nothing(self) -> None:\n        ' +
        'self.assertTrue(True)\n',
    );
    git(dir, 'commit', '-q', '-am', 'weaker tests');
    const r = await lynxIn(['validate', '--breaks', dir, '--json'], { cwd: repoRoot });
    expect(r.code).toBe(2);
    expect((JSON.parse(r.stdout) as Report).breaks.find((b) => b.phase === 0)).toMatchObject({
      status: 'not-detectable',
      restored: true,
    });
    expect(r.stdout).toContain('the observe result does not change');
  });

  it('an edit that matches twice does not apply: exit 2 with the lines', async () => {
    const dir = breakWorkspace();
    writeFileSync(
      join(dir, TARGET),
      `${read(dir, TARGET)}\n\ndef again(seed: int) -> None:\n    os.environ["PYTHONHASHSEED"] = str(seed)\n`,
    );
    const r = await lynxIn(['validate', '--breaks', dir], { cwd: repoRoot });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(
      `✗ 00 pythonhashseed: edit-does-not-apply — ${TARGET}: edit 1 matches 2 times (lines 13, 29)`,
    );
  });

  it('DIR and --breaks together, or a missing directory, are usage errors', async () => {
    expect((await lynxIn(['validate', '.', '--breaks', '.'], { cwd: repoRoot })).code).toBe(2);
    const r = await lynxIn(['validate', '--breaks', 'no/such/dir'], { cwd: repoRoot });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--breaks no/such/dir: no such directory');
  });
});
