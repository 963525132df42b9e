import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { cleanup, git, lynx, write } from '../helpers/cli.js';
import { lynxIn } from '../helpers/app.js';
import { breakWorkspace, commitPredictions, JOURNAL, openJournals, read } from '../helpers/break-fixture.js';

afterAll(cleanup);

const json = <T>(s: string): T => JSON.parse(s) as T;
interface Cp {
  break?: { state?: string };
}

describe('the gate while a break is active', () => {
  interface Gate {
    status: string;
    checks: { id: string; status: string; message: string }[];
  }
  const breakChecks = (g: Gate): Record<string, string> =>
    Object.fromEntries(
      g.checks
        .filter((c) => c.id === 'gate:break' || c.id === 'gate:no-active-break')
        .map((c) => [c.id, `${c.status}: ${c.message}`]),
    );

  it('report and gate fail with checks naming the active break; after restore those checks pass', async () => {
    const dir = breakWorkspace();
    await commitPredictions(dir);
    expect((await lynxIn(['break', '00', 'start'], { cwd: dir })).code).toBe(0);
    for (const cmd of ['gate', 'report']) {
      const r = lynx([cmd, '00', '--json'], { cwd: dir });
      expect(r.code, cmd).toBe(1);
      expect(r.stderr.split('\n')[0], cmd).toContain('! a break is active (phase 00, pythonhashseed)');
      const c = breakChecks(json<Gate>(r.stdout));
      expect(c['gate:no-active-break'], cmd).toBe(
        `fail: break still active: ${JOURNAL} — run \`lynx break 00 restore\``,
      );
      expect(c['gate:break'], cmd).toMatch(
        /^fail: a break is still active \(.lynx\/breaks\/00-pythonhashseed\.journal\.json\)/,
      );
    }
    expect(existsSync(join(dir, 'PHASE_00_REPORT.md'))).toBe(false);
    expect(
      (
        await lynxIn(
          [
            'break',
            '00',
            'diagnose',
            'PYTHONHASHSEED set inside the process is too late: hash randomization is initialized at interpreter start',
          ],
          { cwd: dir },
        )
      ).code,
    ).toBe(0);
    expect((await lynxIn(['break', '00', 'restore'], { cwd: dir })).code).toBe(0);
    const after = breakChecks(json<Gate>((await lynxIn(['gate', '00', '--json'], { cwd: dir })).stdout));
    expect(after['gate:no-active-break']).toMatch(/^pass: /);
    expect(after['gate:break']).toBe('pass: break pythonhashseed done and restored (0 hint(s) used)');
  });
});

describe('other break shapes', () => {
  it(
    'yaml-entry predictions (phases 33–39): a YAML entry template; bad YAML is exit 2 at file:line:col; a filled ' +
      'symptom counts',
    async () => {
      const dir = breakWorkspace();
      const file = 'learners/borja/phase-33/notes/breaks.md';
      const show = lynx(['break', '33'], { cwd: dir });
      expect(show.code, show.stderr).toBe(0);
      expect(show.stdout).toContain('YAML entry: bug-id, concept, symptom, hidden_cause, hint_1..3, fix_diff');
      const tpl = read(dir, file);
      expect(tpl).toContain('```yaml\n- bug-id: "33-01"\n  concept: "continuous batching"\n  symptom: ""');
      const line = tpl.split('\n').findIndex((l) => l === '  symptom: ""') + 1;
      write(dir, file, tpl.replace('  symptom: ""', '  symptom: "throughput falls'));
      const bad = await lynxIn(['break', '33'], { cwd: dir });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(new RegExp(`^lynx: error: ${file.replace(/\//g, '\\/')}:${line}:\\d+ invalid YAML`));
      write(
        dir,
        file,
        tpl.replace('  symptom: ""', '  symptom: "throughput falls to one request at a time under load"'),
      );
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', 'phase-33 break record');
      expect((await lynxIn(['break', '33', '--json'], { cwd: dir })).stdout).toContain(
        '"reason": "entry 33-01: symptom of 10 words"',
      );
      // the predictions are accepted; this workspace has no src/miniserve/handlers.py nor its anchor
      // anywhere, so start falls back to the guided mode: the edit to make by hand, no journal yet
      const start = await lynxIn(['break', '33', 'start'], { cwd: dir });
      expect(start.code, start.stderr).toBe(0);
      expect(start.stdout).toContain('src/miniserve/handlers.py');
      expect(start.stdout).toContain('lynx break 33 confirm');
      expect(openJournals(dir)).toEqual([]);
    },
  );

  it('a diagnostic break that edits no file (phase 40): the steps, then restore closes the break', async () => {
    const dir = breakWorkspace();
    const file = 'learners/borja/phase-40/notes/breaks.md';
    await lynxIn(['break', '40'], { cwd: dir });
    write(dir, file, `${read(dir, file)}Without a post-mortem the same class of incident comes back within months.\n`);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'phase-40 predictions');
    const start = await lynxIn(['break', '40', 'start'], { cwd: dir });
    expect(start.code, start.stderr).toBe(0);
    expect(start.stdout).toContain(
      'a diagnostic break: you follow the described steps. This break edits no file in your tree',
    );
    expect(start.stdout).toContain('Step 6 — The "fix": write the post-mortem (retroactively).');
    expect(openJournals(dir)).toEqual(['40-skip-postmortem.journal.json']);
    expect(
      (
        await lynxIn(['break', '40', 'diagnose', 'no post-mortem was written: the process artifact is absent'], {
          cwd: dir,
        })
      ).stdout,
    ).toContain('✓ your diagnosis names the hidden cause');
    const r = await lynxIn(['break', '40', 'restore'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(openJournals(dir)).toEqual([]);
    expect(json<Cp>(read(dir, 'learners/borja/phase-40/checkpoint.json')).break?.state).toBe('restored');
  });
});

describe('lynx break status while another lynx command holds the lock', () => {
  it('shows the active break and recovers nothing', async () => {
    const dir = breakWorkspace();
    await commitPredictions(dir);
    expect((await lynxIn(['break', '00', 'start'], { cwd: dir })).code).toBe(0);
    // the lock as a live lynx process leaves it (this test process is alive)
    mkdirSync(join(dir, '.lynx', 'lock'), { recursive: true });
    writeFileSync(
      join(dir, '.lynx', 'lock.owner.json'),
      JSON.stringify({
        pid: process.pid,
        host: hostname(),
        command: 'lynx break 00 start',
        since: new Date().toISOString(),
      }),
    );
    const r = lynx(['break', 'status'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      `! the workspace is locked by pid ${process.pid} (lynx break 00 start): shown as is, nothing recovered`,
    );
    expect(r.stdout).toContain('break 00 pythonhashseed is active');
    expect(openJournals(dir)).toHaveLength(1);
  });
});
