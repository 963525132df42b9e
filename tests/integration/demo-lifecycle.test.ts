import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { cleanup, git, lynx, tempDir } from '../helpers/cli.js';

afterAll(cleanup);

describe('lynx demo: the lifecycle steps', () => {
  it('phase-start 00, --approve, lab 00 --run, a journal entry and a manifest diff of two `just exp` runs, each committed', () => {
    const dir = join(tempDir(), 'demo');
    const r = lynx(['demo', '--dir', dir, '--json'], { cwd: tempDir(), timeout: 120_000 });
    const out = JSON.parse(r.stdout) as { steps: { command: string; ok: boolean; output: string }[] };
    const step = (cmd: string) => out.steps.find((s) => s.command.startsWith(cmd));
    for (const c of ['lynx phase-start 00', 'lynx phase-start 00 --approve', 'lynx lab 00 00 --run', 'lynx journal', 'just exp 00-seeding-rerun']) expect(step(c)?.ok, c).toBe(true);
    expect(step('lynx phase-start 00')?.output).toContain('+ PHASE_00_PLAN.md');
    expect(step('lynx lab 00 00 --run')?.output).toMatch(/✓ just test {2}passed/);
    expect(step('just exp 00-seeding-rerun')?.output).toMatch(/^\[CODE\] git_sha: [0-9a-f]{40} -> [0-9a-f]{40}$/m);
    expect(step('just exp 00-seeding-rerun')?.output).toContain('lynx manifest check: 2 manifest(s), all clean');
    // the state the later steps (quiz, break, report) build on: approved plan, recorded runs, a journal
    const log = git(dir, 'log', '--format=%s');
    for (const m of ['phase: phase-00 plan', 'phase: phase-00 plan approved', 'lab: phase-00 env checks run', 'journal: first entry', 'exp: 00-seeding-rerun']) expect(log).toContain(m);
    const show = (rev: string, path: string): string => git(dir, 'show', `${rev}:${path}`);
        const rev = git(dir, 'log', '--format=%H', '--grep', '^exp: 00-seeding-rerun$').trim();
    const atRerun = JSON.parse(show(rev, 'learners/demo/phase-00/checkpoint.json')) as { status: string; plan_sha256: string; labs: Record<string, { outcome: string }[]> };
    expect(atRerun.status).toBe('in_progress');
    expect(atRerun.plan_sha256).toBe(createHash('sha256').update(show(rev, 'PHASE_00_PLAN.md')).digest('hex'));
    expect(atRerun.labs['00']?.map((x) => x.outcome)).toEqual(['passed', 'passed', 'passed', 'passed']);
    const journal = step('lynx journal')?.output.split('\n')[0] ?? '';
    expect(journal).toMatch(/^learners\/demo\/journal\/\d{4}-\d\d-\d\d\.md$/);
    expect(show(rev, journal)).toMatch(/^\d\d:\d\d — lab 00: setup, lint, test, audit-deps green/m);
    expect(readFileSync(join(dir, 'experiments/00-seeding-rerun/manifest.json'), 'utf8')).toContain('"git_dirty": false');
  });
});
