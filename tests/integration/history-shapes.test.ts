/**
 * Issue 13, history shapes: a phase closed on a branch, then merged to main in each way GitHub
 * offers, or checked out shallow. A merge commit keeps the gate green; squash, rebase and a
 * `--depth 1` clone fail closure:head and gate:manifests with the cause and the fix named.
 * Also `lynx gate --changed-since REF` on the same closed workspace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, git, lynx, tempDir, write } from '../helpers/cli.js';
import { commitAll, passingWorkspace } from '../helpers/gate-fixture.js';
import { call } from '../helpers/app.js';
import { report } from '../../src/app/report.js';
import { gate as gateCase } from '../../src/app/gate.js';

// In process (tests/helpers/app.ts): report and gate on real clones; a phase given with
// --changed-since (refused by the command, before any use case) stays black-box.
const gateRun = (dir: string, o: { phase?: string; changedSince?: string; json?: boolean }) =>
  call(
    'gate',
    async () => ({
      results: await gateCase({ cwd: dir, phase: o.phase, changedSince: o.changedSince }),
      all: o.changedSince !== undefined,
      ...(o.changedSince !== undefined ? { changedSince: o.changedSince } : {}),
    }),
    { cwd: dir, json: o.json === true },
  );

afterAll(cleanup);

interface Check {
  id: string;
  status: string;
  message: string;
}
interface Gate {
  status: string;
  phase: number;
  learner: string;
  checks: Check[];
}
const check = (g: Gate, id: string): Check | undefined => g.checks.find((c) => c.id === id);

let closed: string; // phase 00 closed on branch `work`, which started at main's first commit
let root: string;

beforeAll(async () => {
  closed = passingWorkspace();
  root = git(closed, 'rev-list', '--max-parents=0', 'HEAD').trim();
  const r = await call('report', () => report({ cwd: closed, phase: '00' }), { cwd: closed, json: true });
  if (r.code !== 0) throw new Error(`report failed: ${r.stdout}${r.stderr}`);
  commitAll(closed, 'phase 00 closed');
  git(closed, 'branch', '-m', 'main', 'work');
  git(closed, 'branch', 'main', root);
}, 120_000);

/** A clone of the closed workspace whose main is `shape(clone)`; no remote is left, so only its own objects count. */
function cloneWith(shape: (dir: string) => void, prune = true): string {
  const dir = tempDir();
  git(dir, 'clone', '-q', '--no-local', closed, '.');
  git(dir, 'config', 'user.name', 'Maintainer');
  git(dir, 'config', 'user.email', 'maintainer@example.invalid');
  git(dir, 'config', 'commit.gpgsign', 'false');
  git(dir, 'checkout', '-q', '-B', 'main', 'origin/main');
  shape(dir);
  git(dir, 'remote', 'remove', 'origin');
  if (prune) {
    git(dir, 'branch', '-q', '-D', 'work');
    git(dir, 'reflog', 'expire', '--expire=now', '--all');
    git(dir, 'gc', '-q', '--prune=now');
  }
  return dir;
}

const gate = async (dir: string): Promise<{ code: number | null; g: Gate }> => {
  const r = await gateRun(dir, { phase: '00', json: true });
  return { code: r.code, g: r.json as Gate };
};

describe('gate after each merge strategy', () => {
  it('a merge commit keeps every closing commit in history: the gate passes', async () => {
    const dir = cloneWith((d) => {
      git(d, 'fetch', '-q', 'origin', 'work:work');
      git(d, 'merge', '-q', '--no-ff', '-m', 'Merge work', 'work');
    });
    const { code, g } = await gate(dir);
    expect(g.checks.filter((c) => c.status === 'fail').map((c) => `${c.id}: ${c.message}`)).toEqual([]);
    expect(code).toBe(0);
  });

  it('a squash merge fails closure:head and gate:manifests, naming the rewrite and "merge commit"', async () => {
    const dir = cloneWith((d) => {
      git(d, 'fetch', '-q', 'origin', 'work:work');
      git(d, 'merge', '-q', '--squash', 'work');
      git(d, 'commit', '-q', '-m', 'Squashed work');
    });
    const { code, g } = await gate(dir);
    expect(code).toBe(1);
    expect(check(g, 'closure:head')?.status).toBe('fail');
    expect(check(g, 'closure:head')?.message).toMatch(
      /not a commit in this repository.*squash or rebase merge.*merge commit/,
    );
    expect(check(g, 'gate:manifests')?.status).toBe('fail');
    expect(check(g, 'gate:manifests')?.message).toMatch(/git_sha .*squash or rebase merge.*merge commit/);
    // the content itself survived the squash: the report still matches its recorded hash
    expect(check(g, 'closure:report')?.status).toBe('pass');
  });

  it(
    'a rebase merge fails the same way; while the old ' + 'commits still exist it says they are not ancestors',
    async () => {
      const rebase = (d: string): void => {
        git(d, 'fetch', '-q', 'origin', 'work:work');
        write(d, 'NOTES.md', 'main moved on\n');
        commitAll(d, 'main moves on');
        git(d, 'rebase', '-q', '--onto', 'main', root, 'work');
        git(d, 'checkout', '-q', 'main');
        git(d, 'reset', '-q', '--hard', 'work');
        git(d, 'branch', '-q', '-f', 'work', 'origin/work'); // the pre-rebase branch, as a fork would still hold it
      };
      const kept = await gate(cloneWith(rebase, false));
      expect(kept.code).toBe(1);
      expect(check(kept.g, 'closure:head')?.message).toMatch(
        /exists but is not an ancestor of HEAD.*rebased or squash-merged.*merge commit/,
      );
      const gone = await gate(cloneWith(rebase));
      expect(gone.code).toBe(1);
      expect(check(gone.g, 'closure:head')?.message).toMatch(/not a commit in this repository.*rebase merge/);
    },
  );

  it('a --depth 1 clone fails with "shallow" and the fix (fetch-depth: 0); unshallowing makes it pass', async () => {
    const merged = cloneWith((d) => {
      git(d, 'fetch', '-q', 'origin', 'work:work');
      git(d, 'merge', '-q', '--no-ff', '-m', 'Merge work', 'work');
    }, false);
    const dir = tempDir();
    git(dir, 'clone', '-q', '--depth', '1', `file://${merged}`, '.');
    expect(git(dir, 'rev-parse', '--is-shallow-repository').trim()).toBe('true');
    const { code, g } = await gate(dir);
    expect(code).toBe(1);
    expect(check(g, 'closure:head')?.message).toMatch(/shallow clone.*fetch-depth: 0.*git fetch --unshallow/);
    expect(check(g, 'gate:manifests')?.message).toMatch(/shallow clone/);
    git(dir, 'fetch', '-q', '--unshallow');
    expect((await gate(dir)).code).toBe(0);
  });
});

describe('lynx gate --changed-since REF', () => {
  it('verifies only the closed phases the branch touches', async () => {
    const dir = cloneWith((d) => {
      git(d, 'fetch', '-q', 'origin', 'work:work');
      git(d, 'merge', '-q', '--no-ff', '-m', 'Merge work', 'work');
    }, false);
    git(dir, 'checkout', '-q', '-b', 'pr');
    write(dir, 'notes/unrelated.md', 'not a phase file\n');
    write(dir, 'learners/bob/profile.md', 'another learner\n');
    commitAll(dir, 'unrelated change');
    const none = await gateRun(dir, { changedSince: 'main', json: true });
    expect(none.code).toBe(0);
    expect(JSON.parse(none.stdout)).toEqual([]);
    expect((await gateRun(dir, { changedSince: 'main' })).stdout).toContain(
      'no closed phase is touched by the changes since main',
    );

    write(dir, 'learners/ana/phase-00/notes.md', 'a note on phase 00\n');
    commitAll(dir, 'touch phase 00');
    const one = await gateRun(dir, { changedSince: 'main', json: true });
    const results = JSON.parse(one.stdout) as Gate[];
    expect(results.map((r) => `${r.learner}/${r.phase}:${r.status}`)).toEqual(['ana/0:pass']);
    expect(one.code).toBe(0);
  });

  it('an unknown REF is bad usage (exit 2) and a phase with --changed-since is refused', async () => {
    const r = await gateRun(closed, { changedSince: 'no-such-ref' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--changed-since no-such-ref: no common ancestor/);
    expect(lynx(['gate', '00', '--changed-since', 'main'], { cwd: closed }).code).toBe(2);
  });
});
