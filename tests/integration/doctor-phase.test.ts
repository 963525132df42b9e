/**
 * Issue 21, "Tools the phase needs": `lynx doctor NN` (the tools a phase's labs and DoD run, derived from the
 * curriculum and the Justfile), phase-start's warning, and the uv requirement. Stand-in tools on a PATH the
 * test builds (tests/helpers/stand-ins.ts); in process, plus a few black-box calls for argv and exit codes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, lynx, workspace, write } from '../helpers/cli.js';
import { call } from '../helpers/app.js';
import { schema } from '../helpers/json-schema.js';
import { commitAll } from '../helpers/gate-fixture.js';
import { echoes, pathWithout, standIns, withPath } from '../helpers/stand-ins.js';
import { doctor } from '../../src/app/doctor.js';
import { phaseStart } from '../../src/app/phase-start.js';
import type { DoctorReport } from '../../src/schemas/generated/types.js';

afterAll(cleanup);

const ENV_TOOLS = ['ruff', 'pytest', 'mypy', 'bandit', 'pip-audit'];
const JUSTFILE =
  'setup:\n    uv sync\n\nlint:\n    uv run ruff check .\n\ntest: lint\n    uv run pytest -q\n\n' +
  'audit-deps:\n    uv run pip-audit\n\nmanifest topic:\n    uv run python scripts/manifest.py {{topic}}\n';

/** A workspace on the bundled curriculum with the phase-00 recipes, each running `uv run …`. */
function phase00Workspace(): string {
  const dir = workspace();
  write(dir, 'Justfile', JUSTFILE);
  commitAll(dir, 'recipes');
  return dir;
}

const everything = (): string => standIns(Object.fromEntries(['uv', ...ENV_TOOLS].map((n) => [n, echoes(n)] as const)));
const withoutUv = (): string => standIns(Object.fromEntries(ENV_TOOLS.map((n) => [n, echoes(n)] as const)));
const PATH_ALL = (): string => pathWithout(['uv', ...ENV_TOOLS], everything());
const PATH_NO_UV = (): string => pathWithout(['uv', ...ENV_TOOLS], withoutUv());

const doctorRun = (dir: string, phase?: string, json = true) =>
  call('doctor', () => doctor({ cwd: dir, phase }), { cwd: dir, json });
const tool = (r: DoctorReport, name: string) => r.phase?.tools.find((t) => t.name === name);
const validDoctor = (j: unknown): void => {
  const v = schema('doctor');
  expect(v(j), JSON.stringify(v.errors)).toBe(true);
};

describe('lynx doctor NN', () => {
  it('phase 00 with every tool present: ok, exit 0, each tool with its path and what uses it', async () => {
    const dir = phase00Workspace();
    const r = await withPath(PATH_ALL(), () => doctorRun(dir, '00'));
    validDoctor(r.json);
    const d = r.json as DoctorReport;
    expect(d.phase?.tools.filter((t) => !t.found).map((t) => t.name)).toEqual([]);
    expect(r.code).toBe(0);
    expect(d.ok).toBe(true);
    expect(d.tools.find((t) => t.name === 'uv')).toMatchObject({ found: true, required: true });
    expect(tool(d, 'uv')?.version).toBeUndefined(); // the stand-in prints no version number
    expect(tool(d, 'pytest')).toMatchObject({ kind: 'env', found: true });
    // from the recipe body, through `just test`'s dependency on `lint`
    expect(tool(d, 'ruff')?.used_by).toContainEqual({ ref: 'lab 00', command: 'just lint', via: 'just lint' });
    expect(tool(d, 'pip-audit')?.used_by.map((u) => u.ref)).toContain('DoD item 7 `audit-deps-clean`');
    expect(d.phase?.unresolved).toEqual([]);
    expect(d.phase?.runner).toBeNull();
  });

  it('uv missing: uv required, the DoD items and labs it makes impossible named, exit 3', async () => {
    const dir = phase00Workspace();
    const r = await withPath(PATH_NO_UV(), () => doctorRun(dir, '00'));
    validDoctor(r.json);
    const d = r.json as DoctorReport;
    expect(r.code).toBe(3);
    expect(d.ok).toBe(false);
    expect(d.tools.find((t) => t.name === 'uv')).toMatchObject({ found: false, required: true });
    expect(tool(d, 'uv')?.impossible).toBe(
      'DoD items 1 `setup-lint-test-green`, 7 `audit-deps-clean`, 8 `bandit-clean` cannot pass; labs 00–04 cannot run',
    );
    expect(d.phase?.tools.filter((t) => !t.found).map((t) => t.name)).toEqual(['uv']);
    const text = await withPath(PATH_NO_UV(), () => doctorRun(dir, '00', false));
    expect(text.stdout).toContain('✗  uv       not found  required: phase 00 runs `uv run …`');
    expect(text.stdout).toMatch(/✗ without uv: DoD items 1 .* cannot pass; labs 00–04 cannot run/);
  });

  it("a tool in uv's environment missing, a recipe lynx cannot see: named, and the doctor fails", async () => {
    const dir = workspace();
    write(dir, 'Justfile', 'setup:\n    uv sync\n');
    commitAll(dir, 'one recipe');
    const bin = standIns({ uv: echoes('uv'), ruff: echoes('ruff') });
    const r = await withPath(pathWithout(['uv', ...ENV_TOOLS], bin), () => doctorRun(dir, '00'));
    validDoctor(r.json);
    const d = r.json as DoctorReport;
    expect(r.code).toBe(3);
    expect(tool(d, 'mypy')).toMatchObject({ kind: 'env', found: false, impossible: 'lab 03 cannot run' });
    expect(tool(d, 'mypy')?.missing).toMatch(/not in \.venv nor on PATH/);
    expect(tool(d, 'ruff')?.found).toBe(true);
    expect(d.phase?.unresolved).toContain('lab 00: the Justfile has no recipe `lint`');
    // uv's project environment counts: .venv/bin/mypy is found even off PATH
    write(dir, '.venv/bin/mypy', '#!/bin/sh\nexit 0\n');
    const { chmodSync } = await import('node:fs');
    chmodSync(join(dir, '.venv/bin/mypy'), 0o755);
    const again = await withPath(pathWithout(['uv', ...ENV_TOOLS], bin), () => doctorRun(dir, '00'));
    expect(tool(again.json as DoctorReport, 'mypy')).toMatchObject({ found: true, path: join(dir, '.venv/bin/mypy') });
  });

  it('phase 01 runs no `uv run`: uv is not required; stand-ins for what it lists make it ok', async () => {
    const dir = workspace();
    const first = await withPath(pathWithout(['uv']), () => doctorRun(dir, '01'));
    validDoctor(first.json);
    const d = first.json as DoctorReport;
    expect(d.tools.find((t) => t.name === 'uv')).toMatchObject({ found: false, required: false });
    expect(tool(d, 'uv')).toBeUndefined();
    const missing = (d.phase?.tools ?? []).filter((t) => !t.found && t.kind === 'path').map((t) => t.name);
    const bin = standIns(Object.fromEntries(missing.map((n) => [n, echoes(n)] as const)));
    const r = await withPath(pathWithout(['uv', ...missing], bin), () => doctorRun(dir, '01'));
    const d2 = r.json as DoctorReport;
    expect(d2.phase?.tools.filter((t) => !t.found).map((t) => t.name)).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('without NN: uv stays optional; the open phase is pointed at', async () => {
    const dir = phase00Workspace();
    const closed = await withPath(PATH_NO_UV(), () => doctorRun(dir));
    expect(closed.code).toBe(0);
    const d = closed.json as DoctorReport;
    expect(d.tools.find((t) => t.name === 'uv')).toMatchObject({ found: false, required: false });
    expect(d.phase).toBeUndefined();
    expect(d.current_phase).toBeUndefined();
    await withPath(PATH_NO_UV(), () => phaseStart({ cwd: dir, phase: 0, force: false }));
    const open = await withPath(PATH_NO_UV(), () => doctorRun(dir, undefined, false));
    expect(open.code).toBe(0);
    expect(open.stdout).toContain('phase 00 is open: `lynx doctor 00` lists the tools it runs');
  });

  it('black box: `lynx doctor 00` argv, exit code 3 without uv, 2 for an unknown phase', () => {
    const dir = phase00Workspace();
    const r = lynx(['doctor', '00'], { cwd: dir, env: { PATH: PATH_NO_UV() } });
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('Phase 00 — ');
    expect(r.stdout).toContain('without uv:');
    expect(lynx(['doctor', '00'], { cwd: dir, env: { PATH: PATH_ALL() } }).code).toBe(0);
    const bad = lynx(['doctor', '77'], { cwd: dir });
    expect(bad.code).toBe(2);
  });
});

describe('phase-start warns about the tools it will need', () => {
  const start = (dir: string, path: string, json = false) =>
    withPath(path, () =>
      call('phase-start', () => phaseStart({ cwd: dir, phase: 0, force: false }), { cwd: dir, json }),
    );

  it('uv missing: a warning in text and JSON with `lynx doctor 00`; the phase opens anyway', async () => {
    const dir = phase00Workspace();
    const r = await start(dir, PATH_NO_UV(), true);
    expect(r.code).toBe(0);
    const v = schema('phase-start');
    expect(v(r.json), JSON.stringify(v.errors)).toBe(true);
    const j = r.json as { status: string; missing_tools?: { tools: { name: string }[]; see: string } };
    expect(j.status).toBe('planned');
    expect(j.missing_tools?.tools.map((t) => t.name)).toEqual(['uv']);
    expect(j.missing_tools?.see).toBe('lynx doctor 00');
    const again = await start(dir, PATH_NO_UV());
    expect(again.stdout).toContain('! 1 tool(s) this phase runs are missing on this machine:');
    expect(again.stdout).toMatch(/ {4}uv — DoD items 1 .* labs 00–04 cannot run/);
    expect(again.stdout).toContain('`lynx doctor 00` shows what each is used by');
  });

  it('every tool present: no warning', async () => {
    const dir = phase00Workspace();
    const r = await start(dir, PATH_ALL(), true);
    expect(r.code).toBe(0);
    expect((r.json as { missing_tools?: unknown }).missing_tools).toBeUndefined();
    const text = await start(dir, PATH_ALL());
    expect(text.stdout).not.toContain('missing on this machine');
  });
});

describe('the runner mapping as doctor shows it', () => {
  it('uv missing, runner python3 -m: what it rewrites, the modules they need, the recipes it misses', async () => {
    const dir = phase00Workspace();
    writeFileSync(join(dir, 'lynx.yaml'), 'schema_version: 1\nlearner: borja\nrunner:\n  "uv run": "python3 -m"\n');
    commitAll(dir, 'runner');
    const r = await withPath(PATH_NO_UV(), () => doctorRun(dir, '00'));
    validDoctor(r.json);
    const d = r.json as DoctorReport;
    expect(d.phase?.runner).toMatchObject({ in_effect: true, covers: ['uv'], mapping: { 'uv run': 'python3 -m' } });
    expect(d.phase?.runner?.unreached).toEqual([
      'just setup',
      'just lint',
      'just test',
      'just audit-deps',
      'just manifest lab-01-check',
    ]);
    const bandit = d.phase?.tools.find((t) => t.name === 'bandit' && t.kind === 'module');
    expect(bandit?.used_by[0]).toMatchObject({ command: 'uv run bandit -r src/', ran: 'python3 -m bandit -r src/' });
    // the recipes still run `uv run …` themselves: uv stays required, named by what it still blocks
    expect(tool(d, 'uv')?.impossible).toBe(
      'DoD items 1 `setup-lint-test-green`, 7 `audit-deps-clean` cannot pass; labs 00–02 cannot run',
    );
    const text = await withPath(PATH_NO_UV(), () => doctorRun(dir, '00', false));
    expect(text.stdout).toContain('runner in lynx.yaml ("uv run" → "python3 -m") is in effect: uv missing');
    // with uv on PATH the mapping is not in effect, and the real commands need uv
    const withUv = await withPath(PATH_ALL(), () => doctorRun(dir, '00'));
    expect((withUv.json as DoctorReport).phase?.runner?.in_effect).toBe(false);
    expect(withUv.code).toBe(0);
  });
});
