import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { cleanup, git, gitRepo, lynx, tempDir, workspace, write } from '../helpers/cli.js';
import { validateStatus } from '../../src/schemas/generated/status.validator.js';
import { validateDoctor } from '../../src/schemas/generated/doctor.validator.js';
import { call } from '../helpers/app.js';
import { init } from '../../src/app/init.js';
import { status } from '../../src/app/status.js';
import { doctor } from '../../src/app/doctor.js';

// In process (tests/helpers/app.ts) where a test is about files and results; black-box (lynx) where it is
// about argv, the environment (LYNX_LEARNER, LYNX_DEBUG, FORCE_COLOR/NO_COLOR) or --json errors.
const initRun = (dir: string, learner?: string, json = false) =>
  call('init', () => init({ cwd: dir, learner }), { cwd: dir, json });
const statusRun = (dir: string, o: { all?: boolean; phase?: number; json?: boolean } = {}) =>
  call('status', () => status({ cwd: dir, all: o.all === true, phase: o.phase }), { cwd: dir, json: o.json === true });

afterAll(cleanup);

describe('lynx init', () => {
  it('makes a workspace: lynx.yaml, learners/_template, learners/NAME, .lynx/ ignored', async () => {
    const dir = gitRepo();
    const r = await initRun(dir, 'borja');
    expect(r.code).toBe(0);
    for (const f of [
      'lynx.yaml',
      'learners/_template/README.md',
      'learners/borja/README.md',
      'learners/borja/progress.md',
      'learners/borja/journal/.gitkeep',
    ])
      expect(existsSync(join(dir, f)), f).toBe(true);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toMatch(/^\/\.lynx$/m);
    expect(readFileSync(join(dir, 'lynx.yaml'), 'utf8')).toContain('learner: borja');
    expect(git(dir, 'check-ignore', '.lynx/lock').trim()).toBe('.lynx/lock');
    // what lynx hashes checks out LF (tests/integration/crlf-checkout.test.ts shows why)
    expect(
      git(dir, 'check-attr', 'eol', '--', 'learners/borja/phase-03/quiz-attempts.jsonl', 'PHASE_03_REPORT.md'),
    ).toBe('learners/borja/phase-03/quiz-attempts.jsonl: eol: lf\nPHASE_03_REPORT.md: eol: lf\n');
    expect(git(dir, 'check-attr', 'eol', '--', 'src/model.py')).toBe('src/model.py: eol: unspecified\n');
  });

  it('is idempotent and never overwrites a file the learner changed', async () => {
    const dir = workspace('ana');
    write(dir, 'learners/ana/profile.md', '# my own profile\n');
    const r = await initRun(dir, undefined, true);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { learner: string; actions: { path: string; action: string }[] };
    expect(out.learner).toBe('ana');
    expect(out.actions.find((a) => a.path === 'learners/ana/profile.md')?.action).toBe('kept');
    expect(out.actions.filter((a) => a.action === 'created')).toEqual([]);
    expect(out.actions.find((a) => a.path === '.gitattributes')?.action).toBe('unchanged');
    expect(readFileSync(join(dir, 'learners/ana/profile.md'), 'utf8')).toBe('# my own profile\n');
  });

  it('adds a second learner from the workspace template', async () => {
    const dir = workspace('ana');
    write(dir, 'learners/_template/notes.md', 'cohort notes\n');
    expect((await initRun(dir, 'ben')).code).toBe(0);
    expect(readFileSync(join(dir, 'learners/ben/notes.md'), 'utf8')).toBe('cohort notes\n');
    expect(readFileSync(join(dir, 'lynx.yaml'), 'utf8')).toContain('learner: ana');
  });

  it('outside a git repository: exit 2 with what to do', async () => {
    const r = await initRun(tempDir(), 'borja');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^lynx: error: not a git repository: /);
    expect(r.stderr).toContain('git init');
  });
});

describe('lynx status', () => {
  it('prints one row per phase and a progress strip; --json validates against its schema', async () => {
    const dir = workspace('borja');
    const text = await statusRun(dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Learner borja');
    expect(text.stdout).toMatch(/^00 +Foundations +· not started/m);
    expect(text.stdout).not.toMatch(/\u001b\[/);
    const j = await statusRun(dir, { json: true });
    expect(j.code).toBe(0);
    const report = JSON.parse(j.stdout) as { learners: { phases: unknown[]; counts: { not_started: number } }[] };
    expect(validateStatus(report), JSON.stringify(validateStatus.errors)).toBe(true);
    expect(report.learners[0]?.phases.length).toBeGreaterThan(0);
  });

  it('reflects a checkpoint, shows every learner with --all, and one phase with NN', async () => {
    const dir = workspace('borja');
    await initRun(dir, 'ana');
    write(
      dir,
      'learners/ana/phase-00/checkpoint.json',
      JSON.stringify({
        schema_version: 1,
        phase: 0,
        learner: 'ana',
        status: 'done',
        closed_at: '2026-05-23T10:00:00Z',
        quiz: { attempts: 1, best: 1, last: 1, passed: true },
      }),
    );
    const all = JSON.parse((await statusRun(dir, { all: true, json: true })).stdout) as {
      learners: { learner: string; counts: { done: number } }[];
    };
    expect(all.learners.map((l) => l.learner)).toEqual(['ana', 'borja']);
    expect(all.learners[0]?.counts.done).toBe(1);
    const one = lynx(['status', '0'], { cwd: dir, env: { LYNX_LEARNER: 'ana' } });
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('Phase 00 — Foundations  ● done');
    expect(one.stdout).toContain('Definition of Done (10)');
  });

  it('colour follows FORCE_COLOR and NO_COLOR', async () => {
    const dir = workspace('borja');
    expect(lynx(['status'], { cwd: dir, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).toMatch(/\u001b\[/);
    expect(lynx(['status'], { cwd: dir, env: { NO_COLOR: '1' } }).stdout).not.toMatch(/\u001b\[/);
  });
});

describe('error classes: exit code and a message a person can act on', () => {
  it('unknown phase → 2', async () => {
    const r = lynx(['status', '42'], { cwd: workspace() });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('lynx: error: unknown phase 42 — phases run from 00 to 41\n');
  });

  it('malformed lynx.yaml → 2 with file:line:col', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'lynx.yaml'), 'schema_version: 1\nlearner: borja\ntimeouts:\n  command: [1, 2\n');
    const r = await statusRun(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^lynx: error: lynx\.yaml:\d+:\d+ invalid YAML: /);
  });

  it('lynx.yaml that violates its schema → 2 naming line, column, field, expected and found', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'lynx.yaml'), 'schema_version: 1\nlearner: borja\ntimeouts:\n  command: soon\n');
    const r = await statusRun(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('lynx: error: lynx.yaml:4:12 timeouts.command: expected number — found "soon"');
  });

  it('bad learner name → 2, from any source', async () => {
    const dir = workspace();
    expect(lynx(['status', '--learner', 'Borja'], { cwd: dir }).stderr).toContain(
      'invalid learner name "Borja" (from --learner)',
    );
    const env = lynx(['status'], { cwd: dir, env: { LYNX_LEARNER: '../etc' } });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('invalid learner name "../etc" (from LYNX_LEARNER)');
    writeFileSync(join(dir, 'lynx.yaml'), 'schema_version: 1\nlearner: X\n');
    const cfg = lynx(['status'], { cwd: dir });
    expect(cfg.code).toBe(2);
    expect(cfg.stderr).toContain('lynx.yaml:2:10 learner: expected a value matching');
  });

  it('not a git repository → 2; a git repository without lynx.yaml → 2 with the fix', async () => {
    const a = await statusRun(tempDir());
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('not a git repository');
    const b = await statusRun(gitRepo());
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('not a lynx workspace');
    expect(b.stderr).toContain('lynx init --learner');
  });

  it('a path in lynx.yaml that escapes the workspace → 2', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'lynx.yaml'), 'schema_version: 1\nlearner: borja\ncurriculum: ../../elsewhere\n');
    const r = await statusRun(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('lynx.yaml:3:13 curriculum: path escapes the workspace — found "../../elsewhere"');
  });

  it('a corrupted checkpoint → 2 naming the file and position; status still shows the rest', async () => {
    const dir = workspace();
    write(dir, 'learners/borja/phase-03/checkpoint.json', '{"schema_version": 1, "phase": 3,');
    const r = await statusRun(dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/learners\/borja\/phase-03\/checkpoint\.json:\d+:\d+ invalid JSON/);
    expect(r.stdout).toMatch(/^00 +Foundations/m);
  });

  it('a lock held by a live process → 2 naming the owner; a dead owner is recovered', async () => {
    const dir = workspace();
    const sleeper = spawn('sleep', ['30']);
    try {
      mkdirSync(join(dir, '.lynx', 'lock'), { recursive: true });
      writeFileSync(
        join(dir, '.lynx', 'lock.owner.json'),
        JSON.stringify({
          pid: sleeper.pid,
          host: hostname(),
          command: 'lynx report 07',
          since: '2026-11-25T10:00:00Z',
        }),
      );
      const r = await initRun(dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`the workspace is locked by pid ${sleeper.pid} (lynx report 07)`);
      writeFileSync(
        join(dir, '.lynx', 'lock.owner.json'),
        JSON.stringify({
          pid: spawnSync('true').pid,
          host: hostname(),
          command: 'lynx report 07',
          since: '2026-11-25T10:00:00Z',
        }),
      );
      expect((await initRun(dir)).code).toBe(0);
    } finally {
      sleeper.kill();
    }
  });

  it('user errors print no stack trace unless LYNX_DEBUG=1; --json errors are JSON on stdout', async () => {
    const dir = workspace();
    const plain = lynx(['status', '99'], { cwd: dir });
    expect(plain.stderr).not.toContain('    at ');
    const debug = lynx(['status', '99'], { cwd: dir, env: { LYNX_DEBUG: '1' } });
    expect(debug.stderr).toContain('    at ');
    const json = lynx(['status', '99', '--json'], { cwd: dir });
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { exit_code: 2, kind: 'UsageError' } });
  });
});

describe('lynx doctor', () => {
  it('finds git, just (PATH or bundled rust-just) and python3; --json validates', async () => {
    const dir = workspace();
    const r = await call('doctor', () => doctor({ cwd: dir }), { cwd: dir, json: true });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      tools: { name: string; found: boolean; source?: string }[];
      workspace: { checks: { id: string; status: string }[] };
    };
    expect(validateDoctor(report), JSON.stringify(validateDoctor.errors)).toBe(true);
    for (const name of ['git', 'just', 'python3'])
      expect(report.tools.find((t) => t.name === name)?.found, name).toBe(true);
    expect(report.workspace.checks.find((c) => c.id === 'lynx-ignored')?.status).toBe('ok');
  });

  it('reports a stale break journal and an unignored .lynx/', async () => {
    const dir = workspace();
    writeFileSync(join(dir, '.gitignore'), '');
    write(dir, '.lynx/breaks/00-pythonhashseed.journal.json', '{}');
    const r = await call('doctor', () => doctor({ cwd: dir }), { cwd: dir });
    expect(r.stdout).toContain('.lynx/ is not git-ignored');
    expect(r.stdout).toContain('active break journal(s): .lynx/breaks/00-pythonhashseed.journal.json');
  });
});
