/**
 * Issue 13: every --json shape has a JSON Schema in the package (src/schemas/*.schema.json and
 * src/schemas/output/*.schema.json); real outputs of the built CLI are validated against them with ajv.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { cleanup, git, gitRepo, lynx, repoRoot, workspace } from '../helpers/cli.js';
import { commitAll, passingWorkspace } from '../helpers/gate-fixture.js';

afterAll(cleanup);

const dirs = [join(repoRoot, 'src/schemas'), join(repoRoot, 'src/schemas/output')];
const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
(addFormats as unknown as (a: Ajv) => void)(ajv);
for (const d of dirs) for (const f of readdirSync(d).filter((n) => n.endsWith('.schema.json'))) ajv.addSchema(JSON.parse(readFileSync(join(d, f), 'utf8')) as object);
const schema = (name: string): ValidateFunction => {
  const v = ajv.getSchema(`https://lynx-cortex.dev/schemas/${name}.schema.json`);
  if (!v) throw new Error(`no schema ${name}`);
  return v;
};

/** Run lynx with --json and check stdout against a schema; returns the parsed output. */
function valid(name: string, args: string[], cwd: string, code = 0): unknown {
  const r = lynx([...args, '--json'], { cwd });
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(code);
  const out = JSON.parse(r.stdout) as unknown;
  const v = schema(name);
  expect(v(out), `${args.join(' ')} vs ${name}.schema.json: ${ajv.errorsText(v.errors)}`).toBe(true);
  return out;
}

let closed: string;
beforeAll(() => {
  closed = passingWorkspace();
  expect(lynx(['checkpoint', '00', '--json'], { cwd: closed }).code).toBe(0);
  valid('report', ['report', '00'], closed);
  commitAll(closed, 'phase 00 closed');
}, 120_000);

describe('JSON Schemas of the --json outputs', () => {
  it('gate NN, gate --all and gate --changed-since', () => {
    valid('gate-result', ['gate', '00'], closed);
    expect(valid('gate-list', ['gate', '--all'], closed)).toHaveLength(1);
    valid('gate-list', ['gate', '--changed-since', git(closed, 'rev-list', '--max-parents=0', 'HEAD').trim()], closed);
  });

  it('checkpoint, status, status --all, doctor, validate, init, journal, manifest check', () => {
    valid('gate-result', ['checkpoint', '00'], closed);
    valid('status', ['status'], closed);
    valid('status', ['status', '--all'], closed);
    valid('status', ['status', '00'], closed);
    valid('doctor', ['doctor'], closed);
    valid('validate-report', ['validate'], closed);
    valid('manifest-check', ['manifest', 'check', 'experiments/00-run/manifest.json'], closed);
    valid('init', ['init', '--learner', 'ana'], gitRepo());
    valid('journal', ['journal', 'a first entry'], workspace('ana'));
  });

  it('attest and waive', () => {
    const dir = passingWorkspace();
    valid('attest', ['attest', '00', 'explain', '--by', 'teacher-bo'], dir);
    valid('attest', ['waive', '00', 'plots', '--reason', 'no plotting on this machine', '--by', 'teacher-bo'], dir);
  });

  it('the error envelope, for bad usage (exit 2) and bad input', () => {
    const e = valid('error', ['gate', '41'], closed, 2) as { error: { exit_code: number } };
    expect(e.error.exit_code).toBe(2);
    valid('error', ['status'], gitRepo(), 2);
  });

  it('the schemas reject what is not the shape (each can fail)', () => {
    const g = JSON.parse(lynx(['gate', '00', '--json'], { cwd: closed }).stdout) as Record<string, unknown>;
    expect(schema('gate-result')({ ...g, extra: 1 })).toBe(false);
    expect(schema('gate-list')([{ ...g, status: 'green' }])).toBe(false);
    expect(schema('error')({ error: { message: 'x', exit_code: 0, kind: 'X', details: [] } })).toBe(false);
    expect(schema('report')({ ...g })).toBe(false); // no `written`
    expect(schema('attest')({ attested: { phase: 0, item: 'x', at: 'yesterday', by: 'b' } })).toBe(false);
  });
});
