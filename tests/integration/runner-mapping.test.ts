/**
 * Issue 21: lynx.yaml's `runner:` for machines without uv. Without uv on PATH, `uv run X …` runs as the
 * mapped runner in lab runs, `checkpoint --run`, `report` and `gate`, recorded on the check, the lab run and in
 * the report; with a (stand-in) uv on PATH the gate runs the real command — and fails when it fails. A bad
 * mapping is refused naming lynx.yaml and the line, with nothing written.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, git, lynx, write } from '../helpers/cli.js';
import { call } from '../helpers/app.js';
import { schema } from '../helpers/json-schema.js';
import { commitAll, passingWorkspace } from '../helpers/gate-fixture.js';
import { echoes, pathWithout, standIns, withPath } from '../helpers/stand-ins.js';
import { labRun } from '../../src/app/lab-run.js';
import { checkpoint } from '../../src/app/checkpoint.js';
import { report } from '../../src/app/report.js';
import { gate } from '../../src/app/gate.js';
import type { GateResult } from '../../src/schemas/generated/types.js';

afterAll(cleanup);

const UNITTEST = 'uv, run, unittest, discover, -s, tests, -t, ., -q';
const REAL = 'uv run unittest discover -s tests -t . -q';
const RAN = 'python3 -m unittest discover -s tests -t . -q';
const CONFIG = 'schema_version: 1\nlearner: ana\ncurriculum: data/curriculum\nquizzes: data/quizzes\n';

/** The gate fixture with its `tests` item and lab 00 running `uv run unittest …`, and a runner for uv. */
function uvWorkspace(): string {
  const dir = passingWorkspace();
  const file = join(dir, 'data/curriculum/phase-00-mini/phase.yaml');
  const yaml = readFileSync(file, 'utf8')
    .replace('check: { kind: command, just: test }', `check: { kind: command, argv: [${UNITTEST}] }`)
    .replace(
      'estimated_time: 10 min, estimated_minutes: 10 }',
      `estimated_time: 10 min, estimated_minutes: 10, commands: [{ text: "${REAL}", argv: [${UNITTEST}] }] }`,
    );
  writeFileSync(file, yaml);
  writeFileSync(join(dir, 'lynx.yaml'), `${CONFIG}runner:\n  "uv run": "python3 -m"\n`);
  commitAll(dir, 'uv run in the curriculum, a runner for machines without it');
  return dir;
}

const NO_UV = (): string => pathWithout(['uv']);
const UV_OK = (): string => pathWithout(['uv'], standIns({ uv: echoes('uv') }));
const UV_FAILS = (): string => pathWithout(['uv'], standIns({ uv: echoes('uv', 1) }));
const testsCheck = (g: GateResult) => g.checks.find((c) => c.id === 'tests');

describe('runner: uv run → python3 -m where uv is missing', () => {
  it('lab --run runs the substituted command, passes, and records what ran in place of what', async () => {
    const dir = uvWorkspace();
    const r = await withPath(NO_UV(), () =>
      call('lab-run', () => labRun({ cwd: dir, phase: 0, id: '00' }), { cwd: dir, json: true }),
    );
    const v = schema('lab-run');
    expect(v(r.json), JSON.stringify(v.errors)).toBe(true);
    expect(r.code).toBe(0);
    expect(r.result?.outcome).toBe('passed');
    const run = r.result?.runs[0];
    expect(run?.command).toBe(REAL);
    expect(run?.substituted).toMatchObject({ command: REAL, ran: RAN });
    expect(run?.substituted?.reason).toContain('uv is not on this machine\'s PATH; runner "uv run": "python3 -m"');
    const cp = JSON.parse(readFileSync(join(dir, 'learners/ana/phase-00/checkpoint.json'), 'utf8')) as {
      labs: Record<string, { substituted?: unknown }[]>;
    };
    expect(cp.labs['00']?.[0]?.substituted).toMatchObject({ ran: RAN });
    // the live output says it too (black box: the CLI's own lab view, no terminal)
    const shown = lynx(['lab', '00', '00', '--run'], { cwd: dir, env: { PATH: NO_UV() } });
    expect(shown.code).toBe(0);
    expect(shown.stdout + shown.stderr).toContain(`lynx: running \`${RAN}\` in place of \`${REAL}\` (uv is not`);
    // with uv present the same lab runs the real command (the stand-in says so), nothing substituted
    const real = await withPath(UV_OK(), () =>
      call('lab-run', () => labRun({ cwd: dir, phase: 0, id: '00' }), { cwd: dir }),
    );
    expect(real.code).toBe(0);
    expect(real.result?.runs[0]?.substituted).toBeUndefined();
    expect(readFileSync(join(dir, real.result?.runs[0]?.log ?? ''), 'utf8')).toContain(
      'stand-in uv: run unittest discover',
    );
  });

  it('checkpoint --run and report use the runner and record it; a CI gate with uv runs the real command', async () => {
    const dir = uvWorkspace();
    const cp = await withPath(NO_UV(), () =>
      call(
        'checkpoint',
        async () => ({ gate: await checkpoint({ cwd: dir, phase: '00', run: true }), notices: [], run: true }),
        {
          cwd: dir,
        },
      ),
    );
    expect(cp.code).toBe(0);
    expect(cp.result?.gate && testsCheck(cp.result.gate)).toMatchObject({
      status: 'pass',
      substitution: { command: REAL, ran: RAN },
    });
    expect(cp.stdout).toContain(
      '! 1 command(s) ran through the runner in lynx.yaml, not as the curriculum names them:',
    );
    expect(cp.stdout).toContain(`\`${RAN}\` in place of \`${REAL}\``);

    const rep = await withPath(NO_UV(), () =>
      call('report', () => report({ cwd: dir, phase: '00' }), { cwd: dir, json: true }),
    );
    const g = rep.json as GateResult;
    const v = schema('report');
    expect(v(g), JSON.stringify(v.errors)).toBe(true);
    expect(rep.code).toBe(0);
    expect(testsCheck(g)?.substitution?.ran).toBe(RAN);
    const text = readFileSync(join(dir, 'PHASE_00_REPORT.md'), 'utf8');
    expect(text).toContain('Run through the runner in lynx.yaml, not as the curriculum names them');
    expect(text).toContain(`  - \`${RAN}\` in place of \`${REAL}\` (uv is not on this machine's PATH;`);
    commitAll(dir, 'close phase 00');
    rmSync(join(dir, '.lynx'), { recursive: true, force: true });

    const gateRun = (path: string) =>
      withPath(path, () =>
        call('gate', async () => ({ results: await gate({ cwd: dir, phase: '00' }), all: false }), { cwd: dir }),
      );
    // CI, with uv: the real command runs (the stand-in's words are in its log), nothing is substituted
    const ci = await gateRun(UV_OK());
    const ciTests = ci.result && testsCheck(ci.result.results[0] as GateResult);
    expect(ci.code).toBe(0);
    expect(ciTests?.status).toBe('pass');
    expect(ciTests?.substitution).toBeUndefined();
    expect(ciTests?.log).toContain('stand-in uv: run unittest discover -s tests -t . -q');
    expect(ci.stdout).not.toContain('ran through the runner');
    // and when the real command fails there, the gate fails, whatever the report was made with
    const failing = await gateRun(UV_FAILS());
    expect(failing.code).toBe(1);
    expect(failing.result && testsCheck(failing.result.results[0] as GateResult)?.status).toBe('fail');
    // the learner's machine, still without uv: the gate passes through the runner and says so
    const local = await gateRun(NO_UV());
    expect(local.code).toBe(0);
    expect(local.stdout).toContain(`\`${RAN}\` in place of \`${REAL}\``);
  });

  it('a directory runner (".venv/bin/") runs the workspace\'s own program', async () => {
    const dir = uvWorkspace();
    writeFileSync(join(dir, 'lynx.yaml'), `${CONFIG}runner:\n  "uv run": ".venv/bin/"\n`);
    // the learner's venv, git-ignored as uv's is
    writeFileSync(join(dir, '.git/info/exclude'), '.venv\n');
    write(dir, '.venv/bin/unittest', `#!/bin/sh\n${echoes('venv unittest')}\n`);
    chmodSync(join(dir, '.venv/bin/unittest'), 0o755);
    commitAll(dir, 'venv runner');
    const cp = await withPath(NO_UV(), () =>
      call(
        'checkpoint',
        async () => ({ gate: await checkpoint({ cwd: dir, phase: '00', run: true }), notices: [], run: true }),
        {
          cwd: dir,
        },
      ),
    );
    const t = cp.result?.gate && testsCheck(cp.result.gate);
    expect(t?.status).toBe('pass');
    expect(t?.substitution?.ran).toBe('.venv/bin/unittest discover -s tests -t . -q');
    expect(t?.log).toContain('stand-in venv unittest: discover -s tests -t . -q');
  });
});

describe('a bad runner mapping: exit 2 naming lynx.yaml and the line, nothing written', () => {
  const cases: [string, string, RegExp][] = [
    [
      'a prefix no command starts with',
      '  "uv ru": "python3 -m"',
      /lynx\.yaml:6:3 runner\["uv ru"\]: expected a command prefix starting with `uv run`/,
    ],
    ['not a string', '  "uv run": 3', /lynx\.yaml:6:3 runner\["uv run"\]: expected a string .* found number/],
    [
      'empty',
      '  "uv run": ""',
      /lynx\.yaml:6:3 runner\["uv run"\]: expected a runner such as "python3 -m" .* found an empty string/,
    ],
  ];
  for (const [what, line, message] of cases)
    it(what, () => {
      const dir = uvWorkspace();
      writeFileSync(join(dir, 'lynx.yaml'), `${CONFIG}runner:\n${line}\n`);
      commitAll(dir, `bad runner: ${what}`);
      const before = readFileSync(join(dir, 'learners/ana/phase-00/checkpoint.json'), 'utf8');
      const r = lynx(['lab', '00', '00', '--run'], { cwd: dir, env: { PATH: NO_UV() } });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(readFileSync(join(dir, 'learners/ana/phase-00/checkpoint.json'), 'utf8')).toBe(before);
      expect(git(dir, 'status', '--porcelain')).toBe('');
    });

  it('a runner that is a list, not a mapping', async () => {
    const dir = uvWorkspace();
    writeFileSync(join(dir, 'lynx.yaml'), `${CONFIG}runner: [python3 -m]\n`);
    const r = lynx(['checkpoint', '00', '--run'], { cwd: dir, env: { PATH: NO_UV() } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/lynx\.yaml:5:9 runner: expected a mapping — found a list/);
  });
});
