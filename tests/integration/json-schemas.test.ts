/**
 * Issue 13: every --json shape has a JSON Schema in the package (src/schemas/*.schema.json and
 * src/schemas/output/*.schema.json); real outputs of the built CLI are validated against them with ajv.
 * The commands beyond the gate are in json-schemas-commands.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, git, gitRepo, workspace } from '../helpers/cli.js';
import { lynxIn } from '../helpers/app.js';
import { commitAll, passingWorkspace } from '../helpers/gate-fixture.js';
import { schema, valid, validIn } from '../helpers/json-schema.js';

afterAll(cleanup);

let closed: string;
beforeAll(async () => {
  closed = passingWorkspace();
  expect((await lynxIn(['checkpoint', '00', '--json'], { cwd: closed })).code).toBe(0);
  await validIn('report', ['report', '00'], closed);
  commitAll(closed, 'phase 00 closed');
}, 120_000);

describe('JSON Schemas of the --json outputs', () => {
  it('gate NN, gate --all and gate --changed-since', async () => {
    await validIn('gate-result', ['gate', '00'], closed);
    expect(await validIn('gate-list', ['gate', '--all'], closed)).toHaveLength(1);
    await validIn(
      'gate-list',
      ['gate', '--changed-since', git(closed, 'rev-list', '--max-parents=0', 'HEAD').trim()],
      closed,
    );
  });

  it('checkpoint, status, status --all, doctor, validate, init, journal, manifest check', async () => {
    await validIn('gate-result', ['checkpoint', '00'], closed);
    await validIn('status', ['status'], closed);
    await validIn('status', ['status', '--all'], closed);
    await validIn('status', ['status', '00'], closed);
    await validIn('doctor', ['doctor'], closed);
    await validIn('validate-report', ['validate'], closed);
    await validIn('manifest-check', ['manifest', 'check', 'experiments/00-run/manifest.json'], closed);
    await validIn('init', ['init', '--learner', 'ana'], gitRepo());
    await validIn('journal', ['journal', 'a first entry'], workspace('ana'));
  });

  it('attest and waive', async () => {
    const dir = passingWorkspace();
    await validIn('attest', ['attest', '00', 'explain', '--by', 'teacher-bo'], dir);
    await validIn(
      'attest',
      ['waive', '00', 'plots', '--reason', 'no plotting on this machine', '--by', 'teacher-bo'],
      dir,
    );
  });

  it('the error envelope, for bad usage (exit 2) and bad input', async () => {
    const e = await validIn<{ error: { exit_code: number } }>('error', ['gate', '41'], closed, 2);
    expect(e.error.exit_code).toBe(2);
    // black-box: the exit status of a real process outside a workspace
    valid('error', ['status'], gitRepo(), 2);
  });

  it('the schemas reject what is not the shape (each can fail)', async () => {
    const g = JSON.parse((await lynxIn(['gate', '00', '--json'], { cwd: closed })).stdout) as Record<string, unknown>;
    expect(schema('gate-result')({ ...g, extra: 1 })).toBe(false);
    expect(schema('gate-list')([{ ...g, status: 'green' }])).toBe(false);
    expect(schema('error')({ error: { message: 'x', exit_code: 0, kind: 'X', details: [] } })).toBe(false);
    expect(schema('report')({ ...g })).toBe(false); // no `written`
    expect(schema('attest')({ attested: { phase: 0, item: 'x', at: 'yesterday', by: 'b' } })).toBe(false);
  });
});
