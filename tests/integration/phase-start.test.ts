import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { cleanup, git, lynx, repoRoot, workspace, write } from '../helpers/cli.js';
import { call } from '../helpers/app.js';
import { phaseStart } from '../../src/app/phase-start.js';
import { phaseApprove } from '../../src/app/phase-approve.js';
import { checkpoint as checkpointRun } from '../../src/app/checkpoint.js';

afterAll(cleanup);

interface Cp {
  status: string;
  planned_at?: string;
  approved_at?: string;
  plan_sha256?: string;
  forced?: { at: string; what: string }[];
}
interface PhaseJson {
  id: number;
  requires: number[];
  dod: { id: string; text: string }[];
  labs: { id: string; title: string; file: string }[];
}

const cp = (dir: string, learner: string, nn: string): Cp =>
  JSON.parse(readFileSync(join(dir, `learners/${learner}/phase-${nn}/checkpoint.json`), 'utf8')) as Cp;
const phaseJson = (nn: string): PhaseJson =>
  JSON.parse(readFileSync(join(repoRoot, 'dist/data/phases', `phase-${nn}.json`), 'utf8')) as PhaseJson;
const sha = (s: string): string => createHash('sha256').update(s).digest('hex');
const commitAll = (dir: string, m: string): void => {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', m);
};
const checkpoint = (dir: string, learner: string, phase: number, status: string): void =>
  write(
    dir,
    `learners/${learner}/phase-${String(phase).padStart(2, '0')}/checkpoint.json`,
    JSON.stringify({ schema_version: 1, phase, learner, status }),
  );

// In process (tests/helpers/app.ts): the use cases phase-start NN [--force] and --approve call, presented
// as the CLI would. The first refusal stays black-box: argv (`7`), the process's exit code 1.
const start = (dir: string, phase: number, o: { force?: boolean; json?: boolean } = {}) =>
  call('phase-start', () => phaseStart({ cwd: dir, phase, force: o.force === true }), {
    cwd: dir,
    json: o.json === true,
  });
const approve = (dir: string, phase: number, json = false) =>
  call('phase-approve', () => phaseApprove({ cwd: dir, phase }), { cwd: dir, json });

describe('lynx phase-start: refusals', () => {
  it('a required phase that is not closed: exit 1 naming each one, nothing written', () => {
    const dir = workspace('ana');
    checkpoint(dir, 'ana', 4, 'done');
    checkpoint(dir, 'ana', 6, 'in_progress');
    commitAll(dir, 'state');
    const r = lynx(['phase-start', '7'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(phaseJson('07').requires).toEqual([4, 6]);
    expect(r.stderr).toContain('phase 07 cannot start');
    expect(r.stderr).toMatch(/required phase 06 .* is not closed \(it is in progress/);
    expect(r.stderr).not.toMatch(/required phase 04/);
    expect(r.stderr).toMatch(/phase 06 .* is in progress \(finish it first, or pass --force\)/);
    expect(existsSync(join(dir, 'PHASE_07_PLAN.md'))).toBe(false);
    expect(existsSync(join(dir, 'learners/ana/phase-07'))).toBe(false);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it("a dirty tree: exit 1 naming the paths (lynx's own .lynx/ state aside); every reason at once", async () => {
    const dir = workspace('ana');
    write(dir, 'scratch.py', 'print(1)\n');
    write(dir, 'README.md', '# changed\n');
    write(dir, '.lynx/cache/other.json', '{}');
    const r = await start(dir, 1);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('2 reasons');
    expect(r.stderr).toMatch(/required phase 00 Foundations is not closed \(it is not started/);
    expect(r.stderr).toMatch(/2 uncommitted path\(s\): .*README\.md/);
    expect(r.stderr).toContain('scratch.py');
    expect(r.stderr).not.toContain('.lynx/');
    const r0 = await start(dir, 0);
    expect(r0.code).toBe(1);
    expect(r0.stderr).toContain('1 reason');
    commitAll(dir, 'work');
    expect((await start(dir, 0)).code).toBe(0);
  });

  it('another phase open: refused, unless --force, which the checkpoint records', async () => {
    const dir = workspace('ana');
    checkpoint(dir, 'ana', 0, 'done');
    checkpoint(dir, 'ana', 5, 'in_progress');
    commitAll(dir, 'state');
    const r = await start(dir, 1);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/phase 05 .* is in progress \(finish it first, or pass --force\)/);
    const f = await start(dir, 1, { force: true });
    expect(f.code).toBe(0);
    expect(f.stdout).toContain('forced: opened while phase 05 was in progress');
    const c = cp(dir, 'ana', '01');
    expect(c.status).toBe('planned');
    expect(c.forced?.[0]?.what).toBe('opened while phase 05 was in progress');
  });

  it('a closed phase has nothing to start: exit 2', async () => {
    const dir = workspace('ana');
    checkpoint(dir, 'ana', 0, 'done');
    commitAll(dir, 'state');
    const r = await start(dir, 0);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('phase 00 is already closed');
  });
});

describe('lynx phase-start: the plan and the phase folder', () => {
  it(
    'writes PHASE_NN_PLAN.md with §0–§8, every DoD item with its id and check, the labs; the phase folder; status ' +
      'planned',
    async () => {
      const dir = workspace('ana');
      const r = await start(dir, 0);
      expect(r.code).toBe(0);
      const plan = readFileSync(join(dir, 'PHASE_00_PLAN.md'), 'utf8');
      const heads = plan.split('\n').filter((l) => /^## §\d/.test(l));
      expect(heads).toEqual([
        '## §0 Context',
        '## §1 Locked decisions',
        '## §2 Design',
        '## §3 Deliverables',
        '## §4 Labs',
        '## §5 Pitfalls',
        '## §6 Definition of Done',
        '## §7 Open questions',
        '## §8 Revisions log',
      ]);
      const s6 = plan.slice(plan.indexOf('## §6'), plan.indexOf('## §7'));
      const p = phaseJson('00');
      for (const d of p.dod) {
        expect(s6, d.id).toContain(`- **\`${d.id}\`** — ${d.text.split('\n')[0] ?? ''}`);
      }
      expect((s6.match(/^ {2}- checked by: /gm) ?? []).length).toBe(p.dod.length);
      expect(s6).toContain('`just setup` exits 0');
      expect(s6).toContain('`lynx attest 00 ci-green`');
      for (const l of p.labs) expect(plan).toContain(`### Lab ${l.id} — ${l.title}`);
      expect(plan).toContain('### Lab 04 — Write a manifest-diff helper · est. < 5 minutes wall-clock');
      expect(plan).toContain('1. `theory/00-motivation.md` — why hygiene before AI.');
      expect(plan).toContain('ticked in `learners/ana/phase-00/lab/00-env-checklist.md`');
      // the fresh plan has no open question and no revision entry
      expect(plan.slice(plan.indexOf('## §7'), plan.indexOf('## §8'))).not.toMatch(/^\s*[-*] /m);
      expect(plan.slice(plan.indexOf('## §8'))).not.toMatch(/^\s*([-*]|\d+\.) |^\s*\|/m);
      // the read order and what to do next, then it stops
      expect(r.stdout).toContain('Read, in this order (docs/phase-00-foundations/):');
      expect(r.stdout).toContain('lynx phase-start 00 --approve');
      expect(r.stdout).toContain('Stopped: phase 00 is planned');
      const c = cp(dir, 'ana', '00');
      expect(c.status).toBe('planned');
      expect(Date.parse(c.planned_at ?? '')).not.toBeNaN();
      expect(c.approved_at).toBeUndefined();
      for (const f of ['reflections.md', 'notes/breaks.md', 'lab/00-env-checklist.md', 'lab/04-manifest-diff.md'])
        expect(existsSync(join(dir, 'learners/ana/phase-00', f)), f).toBe(true);
      const checklist = readFileSync(join(dir, 'learners/ana/phase-00/lab/00-env-checklist.md'), 'utf8');
      expect((checklist.match(/^- \[ \] /gm) ?? []).length).toBe(37);
      expect(checklist).toContain('## Block A — System');
      // the break area's own template: `lynx break 00` sees untouched predictions, not words of ours
      const breaks = readFileSync(join(dir, 'learners/ana/phase-00/notes/breaks.md'), 'utf8');
      expect(breaks).toContain('## Remove `PYTHONHASHSEED` from `seed_everything` (pythonhashseed)');
      const br = JSON.parse(lynx(['break', '00', '--json'], { cwd: dir }).stdout) as {
        predictions: { exists: boolean; written: { ok: boolean; reason: string } };
      };
      expect(br.predictions).toMatchObject({
        exists: true,
        written: { ok: false, reason: 'the file is still the untouched template' },
      });
      expect(readFileSync(join(dir, 'learners/ana/phase-00/notes/breaks.md'), 'utf8')).toBe(breaks);
    },
  );

  it("lab pages in the workspace's docs: the learner ticks those, no copy is made", async () => {
    const dir = workspace('ana');
    write(dir, 'docs/phase-00-foundations/lab/00-env-checklist.md', '# Lab 00\n\n- [ ] one\n- [ ] two\n');
    commitAll(dir, 'docs');
    expect((await start(dir, 0)).code).toBe(0);
    expect(existsSync(join(dir, 'learners/ana/phase-00/lab/00-env-checklist.md'))).toBe(false);
    expect(existsSync(join(dir, 'learners/ana/phase-00/lab/01-write-the-justfile.md'))).toBe(true);
    expect(readFileSync(join(dir, 'PHASE_00_PLAN.md'), 'utf8')).toContain(
      'ticked in `docs/phase-00-foundations/lab/00-env-checklist.md`',
    );
  });

  it(
    're-running is idempotent; an edited plan is never ' + 'overwritten; --force rewrites it and keeps a backup',
    async () => {
      const dir = workspace('ana');
      expect((await start(dir, 0)).code).toBe(0);
      const snapshot = (): Record<string, string> =>
        Object.fromEntries(
          [
            'PHASE_00_PLAN.md',
            ...readdirSync(join(dir, 'learners/ana/phase-00'), { recursive: true, encoding: 'utf8' }).map(
              (f) => `learners/ana/phase-00/${f}`,
            ),
          ]
            .filter((f) => !f.endsWith('/lab') && !f.endsWith('/notes'))
            .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
        );
      const first = snapshot();
      const again = await start(dir, 0, { json: true });
      expect(again.code).toBe(0);
      const j = JSON.parse(again.stdout) as { opened: boolean; plan: { action: string }; files: { action: string }[] };
      expect(j.opened).toBe(false);
      expect(j.plan.action).toBe('unchanged');
      expect(j.files.every((f) => f.action === 'unchanged')).toBe(true);
      expect(snapshot()).toEqual(first);

      const edited = (first['PHASE_00_PLAN.md'] ?? '').replace(
        '## §2 Design\n',
        '## §2 Design\n\nOne module: src/utils/seeding.py.\n',
      );
      writeFileSync(join(dir, 'PHASE_00_PLAN.md'), edited);
      const kept = await start(dir, 0);
      expect(kept.code).toBe(0);
      expect(kept.stdout).toContain('kept: it differs from the template');
      expect(readFileSync(join(dir, 'PHASE_00_PLAN.md'), 'utf8')).toBe(edited);

      const forced = await start(dir, 0, { force: true, json: true });
      expect(forced.code).toBe(0);
      const fj = JSON.parse(forced.stdout) as { plan: { action: string; backup: string } };
      expect(fj.plan.action).toBe('rewritten');
      expect(readFileSync(join(dir, 'PHASE_00_PLAN.md'), 'utf8')).toBe(first['PHASE_00_PLAN.md']);
      expect(readFileSync(join(dir, fj.plan.backup), 'utf8')).toBe(edited);
      expect(fj.plan.backup).toMatch(/^\.lynx\/backups\//);
      expect(cp(dir, 'ana', '00').forced?.map((f) => f.what)).toEqual([
        `rewrote the edited PHASE_00_PLAN.md from the template (backup ${fj.plan.backup})`,
      ]);
    },
  );
});

/** The gatekeeper's view of the plan (`lynx checkpoint` never writes): the contract this area feeds. */
async function gatePlan(dir: string): Promise<{ status: string; message: string } | undefined> {
  const r = (
    await call(
      'checkpoint',
      async () => ({ gate: await checkpointRun({ cwd: dir, phase: '00' }), notices: [], run: false }),
      { cwd: dir, json: true },
    )
  ).json as { checks: { id: string; status: string; message: string }[] };
  const c = r.checks.find((x) => x.id === 'gate:plan');
  return c && { status: c.status, message: c.message };
}

describe('lynx phase-start --approve and the §8 rule', () => {
  it("records approved_at and the plan's sha256, moves to in_progress, once; later edits need a §8 entry", async () => {
    const dir = workspace('ana');
    const early = await approve(dir, 0);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('phase 00 has no plan to approve yet');
    expect((await start(dir, 0)).code).toBe(0);
    const plan0 = readFileSync(join(dir, 'PHASE_00_PLAN.md'), 'utf8');
    const withQuestion = plan0.replace('## §7 Open questions\n', '## §7 Open questions\n\n- [ ] pin uv to 0.4.18?\n');
    writeFileSync(join(dir, 'PHASE_00_PLAN.md'), withQuestion);
    commitAll(dir, 'phase: phase-00 plan');

    const a = await approve(dir, 0);
    expect(a.code).toBe(0);
    expect(a.stdout).toContain('approved: PHASE_00_PLAN.md');
    expect(a.stdout).toContain('§7 has 1 open question(s)');
    const c = cp(dir, 'ana', '00');
    expect(c.status).toBe('in_progress');
    expect(Date.parse(c.approved_at ?? '')).not.toBeNaN();
    expect(c.plan_sha256).toBe(sha(withQuestion));

    expect((await gatePlan(dir))?.status).toBe('pass'); // the gatekeeper reads the same approval
    const again = JSON.parse((await approve(dir, 0, true)).stdout) as {
      approved_now: boolean;
      approved_at: string;
      plan: { state: string };
    };
    expect(again.approved_now).toBe(false);
    expect(again.approved_at).toBe(c.approved_at);
    expect(again.plan.state).toBe('unchanged');

    // an edit after approval without a §8 entry: reported, exit 1, and approval is not re-recorded
    const edited = withQuestion.replace('## §2 Design\n', '## §2 Design\n\nUse a dataclass for the manifest.\n');
    writeFileSync(join(dir, 'PHASE_00_PLAN.md'), edited);
    const bad = await start(dir, 0);
    expect(bad.code).toBe(1);
    expect(await gatePlan(dir)).toEqual({
      status: 'fail',
      message: 'PHASE_00_PLAN.md changed after approval but §8 Revisions log has no entry',
    });
    expect(bad.stdout).toContain('PHASE_00_PLAN.md changed after approval but §8 Revisions log has no entry');
    const badApprove = await approve(dir, 0);
    expect(badApprove.code).toBe(1);
    expect(cp(dir, 'ana', '00').plan_sha256).toBe(sha(withQuestion));

    writeFileSync(
      join(dir, 'PHASE_00_PLAN.md'),
      `${edited}\n- 2026-05-23 — §2: the manifest is a dataclass (typed fields)\n`,
    );
    const ok = await start(dir, 0, { json: true });
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.stdout) as { plan: { state: string } }).plan.state).toBe('revised');
    expect((await gatePlan(dir))?.status).toBe('pass');
  });

  it('--force on an approved phase rewrites the plan and withdraws the approval (recorded)', async () => {
    const dir = workspace('ana');
    await start(dir, 0);
    commitAll(dir, 'plan');
    expect((await approve(dir, 0)).code).toBe(0);
    writeFileSync(join(dir, 'PHASE_00_PLAN.md'), '# my own plan\n');
    const r = await start(dir, 0, { force: true });
    expect(r.code).toBe(0);
    const c = cp(dir, 'ana', '00');
    expect(c.status).toBe('planned');
    expect(c.approved_at).toBeUndefined();
    expect(c.plan_sha256).toBeUndefined();
    expect(c.forced?.map((f) => f.what).join('\n')).toContain('approval withdrawn');
  });
});
