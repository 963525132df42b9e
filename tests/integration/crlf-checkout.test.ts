/**
 * A learner's repository checked out with core.autocrlf=true (the Git for Windows default): lynx init's
 * .gitattributes keeps what lynx hashes (plans, reports, checkpoints, the hash-chained logs) LF, so a
 * closed phase still gates in such a clone; without them the same clone fails it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { cleanup, git, tempDir } from '../helpers/cli.js';
import { call } from '../helpers/app.js';
import { commitAll, passingWorkspace, type GateJson as Gate } from '../helpers/gate-fixture.js';
import { report } from '../../src/app/report.js';
import { gate } from '../../src/app/gate.js';
import { LF_ATTRIBUTES } from '../../src/app/init.js';

afterAll(cleanup);

const LOG = 'learners/ana/phase-00/quiz-attempts.jsonl';

async function closed(withAttributes: boolean): Promise<string> {
  const dir = passingWorkspace();
  if (!withAttributes) {
    rmSync(join(dir, '.gitattributes'));
    commitAll(dir, 'no attributes');
  }
  const r = await call('report', () => report({ cwd: dir, phase: '00' }), { cwd: dir, json: true });
  expect(r.code, JSON.stringify(r.json)).toBe(0);
  commitAll(dir, 'close phase 00');
  const clone = join(tempDir(), 'clone');
  execFileSync('git', ['clone', '-q', '-c', 'core.autocrlf=true', dir, clone]);
  // the conversion is on in the clone: a file no attribute covers comes out CRLF
  expect(readFileSync(join(clone, 'src', 'calc.py'), 'utf8')).toContain('\r\n');
  return clone;
}

async function gateIn(dir: string): Promise<{ code: number | null; failing: string[] }> {
  const r = await call('gate', async () => ({ results: await gate({ cwd: dir, phase: '00' }), all: false }), {
    cwd: dir,
    json: true,
  });
  const doc = r.json as { results: Gate[] } | Gate[] | Gate;
  const g = (Array.isArray(doc) ? doc[0] : 'results' in doc ? doc.results[0] : doc) as Gate;
  return { code: r.code, failing: g.checks.filter((c) => c.status === 'fail').map((c) => `${c.id}: ${c.message}`) };
}

describe('a CRLF checkout of a closed phase', () => {
  it('lynx init writes the attributes; the clone keeps the hashed files LF and the gate passes', async () => {
    const clone = await closed(true);
    expect(readFileSync(join(clone, '.gitattributes'), 'utf8').replace(/\r/g, '')).toBe(
      `${LF_ATTRIBUTES.join('\n')}\n`,
    );
    for (const f of [LOG, 'learners/ana/phase-00/checkpoint.json', 'PHASE_00_PLAN.md', 'PHASE_00_REPORT.md'])
      expect(readFileSync(join(clone, f), 'utf8'), f).not.toContain('\r');
    expect(git(clone, 'status', '--porcelain')).toBe('');
    const { code, failing } = await gateIn(clone);
    expect(failing).toEqual([]);
    expect(code).toBe(0);
  });

  it('without them the same clone fails the closed phase: the hashes no longer match', async () => {
    const clone = await closed(false);
    expect(readFileSync(join(clone, LOG), 'utf8')).toContain('\r\n');
    const { code, failing } = await gateIn(clone);
    expect(code).toBe(1);
    expect(failing.join('\n')).toMatch(/sha256|hash/);
  });
});
