import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync, appendFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, git, lynx, tempDir, write } from '../helpers/cli.js';
import { call, lynxIn } from '../helpers/app.js';
import { passingWorkspace, commitAll, recordAttempt, checkpointJson, just } from '../helpers/gate-fixture.js';
import { validateGateResult } from '../../src/schemas/generated/gate-result.validator.js';
import { report } from '../../src/app/report.js';
import { gate } from '../../src/app/gate.js';
import { checkpoint } from '../../src/app/checkpoint.js';
import { attest, waive } from '../../src/app/attest.js';

afterAll(cleanup);

interface Gate {
  status: string;
  checks: { id: string; status: string; message: string; children?: { status: string; message: string }[] }[];
  written?: string[];
}
const byId = (g: Gate, id: string) => g.checks.find((c) => c.id === id);
const WRITTEN = ['PHASE_00_REPORT.md', 'learners/ana/phase-00/checkpoint.json', 'learners/ana/progress.md'];

// In process (tests/helpers/app.ts): the use cases against the real fixture repository, presented as
// the CLI would. The black-box test below keeps argv, the environment (GITHUB_ACTIONS) and real exit codes.
async function reportJson(dir: string): Promise<{ code: number | null; gate: Gate }> {
  const r = await call('report', () => report({ cwd: dir, phase: '00' }), { cwd: dir, json: true });
  return { code: r.code, gate: r.json as Gate };
}
const reportText = (dir: string) => call('report', () => report({ cwd: dir, phase: '00' }), { cwd: dir });
const gateRun = (dir: string, phase: string | undefined, o: { all?: boolean; json?: boolean; junit?: string } = {}) =>
  call('gate', async () => ({ results: await gate({ cwd: dir, phase, all: o.all === true }), all: o.all === true }), {
    cwd: dir,
    json: o.json === true,
    ...(o.junit ? { junit: o.junit } : {}),
  });

describe('lynx report / gate on a passing workspace', () => {
  it('checkpoint (static) lists every item; report closes the phase; gate verifies it; JUnit is written', async () => {
    const dir = passingWorkspace();
    const cp = await call(
      'checkpoint',
      async () => ({ gate: await checkpoint({ cwd: dir, phase: '00' }), notices: [], run: false }),
      { cwd: dir, json: true },
    );
    expect(cp.code).toBe(0);
    const cpj = cp.json as Gate;
    expect(validateGateResult(cpj), JSON.stringify(validateGateResult.errors)).toBe(true);
    expect(byId(cpj, 'tests')?.status).toBe('pending');
    expect(git(dir, 'status', '--porcelain')).toBe('');

    const { code, gate: g0 } = await reportJson(dir);
    expect(g0.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.message}`)).toEqual([]);
    expect(code).toBe(0);
    expect(g0.written).toEqual(WRITTEN);
    const report = readFileSync(join(dir, 'PHASE_00_REPORT.md'), 'utf8');
    expect(report).toContain('# Phase 00 report — Mini phase');
    expect(report).toContain('| `run-loss` |');
    expect(report).toMatch(/\| `just test` \| 1 \| 0 \|/);
    expect(report).toContain('experiments/00-run/manifest.json');
    const closed = JSON.parse(readFileSync(join(dir, 'learners/ana/phase-00/checkpoint.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(closed).toMatchObject({
      status: 'done',
      head_sha: expect.stringMatching(/^[0-9a-f]{40}$/),
      report_sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      gate_digest: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(readFileSync(join(dir, 'learners/ana/progress.md'), 'utf8')).toMatch(
      /\| 00 \| Mini phase \| done \| 100% \|/,
    );
    expect((await reportText(dir)).code).toBe(2); // already closed

    commitAll(dir, 'close phase 00');
    rmSync(join(dir, '.lynx'), { recursive: true, force: true });
    const g = await gateRun(dir, '00', { json: true, junit: 'gate.xml' });
    const gj = g.json as Gate;
    expect(gj.checks.filter((c) => c.status !== 'pass').map((c) => `${c.id}: ${c.message}`)).toEqual([]);
    expect(g.code).toBe(0);
    const xml = readFileSync(join(dir, 'gate.xml'), 'utf8');
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="lynx gate" tests="\d+" failures="0" errors="0">/,
    );
    expect(xml).toContain('<testcase classname="lynx.ana.phase00" name="closure:report');
    // the gate wrote nothing in the workspace but the JUnit file (and, in lynx's own .lynx/, its record)
    // only lynx's own state and the JUnit file appear (bytecode the recipes leave is ignored by the fixture's
    // .gitignore)
    expect(
      git(dir, 'status', '--porcelain', '--ignored')
        .trim()
        .split('\n')
        .filter((l) => !l.includes('__pycache__'))
        .sort(),
    ).toEqual(['!! .lynx/', '?? gate.xml']);
    expect(readdirSync(join(dir, '.lynx'))).toEqual(['outputs.json']);
    // lynx's own output file does not fail its own git-clean check: a second gate still passes
    const again = await gateRun(dir, '00', { junit: 'gate.xml' });
    expect(again.stdout).not.toContain('uncommitted');
    expect(again.code).toBe(0);
    // …but the same path edited (or a learner's file there) is dirty as any other
    appendFileSync(join(dir, 'gate.xml'), '<!-- mine -->\n');
    const edited = await gateRun(dir, '00', { json: true });
    expect(edited.code).toBe(1);
    expect(byId(edited.json as Gate, 'gate:git-clean')?.message).toBe('1 uncommitted path(s): gate.xml');
  });

  it(
    'gate fails in CI for a report tampered with after closing (black-box: argv, GITHUB_ACTIONS, the real streams ' +
      'and exit codes)',
    async () => {
      const dir = passingWorkspace();
      const closed = await lynxIn(['report', '00', '--json'], { cwd: dir });
      expect(closed.code).toBe(0);
      expect((JSON.parse(closed.stdout) as Gate).written).toEqual(WRITTEN);
      commitAll(dir, 'close');
      appendFileSync(join(dir, 'PHASE_00_REPORT.md'), '\nAll green, trust me.\n');
      commitAll(dir, 'tamper');
      const g = lynx(['gate', '00'], { cwd: dir, env: { GITHUB_ACTIONS: 'true' } });
      expect(g.code).toBe(1);
      expect(g.stdout).toContain('PHASE_00_REPORT.md was changed after the phase closed');
      expect(g.stdout).toContain(
        '::error title=lynx gate 00 · ana · closure%3Areport,file=PHASE_00_REPORT.md::PHASE_00_REPORT.md was ' +
          'changed after the phase closed',
      );
      // --json: stdout is only the JSON document, the workflow commands go to stderr (the runner reads
      // both); an absolute --junit path lands where it names, not under the workspace
      const xml = join(tempDir(), 'gate.xml');
      const j = lynx(['gate', '00', '--json', '--junit', xml], { cwd: dir, env: { GITHUB_ACTIONS: 'true' } });
      expect(j.code).toBe(1);
      expect((JSON.parse(j.stdout) as { status: string }).status).toBe('fail');
      expect(j.stderr).toContain('::error title=lynx gate 00 · ana · closure%3Areport,file=PHASE_00_REPORT.md::');
      // stdout is exactly one JSON document: no workflow command, nothing before or after it
      expect(j.stdout).not.toMatch(/^::/m);
      expect(j.stdout.trim().startsWith('{') && j.stdout.trim().endsWith('}')).toBe(true);
      expect(() => JSON.parse(j.stdout) as unknown).not.toThrow();
      expect(readFileSync(xml, 'utf8')).toContain('<testsuite name="phase-00');
    },
  );

  it('gate --all verifies every closed phase; an open phase fails gate NN', async () => {
    const dir = passingWorkspace();
    const open = await gateRun(dir, '00');
    expect(open.code).toBe(1);
    expect(open.stdout).toContain('learners/ana/phase-00/checkpoint.json says in_progress');
    expect((await gateRun(dir, undefined, { all: true, json: true })).json).toEqual([]);
    expect((await reportJson(dir)).code).toBe(0);
    commitAll(dir, 'close');
    const all = await gateRun(dir, undefined, { all: true, json: true });
    expect(all.code).toBe(0);
    expect((all.json as { phase: number; status: string }[]).map((r) => [r.phase, r.status])).toEqual([[0, 'pass']]);
  });
});

describe('lynx report refuses, names the file, writes nothing', () => {
  const refuse = async (dir: string, id: string, text: RegExp): Promise<void> => {
    const { code, gate } = await reportJson(dir);
    expect(code).toBe(1);
    const c = byId(gate, id);
    expect(c?.status, JSON.stringify(gate.checks.filter((x) => x.status !== 'pass'))).toBe('fail');
    const msgs = [c?.message ?? '', ...(c?.children ?? []).map((x) => x.message)].join(' | ');
    expect(msgs).toMatch(text);
    for (const w of WRITTEN.slice(0, 1)) expect(existsSync(join(dir, w)), w).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'learners/ana/phase-00/checkpoint.json'), 'utf8'))).toMatchObject({
      status: 'in_progress',
    });
  };

  it('a dirty manifest', async () => {
    const dir = passingWorkspace();
    appendFileSync(join(dir, 'src/calc.py'), '\n# edit before the run\n');
    just(dir, 'exp');
    commitAll(dir, 'run from a dirty tree');
    await refuse(dir, 'run-loss', /experiments\/00-run\/manifest\.json: git_dirty is true/);
  });

  it('a manifest from a commit not in history', async () => {
    const dir = passingWorkspace();
    const m = JSON.parse(readFileSync(join(dir, 'experiments/00-run/manifest.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    writeFileSync(
      join(dir, 'experiments/00-run/manifest.json'),
      JSON.stringify({ ...m, git_sha: 'deadbeef'.repeat(5) }),
    );
    commitAll(dir, 'manifest from elsewhere');
    await refuse(
      dir,
      'run-loss',
      /experiments\/00-run\/manifest\.json: git_sha deadbeefdead is not a commit in this repository/,
    );
  });

  it('a metric that misses its assertion', async () => {
    const dir = passingWorkspace();
    const m = JSON.parse(readFileSync(join(dir, 'experiments/00-run/manifest.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    writeFileSync(
      join(dir, 'experiments/00-run/manifest.json'),
      JSON.stringify({ ...m, metrics: { final_loss: 0.7 } }),
    );
    commitAll(dir, 'worse run');
    await refuse(dir, 'run-loss', /metrics\.final_loss = 0\.7 fails < 0\.5/);
  });

  it('an unticked checklist (a box inside a code block does not count)', async () => {
    const dir = passingWorkspace();
    write(dir, 'docs/phase-00-mini/lab/00-check.md', '# lab\n\n- [x] one\n- [ ] two\n');
    commitAll(dir, 'untick');
    await refuse(dir, 'checklist', /1 of 2 box\(es\) open in docs\/phase-00-mini\/lab\/00-check\.md/);
  });

  it('a quiz below threshold', async () => {
    const dir = passingWorkspace();
    recordAttempt(dir, 0.5, '2026-11-21T10:00:00.000Z');
    commitAll(dir, 'second attempt');
    await refuse(dir, 'quiz', /latest of 2 attempt\(s\): 50% .*pass ≥ 70%/);
  });

  it(
    'an edited attempt log: a broken chain, a rewritten ' + 'committed line, a tail that no longer matches its anchor',
    async () => {
      const f = (d: string): string => join(d, 'learners/ana/phase-00/quiz-attempts.jsonl');
      const a = passingWorkspace();
      recordAttempt(a, 0.5, '2026-11-21T10:00:00.000Z');
      recordAttempt(a, 0.8, '2026-11-22T10:00:00.000Z');
      writeFileSync(f(a), readFileSync(f(a), 'utf8').replace('"score":0.5', '"score":0.9'));
      commitAll(a, 'edit a middle line');
      await refuse(a, 'quiz', /quiz-attempts\.jsonl:3: hash chain broken/);
      const b = passingWorkspace();
      recordAttempt(b, 0.5, '2026-11-21T10:00:00.000Z');
      commitAll(b, 'honest second attempt');
      writeFileSync(f(b), readFileSync(f(b), 'utf8').replace('"score":0.5', '"score":0.9'));
      commitAll(b, 'rewrite the last line');
      await refuse(b, 'quiz', /quiz-attempts\.jsonl:2: this line was changed after it was committed/);
      const c = passingWorkspace();
      write(
        c,
        'learners/ana/phase-00/checkpoint.json',
        JSON.stringify(checkpointJson(c, { quiz: { attempts: 1, log_sha256: 'f'.repeat(64) } })),
      );
      commitAll(c, 'anchor mismatch');
      await refuse(c, 'quiz', /does not match the checkpoint's quiz\.log_sha256/);
    },
  );

  it('an active break: an open journal, or the mutant committed', async () => {
    const dir = passingWorkspace();
    mkdirSync(join(dir, '.lynx/breaks'), { recursive: true });
    writeFileSync(join(dir, '.lynx/breaks/00-off-by-one.journal.json'), '{}');
    await refuse(dir, 'gate:no-active-break', /break still active: \.lynx\/breaks\/00-off-by-one\.journal\.json/);
    const dir2 = passingWorkspace();
    write(dir2, 'src/calc.py', 'def add(a: int, b: int) -> int:\n    return a + b + 1\n');
    commitAll(dir2, 'mutant committed');
    await refuse(dir2, 'gate:no-active-break', /src\/calc\.py holds the mutant of break off-by-one/);
  });

  it('an uncommitted tree', async () => {
    const dir = passingWorkspace();
    write(dir, 'scratch.txt', 'wip');
    await refuse(dir, 'gate:git-clean', /1 uncommitted path\(s\): scratch\.txt/);
  });

  it(
    'a failing recipe, a missing file, a short reflection, a wrong order, a missing attestation, a plan changed ' +
      'without §8',
    async () => {
      const dir = passingWorkspace();
      write(dir, 'src/calc.py', 'def add(a: int, b: int) -> int:\n    return a - b\n');
      git(dir, 'rm', '-q', 'notes/design.md');
      write(dir, 'learners/ana/phase-00/reflections.md', 'Too short.\n');
      write(dir, 'learners/ana/phase-00/checkpoint.json', JSON.stringify(checkpointJson(dir, { attestations: [] })));
      appendFileSync(join(dir, 'PHASE_00_PLAN.md'), '\nA new locked decision.\n');
      commitAll(dir, 'regressions');
      const { code, gate } = await reportJson(dir);
      expect(code).toBe(1);
      expect(byId(gate, 'tests')?.message).toMatch(/`just test` exited 1; expected 0/);
      expect(byId(gate, 'design-note')?.message).toBe('missing: notes/design.md');
      expect(byId(gate, 'reflection')?.message).toMatch(/has 2 words; needs ≥ 20/);
      expect(byId(gate, 'explain')?.message).toMatch(/lynx attest 00 explain/);
      expect(byId(gate, 'gate:plan')?.message).toMatch(/changed after approval but §8 Revisions log has no entry/);
      expect(byId(gate, 'order')?.status).toBe('pass');
    },
  );

  it(
    'a waiver unblocks an item and the report shows its reason; attest refuses an automatic item; --reason is ' +
      'required',
    async () => {
      const dir = passingWorkspace();
      git(dir, 'rm', '-q', 'notes/design.md');
      commitAll(dir, 'no design note');
      expect(lynx(['waive', '00', 'design-note'], { cwd: dir }).code).toBe(2); // --reason is required (argv: black-box)
      expect(
        (await call('attest', () => attest({ cwd: dir, phase: '00', item: 'design-note' }), { cwd: dir })).stderr,
      ).toContain('checked automatically');
      expect(
        (
          await call(
            'waive',
            () => waive({ cwd: dir, phase: '00', item: 'design-note', reason: 'the design lives in the plan' }),
            { cwd: dir },
          )
        ).code,
      ).toBe(0);
      commitAll(dir, 'waiver');
      const { code, gate } = await reportJson(dir);
      expect(code).toBe(0);
      expect(byId(gate, 'design-note')).toMatchObject({ status: 'skipped', waived: 'the design lives in the plan' });
      expect(readFileSync(join(dir, 'PHASE_00_REPORT.md'), 'utf8')).toContain('waived: the design lives in the plan');
    },
  );

  it('a corrupted checkpoint or manifest: exit 2 naming the file and position; nothing overwritten', async () => {
    const dir = passingWorkspace();
    const cpFile = join(dir, 'learners/ana/phase-00/checkpoint.json');
    const broken = readFileSync(cpFile, 'utf8').replace('"status": "in_progress",', '"status": "in_progress"');
    writeFileSync(cpFile, broken);
    const r = await reportText(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^lynx: error: learners\/ana\/phase-00\/checkpoint\.json:\d+:\d+ invalid JSON/);
    expect(readFileSync(cpFile, 'utf8')).toBe(broken);
    expect(existsSync(join(dir, 'PHASE_00_REPORT.md'))).toBe(false);

    const dir2 = passingWorkspace();
    writeFileSync(join(dir2, 'experiments/00-run/manifest.json'), '{"git_sha": "abc",\n "seed": }');
    commitAll(dir2, 'corrupt manifest');
    const r2 = await reportText(dir2);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/^lynx: error: experiments\/00-run\/manifest\.json:2:\d+ invalid JSON/);
    expect(existsSync(join(dir2, 'PHASE_00_REPORT.md'))).toBe(false);
  });

  it('the remaining kinds fail for their own reasons: glob, json, grep, git-order, any', async () => {
    const dir = passingWorkspace();
    git(dir, 'rm', '-q', 'plots/b.png', 'README.md');
    write(dir, 'results/summary.json', '{"accuracy": 0.5}\n');
    write(dir, 'src/calc.py', 'add = lambda a, b: a + b\n');
    commitAll(dir, 'regress');
    const { code, gate } = await reportJson(dir);
    expect(code).toBe(1);
    expect(byId(gate, 'plots')?.message).toBe('1 of 2 required match(es) of plots/*.png');
    expect(byId(gate, 'summary')?.message).toBe('results/summary.json: accuracy = 0.5 fails >= 0.9');
    expect(byId(gate, 'functions')?.message).toMatch(/^0 line\(s\) match \/\^def \/ in src\/\*\.py; need ≥ 1/);
    expect(byId(gate, 'either')?.message).toBe('none of 2 alternatives passes: missing: README.md | missing: NOTES.md');

    // a history in which the solution came first: predictions written after the fact
    const dir2 = passingWorkspace();
    git(dir2, 'checkout', '-q', '--orphan', 'rewritten');
    git(dir2, 'rm', '-q', '--cached', 'notes/predictions.md');
    git(dir2, 'commit', '-q', '-m', 'everything but the predictions');
    commitAll(dir2, 'predictions after the fact');
    const r2 = await reportJson(dir2);
    expect(byId(r2.gate, 'order')?.message).toMatch(
      /^notes\/solution\.md \([0-9a-f]{8}\) was not committed after notes\/predictions\.md/,
    );
  });
});
