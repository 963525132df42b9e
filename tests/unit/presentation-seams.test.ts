/** The seams of the architecture: the exit-code table, the pure closure checks, and the reporters. */
import { describe, expect, it } from 'vitest';
import { exitCode, type Outcome } from '../../src/core/exit-codes.js';
import { closureChecks, type ClosureFacts } from '../../src/core/closure.js';
import { LockedError, Interrupted, UsageError } from '../../src/core/errors.js';
import { github } from '../../src/ui/reporters/github.js';
import { json } from '../../src/ui/reporters/json.js';
import type { Checkpoint, GateResult } from '../../src/schemas/generated/types.js';

const gate = (status: GateResult['status'], checks: GateResult['checks'] = []): GateResult => ({
  schema_version: 1,
  lynx_version: '0.1.0',
  phase: 7,
  learner: 'ana',
  started_at: '2026-11-25T10:00:00.000Z',
  finished_at: '2026-11-25T10:00:01.000Z',
  head_sha: 'a'.repeat(40),
  status,
  checks,
});

describe('exitCode: one table per result kind', () => {
  it('gate: 0 all pass, 1 any fail, 3 an error and no fail', () => {
    const run = (...s: GateResult['status'][]): Outcome => ({
      kind: 'gate',
      result: { results: s.map((x) => gate(x)), all: true },
    });
    expect(exitCode(run('pass', 'pass'))).toBe(0);
    expect(exitCode(run('pass', 'fail', 'error'))).toBe(1);
    expect(exitCode(run('pass', 'error'))).toBe(3);
    expect(exitCode(run())).toBe(0);
  });
  it('report maps its gate the same way; checkpoint never fails', () => {
    expect(exitCode({ kind: 'report', result: { gate: gate('fail'), written: [] } })).toBe(1);
    expect(exitCode({ kind: 'report', result: { gate: gate('error'), written: [] } })).toBe(3);
    expect(exitCode({ kind: 'report', result: { gate: gate('pass'), written: ['x'] } })).toBe(0);
    expect(exitCode({ kind: 'checkpoint', result: { gate: gate('fail'), notices: [], run: false } })).toBe(0);
  });
  it('lab-run: 0 passed, 1 failed, 130 interrupted', () => {
    const lab = (outcome: 'passed' | 'failed' | 'interrupted'): Outcome => ({
      kind: 'lab-run',
      result: {
        schema_version: 1,
        phase: 0,
        lab: '01',
        title: 't',
        learner: 'ana',
        outcome,
        runs: [],
        skipped: [],
        not_run: [],
        summary: { state: 'passed', ran: 0, total: 0, durationMs: 0 },
      } as never,
    });
    expect(exitCode(lab('passed'))).toBe(0);
    expect(exitCode(lab('failed'))).toBe(1);
    expect(exitCode(lab('interrupted'))).toBe(130);
  });
  it('manifest check: 2 unreadable before 1 problems; diff: 1 on drift', () => {
    const mc = (statuses: ('ok' | 'problems' | 'unreadable')[]): Outcome => ({
      kind: 'manifest-check',
      result: {
        schema_version: 1,
        root: '/',
        head: null,
        ok: statuses.every((s) => s === 'ok'),
        manifests: statuses.map((status) => ({ path: 'm.json', status, problems: [] })),
      },
    });
    expect(exitCode(mc(['ok']))).toBe(0);
    expect(exitCode(mc(['ok', 'problems']))).toBe(1);
    expect(exitCode(mc(['problems', 'unreadable']))).toBe(2);
    expect(
      exitCode({
        kind: 'manifest-diff',
        result: { schema_version: 1, a: 'a', b: 'b', differences: [], no_differences_in: [], drift: true },
      }),
    ).toBe(1);
  });
  it('doctor: 3 a required tool missing, 2 a workspace check failing, else 0', () => {
    const doc = (found: boolean, ws: 'ok' | 'fail'): Outcome => ({
      kind: 'doctor',
      result: {
        schema_version: 1,
        lynx_version: '0',
        node: 'v22',
        ok: false,
        tools: [{ name: 'git', found, required: true, purpose: 'x' }],
        workspace: { root: '/', checks: [{ id: 'c', status: ws, message: 'm' }] },
      } as never,
    });
    expect(exitCode(doc(false, 'fail'))).toBe(3);
    expect(exitCode(doc(true, 'fail'))).toBe(2);
    expect(exitCode(doc(true, 'ok'))).toBe(0);
  });
  it('a bare number passes through (commands not yet on a kind); errors carry theirs', () => {
    expect(exitCode(1)).toBe(1);
    expect(new LockedError('locked')).toBeInstanceOf(UsageError);
    expect(new LockedError('locked').exitCode).toBe(2);
    expect(new Interrupted('left').exitCode).toBe(130);
    expect(new Interrupted('stopped', { signal: 'SIGTERM' }).exitCode).toBe(143);
  });
});

describe('closureChecks: pure, over precomputed facts', () => {
  const cp: Checkpoint = {
    schema_version: 1,
    learner: 'ana',
    phase: 7,
    status: 'done',
    closed_at: '2026-11-25T10:00:00Z',
    head_sha: 'b'.repeat(40),
    report_sha256: 'c'.repeat(64),
    curriculum_sha256: 'd'.repeat(64),
  };
  const facts = (o: Partial<ClosureFacts> = {}): ClosureFacts => ({
    phase: 7,
    learner: 'ana',
    checkpoint: cp,
    report: { path: 'PHASE_07_REPORT.md', sha256: 'c'.repeat(64) },
    headInHistory: true,
    curriculumSha256: 'd'.repeat(64),
    ...o,
  });
  it('passes every closure check when the facts agree', () => {
    const r = closureChecks(facts());
    expect(r.map((c) => [c.id, c.status])).toEqual([
      ['closure:closed', 'pass'],
      ['closure:report', 'pass'],
      ['closure:head', 'pass'],
      ['closure:curriculum', 'pass'],
    ]);
  });
  it(
    'fails on an open phase, a changed report, a head out of ' + 'history, an attested checkpoint without signature',
    () => {
      expect(closureChecks(facts({ checkpoint: { ...cp, status: 'in_progress' } }))).toMatchObject([
        { id: 'closure:closed', status: 'fail' },
      ]);
      const bad = closureChecks(
        facts({
          checkpoint: { ...cp, status: 'attested' },
          report: { path: 'PHASE_07_REPORT.md', sha256: 'e'.repeat(64) },
          headInHistory: false,
        }),
      );
      expect(bad.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual([
        'closure:report',
        'closure:head',
        'closure:signature',
      ]);
      expect(bad.find((c) => c.id === 'closure:report')?.message).toContain('was changed after the phase closed');
      expect(
        closureChecks(facts({ report: { path: 'PHASE_07_REPORT.md', sha256: undefined } })).find(
          (c) => c.id === 'closure:report',
        )?.message,
      ).toBe('PHASE_07_REPORT.md is missing');
    },
  );
  it('judges the signature verdict it is given', () => {
    const signed = { ...cp, status: 'attested' as const, signature: 'sig', gate_digest: 'x' };
    expect(
      closureChecks(facts({ checkpoint: signed, signature: { ok: false, message: 'bad signature' } })).find(
        (c) => c.id === 'closure:signature',
      ),
    ).toMatchObject({ status: 'fail', message: 'bad signature' });
    expect(
      closureChecks(facts({ checkpoint: signed, signature: { ok: true, message: '' } })).find(
        (c) => c.id === 'closure:signature',
      ),
    ).toMatchObject({ status: 'pass', message: 'valid' });
  });
});

describe('reporters over the gate result', () => {
  const failing = gate('fail', [
    {
      id: 'closure:report',
      kind: 'closure',
      title: 't',
      status: 'fail',
      message: 'PHASE_07_REPORT.md was changed, 100%\nreally',
      evidence: ['PHASE_07_REPORT.md'],
    },
    { id: 'm', kind: 'manifest', title: 't', status: 'fail', message: 'no file here' },
    { id: 'w', kind: 'attest', title: 't', status: 'skipped', message: 'x', waived: 'a </table><img src=x> | pipe' },
    { id: 'ok', kind: 'file', title: 't', status: 'pass', message: 'fine' },
  ]);
  it('github: one ::error per failing check, escaped as the runner reads it, on the file when it exists', () => {
    const o = github([failing], (rel) => rel === 'PHASE_07_REPORT.md');
    expect(o.commands.filter((l) => l.startsWith('::error'))).toEqual([
      '::error title=lynx gate 07 · ana · closure%3Areport,file=PHASE_07_REPORT.md::PHASE_07_REPORT.md was ' +
        'changed, 100%25%0Areally',
      '::error title=lynx gate 07 · ana · m::no file here',
    ]);
    // the same file absent from the workspace is not annotated on
    expect(github([failing]).commands[0]).not.toContain('file=');
  });
  it('json: gate NN is one document, gate --all the list', () => {
    expect(JSON.parse(json('gate', { results: [failing], all: false }))).toMatchObject({ phase: 7, status: 'fail' });
    expect(JSON.parse(json('gate', { results: [failing], all: true }))).toHaveLength(1);
    expect(JSON.parse(json('report', { gate: failing, written: ['a'] }))).toMatchObject({ phase: 7, written: ['a'] });
  });
});
