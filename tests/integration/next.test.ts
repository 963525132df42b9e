/** lynx next on real workspaces: the action follows the phase's state as the learner moves through it. */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, git, gitRepo, lynx, workspace } from '../helpers/cli.js';
import { lynxIn } from '../helpers/app.js';

afterAll(cleanup);

const next = (dir: string): { kind: string; command: string | null; why: string }[] => {
  const r = lynx(['next', '--json'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { actions: { kind: string; command: string | null; why: string }[] }).actions;
};

describe('lynx next', () => {
  it('walks a new workspace: phase-start, approve, then the first lab; bare lynx and status say the same', async () => {
    const dir = workspace();
    const first = next(dir)[0];
    expect(first).toMatchObject({ kind: 'phase-start' });
    expect(first?.command).toMatch(/ phase-start 00$/);
    // the printed command is runnable as printed (resolved path of this checkout, or lynx on PATH)
    expect(first?.command).toMatch(/^(lynx|node \/\S+\/bin\/lynx\.js) /);

    expect((await lynxIn(['phase-start', '00'], { cwd: dir })).code).toBe(0);
    expect(next(dir)[0]).toMatchObject({ kind: 'approve' });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'plan');
    expect((await lynxIn(['phase-start', '00', '--approve'], { cwd: dir })).code).toBe(0);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'approved');
    const acts = next(dir);
    expect(acts[0]).toMatchObject({ kind: 'lab' });
    expect(acts[0]?.command).toMatch(/ lab 00 00 --run$/);
    expect(acts.map((a) => a.kind)).toContain('quiz');

    const bare = lynx([], { cwd: dir });
    expect(bare.code).toBe(0);
    expect(bare.stdout).toMatch(/^next: .* lab 00 00 --run/);
    const status = await lynxIn(['status'], { cwd: dir });
    expect(status.stdout.trimEnd().split('\n').at(-1)).toMatch(/^next: .* lab 00 00 --run/);
  });

  it('an uncommitted tree is named before phase-start, which refuses one', async () => {
    const dir = workspace();
    await lynxIn(['journal', 'first note'], { cwd: dir });
    const acts = next(dir);
    expect(acts[0]).toMatchObject({ kind: 'commit', command: 'git add -A && git commit' });
    expect(acts[1]).toMatchObject({ kind: 'phase-start' });
  });

  it('outside a workspace, bare lynx shows the help; lynx next is a clear refusal', async () => {
    const dir = gitRepo();
    const bare = lynx([], { cwd: dir });
    expect(bare.stdout + bare.stderr).toContain('Usage: lynx');
    const r = await lynxIn(['next'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a lynx workspace');
  });
});
