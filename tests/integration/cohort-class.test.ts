/**
 * Issue 17, the class in one run: `lynx gate --all-learners` (one process, one JUnit file valid
 * against the upstream XSD, a job summary whose class table comes first, the worst exit code),
 * `lynx status NN --all` (one row per learner) and progress.md kept current by every state change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { validateXML } from 'xmllint-wasm';
import { cleanup, lynx, repoRoot } from '../helpers/cli.js';
import { lynxIn } from '../helpers/app.js';
import { commitAll } from '../helpers/gate-fixture.js';
import { cohort, LEARNERS, work } from '../helpers/cohort-fixture.js';

afterAll(cleanup);

const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
for (const f of ['gate-result.schema.json', 'output/gate-class.schema.json', 'output/status-phase.schema.json'])
  ajv.addSchema(JSON.parse(readFileSync(join(repoRoot, 'src/schemas', f), 'utf8')) as object);
const schema = (id: string): ValidateFunction =>
  ajv.getSchema(`https://lynx-cortex.dev/schemas/${id}.schema.json`) as ValidateFunction;
const xsd = readFileSync(join(repoRoot, 'tests/fixtures/junit-10.xsd'), 'utf8');

let dir: string;
beforeAll(async () => {
  dir = cohort();
  for (const l of ['ana', 'ben', 'cyd']) {
    work(dir, l);
    const r = await lynxIn(['--learner', l, 'report', '00'], { cwd: dir });
    expect(r.code, `${l}: ${r.stdout}${r.stderr}`).toBe(0);
    commitAll(dir, `${l}: close 00`);
  }
}, 180_000);

interface GateClassJson {
  learners: { learner: string; status: string; phases: number[] }[];
  results: { learner: string; phase: number; status: string }[];
}

describe('lynx gate --all-learners', () => {
  it(
    'verifies every learner in one run: a passing class ' + 'exits 0 with one JUnit file and a class table first',
    async () => {
      const out = mkdtempSync(join(tmpdir(), 'lynx-class-'));
      const summary = join(out, 'summary.md');
      const r = lynx(['gate', '--all-learners', '--junit', join(out, 'class.xml')], {
        cwd: dir,
        env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
      });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      const xml = readFileSync(join(out, 'class.xml'), 'utf8');
      const v = await validateXML({
        xml: [{ fileName: 'class.xml', contents: xml }],
        schema: [{ fileName: 'junit-10.xsd', contents: xsd }],
      });
      expect(v.errors).toEqual([]);
      expect(v.valid).toBe(true);
      // a suite per learner and phase, the learner in every case's classname
      for (const l of ['ana', 'ben', 'cyd']) {
        expect(xml).toContain(`<testsuite name="phase-00 (${l})"`);
        expect(xml).toContain(`classname="lynx.${l}.phase00"`);
      }
      expect(xml.match(/<testsuite /g)).toHaveLength(3);
      const md = readFileSync(summary, 'utf8');
      expect(md.indexOf('| learner | result |')).toBeLessThan(md.indexOf('<details>'));
      expect(md).toMatch(/\| ana \| ✅ pass \| 00 \|/);
      expect(md).toMatch(/\| dee \| — nothing closed \|/);
      expect(r.stdout).toMatch(/Gate · 5 learner\(s\) · 3 closed phase\(s\) verified/);
    },
    120_000,
  );

  it(
    "one learner's tampered report fails only that learner, and the run exits with the worst code; --json " +
      'validates',
    async () => {
      writeFileSync(
        join(dir, 'learners/ben/PHASE_00_REPORT.md'),
        '# Phase 00 report\n\nben rewrote the report after closing it.\n',
      );
      commitAll(dir, 'ben edits a closed report');
      const r = await lynxIn(['gate', '--all-learners', '--json'], { cwd: dir });
      expect(r.code, r.stderr).toBe(1);
      const j = JSON.parse(r.stdout) as GateClassJson;
      const v = schema('gate-class');
      expect(v(j), ajv.errorsText(v.errors)).toBe(true);
      expect(j.learners.map((l) => [l.learner, l.status])).toEqual([
        ['ana', 'pass'],
        ['ben', 'fail'],
        ['cyd', 'pass'],
        ['dee', 'none'],
        ['eve', 'none'],
      ]);
      expect(j.results.map((x) => `${x.learner}:${x.status}`)).toEqual(['ana:pass', 'ben:fail', 'cyd:pass']);
      // the text form names the failing gate in full after the table
      const t = await lynxIn(['gate', '--all-learners', '00'], { cwd: dir });
      expect(t.code).toBe(1);
      expect(t.stdout).toMatch(/ben\s+✗ fail/);
      expect(t.stdout).toContain('Gate · phase 00 · learner ben');
      expect(t.stdout).not.toContain('Gate · phase 00 · learner ana');
      // every learner is the point: naming one beside it is refused
      expect((await lynxIn(['--learner', 'ana', 'gate', '--all-learners'], { cwd: dir })).code).toBe(2);
    },
    120_000,
  );
});

describe('lynx status NN --all', () => {
  it('one row per learner for the phase (state, quiz, labs, waivers, attestations); --json validates', async () => {
    const w = await lynxIn(
      ['--learner', 'dee', 'waive', '00', 'run-loss', '--reason', 'no GPU in the lab room', '--by', 'teacher-bo'],
      { cwd: dir },
    );
    expect(w.code, w.stderr).toBe(0);
    const r = await lynxIn(['status', '00', '--all'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    for (const l of LEARNERS)
      expect(
        r.stdout.split('\n').filter((x) => x.startsWith(l)),
        l,
      ).toHaveLength(1);
    expect(r.stdout).toMatch(/^ana\s+● done\s+100% ✓ \(1\)/m);
    expect(r.stdout).toMatch(/^dee\s+.*1 waived \(teacher-bo\)/m);
    expect(r.stdout).toMatch(/^eve\s+· not started/m);
    const j = JSON.parse((await lynxIn(['status', '00', '--all', '--json'], { cwd: dir })).stdout) as {
      learners: { learner: string; waivers: { by: string; self: boolean }[] }[];
    };
    const v = schema('status-phase');
    expect(v(j), ajv.errorsText(v.errors)).toBe(true);
    expect(j.learners.find((l) => l.learner === 'dee')?.waivers).toMatchObject([{ by: 'teacher-bo', self: false }]);
    // an unknown phase is bad usage, not an empty table
    expect((await lynxIn(['status', '07', '--all'], { cwd: dir })).code).toBe(2);
  });

  it('progress.md follows every state change: the waiver shows, an approved phase reads in progress', async () => {
    const dee = readFileSync(join(dir, 'learners/dee/progress.md'), 'utf8');
    expect(dee).toMatch(/\| 00 \| Mini phase \| not started \|.*waived: run-loss by teacher-bo, unsigned \|/);
    const a = await lynxIn(['--learner', 'ana', 'status', '--json'], { cwd: dir });
    const ana = (JSON.parse(a.stdout) as { learners: { phases: { status: string; waivers: unknown[] }[] }[] })
      .learners[0]?.phases[0];
    expect(ana?.status).toBe('done');
    expect(ana?.waivers).toEqual([]);
    // phase-start writes the plan and the view says planned; approving says in progress
    commitAll(dir, 'dee waived run-loss');
    const s = await lynxIn(['--learner', 'eve', 'phase-start', '00'], { cwd: dir });
    expect(s.code, s.stdout + s.stderr).toBe(0);
    expect(readFileSync(join(dir, 'learners/eve/progress.md'), 'utf8')).toContain('| 00 | Mini phase | planned |');
    const ap = await lynxIn(['--learner', 'eve', 'phase-start', '00', '--approve'], { cwd: dir });
    expect(ap.code, ap.stdout + ap.stderr).toBe(0);
    expect(readFileSync(join(dir, 'learners/eve/progress.md'), 'utf8')).toContain('| 00 | Mini phase | in progress |');
  });
});
