/**
 * More states of lynx next on real workspaces (beside next.test.ts): each state a learner passes through names its one
 * next action and
 * the command to run; a bare `lynx` inside a workspace is `lynx next`, outside one the help.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, git, gitRepo, lynx, workspace, write } from '../helpers/cli.js';
import { lynxIn } from '../helpers/app.js';

afterAll(cleanup);

interface Next {
  learner: string;
  actions: { kind: string; command: string | null; why: string; phase: number | null }[];
}
const next = async (cwd: string): Promise<Next> => {
  const r = await lynxIn(['next', '--json'], { cwd });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Next;
};
const kinds = async (cwd: string): Promise<string[]> => (await next(cwd)).actions.map((a) => a.kind);
const cpPath = (ws: string): string => join(ws, 'learners/borja/phase-00/checkpoint.json');
const editCp = (ws: string, f: (cp: Record<string, unknown>) => void): void => {
  const cp = JSON.parse(readFileSync(cpPath(ws), 'utf8')) as Record<string, unknown>;
  f(cp);
  writeFileSync(cpPath(ws), `${JSON.stringify(cp, null, 2)}\n`);
};
/** A workspace with phase 00 planned, committed and approved. */
async function approved(): Promise<string> {
  const ws = workspace();
  expect((await lynxIn(['phase-start', '00'], { cwd: ws })).code).toBe(0);
  git(ws, 'add', '-A');
  git(ws, 'commit', '-q', '-m', 'plan');
  expect((await lynxIn(['phase-start', '00', '--approve'], { cwd: ws })).code).toBe(0);
  git(ws, 'add', '-A');
  git(ws, 'commit', '-q', '-m', 'approve');
  return ws;
}

describe('lynx next', () => {
  it('a fresh workspace: start phase 00, with the command; bare `lynx` says the same', async () => {
    const ws = workspace();
    const n = await next(ws);
    expect(n.learner).toBe('borja');
    expect(n.actions[0]).toMatchObject({ kind: 'phase-start', phase: 0 });
    expect(n.actions[0]?.command).toMatch(/ phase-start 00$/);
    const bare = lynx([], { cwd: ws });
    expect(bare.code).toBe(0);
    expect(bare.stdout).toMatch(/^next: .* phase-start 00/);
  });

  it('outside a workspace a bare `lynx` prints the help, not an error about a workspace', () => {
    const r = lynx([], { cwd: gitRepo() });
    expect(`${r.stdout}${r.stderr}`).toContain('Usage: lynx');
    expect(r.stderr).not.toContain('not a lynx workspace');
  });

  it('uncommitted work before phase-start: commit first', async () => {
    const ws = workspace();
    write(ws, 'scratch.txt', 'x\n');
    expect((await kinds(ws)).slice(0, 2)).toEqual(['commit', 'phase-start']);
  });

  it('a planned phase: approve it', async () => {
    const ws = workspace();
    await lynxIn(['phase-start', '00'], { cwd: ws });
    const n = await next(ws);
    expect(n.actions[0]).toMatchObject({ kind: 'approve', phase: 0 });
    expect(n.actions[0]?.command).toMatch(/phase-start 00 --approve$/);
  });

  it('an approved phase: the first lab not run, then the quiz and the break predictions', async () => {
    const ws = await approved();
    const n = await next(ws);
    expect(n.actions[0]?.command).toMatch(/lab 00 00 --run$/);
    expect(n.actions.map((a) => a.kind)).toEqual(['lab', 'quiz', 'break-predict', 'checkpoint']);
    const t = await lynxIn(['next'], { cwd: ws });
    expect(t.stdout).toContain('then:');
    expect(t.stdout).toMatch(/quiz 00/);
  });

  it("open questions in the plan's §7 come before the labs", async () => {
    const ws = await approved();
    const plan = join(ws, 'PHASE_00_PLAN.md');
    writeFileSync(
      plan,
      readFileSync(plan, 'utf8').replace(
        '## §8 Revisions log',
        '- [ ] which seed does numpy use?\n\n## §8 Revisions log',
      ),
    );
    const n = await next(ws);
    expect(n.actions[0]).toMatchObject({ kind: 'open-questions' });
    expect(n.actions[0]?.why).toContain('1 open question');
  });

  it('a failed lab run is named, a passed one is skipped', async () => {
    const ws = await approved();
    const run = (outcome: string) => ({ started_at: '2026-01-01T00:00:00.000Z', duration_ms: 5, outcome });
    editCp(ws, (cp) => {
      cp.labs = { '00': [run('passed')], '01': [run('failed')] };
    });
    const a = (await next(ws)).actions[0];
    expect(a?.command).toMatch(/lab 00 01 --run$/);
    expect(a?.why).toContain('last failed');
  });

  it('a quiz cooldown: the retake time, not a plain "take the quiz"', async () => {
    const ws = await approved();
    const until = new Date(Date.now() + 3_600_000).toISOString();
    editCp(ws, (cp) => {
      cp.quiz = { attempts: 1, passed: false, cooldown_until: until };
    });
    const k = await kinds(ws);
    expect(k).toContain('quiz-cooldown');
    expect(k).not.toContain('quiz');
    const past = new Date(Date.now() - 60_000).toISOString();
    editCp(ws, (cp) => {
      cp.quiz = { attempts: 1, passed: false, cooldown_until: past };
    });
    expect(await kinds(ws)).toContain('quiz');
  });

  it('committed predictions: start the break; an applied break comes first of all', async () => {
    const ws = await approved();
    const p = join(ws, 'learners/borja/phase-00/notes/breaks.md');
    writeFileSync(
      p,
      `${readFileSync(p, 'utf8')}\nI predict the hash order changes between runs because the seed is set too late.\n`,
    );
    expect(await kinds(ws)).toContain('break-predict'); // written, not committed yet
    git(ws, 'add', '-A');
    git(ws, 'commit', '-q', '-m', 'predictions');
    expect(await kinds(ws)).toContain('break-start');
    editCp(ws, (cp) => {
      cp.break = { state: 'active' };
    });
    expect((await next(ws)).actions[0]).toMatchObject({ kind: 'break-diagnose', phase: 0 });
    editCp(ws, (cp) => {
      cp.break = { state: 'diagnosed' };
    });
    expect((await next(ws)).actions[0]?.command).toMatch(/break 00 restore$/);
  });

  it('labs, quiz and break done: run the checkpoint, then the report', async () => {
    const ws = await approved();
    const run = { started_at: '2026-01-01T00:00:00.000Z', duration_ms: 5, outcome: 'passed' };
    editCp(ws, (cp) => {
      cp.labs = Object.fromEntries(['00', '01', '02', '03', '04'].map((id) => [id, [run]]));
      cp.quiz = { attempts: 1, passed: true };
      cp.break = { state: 'restored' };
    });
    git(ws, 'add', '-A');
    git(ws, 'commit', '-q', '-m', 'done');
    const n = await next(ws);
    expect(n.actions.map((a) => a.kind)).toEqual(['checkpoint', 'report']);
    expect(n.actions[0]?.command).toMatch(/checkpoint 00 --run$/);
  });

  it('status ends with the line next leads with', async () => {
    const ws = await approved();
    const s = await lynxIn(['status'], { cwd: ws });
    expect(s.code).toBe(0);
    const last = s.stdout.trimEnd().split('\n').at(-1) ?? '';
    expect(last).toMatch(/^next: .*lab 00 00 --run {2}— /);
  });

  it("status's line is next's first action, from status's own reads: with a review deck due too", async () => {
    const ws = await approved();
    const card = (id: string): string =>
      JSON.stringify({
        v: 1,
        kind: 'add',
        at: '2026-01-01T10:00:00Z',
        card: id,
        phase: 0,
        from: 'quiz',
        attempt_at: '2026-01-01T10:00:00Z',
      });
    write(ws, 'learners/borja/reviews.jsonl', `${card('00/q1')}\n${card('00/q2')}\n`);
    const n = await next(ws);
    expect(n.actions.map((a) => a.why)).toContain('2 review card(s) due today');
    const first = n.actions[0];
    const last = (await lynxIn(['status'], { cwd: ws })).stdout.trimEnd().split('\n').at(-1) ?? '';
    expect(last).toBe(`next: ${first?.command ? `${first.command}  — ${first.why}` : first?.why}`);
  });
});
